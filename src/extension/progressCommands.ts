// The commands that record the team's decisions in the progress files (mark done, not applicable,
// set a state, reset), open an activity's DSOMM web page, and shape the tree (status filter,
// grouping). Arguments: see core/view/activityArgs.ts.
import * as os from 'os';
import * as vscode from 'vscode';
import {
  addTeamToConfig,
  checkTeamName,
  clearNotApplicable,
  createDsommConfig,
  detectedEvidenceInput,
  ProgressFileError,
  ProgressSettings,
  ProgressSettingsError,
  readRepositoryInfo,
  saveEvidence,
  setNotApplicable,
  setState,
  topState,
} from '../core/progress';
import { basename, dirname, joinPath } from '../core/fs';
import { safeHref } from '../core/view/html';
import { ActivityResult, ActivityStatus } from '../core/scan/result';
import { ActivityTarget, dsommWebUrl, resolveActivityArgs } from '../core/view/activityArgs';
import { activityPickItems, ALL_STATUSES, isMarked, STATUS_TEXT } from '../core/view/activityTree';
import { Activity } from '../core/model/types';
import { AssessmentService, FolderAssessment, openProgressFile } from './assessmentService';
import { actingFolder, displayedFolder } from './folderChoice';
import { ActivityTreeProvider } from './activityTree';
import { ModelService } from './modelService';
import { log } from './log';
import { recordDetectedEvidence } from './settings';

interface Resolved {
  folder: FolderAssessment;
  target: ActivityTarget;
  activity: Activity;
  /** The activity's result when the command started. */
  result?: ActivityResult;
}

export function registerProgressCommands(assessment: AssessmentService, models: ModelService, tree: ActivityTreeProvider, extensionUri?: vscode.Uri): vscode.Disposable[] {
  const commands = new ProgressCommands(assessment, models, extensionUri);
  return [
    vscode.commands.registerCommand('dsomm.markActivityDone', (a?: unknown, b?: unknown) => commands.markDone(a, b)),
    vscode.commands.registerCommand('dsomm.markNotApplicable', (a?: unknown, b?: unknown) => commands.markNotApplicable(a, b)),
    vscode.commands.registerCommand('dsomm.setActivityState', (a?: unknown, b?: unknown) => commands.setActivityState(a, b)),
    vscode.commands.registerCommand('dsomm.resetActivity', (a?: unknown, b?: unknown) => commands.reset(a, b)),
    vscode.commands.registerCommand('dsomm.openActivityInWeb', (a?: unknown, b?: unknown) => commands.openInWeb(a, b)),
    vscode.commands.registerCommand('dsomm.openProgressFile', () => commands.openProgressFile()),
    vscode.commands.registerCommand('dsomm.decideActivities', (group?: unknown) => commands.decideSeveral(group)),
    vscode.commands.registerCommand('dsomm.hideUndecided', () => tree.setHideUndecided(true)),
    vscode.commands.registerCommand('dsomm.showUndecided', () => tree.setHideUndecided(false)),
    vscode.commands.registerCommand('dsomm.addEvidence', (a?: unknown, b?: unknown) => commands.addEvidence(a, b)),
    vscode.commands.registerCommand('dsomm.recordDetectedEvidence', (a?: unknown, b?: unknown) => commands.recordDetected(a, b)),
    vscode.commands.registerCommand('dsomm.createDsommConfig', () => commands.createConfig()),
    vscode.commands.registerCommand('dsomm.chooseTeam', (a?: unknown) => commands.chooseTeam(a)),
    vscode.commands.registerCommand('dsomm.addTeamToConfig', (a?: unknown) => commands.addTeamToConfig(a)),
    vscode.commands.registerCommand('dsomm.filterByStatus', (statuses?: unknown) => filterByStatus(tree, assessment, statuses)),
    vscode.commands.registerCommand('dsomm.clearStatusFilter', () => tree.setStatusFilter(undefined)),
    vscode.commands.registerCommand('dsomm.groupByLevel', () => tree.setGrouping('level')),
    vscode.commands.registerCommand('dsomm.groupByDimension', () => tree.setGrouping('dimension')),
  ];
}

class ProgressCommands {
  constructor(
    private readonly assessment: AssessmentService,
    private readonly models: ModelService,
    private readonly extensionUri?: vscode.Uri,
  ) {}

