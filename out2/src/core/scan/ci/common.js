"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.emptyCiFile = emptyCiFile;
exports.errorMessage = errorMessage;
exports.openYaml = openYaml;
exports.spend = spend;
exports.guard = guard;
exports.rangeOf = rangeOf;
exports.posOf = posOf;
exports.spanLoc = spanLoc;
exports.nodeLoc = nodeLoc;
exports.docStartLoc = docStartLoc;
exports.joinLoc = joinLoc;
exports.itemLoc = itemLoc;
exports.entries = entries;
exports.entry = entry;
exports.get = get;
exports.items = items;
exports.str = str;
exports.isTrue = isTrue;
exports.isNullish = isNullish;
exports.valueString = valueString;
exports.located = located;
exports.locatedScalar = locatedScalar;
exports.keyLoc = keyLoc;
exports.envMap = envMap;
exports.plain = plain;
exports.addReference = addReference;
exports.normalizePath = normalizePath;
exports.dirname = dirname;
exports.scriptLines = scriptLines;
exports.shellQuote = shellQuote;
exports.stringItems = stringItems;
exports.commandLine = commandLine;
exports.isShellProgram = isShellProgram;
exports.shellScriptArg = shellScriptArg;
// Shared helpers for the YAML CI parsers: opening a file safely, locations from nodes,
// merge-aware map access, and turning YAML scalars into logical shell lines with the exact
// position of every line's first character. Pure TypeScript: no 'vscode' here.
const text_1 = require("../../text");
const yaml_1 = require("../../yaml");
const shell_1 = require("../parse/shell");
const BUDGET = 200_000;
function emptyCiFile(kind, path) {
    return {
        kind,
        path,
        anchor: { path, line: 1, column: 1, endLine: 1, endColumn: 1 },
        jobs: [],
        references: [],
        env: {},
        schedules: [],
        events: [],
        problems: [],
    };
}
function errorMessage(e) {
    return e instanceof Error ? e.message : String(e);
}
/**
 * Reads `text` (yaml.ts's readYamlDocuments: its problems go on the file) and returns a context
 * for every document it lets through.
 */
