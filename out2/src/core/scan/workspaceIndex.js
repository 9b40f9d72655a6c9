"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.WorkspaceIndex = exports.DEFAULT_MAX_FILE_SIZE = void 0;
exports.contentHash = contentHash;
// The workspace index: every relevant file, parsed once and cached by content, with its
// facts. The extension keeps one per workspace folder and calls update() from its file
// watcher; the CLI builds one and evaluates it once.
const concurrency_1 = require("../concurrency");
const fs_1 = require("../fs");
const classify_1 = require("./discover/classify");
const facts_1 = require("./detect/facts");
const parseFile_1 = require("./parse/parseFile");
const indirection_1 = require("./parse/indirection");
const shell_1 = require("./parse/shell");
const releaseConfigs_1 = require("./parse/releaseConfigs");
const runners_1 = require("./parse/runners");
const dockerfile_1 = require("./parse/containers/dockerfile");
const registry_1 = require("./ci/registry");
const ignore_1 = require("./discover/ignore");
const walker_1 = require("./discover/walker");
const fileNames_1 = require("./discover/fileNames");
/** Kinds whose content the index reads and parses up front; the others only need to exist. */
const PARSED_KINDS = new Set([
    ...registry_1.CI_KINDS,
    'dockerfile', 'compose', 'kubernetes', 'helm-chart', 'helm-values', 'kustomization', 'ko-config',
    'dependabot', 'renovate', 'pre-commit',
]);
/** Whether the index reads and parses a file: the PARSED_KINDS, and the root package.json (a Renovate config may live in it). */
function isParsed(kind, path) {
    return PARSED_KINDS.has(kind) || (kind === 'package-json' && (0, parseFile_1.isRootPath)(path));
}
exports.DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** FNV-1a over the text: enough to tell "same content" for a cache key. */
function contentHash(text) {
    let h = 0x811c9dc5;
    for (let i = 0; i < text.length; i++) {
        h ^= text.charCodeAt(i);
        h = Math.imul(h, 0x01000193);
    }
    return (h >>> 0).toString(16) + ':' + text.length;
}
class WorkspaceIndex {
    fs;
    catalogue;
    options;
    /** Replaced as a whole by build(), so readers never see a half-built index (hovers during a rebuild). */
    entries = new Map();
    /**
     * Files reached through indirection (Makefiles, scripts, package.json, CI fragments), by path
     * and by how they were read. Kept until update() hears of a change at or above the path (or a
     * rebuild), so re-evaluating a workflow neither stats nor reads the files it calls again.
     * Also remembers paths that could not be read, for the same reason.
     */
    supportCache = new Map();
    /**
     * Folder → names of the files in it, for folders where make is run: `make` tries GNUmakefile,
     * makefile and Makefile in turn, and one listing costs less than two failed reads.
     */
    listings = new Map();
    /** True when the root is a git work tree (`.git` exists). */
    isGitRepository = false;
    walkProblems = [];
    /** Files reached through indirection that were refused (a FIFO, a device, a link out of the folder, too large). */
    refusedSupport = new Map();
    /** The files the pipelines point at that were refused, with the one-line note for each. */
    refusedReads() {
        return this.refusedSupport;
    }
    /** What the last walk knew, so update() classifies and ignores a changed file as build() would. */
    ignore = new ignore_1.IgnoreMatcher();
    repoRoots = [];
    chartDirs = new Set();
    constructor(fs, catalogue, options = {}) {
        this.fs = fs;
        this.catalogue = catalogue;
        this.options = options;
    }
    get maxFileSize() {
        return this.options.maxFileSize ?? exports.DEFAULT_MAX_FILE_SIZE;
    }
    get concurrency() {
        return Math.max(1, this.options.concurrency ?? this.fs.concurrency ?? walker_1.DEFAULT_CONCURRENCY);
    }
    all() {
        return [...this.entries.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    }
    get(path) {
        return this.entries.get(path);
    }
    async build() {
        this.supportCache.clear();
        this.refusedSupport.clear();
        this.listings.clear();
        const walkOptions = {
            exclude: this.options.exclude,
            respectGitignore: this.options.respectGitignore,
            maxFileSize: this.maxFileSize,
            signal: this.options.signal,
            yieldFn: this.options.yieldFn,
            concurrency: this.options.concurrency,
        };
        const isGit = this.fs.stat('.git').then(() => true, () => false);
        const walked = await (0, walker_1.walkWorkspace)(this.fs, walkOptions);
        this.walkProblems = walked.problems;
        this.ignore = walked.ignore;
        this.repoRoots = walked.repoRoots;
        this.chartDirs = new Set(walked.chartDirs);
        this.isGitRepository = await isGit;
        const entries = new Map();
        for (const f of walked.files) {
            entries.set(f.path, { path: f.path, kind: f.kind, size: f.size, problems: [], outOfScope: this.outOfScope(f.path, f.kind) });
        }
        this.options.onFilesFound?.(entries.size);
        for (const p of walked.problems) {
            const e = entries.get(p.path);
            if (e)
                e.problems.push({ message: p.message, severity: 'warning' });
        }
        let n = 0;
        // Reads overlap (each is a round trip in the editor); parsing stays on this thread between them.
        await (0, concurrency_1.forEachLimit)([...entries.values()], this.concurrency, async (entry) => {
            if (this.options.signal?.aborted)
                throw new Error('scan cancelled');
            await this.load(entry);
            if (this.options.yieldFn && ++n % 50 === 0)
                await this.options.yieldFn();
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
     * file, a `.git` appearing or going, a Chart.yaml appearing or going, a folder full of files
     * moved in) rebuild the index. A deleted folder takes its files with it.
     */
    async update(changes) {
        let dirty = false;
        const refacts = new Set();
        for (const change of changes) {
            const path = change.path.replace(/^\/+|\/+$/g, '');
            if (path === '')
                continue;
            if (await this.changesLayout(path, !!change.deleted)) {
                await this.build();
                return true;
            }
            if (path.split('/').includes('.git'))
                continue; // git's own files are never scanned
            // The path may be a folder (deleted, renamed, checked out): what lies below it counts too.
            const below = path + '/';
            const within = (p) => p === path || p.startsWith(below);
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
            for (const d of [...this.listings.keys()])
                if (within(d))
                    this.listings.delete(d);
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
            if (!kind && (0, classify_1.needsContent)(this.repoRelative(path)))
                kind = await this.classifyByContent(path);
            if (!kind)
                continue;
            const entry = existing ?? { path, kind, size: stat.size, problems: [], outOfScope: this.outOfScope(path, kind) };
            entry.size = stat.size;
            const before = entry.hash;
            await this.load(entry, read);
            this.entries.set(path, entry);
            if (entry.hash !== before || !existing) {
                dirty = true;
                refacts.add(entry);
            }
        }
        if (refacts.size)
            await this.computeFacts([...refacts].filter((e) => this.entries.get(e.path) === e));
        return dirty;
    }
    /**
     * Could a watcher event for `path` change the assessment? Cheap and conservative (no file-system
     * call), so the editor can drop the events of files it never reads (a saved README, a touched
     * lockfile, build output) before they cost a stat, an update or a log line. update() decides the rest.
     */
    mayMatter(path, deleted) {
        path = path.replace(/^\/+|\/+$/g, '');
        if (path === '')
            return false;
        const name = (0, fs_1.basename)(path);
        const segments = path.split('/');
        if (segments.slice(0, -1).includes('.git'))
            return path === '.git/info/exclude' || path.endsWith('/.git/info/exclude');
        if (name === '.gitignore' || name === '.git' || name === 'Chart.yaml')
            return true;
        // Read by a pipeline (a script it runs, package.json for npm run), or a folder holding such files.
        if (this.supportCache.has(path))
            return true;
        const below = path + '/';
        for (const e of this.entries.values()) {
            if (e.path.startsWith(below))
                return true;
            if (e.facts && (e.facts.reads.has(path) || [...e.facts.reads].some((r) => r.startsWith(below))))
                return true;
        }
        const entry = this.entries.get(path);
        // Files whose existence is all that counts (lockfiles, repository hygiene files): only going away matters.
        if (entry)
            return deleted || PARSED_KINDS.has(entry.kind);
        if (deleted)
            return false;
        if (this.classifyPath(path) || (0, classify_1.needsContent)(this.repoRelative(path)))
            return !this.ignore.isIgnored(path, false);
        // A folder moved in is walked as a whole (changesLayout); a name with an extension is taken for a file.
        return !/.\.[^.]+$/.test(name) && !this.ignore.isIgnored(path, true);
    }
    /** Does this change alter how other files are classified or ignored? */
    async changesLayout(path, deleted) {
        const name = (0, fs_1.basename)(path);
        if (name === '.gitignore' || name === '.git' || path === '.git/info/exclude' || path.endsWith('/.git/info/exclude'))
            return true;
        if (name === 'Chart.yaml')
            return deleted === this.chartDirs.has((0, fs_1.dirname)(path));
        if (deleted || this.entries.has(path))
            return false;
        // A folder that arrives with content (moved or copied in) is walked as a whole.
        const stat = await this.fs.stat(path).catch(() => undefined);
        if (stat?.type !== 'directory' || this.ignore.isIgnored(path, true))
            return false;
        const children = await this.fs.readDirectory(path).catch(() => []);
        return children.length > 0;
    }
    /** The repository a path belongs to: the deepest folder holding `.git` above it ('' for the root). */
    repoRootOf(path) {
        let best = '';
        for (const r of this.repoRoots)
            if (r !== '' && r.length > best.length && path.startsWith(r + '/'))
                best = r;
        return best;
    }
    repoRelative(path) {
        const root = this.repoRootOf(path);
        return root === '' ? path : path.slice(root.length + 1);
    }
    /** classify() as the walker calls it: repository-relative, knowing which folders are Helm charts. */
    classifyPath(path, firstBytes) {
        const root = this.repoRootOf(path);
        const rel = root === '' ? path : path.slice(root.length + 1);
        const isChartDir = (d) => this.chartDirs.has(root === '' ? d : d === '' ? root : `${root}/${d}`);
        return (0, classify_1.classify)(rel, firstBytes, { isChartDir });
    }
    outOfScope(path, kind) {
        return !this.options.includeTestFolders && !(0, registry_1.isCiKind)(kind) && ((0, walker_1.isTestOrExamplePath)(path) || ((0, classify_1.isContainerKind)(kind) && (0, fileNames_1.isDevOnlyContainerPath)(path)));
    }
    async classifyByContent(path) {
        const text = await this.readText(path).catch(() => undefined);
        return typeof text === 'string' ? this.classifyPath(path, text.slice(0, 4096)) : undefined;
    }
    /** The text, or why it was not read: a refusal (size, type, a link out of the folder) or the encoding. */
    async readText(path, prefetched) {
        let bytes;
        try {
            bytes = await (prefetched ?? this.fs.readFile(path, { maxBytes: this.maxFileSize }));
        }
        catch (e) {
            if (!(0, fs_1.isRefused)(e))
                throw e;
            return { error: e.reason === 'too-large' ? `skipped: ${e.message}; see the dsomm.maxFileSize setting` : e.message };
        }
        if (bytes.length > this.maxFileSize)
            return { error: (0, walker_1.largeFileNote)(bytes.length, this.maxFileSize) };
        const decoded = (0, fs_1.decodeText)(bytes);
        return 'error' in decoded ? decoded : decoded.text;
    }
    /** Reads (or takes the `prefetched` content) and parses a file of a PARSED_KINDS kind. */
    async load(entry, prefetched) {
        if (!isParsed(entry.kind, entry.path))
            return;
        if (entry.size > this.maxFileSize) {
            entry.problems = [{ message: (0, walker_1.largeFileNote)(entry.size, this.maxFileSize), severity: 'warning' }];
            entry.parsed = undefined;
            entry.hash = `size:${entry.size}`;
            return;
        }
        let text;
        try {
            text = await this.readText(entry.path, prefetched);
        }
        catch (e) {
            entry.problems = [{ message: `could not be read: ${e.message}`, severity: 'error' }];
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
        if (hash === entry.hash && entry.parsed)
            return;
        entry.hash = hash;
        try {
            entry.parsed = (0, parseFile_1.parseFile)(entry.kind, entry.path, text);
            // An empty file gets one note instead of whatever its parser makes of nothing ("no FROM").
            entry.problems = text.trim() === '' ? [{ message: 'empty file: nothing to detect', severity: 'warning' }] : entry.parsed ? [...entry.parsed.problems] : [];
        }
        catch (e) {
            // Parsers promise not to throw; if one does, the scan still goes on.
            entry.parsed = undefined;
            entry.problems = [{ message: `could not be parsed: ${e.message}`, severity: 'error' }];
        }
    }
    async computeFacts(entries) {
        const ctx = { catalogue: this.catalogue, support: (path, as) => this.support(path, as) };
        // CI files wait on the support files they read, so they are analysed side by side.
        await (0, concurrency_1.forEachLimit)(entries, this.concurrency, async (entry) => {
            const parsed = entry.parsed;
            if (parsed && (0, registry_1.isCiKind)(parsed.kind) && 'jobs' in parsed) {
                try {
                    entry.facts = await (0, facts_1.ciFacts)(parsed, ctx);
                }
                catch (e) {
                    entry.facts = (0, facts_1.emptyFacts)();
                    entry.problems.push({ message: `could not be analysed: ${e.message}`, severity: 'error' });
                }
            }
            else if (parsed?.kind === 'pre-commit' && /(^|\/)\.pre-commit-config\.ya?ml$/.test(entry.path)) {
                entry.facts = await (0, facts_1.preCommitCiFacts)(entry.path, ctx).catch(() => (0, facts_1.emptyFacts)());
            }
        });
    }
    /** A file reached through indirection, read and parsed once (see supportCache). */
    support(spec, as) {
        // A release tool's configuration may be one key of a file: `package.json#build`.
        const hash = as === 'release-config' ? spec.indexOf('#') : -1;
        const path = hash >= 0 ? spec.slice(0, hash) : spec;
        const subKey = hash >= 0 ? spec.slice(hash + 1) : undefined;
        let byKind = this.supportCache.get(path);
        if (!byKind)
            this.supportCache.set(path, (byKind = new Map()));
        const kindKey = subKey === undefined ? as : `${as}#${subKey}`;
        let file = byKind.get(kindKey);
        if (!file)
            byKind.set(kindKey, (file = this.readSupport(path, as, subKey)));
        return file;
    }
    listing(dir) {
        let names = this.listings.get(dir);
        if (!names) {
            // Past a wrapper that records what the walker lists (ConfigFileRecorder): this is no walk.
            const fs = this.fs.inner ?? this.fs;
            names = fs.readDirectory(dir).then((entries) => new Set(entries.filter((e) => e.type === 'file').map((e) => e.name)), () => undefined);
            this.listings.set(dir, names);
        }
        return names;
    }
    async readSupport(path, as, subKey) {
        // Runner files are looked for under several names: a listing says which exist without failing reads.
        if (as === 'makefile' || as.startsWith('runner:')) {
            const slash = path.lastIndexOf('/');
            const names = await this.listing(slash < 0 ? '' : path.slice(0, slash));
            if (names && !names.has(path.slice(slash + 1)))
                return undefined;
        }
        let text;
        try {
            // No stat first: a folder or a missing file fails to read just the same.
            text = await this.readText(path);
        }
        catch {
            return undefined;
        }
        if (typeof text !== 'string') {
            if (/^(skipped|not read):/.test(text.error))
                this.refusedSupport.set(path, text.error);
            return undefined;
        }
        try {
            if (as === 'makefile') {
                const targets = (0, indirection_1.parseMakefile)(path, text);
                return { kind: 'makefile', targets, dependencies: (0, indirection_1.makeDependencies)(path, text), first: targets.keys().next().value, ...(0, indirection_1.makeContext)(path, text) };
            }
            if (as === 'package-json')
                return { kind: 'package-json', scripts: (0, indirection_1.parsePackageScripts)(path, text) };
            if (as === 'shell-script')
                return { kind: 'shell-script', lines: /\.psm?1$/i.test(path) ? (0, indirection_1.powershellLinesOfScript)(path, text) : (0, shell_1.shellLinesOfScript)(path, text) };
            if (as === 'release-config')
                return { kind: 'release-config', config: (0, releaseConfigs_1.parseReleaseConfig)(path, text, subKey) };
            if (as === 'text')
                return { kind: 'text', text };
            if (as === 'dockerfile-run')
                return { kind: 'shell-script', lines: dockerfileRunLines(path, text) };
            if (as.startsWith('runner:')) {
                const runner = as.slice('runner:'.length);
                return { kind: 'runner', runner, file: (0, runners_1.parseRunnerFile)(runner, path, text) };
            }
            if (as !== 'ci-fragment')
                return { kind: 'ci-fragment', file: (0, parseFile_1.parseCiFragment)(as, path, text) };
        }
        catch {
            // best effort, like the parsers: an odd file is simply not followed
        }
        return undefined;
    }
}
exports.WorkspaceIndex = WorkspaceIndex;
/** The commands of a Dockerfile's RUN instructions, one line each, at their places (every stage: the build may run any of them). */
function dockerfileRunLines(path, text) {
    const file = (0, dockerfile_1.parseDockerfile)(path, text);
    const out = [];
    for (const stage of file.stages) {
        for (const instr of stage.instructions) {
            if (instr.keyword !== 'RUN')
                continue;
            for (const m of (0, dockerfile_1.commandLines)(instr, file.escape)) {
                const lead = m.text.length - m.text.trimStart().length;
                const text = m.text.trim();
                if (text && !text.startsWith('['))
                    out.push({ text, loc: (0, dockerfile_1.mappedLoc)(path, m, lead, lead + text.length) });
            }
        }
    }
    return out;
}
//# sourceMappingURL=workspaceIndex.js.map