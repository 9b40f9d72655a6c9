// Files the scan was told to use but could not use in full (a broken `.dsomm/tools.yaml`, a model
// file whose activities were skipped): `dsomm scan` names them on stderr AND in every report format,
// beside the files with problems, and the scan goes on. Also: housekeeping blocks are marked in the
// JSON report's `external` and listed apart in the text report.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, Io, main } from '../../src/cli/main';
import { parseModel } from '../../src/core/model/loader';
import { inputProblemText, modelInputProblems } from '../../src/core/reports/inputProblems';
import { REPO_ROOT } from './scanHelpers';

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

async function scan(dir: string, ...more: string[]): Promise<{ code: number; out: string; err: string }> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(['scan', dir, ...more], io);
  return { code, out: out.join('\n'), err: err.join('\n') };
}

const LEGACY_MODEL = path.join(REPO_ROOT, 'test/fixtures/models/legacy-generated.yaml');
const BROKEN_TOOLS = 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sac]\n';

describe('input problems: configuration the scan could not use is in every report', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsomm-input-problems-'));
    mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
    writeFileSync(
      path.join(dir, '.github/workflows/ci.yml'),
      'on: push\njobs:\n  stale:\n    uses: apache/maven-gh-actions-shared/.github/workflows/stale.yml@v4\n  org:\n    uses: acme/pipelines/.github/workflows/org-checks.yml@v2\n',
    );
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('a broken tools file: stderr, and the JSON report lists it in "problems" with line and severity', async () => {
    const fine = await scan(dir, '--format', 'json');
    assert.deepEqual((JSON.parse(fine.out)).problems, [], 'always present, empty when everything loaded');
    mkdirSync(path.join(dir, '.dsomm'));
    writeFileSync(path.join(dir, '.dsomm/tools.yaml'), BROKEN_TOOLS);
    const r = await scan(dir, '--format', 'json');
    assert.equal(r.code, EXIT.ok, 'the scan goes on');
    assert.match(r.err, /^dsomm: \.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac".*not used until it is fixed$/m);
    const json = JSON.parse(r.out);
    assert.equal(json.problems.length, 1);
    assert.deepEqual({ ...json.problems[0], message: undefined }, { path: '.dsomm/tools.yaml', line: 4, severity: 'error', message: undefined });
    assert.match(json.problems[0].message, /runs unknown probe "sac" .*; the declared blocks and commands are not used until it is fixed/);
  });

  it('a broken tools file is listed under "Files with problems" in text, Markdown and HTML, and as a SARIF configuration notification', async () => {
    mkdirSync(path.join(dir, '.dsomm'));
    writeFileSync(path.join(dir, '.dsomm/tools.yaml'), BROKEN_TOOLS);
    const text = (await scan(dir)).out;
    assert.match(text, /Files with problems:\n {2}\.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac"/);
    const markdown = (await scan(dir, '--format', 'markdown')).out;
    assert.match(markdown, /## Files with problems\n\n- `\.dsomm\/tools\.yaml:4`: block .* runs unknown probe/);
    const html = (await scan(dir, '--format', 'html')).out;
    assert.match(html, /<h2>Files with problems<\/h2>\n<ul>\n<li><code>\.dsomm\/tools\.yaml:4<\/code> block .* runs unknown probe &quot;sac&quot;/);
    const sarif = JSON.parse((await scan(dir, '--format', 'sarif')).out);
    const notes = sarif.runs[0].invocations[0].toolConfigurationNotifications as Json[];
    assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
    assert.equal(notes.length, 1);
    assert.equal(notes[0].level, 'error');
    assert.deepEqual(notes[0].locations[0].physicalLocation, { artifactLocation: { uri: '.dsomm/tools.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
    const clean = JSON.parse((await scan(path.join(dir, '.github'), '--format', 'sarif')).out);
    assert.equal(clean.runs[0].invocations, undefined, 'no invocation block when nothing went wrong');
  });

  it('a --model file whose activities were skipped: each warning on stderr and in the reports, with the absolute path and line', async () => {
    const model = parseModel(readFileSync(LEGACY_MODEL, 'utf8'), LEGACY_MODEL);
    const expected = modelInputProblems(model, LEGACY_MODEL);
    assert.ok(expected.length > 0, 'the fixture has load warnings');
    const r = await scan(dir, '--format', 'json', '--model', LEGACY_MODEL);
    assert.equal(r.code, EXIT.ok);
    for (const p of expected) assert.ok(r.err.includes(`dsomm: warning: ${inputProblemText(p)}`), `stderr names ${inputProblemText(p)}`);
    const json = JSON.parse(r.out);
    assert.deepEqual(json.problems, expected.map((p) => ({ path: LEGACY_MODEL, ...(p.line ? { line: p.line } : {}), severity: 'warning', message: p.message })));
    const sarif = JSON.parse((await scan(dir, '--format', 'sarif', '--model', LEGACY_MODEL)).out);
    const uri = sarif.runs[0].invocations[0].toolConfigurationNotifications[0].locations[0].physicalLocation.artifactLocation;
    assert.match(uri.uri, /^file:\/\/\/.*legacy-generated\.yaml$/);
    assert.equal(uri.uriBaseId, undefined);
  });

  it('the bundled model loads without warnings: nothing is reported for it', async () => {
    const r = await scan(dir, '--format', 'json');
    assert.deepEqual((JSON.parse(r.out)).problems, []);
    assert.doesNotMatch(r.err, /warning/);
  });

  it('a housekeeping block is marked in the JSON report and listed apart from unread references in the text report', async () => {
    const json = JSON.parse((await scan(dir, '--format', 'json')).out);
    const stale = json.external.find((x: Json) => x.ref.includes('stale.yml'));
    const org = json.external.find((x: Json) => x.ref.includes('org-checks.yml'));
    assert.equal(stale.housekeeping, 'Stale issue and pull request closer');
    assert.equal(org.housekeeping, undefined);
    const text = (await scan(dir)).out;
    const unread = text.slice(text.indexOf('External references'));
    assert.match(unread, /^External references \(cannot be read offline, not counted\):\n {2}\.github\/workflows\/ci\.yml:6 {2}reusable-workflow acme\/pipelines/);
    assert.doesNotMatch(unread.split('\n\n')[0], /stale\.yml/, 'a housekeeping block is no unread reference');
    assert.match(text, /Housekeeping blocks \(known to run no security check\):\n {2}\.github\/workflows\/ci\.yml:4 {2}reusable-workflow apache\/maven-gh-actions-shared\/\.github\/workflows\/stale\.yml@v4 \(Stale issue and pull request closer\)/);
  });
});
