import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-custom-domain-subdomain';
const custom = (name: unknown) => templateWith({ D: customDomain(name) });

describe(RULE, () => {
  test('fails on a domain directly under a top-level domain', () => {
    const findings = findingsOf(RULE, custom('example.com'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'Domain' });
    expect(findings[0].message).toBe('Property Domain: value "example.com" is not allowed because its parent "com" is a top-level domain, and Cognito '
      + 'accepts only a subdomain whose parent domain has a DNS A record. Fix: use a subdomain such as "auth.example.com", and give its parent domain an A record before deploying.');
  });

  test('passes subdomains; does not judge names under public suffixes (unconfirmed)', () => {
    expect(findingsOf(RULE, custom('auth.example.com'))).toEqual([]);
    expect(findingsOf(RULE, custom('example.co.uk'))).toEqual([]);
  });

  test('leaves single labels to domain-custom-domain-format, and ignores prefix domains and unknown values', () => {
    expect(findingsOf(RULE, custom('pfprobe'))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'example.com' }) }))).toEqual([]);
    expect(findingsOf(RULE, custom({ Ref: 'DomainName' }))).toEqual([]);
  });
});
