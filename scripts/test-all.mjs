// `npm test`: every test layer in order, with one summary at the end.
//
//   1. build        node esbuild.js                      (dist/extension.js, dist/cli.js)
//   2. typecheck    tsc -p .                             (type-check; compiles src + test into out/)
//      webviews     tsc -p media/webview                 (the webview scripts against the message protocol)
//      lint         eslint .                             (typescript-eslint, type-aware; eslint.config.mjs)
//      knip         knip                                 (unused files, exports and dependencies; knip.jsonc)
//   3. unit         mocha out/test/unit/**/*.test.js     (.mocharc.json)
//   4. integration  scripts/run-integration.mjs          (mocha inside a real VS Code extension host)
//   5. e2e          test/e2e/ui.mjs                      (Playwright journeys in the real workbench)
//   6. package      scripts/test-package.mjs             (.vsix checks, e2e against the installed .vsix;
//                                                         leaves the production build in dist/)
//
// code-server and Chromium are installed first when missing (scripts/install-code-server.sh).
// build, typecheck, webviews, lint and knip count as one check each; the test layers count their tests; a layer that
// crashes or cannot run counts as one failure. The last line is always `N passed, N failed`, and
// the exit code is non-zero if anything failed.
//
//   node scripts/test-all.mjs [--only unit|integration|e2e[,...]]
// --only still runs build and typecheck first (the layers need them) and skips the other test layers.
import { spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import { isCodeServerInstalled } from './code-server.mjs';
import { makeTempDir, ROOT, seconds } from './harness.mjs';

const TEST_LAYERS = ['unit', 'integration', 'e2e', 'package'];
/** Steps that pass or fail as a whole, each counted as one check. */
const CHECK_STEPS = ['build', 'typecheck', 'webviews', 'lint', 'knip'];

function parseArgs(argv) {
  const only = new Set();
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const value = a === '--only' ? argv[++i] : a.startsWith('--only=') ? a.slice('--only='.length) : undefined;
    if (value === undefined) {
      console.error(`unknown argument: ${a}\nusage: node scripts/test-all.mjs [--only ${TEST_LAYERS.join('|')}[,...]]`);
      process.exit(2);
    }
    for (const layer of value.split(',')) {
      if (!TEST_LAYERS.includes(layer)) {
        console.error(`--only: unknown layer "${layer}" (one of: ${TEST_LAYERS.join(', ')})`);
        process.exit(2);
      }
      only.add(layer);
    }
  }
  return only.size ? only : new Set(TEST_LAYERS);
}

const selected = parseArgs(process.argv.slice(2));
const tmp = makeTempDir('test-all');
const layers = []; // { name, passed, failed, skipped, seconds, note }

function banner(text) {
  console.log(`\n${'='.repeat(8)} ${text} ${'='.repeat(Math.max(8, 70 - text.length))}`);
}

/** Runs a command with inherited output; resolves to its exit code (or 1 if it could not start). */
function run(cmd, args, env = {}) {
  return new Promise(resolve => {
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'inherit', 'inherit'], env: { ...process.env, ...env } });
    child.once('error', e => { console.error(`cannot run ${cmd}: ${e.message}`); resolve(1); });
    child.once('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
  });
}

/** A step that passes or fails as a whole (build, typecheck). */
async function checkStep(name, cmd, args) {
  banner(name);
  const t0 = Date.now();
  const code = await run(cmd, args);
  const ok = code === 0;
  layers.push({ name, passed: ok ? 1 : 0, failed: ok ? 0 : 1, seconds: (Date.now() - t0) / 1000, note: ok ? 'ok' : `exit code ${code}` });
  return ok;
}

/** A test layer that reports its counts through $DSOMM_LAYER_SUMMARY. */
async function testLayer(name, cmd, args) {
  banner(name);
  const summaryFile = path.join(tmp.dir, `${name}.json`);
  const t0 = Date.now();
  const code = await run(cmd, args, { DSOMM_LAYER_SUMMARY: summaryFile });
  const layer = { name, passed: 0, failed: 0, skipped: 0, seconds: (Date.now() - t0) / 1000 };
  if (existsSync(summaryFile)) {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    Object.assign(layer, { passed: s.passed, failed: s.failed, skipped: s.skipped ?? 0 });
    if (code !== 0 && layer.failed === 0) {
      layer.failed = 1;
      layer.note = `exited with code ${code} without a failing test`;
    }
  } else {
    layer.failed = 1;
    layer.note = `crashed (exit code ${code}, no results)`;
  }
  layers.push(layer);
}

function notRun(name, reason) {
  layers.push({ name, passed: 0, failed: 1, seconds: 0, note: `not run: ${reason}` });
}

