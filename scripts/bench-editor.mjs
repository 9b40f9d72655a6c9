// Editor-side benchmark: `npm run bench:editor` (or `node scripts/bench-editor.mjs [options]`).
//
// Starts the real workbench (code-server + headless Chromium, the extension from this source tree;
// needs `npm run build`) on the demo workspace and on a generated monorepo, acts like a user, and prints:
//   activate()        DsommApi.activationMs (also the "Activated in X ms" log line)
//   cold path         the view opened as soon as the window shows the DSOMM icon (the extension host
//                     may still be starting): window load → extension host up (the probe loaded) →
//                     tree filled (the first dimension row with its counts); target ≤ 1 s from the
//                     host being up. It also records what the side bar said on the way ("There is no
//                     data provider registered…", "Indexing N files…").
//   view → tree       from clicking the DSOMM icon to the first dimension row with its counts: the
//                     cold path above, and once in a second window opened after start-up has settled
//                     (the extension builds the index shortly after activation: the tree only renders)
//   indexing          the extension's own "Indexed … in X ms" log line for that first build
//   save → update     from the editor's save (onDidSaveTextDocument) to the assessment's onDidChange,
//                     for a real edit that turns a detection on or off; median of --saves
//   save → diagnostics  the same, to the first change of DSOMM diagnostics (source "DSOMM…") on the
//                     saved file; shown only when the extension publishes DSOMM diagnostics
//   memory            the extension host's RSS and JS heap at the end (the host also runs VS Code's
//                     built-in extensions)
// The machine's load average is printed too: on a shared machine the figures grow with it.
// Timings inside the extension host come from bench/editor-probe.cjs, loaded as the extension-tests
// module, which writes events with time stamps to a file; it never activates DSOMM itself.
//
// Options:
//   --files N       size of the generated monorepo (default 20000; shares bench/out/monorepo-N with npm run bench)
//   --saves N       timed saves per workspace (default 6)
//   --only demo|large   one workspace
//   --keep          keep the temp folders (code-server logs) and print where they are
// Targets (informational; the exit code is 0 unless the bench itself fails): activate ≤ 30 ms,
// tree ≤ 500 ms (demo) / ≤ 3 s (monorepo), save → diagnostics ≤ 100 ms.
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { launchChromium, startCodeServer, workbenchUrl } from './code-server.mjs';
import { copyDemoWorkspace, makeTempDir, onSignal, ROOT } from './harness.mjs';
import { Workbench } from '../test/e2e/lib/workbench.mjs';
import { EDIT_WORKFLOW, editWorkflowText, GENERATOR_VERSION, generateMonorepo } from '../bench/generate.mjs';

const TARGETS = { activateMs: 30, treeDemoMs: 500, treeLargeMs: 3000, saveMs: 100, coldHostToTreeMs: 1000 };
const PROBE = path.join(ROOT, 'bench', 'editor-probe.cjs');
const OUT = path.join(ROOT, 'bench', 'out');
const CONTAINER_TITLE = 'DSOMM';
const FIRST_DIMENSION = 'Build and Deployment';
const DEMO_WORKFLOW = '.github/workflows/ci.yml';
// Appended to the demo workflow on every other save: hadolint turns "Dockerfile lint" from missing to detected.
const DEMO_EXTRA_JOB = '\n  bench-dockerfile-lint:\n    runs-on: ubuntu-latest\n    steps:\n      - uses: actions/checkout@v4\n      - run: hadolint services/api/Dockerfile\n';

function parseArgs(argv) {
  const o = { files: 20_000, saves: 6, only: undefined, keep: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const num = () => {
      const n = Number(argv[++i]);
      if (!Number.isInteger(n) || n <= 0) throw new Error(`${a} needs a positive integer`);
      return n;
    };
    if (a === '--files') o.files = num();
    else if (a === '--saves') o.saves = num();
    else if (a === '--only') o.only = argv[++i];
    else if (a === '--keep') o.keep = true;
    else if (a === '-h' || a === '--help') {
      console.log(readFileSync(new URL(import.meta.url), 'utf8').split('\n').filter(l => l.startsWith('//')).map(l => l.slice(3)).join('\n'));
      process.exit(0);
    } else throw new Error(`unknown argument ${a}`);
  }
  if (o.only && !['demo', 'large'].includes(o.only)) throw new Error('--only takes demo or large');
  return o;
}

