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
// In-editor guidance inside a real VS Code, on the copy of the demo workspace: hovers through
// vscode.executeHoverProvider, the "DSOMM" diagnostics (one summary of the missing activities per
// file), the quick fixes on it (applied, saved and re-scanned) and the "more actions" entry,
// dsomm-ignore comments while typing, and dsomm.insertFix.
const assert = __importStar(require("assert"));
const vscode = __importStar(require("vscode"));
const waitFor_1 = require("./waitFor");
const EXTENSION_ID = 'dsomm-vscode.dsomm-vscode';
const SBOM_ACTIVITY = '2858ac12-0179-40d9-9acf-1b839c030473'; // SBOM of components (level 2)
const ARTIFACT_SECRETS = 'd5e6303c-d5c6-4d59-b258-a3b9de38a07f'; // Test for stored secrets in build artifacts
const SECRETS_IN_CODE = 'c6e3c812-56e2-41b0-ae01-b7afc41a004c'; // Test for stored secrets in code
async function api() {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, 'extension not loaded');
    return ext.activate();
}
function folder() {
    return vscode.workspace.workspaceFolders[0];
}
function fileUri(path) {
    return vscode.Uri.joinPath(folder().uri, ...path.split('/'));
}
function ours(uri) {
    return vscode.languages.getDiagnostics(uri).filter((d) => d.source === 'DSOMM');
}
function codeOf(d) {
    return typeof d.code === 'object' ? String(d.code.value) : String(d.code);
}
function hoverText(hovers) {
    return hovers
        .flatMap((h) => h.contents)
        .map((c) => (typeof c === 'string' ? c : 'value' in c ? c.value : ''))
        .join('\n');
}
function status(result, uuid) {
    return result?.activities.find((a) => a.activity.uuid === uuid)?.status;
}
describe('Guidance in the editor (demo workspace)', function () {
    this.timeout(90_000);
    before(async () => {
        const { assessment } = await api();
        assert.ok(await assessment.get(), 'no assessment: is the demo workspace open?');
        await vscode.workspace.getConfiguration('dsomm').update('targetLevel', 1, vscode.ConfigurationTarget.Workspace);
    });
    afterEach(async () => {
        // Unsaved edits of a test are thrown away (closing a dirty editor would ask).
        for (const doc of vscode.workspace.textDocuments.filter((d) => d.isDirty)) {
            await vscode.window.showTextDocument(doc);
            await vscode.commands.executeCommand('workbench.action.files.revert');
        }
        await vscode.commands.executeCommand('workbench.action.closeAllEditors');
    });
    it('hovers a scanner step with the activities it counts for, with trusted command links', async () => {
        const uri = fileUri('.github/workflows/ci.yml');
        const doc = await vscode.workspace.openTextDocument(uri);
        const line = doc.lineAt(77); // `uses: aquasecurity/trivy-action@<sha> # v0.28.0`
        assert.match(line.text, /aquasecurity\/trivy-action/);
        // The first hover may wait for a re-evaluation still running after the previous suite's file changes.
        const hovers = await (0, waitFor_1.waitFor)('a DSOMM hover', async () => {
            const h = await vscode.commands.executeCommand('vscode.executeHoverProvider', uri, new vscode.Position(77, line.firstNonWhitespaceCharacterIndex + 8));
            return /DSOMM/.test(hoverText(h)) ? h : undefined;
        });
        const text = hoverText(hovers);
        assert.match(text, /\*\*DSOMM\*\*/);
        assert.match(text, /evidence: `uses: aquasecurity\/trivy-action@/);
        // Several activities: one line each, the name opens its details; risk and measure are in the details panel.
        assert.ok(text.includes(`[Test for stored secrets in build artifacts](command:dsomm.openActivity?${encodeURIComponent(JSON.stringify([{ uuid: ARTIFACT_SECRETS }]))} "Open details") — level 1, detected`), text);
        assert.doesNotMatch(text, /\*Risk:\*/);
        const md = hovers.flatMap((h) => h.contents).find((c) => c instanceof vscode.MarkdownString || (typeof c === 'object' && 'isTrusted' in c));
        assert.ok(md, 'hover content is Markdown');
        assert.deepStrictEqual(typeof md.isTrusted === 'object' ? [...md.isTrusted.enabledCommands].sort() : md.isTrusted, ['dsomm.insertFix', 'dsomm.markActivityDone', 'dsomm.markNotApplicable', 'dsomm.openActivity']);
    });
    it('hovers GitLab includes and the file anchor (maturity summary)', async () => {
        const gitlab = fileUri('.gitlab-ci.yml');
        const doc = await vscode.workspace.openTextDocument(gitlab);
        assert.match(doc.lineAt(9).text, /Secret-Detection/);
        const include = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', gitlab, new vscode.Position(9, 8)));
        assert.match(include, /Test for stored secrets in code/);
        assert.ok(include.includes(SECRETS_IN_CODE));
        assert.match(doc.lineAt(1).text, /^stages:/);
        const summary = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', gitlab, new vscode.Position(1, 2)));
        assert.match(summary, /\*\*DSOMM\*\* · `\.gitlab-ci\.yml` at target level 1/);
        assert.match(summary, /Covers \d+ activities of level 1/);
        assert.doesNotMatch(summary, /— level [2-5],/, 'only level-1 activities are listed at target level 1');
        // A job key: what that job implements.
        assert.match(doc.lineAt(59).text, /^container_scanning:/);
        const job = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', gitlab, new vscode.Position(59, 3)));
        assert.match(job, /\*\*DSOMM\*\* · job `container_scanning`/);
        assert.match(job, /Software Composition Analysis\]\(command:dsomm\.openActivity\?/);
        // A line with nothing to say has no DSOMM hover.
        const blank = hoverText(await vscode.commands.executeCommand('vscode.executeHoverProvider', gitlab, new vscode.Position(0, 3)));
        assert.doesNotMatch(blank, /DSOMM/);
    });
    it('reports weak controls with exact ranges, a documentation link and the configured severity', async () => {
        const release = fileUri('.github/workflows/release.yml');
        const perms = await (0, waitFor_1.waitFor)('the missing-permissions diagnostic', () => ours(release).find((d) => codeOf(d) === 'missing-permissions'));
        assert.strictEqual(perms.range.start.line, 10);
        assert.strictEqual(perms.severity, vscode.DiagnosticSeverity.Warning);
        const api = fileUri('services/api/Dockerfile');
        const root = await (0, waitFor_1.waitFor)('the root-user diagnostic', () => ours(api).find((d) => codeOf(d) === 'root-user'));
        assert.ok(typeof root.code === 'object' && root.code.target.toString(true).startsWith('https://dsomm.owasp.org/activity-description?uuid='));
        // Findings never land on files the diagnostics should not touch (the excluded test fixtures).
        for (const [uri, list] of vscode.languages.getDiagnostics()) {
            if (list.some((d) => d.source === 'DSOMM'))
                assert.doesNotMatch(uri.path, /test\/fixtures/);
        }
    });
    it('offers a quick fix on a missing activity, and applying it makes the activity detected after the re-scan', async () => {
        const { assessment } = await api();
        const ci = fileUri('.github/workflows/ci.yml');
        const original = (await vscode.workspace.openTextDocument(ci)).getText();
        await vscode.workspace.getConfiguration('dsomm').update('targetLevel', 2, vscode.ConfigurationTarget.Workspace);
        await vscode.workspace.getConfiguration('dsomm').update('diagnostics.severity', 'warning', vscode.ConfigurationTarget.Workspace);
        try {
            const sbom = await (0, waitFor_1.waitFor)('the summary naming SBOM at target level 2, as a warning', () => ours(ci).find((d) => codeOf(d) === 'missing-activities' && d.message.includes('SBOM of components (L2') && d.severity === vscode.DiagnosticSeverity.Warning));
            assert.strictEqual(sbom.range.start.line, 15, 'on `jobs:`');
            assert.strictEqual(ours(ci).filter((d) => codeOf(d) === 'missing-activities').length, 1, 'one summary for the file');
            assert.ok(sbom.relatedInformation?.some((r) => /"SBOM of components" is missing/.test(r.message) && r.location.range.start.line === 15), 'each activity in the related information');
            assert.ok(ours(ci).filter((d) => codeOf(d) === 'unpinned-first-party-action').every((d) => d.severity === vscode.DiagnosticSeverity.Information), 'weak controls keep their own severity');
            const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', ci, sbom.range, vscode.CodeActionKind.QuickFix.value, 50);
            const titles = actions.map((a) => a.title);
            assert.ok(actions.length <= 8, JSON.stringify(titles));
            assert.strictEqual(new Set(titles).size, titles.length, `each entry once: ${JSON.stringify(titles)}`);
            const fix = actions.find((a) => a.title === 'Generate an SBOM (Syft) to .github/workflows/ci.yml');
            assert.ok(fix, JSON.stringify(titles));
            assert.ok(fix.isPreferred, 'the fix is the preferred action');
            // The secondary actions are behind one entry, last.
            const more = actions[actions.length - 1];
            assert.strictEqual(more.title, 'DSOMM: more actions…', JSON.stringify(titles));
            assert.ok(!titles.some((t) => /^(Ignore|Mark|Open activity details)/.test(t)), JSON.stringify(titles));
            const items = (more.command?.arguments?.[0]).items;
            const na = items.find((i) => i.label === 'Mark "SBOM of components" not applicable…');
            assert.deepStrictEqual([na?.kind, na?.uuid], ['not-applicable', SBOM_ACTIVITY], JSON.stringify(items.map((i) => i.label)));
            assert.ok(items.some((i) => i.kind === 'details' && i.uuid === SBOM_ACTIVITY && i.label === 'Open activity details: SBOM of components'));
            // The edit was computed on resolve; apply it as VS Code does (edit, then the action's command).
            assert.ok(fix.edit, 'the resolved fix has an edit');
            assert.ok(await vscode.workspace.applyEdit(fix.edit));
            if (fix.command)
                await vscode.commands.executeCommand(fix.command.command, ...(fix.command.arguments ?? []));
            const doc = await vscode.workspace.openTextDocument(ci);
            assert.notStrictEqual(doc.getText(), original, 'the file changed');
            assert.match(doc.getText(), /syft/);
            assert.ok(doc.getText().startsWith(original.split('\njobs:')[0]), 'the text before the jobs is untouched');
            await doc.save();
            const r = await (0, waitFor_1.waitFor)('SBOM to be detected after the save', async () => (status(await assessment.get(), SBOM_ACTIVITY) === 'detected' ? true : undefined));
            assert.ok(r);
            await (0, waitFor_1.waitFor)('SBOM to leave the summary', () => !ours(ci).some((d) => /SBOM of components/.test(d.message)));
        }
        finally {
            await vscode.workspace.fs.writeFile(ci, new TextEncoder().encode(original));
            await vscode.workspace.getConfiguration('dsomm').update('diagnostics.severity', undefined, vscode.ConfigurationTarget.Workspace);
            await vscode.workspace.getConfiguration('dsomm').update('targetLevel', 1, vscode.ConfigurationTarget.Workspace);
            await (0, waitFor_1.waitFor)('SBOM to be missing again', async () => (status(await assessment.get(), SBOM_ACTIVITY) === 'missing' ? true : undefined));
        }
    });
    it('silences a diagnostic as soon as a dsomm-ignore comment is typed, keeping the others on their lines', async () => {
        const ci = fileUri('.github/workflows/ci.yml');
        const doc = await vscode.workspace.openTextDocument(ci);
        await vscode.window.showTextDocument(doc);
        const unpinned = await (0, waitFor_1.waitFor)('the unpinned-action diagnostic', () => ours(ci).find((d) => codeOf(d) === 'unpinned-action'));
        const at = unpinned.range.start.line;
        const others = ours(ci).filter((d) => d !== unpinned).map((d) => `${codeOf(d)}@${d.range.start.line >= at ? d.range.start.line + 1 : d.range.start.line}`);
        assert.ok(others.some((o) => Number(o.split('@')[1]) > at + 1), `a diagnostic below the comment: ${others}`);
        const edit = new vscode.WorkspaceEdit();
        edit.insert(ci, new vscode.Position(at, 0), '      # dsomm-ignore unpinned-action: buildx is pinned by the platform team\n');
        assert.ok(await vscode.workspace.applyEdit(edit));
        assert.ok(doc.isDirty, 'not saved: the silencing happens while typing');
        await (0, waitFor_1.waitFor)('unpinned-action to be silenced', () => !ours(ci).some((d) => codeOf(d) === 'unpinned-action'));
        const after = ours(ci).map((d) => `${codeOf(d)}@${d.range.start.line}`);
        assert.deepStrictEqual(after.sort(), others.sort(), 'the other diagnostics stay on their lines');
    });
    it('offers an ignore comment and the activity actions on a weak control', async () => {
        const api = fileUri('services/api/Dockerfile');
        const root = await (0, waitFor_1.waitFor)('the root-user diagnostic', () => ours(api).find((d) => codeOf(d) === 'root-user'));
        await vscode.window.showTextDocument(api); // code actions are asked of an open document
        const actions = await vscode.commands.executeCommand('vscode.executeCodeActionProvider', api, root.range, vscode.CodeActionKind.QuickFix.value, 50);
        const titles = actions.map((a) => a.title);
        assert.strictEqual(titles[0], 'Run the final stage as a non-root user', JSON.stringify(titles));
        const more = actions.find((a) => a.title === 'DSOMM: more actions…');
        assert.ok(more?.command, JSON.stringify(titles));
        const args = more.command.arguments[0];
        const index = args.items.findIndex((i) => i.label === 'Ignore "root-user" here');
        assert.ok(index >= 0, JSON.stringify(args.items.map((i) => i.label)));
        // What choosing it in the pick list runs.
        assert.strictEqual(await vscode.commands.executeCommand('dsomm.guidance.runMenuItem', args, index), true);
        const doc = await vscode.workspace.openTextDocument(api);
        const line = root.range.start.line;
        assert.match(doc.lineAt(line).text, /^# dsomm-ignore root-user: /);
        assert.match(doc.lineAt(line + 1).text, /^FROM /);
        await (0, waitFor_1.waitFor)('root-user to be silenced', () => !ours(api).some((d) => codeOf(d) === 'root-user'));
        // The other findings on that FROM line stay (moved down with it).
        assert.ok(ours(api).some((d) => codeOf(d) === 'no-healthcheck' && d.range.start.line === line + 1), JSON.stringify(ours(api).map((d) => `${codeOf(d)}@${d.range.start.line}`)));
    });
    it('dsomm.diagnostics.enabled: false clears the DSOMM diagnostics, true brings them back', async () => {
        const all = () => vscode.languages.getDiagnostics().flatMap(([, list]) => list).filter((d) => d.source === 'DSOMM');
        await (0, waitFor_1.waitFor)('DSOMM diagnostics', () => all().length > 0);
        await vscode.workspace.getConfiguration('dsomm').update('diagnostics.enabled', false, vscode.ConfigurationTarget.Workspace);
        try {
            await (0, waitFor_1.waitFor)('no DSOMM diagnostics', () => all().length === 0);
        }
        finally {
            await vscode.workspace.getConfiguration('dsomm').update('diagnostics.enabled', undefined, vscode.ConfigurationTarget.Workspace);
        }
        await (0, waitFor_1.waitFor)('DSOMM diagnostics again', () => all().length > 0);
    });
    it('dsomm.insertFix inserts a control into the given pipeline file', async () => {
        const gitlab = fileUri('.gitlab-ci.yml');
        const original = (await vscode.workspace.openTextDocument(gitlab)).getText();
        const { assessment } = await api();
        try {
            const ok = await vscode.commands.executeCommand('dsomm.insertFix', { probe: 'sbom', uri: gitlab.toString() });
            assert.strictEqual(ok, true);
            const doc = await vscode.workspace.openTextDocument(gitlab);
            assert.notStrictEqual(doc.getText(), original);
            assert.match(doc.getText(), /syft/);
            assert.strictEqual(vscode.window.activeTextEditor?.document.uri.toString(), gitlab.toString(), 'the edited file is shown');
        }
        finally {
            // The later suites share this workspace copy: put the file back as it was, on disk and in the editor.
            const doc = await vscode.workspace.openTextDocument(gitlab);
            const restore = new vscode.WorkspaceEdit();
            restore.replace(gitlab, new vscode.Range(doc.positionAt(0), doc.positionAt(doc.getText().length)), original);
            await vscode.workspace.applyEdit(restore);
            await doc.save();
            await (0, waitFor_1.waitFor)('SBOM to be missing again', async () => (status(await assessment.get(), SBOM_ACTIVITY) === 'missing' ? true : undefined));
        }
    });
});
//# sourceMappingURL=guidance.test.js.map