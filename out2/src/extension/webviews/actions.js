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
exports.runContributed = runContributed;
exports.openEvidence = openEvidence;
exports.handleCommonMessage = handleCommonMessage;
// What both panels do with a checked message from their webview: navigation, team decisions
// (through issue 4's progress commands), quick fixes (issue 5's command) and exports.
const vscode = __importStar(require("vscode"));
const lookup_1 = require("../../core/guidance/lookup");
const log_1 = require("../log");
/** Commands other parts of the extension contribute; a panel button names what it needs. */
const CONTRIBUTED = {
    'dsomm.setActivityState': 'Set progress state',
    'dsomm.markNotApplicable': 'Mark not applicable',
    'dsomm.resetActivity': 'Reset the team decision',
    'dsomm.addEvidence': 'Add evidence',
    'dsomm.openActivityInWeb': 'Open the DSOMM web page',
    'dsomm.insertFix': 'Insert the fix',
};
/** Runs a command another part of the extension registers, or says clearly that it is missing. */
async function runContributed(command, ...args) {
    const known = await vscode.commands.getCommands(true);
    if (!known.includes(command)) {
        void vscode.window.showWarningMessage(`DSOMM: "${CONTRIBUTED[command] ?? command}" is not available: the command ${command} is not registered in this version of the extension.`);
        return false;
    }
    await vscode.commands.executeCommand(command, ...args);
    return true;
}
async function openEvidence(folder, path, line, column = 1) {
    if (!folder)
        return;
    const uri = vscode.Uri.joinPath(folder.uri, ...path.split('/'));
    const pos = new vscode.Position(line - 1, column - 1);
    try {
        await vscode.window.showTextDocument(uri, { selection: new vscode.Range(pos, pos), viewColumn: vscode.ViewColumn.One, preview: true });
    }
    catch (e) {
        void vscode.window.showErrorMessage(`DSOMM: cannot open ${path}: ${e.message}`);
    }
}
/** Handles the messages both panels share; returns false for ones the panel handles itself. */
async function handleCommonMessage(m, where) {
    const folder = where.key ? { folder: where.key } : {};
    try {
        switch (m.type) {
            case 'openActivity':
                await vscode.commands.executeCommand('dsomm.openActivity', { uuid: m.uuid, ...folder });
                return true;
            case 'openEvidence':
                await openEvidence(where.folder, m.path, m.line, m.column);
                return true;
            case 'openExternal':
                await vscode.env.openExternal(vscode.Uri.parse(m.url, true));
                return true;
            case 'openInWeb':
                // The page is public and fixed; without the progress commands the link still works.
                if ((await vscode.commands.getCommands(true)).includes('dsomm.openActivityInWeb'))
                    await vscode.commands.executeCommand('dsomm.openActivityInWeb', { uuid: m.uuid, ...folder });
                else
                    await vscode.env.openExternal(vscode.Uri.parse((0, lookup_1.activityUrl)(m.uuid), true));
                return true;
            case 'setState':
                await runContributed('dsomm.setActivityState', { uuid: m.uuid, state: m.state, ...folder });
                return true;
            case 'markNotApplicable':
                await runContributed('dsomm.markNotApplicable', { uuid: m.uuid, ...(m.reason ? { reason: m.reason } : {}), ...folder });
                return true;
            case 'resetActivity':
                await runContributed('dsomm.resetActivity', { uuid: m.uuid, ...folder });
                return true;
            case 'addEvidence':
                await runContributed('dsomm.addEvidence', { uuid: m.uuid, ...folder });
                return true;
            case 'insertFix':
                await runContributed('dsomm.insertFix', { uuid: m.uuid, ...(where.folder ? { uri: where.folder.uri.toString() } : {}) });
                return true;
            case 'setTargetLevel':
                await vscode.workspace.getConfiguration('dsomm').update('targetLevel', m.level, vscode.workspace.workspaceFolders ? vscode.ConfigurationTarget.Workspace : vscode.ConfigurationTarget.Global);
                return true;
            case 'export':
                await vscode.commands.executeCommand('dsomm.exportReport', { format: m.format, ...folder });
                return true;
            default:
                return false;
        }
    }
    catch (e) {
        (0, log_1.log)(`Webview action ${m.type} failed: ${e.stack ?? e}`);
        void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
        return true;
    }
}
//# sourceMappingURL=actions.js.map