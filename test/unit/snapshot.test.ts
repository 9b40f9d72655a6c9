import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_FILES, bundledSnapshot, parseBundledData, readBundledSnapshot } from '../../src/core/bundledData';
import { fromSnapshotJson, toSnapshotJson } from '../../src/core/snapshot';
import { Limiter, forEachLimit } from '../../src/core/concurrency';

const MODEL_DIR = path.join(__dirname, '..', '..', '..', 'model');
const texts = () => ({
  model: fs.readFileSync(path.join(MODEL_DIR, BUNDLED_FILES.model), 'utf8'),
  probes: fs.readFileSync(path.join(MODEL_DIR, BUNDLED_FILES.probes), 'utf8'),
  rules: fs.readFileSync(path.join(MODEL_DIR, BUNDLED_FILES.rules), 'utf8'),
});

describe('snapshot JSON', () => {
  it('keeps Map, Set, Date, undefined properties and nested structure', () => {
    const value = {
      m: new Map<string, unknown>([['a', 1], ['b', { deep: [1, 'x', null] }]]),
      s: new Set(['x', 'y']),
      d: new Date('2026-01-02T03:04:05.000Z'),
      u: undefined,
      list: [undefined, 0, '', false],
      text: 'a "quoted" \u0000 string',
    };
    const back = fromSnapshotJson(toSnapshotJson(value)) as typeof value;
    assert.deepStrictEqual(back, value);
    assert.ok('u' in back, 'a property set to undefined keeps its key');
  });

  it('keeps shared objects shared (one object reachable twice stays one object)', () => {
    const activity = { uuid: 'u1', name: 'A' };
    const value = { byId: new Map([['u1', activity]]), groups: [{ activities: [activity] }], other: { same: activity } };
    const back = fromSnapshotJson(toSnapshotJson(value)) as typeof value;
    assert.deepStrictEqual(back, value);
    assert.equal(back.byId.get('u1'), back.groups[0].activities[0]);
    assert.equal(back.other.same, back.groups[0].activities[0]);
    // Objects that are equal but distinct stay distinct.
    const twins = { a: { x: 1 }, b: { x: 1 } };
    const t2 = fromSnapshotJson(toSnapshotJson(twins)) as typeof twins;
    assert.notEqual(t2.a, t2.b);
  });

  it('refuses class instances it could not revive', () => {
    class Thing {
      x = 1;
    }
    assert.throws(() => toSnapshotJson({ t: new Thing() }), /cannot keep a Thing instance/);
  });
});

describe('bundled data snapshot', () => {
  it('revives the bundled model and detection data exactly, with the same sharing as the parsed data', () => {
    const t = texts();
    const parsed = parseBundledData(t);
    const revived = readBundledSnapshot(bundledSnapshot(parsed), t);
    assert.ok(revived);
    assert.deepStrictEqual(revived, parsed);
    assert.equal(revived.model.activities.size, parsed.model.activities.size);
    const sub = parsed.model.dimensions[0].subdimensions[0];
    const revivedSub = revived.model.dimensions[0].subdimensions[0];
    const sharedInParsed = parsed.model.activities.get(sub.activities[0].uuid) === sub.activities[0];
    assert.equal(revived.model.activities.get(revivedSub.activities[0].uuid) === revivedSub.activities[0], sharedInParsed);
  });

  it('is not used when a YAML file changed after the build (stale) or when it is not JSON', () => {
    const t = texts();
    const json = bundledSnapshot(parseBundledData(t));
    assert.equal(readBundledSnapshot(json, { ...t, rules: t.rules + '\n# edited\n' }), undefined);
    assert.equal(readBundledSnapshot(json, { ...t, model: t.model.replace('level: 1', 'level: 2') }), undefined);
    assert.equal(readBundledSnapshot('{"truncated', t), undefined);
  });
});

describe('bounded concurrency', () => {
  it('Limiter never runs more than its limit at once and runs every task', async () => {
    const limiter = new Limiter(3);
    let active = 0;
    let peak = 0;
    const results = await Promise.all(
      Array.from({ length: 20 }, (_, i) =>
        limiter.run(async () => {
          peak = Math.max(peak, ++active);
          await new Promise((r) => setTimeout(r, 1 + (i % 3)));
          active--;
          return i;
        }),
      ),
    );
    assert.deepEqual(results, Array.from({ length: 20 }, (_, i) => i));
    assert.equal(peak, 3);
  });

  it('Limiter frees the slot of a failed task', async () => {
    const limiter = new Limiter(1);
    await assert.rejects(limiter.run(async () => { throw new Error('boom'); }), /boom/);
    assert.equal(await limiter.run(async () => 'next'), 'next');
  });

  it('forEachLimit visits every item with at most `limit` in flight and rejects with the first error', async () => {
    let active = 0;
    let peak = 0;
    const seen: number[] = [];
    await forEachLimit([...Array(25).keys()], 4, async (i) => {
      peak = Math.max(peak, ++active);
      await new Promise((r) => setTimeout(r, 1));
      seen.push(i);
      active--;
    });
    assert.deepEqual([...seen].sort((a, b) => a - b), [...Array(25).keys()]);
    assert.equal(peak, 4);
    await assert.rejects(forEachLimit([1, 2, 3], 2, async (i) => { if (i === 2) throw new Error('two'); }), /two/);
    await forEachLimit([], 4, async () => assert.fail('no items'));
  });
});
