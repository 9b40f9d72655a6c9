"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.SUMMARY_CODE = void 0;
exports.diagnosticsFor = diagnosticsFor;
const codeProbes_1 = require("../scan/detect/codeProbes");
const fixes_1 = require("./fixes");
const hover_1 = require("./hover");
const lookup_1 = require("./lookup");
const suppress_1 = require("./suppress");
const text_1 = require("./text");
/** What the files lack, in words, for the probes guidance has fixes for. */
const PROBE_WORDS = {
    sast: 'static analysis',
    'sast.client': 'static analysis of client-side code',
    sca: 'dependency vulnerability scan',
    'sca.client': 'client-side dependency scan',
    'secret-scan': 'secret scan',
    'image-scan': 'container image scan',
    'dockerfile-lint': 'Dockerfile linting',
    dast: 'dynamic scan (DAST)',
    sbom: 'SBOM generation',
    signing: 'artifact signing',
    'dependency-update-bot': 'Dependabot or Renovate configuration',
    'repo.security-policy': 'SECURITY.md',
};
function missingMessage(a, failing, checkTitle) {
    const act = a.activity;
    const head = a.status === 'partial' ? 'is only partly in place' : 'is missing';
    const known = failing.filter((p) => PROBE_WORDS[p]).map((p) => PROBE_WORDS[p]);
    const checks = failing.map((p) => checkTitle?.(p) ?? p);
    const why = known.length === failing.length && known.length ? `: no ${known.join(', no ')} found` : failing.length ? ` (checks: ${checks.join(', ')})` : '';
    const note = a.note ? ` ${a.note}` : '';
    return `DSOMM level ${act.level} (${act.dimension} › ${act.subdimension}): "${act.name}" ${head}${why}.${note}`;
}
/** The code of a missing-activities summary (what `dsomm-ignore` names to silence the whole summary). */
exports.SUMMARY_CODE = 'missing-activities';
const FAMILY_WORDS = {
    pipeline: "in this repository's pipelines",
    dockerfile: 'for the container images',
    kubernetes: 'for the cluster manifests',
};
/**
 * One line for the Problems panel that says how many and which: a single activity keeps its own
 * sentence; several are named in order (level, then name), their details in the related information.
 */
function summaryMessage(list, families, targetLevel) {
    if (list.length === 1)
        return list[0].message;
    const where = families.size === 1 ? FAMILY_WORDS[[...families][0]] : families.has('pipeline') ? FAMILY_WORDS.pipeline : 'for the containers';
    const names = list.map((m) => `${m.name} (L${m.level}${m.status === 'partial' ? ', partly' : ''})`).join('; ');
    const upTo = targetLevel === 1 ? 'level 1' : `levels 1–${targetLevel}`;
    return `DSOMM ${upTo}: ${list.length} activities are missing or only partly in place ${where}: ${names}.`;
}
/** Grouped findings: the first place's sentence, and where else the same finding is. */
function groupMessage(first, others) {
    const lines = others.map((l) => l.line);
    const shown = lines.length > 12 ? `${lines.slice(0, 12).join(', ')}, …` : lines.join(', ');
    // "The same" would claim the other places are identical: they share the problem, not the text
    // (another image, another action), which the related information lists one by one.
    return `${findingMessage(first)} The same problem on ${others.length} more line${others.length === 1 ? '' : 's'} of this file: ${shown}.`;
}
function findingMessage(f) {
    return f.message.endsWith('.') ? f.message : `${f.message}.`;
}
/**
 * Diagnostics per file path. Ranges are 0-based (vscode.Range); `loc` keeps the 1-based place.
 * `entries` are the index entries (WorkspaceIndex.all()).
 */
