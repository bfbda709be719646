/** The work the Sitrep worker does; also run in-thread where no worker can be started. */
import { summarizeText } from '../../core/incident';
import { lint } from '../../core/lint';
import type { LintSummary, WorkerRequest, WorkerResponse } from './protocol';

export function handle(req: WorkerRequest): WorkerResponse {
  try {
    if (req.type === 'lint') {
      const r = lint(req.text, req.options);
      const result: LintSummary = { kind: r.doc.kind, findings: r.findings, bodyStartLine: r.doc.bodyStartLine, eol: r.doc.eol, truncated: !!r.doc.truncated };
      return { id: req.id, ok: true, type: 'lint', result };
    }
    return { id: req.id, ok: true, type: 'summarize', result: summarizeText(req.key, req.text, req.options) };
  } catch (e) {
    return { id: req.id, ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}
