/**
 * What Sitrep read in a document, and where each value came from: the kind and why, the sections
 * and their roles, timeline entries with resolved UTC instants, action items with their fields,
 * factors with layers, status updates with next times. Used by `sitrep explain` and the hovers.
 */
import { describeFindingExplanation, explainPhraseFinding, type FindingExplanation } from './lint/explain-finding';
import type { Finding } from './lint/types';
import { actionState } from './parser/action-state';
import { readFactorLayer } from './parser/factors';
import type { ActionField, ActionItemNode, FactorNode, ParsedDocument, StatusUpdateNode, TimelineEntryNode } from './parser/types';
import { formatTimestamp } from './time';

interface ExplainedValue {
  value: string;
  /** Where it was read: "the Due column", "inline label \"due\"", "the line below the item". */
  from: string;
}

interface ExplainedEntry {
  line: number;
  written?: string;
  utc?: string;
  problem?: string;
  date?: ExplainedValue;
  zone?: ExplainedValue;
  kind?: string;
  text: string;
}

interface ExplainedAction {
  line: number;
  text: string;
  owner?: ExplainedValue;
  due?: ExplainedValue & { date?: string; problem?: string };
  category?: ExplainedValue & { problem?: string };
  verification?: ExplainedValue & { problem?: string };
  done: boolean;
  doneBy?: string;
}

interface ExplainedFactor {
  line: number;
  layer: string;
  /** "label \"Detection gap\"" or "words: \"alert\"". */
  from: string;
  text: string;
}

interface ExplainedUpdate {
  line: number;
  title: string;
  utc?: string;
  next?: { written: string; utc?: string; stated: boolean };
  final: boolean;
}

interface Explanation {
  kind: string;
  kindFrom: string;
  sections: Array<{ line: number; level: number; title: string; role?: string }>;
  timeline: ExplainedEntry[];
  actions: ExplainedAction[];
  factors: ExplainedFactor[];
  statusUpdates: ExplainedUpdate[];
}

const KIND_FROM: Record<ParsedDocument['kindFrom'], string> = {
  'front-matter': 'its front-matter type',
  content: 'its sections',
  path: 'its path and name',
  none: 'nothing: it is not read as an incident or postmortem',
};

function explainEntry(e: TimelineEntryNode): ExplainedEntry {
  const out: ExplainedEntry = { line: e.line + 1, text: e.text };
  if (e.time) out.written = e.time.text;
  if (e.at !== undefined) out.utc = formatTimestamp(e.at);
  if (e.timeProblem) out.problem = e.timeProblem;
  else if (e.at === undefined) out.problem = e.time ? 'is not a full timestamp' : 'has no time';
  if (e.read?.date) out.date = { value: e.read.date, from: e.read.dateFrom ?? 'the entry' };
  if (e.read?.zone) out.zone = { value: e.read.zone, from: e.read.zoneFrom ?? 'the entry' };
  if (e.kind) out.kind = e.kind;
  return out;
}

function fieldFrom(a: ActionItemNode, f: ActionField): string {
  const src = a.sources?.[f];
  const label = a.labels?.[f]?.text;
  if (src === 'column') return label ? `the "${label}" column` : 'its column';
  if (src === 'continuation') return `${label ? `label "${label}" ` : ''}on line ${(a.fields[f]?.range.line ?? a.line) + 1}, under the item`;
  if (src === 'inline') return label ? `inline label "${label}"` : 'the item text';
  return 'the item';
}

function explainAction(a: ActionItemNode): ExplainedAction {
  const st = actionState(a);
  const out: ExplainedAction = { line: a.line + 1, text: a.fields.action?.text ?? '', done: st.done };
  if (st.doneBy) out.doneBy = st.doneBy;
  const val = (f: ActionField) => (a.fields[f] ? { value: a.fields[f]!.text, from: fieldFrom(a, f) } : undefined);
  out.owner = val('owner');
  const due = val('due');
  if (due || st.dueProblem) out.due = { ...(due ?? { value: '', from: 'nowhere' }), date: st.due, problem: st.done ? undefined : st.dueProblem };
  const cat = val('category');
  out.category = { ...(cat ?? { value: '', from: 'nowhere' }), problem: st.categoryProblem };
  const ver = val('verification');
  out.verification = { ...(ver ?? { value: '', from: 'nowhere' }), problem: st.verificationProblem };
  return out;
}

function explainFactor(f: FactorNode): ExplainedFactor {
  const r = readFactorLayer(f);
  return { line: f.line + 1, layer: r.layer, from: r.reason, text: f.text };
}

function explainUpdate(u: StatusUpdateNode): ExplainedUpdate {
  const out: ExplainedUpdate = { line: u.line + 1, title: u.title, final: !!u.final };
  if (u.at !== undefined) out.utc = formatTimestamp(u.at);
  if (u.next) out.next = { written: u.next.value.text, utc: u.next.at !== undefined ? formatTimestamp(u.next.at) : undefined, stated: u.next.stated };
  return out;
}

/** Why each language finding (blame, human error, vague action, root cause, factors) was reported. */
export function explainFindings(doc: ParsedDocument, findings: readonly Finding[]): Array<FindingExplanation & { line: number }> {
  const out: Array<FindingExplanation & { line: number }> = [];
  for (const f of findings) {
    const e = explainPhraseFinding(doc, f);
    if (e) out.push({ line: f.range.line + 1, ...e });
  }
  return out;
}

