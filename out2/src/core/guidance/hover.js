"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.GAP_STATUSES = void 0;
exports.activityActions = activityActions;
exports.hoverActivity = hoverActivity;
exports.hoverAt = hoverAt;
const lookup_1 = require("./lookup");
const text_1 = require("./text");
const types_1 = require("./types");
/** Statuses that count as "missing something" for guidance. */
exports.GAP_STATUSES = new Set(['missing', 'partial']);
function activityActions(a) {
    const uuid = a.activity.uuid;
    const actions = [{ title: 'Open details', command: types_1.GUIDANCE_COMMANDS.openActivity, args: [{ uuid }] }];
    if (a.status !== 'done')
        actions.push({ title: 'Mark done', command: types_1.GUIDANCE_COMMANDS.markActivityDone, args: [{ uuid }] });
    return actions;
}
function hoverActivity(a, withActions = true) {
    const act = a.activity;
    return {
        uuid: act.uuid,
        name: act.name,
        dimension: act.dimension,
        subdimension: act.subdimension,
        level: act.level,
        status: a.status,
        risk: (0, text_1.firstSentence)(act.risk),
        measure: (0, text_1.firstSentence)(act.measure),
        url: (0, lookup_1.activityUrl)(act.uuid),
        actions: withActions ? activityActions(a) : [],
    };
}
/** Last line a Loc really covers (an end at column 1 of the next line does not count). */
function lastLine(loc) {
    return loc.endLine > loc.line && loc.endColumn <= 1 ? loc.endLine - 1 : Math.max(loc.line, loc.endLine);
}
/** The lines of each CI step: from its first line to the last line the parser located in it. */
function stepSpans(file) {
    return file.jobs.flatMap((job) => jobStepSpans(file, job));
}
function jobStepSpans(file, job) {
    const spans = [];
    for (const s of job.steps) {
        if (s.loc.path !== file.path)
            continue;
        let end = lastLine(s.loc);
        const more = [
            ...s.script.map((l) => l.loc),
            ...(s.uses ? [s.uses.loc] : []),
            ...Object.values(s.inputs).map((v) => v.loc),
            ...Object.values(s.env).map((v) => v.loc),
            ...(s.cannotFail ? [s.cannotFail] : []),
        ];
        for (const l of more)
            if (l.path === file.path && l.line >= s.loc.line)
                end = Math.max(end, lastLine(l));
        spans.push({ start: s.loc.line, end });
    }
    return spans;
}
/** The lines of a job in its own file: its key to the last line the parser located in it. */
function jobSpan(file, job) {
    let end = lastLine(job.loc);
    for (const s of jobStepSpans(file, job))
        end = Math.max(end, s.end);
    const more = [job.image?.loc, job.runner?.loc, job.uses?.loc, job.permissions?.loc, job.cannotFail, ...job.services.map((x) => x.loc), ...Object.values(job.env).map((v) => v.loc)];
    for (const l of more)
        if (l && l.path === file.path && l.line >= job.loc.line)
            end = Math.max(end, lastLine(l));
    return { start: job.loc.line, end };
}
function covers(le, path, line) {
    const loc = le.evidence.loc;
    if (loc.path === path && line >= loc.line && line <= lastLine(loc))
        return true;
    return !!le.via && le.via.path === path && le.via.line === line;
}
function evidenceAt(result, entry, line, column) {
    const all = (0, lookup_1.lookup)(result).evidenceByPath.get(entry.path) ?? [];
    let hits = all.filter((le) => covers(le, entry.path, line));
    if (!hits.length) {
        // Anywhere inside a step that has evidence on another of its lines (`- name:` above `uses:`).
        const ci = (0, lookup_1.ciFileOf)(entry);
        const span = ci ? stepSpans(ci).find((s) => line >= s.start && line <= s.end) : undefined;
        if (span)
            hits = all.filter((le) => le.evidence.loc.path === entry.path && le.evidence.loc.line >= span.start && le.evidence.loc.line <= span.end);
    }
    if (hits.length > 1) {
        // Several on the line: those whose range holds the cursor, when any do.
        const exact = hits.filter((le) => {
            const l = le.evidence.loc;
            if (l.path !== entry.path || l.line !== line)
                return false;
            return column >= l.column && (lastLine(l) > line || column <= Math.max(l.endColumn, l.column));
        });
        if (exact.length)
            hits = exact;
    }
    // Evidence that counts for something first.
    return hits.sort((a, b) => b.activities.size - a.activities.size);
}
/** Tools found on the line that do not count, from the file's own facts (an include switched off, a gate that cannot fail). */
function notCountedAt(result, entry, line) {
    const found = entry.facts?.notCounted.filter((n) => n.evidence.loc.path === entry.path && line >= n.evidence.loc.line && line <= lastLine(n.evidence.loc)) ?? [];
    if (!found.length)
        return [];
    // "Installed but never run" is not true of a tool that runs elsewhere (as in the probe notes).
    const ran = new Set(result.probes.flatMap((p) => p.evidence.map((e) => e.tool?.toLowerCase())));
    const byReason = new Map();
    for (const n of found) {
        if (n.installOnly && ran.has(n.tool.toLowerCase()))
            continue;
        const key = `${n.evidence.text}\n${n.reason}`;
        const item = byReason.get(key) ?? byReason.set(key, { tools: [], text: n.evidence.text, reason: n.reason, probes: [] }).get(key);
        if (!item.tools.includes(n.tool))
            item.tools.push(n.tool);
        if (!item.probes.includes(n.probe))
            item.probes.push(n.probe);
    }
    return [...byReason.values()];
}
/** The activities that count any of these probes (directly or through a composite probe), by level then name. */
function activitiesOf(result, probes) {
    const l = (0, lookup_1.lookup)(result);
    const out = new Set();
    for (const p of probes)
        for (const a of l.activitiesByProbe.get(p) ?? [])
            out.add(a);
    return [...out].sort(lookup_1.byLevelThenName);
}
/** Titles of the probes that no activity counts, in words; probes without a title are left out. */
function otherChecks(result, probes, options) {
    const l = (0, lookup_1.lookup)(result);
    const titles = new Set();
    for (const p of probes) {
        if (l.activitiesByProbe.has(p))
            continue;
        const title = options.checkTitle?.(p);
        if (title)
            titles.add(title);
    }
    return [...titles].sort();
}
function lineLoc(path, line) {
    return { path, line, column: 1, endLine: line, endColumn: 1 };
}
/**
 * The hover at a 1-based `line`/`column` of `entry`'s file, or undefined when there is nothing
 * to say. On the file's anchor line (CI file anchor, a Dockerfile's first FROM) it summarises
 * the file; on a CI job's key what the job implements; on evidence what the evidence counts for;
 * on a tool that does not count, why; on a variable that switches controls off, what it costs.
 */
