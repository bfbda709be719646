/** required-sections: Impact, Timeline, Contributing factors and Action items, present and filled in. */
import { firstLineRange, isPlaceholderSection, sectionsOf } from '../lint/helpers';
import type { SectionKey } from '../parser/types';
import type { Rule } from '../lint/types';

export const REQUIRED: Array<[SectionKey, string, string]> = [
  ['impact', 'Impact', 'who was affected, how badly, from when to when, and whether data was lost'],
  ['timeline', 'Timeline', 'timestamped detection, mitigation, communication and resolution entries'],
  ['contributing-factors', 'Contributing factors', 'at least three factors across at least two layers'],
  ['action-items', 'Action items', 'actions with owner, due date, category and verification'],
];

export const rule: Rule = {
  name: 'required-sections',
  description: 'A postmortem without Impact, Timeline, Contributing factors or Action items, or with only template placeholders in them.',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/required-sections.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    for (const [key, title, what] of REQUIRED) {
      const found = sectionsOf(doc, key);
      if (found.length === 0) {
        ctx.report({ range: firstLineRange(doc), message: `Missing section "${title}": add it with ${what}.` });
      } else if (found.every((s) => isPlaceholderSection(doc, s))) {
        ctx.report({ range: found[0].headingRange, message: `"${found[0].title}" holds only template placeholders: fill it in with ${what}.` });
      }
    }
  },
};
