// Diagnostics on the demo workspace: the weak controls of EXPECTED.md at their exact lines
// (identical ones of a file grouped), one summary of the missing activities per anchor file, links
// to the DSOMM activity pages, fixes per diagnostic, and silencing by `dsomm-ignore` comments and by
// activities marked not applicable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticsFor } from '../../src/core/guidance/diagnostics';
import { computeFix } from '../../src/core/guidance/computeFix';
import { fixesFor } from '../../src/core/guidance/fixes';
import { applyEdits } from '../../src/core/guidance/text';
import { GuidanceDiagnostic } from '../../src/core/guidance/types';
import { ScanResult } from '../../src/core/scan/result';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { bundled, cleanTempWorkspaces, DEMO, scanDir, tempWorkspace } from './guidanceHarness';

interface ExpectedFinding {
  path: string;
  line: number;
  code: string;
  severity: string;
}

function expectedFindings(): ExpectedFinding[] {
  const md = fs.readFileSync(path.join(DEMO, 'EXPECTED.md'), 'utf8');
  const json = /```json\n([\s\S]*?)\n```/.exec(md)![1];
  return JSON.parse(json).findings as ExpectedFinding[];
}

const NON_ROOT = 'a86c1fbc-28fd-4610-89a3-a7f73acfe45f';
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473';

