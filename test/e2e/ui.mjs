// UI tests: the real VS Code workbench (code-server) in headless Chromium, driven by playwright-core,
// with the extension loaded from this source tree (needs `npm run build`) or from a package:
//
//   node test/e2e/ui.mjs                      all journeys in test/e2e/journeys/ (file-name order)
//   node test/e2e/ui.mjs sidebar              only journeys whose file name contains "sidebar"
//   E2E_VSIX=dsomm-vscode-0.1.0.vsix node test/e2e/ui.mjs   test the installed .vsix instead
//   E2E_OUT=dir                               screenshots folder (default test/e2e/out)
//   E2E_TIMEOUT_MS=N                          per-action timeout (default 60000)
//   E2E_TIMER_JITTER_MS=N                     delay every second zero-delay timer of the page by N ms
//                                             (flake hunting: the order of work of a starved renderer)
//
// To add a journey, copy journeys/01-sidebar.mjs (see lib/runner.mjs for what `t` offers).
// Prints each check and `N passed, N failed`; exits non-zero on any failure.
import { existsSync, mkdirSync, readdirSync, rmSync } from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { launchChromium } from '../../scripts/code-server.mjs';
import { printResults, ROOT, seconds, writeLayerSummary } from '../../scripts/harness.mjs';
import { runJourney } from './lib/runner.mjs';

const JOURNEYS_DIR = path.join(ROOT, 'test', 'e2e', 'journeys');
const OUT = path.resolve(process.env.E2E_OUT || path.join(ROOT, 'test', 'e2e', 'out'));
const VSIX = process.env.E2E_VSIX ? path.resolve(process.env.E2E_VSIX) : undefined;
const filters = process.argv.slice(2);

function finish(results, t0) {
  const passed = results.filter(r => r.state === 'passed').length;
  const failed = results.filter(r => r.state === 'failed').length;
  const skipped = results.filter(r => r.state === 'skipped').length;
  console.log(`\ne2e checks (${seconds(Date.now() - t0)}, screenshots in ${path.relative(process.cwd(), OUT) || '.'}):`);
  printResults(results);
  writeLayerSummary({ passed, failed, skipped, tests: results });
  console.log(`${passed} passed, ${failed} failed${skipped ? `, ${skipped} skipped` : ''}`);
  process.exit(failed > 0 ? 1 : 0);
}

const t0 = Date.now();
const results = [];
const crash = (title, e) => results.push({ title, state: 'failed', error: String(e?.stack || e) });

if (!VSIX && !existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  crash('e2e setup', 'dist/extension.js is missing: run `npm run build` first');
  finish(results, t0);
}
if (VSIX && !existsSync(VSIX)) {
  crash('e2e setup', `E2E_VSIX=${VSIX} does not exist`);
  finish(results, t0);
}

const files = readdirSync(JOURNEYS_DIR)
  .filter(f => f.endsWith('.mjs') && (filters.length === 0 || filters.some(x => f.includes(x))))
  .sort();
if (files.length === 0) {
  crash('e2e setup', `no journeys in ${JOURNEYS_DIR}${filters.length ? ` matching ${filters.join(', ')}` : ''}`);
  finish(results, t0);
}

// Fresh screenshots every run, so a stale PNG never passes for a new one (only our own file types
// are removed, in case E2E_OUT points at a folder with other content).
mkdirSync(OUT, { recursive: true });
for (const f of readdirSync(OUT)) {
  if (/\.(png|log)$/.test(f)) { rmSync(path.join(OUT, f), { force: true }); }
}
console.log(`e2e: ${files.length} journey(s), extension from ${VSIX ? path.relative(process.cwd(), VSIX) : 'the source tree'}`);

let browser;
try {
  browser = await launchChromium();
  for (const file of files) {
    const name = file.replace(/\.mjs$/, '').replace(/^\d+-/, '');
    let mod;
    try {
      mod = await import(pathToFileURL(path.join(JOURNEYS_DIR, file)).href);
      if (typeof mod.default !== 'function') { throw new Error(`${file} must export a default async function (t)`); }
    } catch (e) {
      crash(`${name} › load journey`, e);
      continue;
    }
    results.push(...await runJourney({ name, title: mod.title, run: mod.default, prepareWorkspace: mod.prepareWorkspace, settings: mod.settings }, { browser, outDir: OUT, vsix: VSIX }));
  }
} catch (e) {
  crash('e2e runner', e);
} finally {
  await browser?.close().catch(() => {});
}
finish(results, t0);
