"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DEFAULT_CONCURRENCY = exports.DEFAULT_YIELD_EVERY = exports.DEFAULT_MAX_DEPTH = exports.DEFAULT_MAX_FILES = exports.MAX_IGNORE_FILE_SIZE = exports.DEFAULT_MAX_FILE_SIZE = exports.DEFAULT_EXCLUDES = exports.isTestOrExamplePath = void 0;
exports.largeFileNote = largeFileNote;
exports.walkWorkspace = walkWorkspace;
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
const concurrency_1 = require("../../concurrency");
const fs_1 = require("../../fs");
const registry_1 = require("../ci/registry");
const classify_1 = require("./classify");
const ignore_1 = require("./ignore");
var fileNames_1 = require("./fileNames");
Object.defineProperty(exports, "isTestOrExamplePath", { enumerable: true, get: function () { return fileNames_1.isTestOrExamplePath; } });
/**
 * Folders nobody wants scanned (dependencies, build output, caches, IDE state). Folder-only
 * patterns, except `build/`: many projects keep their CI definitions there (`build/*.yml`,
 * `build/azure-pipelines/`, `build/pipelines/`), so only the rest of it is pruned.
 */
exports.DEFAULT_EXCLUDES = [
    '**/build/*', '!**/build/*.yml', '!**/build/*.yaml', '!**/build/azure-pipelines/', '!**/build/pipelines/',
    'node_modules/', 'vendor/', '.git/', 'dist/', 'out/', 'target/', 'bin/', 'obj/', '.venv/', 'venv/',
    '__pycache__/', '.tox/', '.gradle/', '.idea/', 'coverage/', '.next/', '.nuxt/', 'bower_components/',
    'jspm_packages/', 'Pods/',
];
exports.DEFAULT_MAX_FILE_SIZE = 1024 * 1024;
/** Folders CI systems read their definitions from, relative to a repository's root. */
const CI_DEFINITION_DIRS = new Set(['.github', '.github/workflows', '.circleci', '.gitlab', '.buildkite', '.tekton', '.woodpecker', '.azure-pipelines', '.azuredevops', '.pipelines']);
/** An ignore file over this is not read (real ones are a few KB); its patterns then do not apply. */
exports.MAX_IGNORE_FILE_SIZE = 1024 * 1024;
exports.DEFAULT_MAX_FILES = 500_000;
exports.DEFAULT_MAX_DEPTH = 64;
exports.DEFAULT_YIELD_EVERY = 256;
exports.DEFAULT_CONCURRENCY = 8;
function defaultYield() {
    const g = globalThis;
    return new Promise((resolve) => (g.setImmediate ? g.setImmediate(resolve) : setTimeout(resolve, 0)));
}
/** The one note for a file over the size limit (walker and index say it the same way). */
function largeFileNote(size, maxFileSize) {
    return `skipped: larger than ${(0, fs_1.formatSize)(maxFileSize)} (${(0, fs_1.formatSize)(size)}); see the dsomm.maxFileSize setting`;
}
function errorText(e) {
    if (e && typeof e === 'object') {
        const o = e;
        if (typeof o.code === 'string' && typeof o.message === 'string' && !o.message.includes(o.code))
            return `${o.code}: ${o.message}`;
        if (typeof o.message === 'string')
            return o.message;
    }
    return String(e);
}
const sniffDecoder = new TextDecoder('utf-8');
async function walkWorkspace(fs, options = {}) {
    const started = Date.now();
    const maxFileSize = options.maxFileSize ?? exports.DEFAULT_MAX_FILE_SIZE;
    const maxFiles = options.maxFiles ?? exports.DEFAULT_MAX_FILES;
    const maxDepth = options.maxDepth ?? exports.DEFAULT_MAX_DEPTH;
    const respectGitignore = options.respectGitignore ?? true;
    const followSymlinks = options.followSymlinks ?? false;
    const yieldEvery = options.yieldEvery ?? exports.DEFAULT_YIELD_EVERY;
    const yieldFn = options.yieldFn ?? defaultYield;
    const concurrency = Math.max(1, options.concurrency ?? fs.concurrency ?? exports.DEFAULT_CONCURRENCY);
    // Files of all folders being read share one bound, so a folder of thousands cannot flood the host.
    const fileIo = new concurrency_1.Limiter(concurrency * 2);
    const signal = options.signal;
    // A .gitignore hides only untracked files, and a pipeline definition is tracked (the CI system
    // reads it from the repository): a `.*` pattern, common in .gitignore files, must not hide
    // .gitlab-ci.yml or .github/workflows.
    const tracked = (path, isDir) => {
        const repoRoot = repoRoots.reduce((best, r) => (r.length > best.length && path.startsWith(r + '/') ? r : best), '');
        if (isDir)
            return CI_DEFINITION_DIRS.has(repoRoot === '' ? path : path.slice(repoRoot.length + 1));
        const kind = firstLook(path, repoRoot)?.kind;
        return kind !== undefined && (0, registry_1.isCiKind)(kind);
    };
    const matcher = new ignore_1.IgnoreMatcher({ ignoreCase: options.ignoreCase, tracked });
    matcher.addOverrides([...(options.defaultExcludes === false ? [] : exports.DEFAULT_EXCLUDES), ...(options.exclude ?? [])]);
    const files = [];
    const problems = [];
    const stats = { directories: 0, entries: 0, ignored: 0, skippedLarge: 0, durationMs: 0 };
    const chartDirs = new Set();
    const repoRoots = [];
    let fileCount = 0;
    let sinceYield = 0;
    let cancelled = false;
    let truncated = false;
    const stopped = () => {
        if (!cancelled && signal?.aborted)
            cancelled = true;
        return cancelled || truncated;
    };
    /** Counts an entry; true when it is time to yield (the caller awaits yieldFn, so entries cost no promise). */
    const due = () => {
        if (yieldEvery > 0 && ++sinceYield >= yieldEvery) {
            sinceYield = 0;
            return true;
        }
        return false;
    };
    const readIgnoreFile = async (path) => {
        try {
            const decoded = (0, fs_1.decodeText)(await fs.readFile(path, { maxBytes: exports.MAX_IGNORE_FILE_SIZE }));
            if ('error' in decoded) {
                problems.push({ path, message: `not read: ${decoded.error}` });
                return undefined;
            }
            return decoded.text;
        }
        catch (e) {
            const refused = (0, fs_1.isRefused)(e) ? e : undefined;
            if (refused?.reason === 'too-large')
                problems.push({ path, message: `not read: ${refused.message}; its patterns do not apply` });
            else
                problems.push({ path, message: refused ? refused.message : `cannot read: ${errorText(e)}` });
            return undefined;
        }
    };
    const classifyContexts = new Map();
    const contextFor = (repoRoot) => {
        let ctx = classifyContexts.get(repoRoot);
        if (!ctx)
            classifyContexts.set(repoRoot, (ctx = { isChartDir: (d) => chartDirs.has((0, fs_1.joinPath)(repoRoot, d)) }));
        return ctx;
    };
    /** Most files are none of ours: decided synchronously, without a stat or a promise. */
    const firstLook = (path, repoRoot) => {
        const rel = repoRoot === '' ? path : path.slice(repoRoot.length + 1);
        const kind = (0, classify_1.classify)(rel, undefined, contextFor(repoRoot));
        if (kind === undefined && !(0, classify_1.needsContent)(rel))
            return undefined;
        return { rel, kind };
    };
    const handleFile = async (path, repoRoot, rel, firstKind) => {
        const ctx = contextFor(repoRoot);
        let kind = firstKind;
        const sniff = kind === undefined;
        let size;
        let mtime;
        try {
            const st = await fs.stat(path);
            size = st.size;
            mtime = st.mtime;
        }
        catch (e) {
            if (kind !== undefined)
                problems.push({ path, message: `cannot stat: ${errorText(e)}` });
            return;
        }
        if (size > maxFileSize) {
            stats.skippedLarge++;
            // A generic YAML file cannot be classified without reading it: leave it out quietly.
            if (kind === undefined)
                return;
            problems.push({ path, message: largeFileNote(size, maxFileSize) });
            files.push({ path, kind, size, mtime });
            return;
        }
        if (sniff) {
            let bytes;
            try {
                bytes = await fs.readFile(path, { maxBytes: maxFileSize });
            }
            catch {
                return; // it may not be one of ours; say nothing
            }
            const head = bytes.subarray(0, classify_1.CONTENT_SNIFF_BYTES);
            if (head.includes(0))
                return;
            kind = (0, classify_1.classify)(rel, sniffDecoder.decode(head), ctx);
            if (kind === undefined)
                return;
        }
        files.push({ path, kind: kind, size, mtime });
    };
    const handleDir = async (task, push) => {
        let entries;
        try {
            entries = await fs.readDirectory(task.path);
        }
        catch (e) {
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
                const excludePath = (0, fs_1.joinPath)(task.path, '.git/info/exclude');
                try {
                    const st = await fs.stat(excludePath);
                    if (st.type === 'file') {
                        const text = await readIgnoreFile(excludePath);
                        if (text !== undefined)
                            for (const message of matcher.addExcludeFile(task.path, text, excludePath))
                                problems.push({ path: excludePath, message });
                    }
                }
                catch {
                    // no exclude file
                }
            }
        }
        if (respectGitignore) {
            const gi = entries.find((e) => e.name === '.gitignore' && e.type === 'file');
            if (gi) {
                const giPath = (0, fs_1.joinPath)(task.path, '.gitignore');
                const text = await readIgnoreFile(giPath);
                if (text !== undefined)
                    for (const message of matcher.addIgnoreFile(task.path, text, giPath))
                        problems.push({ path: giPath, message });
            }
        }
        if (entries.some((e) => e.name === 'Chart.yaml' && e.type === 'file'))
            chartDirs.add(task.path);
        const prefix = task.path === '' ? '' : task.path + '/';
        // The files of a folder are stat'ed (and sniffed) concurrently: awaited one by one, their round
        // trips would add up.
        const fileWork = [];
        for (const entry of entries) {
            if (stopped())
                break;
            stats.entries++;
            if (due())
                await yieldFn();
            if (entry.name === '.git')
                continue;
            // Entry names hold no '/', so this is joinPath(task.path, entry.name) without its regex.
            const path = prefix + entry.name;
            if (entry.type === 'other') {
                // A FIFO, device, socket or dangling link is never read; under one of our names it gets a note.
                const look = firstLook(path, repoRoot);
                if (look?.kind !== undefined && !matcher.match(path, false)?.ignored) {
                    // The guarded read refuses it before opening anything, and says what it is.
                    fileWork.push(fileIo.run(() => fs.readFile(path, { maxBytes: maxFileSize }).then(() => undefined, (e) => void problems.push({ path, message: (0, fs_1.isRefused)(e) ? e.message : `not read: ${entry.symlink ? 'a symbolic link to no regular file' : 'not a regular file'}` }))));
                }
                continue;
            }
            const isDir = entry.type === 'directory';
            if (matcher.match(path, isDir)?.ignored) {
                stats.ignored++;
                continue;
            }
            if (isDir) {
                if (entry.symlink && (!followSymlinks || task.viaSymlink))
                    continue;
                if (task.depth + 1 > maxDepth) {
                    problems.push({ path, message: `not scanned: more than ${maxDepth} folders deep` });
                    continue;
                }
                push({ path, depth: task.depth + 1, viaSymlink: task.viaSymlink || entry.symlink, repoRoot });
            }
            else {
                if (++fileCount > maxFiles) {
                    truncated = true;
                    problems.push({ path: '', message: `stopped after ${maxFiles} files (maxFiles); the scan is incomplete` });
                    break;
                }
                const look = firstLook(path, repoRoot);
                if (look)
                    fileWork.push(fileIo.run(() => (cancelled ? Promise.resolve() : handleFile(path, repoRoot, look.rel, look.kind))));
            }
        }
        await Promise.all(fileWork);
    };
    // A small pool of workers over a stack of folders (depth-first keeps the stack small).
    const stack = [{ path: '', depth: 0, viaSymlink: false, repoRoot: '' }];
    let active = 0;
    await new Promise((resolve, reject) => {
        const pump = () => {
            while (active < concurrency && stack.length > 0 && !stopped()) {
                const task = stack.pop();
                active++;
                const children = [];
                handleDir(task, (t) => children.push(t)).then(() => {
                    active--;
                    // Reverse so the first child (by name) is popped first.
                    for (let i = children.length - 1; i >= 0; i--)
                        stack.push(children[i]);
                    pump();
                }, (e) => {
                    active--;
                    reject(e instanceof Error ? e : new Error(String(e)));
                });
            }
            if (active === 0 && (stack.length === 0 || stopped()))
                resolve();
        };
        pump();
    });
    files.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    problems.sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0));
    stats.durationMs = Date.now() - started;
    repoRoots.sort();
    return { files, problems, stats, cancelled, truncated, repoRoots, chartDirs: [...chartDirs].sort(), ignore: matcher };
}
//# sourceMappingURL=walker.js.map