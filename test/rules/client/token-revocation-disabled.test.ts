import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-token-revocation-disabled';
const lint = (EnableTokenRevocation: unknown) => findingsOf(RULE, templateWith({ Client: client({ EnableTokenRevocation }) }));

describe(RULE, () => {
  test('warns when revocation is switched off', () => {
    const findings = lint(false);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'EnableTokenRevocation' });
    expect(findings[0].message).toMatch(/^Property EnableTokenRevocation: value false is risky because without token revocation a leaked refresh token/);
    expect(lint('false')).toHaveLength(1);
  });

  test('passes true and absent (Cognito turns revocation on for new clients)', () => {
    expect(lint(true)).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(lint({ Ref: 'Revocation' })).toEqual([]);
  });
});
