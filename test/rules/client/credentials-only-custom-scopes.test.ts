import { client, findingsOf, resourceServer, templateWith } from '../helpers';

const RULE = 'client-credentials-only-custom-scopes';
const m2m = (scopes: unknown, flows: unknown = ['client_credentials']) => templateWith({
  Api: resourceServer('api', ['read']),
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: flows, AllowedOAuthScopes: scopes, GenerateSecret: true }),
});

describe(RULE, () => {
  test('warns on phone, profile and aws.cognito.signin.user.admin (unconfirmed rejection)', () => {
    const findings = findingsOf(RULE, m2m(['phone', 'api/read', 'profile', 'aws.cognito.signin.user.admin']));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthScopes[0]', 'AllowedOAuthScopes[2]', 'AllowedOAuthScopes[3]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthScopes\[0\]: value "phone" is risky because .*likely rejected at deploy \(unconfirmed\)\. Fix: request only resource-server scopes/);
  });

  test('does not repeat the openid/email error', () => {
    expect(findingsOf(RULE, m2m(['openid', 'email']))).toEqual([]);
  });

  test('passes with custom scopes, and ignores user-facing clients', () => {
    expect(findingsOf(RULE, m2m(['api/read']))).toEqual([]);
    expect(findingsOf(RULE, m2m(['phone', 'openid'], ['code']))).toEqual([]);
  });

  test('stays silent on intrinsic flows or scopes', () => {
    expect(findingsOf(RULE, m2m(['phone'], { Ref: 'Flows' }))).toEqual([]);
    expect(findingsOf(RULE, m2m({ 'Fn::Split': [',', { Ref: 'Scopes' }] }))).toEqual([]);
  });
});
