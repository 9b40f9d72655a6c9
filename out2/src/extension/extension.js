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
exports.activate = activate;
exports.deactivate = deactivate;
// Entry point. activate() only wires things up: the model loads when the view first asks
// for it, so starting VS Code with a pipeline file open costs next to nothing.
const vscode = __importStar(require("vscode"));
const activityTree_1 = require("./activityTree");
const assessmentService_1 = require("./assessmentService");
const guidance_1 = require("./guidance");
const modelCommands_1 = require("./modelCommands");
const progressCommands_1 = require("./progressCommands");
const modelService_1 = require("./modelService");
const log_1 = require("./log");
const statusBar_1 = require("./statusBar");
const inputProblems_1 = require("./inputProblems");
const settings_1 = require("./settings");
const walkthrough_1 = require("./walkthrough");
const warmUp_1 = require("./warmUp");
const webviews_1 = require("./webviews");
function activate(context) {
    const started = performance.now();
    const models = new modelService_1.ModelService(context);
    const assessment = new assessmentService_1.AssessmentService(context, models);
    const tree = new activityTree_1.ActivityTreeProvider(models, assessment, context.workspaceState);
    const statusBar = new statusBar_1.StatusBar(assessment);
    const view = vscode.window.createTreeView('dsomm.activities', { treeDataProvider: tree, showCollapseAll: true, canSelectMany: true });
    tree.attach(view);
    context.subscriptions.push((0, walkthrough_1.completeOpenViewStep)(view, context.extension.id), models, assessment, inputProblems_1.configProblems, tree, view, statusBar, vscode.commands.registerCommand('dsomm.setTargetLevel', async () => {
        const current = (0, settings_1.targetLevel)();
        const pick = await vscode.window.showQuickPick([1, 2, 3, 4, 5].map((l) => ({ label: `Level ${l}`, description: l === current ? 'current' : undefined, level: l })), { title: 'DSOMM: target maturity level', placeHolder: 'Which level is your team aiming for?' });
        if (pick)
            await vscode.workspace.getConfiguration('dsomm').update('targetLevel', pick.level, vscode.ConfigurationTarget.Workspace);
    }), vscode.commands.registerCommand('dsomm.filterByTargetLevel', () => tree.setFiltered(true)), vscode.commands.registerCommand('dsomm.clearLevelFilter', () => tree.setFiltered(false)), vscode.commands.registerCommand('dsomm.refresh', async () => {
        await models.reload();
        await assessment.rescan();
    }), vscode.commands.registerCommand('dsomm.showLog', () => (0, log_1.outputChannel)().show()), ...(0, modelCommands_1.registerModelCommands)(context, models), ...(0, progressCommands_1.registerProgressCommands)(assessment, models, tree, context.extensionUri));
    const webviews = (0, webviews_1.registerWebviews)(context, assessment, models);
    (0, guidance_1.registerGuidance)(context, assessment);
    // The detection rules load in the background now (file reads, off activate()'s own time), so the
    // view's first index build does not wait for them. The status bar needs a result: with the view
    // open the tree asks for it at once; otherwise it is built shortly after start-up, in a workspace
    // with files to assess (onStartupFinished starts the extension in any workspace).
    void assessment.detection();
    const activationEvents = context.extension.packageJSON.activationEvents ?? [];
    if (view.visible)
        void assessment.get();
    else
        context.subscriptions.push((0, warmUp_1.scheduleWarmUp)(() => void assessment.get(), activationEvents, 1500));
    const activationMs = Math.round((performance.now() - started) * 10) / 10;
    (0, log_1.log)(`Activated in ${activationMs} ms`);
    return { models, assessment, tree, webviews, activationMs };
}
function deactivate() {
    // Everything is disposed through context.subscriptions.
}
//# sourceMappingURL=extension.js.map