/**
 * Rendering whole documents and messages: a new incident, a postmortem from an incident, a
 * status update as a plain-text message, and a checkpoint packet prefilled from the current state.
 */
import { latestUpdate, type ParsedDocument } from '../parser';
import type { IncidentFrontMatter, Severity } from '../model/schemas';
import { FACTOR_LAYERS } from '../model/schemas';
import { SEVERITY_DEFINITIONS } from '../config';
import { formatDuration, formatTimestamp, parseTimestamp } from '../time';
import { ACTION_TABLE_DELIMITER, ACTION_TABLE_HEADER, formatTimelineLine, oneLine, yamlScalar, yamlValue, type CheckpointInput, type StatusUpdateInput } from './edits';
import { timeToX } from './metrics';
import { MINUTE } from './cadence';

export interface RolesInput {
  commander: string;
  operations: string;
  communications: string;
  scribe: string;
  solo?: boolean;
}

/** A solo responder holds all four roles, recorded explicitly. */
export function soloRoles(person: string): RolesInput {
  return { commander: person, operations: person, communications: person, scribe: person, solo: true };
}

export function describeRoles(r: Partial<RolesInput> | undefined): string {
  if (!r) return 'no roles assigned';
  if (r.solo || (r.commander && [r.operations, r.communications, r.scribe].every((x) => x === r.commander))) {
    return `${r.commander} holds all roles (commander, operations, communications, scribe)`;
  }
  return `commander ${r.commander ?? 'unassigned'}, operations ${r.operations ?? 'unassigned'}, communications ${r.communications ?? 'unassigned'}, scribe ${r.scribe ?? 'unassigned'}`;
}

interface NewIncidentInput {
  id: string;
  title: string;
  severity: Severity;
  impactSummary: string;
  roles: RolesInput;
  cadenceMinutes: number;
  /** Declaration time, epoch ms. */
  now: number;
  /** When impact started, if earlier than the declaration. */
  started?: number;
  /** When it was detected (default: the declaration). */
  detected?: number;
  /** How it was detected: "alert", "customer report", … */
  detectedBy?: string;
  /** When the first status update is due (default: one cadence after the declaration). */
  firstUpdate?: number;
  restricted?: boolean;
  users?: string;
}

function frontMatterBlock(entries: Array<[string, unknown]>, eol: string): string {
  const out: string[] = ['---'];
  for (const [k, v] of entries) {
    if (v === undefined) continue;
    if (v && typeof v === 'object' && !Array.isArray(v)) {
      out.push(`${k}:`);
      for (const [ck, cv] of Object.entries(v as Record<string, unknown>)) {
        if (cv === undefined) continue;
        out.push(`  ${ck}: ${yamlValue(cv as string)}`);
      }
    } else out.push(`${k}: ${yamlValue(v as string)}`);
  }
  out.push('---');
  return out.join(eol);
}

/** The declaration's timeline line. */
function declarationEntry(input: NewIncidentInput): string {
  const time = formatTimestamp(input.now);
  return formatTimelineLine({
    time,
    kind: 'decision',
    text: `Declared ${input.severity} (${SEVERITY_DEFINITIONS[input.severity].label}): ${input.title}. Roles: ${describeRoles(input.roles)}. Status updates every ${input.cadenceMinutes} min.${input.restricted ? ' Protected track: restricted to need-to-know responders.' : ''}`,
  });
}

/** The detection's timeline line: how, and when impact started when that was earlier. */
function detectionEntry(input: NewIncidentInput): string {
  const detected = input.detected ?? input.now;
  const started = input.started ?? detected;
  return formatTimelineLine({
    time: formatTimestamp(detected),
    kind: 'detection',
    text: `Detected by ${oneLine(input.detectedBy ?? 'unknown')}${started < detected ? `; impact started ${formatTimestamp(started)} (time to detect ${formatDuration(detected - started)})` : ''}.`,
  });
}

/** A new incident document. */
export function renderIncident(input: NewIncidentInput, eol = '\n'): string {
  const started = formatTimestamp(input.started ?? input.now);
  const detected = formatTimestamp(input.detected ?? input.now);
  const fm = frontMatterBlock(
    [
      ['type', 'incident'],
      ['id', input.id],
      ['title', input.title],
      ['severity', input.severity],
      ['status', 'investigating'],
      ['restricted', !!input.restricted],
      ['roles', { commander: input.roles.commander, operations: input.roles.operations, communications: input.roles.communications, scribe: input.roles.scribe, solo: input.roles.solo ? true : undefined }],
      [
        'impact',
        {
          summary: oneLine(input.impactSummary),
          users: input.users ? oneLine(input.users) : 'unknown',
          journeys: [],
          fault_domains: [],
          dependencies: [],
          recent_changes: [],
          data_loss: 'unknown',
        },
      ],
      ['started', started],
      ['detected', detected],
      ['detected_by', input.detectedBy ? oneLine(input.detectedBy) : undefined],
      ['update_cadence_minutes', input.cadenceMinutes],
      ['next_update_due', formatTimestamp(input.firstUpdate ?? input.now + input.cadenceMinutes * MINUTE)],
    ],
    eol,
  );
  const body = [
    '',
    `# ${oneLine(input.title)}`,
    '',
    '## Summary',
    '',
    oneLine(input.impactSummary),
    '',
    '## Timeline',
    '',
    ...(input.detectedBy ? [detectionEntry(input)] : []),
    declarationEntry(input),
    '',
    '## Status updates',
    '',
    '## Checkpoints',
    '',
  ];
  return fm + eol + body.join(eol);
}

