/**
 * Hostile-input benchmark (npm run bench): for each shape in bench/adversarial.ts, the time to
 * lint documents holding a 1 MB line of it in every place a rule looks, and to index them. Target:
 * under a second per document (issue 13). A benchmark, not a test: it reports, and marks the
 * shapes over target. test/unit/adversarial.test.ts only asserts that each completes.
 */
import { documentsWith, frontMatterDocuments, SHAPES } from './adversarial';
import { IncidentIndex } from '../src/core/incident';
import { lint } from '../src/core/lint';

const MB = 1_000_000;
const NOW = Date.parse('2026-11-27T12:00:00Z');
const TARGET_MS = 1000;

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

let over = 0;
console.log(`${'shape'.padEnd(36)} ${'docs'.padStart(4)} ${'lint max'.padStart(10)} ${'index max'.padStart(10)}`);
for (const shape of SHAPES) {
  const line = shape.line(MB);
  let lintMax = 0;
  let indexMax = 0;
  const docs = documentsWith(line);
  for (const { kind, text } of docs) {
    lintMax = Math.max(lintMax, time(() => lint(text, { relativePath: `${kind}s/x.md`, now: NOW, maxLength: 20 * MB })));
    indexMax = Math.max(indexMax, time(() => new IncidentIndex().update('k', text, { relativePath: `${kind}s/x.md` })));
  }
  const flag = lintMax > TARGET_MS || indexMax > TARGET_MS ? '  over target' : '';
  if (flag) over++;
  console.log(`${shape.name.padEnd(36)} ${String(docs.length).padStart(4)} ${lintMax.toFixed(0).padStart(8)} ms ${indexMax.toFixed(0).padStart(8)} ms${flag}`);
}
for (const [i, text] of frontMatterDocuments(MB).entries()) {
  const ms = time(() => lint(text, { relativePath: 'postmortems/x.md', now: NOW }));
  console.log(`${`front matter shape ${i + 1}`.padEnd(36)} ${'1'.padStart(4)} ${ms.toFixed(0).padStart(8)} ms`);
}
console.log(over ? `\n${over} shape(s) over the ${TARGET_MS} ms target` : `\nevery shape under the ${TARGET_MS} ms target per document`);
