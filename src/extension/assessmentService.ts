// Keeps one live assessment per workspace folder: builds the folder's index through
// vscode.workspace.fs when first asked, applies file-watcher events incrementally (only changed
// files are re-read), layers the team's progress file on the result, and re-evaluates. An
// external edit of the progress file or its companion evidence file (git pull, another editor)
// refreshes the result. Everything it computes comes from src/core.
import * as vscode from 'vscode';
import { DetectionData } from '../core/scan/scan';
import { FolderScan } from '../core/scan/folderScan';
import { ScanResult } from '../core/scan/result';
import { WorkspaceIndex } from '../core/scan/workspaceIndex';
import { applyProgress, loadWorkspaceProgress, META_FILE_NAME, ProgressData, ProgressFileError, ProgressSettings, TEAMS_FILE_NAME, WorkspaceProgress } from '../core/progress';
import { dirname, joinPath } from '../core/fs';
import { ModelService } from './modelService';
import { VscodeFileSystem } from './vscodeFileSystem';
import { notApplicableScoring, progressInputFor, progressSettingsFor } from './settings';
import { log } from './log';
import { yieldToHost } from './yieldToHost';
import { readTeamTools, TEAM_TOOLS_FILE, teamToolsProblem, withTeamTools } from '../core/scan/teamTools';
import { teamToolsInputProblem } from '../core/reports/inputProblems';
import { BundledDataSource } from '../core/bundledData';
import { configProblems } from './inputProblems';

/**
 * Watcher events closer together than this are applied as one update (a save, a git checkout).
 * VS Code's watcher already coalesces events for ~75 ms, so a short wait here is enough.
 */
const DEBOUNCE_MS = 25;

export interface DocumentAssessment {
  folder: vscode.WorkspaceFolder;
  result: ScanResult;
  index: WorkspaceIndex;
  /** The document's path relative to `folder`, '/'-separated (the index's key). */
  path: string;
}

/** '/'-separated path of `uri` inside `folder` ('' for the folder itself), or undefined when it is not inside. */
export function relativePath(folder: vscode.WorkspaceFolder, uri: vscode.Uri): string | undefined {
  if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority) return undefined;
  const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
  if (uri.path === base || `${uri.path}/` === base) return '';
  return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}

/** What a folder assessment needs from the service that owns it. */
interface AssessmentHost {
  readonly models: ModelService;
  detection(): Promise<DetectionData>;
  published(folder: FolderAssessment, result: ScanResult | undefined): void;
  indexingChanged?(folder: FolderAssessment): void;
}

/** The assessment of one workspace folder: its index, its progress files, its result. */
export class FolderAssessment implements vscode.Disposable {
  /** Stable key of the folder (its URI), used in tree node ids and command arguments. */
  readonly key: string;
  readonly fs: VscodeFileSystem;
  /** The folder's index and recorded configuration files: the same engine the CLI runs. */
  private scan: FolderScan | undefined;
  private scanned: ScanResult | undefined;
  private current: Promise<ScanResult | undefined> | undefined;
  private progressData: ProgressData | undefined;
  /** The last read of the DSOMM config, the team's files and the team (undefined before the first). */
  private loaded: WorkspaceProgress | undefined;
  /** "Team X is not in meta.yaml" was said for this team and config (once per session). */
  private teamNoticeShown: string | undefined;
  private progressProblem: string | undefined;
  private progressProblemAt: { file: string; line?: number; column?: number } | undefined;
  private readonly subscriptions: vscode.Disposable[] = [];
  private pending = new Map<string, boolean>();
  private progressDirty = false;
  private timer: NodeJS.Timeout | undefined;
  /** When the first of the pending watcher events arrived (for the "Updated after changes" log line). */
  private firstPendingAt = 0;
  private watching = false;
  private disposed = false;
  /**
   * The latest watcher and save events (at most 50), each queued for an update or ignored because
   * the assessment reads nothing of the file: what the integration tests check.
   */
  readonly recentFileEvents: { path: string; queued: boolean }[] = [];
  /**
   * What became of `.dsomm/tools.yaml` at the last index build: absent, used, ignored because the
   * workspace is not trusted (Restricted Mode), or not usable (the message names file and line).
   */
  teamTools: { state: 'absent' | 'used' | 'untrusted' | 'invalid'; message?: string } = { state: 'absent' };
  private teamToolsDirty = false;
  /** The last tools-file message shown, so an unchanged problem is not shown again on every rebuild. */
  private teamToolsShown: string | undefined;
  /** What the first (or a full) index build is doing, while it runs; undefined otherwise. */
  private indexingState: string | undefined;

