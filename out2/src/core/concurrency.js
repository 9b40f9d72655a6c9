"use strict";
// Bounded parallelism for file-system work. Every vscode.workspace.fs call is a round trip through
// the workbench (about 10 ms in code-server, however small the file), so the index keeps many calls
// in flight instead of awaiting them one by one; the bound keeps huge folders from flooding it.
Object.defineProperty(exports, "__esModule", { value: true });
exports.Limiter = void 0;
exports.forEachLimit = forEachLimit;
/** Runs async tasks with at most `limit` of them in flight; the others wait in order. */
class Limiter {
    limit;
    active = 0;
    waiting = [];
    constructor(limit) {
        this.limit = limit;
        if (!(limit >= 1))
            throw new Error(`Limiter: limit must be at least 1 (got ${limit})`);
    }
    async run(task) {
        if (this.active < this.limit)
            this.active++;
        else
            await new Promise((resolve) => this.waiting.push(resolve)); // the slot is handed over
        try {
            return await task();
        }
        finally {
            const next = this.waiting.shift();
            if (next)
                next();
            else
                this.active--;
        }
    }
}
exports.Limiter = Limiter;
/** Calls `fn` for every item with at most `limit` calls in flight; rejects with the first error. */
async function forEachLimit(items, limit, fn) {
    let next = 0;
    const worker = async () => {
        while (next < items.length)
            await fn(items[next++]);
    };
    await Promise.all(Array.from({ length: Math.max(1, Math.min(limit, items.length)) }, worker));
}
//# sourceMappingURL=concurrency.js.map