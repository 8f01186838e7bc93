import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-identity-provider-names-format';
const withProviders = (providers: unknown) => templateWith({ Client: client({ SupportedIdentityProviders: providers }) });

describe(RULE, () => {
  test('fails on an empty, a too long and a control-character name', () => {
    const findings = findingsOf(RULE, withProviders(['COGNITO', '', 'x'.repeat(33), 'Okta\n']));
    expect(findings.map((f) => f.property)).toEqual(['SupportedIdentityProviders[1]', 'SupportedIdentityProviders[2]', 'SupportedIdentityProviders[3]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[1].message).toBe(`Property SupportedIdentityProviders[2]: value "${'x'.repeat(33)}" is not allowed because it has 33 characters and the maximum is 32. `
      + 'Fix: use COGNITO or the ProviderName of an identity provider of the user pool (provider names have at most 32 characters).');
    expect(findings[2].message).toContain('value "Okta\\n" is not allowed because it must consist of letters');
  });

  test('passes with names of up to 32 characters, spaces included', () => {
    expect(findingsOf(RULE, withProviders(['COGNITO', 'Google', 'My Corp SAML', 'x'.repeat(32)]))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withProviders({ Ref: 'Providers' }))).toEqual([]);
    expect(findingsOf(RULE, withProviders([{ 'Fn::GetAtt': ['Idp', 'ProviderName'] }]))).toEqual([]);
  });
});
