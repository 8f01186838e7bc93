import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-user-existence-errors-legacy';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('warns on LEGACY', () => {
    const findings = lint({ PreventUserExistenceErrors: 'LEGACY' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', property: 'PreventUserExistenceErrors' });
    expect(findings[0].message).toContain('value "LEGACY" is risky because LEGACY answers sign-in, confirmation and password-reset requests for unknown user names with UserNotFoundException');
  });

  test('warns when omitted, saying that Cognito then uses LEGACY', () => {
    const findings = lint({});
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toMatch(/^Property PreventUserExistenceErrors is not set, which is risky because when it is omitted Cognito uses LEGACY/);
    expect(findings[0].message).toContain('Fix: set PreventUserExistenceErrors to ENABLED.');
  });

  test('passes ENABLED and stays silent for tokens (and for invalid values, which the enum rule reports)', () => {
    expect(lint({ PreventUserExistenceErrors: 'ENABLED' })).toEqual([]);
    expect(lint({ PreventUserExistenceErrors: { Ref: 'Mode' } })).toEqual([]);
    expect(lint({ PreventUserExistenceErrors: 'enabled' })).toEqual([]);
  });
});
