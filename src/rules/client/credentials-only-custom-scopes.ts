import { defineRule } from '../rule';
import { Severity } from '../types';
import { clientCredentialsScopes } from './oauth';
import { ADMIN_SCOPE } from './scopes';

/**
 * Standard scopes not covered by the observed errors. The same message shape suggests Cognito refuses them too,
 * but no log shows it, so this stays a warning (openid and email are the error rule client-credentials-no-openid-email).
 */
const UNCONFIRMED_SCOPES = ['phone', 'profile', ADMIN_SCOPE];

// Unconfirmed extension of the observed "<scope> is not supported with client_credentials flow" errors (constraints C07).
export const clientCredentialsOnlyCustomScopes = defineRule({
  id: 'client-credentials-only-custom-scopes',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client_credentials client should request only resource-server scopes; phone, profile and aws.cognito.signin.user.admin are probably rejected (unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthScopes',
  constraints: ['C07'],
  check: (client) => {
    return clientCredentialsScopes(client)
      .filter(({ value }) => UNCONFIRMED_SCOPES.includes(value))
      .map(({ value, index }) => ({
        property: `AllowedOAuthScopes[${index}]`,
        value,
        because: 'the client uses client_credentials, which has no signed-in user, so user scopes are meaningless and likely rejected at deploy (unconfirmed)',
        fix: 'request only resource-server scopes (<identifier>/<scope>) on a client_credentials client',
      }));
  },
});
