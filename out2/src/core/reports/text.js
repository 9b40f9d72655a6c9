"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.STATUS_LABEL = void 0;
exports.toTextReport = toTextReport;
exports.toMarkdownReport = toMarkdownReport;
// Terminal and Markdown reports of a scan, grouped by dimension, with a progress summary.
const result_1 = require("../scan/result");
const dashboard_1 = require("../view/dashboard");
const controls_1 = require("./controls");
const markdown_1 = require("../markdown");
const inputProblems_1 = require("./inputProblems");
exports.STATUS_LABEL = {
    detected: 'detected',
    partial: 'partial',
    missing: 'missing',
    unknown: 'needs decision',
    'not-applicable': 'not applicable',
    done: 'done',
    'in-progress': 'in progress',
};
const STATUS_MARK = {
    detected: '✔', done: '✔', 'not-applicable': '–', partial: '◐', 'in-progress': '◐', missing: '✘', unknown: '?',
};
function visible(r, o) {
    return r.activities.filter((a) => !o.level || a.activity.level <= o.level);
}
function groups(list) {
    const m = new Map();
    for (const a of list)
        (m.get(a.activity.dimension) ?? m.set(a.activity.dimension, []).get(a.activity.dimension)).push(a);
    for (const v of m.values())
        v.sort((a, b) => a.activity.level - b.activity.level || a.activity.subdimension.localeCompare(b.activity.subdimension) || a.activity.name.localeCompare(b.activity.name));
    return m;
}
function levelLine(r, o) {
    const lines = [`Achieved DSOMM level: ${r.achievedLevel}${o.level ? ` (target ${o.level})` : ''}`];
    for (const l of r.levels) {
        if (o.level && l.level > o.level)
            break;
        lines.push(`  Level ${l.level}: ${l.achieved}/${l.decidable} achieved${l.undecided ? `, ${l.undecided} need a human decision` : ''}`);
    }
    return lines;
}
function toTextReport(r, o = {}) {
    const out = [];
    out.push(`DSOMM scan of ${r.root} (model ${r.model.version ?? '?'}, ${r.model.activityCount} activities)`);
    const problems = r.files.filter((f) => f.problems.length);
    out.push(`${r.files.length} pipeline/container/repository files indexed${problems.length ? `, ${problems.length} with problems` : ''}`);
    out.push('');
    out.push(...levelLine(r, o));
    const naNote = (0, result_1.notApplicableSummary)(r, o.level);
    if (naNote)
        out.push(`  ${naNote}`);
    for (const [dim, list] of groups(visible(r, o))) {
        const achieved = list.filter(result_1.isAchieved).length;
        out.push('');
        out.push(`${dim}  (${achieved}/${list.length})`);
        for (const a of list) {
            out.push(`  ${STATUS_MARK[a.status]} L${a.activity.level} ${a.activity.name} — ${exports.STATUS_LABEL[a.status]}`);
            for (const e of a.evidence.slice(0, 3))
                out.push(`      ${e.loc.path}:${e.loc.line}  ${e.text}`);
            if (a.evidence.length > 3)
                out.push(`      … ${a.evidence.length - 3} more`);
        }
    }
    const inputs = o.inputProblems ?? [];
    if (problems.length || inputs.length) {
        out.push('');
        out.push('Files with problems:');
        for (const p of inputs)
            out.push(`  ${(0, inputProblems_1.inputProblemText)(p)}`);
        for (const f of problems)
            for (const p of f.problems)
                out.push(`  ${f.path}${p.line ? `:${p.line}` : ''}: ${p.message}`);
    }
    // Housekeeping blocks (stale-issue closers, labelers) are known to run no check: not "may run more tools".
    const unread = r.external.filter((x) => !x.housekeeping);
    const chores = r.external.filter((x) => x.housekeeping);
    if (unread.length) {
        out.push('');
        out.push('External references (cannot be read offline, not counted):');
        for (const x of unread)
            out.push(`  ${x.from}:${x.loc.line}  ${x.kind} ${x.ref}`);
    }
    if (chores.length) {
        out.push('');
        out.push('Housekeeping blocks (known to run no security check):');
        for (const x of chores)
            out.push(`  ${x.from}:${x.loc.line}  ${x.kind} ${x.ref} (${x.housekeeping})`);
    }
    // Each entry is one line: a newline or ESC inside a name or message is shown, never obeyed.
    return out.map(controls_1.escapeControls).join('\n');
}
/** A code span: Markdown escapes do not work inside one (and HTML is not interpreted there). */
function codeSpan(text) {
    return '`' + text.replace(/`/g, "'").replace(/\|/g, '\\|').replace(/[\r\n]+/g, ' ') + '`';
}
/** The team's word on an activity, for the status column ('' when the team recorded nothing). */
function teamDecision(a) {
    const flat = (t) => (0, markdown_1.escapeMarkdown)(t.replace(/\s+/g, ' ').trim());
    if (a.notApplicable)
        return `: ${flat(a.notApplicable.reason)}${a.notApplicable.date ? ` (${flat(a.notApplicable.date)})` : ''}`;
    if (a.progress)
        return ` (${flat(a.progress.state)} since ${flat(a.progress.date)})`;
    return '';
}
/** One evidence entry as a Markdown list item: title, teams, reviewer, date, links, then the text. */
function markdownEvidence(e) {
    const flat = (t) => (0, markdown_1.escapeMarkdown)(t.replace(/\s+/g, ' ').trim());
    const meta = [e.teams.length ? flat(e.teams.join(', ')) : '', e.reviewer ? `reviewed by ${flat(e.reviewer)}` : '', e.date ? flat(e.date) : ''].filter(Boolean).join(' · ');
    const links = e.attachments.filter((x) => /^https?:\/\//i.test(x.url)).map((x) => `<${x.url.replace(/[<>\s]/g, encodeURIComponent)}>`).join(' ');
    const text = e.description.trim() ? `\n  ${flat(e.description).slice(0, 600)}` : '';
    return `- **${flat(e.title)}**${meta ? ` (${meta})` : ''}${links ? ` ${links}` : ''}${text}`;
}
function toMarkdownReport(r, o = {}) {
    const out = [];
    out.push(`# DSOMM assessment`);
    out.push('');
    out.push(`Model ${(0, markdown_1.escapeMarkdown)(r.model.version ?? '?')} · ${r.model.activityCount} activities · **achieved level ${r.achievedLevel}**${o.level ? ` (target ${o.level})` : ''}`);
    out.push('');
    out.push('| Level | Achieved | Need a decision |');
    out.push('| --- | --- | --- |');
    for (const l of r.levels)
        if (!o.level || l.level <= o.level)
            out.push(`| ${l.level} | ${l.achieved}/${l.decidable} | ${l.undecided} |`);
    const naNote = (0, result_1.notApplicableSummary)(r, o.level);
    if (naNote)
        out.push('', (0, markdown_1.escapeMarkdown)(naNote));
    if (o.nextBestFor) {
        const next = (0, dashboard_1.nextBestActivities)(r, o.nextBestFor, 10);
        out.push('', `## Next best activities (target level ${o.nextBestFor})`, '');
        if (!next.length)
            out.push(`Everything up to level ${o.nextBestFor} whose dependencies are met is achieved.`);
        next.forEach((a, i) => out.push(`${i + 1}. ${(0, markdown_1.escapeMarkdown)(a.name)} — level ${a.level}, ${(0, markdown_1.escapeMarkdown)(a.dimension)} › ${(0, markdown_1.escapeMarkdown)(a.subdimension)}, ${exports.STATUS_LABEL[a.status]}`));
    }
    for (const [dim, list] of groups(visible(r, o))) {
        out.push('');
        out.push(`## ${(0, markdown_1.escapeMarkdown)(dim)}`);
        out.push('');
        out.push('| Level | Activity | Status | Evidence |');
        out.push('| --- | --- | --- | --- |');
        for (const a of list) {
            const evidence = a.evidence.slice(0, 2).map((e) => codeSpan(`${e.loc.path}:${e.loc.line}`)).join(', ');
            out.push(`| ${a.activity.level} | ${(0, markdown_1.escapeMarkdown)(a.activity.name)} | ${STATUS_MARK[a.status]} ${exports.STATUS_LABEL[a.status]}${teamDecision(a)} | ${evidence} |`);
        }
    }
    const withEvidence = visible(r, o).filter((a) => a.teamEvidence?.length);
    if (withEvidence.length) {
        out.push('', '## Team evidence', '');
        for (const a of withEvidence) {
            out.push(`### ${(0, markdown_1.escapeMarkdown)(a.activity.name)}`, '');
            for (const e of a.teamEvidence)
                out.push(markdownEvidence(e));
            out.push('');
        }
    }
    const problems = r.files.filter((f) => f.problems.length);
    const inputs = o.inputProblems ?? [];
    if (problems.length || inputs.length) {
        out.push('');
        out.push('## Files with problems');
        out.push('');
        for (const p of inputs)
            out.push(`- ${codeSpan(`${p.path}${p.line ? `:${p.line}` : ''}`)}: ${(0, markdown_1.escapeMarkdown)(p.message)}`);
        for (const f of problems)
            for (const p of f.problems)
                out.push(`- ${codeSpan(`${f.path}${p.line ? `:${p.line}` : ''}`)}: ${(0, markdown_1.escapeMarkdown)(p.message)}`);
    }
    // Each entry is one line (a table row): a newline inside a name cannot break the table.
    return out.map(controls_1.escapeControls).join('\n') + '\n';
}
//# sourceMappingURL=text.js.map