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
// The team's files as the DSOMM web app uses them, inside a real VS Code: the team is asked on
// the first record when nothing names it (and saved in the workspace settings), the web app's
// evidence shows in the details panel, and "Add Evidence…" records an entry the app reads.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const yaml_1 = require("yaml");
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const SBOM = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components (missing in the demo)
const BUILD = 'f6f7737f-25a9-4317-8de2-09bf59f29b5b'; // Defined build process (detected in the demo)
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
const folder = () => vscode.workspace.workspaceFolders[0];
const uri = (...p) => vscode.Uri.joinPath(folder().uri, ...p);
const write = (file, text) => vscode.workspace.fs.writeFile(file, new TextEncoder().encode(text));
const read = async (file) => new TextDecoder().decode(await vscode.workspace.fs.readFile(file));
const readIfAny = (file) => read(file).then(undefined, () => undefined);
const teamSetting = () => {
    const i = vscode.workspace.getConfiguration('dsomm', folder().uri).inspect('team');
    return i?.workspaceFolderValue ?? i?.workspaceValue;
};
/** The evidence file as the web app reads it (yaml, YAML 1.1 schema). */
async function appEvidence() {
    const text = await read(uri('.dsomm', 'team-evidence.yaml'));
    return (0, yaml_1.parse)(text, { schema: 'yaml-1.1' }).evidence ?? {};
}
describe('DSOMM web app: team and evidence', () => {
    before(async () => {
        const { assessment } = await api();
        assert.ok(await assessment.get(), 'no assessment: is the demo workspace open?');
        await vscode.workspace.getConfiguration('dsomm').update('team', undefined, vscode.ConfigurationTarget.Workspace);
    });
    after(async () => {
        await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
        await vscode.workspace.getConfiguration('dsomm').update('team', undefined, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.fs.delete(uri('.dsomm'), { recursive: true, useTrash: false }).then(undefined, () => undefined);
        const { webviews } = await api();
        webviews.details.dispose();
    });
    it('asks for the team on the first record, offering the teams of .dsomm/meta.yaml, and remembers it', async () => {
        await write(uri('.dsomm', 'meta.yaml'), 'teams: [Team Blue, Team Red]\n');
        const { assessment } = await api();
        await (0, waitFor_1.waitFor)('the config to be read', async () => {
            await assessment.folders()[0].reloadProgress();
            return assessment.folders()[0].lastProgressRead?.config?.teams?.length === 2;
        });
        assert.strictEqual(assessment.folders()[0].settings().team, '', 'two teams and no setting: the team is not known yet');
        const marking = vscode.commands.executeCommand('dsomm.markActivityDone', SBOM);
        // The pick lists the config's teams first; accepting takes the first one.
        await (0, waitFor_1.waitFor)('the team pick to be answered', async () => {
            await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
            return teamSetting() === 'Team Blue';
        });
        assert.strictEqual(await marking, 1);
        const progress = await (0, waitFor_1.waitFor)('the progress file', () => readIfAny(uri('.dsomm', 'team-progress.yaml')));
        const parsed = (0, yaml_1.parse)(progress, { schema: 'yaml-1.1' });
        assert.ok(parsed.progress[SBOM]['Team Blue']['Fully implemented'] instanceof Date, 'recorded for the picked team, with a date');
        // The companion file exists too (the web app reports a missing file as a loading error).
        assert.deepStrictEqual((0, yaml_1.parse)(await read(uri('.dsomm', 'team-evidence.yaml')), { schema: 'yaml-1.1' }), { evidence: {} });
        // Asked once: the next record uses the saved team without a prompt.
        assert.strictEqual(await vscode.commands.executeCommand('dsomm.setActivityState', { uuid: SBOM, state: 'Started' }), 1);
        await (0, waitFor_1.waitFor)('the SBOM row to be Started for Team Blue', async () => (await assessment.get())?.activities.find((a) => a.activity.uuid === SBOM)?.progress?.team === 'Team Blue');
    });
    it('shows the evidence the web app recorded in the details panel', async () => {
        const { webviews, assessment } = await api();
        const evidence = [
            'evidence:',
            `  ${SBOM}:`,
            '    - id: 3b0f5a2e-8d1c-4b7a-9e6f-0a1b2c3d4e5f',
            '      teams: [Team Blue, Team Red]',
            '      title: CycloneDX SBOM in the release',
            '      description: "Generated by the **release** job."',
            '      evidenceRecorded: 2026-12-07T00:00:00.000Z',
            '      reviewer: Jane Doe',
            '      attachment:',
            '        - type: link',
            '          externalLink: https://example.org/sbom',
            '',
        ].join('\n');
        await write(uri('.dsomm', 'team-evidence.yaml'), evidence);
        await (0, waitFor_1.waitFor)('the evidence to be read', async () => (await assessment.get())?.activities.find((a) => a.activity.uuid === SBOM)?.teamEvidence?.length === 1);
        await vscode.commands.executeCommand('dsomm.openActivity', { uuid: SBOM });
        const view = await (0, waitFor_1.waitFor)('the details panel to show the team evidence', () => {
            const v = webviews.details.lastMessage?.view;
            return v && v.uuid === SBOM && v.teamEvidence.length === 1 ? v : undefined;
        });
        const [entry] = view.teamEvidence;
        assert.strictEqual(entry.title, 'CycloneDX SBOM in the release');
        assert.strictEqual(entry.reviewer, 'Jane Doe');
        assert.strictEqual(entry.date, '2026-12-07');
        assert.deepStrictEqual(entry.teams, ['Team Blue', 'Team Red']);
        assert.deepStrictEqual(entry.links, [{ text: 'https://example.org/sbom', url: 'https://example.org/sbom' }]);
        assert.ok(entry.description.length > 0, 'the description is shown');
    });
    it('"Add Evidence…" from the panel asks for the entry; with its fields it writes what the app reads and the panel shows it', async () => {
        const { webviews } = await api();
        // The panel's button runs the command, which opens its first input box; cancelling writes nothing.
        const before = await read(uri('.dsomm', 'team-evidence.yaml'));
        const asked = webviews.details.receive({ type: 'addEvidence', uuid: SBOM });
        await (0, waitFor_1.waitFor)('the input box to be cancelled', async () => {
            await vscode.commands.executeCommand('workbench.action.closeQuickOpen');
            return Promise.race([asked.then(() => true), new Promise((r) => setTimeout(() => r(false), 200))]);
        });
        assert.strictEqual(await read(uri('.dsomm', 'team-evidence.yaml')), before, 'a cancelled entry writes nothing');
        const added = await vscode.commands.executeCommand('dsomm.addEvidence', { uuid: SBOM, title: 'Dependency review', description: 'Checked in the **weekly** meeting.', link: 'https://example.org/review' });
        assert.strictEqual(added, 1);
        const entries = (await appEvidence())[SBOM];
        const mine = entries.find((e) => e.title === 'Dependency review');
        assert.deepStrictEqual(mine.teams, ['Team Blue']);
        assert.ok(mine.evidenceRecorded instanceof Date);
        assert.deepStrictEqual(mine.attachment, [{ type: 'link', externalLink: 'https://example.org/review' }]);
        assert.ok(entries.some((e) => e.title === 'CycloneDX SBOM in the release'), 'the app\'s entry is kept');
        await (0, waitFor_1.waitFor)('the panel to list the new entry', () => {
            const v = webviews.details.lastMessage?.view;
            return v?.teamEvidence.some((e) => e.title === 'Dependency review');
        });
        // Only https links are recorded.
        assert.strictEqual(await vscode.commands.executeCommand('dsomm.addEvidence', { uuid: SBOM, title: 'Bad link', link: 'javascript:alert(1)' }), 0);
    });
    it('records the detected evidence of a detected activity as an entry with the file:line list', async () => {
        const { assessment } = await api();
        const build = (await assessment.get()).activities.find((a) => a.activity.uuid === BUILD);
        assert.ok(build.evidence.length > 0, 'the demo workspace shows a build process');
        assert.strictEqual(await vscode.commands.executeCommand('dsomm.recordDetectedEvidence', BUILD), 1);
        const entry = (await appEvidence())[BUILD].find((e) => e.title === 'Detected in the repository');
        const first = build.evidence[0];
        assert.ok(entry.description?.includes(`${first.loc.path}:${first.loc.line}`), entry.description);
        // Recording again updates the same entry.
        assert.strictEqual(await vscode.commands.executeCommand('dsomm.recordDetectedEvidence', BUILD), 0);
        assert.strictEqual((await appEvidence())[BUILD].filter((e) => e.title === 'Detected in the repository').length, 1);
    });
});
//# sourceMappingURL=web-app.test.js.map