/** action-owner: every action item has an owner. */
import { fieldOrItemRange, isTemplateAction } from '../lint/helpers';
import { isPlaceholderValue } from '../lint/phrases';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  name: 'action-owner',
  description: 'An action item with no owner.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/action-owner.md',
  kinds: ['postmortem'],
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const o = a.fields.owner;
      if (!o || isPlaceholderValue(o.text)) {
        ctx.report({ range: fieldOrItemRange(a, 'owner'), message: 'Action item has no owner; name the person or team who will see it through.' });
      }
    }
  },
};
