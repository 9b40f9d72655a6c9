"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.yieldToHost = yieldToHost;
// The index build's `yieldFn` in the extension host. Yielding after every few entries with
// setTimeout(0) cost ~1 ms each (a timer turn) and added up on big workspaces; this gives the event
// loop back (setImmediate: right after pending I/O) only when the build has held it for a while.
const SLICE_MS = 15;
let sliceStart = performance.now();
function yieldToHost() {
    if (performance.now() - sliceStart < SLICE_MS)
        return Promise.resolve();
    return new Promise((resolve) => setImmediate(() => {
        sliceStart = performance.now();
        resolve();
    }));
}
//# sourceMappingURL=yieldToHost.js.map