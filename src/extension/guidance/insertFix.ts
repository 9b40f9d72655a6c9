// dsomm.insertFix: inserts the quick-fix template for an activity or a probe without a diagnostic
// at hand (Command Palette, hover and webview links). Arguments:
// `{ uuid?, probe?, uri? }`; a uuid string or an activity tree node work too; none → quick pick.
import * as vscode from 'vscode';
import { FixCatalogue, FixOption, fixesFor, GuidanceDiagnostic, mainPipeline } from '../../core/guidance';
import { ActivityResult, ScanResult } from '../../core/scan/result';
import { IndexEntry } from '../../core/scan/workspaceIndex';
import { isPipelineKind } from '../../core/scan/ci/registry';
import { DocumentAssessment, AssessmentService } from '../assessmentService';
import { actingFolder } from '../folderChoice';
import { FixApplier } from './applyFix';
import { FixCatalogueSource } from './shared';

export interface InsertFixArgs {
  uuid?: string;
  probe?: string;
  uri?: string | vscode.Uri;
  /** Workspace folder key (multi-root tree node); used when no `uri` says where. */
  folder?: string;
}

function parseArgs(arg: unknown): InsertFixArgs {
  if (typeof arg === 'string') return { uuid: arg };
  if (!arg || typeof arg !== 'object') return {};
  const o = arg as Record<string, unknown>;
  const activity = o.activity as { uuid?: unknown } | undefined; // a node of the activity tree
  const uuid = typeof o.uuid === 'string' ? o.uuid : typeof activity?.uuid === 'string' ? activity.uuid : undefined;
  const uri = typeof o.uri === 'string' || o.uri instanceof vscode.Uri ? o.uri : undefined;
  return { uuid, probe: typeof o.probe === 'string' ? o.probe : undefined, uri, folder: typeof o.folder === 'string' ? o.folder : undefined };
}

/** The probes an activity still needs (all of its probes when every one passes). */
function neededProbes(result: ScanResult, a: ActivityResult): string[] {
  const outcome = new Map(result.probes.map((p) => [p.id, p.result] as const));
  const failing = a.probes.filter((p) => outcome.get(p) !== 'pass' && outcome.get(p) !== 'not-applicable');
  return failing.length ? failing : a.probes;
}

function hasTemplate(catalogue: FixCatalogue, probes: string[]): boolean {
  return catalogue.templates.some((t) => t.satisfies.some((p) => probes.includes(p)));
}

/** Files a fix may go into, the most relevant first: the given one, else the main pipeline, other pipelines, container files. */
function candidateFiles(entries: IndexEntry[], path: string | undefined): IndexEntry[] {
  const given = path ? entries.find((e) => e.path === path) : undefined;
  if (given) return [given];
  const main = mainPipeline(entries)?.entry;
  const pipelines = entries.filter((e) => isPipelineKind(e.kind) && e !== main && !e.problems.some((p) => p.severity === 'error'));
  const containers = entries.filter((e) => (e.kind === 'dockerfile' || e.kind === 'compose' || e.kind === 'kubernetes') && !e.outOfScope);
  const byPath = (a: IndexEntry, b: IndexEntry) => (a.path < b.path ? -1 : 1);
  return [...(main ? [main] : []), ...pipelines.sort(byPath), ...containers.sort(byPath)];
}

/** A diagnostic as if the activity's gap had been reported on `entry` (what fixesFor works from). */
function gapOn(entry: IndexEntry, probes: string[], activity: ActivityResult | undefined): GuidanceDiagnostic {
  const loc = { path: entry.path, line: 1, column: 1, endLine: 1, endColumn: 1 };
  const pipeline = isPipelineKind(entry.kind) ? { path: entry.path, kind: entry.kind } : undefined;
  return {
    path: entry.path,
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    loc,
    message: '',
    severity: 'information',
    code: { value: probes[0] ?? 'dsomm' },
    source: 'DSOMM',
    data: {
      kind: 'missing-activity',
      probes,
      ...(activity ? { activity: activity.activity.uuid, activityName: activity.activity.name, level: activity.activity.level } : {}),
      ...(pipeline ? { pipeline } : {}),
    },
  };
}

