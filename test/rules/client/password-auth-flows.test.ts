import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-password-auth-flows';
const flows = (ExplicitAuthFlows: unknown) => findingsOf(RULE, templateWith({ Client: client({ ExplicitAuthFlows }) }));

describe(RULE, () => {
  test('warns on every plaintext-password flow', () => {
    const findings = flows(['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_USER_SRP_AUTH', 'ALLOW_ADMIN_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH']);
    expect(findings.map((f) => [f.property, f.severity])).toEqual([['ExplicitAuthFlows[0]', 'warning'], ['ExplicitAuthFlows[2]', 'warning']]);
    expect(findings[0].message).toContain('sends the user\'s password itself to Cognito');
    expect(findings[0].message).toContain('Fix: prefer ALLOW_USER_SRP_AUTH, or ALLOW_USER_AUTH');
    expect(flows(['USER_PASSWORD_AUTH', 'ADMIN_NO_SRP_AUTH'])).toHaveLength(2);
  });

  test('passes SRP, choice-based, custom and refresh flows, and the default set', () => {
    expect(flows(['ALLOW_USER_SRP_AUTH', 'ALLOW_USER_AUTH', 'ALLOW_CUSTOM_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'])).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(flows({ Ref: 'Flows' })).toEqual([]);
    expect(flows([{ Ref: 'Flow' }])).toEqual([]);
  });
});
