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
exports.DetailsPanel = exports.DETAILS_VIEW_TYPE = void 0;
// The activity details panel: one panel, reused for whichever activity was opened last.
const vscode = __importStar(require("vscode"));
const activityDetails_1 = require("../../core/view/activityDetails");
const settings_1 = require("../../core/progress/settings");
const panelController_1 = require("./panelController");
exports.DETAILS_VIEW_TYPE = 'dsomm.activityDetails';
class DetailsPanel extends panelController_1.PanelController {
    /** The activity shown. */
    uuid;
    constructor(deps) {
        super(deps, exports.DETAILS_VIEW_TYPE, 'details.js');
    }
    /** Shows `uuid` (of the folder `folderKey`, default the first) in the panel, creating it beside the active editor if needed. */
    async show(uuid, folderKey, preserveFocus = false) {
        this.uuid = uuid;
        this.folderKey = folderKey;
        if (this.panel)
            this.panel.reveal(this.panel.viewColumn, preserveFocus);
        else
            this.createPanel('Activity details', vscode.ViewColumn.Beside, preserveFocus);
        await this.refresh();
    }
    /** A panel VS Code restored after a reload; `state` is what the webview saved. */
    restore(panel, state) {
        const saved = (state ?? {});
        this.uuid = typeof saved.uuid === 'string' ? saved.uuid : undefined;
        this.folderKey = typeof saved.folder === 'string' ? saved.folder : undefined;
        this.attach(panel);
    }
    /** The folder's progress state names, lowest score first (the web app's defaults if the settings are invalid). */
    states(folder = this.folderAssessment()) {
        try {
            if (folder)
                return folder.settings().states.map((s) => s.name);
        }
        catch {
            // The tree and the progress commands report invalid settings; the panel still works.
        }
        return settings_1.DEFAULT_STATES.map((s) => s.name);
    }
    messageContext(model) {
        return { activities: model.activities, states: this.states() };
    }
    async render(model, result, folder) {
        const uuid = this.uuid ?? '';
        const fixes = result ? await this.deps.fixes() : undefined;
        const view = (0, activityDetails_1.activityDetails)(model, result, uuid, { states: this.states(folder), fixAvailable: !!fixes && !!result && (0, activityDetails_1.hasFixTemplate)(fixes, result, uuid) });
        const message = { type: 'update', uuid, ...(this.folderKey ? { folder: this.folderKey } : {}), view: view ?? null };
        return { title: view ? view.name : 'Activity details', message };
    }
}
exports.DetailsPanel = DetailsPanel;
//# sourceMappingURL=detailsPanel.js.map