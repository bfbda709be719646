/**
 * What the learning report reads from one incident or postmortem document: plain data, independent
 * of the parser's node shapes (read.ts is the only module that knows those). Lines are 0-based.
 */
import type { ActionCategory, FactorLayer, Severity, TimelineKind } from '../model/schemas';

interface ReportFactor {
  line: number;
  layer?: FactorLayer;
  text: string;
}

export interface ReportAction {
  line: number;
  id?: string;
  text: string;
  owner?: string;
  /** The due date as written. */
  due?: string;
  /** Epoch ms of the due date (midnight UTC) when it is a calendar date. */
  dueAt?: number;
  /** One of the four categories, when the written category maps to one. */
  category?: ActionCategory;
  /** Done (or checked). */
  done: boolean;
  /** Closed without being done: won't do, cancelled, obsolete. */
  dropped: boolean;
  /** No observable verification signal written. */
  unverified: boolean;
}

interface ReportTimelineEntry {
  line: number;
  at?: number;
  kind?: TimelineKind;
  text: string;
}

interface ReportStatusUpdate {
  line: number;
  at?: number;
  /** When the update said the next one would come. */
  nextUpdate?: number;
}

interface ReportCheckpoint {
  line: number;
  at?: number;
  title: string;
}

/** A front-matter value list (tags, services) with the line it is written on. */
export interface ReportLabels {
  line: number;
  values: string[];
}

export interface ReportDoc {
  /** Path relative to the report's root folder, forward slashes (also the document's key in links). */
  path: string;
  kind: 'incident' | 'postmortem';
  /** The incident's id: an incident's own `id`, a postmortem's `incident`. */
  incidentId?: string;
  /** An incident's `postmortem` key, resolved against the incident's folder. */
  postmortemPath?: string;
  title: string;
  severity?: Severity;
  restricted: boolean;
  started?: number;
  detected?: number;
  mitigated?: number;
  resolved?: number;
  /** Status-update cadence in minutes (incidents). */
  cadenceMinutes?: number;
  tags?: ReportLabels;
  services?: ReportLabels;
  factors: ReportFactor[];
  actions: ReportAction[];
  timeline: ReportTimelineEntry[];
  statusUpdates: ReportStatusUpdate[];
  checkpoints: ReportCheckpoint[];
  /** Why a figure may be missing: front matter that fails its schema, and such. */
  notes: string[];
}
