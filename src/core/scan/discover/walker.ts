// Walks a workspace through the FileSystem interface and lists the files the engine cares about.
//
// It reads only what it must: directory listings; `.gitignore` files (and `.git/info/exclude`);
// a stat (size, mtime) of each classified file; and the content of generic YAML files whose kind
// depends on it (needsContent), only when they are within maxFileSize (the interface has no
// partial read, so the whole file is read and its first 4 KB looked at).
//
// Ignoring: DEFAULT_EXCLUDES plus `exclude` (gitignore syntax, relative to the root) take
// precedence over everything; then each folder's .gitignore (deeper first) and .git/info/exclude,
// as git does. The walker never descends into an ignored folder, so nothing inside it can be
// re-included (git's rule). A `.git` entry is never descended into.
//
// Repositories: a folder holding `.git` (folder or file) is a repository root; files below it are
// classified by their path relative to it (so `.github/workflows` of each clone in a folder of
// clones is found), and ignore files above it do not apply inside it.
//
// Symlinks: the interface has no realpath, so symlinked folders are not descended into by
// default. With followSymlinks they are, but never from inside another followed symlink (at most
// one hop), and maxDepth bounds the walk either way, so loops cannot hang it.
import { Limiter } from '../../concurrency';
import { decodeText, DirEntry, FileSystem, formatSize, isRefused, joinPath } from '../../fs';
import { isCiKind } from '../ci/registry';
import { classify, ClassifyContext, CONTENT_SNIFF_BYTES, needsContent } from './classify';
import { IgnoreMatcher } from './ignore';
export { isTestOrExamplePath } from './fileNames';
import { FileKind } from '../types';

/**
 * Folders nobody wants scanned (dependencies, build output, caches, IDE state). Folder-only
 * patterns, except `build/`: many projects keep their CI definitions there (`build/*.yml`,
 * `build/azure-pipelines/`, `build/pipelines/`), so only the rest of it is pruned.
 */
export const DEFAULT_EXCLUDES: readonly string[] = [
  '**/build/*', '!**/build/*.yml', '!**/build/*.yaml', '!**/build/azure-pipelines/', '!**/build/pipelines/',
  'node_modules/', 'vendor/', '.git/', 'dist/', 'out/', 'target/', 'bin/', 'obj/', '.venv/', 'venv/',
  '__pycache__/', '.tox/', '.gradle/', '.idea/', 'coverage/', '.next/', '.nuxt/', 'bower_components/',
  'jspm_packages/', 'Pods/',
];

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Folders CI systems read their definitions from, relative to a repository's root. */
const CI_DEFINITION_DIRS = new Set(['.github', '.github/workflows', '.circleci', '.gitlab', '.buildkite', '.tekton', '.woodpecker', '.azure-pipelines', '.azuredevops', '.pipelines']);

/** An ignore file over this is not read (real ones are a few KB); its patterns then do not apply. */
export const MAX_IGNORE_FILE_SIZE = 1024 * 1024;
export const DEFAULT_MAX_FILES = 500_000;
export const DEFAULT_MAX_DEPTH = 64;
export const DEFAULT_YIELD_EVERY = 256;
export const DEFAULT_CONCURRENCY = 8;

export interface WalkOptions {
  /**
   * Gitignore-style patterns (relative to the root) applied on top of DEFAULT_EXCLUDES, with
   * precedence over .gitignore files. `!vendor/` re-includes a default.
   */
  exclude?: readonly string[];
  /** Apply DEFAULT_EXCLUDES. Default true. */
  defaultExcludes?: boolean;
  /** Honour .gitignore files and .git/info/exclude. Default true. */
  respectGitignore?: boolean;
  /** Match ignore patterns case-insensitively (git's core.ignoreCase). Default false. */
  ignoreCase?: boolean;
  /** Larger files are listed with a problem and not read. Default 1 MiB. */
  maxFileSize?: number;
  /** Stop after this many files (a safety cap; the result says when it was hit). Default 500000. */
  maxFiles?: number;
  /** Folders deeper than this are not scanned (a problem says so). Default 64. */
  maxDepth?: number;
  /** Descend into symlinked folders (at most one symlink hop). Default false. */
  followSymlinks?: boolean;
  /** Cancellation: checked between entries; the walk then returns what it has with `cancelled: true`. */
  signal?: { readonly aborted: boolean };
  /** Await yieldFn after this many directory entries, so an editor host is never blocked for long. Default 256; 0 disables. */
  yieldEvery?: number;
  /** How to yield; default a macrotask (setImmediate, else setTimeout 0). */
  yieldFn?: () => Promise<void>;
  /**
   * Folders read at the same time; the stats and reads of files run with up to twice as many calls
   * in flight. Default: the file system's `concurrency`, else 8.
   */
  concurrency?: number;
}

