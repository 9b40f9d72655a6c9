"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.MAX_INTERPOLATION_DEPTH = exports.Source = void 0;
exports.tokenize = tokenize;
exports.unescapeLine = unescapeLine;
exports.strContent = strContent;
class Source {
    text;
    starts = [0];
    constructor(text) {
        this.text = text;
        for (let i = 0; i < text.length; i++)
            if (text[i] === '\n')
                this.starts.push(i + 1);
    }
    pos(offset) {
        let lo = 0;
        let hi = this.starts.length - 1;
        while (lo < hi) {
            const mid = (lo + hi + 1) >> 1;
            if (this.starts[mid] <= offset)
                lo = mid;
            else
                hi = mid - 1;
        }
        return { line: lo + 1, col: offset - this.starts[lo] + 1 };
    }
}
exports.Source = Source;
const MULTI_OPS = ['>>>=', '..<', '==~', '<=>', '>>>', '<<=', '>>=', '?.', '*.', '.&', '..', '->', '=~', '==', '!=', '<=', '>=', '&&', '||',
    '?:', '++', '--', '+=', '-=', '*=', '/=', '%=', '<<', '>>', '**', '::', '|=', '&=', '^='];
/** After these a `/` starts a slashy string rather than a division. */
const SLASHY_AFTER = new Set(['(', ',', ':', '=', '[', '{', '!', '&&', '||', '?', '==~', '=~', ';', '->', 'return']);
/** GString interpolations nested deeper than this get a note (real Jenkinsfiles nest two or three). */
exports.MAX_INTERPOLATION_DEPTH = 10;
/** Strings named one by one in the notes of a file; more are summed up in one note. */
const MAX_DEEP_STRING_NOTES = 5;
/**
 * Notes on strings whose interpolations nest deeper than MAX_INTERPOLATION_DEPTH: such a string is
 * read as written, and the Groovy code nested in it is not analysed (interpolated code never is;
 * the note says why this string looks odd).
 */
function deepStringNotes(src, deep) {
    const notes = deep.slice(0, MAX_DEEP_STRING_NOTES).map((d) => {
        const p = src.pos(d.at);
        return { message: `String interpolations nested ${d.depth} levels deep: the string is read as written, the Groovy code nested in it is not analysed`, line: p.line, column: p.col, severity: 'warning' };
    });
    if (deep.length > MAX_DEEP_STRING_NOTES) {
        const rest = deep.length - MAX_DEEP_STRING_NOTES;
        const p = src.pos(deep[MAX_DEEP_STRING_NOTES].at);
        notes.push({ message: `${rest} more ${rest === 1 ? 'string nests' : 'strings nest'} interpolations deeper than ${exports.MAX_INTERPOLATION_DEPTH} levels (read as written)`, line: p.line, column: p.col, severity: 'warning' });
    }
    return notes;
}
function tokenize(src, problems) {
    const s = src.text;
    const n = s.length;
    const toks = [];
    let i = 0;
    let nl = true;
    const deepStrings = [];
    const push = (t, start, end, extra) => {
        const a = src.pos(start);
        const b = src.pos(end);
        toks.push({ t, v: s.slice(start, end), start, end, line: a.line, col: a.col, endLine: b.line, endCol: b.col, nl, ...extra });
        nl = false;
    };
    if (s.startsWith('#!')) {
        const e = s.indexOf('\n');
        i = e < 0 ? n : e;
    }
    while (i < n) {
        const c = s[i];
        if (c === '\n') {
            nl = true;
            i++;
            continue;
        }
        if (c === ' ' || c === '\t' || c === '\r' || c === '\f' || c === '\ufeff') {
            i++;
            continue;
        }
        if (c === '\\' && (s[i + 1] === '\n' || (s[i + 1] === '\r' && s[i + 2] === '\n'))) {
            i += s[i + 1] === '\r' ? 3 : 2;
            continue;
        }
        if (c === '/' && s[i + 1] === '/') {
            const e = s.indexOf('\n', i);
            i = e < 0 ? n : e;
            continue;
        }
        if (c === '/' && s[i + 1] === '*') {
            const e = s.indexOf('*/', i + 2);
            if (e < 0) {
                problems.push({ message: 'Unterminated /* comment', line: src.pos(i).line, column: src.pos(i).col, severity: 'warning' });
                i = n;
                break;
            }
            if (s.slice(i, e).includes('\n'))
                nl = true;
            i = e + 2;
            continue;
        }
        // strings
        if (c === "'" || c === '"') {
            const triple = s.startsWith(c.repeat(3), i);
            const q = triple ? c.repeat(3) : c;
            const cs = i + q.length;
            const r = c === '"' ? scanDouble(s, cs, triple) : { ...scanSingle(s, cs, triple), depth: 0 };
            if (!r.closed) {
                const p = src.pos(i);
                problems.push({ message: `Unterminated string starting with ${q}`, line: p.line, column: p.col, severity: 'error' });
            }
            if (r.depth > exports.MAX_INTERPOLATION_DEPTH)
                deepStrings.push({ at: i, depth: r.depth });
            push('str', i, r.end, { q, cs, ce: r.contentEnd });
            i = r.end;
            continue;
        }
        if (c === '$' && s[i + 1] === '/') {
            const e = s.indexOf('/$', i + 2);
            const ce = e < 0 ? n : e;
            push('str', i, e < 0 ? n : e + 2, { q: '$/', cs: i + 2, ce });
            i = e < 0 ? n : e + 2;
            continue;
        }
        if (c === '/' && s[i + 1] !== '=') {
            const prev = toks[toks.length - 1];
            if (!prev || (prev.t === 'op' && SLASHY_AFTER.has(prev.v)) || (prev.t === 'id' && prev.v === 'return')) {
                let j = i + 1;
                while (j < n && s[j] !== '/' && s[j] !== '\n')
                    j += s[j] === '\\' ? 2 : 1;
                if (j < n && s[j] === '/' && j > i + 1) {
                    push('str', i, j + 1, { q: '/', cs: i + 1, ce: j });
                    i = j + 1;
                    continue;
                }
            }
        }
        if (/[A-Za-z_$]/.test(c)) {
            let j = i + 1;
            while (j < n && /[\w$]/.test(s[j]))
                j++;
            push('id', i, j);
            i = j;
            continue;
        }
        if (/[0-9]/.test(c)) {
            const m = /0[xX][0-9a-fA-F_]+[lLgG]?|\d[\d_]*(\.\d[\d_]*)?([eE][+-]?\d+)?[a-zA-Z]?/y;
            m.lastIndex = i;
            const r = m.exec(s);
            const e = r ? i + r[0].length : i + 1;
            push('num', i, e);
            i = e;
            continue;
        }
        const op = MULTI_OPS.find((o) => s.startsWith(o, i)) ?? c;
        push('op', i, i + op.length);
        i += op.length;
    }
    problems.push(...deepStringNotes(src, deepStrings));
    const e = src.pos(n);
    toks.push({ t: 'eof', v: '', start: n, end: n, line: e.line, col: e.col, endLine: e.line, endCol: e.col, nl: true });
    return toks;
}
function scanSingle(s, i, triple) {
    const n = s.length;
    while (i < n) {
        const c = s[i];
        if (c === '\\') {
            i += 2;
            continue;
        }
        if (triple) {
            if (s.startsWith("'''", i))
                return { end: i + 3, contentEnd: i, closed: true };
        }
        else {
            if (c === "'")
                return { end: i + 1, contentEnd: i, closed: true };
            if (c === '\n')
                return { end: i, contentEnd: i, closed: false };
        }
        i++;
    }
    return { end: n, contentEnd: n, closed: false };
}
function scanDouble(s, i, triple) {
    const n = s.length;
    let depth = 0;
    while (i < n) {
        const c = s[i];
        if (c === '\\') {
            i += 2;
            continue;
        }
        if (c === '$' && s[i + 1] === '{') {
            const r = skipInterpolation(s, i + 2);
            depth = Math.max(depth, r.depth);
            i = r.end;
            continue;
        }
        if (triple) {
            if (s.startsWith('"""', i))
                return { end: i + 3, contentEnd: i, closed: true, depth };
        }
        else {
            if (c === '"')
                return { end: i + 1, contentEnd: i, closed: true, depth };
            if (c === '\n')
                return { end: i, contentEnd: i, closed: false, depth };
        }
        i++;
    }
    return { end: n, contentEnd: n, closed: false, depth };
}
/**
 * After `${` in a GString: to the matching `}`, stopping at a line end. Interpolations hold code,
 * whose strings may interpolate again (`"${"${x}"}"`); the nesting is followed with an explicit
 * stack, so no depth overflows it. Returns the end and how many interpolations were open at most.
 */
