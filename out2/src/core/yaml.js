"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.isAlias = exports.isPair = exports.isSeq = exports.isScalar = exports.isMap = exports.MAX_ALIAS_COUNT = exports.MAX_NESTING_DEPTH = void 0;
exports.parseYaml = parseYaml;
exports.positionOf = positionOf;
exports.endPositionOf = endPositionOf;
exports.scalarText = scalarText;
exports.primitiveText = primitiveText;
exports.deref = deref;
exports.mapEntries = mapEntries;
exports.mapGet = mapGet;
exports.seqItems = seqItems;
exports.aliasesMayFail = aliasesMayFail;
exports.aliasReport = aliasReport;
exports.readYamlDocuments = readYamlDocuments;
// One YAML reader for the whole core, built on the `yaml` package because detection needs
// exact node positions, comments survive for edits, and alias expansion can be capped.
// Safe by construction: only the core schema's tags are resolved (no functions, no
// `!!js/*`); unknown tags such as GitLab's `!reference` are kept as plain data.
// Hostile input: alias expansion is capped (toJS), documents nested deeper than
// MAX_NESTING_DEPTH are refused (every consumer walks recursively), `!!js/...` tags get a
// warning (read as text, never executed), and `__proto__` keys become own properties.
const yaml_1 = require("yaml");
Object.defineProperty(exports, "isAlias", { enumerable: true, get: function () { return yaml_1.isAlias; } });
Object.defineProperty(exports, "isMap", { enumerable: true, get: function () { return yaml_1.isMap; } });
Object.defineProperty(exports, "isPair", { enumerable: true, get: function () { return yaml_1.isPair; } });
Object.defineProperty(exports, "isScalar", { enumerable: true, get: function () { return yaml_1.isScalar; } });
Object.defineProperty(exports, "isSeq", { enumerable: true, get: function () { return yaml_1.isSeq; } });
/**
 * Collections nested deeper than this are refused: real CI and container files stay below 30,
 * and every reader of a document (parsers, toJS, edits) recurses, so depth must be bounded.
 */
exports.MAX_NESTING_DEPTH = 200;
const referenceTag = {
    // GitLab CI `!reference [job, script]`: keep the sequence as data, resolved by the GitLab parser.
    tag: '!reference',
    collection: 'seq',
    resolve: (seq) => seq,
};
function parseYaml(text, options = {}) {
    const lineCounter = new yaml_1.LineCounter();
    const documents = (0, yaml_1.parseAllDocuments)(text, {
        lineCounter,
        prettyErrors: false,
        schema: options.yaml11 ? 'yaml-1.1' : 'core',
        customTags: [referenceTag],
        // The package checks each key against every earlier one (quadratic: a 40k-key map took
        // minutes); duplicateKeyOffsets does the same check with one set per map.
        uniqueKeys: false,
        strict: false,
        // Hostile keys (`[a, b]: x` stringified by toJS) must not print process warnings in the editor.
        logLevel: 'error',
    });
    const errors = [];
    const warnings = [];
    const docs = Array.isArray(documents) ? documents : [];
    for (const doc of docs) {
        const tooDeep = deepestNode(doc);
        if (tooDeep) {
            // The parser itself may have run out of stack on the way; one clear message replaces that.
            errors.push(problem(`nested more than ${exports.MAX_NESTING_DEPTH} levels deep; the document is not read`, tooDeep.range?.[0] ?? 0, lineCounter));
            doc.contents = null;
            continue;
        }
        for (const e of doc.errors)
            errors.push(problem(e.message, e.pos[0], lineCounter));
        if (options.uniqueKeys !== false)
            for (const offset of duplicateKeyOffsets(doc))
                errors.push(problem('Map keys must be unique', offset, lineCounter));
        for (const w of doc.warnings) {
            if (w.code === 'TAG_RESOLVE_FAILED') {
                // `!!js/function` and friends (js-yaml's unsafe schema) would run code elsewhere; here they are text.
                const js = /tag:yaml\.org,2002:(js\/[\w-]*)/.exec(w.message);
                if (js)
                    warnings.push(problem(`the !!${js[1]} tag is not supported: the value is read as plain text and never executed`, w.pos[0], lineCounter));
                // Other unknown tags are normal in CI files (`!Ref`, `!reference`); they are not worth a warning.
                continue;
            }
            warnings.push(problem(w.message, w.pos[0], lineCounter));
        }
    }
    return { documents: docs, lineCounter, errors, warnings };
}
/** The first node nested deeper than MAX_NESTING_DEPTH, found without recursion; undefined when none is. */
function deepestNode(doc) {
    const stack = [[doc.contents, 0]];
    while (stack.length > 0) {
        const [node, depth] = stack.pop();
        if ((0, yaml_1.isMap)(node) || (0, yaml_1.isSeq)(node)) {
            if (depth >= exports.MAX_NESTING_DEPTH)
                return node;
            for (const item of node.items) {
                if ((0, yaml_1.isPair)(item)) {
                    stack.push([item.key, depth + 1]);
                    stack.push([item.value, depth + 1]);
                }
                else
                    stack.push([item, depth + 1]);
            }
        }
    }
    return undefined;
}
/**
 * Where a map repeats a key (the package's uniqueKeys rule: the same node, or scalars with the
 * same value), in linear time: one set of key values per map.
 */
