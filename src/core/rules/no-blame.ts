/** no-blame: person-blaming language (careless, negligent, "should have known", "X forgot", "to blame"). */
import { ADVERBS, PERSON_SUBJECT } from '../lint/people';
import { isLiveProse, isRefuted, phraseMatcher } from '../lint/phrases';
import type { Rule } from '../lint/types';

/** What a person is said not to have followed. */
const PROCESS_LIST = 'process|procedures?|runbooks?|checklists?|playbooks?|instructions|policy|protocol|steps?|guidance|documentation|docs|rules';

const BLAME_PHRASES = [
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

/** What a person is said to have done, with the person or role as subject (see people.ts). */
const PERSON_FORMS: Array<[string, RegExp]> = [
  // "<Name> forgot", "the operator forgot"
  ['forgot', new RegExp(`${PERSON_SUBJECT}\\s{1,4}${ADVERBS}forgot\\b`, 'g')],
  // "the DBA misjudged the size of the backfill"
  ['misjudged', new RegExp(`${PERSON_SUBJECT}\\s{1,4}${ADVERBS}misjudged\\b`, 'g')],
  // "the release manager did not follow the runbook", "Tom failed to follow the change process"
  [
    'follow',
    new RegExp(
      `${PERSON_SUBJECT}\\s{1,4}${ADVERBS}(?:did not|didn['’]t|failed to|neglected to|chose not to|refused to|never bothered to|didn['’]t bother to|could not be bothered to|did not bother to|never) (?:properly |actually )?follow(?:ed)? (?:the |our |their |his |her |a |any )?(?:[a-z-]{2,20} ){0,2}?(?:${PROCESS_LIST})\\b`,
      'g',
    ),
  ],
  // "the on-call ignored the runbook", "Ana ignored the alert"
  [
    'ignored',
    new RegExp(`${PERSON_SUBJECT}\\s{1,4}${ADVERBS}ignored (?:the |our |their |his |her |a |any |every |all )?(?:[a-z-]{2,20} ){0,2}?(?:${PROCESS_LIST}|alerts?|warnings?|pages?|signs?)\\b`, 'g'),
  ],
];

export const rule: Rule = {
  name: 'no-blame',
  description: 'Person-blaming language: careless, negligent, sloppy, reckless, "dropped the ball", "should have known", "lack of attention", "<name> forgot", "<name> misjudged", "<name> did not follow the runbook", "to blame".',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/no-blame.md',
  kinds: ['postmortem', 'incident'],
  phrases: true,
  anchors: [...matcher.anchors, ...PERSON_FORMS.map(([anchor]) => anchor)],
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
    for (const [anchor, re] of PERSON_FORMS) {
      for (const line of ctx.linesWith([anchor])) {
        const text = ctx.lines[line];
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text))) consider(line, m.index, m.index + m[0].length);
      }
    }
    if (ctx.extraPhrases) for (const m of ctx.extraPhrases.matchLines(ctx)) consider(m.line, m.column, m.endColumn);
  },
};
