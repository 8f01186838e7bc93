import { defineRule } from '../rule';
import { Severity } from '../types';
import { clientCredentialsScopes } from './oauth';

/** The standard scopes whose rejection with client_credentials was observed in deploy logs. */
const REJECTED_SCOPES = ['openid', 'email'];

// Observed errors "openid is not supported with client_credentials flow" and "email is not supported with client_credentials flow" (constraints C07).
export const clientCredentialsNoOpenidEmail = defineRule({
  id: 'client-credentials-no-openid-email',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client_credentials client may not request the openid or email scope; it has no user to describe.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthScopes',
  constraints: ['C07'],
  check: (client) => {
    return clientCredentialsScopes(client)
      .filter(({ value }) => REJECTED_SCOPES.includes(value))
      .map(({ value, index }) => ({
        property: `AllowedOAuthScopes[${index}]`,
        value,
        because: 'the client uses client_credentials, which issues tokens to a machine, not a user, and Cognito rejects user scopes with it',
        fix: 'request only resource-server scopes (<identifier>/<scope>) on a client_credentials client',
      }));
  },
});
