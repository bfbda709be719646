/**
 * The in-memory index of incident and postmortem documents and their action items. Fed with
 * document texts (from files or open buffers) by the extension; read by the tree views and the
 * status bar, which never touch files. Pure: no clock, no file system.
 */
import { actionState } from '../parser/action-state';
import { latestUpdate, parseDocument, type ParsedDocument, type Problem } from '../parser';
import type { Config, IncidentStatus, Severity } from '../model/schemas';
import { SEVERITIES } from '../model/schemas';
import { parseDate, parseTimestamp } from '../time';
import type { Range } from '../text';
import { countdownSeverity, effectiveCadence, updateDeadline } from './cadence';
import { shortName } from './ids';
import { fastParse } from './fastscan';
import { readableFrontMatter } from './salvage';

interface IndexedBlock {
  line: number;
  range: Range;
  title: string;
  at?: number;
  fields: Record<string, string>;
}

export interface IndexedIncident {
  kind: 'incident';
  key: string;
  path: string;
  /** True when the front matter passed its schema. */
  valid: boolean;
  id?: string;
  name: string;
  title: string;
  severity?: Severity;
  /** The most severe level reached (front matter `peak_severity`), when recorded. */
  peakSeverity?: Severity;
  status?: IncidentStatus;
  restricted: boolean;
  roles?: { commander?: string; operations?: string; communications?: string; scribe?: string; solo?: boolean };
  impactSummary?: string;
  started?: number;
  detected?: number;
  mitigated?: number;
  resolved?: number;
  cadenceMinutes: number;
  nextUpdateDue?: number;
  strategyCheckpoint?: number;
  timelineCount: number;
  lastTimelineLine?: number;
  statusUpdateCount: number;
  latestStatusUpdate?: IndexedBlock;
  checkpoints: Array<Omit<IndexedBlock, 'fields'>>;
  postmortem?: string;
  /** Errors and warnings from reading the document (malformed front matter and such). */
  problems: Problem[];
}

interface IndexedAction {
  docKey: string;
  line: number;
  range: Range;
  id?: string;
  action: string;
  owner?: string;
  due?: string;
  dueAt?: number;
  category?: string;
  verification?: string;
  status?: string;
  /** Done or won't do. */
  closed: boolean;
  /** No observable verification signal written. */
  unverified: boolean;
}

export interface IndexedPostmortem {
  kind: 'postmortem';
  key: string;
  path: string;
  valid: boolean;
  incidentId?: string;
  title: string;
  severity?: Severity;
  status?: string;
  actions: IndexedAction[];
  problems: Problem[];
}

export type IndexedDocument = IndexedIncident | IndexedPostmortem;

export interface IndexOptions {
  relativePath?: string;
  globs?: readonly string[];
  config?: Config;
}

function ts(v: unknown): number | undefined {
  return typeof v === 'string' ? parseTimestamp(v) : undefined;
}

function str(v: unknown): string | undefined {
  return typeof v === 'string' && v.trim() ? v : undefined;
}

function fileName(path: string): string {
  const parts = path.split('/');
  const base = parts[parts.length - 1] ?? path;
  // incidents/<id>/incident.md → <id>
  if (/^(?:incident|postmortem|index|readme)\.md$/i.test(base) && parts.length > 1) return parts[parts.length - 2];
  return base.replace(/\.(md|markdown)$/i, '');
}

function firstHeading(doc: ParsedDocument): string | undefined {
  const h = doc.sections.find((s) => s.level === 1);
  return h?.title.trim() || undefined;
}

/**
 * Summarises a parsed document for the index. Returns undefined for documents that are neither kind.
 * Over 80 lines: two object literals built field by field, one per kind; split apart, the fields
 * would only move.
 */
