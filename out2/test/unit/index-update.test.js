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
// WorkspaceIndex.update() must end where a fresh build() ends, whatever the change: files in
// nested repositories, Helm charts appearing, ignored folders, .gitignore edits, folders deleted
// or moved in. Each step changes the disk, tells update() what a watcher would, and compares.
const assert = __importStar(require("node:assert/strict"));
const node_fs_1 = require("node:fs");
const node_os_1 = require("node:os");
const path = __importStar(require("node:path"));
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const workspaceIndex_1 = require("../../src/core/scan/workspaceIndex");
const folderScan_1 = require("../../src/core/scan/folderScan");
const scanHelpers_1 = require("./scanHelpers");
const WORKFLOW = 'on: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: trivy fs .\n';
const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n';
describe('WorkspaceIndex.update', () => {
    let dir;
    let index;
    const write = (rel, text) => {
        (0, node_fs_1.mkdirSync)(path.dirname(path.join(dir, rel)), { recursive: true });
        (0, node_fs_1.writeFileSync)(path.join(dir, rel), text);
    };
    const listing = (ix) => ix.all().map((e) => `${e.path} ${e.kind}`);
    const fresh = async () => {
        const ix = new workspaceIndex_1.WorkspaceIndex(new nodeFileSystem_1.NodeFileSystem(dir), (0, scanHelpers_1.bundled)().data.catalogue);
        await ix.build();
        return listing(ix);
    };
    const step = async (what, changes) => {
        // The editor drops events mayMatter() calls irrelevant: it must never drop one update() needs.
        const matters = changes.some((c) => index.mayMatter(c.path, !!c.deleted));
        const changed = await index.update(changes);
        assert.ok(!changed || matters, `after "${what}": update() changed the index for events mayMatter() would drop`);
        assert.deepEqual(listing(index), await fresh(), `after "${what}"`);
    };
    beforeEach(async () => {
        dir = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-update-'));
        (0, node_fs_1.mkdirSync)(path.join(dir, '.git'));
        write('.github/workflows/ci.yml', WORKFLOW);
        index = new workspaceIndex_1.WorkspaceIndex(new nodeFileSystem_1.NodeFileSystem(dir), (0, scanHelpers_1.bundled)().data.catalogue);
        await index.build();
    });
    afterEach(() => (0, node_fs_1.rmSync)(dir, { recursive: true, force: true }));
    it('classifies a file of a nested repository relative to that repository', async () => {
        (0, node_fs_1.mkdirSync)(path.join(dir, 'clones/app/.git'), { recursive: true });
        await step('nested .git', [{ path: 'clones/app/.git' }]);
        write('clones/app/.github/workflows/build.yml', WORKFLOW);
        await step('workflow in the nested repository', [{ path: 'clones/app/.github/workflows/build.yml' }]);
        assert.ok(listing(index).includes('clones/app/.github/workflows/build.yml github-workflow'));
    });
    it('reclassifies when a Chart.yaml appears or goes', async () => {
        write('chart/values.yaml', 'replicaCount: 1\n');
        write('chart/templates/deployment.yaml', MANIFEST.replace('x\n', '{{ .Release.Name }}\n'));
        await step('values and a template without a chart', [{ path: 'chart/values.yaml' }, { path: 'chart/templates/deployment.yaml' }]);
        write('chart/Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n');
        await step('Chart.yaml created', [{ path: 'chart/Chart.yaml' }]);
        assert.ok(listing(index).includes('chart/values.yaml helm-values'));
        assert.ok(listing(index).includes('chart/templates/deployment.yaml kubernetes'));
        (0, node_fs_1.rmSync)(path.join(dir, 'chart/Chart.yaml'));
        await step('Chart.yaml deleted', [{ path: 'chart/Chart.yaml', deleted: true }]);
        assert.ok(!listing(index).some((l) => l.startsWith('chart/values.yaml')));
    });
    it('leaves out files in ignored folders and follows .gitignore edits', async () => {
        write('node_modules/pkg/Dockerfile', 'FROM alpine\n');
        write('generated/Dockerfile', 'FROM alpine\n');
        await step('files in node_modules and an unignored folder', [{ path: 'node_modules/pkg/Dockerfile' }, { path: 'generated/Dockerfile' }]);
        assert.ok(!listing(index).some((l) => l.startsWith('node_modules/')));
        assert.ok(listing(index).includes('generated/Dockerfile dockerfile'));
        write('.gitignore', 'generated/\n');
        await step('.gitignore now ignores the folder', [{ path: '.gitignore' }]);
        assert.ok(!listing(index).some((l) => l.startsWith('generated/')));
        write('generated/compose.yaml', 'services: {}\n');
        await step('a new file in the ignored folder', [{ path: 'generated/compose.yaml' }]);
    });
    it('drops the files of a deleted folder and walks a folder moved in', async () => {
        write('svc/Dockerfile', 'FROM alpine\n');
        write('svc/deploy/k8s.yaml', MANIFEST);
        await step('two files', [{ path: 'svc/Dockerfile' }, { path: 'svc/deploy/k8s.yaml' }]);
        const outside = (0, node_fs_1.mkdtempSync)(path.join((0, node_os_1.tmpdir)(), 'dsomm-outside-'));
        (0, node_fs_1.renameSync)(path.join(dir, 'svc'), path.join(outside, 'svc'));
        await step('folder deleted (one event for the folder)', [{ path: 'svc', deleted: true }]);
        assert.ok(!listing(index).some((l) => l.startsWith('svc/')));
        (0, node_fs_1.renameSync)(path.join(outside, 'svc'), path.join(dir, 'moved'));
        (0, node_fs_1.rmSync)(outside, { recursive: true, force: true });
        await step('folder moved in (one event for the folder)', [{ path: 'moved' }]);
        assert.ok(listing(index).includes('moved/Dockerfile dockerfile'));
    });
    it('mayMatter: files the assessment never reads cause no work (lockfile touched, README saved, build output)', async () => {
        write('package-lock.json', '{"lockfileVersion": 3}\n');
        write('README.md', '# x\n');
        write('scripts/build.sh', 'make all\n');
        write('.github/workflows/ci.yml', WORKFLOW.replace('trivy fs .', './scripts/build.sh'));
        index = new workspaceIndex_1.WorkspaceIndex(new nodeFileSystem_1.NodeFileSystem(dir), (0, scanHelpers_1.bundled)().data.catalogue);
        await index.build();
        assert.ok(listing(index).includes('package-lock.json lockfile'), 'the lockfile counts by its presence');
        const irrelevant = [['package-lock.json', false], ['README.md', false], ['README.md', true], ['dist/app.js', false], ['.git/index', false], ['notes/todo.txt', true]];
        for (const [p, deleted] of irrelevant)
            assert.equal(index.mayMatter(p, deleted), false, `${p}${deleted ? ' deleted' : ''}`);
        const relevant = [
            ['package-lock.json', true], ['.github/workflows/ci.yml', false], ['scripts/build.sh', false], ['Dockerfile', false],
            ['deploy/compose.yaml', false], ['.gitignore', false], ['.github', true], ['services', false], ['charts/x/Chart.yaml', false],
        ];
        for (const [p, deleted] of relevant)
            assert.equal(index.mayMatter(p, deleted), true, `${p}${deleted ? ' deleted' : ''}`);
        // What update() does with the dropped ones: nothing.
        (0, node_fs_1.writeFileSync)(path.join(dir, 'package-lock.json'), '{"lockfileVersion": 3}\n');
        assert.equal(await index.update([{ path: 'package-lock.json' }, { path: 'README.md' }]), false);
    });
    it('mayMatter of a folder scan: a tool configuration file counts when it comes or goes, not when it changes', async () => {
        const scan = new folderScan_1.FolderScan(new nodeFileSystem_1.NodeFileSystem(dir), dir, (0, scanHelpers_1.bundled)().data);
        await scan.build();
        assert.equal(scan.mayMatter('.gitleaks.toml', false), true, 'a new configuration file');
        write('.gitleaks.toml', 'title = "x"\n');
        assert.equal(await scan.update([{ path: '.gitleaks.toml' }]), true);
        assert.ok(scan.configFiles.paths().includes('.gitleaks.toml'));
        assert.equal(scan.mayMatter('.gitleaks.toml', false), false, 'an edit of a recorded configuration file');
        assert.equal(scan.mayMatter('.gitleaks.toml', true), true, 'a recorded configuration file deleted');
        assert.equal(scan.mayMatter('notes.md', false), false);
    });
    it('ignores events inside .git', async () => {
        write('.git/info/Dockerfile', 'FROM alpine\n');
        assert.equal(await index.update([{ path: '.git/info/Dockerfile' }]), false);
        assert.deepEqual(listing(index), await fresh());
    });
    it('keeps answering from the previous files while a rebuild runs', async () => {
        const before = index.get('.github/workflows/ci.yml');
        assert.ok(before?.parsed, 'the workflow is indexed and parsed');
        write('.gitignore', 'build/\n'); // a layout change: update() rebuilds the whole index
        const seen = [];
        // Reads during the rebuild (a hover, a code action) see the last complete index.
        const watching = (async () => {
            for (let i = 0; i < 200; i++) {
                seen.push(index.get('.github/workflows/ci.yml')?.kind);
                await new Promise((r) => setImmediate(r));
            }
        })();
        await index.update([{ path: '.gitignore' }]);
        await watching;
        assert.ok(seen.length > 0 && seen.every((k) => k === before.kind), `the workflow stayed visible: ${JSON.stringify([...new Set(seen)])}`);
        assert.equal(index.get('.github/workflows/ci.yml')?.kind, before.kind);
    });
});
//# sourceMappingURL=index-update.test.js.map