// What the activity tree shows, computed without the VS Code API: grouping, counts,
// statuses and evidence. The extension's TreeDataProvider only renders these nodes.
import { Activity, Model } from '../model/types';
import { Evidence } from '../scan/probes/types';
import { ACHIEVED_STATUSES, ActivityResult, ActivityStatus, ScanResult } from '../scan/result';

export interface TreeFilter {
  /** Show only activities with level ≤ maxLevel. */
  maxLevel?: number;
}

export interface EvidenceNodeData {
  type: 'evidence';
  id: string;
  evidence: Evidence;
}

export interface ActivityNodeData {
  type: 'activity';
  id: string;
  activity: Activity;
  /** Undefined until the workspace has been assessed. */
  result?: ActivityResult;
  children: EvidenceNodeData[];
}

export interface GroupNodeData {
  type: 'dimension' | 'subdimension';
  id: string;
  label: string;
  /** Activities below this group (after filtering). */
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

export function buildActivityTree(model: Model, result?: ScanResult, filter: TreeFilter = {}): GroupNodeData[] {
  const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
  const keep = (a: Activity) => filter.maxLevel === undefined || a.level <= filter.maxLevel;
  const dims: GroupNodeData[] = [];
  for (const d of model.dimensions) {
    const subs: GroupNodeData[] = [];
    for (const s of d.subdimensions) {
      const acts = s.activities.filter(keep).sort((a, b) => a.level - b.level || a.name.localeCompare(b.name));
      if (!acts.length) continue;
      const children: ActivityNodeData[] = acts.map((a) => {
        const r = results.get(a.uuid);
        return {
          type: 'activity',
          id: `act:${a.uuid}`,
          activity: a,
          result: r,
          children: (r?.evidence ?? []).map((e, i) => ({ type: 'evidence', id: `ev:${a.uuid}:${i}:${e.loc.path}:${e.loc.line}`, evidence: e })),
        };
      });
      subs.push({
        type: 'subdimension',
        id: `sub:${d.name}/${s.name}`,
        label: s.name,
        total: acts.length,
        achieved: children.filter((c) => c.result && ACHIEVED_STATUSES.has(c.result.status)).length,
        children,
      });
    }
    if (!subs.length) continue;
    dims.push({
      type: 'dimension',
      id: `dim:${d.name}`,
      label: d.name,
      total: subs.reduce((n, s) => n + s.total, 0),
      achieved: subs.reduce((n, s) => n + s.achieved, 0),
      children: subs,
    });
  }
  return dims;
}

/** Markdown tooltip body for an activity (the extension wraps it in a MarkdownString). */
export function activityTooltipMarkdown(a: Activity, r?: ActivityResult): string {
  const parts = [`**${escapeMarkdown(a.name)}** · Level ${a.level}`, `${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}`];
  if (r) parts.push(`**Status:** ${STATUS_TEXT[r.status]}${r.evidence.length ? ` (${r.evidence.length} place${r.evidence.length === 1 ? '' : 's'} in your files)` : ''}`);
  if (a.risk) parts.push(`**Risk:** ${escapeMarkdown(a.risk)}`);
  if (a.measure) parts.push(`**Measure:** ${escapeMarkdown(a.measure)}`);
  if (r?.evidence.length) {
    parts.push(r.evidence.slice(0, 5).map((e) => `- \`${escapeCode(e.loc.path)}:${e.loc.line}\` ${escapeMarkdown(e.text)}`).join('\n') + (r.evidence.length > 5 ? `\n- … ${r.evidence.length - 5} more` : ''));
  }
  return parts.join('\n\n');
}

function escapeCode(text: string): string {
  return text.replace(/`/g, "'");
}

/** Escapes text for Markdown so names from a model file cannot inject links, HTML or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}