describe('guidance: diagnostics on the demo workspace', function () {
  this.timeout(30_000);
  let index: WorkspaceIndex;
  let result: ScanResult;
  const read = (p: string) => fs.readFileSync(path.join(DEMO, p), 'utf8');
  before(async () => {
    ({ index, result } = await scanDir(DEMO));
  });
  after(() => cleanTempWorkspaces());
  const diagnose = (options: Partial<Parameters<typeof diagnosticsFor>[2]> = {}, r = result) =>
    diagnosticsFor(r, index.all(), { targetLevel: 2, fixes: bundled().fixes, textOf: read, ...options });
  const flat = (m: Map<string, GuidanceDiagnostic[]>) => [...m.values()].flat();

  it('listFixes: false leaves data.fixes out and changes nothing else', () => {
    const withFixes = flat(diagnose());
    const without = flat(diagnose({ listFixes: false }));
    assert.ok(withFixes.some((d) => d.data.fixes?.length));
    assert.ok(without.every((d) => d.data.fixes === undefined));
    assert.deepEqual(without, withFixes.map((d) => ({ ...d, data: (({ fixes, ...rest }) => rest)(d.data) })));
  });

  it("reports EXPECTED.md's weak controls at their exact lines, with their codes and severities", () => {
    const all = flat(diagnose()).filter((d) => d.data.kind === 'finding');
    const expected = expectedFindings();
    assert.ok(expected.length >= 20, `EXPECTED.md lists ${expected.length} findings`);
    // A finding grouped with identical ones of its file is one of its diagnostic's places.
    const at = (d: GuidanceDiagnostic, f: ExpectedFinding) => (d.data.places ?? [d.loc]).some((l) => l.line === f.line);
    const missing = expected
      .filter((f) => !all.some((d) => d.path === f.path && at(d, f) && d.code.value === f.code && d.severity === f.severity))
      .map((f) => `${f.path}:${f.line} ${f.code} (${f.severity})`);
    assert.deepEqual(missing, [], 'each expected finding is a diagnostic at its line');
  });

  it('maps every finding to a diagnostic with a 0-based range, the DSOMM source and its own severity', () => {
    const diags = flat(diagnose()).filter((d) => d.data.kind === 'finding');
    const unique = new Set(result.findings.map((f) => `${f.loc.path}:${f.loc.line}:${f.loc.column}:${f.code}:${f.probe}`));
    assert.equal(diags.reduce((n, d) => n + (d.data.places?.length ?? 1), 0), unique.size, 'every finding once, alone or in a group');
    const groups = new Set(diags.map((d) => `${d.path}:${d.code.value}:${d.data.probes[0]}`));
    assert.equal(groups.size, diags.length, 'identical findings of one file are one diagnostic');
    for (const d of diags) {
      assert.equal(d.source, 'DSOMM');
      assert.equal(d.range.start.line, d.loc.line - 1);
      assert.equal(d.range.start.character, d.loc.column - 1);
      assert.ok(d.severity === 'warning' || d.severity === 'information');
    }
    const perms = diags.find((d) => d.code.value === 'missing-permissions')!;
    assert.equal(perms.path, '.github/workflows/release.yml');
    assert.deepEqual(perms.range.start, { line: 10, character: 0 });
    const root = diags.find((d) => d.code.value === 'root-user' && d.path === 'services/api/Dockerfile')!;
    assert.equal(root.code.target, `https://dsomm.owasp.org/activity-description?uuid=${NON_ROOT}`);
    assert.deepEqual(root.data.fixes, ['dockerfile.non-root-user']);
    assert.deepEqual(diags.find((d) => d.code.value === 'latest-tag')!.data.fixes, ['image.pin-placeholder']);
    for (const d of diags.filter((x) => x.code.value === 'scanner-cannot-fail')) assert.deepEqual(d.data.fixes, ['ci.scanner-must-fail']);
    // Checkout hardening: on the checkout reference itself, not on other actions.
    const checkout = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.loc.line === 25 && d.code.value === 'checkout-persists-credentials')!;
    assert.deepEqual(checkout.data.fixes, ['gha.checkout-persist-credentials', 'gha.checkout-persist-credentials'], 'for all places, and for this one');
    const pinned = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.loc.line === 25 && d.code.value === 'unpinned-first-party-action')!;
    assert.deepEqual(pinned.data.fixes, [], 'the checkout hardening is not offered again on the same line for another finding');
    const buildx = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.loc.line === 71)!;
    assert.deepEqual(buildx.data.fixes, [], 'no invented commit SHA for an unpinned action');
    // release.yml's publish job logs in to ghcr.io with the workflow token: `contents: read` would break it.
    assert.deepEqual(perms.data.fixes, []);
  });

  it('groups identical findings of one file: one diagnostic at the first place, each place in its related information', () => {
    const diags = flat(diagnose()).filter((d) => d.data.kind === 'finding');
    const group = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.code.value === 'checkout-persists-credentials')!;
    const places = result.findings.filter((f) => f.loc.path === group.path && f.code === 'checkout-persists-credentials').map((f) => f.loc.line).sort((a, b) => a - b);
    assert.ok(places.length > 1, `several checkouts in ci.yml: ${places}`);
    assert.deepEqual(group.data.places!.map((l) => l.line), places);
    assert.equal(group.loc.line, places[0]);
    assert.deepEqual(group.related!.map((r) => r.loc.line), places);
    assert.match(group.message, new RegExp(`The same problem on ${places.length - 1} more lines of this file: ${places.slice(1).join(', ')}\\.$`));
    // The fix for all places leads; the one for this place follows.
    const options = fixesFor(bundled().fixes, result, index.get(group.path), group, index.all());
    assert.deepEqual(options.map((o) => [o.title.replace(/^.*: /, ''), o.places?.length, o.preferred]), [[`all ${places.length} places`, places.length, true], ['this place', undefined, false]]);
    const all = computeFix(bundled().fixes, options[0].templateId, index.get(group.path), read(group.path), { files: index.all(), at: group.loc, places: options[0].places });
    assert.equal(all.kind, 'edits');
    if (all.kind === 'edits') assert.equal(applyEdits(read(group.path), all.edits).match(/persist-credentials: false/g)!.length - (read(group.path).match(/persist-credentials: false/g) ?? []).length, places.length);
  });

  it('summarises the missing activities in ONE diagnostic per anchor file (container ones on a container file)', () => {
    const diags = flat(diagnose()).filter((d) => d.data.kind === 'missing-summary');
    assert.ok(diags.length > 0);
    const files = diags.map((d) => d.path);
    assert.equal(new Set(files).size, files.length, 'one summary per file');
    const main = diags.find((d) => d.path === '.github/workflows/ci.yml')!;
    assert.equal(main.loc.line, 16, 'the GitHub workflow with the most jobs, at `jobs:`');
    for (const d of diags) assert.ok(d === main || /Dockerfile|Containerfile|deploy\/k8s\//.test(d.path), d.path);
    const listed = diags.flatMap((d) => d.data.activities!.map((m) => m.uuid));
    assert.equal(new Set(listed).size, listed.length, 'each activity in one summary');
    for (const d of diags) {
      const list = d.data.activities!;
      assert.equal(d.code.value, 'missing-activities');
      assert.equal(d.severity, 'information');
      assert.deepEqual(d.data.pipeline, { path: '.github/workflows/ci.yml', kind: 'github-workflow' });
      for (const m of list) {
        assert.ok(m.level <= 2);
        const a = result.activities.find((x) => x.activity.uuid === m.uuid)!;
        assert.ok(a.status === 'missing' || a.status === 'partial');
        assert.equal(m.status, a.status);
        // The message names each activity; the related information has each one's sentence.
        if (list.length > 1) assert.ok(d.message.includes(`${m.name} (L${m.level}`), `${m.name} in ${d.message}`);
      }
      if (list.length > 1) {
        assert.match(d.message, new RegExp(`^DSOMM levels 1–2: ${list.length} activities are missing or only partly in place`));
        assert.deepEqual(d.related!.map((r) => r.message), list.map((m) => m.message));
        assert.ok(d.related!.every((r) => r.loc.line === d.loc.line && r.loc.path === d.path));
      } else {
        assert.equal(d.message, list[0].message);
        assert.equal(d.code.target, `https://dsomm.owasp.org/activity-description?uuid=${list[0].uuid}`);
      }
      const levels = list.map((m) => m.level);
      assert.deepEqual(levels, [...levels].sort((a, b) => a - b), 'by level');
    }
    const sbom = main.data.activities!.find((m) => m.uuid === SBOM)!;
    assert.deepEqual(sbom.probes, ['sbom']);
    assert.match(sbom.message, /"SBOM of components" is missing: no SBOM generation found\./);
    const options = fixesFor(bundled().fixes, result, index.get(main.path), main);
    assert.deepEqual(options.filter((o) => o.activity === SBOM).map((o) => [o.templateId, o.path, o.dialect, o.kind]), [['sbom.syft', '.github/workflows/ci.yml', 'github-workflow', 'edit']]);
    assert.equal(options.filter((o) => o.preferred).length, 1);
    assert.ok(options[0].preferred);
    // Each activity's best fix (as a diagnostic of that activity alone would offer it) comes before any alternative.
    const bests: string[] = [];
    for (const m of main.data.activities!) {
      const alone = fixesFor(bundled().fixes, result, index.get(main.path), { ...main, data: { ...main.data, kind: 'missing-activity', activity: m.uuid, probes: m.probes } });
      if (alone[0] && !bests.includes(alone[0].templateId)) bests.push(alone[0].templateId);
    }
    assert.ok(bests.length >= 2, `several activities with fixes: ${bests}`);
    assert.deepEqual(options.slice(0, bests.length).map((o) => o.templateId), bests);
    assert.equal(new Set(options.map((o) => `${o.templateId}:${o.path}`)).size, options.length, 'each fix once');
    assert.deepEqual(main.data.fixes, options.map((o) => o.templateId));
    // The demo lints no Dockerfile: the gap sits on a container file, its fix goes into the pipeline.
    const lint = diags.find((d) => d.data.activities!.some((m) => m.probes.includes('dockerfile-lint')));
    assert.ok(lint, 'a dockerfile-lint gap');
    assert.match(lint.path, /Dockerfile|Containerfile/);
    const o = fixesFor(bundled().fixes, result, index.get(lint.path), lint);
    const hadolint = o.find((x) => x.templateId === 'dockerfile-lint.hadolint')!;
    assert.equal(hadolint.path, '.github/workflows/ci.yml', 'the fix goes into the pipeline, not the Dockerfile');
    assert.ok(!flat(diagnose({ targetLevel: 1 })).some((d) => d.data.activities?.some((m) => m.level > 1)));
    const one = flat(diagnose({ targetLevel: 1 })).find((d) => d.path === main.path && d.data.kind === 'missing-summary')!;
    assert.equal(one.data.activities!.length, 1, 'at level 1 the demo misses one pipeline activity');
    assert.equal(one.message, one.data.activities![0].message, 'a summary of one activity is its own sentence');
    assert.equal(one.related, undefined);
  });

  it('a missing activity that findings name at their places is not in the summary a second time', async () => {
    // The root final stage is a finding (with its fix); "Containers are running as non-root" must
    // not be named again in the Dockerfile's summary. Without the finding, the summary names it.
    const dir = tempWorkspace({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: docker build -t app .\n',
      Dockerfile: 'FROM alpine:3.20\nRUN apk add curl\nCMD ["curl", "--version"]\n',
    });
    const scanned = await scanDir(dir);
    const text = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
    const all = [...diagnosticsFor(scanned.result, scanned.index.all(), { targetLevel: 2, textOf: text }).values()].flat();
    const nonRoot = scanned.result.activities.find((a) => a.activity.uuid === NON_ROOT)!;
    assert.equal(nonRoot.status, 'missing');
    assert.ok(all.some((d) => d.code.value === 'root-user' && d.path === 'Dockerfile'), 'the finding names the gap');
    const summaries = all.filter((d) => d.data.kind === 'missing-summary');
    assert.ok(!summaries.some((d) => d.data.activities!.some((m) => m.uuid === NON_ROOT)), JSON.stringify(summaries.map((d) => d.message)));
    // The same result without its findings: the summary is the only place left, and names it.
    const bare = [...diagnosticsFor({ ...scanned.result, findings: [] }, scanned.index.all(), { targetLevel: 2, textOf: text }).values()].flat();
    assert.ok(bare.some((d) => d.data.kind === 'missing-summary' && d.data.activities!.some((m) => m.uuid === NON_ROOT)));
  });

  it('the summary sits on the CI system that does the work, not on a GitHub workflow that only labels pull requests', async () => {
    const labeler = 'on: pull_request_target\njobs:\n  label:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/labeler@v5\n';
    const gitlab = tempWorkspace({
      '.github/workflows/labeler.yml': labeler,
      '.gitlab-ci.yml': 'stages: [build, test]\nbuild:\n  stage: build\n  script: [make build]\nunit:\n  stage: test\n  script: [go test ./...]\nlint:\n  stage: test\n  script: [golangci-lint run]\n',
    });
    // Azure: the pipeline that runs on pull requests, not the release pipeline beside it.
    const azure = tempWorkspace({
      '.github/workflows/labeler.yml': labeler,
      'pipelines/release.yml': 'trigger: none\npr: none\njobs:\n  - job: publish\n    steps:\n      - script: make publish\n',
      'pipelines/pr.yml': 'pr:\n  - main\njobs:\n  - job: build\n    steps:\n      - script: make build\n      - script: go test ./...\n',
    });
    // Equal work: a GitHub workflow on pushes still comes first, as before.
    const github = tempWorkspace({
      '.github/workflows/ci.yml': 'on: push\njobs:\n  test:\n    runs-on: ubuntu-latest\n    steps:\n      - run: go test ./...\n',
      '.gitlab-ci.yml': 'test:\n  script: [go test ./...]\n',
    });
    for (const [dir, expected] of [[gitlab, '.gitlab-ci.yml'], [azure, 'pipelines/pr.yml'], [github, '.github/workflows/ci.yml']] as const) {
      const scanned = await scanDir(dir);
      const text = (p: string) => fs.readFileSync(path.join(dir, p), 'utf8');
      const summaries = [...diagnosticsFor(scanned.result, scanned.index.all(), { targetLevel: 2, textOf: text }).values()].flat().filter((d) => d.data.kind === 'missing-summary');
      assert.deepEqual(summaries.map((d) => d.path), [expected], `${dir}: ${JSON.stringify(summaries.map((d) => d.path))}`);
      assert.equal(summaries[0].data.pipeline?.path, expected);
    }
  });

  it('names checks by their catalogue title when one is given, never by probe id', () => {
    const sentences = (d: GuidanceDiagnostic[]) => d.filter((x) => x.data.kind === 'missing-summary').flatMap((x) => (x.related ?? []).map((r) => r.message).concat(x.message));
    const byId = sentences(flat(diagnose()));
    const withIds = byId.filter((m) => /\(checks: [^)]*\btrust-check\b/.test(m));
    assert.ok(withIds.length > 0, 'the demo has a gap explained by the trust check');
    const titled = sentences(flat(diagnose({ checkTitle: (p) => (p === 'trust-check' ? 'Trust check of used components' : undefined) })));
    assert.ok(titled.some((m) => m.includes('(checks: Trust check of used components')));
    assert.ok(!titled.some((m) => /\(checks: [^)]*\btrust-check\b/.test(m)));
  });

  it('options: severity, and switching either kind off', () => {
    assert.ok(flat(diagnose({ severity: 'hint' })).filter((d) => d.data.kind === 'missing-summary').every((d) => d.severity === 'hint'));
    assert.ok(flat(diagnose({ missing: false })).every((d) => d.data.kind === 'finding'));
    assert.ok(flat(diagnose({ findings: false })).every((d) => d.data.kind === 'missing-summary'));
    assert.ok(flat(diagnose({ fixes: undefined })).every((d) => d.data.fixes === undefined));
  });

  it('`# dsomm-ignore <probe>` on the line or the line above silences matching diagnostics only', () => {
    const base = flat(diagnose());
    const texts: Record<string, string> = {
      // Line 10 of release.yml is blank, just above `jobs:` (line 11).
      '.github/workflows/release.yml': replaceLine(read('.github/workflows/release.yml'), 10, '# dsomm-ignore gha.token-permissions: the release job only reads'),
      // Line 15 of ci.yml is blank, just above `jobs:` (line 16): two activities leave the summary.
      '.github/workflows/ci.yml': replaceLine(read('.github/workflows/ci.yml'), 15, '# dsomm-ignore sbom, dast'),
      // Same line.
      'services/api/Dockerfile': replaceLine(read('services/api/Dockerfile'), 15, 'FROM node:20.11-bookworm-slim # dsomm-ignore root-user'),
    };
    const after = flat(diagnose({ textOf: (p) => texts[p] ?? read(p) }));
    const gone = base.filter((d) => !after.some((x) => x.path === d.path && x.loc.line === d.loc.line && x.code.value === d.code.value));
    assert.deepEqual(gone.map((d) => `${d.path}:${d.loc.line} ${d.code.value}`).sort(), [
      '.github/workflows/release.yml:11 missing-permissions',
      'services/api/Dockerfile:15 root-user',
    ]);
    const names = (list: GuidanceDiagnostic[]) => list.find((d) => d.path === '.github/workflows/ci.yml' && d.data.kind === 'missing-summary')!.data.activities!.map((m) => m.name);
    const left = names(base).filter((n) => !names(after).includes(n));
    assert.deepEqual(left.sort(), ['SBOM of components', 'Simple Scan'], 'the activities whose probes are named leave the summary');
    // By activity uuid, and the whole summary by its code.
    const byUuid = flat(diagnose({ textOf: (p) => (p === '.github/workflows/ci.yml' ? replaceLine(read(p), 15, `# dsomm-ignore ${SBOM}: SBOM of components`) : read(p)) }));
    assert.deepEqual(names(base).filter((n) => !names(byUuid).includes(n)), ['SBOM of components']);
    const whole = flat(diagnose({ textOf: (p) => (p === '.github/workflows/ci.yml' ? replaceLine(read(p), 15, '# dsomm-ignore missing-activities: reviewed') : read(p)) }));
    assert.ok(!whole.some((d) => d.path === '.github/workflows/ci.yml' && d.data.kind === 'missing-summary'));
    assert.equal(whole.length, base.length - 1);
    // ignoredAt answers for files whose comments moved (an edited buffer).
    const moved = flat(diagnose({ ignoredAt: (p, line, ids) => (p === 'services/api/Dockerfile' && line === 15 ? ids.includes('root-user') : undefined) }));
    assert.ok(!moved.some((d) => d.code.value === 'root-user' && d.path === 'services/api/Dockerfile'));
    assert.equal(moved.length, base.length - 1);
  });

  it('a comment at one place of a group silences that place only', () => {
    const ci = '.github/workflows/ci.yml';
    const base = flat(diagnose()).find((d) => d.path === ci && d.code.value === 'checkout-persists-credentials')!;
    const [first, second] = base.data.places!;
    const text = replaceLine(read(ci), first.line, `${read(ci).split('\n')[first.line - 1]} # dsomm-ignore checkout-persists-credentials`);
    const after = flat(diagnose({ textOf: (p) => (p === ci ? text : read(p)) })).find((d) => d.path === ci && d.code.value === 'checkout-persists-credentials')!;
    assert.equal(after.loc.line, second.line);
    assert.equal(after.data.places?.length ?? 1, base.data.places!.length - 1);
  });

  it('activities marked not applicable lose their diagnostics', () => {
    const na: ScanResult = {
      ...result,
      activities: result.activities.map((a) =>
        a.activity.uuid === SBOM || a.activity.uuid === NON_ROOT ? { ...a, status: 'not-applicable', notApplicable: { reason: 'no images shipped' } } : a,
      ),
    };
    const listed = (list: GuidanceDiagnostic[]) => list.flatMap((d) => d.data.activities?.map((m) => m.uuid) ?? []);
    const diags = flat(diagnose({}, na));
    assert.ok(!listed(diags).includes(SBOM));
    assert.ok(!diags.some((d) => d.code.value === 'root-user'), 'findings of a not-applicable activity are silenced too');
    assert.ok(listed(flat(diagnose())).includes(SBOM));
  });
});

function replaceLine(text: string, line: number, content: string): string {
  const lines = text.split('\n');
  lines[line - 1] = content;
  return lines.join('\n');
}
