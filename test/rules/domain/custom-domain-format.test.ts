import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-custom-domain-format';
const custom = (name: unknown) => templateWith({ D: customDomain(name) });

describe(RULE, () => {
  test('fails on a bare prefix with CustomDomainConfig (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, custom('pfprobe'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'Domain' });
    expect(findings[0].message).toBe('Property Domain: value "pfprobe" is not allowed because with CustomDomainConfig the domain must be a full host name '
      + 'such as auth.example.com, not a prefix. Fix: give the full host name of your subdomain, or remove CustomDomainConfig to use it as an amazoncognito.com prefix.');
  });

  test.each(['Auth.Example.com', 'auth..example.com', '-auth.example.com', 'auth.example.com.', 'https://auth.example.com', 'auth_x.example.com'])('fails on %j', (name) => {
    const findings = findingsOf(RULE, custom(name));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('a custom domain must be a lower-case host name');
  });

  test.each(['auth.example.com', 'login.eu.my-company.co.uk', 'a.b'])('passes %j', (name) => {
    expect(findingsOf(RULE, custom(name))).toEqual([]);
  });

  test('does not judge prefix domains or unknown values', () => {
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'pfprobe' }) }))).toEqual([]);
    expect(findingsOf(RULE, custom({ 'Fn::Join': ['.', ['auth', { Ref: 'Zone' }]] }))).toEqual([]);
  });
});
