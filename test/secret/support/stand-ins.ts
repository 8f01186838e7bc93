import { CognitoStandIn, startCognitoStandIn } from './cognito-standin';
import { SecretsManagerStandIn, startSecretsManagerStandIn } from './secrets-manager-standin';
import { OidcServer, startCognitoLocal, startOidcServer } from './servers';

/** The servers the secret handlers talk to in tests, all on 127.0.0.1. */
export interface StandIns {
  /** oidc-provider: real client_credentials tokens, discovery and JWKS. */
  readonly oidc: OidcServer;
  /** The Cognito stand-in (client-secret APIs, token endpoint) in front of cognito-local and oidc-provider. */
  readonly cognito: CognitoStandIn;
  readonly sm: SecretsManagerStandIn;
  /** Stops all four servers. */
  stop(): Promise<void>;
}

/** Starts cognito-local, oidc-provider and the two stand-ins (the Cognito one needs the first two). */
export async function startStandIns(): Promise<StandIns> {
  const [cognitoLocal, oidc, sm] = await Promise.all([startCognitoLocal(), startOidcServer(), startSecretsManagerStandIn()]);
  const cognito = await startCognitoStandIn(cognitoLocal, oidc);
  return {
    oidc,
    cognito,
    sm,
    stop: async () => { await Promise.all([cognito.stop(), sm.stop(), cognitoLocal.stop(), oidc.stop()]); },
  };
}

/**
 * The next PutSecretValue fails with a ValidationException that quotes the value, as real validation errors do
 * ("Value '...' at 'secretString' failed to satisfy constraint"): what a handler's redaction must catch.
 */
export function failNextPutSecretValueQuotingIt(sm: SecretsManagerStandIn): void {
  sm.server.inject({
    operations: ['PutSecretValue'],
    count: 1,
    type: 'ValidationException',
    status: 400,
    message: (input) => `1 validation error detected: Value '${input.SecretString}' at 'secretString' failed to satisfy constraint`,
  });
}
