// LineTracker: saved lines followed through buffer edits (what keeps diagnostics on their lines
// while the user types). Checked against the text itself: a tracked line must still hold the
// same content in the edited buffer.
import * as assert from 'node:assert/strict';
import { LineChange, LineTracker } from '../../src/core/guidance/lineTracker';
import { applyEdits } from '../../src/core/guidance/text';

const SAVED = ['on: push', 'jobs:', '  build:', '    runs-on: ubuntu-latest', '    steps:', '      - run: make', '      - run: make test'].join('\n');

function change(sl: number, sc: number, el: number, ec: number, text: string): LineChange {
  return { range: { start: { line: sl, character: sc }, end: { line: el, character: ec } }, text };
}

/** Applies the changes to the text and the tracker; returns the new text's lines. */
function edit(tracker: LineTracker, text: string, changes: LineChange[]): string {
  for (const c of changes) {
    text = applyEdits(text, [{ range: c.range, newText: c.text }]);
    tracker.apply([c]);
  }
  return text;
}

describe('guidance: LineTracker', () => {
  it('is the identity before any edit, and after edits inside one line', () => {
    const t = new LineTracker(7);
    assert.equal(t.isIdentity, true);
    edit(t, SAVED, [change(5, 13, 5, 13, ' all')]);
    assert.equal(t.isIdentity, true);
    for (let i = 0; i < 7; i++) assert.equal(t.toBuffer(i), i);
  });

  const cases: { name: string; changes: LineChange[]; removed: number[] }[] = [
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
      const t = new LineTracker(7);
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
    const t = new LineTracker(7);
    edit(t, SAVED, [change(4, 10, 4, 10, '\n      # new')]);
    assert.equal(t.toSaved(5), -1);
    assert.equal(t.toSaved(6), 5);
  });
});
