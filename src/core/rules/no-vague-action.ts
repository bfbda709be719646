/** no-vague-action: an action item that is an aspiration ("be more careful"), not a change. */
import { phraseMatcher } from '../lint/phrases';
import type { Rule } from '../lint/types';

export const VAGUE_PHRASES = [
  'be careful',
  'be more careful',
  'more careful',
  'take more care',
  'be more diligent',
  'be diligent',
  'be vigilant',
  'be more vigilant',
  'stay vigilant',
  'more vigilant',
  'pay attention',
  'pay more attention',
  'pay closer attention',
  'monitor better',
  'better monitoring',
  'improve monitoring',
  'more monitoring',
  'improve tests',
  'improve the tests',
  'improve testing',
  'improve test coverage',
  'better tests',
  'better testing',
  'more tests',
  'more testing',
  'test more',
  'test better',
  'double-check',
  'double check',
  'triple-check',
  'communicate better',
  'better communication',
  'improve communication',
  'communicate more',
  'remember to',
  'try harder',
  'be more aware',
  'raise awareness',
  'be mindful',
  'be more mindful',
  "don't forget",
  'do not forget',
  'think twice',
  'be more thorough',
  'be thorough',
  'avoid this in the future',
  'avoid mistakes',
  'make fewer mistakes',
  'do better',
  'learn from this',
];

const matcher = phraseMatcher(VAGUE_PHRASES);

export const rule: Rule = {
  name: 'no-vague-action',
  description: 'An action item that is an aspiration, not a change: "be more careful", "monitor better", "improve tests", "double-check …".',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/no-vague-action.md',
  kinds: ['postmortem'],
  phrases: true,
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      const f = a.fields.action;
      if (!f || !f.text) continue;
      let hit = matcher.matchAll(f.text)[0];
      if (!hit && ctx.extraPhrases) hit = ctx.extraPhrases.matchAll(f.text)[0];
      if (!hit) continue;
      const [s, e] = hit;
      const phrase = f.text.slice(s, e);
      ctx.report({
        range: { line: f.range.line, column: f.range.column + s, endLine: f.range.line, endColumn: f.range.column + e },
        message: `"${phrase}" is an aspiration, not a change. Name the change to the system (a check, alert, guardrail, test or runbook step) that makes the outcome hold without relying on effort.`,
      });
    }
  },
};
