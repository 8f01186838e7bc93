import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, readFileSync, writeFileSync } from 'fs';
import { join } from 'path';
import { Template } from 'aws-cdk-lib/assertions';
import { parse } from 'yaml';
import { cliBin, forSnapshot, lintDirectory, ROOT, runActionLintStep, tempDir } from './helpers';
import { storefrontApp } from '../../examples/compliance-ci/app';
import { jsonTemplate } from '../compliance/cli/helpers';

interface WorkflowStep {
  readonly uses?: string;
  readonly run?: string;
  readonly with?: Record<string, string | number | boolean>;
  readonly if?: string;
}

const EXAMPLE = join(ROOT, 'examples', 'compliance-ci');
const repositoryUrl = () => (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')).repository.url as string).replace(/\.git$/, '');

describe('example: compliance job in CI (plugin + SARIF upload)', () => {
  const workspaceDir = tempDir('example-compliance-ci-');
  const cdkOut = join(workspaceDir, 'cdk.out');
  const workflow = parse(readFileSync(join(EXAMPLE, 'cognito-compliance.yml'), 'utf8')) as {
    permissions: Record<string, string>;
    jobs: Record<string, { steps: WorkflowStep[] }>;
  };
  const steps = workflow.jobs['cognito-clients'].steps;
  const lintStep = steps.find((s) => s.uses?.startsWith('cdk-cognito-clients/cdk-cognito-clients@'))!;
  const uploadStep = steps.find((s) => s.uses?.startsWith('github/codeql-action/upload-sarif@'))!;
  let template: Template;

  beforeAll(() => {
    // `npx cdk synth --quiet`: the app, with its validation plugin, into cdk.out.
    process.env.CDK_OUTDIR = cdkOut;
    try {
      const app = storefrontApp();
      app.synth();
      template = Template.fromStack(app.node.findChild('StorefrontIdentity') as any);
    } finally {
      delete process.env.CDK_OUTDIR;
    }
  });

  test('the workflow synthesizes (the plugin runs there), lints cdk.out with this repository\'s action, then uploads the SARIF it wrote', () => {
    expect(steps.map((s) => s.run ?? s.uses!.split('@')[0])).toEqual([
      'actions/checkout', 'actions/setup-node', 'npm ci', 'npx cdk synth --quiet', 'cdk-cognito-clients/cdk-cognito-clients', 'github/codeql-action/upload-sarif',
    ]);
    expect(`https://github.com/${lintStep.uses!.split('@')[0]}`).toBe(repositoryUrl());
    expect(lintStep.with).toEqual({ paths: 'cdk.out', format: 'sarif', output: 'cognito.sarif' });
    expect(uploadStep.with!.sarif_file).toBe(lintStep.with!.output);
    expect(uploadStep.if).toBe('always()');
    expect(workflow.permissions['security-events']).toBe('write');
  });

  test('the action step, run with the workflow\'s inputs on the synthesized cdk.out, writes SARIF with every finding of the linter', async () => {
    // WHEN
    const result = runActionLintStep(workspaceDir, lintStep.with!);
    // THEN: warnings only (the kiosk client), so the step passes
    expect([result.status, result.stderr]).toEqual([0, '']);
    const sarif = JSON.parse(readFileSync(join(workspaceDir, 'cognito.sarif'), 'utf8'));
    const { findings } = await lintDirectory(cdkOut);
    expect(findings.length).toBeGreaterThan(0);
    expect(findings.every((f) => f.severity === 'warning' && f.logicalId.startsWith('ShoppersKiosk'))).toBe(true);
    expect(sarif.runs[0].results.map((r: any) => [r.ruleId, r.level, r.locations[0].physicalLocation.artifactLocation.uri]))
      .toEqual(findings.map((f) => [f.ruleId, 'warning', `cdk.out/${f.file}`]));
  });

  test('template snapshot', () => {
    expect(forSnapshot(template.toJSON())).toMatchSnapshot();
  });
});

describe('example: .pre-commit-config.yaml', () => {
  const config = parse(readFileSync(join(EXAMPLE, '.pre-commit-config.yaml'), 'utf8')) as {
    repos: Array<{ repo: string; rev: string; hooks: Array<{ id: string; files?: string }> }>;
  };
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; files: string; args?: string[] }>;

  test('uses the hook this repository declares, narrowed to templates/', () => {
    expect(config.repos.map((r) => r.repo)).toEqual([repositoryUrl()]);
    expect(config.repos[0].hooks.map((h) => h.id)).toEqual(hooks.map((h) => h.id));
  });

  test('run as pre-commit runs it (the config\'s files over the hook\'s), it fails a commit of a broken template and passes a good one', () => {
    // GIVEN a repository with templates, and files the override leaves out
    const repo = tempDir('example-pre-commit-');
    mkdirSync(join(repo, 'templates'));
    writeFileSync(join(repo, 'templates', 'orders.yaml'), [
      'Resources:',
      '  Pool: { Type: AWS::Cognito::UserPool }',
      '  Machine:',
      '    Type: AWS::Cognito::UserPoolClient',
      '    Properties: { UserPoolId: !Ref Pool, GenerateSecret: false, AllowedOAuthFlowsUserPoolClient: true, AllowedOAuthFlows: [client_credentials], AllowedOAuthScopes: [email] }',
      '',
    ].join('\n'));
    writeFileSync(join(repo, 'templates', 'pool.json'), '{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool"}}}');
    writeFileSync(join(repo, 'package.json'), '{}');
    const hook = hooks[0];
    const files = new RegExp(config.repos[0].hooks[0].files ?? hook.files);
    const staged = ['templates/orders.yaml', 'templates/pool.json', 'package.json'].filter((f) => files.test(f));
    expect(staged).toEqual(['templates/orders.yaml', 'templates/pool.json']);
    const run = (paths: string[]) => spawnSync(hook.entry, [...(hook.args ?? []), ...paths], {
      cwd: repo, encoding: 'utf8', env: { PATH: `${cliBin()}:${process.env.PATH}`, HOME: process.env.HOME },
    });
    // WHEN / THEN
    const broken = run(staged);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^templates\/orders\.yaml:\d+ Machine$/m);
    expect(run(['templates/pool.json']).status).toBe(0);
  });
});

