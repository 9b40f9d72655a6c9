"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.jenkinsPlacement = jenkinsPlacement;
exports.reindentGroovy = reindentGroovy;
exports.groovyString = groovyString;
// Where a new stage goes in a Jenkinsfile: a light scan (strings and comments skipped, braces
// matched) finds `pipeline { … stages { … } }` or a scripted `node { … }`; the new stage is
// inserted before the closing brace, with the file's own indentation (spaces or tabs).
const text_1 = require("./text");
function tokenize(text) {
    const toks = [];
    const n = text.length;
    let i = 0;
    while (i < n) {
        const c = text[i];
        if (c === '/' && text[i + 1] === '/') {
            while (i < n && text[i] !== '\n')
                i++;
            continue;
        }
        if (c === '/' && text[i + 1] === '*') {
            const e = text.indexOf('*/', i + 2);
            i = e < 0 ? n : e + 2;
            continue;
        }
        if (c === "'" || c === '"') {
            const triple = text.startsWith(c.repeat(3), i);
            const q = triple ? c.repeat(3) : c;
            let j = i + q.length;
            let value = '';
            while (j < n && !text.startsWith(q, j)) {
                if (text[j] === '\\') {
                    value += text[j + 1] ?? '';
                    j += 2;
                    continue;
                }
                if (!triple && text[j] === '\n')
                    break;
                value += text[j];
                j++;
            }
            toks.push({ kind: 'str', value, offset: i });
            i = Math.min(n, j + q.length);
            continue;
        }
        if (/[A-Za-z_$]/.test(c)) {
            let j = i + 1;
            while (j < n && /[A-Za-z0-9_$]/.test(text[j]))
                j++;
            toks.push({ kind: 'id', value: text.slice(i, j), offset: i });
            i = j;
            continue;
        }
        if (c === '{' || c === '}' || c === '(' || c === ')') {
            toks.push({ kind: c, value: c, offset: i });
            i++;
            continue;
        }
        if (!/\s/.test(c))
            toks.push({ kind: 'other', value: c, offset: i });
        i++;
    }
    return toks;
}
/** Index of the `}` matching the `{` at `open`, or -1. */
function matching(toks, open) {
    let depth = 0;
    for (let k = open; k < toks.length; k++) {
        if (toks[k].kind === '{')
            depth++;
        else if (toks[k].kind === '}') {
            depth--;
            if (depth === 0)
                return k;
        }
    }
    return -1;
}
/** `name {` or `name(…) {` at token `k`: the index of the `{`, else -1. */
function blockAfter(toks, k) {
    let j = k + 1;
    if (toks[j]?.kind === '(') {
        let depth = 0;
        for (; j < toks.length; j++) {
            if (toks[j].kind === '(')
                depth++;
            else if (toks[j].kind === ')' && --depth === 0)
                break;
        }
        j++;
    }
    return toks[j]?.kind === '{' ? j : -1;
}
/** Where a stage goes, or a reason why it cannot be placed automatically. */
function jenkinsPlacement(text, lines) {
    const toks = tokenize(text);
    const starts = (0, text_1.lineStarts)(text);
    const lineOfOffset = (_, offset) => (0, text_1.positionAt)(starts, offset).line;
    let style;
    let open = -1;
    let outerOpen;
    const pipe = toks.findIndex((t, k) => t.kind === 'id' && t.value === 'pipeline' && blockAfter(toks, k) >= 0);
    if (pipe >= 0) {
        outerOpen = blockAfter(toks, pipe);
        const outerClose = matching(toks, outerOpen);
        let depth = 0;
        for (let k = outerOpen + 1; k < (outerClose < 0 ? toks.length : outerClose); k++) {
            const t = toks[k];
            if (t.kind === '{')
                depth++;
            else if (t.kind === '}')
                depth--;
            else if (depth === 0 && t.kind === 'id' && t.value === 'stages' && toks[k + 1]?.kind === '{') {
                open = k + 1;
                break;
            }
        }
        if (open < 0)
            return { reason: 'the declarative pipeline has no `stages { }` block' };
        style = 'declarative';
    }
    else {
        const node = toks.findIndex((t, k) => t.kind === 'id' && t.value === 'node' && blockAfter(toks, k) >= 0);
        if (node < 0)
            return { reason: 'neither a declarative `pipeline { stages { } }` nor a scripted `node { }` block was found' };
        open = blockAfter(toks, node);
        outerOpen = open;
        style = 'scripted';
    }
    const close = matching(toks, open);
    if (close < 0)
        return { reason: 'the braces of the stages block do not balance' };
    const insertLine = lineOfOffset(text, toks[close].offset);
    const closeLine = lines[insertLine] ?? '';
    if ((0, text_1.positionAt)(starts, toks[close].offset).character !== (0, text_1.indentOf)(closeLine)) {
        return { reason: 'the closing brace of the stages block shares its line with other code' };
    }
    const openLine = lineOfOffset(text, toks[open].offset);
    if (openLine === insertLine)
        return { reason: 'the stages block is written on one line' };
    const names = new Set();
    let firstStageLine = -1;
    for (let k = open + 1; k < close; k++) {
        if (toks[k].kind === 'id' && toks[k].value === 'stage' && toks[k + 1]?.kind === '(' && toks[k + 2]?.kind === 'str') {
            names.add(toks[k + 2].value);
            if (firstStageLine < 0)
                firstStageLine = lineOfOffset(text, toks[k].offset);
        }
    }
    const outerLine = lines[lineOfOffset(text, toks[outerOpen].offset)] ?? '';
    const blockIndent = closeLine.slice(0, (0, text_1.indentOf)(closeLine));
    const useTabs = /\t/.test(blockIndent) || /^\t/.test(lines[firstStageLine] ?? '');
    let indent;
    let unit;
    if (firstStageLine >= 0) {
        const sl = lines[firstStageLine];
        indent = sl.slice(0, (0, text_1.indentOf)(sl));
        const d = indent.length - blockIndent.length;
        unit = useTabs ? '\t' : ' '.repeat(d > 0 ? d : 4);
    }
    else {
        const d = blockIndent.length - (0, text_1.indentOf)(outerLine);
        unit = useTabs ? '\t' : ' '.repeat(style === 'declarative' && d > 0 ? d : 4);
        indent = blockIndent + unit;
    }
    const before = lines[insertLine - 1] ?? '';
    return { style, insertLine, indent, unit, names, needsBlank: !(0, text_1.isBlank)(before) && insertLine - 1 !== openLine };
}
/** Groovy steps written with 4-space indentation, moved to `indent` with the file's `unit`. */
function reindentGroovy(snippet, indent, unit) {
    return snippet
        .trimEnd()
        .split(/\r?\n/)
        .map((l) => {
        if ((0, text_1.isBlank)(l))
            return '';
        const n = (0, text_1.indentOf)(l);
        return indent + unit.repeat(Math.floor(n / 4)) + ' '.repeat(n % 4) + l.slice(n);
    });
}
function groovyString(s) {
    return `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;
}
//# sourceMappingURL=jenkinsEdit.js.map