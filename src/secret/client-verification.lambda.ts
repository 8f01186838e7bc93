import { GetSecretValueCommand, SecretsManagerClient } from '@aws-sdk/client-secrets-manager';
import { JwtVerifier } from 'aws-jwt-verify';
import { SimpleJwksCache } from 'aws-jwt-verify/jwk';
import { LambdaContextLike, OnEventRequest, OnEventResponse, optionalString, requiredString, stringList } from './internal/events';
import { explainOAuthError, isRetryableHttpError, requestClientCredentialsToken, requireHttps, TokenResult, TransientHttpError } from './internal/oauth';
import { logEvent, redact } from './internal/redact';
import { errorDetail, errorReason, isRetryableAwsError, lambdaDeadline, RetryBudgetExceededError, RetryOptions, withRetry } from './internal/retry';
import { parsePayload } from './internal/secret-payload';

/**
 * onEvent handler of ClientVerification (custom_resources.Provider framework): an opt-in post-deploy check that
 * fails the deployment with a readable reason when the client does not work.
 *
 *  confidential (M2M) client: client_credentials token from the token endpoint, then signature and claims
 *    (client_id, scope, token_use=access, iss) checked against the JWKS.
 *  public client: the discovery document's issuer and endpoints, and that /oauth2/authorize with the client's
 *    callback URL redirects to the login page rather than to error=redirect_mismatch.
 *
 * A domain that is still propagating (DNS failures, refused connections, 5xx) is retried with exponential backoff
 * and jitter until TimeoutSeconds; then the deployment fails with a timeout message. No secret is logged or returned.
 */
export interface VerificationDependencies {
  readonly secrets: SecretsManagerClient;
  readonly sleep?: (ms: number) => Promise<void>;
  readonly random?: () => number;
  /**
   * How long invalid_client/unauthorized_client are retried: a client or secret created moments ago may not be
   * accepted by every token endpoint host yet.
   * @default 60 seconds (never more than the verification timeout)
   */
  readonly rejectionRetryMs?: number;
  /** Accept http: token endpoints and JWKS URIs on a loopback host. Only tests set this. @default false */
  readonly allowLoopbackHttp?: boolean;
}

const REJECTION_RETRY_MS = 60_000;

export function makeVerificationHandler(deps: () => VerificationDependencies) {
  return async (event: OnEventRequest, context?: LambdaContextLike): Promise<OnEventResponse> => {
    const props = event.ResourceProperties;
    const clientId = requiredString(props, 'ClientId');
    const physicalResourceId = event.PhysicalResourceId ?? `client-verification:${clientId}`;
    logEvent('request', { requestType: event.RequestType, logicalResourceId: event.LogicalResourceId, clientId });
    if (event.RequestType === 'Delete') return { PhysicalResourceId: physicalResourceId };

    const timeoutSeconds = Number(optionalString(props, 'TimeoutSeconds') ?? '300');
    const d = deps();
    const retry: RetryOptions = {
      deadline: Math.min(lambdaDeadline(context), Date.now() + timeoutSeconds * 1000),
      baseDelayMs: 1_000,
      maxDelayMs: 20_000,
      isRetryable: isRetryableHttpError,
      sleep: d.sleep,
      random: d.random,
      onRetry: (info) => logEvent('retry', info),
    };
    const checks: string[] = [];

    const discoveryUrl = optionalString(props, 'DiscoveryUrl');
    if (discoveryUrl) {
      await checkDiscovery(discoveryUrl, props, retry, timeoutSeconds);
      checks.push('discovery');
    }
    const secretArn = optionalString(props, 'SecretArn');
    if (secretArn) {
      await checkClientCredentials(clientId, secretArn, props, d, retry, timeoutSeconds);
      checks.push('client-credentials-token');
    }
    const authorizeUrl = optionalString(props, 'AuthorizeUrl');
    const callbackUrl = optionalString(props, 'CallbackUrl');
    if (authorizeUrl && callbackUrl) {
      await checkAuthorizeRedirect(clientId, authorizeUrl, callbackUrl, stringList(props, 'Scopes'), retry, timeoutSeconds);
      checks.push('authorize-redirect');
    }
    logEvent('verified', { clientId, checks: checks.join(',') });
    return { PhysicalResourceId: physicalResourceId, Data: { ClientId: clientId, Checks: checks.join(',') } };
  };
}

