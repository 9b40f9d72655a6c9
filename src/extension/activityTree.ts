// Renders the core's activity tree: (workspace folder →) dimension → sub-dimension → activity →
// evidence, or level → dimension → activity; with level and status filters.
import * as vscode from 'vscode';
import {
  activityAccessibilityLabel,
  activityContextValue,
  activityRowDescription,
  activityTooltipMarkdown,
  buildWorkspaceTree,
  evidenceLabel,
  groupAccessibilityLabel,
  groupDescription,
  groupTooltip,
  isRemoteUnknown,
  levelBadge,
  STATUS_TEXT,
  TreeGrouping,
  TreeNodeData,
} from '../core/view/activityTree';
import { ActivityStatus } from '../core/scan/result';
import { AssessmentService } from './assessmentService';
import { ModelService } from './modelService';
import { targetLevel } from './settings';

// Each status its own shape, so rows read apart at a glance and in any colour theme: the files'
// "detected" is a check in a circle, the team's "done" a filled seal in another colour.
const STATUS_ICON: Record<ActivityStatus, [string, string]> = {
  detected: ['pass', 'testing.iconPassed'],
  done: ['verified-filled', 'charts.blue'],
  partial: ['pie-chart', 'list.warningForeground'],
  'in-progress': ['clock', 'list.warningForeground'],
  missing: ['error', 'testing.iconFailed'],
  unknown: ['question', 'descriptionForeground'],
  'not-applicable': ['circle-slash', 'descriptionForeground'],
};
/** An unknown that may run in a remote block or repository (not the team's call): a cloud, not a question mark. */
const REMOTE_ICON: [string, string] = ['cloud', 'descriptionForeground'];

const GROUPING_KEY = 'dsomm.tree.groupBy';
const STATUS_FILTER_KEY = 'dsomm.tree.statusFilter';
const HIDE_UNDECIDED_KEY = 'dsomm.tree.hideUndecided';
/** Activity rows carry a resource URI of this scheme only so that the level shows as the row's badge. */
const ACTIVITY_SCHEME = 'dsomm-activity';

/** Gives activity rows their level as a badge at the right edge, which the tree never cuts off. */
class LevelBadges implements vscode.FileDecorationProvider {
  provideFileDecoration(uri: vscode.Uri): vscode.FileDecoration | undefined {
    if (uri.scheme !== ACTIVITY_SCHEME) return undefined;
    const level = Number(new URLSearchParams(uri.query).get('level'));
    return Number.isInteger(level) && level > 0 ? new vscode.FileDecoration(levelBadge(level), `Level ${level}`) : undefined;
  }
}

/** The file and its folder ("workflows/ci.yml"): enough to tell files apart in a narrow side bar; the tooltip has the whole path. */
function shortPath(path: string): string {
  return path.split('/').slice(-2).join('/');
}