function duplicateKeyOffsets(doc) {
    const offsets = [];
    const stack = [doc.contents];
    while (stack.length) {
        const node = stack.pop();
        if ((0, yaml_1.isMap)(node)) {
            const seen = new Set();
            for (const pair of node.items) {
                if (!(0, yaml_1.isPair)(pair))
                    continue;
                // `<<` written twice in one mapping merges both sources (GitLab, CircleCI and the readers
                // here do so, source by source): not an error, whatever the YAML 1.2 rule on duplicate keys.
                if ((0, yaml_1.isScalar)(pair.key) && pair.key.value === '<<' && pair.key.type === 'PLAIN') {
                    stack.push(pair.value);
                    continue;
                }
                const key = (0, yaml_1.isScalar)(pair.key) ? pair.key.value : pair.key;
                if (seen.has(key))
                    offsets.push(pair.key?.range?.[0] ?? 0);
                else
                    seen.add(key);
                stack.push(pair.key, pair.value);
            }
        }
        else if ((0, yaml_1.isSeq)(node)) {
            for (const item of node.items)
                stack.push(item);
        }
    }
    return offsets.sort((a, b) => a - b);
}
function problem(message, offset, lc) {
    const { line, col } = lc.linePos(offset);
    // The yaml package appends " at line L, column C" plus a code frame to some messages.
    const first = message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
    return { message: first, line, column: col };
}
function positionOf(node, lc) {
    const offset = node?.range?.[0] ?? 0;
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
}
function endPositionOf(node, lc) {
    const offset = node?.range?.[1] ?? 0;
    const { line, col } = lc.linePos(offset);
    return { line, column: col };
}
/** The text of a scalar as written (e.g. "8.30", not 8.3), or undefined for non-scalars. */
function scalarText(node) {
    if (!(0, yaml_1.isScalar)(node))
        return undefined;
    const s = node;
    if (s.value === null || s.value === undefined)
        return s.source ?? '';
    if (s.value instanceof Date)
        return s.source ?? s.value.toISOString().slice(0, 10);
    if (typeof s.value === 'number' && typeof s.source === 'string' && s.type === 'PLAIN')
        return s.source;
    return primitiveText(s.value);
}
/** A scalar's value as text: strings as they are, numbers, booleans and big integers as JS writes them, dates in ISO form; '' for anything else. */
function primitiveText(value) {
    if (typeof value === 'string')
        return value;
    if (typeof value === 'number' || typeof value === 'boolean' || typeof value === 'bigint')
        return String(value);
    if (value instanceof Date)
        return value.toISOString();
    return '';
}
/**
 * Per document: the node each alias refers to. The yaml package's `Alias.resolve(doc)` walks the
 * whole document on every call, which made files with many aliases quadratic; this walks it
 * once. Same rule as the package: the last node with that anchor before the alias, in document
 * order (an anchored collection comes before its contents). Parsed documents are not edited in
 * the core; an alias the walk did not see (a node added later) falls back to `resolve`.
 */
