// Journey: a team records what the files cannot show. From the tree's context menu it marks one
// activity done and another not applicable (with a reason); the DSOMM progress file and its
// companion are written, tree and status bar update, and everything is still there after a reload.
import assert from 'node:assert/strict';
import { appendFileSync, existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { FIRST_RESULT_MS, waitUntil } from '../lib/wait.mjs';

export const title = 'mark activities done / not applicable from the tree; saved in the DSOMM progress file';

const CONTAINER_TITLE = 'DSOMM';
const DIMENSION = 'Build and Deployment';
// Level-1 activities the demo workspace's files cannot show ("needs your decision").
const DONE = { sub: 'Deployment', name: 'Inventory of production components', uuid: '2a44b708-734f-4463-b0cb-86dc46344b2f' };
const NOT_APPLICABLE = { sub: 'Patch Management', name: 'A patch policy is defined', uuid: '99415139-6b50-441b-89e1-0aa59accd43d' };
const PALETTE = { name: 'Defined decommissioning process', uuid: 'da4ff665-dcb9-4e93-9d20-48cdedc50fc2' };
const REASON = 'Patching is owned by the platform team (see their runbook).';
const TEAM = 'demo-workspace'; // no team is set: the first record asks, offering the folder's name


export default async function (t) {
  const { wb, page } = t;
  const progressFile = path.join(t.workspace, '.dsomm', 'team-progress.yaml');
  const settingsFile = path.join(t.workspace, '.vscode', 'settings.json');
  const evidenceFile = path.join(t.workspace, '.dsomm', 'team-evidence.yaml');
  const statusItem = () => page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/26/ }).first();
  const statusCount = async () => Number(/· (\d+)\/26/.exec(await statusItem().innerText())[1]);
  // What the row says: its level badge and its status word ("L1 · undecided").
  const description = async label => (await wb.treeItems()).find(i => i.label === label)?.summary ?? '';

  /** Right-clicks a tree row and picks `entry` from its context menu; `expect` shows when it ran on the row. */
  const contextMenu = (label, entry, expect) => wb.contextMenu(label, entry, { expect });
  const teamQuestion = page.locator('.quick-input-widget', { hasText: 'Record this for which team?' });
  const reasonBox = page.locator('.quick-input-widget', { hasText: /not apply to your team/ });

  const openTree = async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer(CONTAINER_TITLE);
    await wb.treeItem(DIMENSION).waitFor({ timeout: FIRST_RESULT_MS });
    for (const sub of [DONE.sub, NOT_APPLICABLE.sub]) await wb.expand(sub);
  };

  /** Drags the side bar's edge so the rows' descriptions fit (for the screenshots). */
  const widenSidebar = async () => {
    const box = await wb.sidebar.boundingBox();
    const edge = { x: box.x + box.width, y: box.y + box.height / 2 };
    await page.mouse.move(edge.x + 1, edge.y);
    await page.mouse.down();
    await page.mouse.move(edge.x + 260, edge.y, { steps: 8 });
    await page.mouse.up();
  };

  let before;
  await t.step('the tree shows the activities the files cannot show as "needs your decision"', async () => {
    await openTree();
    await wb.waitForRow(DONE.name, /^L1 · undecided$/);
    await wb.waitForRow(NOT_APPLICABLE.name, /^L1 · undecided$/);
    await statusItem().waitFor({ timeout: FIRST_RESULT_MS });
    before = await statusCount();
    t.log('status bar before:', await statusItem().innerText());
    assert.equal(existsSync(progressFile), false, 'the demo workspace starts without a progress file');
  });

  await t.step(`context menu › Mark Activity Not Applicable… on "${NOT_APPLICABLE.name}", with a reason; the team is asked once and saved without re-indexing`, async () => {
    // The first record writes the team to .vscode/settings.json, a folder the workspace did not
    // have: the view must not show "Indexing…" for it (it once rebuilt the whole index). Every text
    // the side bar shows from here on is watched until the extension has handled that write.
    assert.equal(existsSync(settingsFile), false, 'the demo workspace starts without .vscode/settings.json');
    await page.evaluate(() => {
      const bar = document.querySelector('#workbench\\.parts\\.sidebar');
      window.__dsommIndexingSeen = [];
      const INDEXING = /(Indexing \d+ files?…|Looking for pipeline and container files…)/;
      const note = (text) => {
        const m = INDEXING.exec(text ?? '');
        if (m) window.__dsommIndexingSeen.push(m[1]);
      };
      // What is on screen now, and what was added in between (a message shown and gone again
      // before this callback ran is still in the records).
      const look = (records = []) => {
        for (const r of records) {
          if (r.type === 'characterData') note(r.target.data);
          for (const n of r.addedNodes ?? []) note(n.textContent);
        }
        note(bar.innerText);
      };
      window.__dsommIndexingWatch = new MutationObserver(look);
      window.__dsommIndexingWatch.observe(bar, { subtree: true, childList: true, characterData: true, attributes: true });
      look();
    });
    await contextMenu(NOT_APPLICABLE.name, 'Mark Activity Not Applicable', reasonBox);
    const input = page.locator('.quick-input-widget input');
    // An empty reason is refused with a message.
    await input.fill(' ');
    await page.locator('.quick-input-widget', { hasText: 'A reason is needed' }).waitFor();
    await input.fill(REASON);
    await page.keyboard.press('Enter');
    // Nothing names the team yet (no setting, no .dsomm/meta.yaml, no progress file): it is asked once.
    await teamQuestion.waitFor();
    assert.equal(await input.inputValue(), TEAM);
    await page.keyboard.press('Enter');
    await waitUntil('the row to say N/A', async () => /^L1 · N\/A$/.test(await description(NOT_APPLICABLE.name)));
    await waitUntil('the team in .vscode/settings.json', () => existsSync(settingsFile) && JSON.parse(readFileSync(settingsFile, 'utf8'))['dsomm.team'] === TEAM);
    // Watcher events are handled in order: once a later edit of a pipeline file is in the log, the
    // events of the settings write have been handled too.
    const logged = () => (t.extensionLog().match(/Updated after changes to \.github\/workflows\/ci\.yml/g) ?? []).length;
    const before = logged();
    appendFileSync(path.join(t.workspace, '.github/workflows/ci.yml'), '# reviewed\n');
    await waitUntil('the extension to handle a pipeline edit made after the settings write', () => logged() > before);
    const seen = await page.evaluate(() => {
      window.__dsommIndexingWatch.disconnect();
      return window.__dsommIndexingSeen;
    });
    assert.deepEqual(seen, [], 'the side bar said it was indexing after the team was saved');
  });

  await t.step(`context menu › Mark Activity Done on "${DONE.name}" (the team is known now)`, async () => {
    await contextMenu(DONE.name, 'Mark Activity Done');
    await waitUntil('the row to say done', async () => /^L1 · done$/.test(await description(DONE.name)));
    assert.equal(await teamQuestion.isVisible(), false, 'the team is not asked again');
  });

  await t.step('the progress file is in the DSOMM web app format; the reason is in the companion file', async () => {
    const progress = await waitUntil('the progress file', () => existsSync(progressFile) && readFileSync(progressFile, 'utf8'));
    t.log(progress.split('\n').filter(l => l.includes(DONE.uuid) || /^\s{4,}\S/.test(l)).join(' | '));
    assert.match(progress, new RegExp(`^progress:\\n(?:.*\\n)*  ${DONE.uuid}: # ${DONE.name}\\n    ${TEAM}:\\n      Started: (\\d{4}-\\d\\d-\\d\\d)\\n      Partly implemented: \\1\\n      Fully implemented: \\1\\n`, 'm'));
    assert.ok(!progress.includes(NOT_APPLICABLE.uuid), '"not applicable" is not a DSOMM state: it stays out of the progress file');
    const evidence = readFileSync(evidenceFile, 'utf8');
    assert.match(evidence, new RegExp(`  ${NOT_APPLICABLE.uuid}: # ${NOT_APPLICABLE.name}\\n    - id: [0-9a-f-]{36}\\n      teams: \\[${TEAM}\\]\\n      title: Not applicable\\n`));
    assert.ok(evidence.includes(REASON), 'the reason is saved');
  });

  await t.step('the status bar counts both activities', async () => {
    await waitUntil('the status bar to count two more', async () => (await statusCount()) === before + 2);
    t.log('status bar after:', await statusItem().innerText());
    await widenSidebar();
    await t.screenshot('04-progress-sidebar');
  });

  await t.step('Command Palette › DSOMM: Mark Activity Done, picking the activity by name', async () => {
    await wb.runCommand('DSOMM: Mark Activity Done');
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PALETTE.name }).first().waitFor();
    await input.fill(PALETTE.name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: PALETTE.name }).first().waitFor();
    await page.keyboard.press('Enter');
    await waitUntil('the row to say done', async () => /^L2 · done$/.test(await description(PALETTE.name)));
    assert.match(readFileSync(progressFile, 'utf8'), new RegExp(`  ${PALETTE.uuid}: # ${PALETTE.name}\\n`));
  });

  await t.step('Filter by Status… shows only the picked statuses; an empty result offers "Show All Statuses"', async () => {
    const pickStatus = async label => {
      await wb.runCommand('DSOMM: Filter by Status');
      const row = page.locator('.quick-input-list .monaco-list-row', { hasText: new RegExp(`^\\s*${label}`) }).first();
      await row.waitFor();
      // A click on a row of a multi-select pick toggles its check box.
      await row.click();
      await page.locator('.quick-input-widget', { hasText: '1 Selected' }).waitFor();
      await page.locator('.quick-input-widget .monaco-button', { hasText: 'OK' }).click();
      await page.locator('.quick-input-widget').waitFor({ state: 'hidden' });
    };
    await pickStatus('done');
    await waitUntil('only done rows', async () => {
      const rows = (await wb.treeItems()).filter(i => /^L\d/.test(i.summary ?? ''));
      return rows.length > 0 && rows.every(i => /^L\d · done/.test(i.summary));
    });
    t.log('done:', (await wb.treeItems()).filter(i => /^L\d/.test(i.summary ?? '')).map(i => i.label).join(' | '));
    await wb.runCommand('DSOMM: Show All Statuses');
    // The next pick starts from the current filter: wait until the filter is really gone.
    await wb.sidebar.getByText(/^Showing only/).waitFor({ state: 'hidden' });
    // Nothing in the demo is "in progress": the welcome view explains the empty tree.
    await pickStatus('in progress');
    const welcome = wb.sidebar.getByText('No activity has the statuses you picked.');
    await welcome.waitFor();
    await t.screenshot('04-progress-empty-filter');
    await wb.sidebar.getByRole('button', { name: 'Show All Statuses' }).or(wb.sidebar.getByText('Show All Statuses')).first().click();
    await wb.treeItem(DIMENSION).waitFor();
  });

  await t.step('after reloading the window the marks are still there', async () => {
    await page.reload();
    await wb.waitUntilReady();
    // The workbench restores the open side bar by itself; clicking the icon before it has would close it again.
    await statusItem().waitFor({ timeout: FIRST_RESULT_MS });
    await openTree();
    await waitUntil('the marks after the reload', async () =>
      /^L1 · done$/.test(await description(DONE.name)) &&
      /^L1 · N\/A$/.test(await description(NOT_APPLICABLE.name)) &&
      /^L2 · done$/.test(await description(PALETTE.name)));
    await statusItem().waitFor({ timeout: FIRST_RESULT_MS });
    assert.equal(await statusCount(), before + 2);
    await t.screenshot('04-progress-after-reload');
  });
}
