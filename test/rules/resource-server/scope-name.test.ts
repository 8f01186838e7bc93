import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-scope-name';
const withScopes = (list: unknown) => templateWith({ Api: server({ Scopes: list }) });

describe(RULE, () => {
  test('fails on a space (the measured deploy failure) and suggests a name', () => {
    const findings = findingsOf(RULE, withScopes([{ ScopeName: 'read all', ScopeDescription: 'r' }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Api', property: 'Scopes[0].ScopeName' });
    expect(findings[0].message).toBe('Property Scopes[0].ScopeName: value "read all" is not allowed because it must consist of printable ASCII '
      + 'characters other than space, ", / and \\ only. Fix: use a name such as "read.all" (clients request it as <identifier>/<name>).');
  });

  test('reports every bad scope with its index, including missing names, slashes and over-long names', () => {
    const list = [
      { ScopeName: 'ok', ScopeDescription: 'd' },
      { ScopeName: 'orders/read', ScopeDescription: 'd' },
      { ScopeDescription: 'no name' },
      { ScopeName: 'x'.repeat(257), ScopeDescription: 'd' },
      { ScopeName: '', ScopeDescription: 'd' },
    ];
    const findings = findingsOf(RULE, withScopes(list));
    expect(findings.map((f) => f.property)).toEqual(['Scopes[1].ScopeName', 'Scopes[2].ScopeName', 'Scopes[3].ScopeName', 'Scopes[4].ScopeName']);
    expect(findings[1].message).toBe('Property Scopes[2].ScopeName is not set, but every scope needs a name. Fix: add ScopeName, e.g. "read".');
  });

  test('keeps indexes of the template when earlier items are intrinsics or NoValue', () => {
    const list = [{ Ref: 'AWS::NoValue' }, { 'Fn::If': ['C', {}, {}] }, { ScopeName: 'a b', ScopeDescription: 'd' }];
    expect(findingsOf(RULE, withScopes(list)).map((f) => f.property)).toEqual(['Scopes[2].ScopeName']);
  });

  test('passes valid names', () => {
    expect(findingsOf(RULE, withScopes([{ ScopeName: 'read.all', ScopeDescription: 'd' }, { ScopeName: 'orders:write', ScopeDescription: 'd' }]))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withScopes([{ ScopeName: { Ref: 'Scope' }, ScopeDescription: 'd' }]))).toEqual([]);
    expect(findingsOf(RULE, withScopes({ Ref: 'Scopes' }))).toEqual([]);
  });
});
