// What the activity tree shows, computed without the VS Code API: grouping (by dimension or by
// level), filters, counts, statuses, evidence, menu keys, tooltips, screen-reader labels and the
// Command Palette's activity picks. The extension's TreeDataProvider only renders these nodes.
import { escapeMarkdown } from '../markdown';
import { Activity, Model } from '../model/types';
import { teamLabel } from '../progress/team';
import { Evidence } from '../scan/detect/probeTypes';
import { isAchieved, ActivityResult, ActivityStatus, notApplicableScoringNote, ScanResult } from '../scan/result';

export type TreeGrouping = 'dimension' | 'level';

export interface TreeFilter {
  /** Show only activities with level ≤ maxLevel. */
  maxLevel?: number;
  /** Show only activities with one of these statuses (groups keep their counts). */
  statuses?: ReadonlySet<ActivityStatus>;
  /** Hide the rows that need the team's decision (status unknown); groups keep their counts. */
  hideUndecided?: boolean;
}

export interface TreeOptions extends TreeFilter {
  /** Dimension → sub-dimension → activity (default), or level → dimension → activity. */
  groupBy?: TreeGrouping;
}

export interface EvidenceNodeData {
  type: 'evidence';
  id: string;
  /** Key of the workspace folder the evidence path is relative to (undefined: the only folder). */
  folder?: string;
  evidence: Evidence;
}

export interface ActivityNodeData {
  type: 'activity';
  id: string;
  /** Key of the workspace folder whose assessment this is (undefined: the only folder). */
  folder?: string;
  activity: Activity;
  /** Undefined until the workspace has been assessed. */
  result?: ActivityResult;
  children: EvidenceNodeData[];
}

export interface GroupNodeData {
  type: 'folder' | 'dimension' | 'subdimension' | 'level';
  id: string;
  label: string;
  /** For folder nodes: the folder's key. */
  folder?: string;
  /** For level nodes: the level. */
  level?: number;
  /** Activities below this group after the level filter (the status filter hides rows, not counts). */
  total: number;
  /** Of those: detected, done or not applicable. */
  achieved: number;
  /** Of those: no file can show them and the team has not decided yet (status unknown), also when hidden. */
  undecided: number;
  /** Their uuids (for deciding them together). */
  undecidedIds: string[];
  /** Of the undecided: those that may be done where the scan cannot read (ActivityResult.remote). */
  remote: number;
  children: TreeNodeData[];
}

export type TreeNodeData = GroupNodeData | ActivityNodeData | EvidenceNodeData;

export const STATUS_TEXT: Record<ActivityStatus, string> = {
  detected: 'detected',
  partial: 'partly detected',
  missing: 'missing',
  unknown: 'needs your decision',
  'not-applicable': 'not applicable',
  done: 'done',
  'in-progress': 'in progress',
};

/**
 * The status word of a tree row: short, so that it fits next to the activity's name at the default
 * side-bar width (the tooltip and the screen-reader label use STATUS_TEXT).
 */
export const STATUS_SHORT: Record<ActivityStatus, string> = {
  detected: 'detected',
  partial: 'partial',
  missing: 'missing',
  unknown: 'undecided',
  'not-applicable': 'N/A',
  done: 'done',
  'in-progress': 'in progress',
};

/**
 * An unknown that rests on code the scan cannot read (a remote block, a Dockerfile cloned from
 * another repository) reads apart from one that only the team can judge: the user checks the
 * named place instead of deciding. The status stays `unknown` (filters, counts, deciding several).
 */
export function isRemoteUnknown(r: ActivityResult | undefined): boolean {
  return r?.status === 'unknown' && !!r.remote;
}

const REMOTE_TEXT = 'unknown: may run in a remote block or repository the scan cannot read';
const REMOTE_SHORT = 'remote?';