export class ActivityTreeProvider implements vscode.TreeDataProvider<TreeNodeData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNodeData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscriptions: vscode.Disposable[];
  private view: vscode.TreeView<TreeNodeData> | undefined;
  /** When set, only activities up to the target level are shown. */
  private filtered = false;
  private grouping: TreeGrouping;
  private statusFilter: ReadonlySet<ActivityStatus> | undefined;
  private hideUndecidedRows: boolean;
  /** Ids of the rows at the top of the tree (their counts say which levels they count). */
  private rootIds = new Set<string>();
  /** The top rows are workspace folders (multi-root): the rows below them start collapsed. */
  private folderRoots = false;
  /** The model's highest level: without the level filter, counts cover levels 1 to this. */
  private highestLevel = 5;

  constructor(
    private readonly models: ModelService,
    private readonly assessment: AssessmentService,
    /** Where grouping and status filter are remembered (the workspace state). */
    private readonly memento?: vscode.Memento,
  ) {
    this.grouping = memento?.get<TreeGrouping>(GROUPING_KEY) === 'level' ? 'level' : 'dimension';
    const saved = memento?.get<string[]>(STATUS_FILTER_KEY);
    this.statusFilter = saved?.length ? new Set(saved.filter((s): s is ActivityStatus => s in STATUS_TEXT)) : undefined;
    this.hideUndecidedRows = memento?.get<boolean>(HIDE_UNDECIDED_KEY) === true;
    this.subscriptions = [
      vscode.window.registerFileDecorationProvider(new LevelBadges()),
      models.onDidChange(() => this.refresh()),
      assessment.onDidChange(() => this.assessmentChanged()),
      assessment.onDidChangeIndexing(() => this.showIndexing()),
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

  get hidesUndecided(): boolean {
    return this.hideUndecidedRows;
  }

  /** Hides (or shows again) the rows that need the team's decision; the counts stay. */
  setHideUndecided(hide: boolean): void {
    this.hideUndecidedRows = hide;
    void this.memento?.update(HIDE_UNDECIDED_KEY, hide || undefined);
    this.changedOptions();
  }

  refresh(): void {
    this.updateMessage();
    this.refreshPending = true;
    this.changed.fire(undefined);
  }

  /**
   * A folder's result was published again (a write, a watcher event, a settings change): the tree
   * is rebuilt only when a row would read differently. Every rebuild makes VS Code forget which
   * element each shown row stands for until it has fetched the rows again, and a context-menu
   * command run in that window gets no row (it then asks for the activity instead). One mark used
   * to rebuild the tree up to four times: after the write, and again for the write of the team
   * setting (configuration event, and its .vscode/settings.json through the file watcher), with
   * nothing new to show.
   */
  private assessmentChanged(): void {
    const check = ++this.changeChecks;
    this.changeCheck = this.changeCheck.then(async () => {
      // A later change runs its own check, against the rows as they are by then.
      if (check !== this.changeChecks) return;
      // VS Code fetches the rows again after a rebuild: that fetch shows this result too.
      if (this.refreshPending) return this.updateMessage();
      if (this.shownRows === undefined) return this.refresh();
      try {
        const rows = this.rowsSignature(await this.roots());
        if (rows !== this.shownRows) this.refresh();
        else this.updateMessage();
      } catch {
        this.refresh();
      }
    });
  }

  /** Settles once the changes published so far have been checked and the tree told (tests). */
  whenChangesChecked(): Promise<void> {
    return this.changeCheck;
  }

  private changedOptions(): void {
    this.updateContext();
    this.refresh();
  }

  private updateContext(): void {
    void vscode.commands.executeCommand('setContext', 'dsomm.filteredByLevel', this.filtered);
    void vscode.commands.executeCommand('setContext', 'dsomm.filteredByStatus', !!this.statusFilter);
    void vscode.commands.executeCommand('setContext', 'dsomm.groupBy', this.grouping);
    void vscode.commands.executeCommand('setContext', 'dsomm.hidingUndecided', this.hideUndecidedRows);
    this.updateMessage();
  }

  /** Ends the view's progress bar once no folder is being indexed. */
  private indexingDone: (() => void) | undefined;

  /** While a folder is indexed: a progress bar on the view and "Indexing 28 files…" above the tree. */
  private showIndexing(): void {
    const busy = this.assessment.folders().some((f) => f.indexing);
    if (busy && !this.indexingDone) {
      void vscode.window.withProgress({ location: { viewId: 'dsomm.activities' } }, () => new Promise<void>((resolve) => (this.indexingDone = resolve)));
    } else if (!busy && this.indexingDone) {
      this.indexingDone();
      this.indexingDone = undefined;
    }
    this.updateMessage();
  }

  /** The line above the tree: indexing in progress, a broken progress file, and the active filters. */
  private updateMessage(): void {
    if (!this.view) return;
    const folders = this.assessment.folders();
    const lines = folders.flatMap((f) => (f.indexing ? [folders.length > 1 ? `${f.folder.name}: ${f.indexing}` : f.indexing] : []));
    lines.push(...folders.flatMap((f) => (f.progressError ? [`⚠ ${f.progressError.replace(/^DSOMM: /, '')}`] : [])));
    const parts = [];
    if (this.filtered) parts.push(`levels 1–${targetLevel()}`);
    if (this.statusFilter) parts.push([...this.statusFilter].map((s) => STATUS_TEXT[s]).join(', '));
    // A message hides the welcome view, which has the "Show All Statuses" link for an empty tree.
    if (parts.length && !this.empty) lines.push(`Showing only ${parts.join('; ')}.`);
    if (this.hideUndecidedRows && !this.empty) {
      lines.push(this.hiddenUndecided ? `${this.hiddenUndecided} ${this.hiddenUndecided === 1 ? 'activity needs' : 'activities need'} your decision (hidden).` : 'Rows that need your decision are hidden.');
    }
    this.view.message = lines.length ? lines.join('\n') : undefined;
  }

  async getChildren(element?: TreeNodeData): Promise<TreeNodeData[]> {
    if (element) return element.type === 'evidence' ? [] : element.children;
    this.refreshPending = false;
    const roots = await this.roots();
    this.shownRows = this.rowsSignature(roots);
    return roots;
  }

  /** The top rows for the current results and options (also sets what getTreeItem needs to know about them). */
  private async roots(): Promise<TreeNodeData[]> {
    // The welcome view explains what to do when no folder is open.
    const folders = this.assessment.folders();
    if (!folders.length) return [];
    const [model, results] = await Promise.all([this.models.get(), Promise.all(folders.map((f) => f.get()))]);
    const roots = buildWorkspaceTree(
      folders.map((f, i) => ({ key: f.key, name: f.folder.name, model, result: results[i] })),
      {
        groupBy: this.grouping,
        ...(this.filtered ? { maxLevel: targetLevel() } : {}),
        ...(this.statusFilter ? { statuses: this.statusFilter } : {}),
        hideUndecided: this.hideUndecidedRows,
      },
    );
    this.rootIds = new Set(roots.map((r) => r.id));
    this.folderRoots = roots.some((r) => r.type === 'folder');
    this.highestLevel = Math.max(1, ...model.dimensions.flatMap((d) => d.subdimensions.flatMap((s) => s.activities.map((a) => a.level))));
    const hidden = this.hideUndecidedRows ? roots.reduce((n, r) => n + r.undecided, 0) : 0;
    if (this.empty !== (roots.length === 0) || hidden !== this.hiddenUndecided) {
      this.empty = roots.length === 0;
      this.hiddenUndecided = hidden;
      this.updateMessage();
    }
    return roots;
  }

  /**
   * Every row of the tree as VS Code got it at the last root fetch (all levels, collapsed ones
   * too): what a published result is compared with before the tree is rebuilt.
   */
  private rowsSignature(roots: readonly TreeNodeData[]): string {
    const rows: unknown[] = [];
    const visit = (node: TreeNodeData, depth: number) => {
      const item = this.getTreeItem(node);
      const icon = item.iconPath instanceof vscode.ThemeIcon ? [item.iconPath.id, item.iconPath.color?.id] : undefined;
      const tooltip = item.tooltip instanceof vscode.MarkdownString ? item.tooltip.value : item.tooltip;
      const command = item.command ? [item.command.command, JSON.stringify(item.command.arguments)] : undefined;
      rows.push([depth, item.id, item.label, item.description, item.contextValue, item.collapsibleState, icon, tooltip, item.resourceUri?.toString(), item.accessibilityInformation?.label, command]);
      if (node.type !== 'evidence') for (const child of node.children) visit(child, depth + 1);
    };
    for (const root of roots) visit(root, 0);
    return JSON.stringify(rows);
  }

  /** The rows the tree showed at its last root fetch (undefined before the first). */
  private shownRows: string | undefined;
  /** The tree was told to rebuild and has not fetched its top rows since. */
  private refreshPending = false;
  /** Published results are checked one after the other; only the latest of a burst is checked. */
  private changeCheck: Promise<void> = Promise.resolve();
  private changeChecks = 0;

  /** The last root list was empty (the status filter left nothing): the welcome view explains it. */
  private empty = false;
  /** How many "needs your decision" rows the last root list hid. */
  private hiddenUndecided = 0;

  getTreeItem(node: TreeNodeData): vscode.TreeItem {
    if (node.type === 'evidence') {
      const e = node.evidence;
      const item = new vscode.TreeItem(evidenceLabel(e), vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = `${shortPath(e.loc.path)}:${e.loc.line}`;
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
      item.description = activityRowDescription(node);
      item.resourceUri = vscode.Uri.from({ scheme: ACTIVITY_SCHEME, path: `/${node.activity.uuid}`, query: `level=${node.activity.level}` });
      const tooltip = new vscode.MarkdownString(activityTooltipMarkdown(node.activity, node.result));
      tooltip.supportHtml = false;
      item.tooltip = tooltip;
      item.contextValue = activityContextValue(node);
      const [icon, color] = isRemoteUnknown(node.result) ? REMOTE_ICON : status ? STATUS_ICON[status] : ['circle-outline', 'descriptionForeground'];
      item.iconPath = new vscode.ThemeIcon(icon, new vscode.ThemeColor(color));
      item.accessibilityInformation = { label: activityAccessibilityLabel(node) };
      return item;
    }
    // Under folder nodes (multi-root) the rows start collapsed. VS Code (1.139) loads the children
    // of sibling rows in one batch, and a row whose turn in that batch comes after an earlier
    // sibling's expanded children were requested gets the children of another row: the second
    // folder showed the first folder's Culture sub-dimensions instead of its dimensions.
    const expanded = node.type === 'folder' || (!this.folderRoots && (node.type === 'level' || (node.type === 'dimension' && this.grouping === 'dimension')));
    const item = new vscode.TreeItem(node.label, expanded ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    const maxLevel = this.filtered ? targetLevel() : this.highestLevel;
    item.description = groupDescription(node, maxLevel, this.rootIds.has(node.id));
    // ".undecided": the group has activities to decide together (its context menu offers it).
    item.contextValue = node.undecided ? `${node.type}.undecided` : node.type;
    if (node.type === 'folder') item.iconPath = vscode.ThemeIcon.Folder;
    item.tooltip = groupTooltip(node, maxLevel);
    item.accessibilityInformation = { label: groupAccessibilityLabel(node, maxLevel) };
    return item;
  }

  dispose(): void {
    this.indexingDone?.();
    for (const s of this.subscriptions) s.dispose();
    this.changed.dispose();
  }
}
