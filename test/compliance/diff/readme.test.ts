import { mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join, resolve } from 'path';
import { App, Stack } from 'aws-cdk-lib';
import { CfnUserPool, CfnUserPoolClient, CfnUserPoolDomain } from 'aws-cdk-lib/aws-cognito';
import { parse as parseYaml } from 'yaml';
import { removeWorkspace, runCli, workspace } from '../cli/helpers';

// The README's diff section: its GitHub Actions job is run here as far as it can be without GitHub (both synth
// outputs, the exact cognito-client-lint invocation from the job, the file the comment step posts), and its example
// output is what the tool prints for the change the README describes.

const README = readFileSync(join(__dirname, '../../../README.md'), 'utf8');
const SECTION = README.slice(README.indexOf('<!-- diff:start -->'), README.indexOf('<!-- diff:end -->'));

interface Step { 'name'?: string; 'id'?: string; 'uses'?: string; 'run'?: string; 'if'?: string; 'with'?: Record<string, unknown>; 'working-directory'?: string; 'continue-on-error'?: boolean }
const WORKFLOW = parseYaml(/```yaml\n([\s\S]*?)```/.exec(SECTION)![1]) as { on: unknown; permissions: Record<string, string>; jobs: Record<string, { steps: Step[] }> };
const STEPS = Object.values(WORKFLOW.jobs)[0].steps;

/** The example app of the README: a pool, a prefix domain and a web client; `head` is the changed version. */
function synthIdentityStack(outdir: string, head: boolean): void {
  const app = new App({ outdir });
  const stack = new Stack(app, 'OrdersIdentity');
  const users = new CfnUserPool(stack, 'Users');
  new CfnUserPoolDomain(stack, 'Domain', { userPoolId: users.ref, domain: head ? 'orders-signin' : 'orders-login' });
  new CfnUserPoolClient(stack, 'WebApp', {
    userPoolId: users.ref,
    allowedOAuthFlowsUserPoolClient: true,
    allowedOAuthFlows: head ? ['code', 'implicit'] : ['code'],
    allowedOAuthScopes: ['openid', 'email'],
    callbackUrLs: ['https://orders.example.com/callback'],
    preventUserExistenceErrors: 'ENABLED',
    writeAttributes: ['email'],
    accessTokenValidity: head ? 15 : 60,
    tokenValidityUnits: { accessToken: 'minutes' },
  });
  app.synth();
}

/** `--output <dir>` of a `cdk synth` step, resolved against its working directory. */
function synthOutput(step: Step, root: string): string {
  const output = /--output (\S+)/.exec(step.run!)![1];
  return resolve(root, step['working-directory'] ?? '.', output);
}

test('the section sits right before Guarantees', () => {
  expect(README).toMatch(/<!-- diff:end -->\n\n## Guarantees\n/);
});

test('the job runs on pull requests, may comment, and fails only after the comment is posted', () => {
  expect(WORKFLOW.on).toBe('pull_request');
  expect(WORKFLOW.permissions).toEqual({ 'contents': 'read', 'pull-requests': 'write' });
  const names = STEPS.map((step) => step.uses?.replace(/@.*/, '') ?? step.id ?? step.name);
  expect(names).toEqual([
    'actions/checkout', 'actions/checkout', 'actions/setup-node', 'Synthesize the base branch', 'Synthesize the pull request', 'diff',
    'marocchino/sticky-pull-request-comment', 'Fail on a replacement or a regression',
  ]);
  expect(STEPS[0].with).toEqual({ ref: '${{ github.event.pull_request.base.sha }}', path: 'base' });
  expect(STEPS[1].with).toEqual({ path: 'head' });
  const compare = STEPS[5];
  expect(compare['continue-on-error']).toBe(true);
  expect(STEPS[7]).toEqual({ name: 'Fail on a replacement or a regression', if: "steps.diff.outcome == 'failure'", run: 'exit 1' });
});

describe('the job\'s diff step, run as written on two synthesized assemblies', () => {
  let root: string;
  let code: number;
  let commentFile: string;
  beforeAll(async () => {
    root = workspace({});
    const [base, head] = [STEPS[3], STEPS[4]];
    mkdirSync(join(root, base['working-directory']!));
    mkdirSync(join(root, head['working-directory']!));
    synthIdentityStack(synthOutput(base, root), false);
    synthIdentityStack(synthOutput(head, root), true);

    // The exact invocation: `npx cognito-client-lint diff ... > file`, in the step's working directory.
    const compare = STEPS[5];
    const tokens = compare.run!.split(/\s+/);
    expect(tokens.slice(0, 3)).toEqual(['npx', 'cognito-client-lint', 'diff']);
    const redirect = tokens.indexOf('>');
    expect(redirect).toBe(tokens.length - 2);
    const cwd = join(root, compare['working-directory']!);
    const result = await runCli(tokens.slice(2, redirect), cwd);
    expect(result.stderr).toBe('');
    code = result.code;
    commentFile = resolve(cwd, tokens[redirect + 1]);
    writeFileSync(commentFile, result.stdout);
  });
  afterAll(() => removeWorkspace(root));

  test('exits 1 (a replacement and a regression), and the comment step posts the file it wrote', () => {
    expect(code).toBe(1);
    expect(resolve(root, STEPS[6].with!.path as string)).toBe(commentFile);
    expect(STEPS[6].with!.header).toBe('cognito-diff');
  });

  test('the README\'s example is that output: same summary, same rows (kind, resource, property, before, after)', () => {
    const printed = readFileSync(commentFile, 'utf8').split('\n');
    const example = SECTION.split('\n').filter((line) => line.startsWith('>')).map((line) => line.replace(/^> ?/, ''));
    const columns = (lines: string[]) => lines.filter((line) => line.startsWith('| ')).map((line) => line.split(' | ').slice(0, 5));
    expect(columns(example)).toEqual(columns(printed));
    expect(columns(printed)).toHaveLength(4);
    expect(example.slice(0, 5)).toEqual(printed.slice(0, 5));
  });
});

test('the usage line names the options and values the command accepts', async () => {
  const usage = /```text\n(cognito-client-lint diff .*)\n```/.exec(SECTION)![1];
  expect(usage).toBe('cognito-client-lint diff <before> <after> [--format text|json|sarif|markdown] [--fail-on replacement|regression|any|none]');
  // Commander wraps the help to the terminal width: compare with the line breaks folded.
  const help = (await runCli(['diff', '--help'], '/')).stdout.replace(/\s+/g, ' ');
  expect(help).toContain('choices: "text", "json", "sarif", "markdown"');
  expect(help).toContain('replacement, regression, any, none');
});
