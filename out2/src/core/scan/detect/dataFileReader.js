"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.DataFileReader = void 0;
exports.openDataFile = openDataFile;
exports.checkSchemaVersion = checkSchemaVersion;
// Reading the engine's own data files (model/probes.yaml, model/rules.yaml): one YAML document,
// every value checked for its shape, and every mistake thrown as a CatalogueError naming the file
// and line. A node budget bounds the work a hostile file can cause.
const yaml_1 = require("../../yaml");
const catalogue_1 = require("./catalogue");
const MAX_NODES = 200_000;
class DataFileReader {
    doc;
    lc;
    source;
    visited = 0;
    constructor(doc, lc, source) {
        this.doc = doc;
        this.lc = lc;
        this.source = source;
    }
    line(node) {
        return (0, yaml_1.positionOf)(node, this.lc).line;
    }
    fail(node, message) {
        throw new catalogue_1.CatalogueError(message, this.source, this.line(node));
    }
    tick(node) {
        if (++this.visited > MAX_NODES)
            this.fail(node, 'the file is too large or expands too many aliases');
    }
    /** Map entries with their key lines; throws on keys not in `allowed`. */
    map(node, what, allowed) {
        const n = (0, yaml_1.deref)(this.doc, node);
        this.tick(n);
        if (!(0, yaml_1.isMap)(n))
            this.fail(node, `${what} must be a map`);
        const out = new Map();
        for (const e of (0, yaml_1.mapEntries)(this.doc, n)) {
            if (allowed && !allowed.includes(e.keyText))
                this.fail(e.keyNode, `unknown key "${e.keyText}" in ${what} (allowed: ${allowed.join(', ')})`);
            out.set(e.keyText, { value: (0, yaml_1.deref)(this.doc, e.value), keyNode: e.keyNode });
        }
        return out;
    }
    seq(node, what) {
        const n = (0, yaml_1.deref)(this.doc, node);
        this.tick(n);
        if (!(0, yaml_1.isSeq)(n))
            this.fail(node, `${what} must be a list`);
        return (0, yaml_1.seqItems)(this.doc, n);
    }
    str(node, what, allowEmpty = false) {
        const n = (0, yaml_1.deref)(this.doc, node);
        this.tick(n);
        if (!(0, yaml_1.isScalar)(n) || n.value === null || typeof n.value === 'object')
            this.fail(node, `${what} must be a text value`);
        const s = ((0, yaml_1.scalarText)(n) ?? '').trim();
        if (!s && !allowEmpty)
            this.fail(node, `${what} must not be empty`);
        return s;
    }
    bool(node, what) {
        const n = (0, yaml_1.deref)(this.doc, node);
        if (!(0, yaml_1.isScalar)(n) || typeof n.value !== 'boolean')
            this.fail(node, `${what} must be true or false`);
        return n.value;
    }
    strList(node, what, allowEmpty = false) {
        const n = (0, yaml_1.deref)(this.doc, node);
        if ((0, yaml_1.isScalar)(n) && typeof n.value === 'string')
            return [this.str(n, what, allowEmpty)];
        return this.seq(n, what).map((i) => this.str(i, `an entry of ${what}`, allowEmpty));
    }
    strListMap(node, what) {
        const out = {};
        for (const [k, v] of this.map(node, what))
            out[k] = this.strList(v.value, `${what}.${k}`, true);
        return out;
    }
}
exports.DataFileReader = DataFileReader;
function openDataFile(text, source) {
    const parsed = (0, yaml_1.parseYaml)(text);
    if (parsed.errors.length) {
        const e = parsed.errors[0];
        throw new catalogue_1.CatalogueError(`not valid YAML: ${e.message}`, source, e.line);
    }
    const docs = parsed.documents.filter((d) => d.contents !== null && d.contents !== undefined);
    if (docs.length !== 1)
        throw new catalogue_1.CatalogueError(docs.length ? 'expected one YAML document' : 'the file is empty', source);
    const r = new DataFileReader(docs[0], parsed.lineCounter, source);
    return { r, root: docs[0].contents };
}
function checkSchemaVersion(r, top, root) {
    const sv = top.get('schemaVersion');
    if (!sv)
        r.fail(root, 'missing schemaVersion (expected 1)');
    const v = (0, yaml_1.deref)(r.doc, sv.value);
    if (!(0, yaml_1.isScalar)(v) || v.value !== 1)
        r.fail(sv.value, `unsupported schemaVersion ${(0, yaml_1.scalarText)(v) ?? ''} (expected 1)`);
}
//# sourceMappingURL=dataFileReader.js.map