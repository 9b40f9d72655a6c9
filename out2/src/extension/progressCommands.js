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
exports.registerProgressCommands = registerProgressCommands;
// The commands that record the team's decisions in the progress files (mark done, not applicable,
// set a state, reset), open an activity's DSOMM web page, and shape the tree (status filter,
// grouping). Arguments: see core/view/activityArgs.ts.
const os = __importStar(require("os"));
const vscode = __importStar(require("vscode"));
const progress_1 = require("../core/progress");
const fs_1 = require("../core/fs");
const html_1 = require("../core/view/html");
const activityArgs_1 = require("../core/view/activityArgs");
const activityTree_1 = require("../core/view/activityTree");
const assessmentService_1 = require("./assessmentService");
const folderChoice_1 = require("./folderChoice");
const log_1 = require("./log");
const settings_1 = require("./settings");
function registerProgressCommands(assessment, models, tree, extensionUri) {
    const commands = new ProgressCommands(assessment, models, extensionUri);
    return [
        vscode.commands.registerCommand('dsomm.markActivityDone', (a, b) => commands.markDone(a, b)),
        vscode.commands.registerCommand('dsomm.markNotApplicable', (a, b) => commands.markNotApplicable(a, b)),
        vscode.commands.registerCommand('dsomm.setActivityState', (a, b) => commands.setActivityState(a, b)),
        vscode.commands.registerCommand('dsomm.resetActivity', (a, b) => commands.reset(a, b)),
        vscode.commands.registerCommand('dsomm.openActivityInWeb', (a, b) => commands.openInWeb(a, b)),
        vscode.commands.registerCommand('dsomm.openProgressFile', () => commands.openProgressFile()),
        vscode.commands.registerCommand('dsomm.decideActivities', (group) => commands.decideSeveral(group)),
        vscode.commands.registerCommand('dsomm.hideUndecided', () => tree.setHideUndecided(true)),
        vscode.commands.registerCommand('dsomm.showUndecided', () => tree.setHideUndecided(false)),
        vscode.commands.registerCommand('dsomm.addEvidence', (a, b) => commands.addEvidence(a, b)),
        vscode.commands.registerCommand('dsomm.recordDetectedEvidence', (a, b) => commands.recordDetected(a, b)),
        vscode.commands.registerCommand('dsomm.createDsommConfig', () => commands.createConfig()),
        vscode.commands.registerCommand('dsomm.chooseTeam', (a) => commands.chooseTeam(a)),
        vscode.commands.registerCommand('dsomm.addTeamToConfig', (a) => commands.addTeamToConfig(a)),
        vscode.commands.registerCommand('dsomm.filterByStatus', (statuses) => filterByStatus(tree, assessment, statuses)),
        vscode.commands.registerCommand('dsomm.clearStatusFilter', () => tree.setStatusFilter(undefined)),
        vscode.commands.registerCommand('dsomm.groupByLevel', () => tree.setGrouping('level')),
        vscode.commands.registerCommand('dsomm.groupByDimension', () => tree.setGrouping('dimension')),
    ];
}
class ProgressCommands {
    assessment;
    models;
    extensionUri;
    constructor(assessment, models, extensionUri) {
        this.assessment = assessment;
        this.models = models;
        this.extensionUri = extensionUri;
    }
    async markDone(a, b) {
        const targets = await this.resolve(a, b, 'Mark which activity as done?', (_, r) => r?.status !== 'done');
        if (!targets)
            return 0;
        const changed = await this.writeEach(targets, async (f, settings, t, names) => {
            const top = (0, progress_1.topState)(settings).name;
            return (await (0, progress_1.setState)(f.fs, settings, t.target.uuid, top, t.activity.name, new Date(), { names })).changed;
        }, (n, settings) => `marked ${n} as "${(0, progress_1.topState)(settings).name}"`);
        if (changed)
            await this.offerDetectedEvidence(targets);
        return changed;
    }
    /**
     * After a detected activity was marked done: offer to record where the scan found it as a DSOMM
     * evidence entry, so the web app shows why the team claims it (dsomm.recordDetectedEvidence).
     */
    async offerDetectedEvidence(targets) {
        const detected = targets.filter((t) => t.result && t.result.evidence.length && (t.result.detected === 'detected' || t.result.detected === 'partial'));
        if (!detected.length)
            return;
        const mode = (0, settings_1.recordDetectedEvidence)(detected[0].folder.folder);
        if (mode === 'never')
            return;
        if (mode === 'always') {
            await this.recordDetectedFor(detected);
            return;
        }
        // A notification, not awaited: marking done is finished whether or not it is answered.
        const what = detected.length === 1 ? `"${detected[0].activity.name}"` : `${detected.length} activities`;
        void vscode.window
            .showInformationMessage(`DSOMM: record where the scan found ${what} as evidence for the DSOMM web app (file and line list, saved in the evidence file)?`, RECORD_EVIDENCE, NOT_NOW)
            .then((answer) => (answer === RECORD_EVIDENCE ? this.recordDetectedFor(detected) : 0));
    }
    /** Records the detected evidence of the activities (the command behind the offer). */
    async recordDetected(a, b) {
        const targets = await this.resolve(a, b, 'Record the detected evidence of which activity?', (_, r) => !!r?.evidence.length);
        if (!targets)
            return 0;
        const found = targets.filter((t) => t.result?.evidence.length);
        if (!found.length) {
            void vscode.window.showInformationMessage('DSOMM: the scan found nothing in the files for this activity, so there is no detected evidence to record.');
            return 0;
        }
        return this.recordDetectedFor(found);
    }
    async recordDetectedFor(targets) {
        const repos = new Map();
        for (const f of new Set(targets.map((t) => t.folder)))
            repos.set(f, await (0, progress_1.readRepositoryInfo)(f.fs));
        const by = userName();
        return this.writeEach(targets, async (f, settings, t, names) => {
            const input = (0, progress_1.detectedEvidenceInput)(t.result, repos.get(f));
            if (!input)
                return false;
            // One "detected" entry per activity and team: recording again updates it.
            const existing = f.progress?.evidence(t.target.uuid, settings.team).find((e) => e.title === input.title);
            return (await (0, progress_1.saveEvidence)(f.fs, settings, t.target.uuid, { ...input, ...(existing?.id ? { id: existing.id } : {}), ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
        }, (n) => `recorded the detected evidence of ${n}`);
    }
    /** A free-text evidence entry with an optional link, as the DSOMM web app records them. */
    async addEvidence(a, b) {
        const targets = await this.resolve(a, b, 'Add evidence to which activity?', () => true);
        if (!targets)
            return 0;
        let entry = targets.find((t) => t.target.evidence)?.target.evidence;
        if (!entry) {
            const what = targets.length === 1 ? `"${targets[0].activity.name}"` : `${targets.length} activities`;
            const title = (await vscode.window.showInputBox({
                title: 'DSOMM: Add Evidence (1/3)',
                prompt: `A title for the evidence of ${what}, as the DSOMM web app lists it`,
                placeHolder: 'e.g. Penetration test report 2026',
                ignoreFocusOut: true,
                validateInput: (v) => (!v.trim() ? 'A title is needed.' : v.trim().toLowerCase() === 'not applicable' ? 'Use "Mark Activity Not Applicable" for that decision.' : undefined),
            }))?.trim();
            if (!title)
                return 0;
            const description = await vscode.window.showInputBox({
                title: 'DSOMM: Add Evidence (2/3)',
                prompt: 'What it shows (optional; Markdown in the web app)',
                ignoreFocusOut: true,
            });
            if (description === undefined)
                return 0;
            const link = await vscode.window.showInputBox({
                title: 'DSOMM: Add Evidence (3/3)',
                prompt: 'A link to the document, report or page (optional, https)',
                placeHolder: 'https://…',
                ignoreFocusOut: true,
                validateInput: (v) => (!v.trim() || (0, html_1.safeHref)(v.trim()) ? undefined : 'Only https links are recorded.'),
            });
            if (link === undefined)
                return 0;
            entry = { title, description, ...(link.trim() ? { link: link.trim() } : {}) };
        }
        if (entry.link && !(0, html_1.safeHref)(entry.link)) {
            void vscode.window.showErrorMessage(`DSOMM: only https links can be recorded as evidence (got "${entry.link.slice(0, 80)}").`);
            return 0;
        }
        const by = userName();
        const e = entry;
        return this.writeEach(targets, async (f, settings, t, names) => {
            return (await (0, progress_1.saveEvidence)(f.fs, settings, t.target.uuid, { title: e.title, description: e.description ?? '', ...(e.link ? { link: e.link } : {}), ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
        }, (n) => `added evidence "${e.title}" to ${n}`);
    }
    /** Creates `meta.yaml` of the DSOMM web app next to the team's files, from the current settings. */
    async createConfig() {
        const folder = await this.folderFor();
        if (!folder)
            return false;
        let loaded;
        try {
            loaded = await folder.loadProgress();
        }
        catch (e) {
            reportWriteError(folder, e);
            return false;
        }
        const metaPath = loaded.configPath;
        const uri = vscode.Uri.joinPath(folder.folder.uri, ...metaPath.split('/'));
        if (loaded.config && loaded.config.source === metaPath) {
            void vscode.window.showInformationMessage(`DSOMM: ${metaPath} already exists; it is opened for editing.`);
            await vscode.window.showTextDocument(uri, { preview: false });
            return false;
        }
        const settings = loaded.settings;
        const dir = (0, fs_1.dirname)(metaPath);
        const teams = loaded.config?.teams?.length ? [...loaded.config.teams] : settings.team ? [settings.team] : loaded.data.teams();
        if (settings.team && !teams.includes(settings.team))
            teams.unshift(settings.team);
        if (!teams.length) {
            const team = await this.askTeamName(folder, [], 'Which team records its progress here? It is written to meta.yaml.');
            if (!team)
                return false;
            teams.push(team);
        }
        // The web app serves only the folder it reads meta.yaml from: it needs a model file there too.
        const modelName = 'model.yaml';
        const modelPath = (0, fs_1.joinPath)(dir, modelName);
        const sameFolder = (0, fs_1.dirname)(settings.file) === dir && (0, fs_1.dirname)(settings.evidenceFile) === dir;
        if (!sameFolder) {
            void vscode.window.showErrorMessage(`DSOMM: the web app reads the team's files next to meta.yaml; ${settings.file} and ${settings.evidenceFile} must be in ${dir || 'the workspace folder'} for a config there.`);
            return false;
        }
        try {
            const created = await (0, progress_1.createDsommConfig)(folder.fs, metaPath, {
                teams,
                ...(loaded.config?.teamGroups ? { teamGroups: loaded.config.teamGroups } : {}),
                states: settings.states,
                progressFile: (0, fs_1.basename)(settings.file),
                evidenceFile: (0, fs_1.basename)(settings.evidenceFile),
                modelFile: modelName,
            });
            if (!created) {
                void vscode.window.showInformationMessage(`DSOMM: ${metaPath} already exists; it was left as it is.`);
                return false;
            }
            if (this.extensionUri && !(await exists(vscode.Uri.joinPath(folder.folder.uri, ...modelPath.split('/'))))) {
                const model = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'model', 'dsomm-model.yaml'));
                await folder.fs.createExclusive(modelPath, model);
            }
        }
        catch (e) {
            reportWriteError(folder, e);
            return false;
        }
        await folder.reloadProgress();
        (0, log_1.log)(`Created ${metaPath} (teams: ${teams.join(', ')}).`);
        await vscode.window.showTextDocument(uri, { preview: false });
        return true;
    }
    /** Picks the team this workspace records for (config teams and the files' teams) and remembers it. */
    async chooseTeam(arg) {
        const key = arg && typeof arg === 'object' && typeof arg.folder === 'string' ? arg.folder : undefined;
        const folder = await this.folderFor(key);
        if (!folder)
            return undefined;
        let known = [];
        try {
            const loaded = await folder.loadProgress();
            known = [...new Set([...(loaded.config?.teams ?? []), ...loaded.data.teams()])];
        }
        catch {
            // A broken file is reported by the tree; the team can still be typed.
        }
        return this.askTeamName(folder, known, 'Which team does this workspace record progress for?');
    }
    /** Adds the team to the DSOMM config's `teams` list (the warning's action). */
    async addTeamToConfig(arg) {
        const a = (arg && typeof arg === 'object' ? arg : {});
        const folder = await this.folderFor(typeof a.folder === 'string' ? a.folder : undefined);
        if (!folder)
            return false;
        try {
            const loaded = await folder.loadProgress();
            const team = typeof a.team === 'string' && a.team.trim() ? a.team.trim() : loaded.settings.team;
            if (!team || !loaded.config)
                return false;
            const result = await (0, progress_1.addTeamToConfig)(folder.fs, loaded.config.source, team);
            if (result === 'referenced') {
                // The list lives in another file ($ref): the user edits it there.
                void vscode.window.showInformationMessage(`DSOMM: the teams of ${loaded.config.source} come from another file ($ref); add "${team}" there.`);
                await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.folder.uri, ...loaded.config.source.split('/')), { preview: false });
                return false;
            }
            await folder.reloadProgress();
            vscode.window.setStatusBarMessage(`DSOMM: added "${team}" to ${loaded.config.source}.`, 4000);
            return result === 'added';
        }
        catch (e) {
            reportWriteError(folder, e);
            return false;
        }
    }
    /**
     * The team to record for, asked on the first record when the settings, the DSOMM config and
     * the files do not decide it; the answer goes to the workspace folder's settings.
     */
    async askTeamName(folder, known, prompt) {
        const OTHER = 'Another team…';
        let team;
        if (known.length) {
            const pick = await vscode.window.showQuickPick([...known.map((t) => ({ label: t })), { label: OTHER, description: 'type a name' }], {
                title: 'DSOMM: Team',
                placeHolder: prompt,
                ignoreFocusOut: true,
            });
            if (!pick)
                return undefined;
            team = pick.label === OTHER ? undefined : pick.label;
        }
        if (!team) {
            team = (await vscode.window.showInputBox({
                title: 'DSOMM: Team',
                prompt: `${prompt} Use a team name of your DSOMM web app.`,
                value: known.length ? '' : folder.folder.name,
                ignoreFocusOut: true,
                validateInput: (v) => (0, progress_1.checkTeamName)(v),
            }))?.trim();
        }
        if (!team)
            return undefined;
        await vscode.workspace.getConfiguration('dsomm', folder.folder.uri).update('team', team, vscode.ConfigurationTarget.WorkspaceFolder);
        (0, log_1.log)(`Team for ${folder.folder.name}: "${team}" (saved in the workspace settings, dsomm.team).`);
        return team;
    }
    /** The folder's settings with a team: read now, asking for the team when nothing decides it. */
    async settingsWithTeam(folder) {
        const loaded = await folder.loadProgress();
        if (loaded.settings.team)
            return loaded.settings;
        const t = loaded.team;
        const choices = t.team === undefined ? t.choices : [];
        const team = await this.askTeamName(folder, choices, 'Record this for which team?');
        return team ? { ...loaded.settings, team } : undefined;
    }
    async markNotApplicable(a, b) {
        const targets = await this.resolve(a, b, 'Which activity does not apply?', (_, r) => r?.status !== 'not-applicable');
        if (!targets)
            return 0;
        let reason = targets.find((t) => t.target.reason)?.target.reason;
        if (!reason) {
            const what = targets.length === 1 ? `"${targets[0].activity.name}"` : `these ${targets.length} activities`;
            reason = (await vscode.window.showInputBox({
                title: 'DSOMM: Mark Not Applicable',
                prompt: `Why does ${what} not apply to your team? The reason is saved in the evidence file next to the progress file.`,
                placeHolder: 'e.g. we ship no container images',
                ignoreFocusOut: true,
                validateInput: (v) => (v.trim() ? undefined : 'A reason is needed, so others can follow the decision.'),
            }))?.trim();
            if (!reason)
                return 0;
        }
        const by = userName();
        return this.writeEach(targets, async (f, settings, t, names) => {
            return (await (0, progress_1.setNotApplicable)(f.fs, settings, t.target.uuid, { reason: reason, ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
        }, (n) => `marked ${n} as not applicable`);
    }
    async setActivityState(a, b) {
        const targets = await this.resolve(a, b, 'Set the state of which activity?', () => true);
        if (!targets)
            return 0;
        let state = targets.find((t) => t.target.state)?.target.state;
        if (!state) {
            let settings;
            try {
                settings = targets[0].folder.settings();
            }
            catch (e) {
                void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
                return 0;
            }
            const current = targets.length === 1 ? targets[0].result?.progress?.state : undefined;
            const pick = await vscode.window.showQuickPick(settings.states.map((s) => ({
                label: s.name,
                description: `${s.score} %${s.name === current ? ' · current' : ''}${s.score === 0 ? ' · removes the team state' : ''}`,
            })), { title: 'DSOMM: Set Activity State', placeHolder: targets.length === 1 ? targets[0].activity.name : `${targets.length} activities` });
            if (!pick)
                return 0;
            state = pick.label;
        }
        return this.writeEach(targets, async (f, settings, t, names) => {
            return (await (0, progress_1.setState)(f.fs, settings, t.target.uuid, state, t.activity.name, new Date(), { names })).changed;
        }, (n) => `set ${n} to "${state}"`);
    }
    async reset(a, b) {
        const targets = await this.resolve(a, b, 'Reset which activity to what the files show?', (_, r) => (0, activityTree_1.isMarked)(r));
        if (!targets)
            return 0;
        return this.writeEach(targets, async (f, settings, t, names) => {
            const state = (await (0, progress_1.setState)(f.fs, settings, t.target.uuid, undefined, t.activity.name, new Date(), { names })).changed;
            const na = (await (0, progress_1.clearNotApplicable)(f.fs, settings, t.target.uuid, { names })).changed;
            return state || na;
        }, (n) => `reset ${n} to what the files show`);
    }
    async openInWeb(a, b) {
        const targets = await this.resolve(a, b, 'Open which activity on dsomm.owasp.org?', () => true, false);
        // Opening a browser tab per row of a large selection would be a surprise: the clicked one is enough.
        for (const t of (targets ?? []).slice(0, 1))
            await vscode.env.openExternal(vscode.Uri.parse((0, activityArgs_1.dsommWebUrl)(t.target.uuid)));
    }
    /**
     * Decides several "needs your decision" activities at once: those of a tree group (all ticked,
     * untick the exceptions) or of the folder (none ticked); then one decision for all of them.
     */
    async decideSeveral(group) {
        const node = isGroupNode(group) ? group : undefined;
        const folder = await this.folderFor(node ? (node.folder ?? folderOfGroup(node)) : undefined);
        if (!folder)
            return 0;
        const results = (await folder.get())?.activities ?? [];
        const inGroup = node && new Set(node.undecidedIds);
        const undecided = results.filter((r) => r.status === 'unknown' && (!inGroup || inGroup.has(r.activity.uuid))).map((r) => r.activity);
        if (!undecided.length) {
            void vscode.window.showInformationMessage(`DSOMM: no activity ${node ? `in ${node.label} ` : ''}needs your decision.`);
            return 0;
        }
        undecided.sort((x, y) => x.level - y.level || x.dimension.localeCompare(y.dimension) || x.name.localeCompare(y.name));
        const picks = await vscode.window.showQuickPick(undecided.map((a) => ({ label: a.name, description: `L${a.level}`, detail: `${a.dimension} › ${a.subdimension}`, picked: !!node, uuid: a.uuid })), {
            title: `DSOMM: Decide activities${node ? ` in ${node.label}` : ''} (${undecided.length} need your decision)`,
            placeHolder: 'Tick the activities to decide together, then press Enter',
            canPickMany: true,
            matchOnDescription: true,
            matchOnDetail: true,
        });
        if (!picks?.length)
            return 0;
        let settings;
        try {
            settings = folder.settings();
        }
        catch (e) {
            void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
            return 0;
        }
        const top = (0, progress_1.topState)(settings).name;
        const decision = await vscode.window.showQuickPick([
            { label: '$(verified-filled) Done', description: top, decision: 'done', state: top },
            { label: '$(circle-slash) Not applicable…', description: 'asks for the reason', decision: 'na', state: '' },
            ...settings.states.filter((s) => s.name !== top && s.score > 0).map((s) => ({ label: s.name, description: `${s.score} %`, decision: 'state', state: s.name })),
        ], { title: `DSOMM: Decide ${picks.length} ${picks.length === 1 ? 'activity' : 'activities'}`, placeHolder: 'What holds for all of them?' });
        if (!decision)
            return 0;
        const targets = picks.map((p) => ({ uuid: p.uuid, folder: folder.key }));
        if (decision.decision === 'done')
            return this.markDone(targets, undefined);
        if (decision.decision === 'na')
            return this.markNotApplicable(targets, undefined);
        return this.setActivityState(targets.map((t) => ({ ...t, state: decision.state })), undefined);
    }
    /** Opens the folder's progress file (at the problem's line when it does not parse). */
    async openProgressFile() {
        const folder = await this.folderFor();
        if (!folder)
            return;
        let settings;
        try {
            settings = folder.settings();
        }
        catch (e) {
            void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
            return;
        }
        const at = folder.progressErrorLine;
        const file = at?.file ?? settings.file;
        try {
            await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.folder.uri, ...file.split('/')));
        }
        catch {
            void vscode.window.showInformationMessage(`DSOMM: there is no ${file} yet; it is created when you first mark an activity.`);
            return;
        }
        await (0, assessmentService_1.openProgressFile)(folder.folder, { file, line: at?.line, column: at?.column });
    }
    /** The command's arguments as activities with their folders; undefined when cancelled or invalid. */
    async resolve(first, second, placeHolder, keep, needsFolder = true) {
        const args = (0, activityArgs_1.resolveActivityArgs)(first, second);
        if (args.kind === 'invalid') {
            void vscode.window.showErrorMessage(`DSOMM: ${args.message}`);
            return undefined;
        }
        const model = await this.models.get();
        const activities = new Map();
        for (const d of model.dimensions)
            for (const s of d.subdimensions)
                for (const act of s.activities)
                    activities.set(act.uuid, act);
        if (args.kind === 'pick') {
            const folder = await this.folderFor();
            if (!folder)
                return undefined;
            const result = await folder.get();
            const items = (0, activityTree_1.activityPickItems)(model, result, keep);
            const pick = await vscode.window.showQuickPick(items, { title: 'DSOMM', placeHolder, matchOnDescription: true, matchOnDetail: true });
            if (!pick)
                return undefined;
            return [{ folder, target: { uuid: pick.uuid }, activity: activities.get(pick.uuid), result: result?.activities.find((r) => r.activity.uuid === pick.uuid) }];
        }
        const out = [];
        for (const target of args.targets) {
            const activity = activities.get(target.uuid);
            if (!activity) {
                void vscode.window.showErrorMessage(`DSOMM: the model has no activity with the id ${target.uuid}.`);
                return undefined;
            }
            const folder = needsFolder || target.folder !== undefined ? await this.folderFor(target.folder) : (0, folderChoice_1.displayedFolder)(this.assessment);
            if (!folder && needsFolder)
                return undefined;
            const result = folder && (await folder.get())?.activities.find((r) => r.activity.uuid === target.uuid);
            out.push({ folder: folder, target, activity, result });
        }
        return out;
    }
    /** The folder a progress command records for: see actingFolder (named, only, active editor's, or asked). */
    folderFor(named) {
        return (0, folderChoice_1.actingFolder)(this.assessment, { named, placeHolder: 'Record progress for which folder?', noFolderMessage: NO_FOLDER_MESSAGE });
    }
    /**
     * Runs `edit` for every target, one folder at a time (the folder's progress is re-read and the
     * tree refreshed once per folder). Stops a folder at its first error and says what happened.
     */
    async writeEach(targets, edit, done) {
        let changed = 0;
        let lastSettings;
        for (const folder of new Set(targets.map((t) => t.folder))) {
            try {
                const withTeam = await this.settingsWithTeam(folder);
                if (!withTeam)
                    return changed;
                await folder.write(async (settings, names) => {
                    lastSettings = settings;
                    for (const t of targets.filter((x) => x.folder === folder))
                        if (await edit(folder, settings, t, names))
                            changed++;
                    return changed;
                }, withTeam);
            }
            catch (e) {
                reportWriteError(folder, e);
                return changed;
            }
        }
        if (lastSettings) {
            const what = targets.length === 1 ? `"${targets[0].activity.name}"` : `${targets.length} activities`;
            const message = changed ? `DSOMM: ${done(what, lastSettings)}.` : `DSOMM: nothing to change for ${what}.`;
            (0, log_1.log)(message);
            vscode.window.setStatusBarMessage(message, 4000);
        }
        return changed;
    }
}
function isGroupNode(x) {
    const n = x;
    return !!n && typeof n === 'object' && ['folder', 'dimension', 'subdimension', 'level'].includes(n.type) && Array.isArray(n.undecidedIds) && Array.isArray(n.children);
}
/** The folder key stamped on a group's rows (multi-root), or undefined for the only folder. */
function folderOfGroup(node) {
    for (const c of node.children) {
        const child = c;
        if (child.folder !== undefined)
            return child.folder;
        if (isGroupNode(c))
            return folderOfGroup(c);
    }
    return undefined;
}
const RECORD_EVIDENCE = 'Record Evidence';
const NOT_NOW = 'Not Now';
async function exists(uri) {
    try {
        await vscode.workspace.fs.stat(uri);
        return true;
    }
    catch {
        return false;
    }
}
function reportWriteError(folder, e) {
    (0, log_1.log)(`Writing progress in ${folder.folder.name} failed: ${e.stack ?? e}`);
    if (e instanceof progress_1.ProgressFileError)
        void folder.showError(e);
    else if (e instanceof progress_1.ProgressSettingsError || e instanceof RangeError)
        void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
    else
        void vscode.window.showErrorMessage(`DSOMM: the progress could not be saved: ${e.message ?? e}`);
}
const NO_FOLDER_MESSAGE = 'DSOMM: open a folder first; progress is saved in the workspace.';
/** Who recorded a decision: the OS user (VS Code has no signed-in user name for extensions). */
function userName() {
    try {
        return os.userInfo().username || undefined;
    }
    catch {
        return undefined;
    }
}
async function filterByStatus(tree, assessment, arg) {
    // Programmatic callers (tests, links) may pass one status or a list.
    const given = (Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg] : []).filter((s) => activityTree_1.ALL_STATUSES.includes(s));
    if (given.length) {
        tree.setStatusFilter(given);
        return;
    }
    const counts = new Map();
    for (const f of assessment.folders()) {
        for (const r of (await f.get())?.activities ?? [])
            counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
    }
    const current = tree.statuses;
    const picks = await vscode.window.showQuickPick(activityTree_1.ALL_STATUSES.map((s) => ({ label: activityTree_1.STATUS_TEXT[s], description: `${counts.get(s) ?? 0}`, status: s, picked: current ? current.has(s) : false })), { title: 'DSOMM: Show only activities that are…', canPickMany: true, placeHolder: 'Pick one or more statuses (none: show all)' });
    if (picks)
        tree.setStatusFilter(picks.map((p) => p.status));
}
//# sourceMappingURL=progressCommands.js.map