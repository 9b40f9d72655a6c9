// Journey: from the status bar to the maturity dashboard, into a heatmap cell, and on to the
// details of one activity. Its screenshots 05-dashboard and 05-details become the README's
// (npm run screenshots).
import assert from 'node:assert/strict';
import path from 'node:path';
import { FIRST_RESULT_MS } from '../lib/wait.mjs';
import { webviewFrame } from '../lib/webview.mjs';

export const title = 'open the maturity dashboard from the status bar, pick a heatmap cell, open an activity';


export default async function (t) {
  const { wb, page } = t;
  const cspErrors = [];
  page.on('console', (m) => {
    if (/Content Security Policy|Refused to (load|execute|apply)/i.test(m.text())) cspErrors.push(m.text());
  });
  let dashboard;
  let details;

  await t.step('the status bar shows the DSOMM target level', async () => {
    await wb.waitUntilReady();
    await page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/\d+/ }).first().waitFor({ timeout: FIRST_RESULT_MS });
  });

  await t.step('clicking the status bar item opens the dashboard with its heatmap', async () => {
    await page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/\d+/ }).first().click();
    dashboard = await webviewFrame(page, 'h1', 'DevSecOps maturity');
    await dashboard.locator('table.heatmap').waitFor();
    const dims = await dashboard.locator('table.heatmap tr.dimension-row th').allInnerTexts();
    t.log('heatmap rows:', dims.join(' | '));
    assert.ok(dims.includes('Build and Deployment') && dims.includes('Test and Verification'), JSON.stringify(dims));
    const cells = await dashboard.locator('.cell-button').count();
    assert.ok(cells > 40, `only ${cells} heatmap cells`);
    const target = await dashboard.locator('.segment[aria-pressed="true"]').innerText();
    assert.equal(target.trim(), '1', 'target level 1 is highlighted');
    const progress = await dashboard.locator('.progress-title').innerText();
    t.log('progress:', progress);
    assert.match(progress, /Target level 1: \d+ of the 26 activities at level 1/);
  });

  await t.step('clicking the Build · level 1 cell lists its activities', async () => {
    const row = dashboard.locator('table.heatmap tr', { has: dashboard.locator('th.sub', { hasText: /^Build$/ }) });
    const cell = row.locator('.cell-button[data-col="1"]');
    t.log('cell:', await cell.getAttribute('aria-label'));
    await cell.click();
    assert.equal(await cell.getAttribute('aria-pressed'), 'true');
    const items = await dashboard.locator('#cell-activities li').allInnerTexts();
    t.log('activities:', items.map((s) => s.replace(/\s+/g, ' ')).join(' | '));
    assert.ok(items.some((s) => s.includes('Defined build process')), JSON.stringify(items));
    assert.match(await dashboard.locator('.cell-section h2').innerText(), /Build · Level 1/);
    const next = await dashboard.locator('.next-best li').count();
    assert.ok(next > 0, 'no next best activities');
    // The README shows the dashboard next to the DSOMM tree.
    await wb.openViewContainer('DSOMM');
    await wb.treeItem('Build and Deployment').waitFor();
    await t.screenshot('05-dashboard');
  });

  await t.step('arrow keys move between heatmap cells and Enter selects one', async () => {
    const row = dashboard.locator('table.heatmap tr', { has: dashboard.locator('th.sub', { hasText: /^Build$/ }) });
    await row.locator('.cell-button[data-col="1"]').focus();
    await page.keyboard.press('ArrowRight');
    const focused = await dashboard.evaluate(() => document.activeElement?.getAttribute('data-col'));
    assert.equal(focused, '2');
    await page.keyboard.press('Enter');
    await dashboard.locator('.cell-section h2', { hasText: 'Build · Level 2' }).waitFor();
  });

  await t.step('clicking an activity opens its details panel with evidence', async () => {
    await row1Cell(dashboard).click();
    await dashboard.locator('#cell-activities button', { hasText: 'Defined build process' }).click();
    details = await webviewFrame(page, 'h1', 'Defined build process');
    await details.locator('.evidence li').first().waitFor();
    const evidence = await details.locator('.evidence li').allInnerTexts();
    t.log('evidence:', evidence.slice(0, 3).join(' | '));
    assert.ok(evidence.some((e) => /:\d+/.test(e)));
    const meta = await details.locator('.header .meta').innerText();
    assert.match(meta, /Build and Deployment › Build/);
    assert.match(meta, /Level 1/);
    assert.match(meta, /detected/);
    const sections = await details.locator('section h2').allInnerTexts();
    t.log('sections:', sections.join(' | '));
    for (const s of ['Evidence in your files', 'Description', 'Risk', 'Measure', 'Effort and value', 'Tools', 'References']) assert.ok(sections.includes(s), `section ${s} missing`);
    await t.screenshot('05-details');
  });

  await t.step('clicking a piece of evidence opens the file at its line', async () => {
    const first = details.locator('.evidence button').first();
    const label = await first.innerText();
    const [file, line] = label.split(':');
    await first.click();
    const tab = page.locator('.tabs-container .tab', { hasText: path.basename(file) });
    await tab.first().waitFor();
    t.log(`opened ${file} at line ${line}`);
  });

  await t.step('"Open Details" in the tree\'s context menu shows a missing activity, with the fix button, in the same panel', async () => {
    await wb.openViewContainer('DSOMM');
    await wb.expand('Build and Deployment');
    await wb.expand('Build');
    // The panel's tab takes the activity's name: the entry ran on the row (not "which activity?").
    await wb.contextMenu('SBOM of components', /^Open Details$/, { expect: page.locator('.tabs-container .tab', { hasText: 'SBOM of components' }).first() });
    details = await webviewFrame(page, 'h1', 'SBOM of components');
    assert.match(await details.locator('.header .meta').innerText(), /missing/);
    await details.locator('button', { hasText: 'Insert fix…' }).waitFor();
    assert.match(await details.locator('.section').first().innerText(), /Nothing in the indexed files shows this activity/);
    const tabs = await page.locator('.tabs-container .tab', { hasText: /SBOM of components|Defined build process/ }).count();
    assert.equal(tabs, 1, 'a second details panel was opened');
    await t.screenshot('05-details-missing');
  });

  await t.step('setting a progress state in the details panel records it and the panel updates in place', async () => {
    await details.locator('select#state').selectOption('Started');
    await details.locator('button', { hasText: 'Set state' }).click();
    // Nothing names the team yet (no setting, no .dsomm/meta.yaml, no progress file): the first record asks.
    await page.locator('.quick-input-widget', { hasText: 'Record this for which team?' }).waitFor();
    await page.keyboard.press('Enter');
    const decision = details.locator('.decision', { hasText: 'Started' });
    await decision.waitFor({ timeout: 20_000 });
    const text = await decision.innerText();
    t.log('team state:', text);
    assert.match(text, /^Team .+: Started since \d{4}-\d{2}-\d{2}$/);
    assert.match(await details.locator('.header .meta').innerText(), /in progress/);
    await details.locator('button', { hasText: 'Reset decision' }).waitFor();
    // The dashboard (same data) counts the activity as in progress too. Its tab was behind the
    // evidence file, so VS Code unloaded the page: the status bar brings it back.
    await page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/\d+/ }).first().click();
    dashboard = await webviewFrame(page, 'h1', 'DevSecOps maturity');
    const row = dashboard.locator('table.heatmap tr', { has: dashboard.locator('th.sub', { hasText: /^Build$/ }) });
    await row.locator('.cell-button[data-col="2"]').click();
    await dashboard.locator('#cell-activities li', { hasText: /in progress\s+SBOM of components/ }).waitFor();
    await t.screenshot('05-progress');
  });

  await t.step('the webviews loaded without Content Security Policy violations', async () => {
    assert.deepEqual(cspErrors, []);
  });
}

function row1Cell(frame) {
  return frame.locator('table.heatmap tr', { has: frame.locator('th.sub', { hasText: /^Build$/ }) }).locator('.cell-button[data-col="1"]');
}
