// `dsomm scan` through main() with a capturing io (all formats, options, exit codes), a SARIF
// structure check against the essential SARIF 2.1.0 requirements, and one run of dist/cli.js.
import * as assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { EXIT, Io, main } from '../../src/cli/main';
import { DEMO, REPO_ROOT } from './scanHelpers';

const DIST_CLI = path.join(REPO_ROOT, 'dist/cli.js');
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
const STATUSES = new Set(['detected', 'partial', 'missing', 'unknown', 'not-applicable', 'done', 'in-progress']);
const RESULTS = new Set(['pass', 'partial', 'fail', 'not-applicable']);

interface Run {
  code: number;
  out: string;
  err: string;
  errLines: string[];
}

async function run(...argv: string[]): Promise<Run> {
  const out: string[] = [];
  const err: string[] = [];
  const io: Io = { out: (t) => out.push(t), err: (t) => err.push(t) };
  const code = await main(argv, io);
  return { code, out: out.join('\n'), err: err.join('\n'), errLines: err.flatMap((e) => e.split('\n')) };
}

/* eslint-disable @typescript-eslint/no-explicit-any */
type Json = any;

/** The essential structure SARIF 2.1.0 requires (and GitHub code scanning relies on); returns the violations. */
function sarifProblems(log: Json, root: string): string[] {
  const bad: string[] = [];
  const isObj = (x: unknown) => typeof x === 'object' && x !== null && !Array.isArray(x);
  const posInt = (x: unknown) => Number.isInteger(x) && (x as number) >= 1;
  const message = (m: Json, where: string) => {
    if (!isObj(m) || typeof m.text !== 'string' || !m.text.trim()) bad.push(`${where}: message.text must be a non-empty string`);
  };
  if (!isObj(log)) return ['the log must be an object'];
  if (log.version !== '2.1.0') bad.push('version must be "2.1.0"');
  if (log.$schema !== undefined && (typeof log.$schema !== 'string' || !/^https:\/\/.+sarif.*2\.1\.0.*\.json$/.test(log.$schema))) bad.push('$schema must name the SARIF 2.1.0 schema');
  if (!Array.isArray(log.runs) || log.runs.length === 0) return [...bad, 'runs must be a non-empty array'];
  log.runs.forEach((r: Json, ri: number) => {
    const driver = r?.tool?.driver;
    if (!isObj(driver)) return bad.push(`runs[${ri}].tool.driver is required`);
    if (typeof driver.name !== 'string' || !driver.name) bad.push(`runs[${ri}].tool.driver.name is required`);
    if (driver.version !== undefined && typeof driver.version !== 'string') bad.push('driver.version must be a string');
    if (driver.informationUri !== undefined && !/^https?:\/\//.test(driver.informationUri)) bad.push('driver.informationUri must be an absolute URI');
    const rules: Json[] = driver.rules ?? [];
    if (!Array.isArray(rules)) return bad.push('driver.rules must be an array');
    const ids = new Set<string>();
    rules.forEach((rule, i) => {
      const where = `rules[${i}]`;
      if (typeof rule?.id !== 'string' || !rule.id) bad.push(`${where}.id is required`);
      if (ids.has(rule.id)) bad.push(`${where}.id ${rule.id} is not unique`);
      ids.add(rule.id);
      for (const k of ['shortDescription', 'fullDescription', 'help']) if (rule[k] !== undefined) message(rule[k], `${where}.${k}`);
      if (rule.helpUri !== undefined && !/^https?:\/\/\S+$/.test(rule.helpUri)) bad.push(`${where}.helpUri must be an absolute URI`);
      if (rule.properties !== undefined && !isObj(rule.properties)) bad.push(`${where}.properties must be an object`);
      if (rule.properties?.tags !== undefined && !(Array.isArray(rule.properties.tags) && rule.properties.tags.every((t: unknown) => typeof t === 'string'))) bad.push(`${where}.properties.tags must be strings`);
    });
    if (!Array.isArray(r.results)) return bad.push(`runs[${ri}].results must be an array`);
    r.results.forEach((res: Json, i: number) => {
      const where = `results[${i}]`;
      message(res.message, where);
      if (typeof res.ruleId !== 'string' || !ids.has(res.ruleId)) bad.push(`${where}.ruleId ${res.ruleId} must name a rule of the driver`);
      if (res.level !== undefined && !['none', 'note', 'warning', 'error'].includes(res.level)) bad.push(`${where}.level ${res.level} is not a SARIF level`);
      if (res.partialFingerprints !== undefined && !(isObj(res.partialFingerprints) && Object.values(res.partialFingerprints).every((v) => typeof v === 'string'))) bad.push(`${where}.partialFingerprints must map to strings`);
      if (!Array.isArray(res.locations)) return bad.push(`${where}.locations must be an array`);
      res.locations.forEach((loc: Json, li: number) => {
        const w = `${where}.locations[${li}]`;
        const art = loc?.physicalLocation?.artifactLocation;
        if (!isObj(art) || typeof art.uri !== 'string' || !art.uri) return bad.push(`${w}: physicalLocation.artifactLocation.uri is required`);
        if (/^[a-z][a-z0-9+.-]*:/i.test(art.uri) || art.uri.startsWith('/') || art.uri.includes('\\')) bad.push(`${w}: uri ${art.uri} must be a relative reference with '/'`);
        if (art.uriBaseId !== undefined && typeof art.uriBaseId !== 'string') bad.push(`${w}: uriBaseId must be a string`);
        if (!existsSync(path.join(root, decodeURIComponent(art.uri)))) bad.push(`${w}: ${art.uri} does not exist under the root`);
        const reg = loc.physicalLocation.region;
        if (reg === undefined) return;
        if (!posInt(reg.startLine)) bad.push(`${w}: region.startLine must be an integer ≥ 1`);
        if (reg.startColumn !== undefined && !posInt(reg.startColumn)) bad.push(`${w}: region.startColumn must be an integer ≥ 1`);
        if (reg.endLine !== undefined && !(posInt(reg.endLine) && reg.endLine >= reg.startLine)) bad.push(`${w}: region.endLine must be ≥ startLine`);
        if (reg.endColumn !== undefined && !posInt(reg.endColumn)) bad.push(`${w}: region.endColumn must be an integer ≥ 1`);
        if ((reg.endLine ?? reg.startLine) === reg.startLine && reg.endColumn !== undefined && reg.endColumn < (reg.startColumn ?? 1)) bad.push(`${w}: region.endColumn must be ≥ startColumn on one line`);
      });
    });
  });
  return bad;
}

describe('dsomm scan (CLI)', function () {
  this.timeout(60_000);
  let json: Json;

  before(async () => {
    const r = await run('scan', DEMO, '--format', 'json');
    assert.equal(r.code, EXIT.ok, r.err);
    json = JSON.parse(r.out);
  });

  describe('--format json', () => {
    it('has the documented top-level shape', () => {
      assert.equal(json.schemaVersion, 1);
      assert.equal(json.root, DEMO);
      assert.deepEqual(json.model, { version: '4.3.1', source: 'bundled', activityCount: 194 });
      for (const k of ['files', 'probes', 'activities', 'external']) assert.ok(Array.isArray(json[k]), k);
    });

    it('files: path and kind, error only when there is one', () => {
      assert.equal(json.files.length, 38);
      for (const f of json.files) {
        assert.equal(typeof f.path, 'string');
        assert.equal(typeof f.kind, 'string');
        assert.ok(!('error' in f), `${f.path} has no problem`);
      }
      assert.ok(json.files.some((f: Json) => f.path === '.github/workflows/ci.yml' && f.kind === 'github-workflow'));
    });

    it('probes: id, result, evidence with path, line and text; notes only when there are some', () => {
      for (const p of json.probes) {
        assert.equal(typeof p.id, 'string');
        assert.ok(RESULTS.has(p.result), `${p.id}: ${p.result}`);
        for (const e of p.evidence) {
          assert.ok(typeof e.path === 'string' && Number.isInteger(e.line) && e.line >= 1 && typeof e.text === 'string', JSON.stringify(e));
          assert.ok(existsSync(path.join(DEMO, e.path)), `${p.id} cites ${e.path}, which exists`);
        }
        if ('notes' in p) assert.ok(Array.isArray(p.notes) && p.notes.length > 0);
      }
      const sast = json.probes.find((p: Json) => p.id === 'sast');
      assert.equal(sast.result, 'pass');
      assert.ok(sast.evidence.some((e: Json) => e.path === 'scripts/ci/security-scan.sh' && e.line === 14 && e.text.startsWith('semgrep scan --config auto')));
    });

    it('activities: every model activity with uuid, name, dimension, subdimension, level, status, evidence, probes', () => {
      assert.equal(json.activities.length, 194);
      assert.equal(new Set(json.activities.map((a: Json) => a.uuid)).size, 194);
      for (const a of json.activities) {
        assert.match(a.uuid, /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(-[a-z]+)?$/);
        assert.ok(a.name && DIMENSIONS.includes(a.dimension) && typeof a.subdimension === 'string', a.uuid);
        assert.ok([1, 2, 3, 4, 5].includes(a.level));
        assert.ok(STATUSES.has(a.status), a.status);
        assert.ok(Array.isArray(a.evidence) && Array.isArray(a.probes));
        if (a.status === 'detected') assert.ok(a.evidence.length > 0, `${a.name} is detected with evidence`);
      }
      const sbom = json.activities.find((a: Json) => a.name === 'SBOM of components');
      assert.deepEqual([sbom.status, sbom.probes], ['missing', ['sbom']]);
    });

    it('external: the two CircleCI orbs, with the file and line', () => {
      assert.deepEqual(json.external, [
        { kind: 'orb', ref: 'circleci/node@5.2.0', from: '.circleci/config.yml', line: 4 },
        { kind: 'orb', ref: 'snyk/snyk@2.1.0', from: '.circleci/config.yml', line: 5 },
      ]);
    });
  });

  describe('--format text', () => {
    it('is grouped by dimension, with the summary line and the level summary', async () => {
      const r = await run('scan', DEMO, '--format', 'text');
      assert.equal(r.code, EXIT.ok, r.err);
      assert.equal(r.err, '');
      const lines = r.out.split('\n');
      assert.equal(lines[0], `DSOMM scan of ${DEMO} (model 4.3.1, 194 activities)`);
      assert.equal(lines[1], '38 pipeline/container/repository files indexed');
      assert.match(r.out, /^Achieved DSOMM level: 0$/m);
      assert.match(r.out, /^ {2}Level 1: \d+\/\d+ achieved, \d+ need a human decision$/m);
      // One header per dimension, and under it exactly that dimension's activities.
      const headers = lines.map((l, i) => ({ l, i })).filter(({ l }) => DIMENSIONS.some((d) => l.startsWith(d + '  (')));
      assert.deepEqual(headers.map(({ l }) => l.replace(/ {2}\(.*$/, '')).sort(), [...DIMENSIONS].sort());
      for (const [k, { l, i }] of headers.entries()) {
        const dim = l.replace(/ {2}\(.*$/, '');
        const end = k + 1 < headers.length ? headers[k + 1].i : lines.findIndex((x, j) => j > i && x === '');
        const activityLines = lines.slice(i + 1, end === -1 ? undefined : end).filter((x) => /^ {2}\S L\d /.test(x));
        const want = json.activities.filter((a: Json) => a.dimension === dim);
        assert.equal(activityLines.length, want.length, dim);
        const achieved = want.filter((a: Json) => ['detected', 'done', 'not-applicable'].includes(a.status)).length;
        assert.equal(l, `${dim}  (${achieved}/${want.length})`);
        for (const a of want) assert.ok(activityLines.some((x) => x.includes(` L${a.level} ${a.name} — `)), `${a.name} under ${dim}`);
      }
      assert.match(r.out, /^External references \(cannot be read offline, not counted\):\n {2}\.circleci\/config\.yml:4 {2}orb circleci\/node@5\.2\.0$/m);
    });

    it('--level 1 shows level-1 activities only', async () => {
      const r = await run('scan', DEMO, '--level', '1');
      assert.equal(r.code, EXIT.ok, r.err);
      const activityLines = r.out.split('\n').filter((x) => /^ {2}\S L\d /.test(x));
      assert.equal(activityLines.length, json.activities.filter((a: Json) => a.level === 1).length);
      assert.ok(activityLines.every((x) => / L1 /.test(x)));
      assert.match(r.out, /^Achieved DSOMM level: 0 \(target 1\)$/m);
      assert.doesNotMatch(r.out, /^ {2}Level 2:/m);
    });
  });

  describe('--format markdown', () => {
    it('has the level table and one section per dimension with escaped cells', async () => {
      const r = await run('scan', DEMO, '--format', 'markdown');
      assert.equal(r.code, EXIT.ok, r.err);
      assert.match(r.out, /^# DSOMM assessment\n\nModel 4\\\.3\\\.1 · 194 activities · \*\*achieved level 0\*\*\n/);
      assert.match(r.out, /^\| Level \| Achieved \| Need a decision \|$/m);
      for (const d of DIMENSIONS) assert.match(r.out, new RegExp(`^## ${d}\\n\\n\\| Level \\| Activity \\| Status \\| Evidence \\|$`, 'm'));
      const rows = r.out.split('\n').filter((l) => /^\| [1-5] \| /.test(l) && l.split(' | ').length === 4);
      assert.equal(rows.length, 194);
      for (const row of rows) assert.equal(row.replace(/\\\|/g, '').split('|').length, 6, `4 cells: ${row}`);
    });

    it('--level 2 keeps levels 1 and 2', async () => {
      const r = await run('scan', DEMO, '--format', 'markdown', '--level', '2');
      const rows = r.out.split('\n').filter((l) => /^\| [1-5] \| /.test(l) && l.split(' | ').length === 4);
      assert.equal(rows.length, json.activities.filter((a: Json) => a.level <= 2).length);
      assert.ok(rows.every((l) => /^\| [12] \| /.test(l)));
    });
  });

  describe('--format html', () => {
    /** Every table's columns: header and cell texts (tags stripped). */
    const tables = (html: string) => [...html.matchAll(/<table>([\s\S]*?)<\/table>/g)].map((m) => {
      const text = (x: string) => x.replace(/<[^>]+>|&nbsp;/g, '').replace(/^[–\s]+$/, '').trim();
      const heads = [...m[1].split('</thead>')[0].matchAll(/<th[^>]*>([\s\S]*?)<\/th>/g)].map((c) => text(c[1]));
      const rows = [...(m[1].split('<tbody>')[1] ?? '').matchAll(/<tr>([\s\S]*?)<\/tr>/g)].map((r) => [...r[1].matchAll(/<t[dh][^>]*>([\s\S]*?)<\/t[dh]>/g)].map((c) => text(c[1])));
      return { heads, rows };
    });

    it('names the folder, not its absolute path, and has no column that is empty in every row', async () => {
      const r = await run('scan', DEMO, '--format', 'html');
      assert.equal(r.code, EXIT.ok, r.err);
      assert.ok(!r.out.includes(path.resolve(DEMO)), 'the local absolute path is in the report');
      assert.match(r.out, /<p class="muted">demo-workspace · model /);
      const all = tables(r.out);
      assert.ok(all.length >= 6);
      for (const t of all) {
        t.heads.forEach((head, i) => {
          assert.ok(t.rows.every((row) => row.length === t.heads.length), `${head}: rows and header differ in length`);
          assert.ok(t.rows.some((row) => row[i] !== ''), `the column "${head}" is empty in every row`);
        });
      }
      assert.ok(!all.some((t) => t.heads.includes('Team decision')), 'no decisions in the demo: no decision column');
    });

    it('shows the team decision column once the team decided something', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-html-'));
      try {
        const progress = path.join(dir, 'progress.yaml');
        writeFileSync(progress, 'progress:\n  f6f7737f-25a9-4317-8de2-09bf59f29b5b:\n    demo:\n      Fully implemented: 2026-01-01\n');
        const r = await run('scan', DEMO, '--format', 'html', '--progress', progress, '--team', 'demo');
        assert.equal(r.code, EXIT.ok, r.err);
        const build = tables(r.out).find((t) => t.rows.some((row) => row.includes('Defined build process')));
        assert.ok(build?.heads.includes('Team decision'), JSON.stringify(build?.heads));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });

  describe('--format sarif', () => {
    let sarif: Json;
    before(async () => {
      const r = await run('scan', DEMO, '--format', 'sarif');
      assert.equal(r.code, EXIT.ok, r.err);
      sarif = JSON.parse(r.out);
    });

    it('meets the essential SARIF 2.1.0 requirements', () => {
      assert.deepEqual(sarifProblems(sarif, DEMO), []);
    });

    it('the checker rejects broken logs (it can fail)', () => {
      const broken = JSON.parse(JSON.stringify(sarif));
      broken.version = '2.0.0';
      broken.runs[0].results[0].ruleId = 'no-such-rule';
      broken.runs[0].results[1].locations = [{ physicalLocation: { artifactLocation: { uri: '/abs/path' }, region: { startLine: 0 } } }];
      delete broken.runs[0].tool.driver.name;
      const problems = sarifProblems(broken, DEMO);
      for (const want of ['version', 'ruleId no-such-rule', 'relative reference', 'startLine', 'driver.name']) assert.ok(problems.some((p) => p.includes(want)), want);
    });

    it('one result per missing activity and per finding, with rules for each', () => {
      const run0 = sarif.runs[0];
      assert.equal(run0.tool.driver.name, 'dsomm');
      const missing = json.activities.filter((a: Json) => a.status === 'missing');
      const findings = run0.results.filter((x: Json) => x.partialFingerprints?.dsommFinding);
      assert.equal(run0.results.length - findings.length, missing.length);
      const byRule = (id: string) => run0.results.filter((x: Json) => x.ruleId === id);
      const sbom = json.activities.find((a: Json) => a.name === 'SBOM of components');
      assert.equal(byRule(`DSOMM-${sbom.uuid}`).length, 1);
      const weak = run0.results.find((x: Json) => x.ruleId === 'DSOMM-image-scan/scanner-cannot-fail' && x.locations[0].physicalLocation.artifactLocation.uri === '.github/workflows/ci.yml');
      assert.equal(weak?.level, 'warning');
      assert.equal(weak.locations[0].physicalLocation.region.startLine, 79);
    });

    it('missing activities sit on the main pipeline, as in the editor: the GitLab build, not a GitHub labeler beside it', async () => {
      const dir = mkdtempSync(path.join(tmpdir(), 'dsomm-sarif-main-'));
      try {
        mkdirSync(path.join(dir, '.github/workflows'), { recursive: true });
        writeFileSync(path.join(dir, '.github/workflows/labeler.yml'), 'on: pull_request_target\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/labeler@v5\n');
        writeFileSync(path.join(dir, '.gitlab-ci.yml'), 'build:\n  script: [make build]\nunit:\n  script: [go test ./...]\n');
        const r = await run('scan', dir, '--format', 'sarif');
        assert.equal(r.code, EXIT.ok, r.err);
        const results = JSON.parse(r.out).runs[0].results.filter((x: Json) => x.partialFingerprints?.dsommActivity);
        assert.ok(results.length > 0);
        assert.deepEqual([...new Set(results.map((x: Json) => x.locations[0].physicalLocation.artifactLocation.uri))], ['.gitlab-ci.yml']);
        // The demo keeps its GitHub CI workflow.
        const demo = sarif.runs[0].results.filter((x: Json) => x.partialFingerprints?.dsommActivity);
        assert.deepEqual([...new Set(demo.map((x: Json) => x.locations[0].physicalLocation.artifactLocation.uri))], ['.github/workflows/ci.yml']);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });

    it('--level 1 keeps only level-1 missing activities (findings stay)', async () => {
      const r = await run('scan', DEMO, '--format', 'sarif', '--level', '1');
      const log = JSON.parse(r.out);
      assert.deepEqual(sarifProblems(log, DEMO), []);
      const activityRules = log.runs[0].tool.driver.rules.filter((x: Json) => x.properties?.level !== undefined);
      assert.ok(activityRules.length >= 1);
      assert.ok(activityRules.every((x: Json) => x.properties.level === 1));
      assert.equal(log.runs[0].results.filter((x: Json) => x.partialFingerprints?.dsommFinding).length, sarif.runs[0].results.filter((x: Json) => x.partialFingerprints?.dsommFinding).length);
    });
  });

  describe('options and exit codes', () => {
    let tmp: string;
    beforeEach(() => (tmp = mkdtempSync(path.join(tmpdir(), 'dsomm-cli-'))));
    afterEach(() => rmSync(tmp, { recursive: true, force: true }));

    it('--fail-under 1 on the demo: exit 1, the report still printed, one stderr line saying why', async () => {
      const r = await run('scan', DEMO, '--fail-under', '1', '--format', 'json');
      assert.equal(r.code, EXIT.belowThreshold);
      assert.equal(JSON.parse(r.out).summary.achievedLevel, 0);
      assert.deepEqual(r.errLines, ['dsomm: achieved level 0 is under the required level 1']);
    });

    it('--output FILE writes the report there and nothing to stdout', async () => {
      const file = path.join(tmp, 'report.json');
      const r = await run('scan', DEMO, '--format', 'json', '--output', file);
      assert.equal(r.code, EXIT.ok, r.err);
      assert.equal(r.out, '');
      const written = readFileSync(file, 'utf8');
      assert.ok(written.endsWith('}\n'));
      assert.deepEqual(JSON.parse(written), json);
    });

    it('--output into a missing folder: exit 3 and one line', async () => {
      const r = await run('scan', DEMO, '--output', path.join(tmp, 'no/such/dir/report.txt'));
      assert.equal(r.code, EXIT.badInput);
      assert.equal(r.errLines.length, 1);
      assert.match(r.errLines[0], /^dsomm: cannot write .*report\.txt: ENOENT$/);
    });

    it('parse errors: printed for files in scope, not for out-of-scope test-data files (still in the JSON files)', async () => {
      const dir = path.join(tmp, 'out-of-scope');
      const broken = 'apiVersion: v1\nkind: Pod\nmetadata: {name: x\n  bad: [\n';
      for (const [file, text] of [
        ['.github/workflows/ci.yml', 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n'],
        ['deploy/pod.yaml', broken],
        ['test/data/pod.yaml', broken],
        ['examples/broken/pod.yaml', broken],
      ]) {
        mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
        writeFileSync(path.join(dir, file), text);
      }
      const text = await run('scan', dir);
      assert.ok(text.errLines.length > 0 && text.errLines.every((l) => l.startsWith('dsomm: deploy/pod.yaml:')), text.err);
      const json = await run('scan', dir, '--format', 'json');
      const files = JSON.parse(json.out).files as { path: string; outOfScope?: boolean; error?: string }[];
      for (const p of ['test/data/pod.yaml', 'examples/broken/pod.yaml']) {
        const f = files.find((x) => x.path === p);
        assert.ok(f?.outOfScope && f.error, `${p} is listed out of scope with its error: ${JSON.stringify(f)}`);
      }
      assert.ok(json.errLines.every((l) => !/test\/data|examples/.test(l)), json.err);
    });

    it('a folder that does not exist: exit 3 and one clear stderr line', async () => {
      const missing = path.join(tmp, 'nope');
      const r = await run('scan', missing);
      assert.equal(r.code, EXIT.badInput);
      assert.equal(r.out, '');
      assert.deepEqual(r.errLines, [`dsomm: no such folder: ${missing}`]);
    });

    it('a file instead of a folder: exit 3', async () => {
      const r = await run('scan', path.join(DEMO, 'Makefile'));
      assert.equal(r.code, EXIT.badInput);
      assert.match(r.errLines[0], /^dsomm: not a folder: /);
    });

    it('a bad --format: exit 2 (usage)', async () => {
      const r = await run('scan', DEMO, '--format', 'xml');
      assert.equal(r.code, EXIT.usage);
      assert.deepEqual(r.errLines, ['dsomm: --format must be text, json, markdown, html or sarif']);
    });

    it('a bad --level or --fail-under: exit 2', async () => {
      assert.equal((await run('scan', DEMO, '--level', '6')).code, EXIT.usage);
      assert.equal((await run('scan', DEMO, '--fail-under', 'x')).code, EXIT.usage);
    });

    it('a broken --model: exit 4 naming the file and line', async () => {
      const bad = path.join(REPO_ROOT, 'test/fixtures/models/broken/tabs.yaml');
      const r = await run('scan', DEMO, '--model', bad);
      assert.equal(r.code, EXIT.badModel);
      assert.equal(r.out, '');
      assert.equal(r.errLines.length, 1);
      assert.match(r.errLines[0], /^dsomm: invalid model: .*tabs\.yaml:\d+/);
    });

    it('container files in test and fixture folders: left out of container checks unless --include-test-folders', async () => {
      writeFileSync(path.join(tmp, 'Dockerfile'), 'FROM alpine:3.20\nUSER 1000\n');
      mkdirSync(path.join(tmp, 'test/fixtures/app'), { recursive: true });
      writeFileSync(path.join(tmp, 'test/fixtures/app/Dockerfile'), 'FROM alpine:3.20\nRUN echo root\n');
      const nonRoot = (j: Json) => j.probes.find((p: Json) => p.id === 'container.non-root');
      const fixture = (j: Json) => j.files.find((f: Json) => f.path === 'test/fixtures/app/Dockerfile');

      const byDefault = JSON.parse((await run('scan', tmp, '--format', 'json')).out);
      assert.equal(nonRoot(byDefault).result, 'pass');
      assert.equal(fixture(byDefault).outOfScope, true, 'listed, marked out of scope');

      const included = await run('scan', tmp, '--format', 'json', '--include-test-folders');
      assert.equal(included.code, EXIT.ok);
      const j = JSON.parse(included.out);
      assert.equal(nonRoot(j).result, 'partial', 'the fixture Dockerfile runs as root and now counts');
      assert.equal(fixture(j).outOfScope, undefined);

      assert.equal((await run('scan', tmp, '--include-test-folders=yes')).code, EXIT.usage);
    });

    it('one broken YAML workflow next to a good one: the report is intact, the broken file is listed with its line, exit 0', async () => {
      mkdirSync(path.join(tmp, '.github/workflows'), { recursive: true });
      writeFileSync(path.join(tmp, '.github/workflows/good.yml'), 'on: [push]\npermissions:\n  contents: read\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect --source .\n');
      writeFileSync(path.join(tmp, '.github/workflows/broken.yml'), 'on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: semgrep scan\n     - run: echo misindented\n      - run: echo ok\n');
      const r = await run('scan', tmp, '--format', 'json');
      assert.equal(r.code, EXIT.ok, r.err);
      const report = JSON.parse(r.out);
      const broken = report.files.find((f: Json) => f.path === '.github/workflows/broken.yml');
      assert.equal(broken.kind, 'github-workflow');
      assert.match(broken.error, /^line 7: /);
      assert.ok(!('error' in report.files.find((f: Json) => f.path === '.github/workflows/good.yml')));
      const probe = (id: string) => report.probes.find((p: Json) => p.id === id);
      assert.deepEqual(probe('secret-scan').evidence.map((e: Json) => `${e.path}:${e.line}`), ['.github/workflows/good.yml:8']);
      // GitHub would not run the broken workflow: its semgrep does not count, and a note says why.
      assert.equal(probe('sast').result, 'fail');
      assert.ok(probe('sast').notes.some((n: string) => n.startsWith('Semgrep at .github/workflows/broken.yml:6 not counted: the pipeline would not run')));
      assert.equal(report.activities.length, 194);
      assert.match(r.errLines[0], /^dsomm: \.github\/workflows\/broken\.yml:7: /);
      assert.ok(r.errLines.every((l) => l.startsWith('dsomm: .github/workflows/broken.yml:')), r.err);

      const text = await run('scan', tmp);
      assert.equal(text.code, EXIT.ok);
      assert.match(text.out, /^Files with problems:\n {2}\.github\/workflows\/broken\.yml:7: /m);
      assert.match(text.out, /^2 pipeline\/container\/repository files indexed, 1 with problems$/m);
    });
  });

  describe('dist/cli.js', () => {
    before(function () {
      this.timeout(120_000);
      const newest = (dir: string): number =>
        readdirSync(dir, { withFileTypes: true }).reduce((m, e) => Math.max(m, e.isDirectory() ? newest(path.join(dir, e.name)) : statSync(path.join(dir, e.name)).mtimeMs), 0);
      const stale = !existsSync(DIST_CLI) || statSync(DIST_CLI).mtimeMs < Math.max(newest(path.join(REPO_ROOT, 'src')), statSync(path.join(REPO_ROOT, 'model/probes.yaml')).mtimeMs);
      if (stale) execFileSync(process.execPath, ['esbuild.js'], { cwd: REPO_ROOT, stdio: 'pipe', timeout: 110_000 });
    });

    it('runs as a child process: same JSON as in-process, exit 1 under --fail-under with the reason on stderr', () => {
      const r = spawnSync(process.execPath, [DIST_CLI, 'scan', DEMO, '--format', 'json', '--fail-under', '1'], { cwd: REPO_ROOT, encoding: 'utf8', timeout: 60_000 });
      assert.equal(r.status, EXIT.belowThreshold, r.stderr);
      assert.equal(r.stderr, 'dsomm: achieved level 0 is under the required level 1\n');
      assert.deepEqual(JSON.parse(r.stdout), json);
    });
  });
});
