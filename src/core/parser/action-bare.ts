/**
 * Where action fields start in an item's text (after a separator, or a "due" glued to the text),
 * and fields written without a label: an @handle or a category word standing as a field of its
 * own ("(@kavya, due …, prevent)", "— @oncall-payments,", "[@kavya]"), an owner leading the item
 * ("@kavya to add …"), and a whole item struck through ("- ~~…~~ dropped").
 */
import type { ActionField } from './types';
import { readDate } from './when';

/** One handle, or several joined by commas, slashes, "&" or "and" (`@a, @b / @team`). */
const HANDLES = /@\w+(?:[.-]\w+)*(?:\s{0,3}(?:[,/&]|and)\s{0,3}@\w+(?:[.-]\w+)*)*/y;
/** The four categories, as a word of their own (emphasis around them allowed). */
const CATEGORY_WORD = /(?:\*\*|__|\*|_)?(?:prevent|detect|mitigate|learn)(?:\*\*|__|\*|_)?(?![\w-])/iy;

export function isSpace(c: string | undefined): boolean {
  return c === ' ' || c === '\t';
}

function sticky(re: RegExp, s: string, at: number): RegExpExecArray | null {
  re.lastIndex = at;
  return re.exec(s);
}

/**
 * Whether a bare value ending at `end` stands alone: what follows (after a closing strike or
 * emphasis and spaces) is the end, a separator or a closing bracket.
 */
function standsAlone(s: string, end: number, to: number): boolean {
  let i = end;
  const two = s.slice(i, i + 2);
  if (two === '~~' || two === '**' || two === '__') i += 2;
  while (i < to && (s[i] === ' ' || s[i] === '\t')) i++;
  if (i >= to) return true;
  const c = s[i];
  if (',;·)]|—–('.includes(c)) return true;
  const next = s[i + 1];
  return (c === '-' || c === '.') && (i + 1 >= to || next === ' ' || next === '\t');
}

interface BareField {
  field: ActionField;
  /** Where the value ends (the handle list or the category word). */
  end: number;
}

/** An unlabelled owner (@handles), category word or full date (the due date) at a field boundary `at`. */
export function bareFieldAt(s: string, at: number, to: number): BareField | undefined {
  const first = s[at];
  // "— @kavya — 2026-12-10 — prevent —": a date with its year standing alone is when it is due.
  if (first !== undefined && /[\da-z]/i.test(first)) {
    const d = readDate(s, at);
    if (d && d.year !== undefined && d.valid && at + d.length <= to && standsAlone(s, at + d.length, to)) return { field: 'due', end: at + d.length };
  }
  if (first !== '@' && !/[*_dlmp]/i.test(first ?? '')) return undefined;
  const h = first === '@' ? sticky(HANDLES, s, at) : null;
  if (h && at + h[0].length <= to && standsAlone(s, at + h[0].length, to)) return { field: 'owner', end: at + h[0].length };
  const c = sticky(CATEGORY_WORD, s, at);
  if (c && at + c[0].length <= to && standsAlone(s, at + c[0].length, to)) return { field: 'category', end: at + c[0].length };
  return undefined;
}

const LEADING_OWNER = /(@\w+(?:[.-]\w+)*)[ \t]+to[ \t]+(?=[A-Za-z])/y;

/** "@kavya to add …" at `at`: the handle's end and where the action text starts. */
export function leadingOwner(s: string, at: number): { end: number; textStart: number } | undefined {
  const m = sticky(LEADING_OWNER, s, at);
  return m ? { end: at + m[1].length, textStart: at + m[0].length } : undefined;
}

/** An item names its due date once: more "due" words than this in one item are not looked at. */
const MAX_GLUED_DUE = 16;

/**
 * Positions of a "due" glued to the text before it ("Add X due 2026-12-10", "(@x) due …"): after
 * a space and before a space or colon (the caller checks that a date follows). The first
 * MAX_GLUED_DUE only, so a line of repeated "due" costs no more than a short one.
 */
function gluedDueStarts(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  const lower = s.slice(0, to).toLowerCase();
  for (let i = lower.indexOf('due', from); i >= 0 && out.length < MAX_GLUED_DUE; i = lower.indexOf('due', i + 3)) {
    if (i > from && (s[i - 1] === ' ' || s[i - 1] === '\t') && !/\w/.test(s[i + 3] ?? '')) out.push(i);
  }
  return out;
}

