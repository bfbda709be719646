/** update-cadence: promised next updates within the severity's cadence, and no update overdue. */
import { MAX_CADENCE } from '../config';
import { countdownSeverity, isOverdue, promisedNext, updateDeadline } from '../incident/cadence';
import { allowedCadence, firstLineRange, frontData, frontRange, incidentSeverity, isActiveIncident } from '../lint/helpers';
import { cleanValue } from '../lint/phrases';
import type { Rule } from '../lint/types';
import { latestUpdate } from '../parser/updates';
import { formatDuration, formatTimestamp, parseTimestamp } from '../time';

export const rule: Rule = {
  name: 'update-cadence',
  description: 'A promised next update later than the severity allows (SEV1 30 min, SEV2 60 min, lower: the confirmed cadence), or an update overdue.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/update-cadence.md',
  kinds: ['incident'],
  check(ctx) {
    const { doc } = ctx;
    const sev = incidentSeverity(doc);
    const fm = frontData(doc);
    const cap = sev ? MAX_CADENCE[sev] : undefined;
    if (cap !== undefined && typeof fm.update_cadence_minutes === 'number' && fm.update_cadence_minutes > cap) {
      ctx.report({
        range: frontRange(doc, 'update_cadence_minutes')!,
        message: `${sev} needs a status update at least every ${cap} minutes; ${fm.update_cadence_minutes} is too long.`,
      });
    }
    const cadence = allowedCadence(doc, ctx);
    if (cadence === undefined) return;
    // Promises are judged against the severity written; one that does not read is its own finding.
    const judgePromises = sev !== undefined || countdownSeverity(doc, fm) === undefined;
    for (const u of judgePromises ? doc.statusUpdates : []) {
      const labelled = u.fields.get('next_update');
      const next = labelled ?? u.next?.value;
      const t = (labelled ? parseTimestamp(cleanValue(labelled.text)) : undefined) ?? u.next?.at;
      if (t === undefined || !next) continue;
      if (u.at !== undefined && t - u.at > cadence * 60_000) {
        ctx.report({
          range: next.range,
          message: `Next update promised ${beyond(t - u.at, cadence)} after this one; ${sev ?? 'this incident'} allows at most ${cadence} min. Promise ${formatTimestamp(u.at + cadence * 60_000)} or earlier.`,
        });
      }
    }
    const now = ctx.now;
    if (now === undefined || !isActiveIncident(doc)) return;
    // The same deadline the status-bar countdown shows.
    const latest = updateDeadline(doc, cadence, fm);
    if (latest && isOverdue(latest.at, now)) {
      const promised = latest.from === 'front-matter' ? lastPromise(doc) : undefined;
      const stale = promised !== undefined && promised > latest.at ? ` The front matter's next_update_due is earlier than the ${formatTimestamp(promised)} the last update promised; set it to that time if that promise stands.` : '';
      ctx.report({
        range: latest.range ?? firstLineRange(doc),
        message: `Status update overdue by ${now - latest.at < 60_000 ? 'less than a minute' : formatDuration(now - latest.at)} (due ${formatTimestamp(latest.at)}); post an update with what is known, unknown, impact, mitigation and the next update time.${stale}`,
      });
    }
  },
};

/**
 * How long after an update the next one is promised, precise enough never to read as within the
 * cadence: "31 min", or "30 min 28 s" when rounding to minutes would say "30 min".
 */
export function beyond(ms: number, cadenceMinutes: number): string {
  if (Math.round(ms / 60_000) > cadenceMinutes) return formatDuration(ms);
  const s = Math.ceil(ms / 1000);
  const min = Math.floor(s / 60), sec = s % 60;
  return sec ? `${min} min ${sec} s` : `${min} min`;
}

/** The next update the last status update promises. */
function lastPromise(doc: Parameters<Rule['check']>[0]['doc']): number | undefined {
  const last = latestUpdate(doc.statusUpdates);
  return last ? promisedNext(last)?.at : undefined;
}
