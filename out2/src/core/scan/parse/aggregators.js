"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseGolangciConfig = parseGolangciConfig;
exports.readGolangciCommand = readGolangciCommand;
exports.parsePreCommitConfig = parsePreCommitConfig;
exports.hookRunsAt = hookRunsAt;
exports.parseMegaLinterConfig = parseMegaLinterConfig;
// Configuration of tools that run other tools: golangci-lint (.golangci.yml/.yaml/.toml/.json, v1
// and v2), pre-commit (.pre-commit-config.yaml, with its stages and pre-commit.ci section) and
// MegaLinter (.mega-linter.yml). Pure and never throwing; which of the tools a CI line runs is
// decided in detect/lifecycleHits.ts with model/build-lifecycles.json.
const yaml_1 = require("../../yaml");
/** YAML configurations larger than this are not parsed (real ones are a few KB; parsing costs seconds per MB). */
const MAX_YAML_CHARS = 256 * 1024;
/** The first document as plain data, through the project's guarded YAML reader (depth, aliases, size). */
function parseSmallYaml(text) {
    if (text.length > MAX_YAML_CHARS)
        throw new Error(`larger than ${MAX_YAML_CHARS / 1024} KB, not read`);
    const parsed = (0, yaml_1.parseYaml)(text, { maxAliasCount: 100 });
    if (parsed.errors.length)
        throw new Error(parsed.errors[0].message);
    return parsed.documents[0]?.toJS({ maxAliasCount: 100 });
}
/** The top-level mapping of a small YAML config; undefined when it is unreadable or not a mapping. */
function topLevelMap(text) {
    let doc;
    try {
        doc = parseSmallYaml(text);
    }
    catch {
        return undefined;
    }
    return doc && typeof doc === 'object' && !Array.isArray(doc) ? doc : undefined;
}
function lineLoc(path, line, column, length) {
    return { path, line, column, endLine: line, endColumn: column + length };
}
/** Lines of a YAML or TOML file with `#` comments blanked (a `#` inside quotes is kept). */
function uncommented(text) {
    return text.split(/\r?\n/).map((l) => {
        let quote = '';
        for (let i = 0; i < l.length; i++) {
            const c = l[i];
            if (quote) {
                if (c === quote)
                    quote = '';
            }
            else if (c === '"' || c === "'")
                quote = c;
            else if (c === '#' && (i === 0 || /\s/.test(l[i - 1])))
                return l.slice(0, i);
        }
        return l;
    });
}
/** Where a word is written as a value, searching from a key's line on (the key's own line first). */
function findWord(path, lines, word, fromKey) {
    const re = new RegExp(`(^|[^\\w-])${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}($|[^\\w-])`);
    const start = fromKey ? Math.max(0, lines.findIndex((l) => fromKey.test(l))) : 0;
    for (let i = start; i < lines.length; i++) {
        const m = re.exec(lines[i]);
        if (m)
            return lineLoc(path, i + 1, m.index + m[1].length + 1, word.length);
    }
    return undefined;
}
function keyLine(path, lines, key) {
    const i = lines.findIndex((l) => key.test(l));
    return i < 0 ? undefined : lineLoc(path, i + 1, lines[i].search(/\S/) + 1, lines[i].trim().length);
}
/** A scalar value as text ('' for anything else). */
const scalar = (v) => (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' ? String(v) : '');
const asList = (v) => (Array.isArray(v) ? v.filter((x) => typeof x === 'string') : typeof v === 'string' ? v.split(',').map((s) => s.trim()).filter(Boolean) : []);
/** A minimal TOML reader for the `[linters]` table of .golangci.toml (keys with string, bool or array values). */
function tomlLinters(text) {
    const out = {};
    const lines = uncommented(text);
    let section = '';
    let pending;
    for (const l of lines) {
        if (pending) {
            pending.buf += ' ' + l;
            if (l.includes(']')) {
                out[pending.key] = tomlValue(pending.buf);
                pending = undefined;
            }
            continue;
        }
        const sec = /^\s*\[([^\]]+)\]\s*$/.exec(l);
        if (sec) {
            section = sec[1].trim();
            continue;
        }
        if (section !== 'linters')
            continue;
        const kv = /^\s*([\w-]+)\s*=\s*(.*)$/.exec(l);
        if (!kv)
            continue;
        if (kv[2].trim().startsWith('[') && !kv[2].includes(']'))
            pending = { key: kv[1], buf: kv[2] };
        else
            out[kv[1]] = tomlValue(kv[2]);
    }
    return out;
}
function tomlValue(v) {
    const t = v.trim();
    if (t === 'true' || t === 'false')
        return t === 'true';
    if (t.startsWith('['))
        return [...t.matchAll(/["']([^"']*)["']/g)].map((m) => m[1]);
    return t.replace(/^["']|["']$/g, '');
}
function parseGolangciConfig(path, text) {
    const lines = uncommented(text);
    let doc = {};
    let unreadable;
    try {
        if (path.endsWith('.toml')) {
            const versionLine = /^\s*version\s*=\s*["']?(\d)/m.exec(text);
            doc = { version: versionLine?.[1], linters: tomlLinters(text) };
        }
        else {
            const v = path.endsWith('.json') ? JSON.parse(text) : parseSmallYaml(text);
            if (v && typeof v === 'object' && !Array.isArray(v))
                doc = v;
        }
    }
    catch (e) {
        unreadable = e.message.split('\n')[0];
    }
    const version = scalar(doc.version).startsWith('2') ? 2 : 1;
    const l = (doc.linters && typeof doc.linters === 'object' ? doc.linters : {});
    let base = 'standard';
    let baseLoc;
    if (version === 2) {
        const d = scalar(l.default) || 'standard';
        if (d === 'all' || d === 'none' || d === 'fast')
            base = d;
        if (l.default !== undefined)
            baseLoc = keyLine(path, lines, /^\s*"?default"?\s*[:=]/);
    }
    else if (l['enable-all'] === true) {
        base = 'all';
        baseLoc = keyLine(path, lines, /^\s*"?enable-all"?\s*[:=]/);
    }
    else if (l['disable-all'] === true) {
        base = 'none';
        baseLoc = keyLine(path, lines, /^\s*"?disable-all"?\s*[:=]/);
    }
    const lists = { enable: /^\s*"?enable"?\s*[:=]/, disable: /^\s*"?disable"?\s*[:=]/, presets: /^\s*"?presets"?\s*[:=]/ };
    return {
        path,
        version,
        base,
        baseLoc,
        enable: asList(l.enable),
        disable: asList(l.disable),
        presets: version === 1 ? asList(l.presets) : [],
        where: (linter, list) => findWord(path, lines, linter, lists[list]),
        unreadable,
    };
}
function readGolangciCommand(args) {
    const out = { isRun: false, noConfig: false, enable: [], disable: [], enableOnly: [], presets: [] };
    const value = (i, a, names) => {
        for (const n of names) {
            if (a === n)
                return [args[i + 1], i + 1];
            if (n.startsWith('--') && a.startsWith(n + '='))
                return [a.slice(n.length + 1), i];
        }
        return [undefined, i];
    };
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (!a.startsWith('-')) {
            if (a === 'run' && !out.isRun)
                out.isRun = true;
            continue;
        }
        let v;
        let j;
        if (([v, j] = value(i, a, ['-c', '--config'])) && v !== undefined) {
            out.config = v;
            i = j;
        }
        else if (([v, j] = value(i, a, ['-E', '--enable'])) && v !== undefined) {
            out.enable.push(...asList(v));
            i = j;
        }
        else if (([v, j] = value(i, a, ['-D', '--disable'])) && v !== undefined) {
            out.disable.push(...asList(v));
            i = j;
        }
        else if (([v, j] = value(i, a, ['--enable-only'])) && v !== undefined) {
            out.enableOnly.push(...asList(v));
            i = j;
        }
        else if (([v, j] = value(i, a, ['-p', '--presets'])) && v !== undefined) {
            out.presets.push(...asList(v));
            i = j;
        }
        else if (([v, j] = value(i, a, ['--default'])) && v !== undefined) {
            if (v === 'all' || v === 'none' || v === 'standard' || v === 'fast')
                out.base = v;
            i = j;
        }
        else if (a === '--no-config')
            out.noConfig = true;
        else if (a === '--enable-all')
            out.base = 'all';
        else if (a === '--disable-all')
            out.base = 'none';
    }
    return out;
}
function parsePreCommitConfig(path, text) {
    const out = { path, hooks: [] };
    const d = topLevelMap(text);
    if (!d)
        return out;
    const lines = uncommented(text);
    const defaultStages = asList(d.default_stages);
    let searchFrom = 0;
    const locate = (word, key) => {
        // Hooks are found in file order: each search starts after the previous hook.
        const re = new RegExp(`${key.source}\\s*["']?${word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["']?\\s*$`);
        for (let i = searchFrom; i < lines.length; i++) {
            if (re.test(lines[i])) {
                searchFrom = i + 1;
                return lineLoc(path, i + 1, lines[i].indexOf(word) + 1, word.length);
            }
        }
        return lineLoc(path, 1, 1, 1);
    };
    for (const repo of Array.isArray(d.repos) ? d.repos : []) {
        if (!repo || typeof repo !== 'object')
            continue;
        const r = repo;
        for (const hook of Array.isArray(r.hooks) ? r.hooks : []) {
            if (!hook || typeof hook !== 'object')
                continue;
            const h = hook;
            if (typeof h.id !== 'string')
                continue;
            const loc = locate(h.id, /(?:^|\s|-|\{)\s*id\s*:/);
            const stages = asList(h.stages);
            const entry = typeof h.entry === 'string' && r.repo === 'local' ? { text: h.entry, loc } : undefined;
            out.hooks.push({ id: h.id, loc, entry, stages: stages.length ? stages : defaultStages.length ? defaultStages : undefined });
        }
    }
    if (d.ci && typeof d.ci === 'object') {
        const ci = d.ci;
        out.ci = { loc: keyLine(path, lines, /^ci\s*:/) ?? lineLoc(path, 1, 1, 1), skip: asList(ci.skip) };
    }
    return out;
}
/** Does a hook run at this stage (`pre-commit` also matches the legacy name `commit`)? */
function hookRunsAt(hook, stage) {
    if (!hook.stages)
        return stage === 'pre-commit' || stage === 'commit' || stage === 'manual';
    const norm = (s) => (s === 'commit' ? 'pre-commit' : s === 'push' ? 'pre-push' : s);
    return hook.stages.some((s) => norm(s) === norm(stage));
}
function parseMegaLinterConfig(path, text) {
    const lines = uncommented(text);
    const out = { path, values: new Map(), itemLoc: (key, word) => findWord(path, lines, word, new RegExp(`^${key}\\s*:`)) ?? out.values.get(key)?.loc };
    const doc = topLevelMap(text);
    if (!doc)
        return out;
    for (const [k, v] of Object.entries(doc)) {
        const value = Array.isArray(v) ? v.map(scalar).join(',') : scalar(v);
        out.values.set(k, { value, loc: keyLine(path, lines, new RegExp(`^${k}\\s*:`)) ?? lineLoc(path, 1, 1, 1) });
    }
    return out;
}
//# sourceMappingURL=aggregators.js.map