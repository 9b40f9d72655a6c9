"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SEARCHES_UPWARD = exports.RUNNER_FILES = void 0;
exports.parseRunnerFile = parseRunnerFile;
// Task runners a CI step calls (`task lint`, `just ci`, `tox -e security`, `nox -s tests`, `rake`,
// `mage check`, `cargo integration-test`, `ninja tidy` of a Meson run target, `poe check`): their files read into tasks, each with the command lines
// it runs (exact places) and the other tasks it runs first or calls. Read simply and bounded: no
// template, Python, Ruby or Go is evaluated. Pure TypeScript, never throws.
const yaml_1 = require("../../yaml");
const shell_1 = require("./shell");
/** The file names each runner looks for, in its own order. */
exports.RUNNER_FILES = {
    task: ['Taskfile.yml', 'taskfile.yml', 'Taskfile.yaml', 'taskfile.yaml', 'Taskfile.dist.yml', 'taskfile.dist.yml', 'Taskfile.dist.yaml', 'taskfile.dist.yaml'],
    just: ['justfile', 'Justfile', '.justfile'],
    tox: ['tox.ini', 'tox.toml', 'pyproject.toml'],
    nox: ['noxfile.py'],
    rake: ['Rakefile', 'rakefile', 'Rakefile.rb', 'rakefile.rb'],
    mage: ['magefile.go', 'mage.go', 'magefiles/magefile.go', 'magefiles/mage.go'],
    cargo: ['.cargo/config.toml', '.cargo/config'],
    meson: ['meson.build'],
    poe: ['pyproject.toml'],
};
/**
 * Runners that look for their file in parent folders too (go-task, just, cargo, poe); ninja runs in
 * a build folder, usually inside the source folder whose meson.build defines its targets.
 */
