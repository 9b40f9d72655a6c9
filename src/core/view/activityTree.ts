// What the activity tree shows, computed without the VS Code API: grouping, counts,
// filters. The extension's TreeDataProvider only renders these nodes.
import { Activity, Model } from '../model/types';

export interface TreeFilter {
  /** Show only activities with level ≤ maxLevel. */
  maxLevel?: number;
}

export interface ActivityNodeData {
  type: 'activity';
  id: string;
  activity: Activity;
}

export interface GroupNodeData {
  type: 'dimension' | 'subdimension';
  id: string;
  label: string;
  /** Activities below this group (after filtering). */
  total: number;
  children: TreeNodeData[];
}

export type TreeNodeData = GroupNodeData | ActivityNodeData;

export function buildActivityTree(model: Model, filter: TreeFilter = {}): GroupNodeData[] {
  const keep = (a: Activity) => filter.maxLevel === undefined || a.level <= filter.maxLevel;
  const dims: GroupNodeData[] = [];
  for (const d of model.dimensions) {
    const subs: GroupNodeData[] = [];
    for (const s of d.subdimensions) {
      const acts = s.activities.filter(keep).sort((a, b) => a.level - b.level || a.name.localeCompare(b.name));
      if (!acts.length) continue;
      subs.push({
        type: 'subdimension',
        id: `sub:${d.name}/${s.name}`,
        label: s.name,
        total: acts.length,
        children: acts.map((a) => ({ type: 'activity', id: `act:${a.uuid}`, activity: a })),
      });
    }
    if (!subs.length) continue;
    dims.push({ type: 'dimension', id: `dim:${d.name}`, label: d.name, total: subs.reduce((n, s) => n + s.total, 0), children: subs });
  }
  return dims;
}

/** Markdown tooltip body for an activity (the extension wraps it in a MarkdownString). */
export function activityTooltipMarkdown(a: Activity): string {
  const parts = [`**${escapeMarkdown(a.name)}** · Level ${a.level}`, `${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}`];
  if (a.risk) parts.push(`**Risk:** ${escapeMarkdown(a.risk)}`);
  if (a.measure) parts.push(`**Measure:** ${escapeMarkdown(a.measure)}`);
  return parts.join('\n\n');
}

/** Escapes text for Markdown so names from a model file cannot inject links, HTML or formatting. */
export function escapeMarkdown(text: string): string {
  return text.replace(/[\\`*_{}[\]()#+\-.!|<>~&]/g, (c) => `\\${c}`);
}
