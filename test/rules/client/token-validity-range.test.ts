import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-token-validity-range';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('fails on an access token of 25 hours (the measured deploy failure)', () => {
    const findings = lint({ TokenValidityUnits: { AccessToken: 'hours' }, AccessTokenValidity: 25 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'AccessTokenValidity' });
    expect(findings[0].message).toBe('Property AccessTokenValidity: value 25 is not allowed because with TokenValidityUnits.AccessToken it means 25 hours, and an access token must live 5 minutes to 1 day (Cognito: "Invalid range for token validity."). Fix: choose a lifetime within 5 minutes to 1 day, or set TokenValidityUnits.AccessToken to the unit you meant.');
  });

  test('applies the default units when they are omitted: hours for access/ID, days for refresh (measured)', () => {
    const findings = lint({ AccessTokenValidity: 25, IdTokenValidity: 25, RefreshTokenValidity: 4000 });
    expect(findings.map((f) => f.property)).toEqual(['AccessTokenValidity', 'IdTokenValidity', 'RefreshTokenValidity']);
    expect(findings[0].message).toContain('with the default unit (hours, as TokenValidityUnits.AccessToken is not set) it means 25 hours');
    expect(findings[2].message).toContain('it means 4000 days, and a refresh token must live 60 minutes to 10 years');
    // a units object that sets only another token still leaves the default for this one
    expect(lint({ TokenValidityUnits: { RefreshToken: 'days' }, IdTokenValidity: 25 })).toHaveLength(1);
  });

  test('fails on lifetimes below the minimum: access 4 minutes, refresh 30 minutes', () => {
    expect(lint({ TokenValidityUnits: { AccessToken: 'minutes' }, AccessTokenValidity: 4 })).toHaveLength(1);
    expect(lint({ TokenValidityUnits: { RefreshToken: 'minutes' }, RefreshTokenValidity: 30 })[0].message).toContain('it means 30 minutes');
  });

  test('fails on raw integers outside the CloudFormation schema bounds, whatever the unit', () => {
    expect(lint({ TokenValidityUnits: { IdToken: 'seconds' }, IdTokenValidity: 86401 })[0].message)
      .toContain('CloudFormation accepts only whole numbers from 1 to 86400 here');
    expect(lint({ RefreshTokenValidity: 0 })[0].message).toContain('from 1 to 315360000');
    expect(lint({ AccessTokenValidity: 1.5 })).toHaveLength(1);
  });

  test('passes the bounds (the measured pass template) and the defaults', () => {
    expect(lint({ TokenValidityUnits: { AccessToken: 'seconds', RefreshToken: 'seconds' }, AccessTokenValidity: 300, RefreshTokenValidity: 3600 })).toEqual([]);
    expect(lint({ TokenValidityUnits: { AccessToken: 'seconds', RefreshToken: 'seconds' }, AccessTokenValidity: 86400, RefreshTokenValidity: 315360000 })).toEqual([]);
    expect(lint({ AccessTokenValidity: 24, IdTokenValidity: '1', RefreshTokenValidity: 3650 })).toEqual([]);
    expect(lint({})).toEqual([]);
  });

  test('stays silent when the value or its unit is a token, or the unit is invalid (reported by the units rule)', () => {
    expect(lint({ AccessTokenValidity: { Ref: 'Hours' } })).toEqual([]);
    expect(lint({ TokenValidityUnits: { AccessToken: { Ref: 'Unit' } }, AccessTokenValidity: 25 })).toEqual([]);
    expect(lint({ TokenValidityUnits: { Ref: 'Units' }, AccessTokenValidity: 25 })).toEqual([]);
    expect(lint({ TokenValidityUnits: { AccessToken: 'weeks' }, AccessTokenValidity: 25 })).toEqual([]);
  });
});
