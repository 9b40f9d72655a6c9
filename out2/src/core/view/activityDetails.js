"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.activityRef = activityRef;
exports.activityDetails = activityDetails;
exports.hasFixTemplate = hasFixTemplate;
// What the activity details panel shows, computed without the VS Code API. Every string here is
// plain text (the webview renders it with textContent); links are checked with safeHref.
const fixes_1 = require("../guidance/fixes");
const lookup_1 = require("../guidance/lookup");
const settings_1 = require("../progress/settings");
const team_1 = require("../progress/team");
const result_1 = require("../scan/result");
const activityTree_1 = require("./activityTree");
const html_1 = require("./html");
/** The row of activity `a`, with its result when the workspace has been assessed. */
function activityRef(a, r) {
    return {
        uuid: a.uuid,
        name: a.name,
        dimension: a.dimension,
        subdimension: a.subdimension,
        level: a.level,
        ...(r ? { status: r.status, statusText: activityTree_1.STATUS_TEXT[r.status] } : {}),
        achieved: !!r && (0, result_1.isAchieved)(r),
    };
}
/** Labels of the reference frameworks the model uses, in display order. */
const REFERENCE_LABELS = [
    ['samm2', 'OWASP SAMM 2'],
    ['iso27001-2017', 'ISO 27001:2017'],
    ['iso27001-2022', 'ISO 27001:2022'],
    ['openCRE', 'OpenCRE'],
];
function referenceLabel(key) {
    return REFERENCE_LABELS.find(([k]) => k === key)?.[1] ?? key;
}
function openCreText(url) {
    // The model links openCRE by a long URL; its last path segment is the readable part.
    try {
        const last = new URL(url).pathname.split('/').filter(Boolean).pop();
        return last ? decodeURIComponent(last) : url;
    }
    catch {
        return url;
    }
}
function references(a) {
    const order = (k) => {
        const i = REFERENCE_LABELS.findIndex(([key]) => key === k);
        return i < 0 ? REFERENCE_LABELS.length : i;
    };
    return Object.entries(a.references)
        .filter(([, values]) => values.length)
        .sort(([x], [y]) => order(x) - order(y) || x.localeCompare(y))
        .map(([key, values]) => ({
        label: referenceLabel(key),
        items: values.map((v) => {
            const url = (0, html_1.safeHref)(v);
            return url ? { text: key === 'openCRE' ? openCreText(v) : v, url } : { text: v };
        }),
    }));
}
function ref(model, results, uuid) {
    const a = model.activities.get(uuid) ?? results.get(uuid)?.activity;
    if (!a)
        return undefined;
    return activityRef(a, results.get(uuid));
}
function rating(n) {
    return typeof n === 'number' && Number.isFinite(n) ? n : undefined;
}
/** The details of one activity; undefined when the model has no such uuid. */
function activityDetails(model, result, uuid, options = {}) {
    const results = new Map(result?.activities.map((r) => [r.activity.uuid, r]));
    const a = model.activities.get(uuid) ?? results.get(uuid)?.activity;
    if (!a)
        return undefined;
    const r = results.get(uuid);
    const dependents = [...model.activities.values()].filter((x) => x.dependsOn.includes(uuid)).map((x) => ref(model, results, x.uuid));
    return {
        uuid: a.uuid,
        name: a.name,
        dimension: a.dimension,
        subdimension: a.subdimension,
        level: a.level,
        status: r?.status,
        statusText: r && activityTree_1.STATUS_TEXT[r.status],
        detectedText: r && r.detected !== r.status ? activityTree_1.STATUS_TEXT[r.detected] : undefined,
        note: r?.note,
        reasons: [...(r?.reasons ?? [])],
        description: (0, html_1.textBlocks)(a.description),
        risk: (0, html_1.textBlocks)(a.risk),
        measure: (0, html_1.textBlocks)(a.measure),
        assessment: (0, html_1.textBlocks)(a.assessment),
        implementationGuide: (0, html_1.textBlocks)(a.implementationGuide),
        difficulty: { knowledge: rating(a.difficulty.knowledge), time: rating(a.difficulty.time), resources: rating(a.difficulty.resources) },
        usefulness: rating(a.usefulness),
        tools: a.tools.map((t) => ({ text: t.name, url: (0, html_1.safeHref)(t.url), ...(t.description ? { description: t.description } : {}) })),
        references: references(a),
        dependencies: a.dependsOn.map((d) => ref(model, results, d)).filter((x) => !!x),
        dependents: dependents.sort((x, y) => x.level - y.level || x.name.localeCompare(y.name)),
        evidence: (r?.evidence ?? []).map((e) => ({ path: e.loc.path, line: e.loc.line, column: e.loc.column, text: e.text, ...(e.tool ? { tool: e.tool } : {}) })),
        ...(r?.progress ? { progress: { state: r.progress.state, date: r.progress.date, team: r.progress.team, teamLabel: (0, team_1.teamLabel)(r.progress.team) } } : {}),
        ...(r?.notApplicable
            ? {
                notApplicable: {
                    reason: r.notApplicable.reason,
                    ...(r.notApplicable.by ? { by: r.notApplicable.by } : {}),
                    ...(r.notApplicable.date ? { date: r.notApplicable.date } : {}),
                    scoring: (0, result_1.notApplicableScoringNote)(r.notApplicable),
                },
            }
            : {}),
        teamEvidence: (r?.teamEvidence ?? []).map((e) => ({
            title: e.title,
            description: (0, html_1.textBlocks)(e.description),
            teams: [...e.teams],
            ...(e.reviewer ? { reviewer: e.reviewer } : {}),
            ...(e.date ? { date: e.date } : {}),
            links: e.attachments.map((x) => {
                const url = (0, html_1.safeHref)(x.url);
                return url ? { text: x.url, url } : { text: x.url };
            }),
        })),
        states: [...(options.states ?? settings_1.DEFAULT_STATES.map((s) => s.name))],
        fixAvailable: !!options.fixAvailable,
        webUrl: (0, lookup_1.activityUrl)(a.uuid),
    };
}
/**
 * Whether model/fixes.yaml has a template that would add this activity to the workspace (the
 * activity is missing or partly there and a template fits one of its pipelines or creates a file).
 */
function hasFixTemplate(fixes, result, uuid) {
    const r = result.activities.find((x) => x.activity.uuid === uuid);
    if (!r || !r.probes.length || (r.detected !== 'missing' && r.detected !== 'partial'))
        return false;
    const pipelines = result.files
        .filter((f) => lookup_1.PIPELINE_ORDER.includes(f.kind) && !f.problems.some((p) => p.severity === 'error'))
        .sort((x, y) => lookup_1.PIPELINE_ORDER.indexOf(x.kind) - lookup_1.PIPELINE_ORDER.indexOf(y.kind));
    const candidates = pipelines.length ? pipelines : [undefined];
    return candidates.some((p) => {
        const diagnostic = {
            path: p?.path ?? '',
            range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
            loc: { path: p?.path ?? '', line: 1, column: 1, endLine: 1, endColumn: 1 },
            message: '',
            severity: 'information',
            code: { value: r.probes[0] },
            source: 'DSOMM',
            data: { kind: 'missing-activity', activity: uuid, probes: r.probes, ...(p ? { pipeline: { path: p.path, kind: p.kind } } : {}) },
        };
        return (0, fixes_1.fixesFor)(fixes, result, p ? { path: p.path, kind: p.kind } : undefined, diagnostic).length > 0;
    });
}
//# sourceMappingURL=activityDetails.js.map