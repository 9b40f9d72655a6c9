"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ACHIEVED_STATUSES = void 0;
exports.isAchieved = isAchieved;
exports.summarizeLevels = summarizeLevels;
exports.notApplicableScoringNote = notApplicableScoringNote;
exports.notApplicableSummary = notApplicableSummary;
exports.ACHIEVED_STATUSES = new Set(['detected', 'done', 'not-applicable']);
/** Whether the activity counts as achieved: an achieved status, unless it is a "not applicable" scored 0 %. */
function isAchieved(r) {
    return exports.ACHIEVED_STATUSES.has(r.status) && !(r.status === 'not-applicable' && r.notApplicable?.scoredZero);
}
function summarizeLevels(activities) {
    const levels = [1, 2, 3, 4, 5].map((level) => ({ level, decidable: 0, achieved: 0, undecided: 0 }));
    for (const a of activities) {
        const l = levels[a.activity.level - 1];
        if (!l)
            continue;
        if (a.status === 'unknown')
            l.undecided++;
        else {
            l.decidable++;
            if (isAchieved(a))
                l.achieved++;
        }
    }
    let achievedLevel = 0;
    for (const l of levels) {
        if (l.achieved === l.decidable)
            achievedLevel = l.level;
        else
            break;
    }
    return { achievedLevel, levels };
}
/** Per activity: how a team "not applicable" decision is scored, next to the DSOMM web app's 0 %. */
function notApplicableScoringNote(na) {
    return na.scoredZero ? 'scored 0 %, as the DSOMM web app scores it' : 'counts as achieved here; the DSOMM web app scores it 0 %';
}
/**
 * One line for every place that shows a level or a percentage: how many of the team's "not
 * applicable" decisions it counts as achieved while the DSOMM web app scores them 0 %.
 * Undefined when the team has made no such decision.
 */
function notApplicableSummary(result, maxLevel = 5) {
    const decided = result.activities.filter((a) => a.notApplicable && a.status === 'not-applicable' && a.activity.level <= maxLevel);
    if (!decided.length)
        return undefined;
    const n = decided.length;
    const what = n === 1 ? '1 activity marked not applicable' : `${n} activities marked not applicable`;
    return decided.every((a) => a.notApplicable.scoredZero)
        ? `${what}: scored 0 %, as the DSOMM web app scores ${n === 1 ? 'it' : 'them'}.`
        : `${what}: ${n === 1 ? 'counts' : 'count'} as achieved here; the DSOMM web app scores ${n === 1 ? 'it' : 'them'} 0 %.`;
}
//# sourceMappingURL=result.js.map