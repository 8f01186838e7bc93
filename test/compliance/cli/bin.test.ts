import { execFile } from 'child_process';
import { chmodSync, chownSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, utimesSync, writeFileSync } from 'fs';
import { join } from 'path';
import { buildSync } from 'esbuild';
import { jsonTemplate, removeWorkspace, workspace } from './helpers';

// The package's bin (src/compliance/cli/bin.ts) runs the bundled CLI through a V8 code cache kept in the temp dir.
// These tests run it as a process, laid out as the build lays it out: bin.js beside bundle.js.

const REPO = join(__dirname, '../../..');

interface ProcessResult { code: number | null; stdout: string; stderr: string }

let binDir: string;
let dir: string;
let tmp: string;

function runBin(args: string[], env: NodeJS.ProcessEnv = {}): Promise<ProcessResult> {
  return new Promise((resolve) => {
    execFile(process.execPath, [join(binDir, 'bin.js'), ...args], { cwd: dir, env: { ...process.env, NO_COLOR: '1', TMPDIR: tmp, ...env }, timeout: 60_000 },
      (error, stdout, stderr) => resolve({ code: error ? (typeof error.code === 'number' ? error.code : null) : 0, stdout, stderr }));
  });
}

const cacheDir = () => join(tmp, `cognito-client-lint-cache-${process.getuid?.() ?? 'user'}`);
const cacheFiles = () => {
  try {
    return readdirSync(cacheDir()).map((name) => join(cacheDir(), name));
  } catch {
    return [];
  }
};

beforeAll(() => {
  // Inside the repository, so that the bundle's external packages resolve from node_modules as in an installed package.
  mkdirSync(join(REPO, 'test-reports'), { recursive: true });
  binDir = mkdtempSync(join(REPO, 'test-reports', 'bin-cache-'));
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { bundleCli } = require(join(REPO, 'scripts/bundle-cli.js')) as { bundleCli: (entry: string, outfile: string) => string };
  bundleCli(join(REPO, 'src/compliance/cli.ts'), join(binDir, 'bundle.js'));
  buildSync({ entryPoints: [join(REPO, 'src/compliance/cli/bin.ts')], outfile: join(binDir, 'bin.js'), platform: 'node', format: 'cjs', logLevel: 'error' });
  dir = workspace({ 'app.template.json': jsonTemplate('WebClient') });
}, 60_000);
afterAll(() => {
  rmSync(binDir, { recursive: true, force: true });
  removeWorkspace(dir);
});
beforeEach(() => {
  tmp = mkdtempSync(join(REPO, 'test-reports', 'bin-tmp-'));
});
afterEach(() => rmSync(tmp, { recursive: true, force: true }));

describe('the bin', () => {
  let direct: ProcessResult;
  beforeAll(async () => {
    direct = await new Promise((resolve) => {
      execFile(process.execPath, [join(binDir, 'bundle.js'), '--format', 'json', 'app.template.json'], { cwd: dir, env: { ...process.env, NO_COLOR: '1' } },
        (error, stdout, stderr) => resolve({ code: error ? (error.code as number) : 0, stdout, stderr }));
    });
    expect(direct.code).toBe(1);
  });

  test('writes a private cache after the first run, uses it after, and prints what the bundle prints', async () => {
    const first = await runBin(['--format', 'json', 'app.template.json']);
    expect(first).toEqual(direct);
    const [file] = cacheFiles();
    expect(cacheFiles()).toHaveLength(1);
    const permissions = (path: string) => (statSync(path).mode % 0o1000).toString(8);
    expect(permissions(cacheDir())).toBe('700');
    expect(permissions(file)).toBe('600');
    const written = readFileSync(file);

    const second = await runBin(['--format', 'json', 'app.template.json']);
    expect(second).toEqual(direct);
    // Accepted by V8, so not written again.
    expect(readFileSync(file).equals(written)).toBe(true);
  });

  test('a cache V8 rejects is replaced, and the run is not affected', async () => {
    await runBin(['--format', 'json', 'app.template.json']);
    const [file] = cacheFiles();
    writeFileSync(file, Buffer.alloc(4096, 7));

    expect(await runBin(['--format', 'json', 'app.template.json'])).toEqual(direct);
    expect(readFileSync(file).equals(Buffer.alloc(4096, 7))).toBe(false);
  });

  test('no cache from a run that reads no template, nor when NODE_DISABLE_COMPILE_CACHE is set', async () => {
    expect((await runBin(['--version'])).code).toBe(0);
    expect((await runBin(['--bogus'])).code).toBe(2);
    expect(await runBin(['--format', 'json', 'app.template.json'], { NODE_DISABLE_COMPILE_CACHE: '1' })).toEqual(direct);
    expect(cacheFiles()).toEqual([]);
  });

  test('a cache directory others can write to is not used', async () => {
    mkdirSync(cacheDir(), { mode: 0o700 });
    chmodSync(cacheDir(), 0o777);

    expect(await runBin(['--format', 'json', 'app.template.json'])).toEqual(direct);
    expect(cacheFiles()).toEqual([]);
  });

  test('keys the cache by the digest the build wrote, and an edit made after the build gets a cache of its own', async () => {
    expect(readFileSync(join(binDir, 'bundle.digest.js'), 'utf8')).toMatch(/^'use strict';\nmodule\.exports = '[0-9a-f]{64}';\n$/);
    await runBin(['--format', 'json', 'app.template.json']);
    expect(cacheFiles()).toHaveLength(1);
    const bundle = join(binDir, 'bundle.js');
    const original = readFileSync(bundle, 'utf8');
    try {
      // Same length, so V8 itself would take the old cache for the new text: only the key can tell them apart.
      const edited = original.replace('"findings": [', '"findingz": [');
      expect(edited).not.toBe(original);
      writeFileSync(bundle, edited);
      utimesSync(bundle, new Date(), new Date(Date.now() + 5_000));

      const after = await runBin(['--format', 'json', 'app.template.json']);
      expect(after.stdout).toContain('"findingz"');
      expect(cacheFiles()).toHaveLength(2);
    } finally {
      writeFileSync(bundle, original);
    }
  });

  test('without the digest file the bin hashes the bundle itself, and still caches', async () => {
    const digest = join(binDir, 'bundle.digest.js');
    const saved = readFileSync(digest);
    rmSync(digest);
    try {
      expect(await runBin(['--format', 'json', 'app.template.json'])).toEqual(direct);
      expect(await runBin(['--format', 'json', 'app.template.json'])).toEqual(direct);
      expect(cacheFiles()).toHaveLength(1);
    } finally {
      writeFileSync(digest, saved);
    }
  });

  test('the bundle holds no dynamic import(), which a vm.Script without a module loader could not run', () => {
    expect(readFileSync(join(binDir, 'bundle.js'), 'utf8')).not.toMatch(/\bimport\s*\(/);
  });

  const asRoot = process.getuid?.() === 0 ? test : test.skip;
  asRoot('a cache file owned by another user is not read (it is replaced by this user\'s)', async () => {
    await runBin(['--format', 'json', 'app.template.json']);
    const [file] = cacheFiles();
    chownSync(file, 4242, 4242);
    // Same bytes, but not ours: a rejected read means compiling and writing this user's own file over it.
    expect(await runBin(['--format', 'json', 'app.template.json'])).toEqual(direct);
    expect(statSync(file).uid).toBe(0);
  });
});
