/**
 * Whether a document asserts a phrase or refutes, forbids, dismisses or only mentions it. The
 * judgement is made on the clause that governs the phrase: "This was not a software bug; it was
 * human error" asserts it (the negation belongs to the first clause), "Human error is not an
 * explanation we accept" refutes it, "Do not speculate about human error" forbids it, "It would be
 * easy to call this human error, but …" dismisses it, a question only asks, and a chat-log line
 * or a quotation only reports what someone else said.
 *
 * Linear time: only a bounded window of the line on each side of the phrase is read (a sentence
 * longer than that is judged on its nearest part), and every expression here is free of nested or
 * adjacent quantifiers that could match the same text.
 */

export interface Judgement {
  asserted: boolean;
  /** The clause that was judged, as written. */
  clause: string;
  /** Why the clause does not assert the phrase (for hover and explain). */
  why?: string;
  /** Why the clause counts as asserted, or the same as `why` when it does not. */
  reason: string;
}

/** Characters of context read on each side of the phrase. */
export const WINDOW = 400;

/** Ends of a clause: sentence ends, semicolons, colons, dashes between spaces. */
const HARD_BREAK = /[.!?;:](?=\s|$)|\s[—–]\s|\s-\s/g;
/** Conjunctions that start a new clause (a negation before them does not reach past them). */
const SOFT_BREAK =
  /,?\s(?:but|yet|whereas|although|though|however|instead|rather,?)\s|,\s(?:it|this|that)\s(?:was|is|were|'s)\s|,\s(?:which|so|then|meaning|and so|and then|and it|and this|and that)\s|\s(?:because|since)\s(?!of\b)|(?<!\bnot)(?<!n['’]t)\s(?:due to|caused by|because of|thanks to)\s|\sand\s(?=(?:the|a|an|it|this|that|we|they|he|she|someone|somebody|no|nobody|nothing|none|never|[A-Z][a-z]+)\b|@\w)/g;

