/** contributing-factors: at least three factors, across at least two layers. */
import { factorsLayered, firstLineRange, sectionsOf } from '../lint/helpers';
import type { Rule } from '../lint/types';

export const rule: Rule = {
  name: 'contributing-factors',
  description: 'Fewer than three contributing factors, or all in one layer (technical trigger, detection, rollout/control, responsibility/runbook, organizational).',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/contributing-factors.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    const section = sectionsOf(doc, 'contributing-factors')[0];
    const range = section ? section.headingRange : firstLineRange(doc);
    const { count, layers, ok } = factorsLayered(doc);
    if (ok) return;
    if (!section) {
      ctx.report({
        range,
        message: 'No "Contributing factors" section: list at least three factors across at least two layers (technical trigger, detection, rollout/control, responsibility/runbook, organizational).',
      });
    } else if (count < 3) {
      ctx.report({
        range,
        message: `${count === 0 ? 'No contributing factors are listed' : `Only ${count} contributing factor${count === 1 ? ' is' : 's are'} listed`}; list at least three, as bullets labelled with their layer (e.g. "- **detection:** …"), across at least two layers.`,
      });
    } else {
      ctx.report({
        range,
        message: `All ${count} contributing factors are in one layer (${[...layers][0]}); add what let the trigger cause impact: detection, rollout/control, responsibility/runbook or organizational factors.`,
      });
    }
  },
};
