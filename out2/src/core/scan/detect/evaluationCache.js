"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.containerProbesFor = containerProbesFor;
exports.activityStatusesFor = activityStatusesFor;
const rules_1 = require("./rules");
const containerProbes_1 = require("./containerProbes");
const caches = new WeakMap();
function cacheOf(owner) {
    let c = caches.get(owner);
    if (!c)
        caches.set(owner, (c = {}));
    return c;
}
function sameList(a, b) {
    if (!a || a.length !== b.length)
        return false;
    for (let i = 0; i < a.length; i++)
        if (a[i] !== b[i])
            return false;
    return true;
}
/** runContainerProbes, reused while `owner` (the index) has the same parsed container files. */
function containerProbesFor(owner, files, usage) {
    const c = cacheOf(owner);
    const usageKey = imageUsageKey(usage);
    if (!c.containerProbes || !sameList(c.containerFiles, files) || c.imageUsage !== usageKey) {
        c.containerProbes = (0, containerProbes_1.runContainerProbes)(files, usage);
        c.containerFiles = files;
        c.imageUsage = usageKey;
    }
    return c.containerProbes;
}
/** The image usage as one comparable string (a new object is made per evaluation). */
function imageUsageKey(usage) {
    if (!usage)
        return '';
    return `${usage.noBuilds ? 'none|' : ''}${[...usage.shipped].sort().join('\n')}|${[...usage.builtForJobs.keys()].sort().join('\n')}|${usage.cloned.map((c) => `${c.url} ${c.evidence.loc.path}:${c.evidence.loc.line}`).join('\n')}`;
}
function sameEvidence(a, b) {
    if (a === b)
        return true;
    const x = a.loc;
    const y = b.loc;
    return (a.text === b.text && a.tool === b.tool && a.unit?.pipeline === b.unit?.pipeline && a.unit?.job === b.unit?.job &&
        x.path === y.path && x.line === y.line && x.column === y.column && x.endLine === y.endLine && x.endColumn === y.endColumn);
}
/** What a rule can see of a probe: its result and its evidence. */
function sameForRules(a, b) {
    if (a === b)
        return true;
    if (!a || !b || a.result !== b.result || a.evidence.length !== b.evidence.length)
        return false;
    for (let i = 0; i < a.evidence.length; i++)
        if (!sameEvidence(a.evidence[i], b.evidence[i]))
            return false;
    return true;
}
/**
 * evaluateRules over the model's activities, re-evaluating only the activities whose probes
 * changed since the last call for `owner` (all of them when the rules changed).
 */
function activityStatusesFor(owner, rules, probes, model, calls = new Map()) {
    const c = cacheOf(owner);
    const uuids = [...model.activities.keys()];
    const callKey = JSON.stringify([...calls].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
    const previous = c.rules === rules && c.calls === callKey ? c.statuses : undefined;
    let statuses;
    if (!previous || !c.probes) {
        statuses = (0, rules_1.evaluateRules)(rules, probes, uuids, calls);
    }
    else {
        const changed = new Set();
        for (const id of new Set([...probes.keys(), ...c.probes.keys()]))
            if (!sameForRules(probes.get(id), c.probes.get(id)))
                changed.add(id);
        const stale = uuids.filter((u) => {
            const s = previous.get(u);
            return !s || s.probes.some((p) => changed.has(p));
        });
        const fresh = stale.length ? (0, rules_1.evaluateRules)(rules, probes, stale, calls) : new Map();
        statuses = new Map(uuids.map((u) => [u, fresh.get(u) ?? previous.get(u)]));
    }
    c.rules = rules;
    c.calls = callKey;
    c.probes = probes;
    c.statuses = statuses;
    return statuses;
}
//# sourceMappingURL=evaluationCache.js.map