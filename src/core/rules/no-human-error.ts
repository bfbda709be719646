/** no-human-error: "human error" (and its kin) used as a cause or a conclusion. */
import { ADVERBS, PERSON_SUBJECT, ROLE_NOUNS } from '../lint/people';
import { isLiveProse, isRefuted } from '../lint/phrases';
import type { Fix, Rule, RuleContext } from '../lint/types';

export const PROMPT = '[which system conditions allowed this action? name the missing guardrail, signal or check]';

const PERSON_WORDS =
  '(?:an?|the|our|their|one|one of (?:the|our)) (?:engineers?|operators?|developers?|admins?|administrators?|sres?|persons?|users?|humans?|on-?call(?: engineers?)?|team members?|interns?|employees?|contractors?|responders?|staff)|someone|somebody|@[\\w.-]+';
const VERBS =
  'running|ran|executing|executed|typing|typed|deploying|deployed|pushing|pushed|applying|applied|deleting|deleted|dropping|dropped|merging|merged|issuing|entering|clicking|changing|making|forgetting|forgot|skipping|ignoring|restarting|rebooting|using|misconfiguring|editing|committing|approving';

/** Case-insensitive claims, each behind the literal word that a line must hold for it to apply. */
const CLAIMS: Array<[string, RegExp]> = [
  ['error', /\b(?:human|operator|user|pilot|engineer|personnel)[- ]errors?\b/gi],
  ['mistake', /\b(?:human|operator|user|engineer|personnel)[- ]mistakes?\b/gi],
  ['mistake', new RegExp(`\\ba mistake (?:by|of|from|on the part of) (?:(?:the |an? |our |their |one of (?:the |our )?)(?:[a-z-]{2,20} )?${ROLE_NOUNS}\\b|@?[\\w'’-]{1,40}(?:\\.[\\w'’-]{1,40})*)`, 'gi')],
  ['fault', /(?<![\w@.-])(?!(?:nobody|noone|anyone|anybody|no one|everyone|nobody else)['’])@?[\w.-]+['’]s fault\b/gi],
  ['fault', /\bthe fault of (?:the |an? |our )?@?[\w-]+(?:\.[\w-]+)*/gi],
  ['caused by', new RegExp(`\\bcaused by (?:${PERSON_WORDS}) (?:${VERBS})\\b`, 'gi')],
];
/** "The on-call engineer made a mistake", "Ana made an error": a person or role as subject (case-sensitive names). */
const MADE_MISTAKE = new RegExp(`${PERSON_SUBJECT}\\s{1,4}${ADVERBS}(?:made|makes|making) (?:a |an |one |another |the )?(?:simple |small |big |costly |honest |careless |typing )?(?:mistake|error)s?\\b`, 'g');
/** "caused by Maria running …": a capitalised name, case-sensitive. */
const CAUSED_BY_NAME = new RegExp(`\\b[Cc]aused by [A-Z][a-z]+(?: [A-Z][a-z]+)? (?:${VERBS})\\b`, 'g');
const PERSON_PART = new RegExp(`^caused by ((?:${PERSON_WORDS}|[a-z]{2,}(?: [a-z]{2,})?) )`, 'i');
/** Cheap literal pre-filter: lines without these words cannot hold a claim. */
const PREFILTER = ['error', 'mistake', 'fault', 'caused by'];
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
  anchors: PREFILTER,
  check(ctx) {
    const seen = new Set<string>();
    const consider = (line: number, col: number, endCol: number, matched: string) => {
      const key = `${line}:${col}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (line < ctx.doc.bodyStartLine || !isLiveProse(ctx, line, col)) return;
      if (NOT_PEOPLE.test(matched)) return;
      if (isRefuted(ctx, line, col, endCol)) return;
      ctx.report({
        range: { line, column: col, endLine: line, endColumn: endCol },
        message: `"${matched}" stops the explanation at a person. Describe the system conditions that allowed the action: the missing guardrail, signal, review or runbook step.`,
        fix: fixFor(ctx, line, col, endCol, matched),
      });
    };
    for (const line of ctx.linesWith(PREFILTER)) {
      const text = ctx.lines[line];
      const lower = text.toLowerCase();
      for (const [word, re] of CLAIMS) {
        if (lower.indexOf(word) < 0) continue;
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) consider(line, m.index, m.index + m[0].length, m[0]);
      }
      if (lower.indexOf('made') >= 0 || lower.indexOf('making') >= 0) {
        MADE_MISTAKE.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = MADE_MISTAKE.exec(text))) consider(line, m.index, m.index + m[0].length, m[0]);
      }
      if (lower.indexOf('caused by') >= 0) {
        CAUSED_BY_NAME.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = CAUSED_BY_NAME.exec(text))) consider(line, m.index, m.index + m[0].length, m[0]);
      }
    }
    if (ctx.extraPhrases) {
      for (const m of ctx.extraPhrases.matchLines(ctx)) consider(m.line, m.column, m.endColumn, ctx.lines[m.line].slice(m.column, m.endColumn));
    }
  },
};