/** The status in words (tooltips, details, screen readers, pick lists). */
export function statusText(r: ActivityResult): string {
  return isRemoteUnknown(r) ? REMOTE_TEXT : STATUS_TEXT[r.status];
}

/** What the files alone show, in words (beside the team's decision). */
export function detectedText(r: ActivityResult): string {
  return r.detected === 'unknown' && r.remote ? REMOTE_TEXT : STATUS_TEXT[r.detected];
}

/** The status word of a tree row (see STATUS_SHORT). */
export function statusShort(r: ActivityResult): string {
  return isRemoteUnknown(r) ? REMOTE_SHORT : STATUS_SHORT[r.status];
}

/** Every status, in the order the status filter offers them. */
export const ALL_STATUSES: readonly ActivityStatus[] = ['missing', 'unknown', 'partial', 'in-progress', 'detected', 'done', 'not-applicable'];

/** One workspace folder's input to the tree. */
export interface FolderTreeInput {
  /** Stable key (the folder URI); ends up in node ids and in the nodes' `folder`. */
  key: string;
  name: string;
  model: Model;
  result?: ScanResult;
}

/**
 * The whole tree: with one folder its groups are the roots; with several, one folder node per
 * workspace folder (counts over the folder's activities) above them. Node ids are unique across folders.
 */
export function buildWorkspaceTree(folders: readonly FolderTreeInput[], options: TreeOptions = {}): GroupNodeData[] {
  if (folders.length === 1) return buildActivityTree(folders[0].model, folders[0].result, options);
  return folders.map((f) => {
    const children = buildActivityTree(f.model, f.result, options, f.key);
    return {
      type: 'folder',
      id: `folder:${f.key}`,
      label: f.name,
      folder: f.key,
      ...children.reduce(addCounts, NO_COUNTS),
      children,
    };
  });
}

/** One folder's tree. `folder` (for multi-root) is stamped on activity and evidence nodes and prefixes ids. */
export function buildActivityTree(model: Model, result?: ScanResult, options: TreeOptions = {}, folder?: string): GroupNodeData[] {
  const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
  const prefix = folder === undefined ? '' : `${folder}|`;
  const inLevel = (a: Activity) => options.maxLevel === undefined || a.level <= options.maxLevel;
  const shown = (n: ActivityNodeData) =>
    (!options.statuses || (n.result !== undefined && options.statuses.has(n.result.status))) && !(options.hideUndecided && n.result?.status === 'unknown');
  const activityNode = (a: Activity): ActivityNodeData => {
    const r = results.get(a.uuid);
    return {
      type: 'activity',
      id: `${prefix}act:${a.uuid}`,
      ...(folder === undefined ? {} : { folder }),
      activity: a,
      result: r,
      children: (r?.evidence ?? []).map((e, i) => ({
        type: 'evidence',
        id: `${prefix}ev:${a.uuid}:${i}:${e.loc.path}:${e.loc.line}`,
        ...(folder === undefined ? {} : { folder }),
        evidence: e,
      })),
    };
  };
  // A group of activities; undefined when the status filter leaves nothing to show.
  const group = (type: GroupNodeData['type'], id: string, label: string, acts: ActivityNodeData[], children?: GroupNodeData[], level?: number): GroupNodeData | undefined => {
    const counts = children ? children.reduce(addCounts, NO_COUNTS) : countInto(NO_COUNTS, acts);
    const visible: TreeNodeData[] = children ?? acts.filter(shown);
    if (!visible.length) return undefined;
    return { type, id: `${prefix}${id}`, label, ...(level === undefined ? {} : { level }), ...counts, children: visible };
  };
  const byLevelThenName = (a: Activity, b: Activity) => a.level - b.level || a.name.localeCompare(b.name);
  const out: GroupNodeData[] = [];

  if (options.groupBy === 'level') {
    const levels = [...new Set(model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities.filter(inLevel).map((a) => a.level))))].sort((a, b) => a - b);
    for (const level of levels) {
      const dims: GroupNodeData[] = [];
      let hidden = NO_COUNTS;
      for (const d of model.dimensions) {
        const acts = d.subdimensions.flatMap((s) => s.activities.filter((a) => a.level === level)).sort(byLevelThenName).map(activityNode);
        if (!acts.length) continue;
        const g = group('dimension', `lvl:${level}/${d.name}`, d.name, acts);
        if (g) dims.push(g);
        else hidden = countInto(hidden, acts);
      }
      const g = group('level', `lvl:${level}`, `Level ${level}`, [], dims, level);
      if (g) out.push({ ...g, ...addCounts(g, hidden) });
    }
    return out;
  }

  for (const d of model.dimensions) {
    const subs: GroupNodeData[] = [];
    let hidden = NO_COUNTS;
    for (const s of d.subdimensions) {
      const acts = s.activities.filter(inLevel).sort(byLevelThenName).map(activityNode);
      if (!acts.length) continue;
      const g = group('subdimension', `sub:${d.name}/${s.name}`, s.name, acts);
      if (g) subs.push(g);
      else hidden = countInto(hidden, acts);
    }
    const g = group('dimension', `dim:${d.name}`, d.name, [], subs);
    // Sub-dimensions hidden by the status filter still count towards the dimension.
    if (g) out.push({ ...g, ...addCounts(g, hidden) });
  }
  return out;
}

