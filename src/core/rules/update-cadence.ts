/** update-cadence: promised next updates within the severity's cadence, and no update overdue. */
import { MAX_CADENCE } from '../config';
import { allowedCadence, firstLineRange, frontData, frontRange, incidentSeverity, isActiveIncident, sectionsOf } from '../lint/helpers';
import { cleanValue } from '../lint/phrases';
import type { Range } from '../text';
import type { Rule } from '../lint/types';
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
    let latest: { at: number; range: Range } | undefined;
    const promise = (at: number | undefined, range: Range) => {
      if (at !== undefined && (!latest || at >= latest.at)) latest = { at, range };
    };
    for (const u of doc.statusUpdates) {
      const labelled = u.fields.get('next_update');
      const next = labelled ?? u.next?.value;
      const t = (labelled ? parseTimestamp(cleanValue(labelled.text)) : undefined) ?? u.next?.at;
      if (t === undefined || !next) continue;
      if (u.at !== undefined && t - u.at > cadence * 60_000) {
        ctx.report({
          range: next.range,
          message: `Next update promised ${formatDuration(t - u.at)} after this one; ${sev ?? 'this incident'} allows at most ${cadence} min. Promise ${formatTimestamp(u.at + cadence * 60_000)} or earlier.`,
        });
      }
      promise(t, next.range);
    }
    const nextDue = typeof fm.next_update_due === 'string' ? parseTimestamp(fm.next_update_due) : undefined;
    if (nextDue !== undefined) promise(nextDue, frontRange(doc, 'next_update_due')!);
    const now = ctx.now;
    if (now === undefined || !isActiveIncident(doc)) return;
    if (!latest) {
      // No promise written yet: the first update is due one cadence after detection (or start).
      const from = [fm.detected, fm.started].map((v) => (typeof v === 'string' ? parseTimestamp(v) : undefined)).find((v) => v !== undefined);
      if (from === undefined) return;
      const section = sectionsOf(doc, 'status-updates')[0];
      latest = { at: from + cadence * 60_000, range: section?.headingRange ?? frontRange(doc, 'detected') ?? frontRange(doc, 'started') ?? firstLineRange(doc) };
    }
    if (now > latest.at) {
      ctx.report({
        range: latest.range,
        message: `Status update overdue by ${formatDuration(now - latest.at)} (due ${formatTimestamp(latest.at)}); post an update with what is known, unknown, impact, mitigation and the next update time.`,
      });
    }
  },
};
