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
// The details panel and the dashboard in a real VS Code: they open, load their scripts under the
// CSP (the page says 'ready'), are reused instead of piling up, survive reloads (serializers) and
// act only on checked messages.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components
const DEFINED_BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b'; // Defined build process
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
function webviewTabs(viewType) {
    return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(viewType));
}
describe('Webview panels', () => {
    after(async () => {
        const { webviews } = await api();
        webviews.details.dispose();
        webviews.dashboard.dispose();
    });
    it('opens the dashboard once, loads its script under the CSP and shows the heatmap data', async () => {
        const { webviews, assessment } = await api();
        await assessment.get();
        await vscode.commands.executeCommand('dsomm.openDashboard');
        await vscode.commands.executeCommand('dsomm.openDashboard');
        assert.strictEqual(webviewTabs('dsomm.dashboard').length, 1, 'a second dashboard was opened');
        await (0, waitFor_1.waitFor)('the dashboard page to load', () => webviews.dashboard.readyCount > 0);
        const view = webviews.dashboard.lastMessage.view;
        assert.strictEqual(view.assessed, true);
        assert.deepStrictEqual(view.dimensions.map((d) => d.name).sort(), ['Build and Deployment', 'Culture and Organization', 'Implementation', 'Information Gathering', 'Test and Verification']);
        assert.ok(view.overall.achieved > 0 && view.overall.total > view.overall.achieved);
        const html = webviews.dashboard.panel.webview.html;
        const csp = (/Content-Security-Policy" content="([^"]+)"/.exec(html)?.[1] ?? '').replace(/&#39;/g, "'");
        assert.match(csp, /default-src 'none'/);
        assert.match(csp, /script-src 'nonce-[A-Za-z0-9+/=]{20,}'/);
        assert.doesNotMatch(csp, /unsafe-(inline|eval)/);
        const roots = webviews.dashboard.panel.webview.options.localResourceRoots ?? [];
        assert.deepStrictEqual(roots.map((r) => r.path.split('/').pop()), ['media']);
        assert.strictEqual(webviews.dashboard.panel.webview.options.enableCommandUris, false);
    });
    it('follows the target level live, without a new panel', async () => {
        const { webviews } = await api();
        const panel = webviews.dashboard.panel;
        const config = vscode.workspace.getConfiguration('dsomm');
        await config.update('targetLevel', 3, vscode.ConfigurationTarget.Workspace);
        try {
            await (0, waitFor_1.waitFor)('the dashboard to show target level 3', () => webviews.dashboard.lastMessage.view.targetLevel === 3);
            assert.strictEqual(webviews.dashboard.panel, panel, 'the panel was re-created');
            // The webview's own target-level buttons send this message.
            await webviews.dashboard.receive({ type: 'setTargetLevel', level: 2 });
            await (0, waitFor_1.waitFor)('the dashboard to show target level 2', () => webviews.dashboard.lastMessage.view.targetLevel === 2);
        }
        finally {
            await config.update('targetLevel', undefined, vscode.ConfigurationTarget.Workspace);
        }
    });
    it('updates both panels live when a file adds a control, without new panels', async () => {
        const { webviews } = await api();
        await vscode.commands.executeCommand('dsomm.openActivity', SBOM);
        const [dashboardPanel, detailsPanel] = [webviews.dashboard.panel, webviews.details.panel];
        const sbomCell = () => {
            const view = webviews.dashboard.lastMessage.view;
            return view.activities[SBOM];
        };
        assert.strictEqual(sbomCell().status, 'missing');
        const folder = vscode.workspace.workspaceFolders[0];
        const file = vscode.Uri.joinPath(folder.uri, '.github', 'workflows', 'sbom-live.yml');
        const text = 'name: sbom\non: push\npermissions:\n  contents: read\njobs:\n  sbom:\n    runs-on: ubuntu-latest\n    steps:\n      - run: syft dir:. -o cyclonedx-json=sbom.json\n';
        await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
        try {
            await (0, waitFor_1.waitFor)('the dashboard to count the SBOM as detected', () => sbomCell().status === 'detected');
            const details = await (0, waitFor_1.waitFor)('the details to show the new evidence', () => {
                const v = webviews.details.lastMessage.view;
                return v.status === 'detected' ? v : undefined;
            });
            assert.ok(details.evidence.some((e) => e.path === '.github/workflows/sbom-live.yml' && e.line === 9), JSON.stringify(details.evidence));
            assert.strictEqual(webviews.dashboard.panel, dashboardPanel, 'the dashboard was re-created');
            assert.strictEqual(webviews.details.panel, detailsPanel, 'the details panel was re-created');
        }
        finally {
            await vscode.workspace.fs.delete(file);
        }
        await (0, waitFor_1.waitFor)('the SBOM to be missing again', () => sbomCell().status === 'missing');
    });
    it('opens activity details in one reused panel, by uuid, { uuid } or tree node', async () => {
        const { webviews } = await api();
        await vscode.commands.executeCommand('dsomm.openActivity', SBOM);
        await (0, waitFor_1.waitFor)('the details page to load', () => webviews.details.readyCount > 0);
        let view = webviews.details.lastMessage.view;
        assert.strictEqual(view.name, 'SBOM of components');
        assert.strictEqual(view.status, 'missing');
        assert.strictEqual(view.fixAvailable, true, 'fixes.yaml has an SBOM job template');
        assert.strictEqual(webviews.details.panel.title, 'SBOM of components');
        await vscode.commands.executeCommand('dsomm.openActivity', { uuid: DEFINED_BUILD });
        view = webviews.details.lastMessage.view;
        assert.strictEqual(view.name, 'Defined build process');
        assert.strictEqual(view.status, 'detected');
        assert.ok(view.evidence.length > 0);
        await vscode.commands.executeCommand('dsomm.openActivity', { type: 'activity', activity: { uuid: SBOM } });
        assert.strictEqual(webviews.details.uuid, SBOM);
        assert.strictEqual(webviewTabs('dsomm.activityDetails').length, 1, 'details panels piled up');
    });
    it('a dashboard message opens details; unchecked messages are refused', async () => {
        const { webviews } = await api();
        await webviews.dashboard.receive({ type: 'openActivity', uuid: DEFINED_BUILD });
        await (0, waitFor_1.waitFor)('the details panel to show Defined build process', () => webviews.details.uuid === DEFINED_BUILD);
        const before = webviews.dashboard.rejected.length;
        await webviews.dashboard.receive({ type: 'openExternal', url: 'command:workbench.action.terminal.new' });
        await webviews.dashboard.receive({ type: 'openEvidence', path: '../../etc/passwd', line: 1 });
        await webviews.dashboard.receive({ type: 'openActivity', uuid: '00000000-0000-4000-8000-000000000000' });
        assert.strictEqual(webviews.dashboard.rejected.length, before + 3, webviews.dashboard.rejected.join('\n'));
        assert.strictEqual(webviews.details.uuid, DEFINED_BUILD);
    });
    it('evidence messages open the file at the line', async () => {
        const { webviews } = await api();
        await webviews.details.receive({ type: 'openEvidence', path: '.gitlab-ci.yml', line: 3, column: 1 });
        const editor = await (0, waitFor_1.waitFor)('the evidence file to open', () => vscode.window.visibleTextEditors.find((e) => e.document.uri.path.endsWith('/.gitlab-ci.yml')));
        assert.strictEqual(editor.selection.active.line, 2);
    });
    it('registers serializers for both panels (they come back after a reload)', () => {
        for (const viewType of ['dsomm.activityDetails', 'dsomm.dashboard']) {
            assert.throws(() => vscode.window.registerWebviewPanelSerializer(viewType, { deserializeWebviewPanel: async () => undefined }), /already registered/i, `no serializer registered for ${viewType}`);
        }
    });
    it('a restored details panel shows the activity its page saved', async () => {
        const { webviews } = await api();
        webviews.details.dispose();
        const panel = vscode.window.createWebviewPanel('dsomm.activityDetails', 'restored', vscode.ViewColumn.One, {});
        webviews.details.restore(panel, { uuid: SBOM });
        const before = webviews.details.readyCount;
        await (0, waitFor_1.waitFor)('the restored page to load', () => webviews.details.readyCount > before);
        assert.strictEqual(webviews.details.lastMessage.view.name, 'SBOM of components');
        assert.strictEqual(panel.title, 'SBOM of components');
    });
});
//# sourceMappingURL=webviews.test.js.map