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
// The team progress store (src/core/progress): the DSOMM web app's team-progress.yaml and
// team-evidence.yaml, edits that never lose data, applyProgress, and `dsomm scan --progress`.
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const yaml_1 = require("yaml");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const progress_1 = require("../../src/core/progress");
const main_1 = require("../../src/cli/main");
const BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b';
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473';
const OTHER = '0aaaaaaa-0000-4000-8000-000000000000';
/** The sample of formats.md §3.2 (as the web app v4 exports it). */
const UPSTREAM = `progress:
  f6f7737f-25a9-4317-8de2-09bf59f29b5b:  # Defined build process
    'Team A':
      'Started': 2025-10-01
      'Partly implemented': 2025-10-01
      'Fully implemented': 2025-11-15
    'Team B':
      'Started': 2026-01-12
  2858ac12-0179-40d9-9acf-1b839c030473:  # SBOM of components
    'Team B':
      'Started': 2026-02-03
`;
/** team-evidence.yaml as the web app (≥ 4.4.1) writes it. */
const UPSTREAM_EVIDENCE = `evidence:
  f6f7737f-25a9-4317-8de2-09bf59f29b5b:
    - id: 7d3a4c1e-1111-4222-8333-444455556666
      teams: [Team A, Team B]
      title: Pentest 2026
      description: |
        Report in **Confluence**.
      evidenceRecorded: 2026-01-31
      reviewer: Jane Doe
      attachment:
        - type: link
          externalLink: https://example.org/report
`;
const roots = [];
function workspace(files = {}) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-progress-'));
    roots.push(root);
    for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
    }
    return {
        root,
        fs: new nodeFileSystem_1.NodeFileSystem(root),
        read: (rel) => fs.readFileSync(path.join(root, rel), 'utf8'),
        exists: (rel) => fs.existsSync(path.join(root, rel)),
    };
}
after(() => {
    for (const r of roots)
        fs.rmSync(r, { recursive: true, force: true });
});
const settingsFor = (team, extra = {}) => (0, progress_1.resolveProgressSettings)({ team, ...extra });
const FILE = '.dsomm/team-progress.yaml';
const EVIDENCE = '.dsomm/team-evidence.yaml';
/** What the web app sees: yaml v2 with the yaml-1.1 schema. */
function appView(text) {
    return (0, yaml_1.parse)(text, { schema: 'yaml-1.1' });
}
function progressOf(text) {
    return (appView(text).progress ?? {});
}
const day = (d) => d.toISOString().slice(0, 10);
function sequentialIds() {
    let n = 0;
    return () => `00000000-0000-4000-8000-${String(++n).padStart(12, '0')}`;
}
async function rejectsWith(p, check) {
    let caught;
    try {
        await p;
    }
    catch (e) {
        caught = e;
    }
    assert.ok(caught instanceof progress_1.ProgressFileError, `expected a ProgressFileError, got ${caught}`);
    check(caught);
}
/** A FileSystem over another that can run hooks and fail chosen operations. */
class HookedFileSystem {
    inner;
    writes = [];
    renames = [];
    onWrite;
    failRename;
    failDelete = false;
    constructor(inner) {
        this.inner = inner;
    }
    readFile(p, o) {
        return this.inner.readFile(p, o);
    }
    readDirectory(p) {
        return this.inner.readDirectory(p);
    }
    stat(p) {
        return this.inner.stat(p);
    }
    async writeFile(p, data) {
        this.writes.push(p);
        await this.inner.writeFile(p, data);
        await this.onWrite?.(p);
    }
    async rename(from, to, options) {
        const err = this.failRename?.(from, to);
        if (err)
            throw err;
        this.renames.push([from, to]);
        await this.inner.rename(from, to, options);
    }
    async delete(p) {
        if (this.failDelete)
            throw new Error('crashed');
        await this.inner.delete(p);
    }
    createDirectory(p) {
        return this.inner.createDirectory(p);
    }
    createExclusive(p, data) {
        return this.inner.createExclusive(p, data);
    }
}
describe('progress store', () => {
    describe('settings', () => {
        it('defaults to the web app states, .dsomm/team-progress.yaml and its companion', () => {
            const s = (0, progress_1.resolveProgressSettings)();
            assert.equal(s.file, '.dsomm/team-progress.yaml');
            assert.equal(s.evidenceFile, '.dsomm/team-evidence.yaml');
            assert.deepEqual(s.states, [
                { name: 'Not implemented', score: 0 },
                { name: 'Started', score: 20 },
                { name: 'Partly implemented', score: 50 },
                { name: 'Fully implemented', score: 100 },
            ]);
            assert.equal((0, progress_1.resolveProgressSettings)({ file: 'dsomm/progress.yaml' }).evidenceFile, 'dsomm/team-evidence.yaml');
        });
        it('takes states as meta.yaml writes them, sorted by score, and refuses invalid definitions', () => {
            const s = (0, progress_1.resolveProgressSettings)({ team: 'Blue', states: [{ name: 'Implemented', score: '100%' }, { name: 'Backlog', score: '0%' }, { name: 'Started', score: 30 }] });
            assert.deepEqual(s.states.map((x) => `${x.name}=${x.score}`), ['Backlog=0', 'Started=30', 'Implemented=100']);
            assert.equal(s.team, 'Blue');
            const bad = [
                [{ states: [{ name: 'A', score: 10 }, { name: 'B', score: 100 }] }, /lowest .* must score 0/],
                [{ states: [{ name: 'A', score: 0 }, { name: 'B', score: 90 }] }, /highest .* must score 100/],
                [{ states: [{ name: 'A', score: 0 }, { name: 'A', score: 100 }] }, /defined twice/],
                [{ states: [{ name: 'A', score: 0 }, { name: 'B', score: 50 }, { name: 'C', score: 50 }, { name: 'D', score: 100 }] }, /two progress states have the score 50/],
                [{ states: [{ name: 'A', score: 0 }, { name: 'B', score: 'lots' }] }, /not a percentage/],
                [{ states: [{ name: 'A', score: 0 }, { name: 'B', score: 150 }] }, /within 0–100/],
                [{ team: 'two\nlines' }, /one line/],
            ];
            for (const [input, re] of bad)
                assert.throws(() => (0, progress_1.resolveProgressSettings)(input), (e) => e instanceof progress_1.ProgressSettingsError && re.test(e.message), JSON.stringify(input));
        });
    });
    describe('reading', () => {
        it('reads the upstream sample: highest dated state per team, teams, activity comments', () => {
            const doc = (0, progress_1.parseProgressText)(UPSTREAM, 'team-progress.yaml');
            const data = new progress_1.ProgressData(settingsFor('Team A'), doc);
            assert.deepEqual(data.teams(), ['Team A', 'Team B']);
            assert.deepEqual(data.stateOf(BUILD), { state: 'Fully implemented', score: 100, date: '2025-11-15', top: true });
            assert.deepEqual(data.stateOf(BUILD, 'Team B'), { state: 'Started', score: 20, date: '2026-01-12', top: false });
            assert.deepEqual(data.stateOf(SBOM, 'Team B'), { state: 'Started', score: 20, date: '2026-02-03', top: false });
            assert.equal(data.stateOf(SBOM), undefined);
            assert.equal(data.stateOf(OTHER), undefined);
            assert.deepEqual(data.historyOf(BUILD).map((h) => `${h.state}@${h.date}`), ['Started@2025-10-01', 'Partly implemented@2025-10-01', 'Fully implemented@2025-11-15']);
            assert.equal(doc.activities.get(BUILD).comment, 'Defined build process');
            assert.equal(doc.activities.get(SBOM).comment, 'SBOM of components');
            assert.equal(doc.activities.get(SBOM).line, 9);
        });
        it('reads quoted dates (single and double), one-digit months and timestamps', () => {
            const text = `progress:
  ${BUILD}:
    Team A:
      Started: '2025-10-01'
      Partly implemented: "2025-10-02"
    Team B:
      Started: 2025-1-5
      Partly implemented: 2025-10-02T10:30:00Z
      Fully implemented: "2025-10-03 08:00:00 +02:00"
`;
            const data = new progress_1.ProgressData(settingsFor('Team A'), (0, progress_1.parseProgressText)(text, 'p.yaml'));
            assert.deepEqual(data.stateOf(BUILD), { state: 'Partly implemented', score: 50, date: '2025-10-02', top: false });
            assert.deepEqual(data.historyOf(BUILD, 'Team B').map((h) => h.date), ['2025-01-05', '2025-10-02', '2025-10-03']);
            assert.equal((0, progress_1.parseProgressText)(text, 'p.yaml').activities.get(BUILD).teams.get('Team B').get('Fully implemented'), '2025-10-03T06:00:00Z');
        });
        it('reads an empty file, a comment-only file and an empty `progress:` as no progress', () => {
            for (const text of ['', '# Team progress\n', 'progress:\n', '# c\nprogress: {}\n']) {
                const doc = (0, progress_1.parseProgressText)(text, 'p.yaml');
                assert.equal(doc.activities.size, 0, JSON.stringify(text));
            }
        });
        it('readProgress: absent files are empty; both files are read', async () => {
            const ws = workspace();
            const empty = await (0, progress_1.readProgress)(ws.fs, settingsFor('Team A'));
            assert.deepEqual(empty.teams(), []);
            assert.deepEqual(empty.activities(), []);
            const ws2 = workspace({ [FILE]: UPSTREAM, [EVIDENCE]: UPSTREAM_EVIDENCE });
            const data = await (0, progress_1.readProgress)(ws2.fs, settingsFor('Team B'));
            assert.deepEqual(data.activities(), [SBOM, BUILD]);
            assert.deepEqual(data.evidence(BUILD), [
                {
                    id: '7d3a4c1e-1111-4222-8333-444455556666',
                    teams: ['Team A', 'Team B'],
                    title: 'Pentest 2026',
                    description: 'Report in **Confluence**.\n',
                    date: '2026-01-31',
                    by: 'Jane Doe',
                    attachments: [{ type: 'link', url: 'https://example.org/report' }],
                },
            ]);
            assert.equal(data.notApplicable(BUILD), undefined);
        });
        it('refuses files that are not progress files, naming file and 1-based line', () => {
            const cases = [
                ['progress:\n  x: [unclosed\n', 3, /not valid YAML/],
                [`progress:\n  ${BUILD}:\n    Team A:\n      Started: soon\n`, 4, /state 'Started': "soon" is not a date/],
                [`progress:\n  ${BUILD}:\n    Team A:\n      Started: 2025-02-30\n`, 4, /"2025-02-30" is not a date/],
                [`progress:\n  ${BUILD}:\n    Team A:\n      Started:\n`, 4, /is not a date/],
                [`progress:\n  ${BUILD}:\n    Team A: yes\n`, 3, /team 'Team A': expected progress states/],
                [`progress:\n  ${BUILD}: [Team A]\n`, 2, /expected team names/],
                ['progress: [a, b]\n', 1, /must map activity uuids/],
                ['- progress\n', 1, /expected a map/],
                [`progress:\n  ${BUILD}:\n    Team A:\n      Started: 2025-10-01\n      Started: 2025-10-02\n`, 5, /state 'Started' appears twice/],
                [`progress:\n  ${BUILD}:\n    Y:\n      Started: 2025-10-01\n    "Y":\n      Started: 2025-10-02\n`, 5, /team 'Y' appears twice/],
                ['progress:\n---\nprogress:\n', 3, /more than one YAML document/],
                ['base: &b {x: 1}\n<<: *b\nprogress:\n', 2, /merge keys \(<<\) are not supported/],
            ];
            for (const [text, line, re] of cases) {
                assert.throws(() => (0, progress_1.parseProgressText)(text, '.dsomm/team-progress.yaml'), (e) => e instanceof progress_1.ProgressFileError && e.file === '.dsomm/team-progress.yaml' && e.line === line && re.test(e.reason) && e.message.startsWith(`.dsomm/team-progress.yaml:${line}: `), `${JSON.stringify(text)} → line ${line} ${re}`);
            }
        });
        it('refuses binary files and evidence files of the wrong shape', async () => {
            const ws = workspace({ [FILE]: 'progress:\n\u0000\u0001' });
            await rejectsWith((0, progress_1.readProgress)(ws.fs, settingsFor('A')), (e) => {
                assert.equal(e.kind, 'encoding');
                assert.equal(e.line, 1);
            });
            assert.throws(() => (0, progress_1.parseEvidenceText)(`evidence:\n  ${BUILD}:\n    id: 1\n`, 'e.yaml'), (e) => e instanceof progress_1.ProgressFileError && e.line === 3 && /expected a list/.test(e.reason));
            assert.throws(() => (0, progress_1.parseEvidenceText)(`evidence:\n  ${BUILD}:\n    - just text\n`, 'e.yaml'), (e) => e instanceof progress_1.ProgressFileError && e.line === 3 && /must be a map/.test(e.reason));
        });
    });
    describe('writing team-progress.yaml', () => {
        it('round trip with the upstream format: one edit, everything else kept, app-readable', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const r = await (0, progress_1.setState)(ws.fs, settingsFor('Team C'), BUILD, 'Started', 'Defined build process', '2026-03-01');
            assert.deepEqual(r, { changed: true, file: FILE });
            assert.equal(ws.read(FILE), `progress:
  ${SBOM}: # SBOM of components
    Team B:
      Started: 2026-02-03
  ${BUILD}: # Defined build process
    Team A:
      Started: 2025-10-01
      Partly implemented: 2025-10-01
      Fully implemented: 2025-11-15
    Team B:
      Started: 2026-01-12
    Team C:
      Started: 2026-03-01
`);
            // What the web app reads: Date objects, nothing else changed.
            const before = progressOf(UPSTREAM);
            const after = progressOf(ws.read(FILE));
            assert.ok(after[BUILD]['Team C'].Started instanceof Date);
            assert.equal(day(after[BUILD]['Team C'].Started), '2026-03-01');
            delete after[BUILD]['Team C'];
            assert.deepEqual(after, before);
            // Writing the same state again changes nothing and does not touch the file.
            const mtime = fs.statSync(path.join(ws.root, FILE)).mtimeMs;
            assert.equal((await (0, progress_1.setState)(ws.fs, settingsFor('Team C'), BUILD, 'Started', 'Defined build process', '2026-04-01')).changed, false);
            assert.equal(fs.statSync(path.join(ws.root, FILE)).mtimeMs, mtime);
        });
        it('a new file: default header, `# name` comment, unquoted dates', async () => {
            const ws = workspace();
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Partly implemented', 'Defined build process', '2026-03-01');
            const text = ws.read(FILE);
            assert.match(text, /^# Team progress in the format of the OWASP DSOMM web app \(v4\)/);
            assert.match(text, new RegExp(`^  ${BUILD}: # Defined build process$`, 'm'));
            assert.match(text, /^ {6}Started: 2026-03-01$/m);
            assert.match(text, /^ {6}Partly implemented: 2026-03-01$/m);
            assert.doesNotMatch(text, /Not implemented/);
            assert.doesNotMatch(text, /['"]2026/);
            assert.equal(ws.exists('.dsomm/.team-progress.yaml.bak'), false, 'no backup of a file that did not exist');
        });
        it('keeps unknown teams, states, activities, top-level keys and the header comment (semantically)', async () => {
            const text = `# Our assessment, see wiki
progress:
  ${OTHER}: # Retired activity
    Team X:
      Planned: 2024-01-01
      Implemented: '2024-02-01'
  ${BUILD}:
    Team A:
      Started: 2025-10-01
      Custom review: 2025-10-05
    'Not referenced':
      Started: 2025-09-09
meta:
  exportedBy: web app
  flags: [yes, 'no', 1.0]
  when: 2025-01-01
`;
            const ws = workspace({ [FILE]: text });
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Fully implemented', undefined, '2026-03-01');
            const out = ws.read(FILE);
            assert.match(out, /^# Our assessment, see wiki\nprogress:\n/);
            const a = appView(text);
            const b = appView(out);
            assert.deepEqual(b.meta, a.meta);
            const pa = a.progress;
            const pb = b.progress;
            assert.deepEqual(pb[OTHER]['Team X'].Planned, pa[OTHER]['Team X'].Planned);
            assert.equal(day(pb[OTHER]['Team X'].Implemented), '2024-02-01', 'a quoted date comes back as a date');
            assert.deepEqual(pb[BUILD]['Not referenced'], pa[BUILD]['Not referenced']);
            assert.deepEqual(Object.fromEntries(Object.entries(pb[BUILD]['Team A']).map(([k, v]) => [k, day(v)])), {
                Started: '2025-10-01',
                'Partly implemented': '2026-03-01',
                'Fully implemented': '2026-03-01',
                'Custom review': '2025-10-05',
            });
            assert.match(out, new RegExp(`  ${OTHER}: # Retired activity\n`));
            // Unknown states come after the configured ones.
            assert.match(out, /Fully implemented: 2026-03-01\n {6}Custom review: 2025-10-05\n/);
        });
        it('expands anchors and aliases (the meaning is kept, the file gets explicit entries)', async () => {
            const text = `progress:\n  ${BUILD}:\n    Team A: &done\n      Started: 2025-10-01\n      Fully implemented: 2025-10-02\n    Team B: *done\nextra: &e [1, 2]\nextra2: *e\n`;
            const ws = workspace({ [FILE]: text });
            assert.equal((await (0, progress_1.readProgress)(ws.fs, settingsFor('Team B'))).stateOf(BUILD)?.state, 'Fully implemented');
            await (0, progress_1.setState)(ws.fs, settingsFor('Team C'), BUILD, 'Started', undefined, '2026-03-01');
            const out = ws.read(FILE);
            assert.doesNotMatch(out, /[&*](done|e)\b/);
            const a = appView(text);
            const b = appView(out);
            delete b.progress[BUILD]['Team C'];
            assert.deepEqual(b, a);
        });
        it('writes cumulative states: moving up fills intermediate states with the same date, keeping earlier dates', async () => {
            const ws = workspace();
            const s = settingsFor('Team A');
            await (0, progress_1.setState)(ws.fs, s, BUILD, 'Started', 'Defined build process', '2025-10-01');
            await (0, progress_1.setState)(ws.fs, s, BUILD, 'Fully implemented', 'Defined build process', '2025-12-24');
            const p = progressOf(ws.read(FILE))[BUILD]['Team A'];
            assert.deepEqual(Object.keys(p), ['Started', 'Partly implemented', 'Fully implemented']);
            assert.deepEqual(Object.values(p).map(day), ['2025-10-01', '2025-12-24', '2025-12-24']);
            const data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.stateOf(BUILD), { state: 'Fully implemented', score: 100, date: '2025-12-24', top: true });
        });
        it('lowering removes higher states; the 0 % state or undefined resets; the activity goes when empty', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const s = settingsFor('Team A');
            await (0, progress_1.setState)(ws.fs, s, BUILD, 'Started', undefined, '2026-03-01');
            assert.deepEqual(Object.entries(progressOf(ws.read(FILE))[BUILD]['Team A']).map(([k, v]) => `${k}=${day(v)}`), ['Started=2025-10-01']);
            await (0, progress_1.setState)(ws.fs, s, BUILD, 'Not implemented', undefined, '2026-03-01');
            assert.equal(progressOf(ws.read(FILE))[BUILD]['Team A'], undefined);
            assert.ok(progressOf(ws.read(FILE))[BUILD]['Team B'], 'Team B stays');
            await (0, progress_1.setState)(ws.fs, settingsFor('Team B'), SBOM, undefined, undefined, '2026-03-01');
            assert.equal(progressOf(ws.read(FILE))[SBOM], undefined, 'no teams left: the activity goes');
            assert.doesNotMatch(ws.read(FILE), /Not implemented/);
            // A 0 % entry of ours (written by hand) goes with our next edit; other teams' stay.
            const ws2 = workspace({ [FILE]: `progress:\n  ${BUILD}:\n    Team A:\n      Not implemented: 2025-01-01\n    Team B:\n      Not implemented: 2025-01-01\n` });
            await (0, progress_1.setState)(ws2.fs, s, BUILD, 'Started', undefined, '2026-03-01');
            const p2 = progressOf(ws2.read(FILE))[BUILD];
            assert.deepEqual(Object.keys(p2['Team A']), ['Started']);
            assert.deepEqual(Object.keys(p2['Team B']), ['Not implemented']);
        });
        it('keeps dates non-decreasing upwards and fills a state missing below the current one', async () => {
            const text = `progress:\n  ${BUILD}:\n    Team A:\n      Started: 2026-05-01\n      Fully implemented: 2026-02-01\n`;
            const ws = workspace({ [FILE]: text });
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Partly implemented', undefined, '2026-03-01');
            const p = progressOf(ws.read(FILE))[BUILD]['Team A'];
            assert.deepEqual(Object.entries(p).map(([k, v]) => `${k}=${day(v)}`), ['Started=2026-03-01', 'Partly implemented=2026-03-01']);
        });
        it('refuses unknown states, bad dates and bad uuids before touching anything', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            await assert.rejects((0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Done-ish', undefined, '2026-03-01'), /unknown progress state "Done-ish"/);
            await assert.rejects((0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Started', undefined, '01.03.2026'), /not a date/);
            await assert.rejects((0, progress_1.setState)(ws.fs, settingsFor('Team A'), 'a\nb', 'Started', undefined, '2026-03-01'), /not an activity uuid/);
            assert.equal(ws.read(FILE), UPSTREAM);
        });
        it('names with quotes, colons, hashes, YAML 1.1 words, numbers, dates and 1100 characters round-trip', async () => {
            const teams = [`It's "ours": team #1`, 'yes', 'No', 'y', '2024', '2025-01-01', ' padded ', '- dash', 'Team: A', '[x]', '&anchor', 'Ünïcödé ✓', '<<', 'x'.repeat(1100)];
            const states = [
                { name: 'Not started', score: 0 },
                { name: "Started: 'phase' 1", score: 25 },
                { name: 'on', score: 60 },
                { name: '#Done', score: 100 },
            ];
            const ws = workspace();
            for (const team of teams) {
                await (0, progress_1.setState)(ws.fs, (0, progress_1.resolveProgressSettings)({ team, states }), BUILD, '#Done', 'Name: with "quotes" # and hash', '2026-03-01');
            }
            const text = ws.read(FILE);
            const app = progressOf(text)[BUILD];
            assert.deepEqual(Object.keys(app).sort(), [...teams].map((t) => t.trim()).sort());
            for (const team of teams) {
                assert.deepEqual(Object.keys(app[team.trim()]), ["Started: 'phase' 1", 'on', '#Done']);
                for (const d of Object.values(app[team.trim()]))
                    assert.ok(d instanceof Date && day(d) === '2026-03-01');
            }
            assert.match(text, new RegExp(`  ${BUILD}: # Name: with "quotes" # and hash\n`));
            // Our own reader agrees, and a second write is byte-identical deterministic.
            const data = await (0, progress_1.readProgress)(ws.fs, (0, progress_1.resolveProgressSettings)({ team: 'yes', states }));
            assert.deepEqual(data.teams(), [...teams].map((t) => t.trim()).sort((a, b) => (a < b ? -1 : a > b ? 1 : 0)));
            assert.equal(data.stateOf(BUILD)?.state, '#Done');
            await (0, progress_1.setState)(ws.fs, (0, progress_1.resolveProgressSettings)({ team: 'yes', states }), BUILD, 'on', undefined, '2026-03-02');
            await (0, progress_1.setState)(ws.fs, (0, progress_1.resolveProgressSettings)({ team: 'yes', states }), BUILD, '#Done', undefined, '2026-03-01');
            assert.equal(ws.read(FILE), text);
        });
        it('deterministic order: uuids without a model, model order with a name map, teams sorted, states by score', async () => {
            const uuids = ['c0000000-0000-4000-8000-000000000000', 'a0000000-0000-4000-8000-000000000000', 'b0000000-0000-4000-8000-000000000000'];
            const ws1 = workspace();
            const ws2 = workspace();
            for (const [i, u] of uuids.entries()) {
                for (const team of ['Zeta', 'alpha', 'Beta']) {
                    await (0, progress_1.setState)(ws1.fs, settingsFor(team), u, 'Partly implemented', `Activity ${i}`, '2026-01-0' + (i + 1));
                    await (0, progress_1.setState)(ws2.fs, settingsFor(team), uuids[2 - i], 'Partly implemented', `Activity ${2 - i}`, '2026-01-0' + (3 - i));
                }
            }
            const text = ws1.read(FILE);
            assert.equal(ws2.read(FILE), text, 'same content, same bytes, whatever the order of edits');
            const keys = [...text.matchAll(/^ {2}(\S+):/gm)].map((m) => m[1]);
            assert.deepEqual(keys, [...uuids].sort());
            assert.deepEqual([...text.matchAll(/^ {4}(\S+):/gm)].slice(0, 3).map((m) => m[1]), ['Beta', 'Zeta', 'alpha']);
            // With the model's names: model order and the model's names in the comments.
            const names = new Map([
                [uuids[0], 'First in model'],
                [uuids[2], 'Second in model'],
            ]);
            await (0, progress_1.setState)(ws1.fs, settingsFor('Beta'), uuids[1], 'Fully implemented', undefined, '2026-02-01', { names });
            const ordered = ws1.read(FILE);
            assert.deepEqual([...ordered.matchAll(/^ {2}(\S+):(.*)$/gm)].map((m) => `${m[1]}${m[2]}`), [
                `${uuids[0]} # First in model`,
                `${uuids[2]} # Second in model`,
                `${uuids[1]} # Activity 1`,
            ]);
        });
        it('keeps CRLF line endings of an existing file', async () => {
            const ws = workspace({ [FILE]: UPSTREAM.replace(/\n/g, '\r\n') });
            await (0, progress_1.setState)(ws.fs, settingsFor('Team C'), SBOM, 'Started', undefined, '2026-03-01');
            const text = ws.read(FILE);
            assert.ok(text.includes('\r\n') && !/[^\r]\n/.test(text));
            assert.equal(day(progressOf(text)[SBOM]['Team C'].Started), '2026-03-01');
        });
    });
    describe('"not applicable" and evidence (team-evidence.yaml)', () => {
        it('round trip: the documented shape, read back, withdrawn; the progress file stays untouched', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const s = settingsFor('Team A');
            const newId = sequentialIds();
            const r = await (0, progress_1.setNotApplicable)(ws.fs, s, SBOM, { reason: 'We ship no software: only a\nconfiguration repository.', by: 'Jane Doe' }, 'SBOM of components', '2026-03-01', { newId });
            assert.deepEqual(r, { changed: true, file: EVIDENCE });
            assert.equal(ws.read(FILE), UPSTREAM);
            const text = ws.read(EVIDENCE);
            assert.equal(text.replace(/^#.*\n\n/, ''), `evidence:
  ${SBOM}: # SBOM of components
    - id: 00000000-0000-4000-8000-000000000001
      teams: [Team A]
      title: Not applicable
      description: |-
        We ship no software: only a
        configuration repository.
      evidenceRecorded: 2026-03-01
      reviewer: Jane Doe
`);
            const app = appView(text).evidence;
            assert.ok(app[SBOM][0].evidenceRecorded instanceof Date, 'unquoted date, as the web app writes it');
            let data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.notApplicable(SBOM), { reason: 'We ship no software: only a\nconfiguration repository.', by: 'Jane Doe', date: '2026-03-01', id: '00000000-0000-4000-8000-000000000001' });
            assert.equal(data.notApplicable(SBOM, 'Team B'), undefined);
            assert.deepEqual(data.evidence(SBOM), [], 'the decision is not listed as evidence');
            // The same decision again: nothing to write. A new reason: updated in place, same id.
            assert.equal((await (0, progress_1.setNotApplicable)(ws.fs, s, SBOM, { reason: 'We ship no software: only a\nconfiguration repository.', by: 'Jane Doe' }, 'SBOM of components', '2026-04-01', { newId })).changed, false);
            await (0, progress_1.setNotApplicable)(ws.fs, s, SBOM, { reason: 'No artifacts.' }, 'SBOM of components', '2026-04-01', { newId });
            data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.notApplicable(SBOM), { reason: 'No artifacts.', date: '2026-04-01', id: '00000000-0000-4000-8000-000000000001' });
            assert.equal((await (0, progress_1.clearNotApplicable)(ws.fs, s, SBOM)).changed, true);
            assert.equal((await (0, progress_1.readProgress)(ws.fs, s)).notApplicable(SBOM), undefined);
            assert.match(ws.read(EVIDENCE), /^evidence: \{\}$/m);
            assert.equal((await (0, progress_1.clearNotApplicable)(ws.fs, s, SBOM)).changed, false);
            await assert.rejects((0, progress_1.setNotApplicable)(ws.fs, s, SBOM, { reason: '  ' }, 'SBOM of components', '2026-04-01'), /needs a reason/);
        });
        it("keeps the web app's evidence and other teams' decisions; a shared decision only loses our team", async () => {
            const shared = `${UPSTREAM_EVIDENCE}  ${SBOM}:
    - id: shared-1
      teams: [Team A, Team B]
      title: Not applicable
      description: Decided together
      evidenceRecorded: "2026-01-02"
      custom: kept
`;
            const ws = workspace({ [EVIDENCE]: shared });
            const before = appView(shared);
            await (0, progress_1.setNotApplicable)(ws.fs, settingsFor('Team A'), SBOM, { reason: 'Our own reason', by: 'A' }, undefined, '2026-03-01', { newId: sequentialIds() });
            let data = await (0, progress_1.readProgress)(ws.fs, settingsFor('Team A'));
            assert.deepEqual(data.notApplicable(SBOM), { reason: 'Our own reason', by: 'A', date: '2026-03-01', id: '00000000-0000-4000-8000-000000000001' });
            assert.deepEqual(data.notApplicable(SBOM, 'Team B'), { reason: 'Decided together', date: '2026-01-02', id: 'shared-1' });
            const after = appView(ws.read(EVIDENCE));
            assert.deepEqual(after.evidence[BUILD], before.evidence[BUILD], 'web app evidence (with attachment) kept');
            assert.deepEqual(after.evidence[SBOM][0], { ...before.evidence[SBOM][0], teams: ['Team B'] });
            await (0, progress_1.clearNotApplicable)(ws.fs, settingsFor('Team B'), SBOM);
            data = await (0, progress_1.readProgress)(ws.fs, settingsFor('Team B'));
            assert.equal(data.notApplicable(SBOM), undefined);
            assert.equal(data.notApplicable(SBOM, 'Team A')?.reason, 'Our own reason');
        });
        it('free-text evidence: add, update by id, remove', async () => {
            const ws = workspace({ [EVIDENCE]: UPSTREAM_EVIDENCE });
            const s = settingsFor('Team B');
            const added = await (0, progress_1.saveEvidence)(ws.fs, s, SBOM, { title: 'SBOM: CycloneDX', description: 'Generated in CI', by: 'Bob' }, 'SBOM of components', '2026-03-01', { newId: () => 'ev-1' });
            assert.deepEqual(added, { changed: true, file: EVIDENCE, id: 'ev-1' });
            let data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.evidence(SBOM), [{ id: 'ev-1', teams: ['Team B'], title: 'SBOM: CycloneDX', description: 'Generated in CI', date: '2026-03-01', by: 'Bob', attachments: [] }]);
            await (0, progress_1.saveEvidence)(ws.fs, s, SBOM, { id: 'ev-1', title: 'SBOM: CycloneDX', description: 'Generated and signed in CI' }, undefined, '2026-03-05');
            data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.evidence(SBOM), [{ id: 'ev-1', teams: ['Team B'], title: 'SBOM: CycloneDX', description: 'Generated and signed in CI', date: '2026-03-05', attachments: [] }]);
            await assert.rejects((0, progress_1.saveEvidence)(ws.fs, s, SBOM, { title: 'not applicable', description: 'x' }), /reserved/);
            // Removing a shared entry only takes our team out of it.
            await (0, progress_1.removeEvidence)(ws.fs, s, BUILD, '7d3a4c1e-1111-4222-8333-444455556666');
            data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.evidence(BUILD).map((e) => e.teams), [['Team A']]);
            await (0, progress_1.removeEvidence)(ws.fs, s, SBOM, 'ev-1');
            data = await (0, progress_1.readProgress)(ws.fs, s);
            assert.deepEqual(data.evidence(SBOM), []);
            assert.ok(!(SBOM in appView(ws.read(EVIDENCE)).evidence));
        });
    });
    describe('never losing data', () => {
        it('merges a concurrent edit: the file changed on disk between our read and our write', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const hooked = new HookedFileSystem(ws.fs);
            let edited = false;
            hooked.onWrite = (p) => {
                if (edited || !p.endsWith('.tmp'))
                    return;
                edited = true; // someone else (the web app export, git pull, an editor) saves now
                fs.writeFileSync(path.join(ws.root, FILE), UPSTREAM.replace("      'Started': 2026-02-03\n", "      'Started': 2026-02-03\n      'Partly implemented': 2026-02-20\n"));
            };
            const r = await (0, progress_1.setState)(hooked, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01');
            assert.equal(r.changed, true);
            assert.ok(edited);
            const p = progressOf(ws.read(FILE));
            assert.equal(day(p[SBOM]['Team B']['Partly implemented']), '2026-02-20', 'the other change survives');
            assert.equal(day(p[SBOM]['Team A'].Started), '2026-03-01', 'and ours is there');
            assert.equal(hooked.renames.filter(([, to]) => to === FILE).length, 1);
            assert.deepEqual(fs.readdirSync(path.join(ws.root, '.dsomm')).filter((f) => f.endsWith('.tmp')), [], 'the abandoned temp file was removed');
        });
        it('applies our one edit to the fresh file, not to an older copy we read', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const s = settingsFor('Team A');
            const stale = await (0, progress_1.readProgress)(ws.fs, s);
            fs.writeFileSync(path.join(ws.root, FILE), `${UPSTREAM}  ${OTHER}:\n    Team Z:\n      Started: 2026-02-28\n`);
            await (0, progress_1.setState)(ws.fs, s, SBOM, 'Started', undefined, '2026-03-01');
            const p = progressOf(ws.read(FILE));
            assert.ok(p[OTHER]['Team Z'], 'the change made after our read survives');
            assert.equal(stale.stateOf(SBOM), undefined);
        });
        it('gives up with a conflict error when the file keeps changing, leaving the other writer’s content', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const hooked = new HookedFileSystem(ws.fs);
            let n = 0;
            hooked.onWrite = (p) => {
                if (p.endsWith('.tmp'))
                    fs.writeFileSync(path.join(ws.root, FILE), `${UPSTREAM}# edit ${++n}\n`);
            };
            await rejectsWith((0, progress_1.setState)(hooked, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01', { retries: 2 }), (e) => {
                assert.equal(e.kind, 'conflict');
                assert.equal(e.file, FILE);
            });
            assert.equal(ws.read(FILE), `${UPSTREAM}# edit 3\n`);
            assert.equal(hooked.renames.length, 0);
        });
        it('never overwrites a file that does not parse: bytes identical, error with file and line', async () => {
            const corrupt = `progress:\n  ${BUILD}:\n    Team A:\n      Started: 2025-10-01\n    Team B: {Started: 2025-10-01\n`;
            const ws = workspace({ [FILE]: corrupt, [EVIDENCE]: 'evidence:\n  - not: a map of activities\n' });
            const before = fs.readFileSync(path.join(ws.root, FILE));
            const evBefore = fs.readFileSync(path.join(ws.root, EVIDENCE));
            await rejectsWith((0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, 'Fully implemented', undefined, '2026-03-01'), (e) => {
                assert.equal(e.file, FILE);
                assert.equal(e.kind, 'syntax');
                assert.equal(typeof e.line, 'number');
                assert.ok(e.line >= 5, `line ${e.line}`);
                assert.match(e.message, new RegExp(`^\\.dsomm/team-progress\\.yaml:${e.line}: not valid YAML`));
            });
            await rejectsWith((0, progress_1.setState)(ws.fs, settingsFor('Team A'), BUILD, undefined, undefined, '2026-03-01'), (e) => assert.equal(e.file, FILE));
            await rejectsWith((0, progress_1.setNotApplicable)(ws.fs, settingsFor('Team A'), BUILD, { reason: 'r' }, undefined, '2026-03-01'), (e) => {
                assert.equal(e.file, EVIDENCE);
                assert.equal(e.line, 2);
            });
            await rejectsWith((0, progress_1.readProgress)(ws.fs, settingsFor('Team A')), (e) => assert.equal(e.file, FILE));
            assert.deepEqual(fs.readFileSync(path.join(ws.root, FILE)), before);
            assert.deepEqual(fs.readFileSync(path.join(ws.root, EVIDENCE)), evBefore);
            assert.deepEqual(fs.readdirSync(path.join(ws.root, '.dsomm')).sort(), ['team-evidence.yaml', 'team-progress.yaml'], 'no temp file, no backup');
        });
        it('atomic: a crash between the temp write and the rename leaves the old file intact', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const hooked = new HookedFileSystem(ws.fs);
            hooked.failRename = (_from, to) => (to === FILE ? new Error('power failure') : undefined);
            hooked.failDelete = true; // the crash also prevents any clean-up
            await rejectsWith((0, progress_1.setState)(hooked, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01'), (e) => {
                assert.equal(e.kind, 'io');
                assert.match(e.reason, /cannot replace the file: power failure; the file was left as it was/);
            });
            assert.equal(ws.read(FILE), UPSTREAM);
            const leftovers = fs.readdirSync(path.join(ws.root, '.dsomm')).filter((f) => f.endsWith('.tmp'));
            assert.equal(leftovers.length, 1, 'the temp file is the only trace');
            assert.ok(leftovers[0].startsWith('.team-progress.yaml.'), 'next to the file, hidden');
            assert.equal(hooked.writes.filter((w) => w === FILE).length, 0, 'the file itself is never written in place');
            // After the "restart" everything works and reads the old content.
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01');
            assert.ok(progressOf(ws.read(FILE))[SBOM]['Team A']);
        });
        it('keeps a backup of the last good version next to the file', async () => {
            const ws = workspace({ [FILE]: UPSTREAM, [EVIDENCE]: UPSTREAM_EVIDENCE });
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01');
            assert.equal(ws.read('.dsomm/.team-progress.yaml.bak'), UPSTREAM);
            const first = ws.read(FILE);
            await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), SBOM, 'Partly implemented', undefined, '2026-03-02');
            assert.equal(ws.read('.dsomm/.team-progress.yaml.bak'), first);
            await (0, progress_1.setNotApplicable)(ws.fs, settingsFor('Team A'), OTHER, { reason: 'r' }, undefined, '2026-03-01');
            assert.equal(ws.read('.dsomm/.team-evidence.yaml.bak'), UPSTREAM_EVIDENCE);
        });
        it('reports unreadable files as io errors, not as "empty"', async () => {
            const ws = workspace({ [FILE]: UPSTREAM });
            const denied = new HookedFileSystem(ws.fs);
            denied.readFile = () => Promise.reject(Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' }));
            await rejectsWith((0, progress_1.readProgress)(denied, settingsFor('Team A')), (e) => {
                assert.equal(e.kind, 'io');
                assert.match(e.message, /^\.dsomm\/team-progress\.yaml: cannot read: EACCES$/);
            });
            await rejectsWith((0, progress_1.setState)(denied, settingsFor('Team A'), SBOM, 'Started', undefined, '2026-03-01'), (e) => assert.equal(e.kind, 'io'));
            assert.equal(ws.read(FILE), UPSTREAM);
            // vscode.FileSystemError.FileNotFound counts as "no file".
            const vscodeLike = new HookedFileSystem(ws.fs);
            vscodeLike.readFile = () => Promise.reject(Object.assign(new Error('nope'), { code: 'FileNotFound', name: 'EntryNotFound (FileSystemError)' }));
            assert.deepEqual((await (0, progress_1.readProgress)(vscodeLike, settingsFor('Team A'))).teams(), []);
        });
    });
    describe('applyProgress', () => {
        const act = (uuid, level) => ({
            uuid,
            name: `Activity ${uuid}`,
            dimension: 'D',
            subdimension: 'S',
            level,
            description: '',
            risk: '',
            measure: '',
            assessment: '',
            implementationGuide: '',
            difficulty: {},
            tools: [],
            dependsOn: [],
            references: {},
            tags: [],
            extra: {},
            line: 1,
        });
        const row = (uuid, level, detected) => ({
            activity: act(uuid, level),
            detected,
            status: detected,
            evidence: detected === 'detected' ? [{ loc: { path: 'ci.yml', line: 3, column: 1 }, text: 'trivy' }] : [],
            probes: [],
        });
        const scan = (rows) => ({
            root: '/ws',
            model: { source: 'bundled', activityCount: rows.length },
            files: [],
            probes: [],
            activities: rows,
            external: [],
            findings: [],
            achievedLevel: 0,
            levels: [],
        });
        it('done / in-progress / not-applicable over the detected status, achievedLevel recounted', () => {
            const progress = (0, progress_1.parseProgressText)(`progress:
  u1:
    Team A: {Started: 2026-01-01, Partly implemented: 2026-01-01, Fully implemented: 2026-02-01}
  u2:
    Team A: {Started: 2026-01-05}
    Team B: {Started: 2026-01-01, Partly implemented: 2026-01-01, Fully implemented: 2026-01-01}
  u3:
    Team A: {Not implemented: 2026-01-01}
  u5:
    Team A: {Started: 2026-01-01, Partly implemented: 2026-01-01, Fully implemented: 2026-01-01}
  u6:
    Team B: {Started: 2026-01-01, Partly implemented: 2026-01-01, Fully implemented: 2026-01-01}
`, 'p');
            const evidence = (0, progress_1.parseEvidenceText)(`evidence:
  u4:
    - {id: n1, teams: [Team A], title: Not applicable, description: No containers here, evidenceRecorded: 2026-01-03, reviewer: Jane}
  u5:
    - {id: n2, teams: [Team A], title: Not applicable, description: '', evidenceRecorded: 2026-01-03}
  u7:
    - {id: n3, teams: [Team B], title: Not applicable, description: Not for B}
`, 'e');
            const data = new progress_1.ProgressData(settingsFor('Team A'), progress, evidence);
            const input = scan([
                row('u1', 1, 'missing'),
                row('u2', 1, 'detected'),
                row('u3', 1, 'detected'),
                row('u4', 1, 'missing'),
                row('u5', 2, 'unknown'),
                row('u6', 2, 'missing'),
                row('u7', 2, 'unknown'),
            ]);
            const out = (0, progress_1.applyProgress)(input, data, data.settings);
            const by = Object.fromEntries(out.activities.map((a) => [a.activity.uuid, a]));
            const statuses = Object.fromEntries(out.activities.map((a) => [a.activity.uuid, `${a.detected}→${a.status}`]));
            assert.deepEqual(statuses, {
                u1: 'missing→done',
                u2: 'detected→in-progress',
                u3: 'detected→detected',
                u4: 'missing→not-applicable',
                u5: 'unknown→done',
                u6: 'missing→missing',
                u7: 'unknown→unknown',
            });
            assert.deepEqual(by.u1.progress, { state: 'Fully implemented', date: '2026-02-01', score: 100, team: 'Team A' });
            assert.deepEqual(by.u2.progress, { state: 'Started', date: '2026-01-05', score: 20, team: 'Team A' });
            assert.equal(by.u2.evidence.length, 1, 'evidence is never hidden');
            assert.equal(by.u3.progress, undefined, 'a 0 % state is no progress');
            assert.deepEqual(by.u4.notApplicable, { reason: 'No containers here', by: 'Jane', date: '2026-01-03' });
            assert.equal(by.u5.notApplicable, undefined, 'no reason, no "not applicable"');
            // Level 1: u1 done, u2 in progress → not achieved. Input untouched.
            assert.equal(out.achievedLevel, 0);
            assert.deepEqual(out.levels[0], { level: 1, decidable: 4, achieved: 3, undecided: 0 });
            assert.equal(input.activities[0].status, 'missing');
            // Team B's view: u2 done, u6 done, u7 not applicable.
            const b = (0, progress_1.applyProgress)(input, data, { team: 'Team B' });
            const bs = Object.fromEntries(b.activities.map((a) => [a.activity.uuid, a.status]));
            assert.deepEqual(bs, { u1: 'missing', u2: 'done', u3: 'detected', u4: 'missing', u5: 'unknown', u6: 'done', u7: 'not-applicable' });
            // Once u2 is fully implemented for Team A, level 1 is achieved; level 2 has u6 missing.
            const progress2 = (0, progress_1.parseProgressText)(`progress:\n  u2:\n    Team A: {Started: 2026-01-05, Partly implemented: 2026-01-05, Fully implemented: 2026-03-01}\n  u1:\n    Team A: {Fully implemented: 2026-02-01}\n`, 'p');
            const out2 = (0, progress_1.applyProgress)(out, new progress_1.ProgressData(settingsFor('Team A'), progress2, evidence));
            assert.equal(out2.achievedLevel, 1);
            assert.deepEqual(out2.activities.map((a) => a.status), ['done', 'done', 'detected', 'not-applicable', 'unknown', 'missing', 'unknown'], 'applied again from `detected`: earlier progress does not stick');
            assert.equal(out2.activities[4].progress, undefined);
        });
    });
    describe('dsomm scan --progress / --team (CLI)', function () {
        this.timeout(60000);
        async function run(...argv) {
            const out = [];
            const err = [];
            const io = { out: (t) => out.push(t), err: (t) => err.push(t) };
            const code = await (0, main_1.main)(argv, io);
            return { code, out: out.join('\n'), err: err.join('\n') };
        }
        let ws;
        let baseline;
        before(async function () {
            this.timeout(60000);
            ws = workspace({ 'README.md': '# nothing to detect\n' });
            const r = await run('scan', ws.root, '--format', 'json');
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            baseline = JSON.parse(r.out);
        });
        it('layers the team progress and "not applicable" decisions on the report, and never writes', async () => {
            const level1 = baseline.activities.filter((a) => a.level === 1 && !['detected', 'not-applicable'].includes(a.status));
            assert.ok(level1.length >= 2, 'the empty workspace leaves level-1 activities open');
            const [first, ...rest] = level1;
            const lines = ['progress:'];
            for (const a of rest)
                lines.push(`  ${a.uuid}:`, '    Team A:', "      'Fully implemented': 2026-02-01");
            lines.push(`  ${first.uuid}:`, '    Team A:', '      Started: 2026-01-01', '    Team B:', "      'Fully implemented': 2026-02-01");
            const progressText = lines.join('\n') + '\n';
            const evidenceText = `evidence:\n  ${first.uuid}:\n    - id: x1\n      teams: [Team A]\n      title: Not applicable\n      description: Nothing to build\n      evidenceRecorded: 2026-01-09\n      reviewer: Jane\n`;
            const dir = path.join(ws.root, 'assessment');
            fs.mkdirSync(dir, { recursive: true });
            fs.writeFileSync(path.join(dir, 'team-progress.yaml'), progressText);
            fs.writeFileSync(path.join(dir, 'team-evidence.yaml'), evidenceText);
            const mtime = fs.statSync(path.join(dir, 'team-progress.yaml')).mtimeMs;
            const r = await run('scan', ws.root, '--format', 'json', '--progress', path.join(dir, 'team-progress.yaml'), '--team', 'Team A');
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            assert.equal(r.err, '');
            const report = JSON.parse(r.out);
            const by = new Map(report.activities.map((a) => [a.uuid, a]));
            for (const a of rest) {
                assert.equal(by.get(a.uuid).status, 'done');
                assert.equal(by.get(a.uuid).detected, a.detected);
                assert.deepEqual(by.get(a.uuid).progress, { state: 'Fully implemented', date: '2026-02-01', score: 100, team: 'Team A' });
            }
            assert.equal(by.get(first.uuid).status, 'not-applicable');
            assert.deepEqual(by.get(first.uuid).notApplicable, { reason: 'Nothing to build', by: 'Jane', date: '2026-01-09' });
            assert.ok(report.summary.achievedLevel >= 1, `achieved level ${report.summary.achievedLevel}`);
            assert.equal(baseline.summary.achievedLevel, 0);
            // Team B sees only its own entry.
            const b = JSON.parse((await run('scan', ws.root, '--format', 'json', '--progress', path.join(dir, 'team-progress.yaml'), '--team', 'Team B')).out);
            assert.equal(b.activities.find((a) => a.uuid === first.uuid).status, 'done');
            assert.equal(b.activities.find((a) => a.uuid === rest[0].uuid).status, rest[0].status);
            // Read only: same bytes, same mtime, no backup or temp files.
            assert.equal(fs.readFileSync(path.join(dir, 'team-progress.yaml'), 'utf8'), progressText);
            assert.equal(fs.statSync(path.join(dir, 'team-progress.yaml')).mtimeMs, mtime);
            assert.deepEqual(fs.readdirSync(dir).sort(), ['team-evidence.yaml', 'team-progress.yaml']);
            // Several teams and no --team: a usage error naming them.
            const several = await run('scan', ws.root, '--progress', path.join(dir, 'team-progress.yaml'));
            assert.equal(several.code, main_1.EXIT.usage);
            assert.match(several.err, /the team's files hold 2 teams; choose one with --team NAME \(Team A, Team B\)/);
            // An unknown team is reported but not an error.
            const unknown = await run('scan', ws.root, '--format', 'json', '--progress', path.join(dir, 'team-progress.yaml'), '--team', 'Team Q');
            assert.equal(unknown.code, main_1.EXIT.ok);
            assert.match(unknown.err, /has nothing for team "Team Q" \(teams: Team A, Team B\)/);
        });
        it('--team alone reads DIR/.dsomm/team-progress.yaml; one team in the file needs no --team', async () => {
            const target = baseline.activities.find((a) => a.level === 1 && a.status !== 'detected');
            fs.mkdirSync(path.join(ws.root, '.dsomm'), { recursive: true });
            fs.writeFileSync(path.join(ws.root, FILE), `progress:\n  ${target.uuid}:\n    Solo:\n      Started: 2026-01-01\n`);
            try {
                const r = await run('scan', ws.root, '--format', 'json', '--team', 'Solo');
                assert.equal(r.code, main_1.EXIT.ok, r.err);
                assert.equal(JSON.parse(r.out).activities.find((a) => a.uuid === target.uuid).status, 'in-progress');
                const auto = await run('scan', ws.root, '--format', 'json', '--progress', path.join(ws.root, FILE));
                assert.equal(auto.code, main_1.EXIT.ok, auto.err);
                assert.deepEqual(JSON.parse(auto.out).activities.find((a) => a.uuid === target.uuid).progress, { state: 'Started', date: '2026-01-01', score: 20, team: 'Solo' });
            }
            finally {
                fs.rmSync(path.join(ws.root, '.dsomm'), { recursive: true, force: true });
            }
        });
        it('a corrupt or missing progress file: exit 3 with one clear line', async () => {
            const bad = path.join(ws.root, 'bad-progress.yaml');
            fs.writeFileSync(bad, `progress:\n  ${OTHER}:\n    Team A:\n      Started: next week\n`);
            const r = await run('scan', ws.root, '--progress', bad, '--team', 'Team A');
            assert.equal(r.code, main_1.EXIT.badInput);
            assert.equal(r.out, '');
            assert.equal(r.err.split('\n').length, 1, r.err);
            assert.equal(r.err, `dsomm: progress file ${bad}:4: activity ${OTHER}, team 'Team A', state 'Started': "next week" is not a date (YYYY-MM-DD)`);
            fs.writeFileSync(bad, 'progress:\n  - [broken\n');
            const syntax = await run('scan', ws.root, '--progress', bad);
            assert.equal(syntax.code, main_1.EXIT.badInput);
            assert.match(syntax.err, new RegExp(`^dsomm: progress file ${bad.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}:\\d+: not valid YAML: [^\\n]+$`));
            const missing = await run('scan', ws.root, '--progress', path.join(ws.root, 'nope.yaml'), '--team', 'A');
            assert.equal(missing.code, main_1.EXIT.badInput);
            assert.match(missing.err, /^dsomm: cannot read progress file .*nope\.yaml: ENOENT$/);
            const noDefault = await run('scan', ws.root, '--team', 'A');
            assert.equal(noDefault.code, main_1.EXIT.badInput);
            assert.match(noDefault.err, /\.dsomm[/\\]team-progress\.yaml: ENOENT \(give one with --progress FILE\)$/);
            const emptyTeam = await run('scan', ws.root, '--team=', '--progress', bad);
            assert.equal(emptyTeam.code, main_1.EXIT.usage);
        });
    });
});
// The parser of the web app (yaml v2, schema yaml-1.1) must accept every file we write.
describe('progress store: files stay readable by the web app', () => {
    it('writes nothing the yaml-1.1 parser warns about', async () => {
        const ws = workspace({ [FILE]: UPSTREAM, [EVIDENCE]: UPSTREAM_EVIDENCE });
        await (0, progress_1.setState)(ws.fs, settingsFor('Team A'), SBOM, 'Partly implemented', 'SBOM of components', '2026-03-01');
        await (0, progress_1.setNotApplicable)(ws.fs, settingsFor('Team A'), OTHER, { reason: 'x: "y"' }, 'Other: activity', '2026-03-01');
        for (const f of [FILE, EVIDENCE]) {
            const doc = (0, yaml_1.parseDocument)(ws.read(f), { schema: 'yaml-1.1', uniqueKeys: true });
            assert.deepEqual(doc.errors, [], f);
            assert.deepEqual(doc.warnings, [], f);
        }
    });
});
//# sourceMappingURL=progress.test.js.map