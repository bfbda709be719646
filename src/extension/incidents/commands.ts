/**
 * The incident commands. Each asks only for what its argument object does not give (so the
 * integration suite can call them without UI), computes edits with the core builders, and writes
 * through the per-document queue.
 */
import * as vscode from 'vscode';
import {
  appendActionRow,
  appendCheckpoint,
  appendStatusUpdate,
  appendTimelineEntry,
  cadenceAfterSeverityChange,
  cadenceProblem,
  checkNextUpdate,
  checkpointPrefill,
  CHECKPOINT_LABELS,
  defaultNextUpdate,
  effectiveCadence,
  generateIncidentId,
  latestStatusUpdate,
  mergeEdits,
  needsCadenceConfirmation,
  renderIncident,
  renderPostmortem,
  setFrontMatter,
  soloRoles,
  statusUpdateMessage,
  type CheckpointInput,
  type FrontMatterChange,
  type IndexedIncident,
  type IndexedPostmortem,
  type RolesInput,
  type TextEdit,
  type TreeNode,
} from '../../core/incident';
import { SEVERITY_DEFINITIONS } from '../../core/config';
import { parseDocument, type ParsedDocument } from '../../core/parser';
import { ACTION_CATEGORIES, ROLE_KEYS, SEVERITIES, TIMELINE_KINDS, type Severity, type TimelineKind } from '../../core/model/schemas';
import { formatDate, formatTimestamp, isValidDate, parseDate, parseTimestamp } from '../../core/time';
import { relativePath, toRange } from '../convert';
import type { IndexService } from './indexing';
import { restrictedTarget, warnIfInGit } from './protectedTrack';
import { readSettings } from './settings';
import { ask, Cancelled, pick } from './ui';
import { DocumentWriter, exists, readText, WriteError } from './writer';

type Args = Record<string, unknown>;

export interface CommandDeps {
  context: vscode.ExtensionContext;
  service: IndexService;
  writer: DocumentWriter;
}

const KIND_HELP: Record<TimelineKind, string> = {
  detection: 'how and when the problem was noticed',
  triage: 'scoping and classification',
  fact: 'something observed and verified',
  hypothesis: 'a candidate explanation to test',
  decision: 'a choice made, and by whom',
  action: 'a command run or change made',
  mitigation: 'something that reduced user impact',
  communication: 'a message sent to users or stakeholders',
  'status-update': 'a status update posted',
  'role-change': 'someone took or handed over a role',
  'severity-change': 'severity raised or lowered',
  checkpoint: 'a checkpoint packet written',
  resolution: 'impact ended',
  recurrence: 'the problem came back',
};

const CATEGORY_HELP: Record<string, string> = {
  prevent: 'stops this class of incident from happening again',
  detect: 'notices it sooner',
  mitigate: 'limits impact or speeds recovery next time',
  learn: 'closes a knowledge, runbook or responsibility gap',
};

const VAGUE = /^(?:be (?:more )?careful|pay (?:more )?attention|monitor better|improve (?:the )?(?:tests|testing|monitoring)|double[- ]check|try harder|communicate better)\b/i;

function argsOf(a: unknown): Args {
  if (!a || typeof a !== 'object' || a instanceof vscode.Uri) return {};
  if ('contextValue' in a && 'kind' in a && 'id' in a) return {};
  return a as Args;
}

