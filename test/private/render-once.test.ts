import * as fs from 'fs';
import * as path from 'path';
import { App, CfnCondition, Duration, Fn, Lazy, NestedStack, Stack } from 'aws-cdk-lib';
import * as cognito from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { AppClient, M2MClient, PublicSpaClient } from '../../src';

// The app clients hand the stack the rendering their validation made (src/private/render-once.ts). These tests hold
// that rendering to the one the stack makes itself, and check that a stale one is never used.

interface Built {
  readonly app: App;
  readonly stacks: Stack[];
  readonly clients: AppClient[];
}

/** An app with most of what a template can hold: cross-stack and nested-stack clients, tokens, Lazy values, escape hatches. */
function buildApp(): Built {
  const app = new App();
  const env = { region: 'eu-west-1', account: '123456789012' };
  const poolStack = new Stack(app, 'Pools', { env });
  const pool = new cognito.UserPool(poolStack, 'Pool');
  const read = new cognito.ResourceServerScope({ scopeName: 'read', scopeDescription: 'Read' });
  const api = pool.addResourceServer('Api', { identifier: 'https://api.example.com', scopes: [read] });

  const spa = new PublicSpaClient(poolStack, 'Spa', {
    userPool: pool,
    callbackUrls: [Fn.join('', ['https://', Lazy.string({ produce: () => 'app.example.com' }), '/cb']), `https://${poolStack.region}.example.com/cb`],
  });
  const m2m = new M2MClient(poolStack, 'Machine', { userPool: pool, scopes: [cognito.OAuthScope.resourceServer(api, read)] });
  m2m.node.addDependency(spa);
  const server = new AppClient(poolStack, 'Server', {
    userPool: pool,
    generateSecret: true,
    authFlows: { userSrp: true },
    accessTokenValidity: Duration.minutes(30),
  });
  const raw = server.node.defaultChild as cognito.CfnUserPoolClient;
  raw.addPropertyOverride('ClientName', 'overridden');
  raw.cfnOptions.condition = new CfnCondition(poolStack, 'InEurope', { expression: Fn.conditionEquals(poolStack.region, 'eu-west-1') });

  // A client in another stack, on the pool of the first: a cross-stack reference, turned into an import when CDK prepares the app.
  const consumerStack = new Stack(app, 'Consumer', { env });
  const remote = new AppClient(consumerStack, 'Remote', { userPool: pool, authFlows: { userSrp: true } });

  // A client in a nested stack: its template is written while the app is prepared, before any validation.
  const nested = new NestedStack(consumerStack, 'Nested');
  const inNested = new AppClient(nested, 'Inner', { userPool: pool, authFlows: { userSrp: true } });

  return { app, stacks: [poolStack, consumerStack], clients: [spa, m2m, server, remote, inNested] };
}

function templatesOf(app: App, skipValidation = false): Record<string, unknown> {
  const assembly = app.synth({ skipValidation, force: true });
  return Object.fromEntries(assembly.stacks.map((stack) => [stack.stackName, stack.template]));
}

/** The renderings `CfnUserPoolClient` makes itself during `app.synth()` (kept ones are not counted), by construct path. */
function rendersDuring(synth: () => void): Record<string, number> {
  const spy = jest.spyOn(cognito.CfnUserPoolClient.prototype, '_toCloudFormation');
  try {
    synth();
    const counts: Record<string, number> = {};
    for (const resource of spy.mock.contexts as cognito.CfnUserPoolClient[]) counts[resource.node.path] = (counts[resource.node.path] ?? 0) + 1;
    return counts;
  } finally {
    spy.mockRestore();
  }
}

test('the templates are the ones the stacks render themselves, byte for byte', () => {
  // skipValidation: no lint, so nothing is kept and every client renders at synthesis, as with a plain CfnUserPoolClient.
  const plain = templatesOf(buildApp().app, true);
  const kept = templatesOf(buildApp().app);

  expect(JSON.stringify(kept)).toEqual(JSON.stringify(plain));
  expect(Object.keys(kept).sort()).toEqual(['Consumer', 'Pools']);
});

test('a client of a top-level stack renders twice per synthesis (CDK preparing the app, the lint), not a third time for the template', () => {
  const { app } = buildApp();
  const withoutLint = rendersDuring(() => buildApp().app.synth({ skipValidation: true }));

  const counts = rendersDuring(() => app.synth());

  const topLevel = ['Pools/Spa/Resource', 'Pools/Machine/Resource', 'Pools/Server/Resource', 'Consumer/Remote/Resource'];
  expect(topLevel.map((p) => counts[p])).toEqual([2, 2, 2, 2]);
  // Without the lint the stack renders each client twice too (preparing, writing the template): the lint adds none.
  expect(topLevel.map((p) => withoutLint[p])).toEqual([2, 2, 2, 2]);
  // A nested stack's template is written while the app is prepared: its client keeps nothing and renders once more.
  expect(counts['Consumer/Nested/Inner/Resource']).toBe(withoutLint['Consumer/Nested/Inner/Resource'] + 1);
});

test('a rendering kept by a synthesis that failed is never used: the next synthesis shows what changed since', () => {
  const { app, stacks, clients } = buildApp();
  // Another construct's validation fails the first synthesis, after the clients' validations kept their renderings.
  let failures = 1;
  const blocker = new Construct(stacks[1], 'Blocker');
  blocker.node.addValidation({ validate: () => (failures-- > 0 ? ['not yet'] : []) });
  expect(() => app.synth()).toThrow(/not yet/);

  (clients[0].node.defaultChild as cognito.CfnUserPoolClient).addPropertyOverride('ClientName', 'changed after a failed synthesis');
  const templates = templatesOf(app) as Record<string, { Resources: Record<string, { Properties: Record<string, unknown> }> }>;

  const names = Object.values(templates.Pools.Resources).map((r) => r.Properties?.ClientName);
  expect(names).toContain('changed after a failed synthesis');
});

test('a second synthesis of the same app renders afresh, nested stacks included', () => {
  const { app, clients } = buildApp();
  templatesOf(app);
  for (const client of clients) (client.node.defaultChild as cognito.CfnUserPoolClient).addPropertyOverride('ClientName', `second ${client.node.id}`);

  const assembly = app.synth({ force: true });

  const nested = clients[4].node.scope as NestedStack;
  const texts = [
    ...assembly.stacks.map((stack) => JSON.stringify(stack.template)),
    fs.readFileSync(path.join(assembly.directory, nested.templateFile), 'utf8'),
  ].join('\n');
  for (const client of clients) expect(texts).toContain(`"second ${client.node.id}"`);
});
