// FileSystem over node's `fs`, rooted at a folder. Used by the CLI, the benchmarks and tests.
import { constants as fsConstants, promises as fsp, Stats } from 'fs';
import * as nodePath from 'path';
import { DEFAULT_READ_LIMIT, DirEntry, EntryType, FileRefusedError, FileStat, ReadOptions, tooLarge, WritableFileSystem } from './fs';

/** Never read through these, whatever links lead there (a device or a process's memory is no file). */
const SYSTEM_PATHS = /^\/(dev|proc|sys)(\/|$)/;

// O_NONBLOCK: opening a FIFO that slipped in after the type check returns at once instead of
// waiting for a writer. O_NOFOLLOW: the resolved path must not have become a link since.
const OPEN_FLAGS = fsConstants.O_RDONLY | (fsConstants.O_NONBLOCK ?? 0) | (fsConstants.O_NOFOLLOW ?? 0);

const READ_CHUNK = 1024 * 1024;

function notRegular(st: Stats): string | undefined {
  if (st.isFile()) return undefined;
  const what = st.isFIFO() ? 'a FIFO (named pipe)'
    : st.isCharacterDevice() ? 'a character device'
    : st.isBlockDevice() ? 'a block device'
    : st.isSocket() ? 'a socket'
    : st.isDirectory() ? 'a folder'
    : 'not a file';
  return `not read: ${what}, not a regular file`;
}

function inside(path: string, root: string): boolean {
  return path === root || path.startsWith(root.endsWith(nodePath.sep) ? root : root + nodePath.sep);
}

/**
 * Reads a regular file with every guard the FileSystem contract asks for. `within` (a real path,
 * links resolved) confines the read to that folder; without it (a model file the user named) the
 * file may be anywhere but must still be a regular file under the cap. `label` names the file in
 * errors.
 */
export async function readRegularFile(abs: string, label: string, options: ReadOptions & { within?: string } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_READ_LIMIT;
  // lstat first: a missing file fails here as it always did (ENOENT), before anything is resolved.
  const linkStat = await fsp.lstat(abs);
  // realpath also resolves links in the folders above the file, which lstat does not see.
  const real = options.within !== undefined || linkStat.isSymbolicLink() ? await fsp.realpath(abs) : abs;
  if (options.within !== undefined && !inside(real, options.within)) {
    throw new FileRefusedError(label, 'outside-workspace', 'not read: a symbolic link that leads outside the workspace folder');
  }
  if (SYSTEM_PATHS.test(real) && (options.within === undefined || !SYSTEM_PATHS.test(options.within))) {
    throw new FileRefusedError(label, 'not-regular', 'not read: a system path (/dev, /proc or /sys), not a regular file');
  }
  const st = real === abs ? linkStat : await fsp.stat(real);
  const refusal = notRegular(st);
  if (refusal) throw new FileRefusedError(label, 'not-regular', refusal);
  if (st.size > maxBytes) throw tooLarge(label, maxBytes, st.size);
  const handle = await fsp.open(real, OPEN_FLAGS);
  try {
    // The type again on what was opened: something swapped in after the checks is refused too.
    const opened = await handle.stat();
    const swapped = notRegular(opened);
    if (swapped) throw new FileRefusedError(label, 'not-regular', swapped);
    // Read in bounded steps up to one byte past the cap, so a file that grows is caught too.
    let buffer = Buffer.allocUnsafe(Math.min(Math.max(opened.size + 1, 1024), maxBytes + 1));
    let length = 0;
    for (;;) {
      if (length === buffer.length) {
        if (length > maxBytes) throw tooLarge(label, maxBytes, undefined);
        const grown = Buffer.allocUnsafe(Math.min(buffer.length * 2, maxBytes + 1));
        buffer.copy(grown, 0, 0, length);
        buffer = grown;
      }
      const { bytesRead } = await handle.read(buffer, length, Math.min(buffer.length - length, READ_CHUNK), null);
      if (bytesRead === 0) break;
      length += bytesRead;
    }
    if (length > maxBytes) throw tooLarge(label, maxBytes, undefined);
    return new Uint8Array(buffer.buffer, buffer.byteOffset, length);
  } finally {
    await handle.close();
  }
}

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

  private realRootPromise: Promise<string> | undefined;

  /** The root with its links resolved: what a read's resolved path must stay within. */
  realRoot(): Promise<string> {
    return (this.realRootPromise ??= fsp.realpath(this.root).catch(() => this.root));
  }

  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    return readRegularFile(this.abs(path), path, { ...options, within: await this.realRoot() });
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
