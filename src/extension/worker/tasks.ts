/** The work the Sitrep worker does; also run in-thread where no worker can be started. */
import { hoverAt } from '../../core/explain';
import { summarizeText } from '../../core/incident';
import { lint } from '../../core/lint';
import { parseDocument, type ParsedDocument } from '../../core/parser';
import { readReportDoc } from '../../core/report';
import type { HoverRequestOptions, LintRequestOptions, LintSummary, WorkerRequest, WorkerResponse } from './protocol';

/**
 * The last document read (by a lint or a hover), so that hovering over the document just linted
 * does not read it again. One entry: the open document is the one hovered.
 */
let last: { text: string; where: string; doc: ParsedDocument } | undefined;

function whereOf(o: LintRequestOptions | HoverRequestOptions): string {
  return JSON.stringify([o.relativePath ?? null, o.globs ?? null, o.ignore ?? null]);
}

function parsed(text: string, options: HoverRequestOptions): ParsedDocument {
  const where = whereOf(options);
  if (last && last.where === where && last.text === text) return last.doc;
  const doc = parseDocument(text, { relativePath: options.relativePath, globs: options.globs, ignore: options.ignore });
  last = { text, where, doc };
  return doc;
}

export function handle(req: WorkerRequest): WorkerResponse {
  try {
    if (req.type === 'lint') {
      const r = lint(req.text, req.options);
      last = { text: req.text, where: whereOf(req.options), doc: r.doc };
      const result: LintSummary = { kind: r.doc.kind, findings: r.findings, bodyStartLine: r.doc.bodyStartLine, eol: r.doc.eol, truncated: !!r.doc.truncated };
      return { id: req.id, ok: true, type: 'lint', result };
    }
    if (req.type === 'hover') {
      const doc = parsed(req.text, req.options);
      const result = doc.kind === 'unknown' ? undefined : hoverAt(doc, req.options.line, req.options.findings);
      return { id: req.id, ok: true, type: 'hover', result };
    }
    if (req.type === 'report') return { id: req.id, ok: true, type: 'report', result: readReportDoc(req.text, req.options) };
    return { id: req.id, ok: true, type: 'summarize', result: summarizeText(req.key, req.text, req.options) };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
