/** The learning report's core: the reading adapter, the taxonomy, joining, the window, cadence and the model. */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseConfig } from '../../src/core/config';
import {
  buildReport,
  containsPhrase,
  DEFAULT_TRIGGER_CLASSES,
  joinRecords,
  readReportDoc,
  renderReportBody,
  ReportModel,
  resolveTaxonomy,
  triggerClassesOf,
  type ReportDoc,
} from '../../src/core/report';
import { updateCadence } from '../../src/core/report/response';
import { read } from './helpers';

const NOW = Date.parse('2026-11-27T12:00:00Z');

function pm(id: string, extra: string[], body = ''): string {
  return ['---', 'type: postmortem', `incident: ${id}`, `title: PM ${id}`, 'severity: SEV2', 'status: final', 'started: 2026-11-01T10:00:00Z', 'authors: ["@a"]', ...extra, '---', `# PM ${id}`, '', body].join('\n');
}

test('containsPhrase matches where a word starts, ignoring case; a phrase may run on into a longer word', () => {
  assert.ok(containsPhrase('a deployment went out', 'deploy'));
  assert.ok(containsPhrase('the config push to prod', 'Config Push'));
  assert.ok(!containsPhrase('redeploy of the worker', 'deploy'), 'not inside a word');
  assert.ok(containsPhrase('redeploy, then deploy', 'deploy'), 'a later occurrence at a word start');
  assert.ok(!containsPhrase('a room full of cabinets', 'oom'));
  assert.ok(containsPhrase('killed by the oom killer', 'oom'));
  assert.ok(containsPhrase('x (dns) y', 'dns'));
  assert.ok(!containsPhrase('anything', '  '));
  // Built-in classes on the examples.
  const ids = (t: string) => triggerClassesOf(t, DEFAULT_TRIGGER_CLASSES).map((c) => c.id);
  assert.deepEqual(ids('The TLS certificate expired at midnight.'), ['certificate-expiry']);
  assert.deepEqual(ids('A misconfigured DNS resolver on the edge'), ['config-change', 'dns']);
  assert.deepEqual(ids('The provider rate limit was exhausted'), ['capacity-quota', 'dependency-provider']);
  assert.deepEqual(ids('A backfill migration locked the table'), ['data-migration']);
  assert.deepEqual(ids('The feature flag flip reached everyone'), ['feature-flag']);
  assert.deepEqual(ids('A race in the cache warmer'), []);
});

test('the taxonomy from .sitrep.yaml: replace, drop and add classes, re-map tracks; bad settings are config errors', () => {
  const cfg = parseConfig('report:\n  window_days: 90\n  classes:\n    dns: false\n    deploy: { track: ha, phrases: [ship] }\n    queue: { track: ha, phrases: [queue] }\n  layer_tracks:\n    detection: slo\n  tag_track: ha\n');
  assert.deepEqual(cfg.problems, []);
  const t = resolveTaxonomy(cfg.config.report);
  assert.equal(t.windowDays, 90);
  assert.equal(t.minPostmortems, 3);
  assert.ok(!t.triggers.some((c) => c.id === 'dns'));
  assert.deepEqual(t.triggers.find((c) => c.id === 'deploy'), { id: 'deploy', label: 'Deploy', track: 'ha', phrases: ['ship'] });
  assert.deepEqual(t.triggers.find((c) => c.id === 'queue'), { id: 'queue', label: 'Queue', track: 'ha', phrases: ['queue'] });
  assert.equal(t.layerTracks.detection, 'slo');
  assert.equal(t.layerTracks['rollout-control'], 'safe-change');
  assert.equal(t.tagTrack, 'ha');
  assert.deepEqual(resolveTaxonomy({ default_classes: false }).triggers, []);
  for (const bad of ['report:\n  min_postmortems: 0\n', 'report:\n  classes:\n    x: { track: uptime, phrases: [a] }\n', 'report:\n  classes:\n    x: { track: ha, phrases: [] }\n', 'report:\n  window: 30\n']) {
    const r = parseConfig(bad);
    assert.ok(r.problems.some((p) => p.severity === 'error'), bad);
    assert.equal(r.problems[0].range.line >= 1, true, `${bad}: the problem points into the report block`);
  }
});

