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
// The webviews' view-models (dashboard, activity details), the HTML/Markdown reports' escaping,
// link checks and the validation of messages coming back from a webview.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const fixCatalogue_1 = require("../../src/core/guidance/fixCatalogue");
const html_1 = require("../../src/core/reports/html");
const text_1 = require("../../src/core/reports/text");
const result_1 = require("../../src/core/scan/result");
const activityDetails_1 = require("../../src/core/view/activityDetails");
const dashboard_1 = require("../../src/core/view/dashboard");
const html_2 = require("../../src/core/view/html");
const levelSummary_1 = require("../../src/core/view/levelSummary");
const webviewMessages_1 = require("../../src/core/view/webviewMessages");
const scanHelpers_1 = require("./scanHelpers");
const HOSTILE = '<img src=x onerror=alert(1)>';
let n = 0;
function uuid() {
    n++;
    return `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;
}
function activity(name, dimension, subdimension, level, extra = {}) {
    return {
        uuid: uuid(), name, dimension, subdimension, level,
        description: '', risk: '', measure: '', assessment: '', implementationGuide: '',
        difficulty: {}, tools: [], dependsOn: [], references: {}, tags: [], extra: {}, line: 1,
        ...extra,
    };
}
function modelOf(list) {
    const dims = new Map();
    for (const a of list) {
        const subs = dims.get(a.dimension) ?? dims.set(a.dimension, new Map()).get(a.dimension);
        (subs.get(a.subdimension) ?? subs.set(a.subdimension, []).get(a.subdimension)).push(a);
    }
    return {
        meta: { version: 'test' }, source: 'test', format: 'v4', warnings: [],
        activities: new Map(list.map((a) => [a.uuid, a])),
        dimensions: [...dims].map(([name, subs]) => ({ name, subdimensions: [...subs].map(([s, acts]) => ({ name: s, dimension: name, activities: acts })) })),
    };
}
function resultOf(model, statuses, extra = {}) {
    const activities = [...model.activities.values()].map((a) => {
        const status = statuses.get(a.uuid) ?? 'missing';
        const detected = status === 'done' || status === 'in-progress' || status === 'not-applicable' ? 'missing' : status;
        return { activity: a, status, detected, evidence: [], probes: [], ...extra[a.uuid] };
    });
    return { root: '/ws', model: { version: 'test', source: 'test', activityCount: activities.length }, files: [], probes: [], activities, external: [], findings: [], ...(0, result_1.summarizeLevels)(activities) };
}
describe('Dashboard view-model', () => {
    // Build: L1 A (missing, useful, easy), B (missing, less useful, hard), C (detected), G (N/A);
    //        L2 D (needs B), E (needs C); L3 F. Test: L1 H (done), L2 I (in progress).
    const A = activity('Alpha', 'Build and Deployment', 'Build', 1, { usefulness: 4, difficulty: { knowledge: 1, time: 1, resources: 1 } });
    const B = activity('Bravo', 'Build and Deployment', 'Build', 1, { usefulness: 2, difficulty: { knowledge: 4, time: 4, resources: 4 } });
    const C = activity('Charlie', 'Build and Deployment', 'Build', 1);
    const G = activity('Golf', 'Build and Deployment', 'Deployment', 1);
    const D = activity('Delta', 'Build and Deployment', 'Build', 2, { dependsOn: [B.uuid], usefulness: 5, difficulty: { knowledge: 1 } });
    const E = activity('Echo', 'Build and Deployment', 'Deployment', 2, { dependsOn: [C.uuid] });
    const F = activity('Foxtrot', 'Build and Deployment', 'Build', 3, { usefulness: 5 });
    const H = activity('Hotel', 'Test and Verification', 'Static depth', 1);
    const I = activity('India', 'Test and Verification', 'Static depth', 2, { usefulness: 1, difficulty: { knowledge: 5, time: 5, resources: 5 } });
    const model = modelOf([A, B, C, G, D, E, F, H, I]);
    const result = resultOf(model, new Map([[C.uuid, 'detected'], [G.uuid, 'not-applicable'], [H.uuid, 'done'], [I.uuid, 'in-progress']]));
    it('counts each sub-dimension × level cell and its share', () => {
        const view = (0, dashboard_1.buildDashboard)(model, result, { targetLevel: 2 });
        assert.deepEqual(view.dimensions.map((d) => d.name), ['Build and Deployment', 'Test and Verification']);
        const build = view.dimensions[0].subdimensions.find((s) => s.name === 'Build');
        assert.deepEqual(build.cells.map((c) => [c.level, c.achieved, c.total]), [[1, 1, 3], [2, 0, 1], [3, 0, 1], [4, 0, 0], [5, 0, 0]]);
        assert.equal(build.cells[0].share, 1 / 3);
        assert.equal(build.cells[3].share, undefined, 'an empty cell has no share');
        assert.deepEqual(build.cells[0].statuses, { missing: 2, detected: 1 });
        assert.deepEqual(build.cells[0].activities.map((u) => view.activities[u].name), ['Alpha', 'Bravo', 'Charlie']);
        const deployment = view.dimensions[0].subdimensions.find((s) => s.name === 'Deployment');
        assert.deepEqual(deployment.cells[0], { level: 1, total: 1, achieved: 1, share: 1, statuses: { 'not-applicable': 1 }, activities: [G.uuid] });
        // The dimension row adds up its sub-dimensions.
        assert.deepEqual(view.dimensions[0].cells.map((c) => c.total), [4, 2, 1, 0, 0]);
    });
    it('measures progress up to the target level, overall and per dimension', () => {
        const two = (0, dashboard_1.buildDashboard)(model, result, { targetLevel: 2 });
        assert.deepEqual(two.overall, { total: 8, achieved: 3, share: 3 / 8 });
        assert.deepEqual(two.dimensions.map((d) => [d.progress.achieved, d.progress.total]), [[2, 6], [1, 2]]);
        const one = (0, dashboard_1.buildDashboard)(model, result, { targetLevel: 1 });
        assert.deepEqual(one.overall, { total: 5, achieved: 3, share: 3 / 5 });
        assert.equal(one.targetLevel, 1);
        assert.equal((0, dashboard_1.buildDashboard)(model, result, { targetLevel: 9 }).targetLevel, 5, 'the target level is clamped to 1–5');
    });
    it('lists next best activities: missing, up to the target, dependencies met, by level then value for effort', () => {
        const names = (level) => (0, dashboard_1.nextBestActivities)(result, level).map((a) => a.name);
        // Delta needs Bravo (missing); Foxtrot is above the target; India is in progress (not achieved).
        assert.deepEqual(names(2), ['Alpha', 'Bravo', 'Echo', 'India']);
        assert.deepEqual(names(1), ['Alpha', 'Bravo']);
        assert.deepEqual(names(3), ['Alpha', 'Bravo', 'Echo', 'India', 'Foxtrot']);
        const alpha = (0, dashboard_1.nextBestActivities)(result, 1)[0];
        assert.equal(alpha.usefulness, 4);
        assert.equal(alpha.difficulty, 1);
        assert.equal(alpha.value, 4);
        // Once Bravo is done, Delta (very useful, easy) comes first among level 2.
        const later = resultOf(model, new Map([[A.uuid, 'detected'], [B.uuid, 'done'], [C.uuid, 'detected'], [G.uuid, 'not-applicable'], [H.uuid, 'done']]));
        assert.deepEqual((0, dashboard_1.nextBestActivities)(later, 2).map((a) => a.name), ['Delta', 'Echo', 'India']);
        assert.equal((0, dashboard_1.nextBestActivities)(result, 5, 2).length, 2, 'the list is capped');
    });
    it('the Markdown export lists the same next best activities', () => {
        const md = (0, text_1.toMarkdownReport)(result, { nextBestFor: 2 });
        const section = md.split('## Next best activities (target level 2)\n\n')[1].split('\n\n')[0];
        assert.deepEqual(section.split('\n').map((l) => l.replace(/ — .*/, '')), ['1. Alpha', '2. Bravo', '3. Echo', '4. India']);
        assert.doesNotMatch((0, text_1.toMarkdownReport)(result), /Next best/);
    });
    it('shows the model with nothing counted before an assessment', () => {
        const view = (0, dashboard_1.buildDashboard)(model, undefined, { targetLevel: 1 });
        assert.equal(view.assessed, false);
        assert.deepEqual(view.nextBest, []);
        assert.equal(view.overall.achieved, 0);
        assert.equal(view.overall.total, 5);
    });
    it('agrees with the status bar on the demo workspace', async () => {
        const { model: bundledModel } = (0, scanHelpers_1.bundled)();
        const { result: demo } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO);
        for (const level of [1, 3]) {
            const view = (0, dashboard_1.buildDashboard)(bundledModel, demo, { targetLevel: level });
            const s = (0, levelSummary_1.targetSummary)(demo, level);
            assert.deepEqual([view.overall.achieved, view.overall.total], [s.achieved, s.total]);
            const cells = view.dimensions.flatMap((d) => d.subdimensions.flatMap((x) => x.cells));
            assert.equal(cells.reduce((k, c) => k + c.total, 0), bundledModel.activities.size);
        }
        const next = (0, dashboard_1.buildDashboard)(bundledModel, demo, { targetLevel: 2 }).nextBest;
        assert.ok(next.length > 0);
        const byUuid = new Map(demo.activities.map((a) => [a.activity.uuid, a]));
        for (const a of next) {
            assert.ok(a.level <= 2 && !a.achieved, a.name);
            for (const dep of byUuid.get(a.uuid).activity.dependsOn)
                assert.ok(['detected', 'done', 'not-applicable'].includes(byUuid.get(dep).status), `${a.name} depends on an unmet activity`);
        }
        for (let i = 1; i < next.length; i++)
            assert.ok(next[i - 1].level < next[i].level || (next[i - 1].level === next[i].level && next[i - 1].value >= next[i].value), 'ordered by level, then value');
    });
});
describe('Activity details view-model', () => {
    it('shows the model text, difficulty, references, dependencies with status, evidence and the team decision', async () => {
        const { model } = (0, scanHelpers_1.bundled)();
        const { result } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO);
        const pinning = [...model.activities.values()].find((a) => a.dependsOn.length > 0);
        const dep = model.activities.get(pinning.dependsOn[0]);
        const withProgress = {
            ...result,
            activities: result.activities.map((r) => (r.activity.uuid === pinning.uuid ? { ...r, status: 'in-progress', progress: { state: 'Started', date: '2026-01-02', score: 20, team: 'Blue' } } : r)),
        };
        const v = (0, activityDetails_1.activityDetails)(model, withProgress, pinning.uuid);
        assert.equal(v.name, pinning.name);
        assert.equal(v.status, 'in-progress');
        assert.deepEqual(v.progress, { state: 'Started', date: '2026-01-02', team: 'Blue', teamLabel: 'Team Blue' });
        assert.equal(v.dependencies[0].name, dep.name);
        assert.equal(v.dependencies[0].status, result.activities.find((r) => r.activity.uuid === dep.uuid).status);
        assert.ok(v.description.length > 0);
        assert.deepEqual(v.states, ['Not implemented', 'Started', 'Partly implemented', 'Fully implemented']);
        assert.equal(v.webUrl, `https://dsomm.owasp.org/activity-description?uuid=${pinning.uuid}`);
        const defined = [...model.activities.values()].find((a) => a.name === 'Defined build process');
        const d = (0, activityDetails_1.activityDetails)(model, result, defined.uuid);
        assert.equal(d.status, 'detected');
        assert.ok(d.evidence.length > 0 && d.evidence.every((e) => e.line >= 1 && e.path.length > 0));
        assert.deepEqual(d.difficulty, { knowledge: 2, time: 3, resources: 2 });
        assert.equal(d.usefulness, 4);
        assert.deepEqual(d.references.map((r) => r.label), ['OWASP SAMM 2', 'ISO 27001:2017', 'ISO 27001:2022', 'OpenCRE']);
        assert.equal(d.references[3].items[0].text, 'Defined build process');
        assert.match(d.references[3].items[0].url, /^https:\/\/www\.opencre\.org\//);
        assert.ok(d.tools.some((t) => t.text === 'Jenkins' && t.url === 'https://www.jenkins.io/'));
        assert.ok(d.dependents.length > 0, 'later activities build on the defined build process');
        assert.equal((0, activityDetails_1.activityDetails)(model, result, '00000000-0000-4000-8000-999999999999'), undefined);
    });
    it('shows the not-applicable reason', () => {
        const a = activity('Kilo', 'Culture and Organization', 'Education', 1);
        const model = modelOf([a]);
        const result = resultOf(model, new Map([[a.uuid, 'not-applicable']]), { [a.uuid]: { notApplicable: { reason: 'No containers here', by: 'ana', date: '2026-02-03' } } });
        assert.deepEqual((0, activityDetails_1.activityDetails)(model, result, a.uuid).notApplicable, { reason: 'No containers here', by: 'ana', date: '2026-02-03', scoring: 'counts as achieved here; the DSOMM web app scores it 0 %' });
        const zero = resultOf(model, new Map([[a.uuid, 'not-applicable']]), { [a.uuid]: { notApplicable: { reason: 'No containers here', scoredZero: true } } });
        assert.equal((0, activityDetails_1.activityDetails)(model, zero, a.uuid).notApplicable?.scoring, 'scored 0 %, as the DSOMM web app scores it');
    });
    it('drops links that are not https (tools and references)', () => {
        const a = activity('Lima', 'Implementation', 'Application Hardening', 1, {
            tools: [{ name: 'evil', url: 'javascript:alert(1)', tags: [] }, { name: 'cmd', url: 'command:workbench.action.terminal.new', tags: [] }, { name: 'good', url: 'https://example.org/x', tags: [] }],
            references: { samm2: ['I-SB-A-1'], openCRE: ['data:text/html,<script>alert(1)</script>'] },
        });
        const v = (0, activityDetails_1.activityDetails)(modelOf([a]), undefined, a.uuid);
        assert.deepEqual(v.tools.map((t) => [t.text, t.url]), [['evil', undefined], ['cmd', undefined], ['good', 'https://example.org/x']]);
        assert.deepEqual(v.references.map((r) => r.items.map((i) => i.url)), [[undefined], [undefined]]);
    });
    it('offers the fix only for a missing activity that model/fixes.yaml can add', async () => {
        const fixes = (0, fixCatalogue_1.loadFixes)((0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'model/fixes.yaml'), 'utf8'), 'fixes.yaml');
        const { result } = await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO);
        const sbom = result.activities.find((r) => r.activity.name === 'SBOM of components');
        assert.equal(sbom.status, 'missing');
        assert.equal((0, activityDetails_1.hasFixTemplate)(fixes, result, sbom.activity.uuid), true);
        const detected = result.activities.find((r) => r.status === 'detected');
        assert.equal((0, activityDetails_1.hasFixTemplate)(fixes, result, detected.activity.uuid), false);
        const undecidable = result.activities.find((r) => r.probes.length === 0);
        assert.equal((0, activityDetails_1.hasFixTemplate)(fixes, result, undecidable.activity.uuid), false);
    });
});
describe('Escaping hostile names and paths', () => {
    const a = activity(HOSTILE, 'Build and Deployment', `Sub ${HOSTILE}`, 1);
    const b = activity('Plain "quoted" & <b>bold</b>', 'Build and Deployment', 'Build', 1);
    const model = modelOf([a, b]);
    const evidence = [{ loc: { path: `.github/workflows/${HOSTILE}.yml`, line: 3, column: 1, endLine: 3, endColumn: 9 }, text: `run: echo "${HOSTILE}"` }];
    const result = resultOf(model, new Map([[a.uuid, 'not-applicable']]), {
        [a.uuid]: { evidence, notApplicable: { reason: `because ${HOSTILE}` } },
    });
    result.files.push({ path: `${HOSTILE}.yml`, kind: 'github-workflow', problems: [{ message: `bad ${HOSTILE}`, severity: 'error', line: 2 }] });
    it('escapes every model- and workspace-derived string in the HTML report', () => {
        const html = (0, html_1.renderHtmlReport)(result, model, { targetLevel: 1, generated: '2026-01-01 00:00 UTC' });
        assert.ok(!/<img/i.test(html), 'a raw <img> tag reached the report');
        assert.ok(!html.includes('<b>bold'), 'raw markup reached the report');
        assert.ok(html.includes('&lt;img src=x onerror=alert(1)&gt;'));
        assert.ok(html.includes(`.github/workflows/&lt;img src=x onerror=alert(1)&gt;.yml:3`));
        assert.ok(html.includes('Plain &quot;quoted&quot; &amp; &lt;b&gt;bold&lt;/b&gt;'));
        assert.ok(html.includes('because &lt;img'));
        assert.ok(!/<script/i.test(html), 'the report has no scripts');
        assert.match(html, /Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'"/);
    });
    it('escapes them in the Markdown report', () => {
        const md = (0, text_1.toMarkdownReport)(result);
        // Outside code spans every < is escaped; inside them Markdown shows text as it is.
        const prose = md.replace(/`[^`\n]*`/g, '');
        assert.ok(!/(^|[^\\])</m.test(prose), md);
        assert.ok(md.includes('`.github/workflows/<img src=x onerror=alert(1)>.yml:3`'));
        assert.ok(md.includes('&lt;img src\\=x onerror\\=alert\\(1\\)&gt;'));
        assert.ok(md.includes('not applicable: because &lt;img'));
    });
    it('keeps them as plain text in the view-models (the webview sets textContent)', () => {
        const v = (0, activityDetails_1.activityDetails)(model, result, a.uuid);
        assert.equal(v.name, HOSTILE);
        assert.equal(v.evidence[0].path, `.github/workflows/${HOSTILE}.yml`);
        const d = (0, dashboard_1.buildDashboard)(model, result, { targetLevel: 1 });
        assert.equal(d.activities[a.uuid].name, HOSTILE);
    });
    it('escapeHtml, safeHref and text blocks', () => {
        assert.equal((0, html_2.escapeHtml)(`<a href="x" onclick='y'>&</a>`), '&lt;a href=&quot;x&quot; onclick=&#39;y&#39;&gt;&amp;&lt;/a&gt;');
        assert.equal((0, html_2.safeHref)('https://dsomm.owasp.org/a?b=c'), 'https://dsomm.owasp.org/a?b=c');
        for (const bad of ['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'command:dsomm.refresh', 'data:text/html,x', 'http://example.org', 'file:///etc/passwd', 'vscode://x', '//evil.example', 'https://user:pw@example.org', 'https://exa mple.org', '', undefined]) {
            assert.equal((0, html_2.safeHref)(bad), undefined, String(bad));
        }
        const blocks = (0, html_2.textBlocks)('First line\ncontinues with `code <x>`.\n\n- one\n- two `t`\n  wrapped\n\nLast.');
        assert.deepEqual(blocks, [
            { type: 'paragraph', spans: [{ text: 'First line continues with ' }, { text: 'code <x>', code: true }, { text: '.' }] },
            { type: 'list', items: [[{ text: 'one' }], [{ text: 'two ' }, { text: 't', code: true }, { text: ' wrapped' }]] },
            { type: 'paragraph', spans: [{ text: 'Last.' }] },
        ]);
        assert.equal((0, html_2.blocksToHtml)((0, html_2.textBlocks)(`x ${HOSTILE} \`${HOSTILE}\``)), '<p>x &lt;img src=x onerror=alert(1)&gt; <code>&lt;img src=x onerror=alert(1)&gt;</code></p>');
    });
});
describe('Messages from webviews', () => {
    const A = '0b8b6e47-1111-4222-8333-444455556666';
    const context = { activities: new Set([A]), states: ['Not implemented', 'Started', 'Fully implemented'] };
    const ok = (m) => {
        const r = (0, webviewMessages_1.checkMessage)(m, context);
        assert.ok(r.ok, `${JSON.stringify(m)} refused: ${!r.ok && r.error}`);
        return r.message;
    };
    const refused = (m, pattern) => {
        const r = (0, webviewMessages_1.checkMessage)(m, context);
        assert.ok(!r.ok, `${JSON.stringify(m)} was accepted`);
        assert.match(r.error, pattern);
    };
    it('accepts each well-formed message', () => {
        ok({ type: 'ready' });
        ok({ type: 'openActivity', uuid: A });
        assert.deepEqual(ok({ type: 'openEvidence', path: '.github/workflows/ci.yml', line: 12, column: 3 }), { type: 'openEvidence', path: '.github/workflows/ci.yml', line: 12, column: 3 });
        ok({ type: 'openExternal', url: 'https://www.jenkins.io/' });
        ok({ type: 'openInWeb', uuid: A });
        ok({ type: 'setState', uuid: A, state: 'Started' });
        assert.deepEqual(ok({ type: 'markNotApplicable', uuid: A, reason: '  no containers  ' }), { type: 'markNotApplicable', uuid: A, reason: 'no containers' });
        assert.deepEqual(ok({ type: 'markNotApplicable', uuid: A, reason: '   ' }), { type: 'markNotApplicable', uuid: A });
        ok({ type: 'resetActivity', uuid: A });
        ok({ type: 'insertFix', uuid: A });
        ok({ type: 'setTargetLevel', level: 3 });
        ok({ type: 'export', format: 'html' });
    });
    it('refuses malformed, unknown or dangerous messages', () => {
        refused(null, /not an object/);
        refused('openActivity', /not an object/);
        refused([{ type: 'ready' }], /not an object/);
        refused({ type: 'runCommand', command: 'workbench.action.terminal.new' }, /unknown message type/);
        refused({ type: '__proto__' }, /unknown message type/);
        refused({ type: 'openActivity', uuid: A, command: 'x' }, /unexpected field command/);
        refused({ type: 'openActivity', uuid: `${A}'; drop` }, /not an activity uuid/);
        refused({ type: 'openActivity', uuid: '0b8b6e47-1111-4222-8333-999999999999' }, /no activity/);
        refused({ type: 'openActivity' }, /not an activity uuid/);
        for (const p of ['../secret', 'a/../../b', '/etc/passwd', 'C:/Windows/x', 'a\\..\\b', 'file:///etc/passwd', 'a//b', './a', 'a\u0000b', '']) {
            refused({ type: 'openEvidence', path: p, line: 1 }, /relative path/);
        }
        for (const line of [0, -1, 1.5, '3', 1e9, NaN])
            refused({ type: 'openEvidence', path: 'a.yml', line }, /line/);
        refused({ type: 'openEvidence', path: 'a.yml', line: 1, column: 0 }, /column/);
        for (const url of ['javascript:alert(1)', 'command:dsomm.refresh', 'http://example.org', 'vscode://file/x', 42])
            refused({ type: 'openExternal', url }, /only https/);
        refused({ type: 'setState', uuid: A, state: 'Hacked' }, /unknown progress state/);
        refused({ type: 'setState', uuid: A, state: 7 }, /state name/);
        refused({ type: 'markNotApplicable', uuid: A, reason: 'x'.repeat(2001) }, /reason/);
        refused({ type: 'markNotApplicable', uuid: A, reason: { toString: 'x' } }, /reason/);
        for (const level of [0, 6, 2.5, '2'])
            refused({ type: 'setTargetLevel', level }, /level must be 1 to 5/);
        refused({ type: 'export', format: 'pdf' }, /format must be one of/);
    });
});
describe('Webview page scripts and styles (media/webview)', () => {
    const dir = path.join(scanHelpers_1.REPO_ROOT, 'media', 'webview');
    const read = (f) => (0, node_fs_1.readFileSync)(path.join(dir, f), 'utf8');
    it('build the page from text only: no markup parsing, no eval, no network', () => {
        for (const f of ['webview.js', 'details.js', 'dashboard.js']) {
            const src = read(f);
            for (const [re, what] of [
                [/\.innerHTML\b|\.outerHTML\b|insertAdjacentHTML|document\.write|DOMParser|createContextualFragment/, 'markup parsing'],
                [/\beval\s*\(|new\s+Function\b|setTimeout\s*\(\s*['"`]/, 'eval'],
                [/\bfetch\s*\(|XMLHttpRequest|WebSocket|EventSource|importScripts|navigator\.sendBeacon/, 'network access'],
                [/https?:\/\/(?!\)|\/)/, 'a hard-coded URL'],
            ]) {
                assert.doesNotMatch(src, re, `${f} uses ${what}`);
            }
        }
        // Links are only set from view-model URLs that are https (safeHref) and are checked again.
        assert.match(read('webview.js'), /\/\^https:\\\/\\\/\//);
    });
    it('style with theme variables and load nothing from outside', () => {
        const css = read('webview.css');
        assert.doesNotMatch(css, /@import|url\(/, 'the stylesheet loads other resources');
        assert.match(css, /var\(--vscode-foreground\)/);
        assert.match(css, /body\.vscode-high-contrast/);
    });
});
//# sourceMappingURL=webview-views.test.js.map