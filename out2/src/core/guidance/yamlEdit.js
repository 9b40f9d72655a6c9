"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.openYamlText = openYamlText;
exports.keyText = keyText;
exports.rootMap = rootMap;
exports.pairOf = pairOf;
exports.isFlow = isFlow;
exports.isNullValue = isNullValue;
exports.lineColOf = lineColOf;
exports.nodeStart = nodeStart;
exports.keyStart = keyStart;
exports.blockEnd = blockEnd;
exports.dashColumn = dashColumn;
exports.detectUnit = detectUnit;
exports.childUnit = childUnit;
exports.reindentYaml = reindentYaml;
// Minimal, formatting-preserving edits of block-style YAML: the `yaml` package finds the nodes
// (with exact offsets and their style), the text decides where a block ends, and snippets are
// re-indented to the file's own indentation. Flow style (`{ }`, `[ ]`) is reported, not edited.
const yaml_1 = require("yaml");
const yaml_2 = require("../yaml");
const text_1 = require("./text");
function openYamlText(text) {
    const y = (0, yaml_2.parseYaml)(text);
    // The pipeline document: the first mapping that is not only a GitLab `spec:` header.
    const maps = y.documents.filter((d) => (0, yaml_1.isMap)(d.contents));
    const doc = maps.find((d) => !(d.contents.items.length === 1 && keyText(d.contents.items[0]) === 'spec')) ?? maps[0];
    return { text, lines: (0, text_1.splitLines)(text), eol: (0, text_1.eolOf)(text), doc, lc: y.lineCounter, errors: y.errors.map((e) => `${e.message} (line ${e.line})`) };
}
function keyText(item) {
    if (!(0, yaml_1.isPair)(item))
        return undefined;
    const k = item.key;
    return (0, yaml_1.isScalar)(k) ? String(k.value) : undefined;
}
function rootMap(yt) {
    const c = yt.doc?.contents;
    return (0, yaml_1.isMap)(c) ? (c) : undefined;
}
/** A direct entry of a mapping (merge keys are not followed: edits go where the text is). */
function pairOf(map, key) {
    if (!(0, yaml_1.isMap)(map))
        return undefined;
    for (const item of map.items)
        if (keyText(item) === key)
            return item;
    return undefined;
}
function isFlow(node) {
    return ((0, yaml_1.isMap)(node) || (0, yaml_1.isSeq)(node)) && !!node.flow;
}
function isNullValue(node) {
    return node === null || node === undefined || ((0, yaml_1.isScalar)(node) && (node.value === null || node.value === undefined) && !node.source);
}
/** 0-based line and column of an offset. */
function lineColOf(yt, offset) {
    const p = yt.lc.linePos(offset);
    return { line: p.line - 1, col: p.col - 1 };
}
function nodeStart(yt, node) {
    const r = node?.range;
    return r ? lineColOf(yt, r[0]) : undefined;
}
function keyStart(yt, pair) {
    return nodeStart(yt, pair.key);
}
/**
 * The last line (0-based) of the block that starts with a key at (`keyLine`, `keyCol`): every
 * following line indented deeper (comments too), plus `- ` items at the key's own column
 * (block sequences written without indentation; off for the block of a sequence item itself,
 * whose siblings sit at that column). Blank lines never end or extend it.
 */
