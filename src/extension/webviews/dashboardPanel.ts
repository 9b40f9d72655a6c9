// The maturity dashboard: heatmap, progress up to the target level, next best activities.
import * as vscode from 'vscode';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { buildDashboard } from '../../core/view/dashboard';
import { MessageContext } from '../../core/view/webviewMessages';
import { targetLevel } from '../settings';
import { FolderAssessment } from '../assessmentService';
import { PanelController, WebviewDeps } from './panelController';

export const DASHBOARD_VIEW_TYPE = 'dsomm.dashboard';

export class DashboardPanel extends PanelController {
  constructor(deps: WebviewDeps) {
    super(deps, DASHBOARD_VIEW_TYPE, 'dashboard.js');
  }

  /**
   * Shows the dashboard of the folder `folderKey` (FolderAssessment.key). Without one, a multi-root
   * workspace shows the active editor's folder (the one the status bar speaks for), else the first.
   */
  async show(folderKey?: string): Promise<void> {
    this.folderKey = folderKey ?? this.activeFolderKey();
    if (this.panel) this.panel.reveal(this.panel.viewColumn);
    else this.createPanel('DSOMM Maturity', vscode.ViewColumn.Active);
    await this.refresh();
  }

  private activeFolderKey(): string | undefined {
    if ((vscode.workspace.workspaceFolders?.length ?? 0) < 2) return undefined;
    const uri = vscode.window.activeTextEditor?.document.uri;
    const folder = uri && vscode.workspace.getWorkspaceFolder(uri);
    return folder ? this.deps.assessment.forFolder(folder).key : this.folderKey;
  }

  restore(panel: vscode.WebviewPanel): void {
    this.attach(panel);
  }

  protected messageContext(model: Model): MessageContext {
    return { activities: model.activities };
  }

  protected async render(model: Model, result: ScanResult | undefined, folder: FolderAssessment | undefined): Promise<{ title: string; message: unknown }> {
    // In a multi-root workspace the tab says whose maturity it shows.
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const title = multiRoot && folder ? `DSOMM Maturity: ${folder.folder.name}` : 'DSOMM Maturity';
    return { title, message: { type: 'update', view: buildDashboard(model, result, { targetLevel: targetLevel() }) } };
  }
}
