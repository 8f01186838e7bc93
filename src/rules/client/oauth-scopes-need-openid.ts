import { defineRule } from '../rule';
import { Severity } from '../types';
import { CLIENT_CREDENTIALS, fullyKnown, knownStrings } from './oauth';

const OPENID_CLAIM_SCOPES = ['phone', 'email', 'profile'];

// aws-cdk-lib adds openid to phone/email/profile; AWS wording not retrieved, rejection unconfirmed (constraints C13).
export const clientOAuthScopesNeedOpenid = defineRule({
  id: 'client-oauth-scopes-need-openid',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'The phone, email and profile scopes only work together with openid (unconfirmed whether Cognito rejects them alone).',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html',
  constraints: ['C13'],
  check: (client) => {
    const scopes = client.strings('AllowedOAuthScopes');
    // An unknown item could be openid.
    if (!fullyKnown(scopes) || scopes.includes('openid')) return [];
    // client_credentials may not request any of them; client-credentials-* rules say so instead.
    if (knownStrings(client, 'AllowedOAuthFlows').some(({ value }) => value === CLIENT_CREDENTIALS)) return [];
    const needing = scopes.filter((scope) => OPENID_CLAIM_SCOPES.includes(scope));
    if (needing.length === 0) return [];
    return [{
      property: 'AllowedOAuthScopes',
      value: needing,
      because: 'these scopes add OpenID Connect claims to the ID token and userInfo response, which Cognito only issues when openid is also granted (unconfirmed whether the deploy fails)',
      fix: 'add openid to AllowedOAuthScopes',
    }];
  },
});
