/**
 * A generated incident repository with known recurring classes, for the report's CLI tests and its
 * benchmark. Deterministic. Incident i (0-based) starts `stepHours * i` hours before the day
 * before `now`, at 10:00Z, and its postmortem has:
 *   - factors: technical-trigger always; detection when i % 2 == 0; rollout-control when i % 3 == 0;
 *     organizational when i % 4 == 0; responsibility-runbook when none of those three;
 *   - the technical trigger names a trigger class by i % 5: config change, deploy, certificate
 *     expiry, quota, none;
 *   - services [svc-(i % 3)], tags [team-a] for even i, [team-b] for odd;
 *   - actions A1 prevent (mitigate when i % 6 == 5; done for odd i), A2 detect (overdue when
 *     i % 3 == 0), A3 mitigate (no verification when i % 4 == 0), A4 learn (won't do when
 *     i % 5 == 0, else done);
 *   - severity SEV(1 + i % 4); TTD 5, 10 or 15 min by i % 3; TTM 30 + i min; TTR 120 min.
 * Even i also get an incident document (cadence 30 min) with one update on time and one late.
 * `outside` more postmortems start 400 days and more before `now` (outside a 180-day window).
 */

const MIN = 60_000;
const HOUR = 60 * MIN;
const DAY = 24 * HOUR;

const iso = (t: number) => new Date(t).toISOString().replace('.000Z', 'Z');
const date = (t: number) => new Date(t).toISOString().slice(0, 10);

const TRIGGERS = [
  'A config push changed the connection limit on every node.',
  'A deploy of the worker changed its retry policy.',
  'The internal certificate expired on the gateway.',
  'The nightly job hit its storage quota and stopped writing.',
  'A race in the cache warmer left empty entries.',
];

export interface CorpusOptions {
  count: number;
  now: number;
  /** Hours between incident starts (default one week). */
  stepHours?: number;
  /** Postmortems outside the 180-day window, all with a config change trigger. */
  outside?: number;
  /** Every incident gets an incident document, not only the even ones (the benchmark's 2,000 documents). */
  allIncidentDocs?: boolean;
}

function postmortem(i: number, started: number, id: string): string {
  const sev = `SEV${1 + (i % 4)}`;
  const ttd = 5 * (1 + (i % 3));
  const factors = [`- **technical-trigger:** ${TRIGGERS[i % 5]}`];
  if (i % 2 === 0) factors.push('- **detection:** The alert waited ten minutes before paging.');
  if (i % 3 === 0) factors.push('- **rollout-control:** The change reached every region at once with no canary.');
  if (i % 4 === 0) factors.push('- **organizational:** The team had no time set aside for hardening work.');
  if (i % 2 !== 0 && i % 3 !== 0 && i % 4 !== 0) factors.push('- **responsibility-runbook:** The runbook did not say who owns the worker.');
  const a1cat = i % 6 === 5 ? 'mitigate' : 'prevent';
  const actions = [
    `| A1 | Add a guard that refuses the unsafe setting on incident ${i} | @owner${i % 3} | 2099-01-15 | ${a1cat} | The guard refuses the setting in staging | ${i % 2 ? 'done' : 'open'} |`,
    `| A2 | Page on the error rate of service ${i % 3} above 1% for 5 minutes | @owner${(i + 1) % 3} | ${i % 3 === 0 ? date(started - 2 * DAY) : '2099-02-01'} | detect | The alert fires in a replayed load test | open |`,
    `| A3 | Add a fallback path for the worker on incident ${i} | @owner${(i + 2) % 3} | 2099-03-01 | mitigate | ${i % 4 === 0 ? '' : 'The fallback serves traffic in a game day'} | open |`,
    `| A4 | Review the alert thresholds with the on-call rotation | @owner${i % 3} | 2099-04-01 | learn | Review notes linked from the runbook | ${i % 5 === 0 ? 'wont-do' : 'done'} |`,
  ];
  return [
    '---',
    'type: postmortem',
    `incident: ${id}`,
    `title: Generated incident ${i} on service ${i % 3}`,
    `severity: ${sev}`,
    'status: final',
    `started: ${iso(started)}`,
    `detected: ${iso(started + ttd * MIN)}`,
    `mitigated: ${iso(started + (30 + i) * MIN)}`,
    `resolved: ${iso(started + 120 * MIN)}`,
    'authors: ["@author"]',
    `services: [svc-${i % 3}]`,
    `tags: [team-${i % 2 === 0 ? 'a' : 'b'}]`,
    '---',
    `# Generated incident ${i} on service ${i % 3}`,
    '',
    '## Summary',
    '',
    `Requests to service ${i % 3} failed for a while; this postmortem is generated.`,
    '',
    '## Impact',
    '',
    `Severity ${sev}. Some requests failed. Data loss: none.`,
    '',
    '## Timeline',
    '',
    `- ${iso(started)} [fact] Error rate rises`,
    `- ${iso(started + ttd * MIN)} [detection] Alert paged on-call`,
    `- ${iso(started + (ttd + 3) * MIN)} [communication] Status page updated`,
    `- ${iso(started + (30 + i) * MIN)} [mitigation] Change reverted`,
    `- ${iso(started + 120 * MIN)} [resolution] Error rate at baseline`,
    '',
    '## Contributing factors',
    '',
    ...factors,
    '',
    '## Action items',
    '',
    '| ID | Action | Owner | Due | Category | Verification | Status |',
    '| --- | --- | --- | --- | --- | --- | --- |',
    ...actions,
    '',
  ].join('\n');
}

