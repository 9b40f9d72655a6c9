// The status-bar item: achieved activities at the target level (of the active editor's folder in
// a multi-root workspace), with per-dimension progress in the tooltip; a click opens the dashboard.
import * as vscode from 'vscode';
import { statusBarText, statusBarTooltipMarkdown, targetSummary } from '../core/view/levelSummary';
import { escapeMarkdown } from '../core/markdown';
import { notApplicableSummary, ScanResult } from '../core/scan/result';
import { AssessmentService, FolderAssessment } from './assessmentService';
import { displayedFolder } from './folderChoice';
import { targetLevel } from './settings';
import { configProblems } from './inputProblems';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dsomm.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];

  constructor(private readonly assessment: AssessmentService) {
    this.item.name = 'DSOMM maturity';
    this.item.command = 'dsomm.openDashboard';
    this.subscriptions = [
      assessment.onDidChange(() => void this.update()),
      configProblems.onDidChange(() => void this.update()),
      assessment.onDidChangeIndexing(() => this.showIndexing()),
      vscode.window.onDidChangeActiveTextEditor(() => {
        if ((vscode.workspace.workspaceFolders?.length ?? 0) > 1) void this.update();
      }),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.targetLevel')) void this.update();
      }),
    ];
  }

  private async update(): Promise<void> {
    const folder = displayedFolder(this.assessment);
    this.render(await folder?.get(), folder);
  }

  /** Shows at once that the folder is being indexed, until its first result replaces it. */
  private showIndexing(): void {
    const folder = displayedFolder(this.assessment);
    if (this.showsResult || !folder?.indexing) return;
    this.item.text = '$(sync~spin) DSOMM';
    this.item.tooltip = `DSOMM: ${folder.indexing}`;
    this.item.accessibilityInformation = { label: `DSOMM: ${folder.indexing}` };
    this.item.show();
  }

  /** A result is on the item (a later rebuild keeps it there instead of the indexing spinner). */
  private showsResult = false;

  render(result: ScanResult | undefined, folder?: FolderAssessment): void {
    this.showsResult = !!result;
    const problems = configProblems.all();
    const problemLines = problems.map((p) => `$(${p.severity === 'error' ? 'error' : 'warning'}) ${escapeMarkdown(p.message)}${p.uri ? ` (${escapeMarkdown(vscode.workspace.asRelativePath(p.uri))}${p.line ? `:${p.line}` : ''})` : ''}`);
    if (!result) {
      if (!problems.some((p) => p.severity === 'error')) {
        this.item.hide();
        return;
      }
      // No result because something could not be loaded: say so instead of showing nothing.
      this.item.text = '$(error) DSOMM';
      this.item.tooltip = new vscode.MarkdownString([...problemLines, 'Click to open the DSOMM log.'].join('\n\n'), true);
      this.item.command = 'dsomm.showLog';
      this.item.accessibilityInformation = { label: `DSOMM could not assess the workspace: ${problems.map((p) => p.message).join('; ')}` };
      this.item.show();
      return;
    }
    this.item.command = 'dsomm.openDashboard';
    const s = targetSummary(result, targetLevel());
    // A configuration file that is not used in full changes what the counts mean: flagged next to them.
    this.item.text = `$(shield) ${statusBarText(s)}${problems.length ? ` $(${problems.some((p) => p.severity === 'error') ? 'error' : 'warning'})` : ''}`;
    const multiRoot = (vscode.workspace.workspaceFolders?.length ?? 0) > 1;
    const parts = [statusBarTooltipMarkdown(s, result.achievedLevel)];
    if (multiRoot && folder) parts.unshift(`Folder **${escapeMarkdown(folder.folder.name)}**`);
    const naNote = notApplicableSummary(result, s.targetLevel);
    if (naNote) parts.push(escapeMarkdown(naNote));
    if (folder?.progressError) parts.push(`$(warning) ${escapeMarkdown(folder.progressError)}`);
    parts.push(...problemLines);
    const tooltip = new vscode.MarkdownString(parts.join('\n\n'), true);
    this.item.tooltip = tooltip;
    this.item.accessibilityInformation = { label: `DSOMM target level ${s.targetLevel}: ${s.achieved} of ${s.total} activities achieved` };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
