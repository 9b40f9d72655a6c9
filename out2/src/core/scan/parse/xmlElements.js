"use strict";
// A small, lenient reader of XML elements with their line numbers, enough for Maven POMs and
// MSBuild project files: element names (prefixes dropped), quoted attributes, text content and
// children. Comments, processing instructions, CDATA and DOCTYPE are skipped. It never throws: a broken file yields the
// elements read so far (mismatched end tags close up to the matching open element, as a browser
// would). Linear in the text; nesting is capped so a hostile file cannot exhaust the stack.
Object.defineProperty(exports, "__esModule", { value: true });
exports.readXml = readXml;
exports.child = child;
exports.children = children;
exports.at = at;
exports.textAt = textAt;
const MAX_DEPTH = 64;
const ENTITIES = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'" };
function decode(s) {
    return s.includes('&') ? s.replace(/&(lt|gt|amp|quot|apos);/g, (_, e) => ENTITIES[e]) : s;
}
/** The document element (a synthetic root holding the top-level elements when there are several). */
function readXml(text) {
    const root = { name: '#document', line: 1, column: 1, text: '', attributes: {}, children: [] };
    const stack = [root];
    const texts = [[]];
    let line = 1;
    let lineStart = 0;
    let i = 0;
    // Lines are counted lazily up to each start tag (one pass over the text overall).
    let counted = 0;
    const lineAt = (pos) => {
        for (; counted < pos; counted++) {
            if (text.charCodeAt(counted) === 10) {
                line++;
                lineStart = counted + 1;
            }
        }
        return line;
    };
    while (i < text.length) {
        const lt = text.indexOf('<', i);
        if (lt < 0)
            break;
        if (lt > i)
            texts[texts.length - 1].push(text.slice(i, lt));
        if (text.startsWith('<!--', lt)) {
            const end = text.indexOf('-->', lt + 4);
            i = end < 0 ? text.length : end + 3;
            continue;
        }
        if (text.startsWith('<![CDATA[', lt)) {
            const end = text.indexOf(']]>', lt + 9);
            texts[texts.length - 1].push(text.slice(lt + 9, end < 0 ? text.length : end));
            i = end < 0 ? text.length : end + 3;
            continue;
        }
        if (text.startsWith('<?', lt) || text.startsWith('<!', lt)) {
            const end = text.indexOf('>', lt + 2);
            i = end < 0 ? text.length : end + 1;
            continue;
        }
        const gt = text.indexOf('>', lt + 1);
        if (gt < 0)
            break;
        const inner = text.slice(lt + 1, gt);
        i = gt + 1;
        if (inner.startsWith('/')) {
            const name = localName(inner.slice(1).trim());
            const at = stack.map((e) => e.name).lastIndexOf(name);
            if (at <= 0)
                continue; // a stray end tag
            while (stack.length > at) {
                const done = stack.pop();
                done.text = decode(texts.pop().join('').trim());
            }
            continue;
        }
        const selfClosing = inner.endsWith('/');
        const name = localName(inner.replace(/\/$/, '').trim().split(/\s/, 1)[0]);
        if (!name)
            continue;
        const el = { name, line: lineAt(lt), column: lt - lineStart + 1, text: '', attributes: attributesOf(inner), children: [] };
        stack[stack.length - 1].children.push(el);
        if (!selfClosing && stack.length <= MAX_DEPTH) {
            stack.push(el);
            texts.push([]);
        }
    }
    while (stack.length > 1) {
        const done = stack.pop();
        done.text = decode(texts.pop().join('').trim());
    }
    return root.children.length === 1 ? root.children[0] : root;
}
/** `name="value"` and `name='value'` pairs of a start tag's text, read in one pass. */
function attributesOf(inner) {
    const out = Object.create(null);
    if (!inner.includes('='))
        return out;
    const isName = (c) => /[\w:.-]/.test(c);
    const skipBlank = (k) => {
        while (k < inner.length && /\s/.test(inner[k]))
            k++;
        return k;
    };
    let i = 0;
    while (i < inner.length) {
        if (!isName(inner[i])) {
            i++;
            continue;
        }
        const nameStart = i;
        while (i < inner.length && isName(inner[i]))
            i++;
        const name = inner.slice(nameStart, i);
        let k = skipBlank(i);
        if (inner[k] !== '=')
            continue;
        k = skipBlank(k + 1);
        const q = inner[k];
        if (q !== '"' && q !== "'") {
            i = k;
            continue;
        }
        const close = inner.indexOf(q, k + 1);
        if (close < 0)
            break;
        out[localName(name)] = decode(inner.slice(k + 1, close));
        i = close + 1;
    }
    return out;
}
function localName(qname) {
    const colon = qname.indexOf(':');
    return colon < 0 ? qname : qname.slice(colon + 1);
}
/** The first child element of this name. */
function child(el, name) {
    return el?.children.find((c) => c.name === name);
}
/** Child elements of this name. */
function children(el, name) {
    return el ? el.children.filter((c) => c.name === name) : [];
}
/** The element at a path of child names (`build/plugins`). */
function at(el, path) {
    let cur = el;
    for (const name of path.split('/'))
        cur = child(cur, name);
    return cur;
}
/** Text of the element at a path, undefined when absent or empty. */
function textAt(el, path) {
    const t = at(el, path)?.text;
    return t ? t : undefined;
}
//# sourceMappingURL=xmlElements.js.map