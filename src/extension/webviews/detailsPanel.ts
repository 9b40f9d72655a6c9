// The activity details panel: one panel, reused for whichever activity was opened last.
import * as vscode from 'vscode';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { activityDetails, hasFixTemplate } from '../../core/view/activityDetails';
import { DetailsUpdate, MessageContext } from '../../core/view/webviewMessages';
import { DEFAULT_STATES } from '../../core/progress/settings';
import { FolderAssessment } from '../assessmentService';
import { PanelController, WebviewDeps } from './panelController';

export const DETAILS_VIEW_TYPE = 'dsomm.activityDetails';

export class DetailsPanel extends PanelController {
  /** The activity shown. */
  uuid: string | undefined;

  constructor(deps: WebviewDeps) {
    super(deps, DETAILS_VIEW_TYPE, 'details.js');
  }

  /** Shows `uuid` (of the folder `folderKey`, default the first) in the panel, creating it beside the active editor if needed. */
  async show(uuid: string, folderKey?: string, preserveFocus = false): Promise<void> {
    this.uuid = uuid;
    this.folderKey = folderKey;
    if (this.panel) this.panel.reveal(this.panel.viewColumn, preserveFocus);
    else this.createPanel('Activity details', vscode.ViewColumn.Beside, preserveFocus);
    await this.refresh();
  }

  /** A panel VS Code restored after a reload; `state` is what the webview saved. */
  restore(panel: vscode.WebviewPanel, state: unknown): void {
    const saved = (state ?? {}) as { uuid?: unknown; folder?: unknown };
    this.uuid = typeof saved.uuid === 'string' ? saved.uuid : undefined;
    this.folderKey = typeof saved.folder === 'string' ? saved.folder : undefined;
    this.attach(panel);
  }

  /** The folder's progress state names, lowest score first (the web app's defaults if the settings are invalid). */
  private states(folder = this.folderAssessment()): string[] {
    try {
      if (folder) return folder.settings().states.map((s) => s.name);
    } catch {
      // The tree and the progress commands report invalid settings; the panel still works.
    }
    return DEFAULT_STATES.map((s) => s.name);
  }

  protected messageContext(model: Model): MessageContext {
    return { activities: model.activities, states: this.states() };
  }

  protected async render(model: Model, result: ScanResult | undefined, folder: FolderAssessment | undefined): Promise<{ title: string; message: unknown }> {
    const uuid = this.uuid ?? '';
    const fixes = result ? await this.deps.fixes() : undefined;
    const view = activityDetails(model, result, uuid, { states: this.states(folder), fixAvailable: !!fixes && !!result && hasFixTemplate(fixes, result, uuid) });
    const message: DetailsUpdate = { type: 'update', uuid, ...(this.folderKey ? { folder: this.folderKey } : {}), view: view ?? null };
    return { title: view ? view.name : 'Activity details', message };
  }
}
