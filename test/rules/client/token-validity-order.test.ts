import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-token-validity-order';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('fails when the access token outlives the refresh token (the measured deploy failure)', () => {
    const findings = lint({ TokenValidityUnits: { AccessToken: 'hours', RefreshToken: 'hours' }, AccessTokenValidity: 12, RefreshTokenValidity: 2 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'AccessTokenValidity' });
    expect(findings[0].message).toBe('Property AccessTokenValidity: value 12 is not allowed because the access token would live 12 hours, longer than the refresh token (2 hours). Fix: shorten AccessTokenValidity or lengthen RefreshTokenValidity (mind the units in TokenValidityUnits).');
  });

  test('compares across units and reports the ID token too', () => {
    const findings = lint({ TokenValidityUnits: { IdToken: 'days', RefreshToken: 'minutes' }, IdTokenValidity: 1, AccessTokenValidity: 2, RefreshTokenValidity: 90 });
    expect(findings.map((f) => f.property)).toEqual(['AccessTokenValidity', 'IdTokenValidity']);
    expect(findings[1].message).toContain('the ID token would live 1 day, longer than the refresh token (90 minutes)');
  });

  test('passes equal lifetimes and the measured pass template', () => {
    expect(lint({ TokenValidityUnits: { AccessToken: 'minutes', RefreshToken: 'hours' }, AccessTokenValidity: 60, RefreshTokenValidity: 1 })).toEqual([]);
    expect(lint({ TokenValidityUnits: { AccessToken: 'hours', RefreshToken: 'days' }, AccessTokenValidity: 12, RefreshTokenValidity: 30 })).toEqual([]);
    // refresh omitted: 30 days, longer than any valid access token
    expect(lint({ AccessTokenValidity: 24 })).toEqual([]);
  });

  test('leaves out-of-range values to the range rule', () => {
    expect(lint({ TokenValidityUnits: { RefreshToken: 'minutes' }, RefreshTokenValidity: 30 })).toEqual([]);
  });

  test('stays silent when a lifetime is a token', () => {
    expect(lint({ AccessTokenValidity: 12, RefreshTokenValidity: { Ref: 'Refresh' }, TokenValidityUnits: { RefreshToken: 'hours' } })).toEqual([]);
    expect(lint({ AccessTokenValidity: 12, RefreshTokenValidity: 2, TokenValidityUnits: { Ref: 'Units' } })).toEqual([]);
  });
});
