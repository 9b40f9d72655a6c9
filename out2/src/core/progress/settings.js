"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ProgressFileError = exports.ProgressSettingsError = exports.DEFAULT_STATES = exports.EVIDENCE_FILE_NAME = exports.DEFAULT_PROGRESS_FILE = void 0;
exports.resolveProgressSettings = resolveProgressSettings;
exports.validateStates = validateStates;
exports.sortStates = sortStates;
exports.topState = topState;
exports.backupPath = backupPath;
exports.parseDateText = parseDateText;
exports.formatTimestamp = formatTimestamp;
exports.dayOf = dayOf;
exports.toDate = toDate;
// Settings of the team progress store, the errors it throws, and the date rules shared by the
// progress file and the evidence file.
const fs_1 = require("../fs");
exports.DEFAULT_PROGRESS_FILE = '.dsomm/team-progress.yaml';
exports.EVIDENCE_FILE_NAME = 'team-evidence.yaml';
/** The states of the DSOMM web app v4 out of the box (meta.yaml `progressDefinition`). */
exports.DEFAULT_STATES = Object.freeze([
    { name: 'Not implemented', score: 0 },
    { name: 'Started', score: 20 },
    { name: 'Partly implemented', score: 50 },
    { name: 'Fully implemented', score: 100 },
]);
class ProgressSettingsError extends Error {
    constructor(message) {
        super(message);
        this.name = 'ProgressSettingsError';
    }
}
exports.ProgressSettingsError = ProgressSettingsError;
/**
 * Fills defaults and checks the settings the way the web app checks meta.yaml: unique names,
 * unique scores within 0–100 %, lowest 0 %, highest 100 %. Throws ProgressSettingsError.
 */
function resolveProgressSettings(input = {}) {
    const file = (input.file ?? '').trim() || exports.DEFAULT_PROGRESS_FILE;
    const evidenceFile = (input.evidenceFile ?? '').trim() || (0, fs_1.joinPath)((0, fs_1.dirname)(file), exports.EVIDENCE_FILE_NAME);
    if (evidenceFile === file)
        throw new ProgressSettingsError('the evidence file must differ from the progress file');
    const team = (input.team ?? '').trim();
    if (/[\r\n]/.test(team))
        throw new ProgressSettingsError('the team name must be one line');
    const states = (input.states && input.states.length ? input.states : exports.DEFAULT_STATES).map((s) => ({ name: String(s.name ?? '').trim(), score: scoreOf(s.score, s.name) }));
    validateStates(states);
    return { file, evidenceFile, team, states: sortStates(states) };
}
function scoreOf(raw, name) {
    let n;
    if (typeof raw === 'number')
        n = raw;
    else {
        const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(raw));
        if (m)
            n = Number(m[1]);
        else if (/^\s*\d+(?:\.\d+)?\s*$/.test(String(raw)))
            n = Number(raw);
        else
            throw new ProgressSettingsError(`progress state "${name}": score "${raw}" is not a percentage`);
    }
    if (!Number.isFinite(n) || n < 0 || n > 100)
        throw new ProgressSettingsError(`progress state "${name}": score ${raw} is not within 0–100 %`);
    return n;
}
/** Throws ProgressSettingsError unless the states form a valid progress definition. */
function validateStates(states) {
    if (states.length < 2)
        throw new ProgressSettingsError('at least two progress states are needed (0 % and 100 %)');
    const names = new Set();
    const scores = new Set();
    for (const s of states) {
        if (!s.name)
            throw new ProgressSettingsError('a progress state has no name');
        if (/[\r\n]/.test(s.name))
            throw new ProgressSettingsError(`progress state "${s.name}": the name must be one line`);
        if (names.has(s.name))
            throw new ProgressSettingsError(`progress state "${s.name}" is defined twice`);
        if (scores.has(s.score))
            throw new ProgressSettingsError(`two progress states have the score ${s.score} %`);
        if (!(s.score >= 0 && s.score <= 100))
            throw new ProgressSettingsError(`progress state "${s.name}": score ${s.score} is not within 0–100 %`);
        names.add(s.name);
        scores.add(s.score);
    }
    const sorted = sortStates(states);
    if (sorted[0].score !== 0)
        throw new ProgressSettingsError(`the lowest progress state ("${sorted[0].name}") must score 0 %`);
    if (sorted[sorted.length - 1].score !== 100)
        throw new ProgressSettingsError(`the highest progress state ("${sorted[sorted.length - 1].name}") must score 100 %`);
}
function sortStates(states) {
    return [...states].sort((a, b) => a.score - b.score);
}
/** The 100 % state: a team at this state has the activity done. */
function topState(settings) {
    return sortStates(settings.states)[settings.states.length - 1];
}
/** Backup of the last good version of `file`, next to it: `.dsomm/.team-progress.yaml.bak`. */
function backupPath(file) {
    return (0, fs_1.joinPath)((0, fs_1.dirname)(file), `.${(0, fs_1.basename)(file)}.bak`);
}
/**
 * A progress or evidence file that cannot be read or safely replaced. The file is never
 * overwritten when this is thrown. `file` is the path as given in the settings; `line` is
 * 1-based when the problem has a place, so the UI can offer "open the file" at that line.
 */
