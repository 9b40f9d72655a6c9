"use strict";
// Inline suppressions: a comment `# dsomm-ignore <id>[, <id> …][: reason]` (or `// dsomm-ignore …`,
// e.g. in a Jenkinsfile) silences matching diagnostics on its own line and on the line below.
//
// An id matches a diagnostic when it is one of its probes (`gha.actions-pinned`, `sbom`, …), its
// finding code (`root-user`), its activity uuid, or `all`.
Object.defineProperty(exports, "__esModule", { value: true });
exports.suppressions = suppressions;
exports.suppressionList = suppressionList;
exports.isSuppressed = isSuppressed;
const IGNORE_RE = /(?:^|[\s;])(?:#|\/\/|\/\*)\s*dsomm-ignore\b[ \t]*([^:\r\n*]*)(?::([^\r\n]*))?/;
/**
 * The suppression comments of a file: comment line (1-based) → ids. A comment applies to its own
 * line and to the next one (see isSuppressed).
 */
function suppressions(text) {
    const out = new Map();
    for (const s of suppressionList(text))
        out.set(s.line, new Set(s.ids));
    return out;
}
/** The same with the reasons. */
function suppressionList(text) {
    const out = [];
    if (!text.includes('dsomm-ignore'))
        return out;
    const lines = text.split(/\r?\n/);
    lines.forEach((l, i) => {
        if (!l.includes('dsomm-ignore'))
            return;
        const m = IGNORE_RE.exec(l);
        if (!m)
            return;
        const ids = m[1].split(/[\s,]+/).map((x) => x.trim()).filter((x) => x && x !== '*/');
        if (!ids.length)
            return;
        const reason = m[2]?.replace(/\*\/\s*$/, '').trim();
        out.push({ line: i + 1, ids, ...(reason ? { reason } : {}) });
    });
    return out;
}
/** True when a comment on `line` or the line above names one of `ids` (or `all`). */
function isSuppressed(map, line, ids) {
    if (!map.size)
        return false;
    const here = [map.get(line), map.get(line - 1)].filter((s) => !!s);
    if (!here.length)
        return false;
    if (here.some((s) => s.has('all')))
        return true;
    for (const id of ids)
        if (here.some((s) => s.has(id)))
            return true;
    return false;
}
//# sourceMappingURL=suppress.js.map