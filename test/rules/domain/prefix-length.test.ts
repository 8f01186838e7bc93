import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-prefix-length';
const prefix = (name: unknown) => templateWith({ D: domain({ Domain: name }) });

describe(RULE, () => {
  test('fails on 64 characters (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, prefix(`a${'b'.repeat(63)}`));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'Domain' });
    expect(findings[0].message).toMatch(/is not allowed because it has 64 characters and the maximum is 63\. Fix: shorten the prefix/);
  });

  test('fails on an empty prefix', () => {
    expect(findingsOf(RULE, prefix(''))[0].message).toContain('it must have at least 1 character(s)');
  });

  test('passes 63 characters and 1 character', () => {
    expect(findingsOf(RULE, prefix(`a${'b'.repeat(62)}`))).toEqual([]);
    expect(findingsOf(RULE, prefix('a'))).toEqual([]);
  });

  test('does not judge custom domains or unknown values', () => {
    expect(findingsOf(RULE, templateWith({ D: customDomain(`${'a'.repeat(60)}.example.com`) }))).toEqual([]);
    expect(findingsOf(RULE, prefix({ 'Fn::Sub': `\${AWS::StackName}-${'x'.repeat(70)}` }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ D: domain({ Domain: 'b'.repeat(70), CustomDomainConfig: { 'Fn::If': ['C', {}, { Ref: 'AWS::NoValue' }] } }) }))).toEqual([]);
  });
});
