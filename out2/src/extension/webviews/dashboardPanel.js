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
exports.DashboardPanel = exports.DASHBOARD_VIEW_TYPE = void 0;
// The maturity dashboard: heatmap, progress up to the target level, next best activities.
const vscode = __importStar(require("vscode"));
const dashboard_1 = require("../../core/view/dashboard");
const settings_1 = require("../settings");
const folderChoice_1 = require("../folderChoice");
const panelController_1 = require("./panelController");
exports.DASHBOARD_VIEW_TYPE = 'dsomm.dashboard';
class DashboardPanel extends panelController_1.PanelController {
    constructor(deps) {
        super(deps, exports.DASHBOARD_VIEW_TYPE, 'dashboard.js');
    }
    /**
     * Shows the dashboard of the folder `folderKey` (FolderAssessment.key). Without one, the folder the
     * status bar speaks for (displayedFolder: the active editor's, else the one shown, else the first).
     */
    async show(folderKey) {
        this.folderKey = folderKey ?? (0, folderChoice_1.displayedFolder)(this.deps.assessment, this.folderKey)?.key;
        if (this.panel)
            this.panel.reveal(this.panel.viewColumn);
        else
            this.createPanel('DSOMM Maturity', vscode.ViewColumn.Active);
        await this.refresh();
    }
    restore(panel) {
        this.attach(panel);
    }
    messageContext(model) {
        return { activities: model.activities };
    }
    async render(model, result, folder) {
        // In a multi-root workspace the tab says whose maturity it shows.
        const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
        const title = multiRoot && folder ? `DSOMM Maturity: ${folder.folder.name}` : 'DSOMM Maturity';
        const message = { type: 'update', view: (0, dashboard_1.buildDashboard)(model, result, { targetLevel: (0, settings_1.targetLevel)() }) };
        return { title, message };
    }
}
exports.DashboardPanel = DashboardPanel;
//# sourceMappingURL=dashboardPanel.js.map