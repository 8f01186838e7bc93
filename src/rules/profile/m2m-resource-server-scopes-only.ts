import { isStandardScope } from '../client/scopes';
import { defineRule } from '../rule';
import { Severity } from '../types';
import { isKnown } from '../values';
import { PROFILE_DOC_URL } from './profiles';

// Cognito grants client_credentials tokens only custom (resource-server) scopes.
// https://docs.aws.amazon.com/cognito/latest/developerguide/token-endpoint.html
export const m2mResourceServerScopesOnly = defineRule({
  id: 'profile-m2m-resource-server-scopes-only',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A machine-to-machine client (M2MClient) asks for resource-server scopes only, never OIDC or admin scopes (contract of the construct).',
  docUrl: PROFILE_DOC_URL,
  constraints: ['C07'],
  check: (client) => {
    if (client.profile !== 'm2m') return [];
    const scopes = client.strings('AllowedOAuthScopes');
    if (!isKnown(scopes)) return [];
    return scopes.flatMap((scope, index) => (isKnown(scope) && isStandardScope(scope)) ? [{
      property: `AllowedOAuthScopes[${index}]`,
      value: scope,
      because: 'OIDC and admin scopes describe a signed-in user, and a client_credentials token has none',
      fix: 'use scopes of a resource server: OAuthScope.resourceServer(server, scope)',
    }] : []);
  },
});
