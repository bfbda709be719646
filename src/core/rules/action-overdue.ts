/** action-overdue: an open action item whose due date has passed. Needs `now` from the caller. */
import { fieldOrItemRange, isTemplateAction, stateOf } from '../lint/helpers';
import type { Rule } from '../lint/types';
import { parseDate } from '../time';

const DAY = 86_400_000;

export const rule: Rule = {
  name: 'action-overdue',
  description: 'An open action item whose due date has passed.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/action-overdue.md',
  kinds: ['postmortem'],
  check(ctx) {
    const now = ctx.now;
    if (now === undefined) return;
    for (const a of ctx.doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const st = stateOf(a);
      const date = st.due;
      if (st.done || !date) continue;
      const end = parseDate(date)! + DAY; // due at the end of its day (UTC)
      if (now < end) continue;
      const days = Math.floor((now - end) / DAY) + 1;
      ctx.report({
        range: fieldOrItemRange(a, 'due'),
        message: `Due ${date} has passed (${days} day${days === 1 ? '' : 's'} ago) and the action is still open; finish it, or re-plan it with a new date.`,
      });
    }
  },
};
