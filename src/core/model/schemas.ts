/**
 * The single source of truth for every document shape Sitrep reads or writes.
 * JSON schemas in schemas/ are generated from these (npm run schemas) and a test
 * fails when they drift.
 */
import { z } from 'zod';
import { isValidTimestamp, ISO_TIMESTAMP_PATTERN, DATE_PATTERN, isValidDate } from '../time';

export const SEVERITIES = ['SEV1', 'SEV2', 'SEV3', 'SEV4'] as const;
export const INCIDENT_STATUSES = ['investigating', 'mitigated', 'monitoring', 'resolved'] as const;
const POSTMORTEM_STATUSES = ['draft', 'in-review', 'final'] as const;
export const TIMELINE_KINDS = [
  'detection',
  'triage',
  'fact',
  'hypothesis',
  'decision',
  'action',
  'mitigation',
  'communication',
  'status-update',
  'role-change',
  'severity-change',
  'checkpoint',
  'resolution',
  'recurrence',
] as const;
export const ACTION_CATEGORIES = ['prevent', 'detect', 'mitigate', 'learn'] as const;
const ACTION_STATUSES = ['open', 'in-progress', 'done', 'wont-do'] as const;
export const FACTOR_LAYERS = [
  'technical-trigger',
  'detection',
  'rollout-control',
  'responsibility-runbook',
  'organizational',
] as const;
export const ROLE_KEYS = ['commander', 'operations', 'communications', 'scribe'] as const;
/** The standards tracks a recurring class feeds (the method's "Feed standards" step). */
export const STANDARDS_TRACKS = ['slo', 'observability', 'safe-change', 'ha', 'dependency-resilience', 'platform-improvement'] as const;
const RULE_LEVELS = ['error', 'warning', 'info', 'off'] as const;
/** Every lint rule's name (a public interface); a test checks this list against the rule registry. */
export const RULE_NAMES = [
  'no-human-error',
  'no-blame',
  'no-vague-action',
  'action-due-date',
  'action-verification',
  'action-category',
  'action-owner',
  'action-overdue',
  'contributing-factors',
  'single-root-cause',
  'required-sections',
  'template-hint',
  'timeline-timestamps',
  'timeline-coverage',
  'impact-summary',
  'front-matter-schema',
  'roles-assigned',
  'status-update-next-time',
  'update-cadence',
  'checkpoint-complete',
] as const;

export const Severity = z.enum(SEVERITIES).describe('SEV1 widespread critical user, data or security impact; SEV2 major but bounded customer impact; SEV3 limited degradation or internal dependency risk; SEV4 low-impact anomaly needing follow-up.');
export const IncidentStatus = z.enum(INCIDENT_STATUSES);
const PostmortemStatus = z.enum(POSTMORTEM_STATUSES);
export const TimelineKind = z.enum(TIMELINE_KINDS);
export const ActionCategory = z.enum(ACTION_CATEGORIES);
export const FactorLayer = z.enum(FACTOR_LAYERS);

/** ISO 8601 timestamp with a date, a time and a zone (Z or ±hh:mm). Sitrep writes UTC. */
const Timestamp = z
  .string()
  .regex(new RegExp(ISO_TIMESTAMP_PATTERN), {
    message: 'Expected an ISO 8601 timestamp with date, time and zone, e.g. 2026-11-27T09:52:00Z',
    abort: true,
  })
  .refine(isValidTimestamp, { message: 'Not a real calendar date or time' })
  .describe('ISO 8601 timestamp with date, time and zone, e.g. 2026-11-27T09:52:00Z (Sitrep writes UTC).');

/** A calendar date, YYYY-MM-DD. */
const CalendarDate = z
  .string()
  .regex(new RegExp(DATE_PATTERN), { message: 'Expected a calendar date YYYY-MM-DD, e.g. 2026-12-01', abort: true })
  .refine(isValidDate, { message: 'Not a real calendar date' })
  .describe('Calendar date, YYYY-MM-DD.');

const Person = z.string().min(1).describe('A person or team handle, e.g. "@maria" or "payments on-call".');

