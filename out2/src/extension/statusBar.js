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
exports.StatusBar = void 0;
// The status-bar item: achieved activities at the target level (of the active editor's folder in
// a multi-root workspace), with per-dimension progress in the tooltip; a click opens the dashboard.
const vscode = __importStar(require("vscode"));
const levelSummary_1 = require("../core/view/levelSummary");
const markdown_1 = require("../core/markdown");
const result_1 = require("../core/scan/result");
const folderChoice_1 = require("./folderChoice");
const settings_1 = require("./settings");
const inputProblems_1 = require("./inputProblems");
class StatusBar {
    assessment;
    item = vscode.window.createStatusBarItem('dsomm.status', vscode.StatusBarAlignment.Left, 50);
    subscriptions;
    constructor(assessment) {
        this.assessment = assessment;
        this.item.name = 'DSOMM maturity';
        this.item.command = 'dsomm.openDashboard';
        this.subscriptions = [
            assessment.onDidChange(() => void this.update()),
            inputProblems_1.configProblems.onDidChange(() => void this.update()),
            assessment.onDidChangeIndexing(() => this.showIndexing()),
            vscode.window.onDidChangeActiveTextEditor(() => {
                if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1)
                    void this.update();
            }),
            vscode.workspace.onDidChangeConfiguration((e) => {
                if (e.affectsConfiguration('dsomm.targetLevel'))
                    void this.update();
            }),
        ];
    }
    async update() {
        const folder = (0, folderChoice_1.displayedFolder)(this.assessment);
        this.render(await folder?.get(), folder);
    }
    /** Shows at once that the folder is being indexed, until its first result replaces it. */
    showIndexing() {
        const folder = (0, folderChoice_1.displayedFolder)(this.assessment);
        if (this.showsResult || !folder?.indexing)
            return;
        this.item.text = '$(sync~spin) DSOMM';
        this.item.tooltip = `DSOMM: ${folder.indexing}`;
        this.item.accessibilityInformation = { label: `DSOMM: ${folder.indexing}` };
        this.item.show();
    }
    /** A result is on the item (a later rebuild keeps it there instead of the indexing spinner). */
    showsResult = false;
    render(result, folder) {
        this.showsResult = !!result;
        const problems = inputProblems_1.configProblems.all();
        const problemLines = problems.map((p) => `$(${p.severity === 'error' ? 'error' : 'warning'}) ${(0, markdown_1.escapeMarkdown)(p.message)}${p.uri ? ` (${(0, markdown_1.escapeMarkdown)(vscode.workspace.asRelativePath(p.uri))}${p.line ? `:${p.line}` : ''})` : ''}`);
        if (!result) {
            if (!problems.some((p) => p.severity === 'error')) {
                this.item.hide();
                return;
            }
            // No result because something could not be loaded: say so instead of showing nothing.
            this.item.text = '$(error) DSOMM';
            this.item.tooltip = new vscode.MarkdownString([...problemLines, 'Click to open the DSOMM log.'].join('\n\n'), true);
            this.item.command = 'dsomm.showLog';
            this.item.accessibilityInformation = { label: `DSOMM could not assess the workspace: ${problems.map((p) => p.message).join('; ')}` };
            this.item.show();
            return;
        }
        this.item.command = 'dsomm.openDashboard';
        const s = (0, levelSummary_1.targetSummary)(result, (0, settings_1.targetLevel)());
        // A configuration file that is not used in full changes what the counts mean: flagged next to them.
        this.item.text = `$(shield) ${(0, levelSummary_1.statusBarText)(s)}${problems.length ? ` $(${problems.some((p) => p.severity === 'error') ? 'error' : 'warning'})` : ''}`;
        const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
        const parts = [(0, levelSummary_1.statusBarTooltipMarkdown)(s, result.achievedLevel)];
        if (multiRoot && folder)
            parts.unshift(`Folder **${(0, markdown_1.escapeMarkdown)(folder.folder.name)}**`);
        const naNote = (0, result_1.notApplicableSummary)(result, s.targetLevel);
        if (naNote)
            parts.push((0, markdown_1.escapeMarkdown)(naNote));
        if (folder?.progressError)
            parts.push(`$(warning) ${(0, markdown_1.escapeMarkdown)(folder.progressError)}`);
        parts.push(...problemLines);
        const tooltip = new vscode.MarkdownString(parts.join('\n\n'), true);
        this.item.tooltip = tooltip;
        this.item.accessibilityInformation = { label: `DSOMM target level ${s.targetLevel}: ${s.achieved} of ${s.total} activities achieved` };
        this.item.show();
    }
    dispose() {
        for (const s of this.subscriptions)
            s.dispose();
        this.item.dispose();
    }
}
exports.StatusBar = StatusBar;
//# sourceMappingURL=statusBar.js.map