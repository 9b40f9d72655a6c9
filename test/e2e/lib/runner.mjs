// A small step runner for UI journeys in the real VS Code workbench.
//
// A journey is a module in test/e2e/journeys/ that exports
//   export const title = 'what the user does';
//   export default async function (t) { await t.step('check name', async () => { ... }); ... }
// `t` gives the journey:
//   t.step(name, fn)      a named check; records pass/fail. The first failing step saves
//                         FAILED-<journey>-<step>.png and stops the journey (later steps would only
//                         fail for the same reason).
//   t.page                the Playwright page showing the workbench
//   t.wb                  Workbench helpers (lib/workbench.mjs)
//   t.screenshot(name)    saves <outDir>/<name>.png (moves the mouse away first unless { keepMouse: true })
//   t.workspace           the workspace folder the workbench has open (a temp copy of the demo workspace)
//   t.log(...)            prints an indented line under the current step
//   t.extensionLog()      the extension host's and the DSOMM output channel's logs so far
//   t.skip(reason)        ends the journey as skipped (e.g. an optional input is missing); the
//                         reason is printed and recorded, and the run does not fail for it
// A journey may export `settings` (user settings over QUIET_SETTINGS, e.g. to turn workspace trust on).
// A journey may also export `prepareWorkspace(dir)`: it runs on the workspace copy before VS Code
// starts (e.g. to replace the demo with a smaller repository). When it returns { workspaceFile },
// the window opens that (multi-root) workspace instead of the folder.
// Each journey runs in its own code-server and browser context, with fresh user data.
import { mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { installExtension, startCodeServer, workbenchUrl } from '../../../scripts/code-server.mjs';
import { copyDemoWorkspace, makeTempDir, onSignal, ROOT } from '../../../scripts/harness.mjs';
import { Workbench } from './workbench.mjs';

/**
 * Flake hunting (E2E_TIMER_JITTER_MS=N): every second zero-delay timer of the page waits N ms, the
 * order of work a renderer starved by a busy machine gets. It made the multi-root tree race of
 * VS Code's tree (children of one row shown under another) happen every other refresh.
 */
function delayEverySecondZeroTimer(ms) {
  const setTimeoutAsWritten = window.setTimeout;
  let zeroTimers = 0;
  window.setTimeout = function (handler, delay, ...args) {
    if (!delay && typeof handler === 'function' && ++zeroTimers % 2 === 0) delay = ms;
    return setTimeoutAsWritten.call(this, handler, delay, ...args);
  };
}

class StepFailed extends Error {}
class JourneySkipped extends Error {}

/**
 * The extension host's own logs of a run (remote extension host, our "DSOMM" output channel): what
 * the extension did and when, beside the browser's and code-server's logs of a failed step.
 */
function extensionHostLogs(userDataDir) {
  const found = [];
  const walk = dir => {
    let names;
    try { names = readdirSync(dir); } catch { return; }
    for (const name of names.sort()) {
      const p = path.join(dir, name);
      let st;
      try { st = statSync(p); } catch { continue; }
      if (st.isDirectory()) walk(p);
      else if (/exthost\.log$|DSOMM\.log$/i.test(name)) found.push(p);
    }
  };
  walk(path.join(userDataDir, 'logs'));
  return found.map(f => `--- ${path.relative(userDataDir, f)} ---\n${readFileSync(f, 'utf8').slice(-200_000)}`).join('\n');
}

const clock = () => new Date().toISOString().slice(11, 23);

const slug = s => s.toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 60);
const firstLines = (e, n = 8) => String(e?.stack || e).split('\n').slice(0, n).join('\n');

/**
 * Runs one journey and returns its check results.
 * @param {{ name: string, title?: string, run: (t: object) => Promise<void>, prepareWorkspace?: (dir: string) => void | Promise<void> }} journey
 * @param {{ browser: import('playwright-core').Browser, outDir: string, vsix?: string }} options
 * @returns {Promise<{ title: string, state: 'passed'|'failed', durationMs: number, error?: string }[]>}
 */