const aliasTargets = new WeakMap();
function indexAliases(doc) {
    const targets = new Map();
    const anchors = new Map();
    // visit()'s order (a node, then its items; a pair's key, then its value) with a plain stack:
    // visit() builds a frozen path array at every collection, a large part of parsing a file.
    const stack = [doc.contents];
    while (stack.length) {
        const node = stack.pop();
        if ((0, yaml_1.isAlias)(node)) {
            targets.set(node, anchors.get(node.source));
            continue;
        }
        if ((0, yaml_1.isPair)(node)) {
            stack.push(node.value, node.key);
            continue;
        }
        if (!(0, yaml_1.isNode)(node))
            continue;
        if (node.anchor)
            anchors.set(node.anchor, node);
        if ((0, yaml_1.isMap)(node) || (0, yaml_1.isSeq)(node)) {
            const items = node.items;
            for (let i = items.length - 1; i >= 0; i--)
                stack.push(items[i]);
        }
    }
    return targets;
}
/** Follows an alias to its anchor's node (one hop; aliases to aliases are not valid YAML). */
function deref(doc, node) {
    if (!(0, yaml_1.isAlias)(node))
        return node;
    let targets = aliasTargets.get(doc);
    if (!targets) {
        targets = indexAliases(doc);
        aliasTargets.set(doc, targets);
    }
    return targets.has(node) ? targets.get(node) : node.resolve(doc);
}
function mapEntries(doc, node, seen = new Set()) {
    const n = deref(doc, node);
    if (!(0, yaml_1.isMap)(n) || seen.has(n))
        return []; // `seen` stops cyclic merge keys
    seen.add(n);
    const out = [];
    for (const pair of n.items) {
        if (!(0, yaml_1.isPair)(pair))
            continue;
        const keyText = scalarText(pair.key);
        // Merge keys (`<<: *base`) contribute the anchored map's entries.
        if (keyText === '<<') {
            const src = deref(doc, pair.value);
            const sources = (0, yaml_1.isSeq)(src) ? src.items.map((i) => deref(doc, i)) : [src];
            for (const s of sources)
                out.push(...mapEntries(doc, s, seen));
            continue;
        }
        if (keyText === undefined)
            continue;
        out.push({ key: (0, yaml_1.isScalar)(pair.key) ? (pair.key) : undefined, keyText, value: pair.value, keyNode: pair.key });
    }
    return out;
}
function mapGet(doc, node, key) {
    let found;
    for (const e of mapEntries(doc, node))
        if (e.keyText === key)
            found = e.value; // last wins, as in YAML merges
    return found === undefined ? undefined : deref(doc, found);
}
function seqItems(doc, node) {
    const n = deref(doc, node);
    if (!(0, yaml_1.isSeq)(n))
        return [];
    return n.items.map((i) => deref(doc, i));
}
// ---------------------------------------------------------------------------------------------
// Alias guard: whether a parsed document can fail the package's alias guard when it is converted
// to plain data (toJS with maxAliasCount). Readers convert a document once only to find alias
// bombs, which is a large share of the parse time, so documents that provably cannot fail skip it.
/** Nodes walked before giving up and answering "may fail" (the conversion then decides). */
const WALK_LIMIT = 200_000;
/**
 * False only when toJS(doc, { maxAliasCount }) cannot throw because of aliases: every alias
 * has an anchor before it (the package's rule: the last node with that name earlier in document
 * order), no anchored node contains an alias (so no expansion multiplies), and no anchor is
 * used maxAliasCount times or more (the package's (uses + 1) × nested-alias count, with no nesting).
 */
function aliasesMayFail(doc, maxAliasCount) {
    return aliasReport(doc, maxAliasCount).mayFail;
}
/**
 * aliasesMayFail, and the aliases without an anchor before them (in document order), from one
 * walk of the document.
 */
function aliasReport(doc, maxAliasCount) {
    const anchors = new Map();
    const uses = new Map();
    const unresolved = [];
    const stack = [doc.contents];
    let mayFail = false;
    let walked = 0;
    while (stack.length) {
        if (++walked > WALK_LIMIT)
            return { mayFail: true, unresolved };
        const n = stack.pop();
        if ((0, yaml_1.isAlias)(n)) {
            const target = anchors.get(n.source);
            if (target === undefined) {
                unresolved.push(n);
                mayFail = true;
            }
            else if (!mayFail) {
                const count = (uses.get(target) ?? 0) + 1;
                // The package counts the anchored node itself too: (uses + 1) × 1 must stay within the limit.
                if (count + 1 > maxAliasCount || (count === 1 && anyAliasWithin(target)))
                    mayFail = true;
                uses.set(target, count);
            }
            continue;
        }
        const anchor = n?.anchor;
        if (anchor)
            anchors.set(anchor, n);
        if ((0, yaml_1.isMap)(n) || (0, yaml_1.isSeq)(n)) {
            const items = n.items;
            for (let i = items.length - 1; i >= 0; i--)
                stack.push(items[i]);
        }
        else if ((0, yaml_1.isPair)(n)) {
            stack.push(n.value, n.key);
        }
    }
    return { mayFail, unresolved };
}
function anyAliasWithin(node) {
    const stack = [node];
    let walked = 0;
    while (stack.length) {
        if (++walked > WALK_LIMIT)
            return true;
        const n = stack.pop();
        if ((0, yaml_1.isAlias)(n))
            return true;
        if ((0, yaml_1.isMap)(n) || (0, yaml_1.isSeq)(n))
            stack.push(...n.items);
        else if ((0, yaml_1.isPair)(n))
            stack.push(n.key, n.value);
    }
    return false;
}
/** The alias expansions one document of a workspace file may need before it is refused. */
exports.MAX_ALIAS_COUNT = 1000;
/**
 * The one way the engine reads a YAML file from the workspace (pipelines, container files,
 * hygiene files, package.json). Never throws. Every syntax error and warning becomes a problem;
 * documents without contents are left out; an alias without an anchor is an error at the alias (the
 * document is kept: the alias reads as nothing); a document whose aliases would expand beyond
 * MAX_ALIAS_COUNT (a "billion laughs") is an error at the alias where the expansion multiplies,
 * and that document is left out, so no reader ever walks it. Documents with syntax errors are
 * returned (the package recovers what it can): each reader decides what a broken document
 * counts for.
 */
