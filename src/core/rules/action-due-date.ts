/** action-due-date: every action item has a calendar due date (YYYY-MM-DD). */
import { fieldOrItemRange, isTemplateAction } from '../lint/helpers';
import { cleanValue, isPlaceholderValue } from '../lint/phrases';
import type { Rule } from '../lint/types';
import { isValidDate } from '../time';

const DATE = /^(\d{4}-\d{2}-\d{2})(?:[T ]\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?\s*(?:Z|[+-]\d{2}:?\d{2}|UTC)?)?$/i;

/** The YYYY-MM-DD date a due value holds, or undefined when it is not a calendar date. */
export function dueDate(text: string | undefined): string | undefined {
  const m = DATE.exec(cleanValue(text));
  return m && isValidDate(m[1]) ? m[1] : undefined;
}

export const rule: Rule = {
  name: 'action-due-date',
  description: 'An action item with no due date, or one that is not a calendar date ("soon", "TBD", "Q?").',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/action-due-date.md',
  kinds: ['postmortem'],
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const due = a.fields.due;
      if (!due || isPlaceholderValue(due.text)) {
        ctx.report({
          range: fieldOrItemRange(a, 'due'),
          message: due && due.text.trim()
            ? `Due "${due.text}" is a placeholder; give the action a calendar due date (YYYY-MM-DD).`
            : 'Action item has no due date; give it a calendar date (YYYY-MM-DD) so it can be tracked.',
        });
      } else if (!dueDate(due.text)) {
        ctx.report({ range: due.range, message: `Due "${due.text}" is not a calendar date; write it as YYYY-MM-DD, e.g. 2026-12-15.` });
      }
    }
  },
};
