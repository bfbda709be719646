/**
 * The lint engine: one parse, then every enabled rule over the parsed model, then inline control
 * comments and configured severities. Pure: no clock (callers pass `now`), no file system.
 */
import type { Config } from '../model/schemas';
import { parseDocument, type ParseOptions } from '../parser';
import type { ParsedDocument } from '../parser/types';
import { resolveRules } from './config';
import { ControlMap, readControls } from './controls';
import { scanAnchors } from './phrases';
import { applyFixes } from './fixes';
import { hasBom, stripBom } from '../text';
import type { Finding, Report, Rule, RuleContext } from './types';

export interface LintOptions extends ParseOptions {
  config?: Config;
  /** Epoch ms; rules that compare with the present (action-overdue, update-cadence) skip without it. */
  now?: number;
  /** Rules to run; defaults to the registry passed to `createLinter`. */
  rules?: readonly Rule[];
}

export interface LintResult {
  doc: ParsedDocument;
  findings: Finding[];
}

/** Problems the parser reports that are not rules of their own. */
export const PARSE_ERROR = 'parse-error';

/** Findings kept per rule and document: a rule that reports more is stopped, and says so once. */
export const MAX_FINDINGS_PER_RULE = 500;

/** Thrown by `report` past the cap to stop the rule's check (caught by the engine). */
class RuleCapped extends Error {}

function lineStartsOf(doc: ParsedDocument): number[] {
  // From the split lines: each line break is \r\n, \r or \n, found right after the line's text.
  const { lines, text } = doc;
  const starts = new Array<number>(lines.length);
  let pos = 0;
  for (let i = 0; i < lines.length; i++) {
    starts[i] = pos;
    pos += lines[i].length;
    const c = text.charCodeAt(pos);
    pos += c === 13 ? (text.charCodeAt(pos + 1) === 10 ? 2 : 1) : c === 10 ? 1 : 0;
  }
  return starts;
}

/**
 * Lints a parsed document with the given rules.
 * Over 80 lines: the rule context's helpers (line starts, the shared anchor scan, report) are
 * closures over one lint's lazily computed state, built here once and handed to every rule.
 */
export function lintDocument(doc: ParsedDocument, rules: readonly Rule[], options: LintOptions = {}): Finding[] {
  const findings: Finding[] = [];
  for (const p of doc.problems) {
    if (p.code === PARSE_ERROR) findings.push({ rule: PARSE_ERROR, severity: p.severity, message: p.message, range: p.range });
  }
  if (doc.kind === 'unknown') return findings;
  const kind = doc.kind;
  const resolved = resolveRules(options.rules ?? rules, options.config);
  let starts: number[] | undefined;
  const lineStart = (line: number) => {
    starts ??= lineStartsOf(doc);
    return starts[Math.max(0, Math.min(line, starts.length - 1))];
  };
  const lineOf = (offset: number) => {
    starts ??= lineStartsOf(doc);
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid] <= offset) lo = mid;
      else hi = mid - 1;
    }
    return lo;
  };
  // Every anchor word the enabled rules look for, found in one scan of the text (on first use).
  let anchorLines: Map<string, number[]> | undefined;
  const anchors: string[] = [];
  for (const r of resolved) {
    if (!r.rule.kinds.includes(kind)) continue;
    if (r.rule.anchors) anchors.push(...r.rule.anchors);
    if (r.extraPhrases) anchors.push(...r.extraPhrases.anchors);
  }
  const linesWith = (words: readonly string[]): number[] => {
    anchorLines ??= scanAnchors(doc.text, anchors, lineOf);
    if (words.length === 1) {
      const hit = anchorLines.get(words[0]);
      if (!hit) throw new Error(`anchor "${words[0]}" was not declared by the rule`);
      return hit;
    }
    const set = new Set<number>();
    for (const w of words) {
      const hit = anchorLines.get(w);
      if (!hit) throw new Error(`anchor "${w}" was not declared by the rule`);
      hit.forEach((l) => set.add(l));
    }
    return [...set].sort((a, b) => a - b);
  };
  const controls = new ControlMap(readControls(doc));
  for (const { rule, severity, extraPhrases } of resolved) {
    if (!rule.kinds.includes(kind)) continue;
    if (doc.truncated && !rule.frontMatterOnly) continue;
    const name = rule.name;
    let kept = 0;
    let capped = false;
    const ctx: RuleContext = {
      doc,
      lines: doc.lines,
      config: options.config ?? {},
      now: options.now,
      extraPhrases,
      lineOf,
      lineStart,
      linesWith,
      report(r: Report) {
        if (!controls.empty && controls.isDisabled(name, r.range.line)) return;
        if (kept >= MAX_FINDINGS_PER_RULE) {
          capped = true;
          throw new RuleCapped();
        }
        kept++;
        const f: Finding = { rule: name, severity, message: r.message, range: r.range };
        if (r.fix) f.fix = r.fix;
        if (r.suggestions?.length) f.suggestions = r.suggestions;
        findings.push(f);
      },
    };
    try {
      rule.check(ctx);
    } catch (e) {
      // A rule bug must never stop linting: report it where it can be seen.
      if (!(e instanceof RuleCapped)) {
        findings.push({
          rule: name,
          severity: 'error',
          message: `Sitrep's ${name} rule failed on this document (${e instanceof Error ? e.message : String(e)}); please report it.`,
          range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
        });
      }
    }
    if (capped) {
      findings.push({
        rule: name,
        severity: 'info',
        message: `Sitrep stopped ${name} after ${MAX_FINDINGS_PER_RULE} findings in this document; fix these and lint again for the rest.`,
        range: { line: 0, column: 0, endLine: 0, endColumn: 0 },
      });
    }
  }
  findings.sort(
    (a, b) => a.range.line - b.range.line || a.range.column - b.range.column || (a.rule < b.rule ? -1 : a.rule > b.rule ? 1 : 0),
  );
  return findings;
}

/** Parses and lints a text. */
export function lintText(text: string, rules: readonly Rule[], options: LintOptions = {}): LintResult {
  const doc = parseDocument(text, options);
  return { doc, findings: lintDocument(doc, rules, options) };
}

/**
 * Applies fixes until none is left (at most `passes` rounds, each re-linting the result).
 * Keeps a leading byte-order mark when the input had one.
 */
export function fixText(text: string, rules: readonly Rule[], options: LintOptions = {}, passes = 10): { text: string; applied: number; result: LintResult } {
  const bom = hasBom(text) ? '\ufeff' : '';
  let current = stripBom(text);
  let applied = 0;
  let result = lintText(current, rules, options);
  for (let i = 0; i < passes; i++) {
    const r = applyFixes(result.doc.text, result.findings);
    if (r.applied === 0) break;
    applied += r.applied;
    current = r.text;
    result = lintText(current, rules, options);
  }
  return { text: bom + current, applied, result };
}
