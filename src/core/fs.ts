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

/**
 * The ceiling for any single read that names no smaller one (a progress file, a model): far above
 * anything legitimate, far below what would exhaust memory.
 */
export const DEFAULT_READ_LIMIT = 32 * 1024 * 1024;

export interface ReadOptions {
  /** Refuse a file larger than this many bytes: checked before reading and enforced while reading. Default DEFAULT_READ_LIMIT. */
  maxBytes?: number;
}

export type RefusalReason = 'not-regular' | 'outside-workspace' | 'too-large';

/**
 * A read refused on purpose, not an I/O failure: the file is a FIFO, device, socket or folder, a
 * symbolic link (or a path through one) that leaves the workspace folder, or it is over the size
 * cap. The message is the one-line note to show; it never names where a link points.
 */
export class FileRefusedError extends Error {
  readonly code = 'EREFUSED';
  constructor(
    readonly path: string,
    readonly reason: RefusalReason,
    message: string,
    /** For 'too-large': the size seen (at least maxBytes + 1). */
    readonly size?: number,
  ) {
    super(message);
    this.name = 'FileRefusedError';
  }
}

export function isRefused(e: unknown): e is FileRefusedError {
  return e instanceof FileRefusedError || (!!e && (e as { code?: unknown }).code === 'EREFUSED');
}

/** `size` undefined: the file grew past the cap while being read. */
export function tooLarge(path: string, maxBytes: number, size: number | undefined): FileRefusedError {
  const seen = size === undefined ? 'it grew while being read' : formatSize(size);
  return new FileRefusedError(path, 'too-large', `larger than ${formatSize(maxBytes)} (${seen})`, size ?? maxBytes + 1);
}

export function formatSize(n: number): string {
  if (n >= 1024 * 1024 && n % (1024 * 1024) === 0) return `${n / (1024 * 1024)} MiB`;
  if (n >= 1024 * 1024) return `${(n / (1024 * 1024)).toFixed(1)} MiB`;
  if (n >= 1024) return `${(n / 1024).toFixed(n % 1024 === 0 ? 0 : 1)} KiB`;
  return `${n} bytes`;
}

export interface FileSystem {
  /**
   * How many calls are worth having in flight at once; unset means the reader's default. A file
   * system whose every call is a round trip (vscode.workspace.fs) wants more than a local disk.
   */
  readonly concurrency?: number;
  /**
   * The one way any file of the workspace is read. Implementations refuse (FileRefusedError)
   * anything but a regular file, a path that resolves outside the root (symbolic links are
   * followed only inside it; never into /dev, /proc or /sys), and a file over `maxBytes`, which
   * is checked before reading and enforced while reading. Opening never blocks (a FIFO is refused
   * before it is opened).
   */
  readFile(path: string, options?: ReadOptions): Promise<Uint8Array>;
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
const utf16le = new TextDecoder('utf-16le', { fatal: true });
const utf16be = new TextDecoder('utf-16be', { fatal: true });

export type DecodedText = { text: string } | { error: string };

/**
 * Decodes UTF-8 (with or without BOM), and UTF-16 with its BOM (as Windows tools write it).
 * Line endings of a lone CR (classic Mac) become LF, so line numbers match what an editor shows;
 * CRLF is kept (offsets into the text stay those of the file). Binary or undecodable content gives
 * an error, not garbage.
 */
export function decodeText(bytes: Uint8Array): DecodedText {
  let text: string;
  const bom16 = bytes.length >= 2 && ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff));
  if (bom16) {
    try {
      text = (bytes[0] === 0xff ? utf16le : utf16be).decode(bytes);
    } catch {
      return { error: 'not valid UTF-16 text' };
    }
    if (text.includes('\0')) return { error: 'binary file (contains NUL characters)' };
  } else {
    const probe = bytes.subarray(0, Math.min(bytes.length, 8000));
    if (probe.includes(0)) return { error: 'binary file (contains NUL bytes)' };
    try {
      text = decoder.decode(bytes);
    } catch {
      return { error: 'not valid UTF-8 text' };
    }
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  return { text: text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text };
}
