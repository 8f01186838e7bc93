import { defineRule } from '../rule';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';

const OAUTH_SETTINGS = ['AllowedOAuthFlows', 'AllowedOAuthScopes', 'CallbackURLs', 'LogoutURLs'];

// API doc of AllowedOAuthFlowsUserPoolClient: the flag must be true "before you can configure" these settings.
// Whether Cognito rejects or ignores them is unconfirmed (constraints C10).
export const clientOAuthSettingsWithoutFlag = defineRule({
  id: 'client-oauth-settings-without-flag',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'OAuth flows, scopes, callback or logout URLs are set while AllowedOAuthFlowsUserPoolClient is not true, so the client cannot use them (rejection unconfirmed).',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthFlowsUserPoolClient',
  constraints: ['C10'],
  check: (client) => {
    const flag = client.boolean('AllowedOAuthFlowsUserPoolClient');
    if (flag !== undefined && flag !== false) return [];
    const state = flag === false ? 'false' : 'not set (it defaults to false)';
    const violations: Violation[] = [];
    for (const property of OAUTH_SETTINGS) {
      const list = client.strings(property);
      if (!isKnown(list) || list.length === 0) continue;
      violations.push({
        property,
        value: list,
        because: `AllowedOAuthFlowsUserPoolClient is ${state}, so the client cannot use OAuth and this setting is ignored or refused (unconfirmed which)`,
        fix: `set AllowedOAuthFlowsUserPoolClient to true if the client signs in through OAuth, or remove ${property}`,
      });
    }
    return violations;
  },
});
