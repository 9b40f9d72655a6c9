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
exports.scheduleWarmUp = scheduleWarmUp;
// Without the view open, the status bar needs a result: shortly after start-up the first folder is
// assessed in the background, in a workspace that holds files the extension reads.
const vscode = __importStar(require("vscode"));
const activation_1 = require("../core/activation");
const log_1 = require("./log");
/**
 * Does the workspace hold a file of the `workspaceContains:` activation events? VS Code's own search
 * for them gives up after 7 s (a big repository, a busy machine) and then does not start the
 * extension at all; `onStartupFinished` starts it anyway, and this search runs to its end.
 */
async function holdsFilesToAssess(activationEvents) {
    const glob = (0, activation_1.workspaceContainsGlob)(activationEvents);
    if (!glob)
        return false;
    return (await vscode.workspace.findFiles(glob, undefined, 1)).length > 0;
}
/**
 * Starts the first folder's assessment after `delayMs` (the view, when open, asks for it at once)
 * if the workspace holds files to assess. The search starts now; it runs outside the extension host.
 */
function scheduleWarmUp(start, activationEvents, delayMs) {
    let disposed = false;
    const relevant = holdsFilesToAssess(activationEvents).catch((e) => {
        (0, log_1.log)(`The search for pipeline and container files failed (${e.message}); assessing anyway`);
        return true;
    });
    const timer = setTimeout(() => {
        void relevant.then((yes) => {
            if (yes && !disposed)
                start();
        });
    }, delayMs);
    return {
        dispose: () => {
            disposed = true;
            clearTimeout(timer);
        },
    };
}
//# sourceMappingURL=warmUp.js.map