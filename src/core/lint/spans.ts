/**
 * Code spans and HTML comments on a line, found once per line (a rule asks about every match on a
 * line in turn, and rescanning the line per match was quadratic on long lines). Backtick runs open
 * and close code spans of the same length; an unclosed run ends the search, as before.
 */

/** A line's spans as [start, end) sorted by start, with the running maximum end (spans may nest). */
export interface LineSpans {
  starts: number[];
  maxEnds: number[];
}

/** True when `column` is inside one of the spans: a binary search, however many spans the line has. */
export function inSpans(spans: LineSpans, column: number): boolean {
  const { starts, maxEnds } = spans;
  let lo = 0;
  let hi = starts.length - 1;
  let at = -1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    if (starts[mid] <= column) {
      at = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return at >= 0 && maxEnds[at] > column;
}

/** Code spans and HTML comments on a line, read in one pass. */
export function codeAndCommentSpans(line: string): LineSpans {
  const found: Array<[number, number]> = [];
  if (line.indexOf('`') >= 0) {
    // Backtick runs open and close code spans of the same length; each run's closer is found
    // through a list of runs by length, so the line is read once.
    const runs: Array<[number, number]> = [];
    for (let i = 0; i < line.length; ) {
      if (line[i] !== '`') {
        i++;
        continue;
      }
      let n = 0;
      while (line[i + n] === '`') n++;
      runs.push([i, n]);
      i += n;
    }
    const byLength = new Map<number, number[]>();
    runs.forEach(([, n], k) => {
      const list = byLength.get(n);
      if (list) list.push(k);
      else byLength.set(n, [k]);
    });
    const next = new Map<number, number>();
    for (let k = 0; k < runs.length; ) {
      const [open, n] = runs[k];
      const list = byLength.get(n)!;
      let p = next.get(n) ?? 0;
      while (p < list.length && list[p] <= k) p++;
      next.set(n, p);
      if (p >= list.length) break; // an unclosed run: no code span from here on
      const close = list[p];
      found.push([open, runs[close][0] + n]);
      k = close + 1;
    }
  }
  let c = line.indexOf('<!--');
  while (c >= 0) {
    const e = line.indexOf('-->', c + 4);
    const end = e < 0 ? line.length : e + 3;
    found.push([c, end]);
    if (e < 0) break;
    c = line.indexOf('<!--', end);
  }
  found.sort((a, b) => a[0] - b[0]);
  const starts: number[] = [];
  const maxEnds: number[] = [];
  let max = -1;
  for (const [a, b] of found) {
    max = Math.max(max, b);
    starts.push(a);
    maxEnds.push(max);
  }
  return { starts, maxEnds };
}
