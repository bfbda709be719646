/**
 * The status bar and the linter read the same document the same way: the same cadence (with
 * `sitrep.cadenceMinutes` and `.sitrep.yaml` merged by the one configuration loader), the same
 * next-update deadline, and the same moment an update becomes overdue. Each test feeds one
 * document to the index (what the status bar and the commands read) and to the linter, with the
 * configuration built the way the editor builds it.
 */
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { withSettings, type EditorSettings } from '../../src/core/config';
import { countdown, IncidentIndex, incidentNode, statusBarView, type IndexedIncident } from '../../src/core/incident';
import { fix, lint, loadConfig } from '../../src/core/lint';
import type { Config } from '../../src/core/model/schemas';
import { formatTimestamp } from '../../src/core/time';

const MIN = 60_000;
const T = (hhmm: string) => Date.parse(`2026-11-27T${hhmm}:00Z`);

/** An incident without a cadence of its own, one status update at 11:00 that names no next update. */
function incident({ severity = 'SEV2', ownCadence, nextDue, promise }: { severity?: string; ownCadence?: number; nextDue?: string; promise?: string } = {}): string {
  return [
    '---',
    'type: incident',
    'id: 2026-11-27-checkout-5xx-k3f9',
    'title: Checkout returns 5xx',
    `severity: ${severity}`,
    'status: investigating',
    'restricted: false',
    'roles:',
    '  commander: "@maria"',
    '  operations: "@dev"',
    '  communications: "@sam"',
    '  scribe: "@lee"',
    'impact:',
    '  summary: About 18% of card checkouts fail.',
    'started: 2026-11-27T10:40:00Z',
    'detected: 2026-11-27T10:45:00Z',
    ...(ownCadence !== undefined ? [`update_cadence_minutes: ${ownCadence}`] : []),
    ...(nextDue ? [`next_update_due: ${nextDue}`] : []),
    '---',
    '# Checkout returns 5xx',
    '',
    '## Timeline',
    '',
    '- 2026-11-27T10:45:00Z [detection] Checkout 5xx alert fired',
    '',
    '## Status updates',
    '',
    '### 2026-11-27T11:00:00Z',
    '- **Known:** Card checkouts fail in eu-west.',
    '- **Unknown:** Whether the deploy is the trigger.',
    '- **Impact:** EU card payments.',
    '- **Mitigation:** Preparing a rollback.',
    ...(promise ? [`- **Next update:** ${promise}`] : []),
    '',
  ].join('\n');
}

/** The configuration as the editor builds it: `.sitrep.yaml` text over the settings. */
function editorConfig(yaml: string, settings: EditorSettings): Config {
  const loaded = loadConfig(yaml);
  assert.deepEqual(loaded.problems, []);
  return withSettings(loaded.config, settings);
}

/**
 * What the editor shows for the document: the Incidents view's row and the status bar (a malformed
 * active incident keeps its countdown). Both read the index; they must agree with each other.
 */
function shown(text: string, config: Config, now: number): { incident: IndexedIncident; due?: number; overdue: boolean; bar?: string } {
  const index = new IncidentIndex(config);
  index.update('file:///w/incidents/a/incident.md', text, { relativePath: 'incidents/a/incident.md' });
  const i = index.get('file:///w/incidents/a/incident.md');
  assert.ok(i?.kind === 'incident');
  const row = incidentNode(i, now);
  const rowDue = /next update due: (\S+)/.exec(row.tooltip ?? '')?.[1];
  const overdue = /\.overdue\b/.test(row.contextValue ?? '');
  const view = statusBarView(index, now);
  assert.equal(view.visible, i.valid || (i.status !== 'resolved' && i.nextUpdateDue !== undefined), 'the status bar shows every incident with a deadline');
  if (view.visible) assert.equal(view.state === 'overdue', overdue, 'status bar and Incidents view agree on overdue');
  return { incident: i, due: rowDue ? Date.parse(rowDue) : undefined, overdue, bar: view.visible ? view.text : undefined };
}

/** The time the linter's status-update-next-time fix proposes. */
function proposedNext(text: string, config: Config, now: number): string | undefined {
  const f = lint(text, { config, now }).findings.find((x) => x.rule === 'status-update-next-time');
  return /(\d{4}-\d\d-\d\dT\d\d:\d\d:\d\dZ)/.exec(f?.fix?.title ?? '')?.[1];
}

