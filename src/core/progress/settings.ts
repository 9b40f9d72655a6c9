// Settings of the team progress store, the errors it throws, and the date rules shared by the
// progress file and the evidence file.
import { basename, dirname, joinPath } from '../fs';

/** One progress state as the DSOMM web app defines it in meta.yaml `progressDefinition`. */
export interface ProgressState {
  name: string;
  /** Percent, 0–100. The lowest state must be 0 (never written), the highest 100 (= done). */
  score: number;
}

export interface ProgressSettings {
  /** Workspace-relative path of the progress file (DSOMM `team-progress.yaml`). */
  file: string;
  /** Workspace-relative path of the companion file (DSOMM `team-evidence.yaml`), same folder. */
  evidenceFile: string;
  /**
   * The team this workspace records progress for (must match a team of the web app); '' while it
   * is not known yet (see team.ts: nothing is shown as the team's, and the first record asks).
   */
  team: string;
  /** The deployment's progress states, any order (they are sorted by score). */
  states: ProgressState[];
}

export const DEFAULT_PROGRESS_FILE = '.dsomm/team-progress.yaml';
export const EVIDENCE_FILE_NAME = 'team-evidence.yaml';

/** The states of the DSOMM web app v4 out of the box (meta.yaml `progressDefinition`). */
export const DEFAULT_STATES: readonly ProgressState[] = Object.freeze([
  { name: 'Not implemented', score: 0 },
  { name: 'Started', score: 20 },
  { name: 'Partly implemented', score: 50 },
  { name: 'Fully implemented', score: 100 },
]);

export class ProgressSettingsError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'ProgressSettingsError';
  }
}

export interface ProgressSettingsInput {
  file?: string;
  evidenceFile?: string;
  team?: string;
  /** Scores in percent: 20 or "20%" (as meta.yaml writes them). */
  states?: { name: string; score: number | string }[];
}

/**
 * Fills defaults and checks the settings the way the web app checks meta.yaml: unique names,
 * unique scores within 0–100 %, lowest 0 %, highest 100 %. Throws ProgressSettingsError.
 */
export function resolveProgressSettings(input: ProgressSettingsInput = {}): ProgressSettings {
  const file = (input.file ?? '').trim() || DEFAULT_PROGRESS_FILE;
  const evidenceFile = (input.evidenceFile ?? '').trim() || joinPath(dirname(file), EVIDENCE_FILE_NAME);
  if (evidenceFile === file) throw new ProgressSettingsError('the evidence file must differ from the progress file');
  const team = (input.team ?? '').trim();
  if (/[\r\n]/.test(team)) throw new ProgressSettingsError('the team name must be one line');
  const states = (input.states && input.states.length ? input.states : DEFAULT_STATES).map((s) => ({ name: String(s.name ?? '').trim(), score: scoreOf(s.score, s.name) }));
  validateStates(states);
  return { file, evidenceFile, team, states: sortStates(states) };
}

function scoreOf(raw: number | string, name: string): number {
  let n: number;
  if (typeof raw === 'number') n = raw;
  else {
    const m = /^\s*(\d+(?:\.\d+)?)\s*%\s*$/.exec(String(raw));
    if (m) n = Number(m[1]);
    else if (/^\s*\d+(?:\.\d+)?\s*$/.test(String(raw))) n = Number(raw);
    else throw new ProgressSettingsError(`progress state "${name}": score "${raw}" is not a percentage`);
  }
  if (!Number.isFinite(n) || n < 0 || n > 100) throw new ProgressSettingsError(`progress state "${name}": score ${raw} is not within 0–100 %`);
  return n;
}

/** Throws ProgressSettingsError unless the states form a valid progress definition. */
export function validateStates(states: readonly ProgressState[]): void {
  if (states.length < 2) throw new ProgressSettingsError('at least two progress states are needed (0 % and 100 %)');
  const names = new Set<string>();
  const scores = new Set<number>();
  for (const s of states) {
    if (!s.name) throw new ProgressSettingsError('a progress state has no name');
    if (/[\r\n]/.test(s.name)) throw new ProgressSettingsError(`progress state "${s.name}": the name must be one line`);
    if (names.has(s.name)) throw new ProgressSettingsError(`progress state "${s.name}" is defined twice`);
    if (scores.has(s.score)) throw new ProgressSettingsError(`two progress states have the score ${s.score} %`);
    if (!(s.score >= 0 && s.score <= 100)) throw new ProgressSettingsError(`progress state "${s.name}": score ${s.score} is not within 0–100 %`);
    names.add(s.name);
    scores.add(s.score);
  }
  const sorted = sortStates(states);
  if (sorted[0].score !== 0) throw new ProgressSettingsError(`the lowest progress state ("${sorted[0].name}") must score 0 %`);
  if (sorted[sorted.length - 1].score !== 100) throw new ProgressSettingsError(`the highest progress state ("${sorted[sorted.length - 1].name}") must score 100 %`);
}