test('reading: services and tags with their lines, dropped and done actions, invalid front matter noted', () => {
  const doc = readReportDoc(pm('i-1', ['services: [search, Edge]', 'tags: [cache]'], ['## Action items', '', '| Action | Owner | Due | Category | Verification | Status |', '| --- | --- | --- | --- | --- | --- |', '| Add a canary stage | @a | 2026-12-01 | Prevention | canary run shows | won\'t do |', '| Page on burn | @b | 2026-11-01 | detect | | done |'].join('\n')), { relativePath: 'pm/a.md' })!;
  assert.equal(doc.kind, 'postmortem');
  assert.deepEqual(doc.services, { line: 8, values: ['search', 'Edge'] });
  assert.deepEqual(doc.tags, { line: 9, values: ['cache'] });
  assert.deepEqual(doc.actions.map((a) => [a.category, a.done, a.dropped, a.unverified]), [['prevent', false, true, false], ['detect', true, false, true]]);
  assert.deepEqual(doc.notes, []);
  const broken = readReportDoc(pm('i-2', ['severity2: SEV9']), { relativePath: 'pm/b.md' })!;
  assert.equal(broken.notes.length, 1);
  assert.equal(broken.started, Date.parse('2026-11-01T10:00:00Z'), 'readable keys still count');
  assert.equal(readReportDoc('# Just notes\n', { relativePath: 'notes.md' }), undefined);
});

function doc(partial: Partial<ReportDoc> & Pick<ReportDoc, 'path' | 'kind'>): ReportDoc {
  return { title: partial.path, restricted: false, factors: [], actions: [], timeline: [], statusUpdates: [], checkpoints: [], notes: [], ...partial };
}

test('joining: by incident id, by the postmortem key, by folder; the rest stand alone', () => {
  const records = joinRecords([
    doc({ path: 'a/incident.md', kind: 'incident', incidentId: 'A', title: 'Incident A' }),
    doc({ path: 'elsewhere/pm-a.md', kind: 'postmortem', incidentId: 'a', title: 'PM A' }),
    doc({ path: 'b/incident.md', kind: 'incident', incidentId: 'B', postmortemPath: 'reviews/b.md' }),
    doc({ path: 'reviews/b.md', kind: 'postmortem' }),
    doc({ path: 'c/incident.md', kind: 'incident' }),
    doc({ path: 'c/postmortem.md', kind: 'postmortem' }),
    doc({ path: 'd/postmortem.md', kind: 'postmortem', incidentId: 'unknown' }),
  ]);
  const pairs = records.map((r) => [r.incident?.path, r.postmortem?.path]).sort((x, y) => String(x[0] ?? x[1]).localeCompare(String(y[0] ?? y[1])));
  assert.deepEqual(pairs, [
    ['a/incident.md', 'elsewhere/pm-a.md'],
    ['b/incident.md', 'reviews/b.md'],
    ['c/incident.md', 'c/postmortem.md'],
    [undefined, 'd/postmortem.md'],
  ]);
  assert.equal(records.find((r) => r.incident?.path === 'a/incident.md')!.title, 'PM A', 'the postmortem names the incident');
});

