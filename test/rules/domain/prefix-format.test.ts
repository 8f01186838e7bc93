import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-prefix-format';
const prefix = (name: unknown) => templateWith({ D: domain({ Domain: name }) });

describe(RULE, () => {
  test('fails on upper case and underscores (the measured deploy failure) and suggests a fix', () => {
    const findings = findingsOf(RULE, prefix('PF_Probe_Domain'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'Domain' });
    expect(findings[0].message).toBe('Property Domain: value "PF_Probe_Domain" is not allowed because a domain prefix takes only lower-case letters, '
      + 'digits and hyphens, with a letter or digit at both ends (no dots: a full host name needs CustomDomainConfig). Fix: use a prefix such as "pf-probe-domain".');
  });

  test.each(['-leading', 'trailing-', 'auth.example.com', 'sp ace'])('fails on %j', (name) => {
    expect(findingsOf(RULE, prefix(name))).toHaveLength(1);
  });

  test('does not report length: 64 valid characters are domain-prefix-length only', () => {
    expect(findingsOf(RULE, prefix('a'.repeat(64)))).toEqual([]);
  });

  test.each(['my-app', 'a', '0-9', 'my--app'])('passes %j', (name) => {
    expect(findingsOf(RULE, prefix(name))).toEqual([]);
  });

  test('does not judge custom domains or unknown values', () => {
    expect(findingsOf(RULE, templateWith({ D: customDomain('auth.example.com') }))).toEqual([]);
    expect(findingsOf(RULE, prefix({ Ref: 'DomainPrefix' }))).toEqual([]);
  });
});
