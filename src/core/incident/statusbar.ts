/** Status-bar text and tooltip for the incident whose update is due soonest. Pure. */
import { formatTimestamp } from '../time';
import { countdown, type CountdownState } from './cadence';
import type { IncidentIndex, IndexedIncident } from './store';

export interface StatusBarView {
  visible: boolean;
  text: string;
  tooltip: string;
  state: CountdownState;
  /** Index key of the incident the item is about (its click posts an update for it). */
  key?: string;
}

/** `$(pulse) SEV1 checkout-5xx · update in 12:04`, or `… · overdue 3:12`. */
export function statusBarText(i: IndexedIncident, now: number, warningMinutes = 5): { text: string; state: CountdownState } {
  const c = countdown(i.nextUpdateDue, now, warningMinutes);
  const icon = i.restricted ? '$(lock)' : '$(pulse)';
  return { text: `${icon} ${i.severity ?? 'SEV?'} ${i.name} · ${c.text}`, state: c.state };
}

export function statusBarView(index: IncidentIndex, now: number, warningMinutes = 5): StatusBarView {
  // Malformed incidents show their problems in the view; the countdown needs a valid document.
  const active = index.active().filter((i) => i.valid);
  let top: IndexedIncident | undefined;
  for (const i of active) if (!top || (i.nextUpdateDue ?? Infinity) < (top.nextUpdateDue ?? Infinity)) top = i;
  if (!top) return { visible: false, text: '', tooltip: '', state: 'none' };
  const { text, state } = statusBarText(top, now, warningMinutes);
  const lines = active
    .slice()
    .sort((a, b) => (a.nextUpdateDue ?? Infinity) - (b.nextUpdateDue ?? Infinity))
    .map((i) => {
      const c = countdown(i.nextUpdateDue, now, warningMinutes);
      return `${i.severity ?? 'SEV?'} ${i.restricted ? '[restricted] ' + (i.id ?? i.name) : i.title} — ${i.status ?? 'unknown'} — ${c.text}${i.nextUpdateDue !== undefined ? ` (due ${formatTimestamp(i.nextUpdateDue)})` : ''}`;
    });
  const shown = lines.length > 20 ? [...lines.slice(0, 20), `… and ${lines.length - 20} more (see the Incidents view)`] : lines;
  return {
    visible: true,
    text,
    tooltip: `Active incidents (${lines.length}):\n${shown.join('\n')}\n\nClick to post a status update for ${top.restricted ? top.id ?? top.name : top.title}.`,
    state,
    key: top.key,
  };
}
