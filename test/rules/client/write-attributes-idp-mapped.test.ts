import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-write-attributes-idp-mapped';
const google = (mapping: unknown, poolRef: unknown = { Ref: 'Pool' }) => ({
  Type: 'AWS::Cognito::UserPoolIdentityProvider',
  Properties: { UserPoolId: poolRef, ProviderName: 'Google', ProviderType: 'Google', AttributeMapping: mapping },
});
const lint = (clientProps: Record<string, unknown>, idp = google({ email: 'email', given_name: 'given_name', username: 'sub' })) =>
  findingsOf(RULE, templateWith({ Idp: idp, Client: client(clientProps) }));

describe(RULE, () => {
  test('warns when a supported IdP maps attributes the client cannot write', () => {
    const findings = lint({ SupportedIdentityProviders: ['COGNITO', 'Google'], WriteAttributes: ['email'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'WriteAttributes' });
    expect(findings[0].message).toContain('identity provider Google (Idp) maps given_name, which this client may not write');
  });

  test('recognises the IdP through a Ref in SupportedIdentityProviders', () => {
    expect(lint({ SupportedIdentityProviders: [{ Ref: 'Idp' }], WriteAttributes: [] })).toHaveLength(1);
  });

  test('passes when the mapped attributes are writable, the list is absent, or the IdP is not supported', () => {
    expect(lint({ SupportedIdentityProviders: ['Google'], WriteAttributes: ['email', 'given_name'] })).toEqual([]);
    expect(lint({ SupportedIdentityProviders: ['Google'] })).toEqual([]);
    expect(lint({ SupportedIdentityProviders: ['COGNITO'], WriteAttributes: [] })).toEqual([]);
  });

  test('ignores IdPs of other pools and stays silent for tokens', () => {
    expect(lint({ SupportedIdentityProviders: ['Google'], WriteAttributes: [] }, google({ email: 'email' }, { Ref: 'OtherPool' }))).toEqual([]);
    expect(lint({ SupportedIdentityProviders: ['Google'], WriteAttributes: [] }, google({ Ref: 'Mapping' }))).toEqual([]);
    expect(lint({ SupportedIdentityProviders: ['Google'], WriteAttributes: [{ Ref: 'Attr' }] })).toEqual([]);
  });
});