function readYamlDocuments(input, problems) {
    const text = typeof input === 'string' ? input : '';
    let parsed;
    try {
        parsed = parseYaml(text);
    }
    catch (e) {
        problems.push({ message: `YAML could not be read: ${errorText(e)}`, severity: 'error' });
        return [];
    }
    const lc = parsed.lineCounter;
    for (const e of parsed.errors)
        problems.push({ message: e.message, line: e.line, column: e.column, severity: 'error' });
    for (const w of parsed.warnings)
        problems.push({ message: w.message, line: w.line, column: w.column, severity: 'warning' });
    // An alias is written `*name`: a text without `*` has none, and nothing in it can expand.
    const mayHaveAliases = text.includes('*');
    const out = [];
    parsed.documents.forEach((doc, index) => {
        if (doc.contents === null || doc.contents === undefined)
            return;
        if (mayHaveAliases && !aliasesAreSafe(doc, index, lc, problems))
            return;
        out.push({ doc, lc, index });
    });
    return out;
}
/** Reports unknown aliases and alias bombs; false when the document must not be read. */
function aliasesAreSafe(doc, index, lc, problems) {
    const { unresolved, mayFail } = aliasReport(doc, exports.MAX_ALIAS_COUNT);
    for (const a of unresolved) {
        const p = positionOf(a, lc);
        problems.push({ message: `Unknown alias *${a.source ?? ''}`, line: p.line, column: p.column, severity: 'error' });
    }
    // The trial conversion below only finds alias trouble: skip it when there can be none.
    if (!mayFail)
        return true;
    try {
        // Maps as Maps so complex keys raise no process warnings.
        doc.toJS({ maxAliasCount: exports.MAX_ALIAS_COUNT, mapAsMap: true });
        return true;
    }
    catch (e) {
        const msg = errorText(e);
        const at = positionOf(aliasWhereExpansionMultiplies(doc), lc);
        if (/excessive alias count/i.test(msg)) {
            problems.push({ message: `Too many nested aliases (${msg}); document ${index + 1} was not read`, line: at.line, column: at.column, severity: 'error' });
            return false;
        }
        // Already reported above (syntax error or unknown alias), or a conversion quirk of valid YAML.
        if (!doc.errors.length && !unresolved.length)
            problems.push({ message: msg, line: at.line, column: at.column, severity: 'warning' });
        return true;
    }
}
/** The first alias whose anchored node itself contains aliases (where the expansion multiplies), else the first alias. */
function aliasWhereExpansionMultiplies(doc) {
    let first;
    const stack = [doc.contents];
    let guard = 0;
    while (stack.length && guard++ < 100_000) {
        const n = stack.pop();
        if ((0, yaml_1.isAlias)(n)) {
            first ??= n;
            if (holdsAliasDirectly(deref(doc, n)))
                return n;
        }
        else if ((0, yaml_1.isMap)(n) || (0, yaml_1.isSeq)(n)) {
            const items = n.items;
            for (let i = items.length - 1; i >= 0; i--)
                stack.push(items[i]);
        }
        else if ((0, yaml_1.isPair)(n)) {
            stack.push(n.value, n.key);
        }
    }
    return first ?? doc.contents;
}
function holdsAliasDirectly(node) {
    if ((0, yaml_1.isMap)(node) || (0, yaml_1.isSeq)(node)) {
        for (const i of node.items) {
            if ((0, yaml_1.isAlias)(i))
                return true;
            if ((0, yaml_1.isPair)(i) && ((0, yaml_1.isAlias)(i.value) || (0, yaml_1.isAlias)(i.key)))
                return true;
        }
    }
    return false;
}
function errorText(e) {
    return e instanceof Error ? e.message : String(e);
}
//# sourceMappingURL=yaml.js.map