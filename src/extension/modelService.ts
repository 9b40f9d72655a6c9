// Owns the DSOMM model the extension shows: the bundled one, or the file named by the
// `dsomm.modelFile` setting. A user file that fails to load never leaves the user without
// a model: the bundled one is used and the error names file and line.
import * as vscode from 'vscode';
import { parseModel, ModelError, MAX_MODEL_FILE_SIZE } from '../core/model/loader';
import { Model } from '../core/model/types';
import { decodeText, isRefused } from '../core/fs';
import { readUriBounded } from './vscodeFileSystem';
import { log } from './log';
import { BundledDataSource } from '../core/bundledData';
import { configProblems } from './inputProblems';

export class ModelService implements vscode.Disposable {
  private model: Promise<Model> | undefined;
  private readonly changed = new vscode.EventEmitter<Model>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly bundled: BundledDataSource,
  ) {
    this.subscriptions.push(
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.modelFile')) void this.reload();
      }),
      // Restricted Mode ignored the workspace's model file; once trusted, it applies.
      vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()),
    );
  }

  get bundledUri(): vscode.Uri {
    return vscode.Uri.joinPath(this.context.extensionUri, 'model', 'dsomm-model.yaml');
  }

  /** The model, loaded on first use (never during activation). */
  get(): Promise<Model> {
    this.model ??= this.load();
    return this.model;
  }

  async reload(): Promise<Model> {
    this.model = this.load();
    const model = await this.model;
    this.changed.fire(model);
    return model;
  }

  /** The file the setting points at, or undefined for the bundled model. */
  configuredUri(): vscode.Uri | undefined {
    const setting = vscode.workspace.getConfiguration('dsomm').get<string>('modelFile', '').trim();
    if (!setting) return undefined;
    if (/^[a-z][\w+.-]+:\/\//i.test(setting)) return vscode.Uri.parse(setting);
    const folder = vscode.workspace.workspaceFolders?.[0];
    const expanded = setting.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
    if (expanded.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(expanded)) {
      // An absolute path lives where the workspace lives (local, remote or virtual).
      return folder ? folder.uri.with({ path: vscode.Uri.file(expanded).path }) : vscode.Uri.file(expanded);
    }
    return folder ? vscode.Uri.joinPath(folder.uri, expanded) : undefined;
  }

  private async load(): Promise<Model> {
    void explainRestrictedModelFile();
    const custom = this.configuredUri();
    if (custom) {
      try {
        const model = await readModel(custom);
        log(`Loaded DSOMM model ${model.meta.version ?? ''} from ${custom.toString(true)}: ${model.activities.size} activities, ${model.warnings.length} warnings`);
        for (const w of model.warnings) log(`  model warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`);
        errorShown = '';
        configProblems.set('model', model.warnings.map((w) => ({ uri: custom, ...(w.line ? { line: w.line } : {}), severity: 'warning' as const, message: w.message })));
        void showModelWarnings(custom, model.warnings);
        return model;
      } catch (e) {
        const err = e as Error;
        log(`Could not load the model file ${custom.toString(true)}: ${err.message}`);
        const line = err instanceof ModelError ? err.line : undefined;
        configProblems.set('model', [{ uri: custom, ...(line ? { line } : {}), severity: 'error', message: `This model file could not be used, so the bundled model is shown: ${err.message}` }]);
        void showModelError(custom, err);
      }
    }
    if (!custom) {
      errorShown = '';
      configProblems.set('model', []);
    }
    const model = await this.bundled.model();
    log(`Using the bundled DSOMM model ${model.meta.version ?? ''} (${model.activities.size} activities)`);
    return model;
  }

  dispose(): void {
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}

/**
 * In Restricted Mode VS Code hands us the user's value of `dsomm.modelFile` (a
 * restrictedConfiguration), not the workspace's. Say so once, instead of silently showing
 * another model than the workspace asks for.
 */
let restrictedNoticeShown = false;

/**
 * The workspace's own `dsomm.modelFile` while the workspace is not trusted. VS Code leaves a
 * restricted setting out of the workspace configuration in Restricted Mode, so the settings
 * files are looked at directly (the folders' .vscode/settings.json and the .code-workspace file).
 */
export async function ignoredWorkspaceModelFile(): Promise<string | undefined> {
  if (vscode.workspace.isTrusted) return undefined;
  const inspected = vscode.workspace.getConfiguration('dsomm').inspect<string>('modelFile');
  const configured = (inspected?.workspaceFolderValue ?? inspected?.workspaceValue)?.trim();
  if (configured) return configured;
  const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
  const wsFile = vscode.workspace.workspaceFile;
  if (wsFile && wsFile.scheme !== 'untitled') files.push(wsFile);
  for (const file of files) {
    const bytes = await readUriBounded(file, file.path, { maxBytes: 1024 * 1024 }).then(undefined, () => undefined);
    if (!bytes) continue;
    const decoded = decodeText(bytes);
    if ('error' in decoded) continue;
    // A JSON string value (escapes allowed); comments around it do not matter for this look-up.
    const m = /"dsomm\.modelFile"\s*:\s*"((?:[^"\\\n]|\\.)*)"/.exec(decoded.text);
    const value = m ? m[1].trim() : '';
    if (value) return value;
  }
  return undefined;
}

