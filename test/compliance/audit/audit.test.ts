/**
 * The audit against real servers on loopback: cognito-local holds the pools and app clients, and the Cognito
 * stand-in in front of it answers what cognito-local lacks (resource servers, identity providers). The real SDK
 * client reaches them through AWS_ENDPOINT_URL(_COGNITO_IDENTITY_PROVIDER), as a user's would reach Cognito.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import {
  CreateUserPoolClientCommand,
  CreateUserPoolClientCommandInput,
  CreateUserPoolCommand,
  DescribeUserPoolClientCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { CognitoStandIn, startCognitoStandIn } from './support/cognito-stand-in';
import { awsEnvironment, runAuditCli } from './support/harness';
import { CognitoClientAuditor } from '../../../src/compliance/audit/auditor';
import { CognitoClientLinter } from '../../../src/rules';
import { Severity } from '../../../src/rules/types';
import { cognitoClient, RunningServer, startCognitoLocal } from '../../secret/support/servers';

const IDP_SECRET = 'idp-client-secret-6b1f0c8e';

let cognitoLocal: RunningServer;
let standIn: CognitoStandIn;
let restoreEnv: () => void;
const secrets: string[] = [IDP_SECRET];
const ids: Record<string, string> = {};

async function createClient(userPoolId: string, input: Omit<CreateUserPoolClientCommandInput, 'UserPoolId'>): Promise<string> {
  const created = await cognitoClient(cognitoLocal.url).send(new CreateUserPoolClientCommand({ UserPoolId: userPoolId, ...input }));
  const client = created.UserPoolClient!;
  if (client.ClientSecret) secrets.push(client.ClientSecret);
  return client.ClientId!;
}

beforeAll(async () => {
  cognitoLocal = await startCognitoLocal();
  standIn = await startCognitoStandIn({ upstreamPort: cognitoLocal.port });
  const cognito = cognitoClient(cognitoLocal.url);
  const orders = (await cognito.send(new CreateUserPoolCommand({
    PoolName: 'orders',
    Schema: [{ Name: 'tenant', AttributeDataType: 'String', Mutable: true }],
  }))).UserPool!.Id!;
  const billing = (await cognito.send(new CreateUserPoolCommand({ PoolName: 'billing' }))).UserPool!.Id!;
  ids.orders = orders;
  ids.billing = billing;

  standIn.addResourceServer(orders, { Identifier: 'orders', Name: 'Orders API', Scopes: [{ ScopeName: 'read', ScopeDescription: 'Read orders' }] });
  standIn.addIdentityProvider(orders, {
    ProviderName: 'Corp',
    ProviderType: 'OIDC',
    ProviderDetails: { client_id: 'corp-app', client_secret: IDP_SECRET, oidc_issuer: 'https://idp.example.com', authorize_scopes: 'openid' },
    AttributeMapping: { 'email': 'email', 'custom:tenant': 'tenant' },
  });

  const careful = {
    ExplicitAuthFlows: ['ALLOW_USER_SRP_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'ENABLED',
    EnableTokenRevocation: true,
    AccessTokenValidity: 15,
    IdTokenValidity: 15,
    RefreshTokenValidity: 30,
    TokenValidityUnits: { AccessToken: 'minutes', IdToken: 'minutes', RefreshToken: 'days' },
  } as const;
  ids.web = await createClient(orders, {
    ...careful,
    ClientName: 'orders-web',
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['code'],
    AllowedOAuthScopes: ['openid', 'email', 'orders/read'],
    CallbackURLs: ['https://orders.example.com/callback'],
    LogoutURLs: ['https://orders.example.com/'],
    SupportedIdentityProviders: ['COGNITO'],
    ReadAttributes: ['email', 'custom:tenant'],
    WriteAttributes: ['email'],
  });
  ids.legacy = await createClient(orders, {
    ClientName: 'legacy-spa',
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['implicit'],
    AllowedOAuthScopes: ['openid', 'orders/delete'],
    CallbackURLs: ['https://legacy.example.com/callback'],
    SupportedIdentityProviders: ['COGNITO', 'Corp'],
    ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
    PreventUserExistenceErrors: 'LEGACY',
    EnableTokenRevocation: false,
    ReadAttributes: ['email', 'custom:plan'],
    WriteAttributes: ['email'],
  });
  ids.reporting = await createClient(orders, {
    ...careful,
    ClientName: 'reporting',
    GenerateSecret: true,
    AllowedOAuthFlowsUserPoolClient: true,
    AllowedOAuthFlows: ['client_credentials'],
    AllowedOAuthScopes: ['orders/read'],
    SupportedIdentityProviders: ['Okta'],
    ReadAttributes: ['email'],
    WriteAttributes: ['email'],
  });
  ids.billingService = await createClient(billing, {
    ...careful,
    ClientName: 'billing-service',
    GenerateSecret: true,
    ReadAttributes: ['email'],
    WriteAttributes: ['email'],
  });
  restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
}, 60_000);

afterAll(async () => {
  restoreEnv?.();
  await standIn?.stop();
  await cognitoLocal?.stop();
});

/** Rule ids per client id, from audit findings. */
function ruleIdsByClient(findings: ReadonlyArray<{ clientId?: string; ruleId: string }>): Record<string, string[]> {
  const byClient: Record<string, string[]> = {};
  for (const f of findings) (byClient[f.clientId ?? '-'] ??= []).push(f.ruleId);
  return byClient;
}

