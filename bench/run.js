#!/usr/bin/env node
'use strict';
/**
 * `npm run bench`: performance benchmarks of cdk-cognito-clients (issue 7). Not part of the unit tests.
 *
 * Sections (all by default; `--only=synth,lint,peer,handler,cdkout` picks some; `--quick` for a smoke run):
 *   synth    synth time of the same stack with L1 CfnUserPoolClient, L2 UserPoolClient and this library's clients
 *   lint     cognito-client-lint wall time on generated templates against a read-and-parse floor (and peak RSS)
 *   peer     cdk-preflight's Cognito rules on the same templates, through @aws/cloudformation-validate
 *   handler  bundled size and cold start of each Lambda handler against a loopback stub
 *   cdkout   the CLI on a 50-stack cloud assembly against one file holding the same clients (per-stack overhead)
 * Every measurement is a fresh node process. Prints tables and writes bench/results.json.
 * The library is compiled with tsc into bench/work/lib (gitignored) unless an up-to-date lib/ exists.
 */
const { execFileSync, spawn, spawnSync } = require('child_process');
const fs = require('fs');
const os = require('os');
const path = require('path');
const zlib = require('zlib');
const { makeTemplate, mergeTemplates, toYaml, resourceServerCount } = require('./lib/templates');
const { median, round, linearFit, table } = require('./lib/stats');
const profile = require('./lib/profile');

const ROOT = path.resolve(__dirname, '..');
const WORK = path.join(__dirname, 'work');
const CHILDREN = path.join(__dirname, 'children');
const argv = process.argv.slice(2);
const QUICK = argv.includes('--quick');
const ONLY = (argv.find((a) => a.startsWith('--only=')) ?? '--only=synth,lint,peer,handler,cdkout').slice(7).split(',');

// 450 clients (454 resources) is the most one stack can hold under CloudFormation's 500-resource limit.
const CONFIG = QUICK
  ? {
    synthClients: [50, 200], synthRuns: 2, lintClients: [10, 450, 1000], lintRuns: 1, lintRunsUpTo450: 1, peerClients: [10], peerRuns: 1, handlerRuns: 2,
    cdkoutStacks: 50, cdkoutClientsPerStack: 450, cdkoutRuns: 1,
  }
  : {
    synthClients: [50, 200, 450], synthRuns: 5, lintClients: [10, 100, 450, 1000, 10000], lintRuns: 3, lintRunsUpTo450: 9, peerClients: [10, 100, 1000, 10000], peerRuns: 3,
    handlerRuns: 5, cdkoutStacks: 50, cdkoutClientsPerStack: 450, cdkoutRuns: 3,
  };
/** The peer needs ~5 s per process just to build its engine: fewer runs where one run takes a minute. */
const PEER_RUNS_AT = (clients) => (clients >= 10000 ? 1 : CONFIG.peerRuns);
const PEER_YAML_AT = new Set([1000]);
const CHILD_TIMEOUT_MS = 300_000;

const TARGETS = {
  synthOursOverL2: 1.10,
  synthOursOverL1: 1.25,
  // Issue 15: CLI cold start against the read+parse floor, by template size (JSON), and at every size (YAML).
  lintOverFloorJson: { 10: 1.5, 450: 2, 10000: 3 },
  lintOverFloorYaml: 1.3,
  lintSecondsAt10k: 3,
  lintRssOverFileAt10k: 10,
  cdkoutOverOneFile: 1.5,
  peerSpeedup: 5,
  bundleBytes: 50 * 1024,
  bundleWithSdkBytes: 600 * 1024,
  coldRequireMs: 100,
};

const results = { machine: machine(), config: { ...CONFIG, quick: QUICK, targets: TARGETS }, targets: [] };
const log = (text = '') => process.stdout.write(`${text}\n`);

/** Runs a child to completion; `ms` is the wall time of the whole process as the parent sees it. */
function runChild(args, options = {}) {
  const started = process.hrtime.bigint();
  const child = spawnSync(process.execPath, args, {
    cwd: ROOT,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
    timeout: options.timeout ?? CHILD_TIMEOUT_MS,
    env: { ...process.env, CDK_VALIDATION: 'false', NODE_NO_WARNINGS: '1', ...options.env },
    stdio: ['ignore', options.stdoutFd ?? 'pipe', 'pipe'],
  });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  if (child.error) throw new Error(`${args.join(' ')}: ${child.error.message}`);
  return { ms, status: child.status, stdout: child.stdout ?? '', stderr: child.stderr ?? '' };
}

/**
 * Runs a child with max-rss.js preloaded; stdout goes to `stdoutFile` (a file, so that a large report costs the
 * child no pipe back-pressure and the parent no memory) or nowhere. `rss` is the child's peak RSS in bytes.
 */
function measure(args, stdoutFile, env = {}) {
  const rssFile = path.join(WORK, 'rss.txt');
  fs.rmSync(rssFile, { force: true });
  const fd = stdoutFile ? fs.openSync(stdoutFile, 'w') : 'ignore';
  try {
    fs.mkdirSync(CLI_TMPDIR, { recursive: true });
    const child = runChild(['-r', path.join(CHILDREN, 'max-rss.js'), ...args], { env: { BENCH_RSS_FILE: rssFile, TMPDIR: CLI_TMPDIR, ...env }, stdoutFd: fd });
    const rss = fs.existsSync(rssFile) ? Number(fs.readFileSync(rssFile, 'utf8')) : undefined;
    return { ms: child.ms, status: child.status, rss, stderr: child.stderr };
  } finally {
    if (typeof fd === 'number') fs.closeSync(fd);
  }
}