/** A negation, prohibition or refusal that governs what follows it in the clause. */
const NEGATOR =
  /(?:^|[\s"'“(])(?:not|no|never|nobody|no one|no-one|none|nothing|neither|nor|without|cannot|can't|won't|don't|doesn't|didn't|isn't|wasn't|aren't|weren't|shouldn't|mustn't|avoid(?:s|ed|ing)?|refus(?:e|es|ed|ing)|reject(?:s|ed|ing)?|resist(?:s|ed|ing)?|declin(?:e|es|ed|ing) to|refrain(?:s|ed|ing)? from|rather than|instead of|beyond|stop(?:ping|s|ped)? (?:at|writing|using|saying|calling|treating|blaming)|rule[sd]? out|forbid(?:s|den)?|prohibit(?:s|ed)?|ban(?:s|ned)?|against)(?=[\s,"'”.]|$)/i;

/**
 * Idioms holding a negation word that does not negate what follows: "without a doubt", "no doubt",
 * "nothing but", "not until", "not surprisingly". They are blanked before the negation test.
 */
const NOT_A_NEGATION =
  /\b(?:without (?:a|any) doubt|no doubt|no question|nothing but|nothing (?:more|less|other) than|none other than|no (?:more|less|other) than|not until|n['’]t until|not surprisingly|not unexpectedly|unsurprisingly|not least|no longer|not long after|not for the first time)\b/gi;

/** Dismissals: the phrase is named only to be set aside, supposed or reported. */
const DISMISS_BEFORE =
  /\b(?:easy|tempting|convenient|natural|wrong|misleading|unfair|unhelpful|simplistic|lazy|too easy) to (?:call|blame|say|label|write|dismiss|conclude|see|attribute|put|chalk|file|stop at)|\b(?:although|though|while|however) tempting\b|^[\s*_"'“(]*(?:attributing|blaming|calling|labell?ing|chalking|putting|writing off|dismissing|pinning)\b|\b(?:could|might|would|may) (?:be )?(?:call(?:ed)?|say|label(?:led)?|look like|seem like|be seen as|be tempted)|\bcall(?:ing|s)? (?:it|this|that|them|anyone|anybody|someone|somebody|people|him|her|the \w+)\b|\blabel(?:l?ing|s)? (?:it|this|that|anyone|someone)\b|\bat first (?:glance|sight)|\bwas (?:first |initially |originally )?(?:reported|described|called|labell?ed|tagged) as\b|\bwas (?:first|initially|originally) (?:attributed to|classified as|filed as|logged as|put down to|blamed on)\b|\b(?:first|initially|originally|early on|at first),? (?:suspected|assumed|thought|believed|guessed|blamed)\b|\b(?:assum\w*|guess\w*|speculat\w*|suspected|hypothes\w*)\b|\bwhether\b|\bif\b|\bunless\b|\bnot (?:just|simply|merely|only|about|a matter of|because of|due to|the result of|down to)\b|(?<!\bwe )\b(?:said|says|wrote|writes|asked|claimed|complained|insisted|suggested|replied|messaged|emailed|posted) (?:us |me )?(?:that|it was|this was)\b/i;
/** The sentence so far ends in a speech verb and a colon: what follows is what someone said. */
const SPEECH_COLON = /\b(?:said|says|wrote|writes|asked|replied|posted|messaged|emailed|commented|tweeted|typed)\s{0,4}:\s*$/i;
const DISMISS_AFTER =
  /^[\s*_"”'’]*(?:is|was|are|were|remains|would be|isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\s+(?:not|never|no|rarely|only a starting point|a starting point|a symptom|where (?:the )?(?:analysis|investigation|review) (?:starts|begins)|not an? (?:explanation|cause|conclusion|answer))\b|^[\s*_"”'’]*(?:isn['’]t|wasn['’]t|aren['’]t|weren['’]t)\b|\bmisses the point\b|\bis never (?:accepted|an? (?:explanation|cause|answer))|\bis not (?:accepted|an? (?:acceptable |valid |sufficient )?(?:explanation|cause|conclusion|answer|root cause))\b|^[^,.;]{0,40}\b(?:is|was) (?:never|not) (?:the|a|an|accepted|acceptable)\b/i;
/** A negation in the predicate right after a phrase that opens its clause ("Human error played no part"). */
const PREDICATE_NEGATION =
  /^[\s*_"”'’]*(?:[a-z]+\s+)?(?:not|never|cannot|nothing|no (?:part|role|place|factor|bearing|cause|explanation|answer))\b|^[\s*_"”'’]*[a-z]+n['’]t\b/i;
/** What may stand before a phrase that opens its clause: a determiner, emphasis, an opening quote. */
const CLAUSE_OPENING = /^[\s*_"'“”‘’([]*(?:(?:the|a|an|any|this|that|so-called|alleged|supposed)\s+)?$/i;
/** Lines that state the review's blameless policy. */
const POLICY =
  /\bblameless\b|\bblame-?(?:free|aware)\b|\bno[- ]blame\b|\bjust culture\b|\bwe (?:do not|don['’]t|never) (?:blame|name|attribute|accept)\b|\bnot (?:here|about|to find) (?:to )?(?:find |assign |looking for )?(?:someone|somebody|anyone|who)\b|\bnever (?:accepted|acceptable) as (?:a |the )?(?:root )?(?:cause|explanation|conclusion)\b/i;
/**
 * A chat-log line: "[16:59] ana: …", "16:59 <ana> …", "@ana: …", "- [03-26 16:59] ana: …". What
 * follows is someone's message, quoted, not the document's conclusion. Bare nicks must be lower
 * case so that timeline labels ("16:59 Detection: …") are not read as chat.
 */
const CHAT =
  /(?:^|[\s|>*])(?:(?:\[[\d:T -]{4,25}(?:\s?(?:UTC|Z))?\]|\d{1,2}:\d{2}(?::\d{2})?(?:\s?(?:UTC|Z))?)\s{1,4}(?:<[^>\s]{1,40}>|@?[a-z][\w.-]{0,39}(?:\s\([^)\n]{1,40}\))?:)|<[^>\s]{1,40}>|@[\w.-]{1,40}:)\s/g;

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

function quote(s: string, max = 80): string {
  const t = s.replace(/\s+/g, ' ').trim();
  return `"${t.length > max ? t.slice(0, max - 1) + '…' : t}"`;
}

/** End of the last chat-log prefix ("[16:59] ana: ", "<ana> ", "@ana: ") before `column`, or -1. */
function chatPrefixEnd(line: string, column = line.length): number {
  const from = Math.max(0, column - WINDOW);
  const end = lastMatchEnd(CHAT, line.slice(from, column));
  return end < 0 ? -1 : from + end;
}

/**
 * Judges the phrase at [column, endColumn) of `line`. `previous` is the line before when it
 * continues the same paragraph (the sentence may start there).
 */
export function judgeAssertion(line: string, column: number, endColumn: number, previous?: string): Judgement {
  const from = Math.max(0, column - WINDOW);
  let before = line.slice(from, column);
  let after = line.slice(endColumn, endColumn + WINDOW);
  if (previous !== undefined && from === 0 && lastMatchEnd(HARD_BREAK, before) < 0) before = previous.slice(-WINDOW) + ' ' + before;
  // The clause: back to the last break, forward to the next.
  const hb = lastMatchEnd(HARD_BREAK, before);
  const earlier = hb >= 0 ? before.slice(0, hb) : '';
  if (hb >= 0) before = before.slice(hb);
  const sentenceBefore = before;
  const sb = lastMatchEnd(SOFT_BREAK, before);
  const otherClause = sb >= 0 ? before.slice(0, sb) : '';
  if (sb >= 0) before = before.slice(sb);
  const ha = firstMatch(HARD_BREAK, after);
  const sentenceEnd = ha >= 0 ? after[ha] : '';
  if (ha >= 0) after = after.slice(0, ha);
  const sa = firstMatch(SOFT_BREAK, after);
  const clauseAfter = sa >= 0 ? after.slice(0, sa) : after;
  const phrase = line.slice(column, endColumn);
  // A causal link ("caused by", "due to") limits where a negation reaches, but the clause shown to
  // the user keeps what was caused: "The incident was caused by operator error".
  const causal = sb >= 0 && /(?:due to|caused by|because of|thanks to)\s$/.test(sentenceBefore.slice(0, sb));
  const clause = ((causal ? sentenceBefore : before) + phrase + clauseAfter).trim();
  const no = (why: string): Judgement => ({ asserted: false, clause, why, reason: why });
  if (chatPrefixEnd(line, column) >= 0) return no('the line quotes a chat message, not the document\'s conclusion');
  if (hb >= 0 && SPEECH_COLON.test(earlier)) return no('it reports what someone said, after a colon');
  if (sentenceEnd === '?' || /\?\s*$/.test(after)) return no('the sentence is a question');
  if (POLICY.test(sentenceBefore + phrase + after)) return no('the sentence states the blameless policy');
  const b = before.toLowerCase().replace(NOT_A_NEGATION, (m) => ' '.repeat(m.length));
  const neg = NEGATOR.exec(b);
  if (neg) return no(`"${neg[0].trim()}" negates it in its clause`);
  const dis = DISMISS_BEFORE.exec(b);
  if (dis) return no(`"${dis[0].trim()}" sets it aside`);
  if (DISMISS_AFTER.test(clauseAfter)) return no(`${quote(clauseAfter, 40)} refutes it`);
  if (CLAUSE_OPENING.test(before)) {
    const pn = PREDICATE_NEGATION.exec(clauseAfter);
    if (pn) return no(`${quote(clauseAfter, 40)} denies it`);
  }
  if (inQuotes(line, column, endColumn)) return no('it is quoted, not stated');
  // Asserted: say why, naming a negation that sits in another clause when there is one.
  const elsewhere = NEGATOR.exec((earlier + ' ' + otherClause).toLowerCase().replace(NOT_A_NEGATION, (m) => ' '.repeat(m.length)));
  const scope = elsewhere
    ? `; the "${elsewhere[0].trim()}" earlier in the sentence belongs to another clause (${quote(otherClause || earlier, 50)})`
    : '';
  return { asserted: true, clause, reason: `the clause ${quote(clause)} states it in the document's own words: no negation, refusal, question, quotation or dismissal governs it${scope}` };
}

/** The phrase sits inside quotation marks on its line ("… do not write "human error" …"). */
function inQuotes(line: string, column: number, endColumn: number): boolean {
  const open = line[column - 1];
  const close = line[endColumn];
  if ((open === '"' && close === '"') || (open === '“' && close === '”') || (open === "'" && close === "'") || (open === '‘' && close === '’')) return true;
  // Inside a longer quotation: an odd number of straight double quotes before the phrase, or an
  // opening curly quote not closed yet (within the window read).
  const from = Math.max(0, column - WINDOW);
  let n = 0;
  for (let i = from; i < column; i++) if (line.charCodeAt(i) === 34) n++;
  const curlyOpen = line.lastIndexOf('“', column);
  const curlyClose = line.lastIndexOf('”', column);
  return n % 2 === 1 || (curlyOpen >= from && curlyOpen > curlyClose);
}
