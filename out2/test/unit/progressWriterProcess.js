"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
// A second "window": a separate node process that edits a progress file through the store.
// Used by progress-safety.test.ts (not a test file itself).
//   node progressWriterProcess.js <root> <team> <uuid-prefix> <count> [loop] [lockStaleMs]
// Writes <count> activities for <team> (uuids `<prefix>-<i>`), printing "ok <i>" after each
// write; with `loop` it keeps rewriting them until killed.
const nodeFileSystem_1 = require("../../src/core/nodeFileSystem");
const progress_1 = require("../../src/core/progress");
async function main() {
    const [root, team, prefix, countText, mode, staleText] = process.argv.slice(2);
    const lockStaleMs = staleText ? Number(staleText) : undefined;
    const fs = new nodeFileSystem_1.NodeFileSystem(root);
    const settings = (0, progress_1.resolveProgressSettings)({ team });
    const count = Number(countText);
    // A long activity name makes each write big, so a kill often lands mid-write.
    const name = 'x'.repeat(2000);
    for (let round = 0;; round++) {
        for (let i = 0; i < count; i++) {
            const state = round % 2 === 0 ? 'Started' : 'Fully implemented';
            await (0, progress_1.setState)(fs, settings, `${prefix}-${i}`, state, name, '2026-03-01', { lockStaleMs });
            process.stdout.write(`ok ${i}\n`);
        }
        if (mode !== 'loop')
            break;
    }
}
main().then(() => process.exit(0), (e) => {
    process.stderr.write(`${e.message}\n`);
    process.exit(1);
});
//# sourceMappingURL=progressWriterProcess.js.map