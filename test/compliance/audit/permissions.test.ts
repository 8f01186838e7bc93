/**
 * What the caller cannot read, what Cognito throttles, and what disappears mid-audit, against the Cognito stand-in
 * (every read-only operation, errors as the API reference documents them, injected per operation).
 */
import { CognitoStandIn, startCognitoStandIn } from './support/cognito-stand-in';
import { awsEnvironment, runAuditCli } from './support/harness';
import { CognitoClientAuditor } from '../../../src/compliance/audit/auditor';
import { AUDIT_OPERATION_NAMES, AuditOperation, rulesNeeding } from '../../../src/compliance/audit/operations';
import { TEMPLATE_ONLY_RULE_IDS } from '../../../src/compliance/audit/template-only-rules';
import { ALL_RULES } from '../../../src/rules/catalogue';

const POOL = 'eu-west-1_Orders1';
const OTHER = 'eu-west-1_Billing2';
const AUDITED_RULES = ALL_RULES.filter((rule) => !TEMPLATE_ONLY_RULE_IDS.includes(rule.id));

let standIn: CognitoStandIn;
let restoreEnv: () => void;

const careful = {
  ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
  PreventUserExistenceErrors: 'ENABLED',
  EnableTokenRevocation: true,
  ReadAttributes: ['email'],
  WriteAttributes: ['email'],
};

