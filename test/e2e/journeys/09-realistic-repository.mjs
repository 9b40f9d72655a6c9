// Journey: a new user opens a repository shaped like a real open-source web application
// (test/fixtures/realistic-webapp: five GitHub workflows, GitLab's Auto DevOps template, a
// Dockerfile, no Kubernetes) with target level 2, and checks what issue 16 found wrong there:
// - no activity is "not applicable" unless the team said so (no Kubernetes files is no reason);
// - the lightbulb menus stay short (at most 8 entries) and offer fixes before the secondary actions;
// - each file carries at most one diagnostic that sums up what is missing at the target level;
// - the editor gives every activity the same status as `dsomm scan` on the same folder.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/harness.mjs';
import { Editor } from '../lib/editor.mjs';
import { FIRST_RESULT_MS, waitUntil } from '../lib/wait.mjs';

export const title = 'a realistic repository (workflows, GitLab Auto DevOps, Dockerfile, no Kubernetes) at level 2: honest statuses, short menus, one summary per file, the CLI\'s statuses';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'realistic-webapp');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const TARGET_LEVEL = 2;
const REPORT = 'dsomm-report.json';
// The files and the lines whose lightbulb a user opens first: the pipeline's top key (where the
// summary of missing activities sits), a step with a weak-control notice, the GitLab include, the
// Dockerfile's first FROM.
const MENUS = [
  { file: '.github/workflows/ci.yml', line: 'jobs:', word: 'jobs' },
  { file: '.github/workflows/ci.yml', line: '- uses: actions/checkout@v4', word: 'checkout' },
  { file: '.github/workflows/release.yml', line: 'jobs:', word: 'jobs' },
  { file: '.gitlab-ci.yml', line: '- template: Auto-DevOps.gitlab-ci.yml', word: 'template' },
  { file: 'Dockerfile', line: 'FROM node:20-alpine AS build', word: 'FROM' },
];
const MAX_MENU_ENTRIES = 8;
/** Lightbulb entries that are not fixes: they come after the fixes. */
const SECONDARY = /^(Ignore|Mark |Open (activity )?details|Show |Learn more|Configure)/;
/** A DSOMM diagnostic about activities missing (or partly in place) at the target level. */
const MISSING_SUMMARY = /missing|partly in place/i;

export function prepareWorkspace(dir) {
  // The runner copied the demo workspace here: replace it with the realistic repository.
  for (const name of readdirSync(dir)) rmSync(path.join(dir, name), { recursive: true, force: true });
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'dsomm.targetLevel': TARGET_LEVEL }, null, 2));
}

