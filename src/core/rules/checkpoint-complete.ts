/** checkpoint-complete: every role or commander change has a complete checkpoint packet. */
import { isPlaceholderValue } from '../lint/phrases';
import type { TimelineEntryNode } from '../parser/types';
import type { Rule } from '../lint/types';

const PACKET: Array<[string, string]> = [
  ['state', 'state'],
  ['hypothesis', 'hypothesis'],
  ['customer_impact', 'customer impact'],
  ['in_flight_actions', 'in-flight actions'],
  ['decision_point', 'decision point'],
  ['comms_cadence', 'comms cadence'],
  ['next_decision_point', 'next decision point'],
];

const HANDOFF =
  /\b(?:hand(?:ed|s|ing)? ?(?:over|off)|took over|takes over|taking over|new (?:incident )?commander|shift change|(?:commander|ic|incident commander) (?:changed?|handed|now|is now|swap)|role change)\b/i;
const WINDOW = 30 * 60_000;

function isRoleChange(e: TimelineEntryNode): boolean {
  if (e.kind === 'role-change') return true;
  if (e.kind && e.kind !== 'action' && e.kind !== 'fact' && e.kind !== 'decision') return false;
  return HANDOFF.test(e.text);
}

export const rule: Rule = {
  name: 'checkpoint-complete',
  description: 'A role or commander change with no checkpoint packet, or a packet missing state, hypothesis, customer impact, in-flight actions, decision point, comms cadence or next decision point.',
  defaultSeverity: 'warning',
  fixable: false,
  docs: 'docs/rules/checkpoint-complete.md',
  kinds: ['incident'],
  check(ctx) {
    const { doc } = ctx;
    const cps = doc.checkpoints;
    for (const e of doc.timeline) {
      if (!isRoleChange(e)) continue;
      const covered =
        e.at === undefined ? cps.length > 0 : cps.some((c) => c.at === undefined || Math.abs(c.at - e.at!) <= WINDOW);
      if (covered) continue;
      ctx.report({
        range: e.range,
        message: 'Role change with no checkpoint packet: add one under "## Checkpoints" with state, hypothesis, customer impact, in-flight actions, decision point, comms cadence and next decision point.',
      });
    }
    for (const c of cps) {
      const missing = PACKET.filter(([k]) => {
        const f = c.fields.get(k);
        return !f || isPlaceholderValue(f.text);
      }).map(([, label]) => label);
      if (missing.length === 0) continue;
      ctx.report({ range: c.headingRange, message: `Checkpoint packet is missing ${missing.join(', ')}.` });
    }
  },
};