exports.SEARCHES_UPWARD = new Set(['task', 'just', 'cargo', 'meson', 'poe']);
/** Tasks read in one file at most; lines read per task call at most (bounded work on a hostile file). */
const MAX_TASKS = 2000;
const MAX_CALL_LINES = 40;
function emptyRunner() {
    return { tasks: new Map(), defaults: [], includes: [] };
}
function parseRunnerFile(kind, path, text) {
    try {
        switch (kind) {
            case 'task': return parseTaskfile(path, text);
            case 'just': return parseJustfile(path, text);
            case 'tox': return /\.toml$/i.test(path) ? parseToxToml(path, text) : parseToxIni(path, text, 0);
            case 'nox': return parseNoxfile(path, text);
            case 'rake': return parseRakefile(path, text);
            case 'mage': return parseMagefile(path, text);
            case 'cargo': return parseCargoAliases(path, text);
            case 'meson': return parseMesonBuild(path, text);
            case 'poe': return parsePoeTasks(path, text);
        }
    }
    catch {
        return emptyRunner();
    }
}
function addTask(file, name) {
    let t = file.tasks.get(name);
    if (!t) {
        t = { lines: [], calls: [] };
        if (file.tasks.size < MAX_TASKS)
            file.tasks.set(name, t);
    }
    return t;
}
function physical(text) {
    return text.split('\n').map((l) => l.replace(/\r$/, ''));
}
/** A command read from a runner file's code: analysed as `text`, shown as the source line it is written on. */
function lineAt(path, text, line, column, written) {
    const shown = written?.trim();
    const out = { text, loc: { path, line, column, endLine: line, endColumn: column + (shown ?? text).length } };
    if (shown && shown !== text)
        out.written = shown.length > 200 ? shown.slice(0, 197) + '…' : shown;
    return out;
}
// ───────────────────────────── go-task (Taskfile.yml) ─────────────────────────────
function parseTaskfile(path, text) {
    const out = emptyRunner();
    const first = (0, yaml_1.readYamlDocuments)(text, []).find((d) => d.index === 0);
    if (!first || !(0, yaml_1.isMap)(first.doc.contents))
        return out;
    const lc = first.lc;
    for (const pair of first.doc.contents.items) {
        if (!(0, yaml_1.isPair)(pair) || !(0, yaml_1.isScalar)(pair.key))
            continue;
        const key = String(pair.key.value);
        if (key === 'includes' && (0, yaml_1.isMap)(pair.value)) {
            for (const inc of pair.value.items) {
                if (!(0, yaml_1.isPair)(inc) || !(0, yaml_1.isScalar)(inc.key))
                    continue;
                const v = (0, yaml_1.isMap)(inc.value) ? inc.value.items.find((p) => (0, yaml_1.isPair)(p) && (0, yaml_1.isScalar)(p.key) && String(p.key.value) === 'taskfile')?.value : inc.value;
                if ((0, yaml_1.isScalar)(v) && typeof v.value === 'string')
                    out.includes.push({ namespace: String(inc.key.value), path: v.value });
            }
        }
        if (key !== 'tasks' || !(0, yaml_1.isMap)(pair.value))
            continue;
        for (const tp of pair.value.items) {
            if (!(0, yaml_1.isPair)(tp) || !(0, yaml_1.isScalar)(tp.key))
                continue;
            const task = addTask(out, String(tp.key.value));
            const body = tp.value;
            if ((0, yaml_1.isScalar)(body) || (0, yaml_1.isSeq)(body))
                readTaskCmds(path, text, lc, body, task);
            else if ((0, yaml_1.isMap)(body)) {
                for (const p of body.items) {
                    if (!(0, yaml_1.isPair)(p) || !(0, yaml_1.isScalar)(p.key))
                        continue;
                    const k = String(p.key.value);
                    if (k === 'cmds' || k === 'cmd')
                        readTaskCmds(path, text, lc, p.value, task);
                    else if (k === 'deps' && (0, yaml_1.isSeq)(p.value)) {
                        for (const d of p.value.items) {
                            const name = (0, yaml_1.isScalar)(d) ? d.value : (0, yaml_1.isMap)(d) ? d.items.find((x) => (0, yaml_1.isPair)(x) && (0, yaml_1.isScalar)(x.key) && String(x.key.value) === 'task')?.value : undefined;
                            const n = (0, yaml_1.isScalar)(name) ? name.value : name;
                            if (typeof n === 'string')
                                task.calls.push(n);
                        }
                    }
                }
            }
        }
    }
    if (out.tasks.has('default'))
        out.defaults.push('default');
    return out;
}
function readTaskCmds(path, text, lc, node, task) {
    const items = (0, yaml_1.isSeq)(node) ? node.items : [node];
    for (const item of items) {
        if ((0, yaml_1.isScalar)(item))
            task.lines.push(...scalarLines(path, text, lc, item));
        else if ((0, yaml_1.isMap)(item)) {
            for (const p of item.items) {
                if (!(0, yaml_1.isPair)(p) || !(0, yaml_1.isScalar)(p.key))
                    continue;
                const k = String(p.key.value);
                if (k === 'task' && (0, yaml_1.isScalar)(p.value) && typeof p.value.value === 'string')
                    task.calls.push(p.value.value);
                else if (k === 'cmd' && (0, yaml_1.isScalar)(p.value))
                    task.lines.push(...scalarLines(path, text, lc, p.value));
            }
        }
    }
}
/** A YAML string scalar as shell lines at their places in the file (block scalars line by line). */
function scalarLines(path, text, lc, node) {
    if (typeof node.value !== 'string' || !node.range)
        return [];
    const value = node.value;
    const quoted = node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE';
    if (!value.includes('\n')) {
        const start = node.range[0] + (quoted ? 1 : 0);
        const p = lc.linePos(start);
        return value.trim() ? [{ text: value, loc: { path, line: p.line, column: p.col, endLine: p.line, endColumn: p.col + value.length } }] : [];
    }
    // Each line of the value found in the source in order, so its place is exact.
    const source = text.slice(node.range[0], node.range[1]);
    const physicalLines = [];
    let cursor = 0;
    for (const l of value.split('\n')) {
        const t = l.trim();
        if (!t)
            continue;
        const at = source.indexOf(t, cursor);
        if (at < 0)
            continue;
        cursor = at + t.length;
        const p = lc.linePos(node.range[0] + at);
        physicalLines.push({ text: t, line: p.line, column: p.col });
    }
    return (0, shell_1.joinContinuations)(path, physicalLines);
}
// ───────────────────────────── just (justfile) ─────────────────────────────
const JUST_NOT_RECIPES = /^(alias|set|export|import|mod|if|else)\b/;
function parseJustfile(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (!raw || /^\s/.test(raw) || raw.startsWith('#') || raw.startsWith('['))
            continue;
        const alias = /^alias\s+([\w-]+)\s*:=\s*([\w-]+)/.exec(raw);
        if (alias) {
            addTask(out, alias[1]).calls.push(alias[2]);
            continue;
        }
        if (JUST_NOT_RECIPES.test(raw))
            continue;
        const head = /^@?([A-Za-z_][\w-]*)\b([^:]*?):(?!=)(.*)$/.exec(raw);
        if (!head || /:=|=/.test(head[2].replace(/=\s*('[^']*'|"[^"]*"|\S+)/g, '')))
            continue;
        const name = head[1];
        const task = addTask(out, name);
        if (!out.defaults.length)
            out.defaults.push(name);
        // dependencies: `a b`, `(c 'arg')`, and after `&&` the ones run afterwards
        const deps = head[3].replace(/#.*$/, '');
        for (const m of deps.matchAll(/\(\s*([A-Za-z_][\w-]*)[^)]*\)|([A-Za-z_][\w-]*)/g))
            task.calls.push(m[1] ?? m[2]);
        const body = [];
        let j = i + 1;
        for (; j < lines.length; j++) {
            const l = lines[j];
            if (l.trim() === '')
                continue;
            if (!/^\s/.test(l))
                break;
            const lead = /^\s*[@-]*/.exec(l)[0].length;
            const t = l.slice(lead);
            if (t.startsWith('#!'))
                continue; // a shebang recipe: its body is still a script of commands
            body.push({ text: t, line: j + 1, column: lead + 1 });
        }
        task.lines.push(...(0, shell_1.joinContinuations)(path, body));
        i = j - 1;
    }
    return out;
}
// ───────────────────────────── tox ─────────────────────────────
/** `py{310,311}-lint` → py310-lint, py311-lint (one level of braces). */
function expandBraces(s) {
    const m = /\{([^{}]*)\}/.exec(s);
    if (!m)
        return [s];
    return m[1].split(',').flatMap((alt) => expandBraces(s.slice(0, m.index) + alt.trim() + s.slice(m.index + m[0].length)));
}
function envNames(list) {
    return list.split(/[,\n](?![^{]*\})/).map((x) => x.trim()).filter(Boolean).flatMap(expandBraces);
}
/** A tox command line as the shell would run it: factor conditions, `-` and tox substitutions dropped. */
function toxCommand(t) {
    let cut = 0;
    const factor = /^!?[\w.-]+(?:,!?[\w.-]+)*:\s+/.exec(t);
    if (factor)
        cut = factor[0].length;
    const minus = /^-\s*/.exec(t.slice(cut));
    if (minus)
        cut += minus[0].length;
    const text = t.slice(cut).replace(/\{env(?:python|bindir)\}[\\/]?/g, (x) => (x.includes('python') ? 'python' : '')).replace(/\{posargs[^}]*\}/g, '').trimEnd();
    return { text, cut };
}
function parseToxIni(path, text, lineOffset) {
    const out = emptyRunner();
    const lines = physical(text);
    let section = '';
    let envList = '';
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const sec = /^\s*\[([^\]]+)\]/.exec(raw);
        if (sec) {
            section = sec[1].trim();
            continue;
        }
        const kv = /^([A-Za-z_][\w-]*)\s*=\s*(.*)$/.exec(raw);
        if (!kv)
            continue;
        // the value and its continuation lines (indented)
        const values = [];
        if (kv[2].trim())
            values.push({ text: kv[2].trim(), line: i + 1, column: raw.indexOf(kv[2].trim()) + 1 });
        while (i + 1 < lines.length && /^\s+\S/.test(lines[i + 1]) && !/^\s*\[/.test(lines[i + 1])) {
            i++;
            const l = lines[i];
            const lead = /^\s*/.exec(l)[0].length;
            if (!l.trim().startsWith('#'))
                values.push({ text: l.trim(), line: i + 1, column: lead + 1 });
        }
        const key = kv[1];
        if ((section === 'tox' || section === 'tox:tox') && (key === 'envlist' || key === 'env_list'))
            envList = values.map((v) => v.text).join(',');
        const env = section === 'testenv' ? '' : section.startsWith('testenv:') ? section.slice(8).trim() : undefined;
        if (env === undefined || !/^commands(_pre|_post)?$/.test(key))
            continue;
        const task = addTask(out, env);
        const physicalLines = [];
        for (const v of values) {
            const ref = /^\{\[testenv(?::([^\]]+))?\]commands\}$/.exec(v.text);
            if (ref) {
                task.calls.push(ref[1]?.trim() ?? '');
                continue;
            }
            const c = toxCommand(v.text);
            if (c.text)
                physicalLines.push({ text: c.text, line: v.line + lineOffset, column: v.column + c.cut });
        }
        task.lines.push(...(0, shell_1.joinContinuations)(path, physicalLines));
    }
    out.defaults.push(...envNames(envList));
    return out;
}
/** tox.toml and pyproject.toml `[tool.tox]`: `env_list`, `[env_run_base]` and `[env.NAME]` `commands` (arrays of words), or `legacy_tox_ini`. */
function parseToxToml(path, text) {
    const legacy = /^legacy_tox_ini\s*=\s*("""|''')/m.exec(text);
    if (legacy) {
        const start = legacy.index + legacy[0].length;
        const end = text.indexOf(legacy[1], start);
        const body = text.slice(start, end < 0 ? undefined : end);
        return parseToxIni(path, body, text.slice(0, start).split('\n').length - 1);
    }
    const out = emptyRunner();
    const lines = physical(text);
    const prefix = /pyproject\.toml$/i.test(path) ? 'tool.tox.' : '';
    let section = '';
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const sec = /^\s*\[([^\]]+)\]\s*$/.exec(raw);
        if (sec) {
            section = sec[1].trim().replace(/"/g, '');
            continue;
        }
        const inTox = prefix ? section === 'tool.tox' || section.startsWith(prefix) : true;
        if (!inTox)
            continue;
        const local = prefix && section.startsWith(prefix) ? section.slice(prefix.length) : prefix ? '' : section;
        const kv = /^\s*([\w-]+)\s*=\s*(.*)$/.exec(raw);
        if (!kv)
            continue;
        if ((kv[1] === 'env_list' || kv[1] === 'envlist') && local === '') {
            const arr = bracketed(lines, i, raw.indexOf('=') + 1);
            out.defaults.push(...[...arr.text.matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]));
            continue;
        }
        if (!/^commands(_pre|_post)?$/.test(kv[1]))
            continue;
        const env = local === 'env_run_base' ? '' : local.startsWith('env.') ? local.slice(4) : undefined;
        if (env === undefined)
            continue;
        const task = addTask(out, env);
        const arr = bracketed(lines, i, raw.indexOf('=') + 1);
        // each inner array is one command: its words, at the place of its first word
        for (const cmd of arr.inner) {
            const words = [...cmd.text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]);
            const c = toxCommand(words.map((w) => (/\s/.test(w) ? `'${w}'` : w)).join(' '));
            if (c.text)
                task.lines.push(lineAt(path, c.text, cmd.line, cmd.column, lines[cmd.line - 1].slice(cmd.column - 1)));
        }
        i = arr.endLine;
    }
    return out;
}
/** A TOML array from `lines[i]` column `from`, to its closing bracket: its text and its inner arrays with their places. */
function bracketed(lines, i, from) {
    let depth = 0;
    let text = '';
    const inner = [];
    let current;
    let quote = '';
    for (let l = i; l < lines.length && l < i + 200; l++) {
        const s = lines[l];
        for (let c = l === i ? from : 0; c < s.length; c++) {
            const ch = s[c];
            if (current)
                current.text += ch;
            text += ch;
            if (quote) {
                if (ch === '\\' && quote === '"') {
                    c++;
                    if (current)
                        current.text += s[c] ?? '';
                    text += s[c] ?? '';
                    continue;
                }
                if (ch === quote)
                    quote = '';
                continue;
            }
            if (ch === '"' || ch === "'") {
                quote = ch;
                if (depth === 2 && current && current.text === ch) {
                    current.line = l + 1;
                    current.column = c + 1;
                }
                continue;
            }
            if (ch === '#')
                break;
            if (ch === '[') {
                depth++;
                if (depth === 2)
                    current = { text: '', line: l + 1, column: c + 2 };
            }
            else if (ch === ']') {
                depth--;
                if (depth === 1 && current) {
                    inner.push(current);
                    current = undefined;
                }
                if (depth === 0)
                    return { text, inner, endLine: l };
            }
        }
        text += '\n';
    }
    return { text, inner, endLine: i };
}
// ───────────────────────────── nox (noxfile.py) ─────────────────────────────
/** The Python call starting at `lines[i]` column `at` (its `(`), to its closing parenthesis (bounded). */
function callText(lines, i, at) {
    let depth = 0;
    let out = '';
    let quote = '';
    for (let l = i; l < lines.length && l < i + MAX_CALL_LINES; l++) {
        const s = lines[l];
        for (let c = l === i ? at : 0; c < s.length; c++) {
            const ch = s[c];
            if (quote) {
                out += ch;
                if (ch === '\\') {
                    out += s[++c] ?? '';
                    continue;
                }
                if (ch === quote)
                    quote = '';
                continue;
            }
            if (ch === '"' || ch === "'" || ch === '`') {
                quote = ch;
                out += ch;
                continue;
            }
            if (ch === '#' && quote === '')
                break;
            if (ch === '(' || ch === '[' || ch === '{') {
                depth++;
                if (depth === 1 && ch === '(')
                    continue;
            }
            if (ch === ')' || ch === ']' || ch === '}') {
                depth--;
                if (depth === 0)
                    return { args: out, endLine: l };
            }
            out += ch;
        }
        out += ' ';
    }
    return { args: out, endLine: i };
}
/** Top-level comma-separated arguments of a call's text. */
function splitArgs(args) {
    const out = [];
    let depth = 0;
    let quote = '';
    let cur = '';
    for (let c = 0; c < args.length; c++) {
        const ch = args[c];
        if (quote) {
            cur += ch;
            if (ch === '\\') {
                cur += args[++c] ?? '';
                continue;
            }
            if (ch === quote)
                quote = '';
            continue;
        }
        if (ch === '"' || ch === "'" || ch === '`') {
            quote = ch;
            cur += ch;
            continue;
        }
        if (ch === '(' || ch === '[' || ch === '{')
            depth++;
        if (ch === ')' || ch === ']' || ch === '}')
            depth--;
        if (ch === ',' && depth === 0) {
            out.push(cur.trim());
            cur = '';
            continue;
        }
        cur += ch;
    }
    if (cur.trim())
        out.push(cur.trim());
    return out;
}
/** A string literal argument's value (Python and Go `"…"`, `'…'`, Go raw `` `…` ``), else undefined. */
function literal(arg) {
    const m = /^(?:[rbuf]{0,2})("(?:[^"\\]|\\.)*"|'(?:[^'\\]|\\.)*'|`[^`]*`)$/i.exec(arg.trim());
    return m ? m[1].slice(1, -1).replace(/\\(.)/g, '$1') : undefined;
}
function parseNoxfile(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    let pending;
    let current;
    let optionSessions;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (!raw.trim() || raw.trim().startsWith('#'))
            continue;
        const indent = /^\s*/.exec(raw)[0].length;
        if (current && indent <= current.indent)
            current = undefined;
        const deco = /^\s*@(?:nox\.)?session\b/.exec(raw);
        if (deco) {
            const paren = raw.indexOf('(', deco[0].length - 1);
            const args = paren >= 0 ? callText(lines, i, paren) : { args: '', endLine: i };
            const name = /\bname\s*=\s*("[^"]*"|'[^']*')/.exec(args.args);
            pending = { name: name ? name[1].slice(1, -1) : undefined, off: /\bdefault\s*=\s*False\b/.test(args.args) };
            i = args.endLine;
            continue;
        }
        const def = /^(\s*)def\s+([A-Za-z_]\w*)\s*\(/.exec(raw);
        if (def && pending) {
            const name = pending.name ?? def[2];
            current = { task: addTask(out, name), indent: def[1].length };
            if (!pending.off)
                out.defaults.push(name);
            pending = undefined;
            continue;
        }
        const opts = /^nox\.options\.sessions\s*=\s*\[(.*)\]/.exec(raw);
        if (opts)
            optionSessions = [...opts[1].matchAll(/"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2]);
        if (!current)
            continue;
        for (const m of raw.matchAll(/\bsession\.(run|run_always|notify)\s*\(/g)) {
            const call = callText(lines, i, m.index + m[0].length - 1);
            const args = splitArgs(call.args);
            if (m[1] === 'notify') {
                const target = literal(args[0] ?? '');
                if (target)
                    current.task.calls.push(target);
                continue;
            }
            const words = [];
            for (const a of args) {
                if (/^\w+\s*=[^=]/.test(a))
                    break; // keyword arguments: env=, external=, silent=
                const v = literal(a);
                if (v === undefined) {
                    if (words.length)
                        words.push(a.startsWith('*') ? '' : '$ARG');
                    continue;
                }
                words.push(/\s/.test(v) ? `'${v}'` : v);
            }
            const cmd = words.filter(Boolean).join(' ');
            if (cmd)
                current.task.lines.push(lineAt(path, cmd, i + 1, m.index + 1, raw.slice(m.index)));
        }
    }
    if (optionSessions)
        out.defaults.splice(0, out.defaults.length, ...optionSessions);
    return out;
}
// ───────────────────────────── Rake (Rakefile) ─────────────────────────────
/** Task libraries that define a task running a known tool: `RSpec::Core::RakeTask.new(:spec)` runs rspec. */
const RAKE_TASK_LIBRARIES = [
    [/RSpec::Core::RakeTask\.new/, 'spec', 'rspec'],
    [/RuboCop::RakeTask\.new/, 'rubocop', 'rubocop'],
    [/Rake::TestTask\.new/, 'test', 'rake test'],
    [/Cucumber::Rake::Task\.new/, 'features', 'cucumber'],
];
function rakeNames(s) {
    const words = s.replace(/%[wi][[({](.*?)[\])}]/g, (_m, inner) => inner.split(/\s+/).map((w) => `:${w}`).join(','));
    return [...words.matchAll(/:([\w:-]+)|"([^"]+)"|'([^']+)'/g)].map((m) => m[1] ?? m[2] ?? m[3]).filter(Boolean);
}
function parseRakefile(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    const namespaces = [];
    let current;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const t = raw.trim();
        if (!t || t.startsWith('#'))
            continue;
        const indent = /^\s*/.exec(raw)[0].length;
        while (namespaces.length && indent <= namespaces[namespaces.length - 1].indent && /^end\b/.test(t))
            namespaces.pop();
        if (current && indent <= current.indent)
            current = undefined;
        const prefix = namespaces.map((n) => n.name + ':').join('');
        const ns = /^namespace\s+[:"']?([\w-]+)/.exec(t);
        if (ns) {
            namespaces.push({ name: ns[1], indent });
            continue;
        }
        for (const [re, name, command] of RAKE_TASK_LIBRARIES) {
            if (!re.test(t))
                continue;
            const given = /\.new\s*\(?\s*[:"']([\w:-]+)/.exec(t);
            const task = addTask(out, prefix + (given ? given[1] : name));
            task.lines.push(lineAt(path, command, i + 1, indent + 1, t));
        }
        const def = /^(?:multi)?task\s*\(?\s*(?::([\w-]+)|"([\w:-]+)"|'([\w:-]+)'|([\w-]+):)\s*(?:(?:=>|,)?\s*(.*))?$/.exec(t);
        if (def) {
            const name = prefix + (def[1] ?? def[2] ?? def[3] ?? def[4]);
            const task = addTask(out, name);
            const rest = (def[5] ?? '').replace(/\bdo\b.*$/, '').replace(/\{.*$/, '');
            // `task default: [:spec, :lint]`, `task :ci => %w[spec lint]`, `task name: :dep`
            const deps = def[4] !== undefined ? rest : rest.replace(/^\s*\)?\s*/, '');
            for (const d of rakeNames(deps))
                task.calls.push(d);
            if (/\bdo\b|\{/.test(def[5] ?? ''))
                current = { task, indent };
            continue;
        }
        if (!current)
            continue;
        const sh = /\b(sh|system|ruby)\s*\(?\s*(.*)$/.exec(t);
        if (sh && !/^\s*(def|if|unless)\b/.test(t)) {
            const args = splitArgs(sh[2].replace(/\)\s*(?:\|\|.*|or\b.*|if\b.*|unless\b.*)?$/, '').replace(/\s+(?:if|unless)\s+.*$/, ''));
            const words = args.map((a) => literal(a.replace(/^%[qQ]?[({[](.*)[)}\]]$/, '"$1"'))).filter((w) => w !== undefined);
            if (words.length) {
                const text0 = (sh[1] === 'ruby' ? 'ruby ' : '') + words.join(' ');
                current.task.lines.push(lineAt(path, text0, i + 1, raw.indexOf(sh[0]) + 1, t));
            }
        }
        for (const m of t.matchAll(/Rake::Task\[\s*["':]?([\w:-]+)["']?\s*\]\.(?:invoke|execute)/g))
            current.task.calls.push(m[1]);
    }
    if (out.tasks.has('default'))
        out.defaults.push('default');
    return out;
}
// ───────────────────────────── mage (magefile.go) ─────────────────────────────
const MAGE_SH = /\bsh\.(?:Run|RunV|RunWith|RunWithV|Output|OutputWith|Exec|RunCmd|OutCmd)\s*\(/g;
function parseMagefile(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    // package-level strings (`var goexe = "go"`, `const ( tool = "golangci-lint" )`), and functions
    const strings = new Map();
    const funcs = [];
    let block = false;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        if (/^(var|const)\s*\($/.test(raw.trim()) && !/^\s/.test(raw)) {
            block = true;
            continue;
        }
        if (block && raw.trim() === ')') {
            block = false;
            continue;
        }
        const assign = block ? /^\s*([A-Za-z_]\w*)\s*(?:\w+\s*)?=\s*(.+)$/.exec(raw) : /^(?:var|const)\s+([A-Za-z_]\w*)\s*(?:\w+\s*)?=\s*(.+)$/.exec(raw);
        if (assign) {
            strings.set(assign[1], assign[2].trim());
            continue;
        }
        const fn = /^func\s+(?:\([^)]*\)\s*)?([A-Za-z_]\w*)\s*\(/.exec(raw);
        if (!fn)
            continue;
        // a body ends at the first `}` in column 1 (gofmt); a function on one line ends there
        let end = i + 1;
        if ((raw.match(/\{/g) ?? []).length <= (raw.match(/\}/g) ?? []).length)
            end = i;
        else
            while (end < lines.length && lines[end] !== '}')
                end++;
        funcs.push({ name: fn[1], start: i, end });
        i = end;
    }
    const resolve = (expr, depth = 0) => {
        const lit = literal(expr);
        if (lit !== undefined)
            return lit;
        const v = strings.get(expr.trim());
        return v !== undefined && depth < 8 ? resolve(v, depth + 1) : undefined;
    };
    const targets = new Map();
    for (const f of funcs)
        if (/^[A-Z]/.test(f.name))
            targets.set(f.name.toLowerCase(), f.name);
    const helpers = funcs.filter((f) => /^[a-z]/.test(f.name) && f.name !== 'init' && f.name !== 'main').map((f) => f.name);
    const helperCall = helpers.length ? new RegExp(`(?<![\\w.])(?:${helpers.map((h) => h.replace(/\W/g, '')).join('|')})\\s*\\(`, 'g') : undefined;
    for (const f of funcs) {
        if (!/^[A-Z]/.test(f.name))
            continue;
        const task = addTask(out, f.name.toLowerCase());
        for (let i = f.start + 1; i < f.end; i++) {
            const raw = lines[i];
            if (raw.trim().startsWith('//'))
                continue;
            for (const m of raw.matchAll(/\bmg\.(?:Deps|SerialDeps|CtxDeps|SerialCtxDeps)\s*\(/g)) {
                const call = callText(lines, i, m.index + m[0].length - 1);
                for (const a of splitArgs(call.args))
                    if (targets.has(a.trim().toLowerCase()))
                        task.calls.push(a.trim().toLowerCase());
            }
            for (const m of raw.matchAll(/(?<![\w.])([A-Z]\w*)\s*\(\s*\)/g))
                if (targets.has(m[1].toLowerCase()))
                    task.calls.push(m[1].toLowerCase());
            const calls = [...raw.matchAll(MAGE_SH), ...(helperCall ? raw.matchAll(helperCall) : [])];
            for (const m of calls) {
                const call = callText(lines, i, m.index + m[0].length - 1);
                const words = [];
                for (const a of splitArgs(call.args)) {
                    const v = resolve(a);
                    if (v === undefined) {
                        if (words.length)
                            words.push(a.endsWith('...') ? '' : '$ARG');
                        continue;
                    } // leading env/ctx/writers are not the command
                    words.push(/\s/.test(v) ? `'${v}'` : v);
                }
                const cmd = words.filter(Boolean).join(' ');
                if (cmd && !/\s/.test(words[0]))
                    task.lines.push(lineAt(path, cmd, i + 1, m.index + 1, raw.slice(m.index)));
            }
        }
    }
    const def = /^var\s+Default\s*=\s*([A-Za-z_]\w*)/m.exec(text);
    if (def)
        out.defaults.push(def[1].toLowerCase());
    return out;
}
// ───────────────────────────── cargo aliases (.cargo/config.toml) ─────────────────────────────
function parseCargoAliases(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    let section = '';
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const sec = /^\s*\[([^\]]+)\]\s*(?:#.*)?$/.exec(raw);
        if (sec) {
            section = sec[1].trim();
            continue;
        }
        const dotted = /^\s*alias\.([\w-]+)\s*=\s*(.*)$/.exec(raw);
        const kv = section === 'alias' ? /^\s*([\w-]+)\s*=\s*(.*)$/.exec(raw) : dotted;
        if (!kv)
            continue;
        const value = kv[2].trim();
        let command;
        const str = /^("(?:[^"\\]|\\.)*"|'[^']*')/.exec(value);
        if (str)
            command = str[1].slice(1, -1);
        else if (value.startsWith('['))
            command = [...bracketed(lines, i, raw.indexOf('[')).text.matchAll(/"((?:[^"\\]|\\.)*)"|'([^']*)'/g)].map((m) => m[1] ?? m[2]).join(' ');
        if (command?.trim())
            addTask(out, kv[1]).lines.push(lineAt(path, command.trim(), i + 1, raw.search(/\S/) + 1, raw));
    }
    return out;
}
// ───────────────────────────── Meson (meson.build) ─────────────────────────────
/** `meson.source_root()` and friends: the folder a run target's command names, read as `.`. */
const MESON_DIRS = /^meson\s*\.\s*(?:source_root|build_root|project_source_root|project_build_root|global_source_root|global_build_root|current_source_dir|current_build_dir)\s*\(\s*\)$/;
/** Index of the `]` closing the list that opens `s` (quotes skipped), or the end of `s`. */
function closingBracket(s) {
    let depth = 0;
    let quote = false;
    for (let c = 0; c < s.length; c++) {
        if (s[c] === "'")
            quote = !quote;
        if (quote)
            continue;
        if (s[c] === '[' || s[c] === '(')
            depth++;
        if ((s[c] === ']' || s[c] === ')') && --depth === 0)
            return c;
    }
    return s.length;
}
/** One item of a run target's command: a string, a program found by `find_program`, a folder; undefined when it cannot be read. */
function mesonWord(item, programs) {
    const s = item.trim();
    const lit = /^'[^']*'$/.test(s) ? s.slice(1, -1) : undefined;
    if (lit !== undefined)
        return lit.replace(/@(?:SOURCE_ROOT|BUILD_ROOT|CURRENT_SOURCE_DIR)@/g, '.');
    if (programs.has(s))
        return programs.get(s);
    if (MESON_DIRS.test(s))
        return '.';
    const call = /^(find_program|files)\s*\(\s*'([^']+)'/.exec(s);
    if (call)
        return call[2];
    return undefined;
}
/**
 * meson.build: each `run_target('name', command: [...])` is a task (`ninja name`, `meson compile name`)
 * running its command, with programs from `x = find_program('tool')`; `alias_target('name', a, b)`
 * runs the run targets kept in `a` and `b`. Lists kept in variables (file lists) are left out of
 * the command; a command whose program cannot be read gives no line.
 */
function parseMesonBuild(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    const programs = new Map();
    const targets = new Map();
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const m = /^\s*(?:(\w+)\s*=\s*)?(find_program|run_target|alias_target)\s*\(/.exec(raw);
        if (!m)
            continue;
        const call = callText(lines, i, m[0].length - 1);
        const args = splitArgs(call.args);
        const name = /^'[^']*'$/.test(args[0] ?? '') ? args[0].slice(1, -1) : undefined;
        if (m[2] === 'find_program') {
            if (m[1] && name)
                programs.set(m[1], name);
        }
        else if (m[2] === 'run_target' && name) {
            if (m[1])
                targets.set(m[1], name);
            const command = args.find((a) => /^command\s*:/.test(a));
            if (!command)
                continue;
            const value = command.slice(command.indexOf(':') + 1).trim();
            // `[tool, args…] + file_list`: the literal list is the command; lists kept in variables are left out
            const list = value.startsWith('[') ? splitArgs(value.slice(1, closingBracket(value))) : [value.split('+')[0]];
            const words = list.map((w) => mesonWord(w, programs));
            if (words[0] === undefined)
                continue;
            const shown = words.filter((w) => w !== undefined).map((w) => (/[\s'"]/.test(w) ? `'${w.replace(/'/g, '')}'` : w));
            const column = raw.indexOf(m[2]) + 1;
            const written = lines.slice(i, call.endLine + 1).map((l) => l.replace(/#.*$/, '').trim()).join(' ').replace(/\s+/g, ' ').replace(/([([])\s+/g, '$1').replace(/\s+([)\]])/g, '$1');
            addTask(out, name).lines.push(lineAt(path, shown.join(' '), i + 1, column, written));
        }
        else if (m[2] === 'alias_target' && name) {
            if (m[1])
                targets.set(m[1], name);
            const task = addTask(out, name);
            for (const a of args.slice(1)) {
                const t = targets.get(a.trim());
                if (t)
                    task.calls.push(t);
            }
        }
        i = Math.max(i, call.endLine);
    }
    return out;
}
// ───────────────────────────── Poe the Poet (pyproject.toml) ─────────────────────────────
/** A TOML string value starting at `lines[i]` column `at`: its text and the physical lines it spans (triple quotes). */
function tomlString(lines, i, at) {
    const s = lines[i];
    const q = /^("""|'''|"|')/.exec(s.slice(at));
    if (!q)
        return undefined;
    const quote = q[1];
    if (quote.length === 1) {
        let j = at + 1;
        let v = '';
        for (; j < s.length && s[j] !== quote; j++) {
            if (s[j] === '\\' && quote === '"') {
                v += s[++j] ?? '';
                continue;
            }
            v += s[j];
        }
        return { parts: [{ text: v, line: i + 1, column: at + 2 }], endLine: i };
    }
    const parts = [];
    for (let l = i; l < lines.length && l < i + MAX_CALL_LINES; l++) {
        const from = l === i ? at + 3 : 0;
        const end = lines[l].indexOf(quote, from);
        const piece = lines[l].slice(from, end < 0 ? undefined : end);
        if (piece.trim())
            parts.push({ text: piece, line: l + 1, column: from + 1 });
        if (end >= 0)
            return { parts, endLine: l };
    }
    return { parts, endLine: i };
}
/** Adds a poe task body (`cmd`, `shell`, `ref`, `sequence`, `deps`) read from `key = value` at `lines[i]`. */
function poeEntry(path, lines, i, key, valueAt, task, stringsAreRefs) {
    const raw = lines[i];
    const first = raw[valueAt];
    if (first === '"' || first === "'") {
        const str = tomlString(lines, i, valueAt);
        if (!str)
            return i;
        if (key === 'ref')
            task.calls.push(...str.parts.map((p) => p.text.trim().split(/\s+/)[0]).slice(0, 1));
        else if (key === 'shell')
            task.lines.push(...(0, shell_1.joinContinuations)(path, str.parts));
        // a cmd task is one command, its lines joined
        else if (key === 'cmd' && str.parts.length)
            task.lines.push(lineAt(path, str.parts.map((p) => p.text.trim()).join(' '), str.parts[0].line, str.parts[0].column, str.parts[0].text));
        return str.endLine;
    }
    if (first === '[' && (key === 'sequence' || key === 'deps')) {
        const arr = bracketed(lines, i, valueAt);
        const body = arr.text.slice(1, arr.text.lastIndexOf(']'));
        for (const item of splitArgs(body.replace(/\n/g, ' '))) {
            const lit = literal(item);
            if (lit !== undefined) {
                if (stringsAreRefs || key === 'deps')
                    task.calls.push(lit.trim().split(/\s+/)[0]);
                continue;
            }
            const inline = /^\{\s*(cmd|shell|ref)\s*=\s*("(?:[^"\\]|\\.)*"|'[^']*')/.exec(item.trim());
            if (!inline)
                continue;
            const v = literal(inline[2]) ?? '';
            if (inline[1] === 'ref')
                task.calls.push(v.trim().split(/\s+/)[0]);
            else {
                // the item's place in the file: the line holding its text
                const l = lines.findIndex((x, k) => k >= i && k <= arr.endLine && x.includes(inline[2]));
                const at = l >= 0 ? l : i;
                task.lines.push(lineAt(path, v, at + 1, lines[at].indexOf(inline[2]) + 2, lines[at].trim()));
            }
        }
        return arr.endLine;
    }
    if (first === '{') {
        // inline table on one line: `{ cmd = "…", help = "…" }`
        const body = raw.slice(valueAt + 1, raw.lastIndexOf('}'));
        const isCmdSeq = /default_item_type\s*=\s*["']cmd["']/.test(body);
        for (const kv of splitArgs(body)) {
            const m = /^(cmd|shell|ref|sequence|deps)\s*=\s*/.exec(kv);
            if (!m)
                continue;
            const at = raw.indexOf(kv, valueAt) + m[0].length;
            poeEntry(path, lines, i, m[1], at, task, !isCmdSeq);
        }
        return i;
    }
    return i;
}
/** pyproject.toml `[tool.poe.tasks]`: `name = "cmd"`, `name = { cmd|shell|ref|sequence = … }`, `name = ["a", "b"]` and `[tool.poe.tasks.name]` tables. */
function parsePoeTasks(path, text) {
    const out = emptyRunner();
    const lines = physical(text);
    let section = '';
    let table;
    for (let i = 0; i < lines.length; i++) {
        const raw = lines[i];
        const sec = /^\s*\[([^\]]+)\]\s*(#.*)?$/.exec(raw);
        if (sec) {
            section = sec[1].trim();
            const t = /^tool\.poe\.tasks\.("[^"]+"|'[^']+'|[\w-]+)$/.exec(section);
            table = t ? { task: addTask(out, t[1].replace(/^["']|["']$/g, '')), refs: true } : undefined;
            if (table) {
                // `default_item_type = "cmd"` anywhere in the table makes its sequence items commands
                for (let j = i + 1; j < lines.length && !/^\s*\[/.test(lines[j]); j++)
                    if (/^\s*default_item_type\s*=\s*["']cmd["']/.test(lines[j]))
                        table.refs = false;
            }
            continue;
        }
        const kv = /^\s*("[^"]+"|'[^']+'|[\w-]+)\s*=\s*/.exec(raw);
        if (!kv)
            continue;
        const key = kv[1].replace(/^["']|["']$/g, '');
        if (section === 'tool.poe.tasks') {
            const task = addTask(out, key);
            const first = raw[kv[0].length];
            // `name = "…"` is a cmd task; `name = [..]` a sequence of other tasks
            i = poeEntry(path, lines, i, first === '[' ? 'sequence' : first === '{' ? 'table' : 'cmd', kv[0].length, task, true);
        }
        else if (table && ['cmd', 'shell', 'ref', 'sequence', 'deps'].includes(key)) {
            i = poeEntry(path, lines, i, key, kv[0].length, table.task, table.refs);
        }
    }
    return out;
}
//# sourceMappingURL=runners.js.map