describe('findings on deployed clients', () => {
  test('names each client that breaks a rule with exactly the rules it breaks; clean clients have none', async () => {
    const result = await CognitoClientAuditor.audit();

    expect(result.region).toBe('eu-west-1');
    expect(result.userPoolIds).toEqual([ids.orders, ids.billing]);
    expect(ruleIdsByClient(result.findings)).toEqual({
      [ids.legacy]: [
        'client-oauth-scopes-exist',
        'client-implicit-grant',
        'client-read-attributes-exist',
        'client-write-attributes-idp-mapped',
        'client-password-auth-flows',
        'client-token-revocation-disabled',
        'client-user-existence-errors-legacy',
      ],
      [ids.reporting]: ['client-identity-providers-exist'],
    });
    expect(result.skipped).toEqual([]);
    expect(result.notes).toEqual([]);
    expect(result.problems).toEqual([]);
    // 4 clients, 1 resource server (identity providers are context, not judged).
    expect(result.resourcesChecked).toBe(5);
  });

  test('a finding carries the pool, the client id and name, the property and the engine\'s severity', async () => {
    const result = await CognitoClientAuditor.audit();
    const scope = result.findings.find((f) => f.ruleId === 'client-oauth-scopes-exist')!;
    expect(scope).toMatchObject({
      severity: Severity.ERROR,
      userPoolId: ids.orders,
      resourceType: 'AWS::Cognito::UserPoolClient',
      resourceId: ids.legacy,
      clientId: ids.legacy,
      clientName: 'legacy-spa',
      property: 'AllowedOAuthScopes[1]',
    });
    // The scope the pool does not define, and the scope it does, both come from the stand-in's resource server.
    expect(scope.message).toContain('"orders/delete"');
    expect(scope.message).toContain('orders/read');
    const mapped = result.findings.find((f) => f.ruleId === 'client-write-attributes-idp-mapped')!;
    expect(mapped.severity).toBe(Severity.WARNING);
    expect(mapped.message).toContain('custom:tenant');
  });

  test('--user-pool-id audits only the pools named', async () => {
    const result = await CognitoClientAuditor.audit({ userPoolIds: [ids.billing] });
    expect(result.userPoolIds).toEqual([ids.billing]);
    expect(result.findings).toEqual([]);
    expect(result.resourcesChecked).toBe(1);
  });

  test('--disable drops a rule from the audit', async () => {
    const result = await CognitoClientAuditor.audit({ disabledRules: ['client-implicit-grant', 'client-identity-providers-exist'] });
    expect(result.findings.map((f) => f.ruleId)).not.toContain('client-implicit-grant');
    expect(ruleIdsByClient(result.findings)[ids.reporting]).toBeUndefined();
    expect(ruleIdsByClient(result.findings)[ids.legacy]).toHaveLength(6);
  });
});