/**
 * The package's bin, as the build makes it: bin.js runs bundle.js (scripts/bundle-cli.js) through a V8 code cache in
 * the temp dir (src/compliance/cli/bin.ts). Made here when the library was compiled by tsc. The cache goes to a
 * directory of the bench's own (TMPDIR of the child), warmed by one unmeasured run per size: a user's second run.
 */
function cliPath(lib) {
  const bundle = path.join(lib, 'compliance', 'cli', 'bundle.js');
  if (!fs.existsSync(bundle)) require('../scripts/bundle-cli').bundleCli(path.join(lib, 'compliance', 'cli.js'), bundle);
  return path.join(lib, 'compliance', 'cli', 'bin.js');
}

/** TMPDIR of every CLI child: the code cache of the bin lives there. */
const CLI_TMPDIR = path.join(WORK, 'tmp');

/** Runs the CLI on `input` with `--format json`; exit 0 (clean) and 1 (findings) are both a normal run. */
function lintOnce(cli, input, out, env = {}) {
  const run = measure([cli, '--format', 'json', input], out, env);
  if (run.status !== 0 && run.status !== 1) throw new Error(`cli exit ${run.status} on ${input}: ${run.stderr.slice(0, 2000)}`);
  return run;
}

function jsonLine(child, what) {
  const line = child.stdout.trim().split('\n').pop();
  try {
    return JSON.parse(line);
  } catch {
    throw new Error(`${what} failed (exit ${child.status}): ${child.stderr.slice(0, 2000)}`);
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpus: cpus.length,
    model: cpus[0]?.model,
    memoryBytes: os.totalmem(),
    node: process.version,
    platform: `${os.platform()} ${os.release()} ${os.arch()}`,
    date: new Date().toISOString(),
    loadAverageAtStart: os.loadavg().map((x) => round(x, 2)),
  };
}

function target(name, measured, limit, unit, comparison = '<=') {
  const pass = measured === undefined ? undefined : comparison === '<=' ? measured <= limit : measured >= limit;
  results.targets.push({ name, measured: round(measured, 3), target: `${comparison} ${limit}${unit}`, pass });
}

// ---------------------------------------------------------------------------------------------------------------
// The library under test

