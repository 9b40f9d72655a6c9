// Journey: a user opens the DSOMM side bar and drills into a dimension.
import assert from 'node:assert/strict';

export const title = 'open the DevSecOps Maturity side bar and browse Build and Deployment';

const CONTAINER_TITLE = 'DevSecOps Maturity';
// Names from the OWASP DSOMM model (model/dsomm-model.yaml).
const DIMENSIONS = ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification'];
const DIMENSION = 'Build and Deployment';
const SUB_DIMENSIONS = ['Build', 'Deployment', 'Patch Management'];
const SUB_DIMENSION = 'Build';

export default async function (t) {
  const { wb } = t;

  await t.step('workbench loads and shows the DevSecOps Maturity activity-bar icon', async () => {
    await wb.waitUntilReady();
    await wb.activityBarItem(CONTAINER_TITLE).waitFor();
  });

  await t.step(`clicking the icon shows the Activities tree with "${DIMENSION}"`, async () => {
    await wb.openViewContainer(CONTAINER_TITLE);
    assert.match(await wb.sidebarTitle(), /DevSecOps Maturity/i);
    // Appears once the extension has activated and the tree provider returned its roots.
    await wb.treeItem(DIMENSION).waitFor();
    await t.screenshot('01-sidebar');
  });

  await t.step('top-level tree items are the DSOMM dimensions', async () => {
    const topLevel = (await wb.treeItems()).filter(i => i.level === 1);
    t.log('top level:', topLevel.map(i => i.label + (i.description ? ` (${i.description})` : '')).join(' | '));
    const labels = topLevel.map(i => i.label);
    const missing = DIMENSIONS.filter(d => !labels.includes(d));
    assert.deepEqual(missing, [], `dimensions missing from the tree top level ${JSON.stringify(labels)}`);
    assert.ok(topLevel.every(i => i.expanded !== undefined), 'every dimension should be expandable');
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
    const activities = await wb.childrenOf(SUB_DIMENSION);
    const defined = activities.find(a => a.label === 'Defined build process');
    assert.ok(defined, 'Defined build process not listed');
    assert.match(defined.description ?? '', /L1 · detected/);
    const sbom = activities.find(a => a.label === 'SBOM of components');
    assert.match(sbom?.description ?? '', /L2 · missing/);
    const status = wb.page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/26/ });
    await status.first().waitFor({ timeout: 15000 });
    t.log('status bar:', await status.first().innerText());
  });
}
