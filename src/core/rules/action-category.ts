/** action-category: every action item is classified prevent, detect, mitigate or learn. */
import { fieldOrItemRange, isTemplateAction, setFieldEdit } from '../lint/helpers';
import { ACTION_CATEGORIES } from '../model/schemas';
import { categoryOf } from '../parser/items';
import { cleanValue, isPlaceholderValue } from '../lint/phrases';
import type { Fix, Rule } from '../lint/types';

export const rule: Rule = {
  name: 'action-category',
  description: 'An action item whose category is missing or not one of prevent, detect, mitigate, learn.',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/action-category.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    for (const a of doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const f = a.fields.category;
      const written = cleanValue(f?.text);
      if (f && written && categoryOf(written)?.exact) continue;
      const mapped = written ? categoryOf(written) : undefined;
      const options = (c: string): Fix | undefined => {
        const edit = setFieldEdit(doc, a, 'category', 'category', c);
        return edit ? { title: `Set category to "${c}"`, edits: [edit] } : undefined;
      };
      const fix = mapped ? options(mapped.category) : undefined;
      const suggestions = ACTION_CATEGORIES.filter((c) => c !== mapped?.category)
        .map(options)
        .filter((x): x is Fix => !!x);
      let message: string;
      if (!f && a.origin === 'table') message = 'Action item has no category: add a Category column (prevent, detect, mitigate or learn).';
      else if (!f || isPlaceholderValue(f.text)) message = 'Action item has no category; classify it as prevent, detect, mitigate or learn.';
      else if (mapped) message = `Category "${written}" is not one of prevent, detect, mitigate, learn; "${written}" means "${mapped.category}".`;
      else message = `Category "${written}" is not one of prevent, detect, mitigate, learn.`;
      ctx.report({
        range: fieldOrItemRange(a, 'category'),
        message,
        fix,
        suggestions,
      });
    }
  },
};
