/** The linter's public face: lint a text or a parsed document with the registered rules. */
import type { ParsedDocument } from '../parser/types';
import { RULES } from '../rules';
import { loadConfig as loadConfigWith } from './config';
import { fixText as fixTextWith, lintDocument as lintDocumentWith, lintText as lintTextWith, type LintOptions, type LintResult } from './engine';
import type { Finding } from './types';

export * from './types';
export { applyFixes, compatibleFixes } from './fixes';
export { applyEdits } from '../text';
export { readControls, ControlMap } from './controls';
export { disableFix } from './disable';
export { phraseMatcher } from './phrases';
export { resolveRules } from './config';
export { PARSE_ERROR, type LintOptions, type LintResult } from './engine';
export { RULES, RULES_BY_NAME, ruleByName } from '../rules';

/** Parses and lints a text with every registered rule (or `options.rules`). */
export function lint(text: string, options: LintOptions = {}): LintResult {
  return lintTextWith(text, RULES, options);
}

export function lintParsed(doc: ParsedDocument, options: LintOptions = {}): Finding[] {
  return lintDocumentWith(doc, RULES, options);
}

/** Applies every fix, re-linting between rounds, until none is left. */
export function fix(text: string, options: LintOptions = {}) {
  return fixTextWith(text, RULES, options);
}

/** Parses `.sitrep.yaml` and checks its rule names against the registry. */
export function loadConfig(text: string) {
  return loadConfigWith(text, RULES);
}
export { explainPhraseFinding, describeFindingExplanation, type FindingExplanation } from './explain-finding';
