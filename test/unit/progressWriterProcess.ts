// A second "window": a separate node process that edits a progress file through the store.
// Used by progress-safety.test.ts (not a test file itself).
//   node progressWriterProcess.js <root> <team> <uuid-prefix> <count> [loop] [lockStaleMs]
// Writes <count> activities for <team> (uuids `<prefix>-<i>`), printing "ok <i>" after each
// write; with `loop` it keeps rewriting them until killed.
import { NodeFileSystem } from '../../src/core/nodeFileSystem';
import { resolveProgressSettings, setState } from '../../src/core/progress';

async function main(): Promise<void> {
  const [root, team, prefix, countText, mode, staleText] = process.argv.slice(2);
  const lockStaleMs = staleText ? Number(staleText) : undefined;
  const fs = new NodeFileSystem(root);
  const settings = resolveProgressSettings({ team });
  const count = Number(countText);
  // A long activity name makes each write big, so a kill often lands mid-write.
  const name = 'x'.repeat(2000);
  for (let round = 0; ; round++) {
    for (let i = 0; i < count; i++) {
      const state = round % 2 === 0 ? 'Started' : 'Fully implemented';
      await setState(fs, settings, `${prefix}-${i}`, state, name, '2026-03-01', { lockStaleMs });
      process.stdout.write(`ok ${i}\n`);
    }
    if (mode !== 'loop') break;
  }
}

main().then(
  () => process.exit(0),
  (e) => {
    process.stderr.write(`${(e as Error).message}\n`);
    process.exit(1);
  },
);