// ---------------------------------------------------------------------------------------------

interface PostmortemOptions {
  authors: string[];
  now: number;
  /** Body of the incident's Summary section, if any. */
}

function listOrUnknown(v: string[] | undefined): string {
  return v && v.length ? v.join(', ') : 'unknown';
}

function timeLine(label: string, value: string | undefined, ms: number | undefined, what: string): string {
  if (!value) return `- **${label}:** unknown`;
  return `- **${label}:** ${value}${ms !== undefined ? ` (time to ${what}: ${formatDuration(ms)})` : ''}`;
}

const FACTOR_HINTS: Record<(typeof FACTOR_LAYERS)[number], string> = {
  'technical-trigger': 'What condition or change set it off? One factor among several, not the whole explanation.',
  detection: 'What let the impact go unnoticed, or how long did detection take and why?',
  'rollout-control': 'Which rollout, change-control or safety gate did not stop or limit it?',
  'responsibility-runbook': 'Was the responsibility, runbook or escalation path clear and current?',
  organizational: 'Which priority, staffing or time trade-off made this more likely?',
};

/** The more severe of two levels (SEV1 is the most severe). */
export function mostSevere(a: Severity | undefined, b: Severity | undefined): Severity | undefined {
  if (!a) return b;
  if (!b) return a;
  return a < b ? a : b;
}

/** Postmortem text rendered from a parsed incident document. */
export function renderPostmortem(incidentDoc: ParsedDocument, opts: PostmortemOptions): string {
  const eol = incidentDoc.eol;
  const inc = incidentDoc.incident ?? (incidentDoc.frontMatter?.data as Partial<IncidentFrontMatter> | undefined) ?? {};
  const title = inc.title ?? 'Untitled incident';
  const t = { started: inc.started, detected: inc.detected, mitigated: inc.mitigated, resolved: inc.resolved };
  const ttx = timeToX(t);
  const impact = inc.impact;
  // The postmortem reports the most severe level reached, not the one at resolution.
  const peak = mostSevere(inc.peak_severity, inc.severity);
  const fm = frontMatterBlock(
    [
      ['type', 'postmortem'],
      ['incident', inc.id ?? 'unknown'],
      ['title', title],
      ['severity', peak ?? 'SEV3'],
      ['status', 'draft'],
      ['started', inc.started ?? formatTimestamp(opts.now)],
      ['detected', inc.detected],
      ['mitigated', inc.mitigated],
      ['resolved', inc.resolved],
      ['authors', opts.authors.length ? opts.authors : ['unknown']],
    ],
    eol,
  );
  const timeline = incidentDoc.timeline.map((e) => {
    const line = incidentDoc.lines[e.line];
    if (e.format === 'sitrep' || e.format === 'bullet') return `- ${line.trim().replace(/^([-*+]|\d+[.)])\s+/, '')}`;
    return formatTimelineLine({ time: e.time?.text ?? 'unknown', kind: e.kind ?? 'fact', text: e.text, source: e.source?.text });
  });
  const scopeRow = `| ${[impact?.users ?? 'unknown', listOrUnknown(impact?.fault_domains), listOrUnknown(impact?.dependencies), listOrUnknown(impact?.recent_changes)].map((c) => c.replace(/\|/g, '\\|')).join(' | ')} |`;
  const lines = [
    '',
    `# Postmortem: ${title}`,
    '',
    '## Summary',
    '',
    // The impact as a start, and the hint on its own line: a line that is only a hint is a finding.
    ...(impact?.summary ? [oneLine(impact.summary), ''] : []),
    '_Two or three sentences: what happened, how it was mitigated, and what changes now._',
    '',
    '## Impact',
    '',
    `- **Impact:** ${impact?.summary ?? 'unknown'}`,
    `- **Users:** ${impact?.users ?? 'unknown'}`,
    `- **Journeys:** ${listOrUnknown(impact?.journeys)}`,
    `- **Data loss:** ${impact?.data_loss ?? 'unknown'}`,
    `- **Severity:** ${peak ?? 'unknown'}${peak && inc.severity && peak !== inc.severity ? ` at its peak (${inc.severity} at the end)` : ''}`,
    `- **Started:** ${inc.started ?? 'unknown'}`,
    timeLine('Detected', inc.detected, ttx.detect, 'detect'),
    timeLine('Mitigated', inc.mitigated, ttx.mitigate, 'mitigate'),
    timeLine('Resolved', inc.resolved, ttx.resolve, 'resolve'),
    ...(inc.recovery_signal ? [`- **Recovery confirmed by:** ${inc.recovery_signal}`] : []),
    '',
    '| User group or tenant | Fault domain | Dependency | Recent change |',
    '| --- | --- | --- | --- |',
    scopeRow,
    '',
    '## Timeline',
    '',
    ...(timeline.length ? timeline : ['_No timeline entries were recorded; reconstruct them from alerts, deploy markers and chat, with sources._']),
    '',
    '## Contributing factors',
    '',
    ...FACTOR_LAYERS.map((l) => `- **${l}:** _${FACTOR_HINTS[l]}_`),
    '',
    '## Missed defenses',
    '',
    '- _Which alert, check, rollout gate or runbook step could have stopped or shortened this, and why did it not?_',
    '',
    '## Action items',
    '',
    ACTION_TABLE_HEADER,
    ACTION_TABLE_DELIMITER,
    '',
  ];
  return fm + eol + lines.join(eol);
}

