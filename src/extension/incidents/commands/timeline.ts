/** Log Timeline Entry: a kind, a text and a source (the selection in another file, with its commit). */
import * as vscode from 'vscode';
import { appendTimelineEntry, selectionSnippet, selectionSource, TIMELINE_KIND_HELP, type IndexedIncident } from '../../../core/incident';
import { TIMELINE_KINDS, type TimelineKind } from '../../../core/model/schemas';
import { formatTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { relativePath } from '../../convert';
import { ask, pick } from '../ui';
import { WriteError } from '../writer';
import { argsOf, display, has, str, type Args, type CommandContext, type Handlers } from './shared';

/** The HEAD commit of the git repository holding `uri`, through the built-in git extension. */
async function gitCommit(uri: vscode.Uri): Promise<string | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): { getRepository(u: vscode.Uri): { state: { HEAD?: { commit?: string } } } | null } }>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await Promise.race([ext.activate(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500))]);
    if (!exports) return undefined;
    return exports.getAPI(1).getRepository(uri)?.state.HEAD?.commit;
  } catch {
    return undefined;
  }
}

/** The selection in another editor as an entry's source (file:lines @ commit) and default text. */
async function sourceFromSelection(inc: IndexedIncident): Promise<{ source?: string; selected?: string }> {
  const ed = vscode.window.activeTextEditor;
  if (!ed || ed.selection.isEmpty || ed.document.uri.toString() === inc.key) return {};
  const s = ed.selection;
  const source = selectionSource(relativePath(ed.document.uri), { startLine: s.start.line, endLine: s.end.line, endCharacter: s.end.character }, await gitCommit(ed.document.uri));
  return { source, selected: selectionSnippet(ed.document.getText(s)) };
}

async function askSource(args: Args, sel: { source?: string }): Promise<string | undefined> {
  if (has(args, 'source')) return str(args, 'source');
  if (!sel.source) return undefined;
  const ENTER = '\u0000';
  const choices = [
    { label: `Source: ${sel.source}`, description: 'the selection', value: sel.source as string | undefined },
    { label: 'No source', description: '', value: undefined as string | undefined },
    { label: 'Enter a source…', description: 'a link, file:line or commit', value: ENTER },
  ];
  const c = await pick('Log Timeline Entry: source', choices, 'What does this entry rest on?');
  return c.value === ENTER ? await ask('Source', { placeHolder: 'https://… or path/file.ts:42 or a commit', optional: true }) : c.value;
}

async function logTimelineEntry(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const time = formatTimestamp(typeof args.now === 'number' ? args.now : Date.now());
  const inc = await ctx.resolveIncident(a, { purpose: 'Log Timeline Entry' });
  const sel = has(args, 'source') ? {} : await sourceFromSelection(inc);
  const kind =
    (str(args, 'kind') as TimelineKind | undefined) ??
    (await pick('Log Timeline Entry: kind', TIMELINE_KINDS.map((k) => ({ label: k, description: TIMELINE_KIND_HELP[k], value: k })), `Entry for ${display(inc)}`)).value;
  if (!TIMELINE_KINDS.includes(kind)) throw new WriteError(`Unknown timeline kind ${kind}.`);
  const text = str(args, 'text') ?? (await ask(`Log Timeline Entry: ${kind}`, { value: sel.selected, prompt: `What happened? (${TIMELINE_KIND_HELP[kind]})` }));
  const source = await askSource(args, sel);
  await ctx.writer.edit(ctx.uriOf(inc.key), (t) => [appendTimelineEntry(t, { time, kind, text, source: source || undefined })]);
  return inc.key;
}

export function timelineCommands(ctx: CommandContext): Handlers {
  return { [COMMANDS.logTimelineEntry]: (a) => logTimelineEntry(ctx, a) };
}
