/** Roles and checkpoints: Assign / Hand Over Role, Checkpoint, Set Strategy Checkpoint. */
import {
  appendCheckpoint,
  appendTimelineEntry,
  checkpointPrefill,
  clock,
  CHECKPOINT_LABELS,
  defaultStrategyCheckpoint,
  roleHandover,
  strategyCheckpointText,
  type CheckpointInput,
  type FrontMatterChange,
  type IndexedIncident,
  type Answers,
  type RoleKey,
  type TreeNode,
} from '../../../core/incident';
import { ROLE_KEYS, type TimelineKind } from '../../../core/model/schemas';
import { formatTimestamp, parseTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { displayZone } from '../times';
import { ask, Cancelled } from '../ui';
import { BACK, Dismissed, runFlow, showInput, showPick, type Back, type Step } from '../wizard';
import { WriteError } from '../writer';
import { argsOf, display, str, type CommandContext, type Handlers } from './shared';

/** Shows the packet; Enter writes it, picking a field edits it (Back from a field returns here). */
async function reviewPacket(title: string, packet: CheckpointInput, canGoBack: boolean): Promise<CheckpointInput | Back> {
  const p = { ...packet };
  for (;;) {
    const choice = await showPick(
      {
        kind: 'pick',
        key: 'packet',
        label: 'checkpoint packet',
        title,
        placeholder: 'Check each field; pick one to edit it',
        items: () => [
          { label: 'Write checkpoint', description: 'with the values below', value: '' },
          ...CHECKPOINT_LABELS.map(([k, label]) => ({ label: `Edit ${label}`, description: p[k], value: k as string })),
        ],
      },
      {},
      { step: 0, total: 0, canGoBack },
    );
    if (choice === BACK) return BACK;
    if (!choice) return p;
    const field = choice as keyof CheckpointInput;
    const label = CHECKPOINT_LABELS.find(([k]) => k === field)?.[1] ?? field;
    const v = await showInput({ kind: 'input', key: field, label, title: `${title}: ${label}` }, {}, { step: 0, total: 0, canGoBack: true }, p[field]);
    if (v !== BACK) p[field] = v;
  }
}

/** Dismissing a single prompt (not a multi-step one) just cancels. */
async function once<T>(f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    if (e instanceof Dismissed) throw new Cancelled();
    throw e;
  }
}

async function writeCheckpoint(ctx: CommandContext, inc: IndexedIncident, packet: CheckpointInput, extra: { fm?: FrontMatterChange[]; entry: { kind: TimelineKind; text: string } }): Promise<void> {
  await ctx.write(inc, (d) => ({
    fm: extra.fm,
    edits: [appendTimelineEntry(d, { time: packet.time, kind: extra.entry.kind, text: extra.entry.text }), appendCheckpoint(d, packet)],
  }));
}

async function prefillOf(ctx: CommandContext, inc: IndexedIncident, title: string): Promise<CheckpointInput> {
  return checkpointPrefill(await ctx.parsedOf(inc), Date.now(), title, inc.cadenceMinutes, inc.nextUpdateDue);
}

async function assignRole(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Assign / Hand Over Role' });
  const roles = inc.roles ?? {};
  // From a role item in the Incidents view, that role.
  const fromNode = a && typeof a === 'object' && 'contextValue' in a ? /^role\.(\w+)$/.exec(String((a as TreeNode).contextValue))?.[1] : undefined;
  const given: Answers = {};
  const role0 = str(args, 'role') ?? fromNode;
  if (role0) given.role = role0;
  if (str(args, 'person') !== undefined) given.person = str(args, 'person')!;
  const packetGiven = args.checkpoint && typeof args.checkpoint === 'object' ? (args.checkpoint as Partial<CheckpointInput>) : undefined;
  if (packetGiven) given.packet = '';
  const steps: Step[] = [
    {
      kind: 'pick',
      key: 'role',
      label: 'role',
      title: `Hand Over Role: ${display(inc)}`,
      placeholder: 'Which role changes hands?',
      items: () => ROLE_KEYS.map((r) => ({ label: r, description: roles[r] ? `held by ${roles[r]}` : 'unassigned', value: r })),
    },
    {
      kind: 'input',
      key: 'person',
      label: 'new holder',
      title: (x) => `Hand Over Role: new ${x.role}`,
      placeholder: 'e.g. @sam',
      prompt: (x) => (roles[x.role as RoleKey] ? `Currently ${roles[x.role as RoleKey]}.` : 'Unassigned so far.'),
      validate: (v, x) => (v === roles[x.role as RoleKey] ? `${v} already holds it.` : undefined),
    },
    {
      kind: 'custom',
      key: 'packet',
      label: 'checkpoint packet',
      title: 'Checkpoint',
      run: async (x, canGoBack) => {
        const h = roleHandover(roles, x.role as RoleKey, x.person);
        const r = await reviewPacket(`Checkpoint: ${h.title}`, await prefillOf(ctx, inc, h.title), canGoBack);
        return r === BACK ? BACK : JSON.stringify(r);
      },
    },
  ];
  const answers = await runFlow({ command: COMMANDS.assignRole, name: 'Hand Over Role', incident: inc.key, steps, given, persist: () => !inc.restricted, drafts: ctx.drafts });
  const role = answers.role as RoleKey;
  if (!ROLE_KEYS.includes(role)) throw new WriteError(`Unknown role ${role}.`);
  const handover = roleHandover(roles, role, answers.person);
  const packet: CheckpointInput = packetGiven ? { ...(await prefillOf(ctx, inc, handover.title)), ...packetGiven } : (JSON.parse(answers.packet) as CheckpointInput);
  await writeCheckpoint(ctx, inc, packet, { fm: handover.fm, entry: handover.entry });
  return inc.key;
}

async function checkpoint(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Checkpoint' });
  const title = str(args, 'title') ?? (await ask(`Checkpoint: ${display(inc)}`, { value: 'shift change', prompt: 'What is this checkpoint for?' }));
  const prefill = await prefillOf(ctx, inc, title);
  const given = args.checkpoint && typeof args.checkpoint === 'object' ? (args.checkpoint as Partial<CheckpointInput>) : undefined;
  const packet = given ? { ...prefill, ...given } : await once(() => reviewPacket(`Checkpoint: ${title}`, prefill, false));
  if (packet === BACK) return undefined;
  await writeCheckpoint(ctx, inc, packet, { entry: { kind: 'checkpoint', text: `Checkpoint: ${title}.` } });
  return inc.key;
}

async function setStrategyCheckpoint(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const inc = await ctx.resolveIncident(a, { purpose: 'Set Strategy Checkpoint' });
  const now = Date.now();
  const typed = async (): Promise<string> => {
    const v = await once(() =>
      showInput(
        {
          kind: 'time',
          key: 'at',
          label: 'checkpoint',
          title: `Set Strategy Checkpoint: ${display(inc)}`,
          prompt: 'If impact is not mitigated by then, Sitrep prompts you to change strategy. 15:45, +30m, in 20 min…',
          direction: 'future',
        },
        {},
        { step: 0, total: 0, canGoBack: false },
        clock(defaultStrategyCheckpoint(now, inc.cadenceMinutes), displayZone()),
      ),
    );
    if (v === BACK) throw new Cancelled();
    return v;
  };
  const at = str(args, 'at') ?? (await typed());
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
