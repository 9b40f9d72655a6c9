"use strict";
// The one Markdown escaper, for every text from workspace files, the model or the progress file
// that ends up in Markdown (hovers, tree and status-bar tooltips): it can inject neither links
// (nor command links), HTML, formatting, nor line structure (a list, a heading, a table row).
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeMarkdown = escapeMarkdown;
const MD_SPECIAL = /[\\`*_{}[\]()#+\-.!|~<>&"'=:$]/g;
/** Escapes text for Markdown: punctuation backslash-escaped, `<`/`>`/`&` as entities, breaks flattened. */
function escapeMarkdown(text) {
    return String(text ?? '')
        .replace(/[\r\n\t]+/g, ' ')
        .replace(/[\u0000-\u001f\u007f]/g, '')
        .replace(MD_SPECIAL, (c) => (c === '<' ? '&lt;' : c === '>' ? '&gt;' : c === '&' ? '&amp;' : '\\' + c));
}
//# sourceMappingURL=markdown.js.map