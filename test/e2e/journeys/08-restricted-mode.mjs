// Journey: a workspace that is not trusted (Restricted Mode) names its own model file in
// .vscode/settings.json and declares its own blocks in .dsomm/tools.yaml. The extension still
// works, with the bundled model and catalogue, and tells the user why each file is ignored. Runs
// against the installed .vsix only (package layer).
import assert from 'node:assert/strict';
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { waitUntil } from '../lib/wait.mjs';

export const title = 'in Restricted Mode the workspace model file and tools file are ignored, with messages saying why';

// Workspace trust on, no start-up prompt: an unknown folder opens in Restricted Mode.
export const settings = { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' };

export function prepareWorkspace(dir) {
  mkdirSync(path.join(dir, '.vscode'), { recursive: true });
  writeFileSync(path.join(dir, '.vscode', 'settings.json'), JSON.stringify({ 'dsomm.modelFile': 'models/hostile-model.yaml' }, null, 2));
  mkdirSync(path.join(dir, 'models'), { recursive: true });
  writeFileSync(path.join(dir, 'models', 'hostile-model.yaml'), 'this: [is not a model\n');
  // Were it read, this would make every pipeline step "run" secret scanning.
  mkdirSync(path.join(dir, '.dsomm'), { recursive: true });
  writeFileSync(path.join(dir, '.dsomm', 'tools.yaml'), 'schemaVersion: 1\ncommands:\n  - run: echo\n    runs: [secret-scan]\n');
  mkdirSync(path.join(dir, '.github', 'workflows'), { recursive: true });
  writeFileSync(path.join(dir, '.github', 'workflows', 'ci.yml'), 'name: CI\non: push\njobs:\n  build:\n    runs-on: ubuntu-latest\n    steps:\n      - run: echo hello\n');
}

export default async function (t) {
  const { wb, page } = t;
  if (!process.env.E2E_VSIX) {
    // VS Code trusts an Extension Development Host window whatever the settings say.
    t.skip('Restricted Mode needs the installed extension: runs in the package layer (E2E_VSIX)');
  }

  await t.step('the workbench opens the folder in Restricted Mode', async () => {
    await wb.waitUntilReady();
    await page.locator('.statusbar-item', { hasText: /Restricted Mode/ }).first().waitFor();
  });

  await t.step('the DSOMM tree works, with the bundled model', async () => {
    await wb.openViewContainer('DSOMM');
    await wb.treeItem('Build and Deployment').waitFor();
    const children = await wb.expand('Build and Deployment');
    assert.ok(children.some((c) => c.label === 'Build'), JSON.stringify(children));
  });

  await t.step('a notification says why the workspace model file is ignored', async () => {
    const text = await waitUntil('a notification about Restricted Mode', async () => {
      const shown = await wb.notifications();
      return /Restricted Mode/.test(shown) && shown;
    });
    assert.match(text, /dsomm\.modelFile/);
    assert.match(text, /models\/hostile-model\.yaml/);
    assert.match(text, /ignored in Restricted Mode/);
    assert.match(text, /bundled model is used until you trust the workspace/);
    assert.doesNotMatch(text, /could not be used/, 'the hostile model file was not even read');
    await page.locator('[id="status.notifications"]').click();
    await page.locator('.notifications-center').waitFor();
    await t.screenshot('restricted-mode', { keepMouse: true });
    await page.keyboard.press('Escape');
  });

  await t.step('a notification says the workspace tools file is ignored too', async () => {
    const text = await waitUntil('a notification about .dsomm/tools.yaml', async () => {
      const shown = await wb.notifications();
      return /tools\.yaml is ignored in Restricted Mode/.test(shown) && shown;
    });
    assert.match(text, /\.dsomm\/tools\.yaml is ignored in Restricted Mode/);
    assert.match(text, /Trust the workspace to use it/);
  });
}
