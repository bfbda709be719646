/** front-matter-schema: front matter that breaks its schema, reported at the exact key or value. */
import type { Rule } from '../lint/types';

export const rule: Rule = {
  name: 'front-matter-schema',
  description: 'Front matter that is not valid YAML or breaks the incident or postmortem schema, at the exact key or value.',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/front-matter-schema.md',
  kinds: ['postmortem', 'incident'],
  frontMatterOnly: true,
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.code === 'front-matter-schema') ctx.report({ range: p.range, message: p.message });
    }
  },
};
