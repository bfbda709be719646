/** front-matter-schema: front matter that breaks its schema, reported at the exact key or value. */
import { INCIDENT_STATUSES, SEVERITIES } from '../model/schemas';
import type { Fix, Rule } from '../lint/types';
import type { ParsedDocument } from '../parser/types';
import type { Range } from '../text';

/** Keys whose value is one of a few words: a wrong one is offered each right one. */
const CHOICES: Record<string, readonly string[]> = { severity: SEVERITIES, status: INCIDENT_STATUSES };

function sameRange(a: Range | undefined, b: Range): boolean {
  return !!a && a.line === b.line && a.column === b.column && a.endLine === b.endLine && a.endColumn === b.endColumn;
}

/** "Set severity to SEV1" … for a problem at the value of a key with a fixed set of values. */
function choices(doc: ParsedDocument, range: Range): Fix[] | undefined {
  for (const [key, values] of Object.entries(CHOICES)) {
    if (key === 'status' && doc.kind !== 'incident') continue;
    if (!sameRange(doc.frontMatter?.entries.get(key)?.valueRange, range)) continue;
    return values.map((v) => ({ title: `Set ${key} to ${v}`, edits: [{ range, text: v }] }));
  }
  return undefined;
}

export const rule: Rule = {
  name: 'front-matter-schema',
  description: 'Front matter that is not valid YAML or breaks the incident or postmortem schema, at the exact key or value.',
  defaultSeverity: 'error',
  fixable: true,
  docs: 'docs/rules/front-matter-schema.md',
  kinds: ['postmortem', 'incident'],
  frontMatterOnly: true,
  check(ctx) {
    for (const p of ctx.doc.problems) {
      if (p.code !== 'front-matter-schema') continue;
      const suggestions = choices(ctx.doc, p.range);
      ctx.report({ range: p.range, message: p.message, ...(suggestions ? { suggestions } : {}) });
    }
  },
};