describe('cognito-client-lint audit', () => {
  test('text: one heading per client naming pool, client id and name; exit 1 on error findings', async () => {
    const out = await runAuditCli([]);
    expect(out.code).toBe(1);
    expect(out.stderr).toBe('');
    const lines = out.stdout.split('\n');
    expect(lines).toContain(`${ids.orders} app client ${ids.legacy} "legacy-spa"`);
    expect(lines).toContain(`${ids.orders} app client ${ids.reporting} "reporting"`);
    expect(lines.filter((l) => /^  (error|warning) /.test(l))).toHaveLength(8);
    expect(lines).toContain('Found 3 errors and 5 warnings in 2 user pools of eu-west-1 (5 Cognito resources checked).');
  });

  test('json: the linter\'s finding fields plus userPoolId, clientId and clientName', async () => {
    const out = await runAuditCli(['--format', 'json', '--user-pool-id', ids.orders]);
    expect(out.code).toBe(1);
    const report = JSON.parse(out.stdout);
    expect(Object.keys(report.findings[0]).sort()).toEqual(
      ['clientId', 'clientName', 'docUrl', 'message', 'property', 'resourceId', 'resourceType', 'ruleId', 'severity', 'userPoolId'].sort());
    expect(report.findings.filter((f: any) => f.clientName === 'reporting').map((f: any) => [f.ruleId, f.userPoolId, f.clientId]))
      .toEqual([['client-identity-providers-exist', ids.orders, ids.reporting]]);
    expect(report.summary).toEqual({ region: 'eu-west-1', userPools: 1, resources: 4, errors: 3, warnings: 5, skipped: [], notes: [], problems: 0 });
  });

  test('sarif: each result names pool and client as a logical location, the rule catalogue is the linter\'s', async () => {
    const out = await runAuditCli(['--format', 'sarif']);
    const log = JSON.parse(out.stdout);
    const run = log.runs[0];
    expect(log.version).toBe('2.1.0');
    expect(run.tool.driver.rules.map((r: any) => r.id)).toEqual(
      CognitoClientLinter.rules().map((r) => r.id));
    const result = run.results.find((r: any) => r.ruleId === 'client-identity-providers-exist');
    expect(result.level).toBe('error');
    expect(result.locations).toEqual([{
      logicalLocations: [{
        name: ids.reporting,
        fullyQualifiedName: `${ids.orders}/${ids.reporting}`,
        kind: 'resource',
        properties: { resourceType: 'AWS::Cognito::UserPoolClient', clientName: 'reporting' },
      }],
    }]);
    expect(result.properties).toEqual({ property: 'SupportedIdentityProviders[0]', userPoolId: ids.orders, clientId: ids.reporting });
    expect(run.results).toHaveLength(8);
    expect(run.invocations[0].executionSuccessful).toBe(true);
  });

  test('--strict: warnings alone exit 1; a clean pool exits 0', async () => {
    expect((await runAuditCli(['--user-pool-id', ids.billing])).code).toBe(0);
    const strict = await runAuditCli(['--strict', '--user-pool-id', ids.orders, '--disable',
      'client-oauth-scopes-exist,client-read-attributes-exist,client-identity-providers-exist']);
    expect(strict.code).toBe(1);
    expect(strict.stdout).toContain('Found 0 errors and 5 warnings');
    const lenient = await runAuditCli(['--user-pool-id', ids.orders, '--disable',
      'client-oauth-scopes-exist,client-read-attributes-exist,client-identity-providers-exist']);
    expect(lenient.code).toBe(0);
  });

  test('a named pool that does not exist: one line on stderr, exit 2, the other pools still audited', async () => {
    const out = await runAuditCli(['--user-pool-id', 'local_doesnotexist', '--user-pool-id', ids.billing]);
    expect(out.code).toBe(2);
    expect(out.stderr).toBe('cognito-client-lint audit: local_doesnotexist: user pool local_doesnotexist does not exist in eu-west-1\n');
    expect(out.stdout).toContain('No problems found in 1 user pool of eu-west-1 (1 Cognito resource checked).');
  });

  test.each([
    [['--region', 'Europe'], "cognito-client-lint audit: --region: 'Europe' is not a region name like eu-west-1 (see --help)\n"],
    [['--user-pool-id', 'not a pool'], "cognito-client-lint audit: --user-pool-id: 'not a pool' is not a user pool id like eu-west-1_AbCdEf123 (see --help)\n"],
    [['--disable', 'no-such-rule'], "cognito-client-lint audit: --disable: unknown rule id 'no-such-rule' (see --help)\n"],
    [['--format', 'xml'], "cognito-client-lint audit: option '-f, --format <format>' argument 'xml' is invalid. Allowed choices are text, json, sarif. (see --help)\n"],
    [['extra'], 'cognito-client-lint audit: too many arguments. Expected 0 arguments but got 1. (see --help)\n'],
  ])('bad input %j: one line on stderr, exit 2', async (argv, stderr) => {
    const out = await runAuditCli(argv);
    expect(out).toEqual({ code: 2, stdout: '', stderr });
  });
});

