"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.fixesFor = fixesFor;
exports.sameFix = sameFix;
exports.withheldFixes = withheldFixes;
const registry_1 = require("../scan/ci/registry");
const computeFix_1 = require("./computeFix");
const ecosystems_1 = require("./ecosystems");
const safety_1 = require("./safety");
function applicable(t, files, ecosystems) {
    if (t.when?.ecosystems && !t.when.ecosystems.some((e) => ecosystems.has(e)))
        return false;
    if (t.when?.files && !t.when.files.some((k) => files.some((f) => f.kind === k && !f.outOfScope)))
        return false;
    return true;
}
/** Edit operations that can fix several places of a file at once (grouped findings). */
const MULTI_PLACE_EDITS = new Set(['checkout-persist-credentials', 'image-tag-placeholder', 'scanner-must-fail']);
/**
 * The fixes for `diagnostic` (from diagnosticsFor), best first. `entry` is the diagnostic's file
 * (its kind decides spot edits; its parsed content shows where a hardening edit would break the
 * job). `files` defaults to the result's file list. A missing-activities summary gets the fixes of
 * its activities: the best one of each activity first (in the summary's order), then the others.
 */
function fixesFor(fixes, result, entry, diagnostic, files = result.files) {
    const d = diagnostic.data;
    let out;
    if (d.kind === 'missing-summary') {
        const perActivity = (d.activities ?? []).map((m) => activityFixes(fixes, entry, { ...diagnostic, data: { ...d, kind: 'missing-activity', activity: m.uuid, activityName: m.name, level: m.level, probes: m.probes } }, files).map((o) => ({ ...o, activity: m.uuid })));
        out = [];
        const add = (o) => {
            if (!out.some((x) => sameFix(x, o)))
                out.push(o);
        };
        for (const list of perActivity)
            if (list[0])
                add(list[0]);
        for (const list of perActivity)
            list.slice(1).forEach(add);
    }
    else if (d.kind === 'finding')
        out = findingFixes(fixes, entry, diagnostic, files);
    else
        out = activityFixes(fixes, entry, diagnostic, files);
    // One preferred fix at most: the first one marked so.
    const firstPreferred = out.findIndex((o) => o.preferred);
    out.forEach((o, i) => (o.preferred = i === firstPreferred));
    return out.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}
/** The parsed files among `files` (index entries carry them), by path. */
function parsedOf(files) {
    return (path) => files.find((f) => f.path === path)?.parsed;
}
/** The same fix: one template on one file, at the same places. */
function sameFix(a, b) {
    return a.templateId === b.templateId && a.path === b.path && placesKey(a) === placesKey(b);
}
function placesKey(o) {
    return (o.places ?? []).map((l) => `${l.line}:${l.column}`).join(',');
}
function findingFixes(fixes, entry, diagnostic, files) {
    return findingFixChoices(fixes, entry, diagnostic, files).offered;
}
/**
 * Why fixes that would resolve this weak control are not offered at its place: the file shows the
 * edit would break the job (model/fixes.yaml `unless:`). One sentence per withheld template.
 */
