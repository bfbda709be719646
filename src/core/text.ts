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

/** True when a text starts with a byte-order mark (U+FEFF). */
export function hasBom(text: string): boolean {
  return text.charCodeAt(0) === 0xfeff;
}

/** The text without its leading byte-order mark, if any: the one place a BOM is removed. */
export function stripBom(text: string): string {
  return hasBom(text) ? text.slice(1) : text;
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

/**
 * Replace the text at `range` (0-based, end exclusive) with `text`; an empty range inserts. The
 * one edit shape of the core: lint fixes and the incident edit builders both produce it, and the
 * editor and the CLI apply it alike.
 */
export interface TextEdit {
  range: Range;
  text: string;
}

interface OffsetEdit {
  start: number;
  end: number;
  text: string;
}

/** Edits as offsets into `text`; a column past the end of its line stops at the line's end. */
export function editOffsets(text: string, edits: readonly TextEdit[], index = new LineIndex(text)): OffsetEdit[] {
  const count = index.lineCount;
  const offset = (line: number, column: number) => {
    if (line >= count) return text.length;
    const start = index.lineStart(line);
    return Math.min(start + column, start + index.lineText(line).length);
  };
  return edits.map((e) => {
    const start = offset(e.range.line, e.range.column);
    return { start, end: Math.max(start, offset(e.range.endLine, e.range.endColumn)), text: e.text };
  });
}

/** True when two edits touch the same text (two inserts at one place count; an insert at a replacement's edge does not). */
export function editsOverlap(a: OffsetEdit, b: OffsetEdit): boolean {
  if (a.start === a.end && b.start === b.end) return a.start === b.start;
  if (a.start === a.end) return a.start > b.start && a.start < b.end;
  if (b.start === b.end) return b.start > a.start && b.start < a.end;
  return a.start < b.end && b.start < a.end;
}

/**
 * Applies edits whose ranges are in the original text. Inserts at the same position go in the
 * order given; a replacement overlapping another is a bug in the caller, and throws.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const offs = editOffsets(text, edits)
    .map((e, i) => ({ ...e, i }))
    .sort((a, b) => a.start - b.start || a.end - b.end || a.i - b.i);
  for (let i = 1; i < offs.length; i++) {
    if (offs[i].start < offs[i - 1].end) throw new Error('overlapping edits');
  }
  let out = '';
  let pos = 0;
  for (const e of offs) {
    out += text.slice(pos, e.start) + e.text;
    pos = e.end;
  }
  return out + text.slice(pos);
}
