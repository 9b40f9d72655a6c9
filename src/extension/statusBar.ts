// The status-bar item: achieved activities at the target level; a click opens the dashboard.
import * as vscode from 'vscode';
import { statusBarText, statusBarTooltipMarkdown, targetSummary } from '../core/view/levelSummary';
import { ScanResult } from '../core/scan/result';
import { AssessmentService } from './assessmentService';
import { targetLevel } from './settings';

export class StatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('dsomm.status', vscode.StatusBarAlignment.Left, 50);
  private readonly subscriptions: vscode.Disposable[];
  private last: ScanResult | undefined;

  constructor(private readonly assessment: AssessmentService) {
    this.item.name = 'DSOMM maturity';
    this.item.command = 'dsomm.openDashboard';
    this.subscriptions = [
      assessment.onDidChange((r) => this.render(r)),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.targetLevel')) this.render(this.last);
      }),
    ];
  }

  render(result: ScanResult | undefined): void {
    this.last = result;
    if (!result) {
      this.item.hide();
      return;
    }
    const s = targetSummary(result, targetLevel());
    this.item.text = `$(shield) ${statusBarText(s)}`;
    this.item.tooltip = new vscode.MarkdownString(statusBarTooltipMarkdown(s, result.achievedLevel));
    this.item.accessibilityInformation = { label: `DSOMM target level ${s.targetLevel}: ${s.achieved} of ${s.total} activities achieved` };
    this.item.show();
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.item.dispose();
  }
}
