import { isKnown, Maybe, readBoolean, readStringList, Unknown } from '../values';

/**
 * Checks of sign-in and sign-out URLs against the client they are built for: what `/oauth2/authorize` and `/logout`
 * would refuse at runtime, found at synth time. Each check has a rule id and a source, like the template rules.
 */

// https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html
const AUTHORIZE_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/authorization-endpoint.html';
// https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html
const LOGOUT_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/logout-endpoint.html';
// https://docs.aws.amazon.com/cognito/latest/developerguide/using-pkce-in-authorization-code.html
const PKCE_DOC = 'https://docs.aws.amazon.com/cognito/latest/developerguide/using-pkce-in-authorization-code.html';

/** The client settings the endpoint checks read, as CloudFormation properties (possibly with intrinsics). */
export interface ClientEndpointSettings {
  readonly [property: string]: unknown;
}

export interface AuthorizeRequest {
  readonly redirectUri: string;
  readonly responseType: string;
  readonly scopes?: readonly string[];
  readonly identityProvider?: string;
  readonly codeChallenge?: string;
}

export interface EndpointProblem {
  readonly ruleId: string;
  readonly message: string;
}

function problem(ruleId: string, docUrl: string, text: string): EndpointProblem {
  return { ruleId, message: `${text} (${ruleId}, ${docUrl})` };
}

function knownList(settings: ClientEndpointSettings, property: string): Maybe<Array<string | Unknown>> {
  return readStringList(settings[property]);
}

/** All reasons `/oauth2/authorize` would refuse `request` for a client with `settings`; unknown values are skipped. */
export function checkAuthorizeRequest(settings: ClientEndpointSettings, request: AuthorizeRequest): EndpointProblem[] {
  const problems: EndpointProblem[] = [];
  if (readBoolean(settings.AllowedOAuthFlowsUserPoolClient) === false || settings.AllowedOAuthFlowsUserPoolClient === undefined) {
    problems.push(problem('authorize-client-oauth-enabled', AUTHORIZE_DOC,
      'Client: OAuth is not enabled (AllowedOAuthFlowsUserPoolClient is not true), so /oauth2/authorize answers error=unauthorized_client. Fix: configure oAuth on the client.'));
    return problems;
  }
  const callbacks = knownList(settings, 'CallbackURLs') ?? [];
  if (isKnown(callbacks) && callbacks.every(isKnown) && !callbacks.includes(request.redirectUri)) {
    problems.push(problem('authorize-redirect-uri-registered', AUTHORIZE_DOC,
      `Option redirectUri: value ${JSON.stringify(request.redirectUri)} is not allowed because it is not one of the client's callback URLs (${callbacks.join(', ') || 'none'}), so Cognito answers error=redirect_mismatch. Fix: use a registered callback URL or add it to the client's callbackUrls.`));
  }
  const flows = knownList(settings, 'AllowedOAuthFlows');
  const neededFlow = request.responseType === 'code' ? 'code' : request.responseType === 'token' ? 'implicit' : undefined;
  if (neededFlow === undefined) {
    problems.push(problem('authorize-response-type-allowed', AUTHORIZE_DOC,
      `Option responseType: value ${JSON.stringify(request.responseType)} is not allowed because Cognito accepts only code or token. Fix: use code (with PKCE).`));
  } else if (isKnown(flows) && flows.every(isKnown) && !flows.includes(neededFlow)) {
    problems.push(problem('authorize-response-type-allowed', AUTHORIZE_DOC,
      `Option responseType: value ${JSON.stringify(request.responseType)} is not allowed because the client does not allow the ${neededFlow} flow (allowed: ${flows.join(', ') || 'none'}). Fix: use a response type the client allows.`));
  }
  const allowedScopes = knownList(settings, 'AllowedOAuthScopes');
  if (request.scopes && isKnown(allowedScopes) && allowedScopes.every(isKnown)) {
    const extra = request.scopes.filter((s) => !allowedScopes.includes(s));
    if (extra.length) {
      problems.push(problem('authorize-scopes-allowed', AUTHORIZE_DOC,
        `Option scopes: value ${JSON.stringify(extra)} is not allowed because the client allows only ${allowedScopes.join(', ') || 'no scopes'}, so Cognito answers error=invalid_scope. Fix: request a subset of the client's scopes.`));
    }
  }
  const providers = knownList(settings, 'SupportedIdentityProviders');
  if (request.identityProvider !== undefined && isKnown(providers) && providers.every(isKnown) && !providers.includes(request.identityProvider)) {
    problems.push(problem('authorize-identity-provider-supported', AUTHORIZE_DOC,
      `Option identityProvider: value ${JSON.stringify(request.identityProvider)} is not allowed because the client supports only ${providers.join(', ') || 'no identity provider'}. Fix: add the provider to the client's supportedIdentityProviders or request another.`));
  }
  if (readBoolean(settings.GenerateSecret) !== true && request.responseType === 'code' && !request.codeChallenge) {
    problems.push(problem('authorize-pkce-required', PKCE_DOC,
      'Option codeChallenge: no value is not allowed because a public client (no secret) must bind the code to the app with PKCE; without it anyone who intercepts the code can redeem it. Fix: pass codeChallenge (BASE64URL(SHA256(code_verifier))); code_challenge_method is S256.'));
  }
  return problems;
}

/** All reasons `/logout` would refuse `logoutUri` for a client with `settings`. */
export function checkLogoutRequest(settings: ClientEndpointSettings, logoutUri: string): EndpointProblem[] {
  const logoutUrls = knownList(settings, 'LogoutURLs');
  if (logoutUrls === undefined) {
    return [problem('logout-uri-registered', LOGOUT_DOC,
      `Option logoutUri: value ${JSON.stringify(logoutUri)} is not allowed because the client has no logout URLs. Fix: add it to the client's logoutUrls.`)];
  }
  if (!isKnown(logoutUrls)) return [];
  if (logoutUrls.every(isKnown) && !logoutUrls.includes(logoutUri)) {
    return [problem('logout-uri-registered', LOGOUT_DOC,
      `Option logoutUri: value ${JSON.stringify(logoutUri)} is not allowed because it is not one of the client's logout URLs (${logoutUrls.join(', ') || 'none'}). Fix: use a registered logout URL or add it to the client's logoutUrls.`)];
  }
  return [];
}
