// The vocabulary of in-editor guidance: hovers, diagnostics, quick fixes. Pure data, shaped
// so that the VS Code providers (thin wrappers) can map it 1:1 onto vscode types.
//
// Positions
// ---------
// - `Loc` (from the engine) is 1-based, end exclusive: what hovers and diagnostics are computed
//   from, and what `hoverAt` takes (line and column as in a Loc, i.e. VS Code position + 1).
// - `Range0` / `Position0` are 0-based with an exclusive end, exactly like `vscode.Range`:
//   `new vscode.Range(r.start.line, r.start.character, r.end.line, r.end.character)`.
//   Characters are UTF-16 code units (JavaScript string indices), as in VS Code.
// - Every diagnostic carries both: `range` (0-based) and `loc` (the engine's 1-based Loc).
// - Text edits are 0-based (Range0): `vscode.TextEdit.replace(range, newText)`.
import { FIXABLE_CI_KINDS, FixableCiKind } from '../scan/ci/registry';
import { CiKind, Loc } from '../scan/types';
import { FindingCode } from '../scan/detect/findingCodes';

export interface Position0 {
  line: number;
  character: number;
}

export interface Range0 {
  start: Position0;
  end: Position0;
}

export interface TextEdit {
  range: Range0;
  newText: string;
}

/** A command the hover or a code action can run: `vscode.commands.executeCommand(command, ...args)`. */
export interface GuidanceAction {
  /** Short label for links and buttons. */
  title: string;
  command: string;
  args: unknown[];
}

/**
 * Command ids the guidance links to. The extension registers them (not part of the core);
 * a renamed command only needs a change here.
 */
export const GUIDANCE_COMMANDS = {
  /** Shows an activity's details. Args: [{ uuid }]. */
  openActivity: 'dsomm.openActivity',
  /** Marks an activity done (the top progress state) in the team's progress file. Args: [{ uuid }]. */
  markActivityDone: 'dsomm.markActivityDone',
  /** Marks an activity not applicable (asks for a reason). Args: [{ uuid }]. */
  markNotApplicable: 'dsomm.markNotApplicable',
  /** Inserts the quick-fix template for an activity or probe. Args: [{ uuid?, probe?, uri? }]. */
  insertFix: 'dsomm.insertFix',
} as const;

export type DiagnosticSeverity = 'error' | 'warning' | 'information' | 'hint';

/** What a quick fix may be computed on: the dialects of model/fixes.yaml (CI ones from ci/registry.ts). */
export type FixDialect = FixableCiKind | 'dockerfile' | 'compose' | 'kubernetes' | 'repository';

export const FIX_DIALECTS: readonly FixDialect[] = [...FIXABLE_CI_KINDS, 'dockerfile', 'compose', 'kubernetes', 'repository'];

/** One activity of a missing-activities summary: what a per-activity diagnostic used to say. */
export interface MissingActivity {
  uuid: string;
  name: string;
  level: number;
  dimension: string;
  subdimension: string;
  status: 'missing' | 'partial';
  /** The rule's probes that do not pass. */
  probes: string[];
  /** The sentence about this activity alone (level, place in the model, what was not found, the rule's note). */
  message: string;
}

/** The diagnostic's payload for code actions (kept JSON-serialisable). */
export interface DiagnosticData {
  /**
   * `missing-summary`: the activities ≤ the target level that are missing or partial, one
   * diagnostic per anchor file (`activities` lists them); `missing-activity`: one such activity (what
   * fixesFor works from, e.g. for the Insert Fix command and the details panel); `finding`: a weak
   * control (`places` when identical findings of one file were grouped).
   */
  kind: 'missing-summary' | 'missing-activity' | 'finding';
  /** Missing-activities summary: the activities it lists, by level then name. */
  activities?: MissingActivity[];
  /** Grouped findings: every place of the group (1-based), the diagnostic's own place first. */
  places?: Loc[];
  /** Activity uuid (missing activities; findings when their probe feeds an activity). */
  activity?: string;
  activityName?: string;
  level?: number;
  /** Missing activities: the rule's probes that do not pass. Findings: the finding's probe. */
  probes: string[];
  /** Findings: the finding code (`unpinned-action`, `root-user`, ...). */
  findingCode?: FindingCode;
  /** Findings: the finding's own data. */
  findingData?: Record<string, string>;
  /** The pipeline file new CI jobs go into (chosen as the diagnostics anchor), when there is one. */
  pipeline?: { path: string; kind: CiKind };
  /** Fix template ids that apply (filled when the diagnostics were computed with a fix catalogue). */
  fixes?: string[];
}

