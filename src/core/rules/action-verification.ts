/** action-verification: every action item has an observable completion signal. */
import { fieldOrItemRange, isTemplateAction } from '../lint/helpers';
import { cleanValue, isPlaceholderValue } from '../lint/phrases';
import type { Rule } from '../lint/types';

/** Completion "signals" that are not observable outcomes. */
const WEAK = [
  /^(?:done|complete|completed|finished|fixed|shipped|deployed|released|merged|closed|resolved|implemented|tested|works|working|ok|yes|no|[x✓✔])$/,
  /^(?:it is |it's |when |once |after )?(?:the |a )?(?:pr|mr|pull request|merge request|change|fix|ticket|code|patch|commit|branch|task|work)?\s*(?:is |has been |gets |was )?(?:merged|deployed|shipped|released|closed|done|complete|completed|fixed|implemented|finished|reviewed|approved)$/,
  /^(?:done|complete|completed) (?:when|once|after) .*(?:merged|deployed|shipped|released|closed|done|approved|reviewed)$/,
  /^(?:verify|check|confirm|make sure|ensure|test|validate)(?: that)? (?:it|this|the fix|the change|everything|things) (?:works|is working|is fixed|is ok|is done)$/,
  /^(?:it|this|the fix|the change|everything) (?:works|is working|is fixed|is ok)$/,
  /^(?:verified|check(?:ed)?|manual(?:ly)? (?:check|test|verification)?|qa|testing|review|code review)$/,
];

/** Every weak form holds one of these words (or is a lone mark): a quick test before the patterns. */
const WEAK_WORDS = /^.{0,3}$|done|complete|finish|fix|ship|deploy|releas|merg|clos|resolv|implement|test|work|verif|check|review|approv|manual|qa\b|\bok\b|\byes\b|\bno\b/i;

export function isWeakVerification(text: string): boolean {
  const t = cleanValue(text).toLowerCase().replace(/(?<![.!])[.!]+$/, '').trim();
  if (t.length > 120 || !WEAK_WORDS.test(t)) return false;
  return WEAK.some((re) => re.test(t));
}

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
      const v = a.fields.verification;
      if (!v || isPlaceholderValue(v.text)) {
        ctx.report({
          range: fieldOrItemRange(a, 'verification'),
          message: 'Action item has no verification: say what observable signal shows it worked (an alert firing in a drill, a metric, a failing build, a runbook review).',
        });
      } else if (isWeakVerification(v.text)) {
        ctx.report({
          range: v.range,
          message: `"${v.text}" says when the work ends, not how we will see it worked; name an observable signal (an alert that fires in a drill, a metric, a blocked bad deploy).`,
        });
      }
    }
  },
};
