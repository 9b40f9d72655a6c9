// The one way the core touches files. The CLI passes a node `fs` implementation
// (nodeFileSystem.ts); the extension passes one over `vscode.workspace.fs`, which also
// serves remote and virtual workspaces. Paths are always '/'-separated and relative to
// the root the implementation was created for ('' is the root itself).

export type EntryType = 'file' | 'directory' | 'other';

export interface DirEntry {
  name: string;
  type: EntryType;
  /** True when the entry is a symbolic link (its `type` is the type of the target). */
  symlink: boolean;
}

export interface FileStat {
  type: EntryType;
  size: number;
  /** Modification time in ms since the epoch (0 when unknown). */
  mtime: number;
}

export interface FileSystem {
  /**
   * How many calls are worth having in flight at once; unset means the reader's default. A file
   * system whose every call is a round trip (vscode.workspace.fs) wants more than a local disk.
   */
  readonly concurrency?: number;
  readFile(path: string): Promise<Uint8Array>;
  readDirectory(path: string): Promise<DirEntry[]>;
  stat(path: string): Promise<FileStat>;
}

/** A file system that can also write (the progress store needs it; scanning never writes). */
export interface WritableFileSystem extends FileSystem {
  writeFile(path: string, data: Uint8Array): Promise<void>;
  rename(from: string, to: string, options: { overwrite: boolean }): Promise<void>;
  delete(path: string): Promise<void>;
  createDirectory(path: string): Promise<void>;
  /**
   * Creates `path` with `data` only if nothing exists there yet: true when created, false when
   * the path already existed (nothing written). The progress store's lock files rely on it, so
   * it must be atomic wherever the platform allows.
   */
  createExclusive(path: string, data: Uint8Array): Promise<boolean>;
}

export function joinPath(...parts: string[]): string {
  return parts.filter((p) => p !== '' && p !== '.').join('/').replace(/\/+/g, '/');
}

export function dirname(path: string): string {
  const i = path.lastIndexOf('/');
  return i < 0 ? '' : path.slice(0, i);
}

export function basename(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** Resolves `rel` against the folder `dir` (both root-relative); returns undefined when it leaves the root. */
export function resolvePath(dir: string, rel: string): string | undefined {
  const out: string[] = rel.startsWith('/') ? [] : dir.split('/').filter(Boolean);
  for (const seg of rel.split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') {
      if (out.length === 0) return undefined;
      out.pop();
    } else out.push(seg);
  }
  return out.join('/');
}

const decoder = new TextDecoder('utf-8', { fatal: true });

export type DecodedText = { text: string } | { error: string };

/** Decodes UTF-8 (with or without BOM). Binary or non-UTF-8 content gives an error, not garbage. */
export function decodeText(bytes: Uint8Array): DecodedText {
  const probe = bytes.subarray(0, Math.min(bytes.length, 8000));
  if (probe.includes(0)) return { error: 'binary file (contains NUL bytes)' };
  try {
    const text = decoder.decode(bytes);
    return { text: text.charCodeAt(0) === 0xfeff ? text.slice(1) : text };
  } catch {
    return { error: 'not valid UTF-8 text' };
  }
}

export async function readText(fs: FileSystem, path: string): Promise<string> {
  const decoded = decodeText(await fs.readFile(path));
  if ('error' in decoded) throw new Error(`${path}: ${decoded.error}`);
  return decoded.text;
}
