"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.deref = exports.isScalar = exports.isMap = void 0;
exports.parseSingleDocument = parseSingleDocument;
exports.formatError = formatError;
exports.isNull = isNull;
exports.keyName = keyName;
exports.scalarString = scalarString;
exports.dateValue = dateValue;
exports.emitKey = emitKey;
exports.pairLines = pairLines;
exports.oneLine = oneLine;
exports.headerLines = headerLines;
exports.portable = portable;
exports.checkUniqueKeys = checkUniqueKeys;
exports.extraEntry = extraEntry;
exports.canonicalJson = canonicalJson;
// YAML helpers shared by the progress file and the evidence file: strict single-document
// parsing (YAML 1.1, as the web app reads them) with file:line errors, key texts, and a key
// emitter that only writes plain keys that read back as the same string.
const yaml_1 = require("yaml");
Object.defineProperty(exports, "isMap", { enumerable: true, get: function () { return yaml_1.isMap; } });
Object.defineProperty(exports, "isScalar", { enumerable: true, get: function () { return yaml_1.isScalar; } });
const yaml_2 = require("../yaml");
Object.defineProperty(exports, "deref", { enumerable: true, get: function () { return yaml_2.deref; } });
const settings_1 = require("./settings");
const MAX_ALIASES = 1000;
function parseSingleDocument(text, source) {
    // Every reader of these files checks duplicate keys with a Set (linear): the yaml package's own
    // check is quadratic in the size of a map, and a progress map can hold thousands of activities.
    const parsed = (0, yaml_2.parseYaml)(text, { yaml11: true, maxAliasCount: MAX_ALIASES, uniqueKeys: false });
    if (parsed.errors.length) {
        const e = parsed.errors[0];
        throw new settings_1.ProgressFileError(source, `not valid YAML: ${e.message}`, 'syntax', e.line, e.column);
    }
    const docs = parsed.documents;
    if (docs.length > 1) {
        const at = (0, yaml_2.positionOf)(docs[1].contents ?? undefined, parsed.lineCounter);
        throw new settings_1.ProgressFileError(source, 'holds more than one YAML document', 'format', at.line, at.column);
    }
    const doc = docs[0];
    if (!doc)
        return { doc: undefined, lc: parsed.lineCounter, source };
    let header = doc.commentBefore ?? undefined;
    const contents = doc.contents;
    if (!header && (0, yaml_1.isMap)(contents) && contents.items.length) {
        const first = contents.items[0].key;
        if ((0, yaml_1.isScalar)(first) && first.commentBefore)
            header = first.commentBefore;
    }
    if (contents === null || ((0, yaml_1.isScalar)(contents) && contents.value === null))
        return { doc: undefined, lc: parsed.lineCounter, source, header };
    return { doc, lc: parsed.lineCounter, source, header };
}
function formatError(file, node, reason) {
    const at = (0, yaml_2.positionOf)(((0, yaml_1.isAlias)(node) || (0, yaml_1.isScalar)(node) || (0, yaml_1.isCollection)(node) ? node : undefined), file.lc);
    return new settings_1.ProgressFileError(file.source, reason, 'format', node ? at.line : undefined, node ? at.column : undefined);
}
/** True for a missing value (`key:` or `key: ~`). */
function isNull(node) {
    return node === null || node === undefined || ((0, yaml_1.isScalar)(node) && node.value === null);
}
/**
 * The text of a map key as the user wrote it: a plain key keeps its source (`No:` is the team
 * "No", not the boolean false YAML 1.1 makes of it), a quoted key its value.
 */
