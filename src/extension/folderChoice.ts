// The one place the extension answers "which workspace folder?" (rule: src/core/folderChoice.ts).
import * as vscode from 'vscode';
import { chooseFolder } from '../core/folderChoice';
import { AssessmentService, FolderAssessment } from './assessmentService';

/** The key of the workspace folder holding the active editor's file, if any. */
function activeEditorFolderKey(): string | undefined {
  const uri = vscode.window.activeTextEditor?.document.uri;
  return uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
}

function keys(assessment: AssessmentService): string[] {
  return assessment.folders().map((f) => f.key);
}

/**
 * The folder a display speaks for (status bar, dashboard, details): the active editor's folder, else
 * the one `shown` already, else the first. Never asks.
 */
export function displayedFolder(assessment: AssessmentService, shown?: string): FolderAssessment | undefined {
  const choice = chooseFolder(keys(assessment), { active: activeEditorFolderKey(), shown }, 'first');
  return choice.kind === 'folder' ? assessment.byKey(choice.key) : undefined;
}

export interface FolderQuestion {
  /** The folder the user named (tree folder node, panel of origin, command argument). */
  named?: string;
  /** The question when several folders are open and nothing points at one. */
  placeHolder: string;
  /** Said when no folder is open; nothing is said when left out. */
  noFolderMessage?: string;
}

/**
 * The folder an action works on (export, progress commands): the named one, the only one, the
 * active editor's, or the user's pick. Undefined when there is none, the named folder was closed
 * (the user is told), or the pick was cancelled.
 */
export async function actingFolder(assessment: AssessmentService, question: FolderQuestion): Promise<FolderAssessment | undefined> {
  const choice = chooseFolder(keys(assessment), { named: question.named, active: activeEditorFolderKey() }, 'ask');
  switch (choice.kind) {
    case 'folder':
      return assessment.byKey(choice.key);
    case 'gone':
      void vscode.window.showWarningMessage(`DSOMM: the folder ${vscode.Uri.parse(choice.key).toString(true)} is no longer in the workspace.`);
      return undefined;
    case 'none':
      if (question.noFolderMessage) void vscode.window.showInformationMessage(question.noFolderMessage);
      return undefined;
    case 'ask': {
      const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: question.placeHolder });
      return picked && assessment.forFolder(picked);
    }
  }
}
