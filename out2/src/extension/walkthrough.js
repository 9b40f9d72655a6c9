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
exports.OPEN_VIEW_STEP_ID = exports.WALKTHROUGH_ID = void 0;
exports.walkthroughStepId = walkthroughStepId;
exports.completeOpenViewStep = completeOpenViewStep;
// The walkthrough's first step, "Open the maturity view", completes once the view was open.
//
// Its `onView` completion event is not enough: VS Code creates the walkthrough service lazily
// (when the Welcome page is first used) and counts view events only from then on, so a view that
// was restored at start-up or opened before the user looked at the walkthrough never ticks the
// step. The workbench command `welcome.markStepComplete` records the step as done in the
// walkthrough's own storage (creating the service if needed), whenever the view becomes visible.
const vscode = __importStar(require("vscode"));
const log_1 = require("./log");
/** The walkthrough and its first step, as package.json contributes them. */
exports.WALKTHROUGH_ID = 'dsomm.getStarted';
exports.OPEN_VIEW_STEP_ID = 'openView';
/** VS Code's id of a walkthrough step of an extension: `publisher.name#walkthrough#step`. */
function walkthroughStepId(extensionId, step) {
    return `${extensionId}#${exports.WALKTHROUGH_ID}#${step}`;
}
function completeOpenViewStep(view, extensionId) {
    let recorded = false;
    const record = () => {
        if (recorded)
            return;
        recorded = true;
        vscode.commands.executeCommand('welcome.markStepComplete', walkthroughStepId(extensionId, exports.OPEN_VIEW_STEP_ID)).then(undefined, (e) => {
            // The service stores the step before it looks it up; a failure here is worth a retry on the next opening.
            recorded = false;
            (0, log_1.log)(`Walkthrough step "${exports.OPEN_VIEW_STEP_ID}" not recorded: ${e?.message ?? e}`);
        });
    };
    if (view.visible)
        record();
    return view.onDidChangeVisibility((e) => {
        if (e.visible)
            record();
    });
}
//# sourceMappingURL=walkthrough.js.map