import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-property-types';

describe(RULE, () => {
  test('fails on unknown names at the top and inside a scope', () => {
    const template = templateWith({ Api: server({ Description: 'x', Scopes: [{ ScopeName: 'read', ScopeDescription: 'd', Name: 'r' }] }) });
    const findings = findingsOf(RULE, template);
    expect(findings.map((f) => [f.severity, f.logicalId, f.property])).toEqual([
      ['error', 'Api', 'Scopes[0].Name'],
      ['error', 'Api', 'Description'],
    ]);
    expect(findings[1].message).toBe('Property Description: value "x" is not allowed because CloudFormation does not know this property name. '
      + 'Fix: remove Description or correct its spelling (allowed here: UserPoolId, Identifier, Name, Scopes).');
    expect(findings[0].message).toContain('allowed here: ScopeName, ScopeDescription');
  });

  test('fails on missing required names and wrong types', () => {
    const template = templateWith({ Api: server({ Identifier: undefined, Name: 5, Scopes: { ScopeName: 'read' } }) });
    expect(findingsOf(RULE, template).map((f) => f.message.replace(/ Fix:.*/, ''))).toEqual([
      'Property Identifier is not set, but Identifier is required.',
      'Property Name: value 5 is not allowed because it must be a string.',
      'Property Scopes: value {"ScopeName":"read"} is not allowed because it must be a list.',
    ]);
    const badItem = templateWith({ Api: server({ Scopes: ['read', { ScopeName: ['a'], ScopeDescription: 'd' }] }) });
    expect(findingsOf(RULE, badItem).map((f) => f.property)).toEqual(['Scopes[0]', 'Scopes[1].ScopeName']);
  });

  test('passes the usual shape, no scopes at all, and intrinsics anywhere', () => {
    expect(findingsOf(RULE, templateWith({ Api: server() }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: undefined }) }))).toEqual([]);
    const intrinsics = server({
      Identifier: { Ref: 'Id' },
      Name: { 'Fn::Sub': '${AWS::StackName}' },
      Scopes: [{ 'Fn::If': ['C', { ScopeName: 'a', ScopeDescription: 'b' }, { Ref: 'AWS::NoValue' }] }, { ScopeName: { Ref: 'S' }, ScopeDescription: 'd' }],
    });
    expect(findingsOf(RULE, templateWith({ Api: intrinsics }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Api: server({ Scopes: { 'Fn::Split': [',', 'a,b'] } }) }))).toEqual([]);
  });
});
