/**
 * The learning report from a set of documents: join them into incidents, keep the window, and
 * compute recurring classes, action register health and response metrics. Pure: `now` is passed in.
 * ReportModel keeps one ReportDoc per document so that a changed document costs one read.
 */
import type { Config } from '../model/schemas';
import { formatTimestamp } from '../time';
import { actionRegister } from './actions';
import { recurringClasses } from './classes';
import { DAY, inWindow, joinRecords } from './records';
import { readReportDoc, type ReadOptions } from './read';
import { responseMetrics } from './response';
import type { LearningReport } from './schema';
import { resolveTaxonomy, type Taxonomy } from './taxonomy';
import type { ReportDoc } from './types';

interface BuildOptions {
  /** The report date, epoch ms. */
  now: number;
  /** Start of the window, epoch ms; default `now` minus the configured window (180 days). */
  since?: number;
  config?: Config;
  /** Overrides the taxonomy the config gives. */
  taxonomy?: Taxonomy;
}

export function buildReport(docs: readonly ReportDoc[], options: BuildOptions): LearningReport {
  const taxonomy = options.taxonomy ?? resolveTaxonomy(options.config?.report);
  const until = options.now;
  const since = options.since ?? until - taxonomy.windowDays * DAY;
  const { records, leftOut } = inWindow(joinRecords(docs), { since, until });
  const classes = recurringClasses(records, taxonomy);
  return {
    version: 1,
    generated_at: formatTimestamp(until),
    window: { since: formatTimestamp(since), until: formatTimestamp(until), days: Math.max(0, Math.round((until - since) / DAY)) },
    min_postmortems: taxonomy.minPostmortems,
    documents: {
      read: docs.length,
      incidents: records.length,
      postmortems: records.filter((r) => r.postmortem).length,
      left_out: leftOut,
    },
    classes,
    candidates: classes.filter((c) => c.candidate).map((c) => c.id),
    actions: actionRegister(records, until),
    response: responseMetrics(records, until),
  };
}

/**
 * Documents by key (a URI in the editor, a path in the CLI) with their ReportDocs, for a report
 * that is rebuilt when one document changes: only that document is read again.
 */
export class ReportModel {
  private readonly docs = new Map<string, { text: string; path: string; doc: ReportDoc | undefined }>();
  generation = 0;

  /** Reads a document's text (again, when it changed). Returns whether the model changed. */
  set(key: string, text: string, options: ReadOptions): boolean {
    if (this.isCurrent(key, text, options.relativePath)) return false;
    return this.put(key, text, options.relativePath, readReportDoc(text, options));
  }

  /** True when the model already holds this text at this path for the key. */
  isCurrent(key: string, text: string, relativePath: string): boolean {
    const had = this.docs.get(key);
    return !!had && had.text === text && had.path === relativePath;
  }

  /** Stores a document read elsewhere (the editor's worker) for a text. Returns whether the model changed. */
  put(key: string, text: string, relativePath: string, doc: ReportDoc | undefined): boolean {
    if (this.isCurrent(key, text, relativePath)) return false;
    this.docs.set(key, { text, path: relativePath, doc });
    this.generation++;
    return true;
  }

  /** The text last read for a key and what it was read as. */
  entry(key: string): { text: string; doc: ReportDoc | undefined } | undefined {
    const e = this.docs.get(key);
    return e && { text: e.text, doc: e.doc };
  }

  delete(key: string): boolean {
    const had = this.docs.delete(key);
    if (had) this.generation++;
    return had;
  }

  has(key: string): boolean {
    return this.docs.has(key);
  }

  keys(): string[] {
    return [...this.docs.keys()];
  }

  /** The key of the document at a report path. */
  keyOf(path: string): string | undefined {
    for (const [k, v] of this.docs) if (v.path === path) return k;
    return undefined;
  }

  documents(): ReportDoc[] {
    const out: ReportDoc[] = [];
    for (const v of this.docs.values()) if (v.doc) out.push(v.doc);
    return out;
  }

  build(options: BuildOptions): LearningReport {
    return buildReport(this.documents(), options);
  }
}
