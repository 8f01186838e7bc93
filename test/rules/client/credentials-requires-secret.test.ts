import { findingsOf, templateWith, client, resourceServer } from '../helpers';

const RULE = 'client-credentials-requires-secret';
const m2m = (extra: Record<string, unknown>) => templateWith({
  Api: resourceServer('api', ['read']),
  Client: client({ AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], ...extra }),
});

describe(RULE, () => {
  test('fails when GenerateSecret is absent (CloudFormation default false)', () => {
    // WHEN
    const findings = findingsOf(RULE, m2m({}));
    // THEN
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ severity: 'error', logicalId: 'Client', property: 'GenerateSecret' });
    expect(findings[0].message).toMatch(/^Property GenerateSecret is not set, but .*client_credentials.* Fix: set GenerateSecret to true/);
  });

  test('fails when GenerateSecret is false, also as the string "false"', () => {
    expect(findingsOf(RULE, m2m({ GenerateSecret: false }))).toHaveLength(1);
    expect(findingsOf(RULE, m2m({ GenerateSecret: 'false' }))).toHaveLength(1);
  });

  test('passes with a secret', () => {
    expect(findingsOf(RULE, m2m({ GenerateSecret: true }))).toEqual([]);
  });

  test('passes when the secret depends on a parameter or condition', () => {
    expect(findingsOf(RULE, m2m({ GenerateSecret: { Ref: 'WantSecret' } }))).toEqual([]);
    expect(findingsOf(RULE, m2m({ GenerateSecret: { 'Fn::If': ['C', true, false] } }))).toEqual([]);
  });

  test('ignores clients without client_credentials', () => {
    expect(findingsOf(RULE, templateWith({ C: client({ AllowedOAuthFlows: ['code'] }) }))).toEqual([]);
  });
});
