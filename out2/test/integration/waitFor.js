"use strict";
Object.defineProperty(exports, "__esModule", { value: true });
exports.waitFor = waitFor;
// Polls until `fn` gives a value (anything but undefined or false): the extension reacts to file
// events and settings asynchronously, so integration tests wait for what a user would see. The
// limit only bounds a failing test: on a machine busy with other work a watcher event or a
// re-evaluation can take many seconds, so it is generous (mocha's own timeout is 60 s per test).
async function waitFor(what, fn, timeoutMs = 50_000) {
    const end = Date.now() + timeoutMs;
    for (;;) {
        const v = await fn();
        if (v !== undefined && v !== false)
            return v;
        if (Date.now() > end)
            throw new Error(`timed out waiting for ${what}`);
        await new Promise((r) => setTimeout(r, 100));
    }
}
//# sourceMappingURL=waitFor.js.map