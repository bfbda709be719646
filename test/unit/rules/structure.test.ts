/** Edge cases of the structure rules: factor layers, sections, timelines, impact, incident rules. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { lint } from '../../../src/core/lint';

const rulesOf = (text: string, rule: string, now?: number) => lint(text, { now }).findings.filter((f) => f.rule === rule);

test('contributing-factors: unlabelled factors get an inferred layer', () => {
  const text = `---\ntype: postmortem\n---\n# T\n\n## Contributing factors\n\n- The cache key ignored the tenant id.\n- Our alerting watched error rate but not latency.\n- The deploy skipped the canary stage.\n`;
  assert.deepEqual(rulesOf(text, 'contributing-factors'), []);
  const one = text.replace('- Our alerting watched error rate but not latency.\n- The deploy skipped the canary stage.\n', '- The cache TTL was too long.\n- The cache was shared.\n');
  assert.match(rulesOf(one, 'contributing-factors')[0].message, /one layer/);
});

test('contributing-factors: factors grouped under layer sub-headings', () => {
  const text = `---\ntype: postmortem\n---\n# T\n\n## Contributing factors\n\n### Technical trigger\n\n- The cache key ignored the tenant id.\n\n### Detection gap\n\n- No per-tenant error metric.\n- Nothing paged below 50%.\n`;
  assert.deepEqual(rulesOf(text, 'contributing-factors'), []);
});

test('required-sections: synonyms count; an empty action table is a placeholder', () => {
  const text = `# T\n\n## Customer impact\n\nSEV3 for 20 minutes; 2% of logins failed. No data loss.\n\n## Chronology\n\n- 2026-01-01T10:00:00Z [detection] x\n\n## Why it happened\n\n- a\n\n## Follow-ups\n\n| Action | Owner |\n| --- | --- |\n|  |  |\n`;
  const f = lint(text, { assumeKind: 'postmortem' }).findings.filter((x) => x.rule === 'required-sections');
  assert.equal(f.length, 1);
  assert.match(f[0].message, /"Follow-ups" holds only template placeholders/);
});

test('timeline-timestamps: table rows and time-led lines; a good timestamp with an offset is fine', () => {
  const text = `---\ntype: postmortem\n---\n# T\n\n## Timeline\n\n| Time | Event |\n| --- | --- |\n| 2026-01-01T10:00:00+01:00 | paged |\n| 10:05 | rolled back |\n|  | status page |\n`;
  const f = rulesOf(text, 'timeline-timestamps');
  assert.deepEqual(f.map((x) => x.range.line + 1), [11, 12]);
  assert.deepEqual(f[0].range, { line: 10, column: 2, endLine: 10, endColumn: 7 });
});

test('action-overdue needs now; without it the rule is silent', () => {
  const text = `---\ntype: postmortem\n---\n# T\n\n## Action items\n\n- [ ] Add alert (owner: @a, due: 2026-01-01, category: detect, verify: fires in drill)\n`;
  assert.equal(rulesOf(text, 'action-overdue').length, 0);
  assert.equal(rulesOf(text, 'action-overdue', Date.parse('2026-01-01T23:59:00Z')).length, 0, 'due until the end of the day');
  assert.equal(rulesOf(text, 'action-overdue', Date.parse('2026-01-02T00:00:00Z')).length, 1);
  assert.equal(rulesOf(text.replace('[ ]', '[x]'), 'action-overdue', Date.parse('2026-02-01T00:00:00Z')).length, 0);
});

test('roles-assigned: a resolved incident is not checked; solo: true is explicit', () => {
  const inc = (roles: string, status = 'investigating') => `---\ntype: incident\nstatus: ${status}\nroles:\n${roles}---\n# I\n`;
  assert.equal(rulesOf(inc('  commander: "@a"\n'), 'roles-assigned').length, 1);
  assert.equal(rulesOf(inc('  commander: "@a"\n  solo: true\n'), 'roles-assigned').length, 0);
  assert.equal(rulesOf(inc('  commander: "?"\n', 'resolved'), 'roles-assigned').length, 0);
  const noRoles = `---\ntype: incident\nstatus: investigating\n---\n# I\n`;
  assert.equal(rulesOf(noRoles, 'roles-assigned').length, 1);
});

test('update-cadence: an incident with no update yet is overdue one cadence after detection', () => {
  const text = `---\ntype: incident\nseverity: SEV1\nstatus: investigating\ndetected: 2026-11-27T10:00:00Z\n---\n# I\n\n## Status updates\n`;
  assert.equal(rulesOf(text, 'update-cadence', Date.parse('2026-11-27T10:29:00Z')).length, 0);
  const late = rulesOf(text, 'update-cadence', Date.parse('2026-11-27T10:45:00Z'));
  assert.equal(late.length, 1);
  assert.match(late[0].message, /overdue by 15 min/);
  assert.equal(rulesOf(text.replace('investigating', 'resolved'), 'update-cadence', Date.parse('2026-11-27T12:00:00Z')).length, 0);
});

test('checkpoint-complete: a handover described in words needs a packet', () => {
  const text = `---\ntype: incident\n---\n# I\n\n## Timeline\n\n- 2026-11-27T10:00:00Z [action] @ken took over as incident commander\n`;
  assert.equal(rulesOf(text, 'checkpoint-complete').length, 1);
});

test('rules never throw on odd input', () => {
  for (const t of ['', '---', '---\n---', '# T\n\n## Timeline\n\n-', '| a |\n| - |\n|', '\uFEFF---\ntype: incident\n---\n## Status updates\n### x\n- **Next update:**', 'x'.repeat(100000)]) {
    for (const kind of ['postmortem', 'incident'] as const) {
      const r = lint(t, { assumeKind: kind, now: 0 });
      assert.ok(!r.findings.some((f) => /rule failed/.test(f.message)), JSON.stringify(t.slice(0, 40)));
    }
  }
});
