// Hovers: what a piece of evidence counts for, and a maturity summary of a file on its anchor.
// Cheap by design: no IO, lookups cached per ScanResult; the VS Code provider only converts
// positions (VS Code 0-based → `line + 1`, `character + 1`) and renders with renderHoverMarkdown.
import { ActivityResult, ScanResult } from '../scan/result';
import { CiFile, Loc } from '../scan/types';
import { IndexEntry } from '../scan/workspaceIndex';
import { activityFamily, activityUrl, byLevelThenName, ciFileOf, fileAnchor, LocatedEvidence, lookup } from './lookup';
import { firstSentence, locToRange } from './text';
import { GUIDANCE_COMMANDS, GuidanceAction, HoverActivity, HoverContent } from './types';

export interface HoverOptions {
  /** The level the team aims for (1–5): the file summary lists what is missing up to it. */
  targetLevel: number;
  /** At most this many missing activities in a file summary (default 8). */
  maxMissing?: number;
}

/** Statuses that count as "missing something" for guidance. */
export const GAP_STATUSES = new Set(['missing', 'partial']);

export function activityActions(a: ActivityResult): GuidanceAction[] {
  const uuid = a.activity.uuid;
  const actions: GuidanceAction[] = [{ title: 'Open details', command: GUIDANCE_COMMANDS.openActivity, args: [{ uuid }] }];
  if (a.status !== 'done') actions.push({ title: 'Mark done', command: GUIDANCE_COMMANDS.markActivityDone, args: [{ uuid }] });
  return actions;
}

export function hoverActivity(a: ActivityResult, withActions = true): HoverActivity {
  const act = a.activity;
  return {
    uuid: act.uuid,
    name: act.name,
    dimension: act.dimension,
    subdimension: act.subdimension,
    level: act.level,
    status: a.status,
    risk: firstSentence(act.risk),
    measure: firstSentence(act.measure),
    url: activityUrl(act.uuid),
    actions: withActions ? activityActions(a) : [],
  };
}

/** Last line a Loc really covers (an end at column 1 of the next line does not count). */
function lastLine(loc: Loc): number {
  return loc.endLine > loc.line && loc.endColumn <= 1 ? loc.endLine - 1 : Math.max(loc.line, loc.endLine);
}

/** The lines of each CI step: from its first line to the last line the parser located in it. */
function stepSpans(file: CiFile): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const job of file.jobs) {
    for (const s of job.steps) {
      if (s.loc.path !== file.path) continue;
      let end = lastLine(s.loc);
      const more: Loc[] = [
        ...s.script.map((l) => l.loc),
        ...(s.uses ? [s.uses.loc] : []),
        ...Object.values(s.inputs).map((v) => v.loc),
        ...Object.values(s.env).map((v) => v.loc),
        ...(s.cannotFail ? [s.cannotFail] : []),
      ];
      for (const l of more) if (l.path === file.path && l.line >= s.loc.line) end = Math.max(end, lastLine(l));
      spans.push({ start: s.loc.line, end });
    }
  }
  return spans;
}

function covers(le: LocatedEvidence, path: string, line: number): boolean {
  const loc = le.evidence.loc;
  if (loc.path === path && line >= loc.line && line <= lastLine(loc)) return true;
  return !!le.via && le.via.path === path && le.via.line === line;
}

function evidenceAt(result: ScanResult, entry: IndexEntry, line: number, column: number): LocatedEvidence[] {
  const all = lookup(result).evidenceByPath.get(entry.path) ?? [];
  let hits = all.filter((le) => covers(le, entry.path, line));
  if (!hits.length) {
    // Anywhere inside a step that has evidence on another of its lines (`- name:` above `uses:`).
    const ci = ciFileOf(entry);
    const span = ci ? stepSpans(ci).find((s) => line >= s.start && line <= s.end) : undefined;
    if (span) hits = all.filter((le) => le.evidence.loc.path === entry.path && le.evidence.loc.line >= span.start && le.evidence.loc.line <= span.end);
  }
  if (hits.length > 1) {
    // Several on the line: those whose range holds the cursor, when any do.
    const exact = hits.filter((le) => {
      const l = le.evidence.loc;
      if (l.path !== entry.path || l.line !== line) return false;
      return column >= l.column && (lastLine(l) > line || column <= Math.max(l.endColumn, l.column));
    });
    if (exact.length) hits = exact;
  }
  // Evidence that counts for something first.
  return hits.sort((a, b) => b.activities.size - a.activities.size);
}

/**
 * The hover at a 1-based `line`/`column` of `entry`'s file, or undefined when there is nothing
 * to say. On the file's anchor line (CI file anchor, a Dockerfile's first FROM) it summarises
 * the file; on evidence it lists what the evidence counts for.
 */
export function hoverAt(result: ScanResult, entry: IndexEntry, line: number, column: number, options: HoverOptions): HoverContent | undefined {
  const anchor = fileAnchor(entry);
  if (anchor && line === anchor.line) return fileSummary(result, entry, anchor, options);

  const hits = evidenceAt(result, entry, line, column);
  if (!hits.length) return undefined;
  const activities = new Set<ActivityResult>();
  const probes = new Set<string>();
  for (const h of hits) {
    for (const a of h.activities) activities.add(a);
    for (const p of h.probes) probes.add(p);
  }
  const ruled = new Set([...activities].flatMap((a) => a.probes));
  const otherProbes = [...probes].filter((p) => !ruled.has(p)).sort();
  const first = hits[0].evidence;
  const loc = first.loc.path === entry.path ? first.loc : { path: entry.path, line, column: 1, endLine: line, endColumn: 1 };
  return {
    kind: 'evidence',
    loc,
    range: locToRange(loc),
    evidence: hits.map((h) => ({ text: h.evidence.text, tool: h.evidence.tool, loc: h.evidence.loc })),
    activities: [...activities].sort(byLevelThenName).map((a) => hoverActivity(a)),
    otherProbes,
  };
}

function fileSummary(result: ScanResult, entry: IndexEntry, anchor: Loc, options: HoverOptions): HoverContent {
  const l = lookup(result);
  const covered = new Set<ActivityResult>();
  for (const le of l.evidenceByPath.get(entry.path) ?? []) for (const a of le.activities) covered.add(a);
  const isDockerfile = entry.kind === 'dockerfile';
  const gaps = result.activities
    .filter((a) => GAP_STATUSES.has(a.status) && a.activity.level <= options.targetLevel && !covered.has(a))
    .filter((a) => !isDockerfile || activityFamily(a) === 'dockerfile')
    .sort(byLevelThenName);
  const max = options.maxMissing ?? 8;
  return {
    kind: 'file-summary',
    loc: anchor,
    range: locToRange(anchor),
    evidence: [],
    activities: [],
    otherProbes: [],
    summary: {
      path: entry.path,
      targetLevel: options.targetLevel,
      covered: [...covered].sort(byLevelThenName).map((a) => hoverActivity(a, false)),
      missing: gaps.slice(0, max).map((a) => hoverActivity(a)),
      moreMissing: Math.max(0, gaps.length - max),
    },
  };
}
