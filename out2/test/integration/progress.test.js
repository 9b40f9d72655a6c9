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
// Team progress inside a real VS Code: the tree shows the progress file's states on top of
// detection, the commands write the DSOMM web app's format, an external edit refreshes the tree,
// and a file that does not parse is never written. The workspace is a copy of the demo workspace;
// its team is set to "demo-workspace" (dsomm.team): the file holds two teams, so nothing else names it.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b'; // Defined build process (detected)
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components (missing)
const SECRETS = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c'; // Test for stored secrets in code (detected)
const UNKNOWN_ACTIVITY = '00000000-1111-4222-8333-444444444444'; // not in the model: must survive our writes
const TEAM = 'demo-workspace';
const FIXTURE = `# Shared with the DSOMM web app
progress:
  ${SBOM}: # SBOM of components
    ${TEAM}:
      Started: 2026-01-10
    Red Team:
      Started: "2025-12-01"
      Partly implemented: '2025-12-02'
  ${UNKNOWN_ACTIVITY}:
    Red Team:
      Fully implemented: 2025-11-11
`;
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
const folder = () => vscode.workspace.workspaceFolders[0];
const uri = (...p) => vscode.Uri.joinPath(folder().uri, ...p);
const PROGRESS = () => uri('.dsomm', 'team-progress.yaml');
const EVIDENCE = () => uri('.dsomm', 'team-evidence.yaml');
async function write(file, text) {
    await vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
}
async function read(file) {
    return new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
}
async function treeActivities(node) {
    const { tree } = await api();
    const out = [];
    for (const child of await tree.getChildren(node)) {
        if (child.type === 'activity')
            out.push(child);
        else if (child.type !== 'evidence')
            out.push(...(await treeActivities(child)));
    }
    return out;
}
/**
 * The tree row of an activity as the user reads it, "L1 · done · detected" (the level is the row's
 * badge, from the level in its resource URI; then the description), once it matches `expected`.
 */
