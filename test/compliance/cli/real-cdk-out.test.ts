import { join } from 'path';
import { App, NestedStack, Stack, Stage } from 'aws-cdk-lib';
import { CfnUserPool, CfnUserPoolClient } from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import { removeWorkspace, runCli, SECRET_RULE, workspace } from './helpers';

/** A pool with a machine client that has no secret: a deploy error wherever it is synthesized. */
function addMachineClient(scope: Construct): void {
  const pool = new CfnUserPool(scope, 'Pool');
  new CfnUserPoolClient(scope, 'MachineClient', {
    userPoolId: pool.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: ['client_credentials'],
    allowedOAuthScopes: ['email'],
  });
}

let dir: string;
afterAll(() => removeWorkspace(dir));

test('a cdk.out written by `cdk synth` (top-level stack, stage, nested stack) is linted completely', async () => {
  // GIVEN an app with a stack, and a stage whose stack has a nested stack, synthesized to <dir>/cdk.out
  dir = workspace({});
  const app = new App({ outdir: join(dir, 'cdk.out') });
  addMachineClient(new Stack(app, 'AuthStack'));
  const prodStack = new Stack(new Stage(app, 'Prod'), 'OrdersStack');
  addMachineClient(new NestedStack(prodStack, 'Auth'));
  app.synth();

  // WHEN linting the assembly directory
  const result = await runCli(['--format', 'json', 'cdk.out'], dir);

  // THEN every template is found, manifests, tree.json and asset manifests are skipped silently
  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout);
  const files = report.findings
    .filter((f: { ruleId: string }) => f.ruleId === SECRET_RULE)
    .map((f: { file: string }) => f.file)
    .sort();
  expect(files).toEqual([
    'cdk.out/AuthStack.template.json',
    expect.stringMatching(/^cdk\.out\/assembly-Prod\/ProdOrdersStackAuth[0-9A-F]+\.nested\.template\.json$/),
  ]);
  expect(report.summary.files).toBe(3);
  expect(report.summary.inputErrors).toBe(0);
});
