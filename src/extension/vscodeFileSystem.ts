// The core's FileSystem over vscode.workspace.fs, rooted at a folder URI. Going through
// workspace.fs (never node fs) is what makes remote (SSH, WSL, containers) and virtual
// workspaces work.
import { promises as fsp } from 'fs';
import * as vscode from 'vscode';
import { DEFAULT_READ_LIMIT, DirEntry, EntryType, FileRefusedError, FileStat, ReadOptions, tooLarge, WritableFileSystem } from '../core/fs';
import { readRegularFile } from '../core/nodeFileSystem';

/**
 * Reads `uri` under the FileSystem contract's guards. `file:` URIs (local, and remote folders:
 * the extension runs beside the files) take node's guarded read, confined to the folder `within`
 * (a real path) when given.
 * Other file systems cannot say where a link leads, so links are refused there; the type and size
 * come from stat and the size is checked again after the read (workspace.fs has no partial read).
 */
export async function readUriBounded(uri: vscode.Uri, label: string, options: ReadOptions & { within?: string } = {}): Promise<Uint8Array> {
  const maxBytes = options.maxBytes ?? DEFAULT_READ_LIMIT;
  if (uri.scheme === 'file') return readRegularFile(uri.fsPath, label, { maxBytes, within: options.within });
  const st = await vscode.workspace.fs.stat(uri);
  if (st.type & vscode.FileType.SymbolicLink) {
    throw new FileRefusedError(label, 'outside-workspace', 'not read: a symbolic link, and this file system cannot tell where it leads');
  }
  if (!(st.type & vscode.FileType.File)) throw new FileRefusedError(label, 'not-regular', `not read: ${st.type & vscode.FileType.Directory ? 'a folder' : 'not a file'}, not a regular file`);
  if (st.size > maxBytes) throw tooLarge(label, maxBytes, st.size);
  const bytes = await vscode.workspace.fs.readFile(uri);
  if (bytes.length > maxBytes) throw tooLarge(label, maxBytes, undefined);
  return bytes;
}

function typeOf(t: vscode.FileType): EntryType {
  if (t & vscode.FileType.Directory) return 'directory';
  if (t & vscode.FileType.File) return 'file';
  return 'other';
}

export class VscodeFileSystem implements WritableFileSystem {
  /**
   * Every workspace.fs call is a round trip through the workbench (measured in code-server: ~9 ms
   * each one after the other, 10–25 ms on a busy machine; 100 at once in ~5–13 ms), so the index
   * keeps many in flight.
   */
  readonly concurrency = 64;

  constructor(readonly root: vscode.Uri) {}

  uri(path: string): vscode.Uri {
    return path === '' ? this.root : vscode.Uri.joinPath(this.root, ...path.split('/'));
  }

  private realRoot: Promise<string> | undefined;

  async readFile(path: string, options?: ReadOptions): Promise<Uint8Array> {
    const within = this.root.scheme === 'file' ? await (this.realRoot ??= fsp.realpath(this.root.fsPath).catch(() => this.root.fsPath)) : undefined;
    return readUriBounded(this.uri(path), path, { ...options, within });
  }

  async readDirectory(path: string): Promise<DirEntry[]> {
    const entries = await vscode.workspace.fs.readDirectory(this.uri(path));
    return entries.map(([name, t]) => ({ name, type: typeOf(t), symlink: (t & vscode.FileType.SymbolicLink) !== 0 }));
  }

  async stat(path: string): Promise<FileStat> {
    const s = await vscode.workspace.fs.stat(this.uri(path));
    return { type: typeOf(s.type), size: s.size, mtime: s.mtime };
  }

  async writeFile(path: string, data: Uint8Array): Promise<void> {
    await vscode.workspace.fs.writeFile(this.uri(path), data);
  }

  async rename(from: string, to: string, options: { overwrite: boolean }): Promise<void> {
    await vscode.workspace.fs.rename(this.uri(from), this.uri(to), options);
  }

  async delete(path: string): Promise<void> {
    await vscode.workspace.fs.delete(this.uri(path), { useTrash: false });
  }

  async createDirectory(path: string): Promise<void> {
    await vscode.workspace.fs.createDirectory(this.uri(path));
  }

  /**
   * workspace.fs has no exclusive create. On `file:` folders (local, and remote ones: the
   * extension runs next to the files) node's O_EXCL is atomic. Elsewhere a temporary file is
   * renamed without overwrite, which providers refuse when the target exists (a small window).
   */
  async createExclusive(path: string, data: Uint8Array): Promise<boolean> {
    const target = this.uri(path);
    if (target.scheme === 'file') {
      try {
        await fsp.writeFile(target.fsPath, data, { flag: 'wx' });
        return true;
      } catch (e) {
        if ((e as { code?: string }).code === 'EEXIST') return false;
        throw e;
      }
    }
    const tmp = this.uri(`${path}.${Math.random().toString(36).slice(2, 10)}.tmp`);
    await vscode.workspace.fs.writeFile(tmp, data);
    try {
      await vscode.workspace.fs.rename(tmp, target, { overwrite: false });
      return true;
    } catch (e) {
      await vscode.workspace.fs.delete(tmp).then(undefined, () => undefined);
      if (e instanceof vscode.FileSystemError && e.code === 'FileExists') return false;
      throw e;
    }
  }
}
