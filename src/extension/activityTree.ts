// Renders the core's activity tree (dimensions → sub-dimensions → activities).
import * as vscode from 'vscode';
import { activityTooltipMarkdown, buildActivityTree, TreeNodeData } from '../core/view/activityTree';
import { ModelService } from './modelService';

export class ActivityTreeProvider implements vscode.TreeDataProvider<TreeNodeData>, vscode.Disposable {
  private readonly changed = new vscode.EventEmitter<TreeNodeData | undefined>();
  readonly onDidChangeTreeData = this.changed.event;
  private readonly subscription: vscode.Disposable;

  constructor(private readonly models: ModelService) {
    this.subscription = models.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.changed.fire(undefined);
  }

  async getChildren(element?: TreeNodeData): Promise<TreeNodeData[]> {
    if (element) return element.type === 'activity' ? [] : element.children;
    // The welcome view explains what to do when no folder is open.
    if (!vscode.workspace.workspaceFolders?.length) return [];
    return buildActivityTree(await this.models.get());
  }

  getTreeItem(node: TreeNodeData): vscode.TreeItem {
    if (node.type === 'activity') {
      const a = node.activity;
      const item = new vscode.TreeItem(a.name, vscode.TreeItemCollapsibleState.None);
      item.id = node.id;
      item.description = `L${a.level}`;
      item.tooltip = new vscode.MarkdownString(activityTooltipMarkdown(a));
      item.contextValue = 'activity';
      item.iconPath = new vscode.ThemeIcon('circle-outline');
      item.accessibilityInformation = { label: `${a.name}, level ${a.level}` };
      return item;
    }
    const item = new vscode.TreeItem(node.label, node.type === 'dimension' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed);
    item.id = node.id;
    item.description = `${node.total}`;
    item.contextValue = node.type;
    item.tooltip = `${node.label}: ${node.total} activities`;
    item.accessibilityInformation = { label: `${node.label}, ${node.total} activities` };
    return item;
  }

  dispose(): void {
    this.subscription.dispose();
    this.changed.dispose();
  }
}
