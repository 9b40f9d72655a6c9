// An in-memory WritableFileSystem for tests: files by root-relative path, folders implied by
// their files (and kept when created explicitly). Failures can be injected per operation.
import { DEFAULT_READ_LIMIT, DirEntry, FileStat, ReadOptions, tooLarge, WritableFileSystem } from '../../src/core/fs';

export function notFound(path: string): Error {
  return Object.assign(new Error(`ENOENT: no such file or directory, '${path}'`), { code: 'ENOENT' });
}

export class MemoryFileSystem implements WritableFileSystem {
  readonly files = new Map<string, { data: Uint8Array; mtime: number }>();
  readonly dirs = new Set<string>(['']);
  /** Return an error to make that call fail (checked before each operation). */
  fail?: (op: 'read' | 'list' | 'stat' | 'write' | 'rename' | 'delete' | 'mkdir' | 'create', path: string) => Error | undefined;

  constructor(files: Record<string, string | Uint8Array> = {}) {
    for (const [p, d] of Object.entries(files)) this.put(p, d);
  }

  put(path: string, data: string | Uint8Array): void {
    this.files.set(path, { data: typeof data === 'string' ? new TextEncoder().encode(data) : data, mtime: Date.now() });
    const segs = path.split('/');
    for (let i = 1; i < segs.length; i++) this.dirs.add(segs.slice(0, i).join('/'));
  }

  text(path: string): string | undefined {
    const f = this.files.get(path);
    return f && new TextDecoder().decode(f.data);
  }

  private check(op: Parameters<NonNullable<MemoryFileSystem['fail']>>[0], path: string): void {
    const e = this.fail?.(op, path);
    if (e) throw e;
  }

  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    this.check('read', path);
    const f = this.files.get(path);
    if (!f) throw notFound(path);
    // The size cap every FileSystem enforces (the other refusals need a real file system).
    const maxBytes = options?.maxBytes ?? DEFAULT_READ_LIMIT;
    if (f.data.length > maxBytes) throw tooLarge(path, maxBytes, f.data.length);
    return f.data;
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    this.check('list', path);
    if (!this.dirs.has(path)) throw notFound(path);
    const prefix = path === '' ? '' : path + '/';
    const out = new Map<string, DirEntry>();
    for (const p of [...this.files.keys(), ...this.dirs]) {
      if (!p.startsWith(prefix) || p === path) continue;
      const rest = p.slice(prefix.length);
      const name = rest.split('/')[0];
      const isDir = rest.includes('/') || this.dirs.has(p);
      if (!out.has(name) || isDir) out.set(name, { name, type: isDir ? 'directory' : 'file', symlink: false });
    }
    return [...out.values()];
  }

  async stat(path: string): Promise<FileStat> {
    this.check('stat', path);
    const f = this.files.get(path);
    if (f) return { type: 'file', size: f.data.length, mtime: f.mtime };
    if (this.dirs.has(path)) return { type: 'directory', size: 0, mtime: 0 };
    throw notFound(path);
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    this.check('write', path);
    this.put(path, data);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    this.check('rename', from);
    const f = this.files.get(from);
    if (!f) throw notFound(from);
    if (!options.overwrite && this.files.has(to)) throw Object.assign(new Error(`EEXIST: ${to}`), { code: 'EEXIST' });
    this.files.delete(from);
    this.put(to, f.data);
  }

  async delete(path: string): Promise<void> {
    this.check('delete', path);
    this.files.delete(path);
  }

  async createDirectory(path: string): Promise<void> {
    this.check('mkdir', path);
    const segs = path.split('/');
    for (let i = 1; i <= segs.length; i++) this.dirs.add(segs.slice(0, i).join('/'));
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    this.check('create', path);
    if (this.files.has(path)) return false;
    this.put(path, data);
    return true;
  }
}
