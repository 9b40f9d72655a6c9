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
// Whatever a workspace holds, the scan finishes, says what it could not read (file and line),
// and still reads everything else. Each hostile file sits next to a good workflow whose
// detection must survive.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const path = __importStar(require("node:path"));
const loader_1 = require("../../src/core/model/loader");
const catalogue_1 = require("../../src/core/scan/detect/catalogue");
const toolMatch_1 = require("../../src/core/scan/detect/toolMatch");
const configFiles_1 = require("../../src/core/scan/discover/configFiles");
const folderScan_1 = require("../../src/core/scan/folderScan");
const yaml_1 = require("../../src/core/yaml");
const memoryFs_1 = require("./memoryFs");
const scanHelpers_1 = require("./scanHelpers");
const timeBoundCases_1 = require("./timeBoundCases");
const GOOD = '.github/workflows/good.yml';
const GOOD_WORKFLOW = 'on: [push]\njobs:\n  scan:\n    runs-on: ubuntu-latest\n    steps:\n      - run: gitleaks detect --source .\n';
async function scanWith(files, maxFileSize) {
    const { model, data } = (0, scanHelpers_1.bundled)();
    const fs = new memoryFs_1.MemoryFileSystem({ [GOOD]: GOOD_WORKFLOW, ...files });
    return (await (0, folderScan_1.scanFolder)(fs, '/ws', model, data, { maxFileSize })).result;
}
function problemsOf(r, file) {
    const f = r.files.find((x) => x.path === file);
    assert.ok(f, `${file} is listed`);
    return f.problems.map((p) => `${p.line ?? '-'}: ${p.message}`);
}
function goodStillDetected(r) {
    const probe = r.probes.find((p) => p.id === 'secret-scan');
    assert.ok(probe?.evidence.some((e) => e.loc.path === GOOD), 'the good workflow is still read');
}
describe('hostile input', function () {
    this.timeout(30_000);
    it('billion laughs: refused with a message, no expansion', async () => {
        const bomb = (0, node_fs_1.readFileSync)(path.join(scanHelpers_1.REPO_ROOT, 'test/fixtures/ci/problems/bomb.yml'), 'utf8');
        const r = await scanWith({ '.gitlab-ci.yml': bomb, '.github/workflows/bomb.yml': 'on: push\n' + bomb.replace('bomb-job:', 'jobs:\n  x:\n    runs-on: ubuntu-latest\n    steps:\n      - run:') });
        assert.ok(problemsOf(r, '.gitlab-ci.yml').some((p) => /Too many nested aliases/.test(p)), problemsOf(r, '.gitlab-ci.yml').join('\n'));
        goodStillDetected(r);
    });
    it('cyclic and undefined aliases: an error, no loop', async () => {
        const r = await scanWith({ '.github/workflows/cycle.yml': 'on: push\njobs: &j\n  a:\n    steps: *j\n  b: *nowhere\n  c:\n    <<: *c\n' });
        assert.ok(problemsOf(r, '.github/workflows/cycle.yml').some((p) => /alias/i.test(p)));
        goodStillDetected(r);
    });
    it('a 100k-line file is read; one over the size limit is skipped with the one size note', async () => {
        const long = 'build:\n  script:\n' + '    - a\n'.repeat(100_000);
        const r = await scanWith({ '.gitlab-ci.yml': long, 'Dockerfile': 'FROM alpine\n' + 'RUN true\n'.repeat(200_000) });
        assert.deepEqual(problemsOf(r, '.gitlab-ci.yml'), []);
        assert.deepEqual(problemsOf(r, 'Dockerfile'), ['-: skipped: larger than 1 MiB (1.7 MiB); see the dsomm.maxFileSize setting']);
        const small = await scanWith({ 'Dockerfile': 'FROM alpine\n'.repeat(200) }, 1024);
        assert.match(problemsOf(small, 'Dockerfile')[0], /^-: skipped: larger than 1 KiB \(2\.3 KiB\); see the dsomm\.maxFileSize setting$/);
    });
    it(`nesting deeper than ${yaml_1.MAX_NESTING_DEPTH} levels: one message, no stack overflow, no OOM`, async () => {
        const flow = 'on: push\njobs: ' + '['.repeat(50_000) + ']'.repeat(50_000) + '\n';
        const block = 'on: push\njobs:\n' + Array.from({ length: 400 }, (_, i) => ' '.repeat(2 * (i + 1)) + `k${i}:`).join('\n') + ' x\n';
        const seq = 'script:\n' + '- '.repeat(20_000) + 'x\n';
        const r = await scanWith({ '.github/workflows/flow.yml': flow, '.github/workflows/block.yml': block, 'compose.yaml': seq });
        for (const f of ['.github/workflows/flow.yml', '.github/workflows/block.yml', 'compose.yaml']) {
            assert.ok(problemsOf(r, f).some((p) => p.includes(`nested more than ${yaml_1.MAX_NESTING_DEPTH} levels deep`)), `${f}: ${problemsOf(r, f).join('\n')}`);
        }
        const justBelow = 'a:\n' + Array.from({ length: yaml_1.MAX_NESTING_DEPTH - 2 }, (_, i) => ' '.repeat(i + 1) + `k${i}:`).join('\n') + ' x\n';
        assert.deepEqual((0, yaml_1.parseYaml)(justBelow).errors, [], 'real documents are far below the limit and read normally');
        goodStillDetected(r);
    });
    it('binary and non-UTF-8 files with pipeline names: a message for that file', async () => {
        const binary = new Uint8Array([0x7f, 0x45, 0x4c, 0x46, 0, 0, 0, 1, 2, 3]);
        const latin1 = new Uint8Array([...new TextEncoder().encode('on: push\nname: caf'), 0xe9, 0x0a]);
        const r = await scanWith({ Dockerfile: binary, '.github/workflows/latin1.yml': latin1, Jenkinsfile: binary });
        assert.deepEqual(problemsOf(r, 'Dockerfile'), ['-: not read: binary file (contains NUL bytes)']);
        assert.deepEqual(problemsOf(r, 'Jenkinsfile'), ['-: not read: binary file (contains NUL bytes)']);
        assert.deepEqual(problemsOf(r, '.github/workflows/latin1.yml'), ['-: not read: not valid UTF-8 text']);
        goodStillDetected(r);
    });
    it('empty files get a note, not a parser complaint', async () => {
        const r = await scanWith({ Dockerfile: '', '.github/workflows/empty.yml': '\n  \n' });
        assert.deepEqual(problemsOf(r, 'Dockerfile'), ['-: empty file: nothing to detect']);
        assert.deepEqual(problemsOf(r, '.github/workflows/empty.yml'), ['-: empty file: nothing to detect']);
    });
    it('tabs, duplicate keys and syntax errors: errors with lines', async () => {
        const r = await scanWith({
            '.github/workflows/tabs.yml': 'on: push\njobs:\n\tbuild:\n\t\truns-on: x\n',
            '.github/workflows/dup.yml': 'on: push\njobs:\n  a:\n    runs-on: x\n  a:\n    runs-on: y\n',
            '.gitlab-ci.yml': 'a: [1, 2\nb: }\n',
        });
        assert.ok(problemsOf(r, '.github/workflows/tabs.yml').some((p) => /^3: .*tab/i.test(p)), problemsOf(r, '.github/workflows/tabs.yml').join('\n'));
        assert.ok(problemsOf(r, '.github/workflows/dup.yml').some((p) => /^5: .*unique/i.test(p)), problemsOf(r, '.github/workflows/dup.yml').join('\n'));
        assert.ok(problemsOf(r, '.gitlab-ci.yml').some((p) => /^\d+: /.test(p)));
        goodStillDetected(r);
    });
    it('__proto__ and constructor keys pollute nothing', async () => {
        const evil = `on: push
__proto__: {polluted: yes}
constructor: {prototype: {polluted: yes}}
env: {__proto__: {polluted: yes}}
jobs:
  __proto__:
    runs-on: ubuntu-latest
    env: {__proto__: {polluted: yes}}
    steps:
      - uses: actions/checkout@v4
        with: {__proto__: {polluted: yes}, constructor: {prototype: {polluted: yes}}}
      - run: trivy fs .
`;
        const r = await scanWith({
            '.github/workflows/proto.yml': evil,
            '.gitlab-ci.yml': `variables: {__proto__: {polluted: yes}}\n__proto__:\n  script: [semgrep ci]\n`,
            'compose.yaml': `services:\n  __proto__:\n    image: alpine\n    environment: {__proto__: {polluted: yes}}\n`,
            'k8s.yaml': `apiVersion: v1\nkind: Pod\nmetadata: {name: x, labels: {__proto__: {polluted: yes}}}\nspec: {containers: [{name: __proto__, image: x}]}\n`,
        });
        assert.equal({}.polluted, undefined);
        assert.equal(Object.prototype.polluted, undefined);
        assert.ok(r.probes.find((p) => p.id === 'sca' || p.id === 'container-scan' || p.id === 'sast'), 'scan completed');
        goodStillDetected(r);
    });
    it('!!js tags: a warning, the value is text, nothing runs', async () => {
        const g = globalThis;
        const r = await scanWith({
            '.github/workflows/js.yml': 'on: push\nname: !!js/function "function () { globalThis.dsommPwned = 1 }"\njobs:\n  a:\n    runs-on: !!js/undefined x\n    steps: [{run: "echo hi"}]\n',
        });
        const problems = problemsOf(r, '.github/workflows/js.yml');
        assert.ok(problems.some((p) => /^2: the !!js\/function tag is not supported: the value is read as plain text and never executed$/.test(p)), problems.join('\n'));
        assert.ok(problems.some((p) => /^5: the !!js\/undefined tag/.test(p)));
        assert.equal(g.dsommPwned, undefined);
    });
    it('a malformed user model: an error naming file and line, the bundled model still loads', () => {
        const bad = 'meta:\n  version: x\nactivities:\n  - name: a\n    uuid: [unclosed\n';
        assert.throws(() => (0, loader_1.parseModel)(bad, '/ws/my-model.yaml'), (e) => {
            assert.ok(e instanceof loader_1.ModelError);
            assert.equal(e.file, '/ws/my-model.yaml');
            assert.equal(typeof e.line, 'number');
            assert.match(e.message, /my-model\.yaml/);
            return true;
        });
        assert.ok((0, scanHelpers_1.bundled)().model.activities.size > 100);
    });
    it('a malformed user rule file: an error naming file and line, the bundled catalogue keeps working', () => {
        assert.throws(() => (0, catalogue_1.loadCatalogue)('schemaVersion: 1\nprobes:\n  - id: x\n    tools:\n      - name: [oops\n', 'my-probes.yaml'), /my-probes\.yaml:\d+/);
        assert.throws(() => (0, catalogue_1.loadCatalogue)('schemaVersion: 1\nprobes:\n  - id: Bad Id!\n', 'my-probes.yaml'), /my-probes\.yaml:3/);
        const cat = (0, scanHelpers_1.bundled)().data.catalogue;
        assert.ok((0, toolMatch_1.matchInvocation)(cat, { kind: 'run', program: 'gitleaks', args: ['detect'], line: 1 }).length > 0);
    });
    // The times of this and the next: `npm run bench -- --only bounds`; a quadratic pass would
    // not finish within mocha's timeout.
    it('megabyte-long lines of spaces or backslashes are read', async () => {
        // `/\s+$/`-style trimming is quadratic on such runs: 80 KB took 20 s, 900 KB would take most of an hour.
        goodStillDetected(await scanWith((0, timeBoundCases_1.megabyteLineFiles)()));
    });
    it('a hostile user catalogue pattern cannot freeze matching', async () => {
        const cat = (0, catalogue_1.mergeCatalogues)((0, scanHelpers_1.bundled)().data.catalogue, (0, catalogue_1.loadCatalogue)((0, timeBoundCases_1.hostileUserCatalogueText)(), 'evil.yaml'));
        const m = (0, toolMatch_1.matchInvocation)(cat, { kind: 'run', program: 'tool', args: Array(5000).fill('a'), line: 1 });
        assert.deepEqual(m, []);
        const deep = Array(60).fill('d').join('/');
        assert.deepEqual((0, toolMatch_1.matchConfigFile)(cat, `${deep}/x.toml`), []);
        assert.deepEqual((0, toolMatch_1.matchConfigFile)(cat, 'a'.repeat(3000)), []);
        const recorder = new configFiles_1.ConfigFileRecorder(new memoryFs_1.MemoryFileSystem({ [`${deep}/x.toml`]: '', [`${deep}/${'a'.repeat(200)}`]: '' }), cat);
        await recorder.readDirectory(deep);
        assert.deepEqual(recorder.paths(), []);
    });
});
//# sourceMappingURL=hostile-input.test.js.map