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
// A non-`file:` workspace inside real VS Code: a memory FileSystemProvider (like the memfs sample,
// or a virtual workspace such as GitHub Repositories) holds a copy of the demo workspace. The
// engine reads it through the extension's VscodeFileSystem (vscode.workspace.fs) and must find
// exactly what it finds in the real folder; the progress store writes, locks and backs up there.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const vscodeFileSystem_1 = require("../../src/extension/vscodeFileSystem");
const scan_1 = require("../../src/core/scan/scan");
const folderScan_1 = require("../../src/core/scan/folderScan");
const progress_1 = require("../../src/core/progress");
const SCHEME = 'dsomm-memfs';
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
/** The smallest complete FileSystemProvider: a map from path to entry. */
class MemoryProvider {
    entries = new Map([['/', { type: vscode.FileType.Directory, mtime: Date.now() }]]);
    emitter = new vscode.EventEmitter();
    onDidChangeFile = this.emitter.event;
    get(uri) {
        const e = this.entries.get(uri.path);
        if (!e)
            throw vscode.FileSystemError.FileNotFound(uri);
        return e;
    }
    parentExists(uri) {
        const parent = uri.path.slice(0, uri.path.lastIndexOf('/')) || '/';
        if (this.entries.get(parent)?.type !== vscode.FileType.Directory)
            throw vscode.FileSystemError.FileNotFound(uri.with({ path: parent }));
    }
    watch() {
        return new vscode.Disposable(() => undefined);
    }
    stat(uri) {
        const e = this.get(uri);
        return { type: e.type, ctime: e.mtime, mtime: e.mtime, size: e.type === vscode.FileType.File ? e.data.length : 0 };
    }
    readDirectory(uri) {
        if (this.get(uri).type !== vscode.FileType.Directory)
            throw vscode.FileSystemError.FileNotADirectory(uri);
        const prefix = uri.path === '/' ? '/' : uri.path + '/';
        const out = [];
        for (const [p, e] of this.entries)
            if (p.startsWith(prefix) && p !== prefix && !p.slice(prefix.length).includes('/'))
                out.push([p.slice(prefix.length), e.type]);
        return out;
    }
    createDirectory(uri) {
        this.parentExists(uri);
        if (this.entries.has(uri.path))
            throw vscode.FileSystemError.FileExists(uri);
        this.entries.set(uri.path, { type: vscode.FileType.Directory, mtime: Date.now() });
    }
    readFile(uri) {
        const e = this.get(uri);
        if (e.type !== vscode.FileType.File)
            throw vscode.FileSystemError.FileIsADirectory(uri);
        return e.data;
    }
    writeFile(uri, content, options) {
        const e = this.entries.get(uri.path);
        if (!e && !options.create)
            throw vscode.FileSystemError.FileNotFound(uri);
        if (e && !options.overwrite)
            throw vscode.FileSystemError.FileExists(uri);
        if (e?.type === vscode.FileType.Directory)
            throw vscode.FileSystemError.FileIsADirectory(uri);
        this.parentExists(uri);
        this.entries.set(uri.path, { type: vscode.FileType.File, data: content, mtime: Date.now() });
    }
    delete(uri) {
        this.get(uri);
        for (const p of [...this.entries.keys()])
            if (p === uri.path || p.startsWith(uri.path + '/'))
                this.entries.delete(p);
    }
    rename(from, to, options) {
        const e = this.get(from);
        if (this.entries.has(to.path) && !options.overwrite)
            throw vscode.FileSystemError.FileExists(to);
        this.parentExists(to);
        this.entries.delete(from.path);
        this.entries.set(to.path, e);
    }
}
async function copyTree(from, to) {
    let n = 0;
    await vscode.workspace.fs.createDirectory(to);
    for (const [name, type] of await vscode.workspace.fs.readDirectory(from)) {
        const a = vscode.Uri.joinPath(from, name);
        const b = vscode.Uri.joinPath(to, name);
        if (type & vscode.FileType.Directory)
            n += await copyTree(a, b);
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
    let registration;
    before(async () => {
        registration = vscode.workspace.registerFileSystemProvider(SCHEME, provider, { isCaseSensitive: true });
        const folder = vscode.workspace.workspaceFolders?.[0];
        assert.ok(folder, 'the demo workspace is open');
        const copied = await copyTree(folder.uri, root);
        assert.ok(copied > 20, `copied ${copied} files`);
    });
    after(() => registration.dispose());
    it('is scanned through vscode.workspace.fs with the same result as the file: folder', async () => {
        const ext = vscode.extensions.getExtension(EXTENSION_ID);
        const api = await ext.activate();
        const model = await api.models.get();
        const read = async (f) => new TextDecoder().decode(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(ext.extensionUri, 'model', f)));
        const data = (0, scan_1.loadDetectionData)(await read('probes.yaml'), 'probes.yaml', await read('rules.yaml'), 'rules.yaml');
        const virtual = await (0, folderScan_1.scanFolder)(new vscodeFileSystem_1.VscodeFileSystem(root), root.toString(), model, data);
        const local = await (0, folderScan_1.scanFolder)(new vscodeFileSystem_1.VscodeFileSystem(vscode.workspace.workspaceFolders[0].uri), 'local', model, data);
        const summary = (r) => r.activities.map((a) => `${a.activity.uuid} ${a.detected} ${a.evidence.map((e) => `${e.loc.path}:${e.loc.line}`).join(',')}`);
        assert.ok(virtual.result.activities.some((a) => a.detected === 'detected'), 'something is detected');
        assert.deepStrictEqual(summary(virtual.result), summary(local.result));
        assert.deepStrictEqual(virtual.result.files.map((f) => f.path), local.result.files.map((f) => f.path));
    });
    it('takes progress edits: lock through a rename without overwrite, atomic replace, backup', async () => {
        const fs = new vscodeFileSystem_1.VscodeFileSystem(root);
        const settings = (0, progress_1.resolveProgressSettings)({ team: 'Virtual Team' });
        await Promise.all([
            (0, progress_1.setState)(fs, settings, 'f6f7737f-25a9-4317-8de2-09bf59f29b5b', 'Started', undefined, '2026-03-01'),
            (0, progress_1.setState)(fs, settings, '2858ac12-0179-40d9-9acf-1b839c030473', 'Fully implemented', undefined, '2026-03-01'),
        ]);
        const file = vscode.Uri.joinPath(root, settings.file);
        const doc = (0, progress_1.parseProgressText)(new TextDecoder().decode(await vscode.workspace.fs.readFile(file)), settings.file);
        assert.ok(doc.activities.get('f6f7737f-25a9-4317-8de2-09bf59f29b5b')?.teams.has('Virtual Team'));
        assert.ok(doc.activities.get('2858ac12-0179-40d9-9acf-1b839c030473')?.teams.has('Virtual Team'));
        assert.ok(provider.entries.has(`/demo/.dsomm/.team-progress.yaml.bak`), 'the second edit backed up the first');
        assert.ok(!provider.entries.has(`/demo/${(0, progress_1.lockPath)(settings.file)}`), 'the lock is released');
        assert.deepStrictEqual([...provider.entries.keys()].filter((p) => p.endsWith('.tmp')), [], 'no temporary files left');
        assert.strictEqual(await fs.createExclusive('.dsomm/x.lock', new Uint8Array([1])), true);
        assert.strictEqual(await fs.createExclusive('.dsomm/x.lock', new Uint8Array([2])), false, 'a second create finds the file');
        assert.deepStrictEqual([...(await fs.readFile('.dsomm/x.lock'))], [1]);
    });
});
//# sourceMappingURL=virtual-workspace.test.js.map