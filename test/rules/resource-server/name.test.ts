import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-name';
const withName = (name: unknown) => templateWith({ Api: server({ Name: name }) });

describe(RULE, () => {
  test('fails on characters outside the allowed set', () => {
    const findings = findingsOf(RULE, withName('Orders API (v2)'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Api', property: 'Name' });
    expect(findings[0].message).toBe('Property Name: value "Orders API (v2)" is not allowed because it must consist of ASCII letters, digits, _, '
      + 'whitespace and +=,.@- only. Fix: use a plain ASCII name such as "Orders API".');
  });

  test('fails on non-ASCII letters and spaces that only JavaScript counts as whitespace', () => {
    expect(findingsOf(RULE, withName('注文API'))).toHaveLength(1);
    expect(findingsOf(RULE, withName('a\u00a0b'))).toHaveLength(1);
  });

  test('fails on empty and on 257 characters', () => {
    expect(findingsOf(RULE, withName(''))).toHaveLength(1);
    expect(findingsOf(RULE, withName('n'.repeat(257)))).toHaveLength(1);
  });

  test('passes names with the allowed punctuation', () => {
    expect(findingsOf(RULE, withName('Orders API v2, team@example.com +=-_.'))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withName({ 'Fn::Join': [' ', [{ Ref: 'AWS::StackName' }, '(api)']] }))).toEqual([]);
  });
});
