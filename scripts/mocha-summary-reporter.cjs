// Mocha reporter for `npm test`: the usual `spec` output for people, plus a JSON summary for
// scripts/test-all.mjs written to $DSOMM_LAYER_SUMMARY ({ passed, failed, skipped, tests }).
//   mocha --reporter ./scripts/mocha-summary-reporter.cjs
'use strict';
const fs = require('fs');
const Mocha = require('mocha');

const { EVENT_TEST_PASS, EVENT_TEST_FAIL, EVENT_TEST_PENDING, EVENT_RUN_END } = Mocha.Runner.constants;

class SpecWithSummary extends Mocha.reporters.Spec {
  constructor(runner, options) {
    super(runner, options);
    const tests = [];
    runner.on(EVENT_TEST_PASS, (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
    runner.on(EVENT_TEST_PENDING, (t) => tests.push({ title: t.fullTitle(), state: 'skipped' }));
    // Also fires for failing hooks, so a broken before() counts as a failure.
    runner.on(EVENT_TEST_FAIL, (t, err) =>
      tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String((err && err.stack) || err) }));
    runner.once(EVENT_RUN_END, () => {
      const file = process.env.DSOMM_LAYER_SUMMARY;
      if (!file) return;
      const count = (state) => tests.filter((t) => t.state === state).length;
      fs.writeFileSync(file, JSON.stringify({ passed: count('passed'), failed: count('failed'), skipped: count('skipped'), tests }, null, 2));
    });
  }
}

module.exports = SpecWithSummary;
