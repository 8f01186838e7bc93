import { spawnSync } from 'child_process';
import { chmodSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'fs';
import { join } from 'path';
import { parse } from 'yaml';
import { cliBin, readAction, ROOT, runActionLintStep, stepEnv, tempDir } from './helpers';
import { CognitoClientLinter } from '../../src';
import { jsonTemplate } from '../compliance/cli/helpers';

// The drop-in CI files run the CLI the way a user's CI does. These tests read the files and run the commands they
// declare, with `cognito-client-lint` on PATH being this checkout's CLI (the published package is not at hand).

const work = tempDir('ci-drop-in-');
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** A directory with a template that has an error finding, and one without findings. */
function fixtures(): string {
  const dir = join(work, 'repo');
  mkdirSync(join(dir, 'stacks'), { recursive: true });
  writeFileSync(join(dir, 'stacks', 'orders.template.json'), JSON.stringify(jsonTemplate('OrdersClient'), null, 2));
  writeFileSync(join(dir, 'template.yaml'), 'Resources:\n  Pool:\n    Type: AWS::Cognito::UserPool\n');
  writeFileSync(join(dir, 'package.json'), '{"name": "not-a-template"}');
  return dir;
}

describe('action.yml', () => {
  const action = readAction();
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']));
  const [install] = action.runs.steps;
  const repo = fixtures();
  const runLint = (inputs: Record<string, string>) => runActionLintStep(repo, inputs);

  test('is a composite action with inputs paths, format, strict, output and version; defaults lint cdk.out as annotations', () => {
    expect(action.runs.using).toBe('composite');
    expect(defaults).toEqual({ paths: 'cdk.out', format: 'github', strict: 'false', output: '', version: 'latest' });
    expect(action.runs.steps.map((s) => s.shell)).toEqual(['bash', 'bash']);
  });

  test('the install step installs the requested version with npm and puts its bin on PATH', () => {
    // GIVEN an npm that records what it was asked
    const fakeBin = join(work, 'fake-npm');
    mkdirSync(fakeBin, { recursive: true });
    const log = join(work, 'npm-args');
    writeFileSync(join(fakeBin, 'npm'), `#!/bin/sh\nprintf '%s\\n' "$@" > ${JSON.stringify(log)}\n`);
    chmodSync(join(fakeBin, 'npm'), 0o755);
    const githubPath = join(work, 'github-path');
    writeFileSync(githubPath, '');
    // WHEN
    const result = spawnSync('bash', ['-c', install.run], {
      encoding: 'utf8',
      env: {
        PATH: `${fakeBin}:${process.env.PATH}`,
        RUNNER_TEMP: join(work, 'runner-temp'),
        GITHUB_PATH: githubPath,
        ...stepEnv(install, { ...defaults, version: '1.4.0' }),
      },
    });
    // THEN
    expect(result.status).toBe(0);
    expect(readFileSync(log, 'utf8').trim().split('\n')).toEqual([
      'install', '--no-save', '--no-package-lock', '--no-audit', '--no-fund', '--prefix', join(work, 'runner-temp', 'cognito-client-lint'),
      'cdk-cognito-clients@1.4.0',
    ]);
    expect(readFileSync(githubPath, 'utf8')).toBe(`${join(work, 'runner-temp', 'cognito-client-lint', 'node_modules', '.bin')}\n`);
  });

  test('the lint step prints one annotation per finding and fails the step on errors', () => {
    const result = runLint({ paths: 'stacks/orders.template.json template.yaml' });
    const findings = CognitoClientLinter.lintTemplate(jsonTemplate('OrdersClient'));
    expect(result.status).toBe(1);
    const lines = result.stdout.trimEnd().split('\n');
    expect(lines).toHaveLength(findings.length);
    expect(lines.map((l) => /^::(error|warning) file=stacks\/orders\.template\.json,line=\d+,title=([a-z0-9-]+)::OrdersClient: /.exec(l)?.slice(1)))
      .toEqual(findings.map((f) => [f.severity, f.ruleId]));
  });

  test('paths on several lines, --strict, and a report written to a file (sarif)', () => {
    const result = runLint({ paths: 'template.yaml\nstacks/orders.template.json\n', format: 'sarif', strict: 'true', output: 'cognito.sarif' });
    expect(result.status).toBe(1);
    expect(result.stdout).toBe('');
    const sarif = JSON.parse(readFileSync(join(repo, 'cognito.sarif'), 'utf8'));
    expect(sarif.version).toBe('2.1.0');
    expect(sarif.runs[0].results.map((r: { ruleId: string }) => r.ruleId))
      .toEqual(CognitoClientLinter.lintTemplate(jsonTemplate('OrdersClient')).map((f) => f.ruleId));
  });

  test('a clean template passes; a strict value other than true/false is refused with exit 2', () => {
    expect(runLint({ paths: 'template.yaml' }).status).toBe(0);
    const bad = runLint({ paths: 'template.yaml', strict: 'yes' });
    expect(bad.status).toBe(2);
    expect(bad.stdout).toBe("::error title=cognito-client-lint::input strict must be true or false, not 'yes'\n");
  });
});

describe('.pre-commit-hooks.yaml', () => {
  const hooks = parse(readFileSync(join(ROOT, '.pre-commit-hooks.yaml'), 'utf8')) as Array<{ id: string; entry: string; language: string; files: string; args?: string[] }>;
  const hook = hooks.find((h) => h.id === 'cognito-client-lint')!;
  const bin = cliBin();
  const repo = fixtures();

  test('declares the cognito-client-lint hook as a node hook whose entry is the package\'s bin', () => {
    expect(hooks.map((h) => h.id)).toEqual(['cognito-client-lint']);
    expect([hook.entry, hook.language]).toEqual(['cognito-client-lint', 'node']);
    const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8'));
    expect(Object.keys(pkg.bin)).toContain(hook.entry);
  });

  test.each([
    ['template.yaml', true], ['sam/template.yml', true], ['stacks/orders.template.json', true], ['orders.template', true],
    ['infra/net.template.yaml', true], ['package.json', false], ['.github/workflows/ci.yml', false], ['my-template.yaml', false],
  ])('files matches %s: %s', (file, matches) => {
    expect(new RegExp(hook.files).test(file)).toBe(matches);
  });

  test('the entry, run as pre-commit runs it on the staged templates, fails on an error finding and passes a clean template', () => {
    const staged = ['stacks/orders.template.json', 'template.yaml', 'package.json'].filter((f) => new RegExp(hook.files).test(f));
    expect(staged).toEqual(['stacks/orders.template.json', 'template.yaml']);
    const run = (files: string[]) => spawnSync(hook.entry, [...(hook.args ?? []), ...files], {
      cwd: repo, encoding: 'utf8', env: { PATH: `${bin}:${process.env.PATH}`, HOME: process.env.HOME },
    });
    const failing = run(staged);
    expect(failing.status).toBe(1);
    expect(failing.stdout).toContain('stacks/orders.template.json:');
    expect(run(['template.yaml']).status).toBe(0);
  });
});
