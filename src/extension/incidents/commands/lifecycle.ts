/** The incident's lifecycle: Change Severity, Mark Mitigated, Mark Monitoring, Mark Resolved. */
import * as vscode from 'vscode';
import {
  appendTimelineEntry,
  cadenceProblem,
  effectiveCadence,
  LIFECYCLE,
  needsCadenceConfirmation,
  parseRecoverySignal,
  recoverySignal,
  severityChange,
  statusTransition,
  type LifecycleTarget,
} from '../../../core/incident';
import { SEVERITY_DEFINITIONS } from '../../../core/config';
import { SEVERITIES, type Severity } from '../../../core/model/schemas';
import { formatTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { ask, pick } from '../ui';
import { WriteError } from '../writer';
import { argsOf, display, has, str, type Args, type CommandContext, type Handlers } from './shared';
import { postUpdate } from './updates';

async function changeSeverity(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Change Severity' });
  const to =
    (str(args, 'severity') as Severity | undefined) ??
    (
      await pick(
        `Change Severity: ${display(inc)} (now ${inc.severity ?? '?'})`,
        SEVERITIES.map((s) => ({ label: s, description: `${SEVERITY_DEFINITIONS[s].label}${s === inc.severity ? ' (current)' : ''}`, detail: SEVERITY_DEFINITIONS[s].description, sev: s })),
      )
    ).sev;
  if (!SEVERITIES.includes(to)) throw new WriteError(`Unknown severity ${to}.`);
  if (to === inc.severity) return inc.key;
  const reason = has(args, 'reason')
    ? (str(args, 'reason') ?? '')
    : await ask(`Change Severity: why ${inc.severity ?? '?'} → ${to}?`, { optional: true, prompt: 'What changed in impact or urgency?' });
  // The new severity's configured cadence (the incident's own cadence belonged to the old one).
  let cadence = effectiveCadence(to, undefined, ctx.service.config());
  if (typeof args.cadence === 'number') cadence = args.cadence;
  else if (needsCadenceConfirmation(to)) {
    cadence = Number(await ask(`Change Severity: ${to} status-update cadence (minutes)`, { value: String(cadence), validate: (s) => cadenceProblem(to, Number(s)) }));
  }
  const change = severityChange(inc, to, cadence, Date.now(), reason);
  await ctx.write(inc, (d) => ({ fm: change.fm, edits: [appendTimelineEntry(d, change.entry)] }));
  return inc.key;
}

async function markStatus(ctx: CommandContext, a: unknown, target: LifecycleTarget): Promise<string | undefined> {
  const args = argsOf(a);
  const { verb, notePrompt } = LIFECYCLE[target];
  const inc = await ctx.resolveIncident(a, { purpose: verb });
  const time = formatTimestamp(Date.now());
  const prev = parseRecoverySignal((await ctx.parsedOf(inc)).incident?.recovery_signal);
  const note = str(args, 'note') ?? (await ask(`${verb}: ${display(inc)}`, { prompt: notePrompt }));
  const user =
    str(args, 'userMetric') ??
    (await ask(`${verb}: recovery signal, user-visible metric`, { value: prev.user, prompt: 'Which user-visible metric confirms recovery? e.g. checkout success rate back to 99.9%' }));
  const internal =
    str(args, 'internalHealth') ??
    (await ask(`${verb}: recovery signal, internal health`, { value: prev.internal, prompt: 'Which internal health signal confirms it? e.g. error rate and queue depth at baseline' }));
  const { fm, entry } = statusTransition(target, inc, time, note, recoverySignal(user, internal));
  await ctx.write(inc, (d) => ({ fm, edits: [appendTimelineEntry(d, entry)] }));
  await offerUpdate(ctx, inc.key, target, note, args);
  if (target === 'resolved' && args.notify !== false) {
    void vscode.window.showInformationMessage(`${display(inc)} is resolved. Write the postmortem while the facts are fresh.`, 'Start Postmortem').then((p) => {
      if (p) void vscode.commands.executeCommand(COMMANDS.startPostmortem, { incident: inc.key });
    });
  }
  return inc.key;
}

/**
 * Right after resolving, mitigating or moving to monitoring, the update stakeholders need: the
 * all-clear, a final update with no next time (or an update saying what reduced the impact, or
 * what is being watched). Offered, prefilled. A call from code posts it when its argument object
 * holds `update` answers.
 */
async function offerUpdate(ctx: CommandContext, key: string, target: LifecycleTarget, note: string, args: Args): Promise<void> {
  const inc = ctx.service.index.get(key);
  if (!inc || inc.kind !== 'incident') return;
  const given = args.update && typeof args.update === 'object' ? (args.update as Args) : undefined;
  if (!given) {
    if (has(args, 'note')) return; // a call from code that asked for no update
    const resolved = target === 'resolved';
    const pickIt = await vscode.window.showQuickPick(
      [
        {
          label: resolved ? '$(megaphone) Post the all-clear now' : '$(megaphone) Post a status update now',
          description: resolved ? 'the final update: no next time' : target === 'mitigated' ? 'say what reduced the impact' : 'say what is being watched, and until when',
          post: true,
        },
        { label: 'Not now', description: resolved ? 'Copy or post it later from the Incidents view' : 'the next update stays due as it is', post: false },
      ],
      { title: `${LIFECYCLE[target].verb}: ${display(inc)}: tell stakeholders?`, ignoreFocusOut: true },
    );
    if (!pickIt?.post) return;
  }
  const prefill = target === 'mitigated' ? { mitigation: `Mitigated: ${note}` } : target === 'monitoring' ? { mitigation: `Monitoring: ${note}` } : undefined;
  await postUpdate(ctx, inc, { ...given }, { prefill });
}

export function lifecycleCommands(ctx: CommandContext): Handlers {
  return {
    [COMMANDS.changeSeverity]: (a) => changeSeverity(ctx, a),
    [COMMANDS.markMitigated]: (a) => markStatus(ctx, a, 'mitigated'),
    [COMMANDS.markMonitoring]: (a) => markStatus(ctx, a, 'monitoring'),
    [COMMANDS.markResolved]: (a) => markStatus(ctx, a, 'resolved'),
  };
}
