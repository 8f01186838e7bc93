import { findingsOf, templateWith, client, resourceServer } from '../helpers';

const RULE = 'client-oauth-scopes-exist';
const withScopes = (scopes: unknown, servers: Record<string, unknown> = {}) =>
  templateWith({ ...servers, Client: client({ AllowedOAuthScopes: scopes }) });

describe(RULE, () => {
  test('fails when no resource server defines the scope (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, withScopes(['openid', 'api/read']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ property: 'AllowedOAuthScopes[1]', severity: 'error' });
    expect(findings[0].message).toContain('value "api/read" is not allowed because no resource server of user pool Pool defines it (defined: none)');
  });

  test('fails when the resource server exists but lacks that scope name, and lists the defined ones', () => {
    const findings = findingsOf(RULE, withScopes(['api/write'], { Api: resourceServer('api', ['read']) }));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('(defined: api/read)');
  });

  test('fails on a scope that is neither standard nor identifier/name', () => {
    expect(findingsOf(RULE, withScopes(['Cognito']))[0].message).toMatch(/neither a standard scope/);
  });

  test('reports every unknown scope at once', () => {
    expect(findingsOf(RULE, withScopes(['a/b', 'c/d', 'email'])).map((f) => f.property))
      .toEqual(['AllowedOAuthScopes[0]', 'AllowedOAuthScopes[1]']);
  });

  test('passes with standard scopes and defined resource-server scopes, identifiers with slashes included', () => {
    const servers = { Api: resourceServer('https://api.example.com', ['read', 'write']) };
    expect(findingsOf(RULE, withScopes(['openid', 'https://api.example.com/read'], servers))).toEqual([]);
  });

  test('resolves CDK-style scopes built with Fn::Join over the resource server Ref', () => {
    const servers = { Api: resourceServer('api', ['read']) };
    const scope = { 'Fn::Join': ['', [{ Ref: 'Api' }, '/read']] };
    expect(findingsOf(RULE, withScopes([scope], servers))).toEqual([]);
    const wrong = { 'Fn::Join': ['', [{ Ref: 'Api' }, '/nope']] };
    expect(findingsOf(RULE, withScopes([wrong], servers))).toHaveLength(1);
  });

  test('stays silent when it cannot know', () => {
    // a resource server whose identifier is a parameter could define anything
    expect(findingsOf(RULE, withScopes(['x/y'], { Api: resourceServer({ Ref: 'Param' }, ['y']) }))).toEqual([]);
    // scopes that are a parameter
    expect(findingsOf(RULE, withScopes({ Ref: 'ScopesParam' }))).toEqual([]);
    // an imported pool: its resource servers live elsewhere
    const imported = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { 'Fn::ImportValue': 'pool' }, AllowedOAuthScopes: ['api/read'] } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
