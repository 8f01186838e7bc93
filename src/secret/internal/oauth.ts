import { isNetworkError } from './retry';

/** The OAuth 2.0 token endpoint's answer, reduced to what the handlers need. */
export interface TokenResult {
  readonly status: number;
  readonly accessToken?: string;
  readonly error?: string;
  readonly errorDescription?: string;
}

/** A token endpoint that answered with a 5xx, or not at all: worth retrying. */
export class TransientHttpError extends Error {
  constructor(readonly status: number, what: string) {
    super(`${what} answered HTTP ${status}`);
    this.name = 'TransientHttpError';
  }
}

export function isRetryableHttpError(error: unknown): boolean {
  return error instanceof TransientHttpError || isNetworkError(error);
}

export interface ClientCredentialsRequest {
  readonly tokenEndpoint: string;
  readonly clientId: string;
  readonly clientSecret: string;
  readonly scopes?: readonly string[];
  /** Per-request timeout in ms. */
  readonly timeoutMs?: number;
}

/**
 * POSTs a client_credentials grant with HTTP Basic client authentication (client_secret_basic).
 * Throws TransientHttpError on 5xx; returns 2xx and 4xx answers for the caller to judge.
 */
export async function requestClientCredentialsToken(req: ClientCredentialsRequest): Promise<TokenResult> {
  // RFC 6749 section 2.3.1: id and secret are form-urlencoded before Base64.
  const basic = Buffer.from(`${encodeURIComponent(req.clientId)}:${encodeURIComponent(req.clientSecret)}`).toString('base64');
  const body = new URLSearchParams({ grant_type: 'client_credentials' });
  if (req.scopes && req.scopes.length > 0) body.set('scope', req.scopes.join(' '));
  const response = await fetch(req.tokenEndpoint, {
    method: 'POST',
    headers: {
      'authorization': `Basic ${basic}`,
      'content-type': 'application/x-www-form-urlencoded',
      'accept': 'application/json',
    },
    body: body.toString(),
    signal: AbortSignal.timeout(req.timeoutMs ?? 10_000),
    redirect: 'manual',
  });
  if (response.status >= 500) {
    await response.body?.cancel();
    throw new TransientHttpError(response.status, 'the token endpoint');
  }
  const json = await response.json().catch(() => ({})) as Record<string, unknown>;
  return {
    status: response.status,
    accessToken: typeof json.access_token === 'string' ? json.access_token : undefined,
    error: typeof json.error === 'string' ? json.error : undefined,
    errorDescription: typeof json.error_description === 'string' ? json.error_description : undefined,
  };
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '[::1]']);

/**
 * Refuses a URL that is not https: (a client secret or a signing key must not travel in cleartext). http: is
 * accepted only for a loopback host and only when the caller says so explicitly (tests against loopback servers).
 */
export function requireHttps(url: string, what: string, allowLoopbackHttp = false): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw new Error(`${what} ${JSON.stringify(url)} is not a URL. Fix: use the https:// URL of the user pool's domain or issuer.`);
  }
  if (parsed.protocol === 'https:') return;
  if (allowLoopbackHttp && parsed.protocol === 'http:' && LOOPBACK_HOSTS.has(parsed.hostname)) return;
  throw new Error(`${what} ${url} does not use https:, so it is refused. Fix: use the https:// URL of the user pool's domain or issuer.`);
}

/**
 * A sentence for each OAuth error a token request can return, ending with what to change. The server's own
 * error_description is quoted when there is one: callers redact the result, because a server may echo credentials.
 */
export function explainOAuthError(
  error: string | undefined, context: { clientId: string; scopes?: readonly string[] }, description?: string,
): string {
  const said = description ? ` The token endpoint said: ${JSON.stringify(description.slice(0, 300))}.` : '';
  return explainOAuthCode(error, context) + said;
}

function explainOAuthCode(error: string | undefined, context: { clientId: string; scopes?: readonly string[] }): string {
  const scopes = context.scopes && context.scopes.length > 0 ? context.scopes.join(' ') : '(none)';
  switch (error) {
    case 'invalid_client':
      return `The token endpoint rejected the credentials of app client ${context.clientId} (invalid_client). `
        + 'Fix: make sure the client has a secret (generateSecret: true), that the stored secret is the current one, and that the token endpoint belongs to the same user pool.';
    case 'invalid_scope':
      return `The token endpoint refused the scopes ${scopes} for app client ${context.clientId} (invalid_scope). `
        + 'Fix: define each scope on a resource server of the user pool (identifier/scope) and list it in the client\'s allowed OAuth scopes.';
    case 'unauthorized_client':
      return `App client ${context.clientId} may not use the client_credentials grant (unauthorized_client). `
        + 'Fix: enable the client_credentials OAuth flow on the client (allowedOAuthFlows: clientCredentials) with allowedOAuthFlowsUserPoolClient: true.';
    case 'invalid_grant':
      return `The token endpoint rejected the grant for app client ${context.clientId} (invalid_grant). `
        + 'Fix: request grant_type=client_credentials only from a confidential client whose OAuth flows include client credentials.';
    case 'unsupported_grant_type':
      return `The token endpoint does not support the client_credentials grant for app client ${context.clientId} (unsupported_grant_type). `
        + 'Fix: enable the client_credentials flow on the client and use the user pool domain\'s /oauth2/token endpoint.';
    default:
      return `The token endpoint refused the request for app client ${context.clientId} (${error ?? 'no OAuth error code'}). `
        + 'Fix: check the client\'s OAuth flows, scopes and secret.';
  }
}
