import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { PROFILE_DOC_URL } from './profiles';

// https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html
export const m2mClientCredentialsOnly = defineRule({
  id: 'profile-m2m-client-credentials-only',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A machine-to-machine client (M2MClient) uses client_credentials only: no user sign-in, no callback or sign-out URLs (contract of the construct).',
  docUrl: PROFILE_DOC_URL,
  constraints: [],
  check: (client) => {
    if (client.profile !== 'm2m') return [];
    const violations: Violation[] = [];
    const flows = client.strings('AllowedOAuthFlows');
    if (isKnown(flows)) {
      flows.forEach((flow, index) => {
        if (isKnown(flow) && flow !== 'client_credentials') {
          violations.push({
            property: `AllowedOAuthFlows[${index}]`,
            value: flow,
            because: 'a machine-to-machine client acts for itself, not for a user',
            fix: 'keep client_credentials as the only flow; create a PublicSpaClient or AppClient for user sign-in',
          });
        }
      });
    }
    for (const property of ['CallbackURLs', 'LogoutURLs']) {
      const urls = client.strings(property);
      if (isKnown(urls) && urls.length > 0) {
        violations.push({
          property,
          value: urls,
          because: 'a machine-to-machine client never redirects a browser',
          fix: `remove ${property}`,
        });
      }
    }
    const authFlows = client.strings('ExplicitAuthFlows');
    if (isKnown(authFlows)) {
      authFlows.forEach((flow, index) => {
        if (isKnown(flow) && flow !== 'ALLOW_REFRESH_TOKEN_AUTH') {
          violations.push({
            property: `ExplicitAuthFlows[${index}]`,
            value: flow,
            because: 'user authentication flows let anyone with the client id try passwords against the pool through this client',
            fix: 'keep only ALLOW_REFRESH_TOKEN_AUTH (which Cognito requires)',
          });
        }
      });
    }
    return violations;
  },
});
