"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.dedupeEvidence = dedupeEvidence;
exports.outcome = outcome;
/** Evidence objects live as long as the facts of their file: each one's key is built once. */
const evidenceKeys = new WeakMap();
function evidenceKey(e) {
    let key = evidenceKeys.get(e);
    if (key === undefined)
        evidenceKeys.set(e, (key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.tool ?? ''}:${e.text}`));
    return key;
}
/** The list without repeats of the same place, tool and text (first one kept, order kept). */
function dedupeEvidence(list) {
    if (list.length < 2)
        return list;
    // After an edit most lists hold the very objects they held before (only the edited file's facts
    // are new): comparing object identities is much cheaper than building and hashing their keys.
    const earlier = dedupedBefore.get(list[0]);
    const hit = earlier?.find((d) => d.input.length === list.length && d.input.every((e, i) => e === list[i]));
    if (hit)
        return hit.output.slice();
    const seen = new Set();
    const output = list.filter((e) => {
        const key = evidenceKey(e);
        if (seen.has(key))
            return false;
        seen.add(key);
        return true;
    });
    const entries = earlier ?? [];
    entries.unshift({ input: list.slice(), output: output.slice() });
    if (entries.length > 4)
        entries.pop();
    if (!earlier)
        dedupedBefore.set(list[0], entries);
    return output;
}
/** The last few lists deduplicated, by their first element (so they go when their facts go). */
const dedupedBefore = new WeakMap();
function outcome(id, result, evidence = [], notes = [], findings = []) {
    return { id, result, evidence, notes, findings };
}
//# sourceMappingURL=probeTypes.js.map