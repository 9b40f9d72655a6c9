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
exports.ModelService = void 0;
exports.ignoredWorkspaceModelFile = ignoredWorkspaceModelFile;
// Owns the DSOMM model the extension shows: the bundled one, or the file named by the
// `dsomm.modelFile` setting. A user file that fails to load never leaves the user without
// a model: the bundled one is used and the error names file and line.
const vscode = __importStar(require("vscode"));
const loader_1 = require("../core/model/loader");
const fs_1 = require("../core/fs");
const vscodeFileSystem_1 = require("./vscodeFileSystem");
const log_1 = require("./log");
const bundledData_1 = require("./bundledData");
const inputProblems_1 = require("./inputProblems");
class ModelService {
    context;
    model;
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    subscriptions = [];
    constructor(context) {
        this.context = context;
        this.subscriptions.push(vscode.workspace.onDidChangeConfiguration((e) => {
            if (e.affectsConfiguration('dsomm.modelFile'))
                void this.reload();
        }), 
        // Restricted Mode ignored the workspace's model file; once trusted, it applies.
        vscode.workspace.onDidGrantWorkspaceTrust(() => void this.reload()));
    }
    get bundledUri() {
        return vscode.Uri.joinPath(this.context.extensionUri, 'model', 'dsomm-model.yaml');
    }
    /** The model, loaded on first use (never during activation). */
    get() {
        this.model ??= this.load();
        return this.model;
    }
    async reload() {
        this.model = this.load();
        const model = await this.model;
        this.changed.fire(model);
        return model;
    }
    /** The file the setting points at, or undefined for the bundled model. */
    configuredUri() {
        const setting = vscode.workspace.getConfiguration('dsomm').get('modelFile', '').trim();
        if (!setting)
            return undefined;
        if (/^[a-z][\w+.-]+:\/\//i.test(setting))
            return vscode.Uri.parse(setting);
        const folder = vscode.workspace.workspaceFolders?.[0];
        const expanded = setting.replace(/^~(?=\/|$)/, process.env.HOME ?? '~');
        if (expanded.startsWith('/') || /^[a-zA-Z]:[\\/]/.test(expanded)) {
            // An absolute path lives where the workspace lives (local, remote or virtual).
            return folder ? folder.uri.with({ path: vscode.Uri.file(expanded).path }) : vscode.Uri.file(expanded);
        }
        return folder ? vscode.Uri.joinPath(folder.uri, expanded) : undefined;
    }
    async load() {
        void explainRestrictedModelFile();
        const custom = this.configuredUri();
        if (custom) {
            try {
                const model = await readModel(custom);
                (0, log_1.log)(`Loaded DSOMM model ${model.meta.version ?? ''} from ${custom.toString(true)}: ${model.activities.size} activities, ${model.warnings.length} warnings`);
                for (const w of model.warnings)
                    (0, log_1.log)(`  model warning${w.line ? ` (line ${w.line})` : ''}: ${w.message}`);
                errorShown = '';
                inputProblems_1.configProblems.set('model', model.warnings.map((w) => ({ uri: custom, ...(w.line ? { line: w.line } : {}), severity: 'warning', message: w.message })));
                void showModelWarnings(custom, model.warnings);
                return model;
            }
            catch (e) {
                const err = e;
                (0, log_1.log)(`Could not load the model file ${custom.toString(true)}: ${err.message}`);
                const line = err instanceof loader_1.ModelError ? err.line : undefined;
                inputProblems_1.configProblems.set('model', [{ uri: custom, ...(line ? { line } : {}), severity: 'error', message: `This model file could not be used, so the bundled model is shown: ${err.message}` }]);
                void showModelError(custom, err);
            }
        }
        if (!custom) {
            errorShown = '';
            inputProblems_1.configProblems.set('model', []);
        }
        const model = (await (0, bundledData_1.bundledData)(this.context.extensionUri)).model;
        (0, log_1.log)(`Using the bundled DSOMM model ${model.meta.version ?? ''} (${model.activities.size} activities)`);
        return model;
    }
    dispose() {
        this.changed.dispose();
        for (const s of this.subscriptions)
            s.dispose();
    }
}
exports.ModelService = ModelService;
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
async function ignoredWorkspaceModelFile() {
    if (vscode.workspace.isTrusted)
        return undefined;
    const inspected = vscode.workspace.getConfiguration('dsomm').inspect('modelFile');
    const configured = (inspected?.workspaceFolderValue ?? inspected?.workspaceValue)?.trim();
    if (configured)
        return configured;
    const files = (vscode.workspace.workspaceFolders ?? []).map((f) => vscode.Uri.joinPath(f.uri, '.vscode', 'settings.json'));
    const wsFile = vscode.workspace.workspaceFile;
    if (wsFile && wsFile.scheme !== 'untitled')
        files.push(wsFile);
    for (const file of files) {
        const bytes = await (0, vscodeFileSystem_1.readUriBounded)(file, file.path, { maxBytes: 1024 * 1024 }).then(undefined, () => undefined);
        if (!bytes)
            continue;
        const decoded = (0, fs_1.decodeText)(bytes);
        if ('error' in decoded)
            continue;
        // A JSON string value (escapes allowed); comments around it do not matter for this look-up.
        const m = /"dsomm\.modelFile"\s*:\s*"((?:[^"\\\n]|\\.)*)"/.exec(decoded.text);
        const value = m ? m[1].trim() : '';
        if (value)
            return value;
    }
    return undefined;
}
async function explainRestrictedModelFile() {
    const ignored = await ignoredWorkspaceModelFile();
    if (!ignored)
        return;
    const message = `DSOMM: this workspace sets dsomm.modelFile to "${ignored}", which is ignored in Restricted Mode: a workspace could point it at any file on this machine, and a model supplies the texts and links shown. The ${vscode.workspace.getConfiguration('dsomm').get('modelFile', '').trim() ? 'model from your user setting' : 'bundled model'} is used until you trust the workspace.`;
    (0, log_1.log)(message);
    if (restrictedNoticeShown)
        return;
    restrictedNoticeShown = true;
    const manage = 'Manage Workspace Trust';
    if ((await vscode.window.showInformationMessage(message, manage)) === manage)
        await vscode.commands.executeCommand('workbench.trust.manage');
}
async function readModel(uri, label) {
    const source = label ?? (uri.scheme === 'file' ? uri.fsPath : uri.toString(true));
    const bytes = await (0, vscodeFileSystem_1.readUriBounded)(uri, source, { maxBytes: loader_1.MAX_MODEL_FILE_SIZE }).catch((e) => {
        throw (0, fs_1.isRefused)(e) ? new loader_1.ModelError(e.message, source) : e;
    });
    const decoded = (0, fs_1.decodeText)(bytes);
    if ('error' in decoded)
        throw new loader_1.ModelError(decoded.error, source);
    return (0, loader_1.parseModel)(decoded.text, source);
}
/** The warnings last shown, so a reload with the same warnings does not notify again. */
let warningsShown = '';
/** Skipped activities and unknown dependencies change what the tree shows: said once per change of the warnings. */
async function showModelWarnings(uri, warnings) {
    const key = `${uri.toString()}\u0000${warnings.map((w) => `${w.line ?? ''}:${w.message}`).join('\u0000')}`;
    if (!warnings.length || key === warningsShown) {
        if (!warnings.length)
            warningsShown = '';
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
async function showModelError(uri, err) {
    const line = err instanceof loader_1.ModelError ? err.line : undefined;
    const key = `${uri.toString()}\u0000${err.message}`;
    if (key === errorShown)
        return;
    errorShown = key;
    const open = 'Open Model File';
    const bundled = 'Use Bundled Model';
    const choice = await vscode.window.showErrorMessage(`DSOMM: the model file could not be used, so the bundled model is shown. ${err.message}`, open, bundled);
    if (choice === open) {
        const pos = new vscode.Position(Math.max(0, (line ?? 1) - 1), 0);
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos) });
    }
    else if (choice === bundled) {
        await vscode.commands.executeCommand('dsomm.useBundledModel');
    }
}
//# sourceMappingURL=modelService.js.map