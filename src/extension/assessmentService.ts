// Keeps one live assessment of the workspace: builds the index through vscode.workspace.fs
// when first asked, then applies file-watcher events incrementally (only changed files are
// re-read) and re-evaluates. Everything it computes comes from src/core.
import * as vscode from 'vscode';
import { Model } from '../core/model/types';
import { DetectionData, loadDetectionData } from '../core/scan/scan';
import { evaluate } from '../core/scan/evaluate';
import { ScanResult } from '../core/scan/result';
import { WorkspaceIndex } from '../core/scan/workspaceIndex';
import { decodeText } from '../core/fs';
import { ModelService } from './modelService';
import { VscodeFileSystem } from './vscodeFileSystem';
import { log } from './log';

export interface DocumentAssessment {
  folder: vscode.WorkspaceFolder;
  result: ScanResult;
  index: WorkspaceIndex;
  /** The document's path relative to `folder`, '/'-separated (the index's key). */
  path: string;
}

export class AssessmentService implements vscode.Disposable {
  private index: WorkspaceIndex | undefined;
  private current: Promise<ScanResult | undefined> | undefined;
  private data: Promise<DetectionData> | undefined;
  private readonly changed = new vscode.EventEmitter<ScanResult | undefined>();
  readonly onDidChange = this.changed.event;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending = new Map<string, boolean>();
  private timer: NodeJS.Timeout | undefined;

  constructor(
    private readonly context: vscode.ExtensionContext,
    private readonly models: ModelService,
  ) {
    this.subscriptions.push(
      models.onDidChange(() => void this.reevaluate()),
      // Settings that decide what the index holds: index again (only once there is an index).
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (this.index && (e.affectsConfiguration('dsomm.includeTestFolders') || e.affectsConfiguration('dsomm.maxFileSize'))) void this.rescan();
      }),
    );
  }

  get folder(): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.[0];
  }

  /** The latest result; the first call builds the index (never during activation). */
  get(): Promise<ScanResult | undefined> {
    if (!this.current) {
      this.current = this.build();
      // Listeners (status bar, tree) learn about the first result like about any later one.
      void this.current.then((r) => r && this.changed.fire(r));
    }
    return this.current;
  }

  /**
   * The assessment that a workspace file belongs to, for the providers that work on one document
   * (hovers, diagnostics, code actions, webviews). Answered from the cached index: no file-system walk.
   * `path` is the file's '/'-separated path relative to its workspace folder.
   */
  async resultFor(uri: vscode.Uri): Promise<DocumentAssessment | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder || folder.uri.toString() !== this.folder?.uri.toString()) return undefined;
    const result = await this.get();
    if (!result || !this.index) return undefined;
    return { folder, result, index: this.index, path: vscode.workspace.asRelativePath(uri, false) };
  }

  async rescan(): Promise<ScanResult | undefined> {
    this.index = undefined;
    this.current = this.build();
    const r = await this.current;
    this.changed.fire(r);
    return r;
  }

  private detection(): Promise<DetectionData> {
    this.data ??= (async () => {
      const read = async (name: string) => {
        const uri = vscode.Uri.joinPath(this.context.extensionUri, 'model', name);
        const d = decodeText(await vscode.workspace.fs.readFile(uri));
        if ('error' in d) throw new Error(`${name}: ${d.error}`);
        return d.text;
      };
      return loadDetectionData(await read('probes.yaml'), 'probes.yaml', await read('rules.yaml'), 'rules.yaml');
    })();
    return this.data;
  }

  private async build(): Promise<ScanResult | undefined> {
    const folder = this.folder;
    if (!folder) return undefined;
    const started = Date.now();
    try {
      const data = await this.detection();
      const index = new WorkspaceIndex(new VscodeFileSystem(folder.uri), data.catalogue, {
        maxFileSize: vscode.workspace.getConfiguration('dsomm').get<number>('maxFileSize', 1024 * 1024),
        includeTestFolders: vscode.workspace.getConfiguration('dsomm').get<boolean>('includeTestFolders', false),
        yieldFn: () => new Promise((r) => setTimeout(r, 0)),
      });
      await index.build();
      this.index = index;
      this.detectionData = data;
      this.watch(folder);
      const result = this.evaluate(await this.models.get());
      log(`Indexed ${folder.name}: ${result.files.length} files in ${Date.now() - started} ms; achieved level ${result.achievedLevel}`);
      return result;
    } catch (e) {
      log(`Indexing ${folder.name} failed: ${(e as Error).stack ?? e}`);
      void vscode.window.showErrorMessage(`DSOMM: the workspace could not be indexed: ${(e as Error).message}`);
      return undefined;
    }
  }

  private detectionData: DetectionData | undefined;

  private evaluate(model: Model): ScanResult {
    const data = this.detectionData!;
    return evaluate({ root: this.folder!.uri.toString(true), index: this.index!, model, catalogue: data.catalogue, rules: data.rules });
  }

  private async reevaluate(): Promise<void> {
    if (!this.index || !this.detectionData) return;
    this.current = Promise.resolve(this.evaluate(await this.models.get()));
    this.changed.fire(await this.current);
  }

  private watching = false;

  private watch(folder: vscode.WorkspaceFolder): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(folder, '**/*'));
    const queue = (uri: vscode.Uri, deleted: boolean) => {
      const rel = vscode.workspace.asRelativePath(uri, false);
      if (rel === uri.fsPath || rel.startsWith('..')) return;
      this.pending.set(rel, deleted);
      clearTimeout(this.timer);
      // A short debounce folds the burst of events from a save or a git checkout into one update.
      this.timer = setTimeout(() => void this.flush(), 150);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidChange((u) => queue(u, false)),
      watcher.onDidCreate((u) => queue(u, false)),
      watcher.onDidDelete((u) => queue(u, true)),
    );
  }

  private async flush(): Promise<void> {
    const changes = [...this.pending].map(([path, deleted]) => ({ path, deleted }));
    this.pending.clear();
    if (!this.index || !changes.length) return;
    try {
      if (await this.index.update(changes)) await this.reevaluate();
    } catch (e) {
      log(`Update after file changes failed: ${(e as Error).message}`);
    }
  }

  dispose(): void {
    clearTimeout(this.timer);
    this.changed.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
