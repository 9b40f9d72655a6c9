"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.PIPELINE_ORDER = exports.DSOMM_ACTIVITY_URL = void 0;
exports.activityUrl = activityUrl;
exports.activityFamily = activityFamily;
exports.lookup = lookup;
exports.jobKey = jobKey;
exports.byLevelThenName = byLevelThenName;
exports.primaryActivity = primaryActivity;
exports.ciFileOf = ciFileOf;
exports.mainPipeline = mainPipeline;
exports.dockerfiles = dockerfiles;
exports.kubernetesWorkloads = kubernetesWorkloads;
exports.firstLineLoc = firstLineLoc;
exports.fileAnchor = fileAnchor;
const codeProbes_1 = require("../scan/detect/codeProbes");
const registry_1 = require("../scan/ci/registry");
Object.defineProperty(exports, "PIPELINE_ORDER", { enumerable: true, get: function () { return registry_1.PIPELINE_ORDER; } });
exports.DSOMM_ACTIVITY_URL = 'https://dsomm.owasp.org/activity-description?uuid=';
function activityUrl(uuid) {
    return exports.DSOMM_ACTIVITY_URL + encodeURIComponent(uuid);
}
/** Probes combined by the engine into another probe (evaluate.ts: `pinning`). */
const COMPOSITE_PROBES = { pinning: codeProbes_1.PINNING_PART_IDS };
/** Where an activity's file-level diagnostic belongs (the `anchor` traits of its probes). */
function activityFamily(a) {
    return a.anchor ?? 'pipeline';
}
const cache = new WeakMap();
const VIA_RE = /\(via ([^()]+):(\d+)\)\s*$/;
function lookup(result) {
    const hit = cache.get(result);
    if (hit)
        return hit;
    const activitiesByProbe = new Map();
    const byUuid = new Map();
    const add = (probe, a) => {
        const list = activitiesByProbe.get(probe) ?? activitiesByProbe.set(probe, []).get(probe);
        if (!list.includes(a))
            list.push(a);
    };
    for (const a of result.activities) {
        byUuid.set(a.activity.uuid, a);
        for (const p of a.probes) {
            add(p, a);
            for (const part of COMPOSITE_PROBES[p] ?? [])
                add(part, a);
        }
    }
    for (const list of activitiesByProbe.values())
        list.sort(byLevelThenName);
    const evidenceByPath = new Map();
    const keyed = new Map();
    const note = (e, probe, activity) => {
        const key = `${e.loc.path}:${e.loc.line}:${e.loc.column}:${e.loc.endLine}:${e.loc.endColumn}:${e.text}`;
        let le = keyed.get(key);
        if (!le) {
            const m = VIA_RE.exec(e.text);
            le = { evidence: e, activities: new Set(), probes: new Set(), ...(m ? { via: { path: m[1], line: Number(m[2]) } } : {}) };
            keyed.set(key, le);
            const list = evidenceByPath.get(e.loc.path) ?? evidenceByPath.set(e.loc.path, []).get(e.loc.path);
            list.push(le);
            if (le.via && le.via.path !== e.loc.path) {
                const vlist = evidenceByPath.get(le.via.path) ?? evidenceByPath.set(le.via.path, []).get(le.via.path);
                vlist.push(le);
            }
        }
        if (probe)
            le.probes.add(probe);
        if (activity)
            le.activities.add(activity);
    };
    // Probes cite evidence; activities cite the evidence their rule counted.
    for (const p of result.probes)
        for (const e of p.evidence)
            note(e, p.id);
    for (const a of result.activities)
        for (const e of a.evidence)
            note(e, undefined, a);
    const evidenceByJob = new Map();
    for (const le of keyed.values()) {
        const unit = le.evidence.unit;
        if (!unit?.job)
            continue;
        const key = jobKey(unit.pipeline, unit.job);
        (evidenceByJob.get(key) ?? evidenceByJob.set(key, []).get(key)).push(le);
    }
    const probeResult = new Map(result.probes.map((p) => [p.id, p.result]));
    const out = { activitiesByProbe, byUuid, evidenceByPath, evidenceByJob, probeResult };
    cache.set(result, out);
    return out;
}
/** The key of `evidenceByJob`: the pipeline file and the job's key in it. */
function jobKey(pipeline, job) {
    return `${pipeline}\n${job}`;
}
function byLevelThenName(a, b) {
    return a.activity.level - b.activity.level || a.activity.dimension.localeCompare(b.activity.dimension) || a.activity.name.localeCompare(b.activity.name);
}
/** The activity a probe's diagnostics link to: the lowest-level activity counting it. */
function primaryActivity(result, probe, links = {}) {
    const l = lookup(result);
    const direct = l.activitiesByProbe.get(probe)?.[0];
    if (direct)
        return direct;
    const linked = links[probe];
    return linked ? l.byUuid.get(linked) : undefined;
}
const CHANGE_EVENTS = new Set(['push', 'pull_request', 'pull_request_target', 'merge_request_event', 'merge_requests', 'default', 'branches', 'pull-requests']);
function ciFileOf(entry) {
    const p = entry?.parsed;
    return p && (0, registry_1.isCiKind)(p.kind) && 'jobs' in p ? (p) : undefined;
}
function hasErrors(e) {
    return e.problems.some((p) => p.severity === 'error');
}
/**
 * The pipeline file that file-level diagnostics and new CI jobs go to: GitHub workflows first
 * (those run on pushes or pull requests, then the one with the most jobs), else GitLab, Azure,
 * CircleCI, Bitbucket, Jenkins. Files with parse errors come last.
 */
