/**
 * 50 user pools and 1,000 app clients behind the Cognito stand-in, paginated at the API's page sizes: the audit makes
 * a number of calls linear in what it reads (one per page and one describe per client), counted exactly.
 */
import { CognitoStandIn, startCognitoStandIn } from './support/cognito-stand-in';
import { awsEnvironment } from './support/harness';
import { CognitoClientAuditor } from '../../../src/compliance/audit/auditor';

let standIn: CognitoStandIn;
let restoreEnv: () => void;

beforeAll(async () => {
  standIn = await startCognitoStandIn();
  restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
});

afterAll(async () => {
  restoreEnv?.();
  await standIn?.stop();
});

/** Clients per pool: 150 (3 pages of 60), 61 (2 pages), 60 (1 page), then 24 pools of 16 and 23 of 15: 1,000 in all. */
const CLIENTS_PER_POOL = [150, 61, 60, ...Array<number>(24).fill(16), ...Array<number>(23).fill(15)];

test('50 pools, 1,000 clients: exactly one call per page and per describe', async () => {
  expect(CLIENTS_PER_POOL).toHaveLength(50);
  expect(CLIENTS_PER_POOL.reduce((a, b) => a + b, 0)).toBe(1000);
  let n = 0;
  CLIENTS_PER_POOL.forEach((count, p) => {
    const poolId = `eu-west-1_Scale${String(p).padStart(3, '0')}`;
    standIn.addPool({ Id: poolId, Name: `pool-${p}`, ...(p === 4 ? { Domain: 'scale-login' } : {}) });
    for (let c = 0; c < count; c++, n++) {
      standIn.addClient(poolId, {
        ClientId: `client${String(n).padStart(5, '0')}`,
        ClientName: `client-${n}`,
        // Every tenth client keeps the implicit grant: 100 findings of that rule.
        AllowedOAuthFlowsUserPoolClient: true,
        AllowedOAuthFlows: n % 10 === 0 ? ['implicit'] : ['code'],
        AllowedOAuthScopes: ['openid'],
        CallbackURLs: ['https://app.example.com/callback'],
      });
    }
  });
  // 55 resource servers on one pool: two pages of at most 50.
  for (let r = 0; r < 55; r++) standIn.addResourceServer('eu-west-1_Scale005', { Identifier: `api${r}`, Name: `API ${r}`, Scopes: [] });
  standIn.addIdentityProvider('eu-west-1_Scale003', { ProviderName: 'Corp', ProviderType: 'OIDC', AttributeMapping: { email: 'email' } });
  standIn.addIdentityProvider('eu-west-1_Scale003', { ProviderName: 'Partner', ProviderType: 'SAML', AttributeMapping: {} });
  standIn.addDomain({ UserPoolId: 'eu-west-1_Scale004', Domain: 'scale-login', Status: 'ACTIVE' });

  const before = standIn.server.calls.length;
  const started = Date.now();
  const result = await CognitoClientAuditor.audit();
  const elapsed = Date.now() - started;
  const calls = standIn.server.calls.slice(before);

  expect(result.userPoolIds).toHaveLength(50);
  expect(result.findings.filter((f) => f.ruleId === 'client-implicit-grant')).toHaveLength(100);
  expect(result.resourcesChecked).toBe(1000 + 55 + 1);

  const count: Record<string, number> = {};
  for (const call of calls) count[call.operation] = (count[call.operation] ?? 0) + 1;
  expect(count).toEqual({
    ListUserPools: 1,
    DescribeUserPool: 50,
    ListUserPoolClients: 50 + 2 + 1, // one page per pool, two more for 150 clients, one more for 61
    DescribeUserPoolClient: 1000,
    ListResourceServers: 50 + 1,
    ListIdentityProviders: 50,
    DescribeIdentityProvider: 2,
    DescribeUserPoolDomain: 1,
  });
  expect(calls).toHaveLength(1208);
  // Every list asked for the largest page the API allows.
  const maxResults = (op: string) => [...new Set(calls.filter((c) => c.operation === op).map((c) => c.input.MaxResults))];
  expect(maxResults('ListUserPools')).toEqual([60]);
  expect(maxResults('ListUserPoolClients')).toEqual([60]);
  expect(maxResults('ListResourceServers')).toEqual([50]);
  expect(maxResults('ListIdentityProviders')).toEqual([60]);
  console.log(`audit of 50 pools / 1,000 clients: ${calls.length} calls in ${elapsed} ms`);
}, 120_000);

test('ListUserPools is paginated: 125 pools in pages of 60, 60 and 5', async () => {
  for (let p = 50; p < 125; p++) standIn.addPool({ Id: `eu-west-1_Scale${String(p).padStart(3, '0')}`, Name: `pool-${p}` });
  const before = standIn.server.calls.length;
  const result = await CognitoClientAuditor.audit({ disabledRules: ['client-implicit-grant'] });
  const listCalls = standIn.server.calls.slice(before).filter((c) => c.operation === 'ListUserPools');
  expect(result.userPoolIds).toHaveLength(125);
  expect(new Set(result.userPoolIds).size).toBe(125);
  expect(listCalls.map((c) => c.input.NextToken === undefined)).toEqual([true, false, false]);
}, 120_000);