export function summarize(key: string, path: string, doc: ParsedDocument, config: Config = {}): IndexedDocument | undefined {
  // A front matter whose YAML does not parse still gives what its lines say (readableFrontMatter).
  const data = readableFrontMatter(doc);
  const problems = doc.problems.filter((p) => p.severity !== 'info').slice(0, 50);
  if (doc.kind === 'incident') {
    const inc = doc.incident;
    const severity = inc?.severity ?? ((SEVERITIES as readonly unknown[]).includes(data.severity) ? (data.severity as Severity) : undefined);
    const statusRaw = inc?.status ?? str(data.status);
    const status = (['investigating', 'mitigated', 'monitoring', 'resolved'] as const).find((s) => s === statusRaw);
    const own = inc?.update_cadence_minutes ?? (typeof data.update_cadence_minutes === 'number' ? data.update_cadence_minutes : undefined);
    // The linter reads the cadence and the deadline with the same two functions. A severity that
    // does not read (a typo, broken YAML) counts down at the most urgent cadence.
    const cadence = effectiveCadence(countdownSeverity(doc, data), own, config) ?? effectiveCadence('SEV3', undefined, config);
    const su = latestUpdate(doc.statusUpdates);
    const latest: IndexedBlock | undefined = su && {
      line: su.line,
      range: su.range,
      title: su.title,
      at: su.at,
      fields: Object.fromEntries([...su.fields].map(([k, f]) => [k, f.text])),
    };
    const id = inc?.id ?? str(data.id);
    const roles = (inc?.roles ?? (typeof data.roles === 'object' && data.roles ? data.roles : undefined)) as IndexedIncident['roles'];
    const impact = data.impact as { summary?: unknown } | undefined;
    const started = ts(data.started);
    const detected = ts(data.detected);
    return {
      kind: 'incident',
      key,
      path,
      valid: !!inc,
      id,
      name: id ? shortName(id) : fileName(path),
      title: str(data.title) ?? firstHeading(doc) ?? fileName(path),
      severity,
      peakSeverity: (SEVERITIES as readonly unknown[]).includes(data.peak_severity) ? (data.peak_severity as Severity) : undefined,
      status,
      restricted: data.restricted === true,
      roles,
      impactSummary: str(impact?.summary),
      started,
      detected,
      mitigated: ts(data.mitigated),
      resolved: ts(data.resolved),
      cadenceMinutes: cadence,
      nextUpdateDue: status === 'resolved' ? undefined : updateDeadline(doc, cadence, data)?.at,
      strategyCheckpoint: ts(data.strategy_checkpoint),
      timelineCount: doc.timeline.length,
      lastTimelineLine: doc.timeline[doc.timeline.length - 1]?.line,
      statusUpdateCount: doc.statusUpdates.length,
      latestStatusUpdate: latest,
      checkpoints: doc.checkpoints.map((c) => ({ line: c.line, range: c.range, title: c.title, at: c.at })),
      postmortem: str(data.postmortem),
      problems,
    };
  }
  if (doc.kind === 'postmortem') {
    const pm = doc.postmortem;
    const actions: IndexedAction[] = doc.actionItems.map((a) => {
      const f = a.fields;
      const status = f.status?.text;
      const due = f.due?.text;
      // The same reading of done, due, category and verification as the linter's rules.
      const st = actionState(a);
      return {
        docKey: key,
        line: a.line,
        range: a.range,
        id: f.id?.text || undefined,
        action: f.action?.text ?? '',
        owner: f.owner?.text || undefined,
        due: due || undefined,
        dueAt: st.due ? parseDate(st.due) : undefined,
        category: st.category ?? (f.category?.text || undefined),
        verification: f.verification?.text || undefined,
        status: status || undefined,
        closed: st.done,
        unverified: !st.verified,
      };
    });
    return {
      kind: 'postmortem',
      key,
      path,
      valid: !!pm,
      incidentId: str(data.incident),
      title: str(data.title) ?? firstHeading(doc) ?? fileName(path),
      severity: pm?.severity ?? ((SEVERITIES as readonly unknown[]).includes(data.severity) ? (data.severity as Severity) : undefined),
      status: str(data.status),
      actions,
      problems,
    };
  }
  return undefined;
}

type IndexChange = 'added' | 'changed' | 'removed' | 'unchanged';

/**
 * A document's index entry from its text: the part of indexing that parses, which the editor runs
 * in its worker. Sitrep-shaped documents take the fast line reader; anything else (and anything
 * malformed) the full parser.
 */
export function summarizeText(key: string, text: string, opts: IndexOptions = {}): IndexedDocument | undefined {
  const doc = fastParse(text) ?? parseDocument(text, { relativePath: opts.relativePath, globs: opts.globs });
  return summarize(key, opts.relativePath ?? key, doc, opts.config);
}

/** The index. Keys are whatever the caller uses to name documents (URIs in the extension). */
export class IncidentIndex {
  private readonly docs = new Map<string, IndexedDocument>();
  private readonly texts = new Map<string, string>();
  /** Bumped on every change; views compare it to skip work. */
  generation = 0;

  constructor(private config: Config = {}) {}

  setConfig(config: Config): void {
    this.config = config;
  }

  /** The config documents are summarised with (unless the caller gives one). */
  get currentConfig(): Config {
    return this.config;
  }