function mainPipeline(entries) {
    const candidates = [];
    for (const entry of entries) {
        const file = ciFileOf(entry);
        if (!file || file.kind === 'github-action')
            continue;
        candidates.push({ entry, file });
    }
    const rank = (c) => [
        hasErrors(c.entry) ? 1 : 0,
        registry_1.PIPELINE_ORDER.indexOf(c.file.kind),
        c.file.kind === 'gitlab-ci' && c.entry.path !== '.gitlab-ci.yml' && c.entry.path !== '.gitlab-ci.yaml' ? 1 : 0,
        c.file.kind === 'github-workflow' && !c.file.events.some((e) => CHANGE_EVENTS.has(e)) ? 1 : 0,
        -c.file.jobs.length,
    ];
    candidates.sort((a, b) => {
        const ra = rank(a);
        const rb = rank(b);
        for (let i = 0; i < ra.length; i++)
            if (ra[i] !== rb[i])
                return ra[i] - rb[i];
        return a.entry.path < b.entry.path ? -1 : a.entry.path > b.entry.path ? 1 : 0;
    });
    return candidates[0];
}
function depth(path) {
    return path.split('/').length;
}
/** In-scope Dockerfiles with at least one stage, the most relevant first (root, shallow, named `Dockerfile`). */
function dockerfiles(entries) {
    const out = [];
    for (const entry of entries) {
        if (entry.kind !== 'dockerfile' || entry.outOfScope || entry.parsed?.kind !== 'dockerfile')
            continue;
        const file = entry.parsed;
        if (file.stages.length)
            out.push({ entry, file });
    }
    const named = (p) => (/(^|\/)Dockerfile$/.test(p) ? 0 : 1);
    out.sort((a, b) => depth(a.entry.path) - depth(b.entry.path) || named(a.entry.path) - named(b.entry.path) || (a.entry.path < b.entry.path ? -1 : 1));
    return out;
}
function kubernetesWorkloads(entries) {
    const out = [];
    for (const entry of entries) {
        if (entry.kind !== 'kubernetes' || entry.outOfScope || entry.parsed?.kind !== 'kubernetes')
            continue;
        const file = entry.parsed;
        const r = file.resources.find((x) => x.pod) ?? file.resources[0];
        if (r)
            out.push({ entry, loc: r.loc });
    }
    return out.sort((a, b) => (a.entry.path < b.entry.path ? -1 : 1));
}
/** The first line of a Loc, as a Loc that spans that line's token only. */
function firstLineLoc(loc) {
    return loc.endLine === loc.line ? loc : { ...loc, endLine: loc.line, endColumn: loc.column + 1 };
}
/** The anchor a file-level hover or diagnostic attaches to: a CI file's anchor, a Dockerfile's first FROM. */
function fileAnchor(entry) {
    const ci = ciFileOf(entry);
    if (ci)
        return ci.anchor;
    if (entry.parsed?.kind === 'dockerfile') {
        const first = entry.parsed.stages[0];
        return first?.fromLoc;
    }
    return undefined;
}
//# sourceMappingURL=lookup.js.map