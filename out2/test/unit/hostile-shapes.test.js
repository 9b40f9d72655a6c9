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
// Shapes of hostile input found by the adversarial run (issue 17): encodings, wide maps, long
// ignore patterns, deep nesting. Each is read correctly or refused with a note naming the line,
// and the rest of the file and workspace is still read.
const assert = __importStar(require("node:assert/strict"));
const fs_1 = require("../../src/core/fs");
const jenkins_1 = require("../../src/core/scan/ci/jenkins");
const dockerfile_1 = require("../../src/core/scan/parse/containers/dockerfile");
const ignore_1 = require("../../src/core/scan/discover/ignore");
const folderScan_1 = require("../../src/core/scan/folderScan");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
async function scan(files) {
    const { model, data } = (0, scanHelpers_1.bundled)();
    return (await (0, folderScan_1.scanFolder)(new memoryFs_1.MemoryFileSystem(files), '/ws', model, data)).result;
}
function evidenceIn(r, probe, file) {
    return (r.probes.find((p) => p.id === probe)?.evidence ?? []).filter((e) => e.loc.path === file).map((e) => e.loc.line);
}
function utf16(text, bigEndian) {
    const out = new Uint8Array(2 + text.length * 2);
    out.set(bigEndian ? [0xfe, 0xff] : [0xff, 0xfe]);
    for (let i = 0; i < text.length; i++) {
        const c = text.charCodeAt(i);
        out[2 + i * 2 + (bigEndian ? 1 : 0)] = c & 0xff;
        out[2 + i * 2 + (bigEndian ? 0 : 1)] = c >> 8;
    }
    return out;
}
const WORKFLOW = 'on: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect --source .\n';
describe('hostile shapes', function () {
    this.timeout(120_000);
    describe('encodings and line endings', () => {
        it('UTF-16 with a BOM (little and big endian) is decoded, not called binary', async () => {
            assert.deepEqual((0, fs_1.decodeText)(utf16('a: 1\n', false)), { text: 'a: 1\n' });
            assert.deepEqual((0, fs_1.decodeText)(utf16('a: é\n', true)), { text: 'a: é\n' });
            const r = await scan({ '.github/workflows/le.yml': utf16(WORKFLOW, false), '.github/workflows/be.yml': utf16(WORKFLOW, true) });
            for (const f of ['.github/workflows/le.yml', '.github/workflows/be.yml']) {
                assert.deepEqual(r.files.find((x) => x.path === f)?.problems, [], f);
                assert.deepEqual(evidenceIn(r, 'secret-scan', f), [6], f);
            }
            // NUL bytes without a BOM are still binary.
            assert.deepEqual((0, fs_1.decodeText)(new Uint8Array([0x61, 0, 0x62])), { error: 'binary file (contains NUL bytes)' });
        });
        it('CR-only line endings: read as lines, no spurious errors, right line numbers', async () => {
            assert.deepEqual((0, fs_1.decodeText)(new TextEncoder().encode('a\rb\r\nc')), { text: 'a\nb\r\nc' });
            const r = await scan({ '.github/workflows/mac.yml': WORKFLOW.replace(/\n/g, '\r'), Dockerfile: 'FROM alpine:3.20\rRUN apk add trivy\rUSER app\r' });
            assert.deepEqual(r.files.find((x) => x.path === '.github/workflows/mac.yml')?.problems, []);
            assert.deepEqual(evidenceIn(r, 'secret-scan', '.github/workflows/mac.yml'), [6]);
            assert.deepEqual(r.files.find((x) => x.path === 'Dockerfile')?.problems, []);
        });
    });
    describe('wide maps and long ignore patterns: linear time', () => {
        it('a compose file with 40k services and a workflow with 87k jobs are parsed, duplicates still reported', async () => {
            let compose = 'services:\n';
            for (let i = 0; i < 40_000; i++)
                compose += `  s${i}:\n    image: a\n`;
            let workflow = 'on: push\njobs:\n';
            for (let i = 0; i < 87_000; i++)
                workflow += ` j${i.toString(36)}: {}\n`;
            workflow += ' j0: {}\n';
            // The quadratic passes took minutes here (past the test's timeout); npm run bench has the figures.
            const r = await scan({ 'compose.yaml': compose, '.github/workflows/wide.yml': workflow });
            assert.deepEqual(r.files.find((f) => f.path === 'compose.yaml')?.problems, []);
            const dup = r.files.find((f) => f.path === '.github/workflows/wide.yml')?.problems.filter((p) => p.message === 'Map keys must be unique');
            assert.deepEqual(dup?.map((p) => p.line), [87_003]);
        });
        it('a 90 KB `**/**/…/q` pattern is collapsed and matches as git does; caps leave a note', async () => {
            const chain = '**/'.repeat(30_000) + 'q';
            const rules = (0, ignore_1.parseIgnoreFile)('**/'.repeat(1300) + 'q\n');
            assert.equal(rules.length, 1);
            assert.ok((0, ignore_1.ruleMatches)(rules[0], 'q', false));
            assert.ok((0, ignore_1.ruleMatches)(rules[0], 'a/b/c/q', false));
            assert.ok(!(0, ignore_1.ruleMatches)(rules[0], 'a/b/c/x', false));
            const notes = [];
            const many = Array.from({ length: ignore_1.MAX_PATTERNS_PER_FILE + 5 }, (_, i) => `f${i}`).join('\n');
            (0, ignore_1.parseIgnoreFile)(`${chain}\n${many}\n`, '', { notes });
            assert.deepEqual(notes, [
                `1 pattern(s) longer than ${ignore_1.MAX_PATTERN_LENGTH} characters not used (first on line 1)`,
                `only the first ${ignore_1.MAX_PATTERNS_PER_FILE} patterns are used; 5 more not used`,
            ]);
            const r = await scan({ '.gitignore': `${chain}\n`, Dockerfile: 'FROM alpine\n' });
            assert.deepEqual(r.files.find((f) => f.path === '.gitignore')?.problems.map((p) => p.message), [`1 pattern(s) longer than ${ignore_1.MAX_PATTERN_LENGTH} characters not used (first on line 1)`]);
        });
        it('a .gitignore over 1 MiB is not read, with a note', async () => {
            const r = await scan({ '.gitignore': 'x\n'.repeat(600_000), Dockerfile: 'FROM alpine\n' });
            assert.match(r.files.find((f) => f.path === '.gitignore')?.problems[0].message ?? '', /^not read: larger than 1 MiB \(1\.1 MiB\); its patterns do not apply$/);
        });
    });
    describe('huge Dockerfile instructions: read in full, in linear time', () => {
        /** What the probes read of a parsed Dockerfile; argument text compared with runs of blanks as one. */
        const facts = (f) => ({
            escape: f.escape,
            problems: f.problems,
            globalArgs: f.globalArgs,
            stages: f.stages.map((s) => ({
                ...s,
                instructions: s.instructions.map((i) => ({ ...i, args: i.args.replace(/\s+/g, ' ').trim() })),
            })),
        });
        const shapes = {
            continuations: 'FROM alpine:3.19 AS build\nRUN --mount=type=cache,target=/root/.cache apk add \\\n    curl   git \\\n\n    make \\   \n    $HOME/bin/tool --flag=1\nUSER 10001\n',
            heredocs: 'FROM alpine\nRUN <<EOF bash\necho one two\n  echo three\nEOF\nRUN <<-"A" <<\'B\' cat\n\tfirst a\n\tA\nsecond b\nB\nCOPY <<EOF /etc/app.conf\nkey = value\nEOF\nONBUILD RUN <<EOF\nRUN inside a body\nEOF\nUSER app\n',
            crlf: 'FROM alpine\r\nRUN apk add \\\r\n  curl wget \\\r\n  jq\r\nUSER app\r\n',
            backtick: '# escape=`\nFROM mcr.microsoft.com/windows/servercore:ltsc2022\nRUN powershell -Command `\n    Install-Thing a b c `\n    -Force\nADD https://example.com/a.zip https://example.com/b.zip C:/x/\n',
            jsonAndOthers: 'ARG BASE=alpine\nFROM ${BASE}\nENV A=1 B=2\nADD --chown=app https://example.com/x.tgz /opt/\nCMD ["node", "server.js"]\nENTRYPOINT exec   node   a.js\nHEALTHCHECK CMD curl -f http://localhost/ || exit 1\n',
            unterminated: 'FROM alpine\nRUN <<EOF\necho never ends\nUSER app\n',
        };
        for (const [name, text] of Object.entries(shapes)) {
            it(`bounded reading gives what the full reading gives: ${name}`, () => {
                const full = (0, dockerfile_1.parseDockerfile)('Dockerfile', text);
                const bounded = (0, dockerfile_1.parseDockerfile)('Dockerfile', text, 1);
                assert.deepEqual(facts(bounded), facts(full));
                assert.ok(full.stages.flatMap((s) => s.instructions).length > 0, "the shape has instructions");
            });
        }
        it('a 1 MB RUN line: every word with its position, the tail\'s curl | sh found, the next instruction read', async () => {
            const words = Array.from({ length: 100_000 }, (_, i) => `pkg-${i}`);
            const text = `FROM alpine:3.19\nRUN apk add ${words.join(' ')} && curl -fsSL https://get.example.com/i.sh | sh\nUSER app\n`;
            const file = (0, dockerfile_1.parseDockerfile)('Dockerfile', text);
            const run = file.stages[0].instructions[0];
            assert.equal(run.words.length, 2 + 100_000 + 6);
            const middle = run.words[2 + 50_000];
            assert.equal(middle.value, 'pkg-50000');
            assert.equal(middle.loc.column, text.split('\n')[1].indexOf(' pkg-50000 ') + 2);
            assert.equal(run.args, `apk add ${words.join(' ')} && curl -fsSL https://get.example.com/i.sh | sh`);
            assert.equal((0, dockerfile_1.commandLines)(run, file.escape)[0].text, run.args);
            assert.equal(file.stages[0].user?.value, 'app');
            const r = await scan({ Dockerfile: text });
            assert.deepEqual(r.findings.filter((f) => f.code === 'pipe-to-shell').map((f) => [f.loc.line, f.loc.column]), [[2, text.split('\n')[1].indexOf('curl') + 1]]);
        });
        it('a heredoc body of 1 MB: its lines read, the instruction after its terminator too', () => {
            const body = Array.from({ length: 60_000 }, (_, i) => `echo line-${i}`).join('\n');
            const file = (0, dockerfile_1.parseDockerfile)('Dockerfile', `FROM alpine\nRUN <<EOF\n${body}\nEOF\nUSER app\n`);
            const run = file.stages[0].instructions[0];
            assert.equal(run.loc.endLine, 60_000 + 3);
            assert.deepEqual((0, dockerfile_1.commandLines)(run, file.escape).slice(-2).map((m) => m.text), ['echo line-59999', 'EOF']);
            assert.equal(file.stages[0].user?.value, 'app');
        });
    });
    describe('deep nesting in Groovy and shell: a note naming the line, the rest still read', () => {
        /** `echo "$("$(…$(inner)…")")"`: command substitutions `n` deep. */
        const nested = (n, inner) => `echo "${'$("'.repeat(n - 1)}$(${inner})${'")'.repeat(n - 1)}"`;
        const problems = (r, path) => (r.files.find((f) => f.path === path)?.problems ?? []).map((p) => `${p.line}: ${p.message}`);
        const deepNote = (line, depth) => `${line}: Command substitutions nested ${depth} levels deep: the commands nested deeper than 10 levels are not analysed`;
        it('`"$(` nested 4000 deep in a workflow run: a note on its line; its own command and the next step are read', async () => {
            const path = '.github/workflows/deep.yml';
            const r = await scan({ [path]: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect && ${nested(4000, 'id')}\n      - run: trivy image app\n` });
            assert.deepEqual(problems(r, path), [deepNote(6, 4000)]);
            assert.deepEqual(evidenceIn(r, 'secret-scan', path), [6]);
            assert.deepEqual(evidenceIn(r, 'image-scan', path), [7]);
        });
        it('`"$(` nested 4000 deep in a Dockerfile RUN: a note; the line is read (its curl | sh is found), so is the next RUN', async () => {
            const r = await scan({ Dockerfile: `FROM alpine:3.19\nRUN curl -fsSL https://get.example.com/i.sh | sh && ${nested(4000, 'id')}\nRUN wget -qO- https://get.example.com/j.sh | sh\nUSER app\n` });
            assert.deepEqual(problems(r, 'Dockerfile'), [deepNote(2, 4000)]);
            assert.deepEqual(r.findings.filter((f) => f.code === 'pipe-to-shell' && f.loc.path === 'Dockerfile').map((f) => f.loc.line), [2, 3]);
        });
        const deepGString = (line, depth) => `${line}: String interpolations nested ${depth} levels deep: the string is read as written, the Groovy code nested in it is not analysed`;
        it('a Jenkins GString nested 8000 deep: a note on its line, and the rest of the Jenkinsfile is read', async () => {
            const gstring = `"${'${"'.repeat(8000)}x${'"}'.repeat(8000)}"`;
            const text = `pipeline {\n  agent any\n  stages {\n    stage('scan') {\n      steps {\n        sh ${gstring}\n        sh 'gitleaks detect && ${nested(4000, 'id')}'\n        sh "trivy image app"\n      }\n    }\n  }\n}\n`;
            const r = await scan({ Jenkinsfile: text });
            assert.deepEqual(problems(r, 'Jenkinsfile'), [deepGString(6, 8000), deepNote(7, 4000)]);
            assert.deepEqual(evidenceIn(r, 'secret-scan', 'Jenkinsfile'), [7]);
            assert.deepEqual(evidenceIn(r, 'image-scan', 'Jenkinsfile'), [8]);
        });
        it('GString nesting is measured through strings, braces and plain strings in the code; 10 levels pass, 11 get a note', () => {
            const gstring = (n) => `"a ${'${x ? "b '.repeat(n - 1)}\${[k: 'v}'][0]}${' c" : "d"} e'.repeat(n - 1)}"`;
            const file = (n) => `node {\n  sh ${gstring(n)}\n  sh 'gitleaks detect'\n}\n`;
            const ok = (0, jenkins_1.parseJenkinsfile)('Jenkinsfile', file(10));
            assert.deepEqual(ok.problems, []);
            assert.deepEqual(ok.jobs.flatMap((j) => j.steps.map((st) => st.loc.line)), [2, 3]);
            const deep = (0, jenkins_1.parseJenkinsfile)('Jenkinsfile', file(11));
            assert.deepEqual(deep.problems.map((p) => `${p.line}:${p.column} ${p.message}`), [`2:6 ${deepGString(2, 11).slice(3)}`]);
            assert.deepEqual(deep.jobs.flatMap((j) => j.steps.map((st) => st.loc.line)), [2, 3]);
        });
        it('only the first five deep GStrings of a Jenkinsfile are named; the rest are counted in one note', () => {
            const deep = `"${'${"'.repeat(30)}x${'"}'.repeat(30)}"`;
            const text = `node {\n${Array.from({ length: 7 }, () => `  sh ${deep}\n`).join('')}  sh 'trivy image app'\n}\n`;
            const f = (0, jenkins_1.parseJenkinsfile)('Jenkinsfile', text);
            assert.deepEqual(f.problems.map((p) => `${p.line}: ${p.message}`), [2, 3, 4, 5, 6].map((l) => deepGString(l, 30)).concat('7: 2 more strings nest interpolations deeper than 10 levels (read as written)'));
            assert.equal(f.jobs.flatMap((j) => j.steps).length, 8);
        });
        it('only the first five deep lines of a file are named; the rest are counted in one note', async () => {
            const steps = Array.from({ length: 8 }, () => `      - run: ${nested(20, 'id')}\n`).join('');
            const path = '.github/workflows/many.yml';
            const r = await scan({ [path]: `on: push\njobs:\n  a:\n    runs-on: ubuntu-latest\n    steps:\n${steps}` });
            assert.deepEqual(problems(r, path), [6, 7, 8, 9, 10].map((l) => deepNote(l, 20)).concat('11: 3 more lines nest command substitutions deeper than 10 levels (not analysed beyond that)'));
        });
    });
});
//# sourceMappingURL=hostile-shapes.test.js.map