// Renders the core's activity tree: (workspace folder →) dimension → sub-dimension → activity →
// evidence, or level → dimension → activity; with level and status filters.
import * as vscode from 'vscode';
import {
  activityAccessibilityLabel,
  activityContextValue,
  activityDescription,
  activityTooltipMarkdown,
  buildWorkspaceTree,
  groupAccessibilityLabel,
  STATUS_TEXT,
  TreeGrouping,
  TreeNodeData,
} from '../core/view/activityTree';
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
  'not-applicable': ['circle-slash', 'descriptionForeground'],
};

const GROUPING_KEY = 'dsomm.tree.groupBy';
const STATUS_FILTER_KEY = 'dsomm.tree.statusFilter';

export class ActivityTreeProvider implements vscode.TreeDataProvider<TreeNodeData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNodeData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private view: vscode.TreeView<TreeNodeData> | undefined;
  /** When set, only activities up to the target level are shown. */
  private filtered = false;
  private grouping: TreeGrouping;
  private statusFilter: ReadonlySet<ActivityStatus> | undefined;

  constructor(
    private readonly models: ModelService,
    private readonly assessment: AssessmentService,
    /** Where grouping and status filter are remembered (the workspace state). */
    private readonly memento?: vscode.Memento,
  ) {
    this.grouping = memento?.get<TreeGrouping>(GROUPING_KEY) === 'level' ? 'level' : 'dimension';
    const saved = memento?.get<string[]>(STATUS_FILTER_KEY);
    this.statusFilter = saved?.length ? new Set(saved.filter((s): s is ActivityStatus => s in STATUS_TEXT)) : undefined;
    this.subscriptions = [
      models.onDidChange(() => this.refresh()),
      assessment.onDidChange(() => this.refresh()),
      vscode.workspace.onDidChangeConfiguration((e) => {
        if (e.affectsConfiguration('dsomm.targetLevel') && this.filtered) this.changedOptions();
      }),
    ];
    this.updateContext();
  }

  /** The tree view showing this provider: gets a message describing active filters. */
  attach(view: vscode.TreeView<TreeNodeData>): void {
    this.view = view;
    this.updateContext();
  }

  setFiltered(on: boolean): void {
    this.filtered = on;
    this.changedOptions();
  }

  get isFiltered(): boolean {
    return this.filtered;
  }

  get groupBy(): TreeGrouping {
    return this.grouping;
  }

  setGrouping(grouping: TreeGrouping): void {
    this.grouping = grouping;
    void this.memento?.update(GROUPING_KEY, grouping);
    this.changedOptions();
  }

  get statuses(): ReadonlySet<ActivityStatus> | undefined {
    return this.statusFilter;
  }

  /** Shows only activities with these statuses; undefined or empty shows all. */
  setStatusFilter(statuses: Iterable<ActivityStatus> | undefined): void {
    const set = statuses ? new Set(statuses) : undefined;
    this.statusFilter = set?.size ? set : undefined;
    void this.memento?.update(STATUS_FILTER_KEY, this.statusFilter ? [...this.statusFilter] : undefined);
    this.changedOptions();
  }

  refresh(): void {
    this.updateMessage();
    this.changed.fire(undefined);
  }

  private changedOptions(): void {
    this.updateContext();
    this.refresh();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'dsomm.filteredByLevel', this.filtered);
    void vscode.commands.executeCommand('setContext', 'dsomm.filteredByStatus', !!this.statusFilter);
    void vscode.commands.executeCommand('setContext', 'dsomm.groupBy', this.grouping);
    this.updateMessage();
  }

  /** The line above the tree: a broken progress file, and the active filters. */
  private updateMessage(): void {
    if (!this.view) return;
    const lines = this.assessment.folders().flatMap((f) => (f.progressError ? [`⚠ ${f.progressError.replace(/^DSOMM: /, '')}`] : []));
    const parts = [];
    if (this.filtered) parts.push(`levels 1–${targetLevel()}`);
    if (this.statusFilter) parts.push([...this.statusFilter].map((s) => STATUS_TEXT[s]).join(', '));
    if (parts.length) lines.push(`Showing only ${parts.join('; ')}.`);
    this.view.message = lines.length ? lines.join('\n') : undefined;
  }

  async getChildren(element?: TreeNodeData): Promise<TreeNodeData[]> {
    if (element) return element.type === 'evidence' ? [] : element.children;
    // The welcome view explains what to do when no folder is open.
    const folders = this.assessment.folders();
    if (!folders.length) return [];
    const [model, results] = await Promise.all([this.models.get(), Promise.all(folders.map((f) => f.get()))]);
    return buildWorkspaceTree(
      folders.map((f, i) => ({ key: f.key, name: f.folder.name, model, result: results[i] })),
      { groupBy: this.grouping, ...(this.filtered ? { maxLevel: targetLevel() } : {}), ...(this.statusFilter ? { statuses: this.statusFilter } : {}) },
    );
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
      const folder = this.assessment.byKey(node.folder)?.folder;
      if (folder) {
        const pos = new vscode.Position(e.loc.line - 1, Math.max(0, e.loc.column - 1));
        item.command = { command: 'vscode.open', title: 'Open', arguments: [vscode.Uri.joinPath(folder.uri, ...e.loc.path.split('/')), { selection: new vscode.Range(pos, pos) }] };
      }
      item.accessibilityInformation = { label: `Evidence ${e.text} in ${e.loc.path} line ${e.loc.line}` };
      return item;
    }
    if (node.type === 'activity') {
      const status = node.result?.status;
      const item = new vscode.TreeItem(node.activity.name, node.children.length ? vscode.TreeItemCollapsibleState.Collapsed : vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = activityDescription(node);
      const tooltip = new vscode.MarkdownString(activityTooltipMarkdown(node.activity, node.result));
      tooltip.supportHtml = false;
      item.tooltip = tooltip;
      item.contextValue = activityContextValue(node);
      const [icon, color] = status ? STATUS_ICON[status] : ['circle-outline', 'descriptionForeground'];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.accessibilityInformation = { label: activityAccessibilityLabel(node) };
      return item;
    }
    const expanded = node.type === 'folder' || node.type === 'level' || (node.type === 'dimension' && this.grouping === 'dimension');
    const item = new vscode.TreeItem(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = `${node.achieved}/${node.total}`;
    item.contextValue = node.type;
    if (node.type === 'folder') item.iconPath = vscode.ThemeIcon.Folder;
    item.tooltip = `${node.label}: ${node.achieved} of ${node.total} activities detected, done or not applicable`;
    item.accessibilityInformation = { label: groupAccessibilityLabel(node) };
    return item;
  }

  dispose(): void {
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