export interface WalkedFile {
  /** Root-relative path. */
  path: string;
  kind: FileKind;
  size: number;
  mtime: number;
}

export interface WalkProblem {
  path: string;
  message: string;
}

export interface WalkStats {
  /** Folders listed. */
  directories: number;
  /** Directory entries looked at. */
  entries: number;
  /** Entries skipped by an ignore pattern (an ignored folder counts once). */
  ignored: number;
  /** Files over maxFileSize (listed ones and unread generic YAML). */
  skippedLarge: number;
  durationMs: number;
}

export interface WalkResult {
  /** Classified files, sorted by path. */
  files: WalkedFile[];
  problems: WalkProblem[];
  stats: WalkStats;
  /** The signal was aborted: the result is partial. */
  cancelled: boolean;
  /** maxFiles was hit: the result is partial (a problem says so too). */
  truncated: boolean;
  /** Folders holding `.git` (repository roots), '' for the root itself. */
  repoRoots: string[];
  /** Folders holding a Chart.yaml (Helm charts), root-relative. */
  chartDirs: string[];
  /** The ignore rules the walk applied (defaults, options, every .gitignore and exclude file read). */
  ignore: IgnoreMatcher;
}

function defaultYield(): Promise<void> {
  const g = globalThis as { setImmediate?: (cb: () => void) => unknown };
  return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}

/** The one note for a file over the size limit (walker and index say it the same way). */
export function largeFileNote(size: number, maxFileSize: number): string {
  return `skipped: larger than ${formatSize(maxFileSize)} (${formatSize(size)}); see the dsomm.maxFileSize setting`;
}

function errorText(e: unknown): string {
  if (e && typeof e === 'object') {
    const o = e as { code?: unknown; message?: unknown };
    if (typeof o.code === 'string' && typeof o.message === 'string' && !o.message.includes(o.code)) return `${o.code}: ${o.message}`;
    if (typeof o.message === 'string') return o.message;
  }
  return String(e);
}

const sniffDecoder = new TextDecoder('utf-8');

interface DirTask {
  path: string;
  depth: number;
  viaSymlink: boolean;
  repoRoot: string;
}