describe('example: .pre-commit-config.local.yaml (a local hook in a project that depends on cdk-cognito-clients)', () => {
  const config = parse(readFileSync(join(EXAMPLE, '.pre-commit-config.local.yaml'), 'utf8')) as {
    repos: Array<{ repo: string; hooks: Array<{ id: string; entry: string; language: string; files: string }> }>;
  };

  test('its entry, run by pre-commit from the project root, uses the project\'s installed CLI and fails on an error finding', () => {
    // GIVEN a project whose node_modules/.bin has the package's bin (here: this checkout's CLI)
    const [hook] = config.repos[0].hooks;
    expect([config.repos[0].repo, hook.id, hook.language]).toEqual(['local', 'cognito-client-lint', 'system']);
    const project = tempDir('example-local-hook-');
    mkdirSync(join(project, 'node_modules', '.bin'), { recursive: true });
    writeFileSync(join(project, 'package.json'), '{"name": "storefront", "devDependencies": {"cdk-cognito-clients": "*"}}');
    writeFileSync(join(project, 'node_modules', '.bin', 'cognito-client-lint'), readFileSync(join(cliBin(), 'cognito-client-lint')));
    chmodSync(join(project, 'node_modules', '.bin', 'cognito-client-lint'), 0o755);
    mkdirSync(join(project, 'templates'));
    writeFileSync(join(project, 'templates', 'machine.json'), JSON.stringify(jsonTemplate('MachineClient')));
    writeFileSync(join(project, 'templates', 'pool.json'), '{"Resources": {"Pool": {"Type": "AWS::Cognito::UserPool"}}}');
    const files = new RegExp(hook.files);
    expect(['templates/machine.json', 'templates/pool.json', 'package.json'].filter((f) => files.test(f)))
      .toEqual(['templates/machine.json', 'templates/pool.json']);
    // WHEN: pre-commit runs `entry` split on spaces, with the staged files appended (language: system)
    const [command, ...args] = hook.entry.split(' ');
    const run = (paths: string[]) => spawnSync(command, [...args, ...paths], { cwd: project, encoding: 'utf8', env: { PATH: process.env.PATH, HOME: process.env.HOME } });
    // THEN
    const broken = run(['templates/machine.json', 'templates/pool.json']);
    expect(broken.status).toBe(1);
    expect(broken.stdout).toMatch(/^templates\/machine\.json:\d+ MachineClient$/m);
    expect(run(['templates/pool.json']).status).toBe(0);
  });
});

