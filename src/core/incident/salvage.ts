/**
 * What can still be read from front matter whose YAML does not parse (a broken quote, a bad
 * indent): each `key: value` line on its own, in the simple YAML Sitrep writes, skipping the lines
 * that do not read. An active incident with a typo keeps its countdown and its roles this way, and
 * its problems do not cascade into findings about keys that are plainly there.
 */
import type { ParsedDocument } from '../parser';
import { BAIL, scalar } from './fastscan';

const KEY = /^([A-Z_][\w-]*):(?:[ \t]+([^ \t].*)?)?$/i;

/** `key: value` on one line: the key, and the value without the spaces and tabs after it (read by a loop, not by backtracking). */
function keyLine(line: string): [line: string, key: string, value: string | undefined] | undefined {
  const m = KEY.exec(line);
  if (!m) return undefined;
  let v = m[2];
  if (v !== undefined) {
    let e = v.length;
    while (e > 0 && (v[e - 1] === ' ' || v[e - 1] === '\t')) e--;
    v = v.slice(0, e);
  }
  return [m[0], m[1], v];
}
const memo = new WeakMap<ParsedDocument, Record<string, unknown>>();

function value(text: string): unknown {
  const v = scalar(text);
  return v === BAIL ? BAIL : v;
}

/** Line-by-line reading of a front-matter block; lines that do not read are left out. */
function salvageFrontMatter(lines: readonly string[], from: number, to: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  let parent: string | undefined;
  for (let i = from; i < to; i++) {
    const line = lines[i];
    if (line.trim() === '' || /^\s*#/.test(line)) continue;
    const indent = line.length - line.trimStart().length;
    const t = line.trim();
    if (indent === 0) {
      parent = undefined;
      const m = keyLine(line);
      if (!m || Object.prototype.hasOwnProperty.call(out, m[1])) continue;
      if (m[2] === undefined || m[2] === '') {
        parent = m[1];
        continue;
      }
      const v = value(m[2]);
      if (v !== BAIL) out[m[1]] = v;
      continue;
    }
    if (!parent) continue;
    if (t.startsWith('- ')) {
      const v = value(t.slice(2).trim());
      const list = Array.isArray(out[parent]) ? (out[parent] as unknown[]) : out[parent] === undefined ? (out[parent] = []) : undefined;
      if (list && v !== BAIL) (list as unknown[]).push(v);
      continue;
    }
    const m = keyLine(t);
    if (!m || m[2] === undefined || m[2] === '') continue;
    const v = value(m[2]);
    if (v === BAIL) continue;
    const map = out[parent] === undefined ? (out[parent] = {}) : out[parent];
    if (map && typeof map === 'object' && !Array.isArray(map) && !Object.prototype.hasOwnProperty.call(map, m[1])) (map as Record<string, unknown>)[m[1]] = v;
  }
  return out;
}

/** The front matter as data: the parsed YAML, or what can be read line by line when it does not parse. */
export function readableFrontMatter(doc: ParsedDocument): Record<string, unknown> {
  const fm = doc.frontMatter;
  if (!fm) return {};
  if (fm.data) return fm.data;
  let hit = memo.get(doc);
  if (!hit) {
    hit = salvageFrontMatter(doc.lines, fm.startLine + 1, fm.endLine);
    memo.set(doc, hit);
  }
  return hit;
}
