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
// Files a hostile repository can hold where the scan follows a path: devices, FIFOs, sockets and
// links out of the folder. Each is refused with a one-line note, never read (no hang, no memory
// blow-up, nothing from outside the folder in any report), and the rest is still scanned. Built
// in a temp folder; POSIX only (mkfifo, /dev/zero).
const assert = __importStar(require("node:assert/strict"));
const node_child_process_1 = require("node:child_process");
const fs = __importStar(require("node:fs"));
const net = __importStar(require("node:net"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const main_1 = require("../../src/cli/main");
const fs_1 = require("../../src/core/fs");
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const progress_1 = require("../../src/core/progress");
const html_1 = require("../../src/core/reports/html");
const json_1 = require("../../src/core/reports/json");
const sarif_1 = require("../../src/core/reports/sarif");
const text_1 = require("../../src/core/reports/text");
const walker_1 = require("../../src/core/scan/discover/walker");
const scanHelpers_1 = require("./scanHelpers");
const posix = process.platform !== 'win32';
function write(root, rel, text) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.writeFileSync(path.join(root, rel), text);
}
function link(root, rel, target) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    fs.symlinkSync(target, path.join(root, rel));
}
function fifo(root, rel) {
    fs.mkdirSync(path.dirname(path.join(root, rel)), { recursive: true });
    (0, node_child_process_1.execFileSync)('mkfifo', [path.join(root, rel)]);
}
async function cli(...argv) {
    const out = [];
    const err = [];
    const code = await (0, main_1.main)(argv, { out: (t) => out.push(t), err: (t) => err.push(t) });
    return { code, out: out.join('\n'), err: err.join('\n') };
}
function notesOf(r, file) {
    return r.files.find((f) => f.path === file)?.problems.map((p) => p.message) ?? [];
}
async function refusal(p) {
    try {
        await p;
    }
    catch (e) {
        assert.ok(e instanceof fs_1.FileRefusedError, `refused, not failed: ${String(e)}`);
        return e;
    }
    assert.fail('the read was not refused');
}
(posix ? describe : describe.skip)('hostile files: one guarded read for every path', function () {
    this.timeout(60_000);
    let tmp;
    let ws;
    let outside;
    const SECRET = 'AKIAHOSTILEFILES0001';
    beforeEach(() => {
        tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-hostile-'));
        ws = path.join(tmp, 'ws');
        outside = path.join(tmp, 'outside');
        fs.mkdirSync(ws);
        fs.mkdirSync(outside);
        fs.writeFileSync(path.join(outside, 'creds'), `FROM alpine\nENV AWS_SECRET_ACCESS_KEY=${SECRET}\nRUN trivy image x\n`);
        fs.writeFileSync(path.join(outside, 'build.sh'), '#!/bin/sh\ngitleaks detect --source .\n');
    });
    afterEach(() => fs.rmSync(tmp, { recursive: true, force: true }));
    describe('readRegularFile / NodeFileSystem.readFile', () => {
        it('refuses a FIFO at once, without opening it (no hang)', async () => {
            fifo(ws, 'pipe');
            const e = await refusal(new nodeFileSystem_1.NodeFileSystem(ws).readFile('pipe'));
            assert.equal(e.reason, 'not-regular');
            assert.equal(e.message, 'not read: a FIFO (named pipe), not a regular file');
        });
        it('refuses a link to /dev/zero and to /dev/stdin, and /dev/zero named directly', async () => {
            link(ws, 'zero', '/dev/zero');
            link(ws, 'stdin', '/dev/stdin');
            const fsys = new nodeFileSystem_1.NodeFileSystem(ws);
            assert.equal((await refusal(fsys.readFile('zero'))).reason, 'outside-workspace');
            assert.equal((await refusal(fsys.readFile('stdin'))).reason, 'outside-workspace');
            // Without a folder to stay in (a model file the user named), the type still decides.
            const direct = await refusal((0, nodeFileSystem_1.readRegularFile)('/dev/zero', '--model'));
            assert.match(direct.message, /^not read: a system path/);
        });
        it('refuses a socket and a folder', async () => {
            const sock = path.join(ws, 'sock');
            const server = net.createServer();
            await new Promise((resolve) => server.listen(sock, resolve));
            try {
                assert.equal((await refusal(new nodeFileSystem_1.NodeFileSystem(ws).readFile('sock'))).message, 'not read: a socket, not a regular file');
            }
            finally {
                await new Promise((resolve) => server.close(resolve));
            }
            fs.mkdirSync(path.join(ws, 'dir'));
            assert.equal((await refusal(new nodeFileSystem_1.NodeFileSystem(ws).readFile('dir'))).message, 'not read: a folder, not a regular file');
        });
        it('refuses links out of the folder (the file itself or a folder above it) and follows links inside it', async () => {
            link(ws, 'creds', path.join(outside, 'creds'));
            link(ws, 'scripts', outside);
            write(ws, 'real/build.sh', 'echo inside\n');
            link(ws, 'inner.sh', 'real/build.sh');
            const fsys = new nodeFileSystem_1.NodeFileSystem(ws);
            const e = await refusal(fsys.readFile('creds'));
            assert.equal(e.message, 'not read: a symbolic link that leads outside the workspace folder');
            assert.ok(!e.message.includes(outside), 'the note does not say where the link points');
            assert.equal((await refusal(fsys.readFile('scripts/build.sh'))).reason, 'outside-workspace');
            assert.equal(new TextDecoder().decode(await fsys.readFile('inner.sh')), 'echo inside\n');
        });
        it('a workspace reached through a symlinked path is still read', async () => {
            write(ws, 'a.txt', 'x');
            link(tmp, 'alias', ws);
            assert.equal(new TextDecoder().decode(await new nodeFileSystem_1.NodeFileSystem(path.join(tmp, 'alias')).readFile('a.txt')), 'x');
        });
        it('checks the size cap before reading, and a missing file still fails as missing', async () => {
            write(ws, 'big', 'x'.repeat(5000));
            const e = await refusal(new nodeFileSystem_1.NodeFileSystem(ws).readFile('big', { maxBytes: 4096 }));
            assert.equal(e.reason, 'too-large');
            assert.equal(e.message, 'larger than 4 KiB (4.9 KiB)');
            assert.equal((await new nodeFileSystem_1.NodeFileSystem(ws).readFile('big', { maxBytes: 5000 })).length, 5000);
            await assert.rejects(new nodeFileSystem_1.NodeFileSystem(ws).readFile('nothing'), (err) => err.code === 'ENOENT');
        });
    });
    describe('every path the scan follows', () => {
        const WORKFLOW = (step) => `on: [push]\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: ${step}\n      - run: trivy fs .\n`;
        it('a script a workflow runs, linked to /dev/zero: a note, the rest detected', async () => {
            write(ws, '.github/workflows/ci.yml', WORKFLOW('./build.sh'));
            link(ws, 'build.sh', '/dev/zero');
            const { result } = await (0, scanHelpers_1.scanDir)(ws);
            assert.ok(result.probes.some((p) => p.evidence.some((ev) => ev.loc.path === '.github/workflows/ci.yml')), 'the workflow is still read');
            assert.deepEqual(notesOf(result, 'build.sh'), ['not read: a symbolic link that leads outside the workspace folder']);
        });
        it('a script a workflow runs that is a FIFO: no hang, a note', async () => {
            write(ws, '.github/workflows/ci.yml', WORKFLOW('./build.sh'));
            fifo(ws, 'build.sh');
            const { result } = await (0, scanHelpers_1.scanDir)(ws);
            assert.deepEqual(notesOf(result, 'build.sh'), ['not read: a FIFO (named pipe), not a regular file']);
        });
        it('package.json for `npm run`, linked to /dev/zero, and a Makefile that is a FIFO', async () => {
            write(ws, '.github/workflows/ci.yml', WORKFLOW('npm run scan && make audit'));
            link(ws, 'package.json', '/dev/zero');
            fifo(ws, 'Makefile');
            const { result } = await (0, scanHelpers_1.scanDir)(ws);
            assert.match(notesOf(result, 'package.json').join(), /not read: a symbolic link that leads outside/);
            assert.ok(result.files.some((f) => f.path === '.github/workflows/ci.yml'));
        });
        it('a GitLab local include that is a FIFO, and a Jenkinsfile script linked out of the folder', async () => {
            write(ws, '.gitlab-ci.yml', 'include:\n  - local: ci/jobs.yml\nscan:\n  script:\n    - gitleaks detect\n');
            fifo(ws, 'ci/jobs.yml');
            write(ws, 'Jenkinsfile', "pipeline {\n  agent any\n  stages {\n    stage('b') { steps { sh './build.sh' } }\n  }\n}\n");
            link(ws, 'build.sh', path.join(outside, 'build.sh'));
            const { result } = await (0, scanHelpers_1.scanDir)(ws);
            assert.match(notesOf(result, 'ci/jobs.yml').join(), /not read: a FIFO/);
            assert.match(notesOf(result, 'build.sh').join(), /outside the workspace folder/);
            // The script outside holds gitleaks: what it runs must not count for the Jenkinsfile.
            const leak = result.probes.find((p) => p.id === 'secret-scan')?.evidence.filter((ev) => ev.loc.path === 'Jenkinsfile' || ev.loc.path === 'build.sh') ?? [];
            assert.deepEqual(leak, []);
        });
        it('a Dockerfile linked to a credentials file outside: nothing of it in any report', async () => {
            link(ws, 'Dockerfile', path.join(outside, 'creds'));
            write(ws, '.github/workflows/ci.yml', WORKFLOW('echo hi'));
            const { result } = await (0, scanHelpers_1.scanDir)(ws);
            assert.deepEqual(notesOf(result, 'Dockerfile'), ['not read: a symbolic link that leads outside the workspace folder']);
            const { model } = (0, scanHelpers_1.bundled)();
            const reports = [
                JSON.stringify((0, json_1.toJsonReport)(result)),
                JSON.stringify((0, sarif_1.toSarif)(result)),
                (0, text_1.toTextReport)(result),
                (0, text_1.toMarkdownReport)(result),
                (0, html_1.renderHtmlReport)(result, model, { targetLevel: 1 }),
            ];
            for (const r of reports) {
                assert.ok(!r.includes(SECRET) && !r.includes('AWS_SECRET_ACCESS_KEY'), 'no line of the outside file reaches a report');
            }
        });
        it('a FIFO or device under a pipeline name gets a note from the walk', async () => {
            fifo(ws, 'Dockerfile');
            link(ws, '.gitlab-ci.yml', '/dev/null');
            const walked = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(ws));
            assert.deepEqual(walked.problems.map((p) => `${p.path}: ${p.message}`), [
                '.gitlab-ci.yml: not read: a symbolic link that leads outside the workspace folder',
                'Dockerfile: not read: a FIFO (named pipe), not a regular file',
            ]);
        });
        it('.dsomm/team-evidence.yaml linked to /dev/zero: the read is refused, not attempted', async () => {
            write(ws, '.dsomm/team-progress.yaml', 'progress: {}\n');
            link(ws, '.dsomm/team-evidence.yaml', '/dev/zero');
            const settings = (0, progress_1.resolveProgressSettings)({ file: '.dsomm/team-progress.yaml', team: 'Default' });
            await assert.rejects((0, progress_1.readProgress)(new nodeFileSystem_1.NodeFileSystem(ws), settings), (e) => /team-evidence|EREFUSED|outside|not read/.test(`${e.file ?? ''} ${e.message}`));
        });
    });
    describe('--model', () => {
        it('a model file linked to /dev/zero or given as a FIFO: exit 4 with one line, nothing read', async () => {
            link(ws, 'model.yaml', '/dev/zero');
            fifo(ws, 'pipe.yaml');
            for (const [file, why] of [['model.yaml', 'a system path'], ['pipe.yaml', 'a FIFO']]) {
                const r = await cli('model', '--model', path.join(ws, file));
                assert.equal(r.code, main_1.EXIT.badModel);
                assert.equal(r.err.split('\n').length, 1, r.err);
                assert.ok(r.err.includes(`cannot read model file ${path.join(ws, file)}: not read: ${why}`), r.err);
            }
        });
    });
});
//# sourceMappingURL=hostile-files.test.js.map