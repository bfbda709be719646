/**
 * Post Status Update (known, unknown, impact, mitigation, next update — or, once resolved, the
 * final update with no next time), publishing to chat, and Copy Status Update as Message. The
 * update is written into the document first; publishing comes after and never loses it.
 */
import * as vscode from 'vscode';
import {
  allClearPrefill,
  appendStatusUpdate,
  appendTimelineEntry,
  chatMessage,
  checkNextUpdate,
  clock,
  defaultNextUpdate,
  latestStatusUpdate,
  messageIncident,
  messageText,
  statusUpdatePost,
  timeWithUtc,
  type Answers,
  type IndexedIncident,
  type StatusUpdateInput,
} from '../../../core/incident';
import type { ParsedDocument } from '../../../core/parser';
import { parseTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { publish, publishWithFeedback, WebhookStore, type PublishResult } from '../chat';
import { displayZone } from '../times';
import { Cancelled } from '../ui';
import { runFlow, type Step } from '../wizard';
import { openDocument, WriteError } from '../writer';
import { argsOf, display, str, type Args, type CommandContext, type Handlers } from './shared';

const LAST_WEBHOOK = 'sitrep.lastWebhook';

/** The resolution note the timeline recorded ("Resolved: <note>. Recovery signal: …"). */
function resolutionNote(doc: ParsedDocument): string {
  const e = [...doc.timeline].reverse().find((x) => x.kind === 'resolution');
  return (e ? /^Resolved: (.*?)\. Recovery signal:/.exec(e.text)?.[1] ?? e.text : '') || 'the incident is resolved';
}

/** Over 80 lines: the steps are one list of data, one entry per question. */
function updateSteps(inc: IndexedIncident, final: boolean, prefill: Partial<Answers>, hooks: Array<{ id: string; name: string }>, lastHook: string | undefined): Step[] {
  const t = `Post Status Update: ${display(inc)}${final ? ' — final update (all clear)' : ''}`;
  const cadence = inc.cadenceMinutes;
  return [
    { kind: 'input', key: 'known', label: 'known', title: `${t}: known`, prompt: 'What is known? Facts only.', initial: prefill.known },
    { kind: 'input', key: 'unknown', label: 'unknown', title: `${t}: unknown`, prompt: 'What is not known yet?', initial: prefill.unknown },
    { kind: 'input', key: 'impact', label: 'impact', title: `${t}: impact`, prompt: final ? 'What was the impact, and is anyone still affected?' : 'Who is affected and how badly, right now?', initial: prefill.impact },
    { kind: 'input', key: 'mitigation', label: 'mitigation', title: `${t}: mitigation`, prompt: final ? 'What ended the impact?' : 'What is being done to reduce impact?', initial: prefill.mitigation },
    {
      kind: 'time',
      key: 'next',
      label: 'next update',
      title: `${t}: next update`,
      prompt: `When is the next update due? Every ${cadence} min at ${inc.severity ?? 'this severity'}: 15:45, 15:45 UTC, +30m, in 20 min…`,
      direction: 'future',
      initial: () => clock(defaultNextUpdate(Date.now(), cadence), displayZone()),
      when: () => !final,
    },
    {
      kind: 'pick',
      key: 'publish',
      label: 'publish',
      title: `${t}: publish to chat?`,
      placeholder: 'The update is saved in the incident either way',
      items: () => {
        const items = [...hooks.map((h) => ({ label: `$(comment-discussion) Publish to ${h.name}`, value: h.id })), { label: '$(circle-slash) Save only, do not publish', value: '' }];
        // The choice made last time comes first.
        return items.sort((x, y) => Number(y.value === (lastHook ?? '')) - Number(x.value === (lastHook ?? '')));
      },
      when: () => hooks.length > 0,
    },
  ];
}

/** While the update stands, a notification says so; undoing it closes the notification. */
function confirmPosted(uri: vscode.Uri, heading: string, text: string): void {
  const key = uri.toString();
  void vscode.window.withProgress({ location: vscode.ProgressLocation.Notification, title: text }, (progress) => {
    progress.report({ increment: 100 });
    return new Promise<void>((resolve) => {
      const done = () => {
        clearTimeout(timer);
        sub.dispose();
        resolve();
      };
      const timer = setTimeout(done, 15_000);
      const sub = vscode.workspace.onDidChangeTextDocument((e) => {
        if (e.document.uri.toString() !== key || e.document.getText().includes(heading)) return;
        done();
        vscode.window.setStatusBarMessage('$(discard) Sitrep: the status update was undone; it is not posted.', 8000);
      });
    });
  });
}

interface PostOptions {
  /** Answers prefilled (the all-clear after resolving, the mitigation after mitigating). */
  prefill?: Partial<Answers>;
}

/**
 * Posts a status update for an incident: asks what the arguments leave open, writes it, confirms,
 * publishes. Over 80 lines: asking, writing, confirming and publishing happen in this order for
 * every caller (the command, the status bar, resolving and mitigating), and each needs the last.
 */
export async function postUpdate(ctx: CommandContext, inc: IndexedIncident, args: Args, opts: PostOptions = {}): Promise<{ key: string; published?: PublishResult }> {
  const doc = await ctx.parsedOf(inc);
  const latest = latestStatusUpdate(doc);
  const final = inc.status === 'resolved';
  const store = new WebhookStore(ctx.deps.context.secrets);
  const hooks = await store.eligible(inc.restricted);
  const prefill: Partial<Answers> = final
    ? { ...allClearPrefill(inc, resolutionNote(doc), latest), ...opts.prefill }
    : { known: latest?.known, unknown: latest?.unknown, impact: latest?.impact || inc.impactSummary, mitigation: latest?.mitigation, ...opts.prefill };
  const given: Answers = {};
  for (const k of ['known', 'unknown', 'impact', 'mitigation'] as const) if (str(args, k) !== undefined) given[k] = str(args, k)!;
  if (str(args, 'nextUpdate')) given.next = str(args, 'nextUpdate')!;
  if (given.known !== undefined) given.publish = hooks.find((h) => h.name === str(args, 'publish'))?.id ?? '';
  const answers = await runFlow({
    command: COMMANDS.postStatusUpdate,
    name: 'Post Status Update',
    incident: inc.key,
    steps: updateSteps(inc, final, prefill, hooks, ctx.memory.get<string>(LAST_WEBHOOK)),
    given,
    persist: () => !inc.restricted,
    drafts: ctx.drafts,
  });
  const now = typeof args.now === 'number' ? args.now : Date.now();
  const zone = displayZone();
  let next: number | undefined;
  if (!final) {
    next = parseTimestamp(answers.next);
    if (next === undefined) throw new WriteError(`${answers.next} is not an ISO 8601 time.`);
    const check = checkNextUpdate(next, now, inc.cadenceMinutes);
    if (!check.ok && check.reason === 'past') throw new WriteError(check.message);
    if (!check.ok && check.reason === 'beyond-cadence' && args.confirmLate !== true) {
      const ok = await vscode.window.showWarningMessage(
        `${check.message} The next update would be due by ${timeWithUtc(check.latest, now, zone)}. Promise ${timeWithUtc(next, now, zone)} anyway?`,
        { modal: true },
        'Use the later time',
      );
      if (!ok) throw new Cancelled();
    }
  }
  const post = statusUpdatePost(now, { known: answers.known, unknown: answers.unknown, impact: answers.impact, mitigation: answers.mitigation, next, final });
  await ctx.write(inc, (d) => ({ fm: post.fm, edits: [appendTimelineEntry(d, post.entry), appendStatusUpdate(d, post.update)] }));
  const message = chatMessage({ incident: messageIncident(inc), update: post.update, now, zone });
  const plain = messageText(message);
  if (args.copy === true) await vscode.env.clipboard.writeText(plain);
  const hook = hooks.find((h) => h.id === answers.publish);
  if (given.known === undefined) await ctx.memory.update(LAST_WEBHOOK, answers.publish ?? '');
  if (args.notify !== false) {
    const copy = `command:${COMMANDS.copyStatusUpdate}?${encodeURIComponent(JSON.stringify([{ incident: inc.key }]))}`;
    // Short enough that the toast shows the link without being expanded.
    const what = final ? 'Final update posted (all clear)' : `Status update posted · next ${timeWithUtc(next!, now, zone)}`;
    confirmPosted(ctx.uriOf(inc.key), `### ${post.update.time}`, `${what} · [Copy as message](${copy})`);
  }
  if (!hook) return { key: inc.key };
  await savedBeforePublishing(ctx.uriOf(inc.key));
  const timeout = typeof args.publishTimeoutMs === 'number' ? args.publishTimeoutMs : undefined;
  const published = args.notify === false ? await publish(hook, message, timeout) : await publishWithFeedback(hook, message, plain, timeout);
  return { key: inc.key, published };
}

async function postStatusUpdate(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const inc = await ctx.resolveIncident(a, { purpose: 'Post Status Update', resolvedIfNoneActive: true });
  return (await postUpdate(ctx, inc, argsOf(a))).key;
}

/** The latest update as a message; for a resolved incident without a final update, the all-clear is offered instead. */
async function copyStatusUpdate(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { includeResolved: true, purpose: 'Copy Status Update as Message' });
  const latest: StatusUpdateInput | undefined = latestStatusUpdate(await ctx.parsedOf(inc));
  if (!latest) {
    void vscode.window.showInformationMessage(`${display(inc)} has no status update yet.`, 'Post Status Update').then((p) => {
      if (p) void vscode.commands.executeCommand(COMMANDS.postStatusUpdate, { incident: inc.key });
    });
    return undefined;
  }
  if (inc.status === 'resolved' && !latest.final && args.stale !== true) {
    const p = await vscode.window.showInformationMessage(
      `${display(inc)} is resolved, but its latest status update is from before and promises a next one. Post the all-clear (the final update) instead?`,
      'Post the all-clear',
      'Copy the old update',
    );
    if (p === 'Post the all-clear') {
      await postUpdate(ctx, inc, {});
      return undefined;
    }
    if (p !== 'Copy the old update') return undefined;
  }
  const message = messageText(chatMessage({ incident: messageIncident(inc), update: latest, now: Date.now(), zone: displayZone() }));
  await vscode.env.clipboard.writeText(message);
  if (args.notify !== false) void vscode.window.showInformationMessage(inc.restricted ? 'Copied the latest status update (restricted details left out).' : 'Copied the latest status update.');
  return message;
}

