/**
 * Recurring classes: contributing factors grouped by layer and by trigger class, and front-matter
 * services and tags, counted in postmortems. A class seen in at least `minPostmortems`
 * postmortems is a standards candidate, with its evidence (documents and factor lines).
 */
import type { StandardsTrack } from '../model/schemas';
import type { IncidentRecord } from './records';
import type { RecurringClass } from './schema';
import { LAYER_LABELS, triggerClassesOfCached, type Taxonomy } from './taxonomy';
import type { ReportLabels } from './types';

const KIND_ORDER = { layer: 0, trigger: 1, service: 2, tag: 3 } as const;

interface Building {
  cls: Omit<RecurringClass, 'postmortems' | 'candidate' | 'evidence'>;
  /** Evidence by postmortem path. */
  evidence: Map<string, RecurringClass['evidence'][number]>;
}

/** Recurring classes over the records (oldest first), most postmortems first. */
export function recurringClasses(records: readonly IncidentRecord[], taxonomy: Taxonomy): RecurringClass[] {
  const classes = new Map<string, Building>();
  const note = (id: string, kind: RecurringClass['kind'], label: string, track: StandardsTrack, r: IncidentRecord, line: number, text: string) => {
    const pm = r.postmortem!;
    let b = classes.get(id);
    if (!b) {
      b = { cls: { id, kind, label, track }, evidence: new Map() };
      classes.set(id, b);
    }
    let ev = b.evidence.get(pm.path);
    if (!ev) {
      ev = { path: pm.path, title: r.title, ...(r.id ? { incident: r.id } : {}), lines: [] };
      b.evidence.set(pm.path, ev);
    }
    if (!ev.lines.some((l) => l.line === line + 1)) ev.lines.push({ line: line + 1, text });
  };
  // Newest first, so each class's evidence lists its latest postmortem first.
  for (let i = records.length - 1; i >= 0; i--) {
    const r = records[i];
    const pm = r.postmortem;
    if (!pm) continue;
    for (const f of pm.factors) {
      if (f.layer) note(`layer:${f.layer}`, 'layer', LAYER_LABELS[f.layer], taxonomy.layerTracks[f.layer], r, f.line, f.text);
      for (const t of triggerClassesOfCached(f, taxonomy.triggers)) note(`trigger:${t.id}`, 'trigger', t.label, t.track, r, f.line, f.text);
    }
    for (const [kind, track] of [['service', taxonomy.serviceTrack], ['tag', taxonomy.tagTrack]] as const) {
      const own = kind === 'service' ? pm.services : pm.tags;
      const theirs = kind === 'service' ? r.incident?.services : r.incident?.tags;
      const text = (l: ReportLabels) => `${kind}s: ${l.values.join(', ')}`;
      const seen = new Set<string>();
      for (const v of own?.values ?? []) {
        if (seen.has(v.toLowerCase())) continue;
        seen.add(v.toLowerCase());
        note(`${kind}:${v.toLowerCase()}`, kind, v, track, r, own!.line, text(own!));
      }
      // Written only in the incident document: the evidence points there.
      for (const v of theirs?.values ?? []) {
        if (seen.has(v.toLowerCase())) continue;
        seen.add(v.toLowerCase());
        noteIncident(classes, `${kind}:${v.toLowerCase()}`, kind, v, track, r, r.incident!.path, theirs!.line, text(theirs!));
      }
    }
  }
  const out: RecurringClass[] = [];
  for (const b of classes.values()) {
    const evidence = [...b.evidence.values()];
    for (const e of evidence) e.lines.sort((x, y) => x.line - y.line);
    out.push({ ...b.cls, postmortems: evidence.length, candidate: evidence.length >= taxonomy.minPostmortems, evidence });
  }
  out.sort((a, b) => b.postmortems - a.postmortems || KIND_ORDER[a.kind] - KIND_ORDER[b.kind] || a.label.localeCompare(b.label) || (a.id < b.id ? -1 : 1));
  return out;
}

/** A service or tag written only in the incident document: the evidence is keyed by the postmortem but points at the incident. */
function noteIncident(classes: Map<string, Building>, id: string, kind: RecurringClass['kind'], label: string, track: StandardsTrack, r: IncidentRecord, path: string, line: number, text: string): void {
  let b = classes.get(id);
  if (!b) {
    b = { cls: { id, kind, label, track }, evidence: new Map() };
    classes.set(id, b);
  }
  const key = r.postmortem!.path;
  if (b.evidence.has(key)) return;
  b.evidence.set(key, { path, title: r.title, ...(r.id ? { incident: r.id } : {}), lines: [{ line: line + 1, text }] });
}
