import { spawnSync, SpawnSyncReturns } from 'child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { join } from 'path';
import { buildSync } from 'esbuild';
import { parse } from 'yaml';
import { runCli } from '../compliance/cli/helpers';

export const ROOT = join(__dirname, '..', '..');

interface LintJson {
  readonly findings: Array<{ ruleId: string; severity: string; file: string; logicalId: string; property: string; message: string }>;
}

/** `cognito-client-lint --format json <dir>`, in-process: the exit code and the findings. */
export async function lintDirectory(dir: string): Promise<{ code: number; findings: LintJson['findings']; stderr: string }> {
  const result = await runCli(['--format', 'json', dir], dir);
  return { code: result.code, findings: (JSON.parse(result.stdout) as LintJson).findings, stderr: result.stderr };
}

/**
 * A template for a snapshot: asset hashes (64 hex digits, in S3 keys of Lambda code bundled from this repository)
 * become `<asset-hash>`, so a change to a handler's code does not churn every example's snapshot.
 */
export function forSnapshot(template: unknown): unknown {
  return JSON.parse(JSON.stringify(template).replace(/[0-9a-f]{64}/g, '<asset-hash>'));
}

/**
 * A bin directory whose `cognito-client-lint` runs this checkout's CLI, compiled to one JavaScript file (as the
 * package's bin runs the bundled lib/compliance/cli/bundle.js; esbuild takes a second where ts-node takes eight per run).
 */
export function cliBin(): string {
  const bin = join(tmpdir(), `cognito-client-lint-bin-${process.pid}`);
  const shim = join(bin, 'cognito-client-lint');
  if (existsSync(shim)) return bin;
  mkdirSync(bin, { recursive: true });
  const bundle = join(bin, 'cli.js');
  buildSync({ entryPoints: [join(ROOT, 'src', 'compliance', 'cli.ts')], bundle: true, platform: 'node', target: 'node20', outfile: bundle, logLevel: 'error' });
  writeFileSync(shim, `#!/bin/sh\nexec ${JSON.stringify(process.execPath)} ${JSON.stringify(bundle)} "$@"\n`);
  chmodSync(shim, 0o755);
  return bin;
}

export interface ActionStep { readonly name: string; readonly shell: string; readonly run: string; readonly env?: Record<string, string> }
export interface ActionFile {
  readonly inputs: Record<string, { default?: string }>;
  readonly runs: { using: string; steps: ActionStep[] };
}

export function readAction(): ActionFile {
  return parse(readFileSync(join(ROOT, 'action.yml'), 'utf8')) as ActionFile;
}

/** The environment GitHub gives a step: `${{ inputs.x }}` in its env replaced by the input values. */
export function stepEnv(step: ActionStep, inputs: Record<string, string>): Record<string, string> {
  return Object.fromEntries(Object.entries(step.env ?? {}).map(([key, value]) =>
    [key, value.replace(/\$\{\{\s*inputs\.([a-z-]+)\s*\}\}/g, (_, name: string) => inputs[name] ?? '')]));
}

/**
 * Runs the action's lint step in `cwd` as GitHub would after the install step: `with` values over the defaults,
 * `cognito-client-lint` on PATH.
 */
export function runActionLintStep(cwd: string, withInputs: Record<string, string | number | boolean>): SpawnSyncReturns<string> {
  const action = readAction();
  const defaults = Object.fromEntries(Object.entries(action.inputs).map(([name, input]) => [name, input.default ?? '']));
  const inputs = { ...defaults, ...Object.fromEntries(Object.entries(withInputs).map(([k, v]) => [k, String(v)])) };
  const lint = action.runs.steps[1];
  return spawnSync('bash', ['-c', lint.run], {
    cwd,
    encoding: 'utf8',
    env: { PATH: `${cliBin()}:${process.env.PATH}`, HOME: process.env.HOME, ...stepEnv(lint, inputs) },
  });
}

/** A fresh temporary directory. */
export function tempDir(prefix: string): string {
  return mkdtempSync(join(tmpdir(), prefix));
}
