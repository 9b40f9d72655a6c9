#!/usr/bin/env node
// A stand-in for the `code` executable, for @vscode/test-electron's runTests({ vscodeExecutablePath }).
//
// It takes the arguments runTests passes (--extensionDevelopmentPath=, --extensionTestsPath=, the
// folder to open, plus desktop-only flags it ignores), runs the tests in code-server's Node extension
// host with the web workbench in headless Chromium, and exits with the tests' exit code.
//
//   VSCODE_TEST_VERBOSE=1       show all workbench and server output
//   VSCODE_TEST_TIMEOUT_MS=N    give up after N ms (default 5 min)
// On failure the full log goes to .vscode-test/code-server-test.log (and a screenshot on timeout).
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { format } from 'node:util';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';
import { makeTempDir, onSignal, ROOT } from './harness.mjs';

const argv = process.argv.slice(2);
const option = name => argv.filter(a => a.startsWith(`--${name}=`)).map(a => a.slice(name.length + 3));
const devPaths = option('extensionDevelopmentPath');
const [testsPath] = option('extensionTestsPath');
const folder = argv.find(a => !a.startsWith('-'));
const VERBOSE = !!process.env.VSCODE_TEST_VERBOSE;
const TIMEOUT_MS = Number(process.env.VSCODE_TEST_TIMEOUT_MS || 5 * 60_000);

if (!testsPath || devPaths.length === 0) {
  console.error('usage: code-server-as-code.mjs --extensionDevelopmentPath=DIR --extensionTestsPath=FILE [folder]');
  process.exit(2);
}

// runTests passes --user-data-dir under .vscode-test/; a fresh folder per run keeps runs independent.
const tmp = makeTempDir('it-cs');
const logLines = [];
// Workbench chatter that is not test output (shown with VSCODE_TEST_VERBOSE=1).
const NOISE = /^(\[[\w :.-]+\]|Creating a socket|Resolv|Updating additional builtin|Ignoring fetching additional builtin|Started initializing|Completed initializing|An iframe which)/;
const failureArtifacts = path.join(ROOT, '.vscode-test');

let server;
let browser;
const shutdown = async () => {
  await browser?.close().catch(() => {});
  await server?.stop();
  tmp.cleanup();
};
onSignal(shutdown); // runTests forwards Ctrl-C as SIGINT

let code = 1;
try {
  server = await startCodeServer({
    dataDir: tmp.dir,
    onLog: s => { logLines.push(s); if (VERBOSE) { process.stdout.write(`[code-server] ${s}`); } },
  });
  browser = await launchChromium();
  const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
  // In extension-test mode the web workbench reports through these two window functions
  // (the same protocol as VS Code's own test/integration/browser runner). Register before goto.
  const finished = new Promise(resolve => page.exposeFunction('codeAutomationExit', c => resolve(c)));
  await page.exposeFunction('codeAutomationLog', (type, args) => {
    // Extension host console lines arrive as ('%c INFO', 'color: …', fmt, ...args).
    if (typeof args?.[0] === 'string' && args[0].startsWith('%c')) {
      args = [args[0].slice(2).replace(/^\s*(INFO|WARN|ERR|DEBUG|TRACE)\s*/, ''), ...args.slice(2)];
    }
    const line = format(...(args ?? []));
    logLines.push(`[${type}] ${line}\n`);
    if (VERBOSE || (line.trim() && !NOISE.test(line.trim()))) { (type === 'error' ? console.error : console.log)(line); }
  });
  page.on('pageerror', e => logLines.push(`[pageerror] ${e.message}\n`));
  await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath: devPaths, extensionTestsPath: testsPath }));

  let timer;
  const timedOut = new Promise(resolve => { timer = setTimeout(() => resolve('timeout'), TIMEOUT_MS); });
  const result = await Promise.race([finished, timedOut]);
  clearTimeout(timer);
  if (result === 'timeout') {
    console.error(`extension tests did not finish within ${TIMEOUT_MS} ms`);
    mkdirSync(failureArtifacts, { recursive: true });
    await page.screenshot({ path: path.join(failureArtifacts, 'timeout.png') }).catch(() => {});
  } else {
    code = Number(result);
  }
} catch (e) {
  console.error(e?.stack || String(e));
} finally {
  await shutdown();
  if (code !== 0) {
    mkdirSync(failureArtifacts, { recursive: true });
    const logFile = path.join(failureArtifacts, 'code-server-test.log');
    writeFileSync(logFile, logLines.join(''));
    console.error(`full workbench/server log: ${path.relative(process.cwd(), logFile)}`);
  }
}
process.exit(code);