/** Removes compiled files in out/ whose .ts source is gone, so deleted tests do not keep running. */
function pruneStaleOutput() {
  const out = path.join(ROOT, 'out');
  if (!existsSync(out)) { return; }
  for (const rel of readdirSync(out, { recursive: true, encoding: 'utf8' })) {
    const m = /^(.*)\.(js|js\.map|d\.ts)$/.exec(rel);
    if (m && !existsSync(path.join(ROOT, `${m[1]}.ts`))) { rmSync(path.join(out, rel), { force: true }); }
  }
}

function unitTestFiles() {
  const dir = path.join(ROOT, 'out', 'test', 'unit');
  if (!existsSync(dir)) { return []; }
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).filter(f => f.endsWith('.test.js'));
}

const linuxBackend = process.platform === 'linux' && (process.env.VSCODE_TEST_BACKEND ?? 'code-server') === 'code-server';
const needsCodeServer = (selected.has('integration') && linuxBackend) || ((selected.has('e2e') || selected.has('package')) && process.platform === 'linux');

const t0 = Date.now();
const buildOk = await checkStep('build', process.execPath, ['esbuild.js']);
pruneStaleOutput();
await checkStep('typecheck', process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', '.']);
await checkStep('webviews', process.execPath, [path.join(ROOT, 'node_modules', 'typescript', 'bin', 'tsc'), '-p', 'media/webview']);
await checkStep('lint', process.execPath, [path.join(ROOT, 'node_modules', 'eslint', 'bin', 'eslint.js'), '.']);
await checkStep('knip', process.execPath, [path.join(ROOT, 'node_modules', 'knip', 'bin', 'knip.js')]);

let codeServerOk = !needsCodeServer || isCodeServerInstalled();
if (!codeServerOk) {
  banner('install code-server');
  const code = await run('bash', [path.join(ROOT, 'scripts', 'install-code-server.sh')]);
  codeServerOk = code === 0 && isCodeServerInstalled();
  if (!codeServerOk) { console.error('installing code-server failed; integration and e2e cannot run'); }
}

if (selected.has('unit')) {
  if (unitTestFiles().length === 0) {
    banner('unit');
    console.log('no unit tests found in out/test/unit/');
    layers.push({ name: 'unit', passed: 0, failed: 0, seconds: 0, note: 'no tests found' });
  } else {
    await testLayer('unit', process.execPath, [path.join(ROOT, 'node_modules', 'mocha', 'bin', 'mocha.js'),
      '--config', '.mocharc.json', '--reporter', path.join(ROOT, 'scripts', 'mocha-summary-reporter.cjs')]);
  }
}

if (selected.has('integration')) {
  if (!buildOk) { notRun('integration', 'the build failed'); }
  else if (linuxBackend && !codeServerOk) { notRun('integration', 'code-server is not installed'); }
  else { await testLayer('integration', process.execPath, [path.join(ROOT, 'scripts', 'run-integration.mjs')]); }
}

if (selected.has('e2e')) {
  if (process.platform !== 'linux') {
    layers.push({ name: 'e2e', passed: 0, failed: 0, seconds: 0, note: 'skipped: needs Linux (code-server)' });
  } else if (!buildOk) { notRun('e2e', 'the build failed'); }
  else if (!codeServerOk) { notRun('e2e', 'code-server is not installed'); }
  else { await testLayer('e2e', process.execPath, [path.join(ROOT, 'test', 'e2e', 'ui.mjs')]); }
}
if (selected.has('package')) {
  if (process.platform !== 'linux') {
    layers.push({ name: 'package', passed: 0, failed: 0, seconds: 0, note: 'skipped: needs Linux (code-server)' });
  } else if (!codeServerOk) { notRun('package', 'code-server is not installed'); }
  else { await testLayer('package', process.execPath, [path.join(ROOT, 'scripts', 'test-package.mjs')]); }
}
tmp.cleanup();

banner(`summary (${seconds(Date.now() - t0)})`);
for (const l of layers) {
  const counts = CHECK_STEPS.includes(l.name)
    ? (l.failed ? 'FAILED' : 'ok')
    : `${l.passed} passed, ${l.failed} failed${l.skipped ? `, ${l.skipped} skipped` : ''}`;
  const note = l.note && l.note !== 'ok' && l.note !== 'FAILED' ? `  (${l.note})` : '';
  console.log(`  ${l.name.padEnd(12)} ${counts.padEnd(28)} ${seconds(l.seconds * 1000).padStart(8)}${note}`);
}
const passed = layers.reduce((n, l) => n + l.passed, 0);
const failed = layers.reduce((n, l) => n + l.failed, 0);
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
