import { client, findingsOf, resourceServer, templateWith } from '../helpers';

const PROFILE = 'cdk-cognito-clients:profile';
/** A client tagged with a profile, the way PublicSpaClient and M2MClient tag theirs. */
const tagged = (profile: string, properties: Record<string, unknown>) => ({ ...client(properties), Metadata: { [PROFILE]: profile } });

const spa = { AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['code'], AllowedOAuthScopes: ['openid'], CallbackURLs: ['https://a.example.com/cb'] };
const m2m = { GenerateSecret: true, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: ['client_credentials'], AllowedOAuthScopes: ['api/read'], ExplicitAuthFlows: ['ALLOW_REFRESH_TOKEN_AUTH'] };
const lint = (ruleId: string, resource: unknown) => findingsOf(ruleId, templateWith({ Api: resourceServer('api', ['read']), C: resource }));

describe('profile-public-client-no-secret', () => {
  test('fails on a secret', () => {
    const [finding] = lint('profile-public-client-no-secret', tagged('public-spa', { ...spa, GenerateSecret: true }));
    expect(finding).toMatchObject({ severity: 'error', property: 'GenerateSecret' });
    expect(finding.message).toMatch(/^Property GenerateSecret: value true is not allowed because a public client .* Fix: remove the GenerateSecret override/);
  });
  test('passes without a secret, and ignores untagged clients', () => {
    expect(lint('profile-public-client-no-secret', tagged('public-spa', spa))).toEqual([]);
    expect(lint('profile-public-client-no-secret', client({ ...spa, GenerateSecret: true }))).toEqual([]);
  });
});

describe('profile-public-client-code-grant-only', () => {
  test('fails on implicit and client_credentials, each at its index', () => {
    const findings = lint('profile-public-client-code-grant-only', tagged('public-spa', { ...spa, AllowedOAuthFlows: ['implicit', 'code', 'client_credentials'] }));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthFlows[0]', 'AllowedOAuthFlows[2]']);
    expect(findings[0].message).toContain('URL fragment');
  });
  test('passes with code only, and with flows unknown until deploy', () => {
    expect(lint('profile-public-client-code-grant-only', tagged('public-spa', spa))).toEqual([]);
    expect(lint('profile-public-client-code-grant-only', tagged('public-spa', { ...spa, AllowedOAuthFlows: { Ref: 'Flows' } }))).toEqual([]);
  });
});

describe('profile-m2m-client-credentials-only', () => {
  test('fails on user flows, callbacks and sign-in auth flows', () => {
    const findings = lint('profile-m2m-client-credentials-only', tagged('m2m', {
      ...m2m, AllowedOAuthFlows: ['client_credentials', 'code'], CallbackURLs: ['https://a.example.com/cb'], ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    }));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthFlows[1]', 'CallbackURLs', 'ExplicitAuthFlows[0]']);
  });
  test('passes on a plain machine-to-machine client', () => {
    expect(lint('profile-m2m-client-credentials-only', tagged('m2m', m2m))).toEqual([]);
  });
});

describe('profile-m2m-resource-server-scopes-only', () => {
  test('fails on every standard scope', () => {
    const findings = lint('profile-m2m-resource-server-scopes-only', tagged('m2m', { ...m2m, AllowedOAuthScopes: ['api/read', 'phone', 'aws.cognito.signin.user.admin'] }));
    expect(findings.map((f) => f.property)).toEqual(['AllowedOAuthScopes[1]', 'AllowedOAuthScopes[2]']);
  });
  test('passes with resource-server scopes only, and ignores untagged clients', () => {
    expect(lint('profile-m2m-resource-server-scopes-only', tagged('m2m', m2m))).toEqual([]);
    expect(lint('profile-m2m-resource-server-scopes-only', client({ ...m2m, AllowedOAuthScopes: ['phone'] }))).toEqual([]);
  });
});