interface Counts {
  total: number;
  achieved: number;
  undecided: number;
  undecidedIds: string[];
  remote: number;
}

const NO_COUNTS: Counts = { total: 0, achieved: 0, undecided: 0, undecidedIds: [], remote: 0 };

function addCounts(a: Counts, b: Counts): Counts {
  return { total: a.total + b.total, achieved: a.achieved + b.achieved, undecided: a.undecided + b.undecided, undecidedIds: [...a.undecidedIds, ...b.undecidedIds], remote: a.remote + b.remote };
}

function countInto(sum: Counts, acts: ActivityNodeData[]): Counts {
  const undecidedIds = acts.filter((c) => c.result?.status === 'unknown').map((c) => c.activity.uuid);
  return addCounts(sum, {
    total: acts.length,
    achieved: acts.filter((c) => c.result && isAchieved(c.result)).length,
    undecided: undecidedIds.length,
    undecidedIds,
    remote: acts.filter((c) => isRemoteUnknown(c.result)).length,
  });
}

/** The levels a count covers, short: "L1", "L1–3". */
export function levelScope(maxLevel: number): string {
  return maxLevel <= 1 ? 'L1' : `L1–${maxLevel}`;
}

/** The same in words, for tooltips and screen readers: "level 1", "levels 1–3". */
export function levelScopeText(maxLevel: number): string {
  return maxLevel <= 1 ? 'level 1' : `levels 1–${maxLevel}`;
}

/**
 * A group row's count. Top-level rows say which levels they count ("8/28 · L1–5" without the level
 * filter, "3/12 · L1–2" with it); rows below them count the same levels, and a level row's label
 * names its level.
 */
export function groupDescription(node: GroupNodeData, maxLevel: number, topLevel: boolean): string {
  const count = `${node.achieved}/${node.total}`;
  return topLevel && node.type !== 'level' ? `${count} · ${levelScope(maxLevel)}` : count;
}

/** A group row's tooltip: what its count counts. */
export function groupTooltip(node: GroupNodeData, maxLevel: number): string {
  const scope = node.type === 'level' ? `level ${node.level}` : levelScopeText(maxLevel);
  const lines = [`${node.label}: ${node.achieved} of ${node.total} activities (${scope}) detected, done or not applicable.`];
  const judged = node.undecided - node.remote;
  if (judged) lines.push(`${judged} of them ${judged === 1 ? 'needs' : 'need'} your decision: no file can show ${judged === 1 ? 'it' : 'them'}.`);
  if (node.remote) lines.push(`${node.remote} of them may run in a remote block or repository the scan cannot read: check ${node.remote === 1 ? 'it' : 'them'} there.`);
  return lines.join('\n');
}

