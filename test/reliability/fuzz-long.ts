/**
 * The long fuzz run: every engine property with FUZZ_RUNS cases (default 20000), outside jest.
 *
 *   node -r ts-node/register/transpile-only test/reliability/fuzz-long.ts
 *   FUZZ_RUNS=100000 FUZZ_SEED=42 node -r ts-node/register/transpile-only test/reliability/fuzz-long.ts
 *
 * Exits 1 on the first failing property, printing fast-check's report (seed, path and shrunk counterexample).
 */
import * as fc from 'fast-check';
import { ENGINE_PROPERTIES } from './engine-properties';

const runs = Number(process.env.FUZZ_RUNS ?? 20_000);
const seed = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : Date.now() % 2 ** 31;

console.log(`engine fuzz: ${runs} cases per property, seed ${seed}`);
let failed = false;
for (const [name, property] of ENGINE_PROPERTIES) {
  const start = Date.now();
  const details = fc.check(property, { numRuns: runs, seed });
  const seconds = ((Date.now() - start) / 1000).toFixed(1);
  if (details.failed) {
    failed = true;
    console.log(`FAIL ${name} (${seconds} s)`);
    console.log(fc.defaultReportMessage(details));
  } else {
    console.log(`ok   ${name}: ${details.numRuns} cases, ${details.numSkips} skipped (${seconds} s)`);
  }
}
process.exitCode = failed ? 1 : 0;