class ProgressFileError extends Error {
    file;
    reason;
    kind;
    line;
    column;
    constructor(file, reason, kind, line, column) {
        super(`${file}${line ? `:${line}` : ''}: ${reason}`);
        this.file = file;
        this.reason = reason;
        this.kind = kind;
        this.line = line;
        this.column = column;
        this.name = 'ProgressFileError';
    }
}
exports.ProgressFileError = ProgressFileError;
// ---------------------------------------------------------------------------------------------
// Dates. Stored normalised: 'YYYY-MM-DD', or a full UTC timestamp 'YYYY-MM-DDTHH:MM:SS[.sss]Z'
// when the file had a time of day. Both are written plain, which YAML 1.1 reads as a timestamp.
// The YAML 1.1 timestamp (https://yaml.org/type/timestamp.html).
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?)?)?$/;
/** Normalised date for a YAML 1.1 timestamp text, or undefined when it is not a valid date. */
function parseDateText(text) {
    const m = TIMESTAMP.exec(text.trim());
    if (!m)
        return undefined;
    const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const dayStart = Date.UTC(year, month - 1, day);
    const check = new Date(dayStart);
    if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day)
        return undefined;
    if (m[4] === undefined)
        return check.toISOString().slice(0, 10);
    const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
    if (h > 23 || min > 59 || s > 60)
        return undefined;
    const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
    let offset = 0;
    if (m[8] && m[8] !== 'Z') {
        const tz = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(m[8]);
        offset = (tz[1] === '-' ? -1 : 1) * (Number(tz[2]) * 60 + Number(tz[3] ?? 0)) * 60000;
    }
    return formatTimestamp(new Date(dayStart + ((h * 60 + min) * 60 + s) * 1000 + ms - offset));
}
/** 'YYYY-MM-DD' at UTC midnight, else the full UTC timestamp without a zero fraction. */
function formatTimestamp(d) {
    const iso = d.toISOString();
    if (iso.endsWith('T00:00:00.000Z'))
        return iso.slice(0, 10);
    return iso.replace('.000Z', 'Z');
}
/**
 * 'YYYY-MM-DD' for "today": a Date gives its UTC calendar day, the day the DSOMM web app writes
 * (`toISOString().substring(0, 10)`), so both record the same date at any hour in any time zone;
 * a string must be YYYY-MM-DD.
 */
function dayOf(today) {
    if (today instanceof Date) {
        if (Number.isNaN(today.getTime()))
            throw new RangeError('invalid date');
        return today.toISOString().slice(0, 10);
    }
    const d = /^\d{4}-\d{2}-\d{2}$/.test(today) ? parseDateText(today) : undefined;
    if (!d)
        throw new RangeError(`not a date (YYYY-MM-DD): ${today}`);
    return d;
}
/** A normalised date as a Date (UTC), for the YAML emitter. */
function toDate(normalised) {
    return new Date(normalised.length === 10 ? `${normalised}T00:00:00.000Z` : normalised);
}
//# sourceMappingURL=settings.js.map