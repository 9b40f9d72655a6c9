#!/usr/bin/env node
// The "package" test layer: builds the .vsix as `npm run package` does, checks its content,
// then runs the e2e journeys against it installed into code-server (E2E_VSIX: the workbench gets
// no development path, so the installed copy is what runs). Leaves a production build in dist/.
//
//   node scripts/test-package.mjs        prints each check and `N passed, N failed`
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { makeTempDir, printResults, ROOT, seconds, writeLayerSummary } from './harness.mjs';
import { buildPackage, MAX_VSIX_BYTES } from './package.mjs';

const t0 = Date.now();
const tmp = makeTempDir('package');
const tests = [];
const check = (title, error) => tests.push({ title, state: error ? 'failed' : 'passed', ...(error ? { error } : {}) });

let vsix;
try {
  const r = await buildPackage(path.join(tmp.dir, 'dsomm-vscode.vsix'));
  vsix = r.vsix;
  console.log(`package: ${r.size} bytes, ${r.files.length} files: ${r.files.join(', ')}`);
  check(`the .vsix holds only dist/, media/, model/, README, LICENSE, CHANGELOG (${r.files.length} files)`, r.problems.filter((p) => /belong|missing/.test(p)).join('\n'));
  check('the bundle is minified and ships no source maps', r.problems.filter((p) => /minified|source map/.test(p)).join('\n'));
  check(`the .vsix is at most ${MAX_VSIX_BYTES / 1024} KiB (${(r.size / 1024).toFixed(0)} KiB)`, r.problems.filter((p) => /limit/.test(p)).join('\n'));
  check('marketplace metadata is complete', r.problems.filter((p) => /package\.json|engines/.test(p)).join('\n'));
} catch (e) {
  check('npm run package builds a .vsix', String(e?.stack ?? e));
}

if (vsix && existsSync(vsix)) {
  // The e2e journeys, with the package installed instead of the development path.
  const summaryFile = path.join(tmp.dir, 'e2e.json');
  const code = await new Promise((resolve) => {
    const child = spawn(process.execPath, [path.join(ROOT, 'test', 'e2e', 'ui.mjs')], {
      cwd: ROOT,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, E2E_VSIX: vsix, E2E_OUT: process.env.E2E_OUT ?? path.join(ROOT, 'test', 'e2e', 'out', 'package'), DSOMM_LAYER_SUMMARY: summaryFile },
    });
    child.once('error', () => resolve(1));
    child.once('exit', (c) => resolve(c ?? 1));
  });
  if (existsSync(summaryFile)) {
    const s = JSON.parse(readFileSync(summaryFile, 'utf8'));
    for (const t of s.tests ?? []) tests.push({ ...t, title: `installed .vsix › ${t.title}` });
    if (code !== 0 && !s.failed) check('installed .vsix › e2e exit code', `exit code ${code}`);
  } else {
    check('installed .vsix › e2e journeys ran', `no results (exit code ${code})`);
  }
}
tmp.cleanup();

const passed = tests.filter((t) => t.state === 'passed').length;
const failed = tests.filter((t) => t.state === 'failed').length;
console.log(`\npackage checks (${seconds(Date.now() - t0)}):`);
printResults(tests);
writeLayerSummary({ passed, failed, tests });
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