/** True when the team recorded something for the activity (a progress state or "not applicable"). */
export function isMarked(r: ActivityResult | undefined): boolean {
  return !!(r?.progress || r?.notApplicable);
}

/**
 * The menu key of an activity row: `activity.<status>` plus `.marked` when the team recorded a
 * state or "not applicable" (so "Reset" only shows where there is something to reset).
 */
export function activityContextValue(node: ActivityNodeData): string {
  const status = node.result?.status ?? 'unassessed';
  return `activity.${status}${isMarked(node.result) ? '.marked' : ''}`;
}

/** The row's description: level, status, and the team's state when it differs from the status word. */
export function activityDescription(node: ActivityNodeData): string {
  const r = node.result;
  if (!r) return `L${node.activity.level}`;
  const parts = [`L${node.activity.level}`, statusText(r)];
  if (r.progress && r.status !== 'not-applicable') parts[1] = r.progress.state;
  // Detection stays visible next to the team's word.
  if (isMarked(r) && (r.detected === 'detected' || r.detected === 'partial')) parts.push(`${STATUS_TEXT[r.detected]} in files`);
  return parts.join(' · ');
}

/**
 * A tree row's description: the status in a short word, or the team's own state name; the level is
 * the row's badge (activityBadge), which the tree never cuts off.
 */
export function activityRowDescription(node: ActivityNodeData): string {
  const r = node.result;
  if (!r) return '';
  const word = r.progress && r.status === 'in-progress' ? r.progress.state : statusShort(r);
  // Detection stays visible next to the team's word.
  return isMarked(r) && (r.detected === 'detected' || r.detected === 'partial') ? `${word} · ${STATUS_SHORT[r.detected]}` : word;
}

/** An activity row's badge: its level ("L1"; a badge holds at most two characters). */
export function levelBadge(level: number): string {
  return `L${level}`;
}

/** What a screen reader says for an activity row. */
export function activityAccessibilityLabel(node: ActivityNodeData): string {
  const a = node.activity;
  const r = node.result;
  const parts = [a.name, `level ${a.level}`];
  if (r) {
    parts.push(statusText(r));
    if (r.progress) parts.push(`team state ${r.progress.state}`);
    if (r.notApplicable) parts.push(`not applicable: ${r.notApplicable.reason}`);
    if (r.evidence.length) parts.push(`${r.evidence.length} evidence ${r.evidence.length === 1 ? 'place' : 'places'}`);
  }
  return parts.join(', ');
}

/** What a screen reader says for a group row. */
export function groupAccessibilityLabel(node: GroupNodeData, maxLevel?: number): string {
  const kind = node.type === 'subdimension' ? 'sub-dimension' : node.type === 'level' ? '' : node.type;
  const scope = node.type === 'level' || maxLevel === undefined ? '' : ` (${levelScopeText(maxLevel)})`;
  return `${node.label}${kind ? ` ${kind}` : ''}, ${node.achieved} of ${node.total} activities${scope} achieved`;
}

