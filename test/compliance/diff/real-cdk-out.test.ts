import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { CfnUserPool, CfnUserPoolClient, CfnUserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { brief, JsonDiff } from './helpers';
import { runCli } from '../cli/helpers';

// Issue 13: real cloud assemblies, written by `app.synth()` exactly as `cdk synth` writes them.

const SRC_INDEX = require.resolve('../../../src');
const EXAMPLE_APP = require.resolve('../../../examples/app');
const ADDED_CALLBACK = 'https://staging.orders.example.com/callback';

/** Synthesizes examples/app.ts into `outdir`; `changeWebApp` adds one callback URL to its PublicSpaClient. */
function synthExampleApp(outdir: string, changeWebApp: boolean): void {
  process.env.CDK_OUTDIR = outdir;
  // The app's validation plugin prints the legacy stack's warnings; they are the example's point, not this test's.
  const quiet = jest.spyOn(console, 'error').mockImplementation(() => {});
  try {
    jest.isolateModules(() => {
      if (changeWebApp) {
        // The one changed construct: the app's PublicSpaClient, with one more callback URL.
        jest.doMock(SRC_INDEX, () => {
          const actual = jest.requireActual(SRC_INDEX);
          class ChangedPublicSpaClient extends actual.PublicSpaClient {
            constructor(scope: Construct, id: string, props: { callbackUrls: string[] }) {
              super(scope, id, { ...props, callbackUrls: [...props.callbackUrls, ADDED_CALLBACK] });
            }
          }
          return { ...actual, PublicSpaClient: ChangedPublicSpaClient };
        });
      }
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      require(EXAMPLE_APP);
    });
  } finally {
    delete process.env.CDK_OUTDIR;
    jest.dontMock(SRC_INDEX);
    quiet.mockRestore();
  }
}

describe('the example app, before and after one construct changed', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-example-'));
  beforeAll(() => {
    synthExampleApp(path.join(root, 'base.out'), false);
    synthExampleApp(path.join(root, 'head.out'), true);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('the only change reported is the added callback URL of the web client, a regression (exit 1)', async () => {
    const result = await runCli(['diff', 'base.out', 'head.out', '--format', 'json'], root);

    expect(result.stderr).toBe('');
    expect(result.code).toBe(1);
    const diff = JSON.parse(result.stdout) as JsonDiff;
    expect(brief(diff)).toEqual([['regression', expect.stringMatching(/^WebApp[0-9A-F]{8}$/), 'CallbackURLs', null]]);
    const [change] = diff.changes;
    expect(change.stack).toBe('OrdersIdentity');
    expect(change.resourceType).toBe('AWS::Cognito::UserPoolClient');
    expect(change.after).toEqual([...(change.before as string[]), ADDED_CALLBACK]);
    expect(change.message).toContain(`adds "${ADDED_CALLBACK}"`);
    // Both stacks of the app were compared, and every Cognito resource of them: two clients, a domain and a resource
    // server in OrdersIdentity, the L2 client in LegacyIdentity.
    expect(diff.summary).toEqual({ stacks: 2, resources: 5, replacement: 0, regression: 1, improvement: 0, change: 0 });
  });

  test('the same assembly on both sides: no change, exit 0', async () => {
    const result = await runCli(['diff', 'head.out', 'head.out', '--format', 'json'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout).changes).toEqual([]);
  });

  test('SARIF points at the after template and the line of the client', async () => {
    const result = await runCli(['diff', 'base.out', 'head.out', '--format', 'sarif'], root);
    const [sarifResult] = JSON.parse(result.stdout).runs[0].results;
    const location = sarifResult.locations[0].physicalLocation;
    expect(location.artifactLocation.uri).toBe('head.out/OrdersIdentity.template.json');
    const lines = fs.readFileSync(path.join(root, 'head.out/OrdersIdentity.template.json'), 'utf8').split('\n');
    expect(lines[location.region.startLine - 1]).toContain(`"${sarifResult.locations[0].logicalLocations[0].name}": {`);
  });
});

/** A pool and a client without findings (or with the implicit grant), and optionally a domain, in `scope`. */
function addClient(scope: Construct, clientId: string, options: { implicit?: boolean; domainPrefix?: string } = {}): void {
  const pool = new CfnUserPool(scope, 'Pool');
  new CfnUserPoolClient(scope, clientId, {
    userPoolId: pool.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: options.implicit ? ['code', 'implicit'] : ['code'],
    allowedOAuthScopes: ['openid'],
    callbackUrLs: ['https://app.example.com/cb'],
    preventUserExistenceErrors: 'ENABLED',
    writeAttributes: ['email'],
  });
  if (options.domainPrefix) new CfnUserPoolDomain(scope, 'Domain', { userPoolId: pool.ref, domain: options.domainPrefix });
}

interface AppShape {
  readonly implicitInNested?: boolean;
  readonly topClientId?: string;
  readonly withLegacyStack?: boolean;
  readonly withNewStack?: boolean;
  readonly domainPrefix?: string;
}

/** A top-level stack, a stage whose stack holds a nested stack, and optional stacks that come and go. */
function synthApp(outdir: string, shape: AppShape): void {
  const app = new App({ outdir });
  addClient(new Stack(app, 'AuthStack'), shape.topClientId ?? 'Web', { domainPrefix: shape.domainPrefix });
  const prod = new Stack(new Stage(app, 'Prod'), 'OrdersStack');
  addClient(new NestedStack(prod, 'Auth'), 'Machine', { implicit: shape.implicitInNested });
  if (shape.withLegacyStack) addClient(new Stack(app, 'LegacyStack'), 'Old');
  if (shape.withNewStack) addClient(new Stack(app, 'NewStack'), 'Fresh', { implicit: true });
  app.synth();
}

describe('assemblies with stages, nested stacks, renames and stacks that come and go', () => {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'diff-nested-'));
  let diff: JsonDiff;
  let code: number;
  beforeAll(async () => {
    synthApp(path.join(root, 'before'), { withLegacyStack: true, domainPrefix: 'orders-login' });
    synthApp(path.join(root, 'after'), { implicitInNested: true, topClientId: 'WebClient', withNewStack: true, domainPrefix: 'orders-signin' });
    const result = await runCli(['diff', 'before', 'after', '--format', 'json'], root);
    expect(result.stderr).toBe('');
    code = result.code;
    diff = JSON.parse(result.stdout);
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  test('stacks are matched by artifact id, the nested stack by its template name', () => {
    const byStack = (name: string | RegExp) => brief({ ...diff, changes: diff.changes.filter((c) => (typeof name === 'string' ? c.stack === name : name.test(c.stack))) });
    // The renamed client and the new domain prefix: replacements, first.
    expect(byStack('AuthStack')).toEqual([
      ['replacement', expect.stringMatching(/^WebClient$/), '(logical id)', null],
      ['replacement', 'Domain', 'Domain', null],
    ]);
    // The nested stack of the stage's stack: the implicit grant added.
    expect(byStack(/^ProdOrdersStackAuth[0-9A-F]{8}$/)).toEqual([['regression', 'Machine', 'AllowedOAuthFlows', 'client-implicit-grant']]);
    expect(byStack('LegacyStack')).toEqual([['change', 'Old', '(logical id)', null]]);
    expect(byStack('NewStack')).toEqual([
      ['regression', 'Fresh', 'AllowedOAuthFlows[1]', 'client-implicit-grant'],
      ['change', 'Fresh', '(logical id)', null],
    ]);
    expect(diff.changes.map((c) => c.stack).filter((name, i, all) => all.indexOf(name) === i))
      .toEqual(['AuthStack', 'LegacyStack', 'NewStack', expect.stringMatching(/^ProdOrdersStackAuth/)]);
    expect(code).toBe(1);
  });

  test('--fail-on none: the same report, exit 0', async () => {
    const result = await runCli(['diff', 'before', 'after', '--format', 'json', '--fail-on', 'none'], root);
    expect(result.code).toBe(0);
    expect(JSON.parse(result.stdout)).toEqual(diff);
  });
});
