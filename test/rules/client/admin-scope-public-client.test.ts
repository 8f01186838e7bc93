import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-admin-scope-public-client';
const ADMIN = 'aws.cognito.signin.user.admin';
const withScopes = (scopes: unknown, extra: Record<string, unknown> = {}) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: scopes, CallbackURLs: ['https://a.example/cb'], ...extra }),
});

describe(RULE, () => {
  test('warns on the admin scope of a client without a secret (absent or false)', () => {
    const findings = findingsOf(RULE, withScopes(['openid', ADMIN]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client', property: 'AllowedOAuthScopes[1]' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthScopes\[1\]: value "aws.cognito.signin.user.admin" is risky because the client has no secret.* Fix: drop aws.cognito.signin.user.admin/);
    expect(findingsOf(RULE, withScopes([ADMIN], { GenerateSecret: false }))).toHaveLength(1);
  });

  test('passes on a confidential client, or without the admin scope', () => {
    expect(findingsOf(RULE, withScopes([ADMIN], { GenerateSecret: true }))).toEqual([]);
    expect(findingsOf(RULE, withScopes(['openid', 'email']))).toEqual([]);
  });

  test('stays silent when the secret or the scopes are intrinsics', () => {
    expect(findingsOf(RULE, withScopes([ADMIN], { GenerateSecret: { Ref: 'WantSecret' } }))).toEqual([]);
    expect(findingsOf(RULE, withScopes({ Ref: 'Scopes' }))).toEqual([]);
  });
});