function newestMtime(dir) {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

function libraryDir() {
  const given = argv.find((a) => a.startsWith('--lib='));
  if (given) return { dir: path.resolve(given.slice(6)), how: `${given.slice(6)} (--lib)` };
  const packaged = path.join(ROOT, 'lib');
  const index = path.join(packaged, 'index.js');
  if (fs.existsSync(index) && fs.statSync(index).mtimeMs >= newestMtime(path.join(ROOT, 'src'))) {
    return { dir: packaged, how: 'lib/ (up to date)' };
  }
  const out = path.join(WORK, 'lib');
  if (argv.includes('--no-build') && fs.existsSync(path.join(out, 'index.js'))) return { dir: out, how: 'bench/work/lib (reused, --no-build)' };
  log('compiling src/ with tsc into bench/work/lib ...');
  fs.rmSync(out, { recursive: true, force: true });
  const tsc = require.resolve('typescript/bin/tsc', { paths: [ROOT] });
  // noEmitOnError off: a type error elsewhere in the tree must not stop the benchmark; it is reported instead.
  const built = runChild([tsc, '-p', 'tsconfig.json', '--outDir', out, '--noEmitOnError', 'false'], { timeout: 600_000 });
  if (!fs.existsSync(path.join(out, 'index.js'))) throw new Error(`tsc produced no output:\n${built.stdout}${built.stderr}`);
  return { dir: out, how: `bench/work/lib (tsc ${round(built.ms / 1000)} s${built.status ? `, tsc exit ${built.status}: ${built.stdout.split('\n')[0]}` : ''})` };
}

// ---------------------------------------------------------------------------------------------------------------
// 1. Synth overhead

function benchSynth(lib) {
  log('\n== 1. synth: one process per run; in-process = new App() .. app.synth(); CDK_VALIDATION=false ==');
  const variants = ['l1', 'l2', 'ours'];
  const samples = {};
  for (let run = 0; run < CONFIG.synthRuns; run++) {
    for (const clients of CONFIG.synthClients) {
      // Rotate the order so that a slow moment of the machine does not always hit the same variant.
      for (let k = 0; k < variants.length; k++) {
        const variant = variants[(k + run) % variants.length];
        const outdir = path.join(WORK, 'synth', `${variant}-${clients}`);
        fs.rmSync(outdir, { recursive: true, force: true });
        const child = runChild([path.join(CHILDREN, 'synth.js'), variant, String(clients), outdir, lib]);
        const data = jsonLine(child, `synth ${variant} ${clients}`);
        (samples[`${variant}/${clients}`] ??= []).push({ ...data, wallMs: child.ms });
      }
    }
    log(`  run ${run + 1}/${CONFIG.synthRuns} done`);
  }
  const summary = {};
  for (const [key, list] of Object.entries(samples)) {
    const pick = (field) => round(median(list.map((s) => s[field])));
    summary[key] = {
      runs: list.length, inProcessMs: pick('inProcessMs'), constructMs: pick('constructMs'), synthMs: pick('synthMs'),
      requireMs: pick('requireMs'), wallMs: pick('wallMs'), resources: list[0].resources, maxRssMB: round(median(list.map((s) => s.maxRssBytes)) / 2 ** 20),
      allInProcessMs: list.map((s) => round(s.inProcessMs)),
    };
  }
  const rows = [['clients', 'resources', 'L1 ms', 'L2 ms', 'ours ms', 'ours/L2', 'ours/L1', 'L1 wall', 'L2 wall', 'ours wall', 'wall ours/L2', 'wall ours/L1']];
  const ratios = [];
  for (const clients of CONFIG.synthClients) {
    const [l1, l2, ours] = variants.map((v) => summary[`${v}/${clients}`]);
    const r = {
      clients,
      oursOverL2: ours.inProcessMs / l2.inProcessMs,
      oursOverL1: ours.inProcessMs / l1.inProcessMs,
      wallOursOverL2: ours.wallMs / l2.wallMs,
      wallOursOverL1: ours.wallMs / l1.wallMs,
    };
    ratios.push(r);
    rows.push([clients, ours.resources, l1.inProcessMs, l2.inProcessMs, ours.inProcessMs, round(r.oursOverL2, 2), round(r.oursOverL1, 2),
      round(l1.wallMs, 0), round(l2.wallMs, 0), round(ours.wallMs, 0), round(r.wallOursOverL2, 2), round(r.wallOursOverL1, 2)]);
    target(`synth ours/L2 in-process at ${clients} clients`, r.oursOverL2, TARGETS.synthOursOverL2, 'x');
    target(`synth ours/L1 in-process at ${clients} clients`, r.oursOverL1, TARGETS.synthOursOverL1, 'x');
  }
  log(table(rows));

  // Growth: in-process time against the number of clients, and our overhead over L2 against it.
  const xs = CONFIG.synthClients;
  const growth = {};
  for (const v of variants) {
    const fit = linearFit(xs, xs.map((n) => summary[`${v}/${n}`].inProcessMs));
    growth[v] = { msPerClient: round(fit.slope, 3), fixedMs: round(fit.intercept), r2: round(fit.r2, 4) };
  }
  const overhead = xs.map((n) => summary[`ours/${n}`].inProcessMs - summary[`l2/${n}`].inProcessMs);
  const overheadFit = linearFit(xs, overhead);
  growth.oursMinusL2 = {
    msAtEachN: overhead.map((x) => round(x)),
    msPerClient: round(overheadFit.slope, 3), fixedMs: round(overheadFit.intercept), r2: round(overheadFit.r2, 4),
    perClientAtEachN: overhead.map((x, i) => round(x / xs[i], 3)),
  };
  log(table([['growth', 'ms/client', 'fixed ms', 'R²'],
    ...variants.map((v) => [v, growth[v].msPerClient, growth[v].fixedMs, growth[v].r2]),
    ['ours - L2', growth.oursMinusL2.msPerClient, growth.oursMinusL2.fixedMs, growth.oursMinusL2.r2]]));
  log(`  ours - L2 per client at N=${xs.join('/')}: ${growth.oursMinusL2.perClientAtEachN.join(' / ')} ms (flat = linear validation)`);

  // Where the time goes: a CPU profile of our variant at the largest N (always taken; it is cheap).
  const largest = xs[xs.length - 1];
  const profDir = path.join(WORK, 'prof-synth');
  fs.rmSync(profDir, { recursive: true, force: true });
  runChild(['--cpu-prof', '--cpu-prof-dir', profDir, path.join(CHILDREN, 'synth.js'), 'ours', String(largest), path.join(WORK, 'synth', 'prof'), lib]);
  const profFile = path.join(profDir, fs.readdirSync(profDir)[0]);
  const ourCode = new RegExp(`${escape(path.relative(ROOT, lib))}/(private|rules|clients)|validateTree|synthesizeTree|invokeAspects|prepareApp`);
  const prof = {
    clients: largest,
    note: 'the profile covers the whole process, module loading included; inclusive times overlap',
    topSelf: profile.topSelf(profFile, ROOT, 12),
    inclusive: profile.inclusive(profFile, ROOT, ourCode, 16),
  };
  log(`\n  CPU profile of ours at ${largest} clients, top self time:`);
  log(table([['function', 'self ms'], ...prof.topSelf.map((r) => [r.function, r.selfMs])]).replace(/^/gm, '  '));
  log('  inclusive time of the library\'s synth-time code and the CDK phases:');
  log(table([['function', 'incl. ms'], ...prof.inclusive.map((r) => [r.function, r.inclusiveMs])]).replace(/^/gm, '  '));
  results.synth = { summary, ratios: ratios.map((r) => Object.fromEntries(Object.entries(r).map(([k, v]) => [k, round(v, 3)]))), growth, profile: prof };
}

function escape(text) {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

// ---------------------------------------------------------------------------------------------------------------
// 2. Lint throughput (and 5. memory)

function templatePath(clients, format) {
  return path.join(WORK, 'templates', `clients-${clients}.${format}`);
}

function generateTemplates(sizes) {
  fs.mkdirSync(path.join(WORK, 'templates'), { recursive: true });
  const info = {};
  for (const clients of sizes) {
    const template = makeTemplate(clients);
    fs.writeFileSync(templatePath(clients, 'json'), `${JSON.stringify(template, null, 2)}\n`);
    fs.writeFileSync(templatePath(clients, 'yaml'), toYaml(template));
    info[clients] = {
      resourceServers: resourceServerCount(clients),
      jsonBytes: fs.statSync(templatePath(clients, 'json')).size,
      yamlBytes: fs.statSync(templatePath(clients, 'yaml')).size,
    };
  }
  return info;
}

function benchLint(lib, templates) {
  log('\n== 2. lint: cognito-client-lint --format json <file> (the bin: the bundled CLI) vs. read+parse floor ==');
  const cli = cliPath(lib);
  const outDir = path.join(WORK, 'lint-out');
  fs.mkdirSync(outDir, { recursive: true });
  const rows = [['clients', 'format', 'MB', 'lint ms', 'floor ms', 'lint/floor', 'no-cache ms', 'no-cache/floor', 'clients/s', 'errors', 'warnings', 'lint RSS MB', 'floor RSS MB']];
  const lint = [];
  for (const clients of CONFIG.lintClients) {
    for (const format of ['json', 'yaml']) {
      const file = templatePath(clients, format);
      const out = path.join(outDir, `clients-${clients}.${format}.json`);
      const runs = [];
      lintOnce(cli, file, out); // warms the bin's code cache, as any earlier run of the user's would have
      // A small template's process takes 100-400 ms, where a few tens of ms of noise move the ratio by 0.1 or more:
      // more runs where runs are cheap.
      const lintRuns = clients <= 450 ? CONFIG.lintRunsUpTo450 : CONFIG.lintRuns;
      for (let run = 0; run < lintRuns; run++) {
        const ours = lintOnce(cli, file, out);
        // The same bin with its code cache off: a user's very first run.
        const uncached = lintOnce(cli, file, out, { NODE_DISABLE_COMPILE_CACHE: '1' });
        const floor = measure([path.join(CHILDREN, 'parse-floor.js'), file, lib]);
        if (floor.status !== 0) throw new Error(`floor failed on ${file}: ${floor.stderr}`);
        runs.push({ ours, uncached, floor });
      }
      const { summary } = JSON.parse(fs.readFileSync(out, 'utf8'));
      const oursMs = median(runs.map((r) => r.ours.ms));
      const floorMs = median(runs.map((r) => r.floor.ms));
      const uncachedMs = median(runs.map((r) => r.uncached.ms));
      const entry = {
        clients, format, bytes: templates[clients][`${format}Bytes`], runs: runs.length,
        lintMs: round(oursMs), floorMs: round(floorMs), ratioToFloor: round(oursMs / floorMs, 2),
        uncachedLintMs: round(uncachedMs), uncachedRatioToFloor: round(uncachedMs / floorMs, 2),
        clientsPerSecond: round(clients / (oursMs / 1000), 0),
        lintMaxRssBytes: median(runs.map((r) => r.ours.rss)), floorMaxRssBytes: median(runs.map((r) => r.floor.rss)),
        allLintMs: runs.map((r) => round(r.ours.ms)), allFloorMs: runs.map((r) => round(r.floor.ms)),
        exitCode: runs[0].ours.status, errors: summary.errors, warnings: summary.warnings,
      };
      lint.push(entry);
      rows.push([clients, format, round(entry.bytes / 2 ** 20, 2), entry.lintMs, entry.floorMs, entry.ratioToFloor, entry.uncachedLintMs,
        entry.uncachedRatioToFloor, entry.clientsPerSecond,
        entry.errors, entry.warnings, round(entry.lintMaxRssBytes / 2 ** 20), round(entry.floorMaxRssBytes / 2 ** 20)]);
      log(`  ${clients} ${format}: lint ${entry.lintMs} ms, floor ${entry.floorMs} ms`);
    }
  }
  log(table(rows));
  results.lint = lint;

  const largest = Math.max(...CONFIG.lintClients);
  results.memory = lint.filter((e) => e.clients === largest).map((e) => ({
    clients: e.clients, format: e.format, fileBytes: e.bytes, lintMaxRssBytes: e.lintMaxRssBytes, floorMaxRssBytes: e.floorMaxRssBytes,
    rssOverFileSize: round(e.lintMaxRssBytes / e.bytes, 2), floorRssOverFileSize: round(e.floorMaxRssBytes / e.bytes, 2),
  }));
  log(`\n== 5. memory: peak RSS (process.resourceUsage().maxRSS) at ${largest} clients ==`);
  log(table([['format', 'file MB', 'lint RSS MB', 'RSS/file', 'floor RSS MB', 'floor RSS/file'],
    ...results.memory.map((m) => [m.format, round(m.fileBytes / 2 ** 20, 2), round(m.lintMaxRssBytes / 2 ** 20), m.rssOverFileSize,
      round(m.floorMaxRssBytes / 2 ** 20), m.floorRssOverFileSize])]));
  lintTargets(lint);
}

/**
 * Issue 15's lint targets, for the sizes this run measured: lint/floor by size (JSON: only the sizes with a limit;
 * YAML: every size), the 10,000-client wall time (issue 7) and peak RSS against the file size at 10,000 (JSON).
 */
function lintTargets(lint) {
  for (const e of lint) {
    const limit = e.format === 'json' ? TARGETS.lintOverFloorJson[e.clients] : TARGETS.lintOverFloorYaml;
    if (limit !== undefined) target(`lint/floor at ${e.clients} clients (${e.format})`, e.ratioToFloor, limit, 'x');
  }
  for (const e of lint.filter((x) => x.clients === 10000)) {
    target(`lint wall at 10000 clients (${e.format})`, e.lintMs / 1000, TARGETS.lintSecondsAt10k, ' s');
  }
  const memory = results.memory.find((m) => m.clients === 10000 && m.format === 'json');
  if (memory) target('lint peak RSS / file size at 10000 clients (json)', memory.rssOverFileSize, TARGETS.lintRssOverFileAt10k, 'x');
}

// ---------------------------------------------------------------------------------------------------------------
// 3. Against the peer

function benchPeer() {
  log('\n== 3. peer: cdk-preflight rule pack via @aws/cloudformation-validate (RegoEngine, built-in rules off) ==');
  const rows = [['clients', 'format', 'runs', 'peer wall ms', 'engine build', 'validate', 'ours wall ms', 'peer/ours', 'peer findings', 'our errors']];
  const peer = [];
  for (const clients of CONFIG.peerClients) {
    for (const format of ['json', 'yaml']) {
      if (format === 'yaml' && !PEER_YAML_AT.has(clients)) continue;
      const file = templatePath(clients, format);
      const runs = [];
      let failure;
      for (let run = 0; run < PEER_RUNS_AT(clients); run++) {
        const child = runChild([path.join(CHILDREN, 'preflight.js'), file]);
        if (child.status !== 0) {
          failure = child.status === null ? `timed out after ${CHILD_TIMEOUT_MS / 1000} s` : `exit ${child.status}: ${child.stderr.slice(0, 500)}`;
          break;
        }
        runs.push({ ...jsonLine(child, 'preflight'), wallMs: child.ms });
      }
      const ours = results.lint?.find((e) => e.clients === clients && e.format === format);
      const wall = median(runs.map((r) => r.wallMs));
      const entry = {
        clients, format, runs: runs.length, failure,
        peerWallMs: round(wall), engineBuildMs: round(median(runs.map((r) => r.engineBuildMs))), validateMs: round(median(runs.map((r) => r.validateMs))),
        requireMs: round(median(runs.map((r) => r.requireMs))), rules: runs[0]?.rules, peerFindings: runs[0]?.packFindings, peerFindingsByRule: runs[0]?.byRule,
        peerMaxRssBytes: median(runs.map((r) => r.maxRssBytes)),
        oursWallMs: ours?.lintMs, oursErrors: ours?.errors, oursWarnings: ours?.warnings,
        peerOverOurs: ours && wall ? round(wall / ours.lintMs, 2) : undefined,
      };
      peer.push(entry);
      rows.push([clients, format, entry.runs, entry.peerWallMs ?? failure, entry.engineBuildMs, entry.validateMs, entry.oursWallMs, entry.peerOverOurs, entry.peerFindings, entry.oursErrors]);
      log(`  ${clients} ${format}: peer ${entry.peerWallMs ?? failure} ms`);
      if (entry.peerOverOurs !== undefined) target(`peer/ours wall at ${clients} clients (${format})`, entry.peerOverOurs, TARGETS.peerSpeedup, 'x', '>=');
    }
  }
  log(table(rows));
  results.peer = peer;
}

// ---------------------------------------------------------------------------------------------------------------
// 4. Lambda handlers

const HANDLER_SCENARIO = {
  'client-secret-writer': 'writer',
  'client-verification': 'verification',
  'client-secret-rotation': 'rotation',
};

async function benchHandlers() {
  log('\n== 4. handlers: esbuild --bundle --minify --platform=node --target=node22 --external:@aws-sdk/*; cold start vs loopback stub ==');
  const esbuild = require(require.resolve('esbuild', { paths: [ROOT] }));
  const dir = path.join(WORK, 'bundles');
  fs.mkdirSync(dir, { recursive: true });
  const entries = fs.readdirSync(path.join(ROOT, 'src', 'secret')).filter((f) => f.endsWith('.lambda.ts')).sort();
  const stub = await startStub();
  const handlers = [];
  try {
    for (const entry of entries) {
      const name = entry.replace(/\.lambda\.ts$/, '');
      const bundles = {};
      for (const [kind, external] of [['sdk-external', ['@aws-sdk/*']], ['sdk-bundled', []]]) {
        const outfile = path.join(dir, `${name}.${kind}.js`);
        esbuild.buildSync({
          entryPoints: [path.join(ROOT, 'src', 'secret', entry)], outfile, bundle: true, minify: true, platform: 'node',
          target: 'node22', format: 'cjs', external, logLevel: 'error', absWorkingDir: ROOT,
        });
        const bytes = fs.statSync(outfile).size;
        bundles[kind] = { outfile, bytes, gzipBytes: zlib.gzipSync(fs.readFileSync(outfile)).length };
      }
      const scenario = HANDLER_SCENARIO[name];
      const cold = {};
      for (const kind of Object.keys(bundles)) {
        const runs = [];
        for (let run = 0; scenario && run < CONFIG.handlerRuns; run++) {
          const child = runChild([path.join(CHILDREN, 'handler.js'), bundles[kind].outfile, scenario, stub.base], { env: stub.env, timeout: 60_000 });
          const data = jsonLine(child, `handler ${name}`);
          if (!data.ok) throw new Error(`handler ${name} failed: ${data.error}`);
          runs.push({ ...data, wallMs: child.ms });
        }
        cold[kind] = runs.length ? {
          runs: runs.length,
          requireMs: round(median(runs.map((r) => r.requireMs))),
          firstResponseMs: round(median(runs.map((r) => r.firstResponseMs))),
          nodeBootMs: round(median(runs.map((r) => r.bootMs))),
          wallMs: round(median(runs.map((r) => r.wallMs))),
          allRequireMs: runs.map((r) => round(r.requireMs)),
        } : undefined;
      }
      handlers.push({
        handler: entry, scenario,
        bytes: bundles['sdk-external'].bytes, gzipBytes: bundles['sdk-external'].gzipBytes,
        withSdkBytes: bundles['sdk-bundled'].bytes, withSdkGzipBytes: bundles['sdk-bundled'].gzipBytes,
        cold: cold['sdk-external'], coldWithSdkBundled: cold['sdk-bundled'],
      });
    }
  } finally {
    stub.child.kill();
  }
  log(table([['handler', 'KB', 'gzip KB', 'KB (SDK bundled)', 'require ms', '1st response ms', 'wall ms', 'require ms (SDK bundled)', '1st resp (SDK bundled)'],
    ...handlers.map((h) => [h.handler, round(h.bytes / 1024), round(h.gzipBytes / 1024), round(h.withSdkBytes / 1024),
      h.cold?.requireMs, h.cold?.firstResponseMs, h.cold?.wallMs, h.coldWithSdkBundled?.requireMs, h.coldWithSdkBundled?.firstResponseMs])]));
  for (const h of handlers) {
    target(`${h.handler} bundle size (SDK external)`, h.bytes / 1024, TARGETS.bundleBytes / 1024, ' KB');
    target(`${h.handler} bundle size (SDK bundled)`, h.withSdkBytes / 1024, TARGETS.bundleWithSdkBytes / 1024, ' KB');
    if (h.cold) target(`${h.handler} cold require (SDK external, loaded from node_modules)`, h.cold.requireMs, TARGETS.coldRequireMs, ' ms');
    if (h.coldWithSdkBundled) target(`${h.handler} cold require (SDK bundled)`, h.coldWithSdkBundled.requireMs, TARGETS.coldRequireMs, ' ms');
  }
  results.handlers = handlers;
}

/**
 * A certificate for 127.0.0.1, made with openssl: the handlers refuse http: token endpoints and JWKS URIs, so the
 * stub serves OAuth over HTTPS and the handler processes trust the certificate through NODE_EXTRA_CA_CERTS.
 */
function loopbackCertificate() {
  const dir = path.join(WORK, 'tls');
  fs.mkdirSync(dir, { recursive: true });
  const cert = path.join(dir, 'cert.pem');
  const key = path.join(dir, 'key.pem');
  if (!fs.existsSync(cert)) {
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-days', '2', '-subj', '/CN=127.0.0.1',
      '-addext', 'subjectAltName=IP:127.0.0.1', '-keyout', key, '-out', cert], { stdio: 'ignore' });
  }
  return { cert, key };
}

