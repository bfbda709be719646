/** Incident roles written in the body rather than the front matter: a line of labels, bullets, a Role/Person table. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../src/core/lint';
import { parseDocument } from '../../src/core/parser';
import { readBodyRoles } from '../../src/core/parser/roles';

const FRONT = '---\ntype: incident\ntitle: Card reader timeouts\nseverity: SEV2\nstatus: investigating\nstarted: 2026-04-09T12:00:00Z\n---\n\n# Card reader timeouts\n\n';
const rolesFindings = (body: string) =>
  lint(FRONT + body, { relativePath: 'incidents/x/incident.md', now: Date.parse('2026-04-09T12:30:00Z') }).findings.filter((f) => f.rule === 'roles-assigned').map((f) => f.message);
const roles = (body: string) => Object.fromEntries(Object.entries(readBodyRoles(parseDocument(FRONT + body, { relativePath: 'incidents/x/incident.md' }))).map(([k, v]) => [k, v!.text]));

test('one line of labels, as a chat bot posts it', () => {
  const body = 'IC: @noor, Comms: @beatriz; Ops: @tomasz · Scribe: @wen\n';
  assert.deepEqual(roles(body), { commander: '@noor', communications: '@beatriz', operations: '@tomasz', scribe: '@wen' });
  assert.deepEqual(rolesFindings(body), []);
});

test('a bullet per role with bold labels', () => {
  const body = '## Roles\n\n- **Incident commander:** @noor\n- **Operations lead:** @tomasz\n- **Communications lead:** @beatriz\n- **Scribe:** @wen\n';
  assert.deepEqual(rolesFindings(body), []);
});

test('a Role | Person table; an unfilled role is still reported', () => {
  const body = '## Response team\n\n| Role | Person |\n| --- | --- |\n| IC | Noor Haddad |\n| Ops | @tomasz |\n| Comms | TBD |\n| Scribe | @wen |\n';
  assert.equal(roles(body).commander, 'Noor Haddad');
  const found = rolesFindings(body);
  assert.equal(found.length, 1);
  assert.match(found[0], /roles\.communications is not assigned/);
});

test('a role named in the timeline or a status update is a change of hands, not the assignment', () => {
  const body = '## Timeline\n\n- 2026-04-09T12:05:00Z [role-change] IC: @noor took over from @wen\n';
  assert.deepEqual(roles(body), {});
  assert.match(rolesFindings(body)[0] ?? '', /^No incident commander/);
});

test('a handover packet with hand-written labels: working theory, in flight, decision needed, next checkpoint', () => {
  const body = [
    '## Checkpoints',
    '',
    '### 2026-04-09T12:20:00Z — handover @noor → @wen',
    '- **Where we are:** readers time out on 30% of card taps in two stores.',
    '- **Working theory:** the firmware update changed the TLS session cache.',
    '- **User impact:** shoppers retry or pay in cash; no double charges.',
    '- **In flight:** firmware rollback on store 12 (@tomasz).',
    '- **Decision needed:** roll back the other stores tonight or wait for the vendor.',
    '- **Comms plan:** store managers every 60 minutes.',
    '- **Next checkpoint:** 2026-04-09T13:20:00Z.',
  ].join('\n');
  const doc = parseDocument(FRONT + body, { relativePath: 'incidents/x/incident.md' });
  assert.deepEqual([...doc.checkpoints[0].fields.keys()].sort(), ['comms_cadence', 'customer_impact', 'decision_point', 'hypothesis', 'in_flight_actions', 'next_decision_point', 'state']);
  const found = lint(FRONT + body, { relativePath: 'incidents/x/incident.md', now: Date.parse('2026-04-09T12:30:00Z') }).findings.filter((f) => f.rule === 'checkpoint-complete');
  assert.deepEqual(found, []);
});
