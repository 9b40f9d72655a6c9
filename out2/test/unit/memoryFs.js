"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MemoryFileSystem = void 0;
exports.notFound = notFound;
// An in-memory WritableFileSystem for tests: files by root-relative path, folders implied by
// their files (and kept when created explicitly). Failures can be injected per operation.
const fs_1 = require("../../src/core/fs");
function notFound(path) {
    return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}
class MemoryFileSystem {
    files = new Map();
    dirs = new Set(['']);
    /** Return an error to make that call fail (checked before each operation). */
    fail;
    constructor(files = {}) {
        for (const [p, d] of Object.entries(files))
            this.put(p, d);
    }
    put(path, data) {
        this.files.set(path, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtime: Date.now() });
        const segs = path.split('/');
        for (let i = 1; i < segs.length; i++)
            this.dirs.add(segs.slice(0, i).join('/'));
    }
    text(path) {
        const f = this.files.get(path);
        return f && new TextDecoder().decode(f.data);
    }
    check(op, path) {
        const e = this.fail?.(op, path);
        if (e)
            throw e;
    }
    async readFile(path, options) {
        this.check('read', path);
        const f = this.files.get(path);
        if (!f)
            throw notFound(path);
        // The size cap every FileSystem enforces (the other refusals need a real file system).
        const maxBytes = options?.maxBytes ?? fs_1.DEFAULT_READ_LIMIT;
        if (f.data.length > maxBytes)
            throw (0, fs_1.tooLarge)(path, maxBytes, f.data.length);
        return f.data;
    }
    async readDirectory(path) {
        this.check('list', path);
        if (!this.dirs.has(path))
            throw notFound(path);
        const prefix = path === '' ? '' : path + '/';
        const out = new Map();
        for (const p of [...this.files.keys(), ...this.dirs]) {
            if (!p.startsWith(prefix) || p === path)
                continue;
            const rest = p.slice(prefix.length);
            const name = rest.split('/')[0];
            const isDir = rest.includes('/') || this.dirs.has(p);
            if (!out.has(name) || isDir)
                out.set(name, { name, type: isDir ? 'directory' : 'file', symlink: false });
        }
        return [...out.values()];
    }
    async stat(path) {
        this.check('stat', path);
        const f = this.files.get(path);
        if (f)
            return { type: 'file', size: f.data.length, mtime: f.mtime };
        if (this.dirs.has(path))
            return { type: 'directory', size: 0, mtime: 0 };
        throw notFound(path);
    }
    async writeFile(path, data) {
        this.check('write', path);
        this.put(path, data);
    }
    async rename(from, to, options) {
        this.check('rename', from);
        const f = this.files.get(from);
        if (!f)
            throw notFound(from);
        if (!options.overwrite && this.files.has(to))
            throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
        this.files.delete(from);
        this.put(to, f.data);
    }
    async delete(path) {
        this.check('delete', path);
        this.files.delete(path);
    }
    async createDirectory(path) {
        this.check('mkdir', path);
        const segs = path.split('/');
        for (let i = 1; i <= segs.length; i++)
            this.dirs.add(segs.slice(0, i).join('/'));
    }
    async createExclusive(path, data) {
        this.check('create', path);
        if (this.files.has(path))
            return false;
        this.put(path, data);
        return true;
    }
}
exports.MemoryFileSystem = MemoryFileSystem;
//# sourceMappingURL=memoryFs.js.map