/** `dsomm scan --format json` on the folder: uuid → status, probe id → result. */
function cliAssessment(folder) {
  const r = spawnSync(process.execPath, [CLI, 'scan', folder, '--format', 'json', '--level', String(TARGET_LEVEL)], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  assert.equal(r.status, 0, `dsomm scan failed: ${r.stderr}`);
  return statusesOf(JSON.parse(r.stdout));
}

function statusesOf(report) {
  return {
    activities: Object.fromEntries(report.activities.map(a => [`${a.name} (${a.uuid})`, a.status])),
    probes: Object.fromEntries(report.probes.map(p => [p.id, p.result])),
  };
}

export default async function (t) {
  const { wb, page } = t;
  const editor = new Editor(page);

  await t.step('the tree fills for the repository and the status bar counts levels 1–2', async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer('DSOMM');
    await wb.treeItem('Build and Deployment').waitFor({ timeout: FIRST_RESULT_MS });
    await page.locator('.statusbar-item', { hasText: /DSOMM L1–2 · \d+\/\d+/ }).first().waitFor({ timeout: FIRST_RESULT_MS });
    const top = (await wb.treeItems()).filter(i => i.level === 1);
    t.log('top level:', top.map(i => `${i.label} (${i.description})`).join(' | '));
    await t.screenshot('09-realistic-tree');
  });

  await t.step('no activity is "not applicable" without a team decision (no Kubernetes files is no reason)', async () => {
    await wb.runCommand('DSOMM: Filter by Status');
    const row = page.locator('.quick-input-list .monaco-list-row', { hasText: /^\s*not applicable/ }).first();
    await row.waitFor();
    t.log('status counts offered:', (await page.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(s => s.replace(/\s+/g, ' ')).join(' | '));
    await row.click();
    await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor();
    await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
    // Nothing is N/A: the welcome view explains the empty tree.
    await wb.sidebar.getByText('No activity has the statuses you picked.').waitFor({ timeout: 20_000 }).catch(async () => {
      const rows = (await wb.treeItems()).filter(i => /^L\d/.test(i.summary ?? '')).map(i => `${i.label} (${i.summary})`);
      throw new Error(`activities shown as not applicable without a decision: ${rows.join(', ')}`);
    });
    await wb.runCommand('DSOMM: Show All Statuses');
    await wb.treeItem('Build and Deployment').waitFor();
    // The deployment strategies apply to a PaaS deployment too: the team decides.
    await wb.expand('Build and Deployment');
    await wb.expand('Deployment');
    await wb.waitForRow('Rolling update on deployment', /^L3 · undecided$/);
    await t.screenshot('09-realistic-deployment');
    await wb.collapse('Build and Deployment');
  });

  await t.step(`each file has at most one summary diagnostic for what is missing at level ${TARGET_LEVEL}`, async () => {
    const files = ['.github/workflows/ci.yml', '.github/workflows/docker.yml', '.github/workflows/release.yml', '.github/workflows/stale.yml', '.github/workflows/lock.yml', '.gitlab-ci.yml', 'Dockerfile'];
    // Diagnostics appear once the assessment is there; the main pipeline always misses something at level 2.
    await waitUntil('DSOMM diagnostics in the Problems panel', async () => (await editor.problems()).some(r => /DSOMM/.test(r)), FIRST_RESULT_MS);
    let summaries = 0;
    for (const file of files) {
      const markers = (await editor.problemsOf(file)).filter(m => /DSOMM/.test(m));
      const missing = markers.filter(m => MISSING_SUMMARY.test(m));
      t.log(`${file}: ${markers.length} DSOMM diagnostics, ${missing.length} about missing activities`);
      assert.ok(missing.length <= 1, `${file} has ${missing.length} diagnostics about missing activities:\n${missing.join('\n')}`);
      summaries += missing.length;
    }
    assert.ok(summaries >= 1, 'no diagnostic says what is missing at the target level');
    await t.screenshot('09-realistic-problems');
  });

  for (const menu of MENUS) {
    await t.step(`the lightbulb on "${menu.line}" in ${menu.file} has at most ${MAX_MENU_ENTRIES} entries, fixes first`, async () => {
      await editor.openFile(menu.file);
      const entries = await editor.quickFixes(menu.line, menu.word);
      t.log(`${entries.length} entries:`, entries.join(' | '));
      assert.ok(entries.length <= MAX_MENU_ENTRIES, `${entries.length} entries: ${entries.join(' | ')}`);
      const fixes = entries.filter(e => !SECONDARY.test(e));
      if (fixes.length) assert.ok(!SECONDARY.test(entries[0]), `the first entry is "${entries[0]}", not a fix`);
      const unique = new Set(entries);
      assert.equal(unique.size, entries.length, `an entry appears twice: ${entries.join(' | ')}`);
      if (menu === MENUS[0]) await t.screenshot('09-realistic-lightbulb', { keepMouse: true });
      await page.keyboard.press('Escape');
    });
  }

  await t.step('the editor gives every activity and probe the same result as `dsomm scan` on the folder', async () => {
    // Export the editor's own assessment as JSON (the save dialog proposes the workspace folder).
    await wb.runCommand('DSOMM: Export Report');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: 'JSON' }).first().click();
    const target = path.join(t.workspace, REPORT);
    const dialogInput = page.locator('.quick-input-widget input');
    await waitUntil('the save dialog to propose dsomm-report.json', async () => (await dialogInput.inputValue().catch(() => '')).endsWith(REPORT));
    await page.keyboard.press('Enter');
    const saved = await waitUntil('the exported report', () => existsSync(target) && readFileSync(target, 'utf8'), 60_000);
    const editorSide = statusesOf(JSON.parse(saved));
    rmSync(target);
    const cliSide = cliAssessment(t.workspace);
    const differ = Object.keys({ ...cliSide.activities, ...editorSide.activities })
      .filter(k => cliSide.activities[k] !== editorSide.activities[k])
      .map(k => `${k}: CLI ${cliSide.activities[k]}, editor ${editorSide.activities[k]}`);
    t.log(`${Object.keys(cliSide.activities).length} activities compared`);
    assert.deepEqual(differ, [], 'activity statuses differ between the CLI and the editor');
    assert.deepEqual(editorSide.probes, cliSide.probes, 'probe results differ between the CLI and the editor');
    assert.ok(!Object.values(cliSide.activities).includes('not-applicable'), 'the CLI reports "not applicable" nobody decided');
  });
}