async function explainRestrictedModelFile(): Promise<void> {
  const ignored = await ignoredWorkspaceModelFile();
  if (!ignored) return;
  const message = `DSOMM: this workspace sets dsomm.modelFile to "${ignored}", which is ignored in Restricted Mode: a workspace could point it at any file on this machine, and a model supplies the texts and links shown. The ${vscode.workspace.getConfiguration('dsomm').get<string>('modelFile', '').trim() ? 'model from your user setting' : 'bundled model'} is used until you trust the workspace.`;
  log(message);
  if (restrictedNoticeShown) return;
  restrictedNoticeShown = true;
  const manage = 'Manage Workspace Trust';
  if ((await vscode.window.showInformationMessage(message, manage)) === manage) await vscode.commands.executeCommand('workbench.trust.manage');
}

async function readModel(uri: vscode.Uri, label?: string): Promise<Model> {
  const source = label ?? (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));
  const bytes = await readUriBounded(uri, source, { maxBytes: MAX_MODEL_FILE_SIZE }).catch((e) => {
    throw isRefused(e) ? new ModelError(e.message, source) : e;
  });
  const decoded = decodeText(bytes);
  if ('error' in decoded) throw new ModelError(decoded.error, source);
  return parseModel(decoded.text, source);
}

/** The warnings last shown, so a reload with the same warnings does not notify again. */
let warningsShown = '';

/** Skipped activities and unknown dependencies change what the tree shows: said once per change of the warnings. */
async function showModelWarnings(uri: vscode.Uri, warnings: readonly { message: string; line?: number }[]): Promise<void> {
  const key = `${uri.toString()}\u0000${warnings.map((w) => `${w.line ?? ''}:${w.message}`).join('\u0000')}`;
  if (!warnings.length || key === warningsShown) {
    if (!warnings.length) warningsShown = '';
    return;
  }
  warningsShown = key;
  const first = warnings[0];
  const more = warnings.length > 1 ? ` (and ${warnings.length - 1} more, listed in the Problems panel)` : '';
  const open = 'Open Model File';
  const choice = await vscode.window.showWarningMessage(`DSOMM: the model file loaded with ${warnings.length} warning${warnings.length === 1 ? '' : 's'}: ${first.line ? `line ${first.line}: ` : ''}${first.message}${more}.`, open);
  if (choice === open) {
    const pos = new vscode.Position(Math.max(0, (first.line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
  }
}

/** The model-file error last shown: the Problems panel keeps it in view, the notification says it once. */
let errorShown = '';

async function showModelError(uri: vscode.Uri, err: Error): Promise<void> {
  const line = err instanceof ModelError ? err.line : undefined;
  const key = `${uri.toString()}\u0000${err.message}`;
  if (key === errorShown) return;
  errorShown = key;
  const open = 'Open Model File';
  const bundled = 'Use Bundled Model';
  const choice = await vscode.window.showErrorMessage(
    `DSOMM: the model file could not be used, so the bundled model is shown. ${err.message}`,
    open,
    bundled,
  );
  if (choice === open) {
    const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
  } else if (choice === bundled) {
    await vscode.commands.executeCommand('dsomm.useBundledModel');
  }
}
