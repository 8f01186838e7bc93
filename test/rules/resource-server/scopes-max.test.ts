import { findingsOf, templateWith } from '../helpers';
import { scopes, server } from './build';

const RULE = 'resource-server-scopes-max';

describe(RULE, () => {
  test('fails on 101 scopes (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, templateWith({ Api: server({ Scopes: scopes(101) }) }));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Api', property: 'Scopes' });
    expect(findings[0].message).toMatch(/^Property Scopes: value "101 items" is not allowed because at most 100 are allowed\. Fix: split the scopes/);
  });

  test('counts intrinsic items as scopes', () => {
    const list = [...scopes(100), { 'Fn::If': ['C', { ScopeName: 'x', ScopeDescription: 'd' }, { ScopeName: 'y', ScopeDescription: 'd' }] }];
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: list }) }))).toHaveLength(1);
  });

  test('passes 100 scopes (deployed) and none', () => {
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: scopes(100) }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: undefined }) }))).toEqual([]);
  });

  test('stays silent when the list is an intrinsic', () => {
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: { Ref: 'ScopeList' } }) }))).toEqual([]);
  });
});
