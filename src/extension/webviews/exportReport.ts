// DSOMM: Export Report…: the assessment as Markdown, HTML, JSON or SARIF (the CLI's core code),
// saved where the user chooses (the save dialog asks before replacing a file).
import * as vscode from 'vscode';
import { toJsonReport } from '../../core/reports/json';
import { renderHtmlReport } from '../../core/reports/html';
import { toSarif } from '../../core/reports/sarif';
import { mainPipeline } from '../../core/guidance/lookup';
import { WorkspaceIndex } from '../../core/scan/workspaceIndex';
import { configProblems } from '../inputProblems';
import { toMarkdownReport } from '../../core/reports/text';
import { EXPORT_FORMATS, ExportFormat } from '../../core/view/webviewMessages';
import { AssessmentService } from '../assessmentService';
import { actingFolder } from '../folderChoice';
import { log } from '../log';
import { ModelService } from '../modelService';
import { targetLevel } from '../settings';

const FORMATS: Record<ExportFormat, { label: string; detail: string; ext: string; filter: string }> = {
  markdown: { label: 'Markdown', detail: 'Readable report for a wiki, an issue or a pull request', ext: 'md', filter: 'Markdown' },
  html: { label: 'HTML', detail: 'Self-contained page with the heatmap, progress and evidence', ext: 'html', filter: 'HTML' },
  json: { label: 'JSON', detail: 'Machine-readable, the CLI\'s schemaVersion 1', ext: 'json', filter: 'JSON' },
  sarif: { label: 'SARIF', detail: 'Code scanning results (weak controls, missing activities)', ext: 'sarif', filter: 'SARIF' },
};

function formatOf(arg: unknown): ExportFormat | undefined {
  const f = typeof arg === 'string' ? arg : (arg as { format?: unknown } | undefined)?.format;
  return typeof f === 'string' && (EXPORT_FORMATS as readonly string[]).includes(f) ? (f as ExportFormat) : undefined;
}

/** The folder key in `{ folder }` (a panel's folder); the format alone names none. */
function folderOf(arg: unknown): string | undefined {
  const f = arg && typeof arg === 'object' ? (arg as { folder?: unknown }).folder : undefined;
  return typeof f === 'string' ? f : undefined;
}

const NO_ASSESSMENT_MESSAGE = 'DSOMM: there is no assessment to export. Open a folder with pipeline or container files first.';

/**
 * `arg`: a format name, or `{ format?, folder? }` from a panel (folder: FolderAssessment.key).
 * Exports the folder named, else the only one, else the active editor's, else the one the user picks.
 */
/** The file the editor's summary of missing activities sits on: SARIF attaches them there too. */
function mainPipelineOf(index: WorkspaceIndex | undefined): string | undefined {
  return index ? mainPipeline(index.all())?.entry.path : undefined;
}

export function registerExportReport(assessment: AssessmentService, models: ModelService, extensionVersion: string): vscode.Disposable {
  return vscode.commands.registerCommand('dsomm.exportReport', async (arg?: unknown) => {
    let format = formatOf(arg);
    if (!format) {
      const pick = await vscode.window.showQuickPick(
        EXPORT_FORMATS.map((f) => ({ label: FORMATS[f].label, detail: FORMATS[f].detail, format: f })),
        { title: 'DSOMM: export the assessment as…' },
      );
      if (!pick) return undefined;
      format = pick.format;
    }
    const folder = await actingFolder(assessment, {
      named: folderOf(arg),
      placeHolder: 'Export the report of which folder?',
      noFolderMessage: NO_ASSESSMENT_MESSAGE,
    });
    if (!folder) return undefined;
    const result = await folder.get();
    if (!result) {
      void vscode.window.showWarningMessage(NO_ASSESSMENT_MESSAGE);
      return undefined;
    }
    const level = targetLevel();
    const inputProblems = configProblems.forReport(folder.folder);
    const content =
      format === 'markdown' ? toMarkdownReport(result, { nextBestFor: level, inputProblems })
      : format === 'html' ? renderHtmlReport(result, await models.get(), { targetLevel: level, inputProblems })
      : format === 'json' ? JSON.stringify(toJsonReport(result, { targetLevel: level, inputProblems }), null, 2) + '\n'
      : JSON.stringify(toSarif(result, { level, toolVersion: extensionVersion, inputProblems, pipeline: mainPipelineOf(folder.workspaceIndex) }), null, 2) + '\n';
    const spec = FORMATS[format];
    const target = await vscode.window.showSaveDialog({
      title: `Save the DSOMM report (${spec.label})`,
      saveLabel: 'Save Report',
      defaultUri: vscode.Uri.joinPath(folder.folder.uri, `dsomm-report.${spec.ext}`),
      filters: { [spec.filter]: [spec.ext] },
    });
    if (!target) return undefined;
    try {
      await vscode.workspace.fs.writeFile(target, new TextEncoder().encode(content));
    } catch (e) {
      void vscode.window.showErrorMessage(`DSOMM: the report could not be saved to ${target.toString(true)}: ${(e as Error).message}`);
      return undefined;
    }
    log(`Exported the ${spec.label} report to ${target.toString(true)}`);
    void vscode.window.showInformationMessage(`DSOMM: ${spec.label} report saved.`, 'Open').then((c) => {
      if (c === 'Open') void vscode.commands.executeCommand('vscode.open', target);
    });
    return target;
  });
}