const median = xs => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length === 0 ? NaN : s.length % 2 ? s[(s.length - 1) / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
};
const sleep = ms => new Promise(r => setTimeout(r, ms));
const mb = n => `${(n / 1024 / 1024).toFixed(0)} MB`;
const ms = n => (Number.isFinite(n) ? `${n < 10 ? n.toFixed(1) : Math.round(n)} ms` : 'n/a');

/** The monorepo under bench/out/monorepo-N (the same cache as bench/scan-bench.mjs). */
function ensureMonorepo(files, seed = 20240601) {
  const dir = path.join(OUT, `monorepo-${files}`);
  const stampPath = `${dir}.json`;
  let stamp;
  try { stamp = JSON.parse(readFileSync(stampPath, 'utf8')); } catch { stamp = undefined; }
  if (stamp && stamp.generator === GENERATOR_VERSION && stamp.files === files && stamp.seed === seed && existsSync(dir)) return dir;
  console.log(`generating a ${files}-file monorepo in ${path.relative(ROOT, dir)} …`);
  rmSync(stampPath, { force: true });
  rmSync(dir, { recursive: true, force: true });
  mkdirSync(dir, { recursive: true });
  const t0 = performance.now();
  const info = generateMonorepo(dir, { files, seed });
  writeFileSync(stampPath, JSON.stringify({ generator: GENERATOR_VERSION, files, seed, ...info, generatedMs: Math.round(performance.now() - t0) }, null, 2) + '\n');
  return dir;
}

/** Events the probe wrote so far. */
function readEvents(file) {
  if (!existsSync(file)) return [];
  return readFileSync(file, 'utf8').split('\n').filter(Boolean).map(l => JSON.parse(l));
}

async function waitForEvent(file, predicate, { timeoutMs = 60_000, what = 'an event' } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const hit = readEvents(file).find(predicate);
    if (hit) return hit;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(10);
  }
}

/** The DSOMM output channel's log file (VS Code backs extension output channels with files). */
function dsommLog(dataDir) {
  const found = [];
  const walk = dir => {
    for (const name of readdirSync(dir)) {
      const p = path.join(dir, name);
      if (statSync(p).isDirectory()) walk(p);
      else if (/DSOMM\.log$/.test(name)) found.push(p);
    }
  };
  const logs = path.join(dataDir, 'user-data', 'logs');
  if (existsSync(logs)) walk(logs);
  return found.map(f => readFileSync(f, 'utf8')).join('\n');
}

/** Opens `relPath` through Quick Open and waits for its editor tab. */
async function openFile(page, relPath) {
  await page.keyboard.press('Control+P');
  const input = page.locator('.quick-input-widget input');
  await input.waitFor();
  await input.fill(relPath);
  await page.locator('.quick-input-list .monaco-list-row').first().waitFor();
  await page.waitForTimeout(300); // let the file search settle on the exact path
  await page.keyboard.press('Enter');
  await page.locator(`.tabs-container .tab[data-resource-name="${path.basename(relPath)}"]`).first().waitFor();
}

/** Replaces the whole editor content with `text` and saves; returns the bench clock at the save key press. */
async function replaceAndSave(page, text) {
  await page.locator('.editor-instance .monaco-editor .view-lines').first().click();
  await page.keyboard.press('Control+A');
  await page.keyboard.insertText(text);
  const t = performance.timeOrigin + performance.now();
  await page.keyboard.press('Control+S');
  return t;
}

