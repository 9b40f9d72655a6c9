// The result of evaluating a workspace: what the tree, hovers, diagnostics, panels and the
// CLI all read. Serialised as the CLI's JSON (schemaVersion 1) by reports/json.ts.
import { Activity } from '../model/types';
import { Evidence, Finding, ProbeAnchor, ProbeOutcome } from './detect/probeTypes';
import { CiReference, FileKind, FileProblem } from './types';

/** Detected from files, or decided by the team in the progress file. */
export type ActivityStatus =
  | 'detected'        // the rule is satisfied by the files
  | 'partial'         // part of it is there
  | 'missing'         // detectable from files, not found
  | 'unknown'         // cannot be seen in files: a person decides
  | 'not-applicable'  // the team said so (with a reason); never from the files alone
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
  /** Status from the files alone: never "not applicable", which only the team decides. */
  detected: Exclude<ActivityStatus, 'done' | 'in-progress' | 'not-applicable'>;
  /** Status shown to the user: the team's decision layered on top of `detected`. */
  status: ActivityStatus;
  evidence: Evidence[];
  /** Probe ids the rule used (empty when the activity has no rule). */
  probes: string[];
  /**
   * The files its gaps are about when they are not the pipeline: container build files or cluster
   * manifests (from the probes' `anchor` traits); guidance shows a missing activity there.
   */
  anchor?: Exclude<ProbeAnchor, 'pipeline'>;
  /** The rule's note: what the files cannot show (a guess stays a guess). */
  note?: string;
  /** What was found and why it did not count, or why the team has to decide. */
  reasons?: string[];
  /**
   * Set when `detected` is unknown because the control may run where the scan cannot read (a
   * remote block, a Dockerfile cloned from another repository; `reasons` names it), not because no
   * file can show it: the user checks that place rather than judging the activity.
   */
  remote?: true;
  /** The team's progress, when a progress file was read. */
  progress?: { state: string; date: string; score: number; team: string };
  /**
   * The team's "not applicable" decision. `scoredZero`: scored 0 % as the DSOMM web app scores it
   * (which has no such state), instead of counting as achieved (the setting dsomm.notApplicableScoring).
   */
  notApplicable?: { reason: string; by?: string; date?: string; scoredZero?: boolean };
  /** The team's evidence entries of the DSOMM evidence file (not the "not applicable" ones). */
  teamEvidence?: TeamEvidence[];
}

/** One entry of the DSOMM web app's team-evidence.yaml. */
export interface TeamEvidence {
  id?: string;
  teams: string[];
  title: string;
  description: string;
  /** 'YYYY-MM-DD' (evidenceRecorded). */
  date?: string;
  reviewer?: string;
  /** Attachments as the app records them: a link and its kind (document, image, link). */
  attachments: { type?: string; url: string }[];
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

/** Whether the activity counts as achieved: an achieved status, unless it is a "not applicable" scored 0 %. */
export function isAchieved(r: Pick<ActivityResult, 'status' | 'notApplicable'>): boolean {
  return ACHIEVED_STATUSES.has(r.status) && !(r.status === 'not-applicable' && r.notApplicable?.scoredZero);
}

export function summarizeLevels(activities: ActivityResult[]): { achievedLevel: number; levels: LevelSummary[] } {
  const levels: LevelSummary[] = [1, 2, 3, 4, 5].map((level) => ({ level, decidable: 0, achieved: 0, undecided: 0 }));
  for (const a of activities) {
    const l = levels[a.activity.level - 1];
    if (!l) continue;
    if (a.status === 'unknown') l.undecided++;
    else {
      l.decidable++;
      if (isAchieved(a)) l.achieved++;
    }
  }
  let achievedLevel = 0;
  for (const l of levels) {
    if (l.achieved === l.decidable) achievedLevel = l.level;
    else break;
  }
  return { achievedLevel, levels };
}

/** Per activity: how a team "not applicable" decision is scored, next to the DSOMM web app's 0 %. */
export function notApplicableScoringNote(na: NonNullable<ActivityResult['notApplicable']>): string {
  return na.scoredZero ? 'scored 0 %, as the DSOMM web app scores it' : 'counts as achieved here; the DSOMM web app scores it 0 %';
}

/**
 * One line for every place that shows a level or a percentage: how many of the team's "not
 * applicable" decisions it counts as achieved while the DSOMM web app scores them 0 %.
 * Undefined when the team has made no such decision.
 */
export function notApplicableSummary(result: Pick<ScanResult, 'activities'>, maxLevel = 5): string | undefined {
  const decided = result.activities.filter((a) => a.notApplicable && a.status === 'not-applicable' && a.activity.level <= maxLevel);
  if (!decided.length) return undefined;
  const n = decided.length;
  const what = n === 1 ? '1 activity marked not applicable' : `${n} activities marked not applicable`;
  return decided.every((a) => a.notApplicable!.scoredZero)
    ? `${what}: scored 0 %, as the DSOMM web app scores ${n === 1 ? 'it' : 'them'}.`
    : `${what}: ${n === 1 ? 'counts' : 'count'} as achieved here; the DSOMM web app scores ${n === 1 ? 'it' : 'them'} 0 %.`;
}
