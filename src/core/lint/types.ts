/** The linter's plain data: findings, fixes as text edits, rules. No editor types here. */
import type { Config } from '../model/schemas';
import type { DocumentKind, ParsedDocument, Severity } from '../parser/types';
import type { Range, TextEdit } from '../text';

export type { Severity, TextEdit };

/** A fix is data: a title and edits, applied alike by the editor and the CLI. */
export interface Fix {
  title: string;
  edits: TextEdit[];
}

export interface Finding {
  rule: string;
  severity: Severity;
  message: string;
  range: Range;
  /** The rule's fix, applied by "Fix all" and `sitrep lint --fix`. */
  fix?: Fix;
  /** Alternative fixes offered one by one in the editor, never applied automatically. */
  suggestions?: Fix[];
}

/** What a rule reports; the engine adds the rule name and the resolved severity. */
export interface Report {
  range: Range;
  message: string;
  fix?: Fix;
  suggestions?: Fix[];
}

/** A precompiled matcher for literal phrases (never user regular expressions). */
export interface PhraseMatcher {
  readonly phrases: readonly string[];
  /** The lower-case words a line must hold for any phrase to match there. */
  readonly anchors: readonly string[];
  /** All matches in a short text (a table cell, a list item), as [start, end) offsets. */
  matchAll(text: string): Array<[number, number]>;
  /** All matches in the document's lines, found through the lint's one shared anchor scan. */
  matchLines(ctx: RuleContext): Array<{ line: number; column: number; endColumn: number }>;
}

export interface RuleContext {
  doc: ParsedDocument;
  lines: readonly string[];
  config: Config;
  /** Epoch ms for time-based rules (action-overdue, update-cadence); undefined skips those checks. */
  now?: number;
  /** Extra literal phrases configured for this rule (phrase rules only). */
  extraPhrases?: PhraseMatcher;
  /** Line of an offset into doc.text (binary search over line starts, computed once per lint). */
  lineOf(offset: number): number;
  /**
   * Lines (sorted) holding any of these lower-case anchor words. The engine finds every rule's
   * anchors in one scan of the text per lint; a rule must declare its anchors in `Rule.anchors`.
   */
  linesWith(anchors: readonly string[]): number[];
  /** Offset of the start of a line in doc.text. */
  lineStart(line: number): number;
  report(report: Report): void;
}

export interface Rule {
  /** Public rule name, used in config, control comments and every output. */
  name: string;
  description: string;
  defaultSeverity: Severity;
  /** True when the rule offers fixes (its `fix` or `suggestions`). */
  fixable: boolean;
  /** Path of the rule's documentation page in the repository, e.g. docs/rules/no-blame.md. */
  docs: string;
  /** Document kinds the rule checks. */
  kinds: readonly Exclude<DocumentKind, 'unknown'>[];
  /** True when `.sitrep.yaml` may add literal phrases for it. */
  phrases?: boolean;
  /** Lower-case words the rule looks for with `ctx.linesWith` (one shared scan per lint). */
  anchors?: readonly string[];
  /** True when the rule also runs on a truncated (huge or binary) document. */
  frontMatterOnly?: boolean;
  check(ctx: RuleContext): void;
}
