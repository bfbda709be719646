/**
 * Tree content for the Incidents and Action items views, computed from the index alone: no I/O,
 * no vscode. The extension maps these nodes to TreeItems one to one.
 */
import type { Severity } from '../model/schemas';
import type { Range } from '../text';
import { formatDuration, formatTimestamp, parseTimestamp } from '../time';
import { countdown, type CountdownState } from './cadence';
import { describeRoles } from './render';
import { openActions, startOfDay, type IncidentIndex, type IndexedIncident } from './store';
import { timeWithUtc, UTC_ZONE, zonedTime, type DisplayZone } from './timeinput';

type NodeKind =
  | 'incident'
  | 'resolved-group'
  | 'roles'
  | 'role'
  | 'latest-update'
  | 'timeline'
  | 'checkpoints'
  | 'checkpoint'
  | 'strategy'
  | 'problems'
  | 'problem'
  | 'action-group'
  | 'action';

export interface TreeNode {
  kind: NodeKind;
  /** Stable id (survives refreshes, keeps expansion state). */
  id: string;
  label: string;
  description?: string;
  tooltip?: string;
  /** Codicon id. */
  icon?: string;
  /** Theme colour id for the icon. */
  color?: string;
  contextValue: string;
  collapsible: 'none' | 'collapsed' | 'expanded';
  /** The document the node belongs to (index key). */
  docKey?: string;
  /** Where clicking reveals. */
  range?: Range;
  /** For countdown-bearing nodes. */
  state?: CountdownState;
}

const SEVERITY_STYLE: Record<Severity, { icon: string; color: string }> = {
  SEV1: { icon: 'flame', color: 'charts.red' },
  SEV2: { icon: 'warning', color: 'charts.orange' },
  SEV3: { icon: 'info', color: 'charts.yellow' },
  SEV4: { icon: 'circle-outline', color: 'charts.blue' },
};

const SEV_ORDER: Record<string, number> = { SEV1: 1, SEV2: 2, SEV3: 3, SEV4: 4 };

/** "update in 12 min", "update in 45 s", "overdue 3 min": minute resolution for the tree. */
function dueText(nextDue: number | undefined, now: number): { text: string; state: CountdownState } {
  const c = countdown(nextDue, now);
  if (c.state === 'none') return { text: 'no update due', state: 'none' };
  const ms = Math.abs((nextDue as number) - now);
  const amount = ms < 60_000 ? `${Math.max(1, Math.round(ms / 1000))} s` : formatDuration(ms);
  return { text: c.state === 'overdue' ? `update overdue ${amount}` : `update in ${amount}`, state: c.state };
}

function sinceText(started: number | undefined, now: number): string | undefined {
  if (started === undefined) return undefined;
  return started > now ? 'starts in the future' : `${formatDuration(now - started)} since start`;
}

interface TreeOptions {
  warningMinutes?: number;
  /** The zone times are shown in (UTC by default). */
  zone?: DisplayZone;
}