export function explainDocument(doc: ParsedDocument): Explanation {
  return {
    kind: doc.kind,
    kindFrom: KIND_FROM[doc.kindFrom],
    sections: doc.sections.map((s) => ({ line: s.line + 1, level: s.level, title: s.title, role: s.key })),
    timeline: doc.timeline.map(explainEntry),
    actions: doc.actionItems.map(explainAction),
    factors: doc.factors.map(explainFactor),
    statusUpdates: doc.statusUpdates.map(explainUpdate),
  };
}

function v(x: ExplainedValue | undefined): string {
  return x && x.value ? `"${x.value}" (${x.from})` : 'missing';
}

/** Markdown lines describing one timeline entry (hover and text output). */
function describeEntry(e: ExplainedEntry): string[] {
  const out = [e.utc ? `**${e.utc}** (UTC)` : `**No full timestamp:** the time ${e.problem ?? 'is incomplete'}`];
  if (e.written) out.push(`written: \`${e.written}\``);
  if (e.date) out.push(`date ${e.date.value} from ${e.date.from}`);
  if (e.zone) out.push(`zone ${e.zone.value} from ${e.zone.from}`);
  if (e.kind) out.push(`kind: ${e.kind}`);
  return out;
}

function describeAction(a: ExplainedAction): string[] {
  const out = [a.done ? `**Done** (${a.doneBy})` : '**Open action item**'];
  out.push(`owner: ${v(a.owner)}`);
  out.push(`due: ${a.due?.date ? `${a.due.date} from ${v(a.due)}` : a.done ? `${v(a.due)} (not needed: done)` : `${v(a.due)}${a.due?.problem ? ` — ${a.due.problem}` : ''}`}`);
  out.push(`category: ${v(a.category)}${a.category?.problem ? ` — ${a.category.problem}` : ''}`);
  out.push(`verification: ${v(a.verification)}${a.verification?.problem ? ` — ${a.verification.problem}` : ''}`);
  return out;
}

function describeUpdate(u: ExplainedUpdate): string[] {
  const out = [`**Status update**${u.utc ? ` at ${u.utc}` : ''}`];
  if (u.final) out.push('final update: no next time needed');
  else if (u.next) out.push(u.next.stated ? `next update: \`${u.next.written}\`${u.next.utc ? ` = ${u.next.utc}` : ''}` : `next update: "${u.next.written}" — not a time with a zone`);
  else out.push('next update: not stated');
  return out;
}

/** The whole explanation as plain text, one block per part. */
export function formatExplanation(e: Explanation, file: string): string {
  const lines: string[] = [`${file}: ${e.kind} (from ${e.kindFrom})`, '', 'Sections:'];
  // A bold-label section ("**Impact:** …") is shown as its label.
  for (const s of e.sections) lines.push(`  ${s.line}: ${s.level > 6 ? `**${s.title}:** (bold label)` : `${'#'.repeat(s.level)} ${s.title}`}${s.role ? `  → ${s.role}` : ''}`);
  if (e.timeline.length) {
    lines.push('', 'Timeline:');
    for (const t of e.timeline) lines.push(`  ${t.line}: ${t.utc ?? `(${t.problem})`}  ${t.text}`, ...describeEntry(t).slice(1).map((x) => `      ${x.replace(/[*`]/g, '')}`));
  }
  if (e.actions.length) {
    lines.push('', 'Action items:');
    for (const a of e.actions) lines.push(`  ${a.line}: ${a.text}`, ...describeAction(a).map((x) => `      ${x.replace(/[*`]/g, '')}`));
  }
  if (e.factors.length) {
    lines.push('', 'Contributing factors:');
    for (const f of e.factors) lines.push(`  ${f.line}: [${f.layer}] from ${f.from}: ${f.text.slice(0, 100)}`);
  }
  if (e.statusUpdates.length) {
    lines.push('', 'Status updates:');
    for (const u of e.statusUpdates) lines.push(`  ${u.line}: ${u.title.slice(0, 80)}`, ...describeUpdate(u).slice(1).map((x) => `      ${x.replace(/[*`]/g, '')}`));
  }
  return lines.join('\n') + '\n';
}

/**
 * What to show when hovering a line: the timeline entry, action item, status update or factor
 * that starts there, as markdown lines. Undefined when nothing Sitrep read starts on the line.
 */
export function hoverAt(doc: ParsedDocument, line: number, findings: readonly Finding[] = []): string[] | undefined {
  const judged: string[] = [];
  for (const f of findings) {
    if (f.range.line !== line) continue;
    const e = explainPhraseFinding(doc, f);
    if (e) judged.push(...describeFindingExplanation(e), '');
  }
  const read = readAt(doc, line);
  if (!judged.length) return read;
  return read ? [...judged, ...read] : judged.slice(0, -1);
}

function readAt(doc: ParsedDocument, line: number): string[] | undefined {
  const entry = doc.timeline.find((e) => e.line === line);
  if (entry) return ['**Sitrep read this timeline entry**', ...describeEntry(explainEntry(entry))];
  const action = doc.actionItems.find((a) => a.line === line);
  if (action) return ['**Sitrep read this action item**', ...describeAction(explainAction(action))];
  const update = doc.statusUpdates.find((u) => u.line === line);
  if (update) return ['**Sitrep read this status update**', ...describeUpdate(explainUpdate(update))];
  const factor = doc.factors.find((f) => f.line === line);
  if (factor) {
    const f = explainFactor(factor);
    return ['**Sitrep read this contributing factor**', `layer: ${f.layer} (from ${f.from})`];
  }
  return undefined;
}