beforeAll(async () => {
  standIn = await startCognitoStandIn();
  standIn.addPool({
    Id: POOL,
    Name: 'orders',
    UserPoolTier: 'LITE',
    Domain: 'orders-login',
    CustomDomain: 'auth.example.com',
    SchemaAttributes: [{ Name: 'sub', Required: true }, { Name: 'email', Required: false }, { Name: 'custom:tenant', Required: false }],
  });
  standIn.addPool({ Id: OTHER, Name: 'billing' });
  standIn.addClient(POOL, {
    ...careful,
    ClientId: 'web1client',
    ClientName: 'web',
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'orders/read', 'orders/delete'],
    CallbackURLs: ['https://orders.example.com/callback'],
    SupportedIdentityProviders: ['COGNITO', 'Corp', 'Okta'],
    ReadAttributes: ['email', 'custom:tenant', 'custom:plan'],
  });
  standIn.addClient(POOL, { ...careful, ClientId: 'passwordless1', ClientName: 'passwordless', ExplicitAuthFlows: ['ALLOW_USER_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'] });
  standIn.addClient(OTHER, { ...careful, ClientId: 'billing1', ClientName: 'billing', ClientSecret: 'billing-secret-value-1234' });
  standIn.addResourceServer(POOL, { Identifier: 'orders', Name: 'Orders API', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read' }, { ScopeName: 'read', ScopeDescription: 'Again' }] });
  standIn.addIdentityProvider(POOL, { ProviderName: 'Corp', ProviderType: 'OIDC', ProviderDetails: { client_secret: 'x' }, AttributeMapping: { 'email': 'email', 'custom:tenant': 'tenant' } });
  standIn.addDomain({ UserPoolId: POOL, Domain: 'orders-login', Status: 'ACTIVE', ManagedLoginVersion: 2 });
  standIn.addDomain({
    UserPoolId: POOL,
    Domain: 'auth.example.com',
    Status: 'ACTIVE',
    CustomDomainConfig: { CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0f1e2d3c-aaaa-bbbb-cccc-1234567890ab' },
  });
  restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
});

afterAll(async () => {
  restoreEnv?.();
  await standIn?.stop();
});

afterEach(() => standIn.server.clearFaults());

const ruleIds = (findings: ReadonlyArray<{ resourceId: string; ruleId: string }>) => findings.map((f) => `${f.resourceId} ${f.ruleId}`);

/** Every finding, and the rule of each, on the seeded pools when everything can be read. */
const FULL = [
  'orders resource-server-duplicate-scope-names',
  'orders-login domain-managed-login-tier',
  'auth.example.com domain-certificate-region',
  'web1client client-oauth-scopes-exist',
  'web1client client-identity-providers-exist',
  'web1client client-read-attributes-exist',
  'web1client client-write-attributes-idp-mapped',
  'passwordless1 client-user-auth-tier',
];

test('with every permission: findings from every API (schema, tier, clients, resource servers, providers, domains)', async () => {
  const result = await CognitoClientAuditor.audit();
  expect(ruleIds(result.findings).sort()).toEqual([...FULL].sort());
  expect(result.userPoolIds).toEqual([POOL, OTHER]);
  // 3 clients, 1 resource server, 2 domains.
  expect(result.resourcesChecked).toBe(6);
  expect(result.skipped).toEqual([]);
});

test('the operations sent are exactly the audit\'s read-only operations, each at least once', async () => {
  const before = standIn.server.calls.length;
  await CognitoClientAuditor.audit();
  const sent = new Set(standIn.server.calls.slice(before).map((c) => c.target));
  expect([...sent].sort()).toEqual(AUDIT_OPERATION_NAMES.map((op) => `AWSCognitoIdentityProviderService.${op}`).sort());
  expect(JSON.parse(CognitoClientAuditor.iamPolicy()).Statement.flatMap((s: { Action: string[] }) => s.Action).sort())
    .toEqual(AUDIT_OPERATION_NAMES.map((op) => `cognito-idp:${op}`).sort());
});

describe('AccessDeniedException turns off the rules that need the refused operation, and only those', () => {
  const denied = (operation: string) => ({
    operations: [operation],
    count: 1000,
    type: 'AccessDeniedException',
    status: 400,
    message: `User: arn:aws:sts::123456789012:assumed-role/auditor/session is not authorized to perform: cognito-idp:${operation}`,
  });

  const perOperation: Array<[AuditOperation, string[]]> = [
    ['DescribeUserPool', [
      'orders resource-server-duplicate-scope-names',
      'web1client client-oauth-scopes-exist',
      'web1client client-identity-providers-exist',
      'web1client client-write-attributes-idp-mapped',
    ]],
    ['ListUserPoolClients', FULL.filter((f) => !/^(web1client|passwordless1) /.test(f))],
    ['DescribeUserPoolClient', FULL.filter((f) => !/^(web1client|passwordless1) /.test(f))],
    ['ListResourceServers', FULL.filter((f) => !/resource-server-|oauth-scopes-exist/.test(f))],
    ['ListIdentityProviders', FULL.filter((f) => !/identity-providers-exist|idp-mapped/.test(f))],
    ['DescribeIdentityProvider', FULL.filter((f) => !/idp-mapped/.test(f))],
    ['DescribeUserPoolDomain', FULL.filter((f) => !/ domain-/.test(f))],
  ];

  test.each(perOperation)('%s refused: its rules skipped on each pool, no false finding, the rest judged', async (operation, expected) => {
    standIn.server.inject(denied(operation));
    const result = await CognitoClientAuditor.audit();
    expect(ruleIds(result.findings).sort()).toEqual([...expected].sort());
    const skippedRules = rulesNeeding(operation, AUDITED_RULES);
    expect(result.skipped).toEqual([
      { userPoolId: POOL, iamAction: `cognito-idp:${operation}`, ruleIds: skippedRules },
      // The other pool has no identity provider or domain to describe: nothing was refused there.
      ...(['DescribeIdentityProvider', 'DescribeUserPoolDomain'].includes(operation) ? []
        : [{ userPoolId: OTHER, iamAction: `cognito-idp:${operation}`, ruleIds: skippedRules }]),
    ]);
    expect(result.problems).toEqual([]);
  });

  test('the skipped lists are what the operations table says', () => {
    // Rule order (client rules first), every resource server rule, and the client rule that reads the servers.
    expect(rulesNeeding('ListResourceServers', AUDITED_RULES)).toEqual([
      'client-oauth-scopes-exist',
      ...AUDITED_RULES.filter((r) => r.resourceType === 'AWS::Cognito::UserPoolResourceServer').map((r) => r.id),
    ]);
    expect(rulesNeeding('ListResourceServers', AUDITED_RULES)).toContain('resource-server-duplicate-scope-names');
    expect(rulesNeeding('ListIdentityProviders', AUDITED_RULES)).toEqual(['client-identity-providers-exist', 'client-write-attributes-idp-mapped']);
    expect(rulesNeeding('DescribeUserPoolClient', AUDITED_RULES)).toHaveLength(AUDITED_RULES.filter((r) => r.resourceType === 'AWS::Cognito::UserPoolClient').length);
  });

  test('the CLI prints one line naming the missing IAM action, lists the skipped rules per pool, and keeps its exit code', async () => {
    standIn.server.inject(denied('ListResourceServers'));
    const out = await runAuditCli(['--disable', 'client-identity-providers-exist,client-read-attributes-exist']);
    expect(out.stderr).toBe('cognito-client-lint audit: missing IAM permission cognito-idp:ListResourceServers on 2 user pools; '
      + 'the rules that need it were skipped there (see the summary)\n');
    const skipped = rulesNeeding('ListResourceServers', AUDITED_RULES).join(', ');
    expect(out.stdout).toContain(`Skipped on ${POOL} (no cognito-idp:ListResourceServers): ${skipped}\n`);
    expect(out.stdout).toContain(`Skipped on ${OTHER} (no cognito-idp:ListResourceServers): ${skipped}\n`);
    expect(out.stdout).toContain('Some rules were skipped on 2 user pools (missing read permissions, see above).');
    // The remaining errors (tier, certificate region) still decide the exit code.
    expect(out.code).toBe(1);
  });

  test('json and sarif carry the skipped rules too', async () => {
    standIn.server.inject(denied('DescribeIdentityProvider'));
    const json = JSON.parse((await runAuditCli(['--format', 'json'])).stdout);
    expect(json.summary.skipped).toEqual([{ userPoolId: POOL, iamAction: 'cognito-idp:DescribeIdentityProvider', ruleIds: ['client-write-attributes-idp-mapped'] }]);
    standIn.server.inject(denied('DescribeIdentityProvider'));
    const sarif = JSON.parse((await runAuditCli(['--format', 'sarif'])).stdout);
    expect(sarif.runs[0].invocations[0].toolExecutionNotifications).toEqual([{
      level: 'warning',
      message: { text: `${POOL}: no cognito-idp:DescribeIdentityProvider; skipped client-write-attributes-idp-mapped` },
    }]);
  });

  test('ListUserPools refused: one line saying what to do, exit 2; naming the pools still works', async () => {
    standIn.server.inject(denied('ListUserPools'));
    const out = await runAuditCli([]);
    expect(out).toEqual({
      code: 2,
      stdout: '',
      stderr: 'cognito-client-lint audit: cannot audit: not allowed to call cognito-idp:ListUserPools: grant it, or name the pools with --user-pool-id\n',
    });
    standIn.server.inject(denied('ListUserPools'));
    const named = await CognitoClientAuditor.audit({ userPoolIds: [OTHER] });
    expect(named.userPoolIds).toEqual([OTHER]);
  });
});

describe('throttling', () => {
  test('TooManyRequestsException is retried by the SDK (adaptive mode) and the audit is complete', async () => {
    standIn.server.inject({ operations: ['ListUserPools'], count: 1, type: 'TooManyRequestsException', status: 400, message: 'Rate exceeded' });
    standIn.server.inject({ operations: ['DescribeUserPoolClient'], count: 2, type: 'TooManyRequestsException', status: 400, message: 'Rate exceeded' });
    const before = standIn.server.calls.length;
    const result = await CognitoClientAuditor.audit();
    expect(ruleIds(result.findings).sort()).toEqual([...FULL].sort());
    expect(result.problems).toEqual([]);
    const calls = standIn.server.calls.slice(before);
    expect(calls.filter((c) => c.error === 'TooManyRequestsException').map((c) => c.operation))
      .toEqual(['ListUserPools', 'DescribeUserPoolClient', 'DescribeUserPoolClient']);
    // 3 clients described, 2 of the attempts throttled and retried.
    expect(calls.filter((c) => c.operation === 'DescribeUserPoolClient')).toHaveLength(5);
  });

  test('throttled beyond the SDK\'s attempts: that pool is a problem (exit 2), the others are audited', async () => {
    standIn.server.inject({ operations: ['ListResourceServers'], count: 3, type: 'TooManyRequestsException', status: 400, message: 'Rate exceeded' });
    const out = await runAuditCli(['--format', 'json']);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe(`cognito-client-lint audit: ${POOL}: ListResourceServers failed: TooManyRequestsException: Rate exceeded\n`);
    expect(JSON.parse(out.stdout).summary).toMatchObject({ userPools: 1, problems: 1 });
  });
});

describe('resources deleted while the audit runs', () => {
  test('a pool that vanished after ListUserPools is skipped with a note; not an error', async () => {
    standIn.server.inject({ operations: ['ListUserPoolClients'], count: 1, type: 'ResourceNotFoundException', status: 400, message: 'User pool does not exist.' });
    const out = await runAuditCli(['--format', 'json']);
    const report = JSON.parse(out.stdout);
    expect(report.summary.notes).toEqual([{ userPoolId: POOL, text: 'deleted during the audit; skipped' }]);
    expect(report.summary.userPools).toBe(1);
    expect(report.findings).toEqual([]);
    expect(out.code).toBe(0);
    expect(out.stderr).toBe('');
  });

  test('an app client that vanished between list and describe is skipped with a note', async () => {
    standIn.server.inject({ operations: ['DescribeUserPoolClient'], count: 1, type: 'ResourceNotFoundException', status: 400, message: 'User pool client does not exist.' });
    const result = await CognitoClientAuditor.audit();
    expect(result.notes).toEqual([{ userPoolId: POOL, text: 'app client web1client was deleted during the audit; skipped' }]);
    expect(ruleIds(result.findings).sort()).toEqual(FULL.filter((f) => !f.startsWith('web1client ')).sort());
  });

  test('a domain Cognito no longer knows (empty DomainDescription) is skipped with a note', async () => {
    standIn.addPool({ Id: 'eu-west-1_Gone3', Name: 'gone-domain', Domain: 'vanished-login' });
    try {
      const out = await runAuditCli(['--user-pool-id', 'eu-west-1_Gone3']);
      expect(out.stdout).toContain('Note: eu-west-1_Gone3: domain vanished-login was deleted during the audit; skipped\n');
      expect(out.code).toBe(0);
    } finally {
      standIn.removePool('eu-west-1_Gone3');
    }
  });
});
