// A few seeded fuzz cases on every `npm test`; `npm run fuzz` runs many more (FUZZ_RUNS, FUZZ_SEED).
import * as assert from 'node:assert/strict';
import { applyEdits, runFuzz } from './fuzzCases';

describe('fuzz (seeded, small)', function () {
  this.timeout(120_000);

  it('mutations do what they say', () => {
    assert.equal(applyEdits('abc', [{ op: 'insert', at: 1, text: 'X' }]), 'aXbc');
    assert.equal(applyEdits('abcdef', [{ op: 'delete', at: 2, length: 2 }]), 'abef');
    assert.equal(applyEdits('abcd', [{ op: 'duplicate', at: 1, length: 2 }]), 'abcbcd');
    assert.equal(applyEdits('1\n2\n3', [{ op: 'swapLines', a: 0, b: 2 }]), '3\n2\n1');
  });

  it('parsers, scan and progress store survive random and mutated files', async () => {
    const reports = await runFuzz(Number(process.env.FUZZ_TEST_RUNS ?? 25), 20261206);
    for (const r of reports) assert.equal(r.cases, Number(process.env.FUZZ_TEST_RUNS ?? 25), r.property);
  });
});
