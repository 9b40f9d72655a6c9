// The workspace index: every relevant file, parsed once and cached by content, with its
// facts. The extension keeps one per workspace folder and calls update() from its file
// watcher; the CLI builds one and evaluates it once.
import { forEachLimit } from '../concurrency';
import { basename, decodeText, dirname, FileSystem, isRefused } from '../fs';
import { Catalogue } from './detect/catalogue';
import { classify, isContainerKind, needsContent } from './discover/classify';
import { ciFacts, emptyFacts, FactsContext, FileFacts, preCommitCiFacts, SupportFile, SupportRequest } from './detect/facts';
import { isRootPath, parseFile, ParsedFile, parseCiFragment } from './parse/parseFile';
import { parseMakefile, makeContext, makeDependencies, parsePackageScripts, powershellLinesOfScript } from './parse/indirection';
import { shellLinesOfScript } from './parse/shell';
import { parseReleaseConfig } from './parse/releaseConfigs';
import { parseRunnerFile, RunnerKind } from './parse/runners';
import { commandLines, mappedLoc, parseDockerfile } from './parse/containers/dockerfile';
import { CI_KINDS, isCiKind } from './ci/registry';
import { CiKind, FileKind, FileProblem, ShellLine } from './types';
import { IgnoreMatcher } from './discover/ignore';
import { DEFAULT_CONCURRENCY, isTestOrExamplePath, largeFileNote, walkWorkspace, WalkOptions } from './discover/walker';
import { isDevOnlyContainerPath } from './discover/fileNames';

export interface IndexOptions {
  exclude?: string[];
  respectGitignore?: boolean;
  /** Files larger than this are listed with a note and not read (default 1 MiB). */
  maxFileSize?: number;
  /** Count container files in test/fixture/example folders too (default false). */
  includeTestFolders?: boolean;
  /** Lets a host (the editor) breathe during long walks. */
  yieldFn?: () => Promise<void>;
  /** Called once the walk knows which files it will read (the editor shows "Indexing N files…"). */
  onFilesFound?: (count: number) => void;
  /** File-system calls in flight at once. Default: the file system's `concurrency`, else 8. */
  concurrency?: number;
  signal?: AbortSignal;
}

export interface IndexEntry {
  path: string;
  kind: FileKind;
  size: number;
  hash?: string;
  parsed?: ParsedFile;
  problems: FileProblem[];
  facts?: FileFacts;
  /** Container files in test/fixture/example folders, outside the container checks by default. */
  outOfScope: boolean;
}

/** Kinds whose content the index reads and parses up front; the others only need to exist. */
const PARSED_KINDS = new Set<FileKind>([
  ...CI_KINDS,
  'dockerfile', 'compose', 'kubernetes', 'helm-chart', 'helm-values', 'kustomization', 'ko-config',
  'dependabot', 'renovate', 'pre-commit',
]);

/** Whether the index reads and parses a file: the PARSED_KINDS, and the root package.json (a Renovate config may live in it). */
function isParsed(kind: FileKind, path: string): boolean {
  return PARSED_KINDS.has(kind) || (kind === 'package-json' && isRootPath(path));
}

export const DEFAULT_MAX_FILE_SIZE = 1024 * 1024;

/** Names whose arrival or change alters how other files are ignored or classified. */
const LAYOUT_NAMES = new Set(['.gitignore', '.git']);
/** A folder arriving with more entries than this is walked with the whole workspace. */
const MAX_ARRIVED_ENTRIES = 2000;

/** FNV-1a over the text: enough to tell "same content" for a cache key. */
export function contentHash(text: string): string {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return (h >>> 0).toString(16) + ':' + text.length;
}

