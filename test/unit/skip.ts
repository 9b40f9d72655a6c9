// A test that cannot run here says why, in the test output, instead of passing in silence.
// Under CI (CI=true) a missing prerequisite that CI provides is a failure, not a skip.

export function skipBecause(context: Mocha.Context, reason: string, { requiredInCi = false } = {}): never {
  if (requiredInCi && process.env.CI && process.env.CI !== 'false') throw new Error(`cannot run in CI: ${reason}`);
  console.log(`      (skipped: ${reason})`);
  context.skip();
}