test('the window: restricted, undated and out-of-window documents are left out with a reason', () => {
  const r = buildReport(
    [
      doc({ path: 'in.md', kind: 'postmortem', started: NOW - 10 * 86_400_000 }),
      doc({ path: 'old.md', kind: 'postmortem', started: NOW - 200 * 86_400_000 }),
      doc({ path: 'future.md', kind: 'postmortem', started: NOW + 86_400_000 }),
      doc({ path: 'undated.md', kind: 'postmortem' }),
      doc({ path: 'secret/incident.md', kind: 'incident', started: NOW - 86_400_000, restricted: true }),
      doc({ path: 'secret/postmortem.md', kind: 'postmortem', started: NOW - 86_400_000 }),
      doc({ path: 'timeline-only.md', kind: 'postmortem', timeline: [{ line: 3, at: NOW - 5 * 86_400_000, text: 'x' }] }),
    ],
    { now: NOW },
  );
  assert.equal(r.documents.incidents, 2);
  assert.deepEqual(
    r.documents.left_out.map((l) => [l.path, l.reason.split(/[ (:,]/)[0]]),
    [
      ['future.md', 'started'],
      ['old.md', 'started'],
      ['secret/incident.md', 'restricted'],
      ['secret/postmortem.md', 'restricted'],
      ['undated.md', 'no'],
    ],
  );
  assert.match(r.documents.left_out[1].reason, /before the window/);
  assert.match(r.documents.left_out[0].reason, /after the report date/);
});

test('status-update cadence: on time, late, missed slots, and at most one missed after the last update of an open incident', () => {
  const M = 60_000;
  const t0 = Date.parse('2026-11-01T10:00:00Z');
  const inc = (updates: number[], extra: Partial<ReportDoc> = {}) =>
    ({ key: 'k', title: 't', restricted: false, started: t0, detected: t0, incident: doc({ path: 'i.md', kind: 'incident', cadenceMinutes: 30, statusUpdates: updates.map((m, i) => ({ line: i, at: t0 + m * M })), ...extra }), ...extra }) as Parameters<typeof updateCadence>[0];
  assert.deepEqual(updateCadence({ ...inc([20, 45]), resolved: t0 + 60 * M }, NOW), { due: 2, onTime: 2 });
  assert.deepEqual(updateCadence({ ...inc([20, 95]), resolved: t0 + 100 * M }, NOW), { due: 3, onTime: 1 }, 'due at 50 and 80, both passed before 95: two slots, neither on time; the next (125) is after resolution');
  assert.deepEqual(updateCadence({ ...inc([]), resolved: t0 + 65 * M }, NOW), { due: 2, onTime: 0 }, 'due at 30 and 60, both passed before resolution at 65');
  assert.deepEqual(updateCadence({ ...inc([10]) }, t0 + 10 * 60 * M), { due: 2, onTime: 1 }, 'not resolved: one missed after the last update, however long ago');
  const promised = inc([10, 70]);
  promised.incident!.statusUpdates[0].nextUpdate = t0 + 75 * M;
  assert.deepEqual(updateCadence({ ...promised, resolved: t0 + 90 * M }, NOW), { due: 2, onTime: 2 }, 'the update said when the next would come');
  assert.deepEqual(updateCadence({ key: 'k', title: 't', restricted: false, postmortem: doc({ path: 'p.md', kind: 'postmortem' }) }, NOW), { due: 0, onTime: 0 }, 'postmortem only: not judged');
});

test('ReportModel re-reads only a changed document and the report follows it', () => {
  const m = new ReportModel();
  const a = pm('i-a', [], '## Contributing factors\n\n- **rollout-control:** No canary for config pushes.\n');
  const b = pm('i-b', [], '## Contributing factors\n\n- **detection:** No alert.\n');
  assert.ok(m.set('k1', a, { relativePath: 'a.md' }));
  assert.ok(m.set('k2', b, { relativePath: 'b.md' }));
  assert.ok(!m.set('k1', a, { relativePath: 'a.md' }), 'same text: nothing to do');
  const before = m.build({ now: NOW });
  assert.equal(before.classes.find((c) => c.id === 'layer:rollout-control')?.postmortems, 1);
  assert.ok(m.set('k2', b.replace('**detection:** No alert.', '**rollout-control:** Flags go to everyone.'), { relativePath: 'b.md' }));
  const after = m.build({ now: NOW, taxonomy: { ...resolveTaxonomy(undefined), minPostmortems: 2 } });
  assert.equal(after.classes.find((c) => c.id === 'layer:rollout-control')?.postmortems, 2);
  assert.deepEqual(after.candidates, ['layer:rollout-control']);
  assert.equal(m.keyOf('b.md'), 'k2');
  assert.ok(m.delete('k2'));
  assert.equal(m.build({ now: NOW }).documents.read, 1);
  const html = renderReportBody(after);
  assert.match(html, /<article class="sr-candidate" data-class="layer:rollout-control">/);
  assert.match(html, /data-path="b\.md" data-line="14">line 14</);
});

test('the example postmortem reads the same through the report as through the index', () => {
  const d = readReportDoc(read('examples/incidents/2026-10-14-search-latency/postmortem.md'), { relativePath: 'p.md' })!;
  assert.equal(d.factors.length, 4);
  assert.equal(d.actions.length, 5);
  assert.deepEqual(d.actions.map((a) => a.done), [false, false, true, false, false]);
  assert.deepEqual(d.actions.map((a) => a.unverified), [false, false, false, true, false]);
});

test('docs/report.md: its .sitrep.yaml example is a valid configuration and its built-in tables match the code', () => {
  const text = read('docs/report.md');
  const yaml = /```yaml\n([^`]*)```/.exec(text)![1];
  const loaded = parseConfig(yaml);
  assert.deepEqual(loaded.problems, []);
  assert.equal(resolveTaxonomy(loaded.config.report).triggers.find((t) => t.id === 'queue-backlog')?.track, 'ha');
  for (const c of DEFAULT_TRIGGER_CLASSES) {
    const row = text.split('\n').find((l) => l.startsWith(`| ${c.label} (\`${c.id}\`) |`));
    assert.ok(row, `docs/report.md lists ${c.id}`);
    assert.ok(row.endsWith(`| ${c.phrases.join(', ')} |`), `${c.id} phrases in docs/report.md: ${row}`);
  }
});

test('package.json contributes the report command, the Markdown preview plugin and its stylesheet', () => {
  const pkg = JSON.parse(read('package.json'));
  const cmd = pkg.contributes.commands.find((c: { command: string }) => c.command === 'sitrep.openLearningReport');
  assert.deepEqual(cmd, { command: 'sitrep.openLearningReport', title: 'Open Learning Report', category: 'Sitrep', icon: '$(graph)' });
  assert.equal(pkg.contributes['markdown.markdownItPlugins'], true);
  assert.deepEqual(pkg.contributes['markdown.previewStyles'], ['./media/preview-timeline.css']);
  assert.ok(read('media/preview-timeline.css').includes('.sr-timeline'));
});
