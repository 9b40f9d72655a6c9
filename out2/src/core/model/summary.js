"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.summarizeModel = summarizeModel;
exports.formatModelSummary = formatModelSummary;
// A short description of a loaded model, for `dsomm model` and the extension's output channel.
const controls_1 = require("../reports/controls");
const types_1 = require("./types");
function summarizeModel(model) {
    const levels = new Array(types_1.MAX_LEVEL).fill(0);
    const dimensions = model.dimensions.map((d) => {
        const byLevel = new Array(types_1.MAX_LEVEL).fill(0);
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
function formatModelSummary(s) {
    const lines = [];
    const version = s.version ? ` ${(0, controls_1.escapeControls)(s.version)}${s.released ? ` (${(0, controls_1.escapeControls)(s.released)})` : ''}` : '';
    lines.push(`DSOMM model${version} from ${(0, controls_1.escapeControls)(s.source)} [${s.format === 'legacy' ? 'legacy generated.yaml' : 'model.yaml'} format]`);
    lines.push(`${s.activityCount} activities in ${s.dimensions.length} dimensions`);
    const names = s.dimensions.map((d) => (0, controls_1.escapeControls)(d.name));
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
        for (const w of s.warnings)
            lines.push(`  - ${(0, controls_1.escapeControls)(w)}`);
    }
    return lines.join('\n');
}
//# sourceMappingURL=summary.js.map