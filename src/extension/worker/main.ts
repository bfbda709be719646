/**
 * Entry point of the Sitrep worker (dist/worker.js, a Node worker thread; dist/web/worker.js, a
 * Web Worker in VS Code for the Web). Answers one request at a time.
 */
import type * as NodeWorkers from 'node:worker_threads';
import type { WorkerRequest } from './protocol';
import { handle } from './tasks';

declare const self: { onmessage: ((e: { data: WorkerRequest }) => void) | null; postMessage(m: unknown): void } | undefined;

// Warm up (parser, rules, schemas) before saying ready, so that the first document's time budget
// is spent on the document.
handle({ id: 0, type: 'lint', text: '---\ntype: postmortem\n---\n\n# Warm-up\n\n## Timeline\n\n- 2026-01-01T00:00:00Z [fact] x\n', options: { relativePath: 'postmortems/warm-up.md' } });

const isNode = typeof process !== 'undefined' && typeof process.versions?.node === 'string';
if (isNode) {
  // eslint-disable-next-line @typescript-eslint/no-require-imports -- Node only; external in the web build
  const { parentPort } = require('node:worker_threads') as typeof NodeWorkers;
  parentPort?.on('message', (req: WorkerRequest) => parentPort.postMessage(handle(req)));
  parentPort?.postMessage({ ready: true });
} else if (typeof self !== 'undefined') {
  self.onmessage = (e) => self.postMessage(handle(e.data));
  self.postMessage({ ready: true });
}
