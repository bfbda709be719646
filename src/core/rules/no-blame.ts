/** no-blame: person-blaming language (careless, negligent, "should have known", "X forgot", "to blame"). */
import { isLiveProse, isRefuted, phraseMatcher } from '../lint/phrases';
import type { Rule } from '../lint/types';

export const BLAME_PHRASES = [
  'careless',
  'carelessly',
  'carelessness',
  'negligent',
  'negligently',
  'negligence',
  'should have known',
  'should have known better',
  "should've known",
  'ought to have known',
  'lack of attention',
  'lack of care',
  "wasn't paying attention",
  'was not paying attention',
  "weren't paying attention",
  'were not paying attention',
  'not paying attention',
  'incompetent',
  'incompetence',
  'to blame',
  'sloppy',
  'sloppiness',
  'reckless',
  'recklessly',
  'fat-fingered',
  'fat fingered',
  'dropped the ball',
];

const matcher = phraseMatcher(BLAME_PHRASES);
/** "<name> forgot": a handle, a capitalised name or a role, then "forgot". */
const FORGOT = /(?:@[\w.-]+|\b(?!(?:We|It|This|That|They|There|I|Nobody|Everyone|Everybody|Who|Which|What|And|But|Or|So|Then|Also|Script|System|Job|The|A|An|Our|Their)\b)[A-Z][a-z]+(?: [A-Z][a-z]+)?|\b(?:[Tt]he|[Aa]n?|[Oo]ur|[Tt]heir) (?:engineer|operator|developer|on-?call(?: engineer)?|sre|admin|administrator|deployer|reviewer|ic|responder|person|team member|intern|author))\s+forgot\b/g;

export const rule: Rule = {
  name: 'no-blame',
  description: 'Person-blaming language: careless, negligent, "should have known", "lack of attention", "<name> forgot", incompetent, "to blame".',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/no-blame.md',
  kinds: ['postmortem', 'incident'],
  phrases: true,
  anchors: [...matcher.anchors, 'forgot'],
  check(ctx) {
    const seen = new Set<string>();
    const consider = (line: number, col: number, endCol: number) => {
      const key = `${line}:${col}`;
      if (seen.has(key)) return;
      seen.add(key);
      if (line < ctx.doc.bodyStartLine || !isLiveProse(ctx, line, col)) return;
      if (isRefuted(ctx, line, col, endCol)) return;
      const phrase = ctx.lines[line].slice(col, endCol);
      ctx.report({
        range: { line, column: col, endLine: line, endColumn: endCol },
        message: `"${phrase}" blames a person. Say what the person saw and why the action made sense at the time, and which safeguard was missing.`,
      });
    };
    for (const m of matcher.matchLines(ctx)) consider(m.line, m.column, m.endColumn);
    for (const line of ctx.linesWith(['forgot'])) {
      const text = ctx.lines[line];
      FORGOT.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = FORGOT.exec(text))) consider(line, m.index, m.index + m[0].length);
    }
    if (ctx.extraPhrases) for (const m of ctx.extraPhrases.matchLines(ctx)) consider(m.line, m.column, m.endColumn);
  },
};
