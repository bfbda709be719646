/** action-due-date: every open action item has a calendar due date with a year. */
import { fieldOrItemRange, isTemplateAction, stateOf } from '../lint/helpers';
import type { Rule } from '../lint/types';
import { cleanValue } from '../lint/phrases';

export const rule: Rule = {
  name: 'action-due-date',
  description: 'An open action item with no due date, or one that is not a calendar date with a year ("soon", "TBD", "Q3 2026", "June 19").',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/action-due-date.md',
  kinds: ['postmortem'],
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const st = stateOf(a);
      if (st.done || st.due) continue;
      const due = a.fields.due;
      const written = cleanValue(due?.text);
      ctx.report({
        range: fieldOrItemRange(a, 'due'),
        message: !written
          ? 'Action item has no due date; give it a calendar date (e.g. 2026-12-15) so it can be tracked.'
          : `Action item ${st.dueProblem}; write a calendar date with a year, e.g. 2026-12-15 or 15 December 2026.`,
      });
    }
  },
};
