"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgressData = void 0;
// What the progress store knows after reading both files: states, "not applicable" decisions
// and evidence per activity and team.
const evidenceFile_1 = require("./evidenceFile");
const progressFile_1 = require("./progressFile");
const settings_1 = require("./settings");
class ProgressData {
    settings;
    progress;
    evidenceFile;
    constructor(settings, progress = (0, progressFile_1.emptyProgressDocument)(settings.file), evidenceFile = (0, evidenceFile_1.emptyEvidenceDocument)(settings.evidenceFile)) {
        this.settings = settings;
        this.progress = progress;
        this.evidenceFile = evidenceFile;
    }
    /** Every team named in either file, sorted. */
    teams() {
        const out = new Set();
        for (const a of this.progress.activities.values())
            for (const t of a.teams.keys())
                out.add(t);
        for (const a of this.evidenceFile.activities.values())
            for (const e of a.entries)
                for (const t of e.teams)
                    out.add(t);
        return [...out].sort(progressFile_1.compareText);
    }
    /** Uuids of the activities either file mentions, sorted. */
    activities() {
        return [...new Set([...this.progress.activities.keys(), ...this.evidenceFile.activities.keys()])].sort(progressFile_1.compareText);
    }
    /** The team's current state: the highest-scored configured state with a date (as the web app scores it). */
    stateOf(uuid, team = this.settings.team) {
        const states = this.progress.activities.get(uuid)?.teams.get(team);
        if (!states)
            return undefined;
        const sorted = (0, settings_1.sortStates)(this.settings.states);
        for (let i = sorted.length - 1; i >= 0; i--) {
            const date = states.get(sorted[i].name);
            if (date !== undefined)
                return { state: sorted[i].name, score: sorted[i].score, date: date.slice(0, 10), top: i === sorted.length - 1 };
        }
        return undefined;
    }
    /** Every state the team has a date for, configured ones by score first. */
    historyOf(uuid, team = this.settings.team) {
        const states = this.progress.activities.get(uuid)?.teams.get(team);
        if (!states)
            return [];
        const score = new Map(this.settings.states.map((s) => [s.name, s.score]));
        return (0, progressFile_1.orderStates)(states, this.settings.states).map(([state, date]) => ({ state, date: date.slice(0, 10), ...(score.has(state) ? { score: score.get(state) } : {}) }));
    }
    /** The team's "not applicable" decision (the last one in the file when there are several). */
    notApplicable(uuid, team = this.settings.team) {
        const entries = this.evidenceFile.activities.get(uuid)?.entries ?? [];
        for (let i = entries.length - 1; i >= 0; i--) {
            const e = entries[i];
            if (!(0, evidenceFile_1.isNotApplicable)(e) || !e.teams.includes(team))
                continue;
            return {
                reason: (e.description ?? '').trim(),
                ...(e.reviewer ? { by: e.reviewer } : {}),
                ...(e.date ? { date: e.date.slice(0, 10) } : {}),
                ...(e.id ? { id: e.id } : {}),
            };
        }
        return undefined;
    }
    /** Free-text evidence (not the "not applicable" entries), of one team or of all. */
    evidence(uuid, team) {
        const entries = this.evidenceFile.activities.get(uuid)?.entries ?? [];
        return entries
            .filter((e) => !(0, evidenceFile_1.isNotApplicable)(e) && (team === undefined || e.teams.includes(team)))
            .map((e) => ({
            ...(e.id ? { id: e.id } : {}),
            teams: [...e.teams],
            title: e.title ?? '',
            description: e.description ?? '',
            ...(e.date ? { date: e.date.slice(0, 10) } : {}),
            ...(e.reviewer ? { by: e.reviewer } : {}),
            attachments: e.attachments.map((a) => ({ ...a })),
        }));
    }
}
exports.ProgressData = ProgressData;
//# sourceMappingURL=data.js.map