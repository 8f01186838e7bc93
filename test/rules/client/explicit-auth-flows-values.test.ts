import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-explicit-auth-flows-values';
const flows = (ExplicitAuthFlows: unknown) => findingsOf(RULE, templateWith({ Client: client({ ExplicitAuthFlows }) }));

describe(RULE, () => {
  test('fails on every unknown name and suggests the likely one', () => {
    const findings = flows(['ALLOW_USER_SRP_AUTH', 'user_srp_auth', 'PASSKEY']);
    expect(findings.map((f) => f.property)).toEqual(['ExplicitAuthFlows[1]', 'ExplicitAuthFlows[2]']);
    expect(findings[0].severity).toBe('error');
    expect(findings[0].message).toContain('value "user_srp_auth" is not allowed because Cognito accepts only the auth flow names');
    expect(findings[0].message).toContain('Fix: write ALLOW_USER_SRP_AUTH.');
    expect(findings[1].message).toContain('Fix: use one of the ALLOW_* auth flow names.');
  });

  test('passes every name of the API enum, legacy ones included', () => {
    expect(flows(['ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH', 'ALLOW_USER_AUTH'])).toEqual([]);
    expect(flows(['ADMIN_NO_SRP_AUTH', 'CUSTOM_AUTH_FLOW_ONLY', 'USER_PASSWORD_AUTH'])).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(flows({ Ref: 'Flows' })).toEqual([]);
    expect(flows([{ Ref: 'Flow' }, 'ALLOW_REFRESH_TOKEN_AUTH'])).toEqual([]);
  });
});
