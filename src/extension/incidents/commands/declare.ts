/**
 * Declare Incident: title, severity, impact, when impact started, how it was detected, roles,
 * cadence, the first update and the track; then the new document. One multi-step prompt with
 * Back; dismissed half-way, it is offered again as a draft.
 */
import * as vscode from 'vscode';
import {
  cadenceProblem,
  checkNextUpdate,
  clock,
  defaultNextUpdate,
  effectiveCadence,
  generateIncidentId,
  needsCadenceConfirmation,
  renderIncident,
  soloRoles,
  zonedTime,
  type Answers,
  type RolesInput,
} from '../../../core/incident';
import { SEVERITY_DEFINITIONS } from '../../../core/config';
import { SEVERITIES, type Severity } from '../../../core/model/schemas';
import { formatTimestamp, parseTimestamp } from '../../../core/time';
import { COMMANDS } from '../../commandIds';
import { restrictedTarget, warnIfInGit } from '../protectedTrack';
import { readSettings } from '../settings';
import { displayZone } from '../times';
import { Cancelled } from '../ui';
import { runFlow, type Step } from '../wizard';
import { WriteError } from '../writer';
import { exists } from '../../files';
import { argsOf, str, type Args, type CommandContext, type Handlers } from './shared';

const ROLE_STEPS: Array<[keyof RolesInput, string, string]> = [
  ['commander', 'Incident commander', 'Coordinates, decides, owns the cadence.'],
  ['operations', 'Operations lead', 'Drives mitigation hands-on.'],
  ['communications', 'Communications lead', 'Writes the status updates.'],
  ['scribe', 'Scribe', 'Keeps the timeline.'],
];

const DETECTION_SOURCES = ['alert', 'customer report', 'a responder noticed', 'another team reported'];

function cadenceOf(ctx: CommandContext, a: Answers): number {
  const sev = a.severity as Severity;
  return a.cadence ? Number(a.cadence) : effectiveCadence(sev, undefined, ctx.service.config());
}

/** Over 80 lines: the steps are one list of data, one entry per question. */
function declareSteps(ctx: CommandContext, handle: string): Step[] {
  const config = ctx.service.config();
  const assign = (a: Answers) => a.roles === 'assign';
  return [
    { kind: 'input', key: 'title', label: 'title', title: 'Declare Incident: title', placeholder: 'e.g. Checkout returns 5xx for EU users', prompt: 'A short, factual title.' },
    {
      kind: 'pick',
      key: 'severity',
      label: 'severity',
      title: 'Declare Incident: severity',
      placeholder: 'How wide and urgent is the impact?',
      items: () =>
        SEVERITIES.map((s) => ({
          label: s,
          description: SEVERITY_DEFINITIONS[s].label,
          detail: `${SEVERITY_DEFINITIONS[s].description} Status updates every ${effectiveCadence(s, undefined, config)} min${needsCadenceConfirmation(s) ? ' (you confirm the cadence)' : ' or less'}.`,
          value: s,
        })),
    },
    { kind: 'input', key: 'impact', label: 'impact', title: 'Declare Incident: impact', prompt: 'Who is affected and how badly? (unknowns are fine: say so)', placeholder: 'e.g. About 30% of EU checkouts fail with 5xx' },
    {
      kind: 'time',
      key: 'started',
      label: 'impact start',
      title: 'Declare Incident: when did impact start?',
      prompt: 'now, -15m, 20 min ago, 02:45, 02:45 UTC or a full timestamp',
      direction: 'past',
      initial: 'now',
    },
    {
      kind: 'pick',
      key: 'detectedBy',
      label: 'detection',
      title: 'Declare Incident: how was it detected?',
      placeholder: 'Pick one, or type how (e.g. "synthetic check on /pay")',
      other: 'detected this way',
      items: () => DETECTION_SOURCES.map((d) => ({ label: d[0].toUpperCase() + d.slice(1), value: d })),
    },
    {
      kind: 'pick',
      key: 'roles',
      label: 'roles',
      title: 'Declare Incident: roles',
      items: () => [
        { label: 'Solo: I hold all roles', description: 'commander, operations, communications and scribe, recorded explicitly', value: 'solo' },
        { label: 'Assign roles', description: 'name the commander, operations, communications and scribe', value: 'assign' },
      ],
    },
    {
      kind: 'input',
      key: 'handle',
      label: 'your handle',
      title: 'Declare Incident: your handle',
      placeholder: 'e.g. @maria',
      prompt: 'You take every role; Sitrep records all four.',
      initial: handle,
      when: (a) => a.roles === 'solo',
    },
    ...ROLE_STEPS.map(([key, label, prompt], n): Step => ({
      kind: 'input',
      key,
      label,
      title: `Declare Incident: ${label.toLowerCase()}`,
      prompt,
      initial: (a: Answers) => (n === 0 ? handle : a.commander),
      when: assign,
    })),
    {
      kind: 'input',
      key: 'cadence',
      label: 'cadence',
      title: (a) => `Declare Incident: ${a.severity} status-update cadence (minutes)`,
      prompt: (a) => `Confirm how often stakeholders get an update at ${a.severity}.`,
      initial: (a) => String(effectiveCadence(a.severity as Severity, undefined, config)),
      validate: (v, a) => cadenceProblem(a.severity as Severity, Number(v)),
      when: (a) => needsCadenceConfirmation(a.severity as Severity),
    },
    {
      kind: 'time',
      key: 'firstUpdate',
      label: 'first update',
      title: 'Declare Incident: first status update due',
      prompt: (a) => `Every ${cadenceOf(ctx, a)} min at ${a.severity}. 15:45, 15:45 UTC, +30m, in 20 min…`,
      direction: 'future',
      initial: (a) => clock(defaultNextUpdate(Date.now(), cadenceOf(ctx, a)), displayZone()),
    },
    {
      kind: 'pick',
      key: 'restricted',
      label: 'track',
      title: 'Declare Incident: security, privacy or data exposure?',
      placeholder: 'Could confidentiality, integrity, identity, abuse or data exposure be involved?',
      items: () => [
        { label: 'No', description: 'an operational incident, stored in the workspace', value: 'no' },
        { label: 'Yes: protected track', description: 'restricted to need-to-know responders, stored outside the workspace', value: 'yes' },
      ],
    },
  ];
}

