import { defineRule } from '../rule';
import { Severity } from '../types';
import { BROWSER_FLOWS, CLIENT_CREDENTIALS, knownStrings, oauthEnabled } from './oauth';

// Measured: "client_credentials flow can not be selected along with code flow or implicit flow." (constraints C05, pf-cognito-client-credentials-exclusive)
export const clientCredentialsExclusive = defineRule({
  id: 'client-credentials-exclusive',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'An OAuth client with client_credentials may not also allow the code or implicit flow.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlows',
  constraints: ['C05'],
  check: (client) => {
    if (!oauthEnabled(client)) return [];
    const flows = knownStrings(client, 'AllowedOAuthFlows');
    if (!flows.some(({ value }) => value === CLIENT_CREDENTIALS)) return [];
    return flows.filter(({ value }) => BROWSER_FLOWS.includes(value)).map(({ value, index }) => ({
      property: `AllowedOAuthFlows[${index}]`,
      value,
      because: 'the client also allows client_credentials, and Cognito rejects machine-to-machine and user sign-in flows on one client',
      fix: 'create a separate app client for the machine-to-machine client_credentials flow, and keep code (or implicit) on this one',
    }));
  },
});