function skipInterpolation(s, i) {
    // One entry per open level: the brace count of an interpolation, or '"' for a GString inside one.
    const stack = [1];
    let open = 1;
    let depth = 1;
    while (i < s.length) {
        const c = s[i];
        if (c === '\n')
            return { end: i, depth };
        if (c === '\\') {
            i += 2;
            continue;
        }
        const top = stack[stack.length - 1];
        if (top === '"') {
            if (c === '"')
                stack.pop();
            else if (c === '$' && s[i + 1] === '{') {
                stack.push(1);
                depth = Math.max(depth, ++open);
                i++;
            }
            i++;
            continue;
        }
        if (c === "'") {
            // A plain string inside the code: to its closing quote on this line.
            let j = i + 1;
            while (j < s.length && s[j] !== "'" && s[j] !== '\n')
                j += s[j] === '\\' ? 2 : 1;
            if (j >= s.length || s[j] === '\n')
                return { end: i + 1, depth };
            i = j + 1;
            continue;
        }
        if (c === '"')
            stack.push('"');
        else if (c === '{')
            stack[stack.length - 1] = top + 1;
        else if (c === '}') {
            if (top > 1)
                stack[stack.length - 1] = top - 1;
            else {
                stack.pop();
                open--;
                if (stack.length === 0)
                    return { end: i + 1, depth };
            }
        }
        i++;
    }
    return { end: i, depth };
}
/** Groovy escapes in one physical line of string content; a trailing lone backslash is kept (line continuation). */
function unescapeLine(s, q) {
    if (q === '/')
        return s.replace(/\\\//g, '/');
    if (q === '$/')
        return s.replace(/\$\//g, '/').replace(/\$\$/g, '$');
    return s.replace(/\\(u[0-9a-fA-F]{4}|[\s\S]|$)/g, (m, e) => {
        if (e === '')
            return '\\';
        if (e.length === 5)
            return String.fromCharCode(parseInt(e.slice(1), 16));
        switch (e) {
            case 'n': return '\n';
            case 't': return '\t';
            case 'r':
            case 'b':
            case 'f': return '';
            case '\\':
            case "'":
            case '"':
            case '$': return e;
            default: return m;
        }
    });
}
function strContent(text, t) {
    const raw = text.slice(t.cs ?? t.start, t.ce ?? t.end);
    return raw.split('\n').map((l) => unescapeLine(l.replace(/\r$/, ''), t.q ?? "'")).join('\n').replace(/\\\n/g, '');
}
//# sourceMappingURL=lexer.js.map