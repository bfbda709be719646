/**
 * Whether a document asserts a phrase or refutes, forbids, dismisses or only mentions it. The
 * judgement is made on the clause that governs the phrase: "This was not a software bug; it was
 * human error" asserts it (the negation belongs to the first clause), "Human error is not an
 * explanation we accept" refutes it, "Do not speculate about human error" forbids it, "It would be
 * easy to call this human error, but …" dismisses it, and a question only asks.
 */

export interface Judgement {
  asserted: boolean;
  /** The clause that was judged, as written. */
  clause: string;
  /** Why the clause does not assert the phrase (for hover and explain). */
  why?: string;
}

/** Ends of a clause: sentence ends, semicolons, colons, dashes between spaces. */
const HARD_BREAK = /[.!?;:](?=\s|$)|\s[—–]\s|\s-\s/g;
/** Conjunctions that start a new clause (the negation before them does not reach past). */
const SOFT_BREAK = /,?\s(?:but|yet|whereas|although|though|however|instead|rather,?)\s|,\s(?:it|this|that|which)\s(?:was|is|were|'s)\s|\s(?:because|since)\s(?!of\b)|(?<!\bnot)(?<!n['’]t)\s(?:due to|caused by|because of|thanks to)\s|\sand\s(?=(?:the|a|an|it|this|that|we|they|he|she|someone|somebody|@\w|[A-Z][a-z]+\s(?:was|is|did|had|forgot))\b)/g;

/** A negation, prohibition or refusal that governs what follows it in the clause. */
const NEGATOR =
  /(?:^|[\s"'“(])(?:not|no|never|nobody|no one|no-one|none|nothing|neither|nor|without|cannot|can't|won't|don't|doesn't|didn't|isn't|wasn't|aren't|weren't|shouldn't|mustn't|avoid(?:s|ed|ing)?|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|rather than|instead of|beyond|stop(?:ping|s)? at|rule[sd]? out|forbid(?:s|den)?|prohibit(?:s|ed)?|ban(?:s|ned)?|against)(?=[\s,"'”.]|$)/i;

/** Dismissals: the phrase is named only to be set aside. */
const DISMISS_BEFORE = /\b(?:easy|tempting|convenient|natural) to (?:call|blame|say|label|write|dismiss|conclude|see)|\b(?:could|might|would|may) (?:be )?(?:call(?:ed)?|say|label(?:led)?|look like|seem like|be seen as|be tempted)|\bat first (?:glance|sight)|\bwas (?:first |initially )?(?:reported|described|called|labelled) as\b|\bwhether\b|\bif\b|\bspeculat\w*|\bassum\w* (?:it was|this was)|\bnot (?:just|simply|merely|only|about|a matter of|because of|due to|the result of|down to)\b/i;
const DISMISS_AFTER =
  /^[\s*_"”'’]*(?:is|was|are|were|remains|would be|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\s+(?:not|never|no|rarely|only a starting point|a starting point|a symptom|where (?:the )?(?:analysis|investigation|review) (?:starts|begins)|not an? (?:explanation|cause|conclusion|answer))\b|^[\s*_"”'’]*(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b|\bmisses the point\b|\bis never (?:accepted|an? (?:explanation|cause|answer))|\bis not (?:accepted|an? (?:acceptable |valid |sufficient )?(?:explanation|cause|conclusion|answer|root cause))\b|^[^,.;]{0,40}\b(?:is|was) (?:never|not) (?:the|a|an|accepted|acceptable)\b/i;
/** Lines that state the review's blameless policy. */
const POLICY = /\bblameless\b|\bblame-?free\b|\bno[- ]blame\b|\bwe (?:do not|don['’]t|never) (?:blame|name|attribute)\b|\bnot (?:here|about|to find) (?:to )?(?:find |assign |looking for )?(?:someone|somebody|anyone|who)\b/i;

function lastMatchEnd(re: RegExp, s: string): number {
  re.lastIndex = 0;
  let last = -1;
  let m: RegExpExecArray | null;
  while ((m = re.exec(s))) {
    last = m.index + m[0].length;
    if (m[0].length === 0) re.lastIndex++;
  }
  return last;
}

function firstMatch(re: RegExp, s: string): number {
  re.lastIndex = 0;
  const m = re.exec(s);
  return m ? m.index : -1;
}

/**
 * Judges the phrase at [column, endColumn) of `line`. `previous` is the line before when it
 * continues the same paragraph (the sentence may start there).
 */
export function judgeAssertion(line: string, column: number, endColumn: number, previous?: string): Judgement {
  let before = line.slice(0, column);
  let after = line.slice(endColumn);
  if (previous !== undefined && lastMatchEnd(HARD_BREAK, before) < 0) before = previous + ' ' + before;
  // The clause: back to the last break, forward to the next.
  const hb = lastMatchEnd(HARD_BREAK, before);
  if (hb >= 0) before = before.slice(hb);
  const sentenceBefore = before;
  const sb = lastMatchEnd(SOFT_BREAK, before);
  if (sb >= 0) before = before.slice(sb);
  const ha = firstMatch(HARD_BREAK, after);
  const sentenceEnd = ha >= 0 ? after[ha] : '';
  if (ha >= 0) after = after.slice(0, ha);
  const sa = firstMatch(SOFT_BREAK, after);
  const clauseAfter = sa >= 0 ? after.slice(0, sa) : after;
  const phrase = line.slice(column, endColumn);
  const clause = (before + phrase + clauseAfter).trim();
  const j = (why: string): Judgement => ({ asserted: false, clause, why });
  if (sentenceEnd === '?' || /\?\s*$/.test(after)) return j('the sentence is a question');
  if (POLICY.test(sentenceBefore + phrase + after)) return j('the sentence states the blameless policy');
  const b = before.toLowerCase();
  if (NEGATOR.test(b)) return j(`"${NEGATOR.exec(b)![0].trim()}" negates it`);
  if (DISMISS_BEFORE.test(b)) return j(`"${DISMISS_BEFORE.exec(b)![0].trim()}" sets it aside`);
  if (DISMISS_AFTER.test(clauseAfter)) return j(`"${clauseAfter.trim().slice(0, 40)}" refutes it`);
  if (inQuotes(line, column, endColumn)) return j('it is quoted, not stated');
  return { asserted: true, clause };
}

/** The phrase sits inside quotation marks on its line ("… do not write "human error" …"). */
function inQuotes(line: string, column: number, endColumn: number): boolean {
  const open = line[column - 1];
  const close = line[endColumn];
  if ((open === '"' && close === '"') || (open === '“' && close === '”') || (open === "'" && close === "'") || (open === '‘' && close === '’')) return true;
  // Inside a longer quotation: an odd number of straight double quotes before the phrase on the line.
  let n = 0;
  for (let i = 0; i < column; i++) if (line[i] === '"') n++;
  const curlyOpen = line.lastIndexOf('“', column);
  const curlyClose = line.lastIndexOf('”', column);
  return n % 2 === 1 || curlyOpen > curlyClose;
}