export async function walkWorkspace(fs: FileSystem, options: WalkOptions = {}): Promise<WalkResult> {
  const started = Date.now();
  const maxFileSize = options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  const maxFiles = options.maxFiles ?? DEFAULT_MAX_FILES;
  const maxDepth = options.maxDepth ?? DEFAULT_MAX_DEPTH;
  const respectGitignore = options.respectGitignore ?? true;
  const followSymlinks = options.followSymlinks ?? false;
  const yieldEvery = options.yieldEvery ?? DEFAULT_YIELD_EVERY;
  const yieldFn = options.yieldFn ?? defaultYield;
  const concurrency = Math.max(1, options.concurrency ?? fs.concurrency ?? DEFAULT_CONCURRENCY);
  // Files of all folders being read share one bound, so a folder of thousands cannot flood the host.
  const fileIo = new Limiter(concurrency * 2);
  const signal = options.signal;

  // A .gitignore hides only untracked files, and a pipeline definition is tracked (the CI system
  // reads it from the repository): a `.*` pattern, common in .gitignore files, must not hide
  // .gitlab-ci.yml or .github/workflows.
  const tracked = (path: string, isDir: boolean): boolean => {
    const repoRoot = repoRoots.reduce((best, r) => (r.length > best.length && path.startsWith(r + '/') ? r : best), '');
    if (isDir) return CI_DEFINITION_DIRS.has(repoRoot === '' ? path : path.slice(repoRoot.length + 1));
    const kind = firstLook(path, repoRoot)?.kind;
    return kind !== undefined && isCiKind(kind);
  };
  const matcher = new IgnoreMatcher({ ignoreCase: options.ignoreCase, tracked });
  matcher.addOverrides([...(options.defaultExcludes === false ? [] : DEFAULT_EXCLUDES), ...(options.exclude ?? [])]);

  const files: WalkedFile[] = [];
  const problems: WalkProblem[] = [];
  const stats: WalkStats = { directories: 0, entries: 0, ignored: 0, skippedLarge: 0, durationMs: 0 };
  const chartDirs = new Set<string>();
  const repoRoots: string[] = [];
  let fileCount = 0;
  let sinceYield = 0;
  let cancelled = false;
  let truncated = false;

  const stopped = (): boolean => {
    if (!cancelled && signal?.aborted) cancelled = true;
    return cancelled || truncated;
  };

  /** Counts an entry; true when it is time to yield (the caller awaits yieldFn, so entries cost no promise). */
  const due = (): boolean => {
    if (yieldEvery > 0 && ++sinceYield >= yieldEvery) {
      sinceYield = 0;
      return true;
    }
    return false;
  };

  const readIgnoreFile = async (path: string): Promise<string | undefined> => {
    try {
      const decoded = decodeText(await fs.readFile(path, { maxBytes: MAX_IGNORE_FILE_SIZE }));
      if ('error' in decoded) {
        problems.push({ path, message: `not read: ${decoded.error}` });
        return undefined;
      }
      return decoded.text;
    } catch (e) {
      const refused = isRefused(e) ? e : undefined;
      if (refused?.reason === 'too-large') problems.push({ path, message: `not read: ${refused.message}; its patterns do not apply` });
      else problems.push({ path, message: refused ? refused.message : `cannot read: ${errorText(e)}` });
      return undefined;
    }
  };

  const classifyContexts = new Map<string, ClassifyContext>();
  const contextFor = (repoRoot: string): ClassifyContext => {
    let ctx = classifyContexts.get(repoRoot);
    if (!ctx) classifyContexts.set(repoRoot, (ctx = { isChartDir: (d) => chartDirs.has(joinPath(repoRoot, d)) }));
    return ctx;
  };

  /** Most files are none of ours: decided synchronously, without a stat or a promise. */
  const firstLook = (path: string, repoRoot: string): { rel: string; kind: FileKind | undefined } | undefined => {
    const rel = repoRoot === '' ? path : path.slice(repoRoot.length + 1);
    const kind = classify(rel, undefined, contextFor(repoRoot));
    if (kind === undefined && !needsContent(rel)) return undefined;
    return { rel, kind };
  };

  const handleFile = async (path: string, repoRoot: string, rel: string, firstKind: FileKind | undefined): Promise<void> => {
    const ctx = contextFor(repoRoot);
    let kind = firstKind;
    const sniff = kind === undefined;

    let size: number;
    let mtime: number;
    try {
      const st = await fs.stat(path);
      size = st.size;
      mtime = st.mtime;
    } catch (e) {
      if (kind !== undefined) problems.push({ path, message: `cannot stat: ${errorText(e)}` });
      return;
    }

    if (size > maxFileSize) {
      stats.skippedLarge++;
      // A generic YAML file cannot be classified without reading it: leave it out quietly.
      if (kind === undefined) return;
      problems.push({ path, message: largeFileNote(size, maxFileSize) });
      files.push({ path, kind, size, mtime });
      return;
    }

    if (sniff) {
      let bytes: Uint8Array;
      try {
        bytes = await fs.readFile(path, { maxBytes: maxFileSize });
      } catch {
        return; // it may not be one of ours; say nothing
      }
      const head = bytes.subarray(0, CONTENT_SNIFF_BYTES);
      if (head.includes(0)) return;
      kind = classify(rel, sniffDecoder.decode(head), ctx);
      if (kind === undefined) return;
    }
    files.push({ path, kind: kind!, size, mtime });
  };

  const handleDir = async (task: DirTask, push: (t: DirTask) => void): Promise<void> => {
    let entries: DirEntry[];
    try {
      entries = await fs.readDirectory(task.path);
    } catch (e) {
      problems.push({ path: task.path, message: `cannot read folder: ${errorText(e)}` });
      return;
    }
    stats.directories++;
    entries = [...entries].sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));

    let repoRoot = task.repoRoot;
    const git = entries.find((e) => e.name === '.git');
    if (git) {
      repoRoot = task.path;
      repoRoots.push(task.path);
      matcher.addRepoRoot(task.path);
      if (respectGitignore && git.type === 'directory') {
        const excludePath = joinPath(task.path, '.git/info/exclude');
        try {
          const st = await fs.stat(excludePath);
          if (st.type === 'file') {
            const text = await readIgnoreFile(excludePath);
            if (text !== undefined) for (const message of matcher.addExcludeFile(task.path, text, excludePath)) problems.push({ path: excludePath, message });
          }
        } catch {
          // no exclude file
        }
      }
    }
    if (respectGitignore) {
      const gi = entries.find((e) => e.name === '.gitignore' && e.type === 'file');
      if (gi) {
        const giPath = joinPath(task.path, '.gitignore');
        const text = await readIgnoreFile(giPath);
        if (text !== undefined) for (const message of matcher.addIgnoreFile(task.path, text, giPath)) problems.push({ path: giPath, message });
      }
    }
    if (entries.some((e) => e.name === 'Chart.yaml' && e.type === 'file')) chartDirs.add(task.path);

    const prefix = task.path === '' ? '' : task.path + '/';
    // The files of a folder are stat'ed (and sniffed) concurrently: awaited one by one, their round
    // trips would add up.
    const fileWork: Promise<void>[] = [];
    for (const entry of entries) {
      if (stopped()) break;
      stats.entries++;
      if (due()) await yieldFn();
      if (entry.name === '.git') continue;
      // Entry names hold no '/', so this is joinPath(task.path, entry.name) without its regex.
      const path = prefix + entry.name;
      if (entry.type === 'other') {
        // A FIFO, device, socket or dangling link is never read; under one of our names it gets a note.
        const look = firstLook(path, repoRoot);
        if (look?.kind !== undefined && !matcher.match(path, false)?.ignored) {
          // The guarded read refuses it before opening anything, and says what it is.
          fileWork.push(fileIo.run(() => fs.readFile(path, { maxBytes: maxFileSize }).then(
            () => undefined,
            (e) => void problems.push({ path, message: isRefused(e) ? e.message : `not read: ${entry.symlink ? 'a symbolic link to no regular file' : 'not a regular file'}` }),
          )));
        }
        continue;
      }
      const isDir = entry.type === 'directory';
      if (matcher.match(path, isDir)?.ignored) {
        stats.ignored++;
        continue;
      }
      if (isDir) {
        if (entry.symlink && (!followSymlinks || task.viaSymlink)) continue;
        if (task.depth + 1 > maxDepth) {
          problems.push({ path, message: `not scanned: more than ${maxDepth} folders deep` });
          continue;
        }
        push({ path, depth: task.depth + 1, viaSymlink: task.viaSymlink || entry.symlink, repoRoot });
      } else {
        if (++fileCount > maxFiles) {
          truncated = true;
          problems.push({ path: '', message: `stopped after ${maxFiles} files (maxFiles); the scan is incomplete` });
          break;
        }
        const look = firstLook(path, repoRoot);
        if (look) fileWork.push(fileIo.run(() => (cancelled ? Promise.resolve() : handleFile(path, repoRoot, look.rel, look.kind))));
      }
    }
    await Promise.all(fileWork);
  };

  // A small pool of workers over a stack of folders (depth-first keeps the stack small).
  const stack: DirTask[] = [{ path: '', depth: 0, viaSymlink: false, repoRoot: '' }];
  let active = 0;
  await new Promise<void>((resolve, reject) => {
    const pump = (): void => {
      while (active < concurrency && stack.length > 0 && !stopped()) {
        const task = stack.pop()!;
        active++;
        const children: DirTask[] = [];
        handleDir(task, (t) => children.push(t)).then(
          () => {
            active--;
            // Reverse so the first child (by name) is popped first.
            for (let i = children.length - 1; i >= 0; i--) stack.push(children[i]);
            pump();
          },
          (e) => {
            active--;
            reject(e instanceof Error ? e : new Error(String(e)));
          },
        );
      }
      if (active === 0 && (stack.length === 0 || stopped())) resolve();
    };
    pump();
  });

  files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  stats.durationMs = Date.now() - started;
  repoRoots.sort();
  return { files, problems, stats, cancelled, truncated, repoRoots, chartDirs: [...chartDirs].sort(), ignore: matcher };
}