function startStub() {
  const { cert, key } = loopbackCertificate();
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [path.join(CHILDREN, 'stub-server.js')], {
      stdio: ['ignore', 'pipe', 'inherit'], env: { ...process.env, BENCH_TLS_CERT: cert, BENCH_TLS_KEY: key },
    });
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      if (!buffer.includes('\n')) return;
      const { port, tlsPort } = JSON.parse(buffer.split('\n')[0]);
      const awsBase = `http://127.0.0.1:${port}`;
      resolve({
        child, base: `https://127.0.0.1:${tlsPort}`,
        env: {
          AWS_ENDPOINT_URL: awsBase, AWS_REGION: 'eu-west-1', AWS_ACCESS_KEY_ID: 'AKIDBENCHMARK', AWS_SECRET_ACCESS_KEY: 'benchmark',
          AWS_SESSION_TOKEN: '', NODE_EXTRA_CA_CERTS: cert,
        },
      });
    });
    child.on('error', reject);
    child.on('exit', (code) => reject(new Error(`stub server exited with ${code}`)));
  });
}

// ---------------------------------------------------------------------------------------------------------------
// 6. A CDK cloud assembly

/** The manifest version aws-cdk-lib would write here (the schema's major, e.g. 55.0.0). */
function assemblyVersion() {
  try {
    return require(require.resolve('@aws-cdk/cloud-assembly-schema', { paths: [ROOT] })).Manifest.version();
  } catch {
    return '48.0.0';
  }
}

