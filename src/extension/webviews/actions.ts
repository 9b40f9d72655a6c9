// What both panels do with a checked message from their webview: navigation, team decisions
// (through issue 4's progress commands), quick fixes (issue 5's command) and exports.
import * as vscode from 'vscode';
import { activityUrl } from '../../core/guidance/lookup';
import { WebviewMessage } from '../../core/view/webviewMessages';
import { log } from '../log';

/** Commands other parts of the extension contribute; a panel button names what it needs. */
const CONTRIBUTED: Record<string, string> = {
  'dsomm.setActivityState': 'Set progress state',
  'dsomm.markNotApplicable': 'Mark not applicable',
  'dsomm.resetActivity': 'Reset the team decision',
  'dsomm.addEvidence': 'Add evidence',
  'dsomm.openActivityInWeb': 'Open the DSOMM web page',
  'dsomm.insertFix': 'Insert the fix',
};

/** Runs a command another part of the extension registers, or says clearly that it is missing. */
export async function runContributed(command: string, ...args: unknown[]): Promise<boolean> {
  const known = await vscode.commands.getCommands(true);
  if (!known.includes(command)) {
    void vscode.window.showWarningMessage(`DSOMM: "${CONTRIBUTED[command] ?? command}" is not available: the command ${command} is not registered in this version of the extension.`);
    return false;
  }
  await vscode.commands.executeCommand(command, ...args);
  return true;
}

export async function openEvidence(folder: vscode.WorkspaceFolder | undefined, path: string, line: number, column = 1): Promise<void> {
  if (!folder) return;
  const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
  const pos = new vscode.Position(line - 1, column - 1);
  try {
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One, preview: true });
  } catch (e) {
    void vscode.window.showErrorMessage(`DSOMM: cannot open ${path}: ${(e as Error).message}`);
  }
}

/** The workspace folder a panel shows; its key goes with progress commands (multi-root). */
export interface PanelFolder {
  folder?: vscode.WorkspaceFolder;
  key?: string;
}

/** Handles the messages both panels share; returns false for ones the panel handles itself. */
export async function handleCommonMessage(m: WebviewMessage, where: PanelFolder): Promise<boolean> {
  const folder = where.key ? { folder: where.key } : {};
  try {
    switch (m.type) {
      case 'openActivity':
        await vscode.commands.executeCommand('dsomm.openActivity', { uuid: m.uuid, ...folder });
        return true;
      case 'openEvidence':
        await openEvidence(where.folder, m.path, m.line, m.column);
        return true;
      case 'openExternal':
        await vscode.env.openExternal(vscode.Uri.parse(m.url, true));
        return true;
      case 'openInWeb':
        // The page is public and fixed; without the progress commands the link still works.
        if ((await vscode.commands.getCommands(true)).includes('dsomm.openActivityInWeb')) await vscode.commands.executeCommand('dsomm.openActivityInWeb', { uuid: m.uuid, ...folder });
        else await vscode.env.openExternal(vscode.Uri.parse(activityUrl(m.uuid), true));
        return true;
      case 'setState':
        await runContributed('dsomm.setActivityState', { uuid: m.uuid, state: m.state, ...folder });
        return true;
      case 'markNotApplicable':
        await runContributed('dsomm.markNotApplicable', { uuid: m.uuid, ...(m.reason ? { reason: m.reason } : {}), ...folder });
        return true;
      case 'resetActivity':
        await runContributed('dsomm.resetActivity', { uuid: m.uuid, ...folder });
        return true;
      case 'addEvidence':
        await runContributed('dsomm.addEvidence', { uuid: m.uuid, ...folder });
        return true;
      case 'insertFix':
        await runContributed('dsomm.insertFix', { uuid: m.uuid, ...(where.folder ? { uri: where.folder.uri.toString() } : {}) });
        return true;
      case 'setTargetLevel':
        await vscode.workspace.getConfiguration('dsomm').update('targetLevel', m.level, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
        return true;
      case 'export':
        await vscode.commands.executeCommand('dsomm.exportReport', { format: m.format, ...folder });
        return true;
      default:
        return false;
    }
  } catch (e) {
    log(`Webview action ${m.type} failed: ${(e as Error).stack ?? e}`);
    void vscode.window.showErrorMessage(`DSOMM: ${(e as Error).message}`);
    return true;
  }
}
