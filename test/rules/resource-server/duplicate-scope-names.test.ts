import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-duplicate-scope-names';
const withScopes = (list: unknown) => templateWith({ Api: server({ Scopes: list }) });
const scope = (ScopeName: unknown) => ({ ScopeName, ScopeDescription: 'd' });

describe(RULE, () => {
  test('warns on every repeat of a scope name (rejection unconfirmed)', () => {
    const findings = findingsOf(RULE, withScopes([scope('read'), scope('write'), scope('read'), scope('read')]));
    expect(findings.map((f) => [f.severity, f.property])).toEqual([['warning', 'Scopes[2].ScopeName'], ['warning', 'Scopes[3].ScopeName']]);
    expect(findings[0].message).toBe('Property Scopes[2].ScopeName: value "read" is risky because Scopes[0] already defines a scope with this name. '
      + 'Fix: remove the repeated entry, or give it a different name.');
  });

  test('passes distinct names (case matters)', () => {
    expect(findingsOf(RULE, withScopes([scope('read'), scope('Read')]))).toEqual([]);
  });

  test('stays silent on intrinsic names', () => {
    expect(findingsOf(RULE, withScopes([scope({ Ref: 'A' }), scope({ Ref: 'A' })]))).toEqual([]);
  });
});
