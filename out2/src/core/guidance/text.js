"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.eolOf = eolOf;
exports.splitLines = splitLines;
exports.indentOf = indentOf;
exports.isBlank = isBlank;
exports.isHashComment = isHashComment;
exports.pos = pos;
exports.range0 = range0;
exports.locToRange = locToRange;
exports.lineStarts = lineStarts;
exports.offsetAt = offsetAt;
exports.positionAt = positionAt;
exports.applyEdits = applyEdits;
exports.insertAt = insertAt;
exports.firstSentence = firstSentence;
/** The file's line break: CRLF when the text uses it anywhere, else LF (CRLF files stay CRLF). */
function eolOf(text) {
    return text.includes('\r\n') ? '\r\n' : '\n';
}
/** Lines without their breaks (`\r\n` and `\n`); a final break gives a last empty line. */
function splitLines(text) {
    return text.split(/\r?\n/);
}
function indentOf(line) {
    const m = /^[ \t]*/.exec(line);
    return m ? m[0].length : 0;
}
function isBlank(line) {
    return line.trim() === '';
}
/** A line that holds only a `#` comment (YAML, Dockerfile, shell). */
function isHashComment(line) {
    return /^\s*#/.test(line);
}
function pos(line, character) {
    return { line, character };
}
function range0(startLine, startChar, endLine, endChar) {
    return { start: pos(startLine, startChar), end: pos(endLine, endChar) };
}
/** A 1-based Loc as a 0-based range. An empty or inverted Loc becomes the rest of its first line when `lines` are given. */
function locToRange(loc, lines) {
    const sl = Math.max(0, loc.line - 1);
    const sc = Math.max(0, loc.column - 1);
    let el = Math.max(0, loc.endLine - 1);
    let ec = Math.max(0, loc.endColumn - 1);
    if (el < sl || (el === sl && ec <= sc)) {
        el = sl;
        ec = lines ? Math.max(sc, (lines[sl] ?? '').length) : sc;
    }
    return range0(sl, sc, el, ec);
}
/** Offsets where each line starts (handles both line-break styles). */
function lineStarts(text) {
    const starts = [0];
    for (let i = 0; i < text.length; i++)
        if (text[i] === '\n')
            starts.push(i + 1);
    return starts;
}
function offsetAt(text, starts, p) {
    if (p.line >= starts.length)
        return text.length;
    const lineStart = starts[p.line];
    let lineEnd = p.line + 1 < starts.length ? starts[p.line + 1] - 1 : text.length;
    if (lineEnd > lineStart && text[lineEnd - 1] === '\r')
        lineEnd--;
    return Math.min(lineStart + p.character, lineEnd);
}
function positionAt(starts, offset) {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
        const mid = (lo + hi + 1) >> 1;
        if (starts[mid] <= offset)
            lo = mid;
        else
            hi = mid - 1;
    }
    return pos(lo, offset - starts[lo]);
}
/** Applies non-overlapping edits (as VS Code does). Used by tests and by hosts without an editor. */
function applyEdits(text, edits) {
    const starts = lineStarts(text);
    const withOffsets = edits.map((e, i) => ({ e, i, s: offsetAt(text, starts, e.range.start), t: offsetAt(text, starts, e.range.end) }));
    withOffsets.sort((a, b) => b.s - a.s || b.i - a.i);
    let out = text;
    for (const { e, s, t } of withOffsets)
        out = out.slice(0, s) + e.newText + out.slice(t);
    return out;
}
/** An insertion at a position. */
function insertAt(line, character, newText) {
    return { range: range0(line, character, line, character), newText };
}
/** The first sentence of a model text (risk, measure), on one line. */
function firstSentence(text, max = 240) {
    const flat = (text ?? '').replace(/\s+/g, ' ').trim();
    if (!flat)
        return '';
    // A sentence ends at . ! ? followed by a capital (or the end), but not after an abbreviation.
    const re = /[.!?](?=\s+[A-Z("'`]|$)/g;
    let s = flat;
    for (let m = re.exec(flat); m; m = re.exec(flat)) {
        const before = flat.slice(0, m.index + 1);
        if (/(?:^|[\s(])(?:e\.g|i\.e|etc|vs|cf|incl|approx|Dr|Mr|Ms|No)\.$/i.test(before))
            continue;
        s = before;
        break;
    }
    return s.length > max ? shortened(s, max) : s;
}
/**
 * A sentence cut to `max` characters where a reader can stop: after a clause (", " "; " " (") in
 * the second half, else between words, never inside a `code span` (its backtick would be left open).
 */
function shortened(s, max) {
    let cut = s.slice(0, max - 1);
    const ticks = cut.split('`').length - 1;
    if (ticks % 2 === 1)
        cut = cut.slice(0, cut.lastIndexOf('`'));
    const clause = Math.max(cut.lastIndexOf(', '), cut.lastIndexOf('; '), cut.lastIndexOf(' ('));
    const word = cut.lastIndexOf(' ');
    const end = clause >= max / 2 ? clause : word > 0 ? word : cut.length;
    return cut.slice(0, end).replace(/[\s,;:(—-]+$/, '') + ' …';
}
//# sourceMappingURL=text.js.map