export async function runJourney(journey, { browser, outDir, vsix }) {
  const results = [];
  const tmp = makeTempDir(`e2e-${journey.name}`);
  const unregister = onSignal(async () => { await server?.stop(); tmp.cleanup(); });
  const serverLog = [];
  const pageLog = [];
  let server;
  let context;
  let page;
  let current = 'starting the workbench';
  console.log(`\n${journey.name}${journey.title ? `: ${journey.title}` : ''}`);

  const saveFailure = async stepName => {
    const base = `FAILED-${slug(journey.name)}-${slug(stepName)}`;
    mkdirSync(outDir, { recursive: true });
    await page?.screenshot({ path: path.join(outDir, `${base}.png`) }).catch(() => {});
    writeFileSync(path.join(outDir, `${base}.log`), `--- browser console ---\n${pageLog.join('\n')}\n\n--- code-server ---\n${serverLog.join('')}\n\n${extensionHostLogs(path.join(tmp.dir, 'user-data'))}`);
    console.log(`      screenshot and log: ${path.relative(process.cwd(), path.join(outDir, base))}.{png,log}`);
  };

  const t = {
    page: undefined,
    wb: undefined,
    workspace: undefined,
    outDir,
    log: (...args) => console.log('      ', ...args),
    // What the extension host and the "DSOMM" output channel have logged so far (a journey waits
    // on a line there to know that the extension has handled something the UI does not show).
    extensionLog: () => extensionHostLogs(path.join(tmp.dir, 'user-data')),
    skip: reason => {
      throw new JourneySkipped(reason);
    },
    screenshot: async (name, { keepMouse = false } = {}) => {
      mkdirSync(outDir, { recursive: true });
      if (!keepMouse) {
        // Park the mouse over the editor area so hover tooltips do not cover the side bar, and let
        // an open hover close (a screenshot with one is still taken: it only looks worse).
        await page.mouse.move(1000, 700);
        await page.locator('.monaco-hover:visible, .workbench-hover-container:visible').first().waitFor({ state: 'hidden', timeout: 5_000 }).catch(() => {});
      }
      await page.screenshot({ path: path.join(outDir, `${name}.png`) });
    },
    step: async (name, fn) => {
      current = name;
      const started = Date.now();
      try {
        await fn();
      } catch (e) {
        const durationMs = Date.now() - started;
        results.push({ title: `${journey.name} › ${name}`, state: 'failed', durationMs, error: firstLines(e) });
        console.log(`  ✘ ${name} (${durationMs} ms)\n${firstLines(e).split('\n').map(l => `      ${l}`).join('\n')}`);
        await saveFailure(name);
        throw new StepFailed(name);
      }
      const durationMs = Date.now() - started;
      results.push({ title: `${journey.name} › ${name}`, state: 'passed', durationMs });
      console.log(`  ✔ ${name} (${durationMs} ms)`);
      current = `journey code after "${name}"`;
    },
  };

  try {
    t.workspace = copyDemoWorkspace(tmp.dir);
    // prepareWorkspace may return { workspaceFile }: the window then opens that multi-root workspace.
    const prepared = await journey.prepareWorkspace?.(t.workspace);
    if (vsix) {
      // The packaged extension, installed as a user would; no development path in the URL.
      installExtension(vsix, { dataDir: tmp.dir });
    }
    server = await startCodeServer({ dataDir: tmp.dir, settings: journey.settings, onLog: s => serverLog.push(s) });
    context = await browser.newContext({ viewport: { width: 1400, height: 900 } });
    page = await context.newPage();
    page.setDefaultTimeout(Number(process.env.E2E_TIMEOUT_MS || 60_000));
    page.on('console', m => pageLog.push(`${clock()} [${m.type()}] ${m.text()}`));
    page.on('pageerror', e => pageLog.push(`${clock()} [pageerror] ${e.message}`));
    const jitterMs = Number(process.env.E2E_TIMER_JITTER_MS || 0);
    if (jitterMs > 0) await page.addInitScript(delayEverySecondZeroTimer, jitterMs);
    // Not waiting for "load" (all of the workbench's scripts and styles: long on a busy machine):
    // journeys wait for what they need (wb.waitUntilReady() and the rows, buttons, hovers they use).
    await page.goto(workbenchUrl({ ...server, folder: t.workspace, workspace: prepared?.workspaceFile, extensionDevelopmentPath: vsix ? undefined : ROOT }), { waitUntil: 'commit' });
    t.page = page;
    t.wb = new Workbench(page);
    await journey.run(t);
  } catch (e) {
    if (e instanceof JourneySkipped) {
      results.push({ title: `${journey.name} › skipped: ${e.message}`, state: 'skipped' });
      console.log(`  - skipped: ${e.message}`);
    } else if (!(e instanceof StepFailed)) {
      // Setup or journey code outside a step failed: record it as a failed check of its own.
      results.push({ title: `${journey.name} › ${current}`, state: 'failed', error: firstLines(e) });
      console.log(`  ✘ ${current} (outside a step)\n${firstLines(e).split('\n').map(l => `      ${l}`).join('\n')}`);
      await saveFailure(current);
    }
  } finally {
    await context?.close().catch(() => {});
    await server?.stop();
    tmp.cleanup();
    unregister();
  }
  return results;
}
