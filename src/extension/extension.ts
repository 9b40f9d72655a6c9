// Entry point. activate() only wires things up: the model loads when the view first asks
// for it, so starting VS Code with a pipeline file open costs next to nothing.
import * as vscode from 'vscode';
import { ActivityTreeProvider } from './activityTree';
import { registerModelCommands } from './modelCommands';
import { ModelService } from './modelService';
import { outputChannel } from './log';

export interface DsommApi {
  models: ModelService;
  tree: ActivityTreeProvider;
}

export function activate(context: vscode.ExtensionContext): DsommApi {
  const models = new ModelService(context);
  const tree = new ActivityTreeProvider(models);
  const view = vscode.window.createTreeView('dsomm.activities', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  context.subscriptions.push(
    models,
    tree,
    view,
    vscode.commands.registerCommand('dsomm.refresh', async () => {
      await models.reload();
    }),
    vscode.commands.registerCommand('dsomm.showLog', () => outputChannel().show()),
    ...registerModelCommands(context, models),
  );
  return { models, tree };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
