/** action-overdue: an open action item whose due date has passed. Needs `now` from the caller. */
import { isOpenAction, isTemplateAction } from '../lint/helpers';
import type { Rule } from '../lint/types';
import { parseDate } from '../time';
import { dueDate } from './action-due-date';

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
      if (isTemplateAction(a) || !isOpenAction(a)) continue;
      const date = dueDate(a.fields.due?.text);
      if (!date) continue;
      const end = parseDate(date)! + DAY; // due at the end of its day (UTC)
      if (now < end) continue;
      const days = Math.floor((now - end) / DAY) + 1;
      ctx.report({
        range: a.fields.due!.range,
        message: `Due ${date} has passed (${days} day${days === 1 ? '' : 's'} ago) and the action is still open; finish it, or re-plan it with a new date.`,
      });
    }
  },
};
