/**
 * Why a language finding was reported, for the hover and `sitrep explain`: the words that
 * triggered it, the clause (or action text, or heading) that was judged, and why it counts as
 * asserted, vague or a claim. Pure: it re-reads the parsed document at the finding's range.
 */
import { readFactorLayer, type FactorReading } from '../parser/factors';
import type { ParsedDocument } from '../parser/types';
import { assertionIn } from './phrases';
import type { Finding } from './types';
import { judgeVagueness } from './vagueness';

export interface FindingExplanation {
  rule: string;
  /** The words that triggered the finding, as written. */
  words: string;
  /** The clause, action text or heading that was judged. */
  clause: string;
  /** Why it counts: asserted in its clause, vague in which way, a claim of one cause. */
  reason: string;
  /** contributing-factors: each factor's layer and why. */
  factors?: FactorReading[];
}

const PHRASE_RULES = new Set(['no-human-error', 'no-blame', 'single-root-cause']);

/**
 * The explanation of a finding of no-human-error, no-blame, single-root-cause, no-vague-action or
 * contributing-factors; undefined for other rules or a range that no longer holds the words.
 */
export function explainPhraseFinding(doc: ParsedDocument, finding: Pick<Finding, 'rule' | 'range'>): FindingExplanation | undefined {
  const { rule, range } = finding;
  const text = doc.lines[range.line];
  if (text === undefined) return undefined;
  const words = range.endLine === range.line ? text.slice(range.column, range.endColumn) : text.slice(range.column);
  if (PHRASE_RULES.has(rule)) {
    const heading = doc.sections.find((s) => s.headingRange.line === range.line && s.headingRange.column === range.column);
    if (rule === 'single-root-cause' && heading) {
      const n = doc.factors.length;
      return { rule, words, clause: heading.title, reason: `a "${heading.title}" heading over ${n <= 1 ? 'a single story' : `${n} factors in one layer`} presents one cause as the whole explanation` };
    }
    if (words.trim() === '') return undefined;
    const j = assertionIn(doc, range.line, range.column, range.endColumn);
    const reason = rule === 'single-root-cause' ? `it claims what the one cause was, not a mention: ${j.reason}` : j.reason;
    return { rule, words, clause: j.clause, reason };
  }
  if (rule === 'no-vague-action') {
    const a = doc.actionItems.find((x) => x.fields.action?.range.line === range.line);
    const f = a?.fields.action;
    if (!f) return undefined;
    const v = judgeVagueness(f.text);
    if (!v) return { rule, words, clause: f.text, reason: 'it matches a phrase this project lists as vague' };
    const kind = { exhortation: 'an exhortation', intention: 'an intention to look into something', comparative: 'a comparative with nothing checkable', outcome: 'an outcome without the change that produces it' }[v.kind];
    return { rule, words, clause: f.text, reason: `${kind}: ${v.missing}` };
  }
  if (rule === 'contributing-factors') {
    const factors = doc.factors.map(readFactorLayer);
    const layers = [...new Set(factors.map((f) => f.layer))];
    const reason = factors.length === 0 ? 'no factors were read' : `${factors.length} factor${factors.length === 1 ? '' : 's'} read, in ${layers.length} layer${layers.length === 1 ? '' : 's'} (${layers.join(', ')}); at least three across at least two layers are needed`;
    return { rule, words, clause: words, reason, factors };
  }
  return undefined;
}

/** The explanation as markdown lines for a hover. */
export function describeFindingExplanation(e: FindingExplanation): string[] {
  const out = [`**Sitrep ${e.rule}:** "${e.words.trim()}"`, `judged: "${e.clause.length > 160 ? e.clause.slice(0, 159) + '…' : e.clause}"`, `why: ${e.reason}`];
  for (const f of e.factors ?? []) out.push(`line ${f.line + 1}: ${f.layer} (from ${f.reason})`);
  return out;
}
