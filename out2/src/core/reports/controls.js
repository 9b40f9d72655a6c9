"use strict";
// Text outputs (terminal, CI logs, Markdown) must show workspace and model strings, never act on
// them: a file name holding a newline and `::error file=…::` would inject a GitHub Actions
// workflow command, an ESC sequence would drive the terminal, a bidi override would reorder what
// the reader sees. JSON and SARIF escape them by construction; HTML escapes its own.
Object.defineProperty(exports, "__esModule", { value: true });
exports.escapeControls = escapeControls;
exports.escapeControlsKeepingLines = escapeControlsKeepingLines;
// C0 controls but tab, DEL, C1 controls, line/paragraph separators, bidi embeddings/overrides/isolates.
const CONTROLS = /[\u0000-\u0008\u000a-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
const CONTROLS_BUT_NEWLINE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u2028\u2029\u202a-\u202e\u2066-\u2069]/g;
function visible(c) {
    if (c === '\n')
        return '\\n';
    if (c === '\r')
        return '\\r';
    return `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;
}
/** One line of output: every control character, newlines included, shown as a visible escape (`\n`, `\u001b`). */
function escapeControls(text) {
    return text.replace(CONTROLS, visible);
}
/** Text whose newlines are meant (a whole report, a usage text): every other control character escaped. */
function escapeControlsKeepingLines(text) {
    return text.replace(CONTROLS_BUT_NEWLINE, visible);
}
//# sourceMappingURL=controls.js.map