  constructor(
    readonly folder: vscode.WorkspaceFolder,
    private readonly host: AssessmentHost,
  ) {
    this.key = folder.uri.toString();
    this.fs = new VscodeFileSystem(folder.uri);
    this.subscriptions.push(
      // Settings that decide what the index holds: index again (only once there is an index).
      vscode.workspace.onDidChangeConfiguration((e) => {
        const affects = (key: string) => e.affectsConfiguration(key, folder.uri);
        if (this.scan && (affects('dsomm.includeTestFolders') || affects('dsomm.maxFileSize'))) void this.rescan();
      }),
      // Restricted Mode ignored the team's tools file; once the workspace is trusted, it applies.
      vscode.workspace.onDidGrantWorkspaceTrust(() => {
        if (this.scan && this.teamTools.state === 'untrusted') void this.rescan();
      }),
    );
  }

  /** The latest result with the team's progress applied; the first call builds the index. */
  get(): Promise<ScanResult | undefined> {
    if (!this.current) {
      this.current = this.build();
      // Listeners (status bar, tree) learn about the first result like about any later one.
      void this.current.then((r) => r && this.publish(r));
    }
    return this.current;
  }

  /** While the index is being built: what it is doing ("Indexing 28 files…"), for the tree's message. */
  get indexing(): string | undefined {
    return this.indexingState;
  }

  private setIndexing(state: string | undefined): void {
    this.indexingState = state;
    this.host.indexingChanged?.(this);
  }

  /** The cached index (undefined before the first get() finished). */
  get workspaceIndex(): WorkspaceIndex | undefined {
    return this.scan?.index;
  }

  /** The team's progress as last read (undefined when no file could be read yet). */
  get progress(): ProgressData | undefined {
    return this.progressData;
  }

  /**
   * The progress settings for this folder as last read (files and team from the DSOMM config when
   * there is one; team '' when it is not known yet). Throws ProgressSettingsError for invalid settings.
   */
  settings(): ProgressSettings {
    return this.loaded?.settings ?? progressSettingsFor(this.folder);
  }

  /** The DSOMM config, the team's files and the team, read now. Throws ProgressFileError / ProgressSettingsError. */
  async loadProgress(): Promise<WorkspaceProgress> {
    return loadWorkspaceProgress(this.fs, progressInputFor(this.folder));
  }

  /** The last read of the config, files and team (undefined before the first read). */
  get lastProgressRead(): WorkspaceProgress | undefined {
    return this.loaded;
  }

  async rescan(): Promise<ScanResult | undefined> {
    this.scan = undefined;
    this.current = this.build();
    const r = await this.current;
    this.publish(r);
    return r;
  }

  /**
   * Runs one write to the progress files, then re-reads them and publishes the new result.
   * Errors (ProgressFileError, ProgressSettingsError, RangeError) reach the caller.
   */
  async write<T>(edit: (settings: ProgressSettings, names: ReadonlyMap<string, string>) => Promise<T>, settings: ProgressSettings = this.settings()): Promise<T> {
    const model = await this.host.models.get();
    const names = new Map<string, string>();
    for (const d of model.dimensions) for (const s of d.subdimensions) for (const a of s.activities) names.set(a.uuid, a.name);
    try {
      return await edit(settings, names);
    } finally {
      await this.reloadProgress();
    }
  }

