// Journey: a developer hovers security steps in a GitHub workflow and in .gitlab-ci.yml and sees
// which DSOMM activities they count for.
import assert from 'node:assert/strict';
import { Editor } from '../lib/editor.mjs';

export const title = 'hover scanner steps in a GitHub workflow and in .gitlab-ci.yml';

export default async function (t) {
  const { wb } = t;
  const editor = new Editor(t.page);

  await t.step('the workbench loads', async () => {
    await wb.waitUntilReady();
  });

  await t.step('hovering the Trivy step of ci.yml names the activities it counts for', async () => {
    await editor.openFile('.github/workflows/ci.yml');
    await editor.goToLine(78);
    const text = await editor.hover('aquasecurity/trivy-action', 'aquasecurity', 'Counts for');
    t.log(text.split('\n').slice(0, 4).join(' | '));
    assert.match(text, /DSOMM/);
    assert.match(text, /Evidence: uses: aquasecurity\/trivy-action@/);
    assert.match(text, /Test for stored secrets in build artifacts/);
    assert.match(text, /Risk:/);
    assert.match(text, /Open details/);
    await t.screenshot('02-hover-github-trivy', { keepMouse: true });
  });

  await t.step('the hover links are command links for our own commands only', async () => {
    const hrefs = await t.page.locator('.monaco-hover:visible a').evaluateAll(as => as.map(a => a.getAttribute('data-href') || a.getAttribute('href') || ''));
    const commands = hrefs.filter(h => h.startsWith('command:')).map(h => h.slice('command:'.length).split('?')[0]);
    t.log('command links:', [...new Set(commands)].join(', '));
    assert.ok(commands.length > 0, `no command links in ${JSON.stringify(hrefs)}`);
    assert.deepEqual(commands.filter(c => !c.startsWith('dsomm.')), []);
    await t.page.keyboard.press('Escape');
  });

  await t.step('hovering the Secret Detection include of .gitlab-ci.yml shows "Test for stored secrets in code"', async () => {
    await editor.openFile('.gitlab-ci.yml');
    await editor.goToLine(10);
    const text = await editor.hover('Jobs/Secret-Detection', 'Secret', 'Counts for');
    t.log(text.split('\n').slice(0, 4).join(' | '));
    assert.match(text, /GitLab Secret Detection/);
    assert.match(text, /Test for stored secrets in code/);
    await t.screenshot('02-hover-gitlab-secret-detection', { keepMouse: true });
  });

  await t.step('hovering `stages:` summarises the pipeline at the target level', async () => {
    const text = await editor.hover('stages:', 'stages', 'at target level');
    t.log(text.split('\n').slice(0, 3).join(' | '));
    assert.match(text, /\.gitlab-ci\.yml at target level 1/);
    assert.match(text, /Covers \d+ activit/);
    await t.screenshot('02-hover-gitlab-summary', { keepMouse: true });
  });
}
