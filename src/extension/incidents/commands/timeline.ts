/** Log Timeline Entry: a kind, a text and a source (the selection in another file, with its commit). */
import * as vscode from 'vscode';
import { appendTimelineEntry, selectionSource, TIMELINE_KIND_HELP, timelineKindChoices, type Answers, type IndexedIncident } from '../../../core/incident';
import { TIMELINE_KINDS, type TimelineKind } from '../../../core/model/schemas';
import { formatTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { relativePath } from '../../convert';
import { runFlow, type Step } from '../wizard';
import { WriteError } from '../writer';
import { argsOf, display, gitApi, has, str, type CommandContext, type Handlers } from './shared';

/** The HEAD commit of the git repository holding `uri`, through the built-in git extension. */
async function gitCommit(uri: vscode.Uri): Promise<string | undefined> {
  try {
    return (await gitApi())?.getRepository(uri)?.state.HEAD?.commit;
  } catch {
    return undefined;
  }
}

const LAST_INCIDENT = 'sitrep.lastLoggedIncident';
const KIND_USES = 'sitrep.timelineKindUses';

/** The selection in another editor as the entry's source (file:lines @ commit). */
async function sourceFromSelection(): Promise<string | undefined> {
  const ed = vscode.window.activeTextEditor;
  if (!ed || ed.selection.isEmpty) return undefined;
  const s = ed.selection;
  return selectionSource(relativePath(ed.document.uri), { startLine: s.start.line, endLine: s.end.line, endCharacter: s.end.character }, await gitCommit(ed.document.uri));
}

/** Logging from a file that is not an incident document: the incident last logged to, when still active. */
function fromAnotherFile(ctx: CommandContext): boolean {
  const ed = vscode.window.activeTextEditor;
  if (!ed) return false;
  return ctx.service.index.get(ed.document.uri.toString()) === undefined;
}

async function pickIncident(ctx: CommandContext, a: unknown, other: boolean): Promise<IndexedIncident> {
  if (other && !targetGiven(a)) {
    const last = ctx.memory.get<string>(LAST_INCIDENT);
    const inc = last ? ctx.service.index.get(last) : undefined;
    if (inc?.kind === 'incident' && inc.status !== 'resolved') return inc;
  }
  return ctx.resolveIncident(a, { purpose: 'Log Timeline Entry' });
}

function targetGiven(a: unknown): boolean {
  return !!a && typeof a === 'object' && ('incident' in a || 'contextValue' in a || a instanceof vscode.Uri);
}

/**
 * Log Timeline Entry: the kind (the most used first), the text, and — when logging from another
 * file — one confirmation of the incident and the selection's source. Over 80 lines: the steps are
 * one list of data.
 */
async function logTimelineEntry(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const other = fromAnotherFile(ctx);
  let inc = await pickIncident(ctx, a, other);
  const source = has(args, 'source') ? str(args, 'source') : other ? await sourceFromSelection() : undefined;
  const uses = ctx.memory.get<Record<string, number>>(KIND_USES, {});
  const active = ctx.service.index.active().filter((i) => i.valid || i.id);
  const given: Answers = {};
  if (str(args, 'kind')) given.kind = str(args, 'kind')!;
  if (str(args, 'text') !== undefined) given.text = str(args, 'text')!;
  if (given.text !== undefined || !other) given.confirm = 'log';
  const steps: Step[] = [
    {
      kind: 'pick',
      key: 'kind',
      label: 'kind',
      title: 'Log Timeline Entry: kind',
      placeholder: `Entry for ${display(inc)}${source ? ` · source ${source}` : ''}`,
      items: () => timelineKindChoices(uses).map((k) => ({ label: k, description: TIMELINE_KIND_HELP[k], value: k })),
    },
    {
      kind: 'input',
      key: 'text',
      label: 'text',
      title: (x) => `Log Timeline Entry: ${x.kind}`,
      prompt: (x) => `What happened? (${TIMELINE_KIND_HELP[x.kind as TimelineKind] ?? ''})${source ? ` Source: ${source}` : ''}`,
    },
    {
      kind: 'pick',
      key: 'confirm',
      label: 'incident',
      title: `Log Timeline Entry: log to ${display(inc)}?`,
      placeholder: 'You are logging from another file: check the incident and the source',
      items: () => [
        { label: `$(check) Log to ${display(inc)}`, description: source ? `source: ${source}` : 'no source', value: 'log' },
        ...(source ? [{ label: '$(circle-slash) Log without the source', description: display(inc), value: 'nosource' }] : []),
        ...active.filter((i) => i.key !== inc.key).map((i) => ({ label: `$(arrow-swap) Log to ${display(i)} instead`, description: `${i.severity ?? 'SEV?'} · ${i.status ?? 'unknown'}`, value: `to:${i.key}` })),
      ],
    },
  ];
  const answers = await runFlow({ command: COMMANDS.logTimelineEntry, name: 'Log Timeline Entry', steps, given, persist: () => !inc.restricted, drafts: ctx.drafts });
  const kind = answers.kind as TimelineKind;
  if (!TIMELINE_KINDS.includes(kind)) throw new WriteError(`Unknown timeline kind ${kind}.`);
  if (answers.confirm.startsWith('to:')) {
    const chosen = ctx.service.index.get(answers.confirm.slice(3));
    if (chosen?.kind === 'incident') inc = chosen;
  }
  const time = formatTimestamp(typeof args.now === 'number' ? args.now : Date.now());
  const src = answers.confirm === 'nosource' ? undefined : source;
  await ctx.writer.edit(ctx.uriOf(inc.key), (t) => [appendTimelineEntry(t, { time, kind, text: answers.text, source: src || undefined })]);
  if (given.kind === undefined) await ctx.memory.update(KIND_USES, { ...uses, [kind]: (uses[kind] ?? 0) + 1 });
  await ctx.memory.update(LAST_INCIDENT, inc.key);
  return inc.key;
}

export function timelineCommands(ctx: CommandContext): Handlers {
  return { [COMMANDS.logTimelineEntry]: (a) => logTimelineEntry(ctx, a) };
}
