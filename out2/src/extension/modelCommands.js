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
exports.registerModelCommands = registerModelCommands;
// Commands about the model itself: summary, download of the official model, back to bundled.
const vscode = __importStar(require("vscode"));
const download_1 = require("../core/model/download");
const summary_1 = require("../core/model/summary");
const log_1 = require("./log");
function registerModelCommands(context, models) {
    return [
        vscode.commands.registerCommand('dsomm.showModelSummary', async () => {
            const summary = (0, summary_1.formatModelSummary)((0, summary_1.summarizeModel)(await models.get()));
            (0, log_1.outputChannel)().appendLine(summary);
            (0, log_1.outputChannel)().show(true);
            return summary;
        }),
        vscode.commands.registerCommand('dsomm.useBundledModel', async () => {
            const config = vscode.workspace.getConfiguration('dsomm');
            const inspect = config.inspect('modelFile');
            // Clear the setting wherever it is set, so the bundled model really is used.
            if (inspect?.workspaceFolderValue !== undefined && vscode.workspace.workspaceFolders?.[0]) {
                await vscode.workspace.getConfiguration('dsomm', vscode.workspace.workspaceFolders[0].uri).update('modelFile', undefined, vscode.ConfigurationTarget.WorkspaceFolder);
            }
            if (inspect?.workspaceValue !== undefined)
                await config.update('modelFile', undefined, vscode.ConfigurationTarget.Workspace);
            if (inspect?.globalValue !== undefined)
                await config.update('modelFile', undefined, vscode.ConfigurationTarget.Global);
            await models.reload();
        }),
        vscode.commands.registerCommand('dsomm.downloadOfficialModel', () => downloadCommand(context, models)),
    ];
}
/** Returns the cached file's URI, or undefined when cancelled or failed (the user was told why). */
async function downloadCommand(context, _models) {
    const config = vscode.workspace.getConfiguration('dsomm.officialModel');
    const apiUrl = config.get('releaseApiUrl', '');
    const template = config.get('downloadUrl', '');
    try {
        const result = await vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: 'DSOMM: downloading the latest official model', cancellable: true }, async (_progress, token) => {
            const abort = new AbortController();
            token.onCancellationRequested(() => abort.abort());
            return (0, download_1.downloadOfficialModel)(globalThis.fetch, apiUrl, template, abort.signal);
        });
        const dir = vscode.Uri.joinPath(context.globalStorageUri, 'models');
        await vscode.workspace.fs.createDirectory(dir);
        const file = vscode.Uri.joinPath(dir, `model-${result.tag}.yaml`);
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(result.text));
        (0, log_1.log)(`Downloaded DSOMM model ${result.tag} from ${result.url} (${result.model.activities.size} activities) to ${file.toString(true)}`);
        const use = 'Use It';
        const choice = await vscode.window.showInformationMessage(`DSOMM: downloaded the official model ${result.tag} (${result.model.activities.size} activities).`, use);
        if (choice === use) {
            await vscode.workspace.getConfiguration('dsomm').update('modelFile', file.scheme === 'file' ? file.fsPath : file.toString(), vscode.ConfigurationTarget.Global);
        }
        return file;
    }
    catch (e) {
        if (e.name === 'AbortError')
            return undefined;
        (0, log_1.log)(`Model download failed: ${e.message}`);
        void vscode.window.showErrorMessage(`DSOMM: the official model could not be downloaded: ${e.message}. The current model stays in use.`);
        return undefined;
    }
}
//# sourceMappingURL=modelCommands.js.map