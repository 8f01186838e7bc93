import { findingsOf, templateWith, client } from '../helpers';

const RULE = 'client-refresh-token-rotation';
const rotation = (RefreshTokenRotation: unknown) => findingsOf(RULE, templateWith({ Client: client({ RefreshTokenRotation }) }));

describe(RULE, () => {
  test('fails when Feature is missing (required by the API, not by CloudFormation)', () => {
    const findings = rotation({ RetryGracePeriodSeconds: 10 });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', property: 'RefreshTokenRotation.Feature' });
    expect(findings[0].message).toBe('Property RefreshTokenRotation.Feature is not set, but the Cognito API requires Feature whenever RefreshTokenRotation is sent, although the CloudFormation schema lets it be omitted. Fix: set Feature to ENABLED or DISABLED.');
  });

  test('fails on a Feature outside the enum and a grace period outside 0-60, both at once', () => {
    const findings = rotation({ Feature: 'enabled', RetryGracePeriodSeconds: 61 });
    expect(findings.map((f) => f.property)).toEqual(['RefreshTokenRotation.Feature', 'RefreshTokenRotation.RetryGracePeriodSeconds']);
    expect(findings[0].message).toContain('it must be one of ENABLED, DISABLED');
    expect(findings[1].message).toContain('value 61 is not allowed because it must be a whole number from 0 to 60');
    expect(rotation({ Feature: 'ENABLED', RetryGracePeriodSeconds: -1 })).toHaveLength(1);
  });

  test('passes valid settings at the bounds', () => {
    expect(rotation({ Feature: 'ENABLED', RetryGracePeriodSeconds: 0 })).toEqual([]);
    expect(rotation({ Feature: 'DISABLED', RetryGracePeriodSeconds: '60' })).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
  });

  test('stays silent for tokens', () => {
    expect(rotation({ Ref: 'Rotation' })).toEqual([]);
    expect(rotation({ Feature: { Ref: 'Feature' }, RetryGracePeriodSeconds: { Ref: 'Grace' } })).toEqual([]);
  });
});
