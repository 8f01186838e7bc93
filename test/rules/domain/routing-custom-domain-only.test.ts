import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-routing-custom-domain-only';
const ROUTING = { Failover: { SecondaryRegion: 'us-west-2', PrimaryRoute53HealthCheckId: 'abc' } };

describe(RULE, () => {
  test('warns on Routing on a prefix domain (documented for custom domains only; rejection unconfirmed)', () => {
    const findings = findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app', Routing: ROUTING }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'warning', logicalId: 'D', property: 'Routing' });
    expect(findings[0].message).toMatch(/because Cognito documents routing \(regional failover\) for custom domains only, and this is a prefix domain\. Fix: remove Routing/);
  });

  test('passes Routing on a custom domain, and prefix domains without Routing', () => {
    expect(findingsOf(RULE, templateWith({ D: customDomain('auth.example.com', {}, { Routing: ROUTING }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app' }) }))).toEqual([]);
  });

  test('stays silent when Routing or CustomDomainConfig is an intrinsic', () => {
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app', Routing: { Ref: 'AWS::NoValue' } }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'my-app', Routing: { 'Fn::If': ['C', ROUTING, { Ref: 'AWS::NoValue' }] } }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'a.b.com', Routing: ROUTING, CustomDomainConfig: { 'Fn::If': ['C', {}, {}] } }) }))).toEqual([]);
  });
});
