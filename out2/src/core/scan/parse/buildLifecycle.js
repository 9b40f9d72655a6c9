"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parsePom = parsePom;
exports.readMavenCommand = readMavenCommand;
exports.compareVersions = compareVersions;
exports.parseGradleBuild = parseGradleBuild;
exports.readGradleCommand = readGradleCommand;
const xmlElements_1 = require("./xmlElements");
function loc(path, el) {
    return { path, line: el.line, column: el.column, endLine: el.line, endColumn: el.column + el.name.length + 2 };
}
const truthy = (s) => s?.trim().toLowerCase() === 'true';
function readPlugins(path, parent) {
    return (0, xmlElements_1.children)((0, xmlElements_1.child)(parent, 'plugins'), 'plugin').map((p) => {
        const artifact = (0, xmlElements_1.child)(p, 'artifactId');
        const key = `${(0, xmlElements_1.textAt)(p, 'groupId') ?? 'org.apache.maven.plugins'}:${artifact?.text ?? ''}`;
        const executions = (0, xmlElements_1.children)((0, xmlElements_1.child)(p, 'executions'), 'execution').map((e) => ({
            id: (0, xmlElements_1.textAt)(e, 'id'),
            phase: (0, xmlElements_1.textAt)(e, 'phase'),
            goals: (0, xmlElements_1.children)((0, xmlElements_1.child)(e, 'goals'), 'goal').filter((g) => g.text).map((g) => ({ name: g.text, loc: loc(path, g) })),
            skip: truthy((0, xmlElements_1.textAt)(e, 'configuration/skip')),
            loc: loc(path, e),
        }));
        const dependencies = (0, xmlElements_1.children)((0, xmlElements_1.child)(p, 'dependencies'), 'dependency').map((d) => `${(0, xmlElements_1.textAt)(d, 'groupId') ?? ''}:${(0, xmlElements_1.textAt)(d, 'artifactId') ?? ''}`);
        return { key, loc: loc(path, artifact ?? p), executions, skip: truthy((0, xmlElements_1.textAt)(p, 'configuration/skip')), dependencies };
    });
}
function readModules(el) {
    return (0, xmlElements_1.children)((0, xmlElements_1.child)(el, 'modules'), 'module').map((m) => m.text).filter((m) => m && !m.includes('$'));
}
function parsePom(path, text) {
    const project = (0, xmlElements_1.readXml)(text);
    const parentEl = (0, xmlElements_1.child)(project, 'parent');
    const parent = parentEl
        ? {
            key: `${(0, xmlElements_1.textAt)(parentEl, 'groupId') ?? ''}:${(0, xmlElements_1.textAt)(parentEl, 'artifactId') ?? ''}`,
            version: (0, xmlElements_1.textAt)(parentEl, 'version'),
            // `<relativePath/>` (empty) means "do not look locally"; absent means ../pom.xml.
            relativePath: (0, xmlElements_1.child)(parentEl, 'relativePath') ? ((0, xmlElements_1.textAt)(parentEl, 'relativePath') ?? '') : undefined,
            loc: loc(path, parentEl),
        }
        : undefined;
    const groupId = (0, xmlElements_1.textAt)(project, 'groupId') ?? (parentEl ? (0, xmlElements_1.textAt)(parentEl, 'groupId') : undefined) ?? '';
    const properties = new Map();
    for (const p of (0, xmlElements_1.child)(project, 'properties')?.children ?? [])
        properties.set(p.name, p.text);
    const build = (0, xmlElements_1.child)(project, 'build');
    const profiles = (0, xmlElements_1.children)((0, xmlElements_1.child)(project, 'profiles'), 'profile').map((pr) => {
        const b = (0, xmlElements_1.child)(pr, 'build');
        return {
            id: (0, xmlElements_1.textAt)(pr, 'id') ?? '',
            activeByDefault: truthy((0, xmlElements_1.textAt)(pr, 'activation/activeByDefault')),
            plugins: readPlugins(path, b),
            pluginManagement: readPlugins(path, (0, xmlElements_1.child)(b, 'pluginManagement')),
            modules: readModules(pr),
        };
    });
    return {
        path,
        key: `${groupId}:${(0, xmlElements_1.textAt)(project, 'artifactId') ?? ''}`,
        parent,
        properties,
        modules: readModules(project),
        plugins: readPlugins(path, build),
        pluginManagement: readPlugins(path, (0, xmlElements_1.child)(build, 'pluginManagement')),
        profiles,
    };
}
/** Options of mvn that take the next word as their value. */
const MAVEN_VALUE_OPTIONS = new Set(['-f', '--file', '-P', '--activate-profiles', '-pl', '--projects', '-s', '--settings', '-gs', '--global-settings', '-t', '--toolchains', '-T', '--threads', '-rf', '--resume-from', '-b', '--builder', '-l', '--log-file', '-D', '--define', '-gt', '--global-toolchains']);
function readMavenCommand(args) {
    const out = { phases: [], profilesOn: [], profilesOff: [], properties: new Map() };
    const profiles = (v) => {
        for (const p of v.split(',')) {
            const t = p.trim();
            if (!t)
                continue;
            if (t.startsWith('!') || t.startsWith('-'))
                out.profilesOff.push(t.slice(1));
            else
                out.profilesOn.push(t.replace(/^\+/, ''));
        }
    };
    const define = (v) => {
        const eq = v.indexOf('=');
        if (eq < 0)
            out.properties.set(v, 'true');
        else
            out.properties.set(v.slice(0, eq), v.slice(eq + 1));
    };
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (MAVEN_VALUE_OPTIONS.has(a)) {
            const v = args[++i] ?? '';
            if (a === '-f' || a === '--file')
                out.file = v;
            else if (a === '-P' || a === '--activate-profiles')
                profiles(v);
            else if (a === '-D' || a === '--define')
                define(v);
            continue;
        }
        if (a.startsWith('--file='))
            out.file = a.slice(7);
        else if (a.startsWith('-P') && a.length > 2)
            profiles(a.slice(2));
        else if (a.startsWith('--activate-profiles='))
            profiles(a.slice(20));
        else if (a.startsWith('-D') && a.length > 2)
            define(a.slice(2));
        else if (!a.startsWith('-') && !a.includes(':') && !a.includes('$'))
            out.phases.push(a);
    }
    return out;
}
/** Numeric comparison of dotted versions (`3.10.1` > `3.3.0`); undefined when either is not plain. */
function compareVersions(a, b) {
    const pa = /^\d+(\.\d+)*/.exec(a.trim())?.[0].split('.').map(Number);
    const pb = /^\d+(\.\d+)*/.exec(b.trim())?.[0].split('.').map(Number);
    if (!pa || !pb)
        return undefined;
    for (let i = 0; i < Math.max(pa.length, pb.length); i++) {
        const d = (pa[i] ?? 0) - (pb[i] ?? 0);
        if (d)
            return d;
    }
    return 0;
}
function lineLoc(path, line, column, length) {
    return { path, line, column, endLine: line, endColumn: column + length };
}
/** Lines with `//` and `/* … *\/` comments blanked (strings are not tracked: `"http://x"` keeps its text). */
function codeLines(text) {
    const out = [];
    let inBlock = false;
    for (const raw of text.split(/\r?\n/)) {
        let line = raw;
        if (inBlock) {
            const end = line.indexOf('*/');
            if (end < 0) {
                out.push('');
                continue;
            }
            line = ' '.repeat(end + 2) + line.slice(end + 2);
            inBlock = false;
        }
        const start = line.search(/(^|[\s;{}(),])\/\*/);
        if (start >= 0) {
            const open = line.indexOf('/*', start);
            const end = line.indexOf('*/', open + 2);
            if (end < 0) {
                inBlock = true;
                line = line.slice(0, open);
            }
            else
                line = line.slice(0, open) + ' '.repeat(end + 2 - open) + line.slice(end + 2);
        }
        const comment = line.search(/(^|\s)\/\//);
        out.push(comment < 0 ? line : line.slice(0, comment));
    }
    return out;
}
const PLUGIN_ID = /\bid\s*\(?\s*["']([\w.-]+)["']\s*\)?/g;
const APPLY_PLUGIN = /\bapply\s*\(?\s*plugin\s*[:=]\s*["']([\w.-]+)["']/g;
/** Kotlin DSL core plugins written bare or in backticks inside `plugins { }`: `checkstyle`, `` `java-library` ``. */
const BARE_PLUGIN = /^\s*`?([a-z][\w-]*)`?\s*$/;
const TASK_WORD = /[A-Za-z_][\w]*/g;
function parseGradleBuild(path, text) {
    const lines = codeLines(text);
    const plugins = [];
    const dependsOn = new Map();
    const includes = [];
    let pluginsDepth = -1;
    let depth = 0;
    lines.forEach((line, i) => {
        const n = i + 1;
        if (/^\s*plugins\s*\{/.test(line) && pluginsDepth < 0)
            pluginsDepth = depth;
        for (const re of [PLUGIN_ID, APPLY_PLUGIN]) {
            re.lastIndex = 0;
            for (let m = re.exec(line); m; m = re.exec(line)) {
                if (re === PLUGIN_ID && /\bapply\s*\(?\s*false\b/.test(line.slice(m.index)))
                    continue;
                plugins.push({ id: m[1], loc: lineLoc(path, n, m.index + 1, m[0].length) });
            }
        }
        if (pluginsDepth >= 0 && depth > pluginsDepth) {
            const bare = BARE_PLUGIN.exec(line);
            if (bare && !['id', 'kotlin', 'java', 'application'].includes(bare[1]))
                plugins.push({ id: bare[1], loc: lineLoc(path, n, line.indexOf(bare[1]) + 1, bare[1].length) });
        }
        const dep = line.indexOf('dependsOn');
        if (dep >= 0) {
            // The task that gets the dependency: `check.dependsOn`, `tasks.named("check") {`, `check {`, `tasks.check {` (this line or a few above).
            let owner = /(\w+)\s*\.\s*(?:configure\s*\{\s*)?dependsOn/.exec(line)?.[1];
            if (!owner || owner === 'it' || owner === 'this') {
                owner = undefined;
                for (let k = i; k >= Math.max(0, i - 3) && !owner; k--) {
                    const l = lines[k];
                    owner = /tasks\s*\.\s*(?:named|getByName)\s*(?:<[^>]*>)?\s*\(\s*["'](\w+)["']/.exec(l)?.[1] ?? /(?:^|\s|tasks\s*\.\s*)(\w+)\s*\{/.exec(l)?.[1];
                }
            }
            if (owner && owner !== 'tasks') {
                const list = dependsOn.get(owner) ?? dependsOn.set(owner, []).get(owner);
                const rest = line.slice(dep + 'dependsOn'.length);
                TASK_WORD.lastIndex = 0;
                for (let m = TASK_WORD.exec(rest); m; m = TASK_WORD.exec(rest)) {
                    if (m[0] !== 'tasks' && m[0] !== 'named')
                        list.push({ task: m[0], loc: lineLoc(path, n, dep + 1, line.trimEnd().length - dep) });
                }
            }
        }
        const inc = /^\s*include\s*\(?\s*(.+)$/.exec(line);
        if (inc) {
            for (const m of inc[1].matchAll(/["']:?([\w.\-:/]+)["']/g))
                includes.push(m[1].replace(/:/g, '/'));
        }
        for (const ch of line) {
            if (ch === '{')
                depth++;
            else if (ch === '}') {
                depth--;
                if (depth <= pluginsDepth)
                    pluginsDepth = -1;
            }
        }
    });
    const mentions = (word) => {
        const i = lines.findIndex((l) => l.includes(word));
        return i < 0 ? undefined : lineLoc(path, i + 1, lines[i].indexOf(word) + 1, word.length);
    };
    return { path, plugins, dependsOn, mentions, includes };
}
const GRADLE_VALUE_OPTIONS = new Set(['-x', '--exclude-task', '-p', '--project-dir', '-b', '--build-file', '-c', '--settings-file', '-I', '--init-script', '-g', '--gradle-user-home', '--console', '--max-workers', '--warning-mode', '--priority', '-D', '-P', '--project-cache-dir', '--include-build', '-M', '--write-verification-metadata']);
function readGradleCommand(args) {
    const out = { tasks: [], excluded: [] };
    const task = (t) => t.slice(t.lastIndexOf(':') + 1);
    for (let i = 0; i < args.length; i++) {
        const a = args[i];
        if (GRADLE_VALUE_OPTIONS.has(a)) {
            const v = args[++i] ?? '';
            if (a === '-x' || a === '--exclude-task')
                out.excluded.push(task(v));
            else if (a === '-p' || a === '--project-dir')
                out.projectDir = v;
            continue;
        }
        if (a.startsWith('--exclude-task='))
            out.excluded.push(task(a.slice(15)));
        else if (a.startsWith('--project-dir='))
            out.projectDir = a.slice(14);
        else if (!a.startsWith('-') && !a.includes('$') && !a.includes('='))
            out.tasks.push(task(a));
    }
    return out;
}
//# sourceMappingURL=buildLifecycle.js.map