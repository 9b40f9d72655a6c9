"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.parseReleaseConfig = parseReleaseConfig;
exports.configKeyEnabled = configKeyEnabled;
// Configuration files of packaging and release tools (GoReleaser, electron-builder): which keys
// they turn on, with the line of each. A release tool that CI runs signs, makes an SBOM or builds
// images only when its configuration says so; the catalogue names the keys (`enabledBy.config`).
// Pure and never throws: a file that does not read turns nothing on.
const yaml_1 = require("../../yaml");
/**
 * Reads a configuration file (YAML or JSON). `subKey` reads one top-level key of it as the
 * configuration (electron-builder's `build` in package.json).
 */
function parseReleaseConfig(path, text, subKey) {
    const y = (0, yaml_1.readYamlDocuments)(text, []).find((d) => d.index === 0);
    if (!y)
        return { path, root: undefined };
    const root = subKey ? (0, yaml_1.mapGet)(y.doc, y.doc.contents, subKey) : y.doc.contents;
    return { path, root, doc: y.doc, lc: y.lc };
}
/** Values that leave a key off. */
const OFF = new Set(['', 'null', '~', 'false', 'none', 'no', 'off']);
/** Entry fields that switch one entry off (GoReleaser `disable`, `skip`, `artifacts: none`). */
function entrySwitchedOff(doc, entry) {
    if (!(0, yaml_1.isMap)(entry))
        return false;
    for (const k of ['disable', 'skip']) {
        const v = (0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, entry, k));
        if (v !== undefined && v.trim().toLowerCase() === 'true')
            return true;
    }
    const artifacts = (0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, entry, 'artifacts'));
    if (artifacts !== undefined && artifacts.trim().toLowerCase() === 'none')
        return true;
    const enabled = (0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, entry, 'enabled'));
    return enabled !== undefined && enabled.trim().toLowerCase() === 'false';
}
/** Whether a value turns its key on: set, not an "off" word, not empty, and not every entry switched off. */
function valueIsOn(doc, value) {
    if (value === undefined || value === null)
        return false;
    if ((0, yaml_1.isScalar)(value))
        return !OFF.has(((0, yaml_1.scalarText)(value) ?? '').trim().toLowerCase());
    if ((0, yaml_1.isSeq)(value))
        return (0, yaml_1.seqItems)(doc, value).some((e) => !entrySwitchedOff(doc, e) && ((0, yaml_1.isScalar)(e) ? valueIsOn(doc, e) : true));
    if ((0, yaml_1.isMap)(value))
        return (0, yaml_1.mapEntries)(doc, value).length > 0 && !entrySwitchedOff(doc, value);
    return false;
}
/** A few words about what the key holds: `signs: cosign`, `sboms: 1 entry`, `mac.notarize: true`. */
function describe(doc, key, value) {
    if ((0, yaml_1.isScalar)(value))
        return `${key}: ${(0, yaml_1.scalarText)(value) ?? ''}`;
    const items = (0, yaml_1.isSeq)(value) ? (0, yaml_1.seqItems)(doc, value) : [value];
    const first = items[0];
    const cmd = (0, yaml_1.isMap)(first) ? ((0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, first, 'cmd')) ?? (0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, first, 'id'))) : undefined;
    const count = (0, yaml_1.isSeq)(value) ? `${items.length} entr${items.length === 1 ? 'y' : 'ies'}` : 'set';
    return `${key}: ${cmd ? `${cmd} (${count})` : count}`;
}
/** The key (a dotted path) when the configuration turns it on; undefined when it is absent or off. */
function configKeyEnabled(cfg, key) {
    const { doc, lc } = cfg;
    if (!doc || !lc)
        return undefined;
    let node = cfg.root;
    let keyNode;
    for (const part of key.split('.')) {
        const entry = (0, yaml_1.mapEntries)(doc, node).filter((e) => e.keyText === part).pop();
        if (!entry)
            return undefined;
        keyNode = entry.keyNode;
        node = (0, yaml_1.mapGet)(doc, node, part);
    }
    if (!valueIsOn(doc, node))
        return undefined;
    const s = (0, yaml_1.positionOf)(keyNode, lc);
    const e = (0, yaml_1.endPositionOf)(keyNode, lc);
    return { loc: { path: cfg.path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column }, text: describe(doc, key, node) };
}
//# sourceMappingURL=releaseConfigs.js.map