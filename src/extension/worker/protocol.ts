/**
 * Messages between the extension host and the Sitrep worker, which lints and indexes documents
 * off the extension-host thread. Plain data only (structured clone).
 */
import type { IndexedDocument, IndexOptions } from '../../core/incident';
import type { Finding } from '../../core/lint';
import type { Config } from '../../core/model/schemas';
import type { ReadOptions, ReportDoc } from '../../core/report';
import type { DocumentKind } from '../../core/parser/types';

export interface LintRequestOptions {
  relativePath?: string;
  globs?: readonly string[];
  ignore?: readonly string[];
  config?: Config;
  now?: number;
}

/** What the editor keeps of a lint: findings and what code actions need to place their edits. */
export interface LintSummary {
  kind: DocumentKind;
  findings: Finding[];
  bodyStartLine: number;
  eol: '\n' | '\r\n';
  truncated: boolean;
}

/** A hover: what Sitrep read on one line, and why the findings on it count (core/explain hoverAt). */
export interface HoverRequestOptions {
  relativePath?: string;
  globs?: readonly string[];
  ignore?: readonly string[];
  line: number;
  /** The findings the editor shows for the document (from its last lint). */
  findings: Finding[];
}

export type WorkerRequest =
  | { id: number; type: 'lint'; text: string; options: LintRequestOptions }
  | { id: number; type: 'summarize'; key: string; text: string; options: IndexOptions }
  | { id: number; type: 'hover'; text: string; options: HoverRequestOptions }
  | { id: number; type: 'report'; text: string; options: ReadOptions };

export type WorkerResponse =
  | { id: number; ok: true; type: 'lint'; result: LintSummary }
  | { id: number; ok: true; type: 'summarize'; result: IndexedDocument | undefined }
  | { id: number; ok: true; type: 'hover'; result: string[] | undefined }
  | { id: number; ok: true; type: 'report'; result: ReportDoc | undefined }
  | { id: number; ok: false; error: string };
