/** no-human-error: "human error" (and its kin) used as a cause or a conclusion. */
import { isLiveProse, isRefuted } from '../lint/phrases';
import type { Fix, Rule, RuleContext } from '../lint/types';

export const PROMPT = '[which system conditions allowed this action? name the missing guardrail, signal or check]';

const PERSON_WORDS =
  '(?:an?|the|our|their|one|one of (?:the|our)) (?:engineers?|operators?|developers?|admins?|administrators?|sres?|persons?|users?|humans?|on-?call(?: engineers?)?|team members?|interns?|employees?|contractors?|responders?|staff)|someone|somebody|@[\\w.-]+';
const VERBS =
  'running|ran|executing|executed|typing|typed|deploying|deployed|pushing|pushed|applying|applied|deleting|deleted|dropping|dropped|merging|merged|issuing|entering|clicking|changing|making|forgetting|forgot|skipping|ignoring|restarting|rebooting|using|misconfiguring|editing|committing|approving';

/** Case-insensitive claims. */
const CLAIMS = new RegExp(
  [
    '\\b(?:human|operator|user|pilot|engineer|personnel)[- ]errors?\\b',
    "\\ba mistake (?:by|of|from|on the part of) (?:the |an? |our |their |one of (?:the |our )?)?@?[\\w.'’-]+",
    "(?<![\\w@.-])(?!(?:nobody|noone|anyone|anybody|no one|everyone|nobody else)['’])@?[\\w.-]+(?: [\\w.-]+)?['’]s fault\\b",
    '\\bthe fault of (?:the |an? |our )?@?[\\w.-]+',
    `\\bcaused by (?:${PERSON_WORDS}) (?:${VERBS})\\b`,
  ].join('|'),
  'gi',
);
/** "caused by Maria running …": a capitalised name, case-sensitive. */
const CAUSED_BY_NAME = new RegExp(`\\b[Cc]aused by ([A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:${VERBS})\\b`, 'g');
const PERSON_PART = new RegExp(`^caused by ((?:${PERSON_WORDS}|[A-Z][a-z]+(?: [A-Z][a-z]+)?) )`, 'i');
const NOT_PEOPLE = /^(?:nobody|no one|noone|anyone|anybody|everyone|it|this|that|there|here)['’]s fault$/i;

function fixFor(ctx: RuleContext, line: number, col: number, end: number, matched: string): Fix {
  const person = PERSON_PART.exec(matched);
  if (person && /^caused by /i.test(matched)) {
    // Drop the person, keep the action, and ask for the conditions at the end of the sentence.
    const text = ctx.lines[line];
    const stop = /[.!?](?:\s|$)/.exec(text.slice(end));
    const at = stop ? end + stop.index : text.trimEnd().length;
    const pStart = col + 'caused by '.length;
    return {
      title: 'Replace the person with a prompt for the system conditions',
      edits: [
        { range: { line, column: pStart, endLine: line, endColumn: pStart + person[1].length }, text: '' },
        { range: { line, column: at, endLine: line, endColumn: at }, text: ` ${PROMPT}` },
      ],
    };
  }
  return {
    title: `Replace "${matched}" with a prompt for the system conditions`,
    edits: [{ range: { line, column: col, endLine: line, endColumn: end }, text: PROMPT }],
  };
}

export const rule: Rule = {
  name: 'no-human-error',
  description: '"Human error" (operator error, someone\'s fault, a mistake by someone) used as a cause or conclusion.',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/no-human-error.md',
  kinds: ['postmortem', 'incident'],
  phrases: true,
  check(ctx) {
    const text = ctx.doc.text;
    const seen = new Set<number>();
    const consider = (start: number, end: number, matched: string) => {
      if (seen.has(start)) return;
      seen.add(start);
      const line = ctx.lineOf(start);
      const col = start - ctx.lineStart(line);
      const endCol = Math.min(col + (end - start), ctx.lines[line].length);
      if (line < ctx.doc.bodyStartLine || !isLiveProse(ctx, line, col)) return;
      if (NOT_PEOPLE.test(matched)) return;
      if (isRefuted(ctx, line, col, endCol)) return;
      ctx.report({
        range: { line, column: col, endLine: line, endColumn: endCol },
        message: `"${matched}" stops the explanation at a person. Describe the system conditions that allowed the action: the missing guardrail, signal, review or runbook step.`,
        fix: fixFor(ctx, line, col, endCol, matched),
      });
    };
    for (const re of [CLAIMS, CAUSED_BY_NAME]) {
      re.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = re.exec(text))) {
        // Claims never span lines.
        const nl = m[0].search(/[\r\n]/);
        const s = m[0].slice(0, nl < 0 ? undefined : nl);
        consider(m.index, m.index + s.length, s);
      }
    }
    if (ctx.extraPhrases) for (const [s, e] of ctx.extraPhrases.matchAll(text)) consider(s, e, text.slice(s, e));
  },
};