  /** Re-reads the progress files and re-applies them (after a write or an external change). */
  async reloadProgress(): Promise<void> {
    await this.readProgressFiles();
    if (this.scanned) {
      this.current = Promise.resolve(this.withProgress(this.scanned));
      this.publish(await this.current);
    }
  }

  /** Re-evaluates with the current model (after a model change). */
  async reevaluate(): Promise<void> {
    if (!this.scan) return;
    this.scanned = this.scan.evaluate(await this.host.models.get());
    this.current = Promise.resolve(this.withProgress(this.scanned));
    this.publish(await this.current);
  }

  private publish(result: ScanResult | undefined): void {
    if (!this.disposed) this.host.published(this, result);
  }

  private async build(): Promise<ScanResult | undefined> {
    const folder = this.folder;
    const started = Date.now();
    this.setIndexing('Looking for pipeline and container files…');
    try {
      const data = await this.withTeamTools(await this.host.detection());
      const dataReady = Date.now();
      const config = vscode.workspace.getConfiguration('dsomm', folder.uri);
      const scan = new FolderScan(
        this.fs,
        folder.uri.toString(true),
        data,
        { maxFileSize: config.get<number>('maxFileSize'), includeTestFolders: config.get<boolean>('includeTestFolders') },
        { yieldFn: yieldToHost, onFilesFound: (n) => this.setIndexing(`Indexing ${n} ${n === 1 ? 'file' : 'files'}…`) },
      );
      await scan.build();
      const built = Date.now();
      this.scan = scan;
      this.watch();
      const model = await this.host.models.get();
      const modelReady = Date.now();
      this.scanned = scan.evaluate(model);
      await this.readProgressFiles();
      const result = this.withProgress(this.scanned);
      const done = Date.now();
      log(
        `Indexed ${folder.name}: ${result.files.length} files in ${done - started} ms (detection rules ${dataReady - started} ms, ` +
          `walk, read and parse ${built - dataReady} ms, model ${modelReady - built} ms, evaluation and progress ${done - modelReady} ms); ` +
          `achieved level ${result.achievedLevel}`,
      );
      return result;
    } catch (e) {
      log(`Indexing ${folder.name} failed: ${(e as Error).stack ?? e}`);
      void vscode.window.showErrorMessage(`DSOMM: the folder ${folder.name} could not be indexed: ${(e as Error).message}`);
      return undefined;
    } finally {
      this.setIndexing(undefined);
    }
  }

