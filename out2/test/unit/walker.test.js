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
const assert = __importStar(require("node:assert/strict"));
const fs = __importStar(require("node:fs"));
const os = __importStar(require("node:os"));
const path = __importStar(require("node:path"));
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const walker_1 = require("../../src/core/scan/discover/walker");
const K8S = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: web\n';
/** Creates files (content strings) and folders (keys ending in '/') under a new temp folder. */
function makeTree(files) {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'dsomm-walk-'));
    for (const [rel, content] of Object.entries(files)) {
        const abs = path.join(root, rel);
        if (rel.endsWith('/'))
            fs.mkdirSync(abs, { recursive: true });
        else {
            fs.mkdirSync(path.dirname(abs), { recursive: true });
            fs.writeFileSync(abs, content);
        }
    }
    return root;
}
/** A FileSystem that records calls and can fail chosen paths. */
class SpyFileSystem {
    inner;
    failDirs;
    reads = [];
    stats = [];
    listings = [];
    constructor(inner, failDirs = new Set()) {
        this.inner = inner;
        this.failDirs = failDirs;
    }
    readFile(p, o) {
        this.reads.push(p);
        return this.inner.readFile(p, o);
    }
    readDirectory(p) {
        this.listings.push(p);
        if (this.failDirs.has(p))
            return Promise.reject(Object.assign(new Error(`EACCES: permission denied, scandir '${p}'`), { code: 'EACCES' }));
        return this.inner.readDirectory(p);
    }
    stat(p) {
        this.stats.push(p);
        return this.inner.stat(p);
    }
}
const kinds = (r) => Object.fromEntries(r.files.map((f) => [f.path, f.kind]));
describe('walker', () => {
    const roots = [];
    const tree = (files) => {
        const r = makeTree(files);
        roots.push(r);
        return r;
    };
    after(() => {
        for (const r of roots)
            fs.rmSync(r, { recursive: true, force: true });
    });
    it('lists and classifies files, reading only .gitignore files and generic YAML', async () => {
        const root = tree({
            '.github/workflows/ci.yml': 'on: push\n',
            '.github/ISSUE_TEMPLATE/bug.yml': 'name: bug\n',
            'Dockerfile': 'FROM alpine\n',
            'k8s/deploy.yaml': K8S,
            'k8s/notes.yaml': 'just: data\n',
            'charts/app/Chart.yaml': 'name: app\n',
            'charts/app/values.yaml': 'replicas: 1\n',
            'charts/app/templates/deployment.yaml': '{{- if .Values.enabled }}\napiVersion: v1\n',
            'env/values.yaml': 'replicas: 2\n',
            'src/main.ts': 'export {};\n',
            'README.md': '# hi\n',
            'Makefile': 'all:\n',
            '.gitignore': '*.tmp\n',
            'x.tmp': 'ignored',
        });
        const spy = new SpyFileSystem(new nodeFileSystem_1.NodeFileSystem(root));
        const r = await (0, walker_1.walkWorkspace)(spy);
        assert.deepEqual(kinds(r), {
            '.github/workflows/ci.yml': 'github-workflow',
            '.gitignore': 'gitignore',
            'Dockerfile': 'dockerfile',
            'Makefile': 'makefile',
            'charts/app/Chart.yaml': 'helm-chart',
            'charts/app/templates/deployment.yaml': 'kubernetes',
            'charts/app/values.yaml': 'helm-values',
            'k8s/deploy.yaml': 'kubernetes',
        });
        // Content read only for .gitignore and the generic YAML files that need it.
        assert.deepEqual([...spy.reads].sort(), ['.gitignore', 'env/values.yaml', 'k8s/deploy.yaml', 'k8s/notes.yaml']);
        // Stat only for classified files and YAML candidates, never for src/main.ts or README.md.
        assert.ok(!spy.stats.includes('src/main.ts'));
        assert.ok(!spy.stats.includes('README.md'));
        assert.equal(r.stats.ignored, 1);
        assert.ok(r.stats.directories >= 8);
        assert.equal(r.problems.length, 0);
        assert.equal(r.cancelled, false);
        assert.equal(r.truncated, false);
        const f = r.files.find((x) => x.path === 'Dockerfile');
        assert.equal(f.size, 'FROM alpine\n'.length);
        assert.ok(f.mtime > 0);
    });
    it('applies nested .gitignore files with negation, and cannot re-include inside an excluded folder', async () => {
        const root = tree({
            '.gitignore': 'Dockerfile.*\n!Dockerfile.keep\nsecret/\n',
            'Dockerfile.dev': 'FROM a\n',
            'Dockerfile.keep': 'FROM a\n',
            'svc/.gitignore': '!Dockerfile.dev\n/local/\n',
            'svc/Dockerfile.dev': 'FROM a\n',
            'svc/Dockerfile.test': 'FROM a\n',
            'svc/local/Dockerfile': 'FROM a\n',
            'other/local/Dockerfile': 'FROM a\n',
            'secret/.gitignore': '!Dockerfile\n',
            'secret/Dockerfile': 'FROM a\n',
        });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(r.files.filter((f) => f.kind === 'dockerfile').map((f) => f.path), ['Dockerfile.keep', 'other/local/Dockerfile', 'svc/Dockerfile.dev']);
    });
    it('a .gitignore that hides dotfiles (".*") does not hide the pipeline definitions, which git tracks; the walk\'s own excludes still do', async () => {
        const root = tree({
            '.gitignore': '.*\n!.gitlab\n',
            '.gitlab-ci.yml': 'test:\n  script: [make check]\n',
            '.github/workflows/ci.yml': 'on: push\njobs:\n  t:\n    runs-on: ubuntu-latest\n    steps:\n      - run: make\n',
            '.github/CODEOWNERS': '* @team\n',
            '.circleci/config.yml': 'version: 2.1\n',
            '.env.Dockerfile': 'FROM a\n',
            '.cache/Dockerfile': 'FROM a\n',
        });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(r.files.map((f) => f.path).sort(), ['.circleci/config.yml', '.github/CODEOWNERS', '.github/workflows/ci.yml', '.gitlab-ci.yml']);
        // The index asks the same matcher about files that change later: the same answer.
        assert.equal(r.ignore.isIgnored('.github/workflows/release.yml', false), false);
        assert.equal(r.ignore.isIgnored('.cache/Dockerfile', false), true);
        const excluded = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { exclude: ['.gitlab-ci.yml', '.github/'] });
        assert.deepEqual(excluded.files.map((f) => f.path), ['.circleci/config.yml']);
    });
    it('respectGitignore: false ignores .gitignore files but keeps the default excludes', async () => {
        const root = tree({ '.gitignore': 'Dockerfile\n', 'Dockerfile': 'FROM a\n', 'node_modules/x/Dockerfile': 'FROM a\n' });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { respectGitignore: false });
        assert.deepEqual(r.files.map((f) => f.path), ['.gitignore', 'Dockerfile']);
    });
    it('reads .git/info/exclude', async () => {
        const root = tree({ '.git/info/exclude': 'Dockerfile\n', '.git/HEAD': 'ref: refs/heads/main\n', 'Dockerfile': 'FROM a\n', 'Containerfile': 'FROM a\n' });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(r.files.map((f) => f.path), ['Containerfile']);
        assert.deepEqual(r.repoRoots, ['']);
    });
    it('skips the default excludes (node_modules holding a workflow and a Dockerfile is not listed)', async () => {
        const root = tree({
            'node_modules/pkg/.github/workflows/ci.yml': 'on: push\n',
            'node_modules/pkg/Dockerfile': 'FROM a\n',
            'web/node_modules/x/Dockerfile': 'FROM a\n',
            'vendor/lib/Dockerfile': 'FROM a\n',
            '.venv/lib/Dockerfile': 'FROM a\n',
            'Dockerfile': 'FROM a\n',
        });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(r.files.map((f) => f.path), ['Dockerfile']);
        assert.equal(r.stats.ignored, 4);
        assert.ok(walker_1.DEFAULT_EXCLUDES.includes('node_modules/'));
        // A negation in `exclude` re-includes a default; defaultExcludes: false drops them all.
        const again = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { exclude: ['!vendor/'] });
        assert.deepEqual(again.files.map((f) => f.path), ['Dockerfile', 'vendor/lib/Dockerfile']);
        const all = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { defaultExcludes: false });
        assert.equal(all.files.length, 5);
    });
    it('applies extra exclude patterns', async () => {
        const root = tree({ 'a/Dockerfile': 'FROM a\n', 'b/Dockerfile': 'FROM a\n' });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { exclude: ['/a/'] });
        assert.deepEqual(r.files.map((f) => f.path), ['b/Dockerfile']);
    });
    it('does not follow a symlink loop, and bounds the walk when following symlinks', async () => {
        const root = tree({ 'a/b/Dockerfile': 'FROM a\n' });
        fs.symlinkSync(path.join(root, 'a'), path.join(root, 'a/b/loop'), 'dir');
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(r.files.map((f) => f.path), ['a/b/Dockerfile']);
        const followed = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { followSymlinks: true });
        assert.deepEqual(followed.files.map((f) => f.path), ['a/b/Dockerfile', 'a/b/loop/b/Dockerfile']);
    });
    it('maxDepth keeps deep (or looping) trees bounded and says so', async () => {
        const deep = Array.from({ length: 8 }, (_, i) => `d${i}`).join('/');
        const root = tree({ [`${deep}/Dockerfile`]: 'FROM a\n', 'd0/Dockerfile': 'FROM a\n' });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { maxDepth: 4 });
        assert.deepEqual(r.files.map((f) => f.path), ['d0/Dockerfile']);
        assert.equal(r.problems.length, 1);
        assert.match(r.problems[0].message, /more than 4 folders deep/);
    });
    it('reports an unreadable folder and carries on', async () => {
        const root = tree({ 'locked/Dockerfile': 'FROM a\n', 'open/Dockerfile': 'FROM a\n' });
        const spy = new SpyFileSystem(new nodeFileSystem_1.NodeFileSystem(root), new Set(['locked']));
        const r = await (0, walker_1.walkWorkspace)(spy);
        assert.deepEqual(r.files.map((f) => f.path), ['open/Dockerfile']);
        assert.equal(r.problems.length, 1);
        assert.equal(r.problems[0].path, 'locked');
        assert.match(r.problems[0].message, /cannot read folder: EACCES/);
    });
    it('lists a file over maxFileSize with a problem and does not read it', async () => {
        const big = '# ' + 'x'.repeat(1024 * 1024 + 10) + '\n';
        const root = tree({ '.gitlab-ci.yml': big, 'k8s/huge.yaml': K8S + big, 'k8s/small.yaml': K8S });
        const spy = new SpyFileSystem(new nodeFileSystem_1.NodeFileSystem(root));
        const r = await (0, walker_1.walkWorkspace)(spy);
        assert.deepEqual(kinds(r), { '.gitlab-ci.yml': 'gitlab-ci', 'k8s/small.yaml': 'kubernetes' });
        assert.equal(r.problems.length, 1);
        assert.equal(r.problems[0].path, '.gitlab-ci.yml');
        assert.match(r.problems[0].message, /^skipped: larger than 1 MiB/);
        assert.ok(!spy.reads.includes('.gitlab-ci.yml'));
        assert.ok(!spy.reads.includes('k8s/huge.yaml'));
        assert.equal(r.stats.skippedLarge, 2);
        assert.equal(r.files[0].size, Buffer.byteLength(big));
        // A custom limit.
        const r2 = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { maxFileSize: 10 });
        assert.equal(r2.stats.skippedLarge, 3);
    });
    it('can be cancelled', async () => {
        const files = {};
        for (let i = 0; i < 50; i++)
            files[`d${i}/Dockerfile`] = 'FROM a\n';
        const root = tree(files);
        const signal = { aborted: false };
        let yields = 0;
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), {
            signal,
            yieldEvery: 5,
            yieldFn: async () => {
                if (++yields === 3)
                    signal.aborted = true;
            },
            concurrency: 1,
        });
        assert.equal(r.cancelled, true);
        assert.ok(r.files.length < 50, `${r.files.length} files`);
        // An AbortSignal works too.
        const ac = new AbortController();
        ac.abort();
        const r2 = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { signal: ac.signal });
        assert.equal(r2.cancelled, true);
        assert.equal(r2.files.length, 0);
    });
    it('yields every N entries through yieldFn', async () => {
        const files = {};
        for (let i = 0; i < 20; i++)
            files[`f${i}.txt`] = '';
        const root = tree(files);
        let calls = 0;
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { yieldEvery: 4, yieldFn: async () => void calls++ });
        assert.equal(r.stats.entries, 20);
        assert.equal(calls, 5);
        // The default yield is a real macrotask and the walk still completes.
        const r2 = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { yieldEvery: 1 });
        assert.equal(r2.stats.entries, 20);
    });
    it('stops at maxFiles and says so', async () => {
        const files = {};
        for (let i = 0; i < 10; i++)
            files[`Dockerfile.${i}`] = 'FROM a\n';
        const root = tree(files);
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { maxFiles: 4 });
        assert.equal(r.truncated, true);
        assert.equal(r.files.length, 4);
        assert.ok(r.problems.some((p) => /stopped after 4 files/.test(p.message)));
    });
    it('classifies relative to nested repositories; fixtures do not count as live pipelines', async () => {
        const root = tree({
            'clones/a/.git/HEAD': 'ref: refs/heads/main\n',
            'clones/a/.github/workflows/ci.yml': 'on: push\n',
            'clones/a/.gitignore': '*.log\n',
            'clones/b/.git': 'gitdir: ../../.git/modules/b\n',
            'clones/b/.gitlab-ci.yml': 'job: {script: [x]}\n',
            'tests/fixtures/.github/workflows/ci.yml': 'on: push\n',
        });
        const r = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root));
        assert.deepEqual(kinds(r), {
            'clones/a/.github/workflows/ci.yml': 'github-workflow',
            'clones/a/.gitignore': 'gitignore',
            'clones/b/.gitlab-ci.yml': 'gitlab-ci',
        });
        assert.deepEqual(r.repoRoots, ['clones/a', 'clones/b']);
    });
    it('gives the same result whatever the concurrency', async () => {
        const files = {};
        for (let i = 0; i < 30; i++)
            files[`s${i % 5}/d${i}/Dockerfile`] = 'FROM a\n';
        const root = tree(files);
        const one = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { concurrency: 1 });
        const many = await (0, walker_1.walkWorkspace)(new nodeFileSystem_1.NodeFileSystem(root), { concurrency: 16 });
        assert.deepEqual(many.files.map((f) => f.path), one.files.map((f) => f.path));
        assert.equal(one.files.length, 30);
    });
});
describe('isTestOrExamplePath', () => {
    const cases = [
        ['test/Dockerfile', true],
        ['src/__tests__/compose.yml', true],
        ['pkg/testdata/k8s.yaml', true],
        ['examples/basic/Dockerfile', true],
        ['Samples/Dockerfile', true],
        ['demo/Dockerfile', true],
        ['spec/fixtures/Dockerfile', true],
        ['docs/Dockerfile', false],
        ['Dockerfile', false],
        ['testing/Dockerfile', false],
        ['contest/Dockerfile', false],
    ];
    for (const [p, expected] of cases) {
        it(`${p} → ${expected}`, () => assert.equal((0, walker_1.isTestOrExamplePath)(p), expected));
    }
});
//# sourceMappingURL=walker.test.js.map