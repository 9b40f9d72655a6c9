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
// The editor and `dsomm scan` give the same statuses and probe results on the same folder: the CLI
// (dist/cli.js, run as a child process over node's fs) against the extension's assessment (over
// vscode.workspace.fs), on the demo workspace and on the multi-system engine fixture, whose
// config/ folder holds tool configuration files (.gitleaks.toml, .trivyignore, Semgrep, Sonar,
// devcontainer, threat model) that once counted in the CLI only.
const assert = __importStar(require("assert"));
const child_process_1 = require("child_process");
const vscode = __importStar(require("vscode"));
const assessmentService_1 = require("../../src/extension/assessmentService");
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
/** One line per probe and per activity: what must be equal on both sides. */
function linesOfReport(r) {
    return [
        ...r.probes.map((p) => `probe ${p.id} ${p.result} [${p.evidence.map((e) => `${e.path}:${e.line}${e.tool ? ` ${e.tool}` : ''}`).join(', ')}] notes: ${(p.notes ?? []).join(' | ')}`),
        ...r.activities.map((a) => `activity ${a.name} ${a.detected} [${a.evidence.map((e) => `${e.path}:${e.line}`).join(', ')}]`),
    ];
}
function linesOfResult(r) {
    return linesOfReport({
        probes: r.probes.map((p) => ({ id: p.id, result: p.result, evidence: p.evidence.map((e) => ({ path: e.loc.path, line: e.loc.line, ...(e.tool ? { tool: e.tool } : {}) })), notes: p.notes })),
        activities: r.activities.map((a) => ({ uuid: a.activity.uuid, name: a.activity.name, detected: a.detected, evidence: a.evidence.map((e) => ({ path: e.loc.path, line: e.loc.line })) })),
    });
}
function cliReport(extensionPath, folder) {
    const cli = vscode.Uri.joinPath(vscode.Uri.file(extensionPath), 'dist', 'cli.js').fsPath;
    return new Promise((resolve, reject) => {
        // The extension host's executable runs scripts as node (ELECTRON_RUN_AS_NODE for desktop VS Code).
        (0, child_process_1.execFile)(process.execPath, [cli, 'scan', folder, '--format', 'json'], { env: { ...process.env, ELECTRON_RUN_AS_NODE: '1' }, maxBuffer: 64 * 1024 * 1024 }, (err, stdout, stderr) => {
            if (err)
                reject(new Error(`dsomm scan failed: ${err.message}\n${stderr}`));
            else
                resolve(JSON.parse(stdout));
        });
    });
}
/** The first line where two listings differ, with both sides (a whole diff would be unreadable). */
function firstDifference(cli, editor) {
    for (let i = 0; i < Math.max(cli.length, editor.length); i++) {
        if (cli[i] !== editor[i])
            return `line ${i + 1}:\n  CLI:    ${cli[i]}\n  editor: ${editor[i]}`;
    }
    return undefined;
}
describe('One engine: the editor and `dsomm scan` agree', function () {
    this.timeout(120_000);
    let api;
    let extensionPath;
    before(async () => {
        const ext = vscode.extensions.getExtension(EXTENSION_ID);
        assert.ok(ext, 'extension not loaded');
        api = await ext.activate();
        extensionPath = ext.extensionPath;
    });
    it('on the demo workspace: same activity statuses and probe results', async () => {
        const folder = vscode.workspace.workspaceFolders[0];
        const cli = linesOfReport(await cliReport(extensionPath, folder.uri.fsPath));
        assert.ok(cli.some((l) => / detected \[/.test(l)), 'the CLI detects something on the demo');
        // Earlier tests add and remove files: the editor's live index follows its watcher.
        const agreed = await (0, waitFor_1.waitFor)('the editor to agree with the CLI', async () => {
            const result = await api.assessment.forFolder(folder).get();
            return result && !firstDifference(cli, linesOfResult(result)) ? result : undefined;
        }).catch(async () => undefined);
        if (!agreed) {
            const result = await api.assessment.forFolder(folder).get();
            assert.fail(`the editor and the CLI disagree on the demo workspace, ${result ? firstDifference(cli, linesOfResult(result)) : 'no editor result'}`);
        }
    });
    it('on the multi-system fixture with tool configuration files: same statuses and probe results', async () => {
        const uri = vscode.Uri.joinPath(vscode.Uri.file(extensionPath), 'test', 'fixtures', 'engine');
        const cliReportJson = await cliReport(extensionPath, uri.fsPath);
        const cli = linesOfReport(cliReportJson);
        // The configuration files make a difference here: they are what the editor once missed.
        const fromConfig = cliReportJson.probes.filter((p) => p.evidence.some((e) => e.path.startsWith('config/')));
        assert.ok(fromConfig.some((p) => p.id === 'fp-suppression' && p.result === 'partial'), `probes with configuration evidence: ${fromConfig.map((p) => p.id).join(', ')}`);
        // The same class the extension keeps per workspace folder, for a folder outside the workspace;
        // its results go nowhere (the tree and panels show the workspace, not this fixture).
        const host = { models: api.assessment.models, detection: () => api.assessment.detection(), published: () => undefined };
        const assessment = new assessmentService_1.FolderAssessment({ uri, name: 'engine', index: 99 }, host);
        try {
            const result = await assessment.get();
            assert.ok(result, 'the editor assessed the fixture');
            const difference = firstDifference(cli, linesOfResult(result));
            assert.strictEqual(difference, undefined, `the editor and the CLI disagree on the engine fixture, ${difference}`);
        }
        finally {
            assessment.dispose();
        }
    });
});
//# sourceMappingURL=one-engine.test.js.map