/** action-verification: every action item has an observable completion signal. */
import { fieldOrItemRange, isTemplateAction, stateOf } from '../lint/helpers';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  name: 'action-verification',
  description: 'An action item with no observable completion signal ("TBD", "done when merged", "verify it works" and empty all count as missing).',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/action-verification.md',
  kinds: ['postmortem'],
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      if (isTemplateAction(a)) continue;
      const st = stateOf(a);
      if (st.verified) continue;
      const v = a.fields.verification;
      const problem = st.verificationProblem ?? 'has no verification';
      ctx.report({
        range: fieldOrItemRange(a, 'verification'),
        message:
          !v || problem === 'has no verification'
            ? 'Action item has no verification: say what observable signal shows it worked (an alert firing in a drill, a metric crossing a value, a CI job failing on a named fixture, a published page linked from a named place).'
            : `Action item's ${problem}; name an observable signal (an alert that fires in a drill, a metric, a blocked bad deploy, a published artifact and where it lives).`,
      });
    }
  },
};
