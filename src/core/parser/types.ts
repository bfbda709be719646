/** The parsed document model. Every item carries the exact source range it came from. */
import type { Range } from '../text';
import type {
  ActionCategory,
  FactorLayer,
  IncidentFrontMatter,
  PostmortemFrontMatter,
  TimelineKind,
} from '../model/schemas';
import type { FrontMatter } from './frontmatter';

export type Severity = 'error' | 'warning' | 'info';

export interface Problem {
  /** Rule or problem code, e.g. "front-matter-schema". */
  code: string;
  severity: Severity;
  message: string;
  range: Range;
}

export type DocumentKind = 'incident' | 'postmortem' | 'unknown';

export type SectionKey =
  | 'summary'
  | 'impact'
  | 'timeline'
  | 'contributing-factors'
  | 'missed-defenses'
  | 'action-items'
  | 'status-updates'
  | 'checkpoints'
  | 'resolution'
  | 'detection'
  | 'trigger'
  | 'lessons';

export interface Section {
  title: string;
  key?: SectionKey;
  level: number;
  /** Range of the heading text (after the #s). */
  headingRange: Range;
  /** Heading line. */
  line: number;
  /** First line after the section (next heading of the same or a higher level, or the line count). */
  endLine: number;
  /** True when the section holds nothing but template placeholders (italic hints, "TBD", "?", comments). */
  placeholder: boolean;
}

/** A value read from the text with the range it came from. */
export interface Field {
  text: string;
  range: Range;
}

export interface TimelineEntryNode {
  line: number;
  /** The entry's text on its line (without the bullet marker). */
  range: Range;
  format: 'sitrep' | 'bullet' | 'table' | 'line' | 'heading' | 'code';
  /** The time as written, when the entry has anything time-like. */
  time?: Field;
  /** Epoch ms when the time is a full timestamp with date and zone. */
  at?: number;
  /** Why the time is not a full timestamp, when it is not. */
  timeProblem?: string;
  kind?: TimelineKind;
  kindField?: Field;
  text: string;
  source?: Field;
  /** The date and zone used to resolve the time and where each came from (for hover and explain). */
  read?: { date?: string; dateFrom?: string; zone?: string; zoneFrom?: string };
}

export interface LabelledBlock {
  line: number;
  /** The heading that opens it. */
  headingRange: Range;
  /** Range from heading to the last bullet. */
  range: Range;
  title: string;
  time?: Field;
  at?: number;
  /** Label (normalised key) to value. */
  fields: Map<string, Field & { labelRange: Range }>;
}

export interface StatusUpdateNode extends LabelledBlock {
  /** How it is written: a sub-heading block, a bullet, a paragraph, a bold "… update:" label or a table row. */
  format?: 'heading' | 'bullet' | 'paragraph' | 'label' | 'row';
  /** What follows "next update" in the update, and the time it names. */
  next?: { value: Field; at?: number; stated: boolean };
  /** A final update (resolved, "this is the final update") needs no next time. */
  final?: boolean;
}
type CheckpointNode = LabelledBlock;

export type ActionField = 'id' | 'action' | 'owner' | 'due' | 'category' | 'verification' | 'status';

export interface ActionItemNode {
  line: number;
  range: Range;
  origin: 'table' | 'list';
  /** Task-list checkbox state, when written as one. */
  checked?: boolean;
  /** The whole item is struck through (`- ~~…~~`, optionally followed by a note such as "dropped"). */
  struck?: boolean;
  fields: Partial<Record<ActionField, Field>>;
  /** For a table row: which fields its table has a column for. */
  columns?: ActionField[];
  /** Where each field was read: its table column, inline in the text, or a continuation line. */
  sources?: Partial<Record<ActionField, 'column' | 'inline' | 'continuation'>>;
  /** The label each inline field was read from ("due", "verified when", …). */
  labels?: Partial<Record<ActionField, Field>>;
  /** Normalised category when the written one maps to one of the four. */
  category?: ActionCategory;
  /** Where a new field could be inserted (end of the item text or row). */
  insertAt: Range;
}

export interface FactorNode {
  line: number;
  range: Range;
  layer?: FactorLayer;
  layerField?: Field;
  text: string;
}

export interface ImpactScopeRowNode {
  line: number;
  range: Range;
  cells: Partial<Record<'group' | 'fault_domain' | 'dependency' | 'recent_change', Field>>;
}

export interface ParsedDocument {
  kind: DocumentKind;
  /** How the kind was decided. */
  kindFrom: 'front-matter' | 'path' | 'content' | 'none';
  text: string;
  lines: string[];
  eol: '\n' | '\r\n';
  hadBom: boolean;
  frontMatter?: FrontMatter;
  /** Validated front matter, when it passes its schema. */
  incident?: IncidentFrontMatter;
  postmortem?: PostmortemFrontMatter;
  bodyStartLine: number;
  sections: Section[];
  timeline: TimelineEntryNode[];
  statusUpdates: StatusUpdateNode[];
  checkpoints: CheckpointNode[];
  actionItems: ActionItemNode[];
  factors: FactorNode[];
  impactScope: ImpactScopeRowNode[];
  /** Per line: true when the line is prose (body, outside code blocks, HTML blocks and front matter). */
  prose: boolean[];
  /** Per line: true inside a blockquote (quoted material the phrase rules do not judge). */
  quoted?: boolean[];
  problems: Problem[];
  /** True when the text was too large or not text, and only the front matter (if any) was read. */
  truncated?: boolean;
}
