import { defineRule } from '../rule';
import { Severity } from '../types';

// Measured: "client_credentials flow can not be selected if client does not have a client secret." (constraints C06)
export const clientCredentialsRequiresSecret = defineRule({
  id: 'client-credentials-requires-secret',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'The client_credentials OAuth flow needs a client secret (GenerateSecret: true).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows',
  constraints: ['C06'],
  check: (client) => {
    const flows = client.strings('AllowedOAuthFlows');
    if (!Array.isArray(flows) || !flows.includes('client_credentials')) return [];
    const secret = client.boolean('GenerateSecret');
    // Absent means false: CloudFormation creates the client without a secret.
    if (secret === true || (secret !== undefined && secret !== false)) return [];
    return [{
      property: 'GenerateSecret',
      value: secret,
      because: 'the client_credentials flow authenticates the client with its secret, and this client would have none',
      fix: 'set GenerateSecret to true (this replaces an existing client), or remove client_credentials from AllowedOAuthFlows',
    }];
  },
});
