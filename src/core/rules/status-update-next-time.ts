/** status-update-next-time: every status update says when the next one will be. */
import { allowedCadence } from '../lint/helpers';
import { cleanValue, isPlaceholderValue } from '../lint/phrases';
import type { Fix, Rule } from '../lint/types';
import { formatTimestamp, parseTimestamp } from '../time';

export const rule: Rule = {
  name: 'status-update-next-time',
  description: 'A status update that does not state the next update time.',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/status-update-next-time.md',
  kinds: ['incident'],
  check(ctx) {
    const { doc } = ctx;
    const cadence = allowedCadence(doc, ctx);
    for (const u of doc.statusUpdates) {
      const next = u.fields.get('next_update');
      const when = u.at !== undefined && cadence !== undefined ? formatTimestamp(u.at + cadence * 60_000) : undefined;
      if (!next || isPlaceholderValue(next.text)) {
        let fix: Fix | undefined;
        if (when && next) {
          fix = { title: `Set the next update to ${when}`, edits: [{ range: next.range, text: when }] };
        } else if (when) {
          const lastLine = u.range.endLine;
          const lastText = doc.lines[lastLine];
          const marker = lastLine > u.line ? (/^(\s*[-*+]\s+)/.exec(lastText)?.[1] ?? '- ') : '- ';
          const bold = lastLine > u.line && /^\s*[-*+]\s+(?:\*\*|__)/.test(lastText);
          const label = bold ? '**Next update:**' : 'Next update:';
          const col = lastText.length;
          fix = {
            title: `Add "Next update: ${when}"`,
            edits: [{ range: { line: lastLine, column: col, endLine: lastLine, endColumn: col }, text: `${doc.eol}${lastLine > u.line ? marker : '- '}${lastLine > u.line ? label : '**Next update:**'} ${when}` }],
          };
        }
        ctx.report({
          range: next ? next.range : u.headingRange,
          message: `This status update does not say when the next one is; add "- **Next update:** <ISO time>"${when ? ` (${when} keeps the cadence)` : ''}.`,
          fix,
        });
      } else if (parseTimestamp(cleanValue(next.text)) === undefined) {
        ctx.report({
          range: next.range,
          message: `Next update "${next.text}" is not a timestamp; write the date, time and zone, e.g. ${when ?? '2026-11-27T11:05:00Z'}.`,
        });
      }
    }
  },
};
