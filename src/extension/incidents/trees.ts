/** The Incidents and Action items views: thin adapters over the core's tree content. */
import * as vscode from 'vscode';
import { COMMANDS } from '../commandIds';
import { actionChildren, incidentChildren, type TreeNode } from '../../core/incident';
import type { IndexService } from './indexing';
import { readSettings } from './settings';
import { displayZone } from './times';

function toItem(node: TreeNode): vscode.TreeItem {
  const state =
    node.collapsible === 'none' ? vscode.TreeItemCollapsibleState.None : node.collapsible === 'expanded' ? vscode.TreeItemCollapsibleState.Expanded : vscode.TreeItemCollapsibleState.Collapsed;
  const item = new vscode.TreeItem(node.label, state);
  item.id = node.id;
  item.description = node.description;
  item.tooltip = node.tooltip;
  item.contextValue = node.contextValue;
  if (node.icon) item.iconPath = new vscode.ThemeIcon(node.icon, node.color ? new vscode.ThemeColor(node.color) : undefined);
  if (node.docKey && (node.range || node.kind === 'incident' || node.kind === 'action-group')) {
    item.command = { command: COMMANDS.revealInDocument, title: 'Open', arguments: [node.docKey, node.range] };
  }
  return item;
}

abstract class Provider implements vscode.TreeDataProvider<TreeNode>, vscode.Disposable {
  private readonly emitter = new vscode.EventEmitter<TreeNode | undefined>();
  readonly onDidChangeTreeData = this.emitter.event;
  private readonly sub: vscode.Disposable;

  constructor(protected readonly service: IndexService) {
    this.sub = service.onDidChange(() => this.refresh());
  }

  refresh(): void {
    this.emitter.fire(undefined);
  }

  getTreeItem(node: TreeNode): vscode.TreeItem {
    return toItem(node);
  }

  abstract getChildren(node?: TreeNode): TreeNode[];

  dispose(): void {
    this.sub.dispose();
    this.emitter.dispose();
  }
}

class IncidentsProvider extends Provider {
  getChildren(node?: TreeNode): TreeNode[] {
    return incidentChildren(this.service.index, node, Date.now(), { warningMinutes: readSettings().warningMinutes, zone: displayZone() });
  }
}

class ActionItemsProvider extends Provider {
  getChildren(node?: TreeNode): TreeNode[] {
    return actionChildren(this.service.index, node, Date.now());
  }
}

export function registerTrees(context: vscode.ExtensionContext, service: IndexService): { incidents: IncidentsProvider; actions: ActionItemsProvider } {
  const incidents = new IncidentsProvider(service);
  const actions = new ActionItemsProvider(service);
  const incidentsView = vscode.window.createTreeView('sitrep.incidents', { treeDataProvider: incidents, showCollapseAll: true });
  const actionsView = vscode.window.createTreeView('sitrep.actionItems', { treeDataProvider: actions, showCollapseAll: true });
  const setContext = () => {
    const active = service.index.active().length;
    incidentsView.description = active ? `${active} active` : undefined;
    void vscode.commands.executeCommand('setContext', 'sitrep.hasActiveIncident', active > 0);
    void vscode.commands.executeCommand('setContext', 'sitrep.hasIncident', service.index.incidents().length > 0);
    void vscode.commands.executeCommand('setContext', 'sitrep.hasPostmortem', service.index.postmortems().length > 0);
  };
  // Relative times ("42 min since start") move on without any change to the documents.
  const timer = setInterval(() => incidents.refresh(), 30_000);
  context.subscriptions.push(
    incidents,
    actions,
    incidentsView,
    actionsView,
    service.onDidChange(setContext),
    { dispose: () => clearInterval(timer) },
  );
  setContext();
  return { incidents, actions };
}
