/** Roles and checkpoints: Assign / Hand Over Role, Checkpoint, Set Strategy Checkpoint. */
import {
  appendCheckpoint,
  appendTimelineEntry,
  checkpointPrefill,
  CHECKPOINT_LABELS,
  defaultStrategyCheckpoint,
  roleHandover,
  strategyCheckpointText,
  timestampProblem,
  type CheckpointInput,
  type FrontMatterChange,
  type IndexedIncident,
  type RoleKey,
  type TreeNode,
} from '../../../core/incident';
import { ROLE_KEYS, type TimelineKind } from '../../../core/model/schemas';
import { formatTimestamp, parseTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { ask, pick } from '../ui';
import { WriteError } from '../writer';
import { argsOf, display, str, type Args, type CommandContext, type Handlers } from './shared';

/** Shows the packet; Enter writes it, picking a field edits it. */
async function confirmPacket(title: string, packet: CheckpointInput): Promise<CheckpointInput> {
  const p = { ...packet };
  for (;;) {
    const items = [
      { label: 'Write checkpoint', description: 'with the values below', field: undefined as keyof CheckpointInput | undefined },
      ...CHECKPOINT_LABELS.map(([k, label]) => ({ label: `Edit ${label}`, description: p[k], field: k as keyof CheckpointInput })),
    ];
    const c = await pick(title, items, 'Check each field; pick one to edit it');
    if (!c.field) return p;
    const label = CHECKPOINT_LABELS.find(([k]) => k === c.field)?.[1] ?? c.field;
    p[c.field] = await ask(`${title}: ${label}`, { value: p[c.field] });
  }
}

async function writeCheckpoint(
  ctx: CommandContext,
  inc: IndexedIncident,
  args: Args,
  title: string,
  extra: { fm?: FrontMatterChange[]; entry: { kind: TimelineKind; text: string } },
): Promise<void> {
  const now = Date.now();
  const prefill = checkpointPrefill(await ctx.parsedOf(inc), now, title, inc.cadenceMinutes, inc.nextUpdateDue);
  const given = args.checkpoint && typeof args.checkpoint === 'object' ? (args.checkpoint as Partial<CheckpointInput>) : undefined;
  const packet = given ? { ...prefill, ...given } : await confirmPacket(`Checkpoint: ${title}`, prefill);
  await ctx.write(inc, (d) => ({
    fm: extra.fm,
    edits: [appendTimelineEntry(d, { time: packet.time, kind: extra.entry.kind, text: extra.entry.text }), appendCheckpoint(d, packet)],
  }));
}

async function assignRole(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Assign / Hand Over Role' });
  const roles = inc.roles ?? {};
  // From a role item in the Incidents view, that role.
  const fromNode = a && typeof a === 'object' && 'contextValue' in a ? /^role\.(\w+)$/.exec(String((a as TreeNode).contextValue))?.[1] : undefined;
  const role =
    ((str(args, 'role') ?? fromNode) as RoleKey | undefined) ??
    (await pick(`Hand Over Role: ${display(inc)}`, ROLE_KEYS.map((r) => ({ label: r, description: roles[r] ? `held by ${roles[r]}` : 'unassigned', role: r })), 'Which role changes hands?')).role;
  if (!ROLE_KEYS.includes(role)) throw new WriteError(`Unknown role ${role}.`);
  const from = roles[role];
  const to =
    str(args, 'person') ??
    (await ask(`Hand Over Role: new ${role}`, { placeHolder: 'e.g. @sam', prompt: from ? `Currently ${from}.` : 'Unassigned so far.', validate: (v) => (v === from ? `${from} already holds it.` : undefined) }));
  const handover = roleHandover(roles, role, to);
  await writeCheckpoint(ctx, inc, args, handover.title, { fm: handover.fm, entry: handover.entry });
  return inc.key;
}

async function checkpoint(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Checkpoint' });
  const title = str(args, 'title') ?? (await ask(`Checkpoint: ${display(inc)}`, { value: 'shift change', prompt: 'What is this checkpoint for?' }));
  await writeCheckpoint(ctx, inc, args, title, { entry: { kind: 'checkpoint', text: `Checkpoint: ${title}.` } });
  return inc.key;
}

async function setStrategyCheckpoint(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Set Strategy Checkpoint' });
  const now = Date.now();
  const at =
    str(args, 'at') ??
    (await ask(`Set Strategy Checkpoint: ${display(inc)}`, {
      value: formatTimestamp(defaultStrategyCheckpoint(now, inc.cadenceMinutes)),
      prompt: 'If impact is not mitigated by this time, Sitrep prompts you to change strategy.',
      validate: (v) => timestampProblem(v, Date.now(), true),
    }));
  const ms = parseTimestamp(at);
  if (ms === undefined) throw new WriteError(`${at} is not an ISO 8601 time.`);
  const iso = formatTimestamp(ms);
  await ctx.write(inc, (d) => ({
    fm: [{ path: 'strategy_checkpoint', value: iso }],
    edits: [appendTimelineEntry(d, { time: formatTimestamp(now), kind: 'decision', text: strategyCheckpointText(iso) })],
  }));
  return inc.key;
}

export function roleCommands(ctx: CommandContext): Handlers {
  return {
    [COMMANDS.assignRole]: (a) => assignRole(ctx, a),
    [COMMANDS.checkpoint]: (a) => checkpoint(ctx, a),
    [COMMANDS.setStrategyCheckpoint]: (a) => setStrategyCheckpoint(ctx, a),
  };
}
