#!/usr/bin/env node
/**
 * The package's bin: runs the bundled CLI (`bundle.js`, made by scripts/bundle-cli.js) through a V8 code cache.
 *
 * Most of a small lint's time after node's own start is V8 compiling the CLI's functions as they first run (issue 15).
 * The cache is V8's own serialized bytecode, taken at the end of a run, so it holds every function that run compiled;
 * the next run deserializes them instead. Node 22 has `module.enableCompileCache()`, but it is not in Node 20, and
 * v8-compile-cache takes its cache before the code runs (it measured no faster here), hence `vm.Script` directly.
 *
 * The cache is an optimisation only: anything unexpected (no temp dir, a cache V8 rejects, a file another user could
 * have written) means compiling as usual. `NODE_DISABLE_COMPILE_CACHE=1` turns it off, as it does node's own cache.
 * Source: https://nodejs.org/api/vm.html#scriptcreatecacheddata
 */
import { closeSync, fstatSync, lstatSync, mkdirSync, openSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync, constants } from 'fs';
import { createRequire, Module } from 'module';
import { tmpdir } from 'os';
import { dirname, join } from 'path';
import { Script } from 'vm';

const BUNDLE = join(__dirname, 'bundle.js');
const DIGEST = join(__dirname, 'bundle.digest.js');

/** Arguments that end the run before any template is read: a cache taken then would miss the linting code. */
const NO_LINT_ARGUMENTS = new Set(['--version', '-V', '--help', '-h']);

/** The cache directory, created private to this user, or undefined when it cannot be trusted. */
function cacheDirectory(): string | undefined {
  const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
  const dir = join(tmpdir(), `cognito-client-lint-cache-${uid ?? 'user'}`);
  try {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const stat = lstatSync(dir);
    // Bytecode from a file someone else can write would run as this user: only a private directory of ours is used.
    // eslint-disable-next-line no-bitwise -- file modes are bit fields
    if (!stat.isDirectory() || (uid !== undefined && (stat.uid !== uid || (stat.mode & 0o022) !== 0))) return undefined;
    return dir;
  } catch {
    return undefined;
  }
}

/** The cache file for this exact bundle, node version and architecture (V8 checks its own flags and version too). */
function cacheFile(source: string): string | undefined {
  if (process.env.NODE_DISABLE_COMPILE_CACHE) return undefined;
  const dir = cacheDirectory();
  if (!dir) return undefined;
  // V8 checks a cache against the source's length only: the key must change with every byte of the bundle.
  const key = `${bundleIdentity(source)}-${process.version}-${process.arch}`.replace(/[^A-Za-z0-9.-]/g, '_');
  return join(dir, `${key}.bin`);
}

/**
 * What identifies the bundle's bytes: the sha256 the build wrote beside it (bundle.digest.js, by scripts/bundle-cli.js)
 * with the file's size and modification time, so that an edit made after the build (a patch to the installed package)
 * changes the key too; without the digest file, the sha256 of the text, computed here. Reading the digest spares
 * loading node's crypto module, about 6 ms of every run.
 */
function bundleIdentity(source: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const digest: unknown = require(DIGEST);
    if (typeof digest === 'string' && /^[0-9a-f]{64}$/.test(digest)) {
      const { size, mtimeMs } = statSync(BUNDLE);
      return `${digest.slice(0, 32)}-${size}-${Math.round(mtimeMs)}`;
    }
  } catch {
    // No digest beside the bundle (a development build): hash the text.
  }
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const { createHash } = require('crypto') as typeof import('crypto');
  return createHash('sha256').update(source).digest('hex').slice(0, 32);
}

function readCache(file: string): Buffer | undefined {
  let fd: number | undefined;
  try {
    // eslint-disable-next-line no-bitwise -- open flags are bit fields; a symbolic link is not followed
    fd = openSync(file, constants.O_RDONLY | (constants.O_NOFOLLOW ?? 0));
    const stat = fstatSync(fd);
    const uid = typeof process.getuid === 'function' ? process.getuid() : undefined;
    if (!stat.isFile() || (uid !== undefined && stat.uid !== uid)) return undefined;
    return readFileSync(fd);
  } catch {
    return undefined;
  } finally {
    if (fd !== undefined) closeSync(fd);
  }
}

/** Written beside and renamed into place: a concurrent run reads the old cache or the new one, never half of one. */
function writeCache(file: string, data: Buffer): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    writeFileSync(temporary, data, { mode: 0o600 });
    renameSync(temporary, file);
  } catch {
    try { unlinkSync(temporary); } catch { /* nothing was written */ }
  }
}

function main(): void {
  // The shebang line becomes a comment of the same length, so line and column numbers in stack traces stay right.
  const source = readFileSync(BUNDLE, 'utf8').replace(/^#!/, '//');
  const file = cacheFile(source);
  const cachedData = file ? readCache(file) : undefined;
  const script = new Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  if (file && (!cachedData || script.cachedDataRejected) && !process.argv.slice(2).some((arg) => NO_LINT_ARGUMENTS.has(arg))) {
    process.once('exit', (code) => {
      if (code !== 2) writeCache(file, script.createCachedData());
    });
  }
  const bundle = new Module(BUNDLE);
  bundle.filename = BUNDLE;
  const require = createRequire(BUNDLE);
  // The bundle runs its CLI when it is the main module, as it does when node runs it directly.
  Object.defineProperty(require, 'main', { value: bundle });
  script.runInThisContext().call(bundle.exports, bundle.exports, require, bundle, BUNDLE, dirname(BUNDLE));
}

main();
