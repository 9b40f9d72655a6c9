// Registers the DSOMM webviews: the activity details panel, the maturity dashboard, their
// serializers (so open panels come back after a reload) and the report export.
import * as vscode from 'vscode';
import { loadFixes, FixCatalogue } from '../../core/guidance/fixCatalogue';
import { activityPickItems } from '../../core/view/activityTree';
import { resolveActivityArgs } from '../../core/view/activityArgs';
import { decodeText } from '../../core/fs';
import { AssessmentService } from '../assessmentService';
import { displayedFolder } from '../folderChoice';
import { log } from '../log';
import { ModelService } from '../modelService';
import { DetailsPanel, DETAILS_VIEW_TYPE } from './detailsPanel';
import { DashboardPanel, DASHBOARD_VIEW_TYPE } from './dashboardPanel';
import { registerExportReport } from './exportReport';

export interface Webviews {
  details: DetailsPanel;
  dashboard: DashboardPanel;
}

export function registerWebviews(context: vscode.ExtensionContext, assessment: AssessmentService, models: ModelService): Webviews {
  let fixes: Promise<FixCatalogue | undefined> | undefined;
  const deps = {
    context,
    assessment,
    models,
    fixes: () =>
      (fixes ??= (async () => {
        try {
          const d = decodeText(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'model', 'fixes.yaml')));
          if ('error' in d) throw new Error(d.error);
          return loadFixes(d.text, 'fixes.yaml');
        } catch (e) {
          log(`Quick-fix templates unavailable: ${(e as Error).message}`);
          return undefined;
        }
      })()),
  };
  const details = new DetailsPanel(deps);
  const dashboard = new DashboardPanel(deps);
  const refreshAll = () => {
    void details.refresh();
    void dashboard.refresh();
  };

  context.subscriptions.push(
    details,
    dashboard,
    vscode.window.registerWebviewPanelSerializer(DETAILS_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => details.restore(panel, state) }),
    vscode.window.registerWebviewPanelSerializer(DASHBOARD_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => dashboard.restore(panel) }),
    assessment.onDidChange(refreshAll),
    models.onDidChange(refreshAll),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration('dsomm.targetLevel')) void dashboard.refresh();
    }),
    vscode.commands.registerCommand('dsomm.openActivity', async (arg?: unknown, selection?: unknown) => {
      const resolved = resolveActivityArgs(arg, selection);
      if (resolved.kind === 'invalid') {
        void vscode.window.showWarningMessage(`DSOMM: cannot open activity details: ${resolved.message}.`);
        return;
      }
      const model = await models.get();
      let target = resolved.kind === 'targets' ? resolved.targets[0] : undefined;
      if (target && !model.activities.has(target.uuid)) {
        void vscode.window.showWarningMessage(`DSOMM: the model has no activity ${target.uuid}.`);
        return;
      }
      // Without a folder the details show the one the status bar speaks for.
      const folder = target?.folder ?? displayedFolder(assessment)?.key;
      if (!target) {
        const pick = await vscode.window.showQuickPick(activityPickItems(model, await assessment.byKey(folder)?.get()), {
          title: 'DSOMM: open activity details',
          placeHolder: 'Type to search the activities',
          matchOnDescription: true,
          matchOnDetail: true,
        });
        if (!pick) return;
        target = { uuid: pick.uuid };
      }
      await details.show(target.uuid, folder);
    }),
    // From a folder node of the tree (multi-root) the dashboard shows that folder.
    vscode.commands.registerCommand('dsomm.openDashboard', (arg?: unknown) => {
      const key = arg && typeof arg === 'object' && typeof (arg as { folder?: unknown }).folder === 'string' ? (arg as { folder: string }).folder : undefined;
      return dashboard.show(key && assessment.byKey(key) ? key : undefined);
    }),
    registerExportReport(assessment, models, (context.extension.packageJSON as { version?: string }).version ?? ''),
  );
  return { details, dashboard };
}