function stackName(k) {
  return `ClientsStack${String(k + 1).padStart(2, '0')}`;
}

/**
 * A cloud assembly as `cdk synth` leaves it: per stack `<Stack>.template.json` (JSON.stringify(template, undefined, 1),
 * as core's Stack writes it with indentation on) and `<Stack>.assets.json`; `manifest.json` listing the stacks
 * (aws:cloudformation:stack with properties.templateFile), their asset manifests and the tree; `tree.json`; and the
 * `cdk.out` marker. The CLI must lint the templates and skip the rest. Every stack holds the same template.
 */
function writeAssembly(dir, stacks, template) {
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const version = assemblyVersion();
  const text = JSON.stringify(template, undefined, 1);
  const hash = require('crypto').createHash('sha256').update(text).digest('hex');
  const artifacts = {};
  const children = {};
  for (let k = 0; k < stacks; k++) {
    const name = stackName(k);
    fs.writeFileSync(path.join(dir, `${name}.template.json`), text);
    fs.writeFileSync(path.join(dir, `${name}.assets.json`), JSON.stringify({
      version,
      files: {
        [hash]: {
          displayName: `${name} Template`,
          source: { path: `${name}.template.json`, packaging: 'file' },
          destinations: { 'current_account-current_region': { bucketName: 'cdk-hnb659fds-assets-${AWS::AccountId}-${AWS::Region}', objectKey: `${hash}.json` } },
        },
      },
      dockerImages: {},
    }, undefined, 2));
    artifacts[`${name}.assets`] = { type: 'cdk:asset-manifest', properties: { file: `${name}.assets.json`, requiresBootstrapStackVersion: 6 } };
    artifacts[name] = {
      type: 'aws:cloudformation:stack',
      environment: 'aws://unknown-account/unknown-region',
      properties: { templateFile: `${name}.template.json`, terminationProtection: false, validateOnSynth: false },
      dependencies: [`${name}.assets`],
      displayName: name,
    };
    children[name] = { id: name, path: name };
  }
  artifacts.Tree = { type: 'cdk:tree', properties: { file: 'tree.json' } };
  fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({ version, artifacts }, undefined, 2));
  fs.writeFileSync(path.join(dir, 'tree.json'), JSON.stringify({ version: 'tree-0.1', tree: { id: 'App', path: '', children } }));
  fs.writeFileSync(path.join(dir, 'cdk.out'), JSON.stringify({ version }));
  return stacks * Buffer.byteLength(text);
}

