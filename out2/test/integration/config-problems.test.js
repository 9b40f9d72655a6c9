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
// Configuration the extension could not use is kept in view until it is fixed, not only in the log:
// a broken `.dsomm/tools.yaml` and a model file with skipped activities or a syntax error each get
// a DSOMM diagnostic at their line in the Problems panel, which goes away once the file is fixed.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
function dsommDiagnostics(uri) {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DSOMM');
}
describe('Configuration problems in the Problems panel', () => {
    it('a broken .dsomm/tools.yaml gets an error at its line, cleared when the file is fixed', async () => {
        const { assessment } = await api();
        await assessment.get();
        const folder = vscode.workspace.workspaceFolders[0];
        const tools = vscode.Uri.joinPath(folder.uri, '.dsomm', 'tools.yaml');
        const enc = new TextEncoder();
        await vscode.workspace.fs.writeFile(tools, enc.encode('schemaVersion: 1\ncommands:\n  - run: acme-audit\n    runs: [sac]\n'));
        try {
            const [d] = await (0, waitFor_1.waitFor)('a diagnostic on .dsomm/tools.yaml', () => {
                const list = dsommDiagnostics(tools);
                return list.length ? list : undefined;
            });
            assert.strictEqual(d.severity, vscode.DiagnosticSeverity.Error);
            assert.strictEqual(d.range.start.line, 3, 'at the line of the unknown probe (4, 0-based 3)');
            assert.match(d.message, /unknown probe "sac".*not used until it is fixed/);
            await vscode.workspace.fs.writeFile(tools, enc.encode('schemaVersion: 1\ncommands:\n  - run: acme-audit\n    runs: [sca]\n'));
            await (0, waitFor_1.waitFor)('the diagnostic to go once the file is fixed', () => dsommDiagnostics(tools).length === 0);
        }
        finally {
            await vscode.workspace.fs.delete(tools).then(undefined, () => undefined);
        }
    });
    it('a model file that does not load gets an error at its line; one with skipped activities a warning each', async () => {
        const { models } = await api();
        const folder = vscode.workspace.workspaceFolders[0];
        const file = vscode.Uri.joinPath(folder.uri, 'models', 'config-problems-model.yaml');
        const enc = new TextEncoder();
        await vscode.workspace.fs.writeFile(file, enc.encode('this: [is not a model\n'));
        const config = vscode.workspace.getConfiguration('dsomm');
        try {
            await config.update('modelFile', 'models/config-problems-model.yaml', vscode.ConfigurationTarget.Workspace);
            const [broken] = await (0, waitFor_1.waitFor)('an error on the model file', () => {
                const list = dsommDiagnostics(file);
                return list.length ? list : undefined;
            });
            assert.strictEqual(broken.severity, vscode.DiagnosticSeverity.Error);
            assert.match(broken.message, /could not be used, so the bundled model is shown/);
            // A legacy model whose one activity has no uuid: loaded, with the skipped activity named.
            const legacy = [
                'Build and Deployment:',
                '  Build:',
                '    Defined build process:',
                '      uuid: f6f7737f-25a9-4317-8de2-09bf59f29b5b',
                '      level: 1',
                '    Activity without uuid:',
                '      level: 1',
                '',
            ].join('\n');
            await vscode.workspace.fs.writeFile(file, enc.encode(legacy));
            await models.reload();
            const [skipped] = await (0, waitFor_1.waitFor)('a warning for the skipped activity', () => {
                const list = dsommDiagnostics(file).filter((d) => d.severity === vscode.DiagnosticSeverity.Warning);
                return list.length ? list : undefined;
            });
            assert.match(skipped.message, /"Activity without uuid" has no uuid and was skipped/);
            assert.strictEqual(skipped.range.start.line, 5);
            assert.strictEqual(dsommDiagnostics(file).filter((d) => d.severity === vscode.DiagnosticSeverity.Error).length, 0, 'the load error is gone');
        }
        finally {
            await config.update('modelFile', undefined, vscode.ConfigurationTarget.Workspace);
            await (0, waitFor_1.waitFor)('the model diagnostics to go with the bundled model', () => dsommDiagnostics(file).length === 0);
            await vscode.workspace.fs.delete(file).then(undefined, () => undefined);
        }
    });
});
//# sourceMappingURL=config-problems.test.js.map