import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-oauth-flows-scopes-required';
const oauthClient = (props: Record<string, unknown>) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, CallbackURLs: ['https://example.com/cb'], ...props }),
});

describe(RULE, () => {
  test('fails when the scopes are missing (the measured deploy failure)', () => {
    // GIVEN an OAuth client with flows and no scopes
    const findings = findingsOf(RULE, oauthClient({ AllowedOAuthFlows: ['code'] }));
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client', property: 'AllowedOAuthScopes' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthScopes is not set, but AllowedOAuthFlowsUserPoolClient is true.* Fix: list the scopes/);
  });

  test('reports each missing property: no flows and an empty scope list', () => {
    const findings = findingsOf(RULE, oauthClient({ AllowedOAuthScopes: [] }));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthFlows', 'AllowedOAuthScopes']);
    expect(findings[1].message).toContain('value [] is not allowed');
  });

  test('treats the string "true" like true, and AWS::NoValue items as absent', () => {
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlowsUserPoolClient: 'true', AllowedOAuthFlows: ['code'] }))).toHaveLength(1);
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: [{ Ref: 'AWS::NoValue' }] }))).toHaveLength(1);
  });

  test('passes when both are present, or when OAuth is off', () => {
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'] }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: false }) }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({}) }))).toEqual([]);
  });

  test('stays silent on intrinsics', () => {
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlows: { Ref: 'Flows' }, AllowedOAuthScopes: { Ref: 'Scopes' } }))).toEqual([]);
    expect(findingsOf(RULE, templateWith({ Client: client({ AllowedOAuthFlowsUserPoolClient: { 'Fn::If': ['C', true, false] } }) }))).toEqual([]);
  });
});