function blockEnd(lines, keyLine, keyCol, indentlessItems = true) {
    let last = keyLine;
    for (let i = keyLine + 1; i < lines.length; i++) {
        const l = lines[i];
        if ((0, text_1.isBlank)(l))
            continue;
        const ind = (0, text_1.indentOf)(l);
        const t = l.slice(ind);
        if (t.startsWith('#')) {
            if (ind > keyCol)
                last = i;
            continue;
        }
        if (ind > keyCol || (indentlessItems && ind === keyCol && /^-(\s|$)/.test(t))) {
            last = i;
            continue;
        }
        break;
    }
    return last;
}
/** The column of a block sequence's dashes (from its first item's line). */
function dashColumn(yt, seq) {
    const first = seq.items[0];
    const at = nodeStart(yt, first);
    if (!at)
        return undefined;
    const line = yt.lines[at.line] ?? '';
    // The item starts after its dash: walk back over spaces to the dash.
    let i = at.col - 1;
    while (i >= 0 && line[i] === ' ')
        i--;
    if (line[i] === '-')
        return i;
    return undefined;
}
/** The most common indentation step of the file (2 when it has none). */
function detectUnit(lines) {
    const counts = new Map();
    let prev = -1;
    for (const l of lines) {
        if ((0, text_1.isBlank)(l) || /^\s*#/.test(l))
            continue;
        const ind = (0, text_1.indentOf)(l);
        if (prev >= 0 && ind > prev) {
            const d = ind - prev;
            if (d <= 8)
                counts.set(d, (counts.get(d) ?? 0) + 1);
        }
        prev = ind;
        // A sequence item's content is one level of its own: `- key:` then `  child` is not a step.
        const m = /^(\s*)-\s+(?=\S)/.exec(l);
        if (m)
            prev = m[0].length;
    }
    let best = 2;
    let bestCount = 0;
    for (const [d, c] of counts) {
        if (c > bestCount || (c === bestCount && d < best)) {
            best = d;
            bestCount = c;
        }
    }
    return best;
}
/** The indentation step inside a mapping's first child mapping (e.g. inside the first job), else the file's. */
function childUnit(yt, map) {
    const first = map.items.find((i) => (0, yaml_1.isPair)(i) && (0, yaml_1.isMap)(i.value) && !isFlow(i.value));
    if (first) {
        const k = keyStart(yt, first);
        const inner = first.value.items[0];
        const c = inner ? keyStart(yt, inner) : undefined;
        if (k && c && c.line > k.line && c.col > k.col)
            return c.col - k.col;
    }
    return detectUnit(yt.lines);
}
const BLOCK_SCALAR_RE = /(?:^|:\s|^-\s)\s*[|>][0-9+-]*\s*(#.*)?$/;
/**
 * Re-indents a snippet written with 2-space indentation: its top level goes to column `base`,
 * each nesting level adds `unit` spaces, sequence items keep `- ` before their content, and
 * block scalar content keeps its own relative indentation.
 */
function reindentYaml(snippet, base, unit) {
    const src = snippet.trimEnd().split(/\r?\n/);
    const out = [];
    const stack = [{ canon: (0, text_1.indentOf)(src.find((l) => !(0, text_1.isBlank)(l)) ?? ''), out: base }];
    let block;
    for (const raw of src) {
        if ((0, text_1.isBlank)(raw)) {
            out.push('');
            continue;
        }
        const n = (0, text_1.indentOf)(raw);
        const t = raw.slice(n);
        if (block) {
            if (n > block.keyCanon) {
                block.contentCanon ??= n;
                out.push(' '.repeat(block.contentOut + Math.max(0, n - block.contentCanon)) + t);
                continue;
            }
            block = undefined;
        }
        while (stack.length > 1 && stack[stack.length - 1].canon > n)
            stack.pop();
        const top = stack[stack.length - 1];
        let o;
        if (top.canon === n)
            o = top.out;
        else if (n > top.canon) {
            o = top.out + unit;
            stack.push({ canon: n, out: o });
        }
        else
            o = top.out;
        out.push(' '.repeat(o) + t);
        if (t.startsWith('#'))
            continue;
        let keyCanon = n;
        let keyOut = o;
        const dash = /^-\s+/.exec(t);
        if (dash) {
            keyCanon = n + dash[0].length;
            keyOut = o + dash[0].length;
            stack.push({ canon: keyCanon, out: keyOut });
        }
        if (BLOCK_SCALAR_RE.test(t))
            block = { keyCanon: dash && /^-\s+[|>]/.test(t) ? n : keyCanon, contentOut: dash && /^-\s+[|>]/.test(t) ? o + Math.max(2, unit) : keyOut + unit };
    }
    return out;
}
//# sourceMappingURL=yamlEdit.js.map