/**
 * The three inputs: the assembly; one of its stack templates alone; and one file holding all the stacks' resources
 * (logical IDs prefixed per stack), which is the assembly's work without its one-file-per-stack overhead. The two
 * single files are written the way the assembly's templates are, so that only the number of files differs.
 */
function generateCdkoutInputs(stacks, perStack) {
  const dir = path.join(WORK, 'cdkout');
  const template = makeTemplate(perStack);
  const assembly = path.join(dir, 'cdk.out');
  const assemblyTemplateBytes = writeAssembly(assembly, stacks, template);
  const single = path.join(dir, `single-${perStack}.template.json`);
  fs.writeFileSync(single, JSON.stringify(template, undefined, 1));
  const oneFile = path.join(dir, `one-file-${stacks}x${perStack}.template.json`);
  const merged = mergeTemplates(Array.from({ length: stacks }, () => template), Array.from({ length: stacks }, (_, k) => stackName(k)));
  fs.writeFileSync(oneFile, JSON.stringify(merged, undefined, 1));
  return [
    { key: 'assembly', label: `cdk.out (${stacks} stacks)`, input: assembly, files: stacks, clients: stacks * perStack, bytes: assemblyTemplateBytes },
    { key: 'oneFile', label: `one file, ${stacks}x${perStack}`, input: oneFile, files: 1, clients: stacks * perStack, bytes: fs.statSync(oneFile).size },
    { key: 'singleStack', label: `one stack (${perStack})`, input: single, files: 1, clients: perStack, bytes: fs.statSync(single).size },
  ];
}

