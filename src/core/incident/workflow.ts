/**
 * The rules the incident commands apply, as plain functions: what a severity change, a role
 * handover, a status transition or a strategy checkpoint writes; how an answer is validated; how
 * a selection becomes a timeline source. The commands in src/extension/incidents/commands/ ask the
 * questions and write the results; everything they decide is here, with unit tests.
 */
import { judgeVagueness } from '../lint/vagueness';
import type { ActionCategory, ROLE_KEYS, Severity, TimelineKind } from '../model/schemas';

export type RoleKey = (typeof ROLE_KEYS)[number];
import { formatDate, formatDuration, formatTimestamp, parseTimestamp } from '../time';
import { defaultNextUpdate } from './cadence';
import { mostSevere } from './render';
import type { FrontMatterChange, StatusUpdateInput } from './edits';
import { timeWithUtc, type DisplayZone } from './timeinput';
import type { IndexedIncident, IndexedPostmortem } from './store';
import type { ChatIncident } from './chat';

const DAY = 86_400_000;
const MINUTE_MS = 60_000;

/** One line of help per timeline kind, shown when picking one. */
export const TIMELINE_KIND_HELP: Record<TimelineKind, string> = {
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

/** One line of help per action category. */
export const ACTION_CATEGORY_HELP: Record<ActionCategory, string> = {
  prevent: 'stops this class of incident from happening again',
  detect: 'notices it sooner',
  mitigate: 'limits impact or speeds recovery next time',
  learn: 'closes a knowledge, runbook or responsibility gap',
};

/** How an incident is named in pickers and messages: a restricted one by its id, never its title. */
export function incidentLabel(i: Pick<IndexedIncident, 'restricted' | 'id' | 'name' | 'title'>): string {
  return i.restricted ? `${i.id ?? i.name} (restricted)` : i.title;
}

/** A postmortem's name in pickers and messages: a restricted incident's postmortem is named by the incident id, not its title. */
export function postmortemLabel(p: Pick<IndexedPostmortem, 'incidentId' | 'title'>, incident: Pick<IndexedIncident, 'restricted'> | undefined): string {
  return incident?.restricted ? `${p.incidentId ?? 'restricted'} postmortem (restricted)` : p.title;
}

/** The incident fields a status-update message carries (never its id or path). */
export function messageIncident(i: IndexedIncident): ChatIncident {
  return { title: i.title, severity: i.severity, status: i.status ?? 'investigating', restricted: i.restricted, commander: i.roles?.commander };
}

/** Order of incidents in a "Which incident?" picker: active first, then by severity. */
export function incidentPickOrder(a: IndexedIncident, b: IndexedIncident): number {
  const resolved = (i: IndexedIncident) => (i.status === 'resolved' ? 1 : 0);
  return resolved(a) - resolved(b) || (a.severity ?? 'SEV9').localeCompare(b.severity ?? 'SEV9');
}

/** Why a typed time is not usable (not ISO 8601 with zone, or not in the future when it must be). */
export function timestampProblem(value: string, now: number, future: boolean): string | undefined {
  const ms = parseTimestamp(value);
  if (ms === undefined) return 'Enter an ISO 8601 time with date and zone, e.g. 2026-11-27T10:45:00Z.';
  if (future && ms <= now) return 'Enter a time in the future.';
  return undefined;
}

/** The words that make an action vague ("be more careful", "investigate options"), judged as the no-vague-action rule judges them. */
export function vaguePhrase(text: string): string | undefined {
  const v = judgeVagueness(text);
  return v ? text.slice(v.start, v.end).trim() : undefined;
}

/** Default due date of a new action item: two weeks from today. */
export function defaultDueDate(now: number): string {
  return formatDate(now + 14 * DAY);
}

/** A selection in an editor, 0-based lines, as VS Code reports it. */
interface SelectionLines {
  startLine: number;
  endLine: number;
  /** Column of the selection's end: 0 means the last line is not really selected. */
  endCharacter: number;
}

/** `src/pay.go:2` or `src/pay.go:2-5 @ 0123456789ab`: where a timeline entry's evidence is. */
export function selectionSource(path: string, sel: SelectionLines, commit?: string): string {
  const end = sel.endCharacter === 0 && sel.endLine > sel.startLine ? sel.endLine - 1 : sel.endLine;
  const lines = end > sel.startLine ? `${sel.startLine + 1}-${end + 1}` : `${sel.startLine + 1}`;
  return `${path}:${lines}${commit ? ` @ ${commit.slice(0, 12)}` : ''}`;
}

/** Selected text offered as an entry's text: one line, and only when short enough to read. */
export function selectionSnippet(text: string): string | undefined {
  const t = text.replace(/\s+/g, ' ').trim();
  return t.length <= 200 ? t : undefined;
}

// ---- Status transitions ----

export type LifecycleTarget = 'mitigated' | 'monitoring' | 'resolved';

export const LIFECYCLE: Record<LifecycleTarget, { verb: string; label: string; kind: TimelineKind; notePrompt: string }> = {
  mitigated: { verb: 'Mark Mitigated', label: 'Mitigated', kind: 'mitigation', notePrompt: 'What reduced the impact?' },
  monitoring: { verb: 'Mark Monitoring', label: 'Monitoring', kind: 'action', notePrompt: 'What are you watching before calling it resolved?' },
  resolved: { verb: 'Mark Resolved', label: 'Resolved', kind: 'resolution', notePrompt: 'What ended the impact?' },
};

/** The two halves of a recovery signal as written by `recoverySignal`. */
export function parseRecoverySignal(signal: string | undefined): { user?: string; internal?: string } {
  const s = signal ?? '';
  return {
    user: /user-visible:\s*([^;]*)/.exec(s)?.[1]?.trim(),
    internal: /internal health:(.*)$/.exec(s)?.[1]?.trim(),
  };
}

/** A recovery signal names a user-visible metric and an internal health signal. */
export function recoverySignal(user: string, internal: string): string {
  return `user-visible: ${user}; internal health: ${internal}`;
}

/**
 * What moving an incident to mitigated, monitoring or resolved writes: the status, the recovery
 * signal, the `mitigated` time (set on mitigation; on monitoring or resolution only when it was
 * never mitigated), the `resolved` time, and one timeline entry.
 */
export function statusTransition(
  target: LifecycleTarget,
  inc: Pick<IndexedIncident, 'mitigated'>,
  time: string,
  note: string,
  signal: string,
): { fm: FrontMatterChange[]; entry: { time: string; kind: TimelineKind; text: string } } {
  const fm: FrontMatterChange[] = [
    { path: 'status', value: target },
    { path: 'recovery_signal', value: signal },
  ];
  if (target === 'mitigated' || inc.mitigated === undefined) fm.push({ path: 'mitigated', value: time });
  if (target === 'resolved') fm.push({ path: 'resolved', value: time });
  const { label, kind } = LIFECYCLE[target];
  return { fm, entry: { time, kind, text: `${label}: ${note}. Recovery signal: ${signal}.` } };
}

/**
 * What a severity change writes: the new severity, its cadence, and a next update no later than
 * the new cadence allows (a raise brings the deadline forward; a lowering never pushes it back).
 */
export function severityChange(
  inc: Pick<IndexedIncident, 'severity' | 'nextUpdateDue' | 'peakSeverity'>,
  to: Severity,
  cadence: number,
  now: number,
  reason: string,
): { fm: FrontMatterChange[]; entry: { time: string; kind: TimelineKind; text: string }; due: number } {
  const due = Math.min(inc.nextUpdateDue ?? Infinity, defaultNextUpdate(now, cadence));
  const next = formatTimestamp(due);
  // The most severe level reached, for the postmortem.
  const peak = mostSevere(mostSevere(inc.peakSeverity, inc.severity), to) ?? to;
  return {
    due,
    fm: [
      { path: 'severity', value: to },
      { path: 'peak_severity', value: peak },
      { path: 'update_cadence_minutes', value: cadence },
      { path: 'next_update_due', value: next },
    ],
    entry: {
      time: formatTimestamp(now),
      kind: 'severity-change',
      text: `Severity ${inc.severity ?? '?'} → ${to}${reason ? `: ${reason}` : ''}. Status updates every ${cadence} min; next by ${next}.`,
    },
  };
}

/** What handing a role over writes: the role, `solo: false` when one person held every role, and the checkpoint's title and entry. */
export function roleHandover(
  roles: NonNullable<IndexedIncident['roles']>,
  role: RoleKey,
  to: string,
): { title: string; fm: FrontMatterChange[]; entry: { kind: TimelineKind; text: string } } {
  const from = roles[role] ?? 'unassigned';
  const fm: FrontMatterChange[] = [{ path: `roles.${role}`, value: to }];
  if (roles.solo) fm.push({ path: 'roles.solo', value: false });
  return {
    title: `handover: ${role} ${from} → ${to}`,
    fm,
    entry: { kind: 'role-change', text: `${role}: ${from} → ${to}; checkpoint packet written.` },
  };
}

/** Default strategy checkpoint: one cadence from now, and never more than 30 minutes. */
export function defaultStrategyCheckpoint(now: number, cadenceMinutes: number): number {
  return defaultNextUpdate(now, Math.min(30, cadenceMinutes));
}

/** The timeline decision a strategy checkpoint records. */
export function strategyCheckpointText(iso: string): string {
  return `Strategy checkpoint: if not mitigated by ${iso}, change strategy (escalate, widen the mitigation, or take it to the decision maker).`;
}

// ---- Status updates ----

interface StatusUpdateAnswers {
  known: string;
  unknown: string;
  impact: string;
  mitigation: string;
  /** Epoch ms of the next update; undefined for a final update. */
  next?: number;
  /** The final update, the all-clear: no next time. */
  final?: boolean;
}

/**
 * What posting a status update writes: the update block, its timeline line and, unless it is the
 * final update, the front matter's `next_update_due` (the countdown restarts from it).
 */
export function statusUpdatePost(
  now: number,
  a: StatusUpdateAnswers,
): { update: StatusUpdateInput; fm: FrontMatterChange[]; entry: { time: string; kind: TimelineKind; text: string } } {
  const time = formatTimestamp(now);
  const final = !!a.final || a.next === undefined;
  const next = final ? '' : formatTimestamp(a.next as number);
  return {
    update: { time, known: a.known, unknown: a.unknown, impact: a.impact, mitigation: a.mitigation, nextUpdate: next, final },
    fm: final ? [] : [{ path: 'next_update_due', value: next }],
    entry: { time, kind: 'status-update', text: final ? 'Final status update posted: all clear, no further updates.' : `Status update posted; next update by ${next}.` },
  };
}

/** Prefilled answers for the all-clear of a resolved incident, from what resolving it recorded. */
export function allClearPrefill(inc: Pick<IndexedIncident, 'impactSummary' | 'resolved' | 'started'>, note: string, latest?: Pick<StatusUpdateInput, 'known' | 'unknown' | 'impact'>): Omit<StatusUpdateAnswers, 'next' | 'final'> {
  const resolvedAt = inc.resolved !== undefined ? formatTimestamp(inc.resolved) : 'now';
  return {
    known: `Resolved: ${note}`,
    unknown: latest?.unknown && !/^(?:none|nothing)\b/i.test(latest.unknown) ? `Open for the postmortem: ${latest.unknown}` : 'Nothing that affects users; the postmortem will follow.',
    impact: `No user impact since ${resolvedAt}.${inc.impactSummary ? ` Before that: ${inc.impactSummary}` : ''}`,
    mitigation: note,
  };
}

// ---- Log Timeline Entry ----

const KIND_DEFAULT_ORDER: readonly TimelineKind[] = ['fact', 'action', 'decision', 'hypothesis', 'mitigation', 'detection', 'triage', 'communication', 'resolution', 'recurrence'];

/** The kinds Log Timeline Entry offers: the ones used most first, then fact, action, decision, hypothesis…; bookkeeping kinds left out. */
export function timelineKindChoices(uses: Partial<Record<string, number>> = {}): TimelineKind[] {
  return [...KIND_DEFAULT_ORDER].sort((a, b) => (uses[b] ?? 0) - (uses[a] ?? 0) || KIND_DEFAULT_ORDER.indexOf(a) - KIND_DEFAULT_ORDER.indexOf(b));
}

// ---- Overdue reminder ----

/** The overdue reminder's text: "due now" in its first minute (never "overdue 0:00"), then how long overdue. */
export function overdueNotice(i: Pick<IndexedIncident, 'severity' | 'restricted' | 'id' | 'name' | 'title' | 'nextUpdateDue'>, now: number, zone: DisplayZone): string {
  const name = i.restricted ? (i.id ?? i.name) : i.title;
  const due = i.nextUpdateDue;
  if (due === undefined) return `${i.severity ?? 'SEV?'} ${name}: no status update is due.`;
  const late = now - due;
  const state = late < MINUTE_MS ? 'status update is due now' : `status update overdue by ${formatDuration(late)}`;
  return `${i.severity ?? 'SEV?'} ${name}: ${state}; it was due at ${timeWithUtc(due, now, zone)}.`;
}
