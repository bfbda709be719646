/**
 * Incident index benchmark (npm run bench): 1,000 incident folders, each with an incident and a
 * postmortem (10,000 action items in all), generated in memory. Prints the medians of
 *   - cold build of the index from all 2,000 texts            (target ≤ 1 s)
 *   - one changed file re-indexed (incident, and postmortem)   (target ≤ 20 ms)
 *   - tree children for 1,000 incidents (Incidents view roots) (target ≤ 50 ms)
 * and, for reference, the cold build through the full parser only. A benchmark: it reports.
 */
import {
  actionChildren,
  appendActionRow,
  appendCheckpoint,
  appendStatusUpdate,
  appendTimelineEntry,
  applyEdits,
  fastParse,
  IncidentIndex,
  incidentChildren,
  renderIncident,
  renderPostmortem,
  soloRoles,
  statusBarView,
} from '../src/core/incident';
import { parseDocument } from '../src/core/parser';

const FOLDERS = 1_000;
const ACTIONS_PER_POSTMORTEM = 10;
const NOW = Date.parse('2026-11-27T09:52:00Z');

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

/** One realistic incident and its postmortem, built with the same builders the commands use. */
function templates(): { incident: string; postmortem: string } {
  let t = renderIncident({ id: 'ID', title: 'TITLE', severity: 'SEV2', impactSummary: 'Checkout fails for some EU users', roles: soloRoles('@maria'), cadenceMinutes: 60, now: NOW });
  const kinds = ['detection', 'triage', 'hypothesis', 'action', 'fact', 'decision', 'mitigation'] as const;
  kinds.forEach((kind, i) => {
    t = applyEdits(t, [appendTimelineEntry(t, { time: new Date(NOW + (i + 1) * 120_000).toISOString().replace('.000Z', 'Z'), kind, text: `Entry ${i}: payment client timeouts rising in eu-west`, source: `https://dash.example/d/${i}` })]);
  });
  t = applyEdits(t, [appendStatusUpdate(t, { time: '2026-11-27T10:20:00Z', known: 'Timeouts to the payment provider', unknown: 'Why latency rose', impact: 'About 30% of EU checkouts fail', mitigation: 'Raising the client timeout', nextUpdate: '2026-11-27T11:20:00Z' })]);
  t = applyEdits(t, [appendCheckpoint(t, { time: '2026-11-27T10:30:00Z', title: 'handover: commander @maria → @sam', state: 'investigating', hypothesis: 'provider latency', customerImpact: '30% of EU checkouts', inFlightActions: 'timeout raise rolling out', decisionPoint: '@sam decides', commsCadence: 'every 60 min', nextDecisionPoint: '2026-11-27T11:00:00Z' })]);
  let pm = renderPostmortem(parseDocument(t), { authors: ['@maria'], now: NOW });
  const cats = ['prevent', 'detect', 'mitigate', 'learn'];
  for (let i = 0; i < ACTIONS_PER_POSTMORTEM; i++) {
    pm = applyEdits(pm, [appendActionRow(pm, { action: `Action ${i}: alert on checkout 5xx rate above 1% for 5 min`, owner: '@maria', due: i % 3 ? '2026-12-15' : '2026-11-01', category: cats[i % 4], verification: i % 5 ? 'alert fires in the staging game day' : 'TBD', status: i % 4 === 3 ? 'done' : 'open' }).edit]);
  }
  return { incident: t, postmortem: pm };
}