export const Roles = z
  .strictObject({
    commander: Person.describe('Incident commander: coordinates, decides, owns the cadence.'),
    operations: Person.optional().describe('Operations lead: drives mitigation hands-on.'),
    communications: Person.optional().describe('Communications lead: status updates to stakeholders.'),
    scribe: Person.optional().describe('Scribe: keeps the timeline.'),
    solo: z.boolean().optional().describe('True when one responder explicitly holds all four roles.'),
  })
  .describe('Response roles. A solo responder names themself in all four roles (and may set solo: true).');

export const Impact = z
  .strictObject({
    summary: z.string().min(1).describe('One or two sentences: who is affected and how badly.'),
    users: z.string().optional().describe('Affected users or tenants.'),
    journeys: z.array(z.string()).optional().describe('Affected user journeys.'),
    fault_domains: z.array(z.string()).optional().describe('Affected fault domains (regions, zones, cells, shards).'),
    dependencies: z.array(z.string()).optional().describe('Dependencies involved.'),
    recent_changes: z.array(z.string()).optional().describe('Recent change markers (deploys, config, flags).'),
    data_loss: z.string().optional().describe('Data loss or corruption statement, even "none".'),
  })
  .describe('Declared impact, scoped by users, journeys, fault domains, dependencies and recent changes.');

export const IncidentFrontMatter = z
  .strictObject({
    type: z.literal('incident'),
    id: z.string().min(1).describe('Collision-free id: date, slug and a random suffix, e.g. 2026-11-27-checkout-5xx-k3f9.'),
    title: z.string().min(1),
    severity: Severity,
    peak_severity: Severity.optional().describe('The most severe level the incident reached, when it was changed since declaring; the postmortem reports it.'),
    status: IncidentStatus,
    restricted: z.boolean().optional().describe('Security, privacy or data-exposure incident: protected track.'),
    roles: Roles,
    impact: Impact,
    started: Timestamp.describe('When impact started (best known).'),
    detected: Timestamp.optional(),
    detected_by: z.string().optional().describe('How the incident was detected: an alert, a customer report, a responder, another team.'),
    mitigated: Timestamp.optional(),
    resolved: Timestamp.optional(),
    update_cadence_minutes: z.number().int().positive().max(24 * 60).describe('Minutes between status updates: at most 30 at SEV1, 60 at SEV2, user-confirmed below.'),
    next_update_due: Timestamp.optional().describe('When the next status update is due.'),
    strategy_checkpoint: Timestamp.optional().describe('If not mitigated by then, change strategy (escalate, widen mitigation, take it to the decision maker).'),
    recovery_signal: z.string().optional().describe('User-visible metric and internal health that confirmed recovery.'),
    postmortem: z.string().optional().describe('Relative path of the postmortem document.'),
    tags: z.array(z.string()).optional(),
    services: z.array(z.string()).optional().describe('Services involved; the learning report counts them as recurring classes.'),
  })
  .describe('Front matter of a Sitrep incident document.');

export const PostmortemFrontMatter = z
  .strictObject({
    type: z.literal('postmortem'),
    incident: z.string().min(1).describe('Id of the incident this postmortem explains.'),
    title: z.string().min(1),
    severity: Severity,
    status: PostmortemStatus,
    started: Timestamp,
    detected: Timestamp.optional(),
    mitigated: Timestamp.optional(),
    resolved: Timestamp.optional(),
    authors: z.array(z.string().min(1)).min(1),
    reviewers: z.array(z.string()).optional(),
    tags: z.array(z.string()).optional(),
    services: z.array(z.string()).optional().describe('Services involved; the learning report counts them as recurring classes.'),
  })
  .describe('Front matter of a Sitrep postmortem document.');

const TimelineEntry = z.strictObject({
  time: Timestamp,
  kind: TimelineKind,
  text: z.string().min(1),
  source: z.string().optional().describe('Link, file:line or commit the entry rests on.'),
});

