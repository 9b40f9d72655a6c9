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
// Files the scan was told to use but could not use in full (a broken `.dsomm/tools.yaml`, a model
// file whose activities were skipped): `dsomm scan` names them on stderr AND in every report format,
// beside the files with problems, and the scan goes on. Also: housekeeping blocks are marked in the
// JSON report's `external` and listed apart in the text report.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const main_1 = require("../../src/cli/main");
const loader_1 = require("../../src/core/model/loader");
const inputProblems_1 = require("../../src/core/reports/inputProblems");
const scanHelpers_1 = require("./scanHelpers");
async function scan(dir, ...more) {
    const out = [];
    const err = [];
    const io = { out: (t) => out.push(t), err: (t) => err.push(t) };
    const code = await (0, main_1.main)(['scan', dir, ...more], io);
    return { code, out: out.join('\n'), err: err.join('\n') };
}
const LEGACY_MODEL = path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/models/legacy-generated.yaml');
const BROKEN_TOOLS = 'schemaVersion: 1\nblocks:\n  - uses: acme/pipelines/.github/workflows/org-checks.yml\n    runs: [sac]\n';
describe('input problems: configuration the scan could not use is in every report', () => {
    let dir;
    beforeEach(() => {
        dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-input-problems-'));
        (0, node_fs_1.mkdirSync)(path.join(dir, '.github/workflows'), { recursive: true });
        (0, node_fs_1.writeFileSync)(path.join(dir, '.github/workflows/ci.yml'), 'on: push\njobs:\n  stale:\n    uses: apache/maven-gh-actions-shared/.github/workflows/stale.yml@v4\n  org:\n    uses: acme/pipelines/.github/workflows/org-checks.yml@v2\n');
    });
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('a broken tools file: stderr, and the JSON report lists it in "problems" with line and severity', async () => {
        const fine = await scan(dir, '--format', 'json');
        assert.deepEqual((JSON.parse(fine.out)).problems, [], 'always present, empty when everything loaded');
        (0, node_fs_1.mkdirSync)(path.join(dir, '.dsomm'));
        (0, node_fs_1.writeFileSync)(path.join(dir, '.dsomm/tools.yaml'), BROKEN_TOOLS);
        const r = await scan(dir, '--format', 'json');
        assert.equal(r.code, main_1.EXIT.ok, 'the scan goes on');
        assert.match(r.err, /^dsomm: \.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac".*not used until it is fixed$/m);
        const json = JSON.parse(r.out);
        assert.equal(json.problems.length, 1);
        assert.deepEqual({ ...json.problems[0], message: undefined }, { path: '.dsomm/tools.yaml', line: 4, severity: 'error', message: undefined });
        assert.match(json.problems[0].message, /runs unknown probe "sac" .*; the declared blocks and commands are not used until it is fixed/);
    });
    it('a broken tools file is listed under "Files with problems" in text, Markdown and HTML, and as a SARIF configuration notification', async () => {
        (0, node_fs_1.mkdirSync)(path.join(dir, '.dsomm'));
        (0, node_fs_1.writeFileSync)(path.join(dir, '.dsomm/tools.yaml'), BROKEN_TOOLS);
        const text = (await scan(dir)).out;
        assert.match(text, /Files with problems:\n {2}\.dsomm\/tools\.yaml:4: block .* runs unknown probe "sac"/);
        const markdown = (await scan(dir, '--format', 'markdown')).out;
        assert.match(markdown, /## Files with problems\n\n- `\.dsomm\/tools\.yaml:4`: block .* runs unknown probe/);
        const html = (await scan(dir, '--format', 'html')).out;
        assert.match(html, /<h2>Files with problems<\/h2>\n<ul>\n<li><code>\.dsomm\/tools\.yaml:4<\/code> block .* runs unknown probe &quot;sac&quot;/);
        const sarif = JSON.parse((await scan(dir, '--format', 'sarif')).out);
        const notes = sarif.runs[0].invocations[0].toolConfigurationNotifications;
        assert.equal(sarif.runs[0].invocations[0].executionSuccessful, true);
        assert.equal(notes.length, 1);
        assert.equal(notes[0].level, 'error');
        assert.deepEqual(notes[0].locations[0].physicalLocation, { artifactLocation: { uri: '.dsomm/tools.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 4 } });
        const clean = JSON.parse((await scan(path.join(dir, '.github'), '--format', 'sarif')).out);
        assert.equal(clean.runs[0].invocations, undefined, 'no invocation block when nothing went wrong');
    });
    it('a --model file whose activities were skipped: each warning on stderr and in the reports, with the absolute path and line', async () => {
        const model = (0, loader_1.parseModel)((0, node_fs_1.readFileSync)(LEGACY_MODEL, 'utf8'), LEGACY_MODEL);
        const expected = (0, inputProblems_1.modelInputProblems)(model, LEGACY_MODEL);
        assert.ok(expected.length > 0, 'the fixture has load warnings');
        const r = await scan(dir, '--format', 'json', '--model', LEGACY_MODEL);
        assert.equal(r.code, main_1.EXIT.ok);
        for (const p of expected)
            assert.ok(r.err.includes(`dsomm: warning: ${(0, inputProblems_1.inputProblemText)(p)}`), `stderr names ${(0, inputProblems_1.inputProblemText)(p)}`);
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
        const stale = json.external.find((x) => x.ref.includes('stale.yml'));
        const org = json.external.find((x) => x.ref.includes('org-checks.yml'));
        assert.equal(stale.housekeeping, 'Stale issue and pull request closer');
        assert.equal(org.housekeeping, undefined);
        const text = (await scan(dir)).out;
        const unread = text.slice(text.indexOf('External references'));
        assert.match(unread, /^External references \(cannot be read offline, not counted\):\n {2}\.github\/workflows\/ci\.yml:6 {2}reusable-workflow acme\/pipelines/);
        assert.doesNotMatch(unread.split('\n\n')[0], /stale\.yml/, 'a housekeeping block is no unread reference');
        assert.match(text, /Housekeeping blocks \(known to run no security check\):\n {2}\.github\/workflows\/ci\.yml:4 {2}reusable-workflow apache\/maven-gh-actions-shared\/\.github\/workflows\/stale\.yml@v4 \(Stale issue and pull request closer\)/);
    });
});
//# sourceMappingURL=input-problems.test.js.map