function openYaml(file, text) {
    return (0, yaml_1.readYamlDocuments)(text, file.problems).map(({ doc, lc }) => ({
        path: file.path,
        text,
        lc,
        doc,
        problems: file.problems,
        // The budget bounds walks that follow aliases; a document without aliases has fewer nodes than
        // characters, so a long but honest file (a 100k-line script) is walked completely.
        budget: { left: Math.max(BUDGET, text.length), reported: false },
    }));
}
/** Spends one unit of the walk budget; false (and one problem) once it is exhausted. */
function spend(ctx, n = 1) {
    ctx.budget.left -= n;
    if (ctx.budget.left >= 0)
        return true;
    if (!ctx.budget.reported) {
        ctx.budget.reported = true;
        ctx.problems.push({ message: 'The document is too large once its aliases are expanded; the rest was not analysed', line: 1, column: 1, severity: 'error' });
    }
    return false;
}
/** Runs one part of a parse; an unexpected failure becomes a problem instead of an exception. */
function guard(problems, what, fn, at) {
    try {
        fn();
    }
    catch (e) {
        problems.push({ message: `Could not analyse ${what}: ${errorMessage(e)}`, line: at?.line ?? 1, column: at?.column ?? 1, severity: 'error' });
    }
}
// ---------------------------------------------------------------------------------------------
// Locations
function rangeOf(node) {
    const r = node?.range;
    return Array.isArray(r) ? r : undefined;
}
function posOf(ctx, offset) {
    const { line, col } = ctx.lc.linePos(Math.max(0, Math.min(offset, ctx.text.length)));
    return { line, column: col };
}
function spanLoc(ctx, start, end) {
    const s = posOf(ctx, start);
    const e = posOf(ctx, Math.max(start, end));
    return { path: ctx.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
/** The written extent of a node (value end; the trailing line break of block scalars excluded). */
function nodeLoc(ctx, node, fallback) {
    const r = rangeOf(node);
    if (!r)
        return fallback ?? docStartLoc(ctx);
    let end = r[1];
    while (end > r[0] && (ctx.text[end - 1] === '\n' || ctx.text[end - 1] === '\r'))
        end--;
    return spanLoc(ctx, r[0], end);
}
function docStartLoc(ctx) {
    const r = rangeOf(ctx.doc.contents);
    return r ? spanLoc(ctx, r[0], r[0]) : { path: ctx.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
}
/** From the start of `a` to the end of `b` (e.g. `job: build`). */
function joinLoc(a, b) {
    return { path: a.path, line: a.line, column: a.column, endLine: b.endLine, endColumn: b.endColumn };
}
/**
 * The first line of a mapping item (a step): from its first key to the end of that key's value
 * when the value sits on the same line, else to the end of the key.
 */
function itemLoc(ctx, node, fallback) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if ((0, yaml_1.isMap)(n)) {
        const first = n.items.find((p) => (0, yaml_1.isPair)(p));
        if (first && (0, yaml_1.isPair)(first)) {
            const kl = nodeLoc(ctx, first.key, fallback);
            const v = first.value;
            if (v !== null && v !== undefined && !(0, yaml_1.isAlias)(v) && rangeOf(v)) {
                const vl = nodeLoc(ctx, v);
                if (vl.line === kl.line && vl.endLine === kl.line)
                    return joinLoc(kl, vl);
            }
            return kl;
        }
    }
    return nodeLoc(ctx, node, fallback);
}
/**
 * The entries of a mapping with YAML merge-key semantics: keys written in the map win over
 * merged ones, and among merge sources the earlier source wins. Every map is visited once,
 * so cyclic or repeated merges cannot loop or blow up.
 */
function entries(ctx, node) {
    const out = [];
    collectEntries(ctx, (0, yaml_1.deref)(ctx.doc, node), out, new Set(), new Set());
    return out;
}
function collectEntries(ctx, map, out, emitted, seen) {
    if (!(0, yaml_1.isMap)(map) || seen.has(map))
        return;
    seen.add(map);
    const pairs = map.items.filter((p) => (0, yaml_1.isPair)(p));
    // A key written twice (an error to YAML 1.2, accepted by the CI systems' lenient readers): the
    // last one wins, as in those readers.
    const explicit = new Map();
    pairs.forEach((p, i) => {
        const k = (0, yaml_1.scalarText)((0, yaml_1.deref)(ctx.doc, p.key));
        if (k !== undefined && k !== '<<')
            explicit.set(k, i);
    });
    for (const [index, p] of pairs.entries()) {
        const keyNode = (0, yaml_1.deref)(ctx.doc, p.key);
        const k = (0, yaml_1.scalarText)(keyNode);
        if (k === undefined)
            continue;
        // A quoted '<<' is an ordinary key; a plain one is a merge.
        const quoted = (0, yaml_1.isScalar)(keyNode) && (keyNode.type === 'QUOTE_SINGLE' || keyNode.type === 'QUOTE_DOUBLE');
        if (k === '<<' && !quoted) {
            const src = (0, yaml_1.deref)(ctx.doc, p.value);
            const sources = (0, yaml_1.isSeq)(src) ? src.items.map((i) => (0, yaml_1.deref)(ctx.doc, i)) : [src];
            for (const s of sources) {
                const sub = [];
                collectEntries(ctx, s, sub, new Set(), seen);
                for (const e of sub) {
                    if (explicit.has(e.key) || emitted.has(e.key))
                        continue;
                    emitted.add(e.key);
                    out.push(e);
                }
            }
            continue;
        }
        if (emitted.has(k) || (k !== '<<' && explicit.get(k) !== index))
            continue;
        emitted.add(k);
        out.push({ key: k, keyNode: p.key, value: (0, yaml_1.deref)(ctx.doc, p.value), raw: p.value });
    }
}
function entry(ctx, node, key) {
    return entries(ctx, node).find((e) => e.key === key);
}
function get(ctx, node, key) {
    return entry(ctx, node, key)?.value;
}
function items(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if (!(0, yaml_1.isSeq)(n))
        return [];
    return n.items.map((i) => (0, yaml_1.deref)(ctx.doc, i));
}
function str(ctx, node) {
    return (0, yaml_1.scalarText)((0, yaml_1.deref)(ctx.doc, node));
}
/** True only for a literal boolean `true` (not `"true"`, not an expression). */
function isTrue(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    return (0, yaml_1.isScalar)(n) && n.value === true;
}
function isNullish(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    return n === null || n === undefined || ((0, yaml_1.isScalar)(n) && (n.value === null || n.value === undefined));
}
/** A value as a string: scalars as written, sequences joined with `sep`, maps as their source. */
function valueString(ctx, node, sep = ' ') {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if (n === null || n === undefined)
        return '';
    if ((0, yaml_1.isScalar)(n))
        return (0, yaml_1.scalarText)(n) ?? '';
    if ((0, yaml_1.isSeq)(n)) {
        const parts = [];
        for (const i of n.items) {
            if (!spend(ctx))
                break;
            parts.push(valueString(ctx, i, sep));
        }
        return parts.join(sep);
    }
    const r = rangeOf(n);
    return r ? ctx.text.slice(r[0], r[1]).trim() : '';
}
function located(ctx, node, fallback, sep = ' ') {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    return { value: valueString(ctx, n, sep), loc: isNullish(ctx, n) ? fallback : nodeLoc(ctx, n, fallback) };
}
/** Located scalar, or undefined when the node is not a non-empty scalar. */
function locatedScalar(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if (!(0, yaml_1.isScalar)(n))
        return undefined;
    const v = (0, yaml_1.scalarText)(n);
    if (v === undefined || v === '' || n.value === null)
        return undefined;
    return { value: v, loc: nodeLoc(ctx, n) };
}
function keyLoc(ctx, e) {
    return nodeLoc(ctx, e.keyNode);
}
/** `{ KEY: value }` → Located strings (value loc, or the key when the value is empty). */
function envMap(ctx, node) {
    const out = {};
    for (const e of entries(ctx, node))
        out[e.key] = located(ctx, e.value, keyLoc(ctx, e));
    return out;
}
/** Plain JS value of a node, bounded by the walk budget (aliases followed, never expanded twice over budget). */
function plain(ctx, node, depth = 0) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if (n === null || n === undefined || depth > 50 || !spend(ctx))
        return null;
    if ((0, yaml_1.isScalar)(n)) {
        const v = n.value;
        return v instanceof Date ? (0, yaml_1.scalarText)(n) : v ?? null;
    }
    if ((0, yaml_1.isSeq)(n))
        return n.items.map((i) => plain(ctx, i, depth + 1));
    if ((0, yaml_1.isMap)(n)) {
        const o = {};
        for (const e of entries(ctx, n))
            o[e.key] = plain(ctx, e.value, depth + 1);
        return o;
    }
    return null;
}
/** Adds a reference unless the same one (kind, ref, position) is already there. */
function addReference(file, ref) {
    const dup = file.references.some((r) => r.kind === ref.kind && r.ref === ref.ref && r.loc.line === ref.loc.line && r.loc.column === ref.loc.column);
    if (!dup)
        file.references.push(ref);
}
// ---------------------------------------------------------------------------------------------
// Paths
/** '/'-separated, no leading './' or '/', '.' and '..' resolved where possible. */
function normalizePath(p) {
    const parts = p.replace(/\\/g, '/').split('/');
    const out = [];
    for (const part of parts) {
        if (part === '' || part === '.')
            continue;
        if (part === '..' && out.length && out[out.length - 1] !== '..')
            out.pop();
        else
            out.push(part);
    }
    return out.join('/');
}
function dirname(p) {
    const i = p.lastIndexOf('/');
    return i < 0 ? '' : p.slice(0, i);
}
/** A value built character by character, each character remembering where it was written. */
class Builder {
    chars = [];
    offs = [];
    pendChars = [];
    pendOffs = [];
    push(c, off) {
        this.flush();
        // One element per UTF-16 unit, so indexes in the joined text match indexes here.
        for (const unit of c.split('')) {
            this.chars.push(unit);
            this.offs.push(off);
        }
    }
    /** Literal whitespace: kept only if something other than a line break follows. */
    ws(c, off) {
        this.pendChars.push(c);
        this.pendOffs.push(off);
    }
    dropWs() {
        this.pendChars = [];
        this.pendOffs = [];
    }
    flush() {
        for (let i = 0; i < this.pendChars.length; i++) {
            this.chars.push(this.pendChars[i]);
            this.offs.push(this.pendOffs[i]);
        }
        this.dropWs();
    }
    value() {
        return this.chars.join('');
    }
    lines() {
        const out = [{ chars: [], offs: [] }];
        for (let i = 0; i < this.chars.length; i++) {
            if (this.chars[i] === '\n')
                out.push({ chars: [], offs: [] });
            else {
                out[out.length - 1].chars.push(this.chars[i]);
                out[out.length - 1].offs.push(this.offs[i]);
            }
        }
        return out;
    }
}
const DOUBLE_ESCAPES = {
    '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b',
    ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029',
};
function isBreakAt(text, i) {
    if (text[i] === '\n')
        return 1;
    if (text[i] === '\r' && text[i + 1] === '\n')
        return 2;
    if (text[i] === '\r')
        return 1;
    return 0;
}
/**
 * After a line break at `i` (of length `len`): skips the indentation of following lines and
 * counts empty lines. Returns the offset of the next content character and the count.
 */
function skipFold(text, i, end) {
    let j = i;
    let empty = 0;
    for (;;) {
        while (j < end && (text[j] === ' ' || text[j] === '\t'))
            j++;
        const b = isBreakAt(text, j);
        if (b && j < end) {
            empty++;
            j += b;
            continue;
        }
        return { next: j, empty };
    }
}
/** Plain and quoted (flow) scalars: line folding, quote and escape handling. */
function flowScalar(text, start, end, style) {
    const b = new Builder();
    let i = start;
    while (i < end) {
        const c = text[i];
        const br = isBreakAt(text, i);
        if (br) {
            b.dropWs();
            const f = skipFold(text, i + br, end);
            if (f.empty === 0)
                b.push(' ', i);
            else
                for (let k = 0; k < f.empty; k++)
                    b.push('\n', i);
            i = f.next;
            continue;
        }
        if (c === ' ' || c === '\t') {
            b.ws(c, i);
            i++;
            continue;
        }
        if (style === 'single' && c === "'" && text[i + 1] === "'") {
            b.push("'", i);
            i += 2;
            continue;
        }
        if (style === 'double' && c === '\\' && i + 1 < end) {
            const n = text[i + 1];
            const nbr = isBreakAt(text, i + 1);
            if (nbr) {
                // Escaped line break: joins without a space; whitespace before it is content.
                b.flush();
                const f = skipFold(text, i + 1 + nbr, end);
                for (let k = 0; k < f.empty; k++)
                    b.push('\n', i);
                i = f.next;
                continue;
            }
            const hexLen = n === 'x' ? 2 : n === 'u' ? 4 : n === 'U' ? 8 : 0;
            if (hexLen) {
                const hex = text.slice(i + 2, i + 2 + hexLen);
                const cp = /^[0-9a-fA-F]+$/.test(hex) && hex.length === hexLen ? parseInt(hex, 16) : NaN;
                b.push(Number.isNaN(cp) || cp > 0x10ffff ? text.slice(i, i + 2 + hexLen) : String.fromCodePoint(cp), i);
                i += 2 + hexLen;
                continue;
            }
            b.push(DOUBLE_ESCAPES[n] ?? text.slice(i, i + 2), i);
            i += 2;
            continue;
        }
        b.push(c, i);
        i++;
    }
    if (style !== 'plain')
        b.flush();
    return b;
}
/** Block scalars (`|`, `>`, with chomping and indentation indicators). */
function blockScalar(text, start, end, folded, value) {
    let i = start;
    while (i < end && !isBreakAt(text, i))
        i++;
    if (i >= end)
        return new Builder(); // header only: empty value
    i += isBreakAt(text, i);
    // Physical lines of the body, without their line breaks.
    const lines = [];
    while (i < end) {
        let j = i;
        while (j < end && !isBreakAt(text, j))
            j++;
        lines.push({ start: i, raw: text.slice(i, j) });
        i = j + (j < end ? isBreakAt(text, j) : 0);
    }
    const firstValue = value.split('\n').find((l) => /[^ ]/.test(l));
    const firstRaw = lines.find((l) => /[^ ]/.test(l.raw));
    if (firstValue === undefined || !firstRaw)
        return new Builder();
    const lead = (s) => s.length - s.replace(/^ +/, '').length;
    const indent = lead(firstRaw.raw) - lead(firstValue);
    if (indent < 0)
        return undefined;
    const b = new Builder();
    const body = [];
    for (const l of lines) {
        if (l.raw.length <= indent && !/[^ ]/.test(l.raw)) {
            body.push(null);
            continue;
        }
        if (lead(l.raw) < indent && /[^ ]/.test(l.raw))
            break; // less indented: not part of the scalar
        body.push({ start: l.start + indent, text: l.raw.slice(indent) });
    }
    const emit = (c) => {
        for (let k = 0; k < c.text.length; k++)
            b.push(c.text[k], c.start + k);
    };
    if (!folded) {
        body.forEach((c, idx) => {
            if (idx > 0)
                b.push('\n', c ? c.start : b.offs[b.offs.length - 1] ?? start);
            if (c)
                emit(c);
        });
        return b;
    }
    let prev;
    let empties = 0;
    for (const c of body) {
        if (!c || c.text === '') {
            empties++;
            continue;
        }
        const more = c.text[0] === ' ' || c.text[0] === '\t';
        if (!prev)
            for (let k = 0; k < empties; k++)
                b.push('\n', c.start);
        else {
            const prevMore = prev.text[0] === ' ' || prev.text[0] === '\t';
            if (!more && !prevMore) {
                if (empties === 0)
                    b.push(' ', c.start - 1);
                else
                    for (let k = 0; k < empties; k++)
                        b.push('\n', c.start);
            }
            else
                for (let k = 0; k < empties + 1; k++)
                    b.push('\n', c.start);
        }
        emit(c);
        prev = c;
        empties = 0;
    }
    return b;
}
function sameValue(a, b) {
    return (0, text_1.trimEndOf)(a, '\n') === (0, text_1.trimEndOf)(b, '\n');
}
/** The value lines of a scalar node, with source offsets for every character. */
function scalarLines(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if (!(0, yaml_1.isScalar)(n))
        return [];
    const r = rangeOf(n);
    const value = (0, yaml_1.scalarText)(n) ?? '';
    const type = n.type;
    let b;
    if (r) {
        const [s, e] = r;
        if (type === 'BLOCK_LITERAL' || type === 'BLOCK_FOLDED')
            b = blockScalar(ctx.text, s, e, type === 'BLOCK_FOLDED', value);
        else if (type === 'QUOTE_SINGLE')
            b = flowScalar(ctx.text, s + 1, e - 1, 'single');
        else if (type === 'QUOTE_DOUBLE')
            b = flowScalar(ctx.text, s + 1, e - 1, 'double');
        else if (type === 'PLAIN')
            b = typeof n.value === 'string' ? flowScalar(ctx.text, s, e, 'plain') : undefined;
        if (b && !sameValue(b.value(), value))
            b = undefined;
    }
    if (b)
        return b.lines();
    // Fallback (should not happen): lines of the parsed value, placed at the node's first line.
    const start = r?.[0] ?? 0;
    return value.split('\n').map((l, li) => ({ chars: l.split(''), offs: l.split('').map((_, k) => (li === 0 ? start + k : start)) }));
}
/**
 * Logical shell lines of a YAML scalar: one entry per command line, at the exact position of
 * its first character. The value's lines go through the shell module's joiner (the same rules
 * as for shell scripts and Jenkinsfiles): backslash continuations, trailing operators and open
 * quotes join lines; blank lines and full-line comments are dropped; heredoc bodies are skipped
 * (the line that opens the heredoc is kept). Positions are mapped back character by character,
 * so folded, quoted and escaped scalars are exact too. A sequence gives every item's lines.
 */
function scriptLines(ctx, node, depth = 0) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if ((0, yaml_1.isSeq)(n)) {
        const out = [];
        if (depth > 20)
            return out;
        for (const i of n.items) {
            if (!spend(ctx))
                break;
            out.push(...scriptLines(ctx, i, depth + 1));
        }
        return out;
    }
    if (!(0, yaml_1.isScalar)(n) || n.value === null || n.value === undefined)
        return [];
    return logicalLines(ctx, scalarLines(ctx, n));
}
const HERESTRING = '\u0000\u0000\u0000';
/** Joins the value lines into logical lines and maps their positions back to the source. */
function logicalLines(ctx, vlines) {
    // Synthetic coordinates: line = index of the value line + 1, column = index in it + 1.
    // Here-strings (`<<<`) are masked with same-length placeholders so that they can never be
    // taken for the start of a heredoc (which would swallow the rest of the script).
    const phys = vlines.map((l, i) => ({ text: l.chars.join('').replace(/<<</g, HERESTRING), line: i + 1, column: 1 }));
    const out = [];
    for (const joined of (0, shell_1.joinContinuations)(ctx.path, phys)) {
        const sl = { ...joined, text: joined.text.split(HERESTRING).join('<<<') };
        const startLine = vlines[sl.loc.line - 1];
        const endLine = vlines[sl.loc.endLine - 1];
        const start = startLine?.offs[sl.loc.column - 1];
        if (start === undefined)
            continue;
        const lastIdx = Math.min(Math.max(sl.loc.endColumn - 2, 0), (endLine?.offs.length ?? 1) - 1);
        const last = endLine?.offs[lastIdx];
        const end = last === undefined ? start + sl.text.length : last + 1;
        out.push({ text: sl.text, loc: spanLoc(ctx, start, Math.max(end, start + 1)) });
    }
    return out;
}
// ---------------------------------------------------------------------------------------------
// Commands given as a program and an argument list (Cloud Build `args`, Tekton `command`/`args`)
/** A word as a POSIX shell would need it written to stay one word. */
function shellQuote(word) {
    return word !== '' && /^[A-Za-z0-9_@%+=:,./${}-]+$/.test(word) ? word : `'${word.replace(/'/g, `'\\''`)}'`;
}
/** The scalar items of a list (a lone scalar is a list of one), as written. */
function stringItems(ctx, node) {
    const n = (0, yaml_1.deref)(ctx.doc, node);
    if ((0, yaml_1.isScalar)(n))
        return n.value === null || n.value === undefined ? [] : [(0, yaml_1.scalarText)(n) ?? ''];
    return items(ctx, n).filter((i) => (0, yaml_1.isScalar)(i)).map((i) => (0, yaml_1.scalarText)(i) ?? '');
}
/**
 * `program arg…` as one shell line, located at `at` (the node that holds the arguments): what a
 * container runs when a dialect gives its command as a list instead of a script.
 */
function commandLine(program, args, at) {
    return { text: [program, ...args].map(shellQuote).join(' '), loc: at };
}
const SHELLS = new Set(['bash', 'sh', '/bin/bash', '/bin/sh', '/usr/bin/bash', '/usr/bin/env bash', 'ash', '/bin/ash', 'zsh']);
/** Is this program a POSIX shell (so `-c <script>` is a script)? */
function isShellProgram(program) {
    return SHELLS.has(program.trim());
}
/**
 * The script a shell runs when called as `<shell> [-flags] -c <script> …`: the node of the
 * script argument, or undefined when the arguments are not of that form.
 */
function shellScriptArg(ctx, argsNode) {
    const args = items(ctx, argsNode);
    for (let i = 0; i < args.length - 1; i++) {
        const a = str(ctx, args[i]) ?? '';
        if (!/^-[A-Za-z]*c[A-Za-z]*$/.test(a)) {
            if (a.startsWith('-'))
                continue;
            return undefined;
        }
        return args[i + 1];
    }
    return undefined;
}
//# sourceMappingURL=common.js.map