function diagnosticsFor(result, entries, options) {
    const out = new Map();
    const byPath = new Map(entries.map((e) => [e.path, e]));
    const textCache = new Map();
    const textOf = (path) => {
        if (!textCache.has(path))
            textCache.set(path, options.textOf?.(path));
        return textCache.get(path);
    };
    const suppressCache = new Map();
    const suppressed = (path, line, ids) => {
        const answer = options.ignoredAt?.(path, line, ids);
        if (answer !== undefined)
            return answer;
        let map = suppressCache.get(path);
        if (!map) {
            const text = textOf(path);
            map = text === undefined ? new Map() : (0, suppress_1.suppressions)(text);
            suppressCache.set(path, map);
        }
        return (0, suppress_1.isSuppressed)(map, line, ids);
    };
    const push = (d) => {
        if (options.fixes) {
            const entry = byPath.get(d.path);
            if (options.listFixes !== false)
                d.data.fixes = (0, fixes_1.fixesFor)(options.fixes, result, entry, d, entries).map((f) => f.templateId);
            // A fix held back because it would break the job says so: otherwise its absence looks like an omission.
            const withheld = (0, fixes_1.withheldFixes)(options.fixes, entry, d, entries);
            if (withheld.length)
                d.message = `${d.message} ${withheld.map((w) => `${w}.`).join(' ')}`;
        }
        (out.get(d.path) ?? out.set(d.path, []).get(d.path)).push(d);
    };
    const rangeOf = (loc) => {
        const text = textOf(loc.path);
        return (0, text_1.locToRange)(loc, text === undefined ? undefined : (0, text_1.splitLines)(text));
    };
    const main = (0, lookup_1.mainPipeline)(entries);
    const pipeline = main ? { path: main.entry.path, kind: main.file.kind } : undefined;
    if (options.missing !== false) {
        const l = (0, lookup_1.lookup)(result);
        const docker = (0, lookup_1.dockerfiles)(entries)[0];
        const k8s = (0, lookup_1.kubernetesWorkloads)(entries)[0];
        // Findings explain partial activities better than a file-level note: skip those.
        const findingProbes = new Set(result.findings.map((f) => f.probe));
        // Probes with a finding at an exact place in a file the checks count (not a test-data folder).
        const outOfScope = new Set(result.files.filter((f) => f.outOfScope).map((f) => f.path));
        const placedProbes = new Set(result.findings.filter((f) => !outOfScope.has(f.loc.path)).map((f) => f.probe));
        const gaps = result.activities
            .filter((a) => hover_1.GAP_STATUSES.has(a.status) && a.activity.level <= options.targetLevel)
            .filter((a) => !(a.status === 'partial' && a.probes.some((p) => findingProbes.has(p) || (p === 'pinning' && codeProbes_1.PINNING_PART_IDS.some((x) => findingProbes.has(x))))))
            .sort(lookup_1.byLevelThenName);
        // One summary per anchor file: the main pipeline, the Dockerfile, the Kubernetes manifest.
        const summaries = new Map();
        for (const a of gaps) {
            const family = (0, lookup_1.activityFamily)(a);
            let loc;
            if (family === 'dockerfile' && docker)
                loc = docker.file.stages[0].fromLoc;
            else if (family === 'kubernetes' && k8s)
                loc = k8s.loc;
            else if (family === 'kubernetes' && docker)
                loc = docker.file.stages[0].fromLoc;
            else if (main)
                loc = main.file.anchor;
            if (!loc)
                continue;
            loc = (0, lookup_1.firstLineLoc)(loc);
            const failing = a.probes.filter((p) => {
                const r = l.probeResult.get(p);
                return r === 'fail' || r === 'partial' || r === undefined;
            });
            // Nothing the files could add (a hint-only rule whose hint is there): a person decides.
            if (!failing.length)
                continue;
            // A missing activity whose every failing check has a weak-control finding at its place (a root
            // final stage for "Containers are running as non-root") is named there, with its fix and a
            // link to the activity: the summary would name the same gap a second time.
            if (a.status === 'missing' && failing.every((p) => placedProbes.has(p)))
                continue;
            // `dsomm-ignore <probe or activity uuid>` on the anchor line takes that activity out of the summary.
            if (suppressed(loc.path, loc.line, [...failing, a.activity.uuid]))
                continue;
            const s = summaries.get(loc.path) ?? summaries.set(loc.path, { loc, families: new Set(), activities: [] }).get(loc.path);
            s.families.add(family);
            s.activities.push({
                uuid: a.activity.uuid,
                name: a.activity.name,
                level: a.activity.level,
                dimension: a.activity.dimension,
                subdimension: a.activity.subdimension,
                status: a.status === 'partial' ? 'partial' : 'missing',
                probes: failing,
                message: missingMessage(a, failing, options.checkTitle),
            });
        }
        for (const s of summaries.values()) {
            // `dsomm-ignore missing-activities` (or `all`) silences the whole summary.
            if (suppressed(s.loc.path, s.loc.line, [exports.SUMMARY_CODE]))
                continue;
            const range = rangeOf(s.loc);
            const only = s.activities.length === 1 ? s.activities[0] : undefined;
            push({
                path: s.loc.path,
                range,
                loc: s.loc,
                message: summaryMessage(s.activities, s.families, options.targetLevel),
                severity: options.severity ?? 'information',
                code: { value: exports.SUMMARY_CODE, ...(only ? { target: (0, lookup_1.activityUrl)(only.uuid) } : {}) },
                source: 'DSOMM',
                data: {
                    kind: 'missing-summary',
                    activities: s.activities,
                    probes: [...new Set(s.activities.flatMap((m) => m.probes))],
                    ...(only ? { activity: only.uuid, activityName: only.name, level: only.level } : {}),
                    ...(pipeline ? { pipeline } : {}),
                },
                ...(s.activities.length > 1 ? { related: s.activities.map((m) => ({ loc: s.loc, range, message: m.message })) } : {}),
            });
        }
    }
    if (options.findings !== false) {
        const seen = new Set();
        // Identical findings of one file (same code, same probe) become one diagnostic at the first place.
        const groups = new Map();
        for (const f of result.findings) {
            const key = `${f.loc.path}:${f.loc.line}:${f.loc.column}:${f.code}:${f.probe}`;
            if (seen.has(key))
                continue;
            seen.add(key);
            const a = (0, lookup_1.primaryActivity)(result, f.probe, options.fixes?.links);
            if (a && (a.status === 'not-applicable' || a.notApplicable))
                continue;
            if (suppressed(f.loc.path, f.loc.line, [f.probe, f.code, ...(a ? [a.activity.uuid] : [])]))
                continue;
            const gkey = `${f.loc.path}\u0000${f.code}\u0000${f.probe}`;
            (groups.get(gkey) ?? groups.set(gkey, []).get(gkey)).push({ finding: f, ...(a ? { activity: a } : {}) });
        }
        for (const group of groups.values()) {
            group.sort((x, y) => x.finding.loc.line - y.finding.loc.line || x.finding.loc.column - y.finding.loc.column);
            const { finding: f, activity: a } = group[0];
            const others = group.slice(1).map((g) => g.finding.loc);
            const range = rangeOf(f.loc);
            push({
                path: f.loc.path,
                range,
                loc: f.loc,
                message: others.length ? groupMessage(f, others) : findingMessage(f),
                severity: f.severity === 'warning' ? 'warning' : 'information',
                code: { value: f.code, ...(a ? { target: (0, lookup_1.activityUrl)(a.activity.uuid) } : {}) },
                source: 'DSOMM',
                data: {
                    kind: 'finding',
                    probes: [f.probe],
                    findingCode: f.code,
                    ...(f.data ? { findingData: { ...f.data } } : {}),
                    ...(a ? { activity: a.activity.uuid, activityName: a.activity.name, level: a.activity.level } : {}),
                    ...(pipeline ? { pipeline } : {}),
                    ...(others.length ? { places: group.map((g) => g.finding.loc) } : {}),
                },
                ...(others.length ? { related: group.map((g) => ({ loc: g.finding.loc, range: rangeOf(g.finding.loc), message: findingMessage(g.finding) })) } : {}),
            });
        }
    }
    for (const list of out.values())
        list.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
    return out;
}
//# sourceMappingURL=diagnostics.js.map