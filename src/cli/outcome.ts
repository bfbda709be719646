/**
 * The end of a `sitrep lint` run: the text summary (documents checked, findings, markdown files
 * skipped) and the exit status, with `--max-warnings`.
 */
import type { Finding } from '../core/lint';

const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;

type Results = ReadonlyArray<{ findings: readonly Finding[] }>;

const count = (results: Results, severity: string) => results.reduce((n, r) => n + r.findings.filter((f) => f.severity === severity).length, 0);

/** `3 documents checked: 1 error, 2 warnings; 4 markdown files skipped (…).` */
export function summaryLine(results: Results, skipped: number): string {
  return (
    `${plural(results.length, 'document')} checked: ${plural(count(results, 'error'), 'error')}, ${plural(count(results, 'warning'), 'warning')}; ` +
    `${plural(skipped, 'markdown file')} skipped (not incident or postmortem documents).\n`
  );
}

/** 2 for a usage or configuration problem, 1 for errors or more warnings than allowed, else 0. */
export function exitStatus(results: Results, status: number, maxWarnings: number | undefined, stderr: (s: string) => void): number {
  if (status === 2) return 2;
  if (count(results, 'error') > 0) return 1;
  const warnings = count(results, 'warning');
  if (maxWarnings !== undefined && warnings > maxWarnings) {
    stderr(`sitrep: ${plural(warnings, 'warning')}, more than --max-warnings ${maxWarnings} allows.\n`);
    return 1;
  }
  return 0;
}
