// Integration tests: mocha inside a real VS Code extension host, with the extension loaded from
// this source tree and a copy of test/fixtures/demo-workspace opened as the workspace.
// Needs `npm run build` (dist/) and `tsc -p .` (out/) first; `npm test` does both.
//
// Backend (VSCODE_TEST_BACKEND):
//   code-server  default on Linux when installed, and whenever CI=true: offline, code-server + headless
//                Chromium through scripts/code-server-as-code.mjs
//   electron     desktop VS Code downloaded by @vscode/test-electron (laptops, GitHub Actions;
//                needs update.code.visualstudio.com; VSCODE_TEST_VERSION=1.139.1 matches code-server)
//
// Prints each test and `N passed, N failed`; exits non-zero on any failure.
import { runTests } from '@vscode/test-electron';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { isCodeServerInstalled } from './code-server.mjs';
import { copyDemoWorkspace, makeTempDir, printResults, ROOT, seconds, writeLayerSummary } from './harness.mjs';

const TESTS_ENTRY = path.join(ROOT, 'out', 'test', 'integration', 'index.js');
const backend = process.env.VSCODE_TEST_BACKEND
  || ((process.env.CI && process.env.CI !== 'false') || (process.platform === 'linux' && isCodeServerInstalled()) ? 'code-server' : 'electron');

function finish(summary, extraLines = []) {
  printResults(summary.tests);
  for (const l of extraLines) { console.log(l); }
  writeLayerSummary(summary);
  console.log(`${summary.passed} passed, ${summary.failed} failed`);
  process.exit(summary.failed > 0 ? 1 : 0);
}

const crashed = message => ({ passed: 0, failed: 1, tests: [{ title: 'integration suite', state: 'failed', error: message }] });

if (!existsSync(TESTS_ENTRY)) {
  finish(crashed(`${path.relative(ROOT, TESTS_ENTRY)} is missing: run \`tsc -p .\` first`));
}
if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  finish(crashed('dist/extension.js is missing: run `npm run build` first'));
}

const tmp = makeTempDir('it');
const workspace = copyDemoWorkspace(tmp.dir);
const resultsFile = path.join(tmp.dir, 'results.json');
console.log(`integration tests on backend: ${backend}`);

const t0 = Date.now();
let runError;
try {
  await runTests({
    vscodeExecutablePath: backend === 'code-server' ? path.join(ROOT, 'scripts', 'code-server-as-code.mjs') : undefined,
    version: backend === 'electron' ? process.env.VSCODE_TEST_VERSION : undefined,
    extensionDevelopmentPath: ROOT,
    extensionTestsPath: TESTS_ENTRY,
    // --disable-extensions turns off other installed extensions; built-ins and ours stay on.
    launchArgs: [workspace, '--disable-extensions'],
    extensionTestsEnv: { DSOMM_TEST_RESULTS: resultsFile },
  });
} catch (e) {
  runError = String(e?.message || e);
}

let summary;
if (existsSync(resultsFile)) {
  const r = JSON.parse(readFileSync(resultsFile, 'utf8'));
  summary = { passed: r.passed, failed: r.failed, skipped: r.pending, tests: r.tests };
  if (runError && r.failed === 0) {
    // The tests passed but VS Code did not exit cleanly: still a failure.
    summary.failed += 1;
    summary.tests.push({ title: 'VS Code exited cleanly', state: 'failed', error: runError });
  }
} else {
  summary = crashed(`no results file: the extension host never ran the tests${runError ? ` (${runError})` : ''}`);
}
tmp.cleanup();
finish(summary, [`integration tests took ${seconds(Date.now() - t0)}`]);