async function waitForRow(uuid, expected) {
    const { tree } = await api();
    return (0, waitFor_1.waitFor)(`the tree row of ${uuid} to match ${expected}`, async () => {
        const node = (await treeActivities()).find((a) => a.activity.uuid === uuid);
        const item = node && tree.getTreeItem(node);
        const text = item && `L${new URLSearchParams(item.resourceUri?.query).get('level')} · ${String(item.description)}`;
        return text && expected.test(text) ? text : undefined;
    });
}
function status(result, uuid) {
    return result?.activities.find((a) => a.activity.uuid === uuid)?.status;
}
describe('Team progress', () => {
    before(async () => {
        const { assessment } = await api();
        assert.ok(await assessment.get(), 'no assessment: is the demo workspace open?');
        await vscode.workspace.getConfiguration('dsomm').update('team', TEAM, vscode.ConfigurationTarget.Workspace);
        await write(PROGRESS(), FIXTURE);
    });
    after(async () => {
        // Leave the workspace as the other suites expect it.
        await vscode.workspace.getConfiguration('dsomm').update('team', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(uri('.dsomm'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
        await vscode.commands.executeCommand('dsomm.clearStatusFilter');
        await vscode.commands.executeCommand('dsomm.groupByDimension');
    });
    it("the tree shows the team's states on top of detection (other teams do not count)", async () => {
        assert.match(await waitForRow(SBOM, /Started/), /^L2 · Started$/);
        assert.match(await waitForRow(BUILD, /detected/), /^L1 · detected$/);
        const { tree, assessment } = await api();
        const sbom = (await treeActivities()).find((a) => a.activity.uuid === SBOM);
        const item = tree.getTreeItem(sbom);
        assert.strictEqual(item.contextValue, 'activity.in-progress.marked');
        assert.match(item.tooltip.value, /Team demo\\-workspace:\*\* Started \(20 %\) since 2026-01-10/);
        assert.match(String(item.accessibilityInformation?.label), /SBOM of components, level 2, in progress, team state Started/);
        assert.strictEqual(status(await assessment.get(), SBOM), 'in-progress');
    });
    it('Mark Activity Done writes the DSOMM format; other teams and unknown activities are kept', async () => {
        await vscode.commands.executeCommand('dsomm.markActivityDone', BUILD);
        const text = await read(PROGRESS());
        assert.match(text, new RegExp(`^  ${BUILD}: # Defined build process\\n    ${TEAM}:\\n      Started: (\\d{4}-\\d\\d-\\d\\d)\\n      Partly implemented: \\1\\n      Fully implemented: \\1\\n`, 'm'));
        assert.match(text, /^# Shared with the DSOMM web app$/m);
        assert.match(text, /Red Team:\n\s+Started: 2025-12-01\n\s+Partly implemented: 2025-12-02\n/);
        assert.match(text, new RegExp(`${UNKNOWN_ACTIVITY}:[^\\n]*\\n    Red Team:\\n      Fully implemented: 2025-11-11`));
        assert.ok(!/"\d{4}-/.test(text) && !/'\d{4}-/.test(text), 'dates are written unquoted');
        // The row says "done" by the team's word and still shows the files' evidence.
        assert.match(await waitForRow(BUILD, /done/), /^L1 · done · detected$/);
        const build = (await treeActivities()).find((a) => a.activity.uuid === BUILD);
        assert.ok(build.children.length > 0, 'marking hid the evidence');
    });
    it('marks a multi-selection of tree rows at once; Set State and Reset work on rows too', async () => {
        const rows = await treeActivities();
        const sbom = rows.find((a) => a.activity.uuid === SBOM);
        const secrets = rows.find((a) => a.activity.uuid === SECRETS);
        await vscode.commands.executeCommand('dsomm.setActivityState', { uuid: SECRETS, state: 'Partly implemented' });
        await waitForRow(SECRETS, /Partly implemented/);
        await vscode.commands.executeCommand('dsomm.markActivityDone', sbom, [sbom, secrets]);
        await waitForRow(SBOM, /done/);
        await waitForRow(SECRETS, /done/);
        const text = await read(PROGRESS());
        assert.match(text, new RegExp(`    ${TEAM}:\\n      Started: 2026-01-10\\n      Partly implemented: \\d{4}-\\d\\d-\\d\\d\\n      Fully implemented: `), 'an earlier date is kept');
        const fresh = (await treeActivities()).find((a) => a.activity.uuid === SBOM);
        await vscode.commands.executeCommand('dsomm.resetActivity', fresh);
        assert.match(await waitForRow(SBOM, /missing/), /^L2 · missing$/);
        assert.ok(!new RegExp(`${SBOM}:[^\\n]*\\n    ${TEAM}:`).test(await read(PROGRESS())), 'reset removes only our team');
        assert.match(await read(PROGRESS()), /Red Team:\n\s+Started: 2025-12-01/);
    });
    it('Mark Not Applicable saves the reason in the companion evidence file; the progress file stays importable', async () => {
        const before = await read(PROGRESS());
        await vscode.commands.executeCommand('dsomm.markNotApplicable', { uuid: SBOM, reason: 'We ship no artefacts: a library only.' });
        const evidence = await read(EVIDENCE());
        assert.match(evidence, new RegExp(`^evidence:\\n(#.*\\n)*  ${SBOM}: # SBOM of components\\n    - id: [0-9a-f-]{36}\\n      teams: \\[${TEAM}\\]\\n      title: Not applicable\\n      description: "?We ship no artefacts: a library only\\."?\\n      evidenceRecorded: \\d{4}-\\d\\d-\\d\\d\\n`, 'm'));
        assert.strictEqual(await read(PROGRESS()), before, 'N/A does not touch the progress file');
        assert.match(await waitForRow(SBOM, /N\/A/), /^L2 · N\/A$/);
        const { assessment } = await api();
        const sbom = (await assessment.get()).activities.find((a) => a.activity.uuid === SBOM);
        assert.strictEqual(sbom.notApplicable?.reason, 'We ship no artefacts: a library only.');
    });
    it('a result published again with nothing new leaves the tree alone; a change rebuilds it', async () => {
        // Every rebuild makes VS Code forget which element a shown row stands for until it has fetched
        // the rows again: a context-menu command run then gets no row. Our own writes publish the
        // result again (file watcher, the team setting): those must not rebuild the tree.
        const { tree, assessment } = await api();
        let rebuilds = 0;
        const counting = tree.onDidChangeTreeData(() => rebuilds++);
        try {
            await tree.getChildren(); // the rows as VS Code fetches them after a rebuild
            await tree.whenChangesChecked();
            rebuilds = 0;
            await assessment.folders()[0].reloadProgress(); // the same files read again: an equal result
            await tree.whenChangesChecked();
            assert.strictEqual(rebuilds, 0, 'an unchanged result rebuilt the tree');
            await vscode.commands.executeCommand('dsomm.setActivityState', { uuid: SECRETS, state: 'Started' });
            await tree.whenChangesChecked();
            assert.ok(rebuilds >= 1, 'a changed row did not rebuild the tree');
            assert.match(await waitForRow(SECRETS, /Started/), /· Started · detected$/);
        }
        finally {
            counting.dispose();
        }
    });
    it('an external edit of the progress file refreshes the tree', async () => {
        const text = await read(PROGRESS());
        // Another editor / git pull: the team's BUILD entry goes back to "Started".
        const edited = text.replace(new RegExp(`(  ${BUILD}:[^\\n]*\\n    ${TEAM}:\\n      Started: [0-9-]+\\n)(      [^\\n]+\\n)+`), '$1');
        assert.notStrictEqual(edited, text);
        await write(PROGRESS(), edited);
        assert.match(await waitForRow(BUILD, /Started/), /^L1 · Started · detected$/);
        // ... and of the evidence file.
        await vscode.workspace.fs.delete(EVIDENCE());
        assert.match(await waitForRow(SBOM, /missing/), /^L2 · missing$/);
    });
    it('a progress file that does not parse is never written; the last good state stays on screen', async () => {
        const broken = `progress:\n  ${BUILD}:\n    ${TEAM}:\n      Started: 2026-01-01\n     bad indentation: [\n`;
        await write(PROGRESS(), broken);
        const { assessment } = await api();
        const problem = await (0, waitFor_1.waitFor)('the progress error', async () => assessment.folders()[0].progressError);
        assert.match(problem, /team-progress\.yaml line \d+/);
        await vscode.commands.executeCommand('dsomm.markActivityDone', SBOM);
        await vscode.commands.executeCommand('dsomm.setActivityState', { uuid: BUILD, state: 'Partly implemented' });
        assert.strictEqual(await read(PROGRESS()), broken, 'the broken file was changed');
        const backups = (await vscode.workspace.fs.readDirectory(uri('.dsomm'))).map(([n]) => n).filter((n) => n.endsWith('.tmp'));
        assert.deepEqual(backups, [], 'no temporary files left behind');
        assert.match(await waitForRow(BUILD, /Started/), /Started/);
        // "Open Team Progress File" goes to the line of the problem.
        await vscode.commands.executeCommand('dsomm.openProgressFile');
        const editor = await (0, waitFor_1.waitFor)('the progress file in an editor', async () => vscode.window.activeTextEditor?.document.uri.path.endsWith('/.dsomm/team-progress.yaml') ? vscode.window.activeTextEditor : undefined);
        const line = Number(/line (\d+)/.exec(problem)[1]);
        assert.strictEqual(editor.selection.active.line + 1, line);
        await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
        // Fixing the file clears the problem.
        await write(PROGRESS(), FIXTURE);
        await (0, waitFor_1.waitFor)('the problem to clear', async () => (assessment.folders()[0].progressError === undefined ? true : undefined));
        assert.match(await waitForRow(BUILD, /detected$/), /^L1 · detected$/);
    });
    it('filters by status and groups by level', async () => {
        const { tree } = await api();
        await vscode.commands.executeCommand('dsomm.filterByStatus', ['missing']);
        const missing = await treeActivities();
        assert.ok(missing.length > 0 && missing.every((a) => a.result?.status === 'missing'), 'only missing activities');
        await vscode.commands.executeCommand('dsomm.clearStatusFilter');
        await vscode.commands.executeCommand('dsomm.groupByLevel');
        const roots = await tree.getChildren();
        assert.deepStrictEqual(roots.map((r) => (r.type === 'level' ? r.label : r.type)), ['Level 1', 'Level 2', 'Level 3', 'Level 4', 'Level 5']);
        assert.strictEqual(String(tree.getTreeItem(roots[0]).description), `${roots[0].type === 'level' ? roots[0].achieved : -1}/26`);
        await vscode.commands.executeCommand('dsomm.groupByDimension');
        assert.strictEqual((await tree.getChildren())[0].type, 'dimension');
    });
});
//# sourceMappingURL=progress.test.js.map