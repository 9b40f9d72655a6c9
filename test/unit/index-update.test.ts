// WorkspaceIndex.update() must end where a fresh build() ends, whatever the change: files in
// nested repositories, Helm charts appearing, ignored folders, .gitignore edits, folders deleted
// or moved in. Each step changes the disk, tells update() what a watcher would, and compares.
import * as assert from 'node:assert/strict';
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { WorkspaceIndex } from '../../src/core/scan/workspaceIndex';
import { FolderScan } from '../../src/core/scan/folderScan';
import { bundled } from './scanHelpers';

const WORKFLOW = 'on: [push]\njobs:\n  b:\n    runs-on: ubuntu-latest\n    steps:\n      - run: trivy fs .\n';
const MANIFEST = 'apiVersion: apps/v1\nkind: Deployment\nmetadata:\n  name: x\n';

describe('WorkspaceIndex.update', () => {
  let dir: string;
  let index: WorkspaceIndex;
  const write = (rel: string, text: string) => {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), text);
  };
  const listing = (ix: WorkspaceIndex) => ix.all().map((e) => `${e.path} ${e.kind}`);
  const fresh = async () => {
    const ix = new WorkspaceIndex(new NodeFileSystem(dir), bundled().data.catalogue);
    await ix.build();
    return listing(ix);
  };
  const step = async (what: string, changes: { path: string; deleted?: boolean }[]) => {
    // The editor drops events mayMatter() calls irrelevant: it must never drop one update() needs.
    const matters = changes.some((c) => index.mayMatter(c.path, !!c.deleted));
    const changed = await index.update(changes);
    assert.ok(!changed || matters, `after "${what}": update() changed the index for events mayMatter() would drop`);
    assert.deepEqual(listing(index), await fresh(), `after "${what}"`);
  };

  beforeEach(async () => {
    dir = mkdtempSync(path.join(tmpdir(), 'dsomm-update-'));
    mkdirSync(path.join(dir, '.git'));
    write('.github/workflows/ci.yml', WORKFLOW);
    index = new WorkspaceIndex(new NodeFileSystem(dir), bundled().data.catalogue);
    await index.build();
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('classifies a file of a nested repository relative to that repository', async () => {
    mkdirSync(path.join(dir, 'clones/app/.git'), { recursive: true });
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
    rmSync(path.join(dir, 'chart/Chart.yaml'));
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
    const outside = mkdtempSync(path.join(tmpdir(), 'dsomm-outside-'));
    renameSync(path.join(dir, 'svc'), path.join(outside, 'svc'));
    await step('folder deleted (one event for the folder)', [{ path: 'svc', deleted: true }]);
    assert.ok(!listing(index).some((l) => l.startsWith('svc/')));
    renameSync(path.join(outside, 'svc'), path.join(dir, 'moved'));
    rmSync(outside, { recursive: true, force: true });
    await step('folder moved in (one event for the folder)', [{ path: 'moved' }]);
    assert.ok(listing(index).includes('moved/Dockerfile dockerfile'));
  });

  it('a folder that arrives with files nothing scans (.vscode/settings.json written by a setting) costs no rebuild', async () => {
    let walks = 0;
    const scan = new FolderScan(new NodeFileSystem(dir), dir, bundled().data, {}, { onFilesFound: () => walks++ });
    await scan.build();
    assert.equal(walks, 1);
    write('.vscode/settings.json', '{ "dsomm.team": "Platform" }\n');
    // What the watcher reports when VS Code creates the folder and the file.
    const events = [{ path: '.vscode' }, { path: '.vscode/settings.json' }];
    const queued = events.filter((e) => scan.mayMatter(e.path, false));
    assert.equal(await scan.update(queued), false, 'nothing the assessment reads changed');
    assert.equal(walks, 1, 'the workspace was not walked again');
  });

  it('takes the files of a folder moved in one by one, and walks again only when it holds a .gitignore, .git or Chart.yaml', async () => {
    let walks = 0;
    const scan = new FolderScan(new NodeFileSystem(dir), dir, bundled().data, {}, { onFilesFound: () => walks++ });
    await scan.build();
    write('svc/Dockerfile', 'FROM alpine\n');
    write('svc/deploy/k8s.yaml', MANIFEST);
    write('svc/node_modules/pkg/Dockerfile', 'FROM alpine\n');
    write('svc/.snyk', 'version: v1.25.0\n');
    assert.equal(await scan.update([{ path: 'svc' }]), true);
    assert.equal(walks, 1, 'no walk of the whole workspace');
    const fresh = new FolderScan(new NodeFileSystem(dir), dir, bundled().data);
    await fresh.build();
    assert.deepEqual(listing(scan.index), listing(fresh.index));
    assert.ok(listing(scan.index).includes('svc/deploy/k8s.yaml kubernetes'));
    assert.deepEqual(scan.configFiles.paths(), fresh.configFiles.paths());
    assert.ok(scan.configFiles.paths().includes('svc/.snyk'), 'a tool configuration file in the folder is recorded');
    // Only a configuration file: still a change.
    write('tools/osv-scanner.toml', '[[IgnoredVulns]]\n');
    assert.equal(await scan.update([{ path: 'tools' }]), true);
    assert.ok(scan.configFiles.paths().includes('tools/osv-scanner.toml'));
    for (const [folder, file, text] of [['ignoring', '.gitignore', 'Dockerfile\n'], ['chart', 'Chart.yaml', 'apiVersion: v2\nname: x\nversion: 1.0.0\n'], ['clone', '.git/HEAD', 'ref: refs/heads/main\n']] as [string, string, string][]) {
      write(`${folder}/sub/${file}`, text);
      write(`${folder}/sub/Dockerfile`, 'FROM alpine\n');
      const before: number = walks;
      assert.equal(await scan.update([{ path: folder }]), true);
      assert.equal(walks, before + 1, `a folder holding ${file} changes how others are read: the workspace is walked again`);
    }
  });

  it('mayMatter: files the assessment never reads cause no work (lockfile touched, README saved, build output)', async () => {
    write('package-lock.json', '{"lockfileVersion": 3}\n');
    write('README.md', '# x\n');
    write('scripts/build.sh', 'make all\n');
    write('.github/workflows/ci.yml', WORKFLOW.replace('trivy fs .', './scripts/build.sh'));
    index = new WorkspaceIndex(new NodeFileSystem(dir), bundled().data.catalogue);
    await index.build();
    assert.ok(listing(index).includes('package-lock.json lockfile'), 'the lockfile counts by its presence');
    const irrelevant: [string, boolean][] = [['package-lock.json', false], ['README.md', false], ['README.md', true], ['dist/app.js', false], ['.git/index', false], ['notes/todo.txt', true]];
    for (const [p, deleted] of irrelevant) assert.equal(index.mayMatter(p, deleted), false, `${p}${deleted ? ' deleted' : ''}`);
    const relevant: [string, boolean][] = [
      ['package-lock.json', true], ['.github/workflows/ci.yml', false], ['scripts/build.sh', false], ['Dockerfile', false],
      ['deploy/compose.yaml', false], ['.gitignore', false], ['.github', true], ['services', false], ['charts/x/Chart.yaml', false],
    ];
    for (const [p, deleted] of relevant) assert.equal(index.mayMatter(p, deleted), true, `${p}${deleted ? ' deleted' : ''}`);
    // What update() does with the dropped ones: nothing.
    writeFileSync(path.join(dir, 'package-lock.json'), '{"lockfileVersion": 3}\n');
    assert.equal(await index.update([{ path: 'package-lock.json' }, { path: 'README.md' }]), false);
  });

  it('mayMatter of a folder scan: a tool configuration file counts when it comes or goes, not when it changes', async () => {
    const scan = new FolderScan(new NodeFileSystem(dir), dir, bundled().data);
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
    const seen: (string | undefined)[] = [];
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
