/** Declare Incident: title, severity, impact, roles, cadence and track, then the new document. */
import * as vscode from 'vscode';
import { cadenceProblem, effectiveCadence, generateIncidentId, needsCadenceConfirmation, renderIncident, soloRoles, type RolesInput } from '../../../core/incident';
import { SEVERITY_DEFINITIONS } from '../../../core/config';
import { SEVERITIES, type Severity } from '../../../core/model/schemas';
import { COMMANDS } from '../../commandIds';
import { restrictedTarget, warnIfInGit } from '../protectedTrack';
import { readSettings } from '../settings';
import { ask, pick } from '../ui';
import { exists, WriteError } from '../writer';
import { argsOf, str, type Args, type CommandContext, type Handlers } from './shared';

async function askSeverity(args: Args, ctx: CommandContext): Promise<Severity> {
  const given = str(args, 'severity') as Severity | undefined;
  if (given) return given;
  const config = ctx.service.config();
  const items = SEVERITIES.map((s) => ({
    label: s,
    description: SEVERITY_DEFINITIONS[s].label,
    detail: `${SEVERITY_DEFINITIONS[s].description} Status updates every ${effectiveCadence(s, undefined, config)} min${needsCadenceConfirmation(s) ? ' (you confirm the cadence)' : ' or less'}.`,
    sev: s,
  }));
  return (await pick('Declare Incident: severity', items, 'How wide and urgent is the impact?')).sev;
}

async function askRoles(args: Args, handle: string): Promise<RolesInput> {
  if (args.roles && typeof args.roles === 'object') return args.roles as RolesInput;
  if (typeof args.solo === 'string') return soloRoles(args.solo);
  const mode = await pick('Declare Incident: roles', [
    { label: 'Solo: I hold all roles', description: 'commander, operations, communications and scribe, recorded explicitly', solo: true },
    { label: 'Assign roles', description: 'name the commander, operations, communications and scribe', solo: false },
  ]);
  if (mode.solo) {
    const me = await ask('Declare Incident: your handle', { value: handle, placeHolder: 'e.g. @maria', prompt: 'You take every role; Sitrep records all four.' });
    return soloRoles(me);
  }
  const commander = await ask('Incident commander', { value: handle, prompt: 'Coordinates, decides, owns the cadence.' });
  const operations = await ask('Operations lead', { value: commander, prompt: 'Drives mitigation hands-on.' });
  const communications = await ask('Communications lead', { value: commander, prompt: 'Writes the status updates.' });
  const scribe = await ask('Scribe', { value: commander, prompt: 'Keeps the timeline.' });
  return { commander, operations, communications, scribe };
}

async function askCadence(args: Args, severity: Severity, ctx: CommandContext): Promise<number> {
  let cadence = effectiveCadence(severity, typeof args.cadence === 'number' ? args.cadence : undefined, ctx.service.config());
  if (needsCadenceConfirmation(severity) && typeof args.cadence !== 'number') {
    const v = await ask(`Declare Incident: ${severity} status-update cadence (minutes)`, {
      value: String(cadence),
      prompt: `Confirm how often stakeholders get an update at ${severity}.`,
      validate: (s) => cadenceProblem(severity, Number(s)),
    });
    cadence = Number(v);
  }
  const problem = cadenceProblem(severity, cadence);
  if (problem) throw new WriteError(problem);
  return cadence;
}

async function askRestricted(args: Args): Promise<boolean> {
  if (typeof args.restricted === 'boolean') return args.restricted;
  const choice = await pick(
    'Declare Incident: security, privacy or data exposure?',
    [
      { label: 'No', description: 'an operational incident, stored in the workspace', restricted: false },
      { label: 'Yes: protected track', description: 'restricted to need-to-know responders, stored outside the workspace', restricted: true },
    ],
    'Could confidentiality, integrity, identity, abuse or data exposure be involved?',
  );
  return choice.restricted;
}

async function declareIncident(ctx: CommandContext, a: unknown): Promise<string | undefined> {
  const args = argsOf(a);
  const settings = readSettings();
  const title = str(args, 'title') ?? (await ask('Declare Incident: title', { placeHolder: 'e.g. Checkout returns 5xx for EU users', prompt: 'A short, factual title.' }));
  const severity = await askSeverity(args, ctx);
  if (!SEVERITIES.includes(severity)) throw new WriteError(`Unknown severity ${severity}.`);
  const impact = str(args, 'impact') ?? (await ask('Declare Incident: impact', { prompt: 'Who is affected and how badly? (unknowns are fine: say so)', placeHolder: 'e.g. About 30% of EU checkouts fail with 5xx' }));
  const roles = await askRoles(args, settings.handle);
  const cadence = await askCadence(args, severity, ctx);
  const restricted = await askRestricted(args);

  const now = typeof args.now === 'number' ? args.now : Date.now();
  let base: vscode.Uri;
  // Private by default; a folder inside the workspace or a git tree only when the user confirms.
  if (restricted) base = await restrictedTarget(ctx.deps.context, ctx.service.config().restricted_storage, typeof args.confirmRestrictedLocation === 'boolean' ? args.confirmRestrictedLocation : undefined);
  else {
    const folder = vscode.workspace.workspaceFolders?.[0];
    if (!folder) throw new WriteError('Open a folder first: Sitrep keeps incidents in the workspace (restricted ones excepted).');
    base = vscode.Uri.joinPath(folder.uri, settings.incidentsFolder);
  }
  const taken = ctx.service.index.ids();
  for (let attempt = 0; attempt < 5; attempt++) {
    // A restricted incident's id (paths, status bar, messages) does not repeat its title.
    const id = generateIncidentId(restricted ? 'restricted' : title, { now, taken });
    const uri = vscode.Uri.joinPath(base, id, 'incident.md');
    if (await exists(uri)) {
      taken.add(id);
      continue;
    }
    const text = renderIncident({ id, title, severity, impactSummary: impact, roles, cadenceMinutes: cadence, now, restricted });
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
