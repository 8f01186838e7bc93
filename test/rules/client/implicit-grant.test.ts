import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-implicit-grant';
const withFlows = (flows: unknown) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: flows, AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://a.example/cb'] }),
});

describe(RULE, () => {
  test('warns on the implicit grant', () => {
    const findings = findingsOf(RULE, withFlows(['code', 'implicit']));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'warning', logicalId: 'Client', property: 'AllowedOAuthFlows[1]' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthFlows\[1\]: value "implicit" is risky because the implicit grant puts the access and ID tokens in the URL fragment.* Fix: use the code flow with PKCE/);
  });

  test('passes with code only', () => {
    expect(findingsOf(RULE, withFlows(['code']))).toEqual([]);
  });

  test('stays silent on intrinsic flows', () => {
    expect(findingsOf(RULE, withFlows([{ 'Fn::If': ['Legacy', 'implicit', 'code'] }]))).toEqual([]);
    expect(findingsOf(RULE, withFlows({ Ref: 'Flows' }))).toEqual([]);
  });
});
