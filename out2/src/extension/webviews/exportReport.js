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
exports.registerExportReport = registerExportReport;
// DSOMM: Export Report…: the assessment as Markdown, HTML, JSON or SARIF (the CLI's core code),
// saved where the user chooses (the save dialog asks before replacing a file).
const vscode = __importStar(require("vscode"));
const json_1 = require("../../core/reports/json");
const html_1 = require("../../core/reports/html");
const sarif_1 = require("../../core/reports/sarif");
const inputProblems_1 = require("../inputProblems");
const text_1 = require("../../core/reports/text");
const webviewMessages_1 = require("../../core/view/webviewMessages");
const folderChoice_1 = require("../folderChoice");
const log_1 = require("../log");
const settings_1 = require("../settings");
const FORMATS = {
    markdown: { label: 'Markdown', detail: 'Readable report for a wiki, an issue or a pull request', ext: 'md', filter: 'Markdown' },
    html: { label: 'HTML', detail: 'Self-contained page with the heatmap, progress and evidence', ext: 'html', filter: 'HTML' },
    json: { label: 'JSON', detail: 'Machine-readable, the CLI\'s schemaVersion 1', ext: 'json', filter: 'JSON' },
    sarif: { label: 'SARIF', detail: 'Code scanning results (weak controls, missing activities)', ext: 'sarif', filter: 'SARIF' },
};
function formatOf(arg) {
    const f = typeof arg === 'string' ? arg : arg?.format;
    return typeof f === 'string' && webviewMessages_1.EXPORT_FORMATS.includes(f) ? f : undefined;
}
/** The folder key in `{ folder }` (a panel's folder); the format alone names none. */
function folderOf(arg) {
    const f = arg && typeof arg === 'object' ? arg.folder : undefined;
    return typeof f === 'string' ? f : undefined;
}
const NO_ASSESSMENT_MESSAGE = 'DSOMM: there is no assessment to export. Open a folder with pipeline or container files first.';
/**
 * `arg`: a format name, or `{ format?, folder? }` from a panel (folder: FolderAssessment.key).
 * Exports the folder named, else the only one, else the active editor's, else the one the user picks.
 */
function registerExportReport(assessment, models, extensionVersion) {
    return vscode.commands.registerCommand('dsomm.exportReport', async (arg) => {
        let format = formatOf(arg);
        if (!format) {
            const pick = await vscode.window.showQuickPick(webviewMessages_1.EXPORT_FORMATS.map((f) => ({ label: FORMATS[f].label, detail: FORMATS[f].detail, format: f })), { title: 'DSOMM: export the assessment as…' });
            if (!pick)
                return undefined;
            format = pick.format;
        }
        const folder = await (0, folderChoice_1.actingFolder)(assessment, {
            named: folderOf(arg),
            placeHolder: 'Export the report of which folder?',
            noFolderMessage: NO_ASSESSMENT_MESSAGE,
        });
        if (!folder)
            return undefined;
        const result = await folder.get();
        if (!result) {
            void vscode.window.showWarningMessage(NO_ASSESSMENT_MESSAGE);
            return undefined;
        }
        const level = (0, settings_1.targetLevel)();
        const inputProblems = inputProblems_1.configProblems.forReport(folder.folder);
        const content = format === 'markdown' ? (0, text_1.toMarkdownReport)(result, { nextBestFor: level, inputProblems })
            : format === 'html' ? (0, html_1.renderHtmlReport)(result, await models.get(), { targetLevel: level, inputProblems })
                : format === 'json' ? JSON.stringify((0, json_1.toJsonReport)(result, { targetLevel: level, inputProblems }), null, 2) + '\n'
                    : JSON.stringify((0, sarif_1.toSarif)(result, { level, toolVersion: extensionVersion, inputProblems }), null, 2) + '\n';
        const spec = FORMATS[format];
        const target = await vscode.window.showSaveDialog({
            title: `Save the DSOMM report (${spec.label})`,
            saveLabel: 'Save Report',
            defaultUri: vscode.Uri.joinPath(folder.folder.uri, `dsomm-report.${spec.ext}`),
            filters: { [spec.filter]: [spec.ext] },
        });
        if (!target)
            return undefined;
        try {
            await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
        }
        catch (e) {
            void vscode.window.showErrorMessage(`DSOMM: the report could not be saved to ${target.toString(true)}: ${e.message}`);
            return undefined;
        }
        (0, log_1.log)(`Exported the ${spec.label} report to ${target.toString(true)}`);
        void vscode.window.showInformationMessage(`DSOMM: ${spec.label} report saved.`, 'Open').then((c) => {
            if (c === 'Open')
                void vscode.commands.executeCommand('vscode.open', target);
        });
        return target;
    });
}
//# sourceMappingURL=exportReport.js.map