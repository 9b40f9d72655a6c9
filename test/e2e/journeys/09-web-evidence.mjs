// Journey: the team keeps the DSOMM web app's files in the repository. Evidence the web app
// recorded shows in the activity's details panel (title, text, reviewer, date, link), the
// "not applicable" decision says how the web app scores it, and "Add evidence…" records a new
// entry the panel shows at once. Screenshot 09-details-evidence.
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parse } from 'yaml';
import { waitUntil } from '../lib/wait.mjs';

export const title = 'the web app\'s evidence in the details panel; Add evidence… records an entry the app reads';

const BUILD = { name: 'Defined build process', uuid: 'f6f7737f-25a9-4317-8de2-09bf59f29b5b' };
const TEAM = 'Team Blue';

export function prepareWorkspace(dir) {
  mkdirSync(path.join(dir, '.dsomm'), { recursive: true });
  writeFileSync(path.join(dir, '.dsomm', 'meta.yaml'), `teamProgressFile: team-progress.yaml\nteamEvidenceFile: team-evidence.yaml\nteams: [${TEAM}]\n`);
  writeFileSync(path.join(dir, '.dsomm', 'team-progress.yaml'), `progress:\n  ${BUILD.uuid}: # ${BUILD.name}\n    '${TEAM}':\n      'Started': 2026-11-02\n`);
  // As the web app's "Download team evidences" writes it (ISO timestamps for loaded dates).
  writeFileSync(path.join(dir, '.dsomm', 'team-evidence.yaml'), [
    'evidence:',
    `  ${BUILD.uuid}:`,
    '    - id: 3b0f5a2e-8d1c-4b7a-9e6f-0a1b2c3d4e5f',
    `      teams:`,
    `        - ${TEAM}`,
    '        - Team Red',
    '      title: Build pipeline review 2026',
    '      description: |-',
    '        Every service builds in CI from the lockfile; **no manual builds** since March.',
    '      evidenceRecorded: 2026-12-07T00:00:00.000Z',
    '      reviewer: Jane Doe',
    '      attachment:',
    '        - type: link',
    '          externalLink: https://wiki.example.org/build-review-2026',
    '',
  ].join('\n'));
}

/** The (nested) frame of a webview that shows `selector` with `text`. */
async function webviewFrame(page, selector, text, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  for (;;) {
    for (const frame of page.frames()) {
      if (frame === page.mainFrame()) continue;
      const count = await frame.locator(selector, { hasText: text }).count().catch(() => 0);
      if (count > 0) return frame;
    }
    if (Date.now() > end) throw new Error(`no webview shows ${selector} "${text}"`);
    await page.waitForTimeout(200);
  }
}

export default async function (t) {
  const { wb, page } = t;
  let details;

  await t.step(`DSOMM: Open Details on "${BUILD.name}" shows the web app's evidence entry`, async () => {
    await wb.waitUntilReady();
    await page.locator('.statusbar-item', { hasText: /DSOMM L1 · \d+\/\d+/ }).first().waitFor({ timeout: 60_000 });
    await wb.runCommand('DSOMM: Open Details');
    const input = page.locator('.quick-input-widget input');
    await input.waitFor();
    await input.fill(BUILD.name);
    await page.locator('.quick-input-list .monaco-list-row', { hasText: BUILD.name }).first().waitFor();
    await page.keyboard.press('Enter');
    details = await webviewFrame(page, 'h1', BUILD.name);
    const entry = details.locator('.evidence-entry', { hasText: 'Build pipeline review 2026' });
    await entry.waitFor();
    const text = (await entry.innerText()).replace(/\s+/g, ' ');
    t.log('entry:', text);
    assert.match(text, /Build pipeline review 2026 — Team Blue, Team Red · reviewed by Jane Doe · 2026-12-07/);
    assert.match(text, /no manual builds/);
    assert.equal(await entry.locator('a').first().innerText(), 'https://wiki.example.org/build-review-2026');
    assert.match(await details.locator('.decision').first().innerText(), /Team Blue: Started/);
  });

  await t.step('Add evidence… asks for title, text and link; the entry is saved for the team and shown', async () => {
    await details.locator('button', { hasText: 'Add evidence…' }).click();
    const input = page.locator('.quick-input-widget input');
    await page.locator('.quick-input-widget', { hasText: 'Add Evidence (1/3)' }).waitFor();
    await input.fill('Reproducible build check');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Add Evidence (2/3)' }).waitFor();
    await input.fill('Two clean builds give the same image digest.');
    await page.keyboard.press('Enter');
    await page.locator('.quick-input-widget', { hasText: 'Add Evidence (3/3)' }).waitFor();
    await input.fill('https://ci.example.org/jobs/repro');
    await page.keyboard.press('Enter');
    await details.locator('.evidence-entry', { hasText: 'Reproducible build check' }).waitFor();
    const file = path.join(t.workspace, '.dsomm', 'team-evidence.yaml');
    const saved = await waitUntil('the entry in the evidence file', () => {
      const doc = parse(readFileSync(file, 'utf8'), { schema: 'yaml-1.1' });
      return doc.evidence[BUILD.uuid].find((e) => e.title === 'Reproducible build check');
    });
    assert.deepEqual(saved.teams, [TEAM]);
    assert.ok(saved.evidenceRecorded instanceof Date);
    assert.deepEqual(saved.attachment, [{ type: 'link', externalLink: 'https://ci.example.org/jobs/repro' }]);
    await details.locator('h2', { hasText: 'Team evidence' }).scrollIntoViewIfNeeded();
    await t.screenshot('09-details-evidence');
  });
}
