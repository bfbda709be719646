/** impact-summary: impact states severity, start and end (or current state), who was affected, and data loss. */
import { firstLineRange, frontData, isPlaceholderSection, sectionsOf, sectionText } from '../lint/helpers';
import type { Rule } from '../lint/types';

const SEVERITY = /\b(?:sev(?:erity)?[- ]?[0-5]|severity|p[0-4]|priority [0-4]|critical|major|minor)\b/i;
const TIME =
  /\d{4}-\d{2}-\d{2}|\b\d{1,2}:\d{2}\b|\b(?:start(?:ed|ing)?|began|begin|until|duration|lasted|lasting|between|ongoing|still (?:affected|ongoing|degraded|failing)|resolved|mitigated|recovered|since|for (?:about |around |roughly |nearly |over |almost )?\d+\s*(?:s|sec|seconds?|min|mins|minutes?|h|hrs?|hours?|days?))\b/i;
const WHO =
  /\b(?:users?|customers?|tenants?|accounts?|clients?|merchants?|shoppers?|subscribers?|visitors?|members?|players?|partners?|teams?|journeys?|requests?|queries|orders?|checkouts?|logins?|sign-?ins?|sign-?ups?|traffic|api calls?|transactions?|payments?|uploads?|downloads?|pages?|sessions?|devices?|drivers?|riders?|sellers?|buyers?|guests?|patients?|students?|employees?|agents?|callers?|webhooks?|emails?|notifications?|searches|builds?|deploys?|jobs?)\b/i;
const DATA =
  /\bdata[- ](?:loss|lost|corruption|integrity|was|were)\b|\bno data\b|\b(?:lost|corrupt(?:ed)?|dropped) (?:data|records|rows|orders|messages|events|writes)\b|\b(?:nothing|no (?:records?|orders|messages|events|writes)) (?:was |were )?(?:lost|corrupted|dropped)\b|\bno (?:[a-z-]+ ){0,3}(?:was|were|got|has been|have been) (?:lost|corrupted|dropped|deleted|destroyed)\b/i;

export const rule: Rule = {
  name: 'impact-summary',
  description: 'Impact that lacks severity, start and end (or current state), affected users or journeys, or a data-loss statement (even "none").',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/impact-summary.md',
  kinds: ['postmortem', 'incident'],
  check(ctx) {
    const { doc } = ctx;
    const sections = sectionsOf(doc, 'impact');
    if (sections.length > 0 && sections.every((s) => isPlaceholderSection(doc, s))) return; // required-sections
    if (sections.length === 0 && doc.kind === 'postmortem') return; // required-sections
    const fm = frontData(doc);
    const impact = (typeof fm.impact === 'object' && fm.impact !== null ? fm.impact : {}) as Record<string, unknown>;
    const text = [
      ...sections.map((s) => sectionText(doc, s)),
      ...sectionsOf(doc, 'summary').map((s) => sectionText(doc, s)),
      typeof impact.summary === 'string' ? impact.summary : '',
    ].join('\n');
    const has = (v: unknown) => (Array.isArray(v) ? v.length > 0 : typeof v === 'string' ? v.trim() !== '' : v !== undefined && v !== null);
    const missing: string[] = [];
    // A severity written but not valid (SEV7) is front-matter-schema's finding, not a missing one.
    if (!(typeof fm.severity === 'string' && fm.severity.trim() !== '') && !SEVERITY.test(text)) missing.push('severity');
    const end = has(fm.resolved) || has(fm.mitigated) || (doc.kind === 'incident' && has(fm.status));
    if (!((has(fm.started) && end) || TIME.test(text))) missing.push(doc.kind === 'incident' ? 'start time and current state' : 'start and end time');
    const scoped = doc.impactScope.some((r) => r.cells.group && r.cells.group.text.trim() !== '');
    if (!(has(impact.users) || has(impact.journeys) || scoped || WHO.test(text))) missing.push('affected users or journeys');
    if (!(has(impact.data_loss) || DATA.test(text))) missing.push('a data-loss statement (even "none")');
    if (missing.length === 0) return;
    const list = missing.length === 1 ? missing[0] : `${missing.slice(0, -1).join(', ')} and ${missing[missing.length - 1]}`;
    ctx.report({
      range: sections[0]?.headingRange ?? firstLineRange(doc),
      message: `Impact does not state ${list}.`,
    });
  },
};