  /**
   * The detection data with the team's declared blocks and commands (`.dsomm/tools.yaml`) merged
   * in. In Restricted Mode the file is not read at all: an untrusted repository must not decide
   * what counts as detected. A file that cannot be used is named with its line, and ignored.
   */
  private async withTeamTools(data: DetectionData): Promise<DetectionData> {
    const where = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${this.folder.name}` : '';
    const toolsUri = vscode.Uri.joinPath(this.folder.uri, ...TEAM_TOOLS_FILE.split('/'));
    const problemKey = `tools:${this.key}`;
    configProblems.set(problemKey, []);
    if (!vscode.workspace.isTrusted) {
      const exists = await this.fs.stat(TEAM_TOOLS_FILE).then((st) => st.type === 'file', () => false);
      if (!exists) {
        this.teamTools = { state: 'absent' };
        return data;
      }
      const message = `DSOMM: ${TEAM_TOOLS_FILE}${where} is ignored in Restricted Mode: the blocks and commands it declares would decide what counts as detected. Trust the workspace to use it.`;
      this.teamTools = { state: 'untrusted', message };
      log(message);
      if (this.teamToolsShown !== message) {
        this.teamToolsShown = message;
        void vscode.window.showInformationMessage(message);
      }
      return data;
    }
    const read = await readTeamTools(this.fs, data.catalogue);
    if (read.state === 'absent') {
      this.teamTools = { state: 'absent' };
      return data;
    }
    if (read.state === 'invalid') {
      const message = `DSOMM: ${teamToolsProblem(read)}${where}`;
      this.teamTools = { state: 'invalid', message };
      log(message);
      // Kept in view (Problems panel, status bar) until fixed; the notification below is said once.
      configProblems.set(problemKey, [{ uri: toolsUri, ...(read.line ? { line: read.line } : {}), severity: 'error', message: teamToolsInputProblem(read).message }]);
      if (this.teamToolsShown !== message) {
        this.teamToolsShown = message;
        void vscode.window.showWarningMessage(message, OPEN_FILE).then(async (a) => {
          if (a === OPEN_FILE) await openProgressFile(this.folder, { file: read.file, line: read.line });
        });
      }
      return data;
    }
    this.teamTools = { state: 'used' };
    this.teamToolsShown = undefined;
    log(`Read ${TEAM_TOOLS_FILE}${where}: ${read.declared} declared block${read.declared === 1 ? '' : 's'} and commands`);
    return withTeamTools(data, read);
  }

  private withProgress(scanned: ScanResult): ScanResult {
    return this.progressData ? applyProgress(scanned, this.progressData, this.progressData.settings, { notApplicableScoring: notApplicableScoring(this.folder) }) : scanned;
  }

  /**
   * Reads both progress files. A file that does not parse keeps the last good progress on screen
   * and tells the user where the problem is (once per problem); the store never writes such a file.
   */
  private async readProgressFiles(): Promise<void> {
    let settings: ProgressSettings;
    try {
      settings = progressSettingsFor(this.folder);
    } catch (e) {
      this.progressData = undefined;
      this.loaded = undefined;
      this.reportOnce(`DSOMM: the progress settings are invalid: ${(e as Error).message}`);
      return;
    }
    try {
      const loaded = await this.loadProgress();
      this.loaded = loaded;
      this.progressData = loaded.data;
      if (loaded.configError) {
        // The config is ignored until it is fixed; the team's files are still shown.
        this.progressProblemAt = { file: loaded.configError.file, line: loaded.configError.line, column: loaded.configError.column };
        this.reportOnce(progressErrorMessage(this.folder, loaded.configError), loaded.configError);
      } else {
        this.progressProblem = undefined;
        this.progressProblemAt = undefined;
      }
      this.noticeUnknownTeam(loaded);
    } catch (e) {
      // Settings changed since the last good read: that progress no longer belongs here.
      const last = this.progressData?.settings;
      if (last && (last.file !== settings.file || (settings.team && last.team !== settings.team))) {
        this.progressData = undefined;
        this.loaded = undefined;
      }
      if (e instanceof ProgressFileError) {
        this.progressProblemAt = { file: e.file, line: e.line, column: e.column };
        this.reportOnce(progressErrorMessage(this.folder, e), e);
      }
      else this.reportOnce(`DSOMM: cannot read the progress file: ${(e as Error).message}`);
    }
  }

  /** Says once per team and config when the team is not one the workspace's DSOMM config lists. */
  private noticeUnknownTeam(loaded: WorkspaceProgress): void {
    const t = loaded.team;
    if (t.team === undefined || !t.unknownTo) return;
    const key = `${t.team}\n${t.unknownTo}`;
    if (this.teamNoticeShown === key) return;
    this.teamNoticeShown = key;
    const teams = loaded.config?.teams ?? [];
    const message = `DSOMM: the team "${t.team}" is not one of the teams in ${t.unknownTo} (${teams.join(', ')}), so the DSOMM web app will not show its progress.`;
    log(message);
    void vscode.window.showWarningMessage(message, ADD_TEAM, CHOOSE_TEAM).then((answer) => {
      if (answer === ADD_TEAM) void vscode.commands.executeCommand('dsomm.addTeamToConfig', { folder: this.key, team: t.team });
      else if (answer === CHOOSE_TEAM) void vscode.commands.executeCommand('dsomm.chooseTeam', { folder: this.key });
    });
  }

  /** Shows an error once until a different one (or a good read) replaces it. */
  private reportOnce(message: string, fileError?: ProgressFileError): void {
    if (message === this.progressProblem) return;
    this.progressProblem = message;
    log(message);
    if (fileError) void this.showError(fileError);
    else void vscode.window.showErrorMessage(message);
  }

  /** The problem with the progress files, when the last read failed. */
  get progressError(): string | undefined {
    return this.progressProblem;
  }

  /** Where the last failed read found the problem (file and line), for "open the file". */
  get progressErrorLine(): { file: string; line?: number; column?: number } | undefined {
    return this.progressProblemAt;
  }

  /** Shows a progress-file error with an "Open File" button that opens it at the line. */
  async showError(e: ProgressFileError): Promise<void> {
    const answer = await vscode.window.showErrorMessage(progressErrorMessage(this.folder, e), OPEN_FILE);
    if (answer === OPEN_FILE) await openProgressFile(this.folder, e);
  }

  private watch(): void {
    if (this.watching) return;
    this.watching = true;
    const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, '**/*'));
    const queue = (uri: vscode.Uri, deleted: boolean) => {
      const rel = relativePath(this.folder, uri);
      if (rel === undefined || rel === '') return;
      // The team's tools file changes what the catalogue counts: the index is built again.
      const teamTools = rel === TEAM_TOOLS_FILE || TEAM_TOOLS_FILE.startsWith(`${rel}/`);
      // Files the assessment never reads (a saved README, a touched lockfile) cause no work at all.
      const queued = !this.scan || teamTools || this.isProgressFile(rel) || this.scan.mayMatter(rel, deleted);
      this.recentFileEvents.push({ path: rel, queued });
      if (this.recentFileEvents.length > 50) this.recentFileEvents.shift();
      if (!queued) return;
      if (this.pending.size === 0 && !this.progressDirty && !this.teamToolsDirty) this.firstPendingAt = performance.now();
      if (teamTools) this.teamToolsDirty = true;
      // `.dsomm/` itself holds both the tools file and the progress files.
      if (this.isProgressFile(rel)) this.progressDirty = true;
      else if (!teamTools) this.pending.set(rel, deleted);
      clearTimeout(this.timer);
      // A short debounce folds the burst of events from a save or a git checkout into one update.
      this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
    };
    this.subscriptions.push(
      watcher,
      watcher.onDidChange((u) => queue(u, false)),
      watcher.onDidCreate((u) => queue(u, false)),
      watcher.onDidDelete((u) => queue(u, true)),
      // A save from the editor is known at once; the watcher reports it tens of ms later (and then
      // finds nothing new). Files changed outside the editor still come through the watcher.
      vscode.workspace.onDidSaveTextDocument((doc) => queue(doc.uri, false)),
    );
  }

  private isProgressFile(rel: string): boolean {
    try {
      const s = this.settings();
      // A created or deleted folder on the way (e.g. `.dsomm/` by git checkout): the watcher may
      // report the folder without the files inside it.
      const input = progressInputFor(this.folder);
      const configDir = dirname(input.progressFile ?? s.file);
      const config = [joinPath(configDir, META_FILE_NAME), joinPath(configDir, TEAMS_FILE_NAME)];
      return rel === s.file || rel === s.evidenceFile || config.includes(rel) || [s.file, s.evidenceFile, ...config].some((f) => f.startsWith(`${rel}/`));
    } catch {
      return false;
    }
  }

  private async flush(): Promise<void> {
    const changes = [...this.pending].map(([path, deleted]) => ({ path, deleted }));
    const progressChanged = this.progressDirty;
    const since = this.firstPendingAt;
    this.pending.clear();
    this.progressDirty = false;
    const scan = this.scan;
    if (!scan) {
      // An index build is running (a rescan): these changes may come after what it read, so they
      // are applied when it is done instead of being dropped.
      const building = this.current;
      if (building && (changes.length || progressChanged || this.teamToolsDirty)) {
        for (const c of changes) this.pending.set(c.path, c.deleted);
        if (progressChanged) this.progressDirty = true;
        void building.finally(() => {
          clearTimeout(this.timer);
          this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
        });
      }
      return;
    }
    if (this.teamToolsDirty) {
      this.teamToolsDirty = false;
      // The first progress record creates `.dsomm/`, and the watcher may report only the folder:
      // the tools file changes what counts only when it is there now or was there before.
      const toolsThere = await this.fs.stat(TEAM_TOOLS_FILE).then((st) => st.type === 'file', () => false);
      if (toolsThere || this.teamTools.state !== 'absent') {
        await this.rescan();
        log(`Indexed again after a change to ${TEAM_TOOLS_FILE} in ${Math.round(performance.now() - since)} ms`);
        return;
      }
    }
    try {
      const filesChanged = changes.length > 0 && (await scan.update(changes));
      if (filesChanged) this.scanned = scan.evaluate(await this.host.models.get());
      const problemBefore = this.progressProblem;
      if (progressChanged) await this.readProgressFiles();
      if ((filesChanged || progressChanged) && this.scanned) {
        const before = await this.current;
        const result = this.withProgress(this.scanned);
        this.current = Promise.resolve(result);
        // Our own writes come back as watcher events: when nothing the user sees changed, the tree
        // is not rebuilt again (a rebuild while a context menu is open would drop its argument).
        if (filesChanged || this.progressProblem !== problemBefore || !before || teamSignature(before) !== teamSignature(result)) this.publish(result);
        const names = changes.length > 3 ? `${changes.length} files` : changes.map((c) => c.path).join(', ') || 'the progress file';
        log(`Updated after changes to ${names} in ${Math.round(performance.now() - since)} ms (since the first file event)`);
      }
    } catch (e) {
      log(`Update after file changes in ${this.folder.name} failed: ${(e as Error).message}`);
    } finally {
      // An update that rebuilt the whole index (a .gitignore edit, a folder holding one moved in)
      // reported its file count as indexing; once it is done the view must not keep saying so.
      if (this.indexingState !== undefined) this.setIndexing(undefined);
    }
  }

  dispose(): void {
    this.disposed = true;
    configProblems.set(`tools:${this.key}`, []);
    clearTimeout(this.timer);
    for (const s of this.subscriptions) s.dispose();
  }
}

const OPEN_FILE = 'Open File';
const ADD_TEAM = 'Add Team to the DSOMM Config';
const CHOOSE_TEAM = 'Choose Another Team…';

/** What the team's files decide for a result: statuses, states and "not applicable" reasons. */
function teamSignature(result: ScanResult): string {
  return JSON.stringify(result.activities.map((a) => [a.activity.uuid, a.status, a.progress?.state, a.progress?.date, a.progress?.team, a.notApplicable, a.teamEvidence]));
}

function progressErrorMessage(folder: vscode.WorkspaceFolder, e: ProgressFileError): string {
  const where = `${e.file}${e.line ? ` line ${e.line}` : ''}`;
  const folderName = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${folder.name}` : '';
  return `DSOMM: ${where}${folderName} cannot be used: ${e.reason.split('\n')[0]}. It is left unchanged until it is fixed.`;
}

/** Opens the progress file at the problem's line. */
export async function openProgressFile(folder: vscode.WorkspaceFolder, e: { file: string; line?: number; column?: number }): Promise<void> {
  const uri = vscode.Uri.joinPath(folder.uri, ...e.file.split('/'));
  const pos = new vscode.Position(Math.max(0, (e.line ?? 1) - 1), Math.max(0, (e.column ?? 1) - 1));
  await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
}

export class AssessmentService implements vscode.Disposable, AssessmentHost {
  private readonly assessments = new Map<string, FolderAssessment>();
  private data: Promise<DetectionData> | undefined;
  private readonly changed = new vscode.EventEmitter<ScanResult | undefined>();
  /** Fires after every re-evaluation of any folder (files, progress, model), with that folder's result. */
  readonly onDidChange = this.changed.event;
  private readonly indexingEmitter = new vscode.EventEmitter<FolderAssessment>();
  /** Fires when a folder's index build starts, makes progress or ends (FolderAssessment.indexing). */
  readonly onDidChangeIndexing = this.indexingEmitter.event;
  private readonly subscriptions: vscode.Disposable[] = [];

