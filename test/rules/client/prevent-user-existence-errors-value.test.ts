import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-prevent-user-existence-errors-value';
const lint = (PreventUserExistenceErrors: unknown) => findingsOf(RULE, templateWith({ Client: client({ PreventUserExistenceErrors }) }));

describe(RULE, () => {
  test('fails outside LEGACY/ENABLED', () => {
    const findings = lint('enabled');
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'PreventUserExistenceErrors' });
    expect(findings[0].message).toBe('Property PreventUserExistenceErrors: value "enabled" is not allowed because it must be one of LEGACY, ENABLED. Fix: use ENABLED (recommended) or LEGACY, in upper case.');
    expect(lint('DISABLED')).toHaveLength(1);
  });

  test('passes both enum values', () => {
    expect(lint('ENABLED')).toEqual([]);
    expect(lint('LEGACY')).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(lint({ Ref: 'Mode' })).toEqual([]);
  });
});
