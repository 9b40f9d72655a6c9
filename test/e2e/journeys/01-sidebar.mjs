// Journey: a user opens the DSOMM side bar and drills into a dimension.
import assert from 'node:assert/strict';
import { FIRST_RESULT_MS } from '../lib/wait.mjs';

export const title = 'open the DevSecOps Maturity side bar and browse Build and Deployment';

const CONTAINER_TITLE = 'DSOMM';
// Names from the OWASP DSOMM model (model/dsomm-model.yaml).
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
const DIMENSION = 'Build and Deployment';
const SUB_DIMENSIONS = ['Build', 'Deployment', 'Patch Management'];
const SUB_DIMENSION = 'Build';

export default async function (t) {
  const { wb } = t;

  await t.step('workbench loads and shows the DSOMM activity-bar icon', async () => {
    await wb.waitUntilReady();
    await wb.activityBarItem(CONTAINER_TITLE).waitFor();
  });

  await t.step(`clicking the icon shows the Activities tree with "${DIMENSION}"; the side bar's title is not cut`, async () => {
    await wb.openViewContainer(CONTAINER_TITLE);
    assert.match(await wb.sidebarTitle(), /^DSOMM$/i);
    assert.equal(await wb.sidebarTitleCut(), false, 'the side bar title is cut off at the default width');
    // Appears once the extension has activated and the tree provider returned its roots.
    await wb.treeItem(DIMENSION).waitFor({ timeout: FIRST_RESULT_MS });
    await t.screenshot('01-sidebar');
  });

  await t.step('top-level tree items are the DSOMM dimensions', async () => {
    const topLevel = (await wb.treeItems()).filter(i => i.level === 1);
    t.log('top level:', topLevel.map(i => i.label + (i.description ? ` (${i.description})` : '')).join(' | '));
    const labels = topLevel.map(i => i.label);
    const missing = DIMENSIONS.filter(d => !labels.includes(d));
    assert.deepEqual(missing, [], `dimensions missing from the tree top level ${JSON.stringify(labels)}`);
    assert.ok(topLevel.every(i => i.expanded !== undefined), 'every dimension should be expandable');
    // Each count says what it counts: all levels (1–5) here, the status bar's target level below.
    assert.ok(topLevel.every(i => /^\d+\/\d+ · L1–5$/.test(i.description ?? '')), `counts without their levels: ${JSON.stringify(topLevel.map(i => i.description))}`);
    const tooltip = await wb.hoverText(wb.treeItem(DIMENSION));
    assert.match(tooltip, /\d+ of \d+ activities \(levels 1–5\) detected, done or not applicable/);
  });

  await t.step(`collapsing and expanding "${DIMENSION}" hides and shows its sub-dimensions`, async () => {
    await wb.collapse(DIMENSION);
    assert.deepEqual(await wb.childrenOf(DIMENSION, { timeoutMs: 500 }), [], 'children still shown after collapsing');
    const children = await wb.expand(DIMENSION);
    t.log('sub-dimensions:', children.map(c => c.label + (c.description ? ` (${c.description})` : '')).join(' | '));
    const labels = children.map(c => c.label);
    const missing = SUB_DIMENSIONS.filter(d => !labels.includes(d));
    assert.deepEqual(missing, [], `sub-dimensions missing under "${DIMENSION}": got ${JSON.stringify(labels)}`);
    await t.screenshot('02-dimension-expanded');
  });

  await t.step(`expanding the sub-dimension "${SUB_DIMENSION}" shows its activities`, async () => {
    const activities = await wb.expand(SUB_DIMENSION);
    t.log(`activities in "${SUB_DIMENSION}":`, activities.map(a => a.label).join(' | '));
    assert.ok(activities.length > 0, `no activities under "${SUB_DIMENSION}"`);
    assert.ok(activities.every(a => a.label.length > 0), 'an activity without a label');
    await t.screenshot('03-subdimension-expanded');
  });

  await t.step('activities show their detection status and the status bar shows the target level', async () => {
    // The summary joins the row's level badge and its status word.
    await wb.waitForRow('Defined build process', /^L1 · detected$/);
    await wb.waitForRow('SBOM of components', /^L2 · missing$/);
    const status = wb.page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/26/ });
    await status.first().waitFor({ timeout: FIRST_RESULT_MS });
    t.log('status bar:', await status.first().innerText());
  });

  await t.step('at the default width each row shows its level and a status icon of its own; short rows show the whole status', async () => {
    const defined = await wb.rowLayout('Defined build process');
    const sbom = await wb.rowLayout('Signing of artifacts');
    const undecided = await wb.rowLayout('Signing of code');
    t.log('icons:', JSON.stringify({ detected: defined.icon, missing: sbom.icon, undecided: undecided.icon }));
    assert.equal(defined.icon, 'pass');
    assert.equal(sbom.icon, 'error');
    assert.equal(undecided.icon, 'question');
    for (const [name, row] of [['Signing of artifacts', sbom], ['Signing of code', undecided]]) {
      assert.equal(row.descriptionCut, false, `the status of "${name}" is cut off`);
    }
  });

  await t.step('evidence rows name what was found and where, without repeating the path', async () => {
    const evidence = await wb.expand('Defined build process');
    t.log('evidence:', evidence.map(e => `${e.label} (${e.description})`).join(' | '));
    assert.ok(evidence.length > 0);
    for (const e of evidence) {
      const file = (e.description ?? '').replace(/:\d+$/, '');
      assert.ok(file, `evidence row "${e.label}" does not say where`);
      assert.ok(!e.label.includes(file), `evidence row "${e.label}" repeats its file ${file}`);
    }
    await t.screenshot('01-sidebar-evidence');
    await wb.collapse('Defined build process');
  });

  await t.step('tooltips render the model\'s code as code: no literal backticks', async () => {
    // Its measure names `container:` and `image:` (model/dsomm-model.yaml).
    const text = await wb.hoverText(wb.treeItem('Building and testing of artifacts in virtual environments').locator('.label-name'));
    t.log('tooltip:', text.replace(/\s+/g, ' ').slice(0, 160));
    assert.match(text, /Measure:/);
    assert.ok(!text.includes('`'), `literal backticks in the tooltip: ${text}`);
  });

  await t.step('one click hides the rows that need your decision, one click shows them again', async () => {
    await wb.titleAction('Hide Activities That Need Your Decision').click();
    await wb.treeItem('Signing of code').waitFor({ state: 'detached' });
    await wb.sidebar.getByText(/activities need your decision \(hidden\)/).waitFor();
    const rows = await wb.childrenOf(SUB_DIMENSION);
    assert.ok(rows.some(r => r.label === 'Defined build process'), 'other rows stay');
    assert.ok(rows.every(r => r.description !== 'undecided'), `undecided rows still shown: ${JSON.stringify(rows)}`);
    await t.screenshot('01-sidebar-undecided-hidden');
    await wb.titleAction('Show Activities That Need Your Decision').click();
    await wb.treeItem('Signing of code').waitFor();
  });
}