  constructor(
    readonly models: ModelService,
    private readonly bundled: BundledDataSource,
  ) {
    this.subscriptions.push(
      models.onDidChange(() => {
        for (const f of this.assessments.values()) void f.reevaluate();
      }),
      vscode.workspace.onDidChangeWorkspaceFolders((e) => {
        for (const removed of e.removed) {
          this.assessments.get(removed.uri.toString())?.dispose();
          this.assessments.delete(removed.uri.toString());
        }
        // Listeners re-read folders(); added folders are assessed when asked for.
        this.changed.fire(undefined);
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (!['dsomm.progressFile', 'dsomm.team', 'dsomm.progressStates', 'dsomm.notApplicableScoring'].some((s) => e.affectsConfiguration(s))) return;
        for (const f of this.assessments.values()) void f.reloadProgress();
      }),
    );
  }

  /** The first workspace folder (kept for callers that predate multi-root support). */
  get folder(): vscode.WorkspaceFolder | undefined {
    return vscode.workspace.workspaceFolders?.[0];
  }

  /** One assessment per workspace folder, in the workspace's order. */
  folders(): FolderAssessment[] {
    return (vscode.workspace.workspaceFolders ?? []).map((f) => this.forFolder(f));
  }

  forFolder(folder: vscode.WorkspaceFolder): FolderAssessment {
    const key = folder.uri.toString();
    let a = this.assessments.get(key);
    if (!a) {
      a = new FolderAssessment(folder, this);
      this.assessments.set(key, a);
    }
    return a;
  }

