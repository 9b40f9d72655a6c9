// Journey: a user opens a repository laid out like many real ones (test/fixtures/realistic-repo:
// several GitHub workflows, a GitLab pipeline with the Auto DevOps include, one Dockerfile, no
// Kubernetes) at target level 2. The side bar shows no "not applicable" the team did not decide,
// and every activity has the status `dsomm scan` prints for the same folder. The Problems panel has
// ONE summary of the missing activities per file; the busiest line's lightbulb has at most 8
// entries, fixes first; and on the release workflow, whose job pushes with the checkout's token,
// `persist-credentials: false` is not offered there (only for the other job's checkout).
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { cpSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/harness.mjs';
import { Editor } from '../lib/editor.mjs';

export const title = 'a realistic repository: no N/A without a decision, the CLI\'s statuses, one summary per file, short lightbulbs';

const FIXTURE = path.join(ROOT, 'test', 'fixtures', 'realistic-repo');
const CLI = path.join(ROOT, 'dist', 'cli.js');
const CI = '.github/workflows/ci.yml';
const RELEASE = '.github/workflows/release.yml';
const MORE = 'DSOMM: more actions…';
const MAX_ENTRIES = 8;
/** The tree's status words (src/core/view/activityTree.ts STATUS_SHORT) for the CLI's statuses. */
const WORD = { detected: 'detected', partial: 'partial', missing: 'missing', unknown: 'undecided', 'not-applicable': 'N/A', done: 'done', 'in-progress': 'in progress' };

/** Replaces the demo copy with the realistic repository, at target level 2. */
export function prepareWorkspace(dir) {
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { recursive: true, force: true });
  cpSync(FIXTURE, dir, { recursive: true });
  mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), '{\n  "dsomm.targetLevel": 2\n}\n');
}

/** The lightbulb on a line: entries, checked for the rules every line's menu keeps. */
async function lightbulb(t, editor, lineText, word) {
  // The lightbulb of the line used before may still show: click into this line and wait until it moved here.
  const { x, y } = await editor.pointAt(lineText, word);
  await t.page.mouse.click(x, y);
  const bulb = t.page.locator('.editor-group-container.active .lightBulbWidget').first();
  const deadline = Date.now() + 15_000;
  for (;;) {
    const box = await bulb.boundingBox().catch(() => null);
    // On a line whose text starts at column 1 VS Code draws the bulb on the line above.
    if (box && box.y + box.height / 2 - y < box.height && y - (box.y + box.height / 2) < 2.5 * box.height) break;
    if (Date.now() > deadline) throw new Error(`no lightbulb on the line "${lineText}" (last at ${JSON.stringify(box)}, line at y=${y})`);
    await t.page.waitForTimeout(100);
  }
  const entries = await editor.quickFixes(lineText, word);
  t.log(`lightbulb on "${lineText}" (${entries.length}):`, entries.join(' | '));
  assert.ok(entries.length <= MAX_ENTRIES, `${entries.length} entries: ${JSON.stringify(entries)}`);
  assert.equal(new Set(entries).size, entries.length, `an entry twice: ${JSON.stringify(entries)}`);
  assert.ok(!/^(Ignore|Mark|Open activity details)/.test(entries[0]), `first entry: ${entries[0]}`);
  assert.ok(entries[entries.length - 1].startsWith(MORE), `last entry: ${entries[entries.length - 1]}`);
  return entries;
}

/**
 * The Problems panel's markers of one file (rows of level 2), read with the panel's filter set to
 * the file: the filter box is filled and read back, and filled again when the workbench dropped it
 * (seen on a busy machine: the box stayed empty and every file kept its rows).
 */
