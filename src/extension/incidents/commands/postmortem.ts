/** Postmortem and actions: Start Postmortem, Add Action Item. */
import * as vscode from 'vscode';
import { ACTION_CATEGORY_HELP, appendActionRow, defaultDueDate, readDueDate, renderPostmortem, vaguePhrase, type Answers } from '../../../core/incident';
import { ACTION_CATEGORIES } from '../../../core/model/schemas';
import { COMMANDS } from '../../commandIds';
import { ask } from '../ui';
import { runFlow, type Step } from '../wizard';
import { displayZone } from '../times';
import { WriteError } from '../writer';
import { exists } from '../../files';
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

function actionSteps(title: string, now: number): Step[] {
  const t = `Add Action Item: ${title}`;
  return [
    {
      kind: 'input',
      key: 'action',
      label: 'action',
      title: `${t}: action`,
      prompt: 'A concrete engineering change, e.g. "Alert on checkout 5xx rate > 1% for 5 min".',
      validate: (v) => (vaguePhrase(v) ? `"${vaguePhrase(v)}" is not a change: name the check, alert, guardrail, test or setting, and the value that shows it works.` : undefined),
    },
    { kind: 'input', key: 'owner', label: 'owner', title: `${t}: owner`, placeholder: 'e.g. @maria or payments team' },
    { kind: 'date', key: 'due', label: 'due date', title: `${t}: due date`, prompt: 'When is it due? 2026-12-15, 15 Dec, tomorrow, +10d, in 2 weeks, friday…', initial: defaultDueDate(now) },
    { kind: 'pick', key: 'category', label: 'category', title: `${t}: category`, items: () => ACTION_CATEGORIES.map((c) => ({ label: c, description: ACTION_CATEGORY_HELP[c], value: c })) },
    {
      kind: 'input',
      key: 'verification',
      label: 'verification',
      title: `${t}: verification signal`,
      prompt: 'How will anyone see it is done? An observable signal, e.g. "alert fires in the staging game day".',
      validate: (v) => (vaguePhrase(v) ? 'Name an observable signal.' : undefined),
    },
  ];
}

async function addActionItem(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const pm = await ctx.resolvePostmortem(a);
  const incident = pm.incidentId ? ctx.service.index.byId(pm.incidentId) : undefined;
  const pmName = displayPostmortem(pm, incident);
  const given: Answers = {};
  for (const k of ['action', 'owner', 'due', 'category', 'verification'] as const) if (str(args, k) !== undefined) given[k] = str(args, k)!;
  const answers = await runFlow({ command: COMMANDS.addActionItem, name: 'Add Action Item', incident: pm.key, steps: actionSteps(pmName, Date.now()), given, persist: () => !incident?.restricted, drafts: ctx.drafts });
  const { action, owner, category, verification } = answers;
  // Typed in the prompt it is a day already; from a caller it may be "tomorrow" or "+10d".
  const read = readDueDate(answers.due, { now: Date.now(), zone: displayZone() });
  if (!read.ok) throw new WriteError(read.problem);
  const due = read.date;
  if (!(ACTION_CATEGORIES as readonly string[]).includes(category)) throw new WriteError(`Category must be one of ${ACTION_CATEGORIES.join(', ')}.`);
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
