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
var __importDefault = (this && this.__importDefault) || function (mod) {
    return (mod && mod.__esModule) ? mod : { "default": mod };
};
Object.defineProperty(exports, "__esModule", { value: true });
// The team's files as the DSOMM web app (v4.6) really uses them (issue 15) and the progress
// store's safety and speed rules (issue 17, items 6, 7, 15, 16): team resolution, the app's
// meta.yaml in the repository, serving the folder, "not applicable" scoring, evidence both ways,
// UTC dates, JSON schemas; links leaving the workspace, folders in place of files, stale
// temporary files, files that are not progress files.
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const ajv_1 = __importDefault(require("ajv"));
const yaml_1 = require("yaml");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const progress_1 = require("../../src/core/progress");
const settings_1 = require("../../src/core/progress/settings");
const team_1 = require("../../src/core/progress/team");
const result_1 = require("../../src/core/scan/result");
const json_1 = require("../../src/core/reports/json");
const text_1 = require("../../src/core/reports/text");
const main_1 = require("../../src/cli/main");
const memoryFs_1 = require("./memoryFs");
const BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b';
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473';
const roots = [];
function tempDir(prefix = 'dsomm-web-') {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
    roots.push(root);
    return root;
}
function workspace(files = {}) {
    const root = tempDir();
    for (const [rel, text] of Object.entries(files)) {
        fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
        fs.writeFileSync(path.join(root, rel), text);
    }
    return { root, fs: new nodeFileSystem_1.NodeFileSystem(root), read: (rel) => fs.readFileSync(path.join(root, rel), 'utf8'), exists: (rel) => fs.existsSync(path.join(root, rel)) };
}
after(() => {
    for (const r of roots)
        fs.rmSync(r, { recursive: true, force: true });
});
/** What the web app sees: the yaml package with the YAML 1.1 schema. */
const appView = (text) => (0, yaml_1.parse)(text, { schema: 'yaml-1.1' });
async function refused(p, pattern) {
    let caught;
    try {
        await p;
    }
    catch (e) {
        caught = e;
    }
    assert.ok(caught instanceof progress_1.ProgressFileError, `expected a ProgressFileError, got ${caught}`);
    assert.match(caught.message, pattern);
    return caught;
}
async function cli(...argv) {
    const out = [];
    const err = [];
    const io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await (0, main_1.main)(argv, io);
    return { code, out: out.join('\n'), err: err.join('\n') };
}
// ---------------------------------------------------------------------------------------------
// Fixtures in the exact shapes the app writes
/** "Download team progress" (app v4.6): single-quoted team and state keys, the 0 % state skipped. */
const APP_PROGRESS_DOWNLOAD = `progress:
  ${BUILD}: # Defined build process
    'Team A':
      'Started': 2026-11-02
      'Partly implemented': 2026-11-02
      'Fully implemented': 2026-12-01
    'Team B':
      'Started': 2026-12-07
  ${SBOM}: # SBOM of components
    'Team A':
      'Started': 2026-10-15
`;
/** "Download team evidences": yaml.stringify of what the app loaded, dates as ISO timestamps. */
const APP_EVIDENCE_DOWNLOAD = (0, yaml_1.stringify)({
    evidence: {
        [BUILD]: [
            {
                id: '3b0f5a2e-8d1c-4b7a-9e6f-0a1b2c3d4e5f',
                teams: ['Team A', 'Team B'],
                title: 'Pipeline review 2026',
                description: 'Reviewed the **build** pipeline.\nAll stages pinned.',
                evidenceRecorded: new Date('2026-12-07T00:00:00.000Z'),
                reviewer: 'Jane Doe',
                attachment: [{ type: 'link', externalLink: 'https://wiki.example.org/pipeline-review' }],
            },
        ],
    },
});
describe('DSOMM web app files (issue 15)', function () {
    this.timeout(60000);
    describe('fixtures in the shapes the app writes read back', () => {
        it('"Download team progress": quoted keys, cumulative states, the 0 % state absent', () => {
            const doc = (0, progress_1.parseProgressText)(APP_PROGRESS_DOWNLOAD, 'team-progress.yaml');
            const data = new progress_1.ProgressData((0, progress_1.resolveProgressSettings)({ team: 'Team A' }), doc);
            assert.deepEqual(data.teams(), ['Team A', 'Team B']);
            assert.deepEqual(data.stateOf(BUILD), { state: 'Fully implemented', score: 100, date: '2026-12-01', top: true });
            assert.deepEqual(data.stateOf(BUILD, 'Team B'), { state: 'Started', score: 20, date: '2026-12-07', top: false });
            assert.equal(data.stateOf(SBOM)?.state, 'Started');
        });
        it('"Download team evidences": ISO timestamps read as the calendar day, attachments and reviewer kept', () => {
            assert.match(APP_EVIDENCE_DOWNLOAD, /evidenceRecorded: 2026-12-07T00:00:00\.000Z/, 'the fixture has the shape the app downloads');
            const doc = (0, progress_1.parseEvidenceText)(APP_EVIDENCE_DOWNLOAD, 'team-evidence.yaml');
            const data = new progress_1.ProgressData((0, progress_1.resolveProgressSettings)({ team: 'Team B' }), undefined, doc);
            assert.deepEqual(data.evidence(BUILD, 'Team B'), [
                {
                    id: '3b0f5a2e-8d1c-4b7a-9e6f-0a1b2c3d4e5f',
                    teams: ['Team A', 'Team B'],
                    title: 'Pipeline review 2026',
                    description: 'Reviewed the **build** pipeline.\nAll stages pinned.',
                    date: '2026-12-07',
                    by: 'Jane Doe',
                    attachments: [{ type: 'link', url: 'https://wiki.example.org/pipeline-review' }],
                },
            ]);
        });
        it('the app\'s evidence shows in the scan result, the JSON report (activities[].teamEvidence) and the Markdown report', () => {
            const data = new progress_1.ProgressData((0, progress_1.resolveProgressSettings)({ team: 'Team A' }), (0, progress_1.parseProgressText)(APP_PROGRESS_DOWNLOAD, 'p'), (0, progress_1.parseEvidenceText)(APP_EVIDENCE_DOWNLOAD, 'e'));
            const applied = (0, progress_1.applyProgress)(scanOf([BUILD, 'unknown'], [SBOM, 'missing']), data);
            const build = applied.activities.find((a) => a.activity.uuid === BUILD);
            assert.deepEqual(build.teamEvidence?.map((e) => [e.title, e.reviewer, e.date, e.attachments[0]?.url]), [['Pipeline review 2026', 'Jane Doe', '2026-12-07', 'https://wiki.example.org/pipeline-review']]);
            const json = (0, json_1.toJsonReport)(applied);
            const entry = json.activities.find((a) => a.uuid === BUILD);
            assert.equal(entry.teamEvidence?.[0].title, 'Pipeline review 2026');
            assert.equal(entry.teamEvidence?.[0].attachments[0].url, 'https://wiki.example.org/pipeline-review');
            assert.equal(json.activities.find((a) => a.uuid === SBOM).teamEvidence, undefined);
            const md = (0, text_1.toMarkdownReport)(applied);
            assert.match(md, /## Team evidence/);
            assert.match(md, /\*\*Pipeline review 2026\*\* \(Team A, Team B · reviewed by Jane Doe · 2026\\-12\\-07\) <https:\/\/wiki\.example\.org\/pipeline-review>/);
        });
    });
    describe('every file the product writes is what the app reads (yaml, YAML 1.1 schema)', () => {
        it('progress, evidence (with a link) and "not applicable": dates are Dates, the structure is the app\'s', async () => {
            const ws = workspace();
            const settings = (0, progress_1.resolveProgressSettings)({ team: "O'Brien's team" });
            await (0, progress_1.setState)(ws.fs, settings, BUILD, 'Partly implemented', 'Defined build process', '2026-12-07');
            await (0, progress_1.saveEvidence)(ws.fs, settings, BUILD, { title: 'Pentest', description: 'Report: *ok*', by: 'Ann', link: 'https://example.org/r' }, undefined, '2026-12-07');
            await (0, progress_1.setNotApplicable)(ws.fs, settings, SBOM, { reason: 'No components', by: 'Ann' }, undefined, '2026-12-06');
            const progress = appView(ws.read('.dsomm/team-progress.yaml'));
            const states = progress.progress[BUILD]["O'Brien's team"];
            assert.deepEqual(Object.keys(states), ['Started', 'Partly implemented']);
            for (const d of Object.values(states)) {
                assert.ok(d instanceof Date, 'dates are YAML 1.1 timestamps');
                assert.equal(d.toISOString(), '2026-12-07T00:00:00.000Z');
            }
            const evidence = appView(ws.read('.dsomm/team-evidence.yaml'));
            const [pentest] = evidence.evidence[BUILD];
            assert.deepEqual(Object.keys(pentest).sort(), ['attachment', 'description', 'evidenceRecorded', 'id', 'reviewer', 'teams', 'title']);
            assert.ok(pentest.evidenceRecorded instanceof Date);
            assert.deepEqual(pentest.teams, ["O'Brien's team"]);
            assert.deepEqual(pentest.attachment, [{ type: 'link', externalLink: 'https://example.org/r' }]);
            assert.match(String(pentest.id), /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
            const [na] = evidence.evidence[SBOM];
            assert.equal(na.title, 'Not applicable');
            assert.ok(na.evidenceRecorded instanceof Date);
            // Dates are never quoted (a quoted date breaks the app's merge with browser storage).
            assert.doesNotMatch(ws.read('.dsomm/team-progress.yaml') + ws.read('.dsomm/team-evidence.yaml'), /["']\d{4}-\d{2}-\d{2}/);
        });
        it('meta.yaml: the app\'s keys, scores as "N%", states ordered by score; it reads back the same', async () => {
            const text = (0, progress_1.emitDsommConfig)({
                teams: ['Team A', 'Platform: core'],
                teamGroups: { Backend: ['Team A'] },
                states: [
                    { name: 'Fully implemented', score: 100 },
                    { name: 'Not implemented', score: 0 },
                    { name: 'Started', score: 20 },
                ],
                progressFile: 'team-progress.yaml',
                evidenceFile: 'team-evidence.yaml',
                modelFile: 'model.yaml',
            });
            const meta = appView(text);
            assert.equal(meta.teamProgressFile, 'team-progress.yaml');
            assert.equal(meta.teamEvidenceFile, 'team-evidence.yaml');
            assert.deepEqual(meta.teams, ['Team A', 'Platform: core']);
            assert.deepEqual(meta.teamGroups, { Backend: ['Team A'] });
            assert.deepEqual(meta.activityFiles, ['model.yaml']);
            const def = meta.progressDefinition;
            assert.deepEqual(Object.keys(def), ['Not implemented', 'Started', 'Fully implemented']);
            assert.deepEqual(Object.values(def).map((d) => d.score), ['0%', '20%', '100%']);
            const back = await (0, progress_1.parseDsommConfig)(text, '.dsomm/meta.yaml', async () => undefined);
            assert.deepEqual(back.teams, ['Team A', 'Platform: core']);
            assert.deepEqual(back.states?.map((s) => [s.name, s.score]), [['Not implemented', 0], ['Started', 20], ['Fully implemented', 100]]);
            assert.equal(back.progressFile, '.dsomm/team-progress.yaml');
        });
        it('the written files validate against the contributed JSON schemas; broken shapes do not', async () => {
            const pkg = JSON.parse(fs.readFileSync(path.join(__dirname, '../../../package.json'), 'utf8'));
            const schemaFor = (name) => {
                const entry = pkg.contributes.yamlValidation.find((v) => v.fileMatch.includes(`.dsomm/${name}`));
                assert.ok(entry, `yamlValidation covers .dsomm/${name}`);
                return JSON.parse(fs.readFileSync(path.join(__dirname, '../../..', entry.url), 'utf8'));
            };
            const ajv = new ajv_1.default({ allErrors: true, strict: false });
            const compiled = new Map();
            const validatorFor = (name) => {
                if (!compiled.has(name))
                    compiled.set(name, ajv.compile(schemaFor(name)));
                return compiled.get(name);
            };
            // The YAML language server validates the JSON view of the file, where timestamps are text.
            const jsonView = (text) => (0, yaml_1.parse)(text, { schema: 'core' });
            const ws = workspace();
            const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
            await (0, progress_1.setState)(ws.fs, settings, BUILD, 'Started', undefined, '2026-12-07');
            await (0, progress_1.saveEvidence)(ws.fs, settings, BUILD, { title: 'Review', description: 'x', link: 'https://example.org' }, undefined, '2026-12-07');
            await (0, progress_1.createDsommConfig)(ws.fs, '.dsomm/meta.yaml', { teams: ['Team A'], states: settings.states, progressFile: 'team-progress.yaml', evidenceFile: 'team-evidence.yaml', modelFile: 'model.yaml' });
            const cases = [
                ['team-progress.yaml', ws.read('.dsomm/team-progress.yaml'), `progress:\n  ${BUILD}:\n    Team A:\n      Started: [2026]\n`],
                ['team-evidence.yaml', ws.read('.dsomm/team-evidence.yaml'), `evidence:\n  ${BUILD}:\n    - id: x\n      teams: Team A\n      title: T\n`],
                ['meta.yaml', ws.read('.dsomm/meta.yaml'), 'progressDefinition:\n  Started:\n    score: 20\nteams: Team A\n'],
                ['team-progress.yaml', APP_PROGRESS_DOWNLOAD, 'progres: {}\n'],
                ['team-evidence.yaml', APP_EVIDENCE_DOWNLOAD, 'evidence: {x: [{teams: [], title: ""}]}\n'],
            ];
            for (const [name, good, bad] of cases) {
                const validate = validatorFor(name);
                assert.ok(validate(jsonView(good)), `${name}: ${JSON.stringify(validate.errors)}`);
                assert.equal(validate(jsonView(bad)), false, `${name} accepts a broken file`);
            }
        });
    });
    describe('team identity: one resolution order for the editor and the CLI', () => {
        it('names a team in running text once: "Team Blue", never "Team Team Blue"', () => {
            assert.equal((0, team_1.teamLabel)('Blue'), 'Team Blue');
            assert.equal((0, team_1.teamLabel)('Team Blue'), 'Team Blue');
            assert.equal((0, team_1.teamLabel)('team-payments'), 'team-payments');
            assert.equal((0, team_1.teamLabel)('Teamwork'), 'Team Teamwork');
        });
        it('setting → the config\'s only team → the config team the files hold → the files\' only team → ask', () => {
            const config = (teams) => ({ source: '.dsomm/meta.yaml', teams });
            assert.deepEqual((0, progress_1.resolveTeam)({ explicit: ' Team X ', config: config(['Team A']), fileTeams: ['Team A'] }), { team: 'Team X', source: 'setting', unknownTo: '.dsomm/meta.yaml' });
            assert.deepEqual((0, progress_1.resolveTeam)({ explicit: 'Team A', config: config(['Team A']), fileTeams: [] }), { team: 'Team A', source: 'setting' });
            assert.deepEqual((0, progress_1.resolveTeam)({ config: config(['Team A']), fileTeams: ['Team B', 'Team C'] }), { team: 'Team A', source: 'config' });
            assert.deepEqual((0, progress_1.resolveTeam)({ config: config(['Team A', 'Team B']), fileTeams: ['Team B', 'Old'] }), { team: 'Team B', source: 'progress' });
            const ask = (0, progress_1.resolveTeam)({ config: config(['Team A', 'Team B']), fileTeams: ['Old'] });
            assert.equal(ask.team, undefined);
            assert.deepEqual(ask.team === undefined && ask.choices, ['Team A', 'Team B', 'Old']);
            assert.deepEqual((0, progress_1.resolveTeam)({ fileTeams: ['Only'] }), { team: 'Only', source: 'progress' });
            assert.deepEqual((0, progress_1.resolveTeam)({ config: config(['Team A']), fileTeams: [] }).team, 'Team A');
            const none = (0, progress_1.resolveTeam)({ fileTeams: [] });
            assert.equal(none.team, undefined);
            assert.deepEqual(none.team === undefined && none.choices, []);
            const several = (0, progress_1.resolveTeam)({ fileTeams: ['B', 'A'] });
            assert.deepEqual(several.team === undefined && several.choices, ['A', 'B']);
        });
        it('nothing defaults to a folder name or "Default": an unresolved team shows no team progress and cannot record', async () => {
            const ws = workspace({ '.dsomm/team-progress.yaml': APP_PROGRESS_DOWNLOAD });
            const loaded = await (0, progress_1.loadWorkspaceProgress)(ws.fs, {});
            assert.equal(loaded.settings.team, '');
            assert.equal(loaded.data.stateOf(BUILD), undefined);
            await assert.rejects((0, progress_1.setState)(ws.fs, loaded.settings, BUILD, 'Started'), /no team name is set/);
        });
        it('the CLI takes the team of .dsomm/meta.yaml, and notes a --team the config does not list', async () => {
            const ws = workspace({
                '.dsomm/meta.yaml': 'teams: [Team B]\n',
                '.dsomm/team-progress.yaml': APP_PROGRESS_DOWNLOAD,
                'README.md': 'nothing\n',
            });
            const r = await cli('scan', ws.root, '--format', 'json');
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            const build = JSON.parse(r.out).activities.find((a) => a.uuid === BUILD);
            assert.deepEqual(build.progress && [build.progress.team, build.progress.state], ['Team B', 'Started']);
            const other = await cli('scan', ws.root, '--format', 'json', '--team', 'Team A');
            assert.equal(other.code, main_1.EXIT.ok, other.err);
            assert.match(other.err, /team "Team A" is not one of the teams in .*meta\.yaml; the DSOMM web app will not show its progress/);
        });
        it('the CLI without --team on files of several teams: exit 2 with --progress, a note without', async () => {
            const ws = workspace({ '.dsomm/team-progress.yaml': APP_PROGRESS_DOWNLOAD, 'README.md': 'x\n' });
            const explicit = await cli('scan', ws.root, '--format', 'json', '--progress', path.join(ws.root, '.dsomm/team-progress.yaml'));
            assert.equal(explicit.code, main_1.EXIT.usage);
            assert.match(explicit.err, /choose one with --team NAME \(Team A, Team B\)/);
            const auto = await cli('scan', ws.root, '--format', 'json');
            assert.equal(auto.code, main_1.EXIT.ok);
            assert.match(auto.err, /no team's progress is applied/);
        });
    });
    describe('the DSOMM config in the repository (.dsomm/meta.yaml)', () => {
        it('names the files, the states and the teams ($ref into teams.yaml next to it)', async () => {
            const ws = workspace({
                '.dsomm/meta.yaml': [
                    'teamProgressFile: progress/our-progress.yaml',
                    "teamEvidenceFile: 'progress/our-evidence.yaml'",
                    'progressDefinition:',
                    '  Backlog: { score: 0%, definition: nothing yet }',
                    '  Doing: { score: 0.3 }',
                    "  Done: { score: '100%' }",
                    "teams: { $ref: 'teams.yaml#/teams' }",
                    "teamGroups: { $ref: 'teams.yaml#/teamGroups' }",
                    'activityFiles: [default/model.yaml]',
                ].join('\n'),
                '.dsomm/teams.yaml': 'teams: [Red, Blue]\nteamGroups:\n  All: [Red, Blue]\n',
                '.dsomm/progress/our-progress.yaml': `progress:\n  ${BUILD}:\n    Blue:\n      Doing: 2026-12-01\n`,
            });
            const loaded = await (0, progress_1.loadWorkspaceProgress)(ws.fs, {});
            assert.equal(loaded.settings.file, '.dsomm/progress/our-progress.yaml');
            assert.equal(loaded.settings.evidenceFile, '.dsomm/progress/our-evidence.yaml');
            assert.deepEqual(loaded.settings.states.map((s) => [s.name, s.score]), [['Backlog', 0], ['Doing', 30], ['Done', 100]]);
            assert.deepEqual(loaded.config?.teams, ['Red', 'Blue']);
            assert.deepEqual(loaded.config?.teamGroups, { All: ['Red', 'Blue'] });
            assert.deepEqual(loaded.team, { team: 'Blue', source: 'progress' });
            assert.equal(loaded.data.stateOf(BUILD)?.state, 'Doing');
            // dsomm.progressStates stays an override.
            const overridden = await (0, progress_1.loadWorkspaceProgress)(ws.fs, { states: [{ name: 'No', score: 0 }, { name: 'Doing', score: 50 }, { name: 'Yes', score: 100 }] });
            assert.deepEqual(overridden.settings.states.map((s) => s.name), ['No', 'Doing', 'Yes']);
            assert.equal(overridden.data.stateOf(BUILD)?.score, 50);
        });
        it('teams.yaml alone (the app\'s "Download team setup") gives the teams', async () => {
            const ws = workspace({ '.dsomm/teams.yaml': "teams: ['Team Z']\n" });
            const loaded = await (0, progress_1.loadWorkspaceProgress)(ws.fs, {});
            assert.deepEqual(loaded.team, { team: 'Team Z', source: 'config' });
            assert.equal(loaded.config?.source, '.dsomm/teams.yaml');
        });
        it('refuses references that leave its folder, bad scores and states, naming file and line; the files are still read', async () => {
            const cases = [
                ['teamProgressFile: ../elsewhere.yaml\n', /must name a file inside the folder of \.dsomm\/meta\.yaml/, 1],
                ['teamProgressFile: /etc/passwd\n', /must name a file inside the folder/, 1],
                ["teams: { $ref: '../../secret.yaml#/teams' }\n", /\$ref must name a file next to/, 1],
                ["teams: { $ref: 'missing.yaml#/teams' }\n", /\$ref: \.dsomm\/missing\.yaml does not exist/, 1],
                ['progressDefinition:\n  A: { score: 0% }\n  B: { score: 20 }\n', /score must be a percentage/, 3],
                ['progressDefinition:\n  A: { score: 10% }\n  B: { score: 100% }\n', /lowest progress state \("A"\) must score 0 %/, 2],
                ['teams: Team A\n', /'teams' must be a list of team names/, 1],
            ];
            for (const [text, pattern, line] of cases) {
                const ws = workspace({ '.dsomm/meta.yaml': text, '.dsomm/team-progress.yaml': `progress:\n  ${BUILD}:\n    T:\n      Started: 2026-01-01\n` });
                const e = await refused((0, progress_1.readDsommConfig)(ws.fs, '.dsomm/meta.yaml'), pattern);
                assert.equal(e.line, line, text);
                const loaded = await (0, progress_1.loadWorkspaceProgress)(ws.fs, {});
                assert.ok(loaded.configError, 'the config error is reported');
                assert.equal(loaded.data.stateOf(BUILD, 'T')?.state, 'Started', 'the files are read without the config');
            }
        });
        it('is created from the settings only where none exists, and a team is added keeping comments', async () => {
            const ws = workspace();
            const input = { teams: ['Team A'], states: (0, progress_1.resolveProgressSettings)({}).states, progressFile: 'team-progress.yaml', evidenceFile: 'team-evidence.yaml' };
            assert.equal(await (0, progress_1.createDsommConfig)(ws.fs, '.dsomm/meta.yaml', input), true);
            const first = ws.read('.dsomm/meta.yaml');
            assert.equal(await (0, progress_1.createDsommConfig)(ws.fs, '.dsomm/meta.yaml', { ...input, teams: ['Other'] }), false);
            assert.equal(ws.read('.dsomm/meta.yaml'), first, 'an existing meta.yaml is never replaced');
            fs.writeFileSync(path.join(ws.root, '.dsomm/meta.yaml'), `# our deployment\n${first}extra: kept # why\n`);
            assert.equal(await (0, progress_1.addTeamToConfig)(ws.fs, '.dsomm/meta.yaml', 'Team B'), 'added');
            assert.equal(await (0, progress_1.addTeamToConfig)(ws.fs, '.dsomm/meta.yaml', 'Team B'), 'present');
            const after = ws.read('.dsomm/meta.yaml');
            assert.match(after, /# our deployment/);
            assert.match(after, /extra: kept # why/);
            assert.deepEqual(appView(after).teams, ['Team A', 'Team B']);
            fs.writeFileSync(path.join(ws.root, '.dsomm/meta.yaml'), "teams: { $ref: 'teams.yaml#/teams' }\n");
            assert.equal(await (0, progress_1.addTeamToConfig)(ws.fs, '.dsomm/meta.yaml', 'Team C'), 'referenced');
        });
    });
    describe('serving the folder to the app', () => {
        it('after the first record both files exist as valid empty documents, and meta.yaml\'s references resolve next to it', async () => {
            const ws = workspace();
            const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
            await (0, progress_1.createDsommConfig)(ws.fs, '.dsomm/meta.yaml', { teams: ['Team A'], states: settings.states, progressFile: 'team-progress.yaml', evidenceFile: 'team-evidence.yaml', modelFile: 'model.yaml' });
            fs.writeFileSync(path.join(ws.root, '.dsomm/model.yaml'), '---\nmeta: {version: x}\n---\n{}\n');
            await (0, progress_1.setNotApplicable)(ws.fs, settings, BUILD, { reason: 'no build' }, undefined, '2026-12-07');
            assert.deepEqual(appView(ws.read('.dsomm/team-progress.yaml')), { progress: null }, 'the progress file exists, empty, as the app ships it');
            const meta = appView(ws.read('.dsomm/meta.yaml'));
            for (const ref of [meta.teamProgressFile, meta.teamEvidenceFile, ...meta.activityFiles]) {
                assert.ok(fs.statSync(path.join(ws.root, '.dsomm', ref)).isFile(), `${ref} resolves next to meta.yaml`);
            }
            const ws2 = workspace();
            await (0, progress_1.setState)(ws2.fs, settings, BUILD, 'Started', undefined, '2026-12-07');
            assert.deepEqual(appView(ws2.read('.dsomm/team-evidence.yaml')), { evidence: {} });
        });
        it('every save replaces the file in the folder (new inode), so only a folder mount stays fresh', async () => {
            const ws = workspace();
            const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
            await (0, progress_1.setState)(ws.fs, settings, BUILD, 'Started', undefined, '2026-12-01');
            const before = fs.statSync(path.join(ws.root, '.dsomm/team-progress.yaml')).ino;
            // What a container sees through a mount of the folder: the folder's current entry.
            const folderView = () => fs.readFileSync(path.join(ws.root, '.dsomm', 'team-progress.yaml'), 'utf8');
            const held = fs.openSync(path.join(ws.root, '.dsomm/team-progress.yaml'), 'r'); // a single-file mount pins this inode
            try {
                await (0, progress_1.setState)(ws.fs, settings, BUILD, 'Fully implemented', undefined, '2026-12-07');
                assert.notEqual(fs.statSync(path.join(ws.root, '.dsomm/team-progress.yaml')).ino, before, 'atomic replace: a new inode');
                assert.match(folderView(), /Fully implemented: 2026-12-07/);
                assert.doesNotMatch(fs.readFileSync(held, 'utf8'), /Fully implemented/, 'the pinned old inode stays stale (why the README mounts the folder)');
            }
            finally {
                fs.closeSync(held);
            }
        });
        it('a folder where a file is expected (Docker mounted a missing file) gets a clear message, not a crash', async () => {
            const ws = workspace();
            fs.mkdirSync(path.join(ws.root, '.dsomm/team-evidence.yaml'), { recursive: true });
            const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
            await refused((0, progress_1.readProgress)(ws.fs, settings), /team-evidence\.yaml: is a folder, not a file\. Docker creates an empty folder/);
            await refused((0, progress_1.setNotApplicable)(ws.fs, settings, BUILD, { reason: 'x' }), /is a folder, not a file/);
            const r = await cli('scan', ws.root, '--team', 'Team A');
            assert.equal(r.code, main_1.EXIT.badInput);
            assert.match(r.err, /^dsomm: progress file .*team-evidence\.yaml: is a folder, not a file\./);
            assert.equal(r.err.split('\n').length, 1);
            const dir = await cli('scan', ws.root, '--progress', path.join(ws.root, '.dsomm/team-evidence.yaml'));
            assert.equal(dir.code, main_1.EXIT.badInput);
            assert.match(dir.err, /is a folder, not a file/);
        });
    });
    describe('"not applicable": the app scores it 0 %', () => {
        const data = () => {
            const e = `evidence:\n  ${BUILD}:\n    - id: n1\n      teams: [Team A]\n      title: Not applicable\n      description: We build nothing\n      evidenceRecorded: 2026-12-01\n`;
            return new progress_1.ProgressData((0, progress_1.resolveProgressSettings)({ team: 'Team A' }), undefined, (0, progress_1.parseEvidenceText)(e, 'e'));
        };
        it('counts as achieved by default, says the app scores it 0 %, and scores 0 % with the setting', () => {
            const scan = scanOf([BUILD, 'missing']);
            const achieved = (0, progress_1.applyProgress)(scan, data());
            const a = achieved.activities[0];
            assert.equal(a.status, 'not-applicable');
            assert.ok((0, result_1.isAchieved)(a));
            assert.equal(achieved.achievedLevel, 5);
            assert.equal((0, result_1.notApplicableSummary)(achieved), '1 activity marked not applicable: counts as achieved here; the DSOMM web app scores it 0 %.');
            assert.match((0, text_1.toTextReport)(achieved), /counts as achieved here; the DSOMM web app scores it 0 %/);
            assert.match((0, text_1.toMarkdownReport)(achieved), /counts as achieved here; the DSOMM web app scores it 0 %/);
            const zero = (0, progress_1.applyProgress)(scan, data(), undefined, { notApplicableScoring: 'zero' });
            const z = zero.activities[0];
            assert.equal(z.status, 'not-applicable', 'the decision is kept and shown');
            assert.equal(z.notApplicable?.reason, 'We build nothing');
            assert.equal((0, result_1.isAchieved)(z), false);
            assert.equal(zero.achievedLevel, 0);
            assert.deepEqual((0, result_1.summarizeLevels)(zero.activities).levels[0], { level: 1, decidable: 1, achieved: 0, undecided: 0 });
            assert.equal((0, result_1.notApplicableSummary)(zero), '1 activity marked not applicable: scored 0 %, as the DSOMM web app scores it.');
        });
    });
    describe('evidence from the editor for the app', () => {
        it('the repository URL comes from .git/config (https, ssh, scp forms) and the branch from HEAD', async () => {
            const remotes = (0, progress_1.parseRemotes)('[core]\n\tbare = false\n[remote "upstream"]\n\turl = https://github.com/up/stream.git\n[remote "origin"]\n\turl = git@github.com:acme/shop.git\n\tfetch = +refs/heads/*:refs/remotes/origin/*\n');
            assert.deepEqual([...remotes], [['upstream', 'https://github.com/up/stream.git'], ['origin', 'git@github.com:acme/shop.git']]);
            assert.deepEqual((0, progress_1.webUrlOf)('git@github.com:acme/shop.git'), { webUrl: 'https://github.com/acme/shop', host: 'github' });
            assert.deepEqual((0, progress_1.webUrlOf)('https://user:token@gitlab.example.com/group/sub/app.git'), { webUrl: 'https://gitlab.example.com/group/sub/app', host: 'gitlab' });
            assert.deepEqual((0, progress_1.webUrlOf)('ssh://git@bitbucket.org:22/team/repo.git'), { webUrl: 'https://bitbucket.org/team/repo', host: 'bitbucket' });
            assert.deepEqual((0, progress_1.webUrlOf)('git@ssh.dev.azure.com:v3/org/proj/repo'), { webUrl: 'https://dev.azure.com/org/proj/_git/repo', host: 'azure' });
            assert.equal((0, progress_1.webUrlOf)('/srv/git/repo.git'), undefined);
            assert.equal((0, progress_1.webUrlOf)('../other'), undefined);
            const mem = new memoryFs_1.MemoryFileSystem({ '.git/config': '[remote "origin"]\n  url = git@github.com:acme/shop.git\n', '.git/HEAD': 'ref: refs/heads/feature/x\n' });
            const repo = await (0, progress_1.readRepositoryInfo)(mem);
            assert.deepEqual(repo, { webUrl: 'https://github.com/acme/shop', host: 'github', ref: 'feature/x' });
            assert.equal((0, progress_1.lineUrl)(repo, '.github/workflows/ci build.yml', 12), 'https://github.com/acme/shop/blob/feature/x/.github/workflows/ci%20build.yml#L12');
            assert.equal((0, progress_1.lineUrl)({ webUrl: 'https://gitlab.com/a/b', host: 'gitlab', ref: 'main' }, 'x.yml', 3), 'https://gitlab.com/a/b/-/blob/main/x.yml#L3');
            assert.equal(await (0, progress_1.readRepositoryInfo)(new memoryFs_1.MemoryFileSystem({ 'README.md': 'x' })), undefined);
        });
        it('the detected evidence becomes an entry with the file:line list, a link per line and the repository link', async () => {
            const result = activityResult(BUILD, 'detected', [
                { path: '.github/workflows/ci.yml', line: 10, text: 'run: npm run build', tool: 'npm' },
                { path: '.github/workflows/ci.yml', line: 10, text: 'duplicate place' },
                { path: 'Dockerfile', line: 3, text: 'RUN make `all`' },
            ]);
            const input = (0, progress_1.detectedEvidenceInput)(result, { webUrl: 'https://github.com/acme/shop', host: 'github', ref: 'main' });
            assert.equal(input.title, 'Detected in the repository');
            assert.equal(input.link, 'https://github.com/acme/shop');
            assert.match(input.description, /- \[\.github\/workflows\/ci\.yml:10\]\(https:\/\/github\.com\/acme\/shop\/blob\/main\/\.github\/workflows\/ci\.yml#L10\): npm · run: npm run build/);
            assert.match(input.description, /- \[Dockerfile:3\]\(https:\/\/github\.com\/acme\/shop\/blob\/main\/Dockerfile#L3\): RUN make \\`all\\`/);
            assert.equal(input.description.match(/ci\.yml:10/g)?.length, 1, 'one line per place');
            const plain = (0, progress_1.detectedEvidenceInput)(result);
            assert.match(plain.description, /- `Dockerfile:3`/);
            assert.equal(plain.link, undefined);
            assert.equal((0, progress_1.detectedEvidenceInput)(activityResult(BUILD, 'missing', [])), undefined);
            // Saved like any entry: the app reads title, description and the link attachment.
            const ws = workspace();
            await (0, progress_1.saveEvidence)(ws.fs, (0, progress_1.resolveProgressSettings)({ team: 'Team A' }), BUILD, input, undefined, '2026-12-07');
            const saved = appView(ws.read('.dsomm/team-evidence.yaml')).evidence[BUILD][0];
            assert.equal(saved.title, 'Detected in the repository');
            assert.equal(saved.description, input.description);
            assert.deepEqual(saved.attachment, [{ type: 'link', externalLink: 'https://github.com/acme/shop' }]);
        });
    });
    describe('dates', () => {
        it('"today" is the UTC calendar day the app writes, whatever the time zone', () => {
            const saved = process.env.TZ;
            try {
                process.env.TZ = 'Pacific/Kiritimati'; // UTC+14: local date is a day ahead at noon UTC
                const noonUtc = new Date('2026-12-07T12:00:00.000Z');
                assert.equal(noonUtc.getDate(), 8, 'the time zone took effect');
                assert.equal((0, settings_1.dayOf)(noonUtc), '2026-12-07');
                process.env.TZ = 'America/Adak'; // UTC-10
                assert.equal((0, settings_1.dayOf)(new Date('2026-12-08T02:00:00.000Z')), '2026-12-08');
            }
            finally {
                if (saved === undefined)
                    delete process.env.TZ;
                else
                    process.env.TZ = saved;
            }
        });
    });
});
describe('progress store safety and speed (issue 17: 6, 7, 15, 16)', function () {
    this.timeout(60000);
    it('never reads or writes through a team-progress.yaml link that leaves the workspace (6)', async () => {
        const outside = tempDir('dsomm-outside-');
        const token = path.join(outside, 'token');
        fs.writeFileSync(token, 'progress:\n  secret-token-value: {}\n');
        const ws = workspace({ 'README.md': 'x\n' });
        fs.mkdirSync(path.join(ws.root, '.dsomm'));
        fs.symlinkSync(token, path.join(ws.root, '.dsomm/team-progress.yaml'));
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
        await refused((0, progress_1.readProgress)(ws.fs, settings), /team-progress\.yaml: is a symbolic link; the team's files are never read or written through a link, as it could lead outside the workspace/);
        await refused((0, progress_1.setState)(ws.fs, settings, BUILD, 'Started'), /is a symbolic link/);
        assert.equal(fs.readFileSync(token, 'utf8'), 'progress:\n  secret-token-value: {}\n');
        assert.deepEqual(fs.readdirSync(path.join(ws.root, '.dsomm')), ['team-progress.yaml'], 'no backup, lock or temporary file holds the token');
        const r = await cli('scan', ws.root, '--team', 'Team A', '--format', 'json');
        assert.equal(r.code, main_1.EXIT.badInput);
        assert.doesNotMatch(r.out + r.err, /secret-token-value/);
        assert.match(r.err, /is a symbolic link/);
    });
    it('never reads or writes through a linked .dsomm/ folder (6)', async () => {
        const outside = tempDir('dsomm-outside-');
        fs.writeFileSync(path.join(outside, 'team-evidence.yaml'), 'evidence: {}\n');
        const ws = workspace();
        fs.symlinkSync(outside, path.join(ws.root, '.dsomm'));
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
        await refused((0, progress_1.readProgress)(ws.fs, settings), /lies in a linked folder \(\.dsomm is a symbolic link\)/);
        await refused((0, progress_1.setNotApplicable)(ws.fs, settings, BUILD, { reason: 'x' }), /lies in a linked folder/);
        assert.deepEqual(fs.readdirSync(outside), ['team-evidence.yaml'], 'nothing was written outside the workspace');
    });
    it('a FIFO in place of the evidence file is refused with one line, never opened (the guarded read)', async function () {
        if (process.platform === 'win32')
            this.skip();
        const ws = workspace({ '.dsomm/team-progress.yaml': 'progress:\n' });
        (0, node_child_process_1.execFileSync)('mkfifo', [path.join(ws.root, '.dsomm/team-evidence.yaml')]);
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
        const e = await refused((0, progress_1.readProgress)(ws.fs, settings), /team-evidence\.yaml: not read: a FIFO/);
        assert.equal(e.kind, 'refused');
        await refused((0, progress_1.setNotApplicable)(ws.fs, settings, BUILD, { reason: 'x' }), /not read: a FIFO/);
    });
    it('a YAML map without `progress:` is not a progress file: one line, exit 3, never rewritten (15)', async () => {
        const ws = workspace({ 'conf.yaml': 'name: app\nversion: 2\n', 'README.md': 'x\n' });
        const r = await cli('scan', ws.root, '--progress', path.join(ws.root, 'conf.yaml'), '--team', 'T');
        assert.equal(r.code, main_1.EXIT.badInput);
        assert.equal(r.err.split('\n').length, 1);
        assert.match(r.err, /conf\.yaml:1: not a DSOMM team progress file: it has no 'progress' key \(its top-level keys: 'name', 'version'\)/);
        const settings = (0, progress_1.resolveProgressSettings)({ file: 'conf.yaml', team: 'T' });
        await refused((0, progress_1.setState)(ws.fs, settings, BUILD, 'Started'), /not a DSOMM team progress file/);
        assert.equal(ws.read('conf.yaml'), 'name: app\nversion: 2\n');
        assert.throws(() => (0, progress_1.parseEvidenceText)('title: x\n', 'e.yaml'), /not a DSOMM team evidence file: it has no 'evidence' key/);
        // An empty file or one holding only `progress:` is still a valid (empty) progress file.
        assert.equal((0, progress_1.parseProgressText)('', 'p').activities.size, 0);
        assert.equal((0, progress_1.parseProgressText)('# only a comment\n', 'p').activities.size, 0);
    });
    it('temporary files a killed writer left are removed on the next write (16)', async () => {
        const ws = workspace({ '.dsomm/team-progress.yaml': 'progress:\n' });
        const stale = ['.team-progress.yaml.k3j9x2ab.tmp', '.team-progress.yaml.bak.0a1b2c3d.tmp', '.team-evidence.yaml.zz9.tmp'];
        const foreign = ['notes.tmp', '.team-progress.yaml.lock.abc.tmp', 'team-progress.yaml.tmp'];
        for (const f of [...stale, ...foreign])
            fs.writeFileSync(path.join(ws.root, '.dsomm', f), 'partial');
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
        await (0, progress_1.setState)(ws.fs, settings, BUILD, 'Started', undefined, '2026-12-07');
        let left = fs.readdirSync(path.join(ws.root, '.dsomm'));
        assert.ok(!left.includes(stale[0]) && !left.includes(stale[1]), `the progress file's temporaries are gone: ${left}`);
        assert.ok(left.includes(stale[2]), 'the evidence file is cleaned when it is written');
        for (const f of foreign)
            assert.ok(left.includes(f), `${f} is not ours and stays`);
        await (0, progress_1.setNotApplicable)(ws.fs, settings, BUILD, { reason: 'x' }, undefined, '2026-12-07');
        left = fs.readdirSync(path.join(ws.root, '.dsomm'));
        assert.ok(!left.includes(stale[2]));
    });
    it('duplicate keys are still refused at every level with the linear check (7)', () => {
        assert.throws(() => (0, progress_1.parseProgressText)(`progress:\n  ${BUILD}: {}\n  ${BUILD}: {}\n`, 'p'), /activity .* appears twice/);
        assert.throws(() => (0, progress_1.parseProgressText)('progress:\nprogress:\n', 'p'), /the key 'progress' appears twice/);
        assert.throws(() => (0, progress_1.parseEvidenceText)(`evidence:\n  ${BUILD}:\n    - id: a\n      title: x\n      title: y\n`, 'e'), /the key 'title' appears twice/);
        assert.throws(() => (0, progress_1.parseEvidenceText)(`evidence:\n  ${BUILD}:\n    - id: a\n      attachment: [{type: link, type: doc}]\n`, 'e'), /the key 'type' appears twice/);
    });
    it('a 10k-activity progress file reads and takes an edit (the time is in npm run bench) (7)', async () => {
        const lines = ['progress:'];
        for (let i = 0; i < 10_000; i++)
            lines.push(`  ${String(i).padStart(8, '0')}-0000-4000-8000-000000000000:`, "    'Team A':", "      'Started': 2026-01-02");
        const ws = workspace({ '.dsomm/team-progress.yaml': lines.join('\n') + '\n' });
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Team A' });
        const r = await (0, progress_1.setState)(ws.fs, settings, '00000042-0000-4000-8000-000000000000', 'Fully implemented', undefined, '2026-12-07');
        assert.equal(r.changed, true);
        const data = await (0, progress_1.readProgress)(ws.fs, settings);
        assert.equal(data.activities().length, 10_000);
        assert.equal(data.stateOf('00000042-0000-4000-8000-000000000000')?.state, 'Fully implemented');
    });
});
// ---------------------------------------------------------------------------------------------
function activity(uuid, level = 1) {
    return { uuid, name: `Activity ${uuid.slice(0, 4)}`, level, dimension: 'D', subdimension: 'S', dependsOn: [] };
}
function activityResult(uuid, detected, evidence) {
    return {
        activity: activity(uuid),
        detected,
        status: detected,
        evidence: evidence.map((e) => ({ loc: { path: e.path, line: e.line, column: 1, endLine: e.line, endColumn: 2 }, text: e.text, ...(e.tool ? { tool: e.tool } : {}) })),
        probes: [],
    };
}
function scanOf(...entries) {
    const activities = entries.map(([uuid, status]) => activityResult(uuid, status, []));
    return { root: '/w', model: { source: 'test', activityCount: activities.length }, files: [], probes: [], activities, external: [], findings: [], ...(0, result_1.summarizeLevels)(activities) };
}
//# sourceMappingURL=web-app.test.js.map