/** Answers the argument object gives (a call from code); a scripted call takes the defaults for the rest. */
function givenAnswers(args: Args, now: number, cadence: (sev: Severity) => number): Answers {
  const g: Answers = {};
  for (const k of ['title', 'severity', 'impact', 'detectedBy'] as const) if (str(args, k) !== undefined) g[k] = str(args, k)!;
  if (typeof args.restricted === 'boolean') g.restricted = args.restricted ? 'yes' : 'no';
  if (typeof args.cadence === 'number') g.cadence = String(args.cadence);
  if (args.roles && typeof args.roles === 'object') {
    g.roles = 'assign';
    for (const [k] of ROLE_STEPS) g[k] = String((args.roles as Record<string, unknown>)[k] ?? '');
  } else if (typeof args.solo === 'string') {
    g.roles = 'solo';
    g.handle = args.solo;
  }
  const time = (k: string) => (typeof args[k] === 'number' ? formatTimestamp(args[k] as number) : str(args, k));
  if (time('started')) g.started = time('started')!;
  if (time('firstUpdate')) g.firstUpdate = time('firstUpdate')!;
  if (g.title !== undefined) {
    // Called from code with a title: what it leaves out takes the default, nothing is asked.
    g.started ??= formatTimestamp(now);
    g.detectedBy ??= '';
    if (g.severity && !needsCadenceConfirmation(g.severity as Severity)) g.cadence ??= String(cadence(g.severity as Severity));
    if (g.severity) g.firstUpdate ??= formatTimestamp(now + Number(g.cadence ?? cadence(g.severity as Severity)) * 60_000);
  }
  return g;
}

async function declareIncident(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const settings = readSettings();
  const now0 = typeof args.now === 'number' ? args.now : Date.now();
  const config = ctx.service.config();
  const given = givenAnswers(args, now0, (s) => effectiveCadence(s, undefined, config));
  const answers = await runFlow({
    command: COMMANDS.declareIncident,
    name: 'Declare Incident',
    steps: declareSteps(ctx, await ctx.handle()),
    given,
    persist: (x) => x.restricted !== 'yes',
    drafts: ctx.drafts,
  });
  const severity = answers.severity as Severity;
  if (!SEVERITIES.includes(severity)) throw new WriteError(`Unknown severity ${answers.severity}.`);
  const cadence = cadenceOf(ctx, answers);
  const problem = cadenceProblem(severity, cadence);
  if (problem) throw new WriteError(problem);
  const roles: RolesInput =
    answers.roles === 'solo' ? soloRoles(answers.handle) : { commander: answers.commander, operations: answers.operations, communications: answers.communications, scribe: answers.scribe };
  await ctx.rememberHandle(answers.roles === 'solo' ? answers.handle : answers.commander);
  const restricted = answers.restricted === 'yes';
  const now = typeof args.now === 'number' ? args.now : Date.now();
  const started = Math.min(parseTimestamp(answers.started) ?? now, now);
  let first = parseTimestamp(answers.firstUpdate) ?? defaultNextUpdate(now, cadence);
  const check = checkNextUpdate(first, now, cadence);
  if (!check.ok && check.reason === 'past') first = defaultNextUpdate(now, cadence);
  else if (!check.ok && check.reason === 'beyond-cadence' && args.confirmLate !== true) {
    const zone = displayZone();
    const ok = await vscode.window.showWarningMessage(
      `${check.message} The first update would be due by ${zonedTime(check.latest, now, zone)}. Promise ${zonedTime(first, now, zone)} anyway?`,
      { modal: true },
      'Use the later time',
    );
    if (!ok) throw new Cancelled();
  }

  let base: vscode.Uri;
  // Private by default; a folder inside the workspace or a git tree only when the user confirms.
  if (restricted) base = await restrictedTarget(ctx.deps.context, config.restricted_storage, typeof args.confirmRestrictedLocation === 'boolean' ? args.confirmRestrictedLocation : undefined);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new WriteError('Open a folder first: Sitrep keeps incidents in the workspace (restricted ones excepted).');
    base = vscode.Uri.joinPath(folder.uri, settings.incidentsFolder);
  }
  const taken = ctx.service.index.ids();
  for (let attempt = 0; attempt < 5; attempt++) {
    // A restricted incident's id (paths, status bar, messages) does not repeat its title.
    const id = generateIncidentId(restricted ? 'restricted' : answers.title, { now, taken });
    const uri = vscode.Uri.joinPath(base, id, 'incident.md');
    if (await exists(uri)) {
      taken.add(id);
      continue;
    }
    const text = renderIncident({
      id,
      title: answers.title,
      severity,
      impactSummary: answers.impact,
      roles,
      cadenceMinutes: cadence,
      now,
      started,
      detectedBy: answers.detectedBy || undefined,
      firstUpdate: first,
      restricted,
    });
    await ctx.writer.create(uri, text, restricted ? { private: true, privateRoot: base } : {});
    if (restricted) void warnIfInGit(uri);
    if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
    return uri.toString();
  }
  throw new WriteError('Could not find a free incident id.');
}

export function declareCommands(ctx: CommandContext): Handlers {
  return { [COMMANDS.declareIncident]: (a) => declareIncident(ctx, a) };
}
