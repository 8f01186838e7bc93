import { client, findingsOf, resourceServer, templateWith } from '../helpers';

const RULE = 'client-depends-on-pool-resources';
const idp = (providerName: string) => ({
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: { UserPoolId: { Ref: 'Pool' }, ProviderName: providerName, ProviderType: 'OIDC', ProviderDetails: {} },
});
const withClient = (props: Record<string, unknown>, dependsOn?: string[]) => templateWith({
  Api: resourceServer('api', ['read', 'write']),
  Okta: idp('Okta'),
  Client: { ...client(props), ...(dependsOn ? { DependsOn: dependsOn } : {}) },
});

describe(RULE, () => {
  test('warns once per resource server whose scopes a client uses without a dependency', () => {
    const findings = findingsOf(RULE, withClient({ AllowedOAuthScopes: ['openid', 'api/read', 'api/write'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client', property: 'AllowedOAuthScopes[1]' });
    expect(findings[0].message).toBe('Property AllowedOAuthScopes[1]: value "api/read" is risky because it comes from resource server Api, which the client neither references '
      + 'nor lists in DependsOn, so CloudFormation may create the client first and the deploy fails with "Invalid scope requested". '
      + 'Fix: add DependsOn: Api to Client (in CDK: client.node.addDependency(...)).');
  });

  test('warns on an identity provider without a dependency', () => {
    const findings = findingsOf(RULE, withClient({ SupportedIdentityProviders: ['COGNITO', 'Okta'] }));
    expect(findings).toHaveLength(1);
    expect(findings[0].property).toBe('SupportedIdentityProviders[1]');
    expect(findings[0].message).toContain('"The provider Okta does not exist"');
  });

  test('picks the resource server with the longest matching identifier', () => {
    const template = templateWith({
      Short: resourceServer('https://api.example.com', ['v2']),
      Long: resourceServer('https://api.example.com/v2', ['read']),
      Client: { ...client({ AllowedOAuthScopes: ['https://api.example.com/v2/read'] }), DependsOn: 'Long' },
    });
    expect(findingsOf(RULE, template)).toEqual([]);
  });

  test('passes with DependsOn, or with a Ref in the scope (CDK resourceServer scopes)', () => {
    expect(findingsOf(RULE, withClient({ AllowedOAuthScopes: ['api/read'], SupportedIdentityProviders: ['Okta'] }, ['Api', 'Okta']))).toEqual([]);
    const scope = { 'Fn::Join': ['', [{ Ref: 'Api' }, '/read']] };
    expect(findingsOf(RULE, withClient({ AllowedOAuthScopes: [scope] }))).toEqual([]);
  });

  test('stays silent for standard scopes, unknown values and imported pools', () => {
    expect(findingsOf(RULE, withClient({ AllowedOAuthScopes: ['openid'], SupportedIdentityProviders: ['COGNITO'] }))).toEqual([]);
    expect(findingsOf(RULE, withClient({ AllowedOAuthScopes: { Ref: 'Scopes' }, SupportedIdentityProviders: [{ Ref: 'Idp' }] }))).toEqual([]);
    const imported = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: 'us-east-1_abc', AllowedOAuthScopes: ['api/read'] } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