const StatusUpdate = z.strictObject({
  time: Timestamp,
  known: z.string().min(1),
  unknown: z.string().min(1),
  impact: z.string().min(1),
  mitigation: z.string().min(1),
  next_update: Timestamp,
});

export const Checkpoint = z.strictObject({
  time: Timestamp,
  title: z.string().optional(),
  state: z.string().min(1),
  hypothesis: z.string().min(1),
  customer_impact: z.string().min(1),
  in_flight_actions: z.string().min(1),
  decision_point: z.string().min(1),
  comms_cadence: z.string().min(1),
  next_decision_point: z.string().min(1),
});

export const ActionItem = z.strictObject({
  id: z.string().optional(),
  action: z.string().min(1),
  owner: z.string().min(1),
  due: CalendarDate,
  category: ActionCategory,
  verification: z.string().min(1).describe('An observable completion signal.'),
  status: z.enum(ACTION_STATUSES).optional(),
});

const ContributingFactor = z.strictObject({
  layer: FactorLayer,
  text: z.string().min(1),
});

const ImpactScopeRow = z.strictObject({
  group: z.string(),
  fault_domain: z.string(),
  dependency: z.string(),
  recent_change: z.string(),
});

const RuleLevel = z.enum(RULE_LEVELS);
const RuleSetting = z.union([
  RuleLevel,
  z.strictObject({
    level: RuleLevel.optional(),
    phrases: z.array(z.string().min(1)).optional().describe('Extra literal phrases (not regular expressions) for phrase rules.'),
  }),
]);

const SeveritySetting = z.strictObject({
  label: z.string().min(1).optional().describe('Display label, e.g. "Critical".'),
  description: z.string().optional(),
  cadence_minutes: z.number().int().positive().max(24 * 60).optional().describe('Default status-update cadence for this severity. SEV1 is capped at 30 and SEV2 at 60.'),
});

export const StandardsTrack = z
  .enum(STANDARDS_TRACKS)
  .describe('Standards track a recurring class feeds: slo, observability, safe-change, ha (high availability), dependency-resilience or platform-improvement.');

const ReportClassSetting = z.strictObject({
  label: z.string().min(1).optional().describe('Name shown in the report, e.g. "Config change".'),
  track: StandardsTrack,
  phrases: z
    .array(z.string().min(1))
    .min(1)
    .describe('Literal phrases (not regular expressions), matched case-insensitively where a word starts in contributing-factor lines; "deploy" also matches "deploys" and "deployment".'),
});

export const ReportSettings = z
  .strictObject({
    window_days: z.number().int().positive().max(3650).optional().describe('Days before the report date that the report covers (default 180); sitrep report --since overrides it.'),
    min_postmortems: z.number().int().positive().max(1000).optional().describe('A class seen in at least this many postmortems in the window is a standards candidate (default 3).'),
    default_classes: z.boolean().optional().describe('Keep the built-in trigger classes (default true); false keeps only the classes listed here.'),
    classes: z
      .record(z.string().regex(/^[a-z0-9][a-z0-9-]*$/), z.union([ReportClassSetting, z.literal(false)]))
      .optional()
      .describe('Trigger classes by id (lower case, digits and dashes). A built-in id replaces that class; false drops it.'),
    layer_tracks: z
      .strictObject(Object.fromEntries(FACTOR_LAYERS.map((l) => [l, StandardsTrack.optional()])) as Record<(typeof FACTOR_LAYERS)[number], z.ZodOptional<typeof StandardsTrack>>)
      .optional()
      .describe('Standards track for each contributing-factor layer, where the default does not fit.'),
    service_track: StandardsTrack.optional().describe('Track for a recurring service (default slo).'),
    tag_track: StandardsTrack.optional().describe('Track for a recurring tag (default platform-improvement).'),
  })
  .describe('The learning report (sitrep report, Sitrep: Open Learning Report): window, threshold and the taxonomy of recurring classes.');