export function sortStates(states: readonly ProgressState[]): ProgressState[] {
  return [...states].sort((a, b) => a.score - b.score);
}

/** The 100 % state: a team at this state has the activity done. */
export function topState(settings: ProgressSettings): ProgressState {
  return sortStates(settings.states)[settings.states.length - 1];
}

/** Backup of the last good version of `file`, next to it: `.dsomm/.team-progress.yaml.bak`. */
export function backupPath(file: string): string {
  return joinPath(dirname(file), `.${basename(file)}.bak`);
}

// ---------------------------------------------------------------------------------------------
// Errors

export type ProgressFileErrorKind =
  | 'syntax'   // not YAML
  | 'format'   // YAML, but not the shape of the file
  | 'encoding' // binary or not UTF-8
  | 'io'       // could not be read or written
  | 'conflict' // kept changing on disk while saving
  | 'refused'  // a symbolic link or a folder where the file should be: not read, not written
  | 'internal'; // our output would not read back the same (a bug): nothing was written

/**
 * A progress or evidence file that cannot be read or safely replaced. The file is never
 * overwritten when this is thrown. `file` is the path as given in the settings; `line` is
 * 1-based when the problem has a place, so the UI can offer "open the file" at that line.
 */
export class ProgressFileError extends Error {
  constructor(
    readonly file: string,
    readonly reason: string,
    readonly kind: ProgressFileErrorKind,
    readonly line?: number,
    readonly column?: number,
  ) {
    super(`${file}${line ? `:${line}` : ''}: ${reason}`);
    this.name = 'ProgressFileError';
  }
}

// ---------------------------------------------------------------------------------------------
// Dates. Stored normalised: 'YYYY-MM-DD', or a full UTC timestamp 'YYYY-MM-DDTHH:MM:SS[.sss]Z'
// when the file had a time of day. Both are written plain, which YAML 1.1 reads as a timestamp.

// The YAML 1.1 timestamp (https://yaml.org/type/timestamp.html).
const TIMESTAMP = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:(?:[Tt]|[ \t]+)(\d{1,2}):(\d{2}):(\d{2})(?:\.(\d+))?[ \t]*(Z|[-+]\d{1,2}(?::?\d{2})?)?)?$/;

/** Normalised date for a YAML 1.1 timestamp text, or undefined when it is not a valid date. */
export function parseDateText(text: string): string | undefined {
  const m = TIMESTAMP.exec(text.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const dayStart = Date.UTC(year, month - 1, day);
  const check = new Date(dayStart);
  if (check.getUTCFullYear() !== year || check.getUTCMonth() !== month - 1 || check.getUTCDate() !== day) return undefined;
  if (m[4] === undefined) return check.toISOString().slice(0, 10);
  const [h, min, s] = [Number(m[4]), Number(m[5]), Number(m[6])];
  if (h > 23 || min > 59 || s > 60) return undefined;
  const ms = m[7] ? Math.round(Number(`0.${m[7]}`) * 1000) : 0;
  let offset = 0;
  if (m[8] && m[8] !== 'Z') {
    const tz = /^([-+])(\d{1,2}):?(\d{2})?$/.exec(m[8])!;
    offset = (tz[1] === '-' ? -1 : 1) * (Number(tz[2]) * 60 + Number(tz[3] ?? 0)) * 60000;
  }
  return formatTimestamp(new Date(dayStart + ((h * 60 + min) * 60 + s) * 1000 + ms - offset));
}

/** 'YYYY-MM-DD' at UTC midnight, else the full UTC timestamp without a zero fraction. */
export function formatTimestamp(d: Date): string {
  const iso = d.toISOString();
  if (iso.endsWith('T00:00:00.000Z')) return iso.slice(0, 10);
  return iso.replace('.000Z', 'Z');
}

/**
 * 'YYYY-MM-DD' for "today": a Date gives its UTC calendar day, the day the DSOMM web app writes
 * (`toISOString().substring(0, 10)`), so both record the same date at any hour in any time zone;
 * a string must be YYYY-MM-DD.
 */
export function dayOf(today: string | Date): string {
  if (today instanceof Date) {
    if (Number.isNaN(today.getTime())) throw new RangeError('invalid date');
    return today.toISOString().slice(0, 10);
  }
  const d = /^\d{4}-\d{2}-\d{2}$/.test(today) ? parseDateText(today) : undefined;
  if (!d) throw new RangeError(`not a date (YYYY-MM-DD): ${today}`);
  return d;
}

/** A normalised date as a Date (UTC), for the YAML emitter. */
export function toDate(normalised: string): Date {
  return new Date(normalised.length === 10 ? `${normalised}T00:00:00.000Z` : normalised);
}