export class WorkspaceIndex {
  /** Replaced as a whole by build(), so readers never see a half-built index (hovers during a rebuild). */
  private entries = new Map<string, IndexEntry>();
  /**
   * Files reached through indirection (Makefiles, scripts, package.json, CI fragments), by path
   * and by how they were read. Kept until update() hears of a change at or above the path (or a
   * rebuild), so re-evaluating a workflow neither stats nor reads the files it calls again.
   * Also remembers paths that could not be read, for the same reason.
   */
  private readonly supportCache = new Map<string, Map<string, Promise<SupportFile | undefined>>>();
  /**
   * Folder → names of the files in it, for folders where make is run: `make` tries GNUmakefile,
   * makefile and Makefile in turn, and one listing costs less than two failed reads.
   */
  private readonly listings = new Map<string, Promise<Set<string> | undefined>>();
  /** True when the root is a git work tree (`.git` exists). */
  isGitRepository = false;
  walkProblems: { path: string; message: string }[] = [];
  /** Files reached through indirection that were refused (a FIFO, a device, a link out of the folder, too large). */
  private readonly refusedSupport = new Map<string, string>();

  /** The files the pipelines point at that were refused, with the one-line note for each. */
  refusedReads(): ReadonlyMap<string, string> {
    return this.refusedSupport;
  }
  /** What the last walk knew, so update() classifies and ignores a changed file as build() would. */
  private ignore = new IgnoreMatcher();
  private repoRoots: string[] = [];
  private chartDirs = new Set<string>();

  constructor(
    readonly fs: FileSystem,
    readonly catalogue: Catalogue,
    readonly options: IndexOptions = {},
  ) {}

  get maxFileSize(): number {
    return this.options.maxFileSize ?? DEFAULT_MAX_FILE_SIZE;
  }

  private get concurrency(): number {
    return Math.max(1, this.options.concurrency ?? this.fs.concurrency ?? DEFAULT_CONCURRENCY);
  }

  all(): IndexEntry[] {
    return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
  }

  get(path: string): IndexEntry | undefined {
    return this.entries.get(path);
  }

  async build(): Promise<void> {
    this.supportCache.clear();
    this.refusedSupport.clear();
    this.listings.clear();
    const walkOptions: WalkOptions = {
      exclude: this.options.exclude,
      respectGitignore: this.options.respectGitignore,
      maxFileSize: this.maxFileSize,
      signal: this.options.signal,
      yieldFn: this.options.yieldFn,
      concurrency: this.options.concurrency,
    };
    const isGit = this.fs.stat('.git').then(() => true, () => false);
    const walked = await walkWorkspace(this.fs, walkOptions);
    this.walkProblems = walked.problems;
    this.ignore = walked.ignore;
    this.repoRoots = walked.repoRoots;
    this.chartDirs = new Set(walked.chartDirs);
    this.isGitRepository = await isGit;
    const entries = new Map<string, IndexEntry>();
    for (const f of walked.files) {
      entries.set(f.path, { path: f.path, kind: f.kind, size: f.size, problems: [], outOfScope: this.outOfScope(f.path, f.kind) });
    }
    this.options.onFilesFound?.(entries.size);
    for (const p of walked.problems) {
      const e = entries.get(p.path);
      if (e) e.problems.push({ message: p.message, severity: 'warning' });
    }
    let n = 0;
    // Reads overlap (each is a round trip in the editor); parsing stays on this thread between them.
    await forEachLimit([...entries.values()], this.concurrency, async (entry) => {
      if (this.options.signal?.aborted) throw new Error('scan cancelled');
      await this.load(entry);
      if (this.options.yieldFn && ++n % 50 === 0) await this.options.yieldFn();
    });
    await this.computeFacts([...entries.values()]);
    this.entries = entries;
  }

