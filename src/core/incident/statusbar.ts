/** Status-bar text and tooltip for the incident whose update is due soonest. Pure. */
import { countdown, type CountdownState } from './cadence';
import { shortTitle } from './chat';
import type { IncidentIndex, IndexedIncident } from './store';
import { timeWithUtc, UTC_ZONE, type DisplayZone } from './timeinput';

interface StatusBarView {
  visible: boolean;
  text: string;
  tooltip: string;
  state: CountdownState;
  /** Index key of the incident the item is about (its click posts an update for it). */
  key?: string;
}

const LABEL_MAX = 24;

/** The short name the status bar shows: the title's first words, or "restricted". */
function statusBarLabel(i: Pick<IndexedIncident, 'restricted' | 'title'>): string {
  return i.restricted ? 'restricted' : shortTitle(i.title, LABEL_MAX);
}

/** `$(pulse) SEV1 Checkout returns 5xx · update in 12:04`, or `… · overdue 3:12`. */
function statusBarText(i: IndexedIncident, now: number, warningMinutes = 5): { text: string; state: CountdownState } {
  const c = countdown(i.nextUpdateDue, now, warningMinutes);
  const icon = i.restricted ? '$(lock)' : i.valid ? '$(pulse)' : '$(warning)';
  return { text: `${icon} ${i.severity ?? 'SEV?'} ${statusBarLabel(i)} · ${c.text}`, state: c.state };
}

/** The first error of a document whose front matter does not pass, as the tooltip names it. */
function brokenNote(i: IndexedIncident): string {
  if (i.valid) return '';
  const p = i.problems.find((x) => x.severity === 'error') ?? i.problems[0];
  return p ? ` — front matter broken: line ${p.range.line + 1}: ${p.message}` : ' — front matter broken';
}

/**
 * The item for the incident whose update is due soonest. An incident whose front matter is broken
 * keeps counting down on what can still be read (the index's reading) and is marked as broken.
 */
export function statusBarView(index: IncidentIndex, now: number, warningMinutes = 5, zone: DisplayZone = UTC_ZONE): StatusBarView {
  const active = index.active().filter((i) => i.valid || i.nextUpdateDue !== undefined);
  let top: IndexedIncident | undefined;
  for (const i of active) if (!top || (i.nextUpdateDue ?? Infinity) < (top.nextUpdateDue ?? Infinity)) top = i;
  if (!top) return { visible: false, text: '', tooltip: '', state: 'none' };
  const { text, state } = statusBarText(top, now, warningMinutes);
  const lines = active
    .slice()
    .sort((a, b) => (a.nextUpdateDue ?? Infinity) - (b.nextUpdateDue ?? Infinity))
    .map((i) => {
      const c = countdown(i.nextUpdateDue, now, warningMinutes);
      const due = i.nextUpdateDue !== undefined ? ` (due ${timeWithUtc(i.nextUpdateDue, now, zone)})` : '';
      return `${i.severity ?? 'SEV?'} ${i.restricted ? '[restricted] ' + (i.id ?? i.name) : i.title} — ${i.status ?? 'unknown'} — ${c.text}${due}${brokenNote(i)}`;
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
