"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.LineTracker = void 0;
function newlines(text) {
    let n = 0;
    for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1))
        n++;
    return n;
}
class LineTracker {
    /** Saved line (0-based) → buffer line, or -1 when the line was removed. */
    map;
    touched = false;
    constructor(lineCount) {
        this.map = new Int32Array(Math.max(0, lineCount));
        for (let i = 0; i < this.map.length; i++)
            this.map[i] = i;
    }
    /** True while no change moved or removed a line. */
    get isIdentity() {
        return !this.touched;
    }
    /** Applies changes in the order VS Code reports them (each against the text after the previous one). */
    apply(changes) {
        for (const c of changes)
            this.applyOne(c);
    }
    applyOne(c) {
        const s = c.range.start.line;
        const e = c.range.end.line;
        const added = newlines(c.text);
        const delta = added - (e - s);
        // Line `e` keeps its content and moves when the change ends at its very start
        // (typing Enter at column 0, deleting whole lines above it).
        const endLineMoves = c.range.end.character === 0 && (e > s || added > 0);
        if (delta === 0 && !(e > s))
            return;
        this.touched = true;
        for (let i = 0; i < this.map.length; i++) {
            const m = this.map[i];
            if (m < 0 || m < s)
                continue;
            if (m > e || (m === e && endLineMoves))
                this.map[i] = m + delta;
            else if (m === s) {
                // Replaced from its first column to a later line: its own content is gone.
                if (c.range.start.character === 0 && e > s)
                    this.map[i] = -1;
                // Otherwise the change happened inside this line (or after its start): it stays.
            }
            else if (m === e)
                this.map[i] = s + added; // its tail follows the inserted text
            else
                this.map[i] = -1; // a line strictly inside the replaced range is gone
        }
    }
    /** Buffer line of a saved line, or -1 when it was removed. Lines past the saved end move like the last one. */
    toBuffer(line) {
        if (line < this.map.length)
            return line < 0 ? -1 : this.map[line];
        if (!this.map.length)
            return line;
        const last = this.map[this.map.length - 1];
        return last < 0 ? -1 : last + (line - (this.map.length - 1));
    }
    /** Saved line of a buffer line, or -1 when the buffer line is new. */
    toSaved(line) {
        if (!this.touched)
            return line;
        for (let i = 0; i < this.map.length; i++)
            if (this.map[i] === line)
                return i;
        return -1;
    }
}
exports.LineTracker = LineTracker;
//# sourceMappingURL=lineTracker.js.map