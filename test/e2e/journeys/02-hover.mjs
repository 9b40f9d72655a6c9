// Journey: a developer hovers security steps, includes and job names in a GitHub workflow and in
// .gitlab-ci.yml and sees which DSOMM activities they count for: one short line per activity, the
// name opening its details, no hover to scroll through.
import assert from 'node:assert/strict';
import { Editor } from '../lib/editor.mjs';
import { FIRST_RESULT_MS } from '../lib/wait.mjs';

export const title = 'hover scanner steps, includes and job names in a GitHub workflow and in .gitlab-ci.yml';

/** The visible hover's own measurements: does it need a scrollbar? */
async function hoverFits(page) {
  return page.locator('.monaco-hover:visible').first().evaluate((el) => {
    const scroller = el.querySelector('.monaco-scrollable-element') ?? el;
    const content = el.querySelector('.monaco-hover-content') ?? el;
    return { fits: content.scrollHeight <= scroller.clientHeight + 2, contentHeight: content.scrollHeight, visibleHeight: scroller.clientHeight };
  });
}

/** Lines of the hover text that name one of these activities. */
function linesNaming(text, names) {
  return text.split('\n').filter((l) => names.some((n) => l.includes(n)));
}

export default async function (t) {
  const { wb } = t;
  const editor = new Editor(t.page);

  await t.step('the workbench loads and the extension has its first result', async () => {
    await wb.waitUntilReady();
    // Hovers answer from the assessment: on a busy machine the first one takes a while.
    await t.page.locator('.statusbar-item', { hasText: /DSOMM L\d/ }).first().waitFor({ timeout: FIRST_RESULT_MS });
  });

  await t.step('hovering the Trivy step of ci.yml lists the activities it counts for, one line each', async () => {
    await editor.openFile('.github/workflows/ci.yml');
    await editor.goToLine(78);
    const text = await editor.hover('aquasecurity/trivy-action', 'aquasecurity', 'Counts for');
    t.log(text.split('\n').slice(0, 6).join(' | '));
    assert.match(text, /DSOMM/);
    assert.match(text, /evidence: uses: aquasecurity\/trivy-action@/);
    assert.match(text, /Counts for 4 activities/);
    const named = linesNaming(text, ['Test for stored secrets in build artifacts', 'Software Composition Analysis']);
    assert.equal(named.length, 2, text);
    for (const l of named) assert.match(l, /— level \d, (detected|partial|missing)/);
    assert.doesNotMatch(text, /Risk:|Measure:/, 'risk and measure are in the details panel');
    assert.match(text, /is not counted as .*: the step cannot fail the build/);
    await t.screenshot('02-hover-github-trivy', { keepMouse: true });
  });

  await t.step('the activity names are command links to our own details command', async () => {
    const hrefs = await t.page.locator('.monaco-hover:visible a').evaluateAll(as => as.map(a => a.getAttribute('data-href') || a.getAttribute('href') || ''));
    const commands = hrefs.filter(h => h.startsWith('command:')).map(h => h.slice('command:'.length).split('?')[0]);
    t.log('command links:', [...new Set(commands)].join(', '));
    assert.ok(commands.length >= 4, `one link per activity in ${JSON.stringify(hrefs)}`);
    assert.deepEqual([...new Set(commands)], ['dsomm.openActivity']);
    await t.page.keyboard.press('Escape');
  });

  await t.step('hovering the SAST include of .gitlab-ci.yml: 7 activities, one line each, no scrolling', async () => {
    await editor.openFile('.gitlab-ci.yml');
    await editor.goToLine(9);
    const text = await editor.hover('Security/SAST', 'SAST', 'Counts for');
    t.log(text.split('\n').slice(0, 4).join(' | '));
    assert.match(text, /GitLab SAST/);
    const m = /Counts for (\d+) activities/.exec(text);
    assert.ok(m && Number(m[1]) >= 5, text);
    const activityLines = text.split('\n').filter((l) => /— level \d, /.test(l));
    assert.equal(activityLines.length, Number(m[1]), text);
    assert.doesNotMatch(text, /Risk:|Measure:/);
    const size = await hoverFits(t.page);
    t.log(`hover content ${size.contentHeight}px in ${size.visibleHeight}px`);
    assert.ok(size.fits, `the hover needs scrolling: ${JSON.stringify(size)}`);
    await t.screenshot('02-hover-gitlab-sast-include', { keepMouse: true });
    await t.page.keyboard.press('Escape');
  });

  await t.step('hovering the Secret Detection include of .gitlab-ci.yml shows "Test for stored secrets in code"', async () => {
    await editor.goToLine(10);
    const text = await editor.hover('Jobs/Secret-Detection', 'Secret', 'Counts for');
    assert.match(text, /GitLab Secret Detection/);
    assert.match(text, /Test for stored secrets in code — level 1, detected/);
    await t.page.keyboard.press('Escape');
  });

  await t.step('hovering a job name summarises what that job implements', async () => {
    await editor.goToLine(60);
    const text = await editor.hover('container_scanning:', 'container_scanning', 'job');
    t.log(text.split('\n').slice(0, 4).join(' | '));
    assert.match(text, /job container_scanning/);
    assert.match(text, /Implements \d+ activit/);
    assert.match(text, /Software Composition Analysis — level 4/);
    await t.screenshot('02-hover-gitlab-job', { keepMouse: true });
    await t.page.keyboard.press('Escape');
  });

  await t.step('hovering `stages:` summarises the pipeline at the target level, and lists only that level', async () => {
    await editor.goToLine(2);
    const text = await editor.hover('stages:', 'stages', 'at target level');
    t.log(text.split('\n').slice(0, 3).join(' | '));
    assert.match(text, /\.gitlab-ci\.yml at target level 1/);
    assert.match(text, /Covers \d+ activit(y|ies) of level 1/);
    assert.doesNotMatch(text, /— level [2-5],/, 'nothing above the target level is listed');
    await t.screenshot('02-hover-gitlab-summary', { keepMouse: true });
  });
}
