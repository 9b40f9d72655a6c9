// The maturity dashboard: heatmap, progress up to the target level, next best activities.
import * as vscode from 'vscode';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { buildDashboard } from '../../core/view/dashboard';
import { DashboardUpdate, MessageContext } from '../../core/view/webviewMessages';
import { targetLevel } from '../settings';
import { FolderAssessment } from '../assessmentService';
import { displayedFolder } from '../folderChoice';
import { PanelController, WebviewDeps } from './panelController';

export const DASHBOARD_VIEW_TYPE = 'dsomm.dashboard';

export class DashboardPanel extends PanelController {
  constructor(deps: WebviewDeps) {
    super(deps, DASHBOARD_VIEW_TYPE, 'dashboard.js');
  }

  /**
   * Shows the dashboard of the folder `folderKey` (FolderAssessment.key). Without one, the folder the
   * status bar speaks for (displayedFolder: the active editor's, else the one shown, else the first).
   */
  async show(folderKey?: string): Promise<void> {
    this.folderKey = folderKey ?? displayedFolder(this.deps.assessment, this.folderKey)?.key;
    if (this.panel) this.panel.reveal(this.panel.viewColumn);
    else this.createPanel('DSOMM Maturity', vscode.ViewColumn.Active);
    await this.refresh();
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
    const message: DashboardUpdate = { type: 'update', view: buildDashboard(model, result, { targetLevel: targetLevel() }) };
    return { title, message };
  }
}