function main(): void {
  const tpl = templates();
  if (!fastParse(tpl.incident) || !fastParse(tpl.postmortem)) console.warn('note: the generated documents do not take the fast reader');
  const docs: Array<{ key: string; path: string; text: string }> = [];
  for (let i = 0; i < FOLDERS; i++) {
    const id = `2026-11-${String(1 + (i % 27)).padStart(2, '0')}-incident-${i}-${i.toString(36).padStart(4, '0')}`;
    const title = `Incident ${i} checkout errors in cell ${i % 17}`;
    const sev = `SEV${1 + (i % 4)}`;
    const inc = tpl.incident.replace(/^id: ID$/m, `id: ${id}`).replace(/TITLE/g, title).replace(/^severity: SEV2$/m, `severity: ${sev}`);
    const pm = tpl.postmortem.replace(/^incident: ID$/m, `incident: ${id}`).replace(/TITLE/g, title);
    docs.push({ key: `file:///ws/incidents/${id}/incident.md`, path: `incidents/${id}/incident.md`, text: inc });
    docs.push({ key: `file:///ws/incidents/${id}/postmortem.md`, path: `incidents/${id}/postmortem.md`, text: pm });
  }

  const slow = docs.filter((d) => !fastParse(d.text)).length;
  if (slow) console.warn(`note: ${slow} generated documents do not take the fast reader`);
  const build = () => {
    const index = new IncidentIndex();
    for (const d of docs) index.update(d.key, d.text, { relativePath: d.path });
    return index;
  };
  // Warm up, then measure.
  build();
  const cold: number[] = [];
  let index = build();
  for (let i = 0; i < 7; i++) cold.push(time(() => (index = build())));
  const actions = index.postmortems().reduce((n, p) => n + p.actions.length, 0);

  // One changed file: alternate between two versions so every update is a real change.
  const inc = docs[0];
  const incChanged = applyEdits(inc.text, [appendTimelineEntry(inc.text, { time: '2026-11-27T11:00:00Z', kind: 'fact', text: 'one more fact' })]);
  const pmDoc = docs[1];
  const pmChanged = applyEdits(pmDoc.text, [appendActionRow(pmDoc.text, { action: 'one more action', owner: '@a', due: '2026-12-20', category: 'learn', verification: 'runbook reviewed' }).edit]);
  const oneInc: number[] = [];
  const onePm: number[] = [];
  for (let i = 0; i < 200; i++) {
    oneInc.push(time(() => index.update(inc.key, i % 2 ? inc.text : incChanged, { relativePath: inc.path })));
    onePm.push(time(() => index.update(pmDoc.key, i % 2 ? pmDoc.text : pmChanged, { relativePath: pmDoc.path })));
  }

  const roots: number[] = [];
  const actionRoots: number[] = [];
  const statusBar: number[] = [];
  let rootCount = 0;
  for (let i = 0; i < 5; i++) incidentChildren(index, undefined, NOW);
  for (let i = 0; i < 50; i++) {
    roots.push(time(() => (rootCount = incidentChildren(index, undefined, NOW).length)));
    actionRoots.push(time(() => actionChildren(index, undefined, NOW)));
    statusBar.push(time(() => statusBarView(index, NOW)));
  }

  const full: number[] = [];
  for (let i = 0; i < 3; i++) {
    full.push(time(() => {
      for (const d of docs) parseDocument(d.text, { relativePath: d.path });
    }));
  }

  const line = (label: string, ms: number, target?: number) =>
    console.log(`${label.padEnd(58)} ${ms.toFixed(3).padStart(10)} ms${target !== undefined ? `   target ≤ ${target} ms  ${ms <= target ? 'ok' : 'OVER TARGET'}` : ''}`);
  console.log(`${FOLDERS} incident folders, ${docs.length} documents, ${actions} action items, ${rootCount} incidents in the tree (medians)`);
  line('cold build of the index (2,000 documents)', median(cold), 1000);
  line('one changed incident re-indexed', median(oneInc), 20);
  line('one changed postmortem re-indexed', median(onePm), 20);
  line('tree children for 1,000 incidents (Incidents view roots)', median(roots), 50);
  line('Action items view roots (1,000 postmortems)', median(actionRoots), 50);
  line('status-bar tick (statusBarView)', median(statusBar));
  line('reference: full parser over all 2,000 documents', median(full));
}

main();
