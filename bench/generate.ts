/** Generates realistic postmortems of a given line count for the lint benchmark. Deterministic. */

function pad(n: number, w = 2): string {
  return String(n).padStart(w, '0');
}

function ts(minute: number): string {
  const d = new Date(Date.UTC(2026, 9, 14, 13, 0, 0) + minute * 60_000);
  return d.toISOString().replace('.000Z', 'Z');
}

const KINDS = ['detection', 'triage', 'fact', 'hypothesis', 'decision', 'action', 'mitigation', 'communication', 'status-update', 'resolution'];
const LAYERS = ['technical-trigger', 'detection', 'rollout-control', 'responsibility-runbook', 'organizational'];
const CATS = ['prevent', 'detect', 'mitigate', 'learn'];
const SENTENCES = [
  'The refresh interval change reached every search cluster within two minutes of the merge.',
  'Latency on product search rose from 300 ms to between 4 and 9 seconds at the 95th percentile.',
  'The on-call engineer followed the latency runbook, which did not mention settings changes.',
  'Segment merges saturated disk I/O on the data nodes, and the query queue grew behind them.',
  'We confirmed recovery with the storefront search success rate and the cluster health dashboard.',
  'Operators saw the alert only after fifteen minutes of sustained error budget burn.',
  'The staged rollout pipeline covers code changes but not index settings, by design at the time.',
  'Support received 41 tickets from merchants whose catalogue search timed out.',
];

/** A postmortem of exactly `lines` lines (at least 60). */
export function generatePostmortem(lines: number): string {
  const out: string[] = [];
  out.push(
    '---',
    'type: postmortem',
    'incident: 2026-10-14-search-latency-p2x7',
    'title: Search latency above SLO after index settings change',
    'severity: SEV2',
    'status: in-review',
    'started: 2026-10-14T13:05:00Z',
    'detected: 2026-10-14T13:19:00Z',
    'mitigated: 2026-10-14T14:02:00Z',
    'resolved: 2026-10-14T15:30:00Z',
    'authors: ["@priya", "@tom"]',
    '---',
    '# Search latency above SLO after index settings change',
    '',
    '## Summary',
    '',
    'For 57 minutes, search results took 4–9 s for a third of queries after an index refresh-interval',
    'change reached all search clusters at once.',
    '',
    '## Impact',
    '',
    'Severity SEV2, from 2026-10-14T13:05:00Z to 2026-10-14T14:02:00Z. About a third of search queries',
    'took over 4 s; product and order search were affected. Data loss: none.',
    '',
    '| User group or tenant | Fault domain | Dependency | Recent change |',
    '| --- | --- | --- | --- |',
    '| All storefront shoppers | search clusters A and B | search-index | refresh-interval change 13:01Z |',
    '',
  );
  const budget = Math.max(0, lines - out.length - 12);
  const timelineN = Math.max(5, Math.floor(budget * 0.3));
  const factorsN = Math.max(4, Math.floor(budget * 0.05));
  const actionsN = Math.max(3, Math.floor(budget * 0.1));
  out.push('## Timeline', '');
  for (let i = 0; i < timelineN; i++) {
    const kind = KINDS[i % KINDS.length];
    const src = i % 3 === 0 ? ` (source: https://grafana.example.com/d/search?from=${i})` : '';
    out.push(`- ${ts(i)} [${kind}] ${SENTENCES[i % SENTENCES.length]}${src}`);
  }
  out.push('', '## Contributing factors', '');
  for (let i = 0; i < factorsN; i++) out.push(`- **${LAYERS[i % LAYERS.length]}:** ${SENTENCES[(i + 3) % SENTENCES.length]}`);
  out.push('', '## Action items', '', '| ID | Action | Owner | Due | Category | Verification | Status |', '| --- | --- | --- | --- | --- | --- | --- |');
  for (let i = 0; i < actionsN; i++) {
    out.push(
      `| A${i + 1} | Route index settings change ${i} through the staged rollout pipeline | @tom | 2027-${pad((i % 12) + 1)}-${pad((i % 27) + 1)} | ${CATS[i % 4]} | A settings change in staging shows up as a pipeline run with a canary stage | open |`,
    );
  }
  out.push('', '## Details', '');
  let p = 0;
  while (out.length < lines) {
    const k = p % 12;
    if (k === 5) out.push(`### Observation ${p}`, '');
    else if (k === 9) out.push('```text', `search-node-${p} merge queue depth 1${p % 10}0`, '```', '');
    else if (k === 10) out.push(`- Dashboard link ${p}: queue depth, merge rate and p95 latency per cluster`, `- Log query ${p}: \`service:search level:warn\``, '');
    else out.push(SENTENCES[p % SENTENCES.length] + ' ' + SENTENCES[(p + 1) % SENTENCES.length], '');
    p++;
  }
  return out.slice(0, lines).join('\n') + '\n';
}
