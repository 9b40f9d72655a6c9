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
exports.displayedFolder = displayedFolder;
exports.actingFolder = actingFolder;
// The one place the extension answers "which workspace folder?" (rule: src/core/folderChoice.ts).
const vscode = __importStar(require("vscode"));
const folderChoice_1 = require("../core/folderChoice");
/** The key of the workspace folder holding the active editor's file, if any. */
function activeEditorFolderKey() {
    const uri = vscode.window.activeTextEditor?.document.uri;
    return uri && vscode.workspace.getWorkspaceFolder(uri)?.uri.toString();
}
function keys(assessment) {
    return assessment.folders().map((f) => f.key);
}
/**
 * The folder a display speaks for (status bar, dashboard, details): the active editor's folder, else
 * the one `shown` already, else the first. Never asks.
 */
function displayedFolder(assessment, shown) {
    const choice = (0, folderChoice_1.chooseFolder)(keys(assessment), { active: activeEditorFolderKey(), shown }, 'first');
    return choice.kind === 'folder' ? assessment.byKey(choice.key) : undefined;
}
/**
 * The folder an action works on (export, progress commands): the named one, the only one, the
 * active editor's, or the user's pick. Undefined when there is none, the named folder was closed
 * (the user is told), or the pick was cancelled.
 */
async function actingFolder(assessment, question) {
    const choice = (0, folderChoice_1.chooseFolder)(keys(assessment), { named: question.named, active: activeEditorFolderKey() }, 'ask');
    switch (choice.kind) {
        case 'folder':
            return assessment.byKey(choice.key);
        case 'gone':
            void vscode.window.showWarningMessage(`DSOMM: the folder ${vscode.Uri.parse(choice.key).toString(true)} is no longer in the workspace.`);
            return undefined;
        case 'none':
            if (question.noFolderMessage)
                void vscode.window.showInformationMessage(question.noFolderMessage);
            return undefined;
        case 'ask': {
            const picked = await vscode.window.showWorkspaceFolderPick({ placeHolder: question.placeHolder });
            return picked && assessment.forFolder(picked);
        }
    }
}
//# sourceMappingURL=folderChoice.js.map