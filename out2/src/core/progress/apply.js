"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.applyProgress = applyProgress;
// Layers the team's decisions on a scan: progress states and "not applicable" decisions.
const result_1 = require("../scan/result");
const data_1 = require("./data");
function applyProgress(result, data, settings = data.settings, options = {}) {
    const view = settings === data.settings ? data : new data_1.ProgressData({ ...data.settings, ...settings }, data.progress, data.evidenceFile);
    const team = view.settings.team;
    const scoredZero = options.notApplicableScoring === 'zero';
    const activities = result.activities.map((a) => {
        const { progress: _p, notApplicable: _n, teamEvidence: _e, ...base } = a;
        const out = { ...base, status: a.detected };
        const state = view.stateOf(a.activity.uuid, team);
        if (state && state.score > 0) {
            out.progress = { state: state.state, date: state.date, score: state.score, team };
            out.status = state.top ? 'done' : 'in-progress';
        }
        const na = view.notApplicable(a.activity.uuid, team);
        if (na && na.reason) {
            out.notApplicable = { reason: na.reason, ...(na.by ? { by: na.by } : {}), ...(na.date ? { date: na.date } : {}), ...(scoredZero ? { scoredZero: true } : {}) };
            out.status = 'not-applicable';
        }
        // Without a team yet, every team's evidence: it is what the app shows on the activity.
        const evidence = view.evidence(a.activity.uuid, team || undefined);
        if (evidence.length) {
            out.teamEvidence = evidence.map((e) => ({
                ...(e.id ? { id: e.id } : {}),
                teams: e.teams,
                title: e.title,
                description: e.description,
                ...(e.date ? { date: e.date } : {}),
                ...(e.by ? { reviewer: e.by } : {}),
                attachments: e.attachments,
            }));
        }
        return out;
    });
    return { ...result, activities, ...(0, result_1.summarizeLevels)(activities) };
}
//# sourceMappingURL=apply.js.map