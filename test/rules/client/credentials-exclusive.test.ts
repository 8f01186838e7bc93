import { client, findingsOf, resourceServer, templateWith } from '../helpers';

const RULE = 'client-credentials-exclusive';
const withFlows = (flows: unknown, extra: Record<string, unknown> = {}) => templateWith({
  Api: resourceServer('api', ['read']),
  Client: client({
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: flows,
    AllowedOAuthScopes: ['api/read'],
    GenerateSecret: true,
    CallbackURLs: ['https://example.com/cb'],
    ...extra,
  }),
});

describe(RULE, () => {
  test('fails when client_credentials is combined with code (the measured deploy failure)', () => {
    // WHEN
    const findings = findingsOf(RULE, withFlows(['client_credentials', 'code']));
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ ruleId: RULE, severity: 'error', logicalId: 'Client', property: 'AllowedOAuthFlows[1]' });
    expect(findings[0].message).toMatch(/^Property AllowedOAuthFlows\[1\]: value "code" is not allowed because the client also allows client_credentials.* Fix: create a separate app client/);
  });

  test('reports both code and implicit', () => {
    expect(findingsOf(RULE, withFlows(['code', 'implicit', 'client_credentials'])).map((f) => f.property))
      .toEqual(['AllowedOAuthFlows[0]', 'AllowedOAuthFlows[1]']);
  });

  test('passes with client_credentials alone, or code and implicit without it', () => {
    expect(findingsOf(RULE, withFlows(['client_credentials']))).toEqual([]);
    expect(findingsOf(RULE, withFlows(['code', 'implicit']))).toEqual([]);
  });

  test('is only promised for OAuth clients (the measured case)', () => {
    expect(findingsOf(RULE, withFlows(['client_credentials', 'code'], { AllowedOAuthFlowsUserPoolClient: false }))).toEqual([]);
    expect(findingsOf(RULE, withFlows(['client_credentials', 'code'], { AllowedOAuthFlowsUserPoolClient: { Ref: 'UseOAuth' } }))).toEqual([]);
  });

  test('stays silent when a flow is an intrinsic', () => {
    expect(findingsOf(RULE, withFlows(['client_credentials', { Ref: 'OtherFlow' }]))).toEqual([]);
    expect(findingsOf(RULE, withFlows({ Ref: 'Flows' }))).toEqual([]);
  });
});
