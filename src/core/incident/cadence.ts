/**
 * Status-update cadence, deadlines and countdowns: the one reading the status bar, the commands
 * and the linter share. Pure: every function takes `now` (epoch ms).
 * SEV1 updates at least every 30 minutes, SEV2 every 60; SEV3 and SEV4 by a user-confirmed cadence.
 */
import { DEFAULT_CADENCE, MAX_CADENCE } from '../config';
import { cleanValue } from '../lint/phrases';
import { SEVERITIES, type Config, type Severity } from '../model/schemas';
import type { ParsedDocument, StatusUpdateNode } from '../parser/types';
import { latestUpdate } from '../parser/updates';
import type { Range } from '../text';
import { formatClock, parseTimestamp } from '../time';

export const MINUTE = 60_000;

/** Severities whose cadence the responder confirms when declaring (no mandated maximum). */
export function needsCadenceConfirmation(severity: Severity): boolean {
  return MAX_CADENCE[severity] === undefined;
}

/** Updates are due at least once a day, whatever the severity. */
const MAX_ANY_CADENCE = 24 * 60;

/**
 * The cadence an incident runs at: its own `update_cadence_minutes` when set, else the configured
 * default for its severity (`config` is `.sitrep.yaml` over the editor settings, see
 * `withSettings`); never longer than the severity allows. Without a known severity, only the
 * incident's own cadence counts.
 */
export function effectiveCadence(severity: Severity, ownMinutes: number | undefined, config?: Config): number;
export function effectiveCadence(severity: Severity | undefined, ownMinutes: number | undefined, config?: Config): number | undefined;
export function effectiveCadence(severity: Severity | undefined, ownMinutes: number | undefined, config: Config = {}): number | undefined {
  // A hand-edited cadence of 1e300 minutes must not push times past what a Date can hold.
  const own = typeof ownMinutes === 'number' && Number.isFinite(ownMinutes) && ownMinutes > 0 ? Math.min(ownMinutes, MAX_ANY_CADENCE) : undefined;
  if (!severity) return own;
  const max = MAX_CADENCE[severity] ?? MAX_ANY_CADENCE;
  const value = own ?? config.severities?.[severity]?.cadence_minutes ?? DEFAULT_CADENCE[severity];
  return Math.min(value, max, MAX_ANY_CADENCE);
}

/**
 * The severity an incident's countdown runs at: the one written; SEV1, the most urgent, when one is
 * written but does not read (`SEV7`) or the front matter's YAML does not parse; undefined when the
 * document names none.
 */
export function countdownSeverity(doc: ParsedDocument, data: Record<string, unknown>): Severity | undefined {
  const s = data.severity;
  if (typeof s === 'string' && (SEVERITIES as readonly string[]).includes(s)) return s as Severity;
  if (s !== undefined || (doc.frontMatter && !doc.frontMatter.data)) return 'SEV1';
  return undefined;
}

/** Why a proposed cadence is not allowed for a severity, or undefined when it is. */
export function cadenceProblem(severity: Severity, minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes <= 0) return 'Enter a whole number of minutes greater than 0.';
  if (minutes > 24 * 60) return 'Updates are due at least once a day (1440 minutes).';
  const max = MAX_CADENCE[severity];
  if (max !== undefined && minutes > max) return `${severity} updates are due at least every ${max} minutes.`;
  return undefined;
}

/**
 * Default next-update time: now + cadence, rounded down to a whole minute, so that accepting it
 * always keeps the cadence (the update-cadence rule allows no slack).
 */
export function defaultNextUpdate(now: number, cadenceMinutes: number): number {
  const t = now + cadenceMinutes * MINUTE;
  return Math.floor(t / MINUTE) * MINUTE;
}

/**
 * The latest next-update time a status update posted at `now` may promise: its own time as
 * written (to the second) plus the cadence, exactly what the update-cadence rule allows.
 */
function latestNextUpdate(now: number, cadenceMinutes: number): number {
  return Math.floor(now / 1000) * 1000 + cadenceMinutes * MINUTE;
}

type NextUpdateCheck =
  | { ok: true }
  | { ok: false; reason: 'past'; message: string }
  | { ok: false; reason: 'beyond-cadence'; message: string; latest: number };