export const Config = z
  .strictObject({
    documents: z.array(z.string().min(1)).optional().describe('Globs (relative to the folder holding .sitrep.yaml) of incident and postmortem documents.'),
    ignore: z.array(z.string().min(1)).optional().describe('Globs of files never treated as documents.'),
    severities: z
      .strictObject({
        SEV1: SeveritySetting.optional(),
        SEV2: SeveritySetting.optional(),
        SEV3: SeveritySetting.optional(),
        SEV4: SeveritySetting.optional(),
      })
      .optional(),
    rules: z
      .object(Object.fromEntries(RULE_NAMES.map((name) => [name, RuleSetting.optional()])) as Record<(typeof RULE_NAMES)[number], z.ZodOptional<typeof RuleSetting>>)
      .catchall(RuleSetting)
      .optional()
      .describe('Per-rule level (error | warning | info | off) or { level, phrases }. Unknown rule names are reported and ignored.'),
    restricted_storage: z.string().optional().describe('Folder for restricted incidents (outside the repository).'),
    report: ReportSettings.optional(),
  })
  .describe('Sitrep project configuration (.sitrep.yaml).');

/** One accepted finding in `.sitrep-baseline.json`: where, which rule, and what text it was on. */
export const BaselineEntry = z.strictObject({
  file: z.string().min(1).describe('Document path relative to the folder holding the baseline, forward slashes.'),
  rule: z.string().min(1).describe('Rule name (or read-error / parse-error).'),
  fingerprint: z
    .string()
    .regex(/^[0-9a-f]{16}$/)
    .describe('Hash of the rule and the text the finding is on (whitespace and case folded), not of its line number.'),
  count: z.number().int().positive().optional().describe('How many findings share this file, rule and fingerprint (default 1).'),
  text: z.string().optional().describe('The start of the text the finding is on, for reviewers; not used for matching.'),
});

export const Baseline = z
  .strictObject({
    version: z.literal(1),
    findings: z.array(BaselineEntry),
  })
  .describe('Findings accepted when Sitrep was adopted (sitrep lint --update-baseline); later runs report only new ones.');

export type Severity = z.infer<typeof Severity>;
export type IncidentStatus = z.infer<typeof IncidentStatus>;
export type TimelineKind = z.infer<typeof TimelineKind>;
export type ActionCategory = z.infer<typeof ActionCategory>;
export type FactorLayer = z.infer<typeof FactorLayer>;
export type IncidentFrontMatter = z.infer<typeof IncidentFrontMatter>;
export type PostmortemFrontMatter = z.infer<typeof PostmortemFrontMatter>;
export type Config = z.infer<typeof Config>;
type RuleLevel = (typeof RULE_LEVELS)[number];
export type StandardsTrack = z.infer<typeof StandardsTrack>;
export type ReportSettings = z.infer<typeof ReportSettings>;
export type Baseline = z.infer<typeof Baseline>;
export type BaselineEntry = z.infer<typeof BaselineEntry>;

/** Schemas exported as JSON Schema files, by file name. */
const JSON_SCHEMAS = {
  'incident.schema.json': { schema: IncidentFrontMatter, title: 'Sitrep incident front matter' },
  'postmortem.schema.json': { schema: PostmortemFrontMatter, title: 'Sitrep postmortem front matter' },
  'config.schema.json': { schema: Config, title: 'Sitrep configuration (.sitrep.yaml)' },
  'baseline.schema.json': { schema: Baseline, title: 'Sitrep baseline (.sitrep-baseline.json)' },
  'items.schema.json': {
    schema: z.strictObject({
      timelineEntry: TimelineEntry,
      statusUpdate: StatusUpdate,
      checkpoint: Checkpoint,
      actionItem: ActionItem,
      contributingFactor: ContributingFactor,
      impactScopeRow: ImpactScopeRow,
    }),
    title: 'Sitrep document items (timeline entry, status update, checkpoint, action item, contributing factor, impact-scope row)',
  },
} as const;

export function toJsonSchemas(): Record<string, object> {
  const out: Record<string, object> = {};
  for (const [file, { schema, title }] of Object.entries(JSON_SCHEMAS)) {
    const json = z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as Record<string, unknown>;
    out[file] = { ...json, title };
  }
  return out;
}
