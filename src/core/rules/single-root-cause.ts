/**
 * single-root-cause: one "root cause" claimed as the whole explanation. A claim states what the
 * root cause was ("The root cause was X.", "X was the root cause", "Root cause: X", a
 * `**Root Causes**: X` label with one cause, a "Root cause" heading over one story); a mention
 * does not ("we did not find the root cause", "the root cause was not clear yet", "a root cause
 * analysis", a question, a chat-log quote). The quick fix turns the claim into a contributing
 * factors list seeded with X as the technical trigger and placeholders for the other layers.
 */
import { factorsLayered } from '../lint/helpers';
import { assertionAt, isLiveProse } from '../lint/phrases';
import { normalizeTitle } from '../parser/markdown';
import type { Section } from '../parser/types';
import type { Fix, Rule, RuleContext, TextEdit } from '../lint/types';

/** "root cause" as a noun for one cause (not "root causes", "root cause analysis", "root-caused"). */
const ROOT_CAUSE = /\broot[- ]cause(?![\w-]|\(s\)|\s{1,4}analys)/gi;
/** "the single/sole/only cause". */
const ONLY_CAUSE = /\b(?:the|a)\s(?:single|sole|only|one)\scause(?![\w-])/gi;
/** Before "root cause" in a subject or predicate: a determiner and an optional adjective. */
const DETERMINER =
  /(?:^|[\s*_(])(?:the|our|its|this|that|the incident's|the outage's|this incident's|the one)\s(?:(?:single|sole|only|one|real|true|actual|underlying|main|primary|ultimate|fundamental|immediate|direct|likely|probable)\s)?$/i;
/** A copula after the subject ("was", "turned out to be"), possibly after "of the outage". */
const COPULA_AFTER =
  /^(?:\s(?:of|for|behind)\s[^,.;:!?]{1,60}?)?\s(?:was|is|has been|had been|turned out to be|proved to be|appears to be|seems to be|seemed to be|appeared to be|is believed to be|was found to be|was identified as|was determined to be|lies in|lay in|came down to|comes down to|boils down to|boiled down to)\s/i;
/** An appositive after the subject: "The root cause, a race in the cache, was…", "— a race … —", "(a race …)"; a colon, point or comma inside a number ("09:00", "2.3") is part of it. */
const APPOSITIVE_AFTER = /^(?:,\s|\s[—–]\s|\s\()((?:[^,.;:!?()—–]|(?<=\d)[:.,](?=\d)){2,120}?)(?:,(?=\s)|\s[—–](?=\s)|\))/;
/** What opens a parenthetical rather than a cause: "The root cause, as far as we know, …", "…, which …". */
const NOT_APPOSITIVE =
  /^(?:as|which|that|who|whose|we|i|if|in|at|on|for|from|according|so|though|although|however|apparently|probably|likely|possibly|perhaps|maybe|it|they|he|she|you|still|again|too|also|frankly|honestly|of course|by the way|not|never|yet|sadly|unfortunately|ironically)\b/i;
/** A label: "Root cause: X", "**Root cause:** X", "**Root cause**: X", "Root cause — X". */
const LABEL_AFTER = /^(?:\*\*|__)?\s{0,2}(?::|\s[—–-]\s)\s{0,2}(?:\*\*|__)?\s*/;
/** Where a label may start: the line, a list item, a table cell, emphasis, or after "In short,". */
const LABEL_BEFORE = /(?:^|[|(.!?;]|^\s{0,12}(?:[-*+]|\d{1,3}[.)]|#{1,6})|\b(?:in short|in summary|summary|tl;?dr),?)$/i;
/** The predicate form "X was the root cause": a copula and a determiner before the phrase. */
const PREDICATE_BEFORE = /\b(?:was|is|were|are|became|proved to be|turned out to be|seems to be|appears to be)\s(?:the|our)\s(?:(?:single|sole|only|real|true|actual|underlying|main|primary|ultimate|fundamental)\s)?$/i;
/** Verbs that locate a root cause: "we traced the root cause to X". */
const LOCATE_BEFORE = /\b(?:found|identified|traced|pinpointed|determined|isolated|located|confirmed)\s(?:the|our)\s(?:(?:real|true|actual|underlying|single|sole|only)\s)?$/i;
const LOCATE_AFTER = /^\s(?:to|as|in)\s/i;
/** What follows a claim that says nothing is known yet. */
const UNKNOWN =
  /^[\s*_"'“]*(?:still |not yet |yet to be |currently |as yet )?(?:unknown|unclear|uncertain|undetermined|not (?:yet )?(?:known|clear|identified|determined|understood|confirmed|found|obvious)|under investigation|being investigated|to be determined|tbd|tbc|pending|open|a mystery|disputed|not the point)\b/i;

const PLACEHOLDERS = [
  '- **detection:** [what delayed noticing it: the alert, dashboard or page that was missing]',
  '- **rollout-control:** [which check, canary, staged rollout or confirmation step would have stopped it]',
  '- **responsibility-runbook:** [which runbook step, checklist, owner or routing was missing]',
  '- **organizational:** [which deadline, priority, staffing or change-window tradeoff shaped it]',
];

/** The text without trailing white space and emphasis marks (a loop: a trailing-run pattern would be quadratic). */
function trimEmphasisEnd(t: string): string {
  let e = t.length;
  while (e > 0 && /[\s*_]/.test(t[e - 1])) e--;
  return t.slice(0, e);
}

/** The factors list the fix writes: X as the technical trigger, the other layers as prompts. */
function seededFactors(trigger: string, indent = ''): string[] {
  let t = trimEmphasisEnd(trigger.trim().replace(/^[\s*_:—–-]+/, ''));
  if (t === '') t = '[the technical trigger]';
  else {
    t = t[0].toUpperCase() + t.slice(1);
    if (!/[.!?)\]]$/.test(t)) t += '.';
  }
  return [`- **technical-trigger:** ${t}`, ...PLACEHOLDERS].map((l) => indent + l);
}

interface Claim {
  line: number;
  /** The words quoted in the message ("The root cause was a stale replica"). */
  words: string;
  /** Where the finding sits: the claim's subject ("The root cause"), label or whole predicate sentence. */
  column: number;
  endColumn: number;
  /** The words "root cause" (or "sole cause") themselves. */
  phrase: [number, number];
  /** What the claim names as the cause. */
  cause: string;
  /** The sentence holding the claim, as columns on its line. */
  sentence: [number, number];
}

function sentenceAround(text: string, col: number, end: number): [number, number] {
  let s = col;
  while (s > 0 && !(/[.!?]/.test(text[s - 1]) && /\s/.test(text[s] ?? ' ')) && col - s < 400) s--;
  while (s < col && /\s/.test(text[s])) s++;
  const m = /[.!?](?=\s|$)/.exec(text.slice(end, end + 600));
  return [s, m ? end + m.index + 1 : text.trimEnd().length];
}

/** The claim a "root cause" at [col, end) makes on its line, if it makes one. */
function claimAt(text: string, line: number, col: number, end: number): Claim | undefined {
  const before = text.slice(Math.max(0, col - 80), col);
  const after = text.slice(end, end + 600);
  const sentence = sentenceAround(text, col, end);
  const upTo = (from: number) => {
    const s = text.slice(from, sentence[1]).replace(/[.!?]$/, '');
    return s.trim();
  };
  let cause: string | undefined;
  let wordsEnd = end;
  let wordsStart = col;
  let closing = '';
  const det = DETERMINER.exec(before);
  const app = det ? APPOSITIVE_AFTER.exec(after) : null;
  // After a parenthetical ("The root cause, as far as we know, was X") the copula comes later:
  // `skip` is how far past the phrase the copula's leading space sits.
  const skip = app && NOT_APPOSITIVE.test(app[1]) ? app[0].length + (after.slice(app[0].length).length - after.slice(app[0].length).trimStart().length) - 1 : 0;
  const cop = COPULA_AFTER.exec(skip > 0 ? after.slice(skip) : after);
  const lab = LABEL_AFTER.exec(after);
  // An appositive counts only after the sentence's subject ("We argued about the root cause, the
  // retries or the cache, …" and "Finding the root cause, a slow task, …" name no cause).
  const subjectStart = det ? col - det[0].replace(/^[\s*_(]/, '').length : col;
  const isSubject = /^[\s>*_+\-\d.)#]*$/.test(text.slice(sentence[0], subjectStart));
  // "Until the root cause of the slow uploads is confirmed, …": a condition, not a claim.
  if (det && /^[\s>*_+\-\d.)#]*(?:until|once|when|whenever|after|before|if|unless|as soon as|while|whether)\s/i.test(text.slice(sentence[0], subjectStart))) return undefined;
  if (det && app && isSubject && !NOT_APPOSITIVE.test(app[1])) {
    // "The root cause, a race in the cache, was fixed": the appositive names the cause, unless
    // what follows says it is not known ("…, is still not confirmed").
    const rest = ' ' + after.slice(app[0].length).trimStart();
    const then = COPULA_AFTER.exec(rest);
    if (then && UNKNOWN.test(rest.slice(then[0].length))) return undefined;
    wordsStart = subjectStart;
    cause = app[1].trim();
    wordsEnd = end + app[0].indexOf(app[1]);
    closing = app[0].endsWith(')') ? ')' : '';
  } else if (det && cop) {
    wordsStart = col - det[0].replace(/^[\s*_(]/, '').length;
    cause = upTo(end + skip + cop[0].length);
    wordsEnd = end + skip + cop[0].length;
  } else if (lab && lab[0].length > 0 && LABEL_BEFORE.test(trimEmphasisEnd(before))) {
    cause = upTo(end + lab[0].length);
    wordsEnd = end;
  } else if (PREDICATE_BEFORE.test(before)) {
    cause = text.slice(sentence[0], col - (PREDICATE_BEFORE.exec(before)?.[0].length ?? 0)).trim();
    wordsStart = sentence[0];
  } else if (LOCATE_BEFORE.test(before) && LOCATE_AFTER.test(after)) {
    cause = upTo(end + (LOCATE_AFTER.exec(after)?.[0].length ?? 0));
    wordsStart = col - (LOCATE_BEFORE.exec(before)?.[0].length ?? 0);
  }
  if (cause === undefined || cause.replace(/[\s*_"'`]/g, '') === '' || UNKNOWN.test(cause)) return undefined;
  const shown = text.slice(wordsStart, wordsEnd) + (wordsEnd > end ? cause + closing : '');
  return {
    line,
    words: shown.length > 70 ? shown.slice(0, 69).trimEnd() + '…' : shown,
    column: wordsStart,
    endColumn: end,
    phrase: [col, end],
    cause,
    sentence,
  };
}

const isListLine = (t: string) => /^\s{0,12}(?:[-*+]|\d{1,3}[.)])\s/.test(t);
const isBlockStart = (t: string) => /^\s{0,3}(?:[#|>]|```|~~~)/.test(t) || isListLine(t);

/** The paragraph (first and last line) holding a prose line. */
function paragraphOf(lines: readonly string[], line: number): [number, number] {
  let a = line;
  while (a > 0 && lines[a - 1].trim() !== '' && !isBlockStart(lines[a - 1]) && !isBlockStart(lines[a])) a--;
  let b = line;
  while (b + 1 < lines.length && lines[b + 1].trim() !== '' && !isBlockStart(lines[b + 1])) b++;
  return [a, b];
}

function sectionHolding(sections: readonly Section[], line: number): Section | undefined {
  let best: Section | undefined;
  for (const s of sections) if (s.line < line && line < s.endLine && (!best || s.line > best.line)) best = s;
  return best;
}

/** The fix for a claim in a paragraph or a list item. */
function claimFix(ctx: RuleContext, c: Claim): Fix | undefined {
  const { doc } = ctx;
  const text = doc.lines[c.line];
  const holder = sectionHolding(doc.sections, c.line);
  const inFactors = !!holder && holder.key === 'contributing-factors';
  const elsewhere = !inFactors && doc.sections.some((s) => s.key === 'contributing-factors');
  if (/^\s{0,3}\|/.test(text)) return undefined;
  if (elsewhere) {
    // The document has its factors elsewhere: call this one what it is, the technical trigger.
    const [start, to] = c.phrase;
    let from = start;
    const lead = /^(?:the|a)\s/i.exec(text.slice(from, to));
    if (lead) from += lead[0].length;
    const adj = /\b(?:single|sole|only|one|real|true|actual|underlying|main|primary|ultimate|fundamental)\s$/i.exec(text.slice(0, from));
    if (adj) from -= adj[0].length;
    const edit: TextEdit = { range: { line: c.line, column: from, endLine: c.line, endColumn: to }, text: 'technical trigger' };
    return { title: 'Call it the technical trigger (the factors are listed in their own section)', edits: [edit] };
  }
  const lead = inFactors ? [] : ['**Contributing factors:**', ''];
  if (isListLine(text)) {
    const indent = /^\s*/.exec(text)![0];
    const whole = { line: c.line, column: 0, endLine: c.line, endColumn: text.length };
    if (inFactors) return { title: 'Turn the root cause into a contributing factors list', edits: [{ range: whole, text: seededFactors(c.cause, indent).join(doc.eol) }] };
    // An item of some other list: take it out and put the factors after that list.
    let end = c.line;
    while (end + 1 < doc.lines.length && doc.lines[end + 1].trim() !== '' && (isListLine(doc.lines[end + 1]) || /^\s/.test(doc.lines[end + 1]))) end++;
    if (end === c.line) {
      // The last item: the factors take its place, after a blank line that ends the list.
      const gap = c.line > 0 && doc.lines[c.line - 1].trim() !== '' ? doc.eol : '';
      return { title: 'Move the root cause into a contributing factors list after this list', edits: [{ range: whole, text: gap + [...lead, ...seededFactors(c.cause)].join(doc.eol) }] };
    }
    const at = doc.lines[end].length;
    const removeTo = c.line + 1 < doc.lines.length ? { endLine: c.line + 1, endColumn: 0 } : { endLine: c.line, endColumn: text.length };
    return {
      title: 'Move the root cause into a contributing factors list after this list',
      edits: [
        { range: { line: c.line, column: 0, ...removeTo }, text: '' },
        { range: { line: end, column: at, endLine: end, endColumn: at }, text: doc.eol + doc.eol + [...lead, ...seededFactors(c.cause)].join(doc.eol) },
      ],
    };
  }
  const [a, b] = paragraphOf(doc.lines, c.line);
  const para = doc.lines.slice(a, b + 1).join(' ').trim();
  const sentence = text.slice(c.sentence[0], c.sentence[1]).trim();
  const list = [...lead, ...seededFactors(c.cause)].join(doc.eol);
  if (para === sentence || para.replace(/^[*_\s]+/, '') === sentence.replace(/^[*_\s]+/, '')) {
    return { title: 'Turn the root cause into a contributing factors list', edits: [{ range: { line: a, column: 0, endLine: b, endColumn: doc.lines[b].length }, text: list }] };
  }
  // One sentence of a longer paragraph: take it out and put the list after the paragraph.
  let s = c.sentence[0];
  while (s > 0 && text[s - 1] === ' ') s--;
  const edits: TextEdit[] = [{ range: { line: c.line, column: s, endLine: c.line, endColumn: c.sentence[1] }, text: '' }];
  edits.push({ range: { line: b, column: doc.lines[b].length, endLine: b, endColumn: doc.lines[b].length }, text: doc.eol + doc.eol + list });
  return { title: 'Move the root cause into a contributing factors list after this paragraph', edits };
}

/** The fix for a "Root cause" heading over one story: rename it and turn its prose into the list. */
function headingFix(ctx: RuleContext, s: Section): Fix | undefined {
  const { doc } = ctx;
  if (s.level > 6) {
    // A bold label ("**Root Causes**: X"): the label's paragraph becomes the factors list.
    const [a, b] = paragraphOf(doc.lines, s.line);
    const first = doc.lines[s.line];
    const label = /^\s{0,3}(?:\*\*|__)[^*_]{1,60}?(?:\s*:\s*(?:\*\*|__)|(?:\*\*|__)\s*:)\s*/.exec(first);
    if (!label || a !== s.line) return undefined;
    const cause = [first.slice(label[0].length), ...doc.lines.slice(a + 1, b + 1)].join(' ');
    return {
      title: 'Turn the root cause into a contributing factors list',
      edits: [{ range: { line: a, column: 0, endLine: b, endColumn: doc.lines[b].length }, text: ['**Contributing factors:**', '', ...seededFactors(cause)].join(doc.eol) }],
    };
  }
  const body: number[] = [];
  for (let l = s.line + 1; l < s.endLine; l++) {
    const t = doc.lines[l];
    if (t.trim() === '') continue;
    if (!doc.prose[l] || isBlockStart(t)) return undefined; // a list, table or sub-heading: leave it to the writer
    body.push(l);
  }
  const edits: TextEdit[] = [{ range: s.headingRange, text: 'Contributing factors' }];
  if (body.length) {
    let story = body.map((l) => doc.lines[l].trim()).join(' ');
    story = story.replace(/^(?:the|our)\s(?:\w+\s)?root[- ]cause\s(?:of\s[^,.;:]{1,60}?\s)?(?:was|is)\s/i, '');
    edits.push({ range: { line: body[0], column: 0, endLine: body[body.length - 1], endColumn: doc.lines[body[body.length - 1]].length }, text: seededFactors(story).join(doc.eol) });
  } else {
    const at = s.headingRange;
    edits.push({ range: { line: at.line, column: doc.lines[at.line].length, endLine: at.line, endColumn: doc.lines[at.line].length }, text: doc.eol + doc.eol + seededFactors('').join(doc.eol) });
  }
  return { title: 'Turn the root cause into a contributing factors list', edits };
}

export const rule: Rule = {
  name: 'single-root-cause',
  description: 'One "root cause" claimed as the whole explanation ("The root cause was X", "Root cause: X") instead of layered contributing factors.',
  defaultSeverity: 'warning',
  fixable: true,
  docs: 'docs/rules/single-root-cause.md',
  kinds: ['postmortem'],
  anchors: ['cause'],
  check(ctx) {
    const { doc } = ctx;
    const { ok: layered, count } = factorsLayered(doc);
    const reported: Section[] = [];
    // A "Root cause" heading is fine over layered factors; over one story it is the whole explanation.
    // A bold label ("**Root Causes**: X") with one cause after it is a claim too.
    for (const s of doc.sections) {
      if (!/root/i.test(s.title) || /\(s\)/i.test(s.title)) continue;
      const t = normalizeTitle(s.title);
      const claim = s.level === 7 ? /^(?:the )?root causes?$/.test(t) && count <= 1 : /^(?:the )?root cause$/.test(t);
      if (!claim || layered) continue;
      reported.push(s);
      ctx.report({
        range: s.headingRange,
        message: `"${s.title}" over a single story claims one cause as the whole explanation. Treat it as the technical trigger and add the detection, rollout/control, responsibility/runbook and organizational factors that let it cause impact.`,
        fix: headingFix(ctx, s),
      });
    }
    const claimed = new Set<number>();
    for (const line of ctx.linesWith(['cause'])) {
      if (line < doc.bodyStartLine || claimed.has(line)) continue;
      if (reported.some((s) => s.line === line || (s.level <= 6 && s.line < line && line < s.endLine))) continue;
      const text = doc.lines[line];
      const claims: Claim[] = [];
      for (const re of [ROOT_CAUSE, ONLY_CAUSE]) {
        re.lastIndex = 0;
        let m: RegExpExecArray | null;
        while ((m = re.exec(text)) && claims.length === 0) {
          const col = m.index;
          const end = col + m[0].length;
          if (!isLiveProse(ctx, line, col)) continue;
          const c = re === ROOT_CAUSE ? claimAt(text, line, col, end) : onlyCauseClaim(text, line, col, end);
          if (!c) continue;
          if (!assertionAt(ctx, line, col, end).asserted) continue;
          claims.push(c);
        }
      }
      const cell = claims.length ? undefined : tableClaim(text, line, doc.lines[line + 1] ?? '');
      if (cell) claims.push(cell);
      for (const c of claims) {
        claimed.add(line);
        ctx.report({
          range: { line, column: c.column, endLine: line, endColumn: c.endColumn },
          message: `"${c.words}" claims one cause as the whole explanation. Call it the technical trigger and list the other contributing factors (detection, rollout/control, responsibility/runbook, organizational).`,
          fix: claimFix(ctx, c),
        });
      }
    }
  },
};

/** "The sole cause was X", "X was the only cause". */
function onlyCauseClaim(text: string, line: number, col: number, end: number): Claim | undefined {
  const after = text.slice(end, end + 600);
  const cop = /^\s(?:was|is|has been|turned out to be)\s/i.exec(after);
  const sentence = sentenceAround(text, col, end);
  const before = text.slice(Math.max(0, col - 40), col);
  let cause: string | undefined;
  if (cop) cause = text.slice(end + cop[0].length, sentence[1]).replace(/[.!?]$/, '').trim();
  else if (/\b(?:was|is|were|became)\s$/i.test(before)) cause = text.slice(sentence[0], col).replace(/\b(?:was|is|were|became)\s$/i, '').trim();
  if (!cause || UNKNOWN.test(cause)) return undefined;
  const words = text.slice(col, cop ? Math.min(end + cop[0].length + 50, sentence[1]) : end);
  return { line, words, column: col, endColumn: end, phrase: [col, end], cause, sentence };
}

/** A key-value table row "| Root cause | X |" (not a header row). */
function tableClaim(text: string, line: number, next: string): Claim | undefined {
  if (!/^\s{0,3}\|/.test(text) || /^\s{0,3}\|?\s{0,4}:?-{3,}/.test(next)) return undefined;
  const m = /^(\s{0,3}\|\s*)(?:\*\*|__)?(root[- ]cause)(?:\*\*|__)?\s*\|([^|]*)\|?/i.exec(text);
  if (!m) return undefined;
  const cause = m[3].trim();
  if (cause === '' || /^:?-{3,}:?$/.test(cause) || UNKNOWN.test(cause)) return undefined;
  const col = text.indexOf(m[2], m[1].length);
  return { line, words: `${m[2]} | ${cause.length > 50 ? cause.slice(0, 49) + '…' : cause}`, column: col, endColumn: col + m[2].length, phrase: [col, col + m[2].length], cause, sentence: [col, text.length] };
}
