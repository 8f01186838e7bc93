import { defineRule } from '../rule';
import { Severity } from '../types';
import { knownStrings } from './oauth';
import { ADMIN_SCOPE } from './scopes';

// Dev guide: aws.cognito.signin.user.admin authorizes the user-pool API operations on the signed-in user's own profile.
export const clientAdminScopePublicClient = defineRule({
  id: 'client-admin-scope-public-client',
  severity: Severity.WARNING,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'A public client (no secret) with the aws.cognito.signin.user.admin scope hands browser tokens that can change the user\'s own profile through the Cognito API.',
  docUrl: 'https://docs.aws.amazon.com/cognito/latest/developerguide/cognito-user-pools-define-resource-servers.html',
  constraints: [],
  check: (client) => {
    const secret = client.boolean('GenerateSecret');
    // Absent means no secret; an intrinsic might give one.
    if (secret !== undefined && secret !== false) return [];
    return knownStrings(client, 'AllowedOAuthScopes')
      .filter(({ value }) => value === ADMIN_SCOPE)
      .map(({ value, index }) => ({
        property: `AllowedOAuthScopes[${index}]`,
        value,
        because: 'the client has no secret, so any script that obtains its access token can call Cognito user APIs (update attributes, change password, manage MFA and devices) as the user',
        fix: 'drop aws.cognito.signin.user.admin and grant resource-server scopes for what the app needs, or keep it only on a confidential client (GenerateSecret: true)',
      }));
  },
});
