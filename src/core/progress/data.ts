// What the progress store knows after reading both files: states, "not applicable" decisions
// and evidence per activity and team.
import { EvidenceDocument, emptyEvidenceDocument, isNotApplicable } from './evidenceFile';
import { compareText, emptyProgressDocument, orderStates, ProgressDocument } from './progressFile';
import { ProgressSettings, sortStates } from './settings';

export interface TeamState {
  /** The highest configured state the team has a date for. */
  state: string;
  /** Its score in percent. */
  score: number;
  /** 'YYYY-MM-DD' the team reached it. */
  date: string;
  /** True for the 100 % state. */
  top: boolean;
}

export interface StateHistoryEntry {
  state: string;
  date: string;
  /** Undefined for states the settings do not know (kept, not scored). */
  score?: number;
}

export interface NotApplicableDecision {
  reason: string;
  by?: string;
  /** 'YYYY-MM-DD' it was recorded. */
  date?: string;
  /** Id of the evidence entry that holds it. */
  id?: string;
}

export interface EvidenceRecord {
  id?: string;
  teams: string[];
  title: string;
  description: string;
  date?: string;
  by?: string;
  /** Links of the entry's attachments (document, image or link). */
  attachments: { type?: string; url: string }[];
}

export class ProgressData {
  constructor(
    readonly settings: ProgressSettings,
    readonly progress: ProgressDocument = emptyProgressDocument(settings.file),
    readonly evidenceFile: EvidenceDocument = emptyEvidenceDocument(settings.evidenceFile),
  ) {}

  /** Every team named in either file, sorted. */
  teams(): string[] {
    const out = new Set<string>();
    for (const a of this.progress.activities.values()) for (const t of a.teams.keys()) out.add(t);
    for (const a of this.evidenceFile.activities.values()) for (const e of a.entries) for (const t of e.teams) out.add(t);
    return [...out].sort(compareText);
  }

  /** Uuids of the activities either file mentions, sorted. */
  activities(): string[] {
    return [...new Set([...this.progress.activities.keys(), ...this.evidenceFile.activities.keys()])].sort(compareText);
  }

  /** The team's current state: the highest-scored configured state with a date (as the web app scores it). */
  stateOf(uuid: string, team = this.settings.team): TeamState | undefined {
    const states = this.progress.activities.get(uuid)?.teams.get(team);
    if (!states) return undefined;
    const sorted = sortStates(this.settings.states);
    for (let i = sorted.length - 1; i >= 0; i--) {
      const date = states.get(sorted[i].name);
      if (date !== undefined) return { state: sorted[i].name, score: sorted[i].score, date: date.slice(0, 10), top: i === sorted.length - 1 };
    }
    return undefined;
  }

  /** Every state the team has a date for, configured ones by score first. */
  historyOf(uuid: string, team = this.settings.team): StateHistoryEntry[] {
    const states = this.progress.activities.get(uuid)?.teams.get(team);
    if (!states) return [];
    const score = new Map(this.settings.states.map((s) => [s.name, s.score]));
    return orderStates(states, this.settings.states).map(([state, date]) => ({ state, date: date.slice(0, 10), ...(score.has(state) ? { score: score.get(state) } : {}) }));
  }

  /** The team's "not applicable" decision (the last one in the file when there are several). */
  notApplicable(uuid: string, team = this.settings.team): NotApplicableDecision | undefined {
    const entries = this.evidenceFile.activities.get(uuid)?.entries ?? [];
    for (let i = entries.length - 1; i >= 0; i--) {
      const e = entries[i];
      if (!isNotApplicable(e) || !e.teams.includes(team)) continue;
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
  evidence(uuid: string, team?: string): EvidenceRecord[] {
    const entries = this.evidenceFile.activities.get(uuid)?.entries ?? [];
    return entries
      .filter((e) => !isNotApplicable(e) && (team === undefined || e.teams.includes(team)))
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