/**
 * The assembly and the one-file template must report exactly `stacks` times what one stack reports (the files count
 * aside for the one file): anything else means templates were skipped, read twice, or judged differently, and the
 * timings would not compare the same work.
 */
function checkCdkoutCounts(summaries, stacks) {
  const base = summaries.singleStack;
  const problems = [];
  for (const key of ['assembly', 'oneFile']) {
    for (const [field, value] of Object.entries(base)) {
      if (typeof value !== 'number') continue;
      const expected = field === 'files' && key === 'oneFile' ? 1 : value * stacks;
      if (summaries[key][field] !== expected) problems.push(`${key} ${field}: ${summaries[key][field]}, expected ${expected} (${stacks} x ${value})`);
    }
  }
  if (problems.length) {
    throw new Error(`cdkout: summary counts are not ${stacks}x the single stack's:\n  ${problems.join('\n  ')}\n  single stack: ${JSON.stringify(base)}`);
  }
}

function benchCdkout(lib) {
  const { cdkoutStacks: stacks, cdkoutClientsPerStack: perStack, cdkoutRuns: runs } = CONFIG;
  log(`\n== 6. cdkout: cognito-client-lint --format json <cdk.out> (${stacks} stacks x ${perStack} clients) vs. the same clients in one file ==`);
  const cli = cliPath(lib);
  const inputs = generateCdkoutInputs(stacks, perStack);
  const outDir = path.join(WORK, 'cdkout-out');
  fs.mkdirSync(outDir, { recursive: true });
  const samples = Object.fromEntries(inputs.map((i) => [i.key, []]));
  lintOnce(cli, inputs[inputs.length - 1].input, path.join(outDir, 'warm-up.json')); // the bin's code cache, warm
  for (let run = 0; run < runs; run++) {
    // Rotate the order so that a slow moment of the machine does not always hit the same input.
    for (let k = 0; k < inputs.length; k++) {
      const input = inputs[(k + run) % inputs.length];
      samples[input.key].push(lintOnce(cli, input.input, path.join(outDir, `${input.key}.json`)));
    }
    log(`  run ${run + 1}/${runs} done`);
  }
  const summaries = Object.fromEntries(inputs.map((i) => [i.key, JSON.parse(fs.readFileSync(path.join(outDir, `${i.key}.json`), 'utf8')).summary]));
  checkCdkoutCounts(summaries, stacks);

  const entries = {};
  for (const input of inputs) {
    const list = samples[input.key];
    const wallMs = median(list.map((r) => r.ms));
    const maxRssBytes = median(list.map((r) => r.rss));
    entries[input.key] = {
      input: path.relative(ROOT, input.input), files: input.files, clients: input.clients, templateBytes: input.bytes, runs: list.length,
      wallMs: round(wallMs), clientsPerSecond: round(input.clients / (wallMs / 1000), 0), maxRssBytes, rssOverTemplateBytes: round(maxRssBytes / input.bytes, 2),
      allWallMs: list.map((r) => round(r.ms)), exitCode: list[0].status, summary: summaries[input.key],
    };
  }
  const { assembly, oneFile, singleStack } = entries;
  const ratios = {
    // The target: the assembly against the same work in one file; above 1 is what the extra files cost.
    assemblyOverOneFile: round(assembly.wallMs / oneFile.wallMs, 3),
    // (a): time per client in the assembly over time per client of one stack linted alone (singleStack's rate over
    // the assembly's); also the assembly's wall time as a fraction of one CLI process per stack.
    assemblyOverSingleStack: round(singleStack.clientsPerSecond / assembly.clientsPerSecond, 3),
    perStackOverheadMs: round((assembly.wallMs - oneFile.wallMs) / (stacks - 1), 1),
    oneProcessPerStackMs: round(stacks * singleStack.wallMs),
  };
  log(table([['input', 'files', 'clients', 'MB', 'wall ms', 'clients/s', 'peak RSS MB', 'RSS/size', 'errors', 'warnings'],
    ...inputs.map(({ key, label }) => [label, entries[key].files, entries[key].clients, round(entries[key].templateBytes / 2 ** 20, 2),
      entries[key].wallMs, entries[key].clientsPerSecond, round(entries[key].maxRssBytes / 2 ** 20), entries[key].rssOverTemplateBytes,
      entries[key].summary.errors, entries[key].summary.warnings])]));
  log(`  counts: cdk.out and one file = ${stacks} x one stack (checked)`);
  log(`  cdk.out / one file (wall): ${ratios.assemblyOverOneFile}; per extra stack ${ratios.perStackOverheadMs} ms`);
  log(`  cdk.out / one stack (time per client): ${ratios.assemblyOverSingleStack}; ${stacks} processes of one stack would take ${ratios.oneProcessPerStackMs} ms`);
  target(`cdk.out (${stacks} x ${perStack}) wall / one file of the same clients`, ratios.assemblyOverOneFile, TARGETS.cdkoutOverOneFile, 'x');
  results.cdkout = { stacks, clientsPerStack: perStack, clients: stacks * perStack, ...entries, ratios };
}

