import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-token-validity-units';
const units = (TokenValidityUnits: unknown) => findingsOf(RULE, templateWith({ Client: client({ TokenValidityUnits }) }));

describe(RULE, () => {
  test('fails on every unit outside seconds/minutes/hours/days', () => {
    const findings = units({ AccessToken: 'Hours', IdToken: 'minutes', RefreshToken: 'weeks' });
    expect(findings.map((f) => f.property)).toEqual(['TokenValidityUnits.AccessToken', 'TokenValidityUnits.RefreshToken']);
    expect(findings[0]).toMatchObject({ severity: 'error' });
    expect(findings[0].message).toBe('Property TokenValidityUnits.AccessToken: value "Hours" is not allowed because it must be one of seconds, minutes, hours, days. Fix: use seconds, minutes, hours or days (lower case, plural).');
  });

  test('passes valid units and partial objects', () => {
    expect(units({ AccessToken: 'seconds', IdToken: 'hours', RefreshToken: 'days' })).toEqual([]);
    expect(units({ RefreshToken: 'minutes' })).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(units({ Ref: 'Units' })).toEqual([]);
    expect(units({ AccessToken: { Ref: 'Unit' } })).toEqual([]);
  });
});
