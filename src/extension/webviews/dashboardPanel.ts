// The maturity dashboard: heatmap, progress up to the target level, next best activities.
import * as vscode from 'vscode';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { buildDashboard } from '../../core/view/dashboard';
import { MessageContext } from '../../core/view/webviewMessages';
import { targetLevel } from '../settings';
import { PanelController, WebviewDeps } from './panelController';

export const DASHBOARD_VIEW_TYPE = 'dsomm.dashboard';

export class DashboardPanel extends PanelController {
  constructor(deps: WebviewDeps) {
    super(deps, DASHBOARD_VIEW_TYPE, 'dashboard.js');
  }

  async show(): Promise<void> {
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

  protected async render(model: Model, result: ScanResult | undefined): Promise<{ title: string; message: unknown }> {
    return { title: 'DSOMM Maturity', message: { type: 'update', view: buildDashboard(model, result, { targetLevel: targetLevel() }) } };
  }
}