/**
 * Checks a proposed next-update time. Later than the cadence allows is not refused: the caller
 * asks the responder to confirm.
 */
export function checkNextUpdate(proposed: number, now: number, cadenceMinutes: number): NextUpdateCheck {
  if (proposed <= now) return { ok: false, reason: 'past', message: 'The next update must be in the future.' };
  const latest = latestNextUpdate(now, cadenceMinutes);
  if (proposed > latest) {
    return {
      ok: false,
      reason: 'beyond-cadence',
      latest,
      message: `That is later than the ${cadenceMinutes}-minute cadence allows.`,
    };
  }
  return { ok: true };
}

export type CountdownState = 'ok' | 'warning' | 'overdue' | 'none';

interface Countdown {
  state: CountdownState;
  /** Seconds until due (negative when overdue). */
  seconds: number;
  /** "update in 12:04", "overdue 3:12" or "no update due". */
  text: string;
}

/** Countdown to the next update. `warningMinutes`: under this the state is "warning". */
export function countdown(nextDue: number | undefined, now: number, warningMinutes = 5): Countdown {
  if (nextDue === undefined) return { state: 'none', seconds: 0, text: 'no update due' };
  const ms = nextDue - now;
  if (isOverdue(nextDue, now)) {
    const seconds = Math.floor(ms / 1000);
    return { state: 'overdue', seconds, text: `overdue ${formatClock(-ms / 1000)}` };
  }
  const seconds = Math.ceil(ms / 1000);
  return { state: ms <= warningMinutes * MINUTE ? 'warning' : 'ok', seconds, text: `update in ${formatClock(seconds)}` };
}

/** Overdue strictly after the deadline: at the deadline itself the update is due, not late. */
export function isOverdue(due: number, now: number): boolean {
  return now > due;
}

interface UpdateDeadline {
  /** Epoch ms the next status update is due. */
  at: number;
  /** Where the deadline is written, or what it is derived from (for findings). */
  range?: Range;
  from: 'front-matter' | 'promise' | 'last-update' | 'start';
}

/**
 * The next update a status update promises: its "Next update" field when that is a timestamp, else
 * the time its "next update in 30 minutes" or "next update at 11:05" names.
 */
export function promisedNext(u: StatusUpdateNode): { at: number; range: Range } | undefined {
  const labelled = u.fields.get('next_update');
  const at = (labelled ? parseTimestamp(cleanValue(labelled.text)) : undefined) ?? u.next?.at;
  const field = labelled ?? u.next?.value;
  return at !== undefined && field ? { at, range: field.range } : undefined;
}

/**
 * When an incident's next status update is due: the front matter's `next_update_due` (which the
 * commands keep current, and which a severity change tightens), else the latest status update's
 * "Next update", else that update's time plus the cadence, else detection (or start) plus the
 * cadence. Undefined when none of these is known. `data` is the front matter as far as it reads
 * (see `readableFrontMatter`).
 */
export function updateDeadline(doc: ParsedDocument, cadenceMinutes: number | undefined, data: Record<string, unknown> = doc.frontMatter?.data ?? {}): UpdateDeadline | undefined {
  const fm = typeof data.next_update_due === 'string' ? parseTimestamp(data.next_update_due) : undefined;
  if (fm !== undefined) {
    const e = doc.frontMatter?.entries.get('next_update_due');
    return { at: fm, range: e?.valueRange ?? e?.keyRange, from: 'front-matter' };
  }
  const latest = latestUpdate(doc.statusUpdates);
  if (latest) {
    const promised = promisedNext(latest);
    if (promised) return { ...promised, from: 'promise' };
    if (latest.at !== undefined && cadenceMinutes !== undefined) return { at: latest.at + cadenceMinutes * MINUTE, range: latest.headingRange, from: 'last-update' };
  }
  if (cadenceMinutes === undefined) return undefined;
  for (const key of ['detected', 'started']) {
    const v = data[key];
    const t = typeof v === 'string' ? parseTimestamp(v) : undefined;
    if (t === undefined) continue;
    const section = doc.sections.find((s) => s.key === 'status-updates');
    const e = doc.frontMatter?.entries.get(key);
    return { at: t + cadenceMinutes * MINUTE, range: section?.headingRange ?? e?.valueRange ?? e?.keyRange, from: 'start' };
  }
  return undefined;
}
