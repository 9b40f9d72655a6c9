"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
// LineTracker: saved lines followed through buffer edits (what keeps diagnostics on their lines
// while the user types). Checked against the text itself: a tracked line must still hold the
// same content in the edited buffer.
const assert = __importStar(require("node:assert/strict"));
const lineTracker_1 = require("../../src/core/guidance/lineTracker");
const text_1 = require("../../src/core/guidance/text");
const SAVED = ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: make', '      - run: make test'].join('\n');
function change(sl, sc, el, ec, text) {
    return { range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, text };
}
/** Applies the changes to the text and the tracker; returns the new text's lines. */
function edit(tracker, text, changes) {
    for (const c of changes) {
        text = (0, text_1.applyEdits)(text, [{ range: c.range, newText: c.text }]);
        tracker.apply([c]);
    }
    return text;
}
describe('guidance: LineTracker', () => {
    it('is the identity before any edit, and after edits inside one line', () => {
        const t = new lineTracker_1.LineTracker(7);
        assert.equal(t.isIdentity, true);
        edit(t, SAVED, [change(5, 13, 5, 13, ' all')]);
        assert.equal(t.isIdentity, true);
        for (let i = 0; i < 7; i++)
            assert.equal(t.toBuffer(i), i);
    });
    const cases = [
        { name: 'Enter at the end of a line (a comment line above a step)', changes: [change(4, 10, 4, 10, '\n      # dsomm-ignore sast: not here')], removed: [] },
        { name: 'a line inserted at column 0', changes: [change(5, 0, 5, 0, '      # dsomm-ignore all\n')], removed: [] },
        { name: 'two lines inserted in one change', changes: [change(1, 5, 1, 5, '\n  # a\n  # b')], removed: [] },
        { name: 'a whole line deleted', changes: [change(2, 0, 3, 0, '')], removed: [2] },
        { name: 'two lines replaced by one', changes: [change(3, 0, 5, 0, '    runs-on: linux\n')], removed: [3, 4] },
        { name: 'lines joined (Delete at a line end)', changes: [change(0, 8, 1, 0, ' ')], removed: [] },
        { name: 'several edits in a row', changes: [change(0, 8, 0, 8, '\n# x'), change(3, 0, 3, 0, '# y\n'), change(8, 0, 9, 0, '')], removed: [6] },
    ];
    for (const c of cases) {
        it(`keeps lines on their content: ${c.name}`, () => {
            const t = new lineTracker_1.LineTracker(7);
            const savedLines = SAVED.split('\n');
            const now = edit(t, SAVED, c.changes).split('\n');
            for (let i = 0; i < savedLines.length; i++) {
                const b = t.toBuffer(i);
                if (c.removed.includes(i)) {
                    assert.equal(b, -1, `saved line ${i} should be gone`);
                    continue;
                }
                assert.ok(b >= 0, `saved line ${i} lost`);
                // A joined line keeps its content inside the line it joined.
                assert.ok(now[b].includes(savedLines[i].trim()), `saved line ${i} "${savedLines[i]}" → buffer ${b} "${now[b]}"`);
                // Joined lines share a buffer line: it maps back to the first of them.
                const first = savedLines.findIndex((_, j) => t.toBuffer(j) === b);
                assert.equal(t.toSaved(b), first);
            }
            assert.equal(t.isIdentity, false);
        });
    }
    it('maps new buffer lines to no saved line', () => {
        const t = new lineTracker_1.LineTracker(7);
        edit(t, SAVED, [change(4, 10, 4, 10, '\n      # new')]);
        assert.equal(t.toSaved(5), -1);
        assert.equal(t.toSaved(6), 5);
    });
});
//# sourceMappingURL=guidance-line-tracker.test.js.map