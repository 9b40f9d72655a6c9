"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.withCodeSpans = withCodeSpans;
exports.inlineCode = inlineCode;
exports.commandUri = commandUri;
exports.renderHoverMarkdown = renderHoverMarkdown;
// Markdown for hovers. Everything that comes from workspace files or the model is escaped, so
// a file or model text can neither inject links (or command links), HTML, nor formatting.
// Command links are built here only from our own command ids and JSON arguments.
const markdown_1 = require("../markdown");
const text_1 = require("../reports/text");
const types_1 = require("./types");
/**
 * Model text whose `backtick spans` (tool names, keys) show as code, not as literal backticks; the
 * rest escaped. A code span can hold neither a link nor HTML, so this lets nothing through.
 */
function withCodeSpans(text) {
    const parts = String(text ?? '').split('`');
    // An odd count means an unclosed backtick: that last one stays text.
    return parts
        .map((part, i) => {
        if (i % 2 === 0)
            return (0, markdown_1.escapeMarkdown)(part);
        if (i === parts.length - 1)
            return (0, markdown_1.escapeMarkdown)(`\`${part}`);
        return part.trim() ? inlineCode(part) : (0, markdown_1.escapeMarkdown)(`\`${part}\``);
    })
        .join('');
}
/** Inline code for file text (no escaping needed inside; fences sized to the text's backticks). */
function inlineCode(text, max = 120) {
    let t = String(text ?? '').replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
    if (t.length > max)
        t = t.slice(0, max - 1) + '…';
    if (t.trim() === '')
        return (0, markdown_1.escapeMarkdown)(t);
    let longest = 0;
    for (const m of t.matchAll(/`+/g))
        longest = Math.max(longest, m[0].length);
    const fence = '`'.repeat(longest + 1);
    const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
    return `${fence}${pad}${t}${pad}${fence}`;
}
/** `command:` URI for VS Code Markdown (needs `isTrusted` with these command ids enabled). */
function commandUri(action) {
    return `command:${action.command}?${encodeURIComponent(JSON.stringify(action.args))}`;
}
function commandLink(action) {
    return `[${(0, markdown_1.escapeMarkdown)(action.title)}](${commandUri(action)})`;
}
/** An http(s) URL we built ourselves (the DSOMM page): parentheses and spaces are encoded. */
function safeUrl(url) {
    return /^https:\/\/[^\s]+$/.test(url) ? url.replace(/[()<> ]/g, (c) => encodeURIComponent(c)) : '';
}
/** Status words as the reports write them ("needs decision", "not applicable"). */
function statusWord(status) {
    return (0, markdown_1.escapeMarkdown)(text_1.STATUS_LABEL[status] ?? status);
}
/**
 * One line per activity: its name (a link that opens its details, or the DSOMM page without
 * command links), level and status, then its other actions (Insert fix).
 */
function shortActivityLine(a, options) {
    const links = options.commandLinks !== false;
    const details = a.actions.find((x) => x.command === types_1.GUIDANCE_COMMANDS.openActivity) ?? { title: 'Open details', command: types_1.GUIDANCE_COMMANDS.openActivity, args: [{ uuid: a.uuid }] };
    const url = safeUrl(a.url);
    const name = links ? `[${(0, markdown_1.escapeMarkdown)(a.name)}](${commandUri(details)} "Open details")` : url ? `[${(0, markdown_1.escapeMarkdown)(a.name)}](${url})` : (0, markdown_1.escapeMarkdown)(a.name);
    const more = links ? a.actions.filter((x) => x.command === types_1.GUIDANCE_COMMANDS.insertFix) : [];
    return `${name} — level ${a.level}, ${statusWord(a.status)}${more.length ? ` · ${more.map(commandLink).join(' · ')}` : ''}`;
}
/** A single activity in full: where it sits in the model, risk and measure (first sentences), and its actions. */
function fullActivity(a, options) {
    const url = safeUrl(a.url);
    const name = url ? `[${(0, markdown_1.escapeMarkdown)(a.name)}](${url})` : `**${(0, markdown_1.escapeMarkdown)(a.name)}**`;
    const out = [`${name} — ${(0, markdown_1.escapeMarkdown)(a.dimension)} › ${(0, markdown_1.escapeMarkdown)(a.subdimension)}, level ${a.level}, ${statusWord(a.status)}`];
    if (a.risk)
        out.push(`*Risk:* ${withCodeSpans(a.risk)}`);
    if (a.measure)
        out.push(`*Measure:* ${withCodeSpans(a.measure)}`);
    if (options.commandLinks !== false && a.actions.length)
        out.push(a.actions.map(commandLink).join(' · '));
    return out;
}
function activityCount(n) {
    return n === 1 ? '1 activity' : `${n} activities`;
}
/** One short line per activity (the details panel has the rest). */
function activityList(activities, options) {
    return activities.map((a) => `- ${shortActivityLine(a, options)}`).join('\n');
}
function evidenceLine(ev) {
    return `${inlineCode(ev.text)}${ev.tool ? ` (${(0, markdown_1.escapeMarkdown)(ev.tool)})` : ''}`;
}
function notCountedLines(items) {
    return items.map((n) => {
        const as = n.checks.length ? ` as ${n.checks.map(markdown_1.escapeMarkdown).join(', ')}` : '';
        return `${inlineCode(n.text)} (${n.tools.map(markdown_1.escapeMarkdown).join(', ')}) is not counted${as}: ${(0, markdown_1.escapeMarkdown)(n.reason)}.`;
    });
}
function otherChecksLine(checks) {
    return checks.length ? [`Also found: ${checks.map(markdown_1.escapeMarkdown).join(', ')} (no DSOMM activity counts ${checks.length === 1 ? 'it' : 'them'} on ${checks.length === 1 ? 'its' : 'their'} own).`] : [];
}
/** The hover as Markdown. */
function renderHoverMarkdown(content, options = {}) {
    const out = [];
    const n = content.activities.length;
    switch (content.kind) {
        case 'evidence': {
            const ev = content.evidence[0];
            out.push(`**DSOMM** · evidence: ${ev ? evidenceLine(ev) : ''}`);
            if (n) {
                // Risk and measure only when the evidence is about one activity: a list stays one line each.
                if (n === 1)
                    out.push('Counts for this activity:', ...fullActivity(content.activities[0], options));
                else
                    out.push(`Counts for ${activityCount(n)}:`, activityList(content.activities, options));
            }
            out.push(...otherChecksLine(content.otherChecks));
            out.push(...notCountedLines(content.notCounted ?? []));
            return out.join('\n\n');
        }
        case 'not-counted':
            out.push('**DSOMM**');
            out.push(...notCountedLines(content.notCounted ?? []));
            if (n) {
                out.push(`It would count for ${n === 1 ? 'this activity' : activityCount(n)}:`);
                out.push(activityList(content.activities, options));
            }
            return out.join('\n\n');
        case 'switch': {
            const sw = content.switch;
            const what = sw.switchesOff.length ? sw.switchesOff.map(markdown_1.escapeMarkdown).join(', ') : 'a control';
            out.push(`**DSOMM** · ${inlineCode(sw.variable)} switches off the jobs that CI templates and components add for ${what}: they do not run, so they count for nothing.`);
            if (n) {
                out.push(`${n === 1 ? 'The activity' : `The ${n} activities`} they would count for:`);
                out.push(activityList(content.activities, options));
            }
            return out.join('\n\n');
        }
        case 'job': {
            const job = content.job;
            out.push(`**DSOMM** · job ${inlineCode(job.id)}${job.name ? ` (${(0, markdown_1.escapeMarkdown)(job.name)})` : ''}`);
            if (n) {
                out.push(`Implements ${n === 1 ? 'this activity' : activityCount(n)}:`);
                out.push(activityList(content.activities, options));
            }
            else
                out.push('No DSOMM activity has evidence in this job.');
            out.push(...otherChecksLine(content.otherChecks));
            return out.join('\n\n');
        }
        case 'file-summary': {
            const s = content.summary;
            if (!s)
                return '';
            const levels = s.targetLevel === 1 ? 'level 1' : `levels 1–${s.targetLevel}`;
            out.push(`**DSOMM** · ${inlineCode(s.path)} at target level ${s.targetLevel}`);
            const above = s.coveredAbove ? ` (and ${activityCount(s.coveredAbove)} above level ${s.targetLevel})` : '';
            if (s.covered.length) {
                out.push(`Covers ${activityCount(s.covered.length)} of ${levels}${above}:`);
                out.push(s.covered.map((a) => `- ${shortActivityLine(a, options)}`).join('\n'));
            }
            else
                out.push(s.coveredAbove ? `Covers no activity of ${levels}${above}.` : 'No activity has evidence in this file.');
            if (s.missing.length) {
                out.push(`Missing at ${levels}:`);
                out.push(s.missing.map((a) => `- ${shortActivityLine(a, options)}`).join('\n'));
                if (s.moreMissing > 0)
                    out.push(`…and ${s.moreMissing} more (the DSOMM view lists them all).`);
            }
            else
                out.push(`Nothing detectable is missing at ${levels}.`);
            return out.join('\n\n');
        }
    }
}
//# sourceMappingURL=markdown.js.map