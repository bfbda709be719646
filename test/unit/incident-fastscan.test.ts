import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { parseDocument } from '../../src/core/parser';
import {
  appendActionRow,
  appendCheckpoint,
  appendStatusUpdate,
  appendTimelineEntry,
  applyEdits,
  fastParse,
  readSimpleYaml,
  renderIncident,
  renderPostmortem,
  soloRoles,
  summarize,
} from '../../src/core/incident';
import { listFiles, read, ROOT } from './helpers';

const NOW = Date.UTC(2026, 10, 27, 9, 52, 0);

function live(): string {
  let t = renderIncident({ id: '2026-11-27-checkout-5xx-k3f9', title: 'Checkout 5xx', severity: 'SEV1', impactSummary: 'EU checkouts fail', roles: soloRoles('@maria'), cadenceMinutes: 30, now: NOW });
  for (let i = 0; i < 5; i++) t = applyEdits(t, [appendTimelineEntry(t, { time: '2026-11-27T10:00:00Z', kind: 'fact', text: `fact ${i}`, source: `src/a.ts:${i}` })]);
  t = applyEdits(t, [appendStatusUpdate(t, { time: '2026-11-27T10:15:00Z', known: 'k', unknown: 'u', impact: 'i', mitigation: 'm', nextUpdate: '2026-11-27T10:45:00Z' })]);
  t = applyEdits(t, [appendCheckpoint(t, { time: '2026-11-27T10:20:00Z', title: 'shift change', state: 's', hypothesis: 'h', customerImpact: 'c', inFlightActions: 'f', decisionPoint: 'd', commsCadence: 'cc', nextDecisionPoint: 'n' })]);
  return t;
}

function withActions(): string {
  let pm = renderPostmortem(parseDocument(live()), { authors: ['@maria'], now: NOW });
  for (let i = 0; i < 10; i++) pm = applyEdits(pm, [appendActionRow(pm, { action: `Action ${i}`, owner: '@a', due: '2026-12-01', category: i % 2 ? 'detect' : 'Prevention', verification: i === 3 ? 'TBD' : 'signal', status: i === 4 ? 'done' : 'open' }).edit]);
  return pm;
}

function same(text: string, label: string): boolean {
  const fast = fastParse(text);
  const full = parseDocument(text, { relativePath: 'incidents/x/incident.md' });
  if (fast) assert.deepEqual(summarize('k', 'p', fast), summarize('k', 'p', full), label);
  return !!fast;
}

test('the fast reader and the full parser give the same index summaries', () => {
  assert.equal(same(live(), 'live incident'), true);
  assert.equal(same(withActions(), 'postmortem'), true);
  const variants = [
    live().replace('## Checkpoints', '## Checkpoints\n\nSome prose.'),
    live().replace('- **Known:** k', '- Known: k'),
    live().replace('# Checkout 5xx', '# Checkout 5xx #'),
    live().replace('severity: SEV1', 'severity: SEV9'),
    live().replace('## Timeline\n', '## Timeline\n\n```\ncode\n```\n'),
    live().replace('## Timeline\n', '## Timeline\n\n<!-- sitrep-disable -->\n'),
    live().replace('## Timeline\n', '## Timeline\n\n10:42 something happened\n'),
    live().replace('roles:\n', '# a comment\nroles:\n'),
    live().replace('  solo: true', '  solo: true\n  extra: 1'),
    withActions().replace('| ID | Action |', '| Ticket | Task |'),
    withActions().replace('## Action items', '## Follow-ups'),
    withActions() + '\n- [ ] list action (owner: @b, due: 2026-12-01)\n',
  ];
  variants.forEach((v, i) => same(v, `variant ${i}`));
  for (const f of [...listFiles(path.join(ROOT, 'examples'), (x) => x.endsWith('.md')), ...listFiles(path.join(ROOT, 'test', 'harness', 'fixtures'), (x) => x.endsWith('.md'))]) {
    same(read(path.relative(ROOT, f)), f);
  }
});

test('the fast reader declines what it does not model, so the full parser reports it', () => {
  assert.equal(fastParse(live().replace('severity: SEV1', 'severity: SEV9')), undefined);
  assert.equal(fastParse(live().replace('## Timeline\n', '## Timeline\n\n```\ncode\n```\n')), undefined);
  assert.equal(fastParse('# no front matter\n'), undefined);
  assert.equal(fastParse('---\ntype: incident\n'), undefined);
  assert.equal(fastParse('\ufeff' + live()), undefined);
});

test('the simple YAML reader matches YAML for what Sitrep writes, and declines the rest', () => {
  const lines = ['a: x', 'b: "@q"', "c: 'it''s'", 'd: 30', 'e: true', 'f: []', 'g: ["x", "y"]', 'h:', '  i: 1', '  j: "k"', 'l:', '  - m', '  - "n"', 'o:', 'p: 2026-11-27T09:52:00Z', 'q: 1.5'];
  assert.deepEqual(readSimpleYaml(lines, 0, lines.length), parseYaml(lines.join('\n')));
  assert.deepEqual(readSimpleYaml(lines, 0, lines.length), { a: 'x', b: '@q', c: "it's", d: 30, e: true, f: [], g: ['x', 'y'], h: { i: 1, j: 'k' }, l: ['m', 'n'], o: null, p: '2026-11-27T09:52:00Z', q: 1.5 });
  for (const bad of [['a: @x'], ['a: x # c'], ['a: x', 'a: y'], ['a:', '  b:', '    c: 1'], ['a: {b: 1}'], ['a: &x 1'], ['a: |'], ['\ta: 1'], ['a: b: c']]) {
    assert.equal(readSimpleYaml(bad, 0, bad.length), undefined, bad.join(' / '));
  }
});
