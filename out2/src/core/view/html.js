"use strict";
// Safe text for HTML: everything shown in a webview or an HTML report comes from the model file
// or the workspace (names, paths, evidence lines), so it is treated as hostile.
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeHtml = escapeHtml;
exports.safeHref = safeHref;
exports.textSpans = textSpans;
exports.textBlocks = textBlocks;
exports.blocksToHtml = blocksToHtml;
const HTML_ESCAPES = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
/**
 * Escapes text for HTML element content and quoted attribute values. Control characters (newlines
 * too) become character references: the page reads the same, but an HTML report printed to a
 * terminal or CI log carries no raw ESC and no line of a hostile name of its own.
 */
function escapeHtml(text) {
    return String(text).replace(/[&<>"']|[\u0000-\u0008\u000a-\u001f\u007f-\u009f]/g, (c) => HTML_ESCAPES[c] ?? `&#${c.charCodeAt(0)};`);
}
/**
 * The URL if it may be shown as a link: absolute https only (no javascript:, data:, command:,
 * file: or vscode: links, no credentials in the URL). Undefined otherwise.
 */
function safeHref(url) {
    if (typeof url !== 'string')
        return undefined;
    const trimmed = url.trim();
    if (!trimmed || trimmed.length > 2048 || /[\s<>"'`\\]/.test(trimmed))
        return undefined;
    let parsed;
    try {
        parsed = new URL(trimmed);
    }
    catch {
        return undefined;
    }
    if (parsed.protocol !== 'https:' || !parsed.hostname || parsed.username || parsed.password)
        return undefined;
    return parsed.href;
}
/** Splits `code` spans out of a line (unbalanced backticks stay plain text). */
function textSpans(line) {
    const spans = [];
    const re = /`([^`\n]+)`/g;
    let last = 0;
    for (let m = re.exec(line); m; m = re.exec(line)) {
        if (m.index > last)
            spans.push({ text: line.slice(last, m.index) });
        spans.push({ text: m[1], code: true });
        last = m.index + m[0].length;
    }
    if (last < line.length)
        spans.push({ text: line.slice(last) });
    return spans;
}
/**
 * The model's descriptions as structured blocks (paragraphs separated by blank lines, `- ` / `* `
 * bullet lists, inline code), so webviews can build DOM nodes from text and never parse markup.
 */
function textBlocks(text) {
    const blocks = [];
    let paragraph = [];
    let list;
    const flush = () => {
        if (paragraph.length)
            blocks.push({ type: 'paragraph', spans: textSpans(paragraph.join(' ')) });
        if (list?.length)
            blocks.push({ type: 'list', items: list.map(textSpans) });
        paragraph = [];
        list = undefined;
    };
    for (const raw of (text ?? '').replace(/\r\n?/g, '\n').split('\n')) {
        const line = raw.trim();
        const bullet = /^[-*]\s+(.*)$/.exec(line);
        if (!line)
            flush();
        else if (bullet) {
            if (paragraph.length)
                flush();
            (list ??= []).push(bullet[1]);
        }
        else if (list)
            list[list.length - 1] += ' ' + line;
        else
            paragraph.push(line);
    }
    flush();
    return blocks;
}
/** HTML for text blocks (for the exported report; webviews build the same from DOM nodes). */
function blocksToHtml(blocks) {
    const spans = (s) => s.map((x) => (x.code ? `<code>${escapeHtml(x.text)}</code>` : escapeHtml(x.text))).join('');
    return blocks
        .map((b) => (b.type === 'paragraph' ? `<p>${spans(b.spans)}</p>` : `<ul>${b.items.map((i) => `<li>${spans(i)}</li>`).join('')}</ul>`))
        .join('\n');
}
//# sourceMappingURL=html.js.map