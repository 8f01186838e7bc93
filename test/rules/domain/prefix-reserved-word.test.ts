import { findingsOf, templateWith } from '../helpers';
import { customDomain, domain } from './build';

const RULE = 'domain-prefix-reserved-word';
const prefix = (name: unknown) => templateWith({ D: domain({ Domain: name }) });

describe(RULE, () => {
  test('fails on cognito as a hyphen-separated word (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, prefix('my-cognito-login'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'Domain' });
    expect(findings[0].message).toBe('Property Domain: value "my-cognito-login" is not allowed because it contains the reserved word cognito '
      + '(aws, amazon and cognito are reserved). Fix: choose a prefix without these words.');
  });

  test.each(['x-aws-y', 'amazon-login', 'team-aws', 'aws'])('fails on %j', (name) => {
    expect(findingsOf(RULE, prefix(name))).toHaveLength(1);
  });

  test('names every reserved word found, once', () => {
    expect(findingsOf(RULE, prefix('aws-amazon-aws'))[0].message).toContain('reserved words aws, amazon (');
  });

  test.each(['awsome-app', 'my-team-login', 'cognitive', 'myaws'])('passes %j (a reserved word inside a longer word is not judged)', (name) => {
    expect(findingsOf(RULE, prefix(name))).toEqual([]);
  });

  test('does not judge custom domains or unknown values', () => {
    expect(findingsOf(RULE, templateWith({ D: customDomain('aws.example.com') }))).toEqual([]);
    expect(findingsOf(RULE, prefix({ 'Fn::Join': ['-', [{ Ref: 'Env' }, 'aws']] }))).toEqual([]);
  });
});