export interface GuidanceDiagnostic {
  /** Root-relative path of the file the diagnostic belongs to. */
  path: string;
  /** 0-based, end exclusive (vscode.Range). */
  range: Range0;
  /** The same place, 1-based (the engine's Loc). */
  loc: Loc;
  message: string;
  severity: DiagnosticSeverity;
  /** `value` is the probe id (missing activities) or the finding code; `target` the DSOMM activity page. */
  code: { value: string; target?: string };
  source: 'DSOMM';
  data: DiagnosticData;
  /** More places or details (vscode.DiagnosticRelatedInformation): each activity of a summary, each place of a group. */
  related?: RelatedInfo[];
}

export interface RelatedInfo {
  loc: Loc;
  range: Range0;
  message: string;
}

/** One way to fix a diagnostic: a template of model/fixes.yaml applied to one file. */
export interface FixOption {
  templateId: string;
  title: string;
  /** The file the fix edits or creates (root-relative). */
  path: string;
  dialect: FixDialect;
  /** `edit`: text edits on `path`; `create`: a new file at `path`. */
  kind: 'edit' | 'create';
  /** The one to show first (VS Code `isPreferred`). */
  preferred?: boolean;
  /** Grouped findings: the fix applies to all these places (an "in all N places" variant). */
  places?: Loc[];
  /** Missing-activities summary: the activity (uuid) this fix is for. */
  activity?: string;
}

export type FixResult =
  | { kind: 'edits'; path: string; edits: TextEdit[]; title: string; notes: string[] }
  | { kind: 'create-file'; path: string; content: string; title: string; notes: string[] }
  | {
      kind: 'cannot-place';
      path: string;
      title: string;
      /** Why the fix was not placed automatically (shown to the user). */
      reason: string;
      /** What would have been inserted, for the user to paste by hand. */
      snippet?: string;
    };

/** An activity as a hover shows it. */
export interface HoverActivity {
  uuid: string;
  name: string;
  dimension: string;
  subdimension: string;
  level: number;
  status: string;
  /** First sentence of the model's risk and measure texts. */
  risk: string;
  measure: string;
  url: string;
  actions: GuidanceAction[];
}

export interface HoverContent {
  /**
   * `evidence`: what the evidence under the cursor counts for; `not-counted`: a tool found there that
   * does not count (switched off, cannot fail the build, ...); `switch`: a CI variable that switches
   * controls off; `job`: what one CI job implements; `file-summary`: the file at the target level.
   */
  kind: 'evidence' | 'not-counted' | 'switch' | 'job' | 'file-summary';
  /** What the hover covers (1-based Loc); `range` is the same place, 0-based. */
  loc: Loc;
  range: Range0;
  /** Evidence: the evidence items under the cursor. */
  evidence: { text: string; tool?: string; loc: Loc }[];
  /** Evidence and job: the activities the evidence counts for. Not counted and switch: the activities that lose it. */
  activities: HoverActivity[];
  /** What the evidence also counts as that no activity counts on its own, in words (a check's title, never its id). */
  otherChecks: string[];
  /** What was found under the cursor that does not count: the tools, the text, the reason in words, the checks (titles) it is not counted for. */
  notCounted?: { tools: string[]; text: string; reason: string; checks: string[] }[];
  /** Switch: the variable and what it switches off (check titles). */
  switch?: { variable: string; switchesOff: string[] };
  /** Job: its key and display name. */
  job?: { id: string; name?: string };
  /** File summary (hover on the file's anchor). */
  summary?: {
    path: string;
    targetLevel: number;
    /** Activities ≤ target level with evidence in this file. */
    covered: HoverActivity[];
    /** Activities above the target level with evidence in this file (counted, not listed). */
    coveredAbove: number;
    /** Detectable activities ≤ target level that are missing or partial. */
    missing: HoverActivity[];
    /** How many more were left out of `missing` to keep the hover short. */
    moreMissing: number;
  };
}
