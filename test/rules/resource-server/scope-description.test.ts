import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-scope-description';
const withScopes = (list: unknown) => templateWith({ Api: server({ Scopes: list }) });

describe(RULE, () => {
  test('fails on a missing description', () => {
    const findings = findingsOf(RULE, withScopes([{ ScopeName: 'read', ScopeDescription: 'd' }, { ScopeName: 'write' }]));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Api', property: 'Scopes[1].ScopeDescription' });
    expect(findings[0].message).toBe('Property Scopes[1].ScopeDescription is not set, but every scope needs a description. '
      + 'Fix: add ScopeDescription, e.g. "Read access to orders".');
  });

  test('fails on empty and on 257 characters', () => {
    const findings = findingsOf(RULE, withScopes([{ ScopeName: 'a', ScopeDescription: '' }, { ScopeName: 'b', ScopeDescription: 'd'.repeat(257) }]));
    expect(findings.map((f) => f.property)).toEqual(['Scopes[0].ScopeDescription', 'Scopes[1].ScopeDescription']);
  });

  test('passes 1 to 256 characters, any text', () => {
    expect(findingsOf(RULE, withScopes([{ ScopeName: 'a', ScopeDescription: 'd' }, { ScopeName: 'b', ScopeDescription: '読み取り "all" / '.padEnd(256, 'x') }]))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withScopes([{ ScopeName: 'a', ScopeDescription: { 'Fn::Sub': '${Desc}' } }]))).toEqual([]);
  });
});
