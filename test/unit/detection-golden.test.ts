// Golden fixtures for the detection classes found on real repositories (issue 14): each folder
// under test/fixtures/detect/ is a small synthetic repository plus `expect.yaml`, which says, per
// probe, the exact result, the exact evidence (path:line) and notes that must (or must not) be there,
// and places no probe may cite. The files are written for these tests; no real project's code.
import * as assert from 'node:assert/strict';
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import * as path from 'node:path';
import { parse } from 'yaml';
import { at, REPO_ROOT, scanDir } from './scanHelpers';

const FIXTURES = path.join(REPO_ROOT, 'test/fixtures/detect');
const EXPECT = 'expect.yaml';

interface ProbeExpectation {
  result: string;
  evidence?: string[];
  notes?: string[];
  notNotes?: string[];
}
interface Expectation {
  what: string;
  probes: Record<string, ProbeExpectation>;
  never?: string[];
  /** Files (path) the index must classify, with their kind. */
  kinds?: Record<string, string>;
  /** Paths the index must not list as files of ours. */
  notFiles?: string[];
}

function cases(): { name: string; dir: string; expect: Expectation }[] {
  if (!existsSync(FIXTURES)) return [];
  return readdirSync(FIXTURES, { withFileTypes: true })
    .filter((d) => d.isDirectory())
    .map((d) => ({ name: d.name, dir: path.join(FIXTURES, d.name), expect: parse(readFileSync(path.join(FIXTURES, d.name, EXPECT), 'utf8')) as Expectation }));
}

describe('detection golden fixtures (test/fixtures/detect)', function () {
  this.timeout(60_000);

  it('there are fixtures, and each says what it shows', () => {
    const all = cases();
    assert.ok(all.length >= 4, `${all.length} fixtures`);
    for (const c of all) assert.ok(c.expect.what && Object.keys(c.expect.probes ?? {}).length > 0, c.name);
  });

  for (const c of cases()) {
    it(`${c.name}: ${c.expect.what}`, async () => {
      const { result } = await scanDir(c.dir);
      const probes = new Map(result.probes.map((p) => [p.id, p]));
      for (const [id, exp] of Object.entries(c.expect.probes)) {
        const p = probes.get(id);
        assert.ok(p, `probe ${id} is reported`);
        const seen = `evidence ${p.evidence.map((e) => `${at(e)} ${e.text}`).join(' | ')}; notes ${JSON.stringify(p.notes)}`;
        assert.equal(p.result, exp.result, `${id}: ${seen}`);
        if (exp.evidence) assert.deepEqual(p.evidence.map(at).sort(), [...exp.evidence].sort(), `${id} evidence: ${seen}`);
        for (const re of exp.notes ?? []) assert.ok(p.notes.some((n) => new RegExp(re).test(n)), `${id} has a note matching /${re}/: ${JSON.stringify(p.notes)}`);
        for (const re of exp.notNotes ?? []) assert.ok(!p.notes.some((n) => new RegExp(re).test(n)), `${id} has no note matching /${re}/: ${JSON.stringify(p.notes)}`);
      }
      for (const place of c.expect.never ?? []) {
        for (const p of result.probes) assert.ok(!p.evidence.some((e) => at(e) === place), `${p.id} must not cite ${place}`);
      }
      const kinds = new Map(result.files.map((f) => [f.path, f.kind]));
      for (const [file, kind] of Object.entries(c.expect.kinds ?? {})) assert.equal(kinds.get(file), kind, `${file} is read as ${kind}`);
      for (const file of c.expect.notFiles ?? []) assert.ok(!kinds.has(file), `${file} is not one of our files (read as ${kinds.get(file)})`);
    });
  }

  it('every place quoted in expect.yaml exists in its fixture', () => {
    for (const c of cases()) {
      const places = [...Object.values(c.expect.probes).flatMap((p) => p.evidence ?? []), ...(c.expect.never ?? [])];
      for (const place of places) {
        const [file, line] = [place.slice(0, place.lastIndexOf(':')), Number(place.slice(place.lastIndexOf(':') + 1))];
        const lines = readFileSync(path.join(c.dir, file), 'utf8').split('\n');
        assert.ok(line >= 1 && line <= lines.length && lines[line - 1].trim() !== '', `${c.name}: ${place} is a non-empty line`);
      }
    }
  });
});
