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
exports.registerWebviews = registerWebviews;
// Registers the DSOMM webviews: the activity details panel, the maturity dashboard, their
// serializers (so open panels come back after a reload) and the report export.
const vscode = __importStar(require("vscode"));
const fixCatalogue_1 = require("../../core/guidance/fixCatalogue");
const activityTree_1 = require("../../core/view/activityTree");
const activityArgs_1 = require("../../core/view/activityArgs");
const fs_1 = require("../../core/fs");
const folderChoice_1 = require("../folderChoice");
const log_1 = require("../log");
const detailsPanel_1 = require("./detailsPanel");
const dashboardPanel_1 = require("./dashboardPanel");
const exportReport_1 = require("./exportReport");
function registerWebviews(context, assessment, models) {
    let fixes;
    const deps = {
        context,
        assessment,
        models,
        fixes: () => (fixes ??= (async () => {
            try {
                const d = (0, fs_1.decodeText)(await vscode.workspace.fs.readFile(vscode.Uri.joinPath(context.extensionUri, 'model', 'fixes.yaml')));
                if ('error' in d)
                    throw new Error(d.error);
                return (0, fixCatalogue_1.loadFixes)(d.text, 'fixes.yaml');
            }
            catch (e) {
                (0, log_1.log)(`Quick-fix templates unavailable: ${e.message}`);
                return undefined;
            }
        })()),
    };
    const details = new detailsPanel_1.DetailsPanel(deps);
    const dashboard = new dashboardPanel_1.DashboardPanel(deps);
    const refreshAll = () => {
        void details.refresh();
        void dashboard.refresh();
    };
    context.subscriptions.push(details, dashboard, vscode.window.registerWebviewPanelSerializer(detailsPanel_1.DETAILS_VIEW_TYPE, { deserializeWebviewPanel: async (panel, state) => details.restore(panel, state) }), vscode.window.registerWebviewPanelSerializer(dashboardPanel_1.DASHBOARD_VIEW_TYPE, { deserializeWebviewPanel: async (panel) => dashboard.restore(panel) }), assessment.onDidChange(refreshAll), models.onDidChange(refreshAll), vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.targetLevel'))
            void dashboard.refresh();
    }), vscode.commands.registerCommand('dsomm.openActivity', async (arg, selection) => {
        const resolved = (0, activityArgs_1.resolveActivityArgs)(arg, selection);
        if (resolved.kind === 'invalid') {
            void vscode.window.showWarningMessage(`DSOMM: cannot open activity details: ${resolved.message}.`);
            return;
        }
        const model = await models.get();
        let target = resolved.kind === 'targets' ? resolved.targets[0] : undefined;
        if (target && !model.activities.has(target.uuid)) {
            void vscode.window.showWarningMessage(`DSOMM: the model has no activity ${target.uuid}.`);
            return;
        }
        // Without a folder the details show the one the status bar speaks for.
        const folder = target?.folder ?? (0, folderChoice_1.displayedFolder)(assessment)?.key;
        if (!target) {
            const pick = await vscode.window.showQuickPick((0, activityTree_1.activityPickItems)(model, await assessment.byKey(folder)?.get()), {
                title: 'DSOMM: open activity details',
                placeHolder: 'Type to search the activities',
                matchOnDescription: true,
                matchOnDetail: true,
            });
            if (!pick)
                return;
            target = { uuid: pick.uuid };
        }
        await details.show(target.uuid, folder);
    }), 
    // From a folder node of the tree (multi-root) the dashboard shows that folder.
    vscode.commands.registerCommand('dsomm.openDashboard', (arg) => {
        const key = arg && typeof arg === 'object' && typeof arg.folder === 'string' ? arg.folder : undefined;
        return dashboard.show(key && assessment.byKey(key) ? key : undefined);
    }), (0, exportReport_1.registerExportReport)(assessment, models, context.extension.packageJSON.version ?? ''));
    return { details, dashboard };
}
//# sourceMappingURL=index.js.map