/** Reading items out of single lines: timeline entries, labelled bullets, action fields, factor layers. */
import { ACTION_CATEGORIES, FACTOR_LAYERS, TIMELINE_KINDS, type ActionCategory, type FactorLayer, type TimelineKind } from '../model/schemas';
import type { ActionField, Field } from './types';

const KINDS = new Set<string>(TIMELINE_KINDS);

/** The bullet or ordered-list marker at the start of a line, with its length. */
export function listMarker(line: string): number {
  const m = /^(\s*(?:[-*+]|\d{1,9}[.)])\s+)/.exec(line);
  return m ? m[1].length : 0;
}

interface ParsedEntryText {
  kind?: TimelineKind;
  kindField?: Field;
  text: string;
  source?: Field;
}

/** After the time: `[kind] text (source: …)`. */
export function readEntryRest(line: string, lineNo: number, col: number): ParsedEntryText {
  let c = col;
  let kind: TimelineKind | undefined;
  let kindField: Field | undefined;
  const km = /^\[([A-Z][\w-]*)\]\s*/i.exec(line.slice(c));
  if (km) {
    kindField = { text: km[1], range: { line: lineNo, column: c + 1, endLine: lineNo, endColumn: c + 1 + km[1].length } };
    const k = km[1].toLowerCase();
    if (KINDS.has(k)) kind = k as TimelineKind;
    c += km[0].length;
  }
  let end = line.trimEnd().length;
  let source: Field | undefined;
  const tail = line.slice(c, end);
  // Anchored on the literal "(source:" so the expression is not tried at every position.
  const sm = tail.indexOf('(') < 0 ? null : /\(source:([^()]*(?:\([^()]*\)[^()]*)*)\)\s*$/i.exec(tail);
  if (sm) {
    const srcStart = c + (sm.index + sm[0].indexOf(sm[1]) + (sm[1].length - sm[1].trimStart().length));
    while (sm.index > 0 && /\s/.test(tail[sm.index - 1])) sm.index--;
    source = { text: sm[1].trim(), range: { line: lineNo, column: srcStart, endLine: lineNo, endColumn: srcStart + sm[1].trim().length } };
    end = c + sm.index;
  }
  return { kind, kindField, text: line.slice(c, end).trim(), source };
}

