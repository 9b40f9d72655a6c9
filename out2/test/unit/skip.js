"use strict";
// A test that cannot run here says why, in the test output, instead of passing in silence.
// Under CI (CI=true) a missing prerequisite that CI provides is a failure, not a skip.
Object.defineProperty(exports, "__esModule", { value: true });
exports.skipBecause = skipBecause;
function skipBecause(context, reason, { requiredInCi = false } = {}) {
    if (requiredInCi && process.env.CI && process.env.CI !== 'false')
        throw new Error(`cannot run in CI: ${reason}`);
    console.log(`      (skipped: ${reason})`);
    context.skip();
}
//# sourceMappingURL=skip.js.map