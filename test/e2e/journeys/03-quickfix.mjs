// Journey: in a small repository without secret scanning, the developer opens the lightbulb on the
// workflow's summary of missing activities: fixes first, at most 8 entries, and one "DSOMM: more
// actions…" entry whose pick list marks an activity not applicable or opens its details. They
// apply the "Add a secret scan (Gitleaks)" quick fix, save, and see the activity leave the summary
// and turn detected in the side bar, without a reload.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Editor } from '../lib/editor.mjs';
import { waitUntil } from '../lib/wait.mjs';

export const title = 'apply the add-secret-scanning quick fix to a GitHub workflow';

const WORKFLOW = '.github/workflows/ci.yml';
const ACTIVITY = 'Test for stored secrets in code'; // DSOMM level 1, Test and Verification
const FIX = `Add a secret scan (Gitleaks) to ${WORKFLOW}`;
const MORE = 'DSOMM: more actions…';
// The summary names the activity (several missing), or is its sentence (only one missing).
const NAMED = new RegExp(`${ACTIVITY}( \\(L1|" is missing)`);

const FILES = {
  [WORKFLOW]: [
    'name: CI',
    '',
    'on:',
    '  push:',
    '    branches: [main]',
    '  pull_request:',
    '',
    'permissions:',
    '  contents: read',
    '',
    '# Build and unit tests; security scans are still to come.',
    'jobs:',
    '  test:',
    '    runs-on: ubuntu-latest',
    '    steps:',
    '      - uses: actions/checkout@11bd71901bbe5b1630ceea73d27597364c9af683 # v4.2.2',
    '        with:',
    '          persist-credentials: false',
    '      - uses: actions/setup-node@39370e3970a6d050c480ffad4ff0ed4d3fdee5af # v4.1.0',
    '        with:',
    '          node-version: 20',
    '      - run: npm ci',
    '      - run: npm test',
    '',
  ].join('\n'),
  'package.json': '{\n  "name": "shop",\n  "version": "1.0.0",\n  "scripts": { "test": "node --test" }\n}\n',
  'package-lock.json': '{\n  "name": "shop",\n  "version": "1.0.0",\n  "lockfileVersion": 3,\n  "packages": {}\n}\n',
};

/** Replaces the demo copy with a small repository that has no secret scanning. */
export function prepareWorkspace(dir) {
  for (const f of readdirSync(dir)) rmSync(path.join(dir, f), { recursive: true, force: true });
  for (const [rel, content] of Object.entries(FILES)) {
    mkdirSync(path.dirname(path.join(dir, rel)), { recursive: true });
    writeFileSync(path.join(dir, rel), content);
  }
}

export default async function (t) {
  const { wb } = t;
  const editor = new Editor(t.page);
  const file = path.join(t.workspace, WORKFLOW);
  const before = readFileSync(file, 'utf8');

  await t.step(`the side bar shows "${ACTIVITY}" as missing`, async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer('DSOMM');
    await wb.treeItem('Test and Verification').waitFor();
    await wb.expand('Test and Verification');
    const activities = await wb.expand('Static depth for infrastructure');
    const row = activities.find(a => a.label === ACTIVITY);
    assert.ok(row, `"${ACTIVITY}" not listed: ${JSON.stringify(activities.map(a => a.label))}`);
    await wb.waitForRow(ACTIVITY, /^L1 · missing$/);
  });

  await t.step('the Problems panel reports the missing secret scan on the workflow, in one summary', async () => {
    await editor.openFile(WORKFLOW);
    const rows = await editor.waitForProblem(NAMED);
    t.log(rows.filter(r => /DSOMM/.test(r)).slice(0, 3).join('\n       '));
    const markers = await editor.problemsOf(WORKFLOW);
    assert.equal(markers.filter(m => /missing-activities/.test(m)).length, 1, `one summary: ${JSON.stringify(markers)}`);
  });

  await t.step(`the lightbulb menu on \`jobs:\` leads with fixes, offers "${FIX}", and ends with "${MORE}"`, async () => {
    const entries = await editor.quickFixes('jobs:', 'jobs');
    t.log('quick fixes:', entries.join(' | '));
    assert.ok(entries.some(e => e.includes(FIX)), JSON.stringify(entries));
    assert.ok(entries.length <= 8, `${entries.length} entries: ${JSON.stringify(entries)}`);
    assert.ok(!/^(Ignore|Mark|Open activity details)/.test(entries[0]), `first entry: ${entries[0]}`);
    assert.ok(entries[entries.length - 1].startsWith(MORE), JSON.stringify(entries));
    assert.ok(!entries.some(e => /^(Ignore|Mark ")/.test(e)), `secondary actions are grouped: ${JSON.stringify(entries)}`);
    await t.screenshot('03-quickfix-menu', { keepMouse: true });
  });

  await t.step(`"${MORE}" opens a pick list to mark the activity not applicable or open its details`, async () => {
    await editor.chooseQuickFix(MORE);
    const picker = t.page.locator('.quick-input-widget');
    await picker.locator('.quick-input-list .monaco-list-row', { hasText: `Mark "${ACTIVITY}" not applicable` }).first().waitFor();
    const rows = (await picker.locator('.quick-input-list .monaco-list-row').allInnerTexts()).map(r => r.replace(/\s+/g, ' ').trim());
    t.log('more actions:', rows.slice(0, 6).join(' | '));
    assert.ok(rows.some(r => r.includes(`Open activity details: ${ACTIVITY}`)), JSON.stringify(rows));
    assert.ok(rows.some(r => /^Ignore /.test(r)), JSON.stringify(rows));
    await t.screenshot('03-quickfix-more-actions');
    await t.page.keyboard.press('Escape');
    await picker.waitFor({ state: 'hidden' });
    await editor.quickFixes('jobs:', 'jobs');
  });

  await t.step('choosing it inserts a Gitleaks job into the workflow', async () => {
    await editor.chooseQuickFix(FIX);
    await editor.line('gitleaks').waitFor();
    await editor.save();
    // The workbench truncates the file and then writes it: a read in between sees it empty (that
    // happened on a busy machine). Wait for the saved text, which holds the new job.
    const after = await waitUntil('the saved workflow with the Gitleaks job', () => {
      const text = readFileSync(file, 'utf8');
      return /gitleaks/i.test(text) && text;
    }, 30_000);
    assert.ok(after.startsWith(before.trimEnd()), 'the existing text was changed, not only added to');
    assert.match(after, /gitleaks/i);
    t.log('inserted:', after.slice(before.trimEnd().length).trim().split('\n').slice(0, 3).join(' | '));
    await t.screenshot('03-quickfix-applied');
  });

  await t.step('the diagnostic disappears and the tree shows the activity detected, without a reload', async () => {
    await editor.waitForProblem(NAMED, { gone: true });
    await wb.openViewContainer('DSOMM');
    await wb.waitForRow(ACTIVITY, /^L1 · detected$/);
    await t.screenshot('03-quickfix-detected');
  });
}
