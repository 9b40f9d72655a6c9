// FileSystem over node's `fs`, rooted at a folder. Used by the CLI, the benchmarks and tests.
import { promises as fsp } from 'fs';
import * as nodePath from 'path';
import { DirEntry, EntryType, FileStat, WritableFileSystem } from './fs';

function typeOf(s: { isFile(): boolean; isDirectory(): boolean }): EntryType {
  return s.isFile() ? 'file' : s.isDirectory() ? 'directory' : 'other';
}

export class NodeFileSystem implements WritableFileSystem {
  readonly root: string;

  constructor(root: string) {
    this.root = nodePath.resolve(root);
  }

  /** Absolute path for a root-relative one; refuses paths that escape the root. */
  abs(path: string): string {
    const p = nodePath.resolve(this.root, path);
    if (p !== this.root && !p.startsWith(this.root + nodePath.sep)) {
      throw new Error(`path leaves the workspace: ${path}`);
    }
    return p;
  }

  readFile(path: string): Promise<Uint8Array> {
    return fsp.readFile(this.abs(path));
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    const entries = await fsp.readdir(this.abs(path), { withFileTypes: true });
    const out: DirEntry[] = [];
    for (const e of entries) {
      if (e.isSymbolicLink()) {
        // Follow the link for its type; a dangling link is 'other'.
        const target = await fsp.stat(nodePath.join(this.abs(path), e.name)).catch(() => undefined);
        out.push({ name: e.name, type: target ? typeOf(target) : 'other', symlink: true });
      } else {
        out.push({ name: e.name, type: typeOf(e), symlink: false });
      }
    }
    return out;
  }

  async stat(path: string): Promise<FileStat> {
    const s = await fsp.stat(this.abs(path));
    return { type: typeOf(s), size: s.size, mtime: s.mtimeMs };
  }

  writeFile(path: string, data: Uint8Array): Promise<void> {
    return fsp.writeFile(this.abs(path), data);
  }

  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    return (async () => {
      if (!options.overwrite && (await fsp.stat(this.abs(to)).catch(() => undefined))) {
        throw new Error(`file exists: ${to}`);
      }
      await fsp.rename(this.abs(from), this.abs(to));
    })();
  }

  delete(path: string): Promise<void> {
    return fsp.rm(this.abs(path), { force: true });
  }

  async createDirectory(path: string): Promise<void> {
    await fsp.mkdir(this.abs(path), { recursive: true });
  }

  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    try {
      // O_CREAT|O_EXCL: atomic, one creator wins even across processes.
      await fsp.writeFile(this.abs(path), data, { flag: 'wx' });
      return true;
    } catch (e) {
      if ((e as { code?: string }).code === 'EEXIST') return false;
      throw e;
    }
  }
}
