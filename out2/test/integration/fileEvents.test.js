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
// Only files the assessment reads cause work: saving a README or touching a lockfile (npm install
// rewrites it) must not update the index, re-evaluate or refresh the tree; a workflow still does.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
describe('File events', () => {
    it('saving a README and touching a lockfile cause no update; a workflow does', async () => {
        const { assessment } = await api();
        const folder = assessment.folders()[0];
        assert.ok(await folder.get(), 'no assessment of the demo workspace');
        const root = folder.folder.uri;
        const events = (path) => folder.recentFileEvents.filter((e) => e.path === path);
        // A lockfile rewritten with the same content, as `npm install` does.
        const lock = vscode.Uri.joinPath(root, 'services', 'api', 'package-lock.json');
        await vscode.workspace.fs.writeFile(lock, await vscode.workspace.fs.readFile(lock));
        // A README edited and saved in the editor.
        const readme = await vscode.workspace.openTextDocument(vscode.Uri.joinPath(root, 'README.md'));
        const edit = new vscode.WorkspaceEdit();
        edit.insert(readme.uri, readme.lineAt(readme.lineCount - 1).range.end, '\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(await readme.save(), 'README.md was not saved');
        // The save event and the watcher's events for both files arrive; none is queued for an update.
        const lockPath = 'services/api/package-lock.json';
        await (0, waitFor_1.waitFor)('the events of both files', () => events(lockPath).length > 0 && events('README.md').length > 0);
        assert.deepStrictEqual([...events(lockPath), ...events('README.md')].filter((e) => e.queued), [], 'a README or lockfile event was queued for an update');
        // A workflow is still followed: rewriting one queues an update.
        const workflow = vscode.Uri.joinPath(root, '.github', 'workflows', 'ci.yml');
        await vscode.workspace.fs.writeFile(workflow, await vscode.workspace.fs.readFile(workflow));
        await (0, waitFor_1.waitFor)('the workflow event, queued', () => events('.github/workflows/ci.yml').some((e) => e.queued));
    });
});
//# sourceMappingURL=fileEvents.test.js.map