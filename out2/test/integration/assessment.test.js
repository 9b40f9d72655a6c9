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
// The demo workspace assessed inside a real VS Code: the engine runs over vscode.workspace.fs
// and the tree shows statuses and evidence. The workspace is a copy of test/fixtures/demo-workspace.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const SECRET_SCAN_ACTIVITY = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c'; // Test for stored secrets in code
const SBOM_ACTIVITY = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
function status(result, uuid) {
    return result.activities.find((a) => a.activity.uuid === uuid)?.status;
}
describe('Assessment of the demo workspace', () => {
    it('detects secret scanning and reports the SBOM as missing, with evidence in the files', async () => {
        const { assessment } = await api();
        const result = await assessment.get();
        assert.ok(result, 'no result: is the demo workspace open?');
        assert.strictEqual(status(result, SECRET_SCAN_ACTIVITY), 'detected');
        assert.strictEqual(status(result, SBOM_ACTIVITY), 'missing');
        const evidence = result.activities.find((a) => a.activity.uuid === SECRET_SCAN_ACTIVITY).evidence;
        assert.ok(evidence.some((e) => e.loc.path === '.gitlab-ci.yml'), JSON.stringify(evidence.map((e) => e.loc.path)));
    });
    it('shows counts on dimensions and statuses on activities in the tree', async () => {
        const { tree } = await api();
        const roots = await tree.getChildren();
        const build = roots.find((n) => n.type === 'dimension' && n.label === 'Build and Deployment');
        assert.ok(build, 'Build and Deployment dimension missing');
        const item = tree.getTreeItem(build);
        assert.match(String(item.description), /^\d+\/28 · L1–5$/);
        const subs = await tree.getChildren(build);
        const acts = (await Promise.all(subs.map((s) => tree.getChildren(s)))).flat();
        const defined = acts.find((a) => a.type === 'activity' && a.activity.name === 'Defined build process');
        assert.ok(defined);
        const definedItem = tree.getTreeItem(defined);
        assert.strictEqual(definedItem.description, 'detected');
        // The level is the row's badge, given by a file decoration on this URI.
        assert.strictEqual(definedItem.resourceUri?.query, 'level=1');
        const evidence = await tree.getChildren(defined);
        assert.ok(evidence.length > 0, 'detected activity has no evidence children');
        const evItem = tree.getTreeItem(evidence[0]);
        assert.strictEqual(evItem.command?.command, 'vscode.open');
    });
    it('updates live when a workflow adds a control (no reload)', async () => {
        const { assessment } = await api();
        const folder = vscode.workspace.workspaceFolders[0];
        const file = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'sbom.yml');
        const text = 'name: sbom\non: push\npermissions:\n  contents: read\njobs:\n  sbom:\n    runs-on: ubuntu-latest\n    steps:\n      - run: syft dir:. -o cyclonedx-json=sbom.json\n';
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
        try {
            // The file watcher feeds the incremental index; poll the published result.
            const r = await (0, waitFor_1.waitFor)('the SBOM activity to be detected', async () => {
                const res = await assessment.get();
                return res && status(res, SBOM_ACTIVITY) === 'detected' ? res : undefined;
            });
            assert.strictEqual(status(r, SBOM_ACTIVITY), 'detected');
        }
        finally {
            await vscode.workspace.fs.delete(file);
        }
    });
    it('filters the tree to the target level', async () => {
        const { tree } = await api();
        await vscode.workspace.getConfiguration('dsomm').update('targetLevel', 1, vscode.ConfigurationTarget.Workspace);
        await vscode.commands.executeCommand('dsomm.filterByTargetLevel');
        try {
            const levels = [];
            for (const dim of await tree.getChildren()) {
                for (const sub of await tree.getChildren(dim)) {
                    for (const a of await tree.getChildren(sub))
                        if (a.type === 'activity')
                            levels.push(a.activity.level);
                }
            }
            assert.strictEqual(levels.length, 26, 'DSOMM 4.3.1 has 26 level-1 activities');
            assert.ok(levels.every((l) => l === 1));
        }
        finally {
            await vscode.commands.executeCommand('dsomm.clearLevelFilter');
        }
        let count = 0;
        for (const dim of await tree.getChildren())
            for (const sub of await tree.getChildren(dim))
                count += (await tree.getChildren(sub)).length;
        assert.strictEqual(count, 194);
    });
});
//# sourceMappingURL=assessment.test.js.map