/** Markdown tooltip body for an activity (the extension wraps it in a MarkdownString). */
export function activityTooltipMarkdown(a: Activity, r?: ActivityResult): string {
  const parts = [`**${escapeMarkdown(a.name)}** · Level ${a.level}`, `${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}`];
  if (r) {
    parts.push(`**Status:** ${statusText(r)}`);
    const places = r.evidence.length ? ` (${r.evidence.length} place${r.evidence.length === 1 ? '' : 's'} in your files)` : '';
    if (r.status !== r.detected || places) parts.push(`**Files:** ${detectedText(r)}${places}`);
    if (r.progress) parts.push(`**${escapeMarkdown(teamLabel(r.progress.team))}:** ${escapeMarkdown(r.progress.state)} (${r.progress.score} %) since ${r.progress.date}`);
    if (r.notApplicable) {
      const who = [r.notApplicable.by ? `by ${escapeMarkdown(r.notApplicable.by)}` : '', r.notApplicable.date ? `on ${r.notApplicable.date}` : ''].filter(Boolean).join(' ');
      parts.push(`**Not applicable**${who ? ` (${who})` : ''}: ${escapeMarkdown(r.notApplicable.reason)}`, `_${notApplicableScoringNote(r.notApplicable)}_`);
    }
    // What the rule can only guess, and why what was found did not count.
    if (r.note) parts.push(`**Note:** ${escapeMarkdown(r.note)}`);
    // The Status line already says "unknown": the reason's own "unknown: " prefix would repeat it.
    for (const reason of r.reasons ?? []) parts.push(`**Why:** ${escapeMarkdown(r.status === 'unknown' ? reason.replace(/^unknown:\s*/, '') : reason)}`);
  }
  if (r?.status === 'unknown' && !r.remote) parts.push('To decide several at once, select their rows (Ctrl or Shift + click) and right-click.');
  if (a.risk) parts.push(`**Risk:** ${markdownWithCode(a.risk)}`);
  if (a.measure) parts.push(`**Measure:** ${markdownWithCode(a.measure)}`);
  if (r?.evidence.length) {
    parts.push(r.evidence.slice(0, 5).map((e) => `- \`${escapeCode(e.loc.path)}:${e.loc.line}\` ${escapeMarkdown(evidenceLabel(e))}`).join('\n') + (r.evidence.length > 5 ? `\n- … ${r.evidence.length - 5} more` : ''));
  }
  return parts.join('\n\n');
}

/**
 * What an evidence row says, without its file: many evidence texts start with the path
 * (".github/workflows/ci.yml: 4 jobs"), which the row shows next to it anyway.
 */
export function evidenceLabel(e: Evidence): string {
  const text = e.text.trim();
  for (const prefix of [`${e.loc.path}:${e.loc.line}`, e.loc.path]) {
    if (text.startsWith(prefix)) {
      const rest = text.slice(prefix.length).replace(/^\s*[:\-–—]\s*/, '').trim();
      return rest || baseName(e.loc.path);
    }
  }
  return text || baseName(e.loc.path);
}

function baseName(path: string): string {
  return path.slice(path.lastIndexOf('/') + 1);
}

/** A Command Palette entry for one activity. */
export interface ActivityPickData {
  uuid: string;
  label: string;
  description: string;
  detail: string;
}

/**
 * Quick-pick entries for the activities of a model, in model order (dimension, sub-dimension,
 * level): the name, "L2 · status", and where it sits. `keep` narrows the list (e.g. not done yet).
 */
export function activityPickItems(model: Model, result?: ScanResult, keep: (a: Activity, r?: ActivityResult) => boolean = () => true): ActivityPickData[] {
  const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
  const out: ActivityPickData[] = [];
  for (const d of model.dimensions) {
    for (const s of d.subdimensions) {
      for (const a of [...s.activities].sort((x, y) => x.level - y.level || x.name.localeCompare(y.name))) {
        const r = results.get(a.uuid);
        if (!keep(a, r)) continue;
        out.push({
          uuid: a.uuid,
          label: a.name,
          description: r ? activityDescription({ type: 'activity', id: '', activity: a, result: r, children: [] }) : `L${a.level}`,
          detail: `${d.name} › ${s.name}`,
        });
      }
    }
  }
  return out;
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

/**
 * Model text for a Markdown tooltip: `code` spans stay code (shown as code, not as literal
 * backticks), everything else is escaped like escapeMarkdown.
 */
export function markdownWithCode(text: string): string {
  return text
    .split(/(`[^`\n]+`)/)
    .map((part, i) => (i % 2 === 1 ? part : escapeMarkdown(part)))
    .join('');
}
