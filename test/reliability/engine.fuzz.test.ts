import * as fc from 'fast-check';
import { ENGINE_PROPERTIES } from './engine-properties';

// Engine fuzzing (issue 8): random templates mixing valid and hostile properties, intrinsics at any depth and garbage.
// CI runs FUZZ_RUNS cases per property (default 700); `node -r ts-node/register/transpile-only
// test/reliability/fuzz-long.ts` runs many more. A failure prints the seed and path: FUZZ_SEED=<seed> replays it.

const RUNS = Number(process.env.FUZZ_RUNS ?? 700);
const SEED = process.env.FUZZ_SEED ? Number(process.env.FUZZ_SEED) : undefined;

test.each(ENGINE_PROPERTIES)('engine: %s', (_name, property) => {
  fc.assert(property, { numRuns: RUNS, seed: SEED });
});
