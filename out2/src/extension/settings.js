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
exports.targetLevel = targetLevel;
exports.progressInputFor = progressInputFor;
exports.progressSettingsFor = progressSettingsFor;
exports.notApplicableScoring = notApplicableScoring;
exports.recordDetectedEvidence = recordDetectedEvidence;
exports.diagnosticsEnabled = diagnosticsEnabled;
exports.diagnosticsSeverity = diagnosticsSeverity;
// Typed access to the extension's settings (one place for names and defaults).
const vscode = __importStar(require("vscode"));
const progress_1 = require("../core/progress");
function targetLevel() {
    const v = vscode.workspace.getConfiguration('dsomm').get('targetLevel', 1);
    return Number.isInteger(v) && v >= 1 && v <= 5 ? v : 1;
}
/**
 * What the settings say about the team's files of a workspace folder: `dsomm.progressFile`, the
 * explicit `dsomm.team` and `dsomm.progressStates` when the user set them (otherwise the DSOMM
 * config in the workspace decides, see core/progress/workspace.ts). Throws ProgressSettingsError.
 */
function progressInputFor(folder) {
    const config = vscode.workspace.getConfiguration('dsomm', folder.uri);
    const file = config.get('progressFile', progress_1.DEFAULT_PROGRESS_FILE).trim().replace(/\\/g, '/');
    if (file.startsWith('/') || /^[A-Za-z]:/.test(file) || file.split('/').includes('..')) {
        throw new progress_1.ProgressSettingsError(`dsomm.progressFile must be a path inside the workspace folder (got "${file}")`);
    }
    const team = config.get('team', '').trim();
    // The default value of dsomm.progressStates is the web app's default: only a value the user set overrides the config.
    const inspected = config.inspect('progressStates');
    const set = inspected?.workspaceFolderValue ?? inspected?.workspaceValue ?? inspected?.globalValue;
    return { progressFile: file, ...(team ? { team } : {}), ...(Array.isArray(set) && set.length ? { states: set } : {}) };
}
/** The progress settings before the files are read (team from the setting only). Throws ProgressSettingsError. */
function progressSettingsFor(folder) {
    const input = progressInputFor(folder);
    return (0, progress_1.settingsFromConfig)(input, undefined, input.team ?? '');
}
/** `dsomm.notApplicableScoring`: 'zero' scores "not applicable" 0 % like the DSOMM web app. */
function notApplicableScoring(folder) {
    return vscode.workspace.getConfiguration('dsomm', folder?.uri).get('notApplicableScoring', 'achieved') === 'webApp' ? 'zero' : 'achieved';
}
/** `dsomm.recordDetectedEvidence`: after marking a detected activity done, 'ask', 'always' or 'never'. */
function recordDetectedEvidence(folder) {
    const v = vscode.workspace.getConfiguration('dsomm', folder?.uri).get('recordDetectedEvidence', 'ask');
    return v === 'always' || v === 'never' ? v : 'ask';
}
/** Whether DSOMM diagnostics are shown (`dsomm.diagnostics.enabled`). */
function diagnosticsEnabled() {
    return vscode.workspace.getConfiguration('dsomm').get('diagnostics.enabled', true) !== false;
}
const SEVERITIES = ['error', 'warning', 'information', 'hint'];
/** Severity of missing-activity diagnostics (`dsomm.diagnostics.severity`); weak controls keep their own. */
function diagnosticsSeverity() {
    const v = vscode.workspace.getConfiguration('dsomm').get('diagnostics.severity', 'information');
    return SEVERITIES.includes(v) ? v : 'information';
}
//# sourceMappingURL=settings.js.map