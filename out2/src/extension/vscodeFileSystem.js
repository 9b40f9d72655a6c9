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
exports.VscodeFileSystem = void 0;
exports.readUriBounded = readUriBounded;
// The core's FileSystem over vscode.workspace.fs, rooted at a folder URI. Going through
// workspace.fs (never node fs) is what makes remote (SSH, WSL, containers) and virtual
// workspaces work.
const fs_1 = require("fs");
const vscode = __importStar(require("vscode"));
const fs_2 = require("../core/fs");
const nodeFileSystem_1 = require("../core/nodeFileSystem");
/**
 * Reads `uri` under the FileSystem contract's guards. `file:` URIs (local, and remote folders:
 * the extension runs beside the files) take node's guarded read, confined to the folder `within`
 * (a real path) when given.
 * Other file systems cannot say where a link leads, so links are refused there; the type and size
 * come from stat and the size is checked again after the read (workspace.fs has no partial read).
 */
async function readUriBounded(uri, label, options = {}) {
    const maxBytes = options.maxBytes ?? fs_2.DEFAULT_READ_LIMIT;
    if (uri.scheme === 'file')
        return (0, nodeFileSystem_1.readRegularFile)(uri.fsPath, label, { maxBytes, within: options.within });
    const st = await vscode.workspace.fs.stat(uri);
    if (st.type & vscode.FileType.SymbolicLink) {
        throw new fs_2.FileRefusedError(label, 'outside-workspace', 'not read: a symbolic link, and this file system cannot tell where it leads');
    }
    if (!(st.type & vscode.FileType.File))
        throw new fs_2.FileRefusedError(label, 'not-regular', `not read: ${st.type & vscode.FileType.Directory ? 'a folder' : 'not a file'}, not a regular file`);
    if (st.size > maxBytes)
        throw (0, fs_2.tooLarge)(label, maxBytes, st.size);
    const bytes = await vscode.workspace.fs.readFile(uri);
    if (bytes.length > maxBytes)
        throw (0, fs_2.tooLarge)(label, maxBytes, undefined);
    return bytes;
}
function typeOf(t) {
    if (t & vscode.FileType.Directory)
        return 'directory';
    if (t & vscode.FileType.File)
        return 'file';
    return 'other';
}
class VscodeFileSystem {
    root;
    /**
     * Every workspace.fs call is a round trip through the workbench (measured in code-server: ~9 ms
     * each one after the other, 10–25 ms on a busy machine; 100 at once in ~5–13 ms), so the index
     * keeps many in flight.
     */
    concurrency = 64;
    constructor(root) {
        this.root = root;
    }
    uri(path) {
        return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
    }
    realRoot;
    async readFile(path, options) {
        const within = this.root.scheme === 'file' ? await (this.realRoot ??= fs_1.promises.realpath(this.root.fsPath).catch(() => this.root.fsPath)) : undefined;
        return readUriBounded(this.uri(path), path, { ...options, within });
    }
    async readDirectory(path) {
        const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
        return entries.map(([name, t]) => ({ name, type: typeOf(t), symlink: (t & vscode.FileType.SymbolicLink) !== 0 }));
    }
    async stat(path) {
        const s = await vscode.workspace.fs.stat(this.uri(path));
        return { type: typeOf(s.type), size: s.size, mtime: s.mtime };
    }
    async writeFile(path, data) {
        await vscode.workspace.fs.writeFile(this.uri(path), data);
    }
    async rename(from, to, options) {
        await vscode.workspace.fs.rename(this.uri(from), this.uri(to), options);
    }
    async delete(path) {
        await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
    }
    async createDirectory(path) {
        await vscode.workspace.fs.createDirectory(this.uri(path));
    }
    /**
     * workspace.fs has no exclusive create. On `file:` folders (local, and remote ones: the
     * extension runs next to the files) node's O_EXCL is atomic. Elsewhere a temporary file is
     * renamed without overwrite, which providers refuse when the target exists (a small window).
     */
    async createExclusive(path, data) {
        const target = this.uri(path);
        if (target.scheme === 'file') {
            try {
                await fs_1.promises.writeFile(target.fsPath, data, { flag: 'wx' });
                return true;
            }
            catch (e) {
                if (e.code === 'EEXIST')
                    return false;
                throw e;
            }
        }
        const tmp = this.uri(`${path}.${Math.random().toString(36).slice(2, 10)}.tmp`);
        await vscode.workspace.fs.writeFile(tmp, data);
        try {
            await vscode.workspace.fs.rename(tmp, target, { overwrite: false });
            return true;
        }
        catch (e) {
            await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
            if (e instanceof vscode.FileSystemError && e.code === 'FileExists')
                return false;
            throw e;
        }
    }
}
exports.VscodeFileSystem = VscodeFileSystem;
//# sourceMappingURL=vscodeFileSystem.js.map