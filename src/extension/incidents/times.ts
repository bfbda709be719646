/**
 * The zone the UI shows times in: the machine's local zone (its name from Intl), or UTC when the
 * `sitrep.timeDisplay` setting says so. Files always keep UTC.
 */
import * as vscode from 'vscode';
import { UTC_ZONE, type DisplayZone } from '../../core/incident';

let nameFormat: Intl.DateTimeFormat | undefined;

function zoneName(ms: number): string {
  try {
    nameFormat ??= new Intl.DateTimeFormat('en-US', { timeZoneName: 'short' });
    const name = nameFormat.formatToParts(new Date(ms)).find((p) => p.type === 'timeZoneName')?.value;
    if (name) return name === 'GMT' && new Date(ms).getTimezoneOffset() === 0 ? 'UTC' : name;
  } catch {
    /* no Intl zone data: fall back to the offset */
  }
  const off = -new Date(ms).getTimezoneOffset();
  if (off === 0) return 'UTC';
  const h = Math.floor(Math.abs(off) / 60), m = Math.abs(off) % 60;
  return `UTC${off < 0 ? '-' : '+'}${h}${m ? ':' + String(m).padStart(2, '0') : ''}`;
}

/** The machine's local zone. */
const LOCAL_ZONE: DisplayZone = {
  offsetAt: (ms) => -new Date(ms).getTimezoneOffset(),
  nameAt: zoneName,
};

/** The zone prompts read bare times in and the UI shows times in. */
export function displayZone(): DisplayZone {
  return vscode.workspace.getConfiguration('sitrep').get<string>('timeDisplay') === 'utc' ? UTC_ZONE : LOCAL_ZONE;
}
