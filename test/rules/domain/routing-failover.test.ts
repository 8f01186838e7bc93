import { findingsOf, templateWith } from '../helpers';
import { customDomain } from './build';

const RULE = 'domain-routing-failover';
const withFailover = (failover: unknown) => templateWith({ D: customDomain('auth.example.com', {}, { Routing: { Failover: failover } }) });

describe(RULE, () => {
  test('fails when both required fields are missing, reporting each', () => {
    const findings = findingsOf(RULE, withFailover({}));
    expect(findings.map((f) => [f.severity, f.property])).toEqual([
      ['error', 'Routing.Failover.SecondaryRegion'],
      ['error', 'Routing.Failover.PrimaryRoute53HealthCheckId'],
    ]);
    expect(findings[0].message).toBe('Property Routing.Failover.SecondaryRegion is not set, but failover needs the region to fail over to. '
      + 'Fix: add SecondaryRegion, e.g. us-west-2.');
  });

  test('fails on lengths out of range', () => {
    const findings = findingsOf(RULE, withFailover({ SecondaryRegion: 'us', PrimaryRoute53HealthCheckId: 'h'.repeat(65) }));
    expect(findings.map((f) => f.property)).toEqual(['Routing.Failover.SecondaryRegion', 'Routing.Failover.PrimaryRoute53HealthCheckId']);
    expect(findings[0].message).toContain('it must have at least 5 character(s)');
    expect(findings[1].message).toContain('it has 65 characters and the maximum is 64');
  });

  test('passes a complete failover, and intrinsics', () => {
    expect(findingsOf(RULE, withFailover({ SecondaryRegion: 'us-west-2', PrimaryRoute53HealthCheckId: 'abcdef01-2345' }))).toEqual([]);
    expect(findingsOf(RULE, withFailover({ SecondaryRegion: { Ref: 'R' }, PrimaryRoute53HealthCheckId: { Ref: 'HealthCheck' } }))).toEqual([]);
    expect(findingsOf(RULE, withFailover({ 'Fn::If': ['C', {}, {}] }))).toEqual([]);
  });
});
