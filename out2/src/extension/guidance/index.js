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
exports.registerGuidance = registerGuidance;
// In-editor guidance, wired into VS Code: hovers, the "DSOMM" diagnostics, quick fixes and the
// dsomm.insertFix command. The logic (what to say, what to insert) lives in src/core/guidance.
const vscode = __importStar(require("vscode"));
const applyFix_1 = require("./applyFix");
const codeActions_1 = require("./codeActions");
const diagnostics_1 = require("./diagnostics");
const hover_1 = require("./hover");
const insertFix_1 = require("./insertFix");
const shared_1 = require("./shared");
function registerGuidance(context, assessment) {
    const fixes = new shared_1.FixCatalogueSource(context.extensionUri);
    const diagnostics = new diagnostics_1.GuidanceDiagnostics(assessment, fixes);
    const applier = new applyFix_1.FixApplier(assessment, fixes, diagnostics);
    context.subscriptions.push(diagnostics, vscode.languages.registerHoverProvider(shared_1.GUIDANCE_SELECTOR, new hover_1.GuidanceHoverProvider(assessment, diagnostics, fixes)), vscode.languages.registerCodeActionsProvider(shared_1.GUIDANCE_SELECTOR, new codeActions_1.GuidanceCodeActions(assessment, fixes, diagnostics, applier), codeActions_1.GuidanceCodeActions.metadata), vscode.commands.registerCommand(codeActions_1.FIX_APPLIED_COMMAND, async (req) => {
        // VS Code applied the resolved edit already; without a resolve, apply it now.
        if (req.result)
            await applier.show(req.folder, req.result);
        else
            await applier.apply(req);
    }), vscode.commands.registerCommand(codeActions_1.MORE_ACTIONS_COMMAND, (more) => (0, codeActions_1.pickMoreAction)(more, applier)), vscode.commands.registerCommand(codeActions_1.RUN_MENU_ITEM_COMMAND, (more, index) => (0, codeActions_1.runMenuItem)(more, index, applier)), (0, insertFix_1.registerInsertFix)(assessment, fixes, applier));
    return { diagnostics };
}
//# sourceMappingURL=index.js.map