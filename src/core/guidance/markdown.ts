// Markdown for hovers. Everything that comes from workspace files or the model is escaped, so
// a file or model text can neither inject links (or command links), HTML, nor formatting.
// Command links are built here only from our own command ids and JSON arguments.
import { escapeMarkdown } from '../markdown';
import { GuidanceAction, HoverActivity, HoverContent } from './types';

/** Inline code for file text (no escaping needed inside; fences sized to the text's backticks). */
export function inlineCode(text: string, max = 120): string {
  let t = String(text ?? '').replace(/[\r\n\t]+/g, ' ').replace(/[\u0000-\u001f\u007f]/g, '');
  if (t.length > max) t = t.slice(0, max - 1) + '…';
  if (t.trim() === '') return escapeMarkdown(t);
  let longest = 0;
  for (const m of t.matchAll(/`+/g)) longest = Math.max(longest, m[0].length);
  const fence = '`'.repeat(longest + 1);
  const pad = t.startsWith('`') || t.endsWith('`') || (t.startsWith(' ') && t.endsWith(' ')) ? ' ' : '';
  return `${fence}${pad}${t}${pad}${fence}`;
}

/** `command:` URI for VS Code Markdown (needs `isTrusted` with these command ids enabled). */
export function commandUri(action: GuidanceAction): string {
  return `command:${action.command}?${encodeURIComponent(JSON.stringify(action.args))}`;
}

function commandLink(action: GuidanceAction): string {
  return `[${escapeMarkdown(action.title)}](${commandUri(action)})`;
}

/** An http(s) URL we built ourselves (the DSOMM page): parentheses and spaces are encoded. */
function safeUrl(url: string): string {
  return /^https:\/\/[^\s]+$/.test(url) ? url.replace(/[()<> ]/g, (c) => encodeURIComponent(c)) : '';
}

export interface MarkdownOptions {
  /** Render command links (the host must trust them); off gives plain text labels. */
  commandLinks?: boolean;
}

function activityLine(a: HoverActivity, options: MarkdownOptions): string {
  const url = safeUrl(a.url);
  const name = url ? `[${escapeMarkdown(a.name)}](${url})` : `**${escapeMarkdown(a.name)}**`;
  const where = `${escapeMarkdown(a.dimension)} › ${escapeMarkdown(a.subdimension)}, level ${a.level}`;
  const status = a.status ? ` — ${escapeMarkdown(a.status)}` : '';
  const actions = options.commandLinks !== false && a.actions.length ? ` · ${a.actions.map(commandLink).join(' · ')}` : '';
  return `${name} (${where})${status}${actions}`;
}

/** The hover as Markdown. */
export function renderHoverMarkdown(content: HoverContent, options: MarkdownOptions = {}): string {
  const out: string[] = [];
  if (content.kind === 'evidence') {
    out.push('**DSOMM**');
    const ev = content.evidence[0];
    if (ev) out.push(`Evidence: ${inlineCode(ev.text)}${ev.tool ? ` (${escapeMarkdown(ev.tool)})` : ''}`);
    if (content.activities.length) {
      out.push(content.activities.length === 1 ? 'Counts for this activity:' : 'Counts for these activities:');
      for (const a of content.activities) {
        const lines = [`- ${activityLine(a, options)}`];
        if (a.risk) lines.push(`  - *Risk:* ${escapeMarkdown(a.risk)}`);
        if (a.measure) lines.push(`  - *Measure:* ${escapeMarkdown(a.measure)}`);
        out.push(lines.join('\n'));
      }
    }
    if (content.otherProbes.length) out.push(`Also counts for the checks ${content.otherProbes.map((p) => inlineCode(p)).join(', ')}.`);
    return out.join('\n\n');
  }
  const s = content.summary;
  if (!s) return '';
  out.push(`**DSOMM** — ${inlineCode(s.path)} at target level ${s.targetLevel}`);
  if (s.covered.length) {
    out.push(`Covers ${s.covered.length} ${s.covered.length === 1 ? 'activity' : 'activities'}:`);
    out.push(s.covered.map((a) => `- ${activityLine({ ...a, actions: [] }, options)}`).join('\n'));
  } else out.push('No activity has evidence in this file.');
  if (s.missing.length) {
    out.push(`Missing up to level ${s.targetLevel}:`);
    out.push(s.missing.map((a) => `- ${activityLine(a, options)}`).join('\n'));
    if (s.moreMissing > 0) out.push(`…and ${s.moreMissing} more.`);
  } else out.push(`Nothing detectable is missing up to level ${s.targetLevel}.`);
  return out.join('\n\n');
}
