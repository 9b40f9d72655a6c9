"use strict";
var __createBinding = (this && this.__createBinding) || (Object.create ? (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    var desc = Object.getOwnPropertyDescriptor(m, k);
    if (!desc || ("get" in desc ? !m.__esModule : desc.writable || desc.configurable)) {
      desc = { enumerable: true, get: function() { return m[k]; } };
    }
    Object.defineProperty(o, k2, desc);
}) : (function(o, m, k, k2) {
    if (k2 === undefined) k2 = k;
    o[k2] = m[k];
}));
var __setModuleDefault = (this && this.__setModuleDefault) || (Object.create ? (function(o, v) {
    Object.defineProperty(o, "default", { enumerable: true, value: v });
}) : function(o, v) {
    o["default"] = v;
});
var __importStar = (this && this.__importStar) || (function () {
    var ownKeys = function(o) {
        ownKeys = Object.getOwnPropertyNames || function (o) {
            var ar = [];
            for (var k in o) if (Object.prototype.hasOwnProperty.call(o, k)) ar[ar.length] = k;
            return ar;
        };
        return ownKeys(o);
    };
    return function (mod) {
        if (mod && mod.__esModule) return mod;
        var result = {};
        if (mod != null) for (var k = ownKeys(mod), i = 0; i < k.length; i++) if (k[i] !== "default") __createBinding(result, mod, k[i]);
        __setModuleDefault(result, mod);
        return result;
    };
})();
Object.defineProperty(exports, "__esModule", { value: true });
exports.AssessmentService = exports.FolderAssessment = void 0;
exports.relativePath = relativePath;
exports.openProgressFile = openProgressFile;
// Keeps one live assessment per workspace folder: builds the folder's index through
// vscode.workspace.fs when first asked, applies file-watcher events incrementally (only changed
// files are re-read), layers the team's progress file on the result, and re-evaluates. An
// external edit of the progress file or its companion evidence file (git pull, another editor)
// refreshes the result. Everything it computes comes from src/core.
const vscode = __importStar(require("vscode"));
const folderScan_1 = require("../core/scan/folderScan");
const progress_1 = require("../core/progress");
const fs_1 = require("../core/fs");
const vscodeFileSystem_1 = require("./vscodeFileSystem");
const settings_1 = require("./settings");
const log_1 = require("./log");
const yieldToHost_1 = require("./yieldToHost");
const teamTools_1 = require("../core/scan/teamTools");
const inputProblems_1 = require("../core/reports/inputProblems");
const bundledData_1 = require("./bundledData");
const inputProblems_2 = require("./inputProblems");
/**
 * Watcher events closer together than this are applied as one update (a save, a git checkout).
 * VS Code's watcher already coalesces events for ~75 ms, so a short wait here is enough.
 */
