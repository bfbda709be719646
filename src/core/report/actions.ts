/**
 * Action register health: every action item of the postmortems in the window, its state (open,
 * overdue, done, dropped) and verification, grouped by category, owner and incident; the median age
 * of open items; and the share of postmortems whose actions cover both detect and prevent.
 */
import { ACTION_CATEGORIES } from '../model/schemas';
import { dayStart, DAY, median, type IncidentRecord } from './records';
import type { ActionGroup, LearningReport, ReportActionItem } from './schema';

const CATEGORY_LABELS: Record<string, string> = { prevent: 'Prevent', detect: 'Detect', mitigate: 'Mitigate', learn: 'Learn', none: 'No category' };
const NO_OWNER = '(no owner)';

export function actionRegister(records: readonly IncidentRecord[], now: number): LearningReport['actions'] {
  const today = dayStart(now);
  const items: ReportActionItem[] = [];
  const recordOf: IncidentRecord[] = [];
  let postmortems = 0;
  let covered = 0;
  const missing: string[] = [];
  for (const r of records) {
    const pm = r.postmortem;
    if (!pm) continue;
    postmortems++;
    const cats = new Set(pm.actions.filter((a) => !a.dropped).map((a) => a.category));
    if (cats.has('detect') && cats.has('prevent')) covered++;
    else missing.push(pm.path);
    const born = r.resolved ?? r.started;
    for (const a of pm.actions) {
      const state: ReportActionItem['state'] = a.dropped ? 'dropped' : a.done ? 'done' : a.dueAt !== undefined && a.dueAt < today ? 'overdue' : 'open';
      const item: ReportActionItem = { path: pm.path, line: a.line + 1, incident: r.title, text: a.text, state, unverified: a.unverified };
      if (a.id) item.id = a.id;
      if (a.owner) item.owner = a.owner;
      if (a.due) item.due = a.due;
      if (a.category) item.category = a.category;
      if ((state === 'open' || state === 'overdue') && born !== undefined && now >= born) item.age_days = Math.floor((now - born) / DAY);
      items.push(item);
      recordOf.push(r);
    }
  }
  const count = (f: (i: ReportActionItem) => boolean) => items.filter(f).length;
  const isOpen = (i: ReportActionItem) => i.state === 'open' || i.state === 'overdue';
  const ages = items.filter((i) => isOpen(i) && i.age_days !== undefined).map((i) => i.age_days!);

  const byCategory = group(items, (i) => i.category ?? 'none', (k) => CATEGORY_LABELS[k] ?? k);
  const order = [...ACTION_CATEGORIES, 'none'] as string[];
  byCategory.sort((a, b) => order.indexOf(a.key) - order.indexOf(b.key));
  const byOwner = group(items, (i) => (i.owner ? i.owner.toLowerCase() : NO_OWNER), (k, first) => (k === NO_OWNER ? k : first.owner!));
  sortByUrgency(byOwner);
  const byIncident = group(items, (_, n) => recordOf[n].key, (_, first, n) => recordOf[n].title);
  sortByUrgency(byIncident);

  return {
    total: items.length,
    open: count(isOpen),
    overdue: count((i) => i.state === 'overdue'),
    unverified: count((i) => i.unverified),
    done: count((i) => i.state === 'done'),
    dropped: count((i) => i.state === 'dropped'),
    median_open_age_days: median(ages),
    detect_and_prevent: { postmortems, covered, share: postmortems ? covered / postmortems : null, missing },
    by_category: byCategory,
    by_owner: byOwner,
    by_incident: byIncident,
    items,
  };
}

function group(
  items: readonly ReportActionItem[],
  keyOf: (i: ReportActionItem, n: number) => string,
  labelOf: (key: string, first: ReportActionItem, firstIndex: number) => string,
): ActionGroup[] {
  const groups = new Map<string, ActionGroup>();
  items.forEach((i, n) => {
    const key = keyOf(i, n);
    let g = groups.get(key);
    if (!g) {
      g = { key, label: labelOf(key, i, n), total: 0, open: 0, overdue: 0, unverified: 0, done: 0, dropped: 0, items: [] };
      groups.set(key, g);
    }
    g.total++;
    if (i.state === 'open' || i.state === 'overdue') g.open++;
    if (i.state === 'overdue') g.overdue++;
    if (i.state === 'done') g.done++;
    if (i.state === 'dropped') g.dropped++;
    if (i.unverified) g.unverified++;
    g.items.push(n);
  });
  return [...groups.values()];
}

function sortByUrgency(groups: ActionGroup[]): void {
  groups.sort((a, b) => b.overdue - a.overdue || b.open - a.open || b.total - a.total || a.label.localeCompare(b.label));
}
