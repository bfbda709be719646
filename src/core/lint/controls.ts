/**
 * Inline control comments, read once per document:
 *   <!-- sitrep-disable-next-line rule-a rule-b -->
 *   <!-- sitrep-disable-line rule -->            (at the end of the line it concerns)
 *   <!-- sitrep-disable rule --> … <!-- sitrep-enable rule -->
 *   <!-- sitrep-disable-file rule -->
 * No rule names means every rule. Names may be separated by spaces or commas. Comments inside
 * code blocks and front matter are ignored.
 */
import type { ParsedDocument } from '../parser/types';

type ControlKind = 'disable-next-line' | 'disable-line' | 'disable' | 'enable' | 'disable-file';

export interface Control {
  kind: ControlKind;
  line: number;
  /** Rule names; empty means all rules. */
  rules: string[];
}

const CONTROL = /<!--\s*sitrep-(disable-next-line|disable-line|disable-file|disable|enable)\b([^<>]*)-->/g;
const FENCE = /^\s{0,3}(`{3,}|~{3,})/;

export function readControls(doc: ParsedDocument): Control[] {
  const out: Control[] = [];
  if (doc.text.indexOf('<!--') < 0) return out; // '<' is rare in prose, so this scan is quick
  const { lines, prose } = doc;
  let fence: string | undefined;
  for (let l = doc.bodyStartLine; l < lines.length; l++) {
    const text = lines[l];
    if (prose[l]) {
      fence = undefined;
    } else {
      // Not prose: an HTML block, or inside a fenced or indented code block.
      const f = FENCE.exec(text);
      if (fence) {
        if (f && f[1][0] === fence[0] && f[1].length >= fence.length && text.trim() === f[1]) fence = undefined;
        continue;
      }
      if (f) {
        fence = f[1];
        continue;
      }
      if (/^(?: {4}|\t)/.test(text) && !/^\s*<!--/.test(text)) continue;
    }
    if (text.indexOf('sitrep-') < 0) continue;
    CONTROL.lastIndex = 0;
    let m: RegExpExecArray | null;
    while ((m = CONTROL.exec(text))) {
      const rules = m[2].split(/[\s,]+/).filter(Boolean);
      out.push({ kind: m[1] as ControlKind, line: l, rules });
    }
  }
  return out;
}

/** Answers "is rule R disabled on line L" from the controls of one document. */
export class ControlMap {
  private readonly file = new Set<string>();
  private fileAll = false;
  private readonly ranged: Control[] = [];
  private readonly byLine = new Map<number, Control[]>();

  constructor(controls: readonly Control[]) {
    for (const c of controls) {
      if (c.kind === 'disable-file') {
        if (c.rules.length === 0) this.fileAll = true;
        c.rules.forEach((r) => this.file.add(r));
      } else if (c.kind === 'disable' || c.kind === 'enable') {
        this.ranged.push(c);
      } else {
        const target = c.kind === 'disable-next-line' ? c.line + 1 : c.line;
        const list = this.byLine.get(target) ?? [];
        list.push(c);
        this.byLine.set(target, list);
      }
    }
  }

  get empty(): boolean {
    return !this.fileAll && this.file.size === 0 && this.ranged.length === 0 && this.byLine.size === 0;
  }

  isDisabled(rule: string, line: number): boolean {
    if (this.fileAll || this.file.has(rule)) return true;
    const here = this.byLine.get(line);
    if (here && here.some((c) => c.rules.length === 0 || c.rules.includes(rule))) return true;
    let off = false;
    for (const c of this.ranged) {
      if (c.line >= line) break;
      if (c.rules.length === 0 || c.rules.includes(rule)) off = c.kind === 'disable';
    }
    return off;
  }
}
