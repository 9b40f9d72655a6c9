// Registers the DSOMM webviews: the activity details panel, the maturity dashboard, their
// serializers (so open panels come back after a reload) and the report export.
import * as vscode from 'vscode';
import { loadFixes, FixCatalogue } from '../../core/guidance/fixCatalogue';
import { STATUS_TEXT } from '../../core/view/activityTree';
import { decodeText } from '../../core/fs';
import { AssessmentService } from '../assessmentService';
import { log } from '../log';
import { ModelService } from '../modelService';
import { DetailsPanel, DETAILS_VIEW_TYPE } from './detailsPanel';
import { DashboardPanel, DASHBOARD_VIEW_TYPE } from './dashboardPanel';
import { registerExportReport } from './exportReport';

export interface Webviews {
  details: DetailsPanel;
  dashboard: DashboardPanel;
}

/** The activity uuid in a command argument: a uuid, `{ uuid }`, or a tree node with `activity`. */
export function activityUuidOf(arg: unknown): string | undefined {
  if (typeof arg === 'string') return arg;
  if (typeof arg !== 'object' || arg === null) return undefined;
  const o = arg as { uuid?: unknown; activity?: { uuid?: unknown } };
  if (typeof o.uuid === 'string') return o.uuid;
  if (typeof o.activity?.uuid === 'string') return o.activity.uuid;
  return undefined;
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
    vscode.commands.registerCommand('dsomm.openActivity', async (arg?: unknown) => {
      let uuid = activityUuidOf(arg);
      const model = await models.get();
      if (uuid && !model.activities.has(uuid)) {
        void vscode.window.showWarningMessage(`DSOMM: the model has no activity ${uuid}.`);
        return;
      }
      if (!uuid) {
        const result = await assessment.get();
        const status = new Map(result?.activities.map((r) => [r.activity.uuid, r.status]));
        const pick = await vscode.window.showQuickPick(
          [...model.activities.values()]
            .sort((a, b) => a.level - b.level || a.name.localeCompare(b.name))
            .map((a) => {
              const s = status.get(a.uuid);
              return { label: a.name, description: `L${a.level} · ${a.dimension} › ${a.subdimension}`, detail: s ? STATUS_TEXT[s] : undefined, uuid: a.uuid };
            }),
          { title: 'DSOMM: open activity details', placeHolder: 'Type to search the activities', matchOnDescription: true },
        );
        if (!pick) return;
        uuid = pick.uuid;
      }
      await details.show(uuid);
    }),
    vscode.commands.registerCommand('dsomm.openDashboard', () => dashboard.show()),
    registerExportReport(assessment, models, String(context.extension.packageJSON.version ?? '')),
  );
  return { details, dashboard };
}