function incident(i: number, started: number, id: string): string {
  const ttd = 5 * (1 + (i % 3));
  const detected = started + ttd * MIN;
  const u1 = detected + 20 * MIN;
  const u2 = u1 + 45 * MIN;
  const update = (t: number, next: number) => [`### ${iso(t)}`, '- **Known:** Errors on the worker', '- **Unknown:** Why', '- **Impact:** Some requests fail', '- **Mitigation:** Reverting', `- **Next update:** ${iso(next)}`, ''];
  return [
    '---',
    'type: incident',
    `id: ${id}`,
    `title: Generated incident ${i} on service ${i % 3}`,
    `severity: SEV${1 + (i % 4)}`,
    'status: resolved',
    'roles:',
    '  commander: "@ic"',
    '  operations: "@ops"',
    '  communications: "@comms"',
    '  scribe: "@scribe"',
    'impact:',
    '  summary: Some requests to the worker fail',
    `started: ${iso(started)}`,
    `detected: ${iso(detected)}`,
    `mitigated: ${iso(started + (30 + i) * MIN)}`,
    `resolved: ${iso(started + 120 * MIN)}`,
    'update_cadence_minutes: 30',
    'postmortem: postmortem.md',
    '---',
    `# Generated incident ${i} on service ${i % 3}`,
    '',
    '## Timeline',
    '',
    `- ${iso(detected)} [detection] Alert paged on-call`,
    '',
    '## Status updates',
    '',
    ...update(u1, u1 + 30 * MIN),
    ...update(u2, u2 + 30 * MIN),
  ].join('\n');
}

/** Relative path → text. */
export function reportCorpus(opts: CorpusOptions): Record<string, string> {
  const files: Record<string, string> = {};
  const base = Math.floor(opts.now / DAY) * DAY - DAY + 10 * HOUR;
  const step = (opts.stepHours ?? 24 * 7) * HOUR;
  const one = (i: number, started: number) => {
    const id = `${date(started)}-generated-${i}-${i.toString(36).padStart(4, '0')}`;
    files[`incidents/${id}/postmortem.md`] = postmortem(i, started, id);
    if (i % 2 === 0 || opts.allIncidentDocs) files[`incidents/${id}/incident.md`] = incident(i, started, id);
  };
  for (let i = 0; i < opts.count; i++) one(i, base - i * step);
  for (let k = 0; k < (opts.outside ?? 0); k++) {
    const started = base - (400 + k) * DAY;
    const id = `${date(started)}-old-${k}`;
    files[`incidents/${id}/postmortem.md`] = postmortem(0, started, id).replace(/^title: .*$/m, `title: Old incident ${k}`);
  }
  return files;
}
