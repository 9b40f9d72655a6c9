// Renders the core's activity tree: dimensions → sub-dimensions → activities → evidence.
import * as vscode from 'vscode';
import { activityTooltipMarkdown, buildActivityTree, STATUS_TEXT, TreeNodeData } from '../core/view/activityTree';
import { ActivityStatus } from '../core/scan/result';
import { AssessmentService } from './assessmentService';
import { ModelService } from './modelService';
import { targetLevel } from './settings';

const STATUS_ICON: Record<ActivityStatus, [string, string]> = {
  detected: ['pass-filled', 'testing.iconPassed'],
  done: ['verified-filled', 'testing.iconPassed'],
  partial: ['circle-large-outline', 'list.warningForeground'],
  'in-progress': ['clock', 'list.warningForeground'],
  missing: ['error', 'testing.iconFailed'],
  unknown: ['question', 'descriptionForeground'],
  'not-applicable': ['circle-slash', 'disabledForeground'],
};

export class ActivityTreeProvider implements vscode.TreeDataProvider<TreeNodeData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNodeData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];

  constructor(
    private readonly models: ModelService,
    private readonly assessment: AssessmentService,
  ) {
    this.subscriptions = [
      models.onDidChange(() => this.refresh()),
      assessment.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.targetLevel') && this.filtered) this.refresh();
      }),
    ];
  }

  /** When set, only activities up to the target level are shown. */
  private filtered = false;

  setFiltered(on: boolean): void {
    this.filtered = on;
    void vscode.commands.executeCommand('setContext', 'dsomm.filteredByLevel', on);
    this.refresh();
  }

  get isFiltered(): boolean {
    return this.filtered;
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: TreeNodeData): Promise<TreeNodeData[]> {
    if (element) return element.type === 'evidence' ? [] : element.children;
    // The welcome view explains what to do when no folder is open.
    if (!vscode.workspace.workspaceFolders?.length) return [];
    const [model, result] = await Promise.all([this.models.get(), this.assessment.get()]);
    return buildActivityTree(model, result, this.filtered ? { maxLevel: targetLevel() } : {});
  }

  getTreeItem(node: TreeNodeData): vscode.TreeItem {
    if (node.type === 'evidence') {
      const e = node.evidence;
      const item = new vscode.TreeItem(e.text, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = `${e.loc.path}:${e.loc.line}`;
      item.iconPath = new vscode.ThemeIcon('file-code');
      item.contextValue = 'evidence';
      item.tooltip = `${e.loc.path}:${e.loc.line}${e.tool ? ` (${e.tool})` : ''}\n${e.text}`;
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (folder) {
        const pos = new vscode.Position(e.loc.line - 1, Math.max(0, e.loc.column - 1));
        item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.joinPath(folder.uri, ...e.loc.path.split('/')), { selection: new vscode.Range(pos, pos) }] };
      }
      item.accessibilityInformation = { label: `Evidence ${e.text} in ${e.loc.path} line ${e.loc.line}` };
      return item;
    }
    if (node.type === 'activity') {
      const a = node.activity;
      const status = node.result?.status;
      const item = new vscode.TreeItem(a.name, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = status ? `L${a.level} · ${STATUS_TEXT[status]}` : `L${a.level}`;
      item.tooltip = new vscode.MarkdownString(activityTooltipMarkdown(a, node.result));
      item.contextValue = `activity.${status ?? 'unassessed'}`;
      const [icon, color] = status ? STATUS_ICON[status] : ['circle-outline', 'descriptionForeground'];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.accessibilityInformation = { label: `${a.name}, level ${a.level}${status ? `, ${STATUS_TEXT[status]}` : ''}` };
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.type === 'dimension' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = `${node.achieved}/${node.total}`;
    item.contextValue = node.type;
    item.tooltip = `${node.label}: ${node.achieved} of ${node.total} activities detected, done or not applicable`;
    item.accessibilityInformation = { label: `${node.label}, ${node.achieved} of ${node.total} activities achieved` };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
