/**
 * The incident commands, one module per family (declare, timeline, updates, roles and
 * checkpoints, lifecycle, postmortem and actions). Each command asks only for what its argument
 * object does not give (so the integration suite can call them without UI), takes its decisions
 * from the core (src/core/incident/workflow.ts), and writes through the per-document queue.
 */
import * as vscode from 'vscode';
import { COMMANDS } from '../../commandIds';
import { toRange } from '../../convert';
import { Cancelled } from '../ui';
import { WriteError } from '../writer';
import { declareCommands } from './declare';
import { lifecycleCommands } from './lifecycle';
import { postmortemCommands } from './postmortem';
import { roleCommands } from './roles';
import { removeWebhook, setUpWebhook, WebhookStore } from '../chat';
import { showActiveIncident } from '../startup';
import { argsOf, CommandContext, type Args, type CommandDeps, type Handlers } from './shared';
import { timelineCommands } from './timeline';
import { updateCommands } from './updates';

export type { CommandDeps } from './shared';

async function reveal(key: unknown, range: unknown): Promise<void> {
  if (typeof key !== 'string') return;
  const r = range && typeof range === 'object' && 'line' in range ? toRange(range as Parameters<typeof toRange>[0]) : undefined;
  const ed = await vscode.window.showTextDocument(vscode.Uri.parse(key), { preview: true, selection: r });
  if (r) ed.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
}

async function openDocumentation(context: vscode.ExtensionContext): Promise<void> {
  const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'incidents.md');
  try {
    await vscode.commands.executeCommand('markdown.showPreview', uri);
  } catch {
    await vscode.window.showTextDocument(uri);
  }
}

/** A call from code (an argument object asking for it) sees a failure as an exception too. */
function wantsThrow(first: unknown): boolean {
  return !!first && typeof first === 'object' && !(first instanceof vscode.Uri) && !('contextValue' in first) && !!(first as Args).throwOnError;
}

export function registerCommands(deps: CommandDeps): void {
  const ctx = new CommandContext(deps);
  const handlers: Handlers = {
    ...declareCommands(ctx),
    ...timelineCommands(ctx),
    ...updateCommands(ctx),
    ...roleCommands(ctx),
    ...lifecycleCommands(ctx),
    ...postmortemCommands(ctx),
    [COMMANDS.setUpChatWebhook]: (a) => setUpWebhook(new WebhookStore(deps.context.secrets), argsOf(a)),
    [COMMANDS.removeChatWebhook]: (a) => removeWebhook(new WebhookStore(deps.context.secrets), argsOf(a)),
    [COMMANDS.showActiveIncident]: () => showActiveIncident(deps.service),
    [COMMANDS.openDocumentation]: () => openDocumentation(deps.context),
    [COMMANDS.revealInDocument]: (k, r) => reveal(k, r),
    [COMMANDS.refreshIncidents]: () => deps.service.rescan(),
  };
  for (const [id, fn] of Object.entries(handlers)) {
    if (!fn) continue;
    deps.context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...a: unknown[]) => {
        try {
          return await fn(...a);
        } catch (e) {
          if (e instanceof Cancelled) return undefined;
          // A failed save was already shown, with Retry.
          if (!(e instanceof WriteError && e.shown)) void vscode.window.showErrorMessage(`Sitrep: ${e instanceof Error ? e.message : String(e)}`);
          if (wantsThrow(a[0])) throw e;
          return undefined;
        }
      }),
    );
  }
}