/** `- **Label:** value` or `- Label: value`. */
export function readLabelled(line: string, lineNo: number): { label: string; labelRange: Field['range']; value: Field } | undefined {
  const start = listMarker(line);
  const s = line.slice(start);
  const m = /^(\*\*|__)?([A-Z][A-Z0-9 ()/'-]{0,40})(?::\s*(\*\*|__)|(\*\*|__)\s*:|:)\s*/i.exec(s);
  if (!m) return undefined;
  if (m[1] && !(m[3] || m[4])) return undefined;
  const labelCol = start + (m[1]?.length ?? 0);
  const valueCol = start + m[0].length;
  const valueEnd = line.trimEnd().length;
  return {
    label: m[2].trim(),
    labelRange: { line: lineNo, column: labelCol, endLine: lineNo, endColumn: labelCol + m[2].trim().length },
    value: { text: line.slice(valueCol, valueEnd).trim(), range: { line: lineNo, column: valueCol, endLine: lineNo, endColumn: Math.max(valueCol, valueEnd) } },
  };
}

const STATUS_LABELS: Record<string, string> = {
  known: 'known',
  'what we know': 'known',
  unknown: 'unknown',
  'what we don\'t know': 'unknown',
  'what we do not know': 'unknown',
  unknowns: 'unknown',
  impact: 'impact',
  'customer impact': 'impact',
  mitigation: 'mitigation',
  'mitigation in progress': 'mitigation',
  'next update': 'next_update',
  'next update at': 'next_update',
  'next update due': 'next_update',
};

const CHECKPOINT_LABELS: Record<string, string> = {
  state: 'state',
  'current state': 'state',
  hypothesis: 'hypothesis',
  'current hypothesis': 'hypothesis',
  'customer impact': 'customer_impact',
  impact: 'customer_impact',
  'in-flight actions': 'in_flight_actions',
  'in flight actions': 'in_flight_actions',
  'in-flight': 'in_flight_actions',
  'decision point': 'decision_point',
  'user decision point': 'decision_point',
  'comms cadence': 'comms_cadence',
  'communications cadence': 'comms_cadence',
  'comms': 'comms_cadence',
  'next decision point': 'next_decision_point',
  'next decision': 'next_decision_point',
  // Labels responders write by hand in a handover.
  status: 'state',
  'where we are': 'state',
  'working theory': 'hypothesis',
  theory: 'hypothesis',
  'leading theory': 'hypothesis',
  'user impact': 'customer_impact',
  'in flight': 'in_flight_actions',
  'in progress': 'in_flight_actions',
  'work in progress': 'in_flight_actions',
  'open actions': 'in_flight_actions',
  'decision needed': 'decision_point',
  'decisions needed': 'decision_point',
  'pending decision': 'decision_point',
  'open decision': 'decision_point',
  'update cadence': 'comms_cadence',
  'comms plan': 'comms_cadence',
  'next checkpoint': 'next_decision_point',
  'next check-in': 'next_decision_point',
  'next review': 'next_decision_point',
};

export function statusLabel(label: string): string | undefined {
  return STATUS_LABELS[label.toLowerCase().replace(/\s+/g, ' ')];
}
export function checkpointLabel(label: string): string | undefined {
  return CHECKPOINT_LABELS[label.toLowerCase().replace(/\s+/g, ' ')];
}

const ACTION_HEADERS: Array<[ActionField, RegExp]> = [
  ['id', /^(?:id|#|no\.?|ref|bug|bugs|ticket|issue|tracking|jira|link|key)$/],
  ['action', /^(?:actions?|action items?|task|tasks|item|description|what|remediation|follow[ -]?ups?|corrective action|work item|change)$/],
  ['owner', /^(?:owners?|assignee|assigned to|who|responsible|team|dri)$/],
  ['due', /^(?:due|due date|due by|deadline|eta|target|target date|by|by when|date due|when|target completion|completion date)$/],
  ['category', /^(?:category|cat\.?|type|kind|class|classification|action type)$/],
  ['verification', /^(?:verification|verify|verified by|verification signal|done when|completion signal|signal|success criteria|success metrics?|measures? of success|definition of done|dod|validation|validated by|acceptance|acceptance criteria|how we know|how we['’]ll know|how we will know)$/],
  ['status', /^(?:status|state|done\??|progress)$/],
];

/** The action field a table column header names (synonyms, case-insensitive). */
export function actionHeader(text: string): ActionField | undefined {
  const t = text.toLowerCase().replace(/[*_`]/g, '').replace(/\([^()]*\)/g, '').replace(/\s+/g, ' ').trim();
  for (const [f, re] of ACTION_HEADERS) if (re.test(t)) return f;
  return undefined;
}

const SCOPE_HEADERS: Array<['group' | 'fault_domain' | 'dependency' | 'recent_change', RegExp]> = [
  ['group', /^(user group( or tenant)?|users?|tenants?|user group \/ tenant|customers?|affected( users)?|group|segment)$/],
  ['fault_domain', /^(fault domains?|regions?|zones?|cells?|shards?|az)$/],
  ['dependency', /^(dependency|dependencies|service|services|component)$/],
  ['recent_change', /^(recent changes?( marker)?|changes?|deploys?|change marker)$/],
];
export function scopeHeader(text: string) {
  const t = text.toLowerCase().replace(/[*_`]/g, '').replace(/\([^()]*\)/g, '').replace(/\s+/g, ' ').trim();
  for (const [f, re] of SCOPE_HEADERS) if (re.test(t)) return f;
  return undefined;
}

const CATEGORY_SYNONYMS: Record<string, ActionCategory> = {
  prevent: 'prevent',
  prevention: 'prevent',
  preventative: 'prevent',
  preventive: 'prevent',
  detect: 'detect',
  detection: 'detect',
  detective: 'detect',
  mitigate: 'mitigate',
  mitigation: 'mitigate',
  corrective: 'mitigate',
  repair: 'mitigate',
  learn: 'learn',
  learning: 'learn',
  process: 'learn',
  investigate: 'learn',
};

/** Exact category, or the one a well-known synonym maps to (with `exact` false). */
export function categoryOf(text: string): { category: ActionCategory; exact: boolean } | undefined {
  const t = text.trim().toLowerCase().replace(/[*_`]/g, '');
  if ((ACTION_CATEGORIES as readonly string[]).includes(t)) return { category: t as ActionCategory, exact: true };
  const syn = CATEGORY_SYNONYMS[t];
  return syn ? { category: syn, exact: false } : undefined;
}

const LAYER_SYNONYMS: Array<[FactorLayer, RegExp]> = [
  ['technical-trigger', /^(technical[ -]trigger|trigger|technical|technical cause)$/],
  ['detection', /^(detection|detection[ -]gap|monitoring|alerting|observability)$/],
  ['rollout-control', /^(rollout[ -]control|rollout|rollout[ /]control gap|control|control gap|change control|change|deployment|deploy|release)$/],
  ['responsibility-runbook', /^(responsibility[ -]runbook|responsibility|runbook|responsibility[ /]runbook gap|ownership|process|runbook gap)$/],
  ['organizational', /^(organi[sz]ational|organi[sz]ational[ -]tradeoff|org|tradeoff|trade-off|organi[sz]ation)$/],
];
export function layerOf(text: string): FactorLayer | undefined {
  const t = text.trim().toLowerCase().replace(/[*_`]/g, '');
  if ((FACTOR_LAYERS as readonly string[]).includes(t)) return t as FactorLayer;
  for (const [l, re] of LAYER_SYNONYMS) if (re.test(t)) return l;
  return undefined;
}

