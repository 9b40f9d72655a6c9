// A short description of a loaded model, for `dsomm model` and the extension's output channel.
import { Model, MAX_LEVEL } from './types';

export interface ModelSummary {
  source: string;
  format: Model['format'];
  version?: string;
  released?: string;
  activityCount: number;
  levels: number[];
  dimensions: { name: string; subdimensions: number; activities: number; byLevel: number[] }[];
  warnings: string[];
}

export function summarizeModel(model: Model): ModelSummary {
  const levels = new Array<number>(MAX_LEVEL).fill(0);
  const dimensions = model.dimensions.map((d) => {
    const byLevel = new Array<number>(MAX_LEVEL).fill(0);
    let activities = 0;
    for (const s of d.subdimensions) {
      for (const a of s.activities) {
        byLevel[a.level - 1]++;
        levels[a.level - 1]++;
        activities++;
      }
    }
    return { name: d.name, subdimensions: d.subdimensions.length, activities, byLevel };
  });
  return {
    source: model.source,
    format: model.format,
    version: model.meta.version,
    released: model.meta.released,
    activityCount: model.activities.size,
    levels,
    dimensions,
    warnings: model.warnings.map((w) => (w.line ? `line ${w.line}: ${w.message}` : w.message)),
  };
}

export function formatModelSummary(s: ModelSummary): string {
  const lines: string[] = [];
  const version = s.version ? ` ${s.version}${s.released ? ` (${s.released})` : ''}` : '';
  lines.push(`DSOMM model${version} from ${s.source} [${s.format === 'legacy' ? 'legacy generated.yaml' : 'model.yaml'} format]`);
  lines.push(`${s.activityCount} activities in ${s.dimensions.length} dimensions`);
  const width = Math.max(9, ...s.dimensions.map((d) => d.name.length));
  lines.push('');
  lines.push(`${'Dimension'.padEnd(width)}  subdims  total   L1  L2  L3  L4  L5`);
  for (const d of s.dimensions) {
    lines.push(`${d.name.padEnd(width)}  ${String(d.subdimensions).padStart(7)}  ${String(d.activities).padStart(5)}  ${d.byLevel.map((n) => String(n).padStart(3)).join(' ')}`);
  }
  lines.push(`${'All'.padEnd(width)}  ${String(s.dimensions.reduce((n, d) => n + d.subdimensions, 0)).padStart(7)}  ${String(s.activityCount).padStart(5)}  ${s.levels.map((n) => String(n).padStart(3)).join(' ')}`);
  if (s.warnings.length) {
    lines.push('');
    lines.push(`${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}:`);
    for (const w of s.warnings) lines.push(`  - ${w}`);
  }
  return lines.join('\n');
}
