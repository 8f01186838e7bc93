import { client, findingsOf, resourceServer, templateWith } from '../helpers';

const RULE = 'client-credentials-no-openid-email';
const m2m = (scopes: unknown, extra: Record<string, unknown> = {}) => templateWith({
  Api: resourceServer('api', ['read']),
  Client: client({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: scopes,
    GenerateSecret: true,
    ...extra,
  }),
});

describe(RULE, () => {
  test('fails on openid and on email, each reported', () => {
    // GIVEN a machine-to-machine client with user scopes
    const findings = findingsOf(RULE, m2m(['api/read', 'openid', 'email']));
    // THEN
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthScopes[1]', 'AllowedOAuthScopes[2]']);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthScopes\[1\]: value "openid" is not allowed because the client uses client_credentials.* Fix: request only resource-server scopes/);
  });

  test('leaves the unconfirmed standard scopes to the warning rule', () => {
    expect(findingsOf(RULE, m2m(['phone', 'profile', 'aws.cognito.signin.user.admin']))).toEqual([]);
  });

  test('passes with resource-server scopes only, and ignores code clients', () => {
    expect(findingsOf(RULE, m2m(['api/read']))).toEqual([]);
    const codeClient = templateWith({
      Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid', 'email'], CallbackURLs: ['https://a.example/cb'] }),
    });
    expect(findingsOf(RULE, codeClient)).toEqual([]);
  });

  test('stays silent when the flag, the flows or the scopes are intrinsics', () => {
    expect(findingsOf(RULE, m2m(['openid'], { AllowedOAuthFlowsUserPoolClient: { Ref: 'P' } }))).toEqual([]);
    expect(findingsOf(RULE, m2m(['openid'], { AllowedOAuthFlows: { Ref: 'Flows' } }))).toEqual([]);
    expect(findingsOf(RULE, m2m([{ Ref: 'Scope' }]))).toEqual([]);
  });
});
