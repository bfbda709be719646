/** template-hint: a line a template left to fill in, whose value is still only the template's hint. */
import { isPlaceholderSection } from '../lint/helpers';
import type { Rule } from '../lint/types';
import type { ParsedDocument, Section } from '../parser/types';
import { REQUIRED } from './required-sections';

/** A list marker, a task box and a bold label ("- **detection:** ", "**Owner:** "), kept before the value. */
const LEAD = /^\s*(?:>\s*)?(?:(?:[-*+]|\d{1,3}[.)])\s+)?(?:\[[ x]\]\s+)?((?:\*\*|__)[^*_]{1,60}?:?(?:\*\*|__):?\s*)?/i;
/** The whole value in single emphasis: `_…_` or `*…*`. */
const HINT = /^(?:_(?!_)(.+?)_|\*(?!\*)(.+?)\*)\.?\s*$/;
/** How template hints read: a question, or an instruction to the writer. */
const INSTRUCTION =
  /\?|^(?:include|describe|list|add|write|explain|summari[sz]e|link|put|schedule|name|state|give|note|record|fill|enter|insert|replace|paste|e\.g\.|for example|one or two|two or three|a (?:short|brief|one-line)|your|who|what|which|when|where|why|how|some important|this is (?:what|a follow-up)|each|be very)\b/i;

interface TemplateHint {
  line: number;
  column: number;
  endColumn: number;
  /** The hint's words, without emphasis. */
  text: string;
  /** The bold label the hint stands after ("technical-trigger"), if any. */
  label?: string;
}

/** The template hint a line holds in place of its value, if any. */
export function templateHint(line: string, lineNo: number): TemplateHint | undefined {
  const lead = LEAD.exec(line);
  if (!lead) return undefined;
  const start = lead[0].length;
  const m = HINT.exec(line.slice(start));
  if (!m) return undefined;
  const text = (m[1] ?? m[2]).trim();
  if (text.split(/\s+/).length < 2 || !INSTRUCTION.test(text)) return undefined;
  const label = lead[1]?.replace(/[*_:\s]+/g, ' ').trim() || undefined;
  return { line: lineNo, column: start, endColumn: line.trimEnd().length, text, label };
}

/** The innermost section (below the title) a line belongs to. */
function ownerOf(doc: ParsedDocument, line: number): Section | undefined {
  let best: Section | undefined;
  for (const s of doc.sections) {
    if (s.level < 2 || line <= s.line || line >= s.endLine) continue;
    if (!best || s.level >= best.level) best = s;
  }
  return best;
}

export const rule: Rule = {
  name: 'template-hint',
  description: 'A line whose value is still only a template hint ("- **detection:** _What let the impact go unnoticed?_"): the postmortem has not said it yet.',
  defaultSeverity: 'error',
  fixable: false,
  docs: 'docs/rules/template-hint.md',
  kinds: ['postmortem'],
  check(ctx) {
    const { doc } = ctx;
    const required = new Set(REQUIRED.map(([key]) => key));
    const quoted = doc.quoted ?? [];
    for (let l = doc.bodyStartLine; l < doc.lines.length; l++) {
      if (!doc.prose[l] || quoted[l]) continue;
      const t = doc.lines[l];
      if (t.indexOf('_') < 0 && t.indexOf('*') < 0) continue;
      const hint = templateHint(t, l);
      if (!hint) continue;
      const section = ownerOf(doc, l);
      if (!section) continue;
      // A required section holding nothing but hints is required-sections' one finding.
      if (section.key && required.has(section.key) && isPlaceholderSection(doc, section)) continue;
      const what = hint.label ? `"${hint.label}" in ${section.title}` : section.title;
      const words = hint.text.length > 60 ? `${hint.text.slice(0, 57).trimEnd()}…` : hint.text;
      ctx.report({
        range: { line: l, column: hint.column, endLine: l, endColumn: hint.endColumn },
        message: `${what} still holds the template's hint ("${words}"): write what happened in its place, or remove the line.`,
      });
    }
  },
};