function keyName(file, keyNode, what) {
    const k = (0, yaml_2.deref)(file.doc, keyNode);
    if (!(0, yaml_1.isScalar)(k))
        throw formatError(file, keyNode, `${what} must be a plain name`);
    const s = k;
    let text;
    if (s.type === 'PLAIN' && typeof s.source === 'string')
        text = s.source;
    else if (s.value === null || s.value === undefined)
        text = '';
    else if (s.value instanceof Date)
        text = s.source ?? s.value.toISOString().slice(0, 10);
    else
        text = (0, yaml_2.primitiveText)(s.value);
    if (text === '')
        throw formatError(file, keyNode, `${what} is missing`);
    if (text === '<<' && s.type === 'PLAIN')
        throw formatError(file, keyNode, 'merge keys (<<) are not supported in this file');
    return text;
}
/** The text of a scalar value (plain source for non-strings), undefined for anything else. */
function scalarString(file, node) {
    const n = (0, yaml_2.deref)(file.doc, node);
    if (!(0, yaml_1.isScalar)(n))
        return undefined;
    const s = n;
    if (s.value === null || s.value === undefined)
        return undefined;
    if (typeof s.value === 'string')
        return s.value;
    if (s.type === 'PLAIN' && typeof s.source === 'string')
        return s.source;
    return (0, yaml_2.primitiveText)(s.value);
}
/** A normalised date from a plain timestamp or a quoted date string; undefined when it is not one. */
function dateValue(file, node) {
    const n = (0, yaml_2.deref)(file.doc, node);
    if (!(0, yaml_1.isScalar)(n))
        return undefined;
    const s = n;
    if (s.value instanceof Date) {
        // Re-read the source: YAML libraries roll 2025-02-30 over into March instead of refusing it.
        if (typeof s.source === 'string')
            return (0, settings_1.parseDateText)(s.source);
        return Number.isNaN(s.value.getTime()) ? undefined : (0, settings_1.formatTimestamp)(s.value); // made in memory
    }
    if (typeof s.value === 'string')
        return (0, settings_1.parseDateText)(s.value);
    return undefined;
}
// ---------------------------------------------------------------------------------------------
// Emitting keys
const keyCache = new Map();
const UUID_KEY = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
/** A key as YAML text: plain when it reads back as the same string, else double-quoted. */
function emitKey(name) {
    // Activity uuids are most keys of a large file: they are always plain strings in YAML 1.1.
    if (UUID_KEY.test(name))
        return name;
    let out = keyCache.get(name);
    if (out !== undefined)
        return out;
    out = (0, yaml_1.stringify)(name, { schema: 'yaml-1.1', lineWidth: 0 }).replace(/\n$/, '');
    if (out.includes('\n') || name === '<<' || !readsBackAs(out, name))
        out = doubleQuoted(name);
    if (keyCache.size > 5000)
        keyCache.clear();
    keyCache.set(name, out);
    return out;
}
function doubleQuoted(s) {
    // JSON escapes are valid in YAML double-quoted scalars; YAML also treats NEL, LS and PS as breaks.
    return JSON.stringify(s).replace(/[\u0085\u2028\u2029]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`);
}
function readsBackAs(keyText, name) {
    const doc = (0, yaml_1.parseDocument)(`${keyText}: 0\n`, { schema: 'yaml-1.1', uniqueKeys: true });
    if (doc.errors.length || !(0, yaml_1.isMap)(doc.contents) || doc.contents.items.length !== 1)
        return false;
    const k = doc.contents.items[0].key;
    return (0, yaml_1.isScalar)(k) && typeof k.value === 'string' && k.value === name;
}
/**
 * One `key: rest` line at `indent`. Keys longer than YAML's 1024-character limit for implicit
 * keys use the explicit form (`? key` / `: rest`).
 */
function pairLines(indent, name, rest) {
    const k = emitKey(name);
    if (k.length <= 1000)
        return [`${indent}${k}:${rest}`];
    return [`${indent}? ${k}`, `${indent}:${rest}`];
}
/** A comment text as one line. */
function oneLine(comment) {
    return comment.replace(/[\r\n\u0085\u2028\u2029]+/g, ' ').trim();
}
function headerLines(header) {
    if (header === undefined)
        return [];
    return header.split('\n').map((l) => `#${l.replace(/\r$/, '')}`);
}
// ---------------------------------------------------------------------------------------------
// Keeping nodes we do not interpret
/** A copy of `node` that can live in another document (aliases are expanded). */
function portable(file, node) {
    if (!(0, yaml_1.isScalar)(node) && !(0, yaml_1.isCollection)(node) && !(0, yaml_1.isAlias)(node))
        return node;
    checkUniqueKeys(file, node);
    let hasAlias = (0, yaml_1.isAlias)(node);
    if (!hasAlias && (0, yaml_1.isCollection)(node)) {
        (0, yaml_1.visit)(node, {
            Alias() {
                hasAlias = true;
                return yaml_1.visit.BREAK;
            },
        });
    }
    if (!hasAlias) {
        // Anchors mean nothing once the aliases are expanded; a kept one could clash in the new file.
        const copy = node.clone();
        if ((0, yaml_1.isCollection)(copy)) {
            (0, yaml_1.visit)(copy, (_k, n) => {
                if ((0, yaml_1.isScalar)(n) || (0, yaml_1.isCollection)(n))
                    delete n.anchor;
            });
        }
        delete copy.anchor;
        return copy;
    }
    let js;
    try {
        js = node.toJS(file.doc, { maxAliasCount: MAX_ALIASES });
    }
    catch (e) {
        throw formatError(file, node, `cannot expand the aliases here: ${e.message.split('\n')[0]}`);
    }
    return new yaml_1.Document(null, { schema: 'yaml-1.1' }).createNode(js);
}
/** Refuses a map inside `node` that has the same scalar key twice (one Set per map: linear). */
function checkUniqueKeys(file, node) {
    if (!(0, yaml_1.isCollection)(node))
        return;
    (0, yaml_1.visit)(node, {
        Map(_k, map) {
            const seen = new Set();
            for (const pair of map.items) {
                if (!(0, yaml_1.isScalar)(pair.key))
                    continue;
                const key = pair.key.value;
                if (seen.has(key))
                    throw formatError(file, pair.key, `the key '${String(key)}' appears twice`);
                seen.add(key);
            }
        },
    });
}
/** A top-level key we do not interpret, kept (its leading comment may be the file header: dropped). */
function extraEntry(file, key, pair) {
    const keyNode = portable(file, pair.key);
    if ((0, yaml_1.isScalar)(keyNode))
        delete keyNode.commentBefore;
    return { key, keyNode, value: portable(file, pair.value) };
}
/** A JSON text of plain data for equality checks (Dates as ISO strings, Maps as objects). */
function canonicalJson(value) {
    return JSON.stringify(value, (_k, v) => {
        if (v instanceof Map)
            return Object.fromEntries(v);
        if (v instanceof Set)
            return [...v];
        if (v instanceof Uint8Array)
            return { binary: Array.from(v) };
        return v;
    });
}
//# sourceMappingURL=yamlSupport.js.map