/** Labels that may follow the action text after a plain space when a colon ends them ("Add a canary owner: @ines"). */
const GLUED_LABELS = ['assigned to', 'success criteria', 'verified when', 'target date', 'done when', 'due date', 'verification', 'assignee', 'deadline', 'category', 'owners', 'owner', 'verify', 'due', 'dri', 'eta'];

/**
 * Positions of a labelled field glued to the text before it by a plain space, its label ended by a
 * colon: "… by message id owner: @platform-team", "… stage **Due:** 2026-12-15". The first
 * MAX_GLUED_DUE colons only.
 */
function gluedLabelStarts(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  let seen = 0;
  for (let j = s.indexOf(':', from); j >= 0 && j < to && seen < MAX_GLUED_DUE; j = s.indexOf(':', j + 1)) {
    seen++;
    let k = j;
    while (k > from && (s[k - 1] === '*' || s[k - 1] === '_')) k--;
    if (k > from && isSpace(s[k - 1])) k--;
    const lower = s.slice(Math.max(from, k - 16), k).toLowerCase();
    const label = GLUED_LABELS.find((l) => lower.endsWith(l));
    if (!label) continue;
    let start = k - label.length;
    while (start > from && (s[start - 1] === '*' || s[start - 1] === '_') && k - start < label.length + 2) start--;
    if (start > from && isSpace(s[start - 1])) out.push(start);
  }
  return out;
}

/** A note after a whole-item strike that says why it is closed ("dropped", "superseded by …", "(done)"). */
const CLOSING_NOTE =
  /^[\s—–:,-]*[*_]{0,2}(?:\(.*\)|(?:done|dropped|superseded|obsolete|won['’]?t (?:do|fix)|wontfix|cancell?ed|replaced|duplicate|closed|completed?|fixed|moved|merged|not needed|no longer|descoped|abandoned|out of scope)\b.*)$/i;

/** Whether an item's text (after its marker and checkbox) is struck through from end to end. */
export function struckThrough(text: string): boolean {
  const t = text.trim();
  if (!t.startsWith('~~')) return false;
  const close = t.indexOf('~~', 2);
  if (close < 3) return false;
  const rest = t.slice(close + 2);
  return rest.trim() === '' || CLOSING_NOTE.test(rest);
}

/** Positions where a field may start: after a separator (, ; · — – - ( . and "and"), or `[` before an @handle. */
function boundaries(s: string, from: number, to: number): number[] {
  const out: number[] = [];
  for (let i = from; i < to; i++) {
    const c = s[i];
    let after = -1;
    if (c === ',' || c === ';' || c === '·' || c === '(' || c === '—' || c === '–' || c === '|') after = i + 1;
    else if (c === '[' && s[i + 1] === '@') after = i + 1;
    else if (c === '-' && isSpace(s[i - 1]) && isSpace(s[i + 1])) after = i + 1;
    else if ((c === '.' || c === ':') && isSpace(s[i + 1])) after = i + 1;
    else if (c === 'a' && isSpace(s[i - 1]) && s.startsWith('and ', i)) after = i + 3;
    if (after < 0) continue;
    while (after < to && isSpace(s[after])) after++;
    if (after < to) out.push(after);
  }
  return out;
}

/** Whether an ascending list holds `x` (binary search). */
function sortedHas(list: readonly number[], x: number): boolean {
  let lo = 0;
  let hi = list.length - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid] === x) return true;
    if (list[mid] < x) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** Field starts in [from, to): separators, and "due" glued to the text before it. */
export function fieldStarts(s: string, from: number, to: number, fromStart: boolean): { at: number[]; glued: boolean[] } {
  const sep = boundaries(s, from, to);
  if (fromStart && sep[0] !== from) sep.unshift(from);
  const due = [...new Set([...gluedDueStarts(s, from, to), ...gluedLabelStarts(s, from, to)])].sort((x, y) => x - y).filter((d) => !sortedHas(sep, d));
  if (due.length === 0) return { at: sep, glued: [] };
  // Both lists are ascending: merge them; a position that is also a boundary is a boundary.
  const at: number[] = [];
  const glued: boolean[] = [];
  let i = 0;
  for (const d of due) {
    while (i < sep.length && sep[i] < d) {
      at.push(sep[i++]);
      glued.push(false);
    }
    at.push(d);
    glued.push(true);
  }
  while (i < sep.length) {
    at.push(sep[i++]);
    glued.push(false);
  }
  return { at, glued };
}
