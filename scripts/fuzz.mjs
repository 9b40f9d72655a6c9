#!/usr/bin/env node
// `npm run fuzz`: the property-based fuzz of test/unit/fuzzCases.ts with many cases.
//   FUZZ_RUNS  cases per property (default 5000)
//   FUZZ_SEED  seed (default: random; printed, so a failure can be replayed)
// Expects compiled tests in out/ (npm run fuzz compiles first).
import { createRequire } from 'node:module';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const require = createRequire(import.meta.url);
const { runFuzz } = require(path.join(root, 'out/test/unit/fuzzCases.js'));

const runs = Number(process.env.FUZZ_RUNS ?? 5000);
const seed = process.env.FUZZ_SEED !== undefined ? Number(process.env.FUZZ_SEED) : Math.floor(Math.random() * 2 ** 31);
console.log(`fuzz: ${runs} cases per property, seed ${seed} (replay with FUZZ_SEED=${seed})`);
const started = Date.now();
let total = 0;
try {
  await runFuzz(runs, seed, (r) => {
    total += r.cases;
    console.log(`  ${r.property}: ${r.cases} cases, 0 failures${r.slowest ? `; slowest ${r.slowestMs.toFixed(0)} ms CPU (${r.slowest})` : ''}`);
  });
} catch (e) {
  console.error(String(e?.message ?? e));
  if (e?.cause) console.error('cause:', e.cause?.stack ?? e.cause);
  console.error(`fuzz: FAILED (seed ${seed}); see the counterexample above`);
  process.exit(1);
}
console.log(`fuzz: ${total} cases, 0 failures in ${((Date.now() - started) / 1000).toFixed(1)} s`);
