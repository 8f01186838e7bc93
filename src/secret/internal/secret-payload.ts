/** The JSON document stored in the secret. */
export interface ClientSecretPayload {
  readonly clientId: string;
  readonly clientSecret: string;
  readonly userPoolId: string;
  readonly tokenEndpoint?: string;
  readonly scopes: string[];
  /** The Cognito id of this secret (`<client-id>--<epoch>`), once a rotation has created it. */
  readonly clientSecretId?: string;
  /** During rotation only: the Cognito id of the secret this one replaces, deleted by finishSecret. */
  readonly previousClientSecretId?: string;
}

export function parsePayload(text: string | undefined, what: string): ClientSecretPayload {
  let parsed: Record<string, unknown>;
  try {
    parsed = JSON.parse(text ?? '') as Record<string, unknown>;
  } catch {
    // Never echo the text: it is the secret.
    throw new Error(`The ${what} secret value is not JSON. Fix: let UserPoolClientSecret write the secret instead of setting it by hand.`);
  }
  const clientId = parsed.clientId;
  const clientSecret = parsed.clientSecret;
  const userPoolId = parsed.userPoolId;
  if (typeof clientId !== 'string' || typeof clientSecret !== 'string' || typeof userPoolId !== 'string') {
    throw new Error(`The ${what} secret value lacks clientId, clientSecret or userPoolId. Fix: let UserPoolClientSecret write the secret instead of setting it by hand.`);
  }
  return {
    clientId,
    clientSecret,
    userPoolId,
    tokenEndpoint: typeof parsed.tokenEndpoint === 'string' ? parsed.tokenEndpoint : undefined,
    scopes: Array.isArray(parsed.scopes) ? parsed.scopes.filter((s): s is string => typeof s === 'string') : [],
    clientSecretId: typeof parsed.clientSecretId === 'string' ? parsed.clientSecretId : undefined,
    previousClientSecretId: typeof parsed.previousClientSecretId === 'string' ? parsed.previousClientSecretId : undefined,
  };
}
