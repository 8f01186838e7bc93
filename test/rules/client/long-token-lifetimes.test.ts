import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-long-token-lifetimes';
const lint = (properties: Record<string, unknown>) => findingsOf(RULE, templateWith({ Client: client(properties) }));

describe(RULE, () => {
  test('warns on access/ID tokens above 1 hour and refresh tokens above 30 days', () => {
    const findings = lint({ AccessTokenValidity: 12, TokenValidityUnits: { IdToken: 'minutes' }, IdTokenValidity: 61, RefreshTokenValidity: 31 });
    expect(findings.map((f) => [f.property, f.severity])).toEqual([
      ['AccessTokenValidity', 'warning'], ['IdTokenValidity', 'warning'], ['RefreshTokenValidity', 'warning'],
    ]);
    expect(findings[0].message).toBe('Property AccessTokenValidity: value 12 is risky because an access token that lives 12 hours stays usable that long if it is stolen; the Cognito default is 1 hour. Fix: keep access tokens at 1 hour or less and let the client renew them with its refresh token.');
    expect(findings[2].message).toContain('a refresh token that lives 31 days');
  });

  test('passes the defaults and lifetimes at the thresholds', () => {
    expect(lint({})).toEqual([]);
    expect(lint({ AccessTokenValidity: 1, IdTokenValidity: 60, TokenValidityUnits: { IdToken: 'minutes' }, RefreshTokenValidity: 30 })).toEqual([]);
  });

  test('leaves out-of-range values to the range rule and stays silent for tokens', () => {
    expect(lint({ AccessTokenValidity: 25 })).toEqual([]);
    expect(lint({ AccessTokenValidity: { Ref: 'Hours' } })).toEqual([]);
    expect(lint({ AccessTokenValidity: 12, TokenValidityUnits: { AccessToken: { Ref: 'Unit' } } })).toEqual([]);
  });
});