function overdueFinding(text: string, config: Config, now: number) {
  return lint(text, { config, now }).findings.find((x) => x.rule === 'update-cadence' && /overdue/.test(x.message));
}

test('sitrep.cadenceMinutes: for an incident with no cadence of its own, the countdown and the linter fix both say 11:30', () => {
  const config = editorConfig('', { cadenceMinutes: { SEV2: 30 } });
  const doc = incident();
  const now = T('11:10');
  const view = shown(doc, config, now);
  assert.equal(view.incident.cadenceMinutes, 30);
  assert.equal(view.due, T('11:30'));
  assert.equal(proposedNext(doc, config, now), '2026-11-27T11:30:00Z');
  // Applying the linter's fix writes the time the countdown counts to.
  const fixed = fix(doc, { config, now }).text;
  assert.match(fixed, /^- \*\*Next update:\*\* 2026-11-27T11:30:00Z$/m);
  assert.equal(shown(fixed, config, now).due, T('11:30'));
  // The linter's overdue check uses the same cadence: overdue at 11:31, not only after 12:00.
  assert.ok(overdueFinding(doc, config, T('11:31')));
  assert.ok(shown(doc, config, T('11:31')).overdue);
});

test('.sitrep.yaml cadence wins over the setting, for both', () => {
  const config = editorConfig('severities:\n  SEV2: { cadence_minutes: 20 }\n', { cadenceMinutes: { SEV2: 30 } });
  const doc = incident();
  assert.equal(shown(doc, config, T('11:10')).due, T('11:20'));
  assert.equal(proposedNext(doc, config, T('11:10')), '2026-11-27T11:20:00Z');
});

test('the incident own cadence wins over both, and SEV1 is capped at 30 minutes for both (status bar shown)', () => {
  const own = editorConfig('', { cadenceMinutes: { SEV2: 30 } });
  const sev2 = shown(incident({ ownCadence: 45 }), own, T('11:10'));
  assert.equal(sev2.due, T('11:45'));
  assert.match(sev2.bar ?? '', /SEV2 Checkout returns 5xx · update in 35:00$/);
  assert.equal(proposedNext(incident({ ownCadence: 45 }), own, T('11:10')), '2026-11-27T11:45:00Z');
  const capped = editorConfig('', { cadenceMinutes: { SEV1: 45 } });
  const sev1 = incident({ severity: 'SEV1', ownCadence: 45 });
  assert.equal(shown(sev1, capped, T('11:10')).due, T('11:30'));
  assert.equal(proposedNext(sev1, capped, T('11:10')), '2026-11-27T11:30:00Z');
});

test('the deadline: front matter next_update_due, else the last promise, else the last update plus the cadence', () => {
  const config = editorConfig('', {});
  const cases: Array<[string, string, number]> = [
    // A severity raise tightened next_update_due below the promise: both count to the front matter.
    ['front matter first', incident({ ownCadence: 60, nextDue: '2026-11-27T11:20:00Z', promise: '2026-11-27T11:50:00Z' }), T('11:20')],
    ['the last promise', incident({ ownCadence: 60, promise: '2026-11-27T11:50:00Z' }), T('11:50')],
    ['the last update plus the cadence', incident({ ownCadence: 60 }), T('12:00')],
  ];
  for (const [label, doc, due] of cases) {
    assert.equal(shown(doc, config, T('11:05')).due, due, label);
    // One second after the deadline both call it overdue, and the linter names the same time.
    const after = due + 1000;
    assert.ok(shown(doc, config, after).overdue, label);
    const f = overdueFinding(doc, config, after);
    assert.ok(f, `${label}: the linter reports the overdue update`);
    assert.ok(f.message.includes(`(due ${formatTimestamp(due)})`), `${label}: ${f.message}`);
  }
});

test('overdue starts right after the deadline for both: not at it, not a minute later', () => {
  const config = editorConfig('', {});
  const doc = incident({ ownCadence: 60, promise: '2026-11-27T11:30:00Z' });
  const due = T('11:30');
  for (const [now, overdue] of [
    [due - MIN, false],
    [due, false],
    [due + 1000, true],
    [due + MIN, true],
  ] as const) {
    const view = shown(doc, config, now);
    assert.equal(view.overdue, overdue, `editor at ${formatTimestamp(now)}: ${view.bar}`);
    assert.equal(countdown(due, now).state === 'overdue', overdue);
    assert.equal(!!overdueFinding(doc, config, now), overdue, `linter at ${formatTimestamp(now)}`);
  }
});
