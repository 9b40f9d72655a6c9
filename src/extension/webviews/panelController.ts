// One webview panel kind (details or dashboard): creates or restores its single panel, sends the
// current view-model whenever the webview asks ('ready', also after it was hidden and shown
// again) or the assessment changes, and checks every message before acting on it.
import * as vscode from 'vscode';
import { FixCatalogue } from '../../core/guidance/fixCatalogue';
import { Model } from '../../core/model/types';
import { ScanResult } from '../../core/scan/result';
import { checkMessage, MessageContext, WebviewMessage } from '../../core/view/webviewMessages';
import { AssessmentService, FolderAssessment } from '../assessmentService';
import { log } from '../log';
import { ModelService } from '../modelService';
import { handleCommonMessage } from './actions';
import { shellHtml, webviewOptions } from './shell';

export interface WebviewDeps {
  context: vscode.ExtensionContext;
  assessment: AssessmentService;
  models: ModelService;
  /** model/fixes.yaml, undefined when it cannot be read. */
  fixes(): Promise<FixCatalogue | undefined>;
}

export abstract class PanelController implements vscode.Disposable {
  /** The open panel (at most one of each kind). */
  panel: vscode.WebviewPanel | undefined;
  /** The last view-model sent to the webview (tests read it). */
  lastMessage: unknown;
  /** Messages refused by checkMessage since start (tests read it). */
  rejected: string[] = [];
  /** How often a webview page of this kind has loaded and said 'ready' (tests read it). */
  readyCount = 0;
  private panelSubscriptions: vscode.Disposable[] = [];
  /** The workspace folder shown (FolderAssessment.key); undefined = the first folder. */
  folderKey: string | undefined;

  constructor(
    protected readonly deps: WebviewDeps,
    readonly viewType: string,
    private readonly script: string,
  ) {}

  /** The message with the view-model for the webview. */
  protected abstract render(model: Model, result: ScanResult | undefined, folder: FolderAssessment | undefined): Promise<{ title: string; message: unknown }>;

  /** The assessment of the folder shown (the first folder when none was named or it was closed). */
  protected folderAssessment(): FolderAssessment | undefined {
    return this.deps.assessment.byKey(this.folderKey) ?? this.deps.assessment.folders()[0];
  }

  /** Uuids and states a message may name. */
  protected abstract messageContext(model: Model): MessageContext;

  /** Panel-specific messages; return false to leave a message to the shared handler. */
  protected handle(_m: WebviewMessage): Promise<boolean> {
    return Promise.resolve(false);
  }

  protected createPanel(title: string, column: vscode.ViewColumn, preserveFocus = false): vscode.WebviewPanel {
    const panel = vscode.window.createWebviewPanel(this.viewType, title, { viewColumn: column, preserveFocus }, webviewOptions(this.deps.context.extensionUri));
    this.attach(panel);
    return panel;
  }

  /** Wires a new or restored panel (a restored one keeps its column and title). */
  attach(panel: vscode.WebviewPanel): void {
    this.panel?.dispose();
    this.panel = panel;
    panel.iconPath = vscode.Uri.joinPath(this.deps.context.extensionUri, 'media', 'dsomm.svg');
    panel.webview.options = webviewOptions(this.deps.context.extensionUri);
    panel.webview.html = shellHtml(panel.webview, this.deps.context.extensionUri, { title: panel.title, script: this.script });
    this.panelSubscriptions = [
      panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
      panel.onDidDispose(() => {
        if (this.panel === panel) this.panel = undefined;
        for (const s of this.panelSubscriptions) s.dispose();
        this.panelSubscriptions = [];
      }),
    ];
  }

  /** Checks and acts on one message from the webview. */
  async receive(raw: unknown): Promise<void> {
    const model = await this.deps.models.get();
    const checked = checkMessage(raw, this.messageContext(model));
    if (!checked.ok) {
      this.rejected.push(checked.error);
      log(`Ignored a message from the ${this.viewType} webview: ${checked.error}`);
      return;
    }
    if (checked.message.type === 'ready') {
      this.readyCount++;
      return this.refresh();
    }
    if (await this.handle(checked.message)) return;
    const shown = this.folderAssessment();
    // A button acts on the folder whose figures the panel shows, whatever editor is active.
    await handleCommonMessage(checked.message, { folder: shown?.folder, key: shown?.key });
  }

  /** Sends the current view-model (the panel stays as it is: no new HTML, no flicker). */
  async refresh(): Promise<void> {
    const panel = this.panel;
    if (!panel) return;
    try {
      const folder = this.folderAssessment();
      const [model, result] = await Promise.all([this.deps.models.get(), folder?.get()]);
      const { title, message } = await this.render(model, result, folder);
      if (this.panel !== panel) return;
      panel.title = title;
      this.lastMessage = message;
      await panel.webview.postMessage(message);
    } catch (e) {
      log(`Updating the ${this.viewType} panel failed: ${(e as Error).stack ?? e}`);
    }
  }

  dispose(): void {
    this.panel?.dispose();
  }
}