/** The document a command was invoked on: a tree node, a URI, or { incident | postmortem }. */
function targetOf(a: unknown, key: 'incident' | 'postmortem'): string | undefined {
  if (a instanceof vscode.Uri) return a.toString();
  if (a && typeof a === 'object') {
    if ('contextValue' in a && 'docKey' in a) return (a as TreeNode).docKey;
    const v = (a as Args)[key];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

function has(args: Args, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(args, key) && args[key] !== undefined;
}

function str(args: Args, key: string): string | undefined {
  const v = args[key];
  return typeof v === 'string' ? v : undefined;
}

function display(i: IndexedIncident): string {
  return i.restricted ? `${i.id ?? i.name} (restricted)` : i.title;
}

/** A postmortem's name for messages: a restricted incident's postmortem is named by the incident id, not its title. */
function displayPostmortem(p: IndexedPostmortem, incident: IndexedIncident | undefined): string {
  return incident?.restricted ? `${p.incidentId ?? 'restricted'} postmortem (restricted)` : p.title;
}

function isoValidator(future: boolean) {
  return (v: string) => {
    const ms = parseTimestamp(v);
    if (ms === undefined) return 'Enter an ISO 8601 time with date and zone, e.g. 2026-11-27T10:45:00Z.';
    if (future && ms <= Date.now()) return 'Enter a time in the future.';
    return undefined;
  };
}

export function registerCommands(deps: CommandDeps): void {
  const { context, service, writer } = deps;
  const index = () => service.index;
  const uriOf = (key: string) => vscode.Uri.parse(key);

  // ------------------------------------------------------------------------------------------
  // Resolving which incident or postmortem a command is about

  async function resolveIncident(a: unknown, opts: { includeResolved?: boolean; purpose: string }): Promise<IndexedIncident> {
    await service.ready;
    const target = targetOf(a, 'incident');
    if (target) {
      if (!index().get(target) && /^[a-z][\w+.-]*:/i.test(target) && !index().byId(target)) await service.refreshFromDisk(uriOf(target));
      const byKey = index().get(target);
      if (byKey?.kind === 'incident') return byKey;
      if (byKey?.kind === 'postmortem' && byKey.incidentId) {
        const inc = index().byId(byKey.incidentId);
        if (inc) return inc;
      }
      const byId = index().byId(target);
      if (byId) return byId;
      throw new WriteError(`No incident ${target} in the index.`);
    }
    const ed = vscode.window.activeTextEditor;
    if (ed) {
      const d = index().get(ed.document.uri.toString());
      if (d?.kind === 'incident' && (opts.includeResolved || d.status !== 'resolved')) return d;
      if (d?.kind === 'postmortem' && d.incidentId) {
        const inc = index().byId(d.incidentId);
        if (inc) return inc;
      }
    }
    const candidates = (opts.includeResolved ? index().incidents() : index().active()).filter((i) => i.valid || i.id);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length === 0) {
      const pickDeclare = await vscode.window.showInformationMessage(
        opts.includeResolved ? 'There is no incident in this workspace yet.' : 'There is no active incident.',
        'Declare Incident',
      );
      if (pickDeclare) await vscode.commands.executeCommand('sitrep.declareIncident');
      throw new Cancelled();
    }
    const chosen = await pick(
      opts.purpose,
      candidates
        .sort((x, y) => (x.status === 'resolved' ? 1 : 0) - (y.status === 'resolved' ? 1 : 0) || (x.severity ?? 'SEV9').localeCompare(y.severity ?? 'SEV9'))
        .map((i) => ({ label: display(i), description: `${i.severity ?? 'SEV?'} · ${i.status ?? 'unknown'}`, detail: i.path, incident: i })),
      'Which incident?',
    );
    return chosen.incident;
  }

  async function resolvePostmortem(a: unknown): Promise<IndexedPostmortem> {
    await service.ready;
    const target = targetOf(a, 'postmortem') ?? targetOf(a, 'incident');
    const fromDoc = (key: string | undefined): IndexedPostmortem | undefined => {
      if (!key) return undefined;
      const d = index().get(key);
      if (d?.kind === 'postmortem') return d;
      const inc = d?.kind === 'incident' ? d : index().byId(key);
      return inc ? index().postmortemOf(inc) : undefined;
    };
    if (target) {
      if (!index().get(target) && /^[a-z][\w+.-]*:/i.test(target)) await service.refreshFromDisk(uriOf(target));
      const p = fromDoc(target);
      if (p) return p;
      throw new WriteError(`No postmortem found for ${target}. Run "Sitrep: Start Postmortem" first.`);
    }
    const active = fromDoc(vscode.window.activeTextEditor?.document.uri.toString());
    if (active) return active;
    const all = index().postmortems();
    if (all.length === 1) return all[0];
    if (all.length === 0) {
      void vscode.window.showInformationMessage('There is no postmortem yet. Start one from a resolved incident with "Sitrep: Start Postmortem".');
      throw new Cancelled();
    }
    const chosen = await pick('Add action item', all.map((p) => ({ label: displayPostmortem(p, p.incidentId ? index().byId(p.incidentId) : undefined), description: p.incidentId, detail: p.path, pm: p })), 'Which postmortem?');
    return chosen.pm;
  }

  async function parsedOf(i: { key: string; path: string }): Promise<ParsedDocument> {
    return parseDocument(await readText(uriOf(i.key)), { relativePath: i.path });
  }

  /** Writes front-matter changes plus appended items in one edit of the document. */
  function write(i: { key: string }, build: (doc: ParsedDocument) => { fm?: FrontMatterChange[]; edits?: TextEdit[] }): Promise<string> {
    return writer.edit(uriOf(i.key), (text) => {
      const doc = parseDocument(text);
      const { fm, edits = [] } = build(doc);
      let all = [...edits];
      if (fm && fm.length) {
        const r = setFrontMatter(doc, fm);
        if (!r.ok) return r;
        all = [...r.edits, ...all];
      }
      return { ok: true, edits: mergeEdits(all) };
    });
  }

  // ------------------------------------------------------------------------------------------

  async function declareIncident(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const settings = readSettings();
    const config = service.config();
    const title = str(args, 'title') ?? (await ask('Declare Incident: title', { placeHolder: 'e.g. Checkout returns 5xx for EU users', prompt: 'A short, factual title.' }));
    const severity = (str(args, 'severity') as Severity | undefined) ??
      (
        await pick(
          'Declare Incident: severity',
          SEVERITIES.map((s) => ({
            label: s,
            description: SEVERITY_DEFINITIONS[s].label,
            detail: `${SEVERITY_DEFINITIONS[s].description} Status updates every ${effectiveCadence(s, undefined, config)} min${needsCadenceConfirmation(s) ? ' (you confirm the cadence)' : ' or less'}.`,
            sev: s,
          })),
          'How wide and urgent is the impact?',
        )
      ).sev;
    if (!SEVERITIES.includes(severity)) throw new WriteError(`Unknown severity ${severity}.`);
    const impact = str(args, 'impact') ?? (await ask('Declare Incident: impact', { prompt: 'Who is affected and how badly? (unknowns are fine: say so)', placeHolder: 'e.g. About 30% of EU checkouts fail with 5xx' }));
    let roles: RolesInput;
    if (args.roles && typeof args.roles === 'object') roles = args.roles as RolesInput;
    else if (typeof args.solo === 'string') roles = soloRoles(args.solo);
    else {
      const mode = await pick('Declare Incident: roles', [
        { label: 'Solo: I hold all roles', description: 'commander, operations, communications and scribe, recorded explicitly', solo: true },
        { label: 'Assign roles', description: 'name the commander, operations, communications and scribe', solo: false },
      ]);
      if (mode.solo) {
        const me = await ask('Declare Incident: your handle', { value: settings.handle, placeHolder: 'e.g. @maria', prompt: 'You take every role; Sitrep records all four.' });
        roles = soloRoles(me);
      } else {
        const commander = await ask('Incident commander', { value: settings.handle, prompt: 'Coordinates, decides, owns the cadence.' });
        const operations = await ask('Operations lead', { value: commander, prompt: 'Drives mitigation hands-on.' });
        const communications = await ask('Communications lead', { value: commander, prompt: 'Writes the status updates.' });
        const scribe = await ask('Scribe', { value: commander, prompt: 'Keeps the timeline.' });
        roles = { commander, operations, communications, scribe };
      }
    }
    let cadence = effectiveCadence(severity, typeof args.cadence === 'number' ? args.cadence : undefined, config);
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
    const restricted =
      typeof args.restricted === 'boolean'
        ? args.restricted
        : (
            await pick('Declare Incident: security, privacy or data exposure?', [
              { label: 'No', description: 'an operational incident, stored in the workspace', restricted: false },
              { label: 'Yes: protected track', description: 'restricted to need-to-know responders, stored outside the workspace', restricted: true },
            ], 'Could confidentiality, integrity, identity, abuse or data exposure be involved?')
          ).restricted;

    const now = typeof args.now === 'number' ? args.now : Date.now();
    let base: vscode.Uri;
    // Private by default; a folder inside the workspace or a git tree only when the user confirms.
    if (restricted) base = await restrictedTarget(context, service.config().restricted_storage, typeof args.confirmRestrictedLocation === 'boolean' ? args.confirmRestrictedLocation : undefined);
    else {
      const folder = vscode.workspace.workspaceFolders?.[0];
      if (!folder) throw new WriteError('Open a folder first: Sitrep keeps incidents in the workspace (restricted ones excepted).');
      base = vscode.Uri.joinPath(folder.uri, settings.incidentsFolder);
    }
    const taken = service.index.ids();
    for (let attempt = 0; attempt < 5; attempt++) {
      // A restricted incident's id (paths, status bar, messages) does not repeat its title.
      const id = generateIncidentId(restricted ? 'restricted' : title, { now, taken });
      const uri = vscode.Uri.joinPath(base, id, 'incident.md');
      if (await exists(uri)) {
        taken.add(id);
        continue;
      }
      const text = renderIncident({ id, title, severity, impactSummary: impact, roles, cadenceMinutes: cadence, now, restricted });
      await writer.create(uri, text, restricted ? { private: true, privateRoot: base } : {});
      if (restricted) void warnIfInGit(uri);
      if (args.open !== false) await vscode.window.showTextDocument(uri, { preview: false });
      return uri.toString();
    }
    throw new WriteError('Could not find a free incident id.');
  }

  async function sourceFromSelection(inc: IndexedIncident): Promise<{ source?: string; selected?: string }> {
    const ed = vscode.window.activeTextEditor;
    if (!ed || ed.selection.isEmpty || ed.document.uri.toString() === inc.key) return {};
    const s = ed.selection;
    const endLine = s.end.character === 0 && s.end.line > s.start.line ? s.end.line - 1 : s.end.line;
    const lines = endLine > s.start.line ? `${s.start.line + 1}-${endLine + 1}` : `${s.start.line + 1}`;
    let source = `${relativePath(ed.document.uri)}:${lines}`;
    const commit = await gitCommit(ed.document.uri);
    if (commit) source += ` @ ${commit.slice(0, 12)}`;
    const selected = ed.document.getText(s).replace(/\s+/g, ' ').trim();
    return { source, selected: selected.length <= 200 ? selected : undefined };
  }

  async function logTimelineEntry(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const time = formatTimestamp(typeof args.now === 'number' ? args.now : Date.now());
    const inc = await resolveIncident(a, { purpose: 'Log Timeline Entry' });
    const sel = has(args, 'source') ? {} : await sourceFromSelection(inc);
    const kind = (str(args, 'kind') as TimelineKind | undefined) ??
      (await pick('Log Timeline Entry: kind', TIMELINE_KINDS.map((k) => ({ label: k, description: KIND_HELP[k], value: k })), `Entry for ${display(inc)}`)).value;
    if (!TIMELINE_KINDS.includes(kind)) throw new WriteError(`Unknown timeline kind ${kind}.`);
    const text = str(args, 'text') ?? (await ask(`Log Timeline Entry: ${kind}`, { value: sel.selected, prompt: `What happened? (${KIND_HELP[kind]})` }));
    let source = str(args, 'source');
    if (!has(args, 'source')) {
      const choices = [
        ...(sel.source ? [{ label: `Source: ${sel.source}`, description: 'the selection', value: sel.source as string | undefined }] : []),
        { label: 'No source', description: '', value: undefined as string | undefined },
        { label: 'Enter a source…', description: 'a link, file:line or commit', value: '\u0000' },
      ];
      if (sel.source) {
        const c = await pick('Log Timeline Entry: source', choices, 'What does this entry rest on?');
        source = c.value === '\u0000' ? await ask('Source', { placeHolder: 'https://… or path/file.ts:42 or a commit', optional: true }) : c.value;
      }
    }
    await writer.edit(uriOf(inc.key), (t) => [appendTimelineEntry(t, { time, kind, text, source: source || undefined })]);
    return inc.key;
  }

  async function postStatusUpdate(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { purpose: 'Post Status Update' });
    const doc = await parsedOf(inc);
    const latest = latestStatusUpdate(doc);
    const now = typeof args.now === 'number' ? args.now : Date.now();
    const cadence = inc.cadenceMinutes;
    const t = `Post Status Update: ${display(inc)}`;
    const known = str(args, 'known') ?? (await ask(`${t} (1/5): known`, { prompt: 'What is known? Facts only.', value: latest?.known }));
    const unknown = str(args, 'unknown') ?? (await ask(`${t} (2/5): unknown`, { prompt: 'What is not known yet?', value: latest?.unknown }));
    const impact = str(args, 'impact') ?? (await ask(`${t} (3/5): impact`, { prompt: 'Who is affected and how badly, right now?', value: latest?.impact || inc.impactSummary }));
    const mitigation = str(args, 'mitigation') ?? (await ask(`${t} (4/5): mitigation`, { prompt: 'What is being done to reduce impact?', value: latest?.mitigation }));
    const defaultNext = formatTimestamp(defaultNextUpdate(now, cadence));
    const nextIso = str(args, 'nextUpdate') ?? (await ask(`${t} (5/5): next update`, { prompt: `When is the next update due? Every ${cadence} min at ${inc.severity ?? 'this severity'}.`, value: defaultNext, validate: isoValidator(true) }));
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
    await write(inc, (d) => ({
      fm: [{ path: 'next_update_due', value: next }],
      edits: [appendTimelineEntry(d, { time: update.time, kind: 'status-update', text: `Status update posted; next update by ${next}.` }), appendStatusUpdate(d, update)],
    }));
    const message = statusUpdateMessage({ incident: { id: inc.id ?? inc.name, title: inc.title, severity: inc.severity ?? 'SEV3', status: inc.status ?? 'investigating', restricted: inc.restricted }, update });
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

  async function copyStatusUpdate(a: unknown): Promise<string | undefined> {
    const inc = await resolveIncident(a, { includeResolved: true, purpose: 'Copy Status Update as Message' });
    const latest = latestStatusUpdate(await parsedOf(inc));
    if (!latest) {
      void vscode.window.showInformationMessage(`${display(inc)} has no status update yet.`, 'Post Status Update').then((p) => {
        if (p) void vscode.commands.executeCommand('sitrep.postStatusUpdate', { incident: inc.key });
      });
      return undefined;
    }
    const message = statusUpdateMessage({ incident: { id: inc.id ?? inc.name, title: inc.title, severity: inc.severity ?? 'SEV3', status: inc.status ?? 'investigating', restricted: inc.restricted }, update: latest });
    await vscode.env.clipboard.writeText(message);
    void vscode.window.showInformationMessage(inc.restricted ? 'Copied the latest status update (restricted details left out).' : 'Copied the latest status update.');
    return message;
  }

  async function changeSeverity(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { purpose: 'Change Severity' });
    const config = service.config();
    const to = (str(args, 'severity') as Severity | undefined) ??
      (
        await pick(
          `Change Severity: ${display(inc)} (now ${inc.severity ?? '?'})`,
          SEVERITIES.map((s) => ({ label: s, description: `${SEVERITY_DEFINITIONS[s].label}${s === inc.severity ? ' (current)' : ''}`, detail: SEVERITY_DEFINITIONS[s].description, sev: s })),
        )
      ).sev;
    if (!SEVERITIES.includes(to)) throw new WriteError(`Unknown severity ${to}.`);
    if (to === inc.severity) return inc.key;
    const reason = has(args, 'reason') ? str(args, 'reason') ?? '' : await ask(`Change Severity: why ${inc.severity ?? '?'} → ${to}?`, { optional: true, prompt: 'What changed in impact or urgency?' });
    let cadence = cadenceAfterSeverityChange(to, config);
    if (needsCadenceConfirmation(to) && typeof args.cadence !== 'number') {
      cadence = Number(await ask(`Change Severity: ${to} status-update cadence (minutes)`, { value: String(cadence), validate: (s) => cadenceProblem(to, Number(s)) }));
    } else if (typeof args.cadence === 'number') cadence = args.cadence;
    const now = Date.now();
    const due = Math.min(inc.nextUpdateDue ?? Infinity, defaultNextUpdate(now, cadence));
    const time = formatTimestamp(now);
    await write(inc, (d) => ({
      fm: [
        { path: 'severity', value: to },
        { path: 'update_cadence_minutes', value: cadence },
        { path: 'next_update_due', value: formatTimestamp(due) },
      ],
      edits: [appendTimelineEntry(d, { time, kind: 'severity-change', text: `Severity ${inc.severity ?? '?'} → ${to}${reason ? `: ${reason}` : ''}. Status updates every ${cadence} min; next by ${formatTimestamp(due)}.` })],
    }));
    return inc.key;
  }

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

  async function writeCheckpoint(inc: IndexedIncident, args: Args, title: string, extra: { fm?: FrontMatterChange[]; entry: { kind: TimelineKind; text: string } }): Promise<void> {
    const now = Date.now();
    const doc = await parsedOf(inc);
    const prefill = checkpointPrefill(doc, now, title, inc.cadenceMinutes, inc.nextUpdateDue);
    const given = args.checkpoint && typeof args.checkpoint === 'object' ? (args.checkpoint as Partial<CheckpointInput>) : undefined;
    const packet = given ? { ...prefill, ...given } : await confirmPacket(`Checkpoint: ${title}`, prefill);
    await write(inc, (d) => ({
      fm: extra.fm,
      edits: [appendTimelineEntry(d, { time: packet.time, kind: extra.entry.kind, text: extra.entry.text }), appendCheckpoint(d, packet)],
    }));
  }

  async function assignRole(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { purpose: 'Assign / Hand Over Role' });
    const roles = inc.roles ?? {};
    // From a role item in the Incidents view, that role.
    const fromNode = a && typeof a === 'object' && 'contextValue' in a ? /^role\.(\w+)$/.exec(String((a as TreeNode).contextValue))?.[1] : undefined;
    const role = ((str(args, 'role') ?? fromNode) as (typeof ROLE_KEYS)[number] | undefined) ??
      (await pick(`Hand Over Role: ${display(inc)}`, ROLE_KEYS.map((r) => ({ label: r, description: roles[r] ? `held by ${roles[r]}` : 'unassigned', role: r })), 'Which role changes hands?')).role;
    if (!ROLE_KEYS.includes(role)) throw new WriteError(`Unknown role ${role}.`);
    const from = roles[role];
    const to = str(args, 'person') ?? (await ask(`Hand Over Role: new ${role}`, { placeHolder: 'e.g. @sam', prompt: from ? `Currently ${from}.` : 'Unassigned so far.', validate: (v) => (v === from ? `${from} already holds it.` : undefined) }));
    const title = `handover: ${role} ${from ?? 'unassigned'} → ${to}`;
    const fm: FrontMatterChange[] = [{ path: `roles.${role}`, value: to }];
    if (roles.solo) fm.push({ path: 'roles.solo', value: false });
    await writeCheckpoint(inc, args, title, { fm, entry: { kind: 'role-change', text: `${role}: ${from ?? 'unassigned'} → ${to}; checkpoint packet written.` } });
    return inc.key;
  }

  async function checkpoint(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { purpose: 'Checkpoint' });
    const title = str(args, 'title') ?? (await ask(`Checkpoint: ${display(inc)}`, { value: 'shift change', prompt: 'What is this checkpoint for?' }));
    await writeCheckpoint(inc, args, title, { entry: { kind: 'checkpoint', text: `Checkpoint: ${title}.` } });
    return inc.key;
  }

  async function setStrategyCheckpoint(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { purpose: 'Set Strategy Checkpoint' });
    const now = Date.now();
    const def = formatTimestamp(defaultNextUpdate(now, Math.min(30, inc.cadenceMinutes)));
    const at = str(args, 'at') ?? (await ask(`Set Strategy Checkpoint: ${display(inc)}`, { value: def, prompt: 'If impact is not mitigated by this time, Sitrep prompts you to change strategy.', validate: isoValidator(true) }));
    const ms = parseTimestamp(at);
    if (ms === undefined) throw new WriteError(`${at} is not an ISO 8601 time.`);
    const iso = formatTimestamp(ms);
    await write(inc, (d) => ({
      fm: [{ path: 'strategy_checkpoint', value: iso }],
      edits: [appendTimelineEntry(d, { time: formatTimestamp(now), kind: 'decision', text: `Strategy checkpoint: if not mitigated by ${iso}, change strategy (escalate, widen the mitigation, or take it to the decision maker).` })],
    }));
    return inc.key;
  }

  async function markStatus(a: unknown, target: 'mitigated' | 'monitoring' | 'resolved'): Promise<string | undefined> {
    const args = argsOf(a);
    const verb = target === 'mitigated' ? 'Mark Mitigated' : target === 'monitoring' ? 'Mark Monitoring' : 'Mark Resolved';
    const inc = await resolveIncident(a, { purpose: verb });
    const now = Date.now();
    const time = formatTimestamp(now);
    const prev = (await parsedOf(inc)).incident?.recovery_signal ?? '';
    const prevUser = /user-visible:\s*([^;]*)/.exec(prev)?.[1]?.trim();
    const prevInternal = /internal health:([\s\S]*)$/.exec(prev)?.[1]?.trim();
    const note = str(args, 'note') ?? (await ask(`${verb}: ${display(inc)}`, {
      prompt: target === 'mitigated' ? 'What reduced the impact?' : target === 'monitoring' ? 'What are you watching before calling it resolved?' : 'What ended the impact?',
    }));
    const user = str(args, 'userMetric') ?? (await ask(`${verb}: recovery signal, user-visible metric`, { value: prevUser, prompt: 'Which user-visible metric confirms recovery? e.g. checkout success rate back to 99.9%' }));
    const internal = str(args, 'internalHealth') ?? (await ask(`${verb}: recovery signal, internal health`, { value: prevInternal, prompt: 'Which internal health signal confirms it? e.g. error rate and queue depth at baseline' }));
    const signal = `user-visible: ${user}; internal health: ${internal}`;
    const fm: FrontMatterChange[] = [
      { path: 'status', value: target },
      { path: 'recovery_signal', value: signal },
    ];
    if (target === 'mitigated' || (target !== 'monitoring' && inc.mitigated === undefined)) fm.push({ path: 'mitigated', value: time });
    if (target === 'monitoring' && inc.mitigated === undefined) fm.push({ path: 'mitigated', value: time });
    if (target === 'resolved') fm.push({ path: 'resolved', value: time });
    const kind: TimelineKind = target === 'mitigated' ? 'mitigation' : target === 'resolved' ? 'resolution' : 'action';
    const label = target === 'mitigated' ? 'Mitigated' : target === 'resolved' ? 'Resolved' : 'Monitoring';
    await write(inc, (d) => ({ fm, edits: [appendTimelineEntry(d, { time, kind, text: `${label}: ${note}. Recovery signal: ${signal}.` })] }));
    if (target === 'resolved' && args.notify !== false) {
      void vscode.window.showInformationMessage(`${display(inc)} is resolved. Write the postmortem while the facts are fresh.`, 'Start Postmortem').then((p) => {
        if (p) void vscode.commands.executeCommand('sitrep.startPostmortem', { incident: inc.key });
      });
    }
    return inc.key;
  }

  async function startPostmortem(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const inc = await resolveIncident(a, { includeResolved: true, purpose: 'Start Postmortem' });
    const incUri = uriOf(inc.key);
    const pmUri = vscode.Uri.joinPath(incUri, '..', 'postmortem.md');
    if (await exists(pmUri)) {
      if (args.open !== false) await vscode.window.showTextDocument(pmUri, { preview: false });
      void vscode.window.showInformationMessage(`${display(inc)} already has a postmortem; opened it.`);
      return pmUri.toString();
    }
    const doc = await parsedOf(inc);
    const commander = inc.roles?.commander;
    const authorsArg = args.authors;
    const authors = Array.isArray(authorsArg)
      ? (authorsArg as string[])
      : (await ask(`Start Postmortem: ${display(inc)}`, { value: commander, prompt: 'Authors, comma-separated.' })).split(',').map((s) => s.trim()).filter(Boolean);
    const text = renderPostmortem(doc, { authors, now: Date.now() });
    await writer.create(pmUri, text, inc.restricted ? { private: true } : {});
    await write(inc, () => ({ fm: [{ path: 'postmortem', value: 'postmortem.md' }] }));
    if (args.open !== false) await vscode.window.showTextDocument(pmUri, { preview: false });
    return pmUri.toString();
  }

  async function addActionItem(a: unknown): Promise<string | undefined> {
    const args = argsOf(a);
    const pm = await resolvePostmortem(a);
    const pmName = displayPostmortem(pm, pm.incidentId ? index().byId(pm.incidentId) : undefined);
    const t = `Add Action Item: ${pmName}`;
    const action = str(args, 'action') ?? (await ask(`${t} (1/5): action`, {
      prompt: 'A concrete engineering change, e.g. "Alert on checkout 5xx rate > 1% for 5 min".',
      validate: (v) => (VAGUE.test(v) ? 'Name a concrete change: "be more careful" or "monitor better" cannot be verified.' : undefined),
    }));
    const owner = str(args, 'owner') ?? (await ask(`${t} (2/5): owner`, { placeHolder: 'e.g. @maria or payments team' }));
    const today = Date.now();
    const due = str(args, 'due') ?? (await ask(`${t} (3/5): due date`, {
      value: formatDate(today + 14 * 86_400_000),
      prompt: 'YYYY-MM-DD',
      validate: (v) => (!isValidDate(v) ? 'Enter a real date as YYYY-MM-DD, e.g. 2026-12-11.' : (parseDate(v) ?? 0) < parseDate(formatDate(today))! ? 'The due date is in the past.' : undefined),
    }));
    if (!isValidDate(due)) throw new WriteError(`${due} is not a date (YYYY-MM-DD).`);
    const category = str(args, 'category') ?? (await pick(`${t} (4/5): category`, ACTION_CATEGORIES.map((c) => ({ label: c, description: CATEGORY_HELP[c], c })))).c;
    if (!(ACTION_CATEGORIES as readonly string[]).includes(category)) throw new WriteError(`Category must be one of ${ACTION_CATEGORIES.join(', ')}.`);
    const verification = str(args, 'verification') ?? (await ask(`${t} (5/5): verification signal`, {
      prompt: 'How will anyone see it is done? An observable signal, e.g. "alert fires in the staging game day".',
      validate: (v) => (VAGUE.test(v) ? 'Name an observable signal.' : undefined),
    }));
    if (!verification.trim()) throw new WriteError('A verification signal is required.');
    let id = '';
    await writer.edit(uriOf(pm.key), (text) => {
      const r = appendActionRow(text, { action, owner, due, category, verification, status: 'open' });
      id = r.id;
      return [r.edit];
    });
    if (args.notify !== false) void vscode.window.showInformationMessage(`Action ${id} added to ${pmName}.`);
    return id;
  }

  async function reveal(key: unknown, range: unknown): Promise<void> {
    if (typeof key !== 'string') return;
    const uri = uriOf(key);
    const r = range && typeof range === 'object' && 'line' in range ? toRange(range as Parameters<typeof toRange>[0]) : undefined;
    const ed = await vscode.window.showTextDocument(uri, { preview: true, selection: r });
    if (r) ed.revealRange(r, vscode.TextEditorRevealType.InCenterIfOutsideViewport);
  }

  async function openDocumentation(): Promise<void> {
    const uri = vscode.Uri.joinPath(context.extensionUri, 'docs', 'incidents.md');
    try {
      await vscode.commands.executeCommand('markdown.showPreview', uri);
    } catch {
      await vscode.window.showTextDocument(uri);
    }
  }

  const commands: Record<string, (...a: unknown[]) => Promise<unknown>> = {
    'sitrep.declareIncident': (a) => declareIncident(a),
    'sitrep.logTimelineEntry': (a) => logTimelineEntry(a),
    'sitrep.postStatusUpdate': (a) => postStatusUpdate(a),
    'sitrep.copyStatusUpdate': (a) => copyStatusUpdate(a),
    'sitrep.changeSeverity': (a) => changeSeverity(a),
    'sitrep.assignRole': (a) => assignRole(a),
    'sitrep.checkpoint': (a) => checkpoint(a),
    'sitrep.setStrategyCheckpoint': (a) => setStrategyCheckpoint(a),
    'sitrep.markMitigated': (a) => markStatus(a, 'mitigated'),
    'sitrep.markMonitoring': (a) => markStatus(a, 'monitoring'),
    'sitrep.markResolved': (a) => markStatus(a, 'resolved'),
    'sitrep.startPostmortem': (a) => startPostmortem(a),
    'sitrep.addActionItem': (a) => addActionItem(a),
    'sitrep.openDocumentation': () => openDocumentation(),
    'sitrep.revealInDocument': (k, r) => reveal(k, r),
    'sitrep.refreshIncidents': () => service.rescan(),
  };
  for (const [id, fn] of Object.entries(commands)) {
    context.subscriptions.push(
      vscode.commands.registerCommand(id, async (...a: unknown[]) => {
        try {
          return await fn(...a);
        } catch (e) {
          if (e instanceof Cancelled) return undefined;
          const msg = e instanceof Error ? e.message : String(e);
          // A failed save was already shown, with Retry.
          if (!(e instanceof WriteError && e.shown)) void vscode.window.showErrorMessage(`Sitrep: ${msg}`);
          // Integration callers (argument objects) see the failure too.
          if (a[0] && typeof a[0] === 'object' && !(a[0] instanceof vscode.Uri) && !('contextValue' in (a[0] as object)) && (a[0] as Args).throwOnError) throw e;
          return undefined;
        }
      }),
    );
  }
}

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
