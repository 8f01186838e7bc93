import { checkEachString, checkMaxItems } from '../constraints';
import { defineRule } from '../rule';
import { Severity } from '../types';

// API model ScopeListType (max 50) and ScopeType (1-256, [\x21\x23-\x5B\x5D-\x7E]+) (constraints C11).
export const clientOAuthScopesFormat = defineRule({
  id: 'client-oauth-scopes-format',
  severity: Severity.ERROR,
  resourceType: 'AWS::Cognito::UserPoolClient',
  description: 'AllowedOAuthScopes has at most 50 items, each 1-256 printable ASCII characters without space, " or \\.',
  docUrl: 'https://docs.aws.amazon.com/cognito-user-identity-pools/latest/APIReference/API_CreateUserPoolClient.html#CognitoUserPools-CreateUserPoolClient-request-AllowedOAuthScopes',
  constraints: ['C11'],
  check: (client) => {
    const scopes = client.strings('AllowedOAuthScopes');
    return [
      ...checkMaxItems('AllowedOAuthScopes', scopes, 50, 'keep at most 50 scopes; split the permissions across several app clients if needed'),
      ...checkEachString('AllowedOAuthScopes', scopes, {
        minLength: 1,
        maxLength: 256,
        pattern: /^[\x21\x23-\x5B\x5D-\x7E]+$/,
        patternDescription: 'printable ASCII characters other than space, " and \\',
      }, 'write the scope as a standard scope name or <resource-server-identifier>/<scope-name>, without spaces or quotes'),
    ];
  },
});