async function benchWorkspace({ name, folder, workflow, texts, treeTargetMs }, browser, opts, { settled = false } = {}) {
  const tmp = makeTempDir(`bench-editor-${name.replace(/\W+/g, '-')}`);
  const unregister = onSignal(async () => { await server?.stop(); if (!opts.keep) tmp.cleanup(); });
  const events = path.join(tmp.dir, 'events.jsonl');
  const serverLog = [];
  let server;
  let context;
  const r = { name, folder };
  try {
    server = await startCodeServer({
      dataDir: tmp.dir,
      env: { DSOMM_BENCH_EVENTS: events },
      // The bench types whole files: no auto-indent, auto-closing or suggestions may change them.
      settings: {
        'editor.autoIndent': 'none', 'editor.autoClosingBrackets': 'never', 'editor.autoClosingQuotes': 'never',
        'editor.autoSurround': 'never', 'editor.formatOnType': false, 'editor.quickSuggestions': { other: false, comments: false, strings: false },
        'editor.suggestOnTriggerCharacters': false, 'files.trimTrailingWhitespace': false, 'files.insertFinalNewline': false,
        '[yaml]': { 'editor.autoIndent': 'none' }, // VS Code's YAML defaults turn it on again
      },
      onLog: s => serverLog.push(s),
    });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    const page = await context.newPage();
    page.setDefaultTimeout(120_000);
    const wb = new Workbench(page);
    const loadAt = performance.timeOrigin + performance.now();
    await page.goto(workbenchUrl({ ...server, folder, extensionDevelopmentPath: ROOT, extensionTestsPath: PROBE }), { waitUntil: 'commit' });
    await wb.waitUntilReady();

    if (!settled) {
      // The cold path, as a user meets it: the view is opened as soon as its icon shows, while the
      // extension host may still be starting. What the side bar says on the way is recorded.
      const t0 = performance.timeOrigin + performance.now();
      await wb.openViewContainer(CONTAINER_TITLE);
      const filled = wb.treeItem(FIRST_DIMENSION).locator('.label-description', { hasText: /\d+\/\d+/ });
      r.coldMessages = [];
      while (!(await filled.isVisible().catch(() => false))) {
        const text = (await wb.sidebar.innerText().catch(() => '')).replace(/\s+/g, ' ');
        for (const [re, label] of [[/no data provider registered/i, 'no data provider registered'], [/Indexing \d+ files?…|Looking for pipeline and container files…/, 'indexing message'], [/Indexing \d+ files?…/, 'file count']]) {
          if (re.test(text) && !r.coldMessages.includes(label)) r.coldMessages.push(label);
        }
        await sleep(20);
      }
      const filledAt = performance.timeOrigin + performance.now();
      const hostUp = await waitForEvent(events, e => e.ev === 'probe-ready', { what: 'the extension host' });
      const active = await waitForEvent(events, e => e.ev === 'dsomm-active', { what: 'DSOMM to activate (is dist/ built?)' });
      r.coldLoadToHostMs = hostUp.t - loadAt;
      r.coldLoadToViewMs = t0 - loadAt;
      r.coldViewToTreeMs = filledAt - t0;
      r.coldHostToTreeMs = filledAt - Math.max(hostUp.t, t0);
      r.coldActiveToTreeMs = filledAt - Math.max(active.t, t0);
    }

    // activate(): the workspace holds workflows, so VS Code activates DSOMM at start-up.
    const active = await waitForEvent(events, e => e.ev === 'dsomm-active', { what: 'DSOMM to activate (is dist/ built?)' });
    r.activateMs = active.activationMs;

    if (settled) {
      // The user opens the view some seconds after the window: the warm-up has built the index.
      await waitForEvent(events, e => e.ev === 'assessment', { timeoutMs: 180_000, what: 'the warm-up assessment' });
      await sleep(1000);
      const t1 = performance.timeOrigin + performance.now();
      await wb.openViewContainer(CONTAINER_TITLE);
      await wb.treeItem(FIRST_DIMENSION).locator('.label-description', { hasText: /\d+\/\d+/ }).waitFor();
      r.treeSettledMs = performance.timeOrigin + performance.now() - t1;
      return r;
    }

    // The view was opened at once above: that first open built the index.
    r.treeMs = r.coldViewToTreeMs;
    r.treeTargetMs = treeTargetMs;
    const indexed = /Indexed .*: (\d+) files in (\d+) ms(?: \(([^)]*)\))?/.exec(dsommLog(tmp.dir));
    if (indexed) { r.indexedFiles = Number(indexed[1]); r.indexMs = Number(indexed[2]); r.indexBreakdown = indexed[3]; }

    // Saves that turn a detection on and off, each timed from the save to the new assessment.
    await openFile(page, workflow);
    await sleep(1000);
    const hasDsommDiagnostics = () => readEvents(events).some(e => e.ev === 'diagnostics' && e.dsomm > 0);
    r.saves = [];
    for (let i = 0; i < opts.saves; i++) {
      const text = texts[(i + 1) % texts.length];
      const pressed = await replaceAndSave(page, text);
      const save = await waitForEvent(events, e => e.ev === 'save' && e.t >= pressed - 5 && e.path === workflow, { timeoutMs: 15_000, what: `the save of ${workflow}` });
      const update = await waitForEvent(events, e => e.ev === 'assessment' && e.t >= save.t, { timeoutMs: 15_000, what: 'the assessment update after the save' }).catch(() => undefined);
      await sleep(600); // diagnostics may follow the update
      const diag = readEvents(events).find(e => e.ev === 'diagnostics' && e.t >= save.t && e.path === workflow);
      const onDisk = readFileSync(path.join(folder, workflow), 'utf8');
      if (onDisk !== text) {
        writeFileSync(path.join(OUT, 'bench-editor-typed.txt'), text);
        writeFileSync(path.join(OUT, 'bench-editor-saved.txt'), onDisk);
        throw new Error(`the editor saved other text than typed into ${workflow} (see bench/out/bench-editor-{typed,saved}.txt)`);
      }
      r.saves.push({ saveToUpdateMs: update ? update.t - save.t : NaN, keyToSaveMs: save.t - pressed, saveToDiagnosticsMs: diag ? diag.t - save.t : NaN });
      await sleep(400);
    }
    r.dsommDiagnostics = hasDsommDiagnostics();
    r.saveToUpdateMs = median(r.saves.map(s => s.saveToUpdateMs));
    r.keyToSaveMs = median(r.saves.map(s => s.keyToSaveMs));
    r.saveToDiagnosticsMs = r.dsommDiagnostics ? median(r.saves.map(s => s.saveToDiagnosticsMs)) : undefined;
    const updates = [...dsommLog(tmp.dir).matchAll(/Updated after changes .* in (\d+) ms/g)].map(m => Number(m[1]));
    r.eventToUpdateMs = median(updates);

    await sleep(1200);
    const after = readEvents(events).filter(e => e.ev === 'memory').at(-1);
    r.rss = after?.rss;
    r.heapAfter = after?.heapUsed;
    // Leave the fixture as it was (the monorepo is cached between runs).
    writeFileSync(path.join(folder, workflow), texts[0]);
  } catch (e) {
    r.error = String(e?.stack || e);
    const logFile = path.join(OUT, `bench-editor-${name.replace(/\W+/g, '-')}.log`);
    mkdirSync(OUT, { recursive: true });
    writeFileSync(logFile, `${r.error}\n\n--- DSOMM log ---\n${dsommLog(tmp.dir)}\n\n--- code-server ---\n${serverLog.join('')}`);
    r.error += `\n(log: ${path.relative(process.cwd(), logFile)})`;
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    if (opts.keep) console.log(`kept ${tmp.dir}`);
    else tmp.cleanup();
    unregister();
  }
  return r;
}