function timeoutMessage(what: string, url: string, seconds: number, error: unknown): string {
  return `${what} at ${url} did not answer successfully within ${seconds} seconds (last error: ${errorReason(error)}). `
    + 'Fix: a new Cognito domain can take a few minutes to resolve (a custom domain up to an hour while CloudFront distributes it); '
    + 'check the domain and its DNS record, or raise the verification timeout.';
}

async function getJson(url: string, retry: RetryOptions, what: string, seconds: number): Promise<Record<string, unknown>> {
  try {
    return await withRetry(async () => {
      const response = await fetch(url, { headers: { accept: 'application/json' }, signal: AbortSignal.timeout(10_000) });
      if (response.status >= 500) throw new TransientHttpError(response.status, what);
      if (!response.ok) throw new Error(`${what} at ${url} answered HTTP ${response.status}. Fix: check the URL.`);
      return await response.json() as Record<string, unknown>;
    }, retry);
  } catch (error) {
    if (error instanceof RetryBudgetExceededError) throw new Error(timeoutMessage(what, url, seconds, error));
    throw error;
  }
}

async function checkDiscovery(url: string, props: Record<string, unknown>, retry: RetryOptions, seconds: number): Promise<void> {
  const doc = await getJson(url, retry, 'The discovery document', seconds);
  const expected: Array<[string, string | undefined]> = [
    ['issuer', optionalString(props, 'Issuer')],
    ['token_endpoint', optionalString(props, 'TokenEndpoint')],
    ['jwks_uri', optionalString(props, 'JwksUri')],
    ['authorization_endpoint', optionalString(props, 'AuthorizeUrl')],
  ];
  const wrong = expected
    .filter(([field, want]) => want !== undefined && doc[field] !== want)
    .map(([field, want]) => `${field} is ${JSON.stringify(doc[field])} but ${JSON.stringify(want)} was expected`);
  if (wrong.length > 0) {
    throw new Error(`The discovery document at ${url} does not match the configuration: ${wrong.join('; ')}. `
      + 'Fix: use the issuer https://cognito-idp.<region>.amazonaws.com/<userPoolId> and the endpoints of the pool\'s own domain.');
  }
}

async function checkClientCredentials(
  clientId: string, secretArn: string, props: Record<string, unknown>, d: VerificationDependencies, retry: RetryOptions, seconds: number,
): Promise<void> {
  const tokenEndpoint = requiredString(props, 'TokenEndpoint');
  const issuer = requiredString(props, 'Issuer');
  const jwksUri = requiredString(props, 'JwksUri');
  const scopes = stringList(props, 'Scopes');
  // The secret and the signing keys must not travel in cleartext.
  requireHttps(tokenEndpoint, 'The token endpoint', d.allowLoopbackHttp);
  requireHttps(jwksUri, 'The JWKS URI', d.allowLoopbackHttp);

  let value;
  try {
    value = await withRetry(() => d.secrets.send(new GetSecretValueCommand({ SecretId: secretArn })), { ...retry, isRetryable: isRetryableAwsError });
  } catch (error) {
    throw new Error(`Reading secret ${secretArn} failed: ${errorDetail(error)}. Fix: check that UserPoolClientSecret wrote it and that this check can read it.`);
  }
  const payload = parsePayload(value.SecretString, 'client');
  const secrets = [payload.clientSecret];

  // A client created moments ago may be refused (invalid_client, unauthorized_client) for a short while: retried
  // for at most rejectionRetryMs, then the refusal is reported. Other refusals are final at once.
  const rejectionDeadline = Math.min(retry.deadline, Date.now() + (d.rejectionRetryMs ?? REJECTION_RETRY_MS));
  let rejected: TokenResult | undefined;
  let answer: TokenResult;
  try {
    answer = await withRetry(async () => {
      rejected = undefined;
      const result = await requestClientCredentialsToken({ tokenEndpoint, clientId, clientSecret: payload.clientSecret, scopes });
      if (result.error === 'invalid_client' || result.error === 'unauthorized_client') {
        rejected = result;
        throw new NotYetAccepted();
      }
      return result;
    }, { ...retry, isRetryable: (e) => (e instanceof NotYetAccepted && Date.now() < rejectionDeadline) || isRetryableHttpError(e) });
  } catch (error) {
    if (rejected && (error instanceof NotYetAccepted || error instanceof RetryBudgetExceededError)) {
      answer = rejected;
    } else if (error instanceof RetryBudgetExceededError) {
      throw new Error(redact(timeoutMessage('The token endpoint', tokenEndpoint, seconds, error), secrets));
    } else {
      throw new Error(redact(`The token request to ${tokenEndpoint} failed: ${errorDetail(error)}.`, secrets));
    }
  }
  if (answer.status !== 200 || !answer.accessToken) {
    throw new Error(redact(explainOAuthError(answer.error, { clientId, scopes }, answer.errorDescription), secrets));
  }
  const accessToken = answer.accessToken;
  secrets.push(accessToken);

  // aws-jwt-verify's default fetcher speaks HTTPS only; this one does too, and reaches a loopback issuer only when
  // the dependencies allow it explicitly (tests).
  const jwksCache = new SimpleJwksCache({
    fetcher: {
      fetch: async (uri: string) => {
        requireHttps(uri, 'The JWKS URI', d.allowLoopbackHttp);
        const response = await fetch(uri, { signal: AbortSignal.timeout(10_000) });
        if (!response.ok) throw new Error(`JWKS at ${uri} answered HTTP ${response.status}`);
        return response.arrayBuffer();
      },
    },
  });
  const verifier = JwtVerifier.create({
    issuer,
    jwksUri,
    audience: null, // Cognito access tokens carry client_id, not aud.
    customJwtCheck: ({ payload: claims }) => {
      const problems: string[] = [];
      if (claims.client_id !== clientId) problems.push(`client_id is ${JSON.stringify(claims.client_id)}, expected ${clientId}`);
      if (claims.token_use !== 'access') problems.push(`token_use is ${JSON.stringify(claims.token_use)}, expected "access"`);
      const granted = typeof claims.scope === 'string' ? claims.scope.split(' ') : [];
      const missing = scopes.filter((s) => !granted.includes(s));
      if (missing.length > 0) problems.push(`scope lacks ${missing.join(' ')}`);
      if (problems.length > 0) throw new Error(problems.join('; '));
    },
  }, { jwksCache });
  try {
    await verifier.verify(accessToken);
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new Error(redact(`The access token for app client ${clientId} failed verification: ${reason}. `
      + `Fix: check that the issuer (${issuer}) and JWKS URI (${jwksUri}) belong to the user pool that issued the token and that the client is allowed the requested scopes.`, secrets));
  }
}