  /** True when the index already holds this text for this key and path. */
  isCurrent(key: string, text: string, relativePath?: string): boolean {
    const had = this.docs.get(key);
    return !!had && this.texts.get(key) === text && had.path === (relativePath ?? key);
  }

  /** Indexes a document's text. Returns what happened to the index. */
  update(key: string, text: string, opts: IndexOptions = {}): IndexChange {
    if (this.isCurrent(key, text, opts.relativePath)) return 'unchanged';
    return this.apply(key, text, summarizeText(key, text, { ...opts, config: opts.config ?? this.config }));
  }

  /** Stores an entry summarised elsewhere (the editor's worker) for a text. */
  apply(key: string, text: string, summary: IndexedDocument | undefined): IndexChange {
    const had = this.docs.get(key);
    if (!summary) {
      if (!had) return 'unchanged';
      this.docs.delete(key);
      this.texts.delete(key);
      this.generation++;
      return 'removed';
    }
    this.docs.set(key, summary);
    this.texts.set(key, text);
    this.generation++;
    return had ? 'changed' : 'added';
  }

  remove(key: string): boolean {
    const had = this.docs.delete(key);
    this.texts.delete(key);
    if (had) this.generation++;
    return had;
  }

  /** Removes every document whose key starts with a prefix (a deleted folder). */
  removeUnder(prefix: string): number {
    let n = 0;
    for (const k of [...this.docs.keys()]) if (k.startsWith(prefix)) n += this.remove(k) ? 1 : 0;
    return n;
  }

  get(key: string): IndexedDocument | undefined {
    return this.docs.get(key);
  }

  /** The text a document was indexed from (the learning report reads it again in full). */
  text(key: string): string | undefined {
    return this.texts.get(key);
  }

  get size(): number {
    return this.docs.size;
  }

  keys(): string[] {
    return [...this.docs.keys()];
  }

  incidents(): IndexedIncident[] {
    const out: IndexedIncident[] = [];
    for (const d of this.docs.values()) if (d.kind === 'incident') out.push(d);
    return out;
  }

  postmortems(): IndexedPostmortem[] {
    const out: IndexedPostmortem[] = [];
    for (const d of this.docs.values()) if (d.kind === 'postmortem') out.push(d);
    return out;
  }

  /** Incidents not resolved (malformed ones included, so their problems stay visible). */
  active(): IndexedIncident[] {
    return this.incidents().filter((i) => i.status !== 'resolved');
  }

  /** Every incident id in use (for collision-free ids). */
  ids(): Set<string> {
    const s = new Set<string>();
    for (const d of this.docs.values()) if (d.kind === 'incident' && d.id) s.add(d.id.toLowerCase());
    return s;
  }

  byId(id: string): IndexedIncident | undefined {
    const l = id.toLowerCase();
    return this.incidents().find((i) => i.id?.toLowerCase() === l);
  }

  /** The postmortem of an incident: one whose `incident` key names it. */
  postmortemOf(incident: IndexedIncident): IndexedPostmortem | undefined {
    if (!incident.id) return undefined;
    const l = incident.id.toLowerCase();
    return this.postmortems().find((p) => p.incidentId?.toLowerCase() === l);
  }

  /** The active incident whose update is due soonest (overdue first). */
  dueSoonest(): IndexedIncident | undefined {
    let best: IndexedIncident | undefined;
    for (const i of this.active()) {
      if (i.nextUpdateDue === undefined) continue;
      if (!best || i.nextUpdateDue < best.nextUpdateDue!) best = i;
    }
    return best;
  }
}

/** Midnight UTC of the day holding `now`. */
export function startOfDay(now: number): number {
  return now - (((now % 86_400_000) + 86_400_000) % 86_400_000);
}

/** Open actions (not done, not won't-do), with overdue and unverified marks, by postmortem (optionally one). */
export function openActions(index: IncidentIndex, now: number, onlyKey?: string): Array<{ postmortem: IndexedPostmortem; actions: Array<IndexedAction & { overdue: boolean }> }> {
  const today = startOfDay(now);
  const out: Array<{ postmortem: IndexedPostmortem; actions: Array<IndexedAction & { overdue: boolean }> }> = [];
  const list = onlyKey !== undefined ? [index.get(onlyKey)].filter((d): d is IndexedPostmortem => d?.kind === 'postmortem') : index.postmortems();
  for (const p of list) {
    const open = p.actions.filter((a) => !a.closed).map((a) => ({ ...a, overdue: a.dueAt !== undefined && a.dueAt < today }));
    if (open.length) out.push({ postmortem: p, actions: open });
  }
  return out;
}
