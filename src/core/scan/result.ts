// The result of evaluating a workspace: what the tree, hovers, diagnostics, panels and the
// CLI all read. Serialised as the CLI's JSON (schemaVersion 1) by reports/json.ts.
import { Activity } from '../model/types';
import { Evidence, Finding, ProbeOutcome } from './detect/probeTypes';
import { CiReference, FileKind, FileProblem } from './types';

/** Detected from files, or decided by the team in the progress file. */
export type ActivityStatus =
  | 'detected'        // the rule is satisfied by the files
  | 'partial'         // part of it is there
  | 'missing'         // detectable from files, not found
  | 'unknown'         // cannot be seen in files: a person decides
  | 'not-applicable'  // nothing it applies to (e.g. no containers), or the team said so
  | 'done'            // the team marked it at the top progress state
  | 'in-progress';    // the team marked it at a lower progress state

export interface IndexedFileInfo {
  path: string;
  kind: FileKind;
  /** Parse errors, size limits, binary content: the file was (partly) not understood. */
  problems: FileProblem[];
  /** Container file outside the default scope (test/fixture/example folders). */
  outOfScope?: boolean;
}

export interface ExternalReference extends CiReference {
  /** The CI file that makes the reference. */
  from: string;
}

export interface ActivityResult {
  activity: Activity;
  /** Status from the files alone. */
  detected: Exclude<ActivityStatus, 'done' | 'in-progress'>;
  /** Status shown to the user: the team's decision layered on top of `detected`. */
  status: ActivityStatus;
  evidence: Evidence[];
  /** Probe ids the rule used (empty when the activity has no rule). */
  probes: string[];
  note?: string;
  /** The team's progress, when a progress file was read. */
  progress?: { state: string; date: string; score: number; team: string };
  notApplicable?: { reason: string; by?: string; date?: string };
}

export interface LevelSummary {
  level: number;
  /** Activities at this level that count (files or the team can decide them). */
  decidable: number;
  /** Of those: detected, done or not applicable. */
  achieved: number;
  /** Activities at this level nobody has decided yet (no rule, no progress entry). */
  undecided: number;
}

export interface ScanResult {
  root: string;
  model: { version?: string; source: string; activityCount: number };
  files: IndexedFileInfo[];
  probes: ProbeOutcome[];
  activities: ActivityResult[];
  external: ExternalReference[];
  findings: Finding[];
  /** Highest level L such that every decidable activity at levels ≤ L is achieved (0 = none). */
  achievedLevel: number;
  levels: LevelSummary[];
}

export const ACHIEVED_STATUSES: ReadonlySet<ActivityStatus> = new Set(['detected', 'done', 'not-applicable']);

export function summarizeLevels(activities: ActivityResult[]): { achievedLevel: number; levels: LevelSummary[] } {
  const levels: LevelSummary[] = [1, 2, 3, 4, 5].map((level) => ({ level, decidable: 0, achieved: 0, undecided: 0 }));
  for (const a of activities) {
    const l = levels[a.activity.level - 1];
    if (!l) continue;
    if (a.status === 'unknown') l.undecided++;
    else {
      l.decidable++;
      if (ACHIEVED_STATUSES.has(a.status)) l.achieved++;
    }
  }
  let achievedLevel = 0;
  for (const l of levels) {
    if (l.achieved === l.decidable) achievedLevel = l.level;
    else break;
  }
  return { achievedLevel, levels };
}
