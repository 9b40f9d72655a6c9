// Journey: a user switches from the bundled model to the official DSOMM model file through the
// dsomm.modelFile setting, and the tree reloads with it, without a window reload.
//
// The official model (generated/model.yaml of DevSecOps-MaturityModel-data 4.3.1) is not part of this
// repository: DSOMM_OFFICIAL_MODEL names it, default ../shared/dsomm/model-4.3.1.yaml next to the
// repository. Without it the journey is skipped, with the reason.
//
// Both models have the same activities (same names and uuids); their texts differ: the bundled one
// says everything in our own words. So the check is the activity's tooltip, whose "Measure" comes
// from the model: it must change from the bundled text to the official one.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { ROOT } from '../../../scripts/harness.mjs';
import { FIRST_RESULT_MS } from '../lib/wait.mjs';

export const title = 'switch dsomm.modelFile to the official DSOMM model and see the tree reload with it';

const CONTAINER_TITLE = 'DSOMM';
const DIMENSION = 'Build and Deployment';
const SUB_DIMENSION = 'Build';
const ACTIVITY = 'Defined build process';
const OFFICIAL_MODEL = path.resolve(process.env.DSOMM_OFFICIAL_MODEL || path.join(ROOT, '..', 'shared', 'dsomm', 'model-4.3.1.yaml'));

/** The first words of the activity's `measure` in a model file (enough to tell the models apart). */
function measureStart(modelText) {
  const at = modelText.indexOf(`\n    ${ACTIVITY}:\n`);
  assert.ok(at >= 0, `"${ACTIVITY}" is not in the model file`);
  const m = /\n {6}measure: (?:>-?\n\s+|\|-?\n\s+)?([^\n]+)/.exec(modelText.slice(at, at + 6000));
  assert.ok(m, `no measure for "${ACTIVITY}"`);
  return m[1].split(/\s+/).slice(0, 6).join(' ');
}

/** Expands a tree row, once more if a refresh of the tree replaced the row during the first try. */
async function expandSettled(t, label) {
  try {
    await t.wb.expand(label);
  } catch (e) {
    t.log(`expanding "${label}" again (the tree re-rendered: ${String(e.message).split('\n')[0]})`);
    await t.wb.expand(label);
  }
}

export default async function (t) {
  const { wb, page } = t;
  if (!existsSync(OFFICIAL_MODEL)) {
    t.skip(`the official model file ${OFFICIAL_MODEL} does not exist (set DSOMM_OFFICIAL_MODEL to its path)`);
  }
  const bundledMeasure = measureStart(readFileSync(path.join(ROOT, 'model', 'dsomm-model.yaml'), 'utf8'));
  const officialMeasure = measureStart(readFileSync(OFFICIAL_MODEL, 'utf8'));
  assert.notEqual(bundledMeasure, officialMeasure, 'the two models word the measure alike: the check would prove nothing');
  const activityRow = () => wb.treeItem(ACTIVITY);

  await t.step('the tree shows the bundled model', async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer(CONTAINER_TITLE);
    await wb.resizeSidebar(520);
    await wb.treeItem(DIMENSION).waitFor();
    // The status bar shows once the assessment is published; the tree re-renders then, which would
    // swap the rows under a click.
    await page.locator('.statusbar-item', { hasText: /DSOMM L\d · \d+\/\d+/ }).first().waitFor({ timeout: FIRST_RESULT_MS });
    await expandSettled(t, SUB_DIMENSION);
    await activityRow().waitFor();
    const tip = await wb.hoverText(activityRow().locator('.label-name'));
    t.log('tooltip:', tip.split('\n').slice(0, 3).join(' | '));
    assert.ok(tip.includes(bundledMeasure), `the tooltip should carry the bundled measure "${bundledMeasure}":\n${tip}`);
    await t.screenshot('07-tree-bundled-model');
    // The side bar alone, for the walkthrough's first step (media/walkthrough/tree.png).
    const box = await wb.sidebar.boundingBox();
    await page.screenshot({ path: path.join(t.outDir, 'walkthrough-tree.png'), clip: { x: 0, y: Math.round(box.y), width: Math.round(box.x + box.width), height: Math.round(box.height) } });
  });

  await t.step('setting dsomm.modelFile in the Settings editor to the official model', async () => {
    await wb.setTextSetting('dsomm.modelFile', OFFICIAL_MODEL);
    const settingsFile = path.join(t.workspace, '.vscode', 'settings.json');
    const deadline = Date.now() + 60_000;
    // The workbench truncates the file and then writes it: a read in between finds no JSON yet.
    const written = () => {
      try {
        return JSON.parse(readFileSync(settingsFile, 'utf8'))['dsomm.modelFile'];
      } catch {
        return undefined;
      }
    };
    while (written() !== OFFICIAL_MODEL && Date.now() < deadline) await page.waitForTimeout(250);
    assert.equal(written(), OFFICIAL_MODEL, `${settingsFile} should hold the new dsomm.modelFile`);
    await page.keyboard.press('Control+W'); // close the Settings editor
  });

  await t.step('the tree reloads with the official model: same structure, the official texts', async () => {
    await wb.openViewContainer(CONTAINER_TITLE);
    await wb.treeItem(DIMENSION).waitFor();
    const deadline = Date.now() + 120_000;
    let tip = '';
    for (;;) {
      if (!(await activityRow().isVisible())) await expandSettled(t, SUB_DIMENSION);
      tip = await wb.hoverText(activityRow().locator('.label-name'));
      if (tip.includes(officialMeasure) || Date.now() > deadline) break;
      await page.waitForTimeout(1000);
    }
    t.log('tooltip:', tip.split('\n').slice(0, 3).join(' | '));
    assert.ok(tip.includes(officialMeasure), `the tooltip should carry the official measure "${officialMeasure}":\n${tip}`);
    assert.ok(!tip.includes(bundledMeasure), 'the tooltip still carries the bundled text');
    // Detection still runs against the new model: statuses and counts are there.
    const top = (await wb.treeItems()).filter(i => i.level === 1);
    assert.ok(top.length === 5 && top.every(i => /^\d+\/\d+ · L1–\d$/.test(i.description ?? '')), `dimensions with counts expected: ${JSON.stringify(top)}`);
    await wb.waitForRow(ACTIVITY, /^L1 · detected$/);
    await t.screenshot('07-tree-official-model');
  });
}
