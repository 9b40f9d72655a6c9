"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.nodeLoc = nodeLoc;
exports.parseDependabot = parseDependabot;
exports.parseRenovate = parseRenovate;
exports.renovateFromPackageJson = renovateFromPackageJson;
exports.parsePreCommit = parsePreCommit;
// Repository hygiene files: dependency-update bots and local hooks. Small enough to share
// one module; each parser is pure and never throws.
const yaml_1 = require("../../yaml");
function lineLoc(path, line, column, length) {
    return { path, line, column, endLine: line, endColumn: column + length };
}
function nodeLoc(path, node, lc) {
    const s = (0, yaml_1.positionOf)(node, lc);
    const e = (0, yaml_1.endPositionOf)(node, lc);
    return { path, line: s.line, column: s.column, endLine: e.line, endColumn: e.column };
}
/** The file's first document (empty or refused: undefined); problems go on the file. */
function firstDocument(text, problems) {
    return (0, yaml_1.readYamlDocuments)(text, problems).find((d) => d.index === 0);
}
function parseDependabot(path, text) {
    const out = { kind: 'dependabot', path, updates: [], problems: [] };
    if (path.startsWith('.dependabot/')) {
        out.legacy = true;
        return out;
    }
    const y = firstDocument(text, out.problems);
    if (!y)
        return out;
    const { doc, lc } = y;
    for (const item of (0, yaml_1.seqItems)(doc, (0, yaml_1.mapGet)(doc, doc.contents, 'updates'))) {
        const eco = (0, yaml_1.mapGet)(doc, item, 'package-ecosystem');
        const value = (0, yaml_1.scalarText)(eco);
        if (!value)
            continue;
        out.updates.push({ ecosystem: { value, loc: nodeLoc(path, eco, lc) }, directory: (0, yaml_1.scalarText)((0, yaml_1.mapGet)(doc, item, 'directory')) });
    }
    return out;
}
/** Renovate configs are JSON or JSON5 (comments, trailing commas): read by pattern, not by parser. */
function parseRenovate(path, text) {
    const out = { kind: 'renovate', path, problems: [] };
    const lines = text.split(/\r?\n/);
    lines.forEach((l, i) => {
        const code = l.replace(/\/\/.*$/, '');
        const auto = /["']?automerge["']?\s*:\s*true\b/.exec(code);
        if (auto && !out.automerge)
            out.automerge = lineLoc(path, i + 1, auto.index + 1, auto[0].length);
        const pin = /["']?pinDigests["']?\s*:\s*true\b|helpers:pinGitHubActionDigests/.exec(code);
        if (pin && !out.pinDigests)
            out.pinDigests = lineLoc(path, i + 1, pin.index + 1, pin[0].length);
    });
    return out;
}
/** The root package.json may carry a "renovate" config (parseFile reads it): a RenovateFile when it does. */
function renovateFromPackageJson(path, text) {
    const m = /^(\s*)"renovate"\s*:/m.exec(text);
    if (!m)
        return undefined;
    const file = parseRenovate(path, text.slice(m.index));
    const before = text.slice(0, m.index).split('\n').length - 1;
    const shift = (loc) => (loc ? { ...loc, line: loc.line + before, endLine: loc.endLine + before } : undefined);
    const keyLoc = lineLoc(path, before + 1, m[1].length + 1, '"renovate"'.length);
    return { ...file, automerge: shift(file.automerge), pinDigests: shift(file.pinDigests), configKey: keyLoc };
}
function parsePreCommit(path, text) {
    const out = { kind: 'pre-commit', path, hooks: [], lines: [], problems: [] };
    const base = path.slice(path.lastIndexOf('/') + 1);
    if (path.includes('.husky/')) {
        // A husky hook is a shell script.
        text.split(/\r?\n/).forEach((l, i) => {
            const t = l.trim();
            if (!t || t.startsWith('#'))
                return;
            out.lines.push({ text: t, loc: lineLoc(path, i + 1, l.indexOf(t) + 1, t.length) });
        });
        return out;
    }
    const y = firstDocument(text, out.problems);
    if (!y)
        return out;
    const { doc, lc } = y;
    if (/^\.?lefthook/.test(base)) {
        // lefthook: <hook>: { commands: { name: { run: "..." } } }
        collectLefthookRuns(doc, doc.contents, path, lc, out, 0);
        return out;
    }
    for (const repo of (0, yaml_1.seqItems)(doc, (0, yaml_1.mapGet)(doc, doc.contents, 'repos'))) {
        for (const hook of (0, yaml_1.seqItems)(doc, (0, yaml_1.mapGet)(doc, repo, 'hooks'))) {
            const idNode = (0, yaml_1.mapGet)(doc, hook, 'id');
            const id = (0, yaml_1.scalarText)(idNode);
            if (id)
                out.hooks.push({ value: id, loc: nodeLoc(path, idNode, lc) });
            const entry = (0, yaml_1.mapGet)(doc, hook, 'entry');
            const entryText = (0, yaml_1.scalarText)(entry);
            if (entryText)
                out.lines.push({ text: entryText, loc: nodeLoc(path, entry, lc) });
        }
    }
    return out;
}
function collectLefthookRuns(doc, node, path, lc, out, depth) {
    if (depth > 6)
        return;
    const run = (0, yaml_1.mapGet)(doc, node, 'run');
    const text = (0, yaml_1.scalarText)(run);
    if (text)
        out.lines.push({ text, loc: nodeLoc(path, run, lc) });
    const n = node;
    for (const pair of n?.items ?? []) {
        if (pair && typeof pair === 'object' && 'value' in pair)
            collectLefthookRuns(doc, pair.value, path, lc, out, depth + 1);
    }
}
//# sourceMappingURL=hygiene.js.map