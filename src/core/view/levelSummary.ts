// The status bar's numbers: how much of the target level is achieved, overall and per dimension.
import { isAchieved, ScanResult } from '../scan/result';
import { escapeMarkdown } from '../markdown';
import { levelScope, levelScopeText } from './activityTree';

export interface TargetSummary {
  targetLevel: number;
  /** Activities at levels ≤ target. */
  total: number;
  /** Of those: detected, done or not applicable. */
  achieved: number;
  /** Of those: nobody has decided yet (no rule, no progress entry). */
  undecided: number;
  /** Of the undecided: those that may run where the scan cannot read (a remote block, another repository). */
  remote: number;
  dimensions: { name: string; total: number; achieved: number }[];
}

export function targetSummary(result: ScanResult, targetLevel: number): TargetSummary {
  const dims = new Map<string, { name: string; total: number; achieved: number }>();
  let total = 0;
  let achieved = 0;
  let undecided = 0;
  let remote = 0;
  for (const a of result.activities) {
    if (a.activity.level > targetLevel) continue;
    const d = dims.get(a.activity.dimension) ?? dims.set(a.activity.dimension, { name: a.activity.dimension, total: 0, achieved: 0 }).get(a.activity.dimension)!;
    total++;
    d.total++;
    if (isAchieved(a)) {
      achieved++;
      d.achieved++;
    } else if (a.status === 'unknown') {
      undecided++;
      if (a.remote) remote++;
    }
  }
  return { targetLevel, total, achieved, undecided, remote, dimensions: [...dims.values()] };
}

/** "DSOMM L1 · 18/26" at target level 1, "DSOMM L1–3 · 40/102" at 3: the levels it counts, then the count. */
export function statusBarText(s: TargetSummary): string {
  return `DSOMM ${levelScope(s.targetLevel)} · ${s.achieved}/${s.total}`;
}

export function statusBarTooltipMarkdown(s: TargetSummary, achievedLevel: number): string {
  const rows = s.dimensions.map((d) => `| ${escapeMarkdown(d.name)} | ${d.achieved}/${d.total} |`);
  return [
    `**DSOMM target level ${s.targetLevel}**: ${s.achieved} of the ${s.total} activities at ${levelScopeText(s.targetLevel)} detected, done or not applicable. Achieved level: ${achievedLevel}.`,
    s.undecided > s.remote ? `${s.undecided - s.remote} activities need your decision (they cannot be seen in files).` : '',
    s.remote ? `${s.remote} ${s.remote === 1 ? 'activity' : 'activities'} may run in a remote block or repository the scan cannot read (check there).` : '',
    '| Dimension | Achieved |\n| --- | --- |\n' + rows.join('\n'),
  ].filter(Boolean).join('\n\n');
}
