// The commands that record the team's decisions in the progress files (mark done, not applicable,
// set a state, reset), open an activity's DSOMM web page, and shape the tree (status filter,
// grouping). Arguments: see core/view/activityArgs.ts and notes/CONTRACT.md.
import * as os from 'os';
import * as vscode from 'vscode';
import { clearNotApplicable, ProgressFileError, ProgressSettings, ProgressSettingsError, setNotApplicable, setState, topState } from '../core/progress';
import { ActivityResult, ActivityStatus } from '../core/scan/result';
import { ActivityTarget, dsommWebUrl, resolveActivityArgs } from '../core/view/activityArgs';
import { activityPickItems, ALL_STATUSES, isMarked, STATUS_TEXT } from '../core/view/activityTree';
import { Activity } from '../core/model/types';
import { AssessmentService, FolderAssessment, openProgressFile } from './assessmentService';
import { actingFolder, displayedFolder } from './folderChoice';
import { ActivityTreeProvider } from './activityTree';
import { ModelService } from './modelService';
import { log } from './log';

interface Resolved {
  folder: FolderAssessment;
  target: ActivityTarget;
  activity: Activity;
  /** The activity's result when the command started. */
  result?: ActivityResult;
}

export function registerProgressCommands(assessment: AssessmentService, models: ModelService, tree: ActivityTreeProvider): vscode.Disposable[] {
  const commands = new ProgressCommands(assessment, models);
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
  ) {}

  async markDone(a: unknown, b: unknown): Promise<number> {
    const targets = await this.resolve(a, b, 'Mark which activity as done?', (_, r) => r?.status !== 'done');
    if (!targets) return 0;
    return this.writeEach(targets, async (f, settings, t, names) => {
      const top = topState(settings).name;
      return (await setState(f.fs, settings, t.target.uuid, top, t.activity.name, new Date(), { names })).changed;
    }, (n, settings) => `marked ${n} as "${topState(settings).name}"`);
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
      return (await setNotApplicable(f.fs, settings, t.target.uuid, { reason: reason!, ...(by ? { by } : {}) }, t.activity.name, new Date(), { names })).changed;
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
        await folder.write(async (settings, names) => {
          lastSettings = settings;
          for (const t of targets.filter((x) => x.folder === folder)) if (await edit(folder, settings, t, names)) changed++;
          return changed;
        });
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
