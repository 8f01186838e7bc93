import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-identity-providers-exist';
const idp = (providerName: unknown, userPoolId: unknown = { Ref: 'Pool' }) => ({
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: { UserPoolId: userPoolId, ProviderName: providerName, ProviderType: 'Google', ProviderDetails: {} },
});
const withProviders = (providers: unknown, others: Record<string, unknown> = {}) =>
  templateWith({ ...others, Client: client({ SupportedIdentityProviders: providers }) });

describe(RULE, () => {
  test('fails on a provider the pool does not have (the measured deploy failure)', () => {
    // GIVEN a client naming Google on a pool without identity providers
    const findings = findingsOf(RULE, withProviders(['COGNITO', 'Google']));
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client', property: 'SupportedIdentityProviders[1]' });
    expect(findings[0].message).toBe('Property SupportedIdentityProviders[1]: value "Google" is not allowed because user pool Pool has no identity provider of that name (defined: COGNITO). '
      + 'Fix: add an AWS::Cognito::UserPoolIdentityProvider with ProviderName "Google" to Pool (and DependsOn it), or remove the entry; names are case-sensitive.');
  });

  test('lists the defined providers, and compares case-sensitively', () => {
    const findings = findingsOf(RULE, withProviders(['google', 'Cognito'], { Google: idp('Google') }));
    expect(findings.map((f) => f.property)).toEqual(['SupportedIdentityProviders[0]', 'SupportedIdentityProviders[1]']);
    expect(findings[0].message).toContain('(defined: COGNITO, Google)');
  });

  test('ignores providers of another pool', () => {
    const others = { Other: { Type: 'AWS::Cognito::UserPool', Properties: {} }, Google: idp('Google', { Ref: 'Other' }) };
    expect(findingsOf(RULE, withProviders(['Google'], others))).toHaveLength(1);
  });

  test('passes with COGNITO and providers of the pool', () => {
    expect(findingsOf(RULE, withProviders(['COGNITO', 'Google'], { Google: idp('Google') }))).toEqual([]);
    expect(findingsOf(RULE, withProviders(['COGNITO']))).toEqual([]);
  });

  test('stays silent when it cannot know', () => {
    // a provider whose name is a parameter
    expect(findingsOf(RULE, withProviders(['Okta'], { Idp: idp({ Ref: 'Name' }) }))).toEqual([]);
    // a provider whose pool cannot be resolved
    expect(findingsOf(RULE, withProviders(['Okta'], { Idp: idp('Okta', { 'Fn::If': ['C', { Ref: 'Pool' }, 'x'] }) }))).toEqual([]);
    // an imported pool
    const imported = { Resources: { C: { Type: 'AWS::Cognito::UserPoolClient', Properties: { UserPoolId: { 'Fn::ImportValue': 'pool' }, SupportedIdentityProviders: ['Google'] } } } };
    expect(findingsOf(RULE, imported)).toEqual([]);
    // an intrinsic item
    expect(findingsOf(RULE, withProviders([{ Ref: 'Provider' }]))).toEqual([]);
  });
});