function report(r) {
  const verdict = (v, target) => (Number.isFinite(v) ? (v <= target ? 'ok' : 'MISS') : '');
  const row = (label, value, target) => console.log(`  ${label.padEnd(24)} ${value.padStart(12)}   ${target ? `target ≤ ${ms(target)}`.padEnd(18) : ''.padEnd(18)} ${target !== undefined ? verdict(parseFloat(value), target) : ''}`);
  console.log(`\n${r.name}: ${path.relative(process.cwd(), r.folder) || r.folder}${r.indexedFiles !== undefined ? ` (${r.indexedFiles} files indexed)` : ''}`);
  if (r.error) {
    console.log(`  FAILED: ${r.error.split('\n').slice(0, 6).join('\n  ')}`);
    return;
  }
  row('activate()', ms(r.activateMs), TARGETS.activateMs);
  console.log('  cold path (view opened as soon as the window shows its icon):');
  row('  window load → host up', ms(r.coldLoadToHostMs));
  row('  window load → view open', ms(r.coldLoadToViewMs));
  row('  host up → tree filled', ms(r.coldHostToTreeMs), TARGETS.coldHostToTreeMs);
  row('  activated → tree filled', ms(r.coldActiveToTreeMs));
  console.log(`    the side bar said on the way: ${r.coldMessages?.length ? r.coldMessages.join(', ') : 'nothing (the tree came first)'}`);
  row('view → populated tree', ms(r.treeMs), r.treeTargetMs);
  row('  opened after start-up', ms(r.treeSettledMs), r.treeTargetMs);
  row('  of which indexing', ms(r.indexMs));
  if (r.indexBreakdown) console.log(`    (${r.indexBreakdown})`);
  row('save → assessment', ms(r.saveToUpdateMs), TARGETS.saveMs);
  row('  file event → update', ms(r.eventToUpdateMs));
  if (r.dsommDiagnostics) row('save → diagnostics', ms(r.saveToDiagnosticsMs), TARGETS.saveMs);
  else console.log('  save → diagnostics      n/a: the extension publishes no DSOMM diagnostics (yet)');
  console.log(`  ${'extension host memory'.padEnd(24)} ${`RSS ${mb(r.rss)}`.padStart(12)}   JS heap ${mb(r.heapAfter)} (the whole host, built-in extensions included)`);
  console.log(`  saves (save→update ms): ${r.saves.map(s => Math.round(s.saveToUpdateMs)).join(', ')}`);
}

