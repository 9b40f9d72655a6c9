"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ConfigFileRecorder = void 0;
// Tool configuration files (.gitleaks.toml, .semgrep.yml, sonar-project.properties, .trivyignore,
// threat models, catalog-info.yaml, .devcontainer/...): the catalogue's `configFiles`. Their
// presence alone is a weak hint (a probe without a counted run becomes partial).
//
// The walker lists only files it classifies, and config files are not among them. Rather than
// walk the tree a second time, ConfigFileRecorder wraps the FileSystem the index walks with and
// keeps, from each directory listing the walker asks for anyway, the names that match a
// catalogue pattern. It sees what the walker sees: ignored and excluded folders are never listed
// (their files are never recorded); a file ignored by name inside a listed folder is recorded.
// Files in test/fixture/example folders are left out, as container files are.
const fs_1 = require("../../fs");
const glob_1 = require("../../glob");
const toolMatch_1 = require("../detect/toolMatch");
const walker_1 = require("./walker");
/** Folders whose configuration files are not the project's (dependencies, build output). */
const EXCLUDED_FOLDERS = new Set(['build', ...walker_1.DEFAULT_EXCLUDES.filter((p) => /^[^*!/]+\/$/.test(p)).map((p) => p.slice(0, -1))]);
/**
 * The catalogue's config-file patterns, compiled once, for a fast first test of every file the
 * walker lists (a large tree has hundreds of thousands): each path is split once, and patterns of
 * another depth or another last segment are rejected with one comparison. matchConfigFile then
 * confirms the few candidates (and names the tools).
 */