  /**
   * Applies file changes (from a watcher). Re-reads only the changed files, re-parses only
   * those whose content changed, and recomputes facts for them and for the CI files that
   * read them. Returns false when nothing that matters changed.
   *
   * Changes that alter how other files are classified or ignored (a .gitignore, an exclude
   * file, a `.git` appearing or going, a Chart.yaml appearing or going, a folder holding one of
   * them moved in) rebuild the index. Another folder moved in adds its files one by one; a
   * deleted folder takes its files with it.
   */
  async update(changes: { path: string; deleted?: boolean }[]): Promise<boolean> {
    let dirty = false;
    const refacts = new Set<IndexEntry>();
    // A folder that arrives with content adds its files to this list.
    const work = [...changes];
    for (let i = 0; i < work.length; i++) {
      const change = work[i];
      const path = change.path.replace(/^\/+|\/+$/g, '');
      if (path === '') continue;
      const layout = await this.changesLayout(path, !!change.deleted);
      if (layout === 'rebuild') {
        await this.build();
        return true;
      }
      if (layout) {
        work.push(...layout.map((p) => ({ path: p })));
        continue;
      }
      if (path.split('/').includes('.git')) continue; // git's own files are never scanned
      // The path may be a folder (deleted, renamed, checked out): what lies below it counts too.
      const below = path + '/';
      const within = (p: string) => p === path || p.startsWith(below);
      // Forget indirection targets there, and re-analyse the CI files that read them: also when
      // one could not be read before (a Makefile created after the workflow that calls it).
      for (const p of [...this.supportCache.keys()]) {
        if (within(p)) {
          this.supportCache.delete(p);
          this.refusedSupport.delete(p);
          dirty = true;
        }
      }
      this.listings.delete(path.includes('/') ? path.slice(0, path.lastIndexOf('/')) : '');
      for (const d of [...this.listings.keys()]) if (within(d)) this.listings.delete(d);
      for (const e of this.entries.values()) {
        if (e.facts && (e.facts.reads.has(path) || [...e.facts.reads].some((r) => r.startsWith(below)))) {
          refacts.add(e);
          dirty = true;
        }
      }
      const existing = this.entries.get(path);
      if (change.deleted) {
        for (const p of [...this.entries.keys()]) {
          if (within(p)) {
            this.entries.delete(p);
            dirty = true;
          }
        }
        continue;
      }
      // A known file's read starts with its stat: two round trips in the editor cost as much as one.
      const read = existing && isParsed(existing.kind, path) ? this.fs.readFile(path, { maxBytes: this.maxFileSize }) : undefined;
      read?.catch(() => undefined); // a failure is reported by load(), or moot when the stat fails
      const stat = await this.fs.stat(path).catch(() => undefined);
      if (!stat || stat.type !== 'file' || this.ignore.isIgnored(path, false)) {
        if (existing) {
          this.entries.delete(path);
          dirty = true;
        }
        continue;
      }
      let kind = existing?.kind ?? this.classifyPath(path);
      if (!kind && needsContent(this.repoRelative(path))) kind = await this.classifyByContent(path);
      if (!kind) continue;
      const entry: IndexEntry = existing ?? { path, kind, size: stat.size, problems: [], outOfScope: this.outOfScope(path, kind) };
      entry.size = stat.size;
      const before = entry.hash;
      await this.load(entry, read);
      this.entries.set(path, entry);
      if (entry.hash !== before || !existing) {
        dirty = true;
        refacts.add(entry);
      }
    }
    if (refacts.size) await this.computeFacts([...refacts].filter((e) => this.entries.get(e.path) === e));
    return dirty;
  }

  /**
   * Could a watcher event for `path` change the assessment? Cheap and conservative (no file-system
   * call), so the editor can drop the events of files it never reads (a saved README, a touched
   * lockfile, build output) before they cost a stat, an update or a log line. update() decides the rest.
   */
  mayMatter(path: string, deleted: boolean): boolean {
    path = path.replace(/^\/+|\/+$/g, '');
    if (path === '') return false;
    const name = basename(path);
    const segments = path.split('/');
    if (segments.slice(0, -1).includes('.git')) return path === '.git/info/exclude' || path.endsWith('/.git/info/exclude');
    if (name === '.gitignore' || name === '.git' || name === 'Chart.yaml') return true;
    // Read by a pipeline (a script it runs, package.json for npm run), or a folder holding such files.
    if (this.supportCache.has(path)) return true;
    const below = path + '/';
    for (const e of this.entries.values()) {
      if (e.path.startsWith(below)) return true;
      if (e.facts && (e.facts.reads.has(path) || [...e.facts.reads].some((r) => r.startsWith(below)))) return true;
    }
    const entry = this.entries.get(path);
    // Files whose existence is all that counts (lockfiles, repository hygiene files): only going away matters.
    if (entry) return deleted || PARSED_KINDS.has(entry.kind);
    if (deleted) return false;
    if (this.classifyPath(path) || needsContent(this.repoRelative(path))) return !this.ignore.isIgnored(path, false);
    // A folder moved in is listed by update() (changesLayout); a name with an extension is taken for a file.
    return !/.\.[^.]+$/.test(name) && !this.ignore.isIgnored(path, true);
  }

