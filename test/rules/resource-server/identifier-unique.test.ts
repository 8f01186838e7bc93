import { findingsOf, templateWith } from '../helpers';
import { server } from './build';

const RULE = 'resource-server-identifier-unique';

describe(RULE, () => {
  test('warns on both servers of one pool that share an Identifier', () => {
    const findings = findingsOf(RULE, templateWith({ A: server(), B: server({ Name: 'other' }) }));
    expect(findings.map((f) => [f.severity, f.logicalId, f.property])).toEqual([['warning', 'A', 'Identifier'], ['warning', 'B', 'Identifier']]);
    expect(findings[0].message).toBe('Property Identifier: value "api" is risky because resource server B of user pool Pool has the same Identifier, '
      + 'and an identifier names one resource server per pool. Fix: merge the scopes into one resource server, or give each server its own Identifier.');
  });

  test('passes different identifiers, and the same identifier in different pools', () => {
    expect(findingsOf(RULE, templateWith({ A: server(), B: server({ Identifier: 'api2' }) }))).toEqual([]);
    const twoPools = templateWith({
      Other: { Type: 'AWS::Cognito::UserPool', Properties: {} },
      A: server(),
      B: server({ UserPoolId: { Ref: 'Other' } }),
    });
    expect(findingsOf(RULE, twoPools)).toEqual([]);
  });

  test('stays silent on intrinsic identifiers and imported pools', () => {
    expect(findingsOf(RULE, templateWith({ A: server({ Identifier: { Ref: 'Id' } }), B: server({ Identifier: { Ref: 'Id' } }) }))).toEqual([]);
    const imported = { Resources: { A: server({ UserPoolId: 'us-east-1_x' }), B: server({ UserPoolId: 'us-east-1_x' }) } };
    expect(findingsOf(RULE, imported)).toEqual([]);
  });
});