function withheldFixes(fixes, entry, diagnostic, files) {
    if (diagnostic.data.kind !== 'finding')
        return [];
    return findingFixChoices(fixes, entry, diagnostic, files).withheld;
}
function findingFixChoices(fixes, entry, diagnostic, files) {
    const d = diagnostic.data;
    const out = [];
    const withheld = [];
    const ecosystems = new Set((0, ecosystems_1.detectEcosystems)(files).map((e) => e.ecosystem));
    const dialect = (0, computeFix_1.dialectOf)(entry?.kind ?? files.find((f) => f.path === diagnostic.path)?.kind);
    if (!dialect)
        return { offered: out, withheld };
    const places = d.places ?? [diagnostic.loc];
    for (const t of fixes.templates) {
        const dt = t.dialects[dialect];
        if (!d.findingCode || !t.resolves.includes(d.findingCode) || !dt || !applicable(t, files, ecosystems))
            continue;
        // The checkout hardening fits an action finding only on actions/checkout itself.
        if (dt.edit === 'checkout-persist-credentials' && d.findingCode !== 'missing-permissions' && d.findingData?.action !== 'actions/checkout')
            continue;
        const preferred = t.preferred && t.resolves[0] === d.findingCode;
        // Fixes that never hurt: not where the file shows the edit would break the job.
        const harm = places.map((at) => (0, safety_1.fixHarm)(t, dt, entry?.parsed, at, parsedOf(files)));
        const safe = places.filter((_, i) => !harm[i]);
        const hereHarm = harm[places.findIndex((l) => l.line === diagnostic.loc.line && l.column === diagnostic.loc.column)];
        if (hereHarm)
            withheld.push(`"${t.title}" is not offered here: ${hereHarm}`);
        if (places.length > 1 && dt.edit && MULTI_PLACE_EDITS.has(dt.edit) && safe.length > 1) {
            out.push({ templateId: t.id, title: `${t.title}: all ${safe.length} places`, path: diagnostic.path, dialect, kind: 'edit', preferred, places: safe });
        }
        if (safe.some((l) => l.line === diagnostic.loc.line && l.column === diagnostic.loc.column)) {
            out.push({ templateId: t.id, title: places.length > 1 ? `${t.title}: this place` : t.title, path: diagnostic.path, dialect, kind: 'edit', preferred });
        }
        else if (safe.length === 1 && dt.edit && MULTI_PLACE_EDITS.has(dt.edit)) {
            // Not here, but at the one other place of the group where it does no harm.
            out.push({ templateId: t.id, title: `${t.title}: line ${safe[0].line}`, path: diagnostic.path, dialect, kind: 'edit', preferred, places: safe });
        }
    }
    return { offered: out, withheld };
}
function activityFixes(fixes, entry, diagnostic, files) {
    const d = diagnostic.data;
    const out = [];
    const add = (o) => {
        if (!out.some((x) => sameFix(x, o)))
            out.push(o);
    };
    const ecosystems = new Set((0, ecosystems_1.detectEcosystems)(files).map((e) => e.ecosystem));
    const existing = new Set(files.map((f) => f.path));
    const hasGithub = files.some((f) => f.kind === 'github-workflow' || f.kind === 'github-action' || f.kind === 'dependabot' || f.path.startsWith('.github/'));
    const pipeline = d.pipeline ?? (entry && (0, registry_1.isPipelineKind)(entry.kind) ? { path: entry.path, kind: entry.kind } : undefined);
    const here = (0, computeFix_1.dialectOf)(entry?.kind);
    for (const t of fixes.templates) {
        if (!t.satisfies.some((p) => d.probes.includes(p)) || !applicable(t, files, ecosystems))
            continue;
        const repo = t.dialects.repository;
        if (repo?.createFile) {
            if (existing.has(repo.createFile))
                continue;
            const preferred = repo.generator === 'dependabot' ? hasGithub : repo.generator === 'renovate' ? !hasGithub : t.preferred;
            add({ templateId: t.id, title: t.title, path: repo.createFile, dialect: 'repository', kind: 'create', preferred });
            continue;
        }
        if (pipeline && t.dialects[pipeline.kind]) {
            add({ templateId: t.id, title: `${t.title} to ${pipeline.path}`, path: pipeline.path, dialect: pipeline.kind, kind: 'edit', preferred: t.preferred });
        }
        else if (here && here !== pipeline?.kind && t.dialects[here] && entry && !(0, safety_1.fixHarm)(t, t.dialects[here], entry.parsed, undefined)) {
            add({ templateId: t.id, title: t.title, path: entry.path, dialect: here, kind: 'edit', preferred: t.preferred });
        }
    }
    return out.sort((a, b) => Number(!!b.preferred) - Number(!!a.preferred));
}
//# sourceMappingURL=fixes.js.map