// Small helpers shared by the test and demo scripts (integration runner, e2e runner, start, test-all).
import { cpSync, existsSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const DEMO_WORKSPACE = path.join(ROOT, 'test', 'fixtures', 'demo-workspace');

/** A fresh temp folder; removed by the returned cleanup (idempotent). */
export function makeTempDir(prefix) {
  const dir = mkdtempSync(path.join(tmpdir(), `dsomm-${prefix}-`));
  let removed = false;
  const cleanup = () => {
    if (!removed) { removed = true; rmSync(dir, { recursive: true, force: true }); }
  };
  return { dir, cleanup };
}

/**
 * Copies test/fixtures/demo-workspace to `<parent>/demo-workspace`, so tests and demos never dirty the
 * fixture. If the fixture does not exist yet, an empty folder is used and a note is printed.
 */
export function copyDemoWorkspace(parent) {
  const dest = path.join(parent, 'demo-workspace');
  if (existsSync(DEMO_WORKSPACE)) {
    cpSync(DEMO_WORKSPACE, dest, { recursive: true });
  } else {
    mkdirSync(dest, { recursive: true });
    console.log(`note: ${path.relative(ROOT, DEMO_WORKSPACE)} does not exist yet; using an empty workspace folder`);
  }
  return dest;
}

/**
 * Writes a machine-readable summary of one test layer to $DSOMM_LAYER_SUMMARY (set by test-all.mjs).
 * @param {{ passed: number, failed: number, skipped?: number, tests?: {title: string, state: string, error?: string}[] }} summary
 */
export function writeLayerSummary(summary) {
  const file = process.env.DSOMM_LAYER_SUMMARY;
  if (file) { writeFileSync(file, JSON.stringify(summary, null, 2)); }
}

/** Prints `✔ title` / `✘ title` + the first lines of the error for each result. */
export function printResults(tests, indent = '  ') {
  for (const t of tests) {
    const mark = t.state === 'passed' ? '✔' : t.state === 'failed' ? '✘' : '-';
    const ms = t.durationMs != null ? ` (${t.durationMs} ms)` : '';
    console.log(`${indent}${mark} ${t.title}${t.state === 'skipped' ? ' (skipped)' : ms}`);
    if (t.error) {
      console.log(t.error.split('\n').slice(0, 8).map(l => `${indent}    ${l}`).join('\n'));
    }
  }
}

export const seconds = ms => `${(ms / 1000).toFixed(1)} s`;

const cleanups = new Set();
let signalHandlerInstalled = false;

/**
 * Registers `cleanup` to run if the process gets SIGINT/SIGTERM (Ctrl-C), e.g. to stop a detached
 * code-server process group that would otherwise outlive us. Returns a function that unregisters it.
 */
export function onSignal(cleanup) {
  cleanups.add(cleanup);
  if (!signalHandlerInstalled) {
    signalHandlerInstalled = true;
    const handler = async sig => {
      for (const fn of [...cleanups].reverse()) {
        try { await fn(); } catch { /* keep cleaning up */ }
      }
      process.exit(sig === 'SIGINT' ? 130 : 143);
    };
    process.once('SIGINT', handler);
    process.once('SIGTERM', handler);
  }
  return () => cleanups.delete(cleanup);
}
