// Entry point. activate() only wires things up: the model loads when the view first asks
// for it, so starting VS Code with a pipeline file open costs next to nothing.
import * as vscode from 'vscode';
import { ActivityTreeProvider } from './activityTree';
import { AssessmentService } from './assessmentService';
import { bundledDataSource } from './bundledData';
import { registerGuidance } from './guidance';
import { registerModelCommands } from './modelCommands';
import { registerProgressCommands } from './progressCommands';
import { ModelService } from './modelService';
import { log, outputChannel } from './log';
import { StatusBar } from './statusBar';
import { configProblems } from './inputProblems';
import { targetLevel } from './settings';
import { completeOpenViewStep } from './walkthrough';
import { scheduleWarmUp } from './warmUp';
import { registerWebviews, Webviews } from './webviews';

export interface DsommApi {
  models: ModelService;
  assessment: AssessmentService;
  tree: ActivityTreeProvider;
  webviews: Webviews;
  /** How long activate() took, in ms (npm run bench:editor reports it). */
  activationMs: number;
}

export function activate(context: vscode.ExtensionContext): DsommApi {
  const started = performance.now();
  // One read of the bundled model and detection rules serves both services at start-up.
  const bundled = bundledDataSource(context.extensionUri);
  const models = new ModelService(context, bundled);
  const assessment = new AssessmentService(models, bundled);
  const tree = new ActivityTreeProvider(models, assessment, context.workspaceState);
  const statusBar = new StatusBar(assessment);
  const view = vscode.window.createTreeView('dsomm.activities', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
  tree.attach(view);
  context.subscriptions.push(
    completeOpenViewStep(view, context.extension.id),
    models,
    assessment,
    configProblems,
    tree,
    view,
    statusBar,
    vscode.commands.registerCommand('dsomm.setTargetLevel', async () => {
      const current = targetLevel();
      const pick = await vscode.window.showQuickPick(
        [1, 2, 3, 4, 5].map((l) => ({ label: `Level ${l}`, description: l === current ? 'current' : undefined, level: l })),
        { title: 'DSOMM: target maturity level', placeHolder: 'Which level is your team aiming for?' },
      );
      if (pick) await vscode.workspace.getConfiguration('dsomm').update('targetLevel', pick.level, vscode.ConfigurationTarget.Workspace);
    }),
    vscode.commands.registerCommand('dsomm.filterByTargetLevel', () => tree.setFiltered(true)),
    vscode.commands.registerCommand('dsomm.clearLevelFilter', () => tree.setFiltered(false)),
    vscode.commands.registerCommand('dsomm.refresh', async () => {
      await models.reload();
      await assessment.rescan();
    }),
    vscode.commands.registerCommand('dsomm.showLog', () => outputChannel().show()),
    ...registerModelCommands(context, models),
    ...registerProgressCommands(assessment, models, tree, context.extensionUri),
  );
  const webviews = registerWebviews(context, assessment, models);
  registerGuidance(context, assessment);
  // The detection rules load in the background now (file reads, off activate()'s own time), so the
  // view's first index build does not wait for them. The status bar needs a result: with the view
  // open the tree asks for it at once; otherwise it is built shortly after start-up, in a workspace
  // with files to assess (onStartupFinished starts the extension in any workspace).
  void assessment.detection();
  const activationEvents = (context.extension.packageJSON as { activationEvents?: string[] }).activationEvents ?? [];
  if (view.visible) void assessment.get();
  else context.subscriptions.push(scheduleWarmUp(() => void assessment.get(), activationEvents, 1500));
  const activationMs = Math.round((performance.now() - started) * 10) / 10;
  log(`Activated in ${activationMs} ms`);
  return { models, assessment, tree, webviews, activationMs };
}

export function deactivate(): void {
  // Everything is disposed through context.subscriptions.
}
