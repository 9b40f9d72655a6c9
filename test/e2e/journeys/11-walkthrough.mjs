// Journey: a new user opens the DSOMM view first, then the "Get Started" walkthrough: its first
// step, "Open the maturity view", is already ticked (the view was opened before the walkthrough
// was ever shown, which VS Code's own `onView` event does not count).
import assert from 'node:assert/strict';
import { FIRST_RESULT_MS, waitUntil } from '../lib/wait.mjs';

export const title = 'the walkthrough ticks "Open the maturity view" after the view was opened';

const CONTAINER_TITLE = 'DSOMM';

export default async function (t) {
  const { wb } = t;

  await t.step('the DSOMM view is opened before the walkthrough was ever shown', async () => {
    await wb.waitUntilReady();
    await wb.openViewContainer(CONTAINER_TITLE);
    await wb.treeItem('Build and Deployment').waitFor({ timeout: FIRST_RESULT_MS });
  });

  await t.step('the walkthrough shows its first step ticked', async () => {
    await wb.runCommand('Welcome: Open Walkthrough');
    const entry = wb.page.locator('.quick-input-list .monaco-list-row', { hasText: 'Get Started with DevSecOps Maturity' }).first();
    await entry.waitFor();
    await entry.click();
    const step = wb.page.locator('.getting-started-step', { hasText: 'Open the maturity view' }).first();
    await step.waitFor();
    // The step button carries its state in aria-checked (the tick is its icon).
    await waitUntil('the first step to be ticked', async () => (await step.getAttribute('aria-checked')) === 'true', 30_000);
    const last = wb.page.locator('.getting-started-step', { hasText: 'Share progress with the DSOMM' }).first();
    assert.equal(await last.getAttribute('aria-checked'), 'false', 'only the step whose action happened is ticked');
    await t.screenshot('11-walkthrough');
  });
}
