/**
 * When to raise the overdue notification and the strategy-checkpoint prompt. Pure state machine:
 * the extension asks it every tick with the current time; it answers which incidents to notify.
 */
import { isOverdue } from './cadence';

interface ReminderInput {
  key: string;
  /** Next update due, epoch ms. */
  due: number | undefined;
}

export class OverdueReminders {
  private readonly lastShown = new Map<string, { due: number; at: number }>();
  private readonly snoozed = new Map<string, number>();

  constructor(private intervalMinutes: number) {}

  setInterval(minutes: number): void {
    this.intervalMinutes = minutes;
  }

  /** Keys of incidents to notify now: newly overdue, or overdue and not notified for the interval. */
  due(incidents: readonly ReminderInput[], now: number): string[] {
    const out: string[] = [];
    const live = new Set<string>();
    for (const i of incidents) {
      live.add(i.key);
      if (i.due === undefined || !isOverdue(i.due, now)) {
        this.lastShown.delete(i.key);
        continue;
      }
      const snooze = this.snoozed.get(i.key);
      if (snooze !== undefined && snooze > now) continue;
      const last = this.lastShown.get(i.key);
      const fresh = !last || last.due !== i.due;
      if (fresh || now - last.at >= this.intervalMinutes * 60_000) {
        this.lastShown.set(i.key, { due: i.due, at: now });
        out.push(i.key);
      }
    }
    for (const k of [...this.lastShown.keys()]) if (!live.has(k)) this.lastShown.delete(k);
    return out;
  }

  /** No reminder for this incident until `until`. */
  snooze(key: string, until: number): void {
    this.snoozed.set(key, until);
    this.lastShown.delete(key);
  }
}

/** Raises the strategy-change prompt once per checkpoint time, when it passes unmitigated. */
export class StrategyPrompts {
  private readonly prompted = new Map<string, number>();

  due(incidents: ReadonlyArray<{ key: string; checkpoint: number | undefined; investigating: boolean }>, now: number): string[] {
    const out: string[] = [];
    for (const i of incidents) {
      if (i.checkpoint === undefined || !i.investigating || i.checkpoint > now) continue;
      if (this.prompted.get(i.key) === i.checkpoint) continue;
      this.prompted.set(i.key, i.checkpoint);
      out.push(i.key);
    }
    return out;
  }
}
