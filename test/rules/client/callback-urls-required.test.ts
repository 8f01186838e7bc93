import { client, findingsOf, templateWith } from '../helpers';

const RULE = 'client-callback-urls-required';
const oauthClient = (props: Record<string, unknown>) => templateWith({
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], ...props }),
});

describe(RULE, () => {
  test('fails on a code client without CallbackURLs (the measured deploy failure)', () => {
    const findings = findingsOf(RULE, oauthClient({}));
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client', property: 'CallbackURLs' });
    expect(findings[0].message).toBe('Property CallbackURLs is not set, but the client allows the code flow, which redirects the user back to a callback URL after sign-in. '
      + 'Fix: add the URL(s) of your app that receive the sign-in response, e.g. https://app.example.com/callback or http://localhost:3000/callback.');
  });

  test('fails on an empty list, and names both browser flows', () => {
    const findings = findingsOf(RULE, oauthClient({ AllowedOAuthFlows: ['code', 'implicit'], CallbackURLs: [] }));
    expect(findings).toHaveLength(1);
    expect(findings[0].message).toContain('value [] is not allowed because the client allows the code and implicit flow');
  });

  test('passes with a callback, for client_credentials, and without OAuth', () => {
    expect(findingsOf(RULE, oauthClient({ CallbackURLs: ['https://example.com/cb'] }))).toEqual([]);
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlows: ['client_credentials'] }))).toEqual([]);
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlowsUserPoolClient: false }))).toEqual([]);
  });

  test('stays silent when the callbacks or the flows are intrinsics', () => {
    expect(findingsOf(RULE, oauthClient({ CallbackURLs: { Ref: 'Callbacks' } }))).toEqual([]);
    expect(findingsOf(RULE, oauthClient({ CallbackURLs: [{ 'Fn::GetAtt': ['Dist', 'DomainName'] }] }))).toEqual([]);
    expect(findingsOf(RULE, oauthClient({ AllowedOAuthFlows: { Ref: 'Flows' } }))).toEqual([]);
  });
});
