/** single-root-cause: one "root cause" presented as the whole explanation. */
import { factorsLayered } from '../lint/helpers';
import { isLiveProse, isRefuted } from '../lint/phrases';
import { normalizeTitle } from '../parser/markdown';
import type { Rule } from '../lint/types';

/** "the root cause was", "the single cause", "Root cause: …". */
const CLAIM =
  /\b(?:the|a|one|single|sole|only)\s+(?:(?:single|sole|only|one|real|true|actual|underlying|main|primary|ultimate|fundamental)\s+)?root[- ]cause\b(?!s|\(s\)|\s+analys)|\b(?:the|a) (?:single|sole|only|one) cause\b|(?<![\w-])root[- ]cause\s*(?:\*\*|__)?\s*:/gi;

export const rule: Rule = {
  name: 'single-root-cause',
  description: 'One "root cause" presented as the whole explanation instead of layered contributing factors.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/single-root-cause.md',
  kinds: ['postmortem'],
  anchors: ['cause'],
  check(ctx) {
    const { doc } = ctx;
    const { ok: layered, count } = factorsLayered(doc);
    const seen = new Set<string>();
    // A "Root cause" heading is fine over layered factors; over one story it is the whole explanation.
    // A bold label ("**Root Causes**: X") with one cause after it is a claim too.
    for (const s of doc.sections) {
      if (!/root/i.test(s.title) || /\(s\)/i.test(s.title)) continue;
      const t = normalizeTitle(s.title);
      const claim = s.level === 7 ? /^(?:the )?root causes?$/.test(t) && count <= 1 : /^(?:the )?root cause$/.test(t);
      if (!claim || layered) continue;
      seen.add(`${s.headingRange.line}:${s.headingRange.column}`);
      ctx.report({
        range: s.headingRange,
        message: `"${s.title}" presents one cause as the whole explanation. Treat it as the technical trigger and add the detection, rollout/control, responsibility/runbook and organizational factors that let it cause impact.`,
      });
    }
    for (const line of ctx.linesWith(['cause'])) {
      if (line < doc.bodyStartLine || /^\s{0,3}#/.test(doc.lines[line])) continue; // headings are judged above
      const text = doc.lines[line];
      CLAIM.lastIndex = 0;
      let m: RegExpExecArray | null;
      while ((m = CLAIM.exec(text))) {
        const col = m.index;
        if (!isLiveProse(ctx, line, col) || seen.has(`${line}:${col}`) || seen.has(`${line}:${col + 2}`)) continue;
        const endCol = col + m[0].length;
        if (isRefuted(ctx, line, col, endCol)) continue;
        const phrase = m[0].replace(/[\s*_:]+$/, '');
        ctx.report({
          range: { line, column: col, endLine: line, endColumn: col + phrase.length },
          message: `"${phrase}" presents one cause as the whole explanation. Call it the technical trigger and list the other contributing factors (detection, rollout/control, responsibility/runbook, organizational).`,
        });
      }
    }
  },
};
