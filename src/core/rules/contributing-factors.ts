/**
 * contributing-factors: at least three factors, across at least two layers. The message says how
 * many factors were read and in which layers (each factor's layer and why is available from
 * `readFactorLayer`). A document without a factors section whose factors sit under "What went
 * wrong" (or "Missed defenses") is told so, with a suggestion that moves them under a new
 * "Contributing factors" heading.
 */
import { factorsLayered, firstLineRange, sectionsOf } from '../lint/helpers';
import { isPlaceholderLine } from '../parser/markdown';
import { inferLayer, LAYER_NAMES } from '../parser/factors';
import { FACTOR_LAYERS, type FactorLayer } from '../model/schemas';
import type { ParsedDocument, Section } from '../parser/types';
import type { Fix, Rule, TextEdit } from '../lint/types';

const names = (layers: Iterable<FactorLayer>) => [...layers].map((l) => LAYER_NAMES[l]).join(', ');
const missingLayers = (layers: Set<FactorLayer>) => names(FACTOR_LAYERS.filter((l) => !layers.has(l)));

/** Sections whose lists are missed defenses: "What went wrong", "Missed defenses", "Gaps" (not "Where we got lucky"). */
const WENT_WRONG = /^(?:what went wrong|missed defen[cs]es|what could have gone better|gaps)\b/i;
const TOP_ITEM = /^\s{0,3}(?:[-*+]|\d{1,3}[.)])\s+\S/;

/** Top-level list items of a section (0-based lines), skipping template placeholders. */
function topItems(doc: ParsedDocument, s: Section): number[] {
  const out: number[] = [];
  for (let l = s.line + 1; l < s.endLine; l++) {
    if (!doc.prose[l] || doc.quoted?.[l]) continue;
    if (TOP_ITEM.test(doc.lines[l]) && !isPlaceholderLine(doc.lines[l])) out.push(l);
  }
  return out;
}

/** The suggestion that moves the items under a new "Contributing factors" heading. */
function moveFix(doc: ParsedDocument, s: Section, items: number[]): Fix | undefined {
  if (s.level > 6) return undefined;
  const hashes = '#'.repeat(s.level);
  // The item lines with their continuation lines (indented or lazy), up to a blank line or the next item.
  const blocks: Array<[number, number]> = items.map((a, i) => {
    let b = a;
    const stop = i + 1 < items.length ? items[i + 1] : s.endLine;
    while (b + 1 < stop && doc.lines[b + 1].trim() !== '') b++;
    return [a, b];
  });
  const other = [];
  for (let l = s.line + 1; l < s.endLine; l++) {
    if (doc.lines[l].trim() === '' || blocks.some(([a, b]) => l >= a && l <= b)) continue;
    other.push(l);
  }
  const title = 'Move these items under a new "Contributing factors" heading';
  if (other.length === 0) {
    // Nothing else in the section: the heading itself becomes the factors heading.
    return { title, edits: [{ range: s.headingRange, text: 'Contributing factors' }] };
  }
  const moved = blocks.map(([a, b]) => doc.lines.slice(a, b + 1).join(doc.eol)).join(doc.eol);
  const edits: TextEdit[] = blocks.map(([a, b]) => ({ range: { line: a, column: 0, endLine: b + 1, endColumn: 0 }, text: '' }));
  if (blocks[blocks.length - 1][1] + 1 >= doc.lines.length) {
    const [a, b] = blocks[blocks.length - 1];
    edits[edits.length - 1] = { range: { line: a, column: 0, endLine: b, endColumn: doc.lines[b].length }, text: '' };
  }
  edits.push({ range: { line: s.line, column: 0, endLine: s.line, endColumn: 0 }, text: `${hashes} Contributing factors${doc.eol}${doc.eol}${moved}${doc.eol}${doc.eol}` });
  return { title, edits };
}

export const rule: Rule = {
  name: 'contributing-factors',
  description: 'Fewer than three contributing factors, or all in one layer (technical trigger, detection, rollout/control, responsibility/runbook, organizational).',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/contributing-factors.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    const section = sectionsOf(doc, 'contributing-factors')[0];
    const range = section ? section.headingRange : firstLineRange(doc);
    const { count, layers, ok } = factorsLayered(doc);
    if (ok) return;
    if (!section) {
      const wrong = doc.sections.find((s) => s.key === 'missed-defenses' && WENT_WRONG.test(s.title.trim()) && topItems(doc, s).length > 0);
      if (wrong) {
        const items = topItems(doc, wrong);
        const found = new Set(items.map((l) => inferLayer(doc.lines[l]).layer));
        const fix = moveFix(doc, wrong, items);
        ctx.report({
          range,
          message: `No "Contributing factors" section, but the ${items.length} item${items.length === 1 ? '' : 's'} under "${wrong.title}" (line ${wrong.line + 1}) read as factors (layers: ${names(found)}). Move them under a "Contributing factors" heading so they are counted, and make sure at least three span at least two layers.`,
          suggestions: fix ? [fix] : undefined,
        });
        return;
      }
      ctx.report({
        range,
        message: 'No "Contributing factors" section: list at least three factors across at least two layers (technical trigger, detection, rollout/control, responsibility/runbook, organizational).',
      });
    } else if (count < 3) {
      const seen = count === 0 ? '' : ` (layers found: ${names(layers)})`;
      ctx.report({
        range,
        message: `${count === 0 ? 'No contributing factors are listed' : `Only ${count} contributing factor${count === 1 ? ' is' : 's are'} listed${seen}`}; list at least three, as bullets labelled with their layer (e.g. "- **detection:** …"), across at least two layers. Missing layers: ${missingLayers(layers)}.`,
      });
    } else {
      const only = [...layers][0];
      const how = doc.factors.every((f) => f.layer) ? 'all labelled' : 'read from their labels and words';
      ctx.report({
        range,
        message: `All ${count} contributing factors are in one layer (${LAYER_NAMES[only]}, ${how}); add what let the trigger cause impact: ${missingLayers(layers)}.`,
      });
    }
  },
};

