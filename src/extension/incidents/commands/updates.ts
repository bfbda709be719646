/** Post Status Update (known, unknown, impact, mitigation, next update) and Copy Status Update as Message. */
import * as vscode from 'vscode';
import {
  appendStatusUpdate,
  appendTimelineEntry,
  checkNextUpdate,
  defaultNextUpdate,
  latestStatusUpdate,
  messageIncident,
  statusUpdateMessage,
  timestampProblem,
} from '../../../core/incident';
import { formatTimestamp, parseTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { ask, Cancelled } from '../ui';
import { WriteError } from '../writer';
import { argsOf, display, str, type CommandContext, type Handlers } from './shared';

async function postStatusUpdate(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Post Status Update' });
  const latest = latestStatusUpdate(await ctx.parsedOf(inc));
  const now = typeof args.now === 'number' ? args.now : Date.now();
  const cadence = inc.cadenceMinutes;
  const t = `Post Status Update: ${display(inc)}`;
  const known = str(args, 'known') ?? (await ask(`${t} (1/5): known`, { prompt: 'What is known? Facts only.', value: latest?.known }));
  const unknown = str(args, 'unknown') ?? (await ask(`${t} (2/5): unknown`, { prompt: 'What is not known yet?', value: latest?.unknown }));
  const impact = str(args, 'impact') ?? (await ask(`${t} (3/5): impact`, { prompt: 'Who is affected and how badly, right now?', value: latest?.impact || inc.impactSummary }));
  const mitigation = str(args, 'mitigation') ?? (await ask(`${t} (4/5): mitigation`, { prompt: 'What is being done to reduce impact?', value: latest?.mitigation }));
  const nextIso =
    str(args, 'nextUpdate') ??
    (await ask(`${t} (5/5): next update`, {
      prompt: `When is the next update due? Every ${cadence} min at ${inc.severity ?? 'this severity'}.`,
      value: formatTimestamp(defaultNextUpdate(now, cadence)),
      validate: (v) => timestampProblem(v, Date.now(), true),
    }));
  const nextMs = parseTimestamp(nextIso);
  if (nextMs === undefined) throw new WriteError(`${nextIso} is not an ISO 8601 time.`);
  const check = checkNextUpdate(nextMs, now, cadence);
  if (!check.ok && check.reason === 'past') throw new WriteError(check.message);
  if (!check.ok && check.reason === 'beyond-cadence' && args.confirmLate !== true) {
    const ok = await vscode.window.showWarningMessage(
      `${check.message} The next update would be due by ${formatTimestamp(check.latest)}. Promise ${nextIso} anyway?`,
      { modal: true },
      'Use the later time',
    );
    if (!ok) throw new Cancelled();
  }
  const next = formatTimestamp(nextMs);
  const update = { time: formatTimestamp(now), known, unknown, impact, mitigation, nextUpdate: next };
  await ctx.write(inc, (d) => ({
    fm: [{ path: 'next_update_due', value: next }],
    edits: [appendTimelineEntry(d, { time: update.time, kind: 'status-update', text: `Status update posted; next update by ${next}.` }), appendStatusUpdate(d, update)],
  }));
  const message = statusUpdateMessage({ incident: messageIncident(inc), update });
  if (args.copy === true) await vscode.env.clipboard.writeText(message);
  else if (args.notify !== false) {
    void vscode.window.showInformationMessage(`Status update posted for ${display(inc)}. Next update due ${next}.`, 'Copy as message').then(async (p) => {
      if (p) {
        await vscode.env.clipboard.writeText(message);
        void vscode.window.showInformationMessage(inc.restricted ? 'Copied (restricted details left out).' : 'Copied the status update.');
      }
    });
  }
  return inc.key;
}

async function copyStatusUpdate(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const inc = await ctx.resolveIncident(a, { includeResolved: true, purpose: 'Copy Status Update as Message' });
  const latest = latestStatusUpdate(await ctx.parsedOf(inc));
  if (!latest) {
    void vscode.window.showInformationMessage(`${display(inc)} has no status update yet.`, 'Post Status Update').then((p) => {
      if (p) void vscode.commands.executeCommand(COMMANDS.postStatusUpdate, { incident: inc.key });
    });
    return undefined;
  }
  const message = statusUpdateMessage({ incident: messageIncident(inc), update: latest });
  await vscode.env.clipboard.writeText(message);
  void vscode.window.showInformationMessage(inc.restricted ? 'Copied the latest status update (restricted details left out).' : 'Copied the latest status update.');
  return message;
}

export function updateCommands(ctx: CommandContext): Handlers {
  return {
    [COMMANDS.postStatusUpdate]: (a) => postStatusUpdate(ctx, a),
    [COMMANDS.copyStatusUpdate]: (a) => copyStatusUpdate(ctx, a),
  };
}