  /**
   * Does this change alter how other files are classified or ignored ('rebuild')? A folder that
   * arrives with content (moved, copied or checked out in; `.vscode/` when a setting is first
   * written) gives its files instead, to be taken one by one like new files.
   */
  private async changesLayout(path: string, deleted: boolean): Promise<'rebuild' | string[] | undefined> {
    const name = basename(path);
    if (LAYOUT_NAMES.has(name) || path === '.git/info/exclude' || path.endsWith('/.git/info/exclude')) return 'rebuild';
    if (name === 'Chart.yaml') return deleted === this.chartDirs.has(dirname(path)) ? 'rebuild' : undefined;
    if (deleted || this.entries.has(path)) return undefined;
    const stat = await this.fs.stat(path).catch(() => undefined);
    if (stat?.type !== 'directory' || this.ignore.isIgnored(path, true)) return undefined;
    return this.filesOfArrivedFolder(path);
  }

  /**
   * The files of a folder that arrived, as the walker would list them (ignored entries and linked
   * folders left out; listed through this.fs, so the configuration-file recorder sees them), or
   * 'rebuild' when it holds a .gitignore, a .git or a Chart.yaml (they change how the rest is
   * read) or more than MAX_ARRIVED_ENTRIES entries (a whole walk is then the cheaper way).
   */
  private async filesOfArrivedFolder(folder: string): Promise<'rebuild' | string[]> {
    const files: string[] = [];
    const folders = [folder];
    let seen = 0;
    while (folders.length) {
      const dir = folders.pop()!;
      const entries = await this.fs.readDirectory(dir).catch(() => []);
      seen += entries.length;
      if (seen > MAX_ARRIVED_ENTRIES) return 'rebuild';
      for (const e of entries) {
        if (LAYOUT_NAMES.has(e.name) || e.name === 'Chart.yaml') return 'rebuild';
        const path = `${dir}/${e.name}`;
        if (e.type === 'directory') {
          if (!e.symlink && !this.ignore.isIgnored(path, true)) folders.push(path);
        } else if (!this.ignore.isIgnored(path, false)) files.push(path);
      }
    }
    return files;
  }

  /** The repository a path belongs to: the deepest folder holding `.git` above it ('' for the root). */
  private repoRootOf(path: string): string {
    let best = '';
    for (const r of this.repoRoots) if (r !== '' && r.length > best.length && path.startsWith(r + '/')) best = r;
    return best;
  }

  private repoRelative(path: string): string {
    const root = this.repoRootOf(path);
    return root === '' ? path : path.slice(root.length + 1);
  }

  /** classify() as the walker calls it: repository-relative, knowing which folders are Helm charts. */
  private classifyPath(path: string, firstBytes?: string): FileKind | undefined {
    const root = this.repoRootOf(path);
    const rel = root === '' ? path : path.slice(root.length + 1);
    const isChartDir = (d: string) => this.chartDirs.has(root === '' ? d : d === '' ? root : `${root}/${d}`);
    return classify(rel, firstBytes, { isChartDir });
  }

  private outOfScope(path: string, kind: FileKind): boolean {
    return !this.options.includeTestFolders && !isCiKind(kind) && (isTestOrExamplePath(path) || (isContainerKind(kind) && isDevOnlyContainerPath(path)));
  }

  private async classifyByContent(path: string): Promise<FileKind | undefined> {
    const text = await this.readText(path).catch(() => undefined);
    return typeof text === 'string' ? this.classifyPath(path, text.slice(0, 4096)) : undefined;
  }