const DEBOUNCE_MS = 25;
/** '/'-separated path of `uri` inside `folder` ('' for the folder itself), or undefined when it is not inside. */
function relativePath(folder, uri) {
    if (uri.scheme !== folder.uri.scheme || uri.authority !== folder.uri.authority)
        return undefined;
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.path === base || `${uri.path}/` === base)
        return '';
    return uri.path.startsWith(base) ? uri.path.slice(base.length) : undefined;
}
/** The assessment of one workspace folder: its index, its progress files, its result. */
class FolderAssessment {
    folder;
    host;
    /** Stable key of the folder (its URI), used in tree node ids and command arguments. */
    key;
    fs;
    /** The folder's index and recorded configuration files: the same engine the CLI runs. */
    scan;
    scanned;
    current;
    progressData;
    /** The last read of the DSOMM config, the team's files and the team (undefined before the first). */
    loaded;
    /** "Team X is not in meta.yaml" was said for this team and config (once per session). */
    teamNoticeShown;
    progressProblem;
    progressProblemAt;
    subscriptions = [];
    pending = new Map();
    progressDirty = false;
    timer;
    /** When the first of the pending watcher events arrived (for the "Updated after changes" log line). */
    firstPendingAt = 0;
    watching = false;
    disposed = false;
    /**
     * The latest watcher and save events (at most 50), each queued for an update or ignored because
     * the assessment reads nothing of the file: what the integration tests check.
     */
    recentFileEvents = [];
    /**
     * What became of `.dsomm/tools.yaml` at the last index build: absent, used, ignored because the
     * workspace is not trusted (Restricted Mode), or not usable (the message names file and line).
     */
    teamTools = { state: 'absent' };
    teamToolsDirty = false;
    /** The last tools-file message shown, so an unchanged problem is not shown again on every rebuild. */
    teamToolsShown;
    /** What the first (or a full) index build is doing, while it runs; undefined otherwise. */
    indexingState;
    constructor(folder, host) {
        this.folder = folder;
        this.host = host;
        this.key = folder.uri.toString();
        this.fs = new vscodeFileSystem_1.VscodeFileSystem(folder.uri);
        this.subscriptions.push(
        // Settings that decide what the index holds: index again (only once there is an index).
        vscode.workspace.onDidChangeConfiguration((e) => {
            const affects = (key) => e.affectsConfiguration(key, folder.uri);
            if (this.scan && (affects('dsomm.includeTestFolders') || affects('dsomm.maxFileSize')))
                void this.rescan();
        }), 
        // Restricted Mode ignored the team's tools file; once the workspace is trusted, it applies.
        vscode.workspace.onDidGrantWorkspaceTrust(() => {
            if (this.scan && this.teamTools.state === 'untrusted')
                void this.rescan();
        }));
    }
    /** The latest result with the team's progress applied; the first call builds the index. */
    get() {
        if (!this.current) {
            this.current = this.build();
            // Listeners (status bar, tree) learn about the first result like about any later one.
            void this.current.then((r) => r && this.publish(r));
        }
        return this.current;
    }
    /** While the index is being built: what it is doing ("Indexing 28 files…"), for the tree's message. */
    get indexing() {
        return this.indexingState;
    }
    setIndexing(state) {
        this.indexingState = state;
        this.host.indexingChanged?.(this);
    }
    /** The cached index (undefined before the first get() finished). */
    get workspaceIndex() {
        return this.scan?.index;
    }
    /** The team's progress as last read (undefined when no file could be read yet). */
    get progress() {
        return this.progressData;
    }
    /**
     * The progress settings for this folder as last read (files and team from the DSOMM config when
     * there is one; team '' when it is not known yet). Throws ProgressSettingsError for invalid settings.
     */
    settings() {
        return this.loaded?.settings ?? (0, settings_1.progressSettingsFor)(this.folder);
    }
    /** The DSOMM config, the team's files and the team, read now. Throws ProgressFileError / ProgressSettingsError. */
    async loadProgress() {
        return (0, progress_1.loadWorkspaceProgress)(this.fs, (0, settings_1.progressInputFor)(this.folder));
    }
    /** The last read of the config, files and team (undefined before the first read). */
    get lastProgressRead() {
        return this.loaded;
    }
    async rescan() {
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
    async write(edit, settings = this.settings()) {
        const model = await this.host.models.get();
        const names = new Map();
        for (const d of model.dimensions)
            for (const s of d.subdimensions)
                for (const a of s.activities)
                    names.set(a.uuid, a.name);
        try {
            return await edit(settings, names);
        }
        finally {
            await this.reloadProgress();
        }
    }
    /** Re-reads the progress files and re-applies them (after a write or an external change). */
    async reloadProgress() {
        await this.readProgressFiles();
        if (this.scanned) {
            this.current = Promise.resolve(this.withProgress(this.scanned));
            this.publish(await this.current);
        }
    }
    /** Re-evaluates with the current model (after a model change). */
    async reevaluate() {
        if (!this.scan)
            return;
        this.scanned = this.scan.evaluate(await this.host.models.get());
        this.current = Promise.resolve(this.withProgress(this.scanned));
        this.publish(await this.current);
    }
    publish(result) {
        if (!this.disposed)
            this.host.published(this, result);
    }
    async build() {
        const folder = this.folder;
        const started = Date.now();
        this.setIndexing('Looking for pipeline and container files…');
        try {
            const data = await this.withTeamTools(await this.host.detection());
            const dataReady = Date.now();
            const config = vscode.workspace.getConfiguration('dsomm', folder.uri);
            const scan = new folderScan_1.FolderScan(this.fs, folder.uri.toString(true), data, { maxFileSize: config.get('maxFileSize'), includeTestFolders: config.get('includeTestFolders') }, { yieldFn: yieldToHost_1.yieldToHost, onFilesFound: (n) => this.setIndexing(`Indexing ${n} ${n === 1 ? 'file' : 'files'}…`) });
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
            (0, log_1.log)(`Indexed ${folder.name}: ${result.files.length} files in ${done - started} ms (detection rules ${dataReady - started} ms, ` +
                `walk, read and parse ${built - dataReady} ms, model ${modelReady - built} ms, evaluation and progress ${done - modelReady} ms); ` +
                `achieved level ${result.achievedLevel}`);
            return result;
        }
        catch (e) {
            (0, log_1.log)(`Indexing ${folder.name} failed: ${e.stack ?? e}`);
            void vscode.window.showErrorMessage(`DSOMM: the folder ${folder.name} could not be indexed: ${e.message}`);
            return undefined;
        }
        finally {
            this.setIndexing(undefined);
        }
    }
    /**
     * The detection data with the team's declared blocks and commands (`.dsomm/tools.yaml`) merged
     * in. In Restricted Mode the file is not read at all: an untrusted repository must not decide
     * what counts as detected. A file that cannot be used is named with its line, and ignored.
     */
    async withTeamTools(data) {
        const where = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${this.folder.name}` : '';
        const toolsUri = vscode.Uri.joinPath(this.folder.uri, ...teamTools_1.TEAM_TOOLS_FILE.split('/'));
        const problemKey = `tools:${this.key}`;
        inputProblems_2.configProblems.set(problemKey, []);
        if (!vscode.workspace.isTrusted) {
            const exists = await this.fs.stat(teamTools_1.TEAM_TOOLS_FILE).then((st) => st.type === 'file', () => false);
            if (!exists) {
                this.teamTools = { state: 'absent' };
                return data;
            }
            const message = `DSOMM: ${teamTools_1.TEAM_TOOLS_FILE}${where} is ignored in Restricted Mode: the blocks and commands it declares would decide what counts as detected. Trust the workspace to use it.`;
            this.teamTools = { state: 'untrusted', message };
            (0, log_1.log)(message);
            if (this.teamToolsShown !== message) {
                this.teamToolsShown = message;
                void vscode.window.showInformationMessage(message);
            }
            return data;
        }
        const read = await (0, teamTools_1.readTeamTools)(this.fs, data.catalogue);
        if (read.state === 'absent') {
            this.teamTools = { state: 'absent' };
            return data;
        }
        if (read.state === 'invalid') {
            const message = `DSOMM: ${(0, teamTools_1.teamToolsProblem)(read)}${where}`;
            this.teamTools = { state: 'invalid', message };
            (0, log_1.log)(message);
            // Kept in view (Problems panel, status bar) until fixed; the notification below is said once.
            inputProblems_2.configProblems.set(problemKey, [{ uri: toolsUri, ...(read.line ? { line: read.line } : {}), severity: 'error', message: (0, inputProblems_1.teamToolsInputProblem)(read).message }]);
            if (this.teamToolsShown !== message) {
                this.teamToolsShown = message;
                void vscode.window.showWarningMessage(message, OPEN_FILE).then(async (a) => {
                    if (a === OPEN_FILE)
                        await openProgressFile(this.folder, { file: read.file, line: read.line });
                });
            }
            return data;
        }
        this.teamTools = { state: 'used' };
        this.teamToolsShown = undefined;
        (0, log_1.log)(`Read ${teamTools_1.TEAM_TOOLS_FILE}${where}: ${read.declared} declared block${read.declared === 1 ? '' : 's'} and commands`);
        return (0, teamTools_1.withTeamTools)(data, read);
    }
    withProgress(scanned) {
        return this.progressData ? (0, progress_1.applyProgress)(scanned, this.progressData, this.progressData.settings, { notApplicableScoring: (0, settings_1.notApplicableScoring)(this.folder) }) : scanned;
    }
    /**
     * Reads both progress files. A file that does not parse keeps the last good progress on screen
     * and tells the user where the problem is (once per problem); the store never writes such a file.
     */
    async readProgressFiles() {
        let settings;
        try {
            settings = (0, settings_1.progressSettingsFor)(this.folder);
        }
        catch (e) {
            this.progressData = undefined;
            this.loaded = undefined;
            this.reportOnce(`DSOMM: the progress settings are invalid: ${e.message}`);
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
            }
            else {
                this.progressProblem = undefined;
                this.progressProblemAt = undefined;
            }
            this.noticeUnknownTeam(loaded);
        }
        catch (e) {
            // Settings changed since the last good read: that progress no longer belongs here.
            const last = this.progressData?.settings;
            if (last && (last.file !== settings.file || (settings.team && last.team !== settings.team))) {
                this.progressData = undefined;
                this.loaded = undefined;
            }
            if (e instanceof progress_1.ProgressFileError) {
                this.progressProblemAt = { file: e.file, line: e.line, column: e.column };
                this.reportOnce(progressErrorMessage(this.folder, e), e);
            }
            else
                this.reportOnce(`DSOMM: cannot read the progress file: ${e.message}`);
        }
    }
    /** Says once per team and config when the team is not one the workspace's DSOMM config lists. */
    noticeUnknownTeam(loaded) {
        const t = loaded.team;
        if (t.team === undefined || !t.unknownTo)
            return;
        const key = `${t.team}\n${t.unknownTo}`;
        if (this.teamNoticeShown === key)
            return;
        this.teamNoticeShown = key;
        const teams = loaded.config?.teams ?? [];
        const message = `DSOMM: the team "${t.team}" is not one of the teams in ${t.unknownTo} (${teams.join(', ')}), so the DSOMM web app will not show its progress.`;
        (0, log_1.log)(message);
        void vscode.window.showWarningMessage(message, ADD_TEAM, CHOOSE_TEAM).then((answer) => {
            if (answer === ADD_TEAM)
                void vscode.commands.executeCommand('dsomm.addTeamToConfig', { folder: this.key, team: t.team });
            else if (answer === CHOOSE_TEAM)
                void vscode.commands.executeCommand('dsomm.chooseTeam', { folder: this.key });
        });
    }
    /** Shows an error once until a different one (or a good read) replaces it. */
    reportOnce(message, fileError) {
        if (message === this.progressProblem)
            return;
        this.progressProblem = message;
        (0, log_1.log)(message);
        if (fileError)
            void this.showError(fileError);
        else
            void vscode.window.showErrorMessage(message);
    }
    /** The problem with the progress files, when the last read failed. */
    get progressError() {
        return this.progressProblem;
    }
    /** Where the last failed read found the problem (file and line), for "open the file". */
    get progressErrorLine() {
        return this.progressProblemAt;
    }
    /** Shows a progress-file error with an "Open File" button that opens it at the line. */
    async showError(e) {
        const answer = await vscode.window.showErrorMessage(progressErrorMessage(this.folder, e), OPEN_FILE);
        if (answer === OPEN_FILE)
            await openProgressFile(this.folder, e);
    }
    watch() {
        if (this.watching)
            return;
        this.watching = true;
        const watcher = vscode.workspace.createFileSystemWatcher(new vscode.RelativePattern(this.folder, '**/*'));
        const queue = (uri, deleted) => {
            const rel = relativePath(this.folder, uri);
            if (rel === undefined || rel === '')
                return;
            // The team's tools file changes what the catalogue counts: the index is built again.
            const teamTools = rel === teamTools_1.TEAM_TOOLS_FILE || teamTools_1.TEAM_TOOLS_FILE.startsWith(`${rel}/`);
            // Files the assessment never reads (a saved README, a touched lockfile) cause no work at all.
            const queued = !this.scan || teamTools || this.isProgressFile(rel) || this.scan.mayMatter(rel, deleted);
            this.recentFileEvents.push({ path: rel, queued });
            if (this.recentFileEvents.length > 50)
                this.recentFileEvents.shift();
            if (!queued)
                return;
            if (this.pending.size === 0 && !this.progressDirty && !this.teamToolsDirty)
                this.firstPendingAt = performance.now();
            if (teamTools)
                this.teamToolsDirty = true;
            else if (this.isProgressFile(rel))
                this.progressDirty = true;
            else
                this.pending.set(rel, deleted);
            clearTimeout(this.timer);
            // A short debounce folds the burst of events from a save or a git checkout into one update.
            this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
        };
        this.subscriptions.push(watcher, watcher.onDidChange((u) => queue(u, false)), watcher.onDidCreate((u) => queue(u, false)), watcher.onDidDelete((u) => queue(u, true)), 
        // A save from the editor is known at once; the watcher reports it tens of ms later (and then
        // finds nothing new). Files changed outside the editor still come through the watcher.
        vscode.workspace.onDidSaveTextDocument((doc) => queue(doc.uri, false)));
    }
    isProgressFile(rel) {
        try {
            const s = this.settings();
            // A created or deleted folder on the way (e.g. `.dsomm/` by git checkout): the watcher may
            // report the folder without the files inside it.
            const input = (0, settings_1.progressInputFor)(this.folder);
            const configDir = (0, fs_1.dirname)(input.progressFile ?? s.file);
            const config = [(0, fs_1.joinPath)(configDir, progress_1.META_FILE_NAME), (0, fs_1.joinPath)(configDir, progress_1.TEAMS_FILE_NAME)];
            return rel === s.file || rel === s.evidenceFile || config.includes(rel) || [s.file, s.evidenceFile, ...config].some((f) => f.startsWith(`${rel}/`));
        }
        catch {
            return false;
        }
    }
    async flush() {
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
                for (const c of changes)
                    this.pending.set(c.path, c.deleted);
                if (progressChanged)
                    this.progressDirty = true;
                void building.finally(() => {
                    clearTimeout(this.timer);
                    this.timer = setTimeout(() => void this.flush(), DEBOUNCE_MS);
                });
            }
            return;
        }
        if (this.teamToolsDirty) {
            this.teamToolsDirty = false;
            await this.rescan();
            (0, log_1.log)(`Indexed again after a change to ${teamTools_1.TEAM_TOOLS_FILE} in ${Math.round(performance.now() - since)} ms`);
            return;
        }
        try {
            const filesChanged = changes.length > 0 && (await scan.update(changes));
            if (filesChanged)
                this.scanned = scan.evaluate(await this.host.models.get());
            const problemBefore = this.progressProblem;
            if (progressChanged)
                await this.readProgressFiles();
            if ((filesChanged || progressChanged) && this.scanned) {
                const before = await this.current;
                const result = this.withProgress(this.scanned);
                this.current = Promise.resolve(result);
                // Our own writes come back as watcher events: when nothing the user sees changed, the tree
                // is not rebuilt again (a rebuild while a context menu is open would drop its argument).
                if (filesChanged || this.progressProblem !== problemBefore || !before || teamSignature(before) !== teamSignature(result))
                    this.publish(result);
                const names = changes.length > 3 ? `${changes.length} files` : changes.map((c) => c.path).join(', ') || 'the progress file';
                (0, log_1.log)(`Updated after changes to ${names} in ${Math.round(performance.now() - since)} ms (since the first file event)`);
            }
        }
        catch (e) {
            (0, log_1.log)(`Update after file changes in ${this.folder.name} failed: ${e.message}`);
        }
        finally {
            // An update that rebuilt the whole index (a .gitignore or .vscode change) reported its file
            // count as indexing; once it is done the view must not keep saying so.
            if (this.indexingState !== undefined)
                this.setIndexing(undefined);
        }
    }
    dispose() {
        this.disposed = true;
        inputProblems_2.configProblems.set(`tools:${this.key}`, []);
        clearTimeout(this.timer);
        for (const s of this.subscriptions)
            s.dispose();
    }
}
exports.FolderAssessment = FolderAssessment;
const OPEN_FILE = 'Open File';
const ADD_TEAM = 'Add Team to the DSOMM Config';
const CHOOSE_TEAM = 'Choose Another Team…';
/** What the team's files decide for a result: statuses, states and "not applicable" reasons. */
function teamSignature(result) {
    return JSON.stringify(result.activities.map((a) => [a.activity.uuid, a.status, a.progress?.state, a.progress?.date, a.progress?.team, a.notApplicable, a.teamEvidence]));
}
function progressErrorMessage(folder, e) {
    const where = `${e.file}${e.line ? ` line ${e.line}` : ''}`;
    const folderName = (vscode.workspace.workspaceFolders?.length ?? 0) > 1 ? ` in ${folder.name}` : '';
    return `DSOMM: ${where}${folderName} cannot be used: ${e.reason.split('\n')[0]}. It is left unchanged until it is fixed.`;
}
/** Opens the progress file at the problem's line. */
async function openProgressFile(folder, e) {
    const uri = vscode.Uri.joinPath(folder.uri, ...e.file.split('/'));
    const pos = new vscode.Position(Math.max(0, (e.line ?? 1) - 1), Math.max(0, (e.column ?? 1) - 1));
    await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), preview: false });
}
class AssessmentService {
    context;
    models;
    assessments = new Map();
    data;
    changed = new vscode.EventEmitter();
    /** Fires after every re-evaluation of any folder (files, progress, model), with that folder's result. */
    onDidChange = this.changed.event;
    indexingEmitter = new vscode.EventEmitter();
    /** Fires when a folder's index build starts, makes progress or ends (FolderAssessment.indexing). */
    onDidChangeIndexing = this.indexingEmitter.event;
    subscriptions = [];
    constructor(context, models) {
        this.context = context;
        this.models = models;
        this.subscriptions.push(models.onDidChange(() => {
            for (const f of this.assessments.values())
                void f.reevaluate();
        }), vscode.workspace.onDidChangeWorkspaceFolders((e) => {
            for (const removed of e.removed) {
                this.assessments.get(removed.uri.toString())?.dispose();
                this.assessments.delete(removed.uri.toString());
            }
            // Listeners re-read folders(); added folders are assessed when asked for.
            this.changed.fire(undefined);
        }), vscode.workspace.onDidChangeConfiguration((e) => {
            if (!['dsomm.progressFile', 'dsomm.team', 'dsomm.progressStates', 'dsomm.notApplicableScoring'].some((s) => e.affectsConfiguration(s)))
                return;
            for (const f of this.assessments.values())
                void f.reloadProgress();
        }));
    }
    /** The first workspace folder (kept for callers that predate multi-root support). */
    get folder() {
        return vscode.workspace.workspaceFolders?.[0];
    }
    /** One assessment per workspace folder, in the workspace's order. */
    folders() {
        return (vscode.workspace.workspaceFolders ?? []).map((f) => this.forFolder(f));
    }
    forFolder(folder) {
        const key = folder.uri.toString();
        let a = this.assessments.get(key);
        if (!a) {
            a = new FolderAssessment(folder, this);
            this.assessments.set(key, a);
        }
        return a;
    }
    /** The assessment for a folder key (FolderAssessment.key), or the only folder's when `key` is undefined. */
    byKey(key) {
        if (key === undefined)
            return this.folders()[0];
        return this.folders().find((f) => f.key === key);
    }
    /** The first folder's latest result, with the team's progress applied. */
    async get() {
        return this.folders()[0]?.get();
    }
    /**
     * The assessment that a workspace file belongs to, for the providers that work on one document
     * (hovers, diagnostics, code actions, webviews). Answered from the cached index: no file-system walk.
     * `path` is the file's '/'-separated path relative to its workspace folder.
     */
    async resultFor(uri) {
        const folder = vscode.workspace.getWorkspaceFolder(uri);
        if (!folder)
            return undefined;
        const assessment = this.forFolder(folder);
        const result = await assessment.get();
        const index = assessment.workspaceIndex;
        const path = relativePath(folder, uri);
        if (!result || !index || path === undefined)
            return undefined;
        return { folder, result, index, path };
    }
    /** Re-indexes every folder; resolves to the first folder's result. */
    async rescan() {
        const results = await Promise.all(this.folders().map((f) => f.rescan()));
        return results[0];
    }
    detection() {
        // From the build's snapshot: parsing the rules' YAML at first use was the slowest part of opening the view.
        this.data ??= (0, bundledData_1.bundledData)(this.context.extensionUri).then((d) => {
            inputProblems_2.configProblems.set('detection', []);
            return d.detection;
        }, (e) => {
            // Not kept: Refresh (or the next index build) tries again, e.g. after the files were repaired.
            this.data = undefined;
            inputProblems_2.configProblems.set('detection', [{ severity: 'error', message: `The detection rules (model/probes.yaml, model/rules.yaml) could not be loaded, so nothing can be detected: ${e?.message ?? String(e)}` }]);
            throw e;
        });
        return this.data;
    }
    published(_folder, result) {
        this.changed.fire(result);
    }
    indexingChanged(folder) {
        this.indexingEmitter.fire(folder);
    }
    dispose() {
        this.changed.dispose();
        this.indexingEmitter.dispose();
        for (const a of this.assessments.values())
            a.dispose();
        for (const s of this.subscriptions)
            s.dispose();
    }
}
exports.AssessmentService = AssessmentService;
//# sourceMappingURL=assessmentService.js.map