const NO_FOLDER_MESSAGE = 'DSOMM: open a folder with pipeline or container files to insert a fix.';

export function registerInsertFix(assessment: AssessmentService, fixes: FixCatalogueSource, applier: FixApplier): vscode.Disposable {
  return vscode.commands.registerCommand('dsomm.insertFix', async (arg?: unknown) => {
    const args = parseArgs(arg);
    const uri = typeof args.uri === 'string' ? vscode.Uri.parse(args.uri) : args.uri;
    const folder = uri
      ? vscode.workspace.getWorkspaceFolder(uri)
      : (await actingFolder(assessment, { named: args.folder, placeHolder: 'Insert the fix in which folder?', noFolderMessage: NO_FOLDER_MESSAGE }))?.folder;
    if (!uri && !folder) return false; // no folder (said), the named one closed (said), or the pick cancelled
    const da: DocumentAssessment | undefined = folder ? await assessment.resultFor(uri ?? folder.uri) : undefined;
    if (!folder || !da) {
      void vscode.window.showInformationMessage(NO_FOLDER_MESSAGE);
      return false;
    }
    const catalogue = await fixes.get();
    const result = da.result;

    let activity = args.uuid ? result.activities.find((a) => a.activity.uuid === args.uuid) : undefined;
    if (args.uuid && !activity) {
      void vscode.window.showErrorMessage(`DSOMM: no activity with the id ${args.uuid} in the model.`);
      return false;
    }
    if (!args.uuid && !args.probe) {
      const gaps = result.activities
        .filter((a) => (a.status === 'missing' || a.status === 'partial') && hasTemplate(catalogue, neededProbes(result, a)))
        .sort((a, b) => a.activity.level - b.activity.level || a.activity.name.localeCompare(b.activity.name));
      if (!gaps.length) {
        void vscode.window.showInformationMessage('DSOMM: no missing activity has a fix to insert.');
        return false;
      }
      const pick = await vscode.window.showQuickPick(
        gaps.map((a) => ({ label: a.activity.name, description: `L${a.activity.level} · ${a.status}`, detail: `${a.activity.dimension} › ${a.activity.subdimension}`, a })),
        { title: 'DSOMM: insert a fix', placeHolder: 'Which missing activity should a pipeline step or file be added for?', matchOnDescription: true, matchOnDetail: true },
      );
      if (!pick) return false;
      activity = pick.a;
    }
    const probes = args.probe ? [args.probe] : neededProbes(result, activity!);

    const entries = da.index.all();
    const relPath = uri ? da.path : undefined;
    const optionsIn = (files: IndexEntry[]) => {
      const out: FixOption[] = [];
      for (const entry of files) {
        for (const o of fixesFor(catalogue, result, entry, gapOn(entry, probes, activity), entries)) {
          if (!out.some((x) => x.templateId === o.templateId && x.path === o.path)) out.push(o);
        }
      }
      return out;
    };
    // The given file first; when nothing fits there (a Dockerfile for a CI scanner), the workspace's files.
    let options = optionsIn(candidateFiles(entries, relPath));
    if (!options.length && relPath) options = optionsIn(candidateFiles(entries, undefined));
    const what = activity ? `"${activity.activity.name}"` : `the check ${args.probe}`;
    if (!options.length) {
      void vscode.window.showInformationMessage(`DSOMM: there is no fix to insert for ${what}.`);
      return false;
    }
    let option = options[0];
    if (options.length > 1) {
      const pick = await vscode.window.showQuickPick(
        options.map((o, i) => ({ label: o.title, description: o.kind === 'create' ? `new file ${o.path}` : o.path, detail: i === 0 ? 'most relevant' : undefined, o })),
        { title: `DSOMM: insert a fix for ${what}`, placeHolder: 'Which fix, in which file?', matchOnDescription: true },
      );
      if (!pick) return false;
      option = pick.o;
    }
    return applier.apply({ folder, option });
  });
}