async function markersOf(page, relPath) {
  const panel = page.locator('.markers-panel');
  if (!(await panel.isVisible())) {
    await page.keyboard.press('Control+Shift+M');
    await panel.waitFor();
  }
  const filter = page.locator('.markers-panel-action-filter .monaco-inputbox textarea, .markers-panel-action-filter input, .viewpane-filter textarea, .viewpane-filter input').first();
  const name = relPath.split('/').pop();
  const text = `**/${relPath}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if ((await filter.inputValue()) !== text) await filter.fill(text);
    const files = await panel.locator('.monaco-list-row[aria-level="1"]').allInnerTexts();
    if (files.length > 0 && files.every(f => f.includes(name))) break;
    // A file without problems: the filter leaves nothing, and the panel says so.
    if (files.length === 0 && (await filter.inputValue()) === text && (await panel.getByText(/No results found|No problems have been detected/).count()) > 0) return [];
    if (Date.now() > deadline) throw new Error(`the Problems filter for ${relPath} did not apply: ${JSON.stringify(files)}`);
    await page.waitForTimeout(200);
  }
  const markers = (await panel.locator('.monaco-list-row[aria-level="2"]').allInnerTexts()).map(s => s.replace(/\s+/g, ' ').trim());
  await filter.fill('');
  return markers;
}

export default async function (t) {
  const { wb, page } = t;
  const editor = new Editor(page);
  let cli;

  await t.step('`dsomm scan --format json` on the folder: no activity is "not applicable" without a decision', async () => {
    const json = execFileSync(process.execPath, [CLI, 'scan', t.workspace, '--format', 'json', '--level', '5'], { encoding: 'utf8', maxBuffer: 32 * 1024 * 1024 });
    cli = JSON.parse(json);
    const counts = {};
    for (const a of cli.activities) counts[a.status] = (counts[a.status] ?? 0) + 1;
    t.log('CLI statuses:', JSON.stringify(counts));
    assert.equal(counts['not-applicable'] ?? 0, 0, 'no N/A: the team decided nothing');
    assert.ok(counts.unknown > 0, 'activities no file can show need a decision');
  });

  await t.step('the side bar shows every activity with the status the CLI prints, and no N/A', async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer('DSOMM');
    const dimensions = [...new Set(cli.activities.map(a => a.dimension))];
    await wb.treeItem(dimensions[0]).waitFor({ timeout: 60_000 });
    const shown = new Map();
    for (const dimension of dimensions) {
      const subs = [...new Set(cli.activities.filter(a => a.dimension === dimension).map(a => a.subdimension))];
      await wb.expand(dimension);
      for (const sub of subs) {
        const want = cli.activities.filter(a => a.dimension === dimension && a.subdimension === sub);
        // The rows of a sub-dimension whose assessment has arrived: each has its status word.
        const deadline = Date.now() + 30_000;
        let rows = await wb.expand(sub);
        while (rows.filter(r => / · /.test(r.summary ?? '')).length < want.length && Date.now() < deadline) {
          await page.waitForTimeout(200);
          rows = await wb.childrenOf(sub);
        }
        for (const r of rows) shown.set(`${dimension} › ${r.label}`, (r.summary ?? '').replace(/^L\d · /, ''));
        await wb.collapse(sub);
      }
      if (dimension === 'Build and Deployment') {
        await wb.expand('Deployment');
        await t.screenshot('10-realistic-tree');
        await wb.collapse('Deployment');
      }
      await wb.collapse(dimension);
    }
    const differ = cli.activities
      .filter(a => shown.get(`${a.dimension} › ${a.name}`) !== WORD[a.status])
      .map(a => `${a.name}: editor ${JSON.stringify(shown.get(`${a.dimension} › ${a.name}`))}, CLI ${a.status}`);
    assert.deepEqual(differ, [], 'the editor and the CLI agree on every activity');
    assert.equal(shown.size, cli.activities.length, 'every activity was read from the tree');
    assert.ok(![...shown.values()].includes('N/A'), 'no N/A row');
    t.log(`${shown.size} activities compared`);
  });

  await t.step('the Problems panel has one summary of the missing activities per file', async () => {
    await editor.openFile(CI);
    await editor.waitForProblem(/missing-activities/);
    for (const file of [CI, 'Dockerfile']) {
      const markers = await markersOf(page, file);
      const summaries = markers.filter(m => /DSOMM\W*missing-activities/.test(m));
      t.log(`${file}: ${markers.length} DSOMM markers, ${summaries.length} summary:`, (summaries[0] ?? '').slice(0, 140));
      assert.equal(summaries.length, 1, `${file}: ${JSON.stringify(markers)}`);
    }
    const all = await editor.problems();
    for (const file of [RELEASE, '.github/workflows/codeql.yml', '.github/workflows/stale.yml', '.github/workflows/changelog.yml', '.gitlab-ci.yml']) {
      const markers = await markersOf(page, file);
      assert.ok(!markers.some(m => /DSOMM\W*missing-activities/.test(m)), `${file} has no summary: the main pipeline carries it`);
    }
    t.log(`${all.length} rows in the Problems panel`);
    await t.screenshot('10-realistic-problems');
  });

  await t.step(`the busiest line (\`jobs:\` of ${CI}) has at most ${MAX_ENTRIES} lightbulb entries, fixes first`, async () => {
    await editor.openFile(CI);
    const entries = await lightbulb(t, editor, 'jobs:', 'jobs');
    assert.ok(entries.some(e => e.startsWith('Create .github/dependabot.yml')), JSON.stringify(entries));
    await t.screenshot('10-realistic-lightbulb', { keepMouse: true });
    await page.keyboard.press('Escape');
  });

  await t.step('the four identical checkout findings of ci.yml are one diagnostic with a fix for all of them', async () => {
    const entries = await lightbulb(t, editor, 'uses: actions/checkout@v4', 'checkout');
    assert.ok(entries.some(e => /persist-credentials: false\): all 4 places/.test(e)), JSON.stringify(entries));
    await page.keyboard.press('Escape');
  });

  await t.step('on the release job, which pushes with the checkout\'s token, persist-credentials: false is not offered', async () => {
    await editor.openFile(RELEASE);
    const entries = await lightbulb(t, editor, 'uses: actions/checkout@v4', 'checkout');
    assert.ok(!entries.some(e => /persist-credentials: false\)(: this place)?$/.test(e)), `offered where it breaks the push: ${JSON.stringify(entries)}`);
    assert.ok(entries.some(e => /persist-credentials: false\): line 39$/.test(e)), `offered for the image job's checkout: ${JSON.stringify(entries)}`);
    await t.screenshot('10-realistic-release-lightbulb', { keepMouse: true });
    await page.keyboard.press('Escape');
  });
}
