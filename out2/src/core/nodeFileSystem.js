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
exports.NodeFileSystem = void 0;
exports.readRegularFile = readRegularFile;
// FileSystem over node's `fs`, rooted at a folder. Used by the CLI, the benchmarks and tests.
const fs_1 = require("fs");
const nodePath = __importStar(require("path"));
const fs_2 = require("./fs");
/** Never read through these, whatever links lead there (a device or a process's memory is no file). */
const SYSTEM_PATHS = /^\/(dev|proc|sys)(\/|$)/;
// O_NONBLOCK: opening a FIFO that slipped in after the type check returns at once instead of
// waiting for a writer. O_NOFOLLOW: the resolved path must not have become a link since.
const OPEN_FLAGS = fs_1.constants.O_RDONLY | (fs_1.constants.O_NONBLOCK ?? 0) | (fs_1.constants.O_NOFOLLOW ?? 0);
const READ_CHUNK = 1024 * 1024;
function notRegular(st) {
    if (st.isFile())
        return undefined;
    const what = st.isFIFO() ? 'a FIFO (named pipe)'
        : st.isCharacterDevice() ? 'a character device'
            : st.isBlockDevice() ? 'a block device'
                : st.isSocket() ? 'a socket'
                    : st.isDirectory() ? 'a folder'
                        : 'not a file';
    return `not read: ${what}, not a regular file`;
}
function inside(path, root) {
    return path === root || path.startsWith(root.endsWith(nodePath.sep) ? root : root + nodePath.sep);
}
/**
 * Reads a regular file with every guard the FileSystem contract asks for. `within` (a real path,
 * links resolved) confines the read to that folder; without it (a model file the user named) the
 * file may be anywhere but must still be a regular file under the cap. `label` names the file in
 * errors.
 */
async function readRegularFile(abs, label, options = {}) {
    const maxBytes = options.maxBytes ?? fs_2.DEFAULT_READ_LIMIT;
    // lstat first: a missing file fails here as it always did (ENOENT), before anything is resolved.
    const linkStat = await fs_1.promises.lstat(abs);
    // realpath also resolves links in the folders above the file, which lstat does not see.
    const real = options.within !== undefined || linkStat.isSymbolicLink() ? await fs_1.promises.realpath(abs) : abs;
    if (options.within !== undefined && !inside(real, options.within)) {
        throw new fs_2.FileRefusedError(label, 'outside-workspace', 'not read: a symbolic link that leads outside the workspace folder');
    }
    if (SYSTEM_PATHS.test(real) && (options.within === undefined || !SYSTEM_PATHS.test(options.within))) {
        throw new fs_2.FileRefusedError(label, 'not-regular', 'not read: a system path (/dev, /proc or /sys), not a regular file');
    }
    const st = real === abs ? linkStat : await fs_1.promises.stat(real);
    const refusal = notRegular(st);
    if (refusal)
        throw new fs_2.FileRefusedError(label, 'not-regular', refusal);
    if (st.size > maxBytes)
        throw (0, fs_2.tooLarge)(label, maxBytes, st.size);
    const handle = await fs_1.promises.open(real, OPEN_FLAGS);
    try {
        // The type again on what was opened: something swapped in after the checks is refused too.
        const opened = await handle.stat();
        const swapped = notRegular(opened);
        if (swapped)
            throw new fs_2.FileRefusedError(label, 'not-regular', swapped);
        // Read in bounded steps up to one byte past the cap, so a file that grows is caught too.
        let buffer = Buffer.allocUnsafe(Math.min(Math.max(opened.size + 1, 1024), maxBytes + 1));
        let length = 0;
        for (;;) {
            if (length === buffer.length) {
                if (length > maxBytes)
                    throw (0, fs_2.tooLarge)(label, maxBytes, undefined);
                const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
                buffer.copy(grown, 0, 0, length);
                buffer = grown;
            }
            const { bytesRead } = await handle.read(buffer, length, Math.min(buffer.length - length, READ_CHUNK), null);
            if (bytesRead === 0)
                break;
            length += bytesRead;
        }
        if (length > maxBytes)
            throw (0, fs_2.tooLarge)(label, maxBytes, undefined);
        return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
    }
    finally {
        await handle.close();
    }
}
function typeOf(s) {
    return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}
class NodeFileSystem {
    root;
    constructor(root) {
        this.root = nodePath.resolve(root);
    }
    /** Absolute path for a root-relative one; refuses paths that escape the root. */
    abs(path) {
        const p = nodePath.resolve(this.root, path);
        if (p !== this.root && !p.startsWith(this.root + nodePath.sep)) {
            throw new Error(`path leaves the workspace: ${path}`);
        }
        return p;
    }
    realRootPromise;
    /** The root with its links resolved: what a read's resolved path must stay within. */
    realRoot() {
        return (this.realRootPromise ??= fs_1.promises.realpath(this.root).catch(() => this.root));
    }
    async readFile(path, options) {
        return readRegularFile(this.abs(path), path, { ...options, within: await this.realRoot() });
    }
    async readDirectory(path) {
        const entries = await fs_1.promises.readdir(this.abs(path), { withFileTypes: true });
        const out = [];
        for (const e of entries) {
            if (e.isSymbolicLink()) {
                // Follow the link for its type; a dangling link is 'other'.
                const target = await fs_1.promises.stat(nodePath.join(this.abs(path), e.name)).catch(() => undefined);
                out.push({ name: e.name, type: target ? typeOf(target) : 'other', symlink: true });
            }
            else {
                out.push({ name: e.name, type: typeOf(e), symlink: false });
            }
        }
        return out;
    }
    async stat(path) {
        const s = await fs_1.promises.stat(this.abs(path));
        return { type: typeOf(s), size: s.size, mtime: s.mtimeMs };
    }
    writeFile(path, data) {
        return fs_1.promises.writeFile(this.abs(path), data);
    }
    rename(from, to, options) {
        return (async () => {
            if (!options.overwrite && (await fs_1.promises.stat(this.abs(to)).catch(() => undefined))) {
                throw new Error(`file exists: ${to}`);
            }
            await fs_1.promises.rename(this.abs(from), this.abs(to));
        })();
    }
    delete(path) {
        return fs_1.promises.rm(this.abs(path), { force: true });
    }
    async createDirectory(path) {
        await fs_1.promises.mkdir(this.abs(path), { recursive: true });
    }
    async createExclusive(path, data) {
        try {
            // O_CREAT|O_EXCL: atomic, one creator wins even across processes.
            await fs_1.promises.writeFile(this.abs(path), data, { flag: 'wx' });
            return true;
        }
        catch (e) {
            if (e.code === 'EEXIST')
                return false;
            throw e;
        }
    }
}
exports.NodeFileSystem = NodeFileSystem;
//# sourceMappingURL=nodeFileSystem.js.map