// ---------------------------------------------------------------------------------------------------------------

async function main() {
  const started = Date.now();
  fs.mkdirSync(WORK, { recursive: true });
  log(`cdk-cognito-clients benchmarks: ${results.machine.cpus} x ${results.machine.model}, node ${results.machine.node}, ${results.machine.date}${QUICK ? ' (quick)' : ''}`);
  const { dir: lib, how } = libraryDir();
  results.library = how;
  log(`library: ${how}`);

  if (ONLY.includes('synth')) benchSynth(lib);
  if (ONLY.includes('lint') || ONLY.includes('peer')) {
    const sizes = [...new Set([...(ONLY.includes('lint') ? CONFIG.lintClients : []), ...(ONLY.includes('peer') ? CONFIG.peerClients : [])])];
    results.templates = generateTemplates(sizes);
  }
  if (ONLY.includes('lint')) benchLint(lib, results.templates);
  if (ONLY.includes('peer')) benchPeer();
  if (ONLY.includes('handler')) await benchHandlers();
  if (ONLY.includes('cdkout')) benchCdkout(lib);

  results.machine.loadAverageAtEnd = os.loadavg().map((x) => round(x, 2));
  results.durationSeconds = round((Date.now() - started) / 1000);
  log('\n== targets ==');
  log(table([['measurement', 'measured', 'target', 'result'],
    ...results.targets.map((t) => [t.name, t.measured, t.target, t.pass === undefined ? 'n/a' : t.pass ? 'PASS' : 'MISS'])]));
  // Only a full run replaces bench/results.json; smoke and partial runs stay in the scratch folder.
  const partial = QUICK || argv.some((a) => a.startsWith('--only=') || a.startsWith('--lib='));
  const out = partial ? path.join(WORK, 'results.partial.json') : path.join(__dirname, 'results.json');
  fs.writeFileSync(out, `${JSON.stringify(results, null, 2)}\n`);
  log(`\nwrote ${path.relative(ROOT, out)} in ${results.durationSeconds} s total`);
}

main().catch((error) => {
  process.stderr.write(`bench: ${error.stack ?? error}\n`);
  process.exitCode = 1;
});