/** Where the postmortem of an incident goes: beside it, as postmortem.md. */
export function postmortemPathFor(incidentPath: string): string {
  const i = incidentPath.lastIndexOf('/');
  return (i >= 0 ? incidentPath.slice(0, i + 1) : '') + 'postmortem.md';
}

// ---------------------------------------------------------------------------------------------

/** The latest status update of a parsed incident as input for a message, if any. */
export function latestStatusUpdate(doc: ParsedDocument): StatusUpdateInput | undefined {
  const u = latestUpdate(doc.statusUpdates);
  if (!u) return undefined;
  const f = (k: string) => u.fields.get(k)?.text ?? '';
  const final = !!u.final;
  return { time: u.time?.text ?? '', known: f('known'), unknown: f('unknown'), impact: f('impact'), mitigation: f('mitigation'), nextUpdate: final ? '' : f('next_update'), final };
}

// ---------------------------------------------------------------------------------------------

function lastOfKind(doc: ParsedDocument, kinds: string[], since = -1) {
  return doc.timeline.filter((e) => e.kind && kinds.includes(e.kind) && e.line > since);
}

/**
 * A checkpoint packet prefilled from the incident's current state; the responder confirms or
 * edits each field before it is written.
 */
export function checkpointPrefill(doc: ParsedDocument, now: number, title: string, cadenceMinutes: number, nextUpdateDue?: number): CheckpointInput {
  const inc = doc.incident ?? (doc.frontMatter?.data as Partial<IncidentFrontMatter> | undefined) ?? {};
  const lastCp = doc.checkpoints[doc.checkpoints.length - 1];
  const cpField = (k: string) => lastCp?.fields.get(k)?.text;
  const latestUpdate = latestStatusUpdate(doc);
  const started = inc.started ? parseTimestamp(inc.started) : undefined;
  const hyp = lastOfKind(doc, ['hypothesis']).pop();
  const decision = lastOfKind(doc, ['decision']).pop();
  // What is in flight: the mitigation the latest update names, then the actions logged since the last checkpoint.
  const inFlight = [
    ...(latestUpdate?.mitigation && !/^(?:none|n\/a|-)$/i.test(latestUpdate.mitigation.trim()) ? [latestUpdate.mitigation.trim()] : []),
    ...lastOfKind(doc, ['action', 'mitigation'], lastCp?.line ?? -1).slice(-3).map((e) => e.text),
  ].filter((v, n, all) => all.indexOf(v) === n);
  const strategy = inc.strategy_checkpoint;
  const next = nextUpdateDue !== undefined ? formatTimestamp(nextUpdateDue) : latestUpdate?.nextUpdate || inc.next_update_due;
  return {
    time: formatTimestamp(now),
    title,
    state: `${inc.status ?? 'unknown status'}, ${inc.severity ?? 'unknown severity'}${started !== undefined ? `, ${formatDuration(now - started)} since impact started` : ''}${inc.mitigated ? `, mitigated at ${inc.mitigated}` : ', not yet mitigated'}`,
    hypothesis: hyp?.text ?? cpField('hypothesis') ?? 'none recorded yet',
    customerImpact: latestUpdate?.impact || inc.impact?.summary || 'unknown',
    inFlightActions: inFlight.length ? inFlight.join('; ') : cpField('in_flight_actions') ?? 'none recorded',
    decisionPoint: decision?.text ? `last decision: ${decision.text}` : `${inc.roles?.commander ?? 'the commander'} decides`,
    commsCadence: `status updates every ${cadenceMinutes} min${next ? `; next due ${next}` : ''}`,
    nextDecisionPoint: strategy ? `${strategy}: change strategy if not mitigated by then` : next ? `${next} (next status update)` : 'not set',
  };
}

export { yamlScalar };
