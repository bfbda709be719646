import { test } from 'node:test';
import assert from 'node:assert/strict';
import {
  actionChildren,
  appendActionRow,
  applyEdits,
  IncidentIndex,
  incidentChildren,
  incidentRoots,
  openActions,
  renderIncident,
  renderPostmortem,
  soloRoles,
  statusBarView,
  type IndexedIncident,
} from '../../src/core/incident';
import { parseDocument } from '../../src/core/parser';

const NOW = Date.UTC(2026, 10, 27, 9, 52, 0);
const MIN = 60_000;

function incident(id: string, title: string, severity: 'SEV1' | 'SEV2' | 'SEV3' | 'SEV4', cadence: number, extra = ''): string {
  const t = renderIncident({ id, title, severity, impactSummary: 'impact', roles: soloRoles('@a'), cadenceMinutes: cadence, now: NOW });
  return extra ? t.replace('\n---\n', `\n${extra}\n---\n`) : t;
}

function postmortemWith(incText: string, actions: Array<{ action: string; due: string; verification: string; status?: string }>): string {
  let pm = renderPostmortem(parseDocument(incText), { authors: ['@a'], now: NOW });
  for (const a of actions) pm = applyEdits(pm, [appendActionRow(pm, { owner: '@a', category: 'detect', ...a }).edit]);
  return pm;
}

function build(): IncidentIndex {
  const index = new IncidentIndex();
  index.update('k1', incident('2026-11-27-checkout-5xx-k3f9', 'Checkout 5xx', 'SEV2', 60), { relativePath: 'incidents/a/incident.md' });
  index.update('k2', incident('2026-11-27-login-down-aaaa', 'Login down', 'SEV1', 30), { relativePath: 'incidents/b/incident.md' });
  const resolved = incident('2026-11-26-dns-bbbb', 'DNS', 'SEV3', 120).replace('status: investigating', 'status: resolved');
  index.update('k3', resolved, { relativePath: 'incidents/c/incident.md' });
  index.update(
    'p3',
    postmortemWith(resolved, [
      { action: 'Alert on DNS errors', due: '2026-11-01', verification: 'alert fires in staging' },
      { action: 'Runbook for resolver failover', due: '2026-12-20', verification: 'TBD' },
      { action: 'Already done', due: '2026-11-01', verification: 'x', status: 'done' },
    ]),
    { relativePath: 'incidents/c/postmortem.md' },
  );
  return index;
}

test('the index holds incidents and postmortems; resolved ones are not active', () => {
  const index = build();
  assert.equal(index.size, 4);
  assert.deepEqual(index.active().map((i) => i.title).sort(), ['Checkout 5xx', 'Login down']);
  assert.equal(index.byId('2026-11-27-LOGIN-DOWN-aaaa')?.key, 'k2');
  assert.ok(index.ids().has('2026-11-26-dns-bbbb'));
  const k2 = index.get('k2') as IndexedIncident;
  assert.equal(k2.name, 'login-down');
  assert.equal(k2.cadenceMinutes, 30);
  assert.equal(k2.nextUpdateDue, NOW + 30 * MIN);
  assert.equal(k2.timelineCount, 1);
  assert.equal(index.dueSoonest()?.key, 'k2');
  assert.equal(index.postmortemOf(index.get('k3') as IndexedIncident)?.key, 'p3');
});

test('re-indexing an unchanged text changes nothing; a change and a removal bump the generation', () => {
  const index = build();
  const g = index.generation;
  const text = incident('2026-11-27-login-down-aaaa', 'Login down', 'SEV1', 30);
  assert.equal(index.update('k2', text, { relativePath: 'incidents/b/incident.md' }), 'unchanged');
  assert.equal(index.generation, g);
  assert.equal(index.update('k2', text.replace('status: investigating', 'status: mitigated'), { relativePath: 'incidents/b/incident.md' }), 'changed');
  assert.equal((index.get('k2') as IndexedIncident).status, 'mitigated');
  assert.equal(index.update('k9', '# just notes\n', { relativePath: 'notes/x.md' }), 'unchanged');
  assert.equal(index.update('k2', '# not an incident any more\n', { relativePath: 'notes/b.md' }), 'removed');
  assert.equal(index.get('k2'), undefined);
  assert.equal(index.removeUnder('k'), 2);
  assert.ok(index.generation > g);
});

test('a malformed incident stays in the view with its problems', () => {
  const index = new IncidentIndex();
  const bad = incident('2026-11-27-x-aaaa', 'Broken one', 'SEV1', 30).replace('severity: SEV1', 'severity: SEV9');
  index.update('bad', bad, { relativePath: 'incidents/x/incident.md' });
  const i = index.get('bad') as IndexedIncident;
  assert.equal(i.valid, false);
  assert.equal(i.title, 'Broken one');
  assert.ok(i.problems.some((p) => p.code === 'front-matter-schema' && p.range.line === 4));
  const roots = incidentRoots(index, NOW);
  assert.equal(roots.length, 1);
  assert.equal(roots[0].icon, 'error');
  assert.match(roots[0].contextValue, /malformed/);
  const children = incidentChildren(index, roots[0], NOW);
  assert.equal(children[0].kind, 'problems');
  const problems = incidentChildren(index, children[0], NOW);
  assert.ok(problems.some((p) => /SEV9|expected one of/.test(p.label) && p.range?.line === 4));
  // Unclosed front matter: still listed, by path, with the problem.
  index.update('worse', '---\ntype: incident\n# oops\n', { relativePath: 'incidents/y/incident.md' });
  const worse = index.get('worse') as IndexedIncident;
  assert.ok(worse);
  assert.equal(worse.title, 'oops');
  assert.ok(worse.problems.length > 0);
});

