// Safe text for HTML: everything shown in a webview or an HTML report comes from the model file
// or the workspace (names, paths, evidence lines), so it is treated as hostile.

const HTML_ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };

/**
 * Escapes text for HTML element content and quoted attribute values. Control characters (newlines
 * too) become character references: the page reads the same, but an HTML report printed to a
 * terminal or CI log carries no raw ESC and no line of a hostile name of its own.
 */
export function escapeHtml(text: string): string {
  return String(text).replace(/[&<>"']|[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}

/**
 * The URL if it may be shown as a link: absolute https only (no javascript:, data:, command:,
 * file: or vscode: links, no credentials in the URL). Undefined otherwise.
 */
export function safeHref(url: string | undefined): string | undefined {
  if (typeof url !== 'string') return undefined;
  const trimmed = url.trim();
  if (!trimmed || trimmed.length > 2048 || /[\s<>"'`\\]/.test(trimmed)) return undefined;
  let parsed: URL;
  try {
    parsed = new URL(trimmed);
  } catch {
    return undefined;
  }
  if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password) return undefined;
  return parsed.href;
}

/** A run of text inside a block: plain, or `code` as the model writes it. */
export interface TextSpan {
  text: string;
  code?: boolean;
}

/** A paragraph or a bullet list, as the model's multi-line texts are written. */
export type TextBlock = { type: 'paragraph'; spans: TextSpan[] } | { type: 'list'; items: TextSpan[][] };

/** Splits `code` spans out of a line (unbalanced backticks stay plain text). */
export function textSpans(line: string): TextSpan[] {
  const spans: TextSpan[] = [];
  const re = /`([^`\n]+)`/g;
  let last = 0;
  for (let m = re.exec(line); m; m = re.exec(line)) {
    if (m.index > last) spans.push({ text: line.slice(last, m.index) });
    spans.push({ text: m[1], code: true });
    last = m.index + m[0].length;
  }
  if (last < line.length) spans.push({ text: line.slice(last) });
  return spans;
}

/**
 * The model's descriptions as structured blocks (paragraphs separated by blank lines, `- ` / `* `
 * bullet lists, inline code), so webviews can build DOM nodes from text and never parse markup.
 */
export function textBlocks(text: string | undefined): TextBlock[] {
  const blocks: TextBlock[] = [];
  let paragraph: string[] = [];
  let list: string[] | undefined;
  const flush = () => {
    if (paragraph.length) blocks.push({ type: 'paragraph', spans: textSpans(paragraph.join(' ')) });
    if (list?.length) blocks.push({ type: 'list', items: list.map(textSpans) });
    paragraph = [];
    list = undefined;
  };
  for (const raw of (text ?? '').replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trim();
    const bullet = /^[-*]\s+(.*)$/.exec(line);
    if (!line) flush();
    else if (bullet) {
      if (paragraph.length) flush();
      (list ??= []).push(bullet[1]);
    } else if (list) list[list.length - 1] += ' ' + line;
    else paragraph.push(line);
  }
  flush();
  return blocks;
}

/** HTML for text blocks (for the exported report; webviews build the same from DOM nodes). */
export function blocksToHtml(blocks: TextBlock[]): string {
  const spans = (s: TextSpan[]) => s.map((x) => (x.code ? `<code>${escapeHtml(x.text)}</code>` : escapeHtml(x.text))).join('');
  return blocks
    .map((b) => (b.type === 'paragraph' ? `<p>${spans(b.spans)}</p>` : `<ul>${b.items.map((i) => `<li>${spans(i)}</li>`).join('')}</ul>`))
    .join('\n');
}