  /** The assessment for a folder key (FolderAssessment.key), or the only folder's when `key` is undefined. */
  byKey(key: string | undefined): FolderAssessment | undefined {
    if (key === undefined) return this.folders()[0];
    return this.folders().find((f) => f.key === key);
  }

  /** The first folder's latest result, with the team's progress applied. */
  async get(): Promise<ScanResult | undefined> {
    return this.folders()[0]?.get();
  }

  /**
   * The assessment that a workspace file belongs to, for the providers that work on one document
   * (hovers, diagnostics, code actions, webviews). Answered from the cached index: no file-system walk.
   * `path` is the file's '/'-separated path relative to its workspace folder.
   */
  async resultFor(uri: vscode.Uri): Promise<DocumentAssessment | undefined> {
    const folder = vscode.workspace.getWorkspaceFolder(uri);
    if (!folder) return undefined;
    const assessment = this.forFolder(folder);
    const result = await assessment.get();
    const index = assessment.workspaceIndex;
    const path = relativePath(folder, uri);
    if (!result || !index || path === undefined) return undefined;
    return { folder, result, index, path };
  }

  /** Re-indexes every folder; resolves to the first folder's result. */
  async rescan(): Promise<ScanResult | undefined> {
    const results = await Promise.all(this.folders().map((f) => f.rescan()));
    return results[0];
  }

  detection(): Promise<DetectionData> {
    // From the build's snapshot: parsing the rules' YAML at first use was the slowest part of opening the view.
    this.data ??= this.bundled.detection().then(
      (detection) => {
        configProblems.set('detection', []);
        return detection;
      },
      (e: unknown) => {
        // Not kept: Refresh (or the next index build) tries again, e.g. after the files were repaired.
        this.data = undefined;
        configProblems.set('detection', [{ severity: 'error', message: `The detection rules (model/probes.yaml, model/rules.yaml) could not be loaded, so nothing can be detected: ${(e as Error)?.message ?? String(e)}` }]);
        throw e;
      },
    );
    return this.data;
  }

  published(_folder: FolderAssessment, result: ScanResult | undefined): void {
    this.changed.fire(result);
  }

  indexingChanged(folder: FolderAssessment): void {
    this.indexingEmitter.fire(folder);
  }

  dispose(): void {
    this.changed.dispose();
    this.indexingEmitter.dispose();
    for (const a of this.assessments.values()) a.dispose();
    for (const s of this.subscriptions) s.dispose();
  }
}
