// Only files the assessment reads cause work: saving a README or touching a lockfile (npm install
// rewrites it) must not update the index, re-evaluate or refresh the tree; a workflow still does.
import * as assert from 'assert';
import * as vscode from 'vscode';
import type { DsommApi } from '../../src/extension/extension';
import { waitFor } from './waitFor';

const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';

async function api(): Promise<DsommApi> {
  const ext = vscode.extensions.getExtension<DsommApi>(EXTENSION_ID);
  assert.ok(ext, 'extension not loaded');
  return ext.activate();
}

describe('File events', () => {
  it('saving a README and touching a lockfile cause no update; a workflow does', async () => {
    const { assessment } = await api();
    const folder = assessment.folders()[0];
    assert.ok(await folder.get(), 'no assessment of the demo workspace');
    const root = folder.folder.uri;
    const events = (path: string) => folder.recentFileEvents.filter((e) => e.path === path);
    // A lockfile rewritten with the same content, as `npm install` does.
    const lock = vscode.Uri.joinPath(root, 'services', 'api', 'package-lock.json');
    await vscode.workspace.fs.writeFile(lock, await vscode.workspace.fs.readFile(lock));
    // A README edited and saved in the editor.
    const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'README.md'));
    const edit = new vscode.WorkspaceEdit();
    edit.insert(readme.uri, readme.lineAt(readme.lineCount - 1).range.end, '\n');
    assert.ok(await vscode.workspace.applyEdit(edit));
    assert.ok(await readme.save(), 'README.md was not saved');
    // The save event and the watcher's events for both files arrive; none is queued for an update.
    const lockPath = 'services/api/package-lock.json';
    await waitFor('the events of both files', () => events(lockPath).length > 0 && events('README.md').length > 0);
    assert.deepStrictEqual([...events(lockPath), ...events('README.md')].filter((e) => e.queued), [], 'a README or lockfile event was queued for an update');

    // A workflow is still followed: rewriting one queues an update.
    const workflow = vscode.Uri.joinPath(root, '.github', 'workflows', 'ci.yml');
    await vscode.workspace.fs.writeFile(workflow, await vscode.workspace.fs.readFile(workflow));
    await waitFor('the workflow event, queued', () => events('.github/workflows/ci.yml').some((e) => e.queued));
  });
});
