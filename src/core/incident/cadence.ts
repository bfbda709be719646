/**
 * Status-update cadence and countdowns. Pure: every function takes `now` (epoch ms).
 * SEV1 updates at least every 30 minutes, SEV2 every 60; SEV3 and SEV4 by a user-confirmed cadence.
 */
import { cadenceFor, MAX_CADENCE } from '../config';
import type { Config, Severity } from '../model/schemas';
import { formatClock } from '../time';

export const MINUTE = 60_000;

/** Severities whose cadence the responder confirms when declaring (no mandated maximum). */
export function needsCadenceConfirmation(severity: Severity): boolean {
  return MAX_CADENCE[severity] === undefined;
}

/** The longest cadence a severity allows, or undefined when the user decides. */
export function maxCadence(severity: Severity): number | undefined {
  return MAX_CADENCE[severity];
}

/** Updates are due at least once a day, whatever the severity. */
export const MAX_ANY_CADENCE = 24 * 60;

/**
 * The cadence an incident runs at: its own `update_cadence_minutes` when set, else the configured
 * default for its severity; never longer than the severity allows.
 */
export function effectiveCadence(severity: Severity, ownMinutes: number | undefined, config: Config = {}): number {
  const max = MAX_CADENCE[severity] ?? MAX_ANY_CADENCE;
  const value = ownMinutes !== undefined && Number.isFinite(ownMinutes) && ownMinutes > 0 ? ownMinutes : cadenceFor(severity, config);
  // A hand-edited cadence of 1e300 minutes must not push times past what a Date can hold.
  return Math.min(value, max, MAX_ANY_CADENCE);
}

/** Why a proposed cadence is not allowed for a severity, or undefined when it is. */
export function cadenceProblem(severity: Severity, minutes: number): string | undefined {
  if (!Number.isInteger(minutes) || minutes <= 0) return 'Enter a whole number of minutes greater than 0.';
  if (minutes > 24 * 60) return 'Updates are due at least once a day (1440 minutes).';
  const max = MAX_CADENCE[severity];
  if (max !== undefined && minutes > max) return `${severity} updates are due at least every ${max} minutes.`;
  return undefined;
}

/** The cadence re-derived when severity changes: the new severity's configured default, capped. */
export function cadenceAfterSeverityChange(to: Severity, config: Config = {}): number {
  return effectiveCadence(to, undefined, config);
}

/** Default next-update time: now + cadence, rounded up to the next whole minute. */
export function defaultNextUpdate(now: number, cadenceMinutes: number): number {
  const t = now + cadenceMinutes * MINUTE;
  return Math.ceil(t / MINUTE) * MINUTE;
}

export type NextUpdateCheck =
  | { ok: true }
  | { ok: false; reason: 'past'; message: string }
  | { ok: false; reason: 'beyond-cadence'; message: string; latest: number };

/**
 * Checks a proposed next-update time. Later than the cadence allows is not refused: the caller
 * asks the responder to confirm.
 */
export function checkNextUpdate(proposed: number, now: number, cadenceMinutes: number): NextUpdateCheck {
  if (proposed <= now) return { ok: false, reason: 'past', message: 'The next update must be in the future.' };
  const latest = now + cadenceMinutes * MINUTE + MINUTE; // a minute of slack for rounding up
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

export interface Countdown {
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
  if (ms <= 0) {
    const seconds = Math.floor(ms / 1000);
    return { state: 'overdue', seconds, text: `overdue ${formatClock(-ms / 1000)}` };
  }
  const seconds = Math.ceil(ms / 1000);
  return { state: ms <= warningMinutes * MINUTE ? 'warning' : 'ok', seconds, text: `update in ${formatClock(seconds)}` };
}

/** When the next update is due: the front matter's `next_update_due`, else the latest update's "Next update", else start + cadence. */
export function nextUpdateDue(
  frontMatterDue: number | undefined,
  latestUpdateNext: number | undefined,
  latestUpdateAt: number | undefined,
  declaredAt: number | undefined,
  cadenceMinutes: number,
): number | undefined {
  if (frontMatterDue !== undefined) return frontMatterDue;
  if (latestUpdateNext !== undefined) return latestUpdateNext;
  const base = latestUpdateAt ?? declaredAt;
  return base === undefined ? undefined : base + cadenceMinutes * MINUTE;
}
