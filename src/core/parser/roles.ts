/**
 * Incident roles written in the body, as teams write them when the front matter does not hold
 * them: a line of labels (`IC: @mbeki, Comms: @ada, Ops: @kwame, Scribe: @li`), one label per
 * line or bullet (`- **Incident commander:** @mbeki`), or a table with a Role column and a
 * Person (Name, Who, Owner) column. Timelines, status updates and checkpoints are not read: a
 * role named there is a change of hands, not the assignment.
 */
import { sectionKeyByLine, splitTableRow } from './markdown';
import type { Field, ParsedDocument } from './types';

export type RoleName = 'commander' | 'operations' | 'communications' | 'scribe';

const ROLE_OF: Array<[RoleName, RegExp]> = [
  ['commander', /^(?:ic|incident commander|commander|incident lead|incident manager)$/],
  ['operations', /^(?:ops|ops lead|operations|operations lead|tech lead|technical lead)$/],
  ['communications', /^(?:comms|comms lead|communications|communications lead|comms manager|communications manager)$/],
  ['scribe', /^(?:scribe|note ?taker|recorder)$/],
];

function roleOf(label: string): RoleName | undefined {
  const t = label.toLowerCase().replace(/[*_`]/g, '').replace(/\s+/g, ' ').trim();
  return ROLE_OF.find(([, re]) => re.test(t))?.[0];
}

/** `Label: value` pairs on a line, separated by , ; | · or a spaced dash: [label, value, value column]. */
function pairs(text: string): Array<[string, string, number]> {
  const out: Array<[string, string, number]> = [];
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const c = text[i];
    const dash = (c === '-' || c === '–' || c === '—') && text[i - 1] === ' ' && text[i + 1] === ' ';
    if (i < text.length && c !== ',' && c !== ';' && c !== '|' && c !== '·' && !dash) continue;
    const seg = text.slice(start, i);
    const colon = seg.search(/[:=]/);
    if (colon > 0) {
      const label = seg.slice(0, colon).replace(/^\s*(?:[-*+]\s+)?/, '').replace(/[*_`]/g, '').trim();
      const raw = seg.slice(colon + 1);
      const value = trimMarks(raw);
      if (label && value) out.push([label, value, start + colon + 1 + raw.indexOf(value)]);
    }
    start = i + 1;
  }
  return out;
}

/** A value without the spaces and emphasis marks around it (a loop: a trailing-run pattern would be quadratic). */
function trimMarks(t: string): string {
  let a = 0;
  let b = t.length;
  while (a < b && ' \t*_'.includes(t[a])) a++;
  while (b > a && ' \t*_'.includes(t[b - 1])) b--;
  return t.slice(a, b);
}

const SKIP = new Set(['timeline', 'status-updates', 'checkpoints']);

/** The roles named in the body, first mention of each. */
export function readBodyRoles(doc: ParsedDocument): Partial<Record<RoleName, Field>> {
  const out: Partial<Record<RoleName, Field>> = {};
  const owner = sectionKeyByLine(doc.sections, doc.lines.length);
  const skip = (l: number) => l < doc.bodyStartLine || !doc.prose[l] || doc.quoted?.[l] || SKIP.has(owner[l]?.key ?? '');
  for (let l = doc.bodyStartLine; l < doc.lines.length; l++) {
    if (skip(l)) continue;
    const text = doc.lines[l];
    if (text.length > 2000 || (text.indexOf(':') < 0 && text.indexOf('=') < 0 && text.indexOf('|') < 0)) continue;
    if (/^\s*\|/.test(text) && readRoleTable(doc, l, out)) continue;
    for (const [label, value, column] of pairs(text)) {
      const role = roleOf(label);
      if (!role || out[role]) continue;
      out[role] = { text: value, range: { line: l, column, endLine: l, endColumn: column + value.length } };
    }
  }
  return out;
}

/** A table whose header has a Role column and a person column; fills `out` from its rows. */
function readRoleTable(doc: ParsedDocument, header: number, out: Partial<Record<RoleName, Field>>): boolean {
  const head = splitTableRow(doc.lines[header], header).map((c) => c.text.toLowerCase().replace(/[*_`]/g, '').trim());
  const roleCol = head.findIndex((h) => h === 'role');
  const personCol = head.findIndex((h) => /^(?:person|name|who|owner|assignee|responder|handle|people)$/.test(h));
  if (roleCol < 0 || personCol < 0) return false;
  for (let l = header + 2; l < doc.lines.length && /^\s*\|/.test(doc.lines[l]); l++) {
    const cells = splitTableRow(doc.lines[l], l);
    const role = cells[roleCol] && roleOf(cells[roleCol].text);
    const who = cells[personCol];
    if (role && who && !out[role]) out[role] = who;
  }
  return true;
}
