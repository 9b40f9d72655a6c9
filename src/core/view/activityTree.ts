// What the activity tree shows, computed without the VS Code API: grouping (by dimension or by
// level), filters, counts, statuses, evidence, menu keys, tooltips, screen-reader labels and the
// Command Palette's activity picks. The extension's TreeDataProvider only renders these nodes.
import { escapeMarkdown } from '../markdown';
import { Activity, Model } from '../model/types';
import { Evidence } from '../scan/detect/probeTypes';
import { isAchieved, ActivityResult, ActivityStatus, notApplicableScoringNote, ScanResult } from '../scan/result';

export type TreeGrouping = 'dimension' | 'level';

export interface TreeFilter {
  /** Show only activities with level ≤ maxLevel. */
  maxLevel?: number;
  /** Show only activities with one of these statuses (groups keep their counts). */
  statuses?: ReadonlySet<ActivityStatus>;
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
      total: children.reduce((n, c) => n + c.total, 0),
      achieved: children.reduce((n, c) => n + c.achieved, 0),
      children,
    };
  });
}

/** One folder's tree. `folder` (for multi-root) is stamped on activity and evidence nodes and prefixes ids. */
export function buildActivityTree(model: Model, result?: ScanResult, options: TreeOptions = {}, folder?: string): GroupNodeData[] {
  const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
  const prefix = folder === undefined ? '' : `${folder}|`;
  const inLevel = (a: Activity) => options.maxLevel === undefined || a.level <= options.maxLevel;
  const shown = (n: ActivityNodeData) => !options.statuses || (n.result !== undefined && options.statuses.has(n.result.status));
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
    const total = children ? children.reduce((n, c) => n + c.total, 0) : acts.length;
    const achieved = children ? children.reduce((n, c) => n + c.achieved, 0) : acts.filter((c) => c.result && isAchieved(c.result)).length;
    const visible: TreeNodeData[] = children ?? acts.filter(shown);
    if (!visible.length) return undefined;
    return { type, id: `${prefix}${id}`, label, ...(level === undefined ? {} : { level }), total, achieved, children: visible };
  };
  const byLevelThenName = (a: Activity, b: Activity) => a.level - b.level || a.name.localeCompare(b.name);
  const out: GroupNodeData[] = [];

  if (options.groupBy === 'level') {
    const levels = [...new Set(model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities.filter(inLevel).map((a) => a.level))))].sort((a, b) => a - b);
    for (const level of levels) {
      const dims: GroupNodeData[] = [];
      let hidden = { total: 0, achieved: 0 };
      for (const d of model.dimensions) {
        const acts = d.subdimensions.flatMap((s) => s.activities.filter((a) => a.level === level)).sort(byLevelThenName).map(activityNode);
        if (!acts.length) continue;
        const g = group('dimension', `lvl:${level}/${d.name}`, d.name, acts);
        if (g) dims.push(g);
        else hidden = countInto(hidden, acts);
      }
      const g = group('level', `lvl:${level}`, `Level ${level}`, [], dims, level);
      if (g) out.push({ ...g, total: g.total + hidden.total, achieved: g.achieved + hidden.achieved });
    }
    return out;
  }

  for (const d of model.dimensions) {
    const subs: GroupNodeData[] = [];
    let hidden = { total: 0, achieved: 0 };
    for (const s of d.subdimensions) {
      const acts = s.activities.filter(inLevel).sort(byLevelThenName).map(activityNode);
      if (!acts.length) continue;
      const g = group('subdimension', `sub:${d.name}/${s.name}`, s.name, acts);
      if (g) subs.push(g);
      else hidden = countInto(hidden, acts);
    }
    const g = group('dimension', `dim:${d.name}`, d.name, [], subs);
    // Sub-dimensions hidden by the status filter still count towards the dimension.
    if (g) out.push({ ...g, total: g.total + hidden.total, achieved: g.achieved + hidden.achieved });
  }
  return out;
}

function countInto(sum: { total: number; achieved: number }, acts: ActivityNodeData[]): { total: number; achieved: number } {
  return {
    total: sum.total + acts.length,
    achieved: sum.achieved + acts.filter((c) => c.result && isAchieved(c.result)).length,
  };
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
  const parts = [`L${node.activity.level}`, STATUS_TEXT[r.status]];
  if (r.progress && r.status !== 'not-applicable') parts[1] = r.progress.state;
  // Detection stays visible next to the team's word.
  if (isMarked(r) && (r.detected === 'detected' || r.detected === 'partial')) parts.push(`${STATUS_TEXT[r.detected]} in files`);
  return parts.join(' · ');
}

/** What a screen reader says for an activity row. */
export function activityAccessibilityLabel(node: ActivityNodeData): string {
  const a = node.activity;
  const r = node.result;
  const parts = [a.name, `level ${a.level}`];
  if (r) {
    parts.push(STATUS_TEXT[r.status]);
    if (r.progress) parts.push(`team state ${r.progress.state}`);
    if (r.notApplicable) parts.push(`not applicable: ${r.notApplicable.reason}`);
    if (r.evidence.length) parts.push(`${r.evidence.length} evidence ${r.evidence.length === 1 ? 'place' : 'places'}`);
  }
  return parts.join(', ');
}

/** What a screen reader says for a group row. */
export function groupAccessibilityLabel(node: GroupNodeData): string {
  const kind = node.type === 'subdimension' ? 'sub-dimension' : node.type === 'level' ? '' : node.type;
  return `${node.label}${kind ? ` ${kind}` : ''}, ${node.achieved} of ${node.total} activities achieved`;
}

/** Markdown tooltip body for an activity (the extension wraps it in a MarkdownString). */
export function activityTooltipMarkdown(a: Activity, r?: ActivityResult): string {
  const parts = [`**${escapeMarkdown(a.name)}** · Level ${a.level}`, `${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}`];
  if (r) {
    parts.push(`**Status:** ${STATUS_TEXT[r.status]}`);
    const places = r.evidence.length ? ` (${r.evidence.length} place${r.evidence.length === 1 ? '' : 's'} in your files)` : '';
    if (r.status !== r.detected || places) parts.push(`**Files:** ${STATUS_TEXT[r.detected]}${places}`);
    if (r.progress) parts.push(`**Team ${escapeMarkdown(r.progress.team)}:** ${escapeMarkdown(r.progress.state)} (${r.progress.score} %) since ${r.progress.date}`);
    if (r.notApplicable) {
      const who = [r.notApplicable.by ? `by ${escapeMarkdown(r.notApplicable.by)}` : '', r.notApplicable.date ? `on ${r.notApplicable.date}` : ''].filter(Boolean).join(' ');
      parts.push(`**Not applicable**${who ? ` (${who})` : ''}: ${escapeMarkdown(r.notApplicable.reason)}`, `_${notApplicableScoringNote(r.notApplicable)}_`);
    }
  }
  if (a.risk) parts.push(`**Risk:** ${escapeMarkdown(a.risk)}`);
  if (a.measure) parts.push(`**Measure:** ${escapeMarkdown(a.measure)}`);
  if (r?.evidence.length) {
    parts.push(r.evidence.slice(0, 5).map((e) => `- \`${escapeCode(e.loc.path)}:${e.loc.line}\` ${escapeMarkdown(e.text)}`).join('\n') + (r.evidence.length > 5 ? `\n- … ${r.evidence.length - 5} more` : ''));
  }
  return parts.join('\n\n');
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