  /** The text, or why it was not read: a refusal (size, type, a link out of the folder) or the encoding. */
  private async readText(path: string, prefetched?: Promise<Uint8Array>): Promise<string | { error: string }> {
    let bytes: Uint8Array;
    try {
      bytes = await (prefetched ?? this.fs.readFile(path, { maxBytes: this.maxFileSize }));
    } catch (e) {
      if (!isRefused(e)) throw e;
      return { error: e.reason === 'too-large' ? `skipped: ${e.message}; see the dsomm.maxFileSize setting` : e.message };
    }
    if (bytes.length > this.maxFileSize) return { error: largeFileNote(bytes.length, this.maxFileSize) };
    const decoded = decodeText(bytes);
    return 'error' in decoded ? decoded : decoded.text;
  }

  /** Reads (or takes the `prefetched` content) and parses a file of a PARSED_KINDS kind. */
  private async load(entry: IndexEntry, prefetched?: Promise<Uint8Array>): Promise<void> {
    if (!isParsed(entry.kind, entry.path)) return;
    if (entry.size > this.maxFileSize) {
      entry.problems = [{ message: largeFileNote(entry.size, this.maxFileSize), severity: 'warning' }];
      entry.parsed = undefined;
      entry.hash = `size:${entry.size}`;
      return;
    }
    let text: string | { error: string };
    try {
      text = await this.readText(entry.path, prefetched);
    } catch (e) {
      entry.problems = [{ message: `could not be read: ${(e as Error).message}`, severity: 'error' }];
      entry.parsed = undefined;
      entry.hash = undefined;
      return;
    }
    if (typeof text !== 'string') {
      // Binary or non-UTF-8 content under a pipeline name: say so for this file, read the others.
      entry.problems = [{ message: /^(skipped|not read):/.test(text.error) ? text.error : `not read: ${text.error}`, severity: 'warning' }];
      entry.parsed = undefined;
      entry.hash = text.error;
      return;
    }
    const hash = contentHash(text);
    if (hash === entry.hash && entry.parsed) return;
    entry.hash = hash;
    try {
      entry.parsed = parseFile(entry.kind, entry.path, text);
      // An empty file gets one note instead of whatever its parser makes of nothing ("no FROM").
      entry.problems = text.trim() === '' ? [{ message: 'empty file: nothing to detect', severity: 'warning' }] : entry.parsed ? [...entry.parsed.problems] : [];
    } catch (e) {
      // Parsers promise not to throw; if one does, the scan still goes on.
      entry.parsed = undefined;
      entry.problems = [{ message: `could not be parsed: ${(e as Error).message}`, severity: 'error' }];
    }
  }

  private async computeFacts(entries: IndexEntry[]): Promise<void> {
    const ctx: FactsContext = { catalogue: this.catalogue, support: (path, as) => this.support(path, as) };
    // CI files wait on the support files they read, so they are analysed side by side.
    await forEachLimit(entries, this.concurrency, async (entry) => {
      const parsed = entry.parsed;
      if (parsed && isCiKind(parsed.kind) && 'jobs' in parsed) {
        try {
          entry.facts = await ciFacts(parsed, ctx);
        } catch (e) {
          entry.facts = emptyFacts();
          entry.problems.push({ message: `could not be analysed: ${(e as Error).message}`, severity: 'error' });
        }
      } else if (parsed?.kind === 'pre-commit' && /(^|\/)\.pre-commit-config\.ya?ml$/.test(entry.path)) {
        entry.facts = await preCommitCiFacts(entry.path, ctx).catch(() => emptyFacts());
      }
    });
  }

