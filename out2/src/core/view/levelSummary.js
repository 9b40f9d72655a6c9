"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.targetSummary = targetSummary;
exports.statusBarText = statusBarText;
exports.statusBarTooltipMarkdown = statusBarTooltipMarkdown;
// The status bar's numbers: how much of the target level is achieved, overall and per dimension.
const result_1 = require("../scan/result");
const markdown_1 = require("../markdown");
const activityTree_1 = require("./activityTree");
function targetSummary(result, targetLevel) {
    const dims = new Map();
    let total = 0;
    let achieved = 0;
    let undecided = 0;
    for (const a of result.activities) {
        if (a.activity.level > targetLevel)
            continue;
        const d = dims.get(a.activity.dimension) ?? dims.set(a.activity.dimension, { name: a.activity.dimension, total: 0, achieved: 0 }).get(a.activity.dimension);
        total++;
        d.total++;
        if ((0, result_1.isAchieved)(a)) {
            achieved++;
            d.achieved++;
        }
        else if (a.status === 'unknown')
            undecided++;
    }
    return { targetLevel, total, achieved, undecided, dimensions: [...dims.values()] };
}
/** "DSOMM L1 · 18/26" at target level 1, "DSOMM L1–3 · 40/102" at 3: the levels it counts, then the count. */
function statusBarText(s) {
    return `DSOMM ${(0, activityTree_1.levelScope)(s.targetLevel)} · ${s.achieved}/${s.total}`;
}
function statusBarTooltipMarkdown(s, achievedLevel) {
    const rows = s.dimensions.map((d) => `| ${(0, markdown_1.escapeMarkdown)(d.name)} | ${d.achieved}/${d.total} |`);
    return [
        `**DSOMM target level ${s.targetLevel}**: ${s.achieved} of the ${s.total} activities at ${(0, activityTree_1.levelScopeText)(s.targetLevel)} detected, done or not applicable. Achieved level: ${achievedLevel}.`,
        s.undecided ? `${s.undecided} activities need your decision (they cannot be seen in files).` : '',
        '| Dimension | Achieved |\n| --- | --- |\n' + rows.join('\n'),
    ].filter(Boolean).join('\n\n');
}
//# sourceMappingURL=levelSummary.js.map