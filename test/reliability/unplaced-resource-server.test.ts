import { findingsOf, templateWith } from '../rules/helpers';

// Regression, found by the engine fuzzing (a value unknown until deploy must never add an error): a resource server
// whose UserPoolId the linter cannot read (Fn::If, a parameter, an import) was treated as belonging to no pool of the
// template, so a client of the pool asking for its scope got a client-oauth-scopes-exist ERROR. Like an unplaced
// identity provider, such a server may be the pool's, so custom scopes cannot be judged.

const RULE = 'client-oauth-scopes-exist';

function template(serverPoolId: unknown, scopes: string[]) {
  return templateWith({
    Api: {
      Type: 'AWS::Cognito::UserPoolResourceServer',
      Properties: { UserPoolId: serverPoolId, Identifier: 'api', Name: 'api', Scopes: [{ ScopeName: 'read', ScopeDescription: 'r' }] },
    },
    Client: {
      Type: 'AWS::Cognito::UserPoolClient',
      Properties: { UserPoolId: { Ref: 'Pool' }, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: scopes },
    },
  });
}

test.each([
  ['Fn::If between this pool and a parameter', { 'Fn::If': ['IsProd', { Ref: 'Pool' }, { Ref: 'SharedPoolId' }] }],
  ['a parameter', { Ref: 'SomeParameter' }],
  ['an import', { 'Fn::ImportValue': 'pool-id' }],
])('a resource server of the pool behind %s may define any scope: silent', (_name, serverPoolId) => {
  expect(findingsOf(RULE, template(serverPoolId, ['api/read', 'api/write']))).toEqual([]);
});

test('a scope that is not of the form <identifier>/<name> is still an error: no server can define it', () => {
  const findings = findingsOf(RULE, template({ Ref: 'SomeParameter' }, ['read']));

  expect(findings).toEqual([expect.objectContaining({ severity: 'error', property: 'AllowedOAuthScopes[0]' })]);
});

test('a resource server placed on a literal pool id is another pool: the missing scope is still an error', () => {
  const findings = findingsOf(RULE, template('us-east-1_Other1234', ['api/read']));

  expect(findings).toEqual([expect.objectContaining({ severity: 'error', property: 'AllowedOAuthScopes[0]' })]);
  expect(findings[0].message).toContain('no resource server of user pool Pool defines it (defined: none)');
});
