import { execFile } from 'child_process';
import { chmodSync, readFileSync } from 'fs';
import { join } from 'path';
import { buildSync } from 'esbuild';
import * as ts from 'typescript';
import { HAND_WRITTEN_YAML, jsonTemplate, removeWorkspace, SECRET_RULE, workspace } from './helpers';

// These tests start real processes: the bin as npm would run it, not the in-process run().

const REPO = join(__dirname, '../../..');
const CLI_SOURCE = join(REPO, 'src/compliance/cli.ts');

interface ProcessResult { code: number | null; stdout: string; stderr: string }

function spawn(file: string, args: string[], cwd: string, env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(file, args, { cwd, env: { ...process.env, NO_COLOR: '1', ...env }, timeout: 60_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr });
    });
  });
}

/** `node -r ts-node/register/transpile-only src/compliance/cli.ts ...`, from another working directory. */
function viaTsNode(args: string[], cwd: string): Promise<ProcessResult> {
  return spawn(process.execPath, ['-r', require.resolve('ts-node/register/transpile-only'), CLI_SOURCE, ...args], cwd,
    { TS_NODE_PROJECT: join(REPO, 'tsconfig.json') });
}

let dir: string;
beforeAll(() => {
  dir = workspace({
    'stacks/orders.yaml': HAND_WRITTEN_YAML,
    'stacks/app.template.json': jsonTemplate('GoodFileClient'),
    'stacks/broken.yaml': 'Resources:\n  Client:\n    Type: AWS::Cognito::UserPoolClient\n     Properties: {}\n',
  });
});
afterAll(() => removeWorkspace(dir));

test('the entry point starts with the node shebang, and the TypeScript compiler keeps it', () => {
  const source = readFileSync(CLI_SOURCE, 'utf8');
  expect(source.split('\n')[0]).toBe('#!/usr/bin/env node');
  const compiled = ts.transpileModule(source, { compilerOptions: { module: ts.ModuleKind.CommonJS } }).outputText;
  expect(compiled.split('\n')[0]).toBe('#!/usr/bin/env node');
});

test('the published bin (bundled by scripts/bundle-cli.js) loads yaml on demand and lints YAML and JSON', async () => {
  // Inside the repository, so that its external packages resolve from node_modules as they do in an installed package.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bundleCli } = require(join(REPO, 'scripts/bundle-cli.js')) as { bundleCli: (entry: string, outfile: string) => string };
  const bin = bundleCli(CLI_SOURCE, join(REPO, 'test-reports', 'bin', 'cognito-client-lint.js'));
  chmodSync(bin, 0o755);

  const yaml = await spawn(bin, ['--format', 'json', 'stacks/orders.yaml', 'stacks/app.template.json'], dir);

  expect(yaml.stderr).toBe('');
  expect(yaml.code).toBe(1);
  expect(JSON.parse(yaml.stdout).summary).toMatchObject({ files: 2, inputErrors: 0 });
  // The bundle holds the rules, not the packages only some runs need.
  const text = readFileSync(bin, 'utf8');
  expect(text).toMatch(/require\("yaml"\)/);
  expect(text).toMatch(/require\("xmlbuilder2"\)/);
});

test('the bin runs as an executable through its shebang and exits 1 on error findings', async () => {
  // Bundled like the published lib/compliance/cli.js would be run: directly, by the operating system.
  const bin = join(dir, 'bin/cognito-client-lint');
  buildSync({ entryPoints: [CLI_SOURCE], bundle: true, platform: 'node', format: 'cjs', outfile: bin, logLevel: 'silent' });
  chmodSync(bin, 0o755);

  const result = await spawn(bin, ['--format', 'json', 'stacks/orders.yaml'], dir);

  expect(result.stderr).toBe('');
  expect(result.code).toBe(1);
  const report = JSON.parse(result.stdout);
  expect(report.findings.filter((f: { ruleId: string }) => f.ruleId === SECRET_RULE)).toEqual([
    expect.objectContaining({ file: 'stacks/orders.yaml', logicalId: 'MachineClient', property: 'GenerateSecret' }),
  ]);
});

test('--version prints the package version', async () => {
  const { version } = JSON.parse(readFileSync(join(REPO, 'package.json'), 'utf8'));

  const result = await viaTsNode(['--version'], dir);

  expect(result).toEqual({ code: 0, stdout: `${version}\n`, stderr: '' });
});

test('bad inputs give one line each on stderr, no stack trace, exit 2, and the good file is still reported', async () => {
  const result = await viaTsNode(['stacks/app.template.json', 'stacks/broken.yaml', 'stacks/missing.json'], dir);

  expect(result.code).toBe(2);
  expect(result.stderr.trimEnd().split('\n')).toEqual([
    expect.stringMatching(/^cognito-client-lint: stacks\/broken\.yaml: YAML parse error at line \d+, column \d+: .+$/),
    'cognito-client-lint: stacks/missing.json: no such file or directory',
  ]);
  expect(result.stderr).not.toMatch(/^\s+at /m);
  expect(result.stdout).toContain('stacks/app.template.json:');
  expect(result.stdout).toContain(`  error ${SECRET_RULE}: Property GenerateSecret: `);
});

test('importing the entry point does not run the CLI', () => {
  const write = jest.spyOn(process.stdout, 'write').mockImplementation(() => true);
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports -- a fresh module load is the point of the test
    jest.isolateModules(() => { require('../../../src/compliance/cli'); });
    expect(write).not.toHaveBeenCalled();
    expect(process.exitCode).toBeUndefined();
  } finally {
    write.mockRestore();
  }
});
