/**
 * Show Active Incident: the Sitrep view, the document of the active incident whose update is due
 * soonest, and the Problems panel. With `sitrep.showActiveIncidentOnStartup`, this is what a
 * workspace with an active incident opens to.
 */
import * as vscode from 'vscode';
import type { IndexService } from './indexing';

export async function showActiveIncident(service: IndexService, opts: { preserveFocus?: boolean } = {}): Promise<boolean> {
  await service.ready;
  const inc = service.index.dueSoonest() ?? service.index.active()[0];
  await vscode.commands.executeCommand('workbench.view.extension.sitrep');
  if (!inc) {
    if (!opts.preserveFocus) void vscode.window.showInformationMessage('There is no active incident.');
    return false;
  }
  await vscode.window.showTextDocument(vscode.Uri.parse(inc.key), { preview: false, preserveFocus: opts.preserveFocus });
  await vscode.commands.executeCommand('workbench.panel.markers.view.focus');
  if (!opts.preserveFocus) await vscode.commands.executeCommand('workbench.action.focusActiveEditorGroup');
  return true;
}

/** At activation, once the index is built: show the active incident when the setting asks for it. */
export function registerStartup(service: IndexService): void {
  if (!vscode.workspace.getConfiguration('sitrep').get<boolean>('showActiveIncidentOnStartup')) return;
  void service.ready.then(async () => {
    if (service.index.active().length === 0) return;
    await showActiveIncident(service, { preserveFocus: false });
  });
}
