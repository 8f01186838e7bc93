import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-oauth-scopes-need-openid';
const withScopes = (scopes: unknown, flows: unknown = ['code']) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: flows, AllowedOAuthScopes: scopes, CallbackURLs: ['https://a.example/cb'] }),
});

describe(RULE, () => {
  test('warns once when phone, email or profile come without openid', () => {
    const findings = findingsOf(RULE, withScopes(['email', 'profile', 'aws.cognito.signin.user.admin']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client', property: 'AllowedOAuthScopes' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthScopes: value \["email","profile"\] is risky because .*\(unconfirmed whether the deploy fails\)\. Fix: add openid to AllowedOAuthScopes\.$/);
  });

  test('passes with openid, or without claim scopes', () => {
    expect(findingsOf(RULE, withScopes(['openid', 'email', 'phone', 'profile']))).toEqual([]);
    expect(findingsOf(RULE, withScopes(['aws.cognito.signin.user.admin']))).toEqual([]);
  });

  test('leaves client_credentials clients to the client-credentials rules', () => {
    expect(findingsOf(RULE, withScopes(['email'], ['client_credentials']))).toEqual([]);
  });

  test('stays silent when a scope could be openid', () => {
    expect(findingsOf(RULE, withScopes(['email', { Ref: 'ExtraScope' }]))).toEqual([]);
    expect(findingsOf(RULE, withScopes({ Ref: 'Scopes' }))).toEqual([]);
  });
});