describe('the SDK\'s own configuration', () => {
  test('AWS_ENDPOINT_URL (all services) is honoured as well as the service-specific variable', async () => {
    const restore = awsEnvironment({ AWS_ENDPOINT_URL: standIn.url });
    try {
      const before = standIn.server.calls.length;
      const result = await CognitoClientAuditor.audit({ userPoolIds: [ids.billing] });
      expect(result.userPoolIds).toEqual([ids.billing]);
      expect(standIn.operations().slice(before)).toEqual([
        'DescribeUserPool', 'ListUserPoolClients', 'DescribeUserPoolClient', 'ListResourceServers', 'ListIdentityProviders',
      ]);
    } finally {
      restore();
      restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
    }
  });

  test('--profile reads the region and credentials of that profile from the shared config files', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'audit-profile-'));
    // endpoint_url in the profile is not used by this SDK version when the profile comes from client config (measured),
    // so the endpoint stays in the environment; without the profile's keys the SDK would find no credentials at all.
    fs.writeFileSync(path.join(dir, 'config'), '[profile auditor]\nregion = ap-southeast-2\n');
    fs.writeFileSync(path.join(dir, 'credentials'), '[auditor]\naws_access_key_id = AKIDPROFILE\naws_secret_access_key = profile-secret\n');
    const restore = awsEnvironment({
      AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url,
      AWS_CONFIG_FILE: path.join(dir, 'config'),
      AWS_SHARED_CREDENTIALS_FILE: path.join(dir, 'credentials'),
      AWS_REGION: undefined,
      AWS_ACCESS_KEY_ID: undefined,
      AWS_SECRET_ACCESS_KEY: undefined,
    });
    try {
      const out = await runAuditCli(['--profile', 'auditor', '--user-pool-id', ids.billing, '--format', 'json']);
      expect(out.stderr).toBe('');
      expect(JSON.parse(out.stdout).summary.region).toBe('ap-southeast-2');
      const overridden = await runAuditCli(['--profile', 'auditor', '--region', 'eu-north-1', '--user-pool-id', ids.billing, '--format', 'json']);
      expect(JSON.parse(overridden.stdout).summary.region).toBe('eu-north-1');
    } finally {
      restore();
      fs.rmSync(dir, { recursive: true, force: true });
      restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
    }
  });

  test('no region anywhere: one line on stderr, exit 2', async () => {
    const restore = awsEnvironment({ AWS_ENDPOINT_URL: standIn.url, AWS_REGION: undefined });
    try {
      const out = await runAuditCli([]);
      expect(out).toEqual({ code: 2, stdout: '', stderr: 'cognito-client-lint audit: cannot audit: Region is missing\n' });
    } finally {
      restore();
      restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
    }
  });

  test('no credentials anywhere: one line on stderr, exit 2, no stack trace', async () => {
    const restore = awsEnvironment({ AWS_ENDPOINT_URL: standIn.url, AWS_ACCESS_KEY_ID: undefined, AWS_SECRET_ACCESS_KEY: undefined });
    try {
      const out = await runAuditCli([]);
      expect(out.code).toBe(2);
      expect(out.stdout).toBe('');
      expect(out.stderr).toMatch(/^cognito-client-lint audit: cannot audit: ListUserPools failed: .*credentials.*\n$/i);
    } finally {
      restore();
      restoreEnv = awsEnvironment({ AWS_ENDPOINT_URL_COGNITO_IDENTITY_PROVIDER: standIn.url });
    }
  });
});

describe('secrets stop at the boundary', () => {
  test('cognito-local really returns the client secrets to DescribeUserPoolClient, and the audit calls it', async () => {
    // Guards the tests below: they search for values that really cross the wire.
    expect(secrets).toHaveLength(3);
    const command = new DescribeUserPoolClientCommand({ UserPoolId: ids.orders, ClientId: ids.reporting });
    const described = await cognitoClient(cognitoLocal.url).send(command);
    expect(secrets).toContain(described.UserPoolClient!.ClientSecret);
    const before = standIn.server.calls.length;
    await CognitoClientAuditor.audit();
    const operations = standIn.operations().slice(before);
    expect(operations.filter((op) => op === 'DescribeUserPoolClient')).toHaveLength(4);
    expect(operations.filter((op) => op === 'DescribeIdentityProvider')).toHaveLength(1);
  });

  test('no client secret or identity provider secret reaches a finding, the result, any output format, stderr or a log', async () => {
    // Everything logged through the console while the audit runs (the SDK has no logger unless given one).
    const logged: string[] = [];
    const spies = (['log', 'info', 'warn', 'error', 'debug', 'trace'] as const).map((level) =>
      jest.spyOn(console, level).mockImplementation((...args: unknown[]) => { logged.push(args.map(String).join(' ')); }));
    const outputs: string[] = [];
    try {
      outputs.push(JSON.stringify(await CognitoClientAuditor.audit()));
      for (const format of ['text', 'json', 'sarif']) {
        const out = await runAuditCli(['--format', format]);
        outputs.push(out.stdout, out.stderr);
      }
    } finally {
      spies.forEach((spy) => spy.mockRestore());
    }
    outputs.push(...logged);
    for (const secret of secrets) {
      for (const output of outputs) expect(output).not.toContain(secret);
    }
  });

  test('nor an error: a describe that keeps failing is reported without the secret', async () => {
    standIn.server.inject({ operations: ['DescribeUserPoolClient'], count: 50, type: 'InternalErrorException', status: 500, message: 'Internal error' });
    try {
      const out = await runAuditCli(['--user-pool-id', ids.billing]);
      expect(out.code).toBe(2);
      expect(out.stderr).toBe(`cognito-client-lint audit: ${ids.billing}: DescribeUserPoolClient failed: InternalErrorException: Internal error\n`);
      for (const secret of secrets) expect(out.stdout + out.stderr).not.toContain(secret);
    } finally {
      standIn.server.clearFaults();
    }
  });
});
