/**
 * One reading of an action item, shared by the rules, the Action items view, the status bar and
 * the report: is it done, when is it due, is it categorised, is its verification an observable
 * signal. Each answer says what was read and why.
 */
import type { ActionCategory } from '../model/schemas';
import { categoryOf } from './items';
import type { ActionItemNode } from './types';
import { readActionDue } from './action-due';

export interface ActionState {
  done: boolean;
  /** Why the item counts as done ("checked task", "Status: Done (shipped in v2.3)", "(done)"). */
  doneBy?: string;
  /** YYYY-MM-DD when the due field holds a calendar date with a year. */
  due?: string;
  /** What is wrong with the due date ("no due date", "\"Q2 2026\" is not a calendar date"). */
  dueProblem?: string;
  category?: ActionCategory;
  categoryProblem?: string;
  verified: boolean;
  verificationProblem?: string;
}

/** Field or cell text without emphasis, code marks, HTML comments and surrounding space. */
function clean(text: string | undefined): string {
  if (!text) return '';
  let t = text;
  if (t.indexOf('<!--') >= 0) t = t.replace(/<!--[\s\S]*?(?:-->|$)/g, ' ');
  return t.replace(/[*_`~]+/g, '').replace(/\s+/g, ' ').trim();
}

const PLACEHOLDER = /^(?:tbd|tba|tbc|todo|\?+|-+|[—–…]|n\/?a|none|unknown|\.\.\.|xxx|<[^<>]*>|\[[^[\]]*\]|_+)$/i;

function isPlaceholder(text: string | undefined): boolean {
  const t = clean(text);
  return t === '' || PLACEHOLDER.test(t);
}

const CLOSED = /^(?:\[x\]|[✅✔☑]|done|closed|complete|completed|fixed|resolved|finished|shipped|merged|wont-do|won['’]?t do|won['’]?t fix|wontfix|cancell?ed|dropped|obsolete|duplicate)(?![\w-])/i;

/** Whether the item is marked done: a checked task, a done status, a trailing "(done)" or a ✅. */
export function doneBy(a: ActionItemNode): string | undefined {
  if (a.checked) return 'checked task';
  const s = clean(a.fields.status?.text);
  if (s && CLOSED.test(s)) return `Status "${s}"`;
  // "n/a **DONE**" in another cell (the SRE-book example marks done items in the Bug column).
  for (const [k, f] of Object.entries(a.fields)) {
    if (k !== 'action' && f && /(?:^|[\s*_(])DONE(?:$|[\s*_).])/.test(f.text)) return `"DONE" in its ${k === 'id' ? 'ticket' : k} field`;
  }
  const t = clean(a.fields.action?.text);
  if (/\((?:done|completed?|fixed|closed)\)\s*$/i.test(t) || /^[✅✔☑]/.test(t)) return 'marked done in its text';
  if (a.struck || /^~~.*~~$/.test((a.fields.action?.text ?? '').trim())) return 'struck through';
  return undefined;
}

// ---- Verification ----

/** Words that only say the work ended, not how anyone would see that it worked. */
const ENDED = new Set([
  'done', 'complete', 'completed', 'finished', 'fixed', 'shipped', 'deployed', 'released', 'merged', 'closed',
  'resolved', 'implemented', 'tested', 'works', 'working', 'work', 'ok', 'okay', 'yes', 'documented', 'aware',
  'reviewed', 'approved', 'landed', 'live', 'rolled', 'out', 'updated', 'written', 'created', 'added', 'verified',
  'checked', 'confirmed', 'communicated', 'informed', 'notified', 'known', 'understood', 'agreed', 'discussed',
  'held', 'happened', 'scheduled', 'sent', 'shared', 'had', 'attended', 'presented', 'raised', 'started',
]);
/** Words that add nothing observable to an ended-word ("the runbook PR is merged"). */
const FILLER = new Set([
  'the', 'a', 'an', 'it', "it's", 'its', 'is', 'are', 'was', 'were', 'be', 'been', 'has', 'have', 'gets', 'get',
  'once', 'when', 'after', 'and', 'that', 'this', 'all', 'fully', 'properly', 'successfully', 'correctly', 'everything',
  'pr', 'prs', 'mr', 'pull', 'request', 'merge', 'change', 'changes', 'fix', 'code', 'patch', 'ticket', 'task', 'work',
  'commit', 'branch', 'jira', 'issue', 'runbook', 'docs', 'doc', 'documentation', 'teams', 'team', 'everyone', 'people',
  'engineers', 'on-call', 'oncall', 'stakeholders', 'of', 'to', 'in', 'by', 'we', 'our', 'they', 'now', 'make', 'sure',
  'verify', 'check', 'confirm', 'ensure', 'test', 'validate', 'manually', 'manual', 'qa', 'review', 'code-review',
  'meeting', 'session', 'sync', 'call', 'discussion', 'email', 'message', 'conversation', 'with', 'about',
]);
/** Outcomes that no one can observe on a date. */
const UNOBSERVABLE = /\b(?:no (?:more|further|repeat|recurrence|similar) (?:incidents?|outages?|issues?|problems?)|(?:doesn['’]t|does not|won['’]t|will not|never) happen again|no recurrence|not happen again)\b|^(?:there (?:are|is) )?(?:no (?:more|further|new|repeated?)|never again|zero)(?:\s+[\w-]+){0,3}$/i;

/** Why a verification value is not an observable signal, or undefined when it is one. */
export function verificationWeakness(text: string): string | undefined {
  const t = clean(text).toLowerCase().replace(/(?<![.!])[.!]+$/, '');
  if (t === '' || PLACEHOLDER.test(t)) return 'is empty';
  if (t.length > 300) return undefined;
  if (UNOBSERVABLE.test(t)) return 'names an outcome nobody can observe on a date';
  const words = t.replace(/^(?:done|verified|complete|completed) (?:when|once|after|if|by)\b/, '').split(/[\s,;:()"“”]+/).map((w) => w.replace(/^'+|(?<!')'+$/g, '')).filter(Boolean);
  if (words.length === 0) return 'says when the work ends, not how we will see it worked';
  let ended = false;
  for (const w of words) {
    if (ENDED.has(w)) ended = true;
    else if (!FILLER.has(w)) return undefined;
  }
  return ended ? 'says when the work ends, not how we will see it worked' : 'names no signal';
}

/** Reads an action item once for everyone. */
export function actionState(a: ActionItemNode): ActionState {
  const by = doneBy(a);
  const st: ActionState = { done: !!by, doneBy: by, verified: false };
  const due = a.fields.due;
  if (!due || isPlaceholder(due.text)) st.dueProblem = due && clean(due.text) ? `due "${clean(due.text)}" is a placeholder` : 'has no due date';
  else {
    const d = readActionDue(due.text);
    if (d.date) st.due = d.date;
    else {
      const why = d.problem === 'has no year' || d.problem === 'is not a real date' || d.problem?.startsWith('is ambiguous') ? d.problem : 'is not a calendar date';
      st.dueProblem = `due "${clean(due.text)}" ${why}`;
    }
  }
  const cat = clean(a.fields.category?.text);
  const c = cat ? categoryOf(cat) : undefined;
  if (c?.exact) st.category = c.category;
  else st.categoryProblem = cat && !isPlaceholder(cat) ? `category "${cat}" is not one of prevent, detect, mitigate, learn` : 'has no category';
  const v = a.fields.verification;
  const weak = v ? verificationWeakness(v.text) : 'is missing';
  if (weak) st.verificationProblem = v && clean(v.text) && !isPlaceholder(v.text) ? `verification "${clean(v.text)}" ${weak}` : 'has no verification';
  else st.verified = true;
  return st;
}
