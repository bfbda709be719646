/**
 * Messages between the extension host and the Sitrep worker, which lints and indexes documents
 * off the extension-host thread. Plain data only (structured clone).
 */
import type { IndexedDocument, IndexOptions } from '../../core/incident';
import type { Finding } from '../../core/lint';
import type { Config } from '../../core/model/schemas';
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

export type WorkerRequest =
  | { id: number; type: 'lint'; text: string; options: LintRequestOptions }
  | { id: number; type: 'summarize'; key: string; text: string; options: IndexOptions };

export type WorkerResponse =
  | { id: number; ok: true; type: 'lint'; result: LintSummary }
  | { id: number; ok: true; type: 'summarize'; result: IndexedDocument | undefined }
  | { id: number; ok: false; error: string };
