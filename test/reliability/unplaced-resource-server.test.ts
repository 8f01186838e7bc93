import { findingsOf, templateWith } from '../rules/helpers';

// Regressions found by the engine fuzzing.
// 1. A value unknown until deploy must never add an error: a resource server whose UserPoolId hides this pool
//    (Fn::If, Fn::Select) was treated as belonging to no pool, so a client asking for its scope got a
//    client-oauth-scopes-exist ERROR. Such a server may be the pool's, so custom scopes cannot be judged.
// 2. Unrelated resources must change nothing: an identity provider on an imported pool or a parameter silenced
//    client-identity-providers-exist for every pool of the template, though it cannot be one of them.

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
  ['Fn::Select over this pool', { 'Fn::Select': [0, [{ 'Fn::GetAtt': ['Pool', 'UserPoolId'] }]] }],
])('a resource server of the pool behind %s may define any scope: silent', (_name, serverPoolId) => {
  expect(findingsOf(RULE, template(serverPoolId, ['api/read', 'api/write']))).toEqual([]);
});

test('a resource server with unreadable Properties may be any pool\'s: silent', () => {
  const t = template({ Ref: 'Pool' }, ['api/read']);
  (t.Resources as Record<string, { Properties: unknown }>).Api.Properties = { 'Fn::If': ['IsProd', {}, {}] };

  expect(findingsOf(RULE, t)).toEqual([]);
});

// A parameter or an import cannot hold the id of a pool this stack creates: those servers are another pool's, and
// adding them must not change the findings on this pool (the fuzz property "unrelated resources change nothing").
test.each([
  ['a parameter', { Ref: 'SomeParameter' }],
  ['an import', { 'Fn::ImportValue': 'pool-id' }],
])('a resource server on %s is another pool\'s: the missing scope is still an error', (_name, serverPoolId) => {
  expect(findingsOf(RULE, template(serverPoolId, ['api/read']))).toEqual([
    expect.objectContaining({ severity: 'error', property: 'AllowedOAuthScopes[0]' }),
  ]);
});

test('likewise an identity provider on an imported pool does not silence client-identity-providers-exist', () => {
  const t = templateWith({
    Idp: { Type: 'AWS::Cognito::UserPoolIdentityProvider', Properties: { UserPoolId: { 'Fn::ImportValue': 'pool-id' }, ProviderName: 'Google', ProviderType: 'Google' } },
    Client: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { Ref: 'Pool' }, SupportedIdentityProviders: ['COGNITO', 'Google'] } },
  });

  expect(findingsOf('client-identity-providers-exist', t)).toEqual([
    expect.objectContaining({ severity: 'error', property: 'SupportedIdentityProviders[1]' }),
  ]);
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

// 3. A server of the pool with an unreadable Identifier silenced every non-standard scope, even `read` or `` that no
//    server can define; an unplaced server did not. Both now judge such scopes the same way: always an error.
test.each([
  ['a server of the pool with an unknown Identifier', { Ref: 'Pool' }, { Ref: 'IdentifierParameter' }],
  ['a server that may be the pool\'s', { 'Fn::If': ['IsProd', { Ref: 'Pool' }, { Ref: 'P' }] }, 'api'],
])('%s cannot define a scope without <identifier>/: still an error', (_name, serverPoolId, identifier) => {
  const t = template(serverPoolId, ['read', 'api/read']);
  (t.Resources as Record<string, { Properties: Record<string, unknown> }>).Api.Properties.Identifier = identifier;

  expect(findingsOf(RULE, t)).toEqual([expect.objectContaining({ severity: 'error', property: 'AllowedOAuthScopes[0]' })]);
});
