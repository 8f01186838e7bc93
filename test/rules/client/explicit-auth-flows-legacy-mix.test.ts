import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-explicit-auth-flows-legacy-mix';
const flows = (ExplicitAuthFlows: unknown) => findingsOf(RULE, templateWith({ Client: client({ ExplicitAuthFlows }) }));

describe(RULE, () => {
  test('fails on a legacy name next to an ALLOW_* name (the measured deploy failure)', () => {
    const findings = flows(['ADMIN_NO_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'ExplicitAuthFlows[0]' });
    expect(findings[0].message).toBe('Property ExplicitAuthFlows[0]: value "ADMIN_NO_SRP_AUTH" is not allowed because Cognito refuses legacy auth flow names in the same list as ALLOW_* names. Fix: replace it with ALLOW_ADMIN_USER_PASSWORD_AUTH.');
  });

  test('reports every legacy name with its replacement', () => {
    const findings = flows(['USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY']);
    expect(findings.map((f) => f.property)).toEqual(['ExplicitAuthFlows[0]', 'ExplicitAuthFlows[2]']);
    expect(findings[0].message).toContain('ALLOW_USER_PASSWORD_AUTH');
    expect(findings[1].message).toContain('ALLOW_CUSTOM_AUTH');
  });

  test('passes lists of one kind only', () => {
    expect(flows(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])).toEqual([]);
    expect(flows(['ADMIN_NO_SRP_AUTH', 'USER_PASSWORD_AUTH'])).toEqual([]);
  });

  test('stays silent when the ALLOW_* part is a token', () => {
    expect(flows(['ADMIN_NO_SRP_AUTH', { Ref: 'Flow' }])).toEqual([]);
    expect(flows({ 'Fn::If': ['C', ['ADMIN_NO_SRP_AUTH'], ['ALLOW_USER_SRP_AUTH']] })).toEqual([]);
  });
});
