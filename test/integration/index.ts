// Mocha entry point that VS Code's extension host loads (--extensionTestsPath). The same file serves
// desktop VS Code (@vscode/test-electron, F5 "Extension Tests") and code-server (scripts/run-integration.mjs).
//
// Loads every *.test.js below this folder. If DSOMM_TEST_RESULTS names a file, writes the results
// there as JSON ({ passed, failed, pending, tests: [{ title, state, durationMs, error }] }).
import * as fs from 'fs';
import * as path from 'path';
import Mocha from 'mocha';

interface TestResult {
  title: string;
  state: 'passed' | 'failed' | 'skipped';
  durationMs?: number;
  error?: string;
}

function findTestFiles(dir: string): string[] {
  return fs
    .readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.test.js'))
    .sort()
    .map((f) => path.join(dir, f));
}

function writeResults(tests: TestResult[]): void {
  const file = process.env.DSOMM_TEST_RESULTS;
  if (!file) {
    return;
  }
  const count = (state: TestResult['state']) => tests.filter((t) => t.state === state).length;
  const results = { passed: count('passed'), failed: count('failed'), pending: count('skipped'), tests };
  fs.writeFileSync(file, JSON.stringify(results, null, 2));
}

export function run(): Promise<void> {
  // A generous limit: it only bounds a failing test, and a busy machine makes the passing ones slow.
  // DSOMM_TEST_GREP runs only the tests whose full title matches (a development loop on one file).
  const grep = process.env.DSOMM_TEST_GREP;
  const mocha = new Mocha({ ui: 'bdd', color: false, timeout: 180_000, reporter: 'spec', ...(grep ? { grep } : {}) });
  const files = findTestFiles(__dirname);
  files.forEach((f) => mocha.addFile(f));

  const tests: TestResult[] = [];
  return new Promise((resolve, reject) => {
    try {
      if (files.length === 0) {
        throw new Error(`no *.test.js files found under ${__dirname}`);
      }
      const runner = mocha.run((failures) => {
        writeResults(tests);
        if (failures > 0) {
          reject(new Error(`${failures} integration test(s) failed.`));
        } else {
          resolve();
        }
      });
      runner.on('pass', (t) => tests.push({ title: t.fullTitle(), state: 'passed', durationMs: t.duration }));
      runner.on('pending', (t) => tests.push({ title: t.fullTitle(), state: 'skipped' }));
      // 'fail' also fires for hooks (before/after), so setup failures are counted too.
      runner.on('fail', (t, err: Error) =>
        tests.push({ title: t.fullTitle(), state: 'failed', durationMs: t.duration, error: String(err?.stack || err) }),
      );
    } catch (e) {
      // A test file that throws while loading (syntax error, bad import) lands here.
      tests.push({ title: 'loading the integration tests', state: 'failed', error: String((e as Error)?.stack || e) });
      writeResults(tests);
      reject(e instanceof Error ? e : new Error(String(e)));
    }
  });
}