/** Publish Latest Status Update: sends the latest update again (a retry, another channel). */
async function publishLatest(ctx: CommandContext, a: unknown): Promise<PublishResult | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { includeResolved: true, purpose: 'Publish Latest Status Update' });
  const latest = latestStatusUpdate(await ctx.parsedOf(inc));
  if (!latest) throw new WriteError(`${display(inc)} has no status update to publish yet.`);
  const store = new WebhookStore(ctx.deps.context.secrets);
  const all = await store.list();
  const hooks = all.filter((h) => !inc.restricted || h.restricted);
  const named = str(args, 'webhook');
  let hook = named ? all.find((h) => h.name === named) : hooks.length === 1 ? hooks[0] : undefined;
  if (!hook && !named) {
    if (!hooks.length) {
      const p = await vscode.window.showInformationMessage(
        inc.restricted ? 'No chat webhook is marked for restricted incidents.' : 'No chat webhook is set up yet.',
        'Set Up Chat Webhook',
      );
      if (p) void vscode.commands.executeCommand(COMMANDS.setUpChatWebhook);
      return undefined;
    }
    hook = (await vscode.window.showQuickPick(hooks.map((h) => ({ label: h.name, h })), { title: `Publish the latest status update of ${display(inc)}` }))?.h;
    if (!hook) return undefined;
  }
  if (!hook) throw new WriteError(`No chat webhook named ${named}.`);
  await savedBeforePublishing(ctx.uriOf(inc.key));
  const message = chatMessage({ incident: messageIncident(inc), update: latest, now: typeof args.now === 'number' ? args.now : Date.now(), zone: displayZone() });
  const timeout = typeof args.timeoutMs === 'number' ? args.timeoutMs : undefined;
  return args.notify === false ? publish(hook, message, timeout) : publishWithFeedback(hook, message, messageText(message), timeout);
}

/**
 * What goes to chat is in the file first. An update written into a buffer that held unsaved edits
 * is not saved by the write (the edits are the user's); publishing saves the buffer, edits and
 * update together, and does not publish if it cannot.
 */
async function savedBeforePublishing(uri: vscode.Uri): Promise<void> {
  const doc = openDocument(uri);
  if (!doc?.isDirty || (await doc.save())) return;
  throw new WriteError(`${vscode.workspace.asRelativePath(uri, false)} could not be saved, so the update was not published: save it, then run Publish Latest Status Update.`);
}

export function updateCommands(ctx: CommandContext): Handlers {
  return {
    [COMMANDS.postStatusUpdate]: (a) => postStatusUpdate(ctx, a),
    [COMMANDS.copyStatusUpdate]: (a) => copyStatusUpdate(ctx, a),
    [COMMANDS.publishStatusUpdate]: (a) => publishLatest(ctx, a),
  };
}