  /** A file reached through indirection, read and parsed once (see supportCache). */
  private support(spec: string, as: SupportRequest): Promise<SupportFile | undefined> {
    // A folder's file names: kept (and forgotten on file events) with the other listings.
    if (as === 'listing') return this.listing(spec).then((names) => (names ? { kind: 'listing', files: [...names] } : undefined));
    // A release tool's configuration may be one key of a file: `package.json#build`.
    const hash = as === 'release-config' ? spec.indexOf('#') : -1;
    const path = hash >= 0 ? spec.slice(0, hash) : spec;
    const subKey = hash >= 0 ? spec.slice(hash + 1) : undefined;
    let byKind = this.supportCache.get(path);
    if (!byKind) this.supportCache.set(path, (byKind = new Map<string, Promise<SupportFile | undefined>>()));
    const kindKey = subKey === undefined ? as : `${as}#${subKey}`;
    let file = byKind.get(kindKey);
    if (!file) byKind.set(kindKey, (file = this.readSupport(path, as, subKey)));
    return file;
  }

  private listing(dir: string): Promise<Set<string> | undefined> {
    let names = this.listings.get(dir);
    if (!names) {
      // Past a wrapper that records what the walker lists (ConfigFileRecorder): this is no walk.
      const fs = (this.fs as { inner?: FileSystem }).inner ?? this.fs;
      names = fs.readDirectory(dir).then(
        (entries) => new Set(entries.filter((e) => e.type === 'file').map((e) => e.name)),
        () => undefined, // unreadable: the reads themselves decide
      );
      this.listings.set(dir, names);
    }
    return names;
  }

  private async readSupport(path: string, as: SupportRequest, subKey?: string): Promise<SupportFile | undefined> {
    // Runner files are looked for under several names: a listing says which exist without failing reads.
    if (as === 'makefile' || as.startsWith('runner:')) {
      const slash = path.lastIndexOf('/');
      const names = await this.listing(slash < 0 ? '' : path.slice(0, slash));
      if (names && !names.has(path.slice(slash + 1))) return undefined;
    }
    let text: string | { error: string };
    try {
      // No stat first: a folder or a missing file fails to read just the same.
      text = await this.readText(path);
    } catch {
      return undefined;
    }
    if (typeof text !== 'string') {
      if (/^(skipped|not read):/.test(text.error)) this.refusedSupport.set(path, text.error);
      return undefined;
    }
    try {
      if (as === 'makefile') {
        const targets = parseMakefile(path, text);
        return { kind: 'makefile', targets, dependencies: makeDependencies(path, text), first: targets.keys().next().value, ...makeContext(path, text) };
      }
      if (as === 'package-json') return { kind: 'package-json', scripts: parsePackageScripts(path, text) };
      if (as === 'shell-script') return { kind: 'shell-script', lines: /\.psm?1$/i.test(path) ? powershellLinesOfScript(path, text) : shellLinesOfScript(path, text) };
      if (as === 'release-config') return { kind: 'release-config', config: parseReleaseConfig(path, text, subKey) };
      if (as === 'text') return { kind: 'text', text };
      if (as === 'dockerfile-run') return { kind: 'shell-script', lines: dockerfileRunLines(path, text) };
      if (as.startsWith('runner:')) {
        const runner = as.slice('runner:'.length) as RunnerKind;
        return { kind: 'runner', runner, file: parseRunnerFile(runner, path, text) };
      }
      if (as !== 'ci-fragment') return { kind: 'ci-fragment', file: parseCiFragment(as as CiKind, path, text) };
    } catch {
      // best effort, like the parsers: an odd file is simply not followed
    }
    return undefined;
  }
}

/** The commands of a Dockerfile's RUN instructions, one line each, at their places (every stage: the build may run any of them). */
function dockerfileRunLines(path: string, text: string): ShellLine[] {
  const file = parseDockerfile(path, text);
  const out: ShellLine[] = [];
  for (const stage of file.stages) {
    for (const instr of stage.instructions) {
      if (instr.keyword !== 'RUN') continue;
      for (const m of commandLines(instr, file.escape)) {
        const lead = m.text.length - m.text.trimStart().length;
        const text = m.text.trim();
        if (text && !text.startsWith('[')) out.push({ text, loc: mappedLoc(path, m, lead, lead + text.length) });
      }
    }
  }
  return out;
}
