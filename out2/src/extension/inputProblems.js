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
exports.configProblems = void 0;
// Configuration the extension could not use in full: the model file (`dsomm.modelFile`) that does not
// load or loads with skipped activities, the team's `.dsomm/tools.yaml` that does not load, the
// bundled detection rules. A notification says it once per change; this keeps it in view until it
// is fixed: a diagnostic at the file's line in the Problems panel, and a warning in the status bar.
const vscode = __importStar(require("vscode"));
/** The source each problem comes from ('model', `tools:<folder uri>`, 'detection'): set replaces, never merges. */
class ConfigProblems {
    bySource = new Map();
    diagnostics;
    changed = new vscode.EventEmitter();
    onDidChange = this.changed.event;
    set(source, problems) {
        const before = JSON.stringify(this.bySource.get(source) ?? []);
        if (problems.length)
            this.bySource.set(source, problems);
        else
            this.bySource.delete(source);
        if (JSON.stringify(problems) === before)
            return;
        this.publish();
        this.changed.fire();
    }
    all() {
        return [...this.bySource.values()].flat();
    }
    /**
     * The problems that bear on one folder's assessment (the model and detection rules, and that
     * folder's tools file), as the reports list them: paths relative to the folder where they can be.
     */
    forReport(folder) {
        const own = [...this.bySource].filter(([source]) => !source.startsWith('tools:') || source === `tools:${folder.uri.toString()}`);
        return own.flatMap(([, list]) => list.map((p) => ({
            path: p.uri ? reportPath(folder, p.uri) : 'model/probes.yaml, model/rules.yaml (bundled)',
            ...(p.line ? { line: p.line } : {}),
            severity: p.severity,
            message: p.message,
        })));
    }
    publish() {
        this.diagnostics ??= vscode.languages.createDiagnosticCollection('dsomm-config');
        const byUri = new Map();
        for (const p of this.all()) {
            if (!p.uri)
                continue;
            const line = Math.max(0, (p.line ?? 1) - 1);
            const d = new vscode.Diagnostic(new vscode.Range(line, 0, line, Number.MAX_SAFE_INTEGER), p.message, p.severity === 'error' ? vscode.DiagnosticSeverity.Error : vscode.DiagnosticSeverity.Warning);
            d.source = 'DSOMM';
            const key = p.uri.toString();
            (byUri.get(key) ?? byUri.set(key, { uri: p.uri, list: [] }).get(key)).list.push(d);
        }
        this.diagnostics.clear();
        for (const { uri, list } of byUri.values())
            this.diagnostics.set(uri, list);
    }
    dispose() {
        this.diagnostics?.dispose();
        this.diagnostics = undefined;
        this.bySource.clear();
        this.changed.dispose();
    }
}
function reportPath(folder, uri) {
    const base = folder.uri.path.endsWith('/') ? folder.uri.path : `${folder.uri.path}/`;
    if (uri.scheme === folder.uri.scheme && uri.authority === folder.uri.authority && uri.path.startsWith(base))
        return uri.path.slice(base.length);
    return uri.scheme === 'file' ? uri.fsPath : uri.toString(true);
}
/** One registry for the extension's lifetime (activate() disposes it with the other subscriptions). */
exports.configProblems = new ConfigProblems();
//# sourceMappingURL=inputProblems.js.map