// Journey: a multi-root workspace gets one assessment per folder. The tree has a node per folder;
// marking an activity in the second folder writes that folder's progress file only, and that
// folder's dashboard exports that folder's report.
import assert from 'node:assert/strict';
import { cpSync, existsSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_RESULT_MS, waitUntil } from '../lib/wait.mjs';
import { webviewFrame } from '../lib/webview.mjs';

export const title = 'multi-root workspace: one tree node and one progress file per folder';

const CONTAINER_TITLE = 'DSOMM';
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
const ACTIVITY = { dimension: 'Build and Deployment', sub: 'Deployment', name: 'Inventory of production components', uuid: '2a44b708-734f-4463-b0cb-86dc46344b2f' };


/** The demo workspace and a small service folder next to it, in one .code-workspace. */
export function prepareWorkspace(dir) {
  const parent = path.dirname(dir);
  const second = path.join(parent, 'payments-service');
  cpSync(path.join(dir, '.github'), path.join(second, '.github'), { recursive: true });
  const workspaceFile = path.join(parent, 'two.code-workspace');
  writeFileSync(workspaceFile, JSON.stringify({ folders: [{ path: dir }, { path: second }] }));
  return { workspaceFile };
}

export default async function (t) {
  const { wb, page } = t;
  let counts;
  const second = path.join(path.dirname(t.workspace), 'payments-service');

  await t.step('the workspace opens with both folders as top-level tree nodes, each with its counts', async () => {
    await wb.waitUntilReady();
    // code-server now and then reads the .code-workspace file too early, gets "Canceled", and
    // opens the workspace without folders: load the window again then.
    const ready = page.locator('.statusbar-item', { hasText: /DSOMM L1/ }).first();
    const noFolder = page.getByText('You have not yet added a folder to the workspace');
    for (let attempt = 1; ; attempt++) {
      await ready.or(noFolder).first().waitFor({ timeout: FIRST_RESULT_MS });
      if (await ready.isVisible()) break;
      assert.ok(attempt < 6, 'code-server opened the workspace without its folders six times');
      t.log('the workspace opened without folders; loading it again');
      await page.waitForTimeout(1000 * attempt);
      await page.reload();
      await wb.waitUntilReady();
    }
    await wb.openViewContainer(CONTAINER_TITLE);
    await wb.treeItem('payments-service').waitFor();
    const top = (await wb.treeItems()).filter(i => i.level === 1);
    t.log('top level:', top.map(i => `${i.label} (${i.description})`).join(' | '));
    assert.deepEqual(top.map(i => i.label), ['demo-workspace', 'payments-service']);
    assert.ok(top.every(i => /^\d+\/194 · L1–5$/.test(i.description ?? '')), 'each folder counts all 194 activities, levels 1–5');
    // Each folder lists its five dimensions, collapsed (rows that start expanded under sibling folder
    // nodes let VS Code hand one folder the children of another: see src/extension/activityTree.ts).
    const dims = await wb.childrenOf('payments-service');
    assert.deepEqual(dims.map(i => [i.label, i.expanded]), DIMENSIONS.map(d => [d, false]));
    counts = Object.fromEntries(top.map(i => [i.label, Number(i.description.split('/')[0])]));
  });

  await t.step(`marking "${ACTIVITY.name}" in payments-service writes only that folder's progress file`, async () => {
    await wb.collapse('demo-workspace');
    await wb.expand('payments-service');
    await wb.expand(ACTIVITY.dimension);
    await wb.expand(ACTIVITY.sub);
    // No team is set: the first record asks, offering the folder's name, and saves it for that folder.
    await wb.contextMenu(ACTIVITY.name, 'Mark Activity Done', { expect: page.locator('.quick-input-widget', { hasText: 'Record this for which team?' }) });
    await page.keyboard.press('Enter');
    const file = path.join(second, '.dsomm', 'team-progress.yaml');
    const text = await waitUntil('the progress file of payments-service', () => existsSync(file) && readFileSync(file, 'utf8'));
    // The team is the one confirmed in the prompt (the folder's name).
    assert.match(text, new RegExp(`  ${ACTIVITY.uuid}: # ${ACTIVITY.name}\\n    payments-service:\\n      Started: `));
    assert.equal(existsSync(path.join(t.workspace, '.dsomm', 'team-progress.yaml')), false, 'the other folder is untouched');
    await waitUntil('the row to say Fully implemented', async () =>
      (await wb.treeItems()).some(i => i.label === ACTIVITY.name && /^done/.test(i.description ?? '')));
    // Only that folder's count moves: the assessments are separate.
    const top = (await wb.treeItems()).filter(i => i.level === 1);
    const now = Object.fromEntries(top.map(i => [i.label, Number(i.description.split('/')[0])]));
    assert.deepEqual(now, { 'demo-workspace': counts['demo-workspace'], 'payments-service': counts['payments-service'] + 1 });
    await t.screenshot('04-progress-multiroot');
  });

  await t.step('"Open Maturity Dashboard" on a folder node shows that folder\'s dashboard', async () => {
    const tab = page.locator('.tabs-container .tab', { hasText: 'DSOMM Maturity: payments-service' });
    await wb.contextMenu('payments-service', 'Open Maturity Dashboard', { expect: tab.first() });
    await t.screenshot('04-progress-multiroot-dashboard');
  });

  await t.step('"Export Markdown" on payments-service\'s dashboard saves payments-service\'s report', async () => {
    const dashboard = await webviewFrame(page, 'h1', 'DevSecOps maturity');
    await dashboard.locator('button', { hasText: 'Export Markdown' }).click();
    // code-server's save dialog is a quick input holding the proposed path.
    const input = page.locator('.quick-input-widget input');
    const proposed = path.join(second, 'dsomm-report.md');
    await waitUntil('the save dialog to propose payments-service/dsomm-report.md', async () => (await input.inputValue().catch(() => '')).endsWith(proposed));
    await page.keyboard.press('Enter');
    const report = await waitUntil('the report in payments-service', () => existsSync(proposed) && readFileSync(proposed, 'utf8'));
    // The activity marked done in payments-service only: the report is that folder's.
    assert.match(report, new RegExp(`\\| ${ACTIVITY.name} \\| [^\\n]*Fully implemented`));
    assert.equal(existsSync(path.join(t.workspace, 'dsomm-report.md')), false, 'nothing is written into the first folder');
  });
}
