/** Postmortem and actions: Start Postmortem, Add Action Item. */
import * as vscode from 'vscode';
import { ACTION_CATEGORY_HELP, appendActionRow, defaultDueDate, dueDateProblem, renderPostmortem, vaguePhrase } from '../../../core/incident';
import { ACTION_CATEGORIES } from '../../../core/model/schemas';
import { isValidDate } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { ask, pick } from '../ui';
import { exists, WriteError } from '../writer';
import { argsOf, display, displayPostmortem, str, type CommandContext, type Handlers } from './shared';

async function startPostmortem(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { includeResolved: true, purpose: 'Start Postmortem' });
  const pmUri = vscode.Uri.joinPath(ctx.uriOf(inc.key), '..', 'postmortem.md');
  if (await exists(pmUri)) {
    if (args.open !== false) await vscode.window.showTextDocument(pmUri, { preview: false });
    void vscode.window.showInformationMessage(`${display(inc)} already has a postmortem; opened it.`);
    return pmUri.toString();
  }
  const doc = await ctx.parsedOf(inc);
  const authors = Array.isArray(args.authors)
    ? (args.authors as string[])
    : (await ask(`Start Postmortem: ${display(inc)}`, { value: inc.roles?.commander, prompt: 'Authors, comma-separated.' }))
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);
  await ctx.writer.create(pmUri, renderPostmortem(doc, { authors, now: Date.now() }), inc.restricted ? { private: true } : {});
  await ctx.write(inc, () => ({ fm: [{ path: 'postmortem', value: 'postmortem.md' }] }));
  if (args.open !== false) await vscode.window.showTextDocument(pmUri, { preview: false });
  return pmUri.toString();
}

async function addActionItem(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const pm = await ctx.resolvePostmortem(a);
  const pmName = displayPostmortem(pm, pm.incidentId ? ctx.service.index.byId(pm.incidentId) : undefined);
  const t = `Add Action Item: ${pmName}`;
  const action =
    str(args, 'action') ??
    (await ask(`${t} (1/5): action`, {
      prompt: 'A concrete engineering change, e.g. "Alert on checkout 5xx rate > 1% for 5 min".',
      validate: (v) => (vaguePhrase(v) ? `"${vaguePhrase(v)}" is not a change: name the check, alert, guardrail, test or setting, and the value that shows it works.` : undefined),
    }));
  const owner = str(args, 'owner') ?? (await ask(`${t} (2/5): owner`, { placeHolder: 'e.g. @maria or payments team' }));
  const due = str(args, 'due') ?? (await ask(`${t} (3/5): due date`, { value: defaultDueDate(Date.now()), prompt: 'YYYY-MM-DD', validate: (v) => dueDateProblem(v, Date.now()) }));
  if (!isValidDate(due)) throw new WriteError(`${due} is not a date (YYYY-MM-DD).`);
  const category = str(args, 'category') ?? (await pick(`${t} (4/5): category`, ACTION_CATEGORIES.map((c) => ({ label: c, description: ACTION_CATEGORY_HELP[c], c })))).c;
  if (!(ACTION_CATEGORIES as readonly string[]).includes(category)) throw new WriteError(`Category must be one of ${ACTION_CATEGORIES.join(', ')}.`);
  const verification =
    str(args, 'verification') ??
    (await ask(`${t} (5/5): verification signal`, {
      prompt: 'How will anyone see it is done? An observable signal, e.g. "alert fires in the staging game day".',
      validate: (v) => (vaguePhrase(v) ? 'Name an observable signal.' : undefined),
    }));
  if (!verification.trim()) throw new WriteError('A verification signal is required.');
  let id = '';
  await ctx.writer.edit(ctx.uriOf(pm.key), (text) => {
    const r = appendActionRow(text, { action, owner, due, category, verification, status: 'open' });
    id = r.id;
    return [r.edit];
  });
  if (args.notify !== false) void vscode.window.showInformationMessage(`Action ${id} added to ${pmName}.`);
  return id;
}

export function postmortemCommands(ctx: CommandContext): Handlers {
  return {
    [COMMANDS.startPostmortem]: (a) => startPostmortem(ctx, a),
    [COMMANDS.addActionItem]: (a) => addActionItem(ctx, a),
  };
}