async function checkAuthorizeRedirect(
  clientId: string, authorizeUrl: string, callbackUrl: string, scopes: string[], retry: RetryOptions, seconds: number,
): Promise<void> {
  const url = new URL(authorizeUrl);
  url.searchParams.set('response_type', 'code');
  url.searchParams.set('client_id', clientId);
  url.searchParams.set('redirect_uri', callbackUrl);
  if (scopes.length > 0) url.searchParams.set('scope', scopes.join(' '));
  let answer: { status: number; location: string; body: string };
  try {
    answer = await withRetry(async () => {
      const response = await fetch(url, { redirect: 'manual', signal: AbortSignal.timeout(10_000) });
      if (response.status >= 500) throw new TransientHttpError(response.status, 'The authorize endpoint');
      const body = response.status >= 300 && response.status < 400 ? '' : await response.text();
      return { status: response.status, location: response.headers.get('location') ?? '', body };
    }, retry);
  } catch (error) {
    if (error instanceof RetryBudgetExceededError) throw new Error(timeoutMessage('The authorize endpoint', authorizeUrl, seconds, error));
    throw new Error(`The authorize request to ${authorizeUrl} failed: ${errorReason(error)}.`);
  }
  const redirectError = answer.location ? new URL(answer.location, url).searchParams.get('error') : null;
  const mismatch = redirectError === 'redirect_mismatch' || /redirect_mismatch|redirect_uri/i.test(answer.body);
  if (mismatch) {
    throw new Error(`The authorize endpoint refused callback URL ${callbackUrl} for app client ${clientId} (redirect_mismatch). `
      + 'Fix: add this exact URL (scheme, host, port, path; no fragment) to the client\'s callbackUrls.');
  }
  if (answer.status < 300 || answer.status >= 400 || redirectError) {
    throw new Error(`The authorize endpoint answered HTTP ${answer.status}${redirectError ? ` with error=${redirectError}` : ''} instead of redirecting app client ${clientId} to the login page. `
      + 'Fix: check that the client allows the code flow and the requested scopes, and that the domain has managed login configured.');
  }
}

class NotYetAccepted extends Error {
  constructor() {
    super('NotYetAccepted');
    this.name = 'NotYetAccepted';
  }
}

let defaults: VerificationDependencies | undefined;
export const handler = makeVerificationHandler(() => {
  defaults ??= { secrets: new SecretsManagerClient({ maxAttempts: 1 }) };
  return defaults;
});
