/** timeline-coverage: a postmortem timeline records detection, mitigation, communication and resolution. */
import { sectionsOf } from '../lint/helpers';
import { isPlaceholderLine } from '../parser/markdown';
import type { TimelineEntryNode } from '../parser/types';
import type { Rule } from '../lint/types';

type Moment = 'detection' | 'mitigation' | 'communication' | 'resolution';

const WORDS: Array<[Moment, RegExp]> = [
  ['detection', /\b(?:detect(?:ed|ion|s)?|alert(?:ed|s)?|alarm(?:ed|s)?|page[sd]?|paging|noticed|reported|first report|spotted|discovered|fired)\b/i],
  ['mitigation', /\b(?:mitigat(?:ed|ion|es|e)|roll(?:ed)? ?back|revert(?:ed)?|fail(?:ed)? ?over|disabled?|drain(?:ed)?|restart(?:ed)?|scaled|throttl(?:ed|ing)|blocked|workaround|hotfix|paused|re-?pushed|re-?deployed|patched|rerouted|re-?routed|shifted traffic|traffic shifted|purged|flushed)\b/i],
  ['communication', /\b(?:status ?page|status\.[a-z0-9-]+\.[a-z]{2,}|status update|communicat(?:ed|ion|ions)|announce(?:d|ment)|notif(?:ied|ication)|email(?:ed)?|customers? (?:informed|told|notified)|posted|tweet(?:ed)?|comms|update (?:sent|posted)|support macro|banner|(?:told|informed) (?:the )?(?:customers?|users?|support|stakeholders|leads?|shift leads|merchants?|partners?))\b/i],
  ['resolution', /\b(?:resolv(?:ed|ution)|recover(?:ed|y)|restored|all[- ]clear|back to normal|closed|ended|fully (?:operational|recovered))\b/i],
];

function momentsOf(e: TimelineEntryNode, seen: Set<Moment>): Moment[] {
  switch (e.kind) {
    case 'detection':
      return ['detection'];
    case 'mitigation':
      return ['mitigation'];
    case 'communication':
    case 'status-update':
      return ['communication'];
    case 'resolution':
      return ['resolution'];
  }
  return WORDS.filter(([m, re]) => !seen.has(m) && re.test(e.text)).map(([m]) => m);
}

export const rule: Rule = {
  name: 'timeline-coverage',
  description: 'A postmortem timeline with no detection, mitigation, communication or resolution entry.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/timeline-coverage.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    const section = sectionsOf(doc, 'timeline')[0];
    if (!section) return;
    const seen = new Set<Moment>();
    let entries = 0;
    for (const e of doc.timeline) {
      // A tagged entry is never a template hint; only untagged lines need the placeholder check.
      if (!e.kind && isPlaceholderLine(doc.lines[e.line])) continue;
      entries++;
      for (const m of momentsOf(e, seen)) seen.add(m);
      if (seen.size === 4) return;
    }
    if (entries === 0) {
      // An empty timeline is required-sections' finding; a timeline told as prose, with no entry
      // that has a time, is this one's: it cannot be checked against any record.
      const prose = firstProse(doc.lines, section.line + 1, section.endLine, doc.prose);
      if (prose) {
        ctx.report({
          range: { line: prose.line, column: prose.column, endLine: prose.line, endColumn: prose.column + prose.text.length },
          message: `The timeline is told without times ("${prose.text.length > 60 ? prose.text.slice(0, 59) + '…' : prose.text}"): write one entry per event with its date, time and zone, and the record it comes from.`,
        });
      }
      return;
    }
    const missing = (['detection', 'mitigation', 'communication', 'resolution'] as const).filter((m) => !seen.has(m));
    if (missing.length === 0) return;
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
    ctx.report({
      range: section.headingRange,
      message: `The timeline has no ${list} entry; add when it happened and the record it comes from (tag entries with [detection], [mitigation], [communication], [resolution]).`,
    });
  },
};

/** The first line of prose in [from, to) that is not a template hint. */
function firstProse(lines: readonly string[], from: number, to: number, prose: readonly boolean[]): { line: number; column: number; text: string } | undefined {
  for (let l = from; l < to; l++) {
    const t = lines[l];
    if (!prose[l] || isPlaceholderLine(t) || /^\s*(?:[#|>]|<!--)/.test(t)) continue;
    const column = t.length - t.trimStart().length;
    return { line: l, column, text: t.trim() };
  }
  return undefined;
}
