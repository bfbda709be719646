/** Positions and ranges in a text, 0-based lines and columns (UTF-16 code units), as editors count them. */

export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

export function range(line: number, column: number, endLine: number, endColumn: number): Range {
  return { line, column, endLine, endColumn };
}

/** The whole of one line (without its line break). */
export function lineRange(lines: readonly string[], line: number): Range {
  const l = Math.max(0, Math.min(line, lines.length - 1));
  return { line: l, column: 0, endLine: l, endColumn: (lines[l] ?? '').length };
}

/** Text of a line without leading and trailing white space, as a range. */
export function trimmedLineRange(lines: readonly string[], line: number): Range {
  const text = lines[line] ?? '';
  const start = text.length - text.trimStart().length;
  const end = text.trimEnd().length;
  return { line, column: start, endLine: line, endColumn: Math.max(start, end) };
}

/**
 * Maps string offsets to line/column for one text. Handles \n, \r\n and lone \r line breaks.
 * Line starts are found lazily, only as far as a question needs (front matter asks about the
 * first lines of a long document only).
 */
export class LineIndex {
  private readonly starts: number[] = [0];
  private scanned = 0;
  constructor(readonly text: string) {}
  /** Records line starts until line `line` is known and a start beyond `offset` is known (or the text ends). */
  private ensure(line: number, offset: number): void {
    const t = this.text;
    const s = this.starts;
    let i = this.scanned;
    while (i < t.length && (s.length <= line || s[s.length - 1] <= offset)) {
      const c = t.charCodeAt(i);
      if (c === 10) s.push(i + 1);
      else if (c === 13) {
        if (t.charCodeAt(i + 1) === 10) i++;
        s.push(i + 1);
      }
      i++;
    }
    this.scanned = i;
  }
  get lineCount(): number {
    this.ensure(Infinity, Infinity);
    return this.starts.length;
  }
  lineStart(line: number): number {
    this.ensure(line, -1);
    return this.starts[Math.max(0, Math.min(line, this.starts.length - 1))];
  }
  position(offset: number): { line: number; column: number } {
    const o = Math.max(0, Math.min(offset, this.text.length));
    this.ensure(0, o);
    let lo = 0, hi = this.starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (this.starts[mid] <= o) lo = mid;
      else hi = mid - 1;
    }
    let column = o - this.starts[lo];
    // Never point into a line break.
    const lineText = this.lineText(lo);
    if (column > lineText.length) column = lineText.length;
    return { line: lo, column };
  }
  range(start: number, end: number): Range {
    const a = this.position(start), b = this.position(Math.max(start, end));
    return { line: a.line, column: a.column, endLine: b.line, endColumn: b.column };
  }
  lineText(line: number): string {
    this.ensure(line + 1, -1);
    const s = this.starts[line];
    if (s === undefined) return '';
    const next = this.starts[line + 1];
    let e = next === undefined ? this.text.length : next;
    while (e > s && (this.text.charCodeAt(e - 1) === 10 || this.text.charCodeAt(e - 1) === 13)) e--;
    return this.text.slice(s, e);
  }
}

/** Splits into lines on \n, \r\n or \r; the line breaks are not kept. */
export function splitLines(text: string): string[] {
  return text.indexOf('\r') < 0 ? text.split('\n') : text.split(/\r\n|\r|\n/);
}

/** The line break a text mostly uses, for writing new lines in its style. */
export function detectEol(text: string): '\n' | '\r\n' {
  if (text.indexOf('\r') < 0) return '\n';
  const crlf = (text.match(/\r\n/g) ?? []).length;
  const lf = (text.match(/\n/g) ?? []).length - crlf;
  return crlf > lf ? '\r\n' : '\n';
}
