import { defineRule } from '../rule';
import { serverIndexOf, serversOwningScope } from '../template-model';
import { Severity, Violation } from '../types';
import { isKnown } from '../values';
import { isStandardScope, splitCustomScope } from './scopes';

// Measured: ScopeDoesNotExistException "Invalid scope requested: api/read" (constraints C12).
export const clientOAuthScopesExist = defineRule({
  id: 'client-oauth-scopes-exist',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'Every AllowedOAuthScopes entry is a standard scope or `<identifier>/<scope>` of a resource server of the same pool.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthScopes',
  constraints: ['C12'],
  check: (client) => {
    const scopes = client.strings('AllowedOAuthScopes');
    const pool = client.pool;
    if (!isKnown(scopes) || !pool) return [];
    const violations: Violation[] = [];
    // A resource server whose pool we cannot read (UserPoolId from Fn::If, a parameter...) may be this pool's.
    const mayHaveUnreadableServer = client.model.hasUnplacedResourceServer;
    scopes.forEach((scope, index) => {
      if (!isKnown(scope) || isStandardScope(scope)) return;
      if (mayHaveUnreadableServer && splitCustomScope(scope)) return;
      const parts = splitCustomScope(scope);
      // A scope not of the form <identifier>/<name> cannot be defined by any server, readable or not.
      const candidates = parts ? [...serversOwningScope(pool, scope), ...serverIndexOf(pool).unreadable] : [];
      const defined = candidates.some((server) => {
        if (!isKnown(server.identifier) || !isKnown(server.scopeNames)) return true;
        const scopeName = scope.slice(server.identifier.length + 1);
        return server.scopeNames.some((name) => !isKnown(name) || name === scopeName);
      });
      if (defined) return;
      const known = serverIndexOf(pool).definedScopes;
      violations.push({
        property: `AllowedOAuthScopes[${index}]`,
        value: scope,
        because: parts
          ? `no resource server of user pool ${pool.logicalId} defines it (defined: ${known.length ? known.join(', ') : 'none'})`
          : 'it is neither a standard scope (phone, email, openid, profile, aws.cognito.signin.user.admin) nor of the form <resource-server-identifier>/<scope-name>',
        fix: `add the scope to an AWS::Cognito::UserPoolResourceServer of ${pool.logicalId}, or use one of the defined scopes`,
      });
    });
    return violations;
  },
});

