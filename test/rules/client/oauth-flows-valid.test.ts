import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-oauth-flows-valid';
const withFlows = (flows: unknown) => templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: flows }) });

describe(RULE, () => {
  test('fails on the old "token" name, once per bad item', () => {
    // GIVEN the flow names of the old CloudFormation docs
    const findings = findingsOf(RULE, withFlows(['code', 'token', 'Code']));
    // THEN each bad item is reported on its own index
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthFlows[1]', 'AllowedOAuthFlows[2]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toBe('Property AllowedOAuthFlows[1]: value "token" is not allowed because it must be one of code, implicit, client_credentials. '
      + 'Fix: use code (authorization code grant), implicit or client_credentials; the implicit grant is spelled "implicit", not "token".');
  });

  test('fails on more than 3 flows', () => {
    const findings = findingsOf(RULE, withFlows(['code', 'implicit', 'code', 'implicit']));
    expect(findings).toHaveLength(1);
    expect(findings[0].property).toBe('AllowedOAuthFlows');
    expect(findings[0].message).toContain('value "4 items" is not allowed because at most 3 are allowed');
  });

  test('passes with every valid flow', () => {
    expect(findingsOf(RULE, withFlows(['code', 'implicit']))).toEqual([]);
    expect(findingsOf(RULE, withFlows(['client_credentials']))).toEqual([]);
    expect(findingsOf(RULE, withFlows(['code', 'implicit', 'client_credentials']))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, withFlows({ Ref: 'FlowsParam' }))).toEqual([]);
    expect(findingsOf(RULE, withFlows([{ Ref: 'FlowParam' }, { 'Fn::If': ['Cond', 'code', 'implicit'] }]))).toEqual([]);
  });
});