const opts = parseArgs(process.argv.slice(2));
if (!existsSync(path.join(ROOT, 'dist', 'extension.js'))) {
  console.error('dist/extension.js is missing: run `npm run build` first');
  process.exit(1);
}
const demoTmp = makeTempDir('bench-editor-demo-ws');
const workspaces = [];
if (opts.only !== 'large') {
  const folder = copyDemoWorkspace(demoTmp.dir);
  const original = readFileSync(path.join(folder, DEMO_WORKFLOW), 'utf8');
  workspaces.push({ name: 'demo workspace', folder, workflow: DEMO_WORKFLOW, texts: [original, original.replace(/\n*$/, '\n') + DEMO_EXTRA_JOB], treeTargetMs: TARGETS.treeDemoMs });
}
if (opts.only !== 'demo') {
  const folder = ensureMonorepo(opts.files);
  writeFileSync(path.join(folder, EDIT_WORKFLOW), editWorkflowText());
  workspaces.push({ name: `${opts.files}-file monorepo`, folder, workflow: EDIT_WORKFLOW, texts: [editWorkflowText(), editWorkflowText(1)], treeTargetMs: TARGETS.treeLargeMs });
}

const browser = await launchChromium();
const results = [];
try {
  for (const w of workspaces) {
    console.log(`benchmarking ${w.name} …`);
    const r = await benchWorkspace(w, browser, opts);
    if (!r.error) {
      const s = await benchWorkspace(w, browser, opts, { settled: true });
      if (s.error) r.error = `(view opened after start-up) ${s.error}`;
      r.treeSettledMs = s.treeSettledMs;
    }
    results.push(r);
  }
} finally {
  await browser.close().catch(() => {});
  demoTmp.cleanup();
}
console.log(`\nEditor-side speed (real workbench: code-server + headless Chromium; ${cpus().length} CPUs, load average ${loadavg().map(l => l.toFixed(1)).join(' ')})`);
results.forEach(report);
mkdirSync(OUT, { recursive: true });
writeFileSync(path.join(OUT, 'bench-editor.json'), JSON.stringify(results, null, 2) + '\n');
process.exit(results.some(r => r.error) ? 1 : 0);
