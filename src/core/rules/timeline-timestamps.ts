/** timeline-timestamps: every timeline entry starts with a full timestamp (date, time and zone). */
import { isPlaceholderLine } from '../parser/markdown';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  name: 'timeline-timestamps',
  description: 'A timeline entry with no time, or a time lacking a date or a zone ("10:42 paged", "around noon").',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/timeline-timestamps.md',
  kinds: ['postmortem', 'incident'],
  check(ctx) {
    const { doc } = ctx;
    for (const e of doc.timeline) {
      if (e.at !== undefined) continue;
      if (isPlaceholderLine(doc.lines[e.line]) || (!e.time && !e.text)) continue;
      // A date line heading the entries ("2015-10-21 (all times UTC)") is not an entry.
      if (e.format === 'line' && e.time && /^(?:\([^)]*\))?$/.test(e.text.trim())) continue;
      if (!e.time) {
        ctx.report({
          range: e.range,
          message: 'Timeline entry has no time; start it with an ISO 8601 timestamp with date and zone, e.g. 2026-11-27T09:52:00Z.',
        });
      } else {
        ctx.report({
          range: e.time.range,
          message: `"${e.time.text}" ${e.timeProblem ?? 'is not a full timestamp'}; write the date, time and zone, e.g. 2026-11-27T09:52:00Z, taken from the source record.`,
        });
      }
    }
  },
};
