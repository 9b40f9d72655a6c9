"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// Weak-control fixes (token permissions, checkout credentials, non-root USER, pin placeholder,
// scanners that cannot fail) and file creations (Dependabot, Renovate, SECURITY.md): each applied
// to fixtures (LF and CRLF), re-parsed without problems, and re-evaluated until the finding is gone.
const assert = __importStar(require("node:assert/strict"));
const computeFix_1 = require("../../src/core/guidance/computeFix");
const diagnostics_1 = require("../../src/core/guidance/diagnostics");
const fixes_1 = require("../../src/core/guidance/fixes");
const text_1 = require("../../src/core/guidance/text");
const dockerfile_1 = require("../../src/core/scan/parse/containers/dockerfile");
const containerProbes_1 = require("../../src/core/scan/detect/containerProbes");
const hygiene_1 = require("../../src/core/scan/parse/hygiene");
const parseFile_1 = require("../../src/core/scan/parse/parseFile");
const guidanceHarness_1 = require("./guidanceHarness");
const EOLS = [
    { name: 'LF', conv: (t) => t },
    { name: 'CRLF', conv: guidanceHarness_1.toCrlf },
];
function edited(text, res) {
    assert.equal(res.kind, 'edits', JSON.stringify(res));
    return res.kind === 'edits' ? (0, text_1.applyEdits)(text, res.edits) : text;
}
function problems(kind, p, text) {
    return ((0, parseFile_1.parseFile)(kind, p, text)?.problems ?? []).map((x) => `${x.severity} ${x.line}: ${x.message}`);
}
async function fixIn(kind, file, id, eol, at) {
    const rel = guidanceHarness_1.CANONICAL_PATH[kind];
    const text = eol((0, guidanceHarness_1.fixture)(file));
    const dir = (0, guidanceHarness_1.tempWorkspace)({ [rel]: text });
    const first = await (0, guidanceHarness_1.scanDir)(dir);
    const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, id, first.index.get(rel), text, { files: first.index.all(), at: at?.(first.result) });
    const after = edited(text, res);
    assert.deepEqual(problems(kind, rel, after), [], after);
    (0, guidanceHarness_1.writeFiles)(dir, { [rel]: after });
    const again = await (0, guidanceHarness_1.scanDir)(dir);
    return { before: first.result, after: again.result, text, edited: after, res, rel };
}
describe('guidance: weak-control fixes', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    for (const eol of EOLS) {
        it(`workflow permissions: inserted before \`jobs:\` (and the comments above it) — ${eol.name}`, async () => {
            for (const file of ['github/basic.yml', 'github/weak.yml', 'github/indent4.yml']) {
                const r = await fixIn('github-workflow', file, 'gha.workflow-permissions', eol.conv);
                assert.ok(r.before.findings.some((f) => f.code === 'missing-permissions'), file);
                assert.ok(!r.after.findings.some((f) => f.code === 'missing-permissions'), file);
                assert.equal(r.after.probes.find((p) => p.id === 'gha.token-permissions')?.result, 'pass', file);
                if (eol.name === 'CRLF')
                    assert.ok(!/(^|[^\r])\n/.test(r.edited));
            }
            const weak = await fixIn('github-workflow', 'github/weak.yml', 'gha.workflow-permissions', (t) => t);
            assert.match(weak.edited, /on: \[push\]\n\npermissions:\n {2}contents: read\n\n# Jobs of the scan workflow.\njobs:/);
            const four = await fixIn('github-workflow', 'github/indent4.yml', 'gha.workflow-permissions', (t) => t);
            assert.match(four.edited, /\npermissions:\n {4}contents: read\n\njobs:\n/);
        });
        it(`checkout: persist-credentials: false on every actions/checkout step, or only the one at the diagnostic — ${eol.name}`, async () => {
            const all = await fixIn('github-workflow', 'github/weak.yml', 'gha.checkout-persist-credentials', eol.conv);
            const parsed = (0, parseFile_1.parseFile)('github-workflow', all.rel, all.edited);
            const checkouts = parsed.jobs.flatMap((j) => j.steps).filter((s) => s.uses?.value.startsWith('actions/checkout'));
            assert.equal(checkouts.length, 3);
            for (const s of checkouts)
                assert.equal(s.inputs['persist-credentials']?.value, 'false');
            assert.ok(all.edited.includes(eol.conv('        with:\n          path: other\n          persist-credentials: false\n')));
            const one = await fixIn('github-workflow', 'github/weak.yml', 'gha.checkout-persist-credentials', eol.conv, () => ({ path: '.github/workflows/ci.yml', line: 9, column: 15, endLine: 9, endColumn: 34 }));
            const p1 = (0, parseFile_1.parseFile)('github-workflow', one.rel, one.edited);
            const c1 = p1.jobs.flatMap((j) => j.steps).filter((s) => s.uses?.value.startsWith('actions/checkout'));
            assert.deepEqual(c1.map((s) => s.inputs['persist-credentials']?.value), ['false', undefined, undefined]);
            const four = await fixIn('github-workflow', 'github/indent4.yml', 'gha.checkout-persist-credentials', eol.conv);
            assert.ok(four.edited.includes(eol.conv('                with:\n                    fetch-depth: 1\n                    persist-credentials: false\n')));
        });
        it(`checkout-persists-credentials: one finding per checkout that keeps the token; its preferred fix removes exactly that one — ${eol.name}`, async () => {
            const r = await fixIn('github-workflow', 'github/weak.yml', 'gha.checkout-persist-credentials', eol.conv, (res) => res.findings.find((f) => f.code === 'checkout-persists-credentials' && f.loc.line === 11)?.loc);
            const lines = (res) => res.findings.filter((f) => f.code === 'checkout-persists-credentials').map((f) => f.loc.line);
            assert.deepEqual(lines(r.before), [9, 11, 23]);
            // The edit adds lines under line 11: the two others keep their place.
            assert.deepEqual(lines(r.after), [9, 24]);
            const f = r.before.findings.find((x) => x.code === 'checkout-persists-credentials');
            assert.equal(f.probe, 'gha.token-permissions');
            assert.deepEqual(f.data, { action: 'actions/checkout', ref: 'v4' });
            // The diagnostic offers the fix first.
            const dir = (0, guidanceHarness_1.tempWorkspace)({ [r.rel]: r.text });
            const scanned = await (0, guidanceHarness_1.scanDir)(dir);
            const diags = (0, diagnostics_1.diagnosticsFor)(scanned.result, scanned.index.all(), { targetLevel: 1, fixes: (0, guidanceHarness_1.bundled)().fixes }).get(r.rel) ?? [];
            const d = diags.find((x) => x.code.value === 'checkout-persists-credentials');
            assert.ok(d, JSON.stringify(diags.map((x) => x.code.value)));
            const options = (0, fixes_1.fixesFor)((0, guidanceHarness_1.bundled)().fixes, scanned.result, scanned.index.get(r.rel), d, scanned.index.all());
            assert.equal(options[0].templateId, 'gha.checkout-persist-credentials');
            assert.equal(options[0].preferred, true);
            // A checkout with `persist-credentials: false` is fine.
            const ok = await (0, guidanceHarness_1.scanDir)((0, guidanceHarness_1.tempWorkspace)({ [r.rel]: r.edited }));
            assert.ok(!ok.result.findings.some((x) => x.code === 'checkout-persists-credentials' && x.loc.line === 11));
        });
        it(`scanners that cannot fail: the setting is turned off (GitHub, GitLab, Azure) — ${eol.name}`, async () => {
            for (const [kind, file] of [['github-workflow', 'github/weak.yml'], ['gitlab-ci', 'gitlab/weak.yml'], ['azure-pipelines', 'azure/weak.yml']]) {
                const r = await fixIn(kind, file, 'ci.scanner-must-fail', eol.conv, (res) => res.findings.find((f) => f.code === 'scanner-cannot-fail')?.loc);
                assert.ok(r.before.findings.some((f) => f.code === 'scanner-cannot-fail'), file);
                assert.ok(!r.after.findings.some((f) => f.code === 'scanner-cannot-fail'), file);
                assert.equal(r.after.probes.find((p) => p.id === 'image-scan')?.result, 'pass', file);
                assert.match(r.edited, /(continue-on-error|allow_failure|continueOnError): false/);
            }
            const gh = await fixIn('github-workflow', 'github/weak.yml', 'ci.scanner-must-fail', (t) => t);
            assert.match(gh.edited, /continue-on-error: false # findings never fail the build\n/);
        });
        it(`non-root USER in the final stage, by base image family — ${eol.name}`, async () => {
            const cases = [
                ['docker/multi.Dockerfile', /EXPOSE 8080\nRUN groupadd --system --gid 10001 app \\\n && useradd --system --uid 10001 --gid app --no-create-home --shell \/usr\/sbin\/nologin app\nUSER 10001:10001\n# Start the server.\nCMD/],
                ['docker/alpine.Dockerfile', /COPY app .\/app\nRUN addgroup -S -g 10001 app && adduser -S -D -H -u 10001 -G app app\nUSER 10001:10001\n$/],
                ['docker/root.Dockerfile', /USER root\nRUN groupadd[^\n]*\n[^\n]*\nUSER 10001:10001\nENTRYPOINT/],
                ['docker/distroless.Dockerfile', /COPY --from=build \/app \/app\nUSER 10001:10001\n$/],
            ];
            for (const [file, shape] of cases) {
                const r = await fixIn('dockerfile', file, 'dockerfile.non-root-user', eol.conv);
                assert.ok(r.before.findings.some((f) => f.code === 'root-user'), file);
                assert.ok(!r.after.findings.some((f) => f.code === 'root-user'), file);
                assert.equal(r.after.probes.find((p) => p.id === 'container.non-root')?.result, 'pass', file);
                assert.equal((0, containerProbes_1.probeNonRoot)([(0, dockerfile_1.parseDockerfile)('Dockerfile', r.edited)]).result, 'pass');
                assert.match(r.edited.replace(/\r\n/g, '\n'), shape, file);
            }
        });
        it(`pin placeholder for latest and untagged images (Dockerfile, compose) — ${eol.name}`, async () => {
            const at = (code, line) => (res) => res.findings.find((f) => f.code === code && f.loc.line === line)?.loc;
            const one = await fixIn('dockerfile', 'docker/latest.Dockerfile', 'image.pin-placeholder', eol.conv, at('latest-tag', 4));
            assert.match(one.edited, /FROM nginx:<pin-a-version> AS web/);
            assert.match(one.edited, /FROM --platform=\$BUILDPLATFORM golang AS build/, 'only the image at the diagnostic');
            const all = await fixIn('dockerfile', 'docker/latest.Dockerfile', 'image.pin-placeholder', eol.conv);
            assert.match(all.edited, /FROM --platform=\$BUILDPLATFORM golang:<pin-a-version> AS build/);
            assert.ok(!all.after.findings.some((f) => f.code === 'latest-tag' || f.code === 'untagged-image'));
            const file = (0, dockerfile_1.parseDockerfile)('Dockerfile', all.edited);
            assert.deepEqual(file.problems, []);
            assert.deepEqual(file.stages.map((s) => s.image.tag), ['<pin-a-version>', '<pin-a-version>']);
            const compose = await fixIn('compose', 'compose/latest.yml', 'image.pin-placeholder', eol.conv);
            assert.match(compose.edited, /image: nginx:<pin-a-version> # the front end/);
            assert.match(compose.edited, /image: "redis:<pin-a-version>"/);
            assert.ok(!compose.after.findings.some((f) => f.code === 'latest-tag' || f.code === 'untagged-image'));
            const k8s = await fixIn('kubernetes', 'k8s/app.yaml', 'image.pin-placeholder', eol.conv);
            assert.match(k8s.edited, /image: 'ghcr.io\/acme\/web:<pin-a-version>'/);
            assert.match(k8s.edited, /image: ghcr.io\/acme\/sidecar:1.2.0/);
            assert.ok(k8s.before.findings.some((f) => f.code === 'latest-tag'));
            assert.ok(!k8s.after.findings.some((f) => f.code === 'latest-tag'));
        });
    }
    it('a spot fix with nothing to change says so instead of editing', async () => {
        const text = (0, guidanceHarness_1.fixture)('docker/multi.Dockerfile');
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'image.pin-placeholder', { path: 'Dockerfile', kind: 'dockerfile' }, text);
        assert.equal(res.kind, 'cannot-place');
        const flow = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'gha.checkout-persist-credentials', { path: '.github/workflows/ci.yml', kind: 'github-workflow' }, (0, guidanceHarness_1.fixture)('github/flow.yml'));
        assert.equal(flow.kind, 'cannot-place');
        if (flow.kind === 'cannot-place')
            assert.match(flow.reason, /flow style/);
    });
});
describe('guidance: files to create', function () {
    this.timeout(60_000);
    after(guidanceHarness_1.cleanTempWorkspaces);
    const files = {
        '.github/workflows/ci.yml': 'on: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
        'web/package.json': '{ "name": "web" }\n',
        'web/package-lock.json': '{ "lockfileVersion": 3 }\n',
        'api/package.json': '{ "name": "api" }\n',
        'worker/requirements.txt': 'requests\n',
        'svc/go.mod': 'module example.com/svc\n\ngo 1.23\n',
        'java/pom.xml': '<project/>\n',
        'web/Dockerfile': 'FROM nginx:1.27\nUSER nginx\n',
        'api/Dockerfile': 'FROM node:20\nUSER node\n',
        'test/fixtures/Dockerfile': 'FROM ubuntu:latest\n',
        'infra/main.tf': 'terraform {}\n',
    };
    it('Dependabot: one entry per ecosystem found, with its folders', async () => {
        const dir = (0, guidanceHarness_1.tempWorkspace)(files);
        const { index, result } = await (0, guidanceHarness_1.scanDir)(dir);
        assert.equal(result.probes.find((p) => p.id === 'dependency-update-bot')?.result, 'fail');
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'dependency-updates.dependabot', undefined, '', { files: index.all() });
        assert.equal(res.kind, 'create-file');
        if (res.kind !== 'create-file')
            return;
        assert.equal(res.path, '.github/dependabot.yml');
        const parsed = (0, hygiene_1.parseDependabot)(res.path, res.content);
        assert.deepEqual(parsed.problems, []);
        assert.deepEqual(parsed.updates.map((u) => [u.ecosystem.value, u.directory]), [
            ['npm', undefined],
            ['pip', '/worker'],
            ['gomod', '/svc'],
            ['maven', '/java'],
            ['docker', undefined],
            ['terraform', '/infra'],
            ['github-actions', '/'],
        ]);
        assert.match(res.content, /- package-ecosystem: npm\n {4}directories:\n {6}- \/api\n {6}- \/web\n/);
        assert.match(res.content, /- package-ecosystem: docker\n {4}directories:\n {6}- \/api\n {6}- \/web\n/, 'test fixtures are left out');
        (0, guidanceHarness_1.writeFiles)(dir, { [res.path]: res.content });
        const again = await (0, guidanceHarness_1.scanDir)(dir);
        assert.equal(again.result.probes.find((p) => p.id === 'dependency-update-bot')?.result, 'pass');
    });
    it('Renovate: limited to the managers of the ecosystems found', async () => {
        const dir = (0, guidanceHarness_1.tempWorkspace)(files);
        const { index } = await (0, guidanceHarness_1.scanDir)(dir);
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'dependency-updates.renovate', undefined, '', { files: index.all() });
        assert.equal(res.kind, 'create-file');
        if (res.kind !== 'create-file')
            return;
        const json = JSON.parse(res.content);
        assert.deepEqual(json.extends, ['config:recommended']);
        assert.deepEqual(json.enabledManagers, ['npm', 'pip_requirements', 'gomod', 'maven', 'dockerfile', 'terraform', 'github-actions']);
        (0, guidanceHarness_1.writeFiles)(dir, { [res.path]: res.content });
        assert.equal((await (0, guidanceHarness_1.scanDir)(dir)).result.probes.find((p) => p.id === 'dependency-update-bot')?.result, 'pass');
    });
    it('an existing file is never overwritten', async () => {
        const dir = (0, guidanceHarness_1.tempWorkspace)({ ...files, '.github/dependabot.yml': 'version: 2\nupdates: []\n' });
        const { index } = await (0, guidanceHarness_1.scanDir)(dir);
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'dependency-updates.dependabot', undefined, '', { files: index.all() });
        assert.equal(res.kind, 'cannot-place');
        if (res.kind === 'cannot-place')
            assert.match(res.reason, /already exists/);
    });
    it('SECURITY.md: a skeleton that the engine takes for a security policy', async () => {
        const dir = (0, guidanceHarness_1.tempWorkspace)(files);
        const res = (0, computeFix_1.computeFix)((0, guidanceHarness_1.bundled)().fixes, 'security-policy.security-md', undefined, '');
        assert.equal(res.kind, 'create-file');
        if (res.kind !== 'create-file')
            return;
        assert.equal(res.path, 'SECURITY.md');
        assert.match(res.content, /^# Security policy\n/);
        (0, guidanceHarness_1.writeFiles)(dir, { [res.path]: res.content });
        assert.equal((await (0, guidanceHarness_1.scanDir)(dir)).result.probes.find((p) => p.id === 'repo.security-policy')?.result, 'pass');
    });
    it('the missing "Automated PRs for patches" diagnostic offers Dependabot first on GitHub, Renovate first elsewhere', async () => {
        const { fixes } = (0, guidanceHarness_1.bundled)();
        for (const [extra, first] of [[{}, 'dependency-updates.dependabot'], [{ '.github/workflows/ci.yml': undefined }, 'dependency-updates.renovate']]) {
            const ws = { ...files, '.gitlab-ci.yml': 'build:\n  script:\n    - make\n' };
            for (const k of Object.keys(extra))
                delete ws[k];
            const dir = (0, guidanceHarness_1.tempWorkspace)(ws);
            const { index, result } = await (0, guidanceHarness_1.scanDir)(dir);
            const diags = (0, diagnostics_1.diagnosticsFor)(result, index.all(), { targetLevel: 1, fixes });
            const d = [...diags.values()].flat().find((x) => x.data.activities?.some((m) => m.name === 'Automated PRs for patches'));
            assert.ok(d, 'diagnostic present');
            const uuid = d.data.activities.find((m) => m.name === 'Automated PRs for patches').uuid;
            const options = (0, fixes_1.fixesFor)(fixes, result, index.get(d.path), d);
            const mine = options.filter((o) => o.activity === uuid);
            assert.deepEqual(mine.map((o) => o.templateId).sort(), ['dependency-updates.dependabot', 'dependency-updates.renovate']);
            assert.equal(mine[0].templateId, first);
            assert.equal(mine[0].kind, 'create');
            assert.equal(options.filter((o) => o.preferred).length, 1);
        }
    });
});
//# sourceMappingURL=guidance-weak.test.js.map