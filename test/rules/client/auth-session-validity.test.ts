import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-auth-session-validity';
const session = (AuthSessionValidity: unknown) => findingsOf(RULE, templateWith({ Client: client({ AuthSessionValidity }) }));

describe(RULE, () => {
  test('fails outside 3-15 minutes', () => {
    const findings = session(20);
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'AuthSessionValidity' });
    expect(findings[0].message).toBe('Property AuthSessionValidity: value 20 is not allowed because it must be a whole number from 3 to 15. Fix: choose a sign-in session lifetime of 3 to 15 minutes.');
    expect(session(2)).toHaveLength(1);
    expect(session('16')).toHaveLength(1);
  });

  test('passes the bounds', () => {
    expect(session(3)).toEqual([]);
    expect(session(15)).toEqual([]);
  });

  test('stays silent for tokens and when absent', () => {
    expect(session({ Ref: 'Minutes' })).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
  });
});
