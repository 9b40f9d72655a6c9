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
// The activity tree's view model (core/view/activityTree.ts) and the command argument resolver
// (core/view/activityArgs.ts), over the demo workspace and the bundled model.
const assert = __importStar(require("node:assert/strict"));
const progress_1 = require("../../src/core/progress");
const activityArgs_1 = require("../../src/core/view/activityArgs");
const activityTree_1 = require("../../src/core/view/activityTree");
const levelSummary_1 = require("../../src/core/view/levelSummary");
const scanHelpers_1 = require("./scanHelpers");
const BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b'; // Defined build process (detected in the demo)
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components (missing in the demo)
const SECRETS = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c'; // Test for stored secrets in code (detected)
function activities(nodes) {
    return nodes.flatMap((n) => (n.type === 'activity' ? [n] : n.type === 'evidence' ? [] : activities(n.children)));
}
function allIds(nodes) {
    return nodes.flatMap((n) => [n.id, ...(n.type === 'evidence' ? [] : allIds(n.children))]);
}
function find(nodes, uuid) {
    const n = activities(nodes).find((a) => a.activity.uuid === uuid);
    assert.ok(n, `activity ${uuid} not in the tree`);
    return n;
}
function modelSize(model) {
    return model.dimensions.reduce((n, d) => n + d.subdimensions.reduce((m, s) => m + s.activities.length, 0), 0);
}
/** The demo's result with team "Blue": BUILD fully implemented, SBOM started, SECRETS not applicable. */
function withProgress(result) {
    const settings = (0, progress_1.resolveProgressSettings)({ team: 'Blue' });
    const progress = (0, progress_1.parseProgressText)(`progress:\n  ${BUILD}:\n    Blue:\n      Started: 2026-01-02\n      Partly implemented: 2026-01-03\n      Fully implemented: 2026-01-04\n  ${SBOM}:\n    Blue:\n      Started: 2026-02-01\n`, settings.file);
    const evidence = (0, progress_1.parseEvidenceText)(`evidence:\n  ${SECRETS}:\n    - id: 11111111-1111-4111-8111-111111111111\n      teams: [Blue]\n      title: Not applicable\n      description: "no *secrets* [here](http://x)"\n      evidenceRecorded: 2026-03-01\n      reviewer: ana\n`, settings.evidenceFile);
    return (0, progress_1.applyProgress)(result, new progress_1.ProgressData(settings, progress, evidence));
}
describe('activity tree view model', () => {
    let model;
    let result;
    before(async () => {
        model = (0, scanHelpers_1.bundled)().model;
        result = (await (0, scanHelpers_1.scanDir)(scanHelpers_1.DEMO)).result;
    });
    describe('grouping and filters', () => {
        it('by dimension: dimension → sub-dimension → activity with counts that add up, every activity once', () => {
            const tree = (0, activityTree_1.buildActivityTree)(model, result);
            assert.deepEqual(tree.map((d) => d.type), tree.map(() => 'dimension'));
            assert.deepEqual(tree.map((d) => d.label), model.dimensions.map((d) => d.name));
            for (const d of tree) {
                assert.ok(d.children.every((s) => s.type === 'subdimension'));
                assert.equal(d.total, d.children.reduce((n, s) => n + s.total, 0));
                assert.equal(d.achieved, d.children.reduce((n, s) => n + s.achieved, 0));
            }
            assert.equal(activities(tree).length, modelSize(model));
            assert.equal(new Set(allIds(tree)).size, allIds(tree).length, 'node ids are unique');
            const achieved = result.activities.filter((a) => ['detected', 'done', 'not-applicable'].includes(a.status)).length;
            assert.equal(tree.reduce((n, d) => n + d.achieved, 0), achieved);
        });
        it('by level: Level 1 … 5 → dimension → activities of that level only', () => {
            const tree = (0, activityTree_1.buildActivityTree)(model, result, { groupBy: 'level' });
            assert.deepEqual(tree.map((l) => l.label), ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
            for (const level of tree) {
                assert.equal(level.type, 'level');
                for (const dim of level.children) {
                    assert.equal(dim.type, 'dimension');
                    assert.ok(dim.children.every((a) => a.type === 'activity' && a.activity.level === level.level), `${level.label}/${dim.label} mixes levels`);
                }
            }
            assert.equal(tree[0].total, 26, 'DSOMM 4.3.1 has 26 level-1 activities');
            assert.equal(activities(tree).length, modelSize(model));
            assert.equal(new Set(allIds(tree)).size, allIds(tree).length);
            // The two groupings never share ids (VS Code keeps expansion state by id).
            const dimIds = new Set(allIds((0, activityTree_1.buildActivityTree)(model, result)).filter((id) => !id.startsWith('act:') && !id.startsWith('ev:')));
            assert.ok(allIds(tree).every((id) => !dimIds.has(id)));
        });
        it('level filter keeps levels ≤ max in both groupings', () => {
            for (const groupBy of ['dimension', 'level']) {
                const acts = activities((0, activityTree_1.buildActivityTree)(model, result, { groupBy, maxLevel: 2 }));
                assert.ok(acts.length > 26 && acts.every((a) => a.activity.level <= 2), groupBy);
            }
            assert.equal(activities((0, activityTree_1.buildActivityTree)(model, result, { maxLevel: 1 })).length, 26);
        });
        it('status filter hides rows, drops empty groups, and keeps the counts of the level-filtered tree', () => {
            const all = (0, activityTree_1.buildActivityTree)(model, result, { maxLevel: 2 });
            const statuses = new Set(['missing']);
            const missing = (0, activityTree_1.buildActivityTree)(model, result, { maxLevel: 2, statuses });
            const acts = activities(missing);
            assert.ok(acts.length > 0);
            assert.ok(acts.every((a) => a.result?.status === 'missing'));
            assert.equal(acts.length, activities(all).filter((a) => a.result?.status === 'missing').length);
            for (const d of missing) {
                const same = all.find((x) => x.id === d.id);
                assert.equal(d.total, same.total, `${d.label}: counts follow the level filter, not the status filter`);
                assert.equal(d.achieved, same.achieved);
                assert.ok(d.children.length > 0 && d.children.every((s) => s.type === 'subdimension' && s.children.length > 0));
            }
            // Unassessed activities have no status: a status filter hides them all.
            assert.deepEqual((0, activityTree_1.buildActivityTree)(model, undefined, { statuses }), []);
            const byLevel = (0, activityTree_1.buildActivityTree)(model, result, { groupBy: 'level', statuses });
            assert.ok(activities(byLevel).every((a) => a.result?.status === 'missing'));
        });
        it('hiding the undecided rows keeps every other row and every count; groups know their undecided activities', () => {
            const all = (0, activityTree_1.buildActivityTree)(model, result);
            const hidden = (0, activityTree_1.buildActivityTree)(model, result, { hideUndecided: true });
            const undecided = result.activities.filter((a) => a.status === 'unknown');
            assert.ok(undecided.length > 50, 'the demo has many activities no file can show');
            assert.equal(activities(hidden).length, activities(all).length - undecided.length);
            assert.ok(activities(hidden).every((a) => a.result?.status !== 'unknown'));
            assert.equal(all.reduce((n, d) => n + d.undecided, 0), undecided.length);
            for (const d of all) {
                const same = hidden.find((x) => x.id === d.id);
                // A dimension whose every activity needs a decision disappears; the others keep their counts.
                if (!same) {
                    assert.equal(d.undecided, d.total - d.achieved);
                    continue;
                }
                assert.deepEqual([same.total, same.achieved, same.undecided], [d.total, d.achieved, d.undecided], d.label);
                assert.deepEqual(new Set(same.undecidedIds), new Set(activities([d]).filter((a) => a.result?.status === 'unknown').map((a) => a.activity.uuid)));
            }
            // Together with a status filter both apply.
            const both = (0, activityTree_1.buildActivityTree)(model, result, { hideUndecided: true, statuses: new Set(['unknown', 'missing']) });
            assert.ok(activities(both).length > 0 && activities(both).every((a) => a.result?.status === 'missing'));
        });
        it('counts say which levels they count: top-level rows name the levels, the tooltip says it in words', () => {
            const tree = (0, activityTree_1.buildActivityTree)(model, result);
            const dim = tree[0];
            assert.equal((0, activityTree_1.groupDescription)(dim, 5, true), `${dim.achieved}/${dim.total} · L1–5`);
            assert.equal((0, activityTree_1.groupDescription)(dim.children[0], 5, false), `${dim.children[0].achieved}/${dim.children[0].total}`);
            const filtered = (0, activityTree_1.buildActivityTree)(model, result, { maxLevel: 1 });
            assert.match((0, activityTree_1.groupDescription)(filtered[0], 1, true), /^\d+\/\d+ · L1$/);
            assert.match((0, activityTree_1.groupDescription)((0, activityTree_1.buildActivityTree)(model, result, { maxLevel: 3 })[0], 3, true), /^\d+\/\d+ · L1–3$/);
            const byLevel = (0, activityTree_1.buildActivityTree)(model, result, { groupBy: 'level' });
            assert.equal((0, activityTree_1.groupDescription)(byLevel[0], 5, true), `${byLevel[0].achieved}/26`, 'a level row names its level in the label');
            assert.match((0, activityTree_1.groupTooltip)(filtered[0], 1), new RegExp(`^${filtered[0].label}: ${filtered[0].achieved} of ${filtered[0].total} activities \\(level 1\\) detected, done or not applicable\\.`));
            assert.match((0, activityTree_1.groupTooltip)(dim, 5), /\(levels 1–5\)/);
            assert.match((0, activityTree_1.groupTooltip)(dim, 5), new RegExp(`\n${dim.undecided} of them need your decision`));
            assert.match((0, activityTree_1.groupTooltip)(byLevel[1], 5), /\(level 2\)/);
            assert.match((0, activityTree_1.groupAccessibilityLabel)(filtered[0], 1), /activities \(level 1\) achieved$/);
        });
        it('multi-root: one folder node per folder with unique ids and the folder key on activities and evidence', () => {
            const two = (0, activityTree_1.buildWorkspaceTree)([
                { key: 'file:///a', name: 'a', model, result },
                { key: 'file:///b', name: 'b', model, result: undefined },
            ]);
            assert.deepEqual(two.map((f) => [f.type, f.label, f.folder]), [['folder', 'a', 'file:///a'], ['folder', 'b', 'file:///b']]);
            assert.equal(two[0].total, modelSize(model));
            assert.ok(two[0].achieved > 0);
            assert.equal(two[1].achieved, 0);
            assert.equal(new Set(allIds(two)).size, allIds(two).length);
            const build = find(two[0].children, BUILD);
            assert.equal(build.folder, 'file:///a');
            assert.ok(build.children.length > 0 && build.children.every((e) => e.folder === 'file:///a'));
            assert.equal(find(two[1].children, BUILD).folder, 'file:///b');
            const one = (0, activityTree_1.buildWorkspaceTree)([{ key: 'file:///a', name: 'a', model, result }]);
            assert.equal(one[0].type, 'dimension');
            assert.equal(find(one, BUILD).folder, undefined);
            assert.deepEqual(allIds(one), allIds((0, activityTree_1.buildActivityTree)(model, result)));
        });
    });
    describe('rows', () => {
        it('menu keys: activity.<status>, .marked when the team recorded something', () => {
            const plain = (0, activityTree_1.buildActivityTree)(model, result);
            assert.equal((0, activityTree_1.activityContextValue)(find(plain, BUILD)), 'activity.detected');
            assert.equal((0, activityTree_1.activityContextValue)(find(plain, SBOM)), 'activity.missing');
            const marked = (0, activityTree_1.buildActivityTree)(model, withProgress(result));
            assert.equal((0, activityTree_1.activityContextValue)(find(marked, BUILD)), 'activity.done.marked');
            assert.equal((0, activityTree_1.activityContextValue)(find(marked, SBOM)), 'activity.in-progress.marked');
            assert.equal((0, activityTree_1.activityContextValue)(find(marked, SECRETS)), 'activity.not-applicable.marked');
            assert.equal((0, activityTree_1.activityContextValue)(find((0, activityTree_1.buildActivityTree)(model), BUILD)), 'activity.unassessed');
        });
        it('descriptions: level and status; the team state next to what the files show', () => {
            const plain = (0, activityTree_1.buildActivityTree)(model, result);
            assert.equal((0, activityTree_1.activityDescription)(find(plain, BUILD)), 'L1 · detected');
            assert.equal((0, activityTree_1.activityDescription)(find(plain, SBOM)), 'L2 · missing');
            const marked = (0, activityTree_1.buildActivityTree)(model, withProgress(result));
            assert.equal((0, activityTree_1.activityDescription)(find(marked, BUILD)), 'L1 · Fully implemented · detected in files');
            assert.equal((0, activityTree_1.activityDescription)(find(marked, SBOM)), 'L2 · Started');
            assert.match((0, activityTree_1.activityDescription)(find(marked, SECRETS)), /^L\d · not applicable · detected in files$/);
            // Marking never hides the evidence.
            assert.equal(find(marked, BUILD).children.length, find(plain, BUILD).children.length);
            assert.equal((0, activityTree_1.activityDescription)(find((0, activityTree_1.buildActivityTree)(model), BUILD)), 'L1');
        });
        it('tree rows: a short status word (the level is the badge), the team state, detection next to it', () => {
            const plain = (0, activityTree_1.buildActivityTree)(model, result);
            assert.equal((0, activityTree_1.activityRowDescription)(find(plain, BUILD)), 'detected');
            assert.equal((0, activityTree_1.activityRowDescription)(find(plain, SBOM)), 'missing');
            const undecided = activities(plain).find((a) => a.result?.status === 'unknown');
            assert.equal((0, activityTree_1.activityRowDescription)(undecided), 'undecided');
            const marked = (0, activityTree_1.buildActivityTree)(model, withProgress(result));
            assert.equal((0, activityTree_1.activityRowDescription)(find(marked, BUILD)), 'done · detected');
            assert.equal((0, activityTree_1.activityRowDescription)(find(marked, SBOM)), 'Started');
            assert.equal((0, activityTree_1.activityRowDescription)(find(marked, SECRETS)), 'N/A · detected');
            assert.equal((0, activityTree_1.activityRowDescription)(find((0, activityTree_1.buildActivityTree)(model), BUILD)), '');
            assert.deepEqual([1, 5].map(activityTree_1.levelBadge), ['L1', 'L5']);
        });
        it('evidence rows do not repeat the path the row shows next to them', () => {
            const loc = { path: '.github/workflows/ci.yml', line: 16, column: 1 };
            assert.equal((0, activityTree_1.evidenceLabel)({ loc, text: '.github/workflows/ci.yml: 4 jobs' }), '4 jobs');
            assert.equal((0, activityTree_1.evidenceLabel)({ loc, text: '.github/workflows/ci.yml:16 — uses: x' }), 'uses: x');
            assert.equal((0, activityTree_1.evidenceLabel)({ loc, text: '.github/workflows/ci.yml' }), 'ci.yml');
            assert.equal((0, activityTree_1.evidenceLabel)({ loc, text: 'runs on ubuntu-latest' }), 'runs on ubuntu-latest');
            // Every evidence row of the demo: none starts with its own path.
            for (const a of activities((0, activityTree_1.buildActivityTree)(model, result))) {
                for (const e of a.children)
                    assert.ok(!(0, activityTree_1.evidenceLabel)(e.evidence).startsWith(`${e.evidence.loc.path}:`), (0, activityTree_1.evidenceLabel)(e.evidence));
            }
            const build = result.activities.find((a) => a.activity.uuid === BUILD);
            assert.ok(!/`[^`]*` \.github\/workflows\/ci\.yml:/.test((0, activityTree_1.activityTooltipMarkdown)(build.activity, build)));
        });
        it('model text in tooltips: `code` stays code, the rest is escaped', () => {
            assert.equal((0, activityTree_1.markdownWithCode)('Use `npm audit` or [x](y)'), 'Use `npm audit` or \\[x\\]\\(y\\)');
            assert.equal((0, activityTree_1.markdownWithCode)('a lone ` backtick'), 'a lone \\` backtick');
            const withCode = model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities)).find((a) => /`[^`]+`/.test(a.measure ?? ''));
            assert.ok(withCode, 'the bundled model has measures with code');
            const md = (0, activityTree_1.activityTooltipMarkdown)(withCode, undefined);
            assert.ok(!md.includes('\\`'), 'no escaped (literal) backticks');
        });
        it('screen-reader labels say status, team state, reason and evidence count', () => {
            const marked = (0, activityTree_1.buildActivityTree)(model, withProgress(result));
            const build = find(marked, BUILD);
            assert.match((0, activityTree_1.activityAccessibilityLabel)(build), /^Defined build process, level 1, done, team state Fully implemented, \d+ evidence places?$/);
            assert.match((0, activityTree_1.activityAccessibilityLabel)(find(marked, SECRETS)), /not applicable: no \*secrets\* \[here\]\(http:\/\/x\)/);
        });
        it('tooltips show files and team decisions, escaping text from files', () => {
            const r = withProgress(result);
            const secrets = r.activities.find((a) => a.activity.uuid === SECRETS);
            const md = (0, activityTree_1.activityTooltipMarkdown)(secrets.activity, secrets);
            assert.match(md, /\*\*Status:\*\* not applicable/);
            assert.match(md, /\*\*Files:\*\* detected \(\d+ places? in your files\)/);
            assert.match(md, /\*\*Not applicable\*\* \(by ana on 2026-03-01\): no \\\*secrets\\\* \\\[here\\\]\\\(http\\:\/\/x\\\)/);
            const build = r.activities.find((a) => a.activity.uuid === BUILD);
            assert.match((0, activityTree_1.activityTooltipMarkdown)(build.activity, build), /\*\*Team Blue:\*\* Fully implemented \(100 %\) since 2026-01-04/);
            const hostile = { ...build.activity, name: '[click](command:evil) <img src=x>' };
            const out = (0, activityTree_1.activityTooltipMarkdown)(hostile, build);
            // Every Markdown-active character is backslash-escaped, so nothing becomes a link or HTML.
            assert.ok(out.startsWith('**\\[click\\]\\(command\\:evil\\) &lt;img src\\=x&gt;**'), out.split('\n')[0]);
        });
        it('quick-pick entries: model order, filtered, with status and place', () => {
            const all = (0, activityTree_1.activityPickItems)(model, result);
            assert.equal(all.length, modelSize(model));
            const build = all.find((p) => p.uuid === BUILD);
            assert.deepEqual({ ...build }, { uuid: BUILD, label: 'Defined build process', description: 'L1 · detected', detail: 'Build and Deployment › Build' });
            const notDone = (0, activityTree_1.activityPickItems)(model, withProgress(result), (_, r) => r?.status !== 'done');
            assert.equal(notDone.length, all.length - 1);
            assert.ok(!notDone.some((p) => p.uuid === BUILD));
            assert.equal((0, activityTree_1.activityPickItems)(model, undefined).find((p) => p.uuid === SBOM)?.description, 'L2');
        });
    });
    describe('status bar', () => {
        it('counts detected, done and not applicable up to the target level, per dimension', () => {
            const plain = (0, levelSummary_1.targetSummary)(result, 1);
            assert.equal(plain.total, 26);
            assert.equal((0, levelSummary_1.statusBarText)(plain), `DSOMM L1 · ${plain.achieved}/26`);
            assert.equal(plain.dimensions.reduce((n, d) => n + d.total, 0), 26);
            assert.equal(plain.dimensions.reduce((n, d) => n + d.achieved, 0), plain.achieved);
            // BUILD and SECRETS were detected already; marking SBOM (level 2) started changes nothing at level 1.
            assert.equal((0, levelSummary_1.targetSummary)(withProgress(result), 1).achieved, plain.achieved);
            const settings = (0, progress_1.resolveProgressSettings)({ team: 'Blue' });
            const unknownL1 = result.activities.find((a) => a.activity.level === 1 && a.status === 'unknown').activity.uuid;
            const marked = (0, progress_1.applyProgress)(result, new progress_1.ProgressData(settings, (0, progress_1.parseProgressText)(`progress:\n  ${unknownL1}:\n    Blue:\n      Fully implemented: 2026-01-01\n`, settings.file)));
            const after = (0, levelSummary_1.targetSummary)(marked, 1);
            assert.equal(after.achieved, plain.achieved + 1);
            assert.equal(after.undecided, plain.undecided - 1);
        });
        it('says which levels it counts', () => {
            assert.equal((0, levelSummary_1.statusBarText)((0, levelSummary_1.targetSummary)(result, 1)).split(' · ')[0], 'DSOMM L1');
            const s3 = (0, levelSummary_1.targetSummary)(result, 3);
            assert.equal((0, levelSummary_1.statusBarText)(s3), `DSOMM L1–3 · ${s3.achieved}/${s3.total}`);
            assert.match((0, levelSummary_1.statusBarTooltipMarkdown)(s3, result.achievedLevel), new RegExp(`${s3.achieved} of the ${s3.total} activities at levels 1–3 `));
        });
        it('tooltip: a table row per dimension, names escaped', () => {
            const s = (0, levelSummary_1.targetSummary)(result, 2);
            const md = (0, levelSummary_1.statusBarTooltipMarkdown)({ ...s, dimensions: [...s.dimensions, { name: 'Evil | [x](command:y)', total: 1, achieved: 0 }] }, result.achievedLevel);
            for (const d of s.dimensions)
                assert.ok(md.includes(`| ${d.name} | ${d.achieved}/${d.total} |`), d.name);
            assert.ok(md.includes('| Evil \\| \\[x\\]\\(command\\:y\\) | 0/1 |'), md);
        });
    });
    describe('command arguments', () => {
        const node = (uuid, folder) => ({ type: 'activity', id: `act:${uuid}`, ...(folder ? { folder } : {}), activity: { uuid }, children: [] });
        it('uuid string, { uuid, state, reason }, nothing', () => {
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(` ${BUILD} `), { kind: 'targets', targets: [{ uuid: BUILD }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)({ uuid: SBOM, state: 'Started', reason: ' ' }), { kind: 'targets', targets: [{ uuid: SBOM, state: 'Started' }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)({ uuid: SBOM, reason: 'no images' }), { kind: 'targets', targets: [{ uuid: SBOM, reason: 'no images' }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(), { kind: 'pick' });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(undefined, []), { kind: 'pick' });
        });
        it('tree node alone, and with the multi-selection it belongs to', () => {
            const a = node(BUILD, 'file:///a');
            const b = node(SBOM, 'file:///a');
            const c = node(SECRETS, 'file:///b');
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(a), { kind: 'targets', targets: [{ uuid: BUILD, folder: 'file:///a' }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(a, [a, b, c]), {
                kind: 'targets',
                targets: [{ uuid: BUILD, folder: 'file:///a' }, { uuid: SBOM, folder: 'file:///a' }, { uuid: SECRETS, folder: 'file:///b' }],
            });
            // Right-clicking a row outside the selection acts on that row only (as VS Code's own views do).
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(c, [a, b]), { kind: 'targets', targets: [{ uuid: SECRETS, folder: 'file:///b' }] });
            // Groups and evidence rows in a selection are skipped; duplicates folded.
            const group = { type: 'dimension', id: 'dim:x', label: 'x', total: 0, achieved: 0, children: [] };
            const ev = { type: 'evidence', id: 'ev', evidence: {} };
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(a, [group, a, ev, a]), { kind: 'targets', targets: [{ uuid: BUILD, folder: 'file:///a' }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)(undefined, [b, group]), { kind: 'targets', targets: [{ uuid: SBOM, folder: 'file:///a' }] });
            assert.deepEqual((0, activityArgs_1.resolveActivityArgs)([BUILD, { uuid: BUILD }, SBOM]), { kind: 'targets', targets: [{ uuid: BUILD }, { uuid: SBOM }] });
        });
        it('refuses what names no activity', () => {
            for (const bad of ['', 'a b', 'x\ny', 42, { type: 'dimension', label: 'x' }, { type: 'evidence' }, { name: 'x' }, { uuid: 'not valid!' }, []]) {
                assert.equal((0, activityArgs_1.resolveActivityArgs)(bad).kind, 'invalid', JSON.stringify(bad));
            }
        });
        it('DSOMM web page URL', () => {
            assert.equal((0, activityArgs_1.dsommWebUrl)(BUILD), `https://dsomm.owasp.org/activity-description?uuid=${BUILD}`);
            assert.equal((0, activityArgs_1.dsommWebUrl)('a&b=c'), 'https://dsomm.owasp.org/activity-description?uuid=a%26b%3Dc');
        });
    });
});
//# sourceMappingURL=activity-tree-view.test.js.map