/** status-update-next-time: every status update says when the next one will be, unless it is the final one. */
import { allowedCadence } from '../lint/helpers';
import { cleanValue, isPlaceholderValue } from '../lint/phrases';
import type { Fix, Rule } from '../lint/types';
import type { ParsedDocument, StatusUpdateNode } from '../parser/types';
import { formatTimestamp } from '../time';

function addLineFix(doc: ParsedDocument, u: StatusUpdateNode, when: string): Fix | undefined {
  if (u.format !== 'heading') return undefined;
  const lastLine = u.range.endLine;
  const lastText = doc.lines[lastLine];
  const bullet = lastLine > u.line ? /^(\s*[-*+]\s+)/.exec(lastText)?.[1] : undefined;
  const bold = !!bullet && /^\s*[-*+]\s+(?:\*\*|__)/.test(lastText);
  const label = bold || lastLine === u.line ? '**Next update:**' : 'Next update:';
  const col = lastText.length;
  return {
    title: `Add "Next update: ${when}"`,
    edits: [{ range: { line: lastLine, column: col, endLine: lastLine, endColumn: col }, text: `${doc.eol}${bullet ?? (lastLine === u.line ? '- ' : '')}${label} ${when}` }],
  };
}

export const rule: Rule = {
  name: 'status-update-next-time',
  description: 'A status update that does not state when the next update comes (a final, resolved update needs none).',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/status-update-next-time.md',
  kinds: ['incident'],
  check(ctx) {
    const { doc } = ctx;
    const cadence = allowedCadence(doc, ctx);
    for (const u of doc.statusUpdates) {
      if (u.final || u.next?.stated) continue;
      const when = u.at !== undefined && cadence !== undefined ? formatTimestamp(u.at + cadence * 60_000) : undefined;
      const next = u.next?.value;
      const written = cleanValue(next?.text);
      let fix: Fix | undefined;
      if (when && next && (isPlaceholderValue(next.text) || written === '')) fix = { title: `Set the next update to ${when}`, edits: [{ range: next.range, text: when }] };
      else if (when && !next) fix = addLineFix(doc, u, when);
      const range = u.headingRange;
      ctx.report({
        range,
        message: next
          ? `This status update says the next update comes "${written || '…'}", which is not a time; give a clock time with its zone${when ? ` (${when} keeps the cadence)` : ''}, or mark it as the final update.`
          : `This status update does not say when the next one comes; add "Next update: <time and zone>"${when ? ` (${when} keeps the cadence)` : ''}, or say it is the final update.`,
        fix,
      });
    }
  },
};
