// A non-`file:` workspace inside real VS Code: a memory FileSystemProvider (like the memfs sample,
// or a virtual workspace such as GitHub Repositories) holds a copy of the demo workspace. The
// engine reads it through the extension's VscodeFileSystem (vscode.workspace.fs) and must find
// exactly what it finds in the real folder; the progress store writes, locks and backs up there.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DsommApi } from '../../src/extension/extension';
import { VscodeFileSystem } from '../../src/extension/vscodeFileSystem';
import { loadDetectionData } from '../../src/core/scan/scan';
import { scanFolder } from '../../src/core/scan/folderScan';
import { lockPath, parseProgressText, resolveProgressSettings, setState } from '../../src/core/progress';

const SCHEME = 'dsomm-memfs';
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';

type Entry = { type: vscode.FileType.File; data: Uint8Array; mtime: number } | { type: vscode.FileType.Directory; mtime: number };

/** The smallest complete FileSystemProvider: a map from path to entry. */
class MemoryProvider implements vscode.FileSystemProvider {
  readonly entries = new Map<string, Entry>([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
  private readonly emitter = new vscode.EventEmitter<vscode.FileChangeEvent[]>();
  readonly onDidChangeFile = this.emitter.event;

  private get(uri: vscode.Uri): Entry {
    const e = this.entries.get(uri.path);
    if (!e) throw vscode.FileSystemError.FileNotFound(uri);
    return e;
  }
  private parentExists(uri: vscode.Uri): void {
    const parent = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
    if (this.entries.get(parent)?.type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotFound(uri.with({ path: parent }));
  }
  watch(): vscode.Disposable {
    return new vscode.Disposable(() => undefined);
  }
  stat(uri: vscode.Uri): vscode.FileStat {
    const e = this.get(uri);
    return { type: e.type, ctime: e.mtime, mtime: e.mtime, size: e.type === vscode.FileType.File ? e.data.length : 0 };
  }
  readDirectory(uri: vscode.Uri): [string, vscode.FileType][] {
    if (this.get(uri).type !== vscode.FileType.Directory) throw vscode.FileSystemError.FileNotADirectory(uri);
    const prefix = uri.path === '/' ? '/' : uri.path + '/';
    const out: [string, vscode.FileType][] = [];
    for (const [p, e] of this.entries) if (p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/')) out.push([p.slice(prefix.length), e.type]);
    return out;
  }
  createDirectory(uri: vscode.Uri): void {
    this.parentExists(uri);
    if (this.entries.has(uri.path)) throw vscode.FileSystemError.FileExists(uri);
    this.entries.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
  }
  readFile(uri: vscode.Uri): Uint8Array {
    const e = this.get(uri);
    if (e.type !== vscode.FileType.File) throw vscode.FileSystemError.FileIsADirectory(uri);
    return e.data;
  }
  writeFile(uri: vscode.Uri, content: Uint8Array, options: { create: boolean; overwrite: boolean }): void {
    const e = this.entries.get(uri.path);
    if (!e && !options.create) throw vscode.FileSystemError.FileNotFound(uri);
    if (e && !options.overwrite) throw vscode.FileSystemError.FileExists(uri);
    if (e?.type === vscode.FileType.Directory) throw vscode.FileSystemError.FileIsADirectory(uri);
    this.parentExists(uri);
    this.entries.set(uri.path, { type: vscode.FileType.File, data: content, mtime: Date.now() });
  }
  delete(uri: vscode.Uri): void {
    this.get(uri);
    for (const p of [...this.entries.keys()]) if (p === uri.path || p.startsWith(uri.path + '/')) this.entries.delete(p);
  }
  rename(from: vscode.Uri, to: vscode.Uri, options: { overwrite: boolean }): void {
    const e = this.get(from);
    if (this.entries.has(to.path) && !options.overwrite) throw vscode.FileSystemError.FileExists(to);
    this.parentExists(to);
    this.entries.delete(from.path);
    this.entries.set(to.path, e);
  }
}

async function copyTree(from: vscode.Uri, to: vscode.Uri): Promise<number> {
  let n = 0;
  await vscode.workspace.fs.createDirectory(to);
  for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
    const a = vscode.Uri.joinPath(from, name);
    const b = vscode.Uri.joinPath(to, name);
    if (type & vscode.FileType.Directory) n += await copyTree(a, b);
    else if (type & vscode.FileType.File) {
      await vscode.workspace.fs.writeFile(b, await vscode.workspace.fs.readFile(a));
      n++;
    }
  }
  return n;
}

describe('A virtual (non-file:) workspace', function () {
  this.timeout(60_000);
  const provider = new MemoryProvider();
  const root = vscode.Uri.from({ scheme: SCHEME, path: '/demo' });
  let registration: vscode.Disposable;

  before(async () => {
    registration = vscode.workspace.registerFileSystemProvider(SCHEME, provider, { isCaseSensitive: true });
    const folder = vscode.workspace.workspaceFolders?.[0];
    assert.ok(folder, 'the demo workspace is open');
    const copied = await copyTree(folder.uri, root);
    assert.ok(copied > 20, `copied ${copied} files`);
  });
  after(() => registration.dispose());

  it('is scanned through vscode.workspace.fs with the same result as the file: folder', async () => {
    const ext = vscode.extensions.getExtension<DsommApi>(EXTENSION_ID)!;
    const api = await ext.activate();
    const model = await api.models.get();
    const read = async (f: string) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'model', f)));
    const data = loadDetectionData(await read('probes.yaml'), 'probes.yaml', await read('rules.yaml'), 'rules.yaml');

    const virtual = await scanFolder(new VscodeFileSystem(root), root.toString(), model, data);
    const local = await scanFolder(new VscodeFileSystem(vscode.workspace.workspaceFolders![0].uri), 'local', model, data);
    const summary = (r: typeof virtual.result) => r.activities.map((a) => `${a.activity.uuid} ${a.detected} ${a.evidence.map((e) => `${e.loc.path}:${e.loc.line}`).join(',')}`);
    assert.ok(virtual.result.activities.some((a) => a.detected === 'detected'), 'something is detected');
    assert.deepStrictEqual(summary(virtual.result), summary(local.result));
    assert.deepStrictEqual(virtual.result.files.map((f) => f.path), local.result.files.map((f) => f.path));
  });

  it('takes progress edits: lock through a rename without overwrite, atomic replace, backup', async () => {
    const fs = new VscodeFileSystem(root);
    const settings = resolveProgressSettings({ team: 'Virtual Team' });
    await Promise.all([
      setState(fs, settings, 'f6f7737f-25a9-4317-8de2-09bf59f29b5b', 'Started', undefined, '2026-03-01'),
      setState(fs, settings, '2858ac12-0179-40d9-9acf-1b839c030473', 'Fully implemented', undefined, '2026-03-01'),
    ]);
    const file = vscode.Uri.joinPath(root, settings.file);
    const doc = parseProgressText(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), settings.file);
    assert.ok(doc.activities.get('f6f7737f-25a9-4317-8de2-09bf59f29b5b')?.teams.has('Virtual Team'));
    assert.ok(doc.activities.get('2858ac12-0179-40d9-9acf-1b839c030473')?.teams.has('Virtual Team'));
    assert.ok(provider.entries.has(`/demo/.dsomm/.team-progress.yaml.bak`), 'the second edit backed up the first');
    assert.ok(!provider.entries.has(`/demo/${lockPath(settings.file)}`), 'the lock is released');
    assert.deepStrictEqual([...provider.entries.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temporary files left');

    assert.strictEqual(await fs.createExclusive('.dsomm/x.lock', new Uint8Array([1])), true);
    assert.strictEqual(await fs.createExclusive('.dsomm/x.lock', new Uint8Array([2])), false, 'a second create finds the file');
    assert.deepStrictEqual([...(await fs.readFile('.dsomm/x.lock'))], [1]);
  });
});
