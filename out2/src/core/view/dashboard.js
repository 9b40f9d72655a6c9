"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.meanDifficulty = meanDifficulty;
exports.nextBestActivities = nextBestActivities;
exports.buildDashboard = buildDashboard;
// What the maturity dashboard shows, computed without the VS Code API: a heatmap of
// dimensions / sub-dimensions × levels 1–5, progress up to the target level, and the next best
// activities to work on. The webview only renders this (as text, never as markup).
const types_1 = require("../model/types");
const result_1 = require("../scan/result");
const activityDetails_1 = require("./activityDetails");
const LEVELS = Array.from({ length: types_1.MAX_LEVEL }, (_, i) => i + 1);
function progressOf(list, targetLevel) {
    const scoped = list.filter((a) => a.level <= targetLevel);
    const achieved = scoped.filter((a) => a.achieved).length;
    return { total: scoped.length, achieved, share: scoped.length ? achieved / scoped.length : 0 };
}
function cellsOf(list) {
    return LEVELS.map((level) => {
        const here = list.filter((a) => a.level === level).sort((a, b) => a.name.localeCompare(b.name));
        const achieved = here.filter((a) => a.achieved).length;
        const statuses = {};
        for (const a of here)
            if (a.status)
                statuses[a.status] = (statuses[a.status] ?? 0) + 1;
        return { level, total: here.length, achieved, ...(here.length ? { share: achieved / here.length } : {}), statuses, activities: here.map((a) => a.uuid) };
    });
}
/** Mean of the difficulty ratings the model gives (1–5), undefined without any. */
function meanDifficulty(a) {
    const ratings = [a.difficulty.knowledge, a.difficulty.time, a.difficulty.resources].filter((n) => typeof n === 'number' && Number.isFinite(n) && n > 0);
    return ratings.length ? ratings.reduce((s, n) => s + n, 0) / ratings.length : undefined;
}
/**
 * Activities not yet achieved, at or below the target level, whose dependencies are all achieved:
 * lowest level first, then the best usefulness for the difficulty, then by name. Unrated
 * usefulness counts as 1, unrated difficulty as 3 (the middle of the scale).
 */
function nextBestActivities(result, targetLevel, max = 8) {
    const byUuid = new Map(result.activities.map((r) => [r.activity.uuid, r]));
    const met = (uuid) => {
        const d = byUuid.get(uuid);
        // A dependency the model names but this result does not know cannot block anything.
        return !d || (0, result_1.isAchieved)(d);
    };
    return result.activities
        .filter((r) => r.activity.level <= targetLevel && !(0, result_1.isAchieved)(r) && r.activity.dependsOn.every(met))
        .map((r) => {
        const difficulty = meanDifficulty(r.activity);
        const usefulness = typeof r.activity.usefulness === 'number' && r.activity.usefulness > 0 ? r.activity.usefulness : undefined;
        return { ...(0, activityDetails_1.activityRef)(r.activity, r), usefulness, difficulty, value: (usefulness ?? 1) / (difficulty ?? 3) };
    })
        .sort((a, b) => a.level - b.level || b.value - a.value || a.name.localeCompare(b.name))
        .slice(0, max);
}
function buildDashboard(model, result, options) {
    const targetLevel = Math.min(types_1.MAX_LEVEL, Math.max(1, Math.round(options.targetLevel) || 1));
    const results = new Map(result?.activities.map((r) => [r.activity.uuid, r]));
    const activities = {};
    const dimensions = [];
    const all = [];
    for (const d of model.dimensions) {
        const inDimension = [];
        const subdimensions = [];
        for (const s of d.subdimensions) {
            const list = s.activities.filter((a) => a.level >= 1 && a.level <= types_1.MAX_LEVEL).map((a) => (0, activityDetails_1.activityRef)(a, results.get(a.uuid)));
            if (!list.length)
                continue;
            for (const a of list)
                activities[a.uuid] = a;
            inDimension.push(...list);
            subdimensions.push({ name: s.name, cells: cellsOf(list) });
        }
        if (!subdimensions.length)
            continue;
        all.push(...inDimension);
        dimensions.push({ name: d.name, progress: progressOf(inDimension, targetLevel), cells: cellsOf(inDimension), subdimensions });
    }
    return {
        targetLevel,
        achievedLevel: result?.achievedLevel ?? 0,
        assessed: !!result,
        model: { version: result?.model.version ?? model.meta.version, activityCount: model.activities.size },
        levels: LEVELS,
        overall: progressOf(all, targetLevel),
        dimensions,
        nextBest: result ? nextBestActivities(result, targetLevel, options.maxNextBest ?? 8) : [],
        activities,
        ...(result && (0, result_1.notApplicableSummary)(result, targetLevel) ? { notApplicableNote: (0, result_1.notApplicableSummary)(result, targetLevel) } : {}),
    };
}
//# sourceMappingURL=dashboard.js.map