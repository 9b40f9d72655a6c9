// Entry point. activate() only wires things up: the model loads when the view first asks
// for it, so starting VS Code with a pipeline file open costs next to nothing.
import * as vscode from 'vscode';
import { ActivityTreeProvider } from './activityTree';
import { AssessmentService } from './assessmentService';
import { registerModelCommands } from './modelCommands';
import { ModelService } from './modelService';
import { outputChannel } from './log';

export interface DsommApi {
  models: ModelService;
  assessment: AssessmentService;
  tree: ActivityTreeProvider;
}

export function activate(context: vscode.ExtensionContext): DsommApi {
  const models = new ModelService(context);
  const assessment = new AssessmentService(context, models);
  const tree = new ActivityTreeProvider(models, assessment);
  const view = vscode.window.createTreeView('dsomm.activities', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(
    models,
    assessment,
    tree,
    view,
    vscode.commands.registerCommand('dsomm.refresh', async () => {
      await models.reload();
      await assessment.rescan();
    }),
    vscode.commands.registerCommand('dsomm.showLog', () => outputChannel().show()),
    ...registerModelCommands(context, models),
  );
  return { models, assessment, tree };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
