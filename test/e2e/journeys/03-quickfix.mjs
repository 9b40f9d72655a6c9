// Journey: in a small repository without secret scanning, the developer applies the
// "Add a secret scan (Gitleaks)" quick fix from the lightbulb menu on the workflow, saves, and
// sees the diagnostic go away and the activity turn detected in the side bar, without a reload.
import assert from 'node:assert/strict';
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { Editor } from '../lib/editor.mjs';

export const title = 'apply the add-secret-scanning quick fix to a GitHub workflow';

const WORKFLOW = '.github/workflows/ci.yml';
const ACTIVITY = 'Test for stored secrets in code'; // DSOMM level 1, Test and Verification
const FIX = `Add a secret scan (Gitleaks) to ${WORKFLOW}`;

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

  await t.step('the Problems panel reports the missing secret scan on the workflow', async () => {
    await editor.openFile(WORKFLOW);
    const rows = await editor.waitForProblem(new RegExp(`"${ACTIVITY}" is missing`));
    t.log(rows.filter(r => /DSOMM/.test(r)).slice(0, 3).join('\n       '));
  });

  await t.step(`the lightbulb menu on \`jobs:\` offers "${FIX}"`, async () => {
    const entries = await editor.quickFixes('jobs:', 'jobs');
    t.log('quick fixes:', entries.join(' | '));
    assert.ok(entries.some(e => e.includes(FIX)), JSON.stringify(entries));
    assert.ok(entries.some(e => e.startsWith(`Mark "${ACTIVITY}" not applicable`)), JSON.stringify(entries));
    assert.ok(entries.some(e => e.startsWith('Open activity details')), JSON.stringify(entries));
    await t.screenshot('03-quickfix-menu', { keepMouse: true });
  });

  await t.step('choosing it inserts a Gitleaks job into the workflow', async () => {
    await editor.chooseQuickFix(FIX);
    await editor.line('gitleaks').waitFor();
    await editor.save();
    let after = readFileSync(file, 'utf8');
    for (const deadline = Date.now() + 10_000; after === before && Date.now() < deadline; after = readFileSync(file, 'utf8')) {
      await t.page.waitForTimeout(200);
    }
    assert.notEqual(after, before, 'the file on disk did not change');
    assert.ok(after.startsWith(before.trimEnd()), 'the existing text was changed, not only added to');
    assert.match(after, /gitleaks/i);
    t.log('inserted:', after.slice(before.trimEnd().length).trim().split('\n').slice(0, 3).join(' | '));
    await t.screenshot('03-quickfix-applied');
  });

  await t.step('the diagnostic disappears and the tree shows the activity detected, without a reload', async () => {
    await editor.waitForProblem(new RegExp(`"${ACTIVITY}" is missing`), { gone: true });
    await wb.openViewContainer('DSOMM');
    await wb.waitForRow(ACTIVITY, /^L1 · detected$/);
    await t.screenshot('03-quickfix-detected');
  });
}
