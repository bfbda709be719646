/**
 * The learning report's one adapter to the document parser: text in, a ReportDoc out (or
 * undefined for text that is neither an incident nor a postmortem). Every other report module
 * reads ReportDocs only, so a change to the parser's node shapes is absorbed here.
 * Never throws (the parser does not, and nothing here indexes past what it checks).
 */
import type { Config } from '../model/schemas';
import { parseDocument, type DocumentKind, type ParsedDocument } from '../parser';
import { categoryOf } from '../parser/items';
import { summarize } from '../incident/store';
import { parseTimestamp } from '../time';
import type { ReportAction, ReportDoc, ReportLabels } from './types';

export interface ReadOptions {
  /** Path relative to the report's root folder, forward slashes. */
  relativePath: string;
  /** Document globs (for documents recognised by path). */
  globs?: readonly string[];
  /** Globs of files never treated as documents by path. */
  ignore?: readonly string[];
  /** Read the text as this kind whatever its front matter and path say (files named on the command line). */
  assumeKind?: DocumentKind;
  config?: Config;
}

const DROPPED = /^(?:wont-do|won't do|wont do|won't fix|wontfix|cancel+ed|obsolete)$/i;

/** Reads one document for the report. */
export function readReportDoc(text: string, options: ReadOptions): ReportDoc | undefined {
  const doc = parseDocument(text, { relativePath: options.relativePath, globs: options.globs, ignore: options.ignore, assumeKind: options.assumeKind });
  return fromParsed(doc, options.relativePath, options.config);
}

/** A ReportDoc from an already parsed document. */
function fromParsed(doc: ParsedDocument, path: string, config: Config = {}): ReportDoc | undefined {
  if (doc.kind !== 'incident' && doc.kind !== 'postmortem') return undefined;
  const summary = summarize(path, path, doc, config);
  if (!summary) return undefined;
  const data = (doc.frontMatter?.data ?? {}) as Record<string, unknown>;
  const notes: string[] = [];
  if (!summary.valid) notes.push(doc.frontMatter ? 'front matter does not pass its schema; figures use the keys that are readable' : 'no front matter; figures use the timeline only');
  const time = (key: string) => (typeof data[key] === 'string' ? parseTimestamp(data[key] as string) : undefined);
  const out: ReportDoc = {
    path,
    kind: doc.kind,
    title: summary.title,
    severity: summary.severity,
    restricted: data.restricted === true,
    started: time('started'),
    detected: time('detected'),
    mitigated: time('mitigated'),
    resolved: time('resolved'),
    tags: labels(doc, 'tags'),
    services: labels(doc, 'services'),
    factors: doc.factors.map((f) => ({ line: f.line, layer: f.layer, text: f.text })),
    actions: [],
    timeline: doc.timeline.map((e) => ({ line: e.line, at: e.at, kind: e.kind, text: e.text })),
    statusUpdates: doc.statusUpdates.map((u) => {
      const next = u.fields.get('next_update');
      return { line: u.line, at: u.at, nextUpdate: next ? parseTimestamp(next.text.replace(/[*_`]/g, '').trim()) : undefined };
    }),
    checkpoints: doc.checkpoints.map((c) => ({ line: c.line, at: c.at, title: c.title })),
    notes,
  };
  if (summary.kind === 'incident') {
    out.incidentId = summary.id;
    out.started = summary.started ?? out.started;
    out.detected = summary.detected ?? out.detected;
    out.mitigated = summary.mitigated ?? out.mitigated;
    out.resolved = summary.resolved ?? out.resolved;
    out.cadenceMinutes = summary.cadenceMinutes;
    if (summary.postmortem) out.postmortemPath = joinRelative(path, summary.postmortem);
  } else {
    out.incidentId = summary.incidentId;
    const nodes = new Map(doc.actionItems.map((n) => [n.line, n]));
    out.actions = summary.actions.map((a): ReportAction => {
      const status = (a.status ?? '').replace(/[*_`]/g, '').trim();
      const dropped = a.closed && DROPPED.test(status);
      const node = nodes.get(a.line);
      return {
        line: a.line,
        id: a.id,
        text: a.action,
        owner: a.owner,
        due: a.due,
        dueAt: a.dueAt,
        category: node?.category ?? (a.category ? categoryOf(a.category)?.category : undefined),
        done: a.closed && !dropped,
        dropped,
        unverified: a.unverified,
      };
    });
  }
  return out;
}

function labels(doc: ParsedDocument, key: 'tags' | 'services'): ReportLabels | undefined {
  const v = doc.frontMatter?.data?.[key];
  const values = (Array.isArray(v) ? v : typeof v === 'string' ? [v] : []).filter((x): x is string => typeof x === 'string' && x.trim() !== '').map((x) => x.trim());
  if (!values.length) return undefined;
  const entry = doc.frontMatter?.entries.get(key);
  return { line: entry?.keyRange?.line ?? doc.frontMatter?.startLine ?? 0, values };
}

/** `postmortem.md` written in `incidents/x/incident.md` → `incidents/x/postmortem.md`. */
function joinRelative(from: string, rel: string): string {
  if (/^[a-z][a-z0-9+.-]*:/i.test(rel) || rel.startsWith('/')) return rel.replace(/^\/+/, '');
  const parts = from.split('/').slice(0, -1);
  for (const seg of rel.replace(/\\/g, '/').split('/')) {
    if (seg === '' || seg === '.') continue;
    if (seg === '..') parts.pop();
    else parts.push(seg);
  }
  return parts.join('/');
}
