/** timeline-coverage: a postmortem timeline records detection, mitigation, communication and resolution. */
import { sectionsOf } from '../lint/helpers';
import { isPlaceholderLine } from '../parser/markdown';
import type { TimelineEntryNode } from '../parser/types';
import type { Rule } from '../lint/types';

type Moment = 'detection' | 'mitigation' | 'communication' | 'resolution';

const WORDS: Array<[Moment, RegExp]> = [
  ['detection', /\b(?:detect(?:ed|ion|s)?|alert(?:ed|s)?|alarm(?:ed|s)?|page[sd]?|paging|noticed|reported|first report|spotted|discovered|fired)\b/i],
  ['mitigation', /\b(?:mitigat(?:ed|ion|es|e)|roll(?:ed)? ?back|revert(?:ed)?|fail(?:ed)? ?over|disabled?|drain(?:ed)?|restart(?:ed)?|scaled|throttl(?:ed|ing)|blocked|workaround|hotfix)\b/i],
  ['communication', /\b(?:status ?page|status update|communicat(?:ed|ion|ions)|announce(?:d|ment)|notif(?:ied|ication)|email(?:ed)?|customers? (?:informed|told|notified)|posted|tweet(?:ed)?|comms|update (?:sent|posted)|support macro)\b/i],
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
    if (entries === 0) return; // required-sections reports an empty timeline
    const missing = (['detection', 'mitigation', 'communication', 'resolution'] as const).filter((m) => !seen.has(m));
    if (missing.length === 0) return;
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} or ${missing[missing.length - 1]}`;
    ctx.report({
      range: section.headingRange,
      message: `The timeline has no ${list} entry; add when it happened and the record it comes from (tag entries with [detection], [mitigation], [communication], [resolution]).`,
    });
  },
};