class PatternSet {
    fixed = new Map();
    deep = [];
    /** Every pattern's last segment, as a quick test of the file name alone. */
    lastNames = new Set();
    /**
     * Wildcard last segments, by the first character of their literal start (`.eslintrc*` under
     * '.') or else by the last character of their literal end (`*.json` under 'n'): a name is
     * tested only against the few that can match it. `always` holds those with neither (`*x*`).
     */
    byFirst = new Map();
    byLast = new Map();
    always = [];
    wildcards = 0;
    /** Patterns ending in `**` (`.threatdragon/**`): any file below such a folder. */
    folders = [];
    anyName = false;
    constructor(catalogue) {
        const seen = new Set();
        for (const p of catalogue.probes) {
            for (const t of p.tools) {
                for (const pattern of t.configFiles) {
                    const segs = pattern.toLowerCase().replace(/\\/g, '/').split('/').filter((x) => x && x !== '.');
                    const key = segs.join('/');
                    if (!segs.length || seen.has(key))
                        continue;
                    seen.add(key);
                    if (segs.includes('**'))
                        this.deep.push(segs);
                    else
                        (this.fixed.get(segs.length) ?? this.fixed.set(segs.length, []).get(segs.length)).push(segs);
                    const last = segs[segs.length - 1];
                    if (last !== '**')
                        this.addLast(last);
                    else {
                        const folder = [...segs].reverse().find((x) => x !== '**');
                        if (folder === undefined)
                            this.anyName = true;
                        else if (!this.folders.includes(folder))
                            this.folders.push(folder);
                    }
                }
            }
        }
    }
    addLast(last) {
        if (!last.includes('*'))
            this.lastNames.add(last);
        else if (++this.wildcards > 200)
            this.anyName = true; // a huge user catalogue: no name test
        else {
            const star = last.indexOf('*');
            const lit = last.replace(/\*/g, '');
            // `*.json` and `.eslintrc*`, the common shapes, without the general matcher.
            let test;
            if (last === '*' + lit)
                test = (n) => n.endsWith(lit);
            else if (last === lit + '*')
                test = (n) => n.startsWith(lit);
            else
                test = (n) => n.length >= lit.length && (star === 0 || n.startsWith(last.slice(0, star))) && (0, glob_1.wildcardMatch)(last, n);
            const end = last.slice(last.lastIndexOf('*') + 1);
            if (star > 0)
                push(this.byFirst, last[0], test);
            else if (end)
                push(this.byLast, end[end.length - 1], test);
            else
                this.always.push(test);
        }
    }
    /** The file name (last segment) alone can be a configuration file. */
    mayMatchName(fileName) {
        if (this.anyName)
            return true;
        const name = fileName.toLowerCase();
        if (this.lastNames.has(name) || this.always.some((t) => t(name)))
            return true;
        return !!(this.byFirst.get(name[0])?.some((t) => t(name)) || this.byLast.get(name[name.length - 1])?.some((t) => t(name)));
    }
    /** Files in this folder may match whatever their name (it is below a `folder/**` folder). */
    mayMatchAnyIn(dir) {
        if (this.anyName)
            return true;
        if (!this.folders.length || !dir)
            return false;
        const segs = dir.toLowerCase().split('/');
        return this.folders.some((f) => segs.some((d) => (0, glob_1.wildcardMatch)(f, d)));
    }
    mayMatch(path) {
        const slash = path.lastIndexOf('/');
        if (!this.mayMatchName(path.slice(slash + 1)) && !this.mayMatchAnyIn(slash < 0 ? '' : path.slice(0, slash)))
            return false;
        const segs = path.toLowerCase().split('/');
        for (const p of this.fixed.get(segs.length) ?? [])
            if ((0, glob_1.globSegmentsMatch)(p, segs))
                return true;
        const name = segs[segs.length - 1];
        for (const p of this.deep) {
            const last = p[p.length - 1];
            if (last !== '**' && !(0, glob_1.wildcardMatch)(last, name))
                continue;
            if ((0, glob_1.globSegmentsMatch)(p, segs))
                return true;
        }
        return false;
    }
}
function push(map, key, value) {
    const list = map.get(key);
    if (list)
        list.push(value);
    else
        map.set(key, [value]);
}
class ConfigFileRecorder {
    inner;
    catalogue;
    includeTestFolders;
    /** Directory → names of matching files in it (replaced at each listing of the directory). */
    byDir = new Map();
    prefilter;
    constructor(inner, catalogue, includeTestFolders = false) {
        this.inner = inner;
        this.catalogue = catalogue;
        this.includeTestFolders = includeTestFolders;
        this.prefilter = new PatternSet(catalogue);
    }
    readFile(path, options) {
        return this.inner.readFile(path, options);
    }
    stat(path) {
        return this.inner.stat(path);
    }
    async readDirectory(path) {
        const entries = await this.inner.readDirectory(path);
        const names = new Set();
        const anyName = this.prefilter.mayMatchAnyIn(path);
        for (const e of entries) {
            if (e.type === 'file' && (anyName || this.prefilter.mayMatchName(e.name)) && this.matches((0, fs_1.joinPath)(path, e.name)))
                names.add(e.name);
        }
        if (names.size)
            this.byDir.set(path, names);
        else
            this.byDir.delete(path);
        return entries;
    }
    /** Root-relative paths of the configuration files seen so far, sorted. */
    paths() {
        const out = [];
        for (const [dir, names] of this.byDir)
            for (const n of names)
                out.push((0, fs_1.joinPath)(dir, n));
        return out.sort();
    }
    /**
     * Could a watcher event change the recorded paths? Only existence counts: a recorded file that
     * changes does not matter, one that goes (or a folder holding one) or a new matching file does.
     */
    mayMatter(path, deleted) {
        const slash = path.lastIndexOf('/');
        const dir = slash < 0 ? '' : path.slice(0, slash);
        const recorded = this.byDir.get(dir)?.has(path.slice(slash + 1)) ?? false;
        if (!deleted)
            return !recorded && !path.split('/').slice(0, -1).some((seg) => EXCLUDED_FOLDERS.has(seg)) && this.matches(path);
        return recorded || [...this.byDir.keys()].some((d) => d === path || d.startsWith(path + '/'));
    }
    /**
     * Applies watcher events (the same list given to WorkspaceIndex.update). A deleted folder
     * drops everything recorded below it. Returns true when the set of paths changed.
     */
    async update(changes) {
        let changed = false;
        for (const { path, deleted } of changes) {
            const slash = path.lastIndexOf('/');
            const dir = slash < 0 ? '' : path.slice(0, slash);
            const name = path.slice(slash + 1);
            const isFile = !deleted && (await this.inner.stat(path).then((s) => s.type === 'file', () => false));
            if (deleted || !isFile) {
                if (this.byDir.get(dir)?.delete(name))
                    changed = true;
                if (this.byDir.get(dir)?.size === 0)
                    this.byDir.delete(dir);
                for (const d of [...this.byDir.keys()]) {
                    if (d === path || d.startsWith(path + '/')) {
                        this.byDir.delete(d);
                        changed = true;
                    }
                }
                continue;
            }
            // Watcher events also come from folders the walker never enters.
            if (path.split('/').slice(0, -1).some((seg) => EXCLUDED_FOLDERS.has(seg)) || !this.matches(path))
                continue;
            const set = this.byDir.get(dir) ?? this.byDir.set(dir, new Set()).get(dir);
            if (!set.has(name)) {
                set.add(name);
                changed = true;
            }
        }
        return changed;
    }
    matches(path) {
        if (!this.prefilter.mayMatch(path))
            return false;
        if (!this.includeTestFolders && (0, walker_1.isTestOrExamplePath)(path))
            return false;
        return (0, toolMatch_1.matchConfigFile)(this.catalogue, path).length > 0;
    }
}
exports.ConfigFileRecorder = ConfigFileRecorder;
//# sourceMappingURL=configFiles.js.map