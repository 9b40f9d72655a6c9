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
exports.PanelController = void 0;
// One webview panel kind (details or dashboard): creates or restores its single panel, sends the
// current view-model whenever the webview asks ('ready', also after it was hidden and shown
// again) or the assessment changes, and checks every message before acting on it.
const vscode = __importStar(require("vscode"));
const webviewMessages_1 = require("../../core/view/webviewMessages");
const log_1 = require("../log");
const actions_1 = require("./actions");
const shell_1 = require("./shell");
class PanelController {
    deps;
    viewType;
    script;
    /** The open panel (at most one of each kind). */
    panel;
    /** The last view-model sent to the webview (tests read it). */
    lastMessage;
    /** Messages refused by checkMessage since start (tests read it). */
    rejected = [];
    /** How often a webview page of this kind has loaded and said 'ready' (tests read it). */
    readyCount = 0;
    panelSubscriptions = [];
    /** The workspace folder shown (FolderAssessment.key); undefined = the first folder. */
    folderKey;
    constructor(deps, viewType, script) {
        this.deps = deps;
        this.viewType = viewType;
        this.script = script;
    }
    /** The assessment of the folder shown (the first folder when none was named or it was closed). */
    folderAssessment() {
        return this.deps.assessment.byKey(this.folderKey) ?? this.deps.assessment.folders()[0];
    }
    /** Panel-specific messages; return false to leave a message to the shared handler. */
    handle(_m) {
        return Promise.resolve(false);
    }
    createPanel(title, column, preserveFocus = false) {
        const panel = vscode.window.createWebviewPanel(this.viewType, title, { viewColumn: column, preserveFocus }, (0, shell_1.webviewOptions)(this.deps.context.extensionUri));
        this.attach(panel);
        return panel;
    }
    /** Wires a new or restored panel (a restored one keeps its column and title). */
    attach(panel) {
        this.panel?.dispose();
        this.panel = panel;
        panel.iconPath = vscode.Uri.joinPath(this.deps.context.extensionUri, 'media', 'dsomm.svg');
        panel.webview.options = (0, shell_1.webviewOptions)(this.deps.context.extensionUri);
        panel.webview.html = (0, shell_1.shellHtml)(panel.webview, this.deps.context.extensionUri, { title: panel.title, script: this.script });
        this.panelSubscriptions = [
            panel.webview.onDidReceiveMessage((raw) => void this.receive(raw)),
            panel.onDidDispose(() => {
                if (this.panel === panel)
                    this.panel = undefined;
                for (const s of this.panelSubscriptions)
                    s.dispose();
                this.panelSubscriptions = [];
            }),
        ];
    }
    /** Checks and acts on one message from the webview. */
    async receive(raw) {
        const model = await this.deps.models.get();
        const checked = (0, webviewMessages_1.checkMessage)(raw, this.messageContext(model));
        if (!checked.ok) {
            this.rejected.push(checked.error);
            (0, log_1.log)(`Ignored a message from the ${this.viewType} webview: ${checked.error}`);
            return;
        }
        if (checked.message.type === 'ready') {
            this.readyCount++;
            return this.refresh();
        }
        if (await this.handle(checked.message))
            return;
        const shown = this.folderAssessment();
        // A button acts on the folder whose figures the panel shows, whatever editor is active.
        await (0, actions_1.handleCommonMessage)(checked.message, { folder: shown?.folder, key: shown?.key });
    }
    /** Sends the current view-model (the panel stays as it is: no new HTML, no flicker). */
    async refresh() {
        const panel = this.panel;
        if (!panel)
            return;
        try {
            const folder = this.folderAssessment();
            const [model, result] = await Promise.all([this.deps.models.get(), folder?.get()]);
            const { title, message } = await this.render(model, result, folder);
            if (this.panel !== panel)
                return;
            panel.title = title;
            this.lastMessage = message;
            await panel.webview.postMessage(message);
        }
        catch (e) {
            (0, log_1.log)(`Updating the ${this.viewType} panel failed: ${e.stack ?? e}`);
        }
    }
    dispose() {
        this.panel?.dispose();
    }
}
exports.PanelController = PanelController;
//# sourceMappingURL=panelController.js.map