"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.ALL_STATUSES = exports.STATUS_SHORT = exports.STATUS_TEXT = void 0;
exports.buildWorkspaceTree = buildWorkspaceTree;
exports.buildActivityTree = buildActivityTree;
exports.levelScope = levelScope;
exports.levelScopeText = levelScopeText;
exports.groupDescription = groupDescription;
exports.groupTooltip = groupTooltip;
exports.isMarked = isMarked;
exports.activityContextValue = activityContextValue;
exports.activityDescription = activityDescription;
exports.activityRowDescription = activityRowDescription;
exports.levelBadge = levelBadge;
exports.activityAccessibilityLabel = activityAccessibilityLabel;
exports.groupAccessibilityLabel = groupAccessibilityLabel;
exports.activityTooltipMarkdown = activityTooltipMarkdown;
exports.evidenceLabel = evidenceLabel;
exports.activityPickItems = activityPickItems;
exports.markdownWithCode = markdownWithCode;
// What the activity tree shows, computed without the VS Code API: grouping (by dimension or by
// level), filters, counts, statuses, evidence, menu keys, tooltips, screen-reader labels and the
// Command Palette's activity picks. The extension's TreeDataProvider only renders these nodes.
const markdown_1 = require("../markdown");
const team_1 = require("../progress/team");
const result_1 = require("../scan/result");
exports.STATUS_TEXT = {
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
exports.STATUS_SHORT = {
    detected: 'detected',
    partial: 'partial',
    missing: 'missing',
    unknown: 'undecided',
    'not-applicable': 'N/A',
    done: 'done',
    'in-progress': 'in progress',
};
/** Every status, in the order the status filter offers them. */
exports.ALL_STATUSES = ['missing', 'unknown', 'partial', 'in-progress', 'detected', 'done', 'not-applicable'];
/**
 * The whole tree: with one folder its groups are the roots; with several, one folder node per
 * workspace folder (counts over the folder's activities) above them. Node ids are unique across folders.
 */
function buildWorkspaceTree(folders, options = {}) {
    if (folders.length === 1)
        return buildActivityTree(folders[0].model, folders[0].result, options);
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
function buildActivityTree(model, result, options = {}, folder) {
    const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
    const prefix = folder === undefined ? '' : `${folder}|`;
    const inLevel = (a) => options.maxLevel === undefined || a.level <= options.maxLevel;
    const shown = (n) => (!options.statuses || (n.result !== undefined && options.statuses.has(n.result.status))) && !(options.hideUndecided && n.result?.status === 'unknown');
    const activityNode = (a) => {
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
    const group = (type, id, label, acts, children, level) => {
        const counts = children ? children.reduce(addCounts, NO_COUNTS) : countInto(NO_COUNTS, acts);
        const visible = children ?? acts.filter(shown);
        if (!visible.length)
            return undefined;
        return { type, id: `${prefix}${id}`, label, ...(level === undefined ? {} : { level }), ...counts, children: visible };
    };
    const byLevelThenName = (a, b) => a.level - b.level || a.name.localeCompare(b.name);
    const out = [];
    if (options.groupBy === 'level') {
        const levels = [...new Set(model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities.filter(inLevel).map((a) => a.level))))].sort((a, b) => a - b);
        for (const level of levels) {
            const dims = [];
            let hidden = NO_COUNTS;
            for (const d of model.dimensions) {
                const acts = d.subdimensions.flatMap((s) => s.activities.filter((a) => a.level === level)).sort(byLevelThenName).map(activityNode);
                if (!acts.length)
                    continue;
                const g = group('dimension', `lvl:${level}/${d.name}`, d.name, acts);
                if (g)
                    dims.push(g);
                else
                    hidden = countInto(hidden, acts);
            }
            const g = group('level', `lvl:${level}`, `Level ${level}`, [], dims, level);
            if (g)
                out.push({ ...g, ...addCounts(g, hidden) });
        }
        return out;
    }
    for (const d of model.dimensions) {
        const subs = [];
        let hidden = NO_COUNTS;
        for (const s of d.subdimensions) {
            const acts = s.activities.filter(inLevel).sort(byLevelThenName).map(activityNode);
            if (!acts.length)
                continue;
            const g = group('subdimension', `sub:${d.name}/${s.name}`, s.name, acts);
            if (g)
                subs.push(g);
            else
                hidden = countInto(hidden, acts);
        }
        const g = group('dimension', `dim:${d.name}`, d.name, [], subs);
        // Sub-dimensions hidden by the status filter still count towards the dimension.
        if (g)
            out.push({ ...g, ...addCounts(g, hidden) });
    }
    return out;
}
const NO_COUNTS = { total: 0, achieved: 0, undecided: 0, undecidedIds: [] };
function addCounts(a, b) {
    return { total: a.total + b.total, achieved: a.achieved + b.achieved, undecided: a.undecided + b.undecided, undecidedIds: [...a.undecidedIds, ...b.undecidedIds] };
}
function countInto(sum, acts) {
    const undecidedIds = acts.filter((c) => c.result?.status === 'unknown').map((c) => c.activity.uuid);
    return addCounts(sum, {
        total: acts.length,
        achieved: acts.filter((c) => c.result && (0, result_1.isAchieved)(c.result)).length,
        undecided: undecidedIds.length,
        undecidedIds,
    });
}
/** The levels a count covers, short: "L1", "L1–3". */
function levelScope(maxLevel) {
    return maxLevel <= 1 ? 'L1' : `L1–${maxLevel}`;
}
/** The same in words, for tooltips and screen readers: "level 1", "levels 1–3". */
function levelScopeText(maxLevel) {
    return maxLevel <= 1 ? 'level 1' : `levels 1–${maxLevel}`;
}
/**
 * A group row's count. Top-level rows say which levels they count ("8/28 · L1–5" without the level
 * filter, "3/12 · L1–2" with it); rows below them count the same levels, and a level row's label
 * names its level.
 */
function groupDescription(node, maxLevel, topLevel) {
    const count = `${node.achieved}/${node.total}`;
    return topLevel && node.type !== 'level' ? `${count} · ${levelScope(maxLevel)}` : count;
}
/** A group row's tooltip: what its count counts. */
function groupTooltip(node, maxLevel) {
    const scope = node.type === 'level' ? `level ${node.level}` : levelScopeText(maxLevel);
    const lines = [`${node.label}: ${node.achieved} of ${node.total} activities (${scope}) detected, done or not applicable.`];
    if (node.undecided)
        lines.push(`${node.undecided} of them ${node.undecided === 1 ? 'needs' : 'need'} your decision: no file can show ${node.undecided === 1 ? 'it' : 'them'}.`);
    return lines.join('\n');
}
/** True when the team recorded something for the activity (a progress state or "not applicable"). */
function isMarked(r) {
    return !!(r?.progress || r?.notApplicable);
}
/**
 * The menu key of an activity row: `activity.<status>` plus `.marked` when the team recorded a
 * state or "not applicable" (so "Reset" only shows where there is something to reset).
 */
function activityContextValue(node) {
    const status = node.result?.status ?? 'unassessed';
    return `activity.${status}${isMarked(node.result) ? '.marked' : ''}`;
}
/** The row's description: level, status, and the team's state when it differs from the status word. */
function activityDescription(node) {
    const r = node.result;
    if (!r)
        return `L${node.activity.level}`;
    const parts = [`L${node.activity.level}`, exports.STATUS_TEXT[r.status]];
    if (r.progress && r.status !== 'not-applicable')
        parts[1] = r.progress.state;
    // Detection stays visible next to the team's word.
    if (isMarked(r) && (r.detected === 'detected' || r.detected === 'partial'))
        parts.push(`${exports.STATUS_TEXT[r.detected]} in files`);
    return parts.join(' · ');
}
/**
 * A tree row's description: the status in a short word, or the team's own state name; the level is
 * the row's badge (activityBadge), which the tree never cuts off.
 */
function activityRowDescription(node) {
    const r = node.result;
    if (!r)
        return '';
    const word = r.progress && r.status === 'in-progress' ? r.progress.state : exports.STATUS_SHORT[r.status];
    // Detection stays visible next to the team's word.
    return isMarked(r) && (r.detected === 'detected' || r.detected === 'partial') ? `${word} · ${exports.STATUS_SHORT[r.detected]}` : word;
}
/** An activity row's badge: its level ("L1"; a badge holds at most two characters). */
function levelBadge(level) {
    return `L${level}`;
}
/** What a screen reader says for an activity row. */
function activityAccessibilityLabel(node) {
    const a = node.activity;
    const r = node.result;
    const parts = [a.name, `level ${a.level}`];
    if (r) {
        parts.push(exports.STATUS_TEXT[r.status]);
        if (r.progress)
            parts.push(`team state ${r.progress.state}`);
        if (r.notApplicable)
            parts.push(`not applicable: ${r.notApplicable.reason}`);
        if (r.evidence.length)
            parts.push(`${r.evidence.length} evidence ${r.evidence.length === 1 ? 'place' : 'places'}`);
    }
    return parts.join(', ');
}
/** What a screen reader says for a group row. */
function groupAccessibilityLabel(node, maxLevel) {
    const kind = node.type === 'subdimension' ? 'sub-dimension' : node.type === 'level' ? '' : node.type;
    const scope = node.type === 'level' || maxLevel === undefined ? '' : ` (${levelScopeText(maxLevel)})`;
    return `${node.label}${kind ? ` ${kind}` : ''}, ${node.achieved} of ${node.total} activities${scope} achieved`;
}
/** Markdown tooltip body for an activity (the extension wraps it in a MarkdownString). */
function activityTooltipMarkdown(a, r) {
    const parts = [`**${(0, markdown_1.escapeMarkdown)(a.name)}** · Level ${a.level}`, `${(0, markdown_1.escapeMarkdown)(a.dimension)} › ${(0, markdown_1.escapeMarkdown)(a.subdimension)}`];
    if (r) {
        parts.push(`**Status:** ${exports.STATUS_TEXT[r.status]}`);
        const places = r.evidence.length ? ` (${r.evidence.length} place${r.evidence.length === 1 ? '' : 's'} in your files)` : '';
        if (r.status !== r.detected || places)
            parts.push(`**Files:** ${exports.STATUS_TEXT[r.detected]}${places}`);
        if (r.progress)
            parts.push(`**${(0, markdown_1.escapeMarkdown)((0, team_1.teamLabel)(r.progress.team))}:** ${(0, markdown_1.escapeMarkdown)(r.progress.state)} (${r.progress.score} %) since ${r.progress.date}`);
        if (r.notApplicable) {
            const who = [r.notApplicable.by ? `by ${(0, markdown_1.escapeMarkdown)(r.notApplicable.by)}` : '', r.notApplicable.date ? `on ${r.notApplicable.date}` : ''].filter(Boolean).join(' ');
            parts.push(`**Not applicable**${who ? ` (${who})` : ''}: ${(0, markdown_1.escapeMarkdown)(r.notApplicable.reason)}`, `_${(0, result_1.notApplicableScoringNote)(r.notApplicable)}_`);
        }
        // What the rule can only guess, and why what was found did not count.
        if (r.note)
            parts.push(`**Note:** ${(0, markdown_1.escapeMarkdown)(r.note)}`);
        for (const reason of r.reasons ?? [])
            parts.push(`**Why:** ${(0, markdown_1.escapeMarkdown)(reason)}`);
    }
    if (r?.status === 'unknown')
        parts.push('To decide several at once, select their rows (Ctrl or Shift + click) and right-click.');
    if (a.risk)
        parts.push(`**Risk:** ${markdownWithCode(a.risk)}`);
    if (a.measure)
        parts.push(`**Measure:** ${markdownWithCode(a.measure)}`);
    if (r?.evidence.length) {
        parts.push(r.evidence.slice(0, 5).map((e) => `- \`${escapeCode(e.loc.path)}:${e.loc.line}\` ${(0, markdown_1.escapeMarkdown)(evidenceLabel(e))}`).join('\n') + (r.evidence.length > 5 ? `\n- … ${r.evidence.length - 5} more` : ''));
    }
    return parts.join('\n\n');
}
/**
 * What an evidence row says, without its file: many evidence texts start with the path
 * (".github/workflows/ci.yml: 4 jobs"), which the row shows next to it anyway.
 */
function evidenceLabel(e) {
    const text = e.text.trim();
    for (const prefix of [`${e.loc.path}:${e.loc.line}`, e.loc.path]) {
        if (text.startsWith(prefix)) {
            const rest = text.slice(prefix.length).replace(/^\s*[:\-–—]\s*/, '').trim();
            return rest || baseName(e.loc.path);
        }
    }
    return text || baseName(e.loc.path);
}
function baseName(path) {
    return path.slice(path.lastIndexOf('/') + 1);
}
/**
 * Quick-pick entries for the activities of a model, in model order (dimension, sub-dimension,
 * level): the name, "L2 · status", and where it sits. `keep` narrows the list (e.g. not done yet).
 */
function activityPickItems(model, result, keep = () => true) {
    const results = new Map(result?.activities.map((a) => [a.activity.uuid, a]));
    const out = [];
    for (const d of model.dimensions) {
        for (const s of d.subdimensions) {
            for (const a of [...s.activities].sort((x, y) => x.level - y.level || x.name.localeCompare(y.name))) {
                const r = results.get(a.uuid);
                if (!keep(a, r))
                    continue;
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
function escapeCode(text) {
    return text.replace(/`/g, "'");
}
/**
 * Model text for a Markdown tooltip: `code` spans stay code (shown as code, not as literal
 * backticks), everything else is escaped like escapeMarkdown.
 */
function markdownWithCode(text) {
    return text
        .split(/(`[^`\n]+`)/)
        .map((part, i) => (i % 2 === 1 ? part : (0, markdown_1.escapeMarkdown)(part)))
        .join('');
}
//# sourceMappingURL=activityTree.js.map