test('incident roots: severity first, then the update due soonest, then a Resolved group', () => {
  const index = build();
  const roots = incidentRoots(index, NOW + 10 * MIN);
  assert.deepEqual(roots.map((r) => r.label), ['Login down', 'Checkout 5xx', 'Resolved']);
  assert.equal(roots[0].description, 'SEV1 · 10 min since start · update in 20 min');
  assert.equal(roots[0].icon, 'flame');
  assert.equal(roots[0].color, 'charts.red');
  assert.equal(roots[0].contextValue, 'incident.active');
  const overdue = incidentRoots(index, NOW + 33 * MIN)[0];
  assert.match(overdue.description ?? '', /update overdue 3 min/);
  assert.match(overdue.contextValue, /overdue/);
  const resolved = incidentChildren(index, roots[2], NOW);
  assert.deepEqual(resolved.map((r) => r.label), ['DNS']);
  assert.match(resolved[0].contextValue, /^incident\.resolved/);
});

test('incident children: roles, latest update, timeline size, checkpoints', () => {
  const index = build();
  const root = incidentRoots(index, NOW)[0];
  const kids = incidentChildren(index, root, NOW);
  assert.deepEqual(kids.map((k) => k.kind), ['roles', 'latest-update', 'timeline', 'checkpoints']);
  assert.equal(kids[0].description, 'solo: @a');
  assert.equal(kids[1].description, 'none yet');
  assert.equal(kids[2].description, '1 entry');
  const roles = incidentChildren(index, kids[0], NOW);
  assert.deepEqual(roles.map((r) => `${r.label}=${r.description}`), ['Commander=@a', 'Operations=@a', 'Communications=@a', 'Scribe=@a']);
});

test('restricted incidents carry a lock; the status bar names them by id only', () => {
  const index = new IncidentIndex();
  index.update('r', incident('2026-11-27-token-leak-cccc', 'Token leak at tenant 42', 'SEV1', 30).replace('restricted: false', 'restricted: true'), { relativePath: 'r/incident.md' });
  const root = incidentRoots(index, NOW)[0];
  assert.equal(root.icon, 'lock');
  assert.match(root.contextValue, /restricted/);
  const view = statusBarView(index, NOW + 17 * MIN + 56_000);
  assert.equal(view.text, '$(lock) SEV1 restricted · update in 12:04');
  assert.doesNotMatch(view.tooltip, /tenant 42/);
});

test('the status bar shows the incident due soonest, warning and overdue states, and lists all in the tooltip', () => {
  const index = build();
  const v = statusBarView(index, NOW + 17 * MIN + 56_000);
  assert.equal(v.visible, true);
  assert.equal(v.text, '$(pulse) SEV1 Login down · update in 12:04');
  assert.equal(v.state, 'ok');
  assert.equal(v.key, 'k2');
  assert.match(v.tooltip, /Login down/);
  assert.match(v.tooltip, /Checkout 5xx/);
  assert.doesNotMatch(v.tooltip, /DNS/);
  assert.equal(statusBarView(index, NOW + 26 * MIN).state, 'warning');
  const over = statusBarView(index, NOW + 33 * MIN + 12_000);
  assert.equal(over.state, 'overdue');
  assert.equal(over.text, '$(pulse) SEV1 Login down · overdue 3:12');
  assert.equal(statusBarView(new IncidentIndex(), NOW).visible, false);
});

test('open action items are grouped by incident, with overdue and unverified ones marked', () => {
  const index = build();
  const groups = openActions(index, NOW);
  assert.equal(groups.length, 1);
  assert.equal(groups[0].actions.length, 2);
  const roots = actionChildren(index, undefined, NOW);
  assert.equal(roots.length, 1);
  assert.equal(roots[0].label, 'DNS');
  assert.equal(roots[0].description, '2 open · 1 overdue · 1 unverified');
  const rows = actionChildren(index, roots[0], NOW);
  assert.deepEqual(rows.map((r) => r.label), ['A1: Alert on DNS errors', 'A2: Runbook for resolver failover']);
  assert.match(rows[0].description ?? '', /overdue/);
  assert.match(rows[0].contextValue, /overdue/);
  assert.match(rows[1].description ?? '', /unverified/);
  // Clicking reveals the exact row.
  const pm = index.get('p3');
  assert.ok(pm && pm.kind === 'postmortem');
  assert.equal(rows[0].range?.line, pm.actions[0].line);
  assert.equal(rows[0].docKey, 'p3');
});

test('a malformed active incident keeps counting down, marked broken; it stays in the view', () => {
  const index = new IncidentIndex();
  index.update('bad', incident('2026-11-27-x-aaaa', 'Broken', 'SEV1', 30).replace('severity: SEV1', 'severity: SEV9'), { relativePath: 'incidents/x/incident.md' });
  const bad = statusBarView(index, NOW);
  assert.equal(bad.key, 'bad');
  assert.match(bad.text, /^\$\(warning\) SEV\? Broken · update in /);
  assert.match(bad.tooltip, /front matter broken: line \d+: "severity"/);
  index.update('ok', incident('2026-11-27-y-bbbb', 'Fine', 'SEV2', 60), { relativePath: 'incidents/y/incident.md' });
  assert.equal(statusBarView(index, NOW).key, 'bad', 'the broken one is due first');
  assert.equal(incidentRoots(index, NOW).length, 2);
  assert.match(incidentRoots(index, NOW - 5 * MIN)[1].description ?? '', /starts in the future/);
});
