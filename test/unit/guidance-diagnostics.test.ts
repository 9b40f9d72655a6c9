// Diagnostics on the demo workspace: the weak controls of EXPECTED.md at their exact lines, missing
// activities on one anchor line, links to the DSOMM activity pages, fixes per diagnostic, and
// silencing by `dsomm-ignore` comments and by activities marked not applicable.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { diagnosticsFor } from '../../src/core/guidance/diagnostics';
import { fixesFor } from '../../src/core/guidance/fixes';
import { GuidanceDiagnostic } from '../../src/core/guidance/types';
import { ScanResult } from '../../src/core/scan/result';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { bundled, DEMO, scanDir } from './guidanceHarness';

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
    const missing = expected
      .filter((f) => !all.some((d) => d.path === f.path && d.range.start.line === f.line - 1 && d.code.value === f.code && d.severity === f.severity))
      .map((f) => `${f.path}:${f.line} ${f.code} (${f.severity})`);
    assert.deepEqual(missing, [], 'each expected finding is a diagnostic at its line');
  });

  it('maps every finding to a diagnostic with a 0-based range, the DSOMM source and its own severity', () => {
    const diags = flat(diagnose()).filter((d) => d.data.kind === 'finding');
    const unique = new Set(result.findings.map((f) => `${f.loc.path}:${f.loc.line}:${f.loc.column}:${f.code}:${f.probe}`));
    assert.equal(diags.length, unique.size);
    for (const d of diags) {
      assert.equal(d.source, 'DSOMM');
      assert.equal(d.range.start.line, d.loc.line - 1);
      assert.equal(d.range.start.character, d.loc.column - 1);
      assert.ok(d.severity === 'warning' || d.severity === 'information');
    }
    const perms = diags.find((d) => d.code.value === 'missing-permissions')!;
    assert.equal(perms.path, '.github/workflows/release.yml');
    assert.deepEqual(perms.range.start, { line: 10, character: 0 });
    assert.equal(perms.data.fixes?.[0], 'gha.workflow-permissions');
    const root = diags.find((d) => d.code.value === 'root-user' && d.path === 'services/api/Dockerfile')!;
    assert.equal(root.code.target, `https://dsomm.owasp.org/activity-description?uuid=${NON_ROOT}`);
    assert.deepEqual(root.data.fixes, ['dockerfile.non-root-user']);
    assert.deepEqual(diags.find((d) => d.code.value === 'latest-tag')!.data.fixes, ['image.pin-placeholder']);
    for (const d of diags.filter((x) => x.code.value === 'scanner-cannot-fail')) assert.deepEqual(d.data.fixes, ['ci.scanner-must-fail']);
    // Checkout hardening: on the checkout reference itself, not on other actions.
    const checkout = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.loc.line === 25)!;
    assert.deepEqual(checkout.data.fixes, ['gha.checkout-persist-credentials']);
    const buildx = diags.find((d) => d.path === '.github/workflows/ci.yml' && d.loc.line === 71)!;
    assert.deepEqual(buildx.data.fixes, [], 'no invented commit SHA for an unpinned action');
    assert.deepEqual(perms.data.fixes, ['gha.workflow-permissions', 'gha.checkout-persist-credentials']);
  });

  it('puts missing activities on one anchor line of the main pipeline (container ones on a container file)', () => {
    const diags = flat(diagnose()).filter((d) => d.data.kind === 'missing-activity');
    assert.ok(diags.length > 0);
    const places = new Set(diags.map((d) => `${d.path}:${d.loc.line}`));
    assert.ok(places.has('.github/workflows/ci.yml:16'), 'the GitHub workflow with the most jobs, at `jobs:`');
    for (const p of places) assert.ok(p === '.github/workflows/ci.yml:16' || /Dockerfile|Containerfile|deploy\/k8s\//.test(p), p);
    const byActivity = new Map<string, number>();
    for (const d of diags) byActivity.set(d.data.activity!, (byActivity.get(d.data.activity!) ?? 0) + 1);
    assert.ok([...byActivity.values()].every((n) => n === 1), 'one diagnostic per activity');
    for (const d of diags) {
      assert.ok(d.data.level! <= 2);
      const a = result.activities.find((x) => x.activity.uuid === d.data.activity)!;
      assert.ok(a.status === 'missing' || a.status === 'partial');
      assert.equal(d.code.target, `https://dsomm.owasp.org/activity-description?uuid=${a.activity.uuid}`);
      assert.equal(d.severity, 'information');
      assert.deepEqual(d.data.pipeline, { path: '.github/workflows/ci.yml', kind: 'github-workflow' });
    }
    const sbom = diags.find((d) => d.data.activity === SBOM)!;
    assert.equal(sbom.code.value, 'sbom');
    assert.match(sbom.message, /SBOM of components/);
    assert.deepEqual(sbom.data.fixes, ['sbom.syft']);
    const options = fixesFor(bundled().fixes, result, index.get(sbom.path), sbom);
    assert.deepEqual(options.map((o) => [o.templateId, o.path, o.dialect, o.kind, o.preferred]), [['sbom.syft', '.github/workflows/ci.yml', 'github-workflow', 'edit', true]]);
    // The demo lints no Dockerfile: the gap sits on a container file, its fix goes into the pipeline.
    const lint = diags.find((d) => d.code.value === 'dockerfile-lint');
    assert.ok(lint, 'a dockerfile-lint diagnostic');
    assert.match(lint.path, /Dockerfile|Containerfile/);
    const o = fixesFor(bundled().fixes, result, index.get(lint.path), lint);
    assert.equal(o[0].templateId, 'dockerfile-lint.hadolint');
    assert.equal(o[0].path, '.github/workflows/ci.yml', 'the fix goes into the pipeline, not the Dockerfile');
    assert.ok(!flat(diagnose({ targetLevel: 1 })).some((d) => d.data.kind === 'missing-activity' && d.data.level! > 1));
  });

  it('options: severity, and switching either kind off', () => {
    assert.ok(flat(diagnose({ severity: 'hint' })).filter((d) => d.data.kind === 'missing-activity').every((d) => d.severity === 'hint'));
    assert.ok(flat(diagnose({ missing: false })).every((d) => d.data.kind === 'finding'));
    assert.ok(flat(diagnose({ findings: false })).every((d) => d.data.kind === 'missing-activity'));
    assert.ok(flat(diagnose({ fixes: undefined })).every((d) => d.data.fixes === undefined));
  });

  it('`# dsomm-ignore <probe>` on the line or the line above silences matching diagnostics only', () => {
    const base = flat(diagnose());
    const texts: Record<string, string> = {
      // Line 10 of release.yml is blank, just above `jobs:` (line 11).
      '.github/workflows/release.yml': replaceLine(read('.github/workflows/release.yml'), 10, '# dsomm-ignore gha.token-permissions: the release job only reads'),
      // Line 15 of ci.yml is blank, just above `jobs:` (line 16).
      '.github/workflows/ci.yml': replaceLine(read('.github/workflows/ci.yml'), 15, '# dsomm-ignore sbom, dast'),
      // Same line.
      'services/api/Dockerfile': replaceLine(read('services/api/Dockerfile'), 15, 'FROM node:20.11-bookworm-slim # dsomm-ignore root-user'),
    };
    const after = flat(diagnose({ textOf: (p) => texts[p] ?? read(p) }));
    const gone = base.filter((d) => !after.some((x) => x.path === d.path && x.loc.line === d.loc.line && x.code.value === d.code.value && x.data.activity === d.data.activity));
    assert.deepEqual(gone.map((d) => `${d.path}:${d.loc.line} ${d.code.value}`).sort(), [
      '.github/workflows/ci.yml:16 dast',
      '.github/workflows/ci.yml:16 sbom',
      '.github/workflows/release.yml:11 missing-permissions',
      'services/api/Dockerfile:15 root-user',
    ]);
  });

  it('activities marked not applicable lose their diagnostics', () => {
    const na: ScanResult = {
      ...result,
      activities: result.activities.map((a) =>
        a.activity.uuid === SBOM || a.activity.uuid === NON_ROOT ? { ...a, status: 'not-applicable', notApplicable: { reason: 'no images shipped' } } : a,
      ),
    };
    const diags = flat(diagnose({}, na));
    assert.ok(!diags.some((d) => d.data.activity === SBOM));
    assert.ok(!diags.some((d) => d.code.value === 'root-user'), 'findings of a not-applicable activity are silenced too');
    assert.ok(flat(diagnose()).some((d) => d.data.activity === SBOM));
  });
});

function replaceLine(text: string, line: number, content: string): string {
  const lines = text.split('\n');
  lines[line - 1] = content;
  return lines.join('\n');
}
