import { findingsOf, templateWith } from '../helpers';
import { domain } from './build';

const RULE = 'domain-managed-login-version';
const withVersion = (version: unknown) => templateWith({ D: domain({ Domain: 'my-app', ManagedLoginVersion: version }) });

describe(RULE, () => {
  test('fails on a version other than 1 or 2', () => {
    const findings = findingsOf(RULE, withVersion(3));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'D', property: 'ManagedLoginVersion' });
    expect(findings[0].message).toBe('Property ManagedLoginVersion: value 3 is not allowed because the only versions are 1 (classic hosted UI) '
      + 'and 2 (managed login). Fix: set ManagedLoginVersion to 1 or 2.');
    expect(findingsOf(RULE, withVersion('0'))).toHaveLength(1);
  });

  test('passes 1 and 2, also as strings, and absent', () => {
    for (const version of [1, 2, '2', undefined]) expect(findingsOf(RULE, withVersion(version))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withVersion({ Ref: 'Version' }))).toEqual([]);
  });
});
