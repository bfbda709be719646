/** Rule settings from `.sitrep.yaml`: levels and extra phrases, resolved once per config object. */
import { LineCounter, parseDocument as parseYaml } from 'yaml';
import { parseConfig, type LoadedConfig } from '../config';
import type { Config } from '../model/schemas';
import { editDistance, yamlEntries } from '../parser/frontmatter';
import { LineIndex, stripBom } from '../text';
import { phraseMatcher } from './phrases';
import type { PhraseMatcher, Rule, Severity } from './types';

interface ResolvedRule {
  rule: Rule;
  severity: Severity;
  extraPhrases?: PhraseMatcher;
}

const resolvedCache = new WeakMap<object, Map<readonly Rule[], ResolvedRule[]>>();
const EMPTY: Config = {};

/** Enabled rules with their severity and extra phrases, for a config (cached per config object). */
export function resolveRules(rules: readonly Rule[], config: Config = EMPTY): ResolvedRule[] {
  let byRules = resolvedCache.get(config);
  if (!byRules) {
    byRules = new Map();
    resolvedCache.set(config, byRules);
  }
  const hit = byRules.get(rules);
  if (hit) return hit;
  const out: ResolvedRule[] = [];
  for (const rule of rules) {
    const setting = config.rules?.[rule.name];
    const level = typeof setting === 'string' ? setting : setting?.level;
    if (level === 'off') continue;
    const r: ResolvedRule = { rule, severity: level ?? rule.defaultSeverity };
    if (rule.phrases && typeof setting === 'object' && setting.phrases?.length) r.extraPhrases = phraseMatcher(setting.phrases);
    out.push(r);
  }
  byRules.set(rules, out);
  return out;
}

/**
 * Parses `.sitrep.yaml` text and also checks rule names against the registry: an unknown name is
 * reported at its key (with a "did you mean") and ignored; phrases on a rule that takes none too.
 */
export function loadConfig(text: string, rules: readonly Rule[]): LoadedConfig {
  const loaded = parseConfig(text);
  const settings = loaded.config.rules;
  if (!settings) return loaded;
  const names = new Set(rules.map((r) => r.name));
  const unknown = Object.keys(settings).filter((k) => !names.has(k));
  const phraseless = Object.entries(settings)
    .filter(([k, v]) => names.has(k) && typeof v === 'object' && v.phrases?.length && !rules.find((r) => r.name === k)?.phrases)
    .map(([k]) => k);
  if (!unknown.length && !phraseless.length) return loaded;
  const src = stripBom(text);
  const index = new LineIndex(src);
  const doc = parseYaml(src, { lineCounter: new LineCounter() });
  const entries = yamlEntries(doc.contents, (s, e) => index.range(s, e));
  const problems = [...loaded.problems];
  const kept: NonNullable<Config['rules']> = {};
  for (const [k, v] of Object.entries(settings)) if (names.has(k)) kept[k] = v;
  for (const k of unknown) {
    let best = '';
    let bestD = Infinity;
    for (const n of names) {
      const d = editDistance(k, n);
      if (d < bestD) {
        bestD = d;
        best = n;
      }
    }
    const hint = bestD <= 3 ? ` Did you mean "${best}"?` : ` Known rules: ${[...names].join(', ')}.`;
    problems.push({
      code: 'config',
      severity: 'warning',
      message: `Unknown rule "${k}" in rules; it is ignored.${hint}`,
      range: entries.get(`rules.${k}`)?.keyRange ?? { line: 0, column: 0, endLine: 0, endColumn: 0 },
    });
  }
  for (const k of phraseless) {
    problems.push({
      code: 'config',
      severity: 'warning',
      message: `Rule "${k}" takes no phrases; only no-human-error, no-blame and no-vague-action do. The phrases are ignored.`,
      range: entries.get(`rules.${k}.phrases`)?.keyRange ?? entries.get(`rules.${k}`)?.keyRange ?? { line: 0, column: 0, endLine: 0, endColumn: 0 },
    });
  }
  return { config: { ...loaded.config, rules: kept }, problems };
}
