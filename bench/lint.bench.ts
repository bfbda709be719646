/**
 * Lint benchmark (npm run bench): median time of (a) a bare markdown-it parse, (b) Sitrep's full
 * lint (parse + every rule), (c) markdownlint with its default rules, on generated postmortems of
 * 100, 1,000 and 10,000 lines; with the ratios b/a and b/c and the growth per 10× lines.
 * Targets: b/a ≤ 1.5, b/c ≤ 1.0, 10× lines → ≤ 12× time. A benchmark, not a test: it reports.
 */
import MarkdownIt from 'markdown-it';
import { lint } from '../src/core/lint';
import { generatePostmortem } from './generate';

type MarkdownlintSync = { lint: (options: { strings: Record<string, string> }) => Record<string, unknown[]> };

// A real dynamic import (TypeScript's CommonJS output would turn import() into require()).
const importEsm = new Function('specifier', 'return import(specifier)') as (s: string) => Promise<unknown>;

function median(xs: number[]): number {
  const s = xs.slice().sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

function time(fn: () => unknown): number {
  const t0 = process.hrtime.bigint();
  fn();
  return Number(process.hrtime.bigint() - t0) / 1e6;
}

async function main(): Promise<void> {
  const markdownlint = (await importEsm('markdownlint/sync')) as MarkdownlintSync;
  const md = new MarkdownIt();
  const now = Date.parse('2026-11-27T09:00:00Z');
  const sizes = [100, 1_000, 10_000];
  const runsFor = (n: number) => (n <= 100 ? 400 : n <= 1_000 ? 100 : 25);
  const rows: Array<{ n: number; a: number; b: number; bCold: number; c: number; findings: number }> = [];
  for (const n of sizes) {
    const text = generatePostmortem(n);
    const runs = runsFor(n);
    const a: number[] = [];
    const b: number[] = [];
    const c: number[] = [];
    const bCold: number[] = [];
    // "Cold": a front matter never seen before (the title changes every run), so nothing is reused.
    let serial = 0;
    const cold = () => text.replace('title: Search latency', `title: Search latency ${++serial}`);
    const findings = lint(text, { now }).findings.length;
    // Collect once per size (npm run bench passes --expose-gc), warm up every contestant, then
    // interleave the runs so drift and garbage collection hit all of them alike.
    gc?.();
    for (let i = 0; i < 5; i++) {
      md.parse(text, {});
      lint(text, { now });
    }
    // A collection before each timed call (outside the timing) keeps one contestant's garbage
    // from being collected on another's clock; large documents otherwise pay for earlier runs.
    for (let i = 0; i < runs; i++) {
      gc?.();
      a.push(time(() => md.parse(text, {})));
      gc?.();
      b.push(time(() => lint(text, { now })));
      const t = cold();
      gc?.();
      bCold.push(time(() => lint(t, { now })));
    }
    // markdownlint is far slower (seconds at 10,000 lines): fewer runs, same median.
    const cRuns = n >= 10_000 ? 5 : n >= 1_000 ? 15 : 60;
    markdownlint.lint({ strings: { doc: text } });
    for (let i = 0; i < cRuns; i++) {
      gc?.();
      c.push(time(() => markdownlint.lint({ strings: { doc: text } })));
    }
    rows.push({ n, a: median(a), b: median(b), bCold: median(bCold), c: median(c), findings });
  }
  const f = (x: number) => x.toFixed(3).padStart(9);
  console.log('Medians in ms. (b) lints the same text again and again, as while typing in the body (the parsed');
  console.log('front matter is reused); (b cold) changes the front matter every run.');
  console.log('   lines | (a) markdown-it | (b) sitrep lint | (b cold) | (c) markdownlint |  b/a  |  b/c  | b cold/a | findings');
  for (const r of rows) {
    console.log(
      `${String(r.n).padStart(8)} | ${f(r.a)}       | ${f(r.b)}       | ${f(r.bCold)} | ${f(r.c)}        | ${(r.b / r.a).toFixed(2)}  | ${(r.b / r.c).toFixed(2)}  | ${(r.bCold / r.a).toFixed(2)}     | ${r.findings}`,
    );
  }
  for (let i = 1; i < rows.length; i++) {
    console.log(`growth ${rows[i - 1].n} → ${rows[i].n} lines: sitrep ×${(rows[i].b / rows[i - 1].b).toFixed(2)} (target ≤ 12), markdown-it ×${(rows[i].a / rows[i - 1].a).toFixed(2)}`);
  }
  const ok = rows.every((r) => r.b / r.a <= 1.5 && r.b / r.c <= 1.0) && rows.every((r, i) => i === 0 || r.b / rows[i - 1].b <= 12);
  console.log(ok ? 'targets met: b/a ≤ 1.5, b/c ≤ 1.0, near-linear growth' : 'TARGETS MISSED (see the table above)');
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
