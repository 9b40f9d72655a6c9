// A short description of a loaded model, for `dsomm model` and the extension's output channel.
import { escapeControls } from '../reports/controls';
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

/**
 * The summary as text lines. Every string from the model file (version, names, warnings) and its
 * path is shown escaped, so a newline or an ESC in them can start no line of its own (no
 * `::error::` workflow command in a CI log) and drive no terminal.
 */
export function formatModelSummary(s: ModelSummary): string {
  const lines: string[] = [];
  const version = s.version ? ` ${escapeControls(s.version)}${s.released ? ` (${escapeControls(s.released)})` : ''}` : '';
  lines.push(`DSOMM model${version} from ${escapeControls(s.source)} [${s.format === 'legacy' ? 'legacy generated.yaml' : 'model.yaml'} format]`);
  lines.push(`${s.activityCount} activities in ${s.dimensions.length} dimensions`);
  const names = s.dimensions.map((d) => escapeControls(d.name));
  const width = Math.max(9, ...names.map((n) => n.length));
  lines.push('');
  lines.push(`${'Dimension'.padEnd(width)}  subdims  total   L1  L2  L3  L4  L5`);
  s.dimensions.forEach((d, i) => {
    lines.push(`${names[i].padEnd(width)}  ${String(d.subdimensions).padStart(7)}  ${String(d.activities).padStart(5)}  ${d.byLevel.map((n) => String(n).padStart(3)).join(' ')}`);
  });
  lines.push(`${'All'.padEnd(width)}  ${String(s.dimensions.reduce((n, d) => n + d.subdimensions, 0)).padStart(7)}  ${String(s.activityCount).padStart(5)}  ${s.levels.map((n) => String(n).padStart(3)).join(' ')}`);
  if (s.warnings.length) {
    lines.push('');
    lines.push(`${s.warnings.length} warning${s.warnings.length === 1 ? '' : 's'}:`);
    for (const w of s.warnings) lines.push(`  - ${escapeControls(w)}`);
  }
  return lines.join('\n');
}
