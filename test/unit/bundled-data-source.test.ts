// The bundled model and detection rules are read once at start-up for both of their users (the
// model service and the assessment), counted through the file-system interface; a reload reads
// them again and gets objects of its own.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { BUNDLED_FILES, BUNDLED_SNAPSHOT, BundledDataSource, bundledSnapshot, parseBundledData } from '../../src/core/bundledData';
import { MemoryFileSystem } from './memoryFs';
import { REPO_ROOT } from './scanHelpers';

describe('BundledDataSource', function () {
  this.timeout(60_000);
  const texts = {
    model: fs.readFileSync(path.join(REPO_ROOT, 'model', BUNDLED_FILES.model), 'utf8'),
    probes: fs.readFileSync(path.join(REPO_ROOT, 'model', BUNDLED_FILES.probes), 'utf8'),
    rules: fs.readFileSync(path.join(REPO_ROOT, 'model', BUNDLED_FILES.rules), 'utf8'),
  };
  let snapshot: string;
  before(() => {
    snapshot = bundledSnapshot(parseBundledData(texts));
  });

  /** The extension's folder in memory, and the reads of each file. */
  function extensionFolder(withSnapshot = true) {
    const mem = new MemoryFileSystem({
      [`model/${BUNDLED_FILES.model}`]: texts.model,
      [`model/${BUNDLED_FILES.probes}`]: texts.probes,
      [`model/${BUNDLED_FILES.rules}`]: texts.rules,
      ...(withSnapshot ? { [BUNDLED_SNAPSHOT]: snapshot } : {}),
    });
    const reads = new Map<string, number>();
    mem.fail = (op, p) => {
      if (op === 'read') reads.set(p, (reads.get(p) ?? 0) + 1);
      return undefined;
    };
    return { mem, reads };
  }

  it('start-up: the model and the detection rules asked for at once read each file once', async () => {
    const { mem, reads } = extensionFolder();
    const told: boolean[] = [];
    const source = new BundledDataSource(mem, (r) => told.push(r.fromSnapshot));
    const [model, detection] = await Promise.all([source.model(), source.detection()]);
    assert.ok(model.activities.size > 100);
    assert.ok(detection.catalogue && detection.rules);
    assert.deepEqual(Object.fromEntries(reads), { [`model/${BUNDLED_FILES.model}`]: 1, [`model/${BUNDLED_FILES.probes}`]: 1, [`model/${BUNDLED_FILES.rules}`]: 1, [BUNDLED_SNAPSHOT]: 1 });
    assert.deepEqual(told, [true], 'one load, from the snapshot');
  });

  it('also when the second asks after the first got its answer', async () => {
    const { mem, reads } = extensionFolder();
    const source = new BundledDataSource(mem);
    await source.detection();
    await source.model();
    assert.equal(reads.get(BUNDLED_SNAPSHOT), 1);
  });

  it('a reload reads again and gets a model of its own', async () => {
    const { mem, reads } = extensionFolder();
    const source = new BundledDataSource(mem);
    const [first] = await Promise.all([source.model(), source.detection()]);
    const reloaded = await source.model();
    assert.notEqual(reloaded, first);
    assert.equal(reloaded.activities.size, first.activities.size);
    assert.equal(reads.get(BUNDLED_SNAPSHOT), 2);
  });

  it('without a snapshot it parses the YAML, still once for both', async () => {
    const { mem, reads } = extensionFolder(false);
    const told: boolean[] = [];
    const source = new BundledDataSource(mem, (r) => told.push(r.fromSnapshot));
    await Promise.all([source.model(), source.detection()]);
    assert.deepEqual(told, [false]);
    assert.equal(reads.get(`model/${BUNDLED_FILES.model}`), 1);
  });

  it('a failed read is not kept: the next ask reads again', async () => {
    const { mem } = extensionFolder();
    let broken = true;
    const count = mem.fail;
    mem.fail = (op, p) => (broken && p === `model/${BUNDLED_FILES.rules}` ? new Error('EIO') : count?.(op, p));
    const source = new BundledDataSource(mem);
    await assert.rejects(source.detection(), /EIO/);
    broken = false;
    assert.ok((await source.detection()).rules, 'a retry of the detection rules');
    assert.ok((await source.model()).activities.size > 100, 'the model, asked for after the failure');
  });
});
