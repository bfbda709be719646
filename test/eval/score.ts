/**
 * Precision and recall of the linter on a labelled corpus (labels.yaml + docs/), matched by
 * (file, rule, line) as the corpus README specifies; contributing-factors is matched per file.
 * The documents are linted through the CLI's own entry (`sitrep lint --format json <files>`).
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parse as parseYaml } from 'yaml';
import { run, type JsonFinding } from '../../src/cli/lint';

interface Label {
  rule: string;
  line: number;
}
interface FileLabels {
  kind: string;
  findings?: Label[];
  must_not_flag?: Label[];
}

export interface RuleScore {
  rule: string;
  tp: number;
  fn: number;
  fp: number;
  traps: number;
  precision: number;
  recall: number;
}

export interface CorpusScore {
  rules: RuleScore[];
  precision: number;
  recall: number;
  tp: number;
  fn: number;
  fp: number;
  traps: number;
  misses: string[];
  extras: string[];
}

const FILE_LEVEL = new Set(['contributing-factors']);
const ratio = (a: number, b: number) => (b ? a / b : 1);

export function scoreCorpus(dir: string): CorpusScore {
  const labels = (parseYaml(fs.readFileSync(path.join(dir, 'labels.yaml'), 'utf8')) as { files: Record<string, FileLabels> }).files;
  const names = Object.keys(labels).sort();
  let out = '';
  const code = run(['lint', '--format', 'json', ...names.map((n) => path.join(dir, 'docs', n))], {
    cwd: dir,
    stdout: (s) => {
      out += s;
    },
    stderr: () => undefined,
  });
  if (code !== 0 && code !== 1) throw new Error(`sitrep lint exited ${code}`);
  const found = JSON.parse(out) as JsonFinding[];
  const scored = new Set<string>();
  const expected = new Map<string, Set<number>>();
  const forbidden = new Map<string, Set<number>>();
  const got = new Map<string, Set<number>>();
  const key = (f: string, r: string) => `${f}\u0000${r}`;
  const add = (m: Map<string, Set<number>>, k: string, v: number) => {
    if (!m.has(k)) m.set(k, new Set());
    m.get(k)!.add(v);
  };
  for (const [f, spec] of Object.entries(labels)) {
    for (const x of spec.findings ?? []) {
      add(expected, key(f, x.rule), x.line);
      scored.add(x.rule);
    }
    for (const x of spec.must_not_flag ?? []) {
      add(forbidden, key(f, x.rule), x.line);
      scored.add(x.rule);
    }
  }
  for (const x of found) {
    const f = path.basename(x.file);
    if (scored.has(x.rule) && labels[f]) add(got, key(f, x.rule), x.line);
  }
  const per = new Map<string, RuleScore>([...scored].sort().map((r) => [r, { rule: r, tp: 0, fn: 0, fp: 0, traps: 0, precision: 1, recall: 1 }]));
  const misses: string[] = [];
  const extras: string[] = [];
  for (const k of new Set([...expected.keys(), ...got.keys()])) {
    const [f, rule] = k.split('\u0000');
    const s = per.get(rule)!;
    const exp = expected.get(k) ?? new Set<number>();
    const g = got.get(k) ?? new Set<number>();
    if (FILE_LEVEL.has(rule)) {
      if (exp.size && g.size) s.tp++;
      else if (exp.size) {
        s.fn++;
        misses.push(`${f} ${rule}`);
      } else if (g.size) {
        s.fp++;
        extras.push(`${f} ${rule}`);
      }
      continue;
    }
    for (const l of exp) {
      if (g.has(l)) s.tp++;
      else {
        s.fn++;
        misses.push(`${f}:${l} ${rule}`);
      }
    }
    for (const l of g) {
      if (exp.has(l)) continue;
      s.fp++;
      const trap = forbidden.get(k)?.has(l) ?? false;
      if (trap) s.traps++;
      extras.push(`${f}:${l} ${rule}${trap ? ' (planted trap)' : ''}`);
    }
  }
  const rules = [...per.values()].map((s) => ({ ...s, precision: ratio(s.tp, s.tp + s.fp), recall: ratio(s.tp, s.tp + s.fn) }));
  const sum = (k: 'tp' | 'fn' | 'fp' | 'traps') => rules.reduce((a, r) => a + r[k], 0);
  const tp = sum('tp'), fn = sum('fn'), fp = sum('fp');
  return { rules, tp, fn, fp, traps: sum('traps'), precision: ratio(tp, tp + fp), recall: ratio(tp, tp + fn), misses: misses.sort(), extras: extras.sort() };
}

export function formatScore(s: CorpusScore, name: string): string {
  const lines = [`${'rule'.padEnd(26)} ${'TP'.padStart(4)} ${'FN'.padStart(4)} ${'FP'.padStart(4)} ${'prec'.padStart(6)} ${'recall'.padStart(6)}`];
  for (const r of s.rules) lines.push(`${r.rule.padEnd(26)} ${String(r.tp).padStart(4)} ${String(r.fn).padStart(4)} ${String(r.fp).padStart(4)} ${r.precision.toFixed(2).padStart(6)} ${r.recall.toFixed(2).padStart(6)}`);
  for (const m of s.misses) lines.push(`MISS  ${m}`);
  for (const e of s.extras) lines.push(`EXTRA ${e}`);
  lines.push(`${name}: precision ${s.precision.toFixed(3)} recall ${s.recall.toFixed(3)} over ${s.tp + s.fn} labelled findings (${s.tp} found, ${s.fn} missed, ${s.fp} wrong); ${s.traps} planted traps flagged`);
  return lines.join('\n') + '\n';
}