/** One incident as a root node. */
export function incidentNode(i: IndexedIncident, now: number, opts: TreeOptions = {}): TreeNode {
  const errors = i.problems.filter((p) => p.severity === 'error');
  const resolved = i.status === 'resolved';
  const due = dueText(i.nextUpdateDue, now);
  const warnAt = (opts.warningMinutes ?? 5) * 60_000;
  const state: CountdownState = resolved ? 'none' : due.state === 'ok' && i.nextUpdateDue !== undefined && i.nextUpdateDue - now <= warnAt ? 'warning' : due.state;
  const sev = i.severity ? SEVERITY_STYLE[i.severity] : undefined;
  let icon = sev?.icon ?? 'question';
  let color = sev?.color;
  if (i.restricted) icon = 'lock';
  if (!i.valid && errors.length) {
    icon = 'error';
    color = 'errorForeground';
  } else if (resolved) {
    icon = i.restricted ? 'lock' : 'pass';
    color = 'charts.green';
  }
  const parts = [
    i.severity ?? 'SEV?',
    i.status && i.status !== 'investigating' ? i.status : undefined,
    resolved ? undefined : sinceText(i.started, now),
    resolved ? undefined : due.text,
    !i.valid && errors.length ? `broken: ${errors.length} problem${errors.length === 1 ? '' : 's'}` : undefined,
  ].filter(Boolean);
  const flags = [resolved ? 'resolved' : 'active', i.valid ? undefined : 'malformed', i.restricted ? 'restricted' : undefined, state === 'overdue' ? 'overdue' : undefined].filter(Boolean);
  return {
    kind: 'incident',
    id: `incident:${i.key}`,
    label: i.title,
    description: parts.join(' · '),
    tooltip: [
      `${i.severity ?? 'SEV?'} ${i.title}${i.restricted ? ' (restricted)' : ''}`,
      i.id ? `id: ${i.id}` : `file: ${i.path}`,
      `status: ${i.status ?? 'unknown'}`,
      i.started !== undefined ? `started: ${formatTimestamp(i.started)}` : undefined,
      !resolved && i.nextUpdateDue !== undefined ? `next update due: ${formatTimestamp(i.nextUpdateDue)} (${zonedTime(i.nextUpdateDue, now, opts.zone ?? UTC_ZONE)}, ${due.text})` : undefined,
      !i.valid ? `front matter broken: fix the problems below${!resolved && i.nextUpdateDue !== undefined ? '; the countdown goes on with what can still be read' : ''}` : undefined,
      `roles: ${describeRoles(i.roles)}`,
      ...errors.slice(0, 3).map((p) => `problem: line ${p.range.line + 1}: ${p.message}`),
    ]
      .filter(Boolean)
      .join('\n'),
    icon,
    color,
    contextValue: ['incident', ...flags].join('.'),
    collapsible: 'collapsed',
    docKey: i.key,
    state,
  };
}

function severityThenDue(a: IndexedIncident, b: IndexedIncident): number {
  return (
    (SEV_ORDER[a.severity ?? ''] ?? 9) - (SEV_ORDER[b.severity ?? ''] ?? 9) ||
    (a.nextUpdateDue ?? Infinity) - (b.nextUpdateDue ?? Infinity) ||
    a.title.localeCompare(b.title)
  );
}

/** Root nodes: active incidents (severity first, then the update due soonest), then a "Resolved" group. */
export function incidentRoots(index: IncidentIndex, now: number, opts: TreeOptions = {}): TreeNode[] {
  const all = index.incidents();
  const active = all.filter((i) => i.status !== 'resolved').sort(severityThenDue);
  const out = active.map((i) => incidentNode(i, now, opts));
  const resolved = all.length - active.length;
  if (resolved > 0) {
    out.push({
      kind: 'resolved-group',
      id: 'resolved-group',
      label: 'Resolved',
      description: String(resolved),
      icon: 'archive',
      contextValue: 'resolvedGroup',
      collapsible: 'collapsed',
    });
  }
  return out;
}