  async markDone(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Mark which activity as done?', (_, r) => r?.status !== 'done');
    if (!targets) return 0;
    const changed = await this.writeEach(targets, async (f, settings, t, names) => {
      const top = topState(settings).name;
      return (await setState(f.fs, settings, t.target.uuid, top, t.activity.name, new Date(), { names })).changed;
    }, (n, settings) => `marked ${n} as "${topState(settings).name}"`);
    if (changed) await this.offerDetectedEvidence(targets);
    return changed;
  }

  /**
   * After a detected activity was marked done: offer to record where the scan found it as a DSOMM
   * evidence entry, so the web app shows why the team claims it (dsomm.recordDetectedEvidence).
   */
  private async offerDetectedEvidence(targets: Resolved[]): Promise<void> {
    const detected = targets.filter((t) => t.result && t.result.evidence.length && (t.result.detected === 'detected' || t.result.detected === 'partial'));
    if (!detected.length) return;
    const mode = recordDetectedEvidence(detected[0].folder.folder);
    if (mode === 'never') return;
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
  async recordDetected(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Record the detected evidence of which activity?', (_, r) => !!r?.evidence.length);
    if (!targets) return 0;
    const found = targets.filter((t) => t.result?.evidence.length);
    if (!found.length) {
      void vscode.window.showInformationMessage('DSOMM: the scan found nothing in the files for this activity, so there is no detected evidence to record.');
      return 0;
    }
    return this.recordDetectedFor(found);
  }

  private async recordDetectedFor(targets: Resolved[]): Promise<number> {
    const repos = new Map<FolderAssessment, Awaited<ReturnType<typeof readRepositoryInfo>>>();
    for (const f of new Set(targets.map((t) => t.folder))) repos.set(f, await readRepositoryInfo(f.fs));
    const by = userName();
    return this.writeEach(targets, async (f, settings, t, names) => {
      const input = detectedEvidenceInput(t.result!, repos.get(f));
      if (!input) return false;
      // One "detected" entry per activity and team: recording again updates it.
      const existing = f.progress?.evidence(t.target.uuid, settings.team).find((e) => e.title === input.title);
      return (await saveEvidence(f.fs, settings, t.target.uuid, { ...input, ...(existing?.id ? { id: existing.id } : {}), ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
    }, (n) => `recorded the detected evidence of ${n}`);
  }

  /** A free-text evidence entry with an optional link, as the DSOMM web app records them. */
  async addEvidence(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Add evidence to which activity?', () => true);
    if (!targets) return 0;
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
      if (!title) return 0;
      const description = await vscode.window.showInputBox({
        title: 'DSOMM: Add Evidence (2/3)',
        prompt: 'What it shows (optional; Markdown in the web app)',
        ignoreFocusOut: true,
      });
      if (description === undefined) return 0;
      const link = await vscode.window.showInputBox({
        title: 'DSOMM: Add Evidence (3/3)',
        prompt: 'A link to the document, report or page (optional, https)',
        placeHolder: 'https://…',
        ignoreFocusOut: true,
        validateInput: (v) => (!v.trim() || safeHref(v.trim()) ? undefined : 'Only https links are recorded.'),
      });
      if (link === undefined) return 0;
      entry = { title, description, ...(link.trim() ? { link: link.trim() } : {}) };
    }
    if (entry.link && !safeHref(entry.link)) {
      void vscode.window.showErrorMessage(`DSOMM: only https links can be recorded as evidence (got "${entry.link.slice(0, 80)}").`);
      return 0;
    }
    const by = userName();
    const e = entry;
    return this.writeEach(targets, async (f, settings, t, names) => {
      return (await saveEvidence(f.fs, settings, t.target.uuid, { title: e.title, description: e.description ?? '', ...(e.link ? { link: e.link } : {}), ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
    }, (n) => `added evidence "${e.title}" to ${n}`);
  }

  /** Creates `meta.yaml` of the DSOMM web app next to the team's files, from the current settings. */
  async createConfig(): Promise<boolean> {
    const folder = await this.folderFor();
    if (!folder) return false;
    let loaded;
    try {
      loaded = await folder.loadProgress();
    } catch (e) {
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
    const dir = dirname(metaPath);
    const teams = loaded.config?.teams?.length ? [...loaded.config.teams] : settings.team ? [settings.team] : loaded.data.teams();
    if (settings.team && !teams.includes(settings.team)) teams.unshift(settings.team);
    if (!teams.length) {
      const team = await this.askTeamName(folder, [], 'Which team records its progress here? It is written to meta.yaml.');
      if (!team) return false;
      teams.push(team);
    }
    // The web app serves only the folder it reads meta.yaml from: it needs a model file there too.
    const modelName = 'model.yaml';
    const modelPath = joinPath(dir, modelName);
    const sameFolder = dirname(settings.file) === dir && dirname(settings.evidenceFile) === dir;
    if (!sameFolder) {
      void vscode.window.showErrorMessage(`DSOMM: the web app reads the team's files next to meta.yaml; ${settings.file} and ${settings.evidenceFile} must be in ${dir || 'the workspace folder'} for a config there.`);
      return false;
    }
    try {
      const created = await createDsommConfig(folder.fs, metaPath, {
        teams,
        ...(loaded.config?.teamGroups ? { teamGroups: loaded.config.teamGroups } : {}),
        states: settings.states,
        progressFile: basename(settings.file),
        evidenceFile: basename(settings.evidenceFile),
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
    } catch (e) {
      reportWriteError(folder, e);
      return false;
    }
    await folder.reloadProgress();
    log(`Created ${metaPath} (teams: ${teams.join(', ')}).`);
    await vscode.window.showTextDocument(uri, { preview: false });
    return true;
  }

  /** Picks the team this workspace records for (config teams and the files' teams) and remembers it. */
  async chooseTeam(arg: unknown): Promise<string | undefined> {
    const key = arg && typeof arg === 'object' && typeof (arg as { folder?: unknown }).folder === 'string' ? (arg as { folder: string }).folder : undefined;
    const folder = await this.folderFor(key);
    if (!folder) return undefined;
    let known: string[] = [];
    try {
      const loaded = await folder.loadProgress();
      known = [...new Set([...(loaded.config?.teams ?? []), ...loaded.data.teams()])];
    } catch {
      // A broken file is reported by the tree; the team can still be typed.
    }
    return this.askTeamName(folder, known, 'Which team does this workspace record progress for?');
  }

  /** Adds the team to the DSOMM config's `teams` list (the warning's action). */
  async addTeamToConfig(arg: unknown): Promise<boolean> {
    const a = (arg && typeof arg === 'object' ? arg : {}) as { folder?: unknown; team?: unknown };
    const folder = await this.folderFor(typeof a.folder === 'string' ? a.folder : undefined);
    if (!folder) return false;
    try {
      const loaded = await folder.loadProgress();
      const team = typeof a.team === 'string' && a.team.trim() ? a.team.trim() : loaded.settings.team;
      if (!team || !loaded.config) return false;
      const result = await addTeamToConfig(folder.fs, loaded.config.source, team);
      if (result === 'referenced') {
        // The list lives in another file ($ref): the user edits it there.
        void vscode.window.showInformationMessage(`DSOMM: the teams of ${loaded.config.source} come from another file ($ref); add "${team}" there.`);
        await vscode.window.showTextDocument(vscode.Uri.joinPath(folder.folder.uri, ...loaded.config.source.split('/')), { preview: false });
        return false;
      }
      await folder.reloadProgress();
      vscode.window.setStatusBarMessage(`DSOMM: added "${team}" to ${loaded.config.source}.`, 4000);
      return result === 'added';
    } catch (e) {
      reportWriteError(folder, e);
      return false;
    }
  }

  /**
   * The team to record for, asked on the first record when the settings, the DSOMM config and
   * the files do not decide it; the answer goes to the workspace folder's settings.
   */
  private async askTeamName(folder: FolderAssessment, known: string[], prompt: string): Promise<string | undefined> {
    const OTHER = 'Another team…';
    let team: string | undefined;
    if (known.length) {
      const pick = await vscode.window.showQuickPick([...known.map((t) => ({ label: t })), { label: OTHER, description: 'type a name' }], {
        title: 'DSOMM: Team',
        placeHolder: prompt,
        ignoreFocusOut: true,
      });
      if (!pick) return undefined;
      team = pick.label === OTHER ? undefined : pick.label;
    }
    if (!team) {
      team = (await vscode.window.showInputBox({
        title: 'DSOMM: Team',
        prompt: `${prompt} Use a team name of your DSOMM web app.`,
        value: known.length ? '' : folder.folder.name,
        ignoreFocusOut: true,
        validateInput: (v) => checkTeamName(v),
      }))?.trim();
    }
    if (!team) return undefined;
    await vscode.workspace.getConfiguration('dsomm', folder.folder.uri).update('team', team, vscode.ConfigurationTarget.WorkspaceFolder);
    log(`Team for ${folder.folder.name}: "${team}" (saved in the workspace settings, dsomm.team).`);
    return team;
  }

  /** The folder's settings with a team: read now, asking for the team when nothing decides it. */
  private async settingsWithTeam(folder: FolderAssessment): Promise<ProgressSettings | undefined> {
    const loaded = await folder.loadProgress();
    if (loaded.settings.team) return loaded.settings;
    const t = loaded.team;
    const choices = t.team === undefined ? t.choices : [];
    const team = await this.askTeamName(folder, choices, 'Record this for which team?');
    return team ? { ...loaded.settings, team } : undefined;
  }

  async markNotApplicable(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Which activity does not apply?', (_, r) => r?.status !== 'not-applicable');
    if (!targets) return 0;
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
      if (!reason) return 0;
    }
    const by = userName();
    return this.writeEach(targets, async (f, settings, t, names) => {
      return (await setNotApplicable(f.fs, settings, t.target.uuid, { reason: reason, ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
    }, (n) => `marked ${n} as not applicable`);
  }

  async setActivityState(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Set the state of which activity?', () => true);
    if (!targets) return 0;
    let state = targets.find((t) => t.target.state)?.target.state;
    if (!state) {
      let settings: ProgressSettings;
      try {
        settings = targets[0].folder.settings();
      } catch (e) {
        void vscode.window.showErrorMessage(`DSOMM: ${(e as Error).message}`);
        return 0;
      }
      const current = targets.length === 1 ? targets[0].result?.progress?.state : undefined;
      const pick = await vscode.window.showQuickPick(
        settings.states.map((s) => ({
          label: s.name,
          description: `${s.score} %${s.name === current ? ' · current' : ''}${s.score === 0 ? ' · removes the team state' : ''}`,
        })),
        { title: 'DSOMM: Set Activity State', placeHolder: targets.length === 1 ? targets[0].activity.name : `${targets.length} activities` },
      );
      if (!pick) return 0;
      state = pick.label;
    }
    return this.writeEach(targets, async (f, settings, t, names) => {
      return (await setState(f.fs, settings, t.target.uuid, state, t.activity.name, new Date(), { names })).changed;
    }, (n) => `set ${n} to "${state}"`);
  }

  async reset(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Reset which activity to what the files show?', (_, r) => isMarked(r));
    if (!targets) return 0;
    return this.writeEach(targets, async (f, settings, t, names) => {
      const state = (await setState(f.fs, settings, t.target.uuid, undefined, t.activity.name, new Date(), { names })).changed;
      const na = (await clearNotApplicable(f.fs, settings, t.target.uuid, { names })).changed;
      return state || na;
    }, (n) => `reset ${n} to what the files show`);
  }

  async openInWeb(a: unknown, b: unknown): Promise<void> {
    const targets = await this.resolve(a, b, 'Open which activity on dsomm.owasp.org?', () => true, false);
    // Opening a browser tab per row of a large selection would be a surprise: the clicked one is enough.
    for (const t of (targets ?? []).slice(0, 1)) await vscode.env.openExternal(vscode.Uri.parse(dsommWebUrl(t.target.uuid)));
  }

  /**
   * Decides several "needs your decision" activities at once: those of a tree group (all ticked,
   * untick the exceptions) or of the folder (none ticked); then one decision for all of them.
   */
  async decideSeveral(group: unknown): Promise<number> {
    const node = isGroupNode(group) ? group : undefined;
    const folder = await this.folderFor(node ? (node.folder ?? folderOfGroup(node)) : undefined);
    if (!folder) return 0;
    const results = (await folder.get())?.activities ?? [];
    const inGroup = node && new Set(node.undecidedIds);
    const undecided = results.filter((r) => r.status === 'unknown' && (!inGroup || inGroup.has(r.activity.uuid))).map((r) => r.activity);
    if (!undecided.length) {
      void vscode.window.showInformationMessage(`DSOMM: no activity ${node ? `in ${node.label} ` : ''}needs your decision.`);
      return 0;
    }
    undecided.sort((x, y) => x.level - y.level || x.dimension.localeCompare(y.dimension) || x.name.localeCompare(y.name));
    const picks = await vscode.window.showQuickPick(
      undecided.map((a) => ({ label: a.name, description: `L${a.level}`, detail: `${a.dimension} › ${a.subdimension}`, picked: !!node, uuid: a.uuid })),
      {
        title: `DSOMM: Decide activities${node ? ` in ${node.label}` : ''} (${undecided.length} need your decision)`,
        placeHolder: 'Tick the activities to decide together, then press Enter',
        canPickMany: true,
        matchOnDescription: true,
        matchOnDetail: true,
      },
    );
    if (!picks?.length) return 0;
    let settings: ProgressSettings;
    try {
      settings = folder.settings();
    } catch (e) {
      void vscode.window.showErrorMessage(`DSOMM: ${(e as Error).message}`);
      return 0;
    }
    const top = topState(settings).name;
    const decision = await vscode.window.showQuickPick(
      [
        { label: '$(verified-filled) Done', description: top, decision: 'done' as const, state: top },
        { label: '$(circle-slash) Not applicable…', description: 'asks for the reason', decision: 'na' as const, state: '' },
        ...settings.states.filter((s) => s.name !== top && s.score > 0).map((s) => ({ label: s.name, description: `${s.score} %`, decision: 'state' as const, state: s.name })),
      ],
      { title: `DSOMM: Decide ${picks.length} ${picks.length === 1 ? 'activity' : 'activities'}`, placeHolder: 'What holds for all of them?' },
    );
    if (!decision) return 0;
    const targets = picks.map((p) => ({ uuid: p.uuid, folder: folder.key }));
    if (decision.decision === 'done') return this.markDone(targets, undefined);
    if (decision.decision === 'na') return this.markNotApplicable(targets, undefined);
    return this.setActivityState(targets.map((t) => ({ ...t, state: decision.state })), undefined);
  }

  /** Opens the folder's progress file (at the problem's line when it does not parse). */
  async openProgressFile(): Promise<void> {
    const folder = await this.folderFor();
    if (!folder) return;
    let settings: ProgressSettings;
    try {
      settings = folder.settings();
    } catch (e) {
      void vscode.window.showErrorMessage(`DSOMM: ${(e as Error).message}`);
      return;
    }
    const at = folder.progressErrorLine;
    const file = at?.file ?? settings.file;
    try {
      await vscode.workspace.fs.stat(vscode.Uri.joinPath(folder.folder.uri, ...file.split('/')));
    } catch {
      void vscode.window.showInformationMessage(`DSOMM: there is no ${file} yet; it is created when you first mark an activity.`);
      return;
    }
    await openProgressFile(folder.folder, { file, line: at?.line, column: at?.column });
  }

  /** The command's arguments as activities with their folders; undefined when cancelled or invalid. */
  private async resolve(
    first: unknown,
    second: unknown,
    placeHolder: string,
    keep: (a: Activity, r?: ActivityResult) => boolean,
    needsFolder = true,
  ): Promise<Resolved[] | undefined> {
    const args = resolveActivityArgs(first, second);
    if (args.kind === 'invalid') {
      void vscode.window.showErrorMessage(`DSOMM: ${args.message}`);
      return undefined;
    }
    const model = await this.models.get();
    const activities = new Map<string, Activity>();
    for (const d of model.dimensions) for (const s of d.subdimensions) for (const act of s.activities) activities.set(act.uuid, act);

    if (args.kind === 'pick') {
      const folder = await this.folderFor();
      if (!folder) return undefined;
      const result = await folder.get();
      const items = activityPickItems(model, result, keep);
      const pick = await vscode.window.showQuickPick(items, { title: 'DSOMM', placeHolder, matchOnDescription: true, matchOnDetail: true });
      if (!pick) return undefined;
      return [{ folder, target: { uuid: pick.uuid }, activity: activities.get(pick.uuid)!, result: result?.activities.find((r) => r.activity.uuid === pick.uuid) }];
    }

    const out: Resolved[] = [];
    for (const target of args.targets) {
      const activity = activities.get(target.uuid);
      if (!activity) {
        void vscode.window.showErrorMessage(`DSOMM: the model has no activity with the id ${target.uuid}.`);
        return undefined;
      }
      const folder = needsFolder || target.folder !== undefined ? await this.folderFor(target.folder) : displayedFolder(this.assessment);
      if (!folder && needsFolder) return undefined;
      const result = folder && (await folder.get())?.activities.find((r) => r.activity.uuid === target.uuid);
      out.push({ folder: folder!, target, activity, result });
    }
    return out;
  }

  /** The folder a progress command records for: see actingFolder (named, only, active editor's, or asked). */
  private folderFor(named?: string): Promise<FolderAssessment | undefined> {
    return actingFolder(this.assessment, { named, placeHolder: 'Record progress for which folder?', noFolderMessage: NO_FOLDER_MESSAGE });
  }

  /**
   * Runs `edit` for every target, one folder at a time (the folder's progress is re-read and the
   * tree refreshed once per folder). Stops a folder at its first error and says what happened.
   */
  private async writeEach(
    targets: Resolved[],
    edit: (folder: FolderAssessment, settings: ProgressSettings, t: Resolved, names: ReadonlyMap<string, string>) => Promise<boolean>,
    done: (what: string, settings: ProgressSettings) => string,
  ): Promise<number> {
    let changed = 0;
    let lastSettings: ProgressSettings | undefined;
    for (const folder of new Set(targets.map((t) => t.folder))) {
      try {
        const withTeam = await this.settingsWithTeam(folder);
        if (!withTeam) return changed;
        await folder.write(async (settings, names) => {
          lastSettings = settings;
          for (const t of targets.filter((x) => x.folder === folder)) if (await edit(folder, settings, t, names)) changed++;
          return changed;
        }, withTeam);
      } catch (e) {
        reportWriteError(folder, e);
        return changed;
      }
    }
    if (lastSettings) {
      const what = targets.length === 1 ? `"${targets[0].activity.name}"` : `${targets.length} activities`;
      const message = changed ? `DSOMM: ${done(what, lastSettings)}.` : `DSOMM: nothing to change for ${what}.`;
      log(message);
      vscode.window.setStatusBarMessage(message, 4000);
    }
    return changed;
  }
}

/** A tree group row as a command argument (only what deciding several activities needs). */
interface GroupArg {
  type: 'folder' | 'dimension' | 'subdimension' | 'level';
  label: string;
  folder?: string;
  undecidedIds: string[];
  children: unknown[];
}

function isGroupNode(x: unknown): x is GroupArg {
  const n = x as GroupArg | null;
  return !!n && typeof n === 'object' && ['folder', 'dimension', 'subdimension', 'level'].includes(n.type) && Array.isArray(n.undecidedIds) && Array.isArray(n.children);
}

/** The folder key stamped on a group's rows (multi-root), or undefined for the only folder. */
function folderOfGroup(node: GroupArg): string | undefined {
  for (const c of node.children) {
    const child = c as { type?: string; folder?: string };
    if (child.folder !== undefined) return child.folder;
    if (isGroupNode(c)) return folderOfGroup(c);
  }
  return undefined;
}

const RECORD_EVIDENCE = 'Record Evidence';
const NOT_NOW = 'Not Now';

async function exists(uri: vscode.Uri): Promise<boolean> {
  try {
    await vscode.workspace.fs.stat(uri);
    return true;
  } catch {
    return false;
  }
}

function reportWriteError(folder: FolderAssessment, e: unknown): void {
  log(`Writing progress in ${folder.folder.name} failed: ${(e as Error).stack ?? e}`);
  if (e instanceof ProgressFileError) void folder.showError(e);
  else if (e instanceof ProgressSettingsError || e instanceof RangeError) void vscode.window.showErrorMessage(`DSOMM: ${e.message}`);
  else void vscode.window.showErrorMessage(`DSOMM: the progress could not be saved: ${(e as Error).message ?? e}`);
}

const NO_FOLDER_MESSAGE = 'DSOMM: open a folder first; progress is saved in the workspace.';

/** Who recorded a decision: the OS user (VS Code has no signed-in user name for extensions). */
function userName(): string | undefined {
  try {
    return os.userInfo().username || undefined;
  } catch {
    return undefined;
  }
}

async function filterByStatus(tree: ActivityTreeProvider, assessment: AssessmentService, arg: unknown): Promise<void> {
  // Programmatic callers (tests, links) may pass one status or a list.
  const given = (Array.isArray(arg) ? arg : typeof arg === 'string' ? [arg] : []).filter((s): s is ActivityStatus => ALL_STATUSES.includes(s as ActivityStatus));
  if (given.length) {
    tree.setStatusFilter(given);
    return;
  }
  const counts = new Map<ActivityStatus, number>();
  for (const f of assessment.folders()) {
    for (const r of (await f.get())?.activities ?? []) counts.set(r.status, (counts.get(r.status) ?? 0) + 1);
  }
  const current = tree.statuses;
  const picks = await vscode.window.showQuickPick(
    ALL_STATUSES.map((s) => ({ label: STATUS_TEXT[s], description: `${counts.get(s) ?? 0}`, status: s, picked: current ? current.has(s) : false })),
    { title: 'DSOMM: Show only activities that are…', canPickMany: true, placeHolder: 'Pick one or more statuses (none: show all)' },
  );
  if (picks) tree.setStatusFilter(picks.map((p) => p.status));
}
