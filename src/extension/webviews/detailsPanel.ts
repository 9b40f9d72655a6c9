// The activity details panel: one panel, reused for whichever activity was opened last.
import * as vscode from 'vscode';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { activityDetails, hasFixTemplate } from '../../core/view/activityDetails';
import { MessageContext } from '../../core/view/webviewMessages';
import { DEFAULT_STATES } from '../../core/progress/settings';
import { PanelController, WebviewDeps } from './panelController';

export const DETAILS_VIEW_TYPE = 'dsomm.activityDetails';

export class DetailsPanel extends PanelController {
  /** The activity shown. */
  uuid: string | undefined;

  constructor(deps: WebviewDeps) {
    super(deps, DETAILS_VIEW_TYPE, 'details.js');
  }

  /** Shows `uuid` in the panel, creating it beside the active editor if needed. */
  async show(uuid: string, preserveFocus = false): Promise<void> {
    this.uuid = uuid;
    if (this.panel) this.panel.reveal(this.panel.viewColumn, preserveFocus);
    else this.createPanel('Activity details', vscode.ViewColumn.Beside, preserveFocus);
    await this.refresh();
  }

  /** A panel VS Code restored after a reload; `state` is what the webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const uuid = (state as { uuid?: unknown } | undefined)?.uuid;
    this.uuid = typeof uuid === 'string' ? uuid : undefined;
    this.attach(panel);
  }

  private states(): string[] {
    return DEFAULT_STATES.map((s) => s.name);
  }

  protected messageContext(model: Model): MessageContext {
    return { activities: model.activities, states: this.states() };
  }

  protected async render(model: Model, result: ScanResult | undefined): Promise<{ title: string; message: unknown }> {
    const uuid = this.uuid ?? '';
    const fixes = result ? await this.deps.fixes() : undefined;
    const view = activityDetails(model, result, uuid, { states: this.states(), fixAvailable: !!fixes && !!result && hasFixTemplate(fixes, result, uuid) });
    return { title: view ? view.name : 'Activity details', message: { type: 'update', uuid, view: view ?? null } };
  }
}
