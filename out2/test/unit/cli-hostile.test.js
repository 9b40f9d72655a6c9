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
// The CLI facing a hostile folder or a hostile reader: control characters in file names and model
// text are shown, never obeyed; a closed pipe ends the run quietly; an unreadable folder is an
// error; SARIF locations are valid URIs.
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const main_1 = require("../../src/cli/main");
const controls_1 = require("../../src/core/reports/controls");
const sarif_1 = require("../../src/core/reports/sarif");
const text_1 = require("../../src/core/reports/text");
const scanHelpers_1 = require("./scanHelpers");
const CLI = path.resolve(__dirname, '../../src/cli/main.js');
const posix = process.platform !== 'win32';
// A name that tries to start a GitHub Actions workflow command on its own line, and to colour the terminal.
const HOSTILE_NAME = 'x\n::error file=a.yml::pwned \u001b[31mred\u001b[0m #%<>.yml';
async function cli(...argv) {
    const out = [];
    const err = [];
    const code = await (0, main_1.main)(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}
function assertInert(text, what) {
    assert.ok(!/\u001b/.test(text), `${what}: no raw ESC`);
    assert.ok(!/^::error/m.test(text), `${what}: no line starts a workflow command`);
}
(posix ? describe : describe.skip)('CLI against hostile names and readers', function () {
    this.timeout(60_000);
    let tmp;
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-cli-hostile-'));
    });
    afterEach(() => {
        fs.chmodSync(tmp, 0o700);
        fs.rmSync(tmp, { recursive: true, force: true });
    });
    it('a workflow file named with a newline, `::error` and ESC: text, Markdown and stderr show it escaped', async () => {
        fs.mkdirSync(path.join(tmp, '.github/workflows'), { recursive: true });
        // Broken YAML, so the file's error also goes to stderr.
        fs.writeFileSync(path.join(tmp, '.github/workflows', HOSTILE_NAME), 'on: [push\njobs: {\n');
        for (const format of ['text', 'markdown', 'html']) {
            const r = await cli('scan', tmp, '--format', format);
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            assertInert(r.out, format);
            assertInert(r.err, `${format} stderr`);
        }
        const r = await cli('scan', tmp);
        assert.ok(r.out.includes((0, controls_1.escapeControls)(HOSTILE_NAME)), 'the name is shown, escaped');
        assert.match(r.err, /x\\n::error file=a\.yml::pwned \\u001b\[31mred/);
    });
    it('SARIF artifactLocation.uri is percent-encoded per segment', async () => {
        assert.equal((0, sarif_1.sarifUri)('.github/workflows/a b%#<?\n.yml'), '.github/workflows/a%20b%25%23%3C%3F%0A.yml');
        fs.mkdirSync(path.join(tmp, '.github/workflows'), { recursive: true });
        fs.writeFileSync(path.join(tmp, '.github/workflows', 'my ci #1%.yml'), 'on: [push]\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n');
        const sarif = (0, sarif_1.toSarif)((await (0, scanHelpers_1.scanDir)(tmp)).result);
        const uris = new Set(sarif.runs[0].results.flatMap((x) => x.locations.map((l) => l.physicalLocation.artifactLocation.uri)));
        assert.deepEqual([...uris], ['.github/workflows/my%20ci%20%231%25.yml']);
        for (const u of uris)
            assert.doesNotThrow(() => new URL(u, 'file:///root/'));
    });
    it('a newline, a pipe and ESC in a model activity name: one Markdown table row, nothing raw in text', async () => {
        const { result } = await (0, scanHelpers_1.scanDir)(tmp);
        const victim = result.activities[0];
        const hostile = { ...result, activities: [{ ...victim, activity: { ...victim.activity, name: 'Evil\n| 9 | forged | row |\u001b]0;title\u0007' } }, ...result.activities.slice(1)] };
        const md = (0, text_1.toMarkdownReport)(hostile);
        const row = md.split('\n').filter((l) => l.includes('Evil'));
        assert.equal(row.length, 1, 'the name stays in its row');
        assert.ok(!md.split('\n').some((l) => l.startsWith('| 9 | forged')), 'no forged row');
        assertInert(md, 'markdown');
        const text = (0, text_1.toTextReport)(hostile);
        assertInert(text, 'text');
        assert.ok(!/\u0007/.test(text + md));
    });
    it('`dsomm model` and `dsomm scan` with a model whose names and version hold newlines, `::error` and ESC: shown escaped', async () => {
        const bundled = fs.readFileSync(path.resolve(__dirname, '../../../model/dsomm-model.yaml'), 'utf8');
        const evil = bundled
            .replace('\nBuild and Deployment:', '\n"Build\\n::error file=x::pwned \\u001b[2J":')
            .replace('  version: 4.3.1', '  version: "4.3.1\\n::warning::v\\u001b[31m"')
            .replace('    Inventory of production components:', '    "Inventory\\n::error::of | production \\u001b]0;t\\u0007":');
        assert.notEqual(evil, bundled);
        const file = path.join(tmp, 'evil-model.yaml');
        fs.writeFileSync(file, evil);
        const summary = await cli('model', '--model', file);
        assert.equal(summary.code, main_1.EXIT.ok, summary.err);
        assertInert(summary.out, 'dsomm model');
        assert.ok(!/^::warning/m.test(summary.out), 'no line starts a workflow command');
        assert.match(summary.out, /^DSOMM model 4\.3\.1\\n::warning::v\\u001b\[31m \(2026-05-19\) from /m);
        const rows = summary.out.split('\n').slice(4, 9).map((l) => l.replace(/\s+\d.*$/, ''));
        assert.deepEqual(rows, ['Build\\n::error file=x::pwned \\u001b[2J', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification']);
        for (const format of ['text', 'markdown']) {
            const r = await cli('scan', path.resolve(__dirname, '../../../test/fixtures/demo-workspace'), '--model', file, '--format', format);
            assert.equal(r.code, main_1.EXIT.ok, r.err);
            assertInert(r.out, `scan ${format}`);
            assert.ok(!/^::warning/m.test(r.out) && !/\u0007/.test(r.out), `scan ${format}: nothing raw`);
        }
    });
    it('a model path, a team name and a progress file quoting newlines and ESC: each stderr message stays one escaped line', async () => {
        const missing = await cli('model', '--model', path.join(tmp, 'no\n::error::such\u001b[2J.yaml'));
        assert.equal(missing.code, main_1.EXIT.badModel);
        assertInert(missing.err, 'missing model');
        assert.equal(missing.err.split('\n').length, 1, missing.err);
        fs.mkdirSync(path.join(tmp, '.dsomm'));
        fs.writeFileSync(path.join(tmp, '.dsomm/team-progress.yaml'), 'progress:\n  2a44b708-734f-4463-b0cb-86dc46344b2f:\n    "a\\n::error::b":\n      Started: 2026-01-02\n');
        const r = await cli('scan', tmp, '--team', 'x\n::error::y\u001b[31m');
        assertInert(r.err, 'team message');
        assert.match(r.err, /^dsomm: .*has nothing for team "x\\n::error::y\\u001b\[31m" \(teams: a\\n::error::b\)$/);
        assert.equal(r.err.split('\n').length, 1, r.err);
    });
    it('`dsomm scan | head -c1`: a closed pipe ends the run quietly with the scan\'s own exit code', async () => {
        const demo = path.resolve(__dirname, '../../../test/fixtures/demo-workspace');
        for (const [extra, expected] of [[[], main_1.EXIT.ok], [['--fail-under', '5'], main_1.EXIT.belowThreshold]]) {
            const child = (0, node_child_process_1.spawn)(process.execPath, [CLI, 'scan', demo, '--format', 'json', ...extra], { stdio: ['ignore', 'pipe', 'pipe'] });
            let stderr = '';
            child.stderr.on('data', (d) => (stderr += d));
            // Read one chunk, then close our end, as `head -c1` does.
            child.stdout.once('data', () => child.stdout.destroy());
            const code = await new Promise((resolve) => child.on('close', resolve));
            assert.equal(code, expected, stderr);
            assert.ok(!/EPIPE|at .*\(node:/.test(stderr), `no stack trace: ${stderr}`);
        }
    });
    it('an unreadable scan root: exit 3 with one line', function () {
        fs.mkdirSync(path.join(tmp, 'locked'));
        fs.writeFileSync(path.join(tmp, 'locked', 'Dockerfile'), 'FROM alpine\n');
        fs.chmodSync(path.join(tmp, 'locked'), 0o000);
        fs.chmodSync(tmp, 0o755);
        // root reads any folder: run the CLI as nobody then.
        const asNobody = process.getuid?.() === 0 ? { uid: 65534, gid: 65534 } : {};
        const r = (0, node_child_process_1.spawnSync)(process.execPath, [CLI, 'scan', path.join(tmp, 'locked')], { encoding: 'utf8', ...asNobody });
        assert.equal(r.status, main_1.EXIT.badInput, r.stderr + r.stdout);
        assert.equal(r.stdout, '');
        assert.match(r.stderr, /^dsomm: cannot read folder .*locked: EACCES\n$/);
    });
});
//# sourceMappingURL=cli-hostile.test.js.map