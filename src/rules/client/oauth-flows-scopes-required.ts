import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { oauthEnabled } from './oauth';

// Measured: "AllowedOAuthFlows and AllowedOAuthScopes are required if user pool client is allowed to use OAuth flows." (constraints C08, pf-cognito-oauth-flows-scopes-required)
export const clientOAuthFlowsScopesRequired = defineRule({
  id: 'client-oauth-flows-scopes-required',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A client with AllowedOAuthFlowsUserPoolClient true needs at least one AllowedOAuthFlows and one AllowedOAuthScopes entry.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlowsUserPoolClient',
  constraints: ['C08'],
  check: (client) => {
    if (!oauthEnabled(client)) return [];
    const violations: Violation[] = [];
    for (const [property, fix] of [
      ['AllowedOAuthFlows', 'list the OAuth flows the client uses (code for user sign-in, client_credentials for machine-to-machine)'],
      ['AllowedOAuthScopes', 'list the scopes the client may request (e.g. openid, or <resource-server>/<scope> for client_credentials)'],
    ]) {
      const list = client.strings(property);
      // Absent or an empty literal list; an intrinsic list might have items.
      if (list !== undefined && (!Array.isArray(list) || list.length > 0)) continue;
      violations.push({
        property,
        value: list,
        because: 'AllowedOAuthFlowsUserPoolClient is true, and Cognito requires both AllowedOAuthFlows and AllowedOAuthScopes for an OAuth client',
        fix: `${fix}, or set AllowedOAuthFlowsUserPoolClient to false if the client does not use OAuth`,
      });
    }
    return violations;
  },
});
