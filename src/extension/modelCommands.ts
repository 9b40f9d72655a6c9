// Commands about the model itself: summary, download of the official model, back to bundled.
import * as vscode from 'vscode';
import { downloadOfficialModel } from '../core/model/download';
import { formatModelSummary, summarizeModel } from '../core/model/summary';
import { ModelService } from './modelService';
import { log, outputChannel } from './log';

export function registerModelCommands(context: vscode.ExtensionContext, models: ModelService): vscode.Disposable[] {
  return [
    vscode.commands.registerCommand('dsomm.showModelSummary', async () => {
      const summary = formatModelSummary(summarizeModel(await models.get()));
      outputChannel().appendLine(summary);
      outputChannel().show(true);
      return summary;
    }),
    vscode.commands.registerCommand('dsomm.useBundledModel', async () => {
      const config = vscode.workspace.getConfiguration('dsomm');
      const inspect = config.inspect<string>('modelFile');
      // Clear the setting wherever it is set, so the bundled model really is used.
      if (inspect?.workspaceFolderValue !== undefined && vscode.workspace.workspaceFolders?.[0]) {
        await vscode.workspace.getConfiguration('dsomm', vscode.workspace.workspaceFolders[0].uri).update('modelFile', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
      }
      if (inspect?.workspaceValue !== undefined) await config.update('modelFile', undefined, vscode.ConfigurationTarget.Workspace);
      if (inspect?.globalValue !== undefined) await config.update('modelFile', undefined, vscode.ConfigurationTarget.Global);
      await models.reload();
    }),
    vscode.commands.registerCommand('dsomm.downloadOfficialModel', () => downloadCommand(context, models)),
  ];
}

/** Returns the cached file's URI, or undefined when cancelled or failed (the user was told why). */
async function downloadCommand(context: vscode.ExtensionContext, _models: ModelService): Promise<vscode.Uri | undefined> {
  const config = vscode.workspace.getConfiguration('dsomm.officialModel');
  const apiUrl = config.get<string>('releaseApiUrl', '');
  const template = config.get<string>('downloadUrl', '');
  try {
    const result = await vscode.window.withProgress(
      { location: vscode.ProgressLocation.Notification, title: 'DSOMM: downloading the latest official model', cancellable: true },
      async (_progress, token) => {
        const abort = new AbortController();
        token.onCancellationRequested(() => abort.abort());
        return downloadOfficialModel(globalThis.fetch, apiUrl, template, abort.signal);
      },
    );
    const dir = vscode.Uri.joinPath(context.globalStorageUri, 'models');
    await vscode.workspace.fs.createDirectory(dir);
    const file = vscode.Uri.joinPath(dir, `model-${result.tag}.yaml`);
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(result.text));
    log(`Downloaded DSOMM model ${result.tag} from ${result.url} (${result.model.activities.size} activities) to ${file.toString(true)}`);
    const use = 'Use It';
    const choice = await vscode.window.showInformationMessage(
      `DSOMM: downloaded the official model ${result.tag} (${result.model.activities.size} activities).`,
      use,
    );
    if (choice === use) {
      await vscode.workspace.getConfiguration('dsomm').update('modelFile', file.scheme === 'file' ? file.fsPath : file.toString(), vscode.ConfigurationTarget.Global);
    }
    return file;
  } catch (e) {
    if ((e as Error).name === 'AbortError') return undefined;
    log(`Model download failed: ${(e as Error).message}`);
    void vscode.window.showErrorMessage(`DSOMM: the official model could not be downloaded: ${(e as Error).message}. The current model stays in use.`);
    return undefined;
  }
}
