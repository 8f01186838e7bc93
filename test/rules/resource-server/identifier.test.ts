import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-identifier';
const withIdentifier = (identifier: unknown) => templateWith({ Api: server({ Identifier: identifier }) });

describe(RULE, () => {
  test('fails on a space (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, withIdentifier('my api'));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Api', property: 'Identifier' });
    expect(findings[0].message).toBe('Property Identifier: value "my api" is not allowed because it must consist of printable ASCII characters other than '
      + 'space, " and \\ only. Fix: use an identifier such as "https://api.example.com" or "orders-api" (it prefixes every scope: <identifier>/<scope>).');
  });

  test.each(['say "hi"', 'back\\slash', 'ünïcode', ''])('fails on %j', (identifier) => {
    expect(findingsOf(RULE, withIdentifier(identifier))).toHaveLength(1);
  });

  test('fails on 257 characters', () => {
    expect(findingsOf(RULE, withIdentifier('a'.repeat(257)))[0].message).toContain('it has 257 characters and the maximum is 256');
  });

  test.each(['https://api.example.com', 'orders-api', 'a'.repeat(256), "!#$%&'()*+,-./:;<=>?@[]^_`{|}~"])('passes %j', (identifier) => {
    expect(findingsOf(RULE, withIdentifier(identifier))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withIdentifier({ 'Fn::Sub': 'https://${Domain} api' }))).toEqual([]);
  });
});
