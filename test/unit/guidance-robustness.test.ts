// Every template applied to every pipeline and container file the repository has as a fixture
// (the parsers' own fixtures, the demo workspace, broken files, CRLF): computeFix never throws,
// and it either returns edits that keep every original line and add no parse problem, or says
// that it cannot place the fix. Nothing is corrupted.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { computeFix, dialectOf } from '../../src/core/guidance/computeFix';
import { applyEdits } from '../../src/core/guidance/text';
import { classify } from '../../src/core/scan/discover/classify';
import { parseFile } from '../../src/core/scan/parse/parseFile';
import { FileKind } from '../../src/core/scan/types';
import { bundled, ROOT } from './guidanceHarness';

function walk(dir: string): string[] {
  const out: string[] = [];
  for (const e of fs.readdirSync(dir, { withFileTypes: true })) {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) out.push(...walk(p));
    else out.push(p);
  }
  return out;
}

/** The kind a fixture file would have at its canonical place. */
function kindOf(rel: string): FileKind | undefined {
  if (/(^|\/)ci\/jenkins\//.test(rel) || /\.Jenkinsfile$|(^|\/)Jenkinsfile$/.test(rel)) return 'jenkinsfile';
  if (/ci\/github\//.test(rel) && !/action-/.test(rel)) return 'github-workflow';
  if (/ci\/gitlab\//.test(rel)) return 'gitlab-ci';
  if (/ci\/azure\//.test(rel)) return 'azure-pipelines';
  if (/ci\/circleci\//.test(rel)) return 'circleci';
  if (/ci\/bitbucket\//.test(rel)) return 'bitbucket-pipelines';
  if (/ci\/problems\//.test(rel)) return 'github-workflow';
  const k = classify(rel.replace(/^test\/fixtures\/demo-workspace\//, ''), fs.readFileSync(path.join(ROOT, rel), 'utf8').slice(0, 4096));
  return k;
}

function errorCount(kind: FileKind, text: string): number {
  return (parseFile(kind, 'f', text)?.problems ?? []).filter((p) => p.severity === 'error').length;
}

describe('guidance: every template on every fixture file (robustness)', function () {
  this.timeout(120_000);
  const dirs = ['test/fixtures/ci', 'test/fixtures/jenkins', 'test/fixtures/containers', 'test/fixtures/demo-workspace', 'test/fixtures/guidance'];
  const files = dirs.flatMap((d) => walk(path.join(ROOT, d))).map((f) => path.relative(ROOT, f).split(path.sep).join('/'));
  const targets = files
    .map((rel) => ({ rel, kind: kindOf(rel) }))
    .filter((x): x is { rel: string; kind: FileKind } => !!x.kind && !!dialectOf(x.kind));

  it('finds files of every dialect to try', () => {
    const kinds = new Set(targets.map((t) => t.kind));
    for (const k of ['github-workflow', 'gitlab-ci', 'azure-pipelines', 'jenkinsfile', 'circleci', 'bitbucket-pipelines', 'dockerfile', 'compose', 'kubernetes']) assert.ok(kinds.has(k as FileKind), k);
  });

  it('never throws, never corrupts: edits parse at least as well, or the fix is not placed', () => {
    const { fixes } = bundled();
    let edited = 0;
    let refused = 0;
    for (const { rel, kind } of targets) {
      const raw = fs.readFileSync(path.join(ROOT, rel), 'utf8');
      for (const text of [raw, raw.replace(/\r?\n/g, '\r\n')]) {
        const errorsBefore = errorCount(kind, text);
        for (const t of fixes.templates) {
          if (!t.dialects[dialectOf(kind)!]) continue;
          const res = computeFix(fixes, t.id, { path: rel, kind }, text, {});
          if (res.kind === 'cannot-place') {
            refused++;
            assert.ok(res.reason.length > 0);
            continue;
          }
          assert.equal(res.kind, 'edits', `${t.id} on ${rel}`);
          if (res.kind !== 'edits') continue;
          edited++;
          const after = applyEdits(text, res.edits);
          assert.ok(errorCount(kind, after) <= errorsBefore, `${t.id} on ${rel} adds a parse error`);
          if (text.includes('\r\n')) assert.ok(!/(^|[^\r])\n/.test(after), `${t.id} on ${rel}: bare LF in a CRLF file`);
          // Nothing removed: as many lines or more, and replacements only where a value changes.
          assert.ok(after.split('\n').length >= text.split('\n').length, `${t.id} on ${rel} lost lines`);
          for (const e of res.edits) {
            if (e.range.start.line === e.range.end.line && e.range.start.character === e.range.end.character) continue;
            assert.equal(e.range.start.line, e.range.end.line, `${t.id} on ${rel}: a replacement spans lines`);
          }
        }
      }
    }
    assert.ok(edited > 100, `${edited} edits`);
    assert.ok(refused > 0, 'some structures are refused (flow style, broken files)');
  });
});
