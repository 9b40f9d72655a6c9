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
// Runs inside a real VS Code extension host (see index.ts). Only the public vscode API is used, so
// the same tests run on code-server (CI) and on desktop VS Code.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const VIEW_CONTAINER_ID = 'dsomm';
const TREE_VIEW_ID = 'dsomm.activities';
const COMMANDS = ['dsomm.refresh', 'dsomm.showModelSummary'];
function getExtension() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded in this VS Code`);
    return ext;
}
describe('DSOMM extension in a real VS Code', () => {
    it(`is present as ${EXTENSION_ID}`, () => {
        const ext = getExtension();
        assert.strictEqual(ext.packageJSON.name, 'dsomm-vscode');
    });
    it('activates without throwing', async () => {
        const ext = getExtension();
        await ext.activate();
        assert.strictEqual(ext.isActive, true);
    });
    it(`contributes the "${VIEW_CONTAINER_ID}" activity-bar container with the "${TREE_VIEW_ID}" view`, () => {
        const contributes = getExtension().packageJSON.contributes ?? {};
        const containers = contributes.viewsContainers?.activitybar ?? [];
        assert.ok(containers.some((c) => c.id === VIEW_CONTAINER_ID), `activitybar containers: ${JSON.stringify(containers)}`);
        const views = contributes.views?.[VIEW_CONTAINER_ID] ?? [];
        assert.ok(views.some((v) => v.id === TREE_VIEW_ID), `views in ${VIEW_CONTAINER_ID}: ${JSON.stringify(views)}`);
    });
    it('registers its commands', async () => {
        await getExtension().activate();
        const all = new Set(await vscode.commands.getCommands(true));
        const missing = COMMANDS.filter((c) => !all.has(c));
        assert.deepStrictEqual(missing, [], `commands not registered: ${missing.join(', ')}`);
    });
    it(`the "${TREE_VIEW_ID}" view can be focused`, async () => {
        await getExtension().activate();
        // VS Code generates `<viewId>.focus` for every contributed view; it fails for unknown views.
        await vscode.commands.executeCommand(`${TREE_VIEW_ID}.focus`);
    });
    it('dsomm.refresh runs and resolves', async () => {
        await getExtension().activate();
        await vscode.commands.executeCommand('dsomm.refresh');
    });
});
//# sourceMappingURL=activation.test.js.map