/** " · next 15:45 CET" for a next-update time that reads as one, else the text as written. */
function nextText(value: string | undefined, now: number, zone: DisplayZone): string {
  if (!value) return '';
  const at = parseTimestamp(value.replace(/[*_`]/g, '').trim());
  return ` · next ${at !== undefined ? zonedTime(at, now, zone) : value}`;
}

/** An incident's rows under its own: problems, roles, latest update, timeline, checkpoints, strategy. */
function incidentParts(i: IndexedIncident, base: string, now: number, zone: DisplayZone): TreeNode[] {
  const out: TreeNode[] = [];
  if (i.problems.length) {
    out.push({
      kind: 'problems',
      id: base + 'problems',
      label: 'Problems',
      description: String(i.problems.length),
      icon: 'error',
      color: 'errorForeground',
      contextValue: 'problems',
      collapsible: i.valid ? 'collapsed' : 'expanded',
      docKey: i.key,
    });
  }
  const r = i.roles;
  out.push({
    kind: 'roles',
    id: base + 'roles',
    label: 'Roles',
    description: r?.solo || (r?.commander && [r.operations, r.communications, r.scribe].every((x) => x === r.commander)) ? `solo: ${r?.commander}` : r?.commander ? `commander ${r.commander}` : 'unassigned',
    tooltip: describeRoles(r),
    icon: 'person',
    contextValue: 'roles',
    collapsible: 'collapsed',
    docKey: i.key,
  });
  const u = i.latestStatusUpdate;
  out.push({
    kind: 'latest-update',
    id: base + 'latest-update',
    label: 'Latest status update',
    description: u ? `${u.title}${nextText(u.fields.next_update, now, zone)}` : 'none yet',
    tooltip: u ? ['known', 'unknown', 'impact', 'mitigation', 'next_update'].map((k) => `${k.replace('_', ' ')}: ${u.fields[k] ?? '—'}`).join('\n') : 'No status update posted yet.',
    icon: 'megaphone',
    contextValue: u ? 'latestUpdate' : 'latestUpdate.none',
    collapsible: 'none',
    docKey: i.key,
    range: u?.range,
  });
  out.push({
    kind: 'timeline',
    id: base + 'timeline',
    label: 'Timeline',
    description: `${i.timelineCount} entr${i.timelineCount === 1 ? 'y' : 'ies'}`,
    icon: 'list-ordered',
    contextValue: 'timeline',
    collapsible: 'none',
    docKey: i.key,
    range: i.lastTimelineLine !== undefined ? { line: i.lastTimelineLine, column: 0, endLine: i.lastTimelineLine, endColumn: 0 } : undefined,
  });
  out.push({
    kind: 'checkpoints',
    id: base + 'checkpoints',
    label: 'Checkpoints',
    description: String(i.checkpoints.length),
    icon: 'milestone',
    contextValue: 'checkpoints',
    collapsible: i.checkpoints.length ? 'collapsed' : 'none',
    docKey: i.key,
  });
  if (i.strategyCheckpoint !== undefined && i.status === 'investigating') {
    const passed = i.strategyCheckpoint <= now;
    out.push({
      kind: 'strategy',
      id: base + 'strategy',
      label: 'Strategy checkpoint',
      description: `${zonedTime(i.strategyCheckpoint, now, zone)}${passed ? ' · passed, not mitigated' : ''}`,
      tooltip: `Strategy checkpoint at ${timeWithUtc(i.strategyCheckpoint, now, zone)}`,
      icon: passed ? 'debug-breakpoint-unsupported' : 'watch',
      color: passed ? 'charts.orange' : undefined,
      contextValue: 'strategy',
      collapsible: 'none',
      docKey: i.key,
    });
  }
  return out;
}

/** Children of a node in the Incidents view. */
export function incidentChildren(index: IncidentIndex, node: TreeNode | undefined, now: number, opts: TreeOptions = {}): TreeNode[] {
  if (!node) return incidentRoots(index, now, opts);
  if (node.kind === 'resolved-group') {
    return index
      .incidents()
      .filter((i) => i.status === 'resolved')
      .sort((a, b) => (b.resolved ?? 0) - (a.resolved ?? 0))
      .map((i) => incidentNode(i, now, opts));
  }
  const doc = node.docKey ? index.get(node.docKey) : undefined;
  if (!doc || doc.kind !== 'incident') return [];
  const i = doc;
  const base = `${node.id}/`;
  if (node.kind === 'incident') return incidentParts(i, base, now, opts.zone ?? UTC_ZONE);
  if (node.kind === 'roles') {
    const r = i.roles ?? {};
    return (['commander', 'operations', 'communications', 'scribe'] as const).map((k) => ({
      kind: 'role' as const,
      id: base + k,
      label: k[0].toUpperCase() + k.slice(1),
      description: r[k] ?? 'unassigned',
      icon: r[k] ? 'account' : 'circle-slash',
      contextValue: `role.${k}`,
      collapsible: 'none' as const,
      docKey: i.key,
    }));
  }
  if (node.kind === 'checkpoints') {
    return i.checkpoints
      .map((c, n) => ({
        kind: 'checkpoint' as const,
        id: `${base}${n}`,
        label: c.title,
        icon: 'milestone',
        contextValue: 'checkpoint',
        collapsible: 'none' as const,
        docKey: i.key,
        range: c.range,
      }))
      .reverse();
  }
  if (node.kind === 'problems') {
    return i.problems.map((p, n) => ({
      kind: 'problem' as const,
      id: `${base}${n}`,
      label: p.message,
      description: `line ${p.range.line + 1}`,
      icon: p.severity === 'error' ? 'error' : 'warning',
      color: p.severity === 'error' ? 'errorForeground' : 'editorWarning.foreground',
      contextValue: 'problem',
      collapsible: 'none' as const,
      docKey: i.key,
      range: p.range,
    }));
  }
  return [];
}

/** The Action items view: open actions grouped by incident (postmortem), overdue and unverified marked. */
export function actionChildren(index: IncidentIndex, node: TreeNode | undefined, now: number): TreeNode[] {
  const today = startOfDay(now);
  if (!node) {
    const byId = new Map<string, IndexedIncident>();
    for (const i of index.incidents()) if (i.id) byId.set(i.id.toLowerCase(), i);
    const out: Array<TreeNode & { sortKey: number }> = [];
    for (const p of index.postmortems()) {
      let open = 0, overdue = 0, unverified = 0;
      for (const a of p.actions) {
        if (a.closed) continue;
        open++;
        if (a.dueAt !== undefined && a.dueAt < today) overdue++;
        if (a.unverified) unverified++;
      }
      if (!open) continue;
      const inc = p.incidentId ? byId.get(p.incidentId.toLowerCase()) : undefined;
      out.push({
        kind: 'action-group',
        id: `actions:${p.key}`,
        label: inc?.title ?? p.title,
        description: [`${open} open`, overdue ? `${overdue} overdue` : '', unverified ? `${unverified} unverified` : ''].filter(Boolean).join(' · '),
        tooltip: `${p.title}\n${p.path}`,
        icon: overdue ? 'warning' : 'checklist',
        color: overdue ? 'charts.orange' : undefined,
        contextValue: 'actionGroup',
        collapsible: 'expanded',
        docKey: p.key,
        sortKey: overdue ? 0 : 1,
      });
    }
    return out.sort((a, b) => a.sortKey - b.sortKey || a.label.localeCompare(b.label)).map(({ sortKey: _s, ...n }) => n);
  }
  if (node.kind !== 'action-group') return [];
  const g = openActions(index, now, node.docKey)[0];
  if (!g) return [];
  return g.actions.map((a) => {
    const marks = [a.overdue ? 'overdue' : '', a.unverified ? 'unverified' : ''].filter(Boolean);
    return {
      kind: 'action' as const,
      id: `action:${a.docKey}:${a.id ?? a.line}`,
      label: `${a.id ? a.id + ': ' : ''}${a.action || '(no action text)'}`,
      description: [a.owner, a.due ? `due ${a.due}` : 'no due date', a.category, a.status, ...marks].filter(Boolean).join(' · '),
      tooltip: [
        a.action,
        `owner: ${a.owner ?? '—'}`,
        `due: ${a.due ?? '—'}${a.overdue ? ' (overdue)' : ''}`,
        `category: ${a.category ?? '—'}`,
        `verification: ${a.verification ?? '— (unverified: add an observable completion signal)'}`,
        `status: ${a.status ?? 'open'}`,
      ].join('\n'),
      icon: a.overdue ? 'warning' : a.unverified ? 'question' : a.status === 'in-progress' ? 'sync' : 'circle-large-outline',
      color: a.overdue ? 'charts.orange' : a.unverified ? 'charts.yellow' : undefined,
      contextValue: ['action', a.overdue ? 'overdue' : '', a.unverified ? 'unverified' : ''].filter(Boolean).join('.'),
      collapsible: 'none' as const,
      docKey: a.docKey,
      range: a.range,
    };
  });
}