function hoverAt(result, entry, line, column, options) {
    const anchor = (0, lookup_1.fileAnchor)(entry);
    if (anchor && line === anchor.line)
        return fileSummary(result, entry, anchor, options);
    const ci = (0, lookup_1.ciFileOf)(entry);
    const job = ci ? jobStartingAt(result, ci, line) : undefined;
    if (ci && job)
        return jobHover(result, ci, job, options);
    const hits = evidenceAt(result, entry, line, column);
    const notCounted = notCountedAt(result, entry, line);
    if (hits.length)
        return evidenceHover(result, entry, line, hits, notCounted, options);
    if (notCounted.length) {
        const loc = entry.facts.notCounted.find((n) => n.evidence.loc.path === entry.path && n.evidence.loc.line === line)?.evidence.loc ?? lineLoc(entry.path, line);
        return {
            kind: 'not-counted',
            loc,
            range: (0, text_1.locToRange)(loc),
            evidence: [],
            activities: activitiesOf(result, notCounted.flatMap((n) => n.probes)).map((a) => hoverActivity(a)),
            otherChecks: [],
            notCounted: notCounted.map((n) => notCountedItem(result, n, options)),
        };
    }
    return switchHover(result, entry, line, options);
}
function evidenceHover(result, entry, line, hits, notCounted, options) {
    const activities = new Set();
    const probes = new Set();
    for (const h of hits) {
        for (const a of h.activities)
            activities.add(a);
        for (const p of h.probes)
            probes.add(p);
    }
    const first = hits[0].evidence;
    const loc = first.loc.path === entry.path ? first.loc : lineLoc(entry.path, line);
    return {
        kind: 'evidence',
        loc,
        range: (0, text_1.locToRange)(loc),
        evidence: hits.map((h) => ({ text: h.evidence.text, tool: h.evidence.tool, loc: h.evidence.loc })),
        activities: [...activities].sort(lookup_1.byLevelThenName).map((a) => hoverActivity(a)),
        otherChecks: otherChecks(result, probes, options),
        ...(notCounted.length ? { notCounted: notCounted.map((n) => notCountedItem(result, n, options)) } : {}),
    };
}
function notCountedItem(result, n, options) {
    const checks = [...new Set(n.probes.map((p) => options.checkTitle?.(p)).filter((t) => !!t))].sort();
    return { tools: n.tools, text: n.text, reason: withSwitchPlace(result, n.reason), checks };
}
/** "switched off by DAST_DISABLED" → "… (set at .gitlab-ci.yml:17)": the user sees where to look. */
function withSwitchPlace(result, reason) {
    const m = /switched off by (\S+)$/.exec(reason);
    if (!m)
        return reason;
    const where = result.findings.find((f) => f.code === 'control-disabled' && f.data?.variable === m[1])?.loc;
    return where ? `${reason} (set at ${where.path}:${where.line})` : reason;
}
/** A CI variable that switches controls off (`DAST_DISABLED: "true"`): what it switches off and which activities lose it. */
function switchHover(result, entry, line, options) {
    const switches = result.findings.filter((f) => f.code === 'control-disabled' && f.data?.variable && f.loc.path === entry.path && f.loc.line === line);
    if (!switches.length)
        return undefined;
    const f = switches[0];
    const probes = (f.data.probes ?? '').split(',').filter(Boolean);
    const titles = [...new Set(probes.map((p) => options.checkTitle?.(p)).filter((t) => !!t))];
    return {
        kind: 'switch',
        loc: f.loc,
        range: (0, text_1.locToRange)(f.loc),
        evidence: [],
        activities: activitiesOf(result, probes).map((a) => hoverActivity(a)),
        otherChecks: [],
        switch: { variable: f.data.variable, switchesOff: titles },
    };
}
/** The job whose key is on this line, unless evidence is written on that very line (a one-line Jenkins stage). */
function jobStartingAt(result, file, line) {
    const job = file.jobs.find((j) => j.loc.path === file.path && j.loc.line === line);
    if (!job || ((0, lookup_1.lookup)(result).evidenceByPath.get(file.path) ?? []).some((le) => le.evidence.loc.path === file.path && le.evidence.loc.line === line))
        return undefined;
    return job;
}
function jobHover(result, file, job, options) {
    const l = (0, lookup_1.lookup)(result);
    const span = jobSpan(file, job);
    const inJob = new Set(l.evidenceByJob.get((0, lookup_1.jobKey)(file.path, job.id)) ?? []);
    // Evidence the engine did not tie to a job (a runner, an image) counts where it is written.
    for (const le of l.evidenceByPath.get(file.path) ?? []) {
        const loc = le.evidence.loc;
        if (!le.evidence.unit?.job && loc.path === file.path && loc.line >= span.start && loc.line <= span.end)
            inJob.add(le);
    }
    const activities = new Set();
    const probes = new Set();
    for (const le of inJob) {
        for (const a of le.activities)
            activities.add(a);
        for (const p of le.probes)
            probes.add(p);
    }
    const loc = (0, lookup_1.firstLineLoc)(job.loc);
    return {
        kind: 'job',
        loc,
        range: (0, text_1.locToRange)(loc),
        evidence: [],
        activities: [...activities].sort(lookup_1.byLevelThenName).map((a) => hoverActivity(a)),
        otherChecks: otherChecks(result, probes, options),
        job: { id: job.id, ...(job.name && job.name !== job.id ? { name: job.name } : {}) },
    };
}
function fileSummary(result, entry, anchor, options) {
    const l = (0, lookup_1.lookup)(result);
    const covered = new Set();
    for (const le of l.evidenceByPath.get(entry.path) ?? [])
        for (const a of le.activities)
            covered.add(a);
    const upToTarget = (a) => a.activity.level <= options.targetLevel;
    const isDockerfile = entry.kind === 'dockerfile';
    const gaps = result.activities
        .filter((a) => exports.GAP_STATUSES.has(a.status) && upToTarget(a) && !covered.has(a))
        .filter((a) => !isDockerfile || (0, lookup_1.activityFamily)(a) === 'dockerfile')
        .sort(lookup_1.byLevelThenName);
    const max = options.maxMissing ?? 8;
    return {
        kind: 'file-summary',
        loc: anchor,
        range: (0, text_1.locToRange)(anchor),
        evidence: [],
        activities: [],
        otherChecks: [],
        summary: {
            path: entry.path,
            targetLevel: options.targetLevel,
            covered: [...covered].filter(upToTarget).sort(lookup_1.byLevelThenName).map((a) => hoverActivity(a, false)),
            coveredAbove: [...covered].filter((a) => !upToTarget(a)).length,
            missing: gaps.slice(0, max).map((a) => withInsertFix(hoverActivity(a), a, result, options)),
            moreMissing: Math.max(0, gaps.length - max),
        },
    };
}
/** Adds "Insert fix" when a template satisfies one of the activity's probes that do not pass. */
function withInsertFix(h, a, result, options) {
    if (!options.fixes || !options.uri)
        return h;
    const outcome = (0, lookup_1.lookup)(result).probeResult;
    const needed = a.probes.filter((p) => outcome.get(p) !== 'pass' && outcome.get(p) !== 'not-applicable');
    if (!options.fixes.templates.some((t) => t.satisfies.some((p) => needed.includes(p))))
        return h;
    return { ...h, actions: [{ title: 'Insert fix', command: types_1.GUIDANCE_COMMANDS.insertFix, args: [{ uuid: a.activity.uuid, uri: options.uri }] }, ...h.actions] };
}
//# sourceMappingURL=hover.js.map