/**
 * no-vague-action: an action item that is an exhortation, an intention to look into something, or
 * a comparative with nothing checkable, rather than a change to the system.
 */
import { judgeVagueness } from '../lint/vagueness';
import type { Rule } from '../lint/types';

/** What the quick fix inserts after the action text: a prompt for the concrete change and its signal. */
const VAGUE_PROMPT = ' → [the change to the system: which check, alert, guardrail, test or setting] (verify: [the observable signal that shows it works])';

export const rule: Rule = {
  name: 'no-vague-action',
  description: 'An action item that asks for effort or study ("be more careful", "investigate options", "monitor X better", "improve tests") instead of naming a change with something checkable.',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/no-vague-action.md',
  kinds: ['postmortem'],
  phrases: true,
  check(ctx) {
    for (const a of ctx.doc.actionItems) {
      const f = a.fields.action;
      if (!f || !f.text) continue;
      const v = judgeVagueness(f.text);
      let start: number, end: number, missing: string;
      if (v) ({ start, end, missing } = v);
      else {
        const hit = ctx.extraPhrases?.matchAll(f.text)[0];
        if (!hit) continue;
        [start, end] = hit;
        missing = 'it matches a phrase this project lists as vague; name the change to the system and its signal';
      }
      const words = f.text.slice(start, end).trim();
      const at = f.range.endColumn;
      ctx.report({
        range: { line: f.range.line, column: f.range.column + start, endLine: f.range.line, endColumn: f.range.column + start + words.length },
        message: `"${words}" is not a change: ${missing}.`,
        suggestions: [{ title: 'Add a prompt for the concrete change and its signal', edits: [{ range: { line: f.range.line, column: at, endLine: f.range.line, endColumn: at }, text: VAGUE_PROMPT }] }],
      });
    }
  },
};
