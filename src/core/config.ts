/** Project configuration (.sitrep.yaml): parsed with exact problem ranges, falling back to defaults. */
import { LineCounter, parseDocument as parseYaml } from 'yaml';
import { Config, SEVERITIES, type Severity } from './model/schemas';
import { LineIndex, splitLines, stripBom } from './text';
import type { Problem } from './parser/types';
import type { FrontMatter } from './parser/frontmatter';
import { duplicateKeys, schemaProblems, yamlEntries } from './parser/frontmatter';
import { DEFAULT_DOCUMENT_GLOBS, globProblem } from './glob';

/** A configuration file longer than this (characters) is not read. */
export const MAX_CONFIG_LENGTH = 256 * 1024;

export const CONFIG_FILE_NAMES = ['.sitrep.yaml', '.sitrep.yml'];

/** Default status-update cadence in minutes per severity, and the most each may be set to. */
export const DEFAULT_CADENCE: Record<Severity, number> = { SEV1: 30, SEV2: 60, SEV3: 120, SEV4: 240 };
export const MAX_CADENCE: Partial<Record<Severity, number>> = { SEV1: 30, SEV2: 60 };

export const SEVERITY_DEFINITIONS: Record<Severity, { label: string; description: string }> = {
  SEV1: { label: 'Critical', description: 'Widespread critical user impact, or data or security impact.' },
  SEV2: { label: 'High', description: 'Major but bounded customer impact.' },
  SEV3: { label: 'Medium', description: 'Limited degradation, or an internal dependency at risk.' },
  SEV4: { label: 'Low', description: 'Low-impact anomaly that needs follow-up.' },
};

export interface LoadedConfig {
  config: Config;
  problems: Problem[];
}

/**
 * Parses .sitrep.yaml text. A broken file yields problems and the default (empty) config, never
 * an exception: linting goes on with defaults.
 */
export function parseConfig(text: string): LoadedConfig {
  const src = stripBom(text);
  const problems: Problem[] = [];
  if (src.trim() === '') return { config: {}, problems };
  if (src.length > MAX_CONFIG_LENGTH) {
    problems.push({ code: 'config', severity: 'error', message: `The configuration is ${Math.ceil(src.length / 1024)} KB; Sitrep reads configuration files up to ${MAX_CONFIG_LENGTH / 1024} KB.`, range: { line: 0, column: 0, endLine: 0, endColumn: 0 } });
    return { config: {}, problems };
  }
  const index = new LineIndex(src);
  const lines = splitLines(src);
  const lineCounter = new LineCounter();
  // uniqueKeys off: the parser's own check is quadratic; duplicateKeys() is linear. CR-only line
  // breaks become \n (same length) so the parser sees lines.
  const doc = parseYaml(src.replace(/\r(?!\n)/g, '\n'), { lineCounter, prettyErrors: false, uniqueKeys: false, strict: true });
  for (const err of doc.errors) {
    const [s, e] = err.pos;
    problems.push({ code: 'config', severity: 'error', message: `YAML: ${err.message.split('\n')[0]}`, range: index.range(s, Math.max(e, s + 1)) });
  }
  for (const d of duplicateKeys(doc.contents)) {
    problems.push({ code: 'config', severity: 'error', message: `YAML: Map keys must be unique ("${d.key}" appears twice)`, range: index.range(d.range[0], Math.max(d.range[1], d.range[0] + 1)) });
  }
  if (problems.length) return { config: {}, problems };
  let data: unknown;
  try {
    data = doc.toJS({ maxAliasCount: 100 });
  } catch (e) {
    problems.push({ code: 'config', severity: 'error', message: `YAML: ${e instanceof Error ? e.message : String(e)}`, range: { line: 0, column: 0, endLine: 0, endColumn: lines[0]?.length ?? 0 } });
    return { config: {}, problems };
  }
  if (data === null || data === undefined) return { config: {}, problems };
  const fm: FrontMatter = {
    startLine: 0,
    endLine: 0,
    data: data as Record<string, unknown>,
    entries: yamlEntries(doc.contents, (s, e) => index.range(s, e)),
    openRange: { line: 0, column: 0, endLine: 0, endColumn: lines[0]?.length ?? 0 },
  };
  const parsed = Config.safeParse(data);
  if (!parsed.success) {
    for (const p of schemaProblems(fm, Config, 'configuration')) problems.push({ ...p, code: 'config' });
    return { config: {}, problems };
  }
  const config = parsed.data;
  // Globs: one that cannot be used (a backwards range, too many wildcards) is reported and dropped.
  for (const key of ['documents', 'ignore'] as const) {
    const list = config[key];
    if (!list) continue;
    const kept = list.filter((g, i) => {
      const why = globProblem(g);
      if (why) {
        const e = fm.entries.get(`${key}.${i}`);
        problems.push({ code: 'config', severity: 'error', message: `${key}: the glob "${g}" ${why}`, range: e?.valueRange ?? { line: 0, column: 0, endLine: 0, endColumn: 0 } });
      }
      return !why;
    });
    config[key] = kept;
  }
  for (const sev of ['SEV1', 'SEV2'] as const) {
    const c = config.severities?.[sev]?.cadence_minutes;
    const max = MAX_CADENCE[sev]!;
    if (c !== undefined && c > max) {
      const e = fm.entries.get(`severities.${sev}.cadence_minutes`);
      problems.push({
        code: 'config',
        severity: 'error',
        message: `${sev} updates are due at least every ${max} minutes; ${c} is too long. Using ${max}.`,
        range: e?.valueRange ?? { line: 0, column: 0, endLine: 0, endColumn: 0 },
      });
    }
  }
  return { config, problems };
}

/** What the editor's settings contribute to the configuration (the CLI has none). */
export interface EditorSettings {
  /** `sitrep.cadenceMinutes`: default minutes between status updates per severity. */
  cadenceMinutes?: Partial<Record<Severity, number>>;
  /** `sitrep.documentGlobs`: used when `.sitrep.yaml` has no `documents`. */
  documentGlobs?: readonly string[];
}

/**
 * The one configuration every reader uses (status bar, commands, linter, CLI): `.sitrep.yaml`
 * over the editor settings. A severity's `cadence_minutes` in the file wins over
 * `sitrep.cadenceMinutes`; the file's `documents` win over `sitrep.documentGlobs`.
 */
export function withSettings(project: Config, settings: EditorSettings = {}): Config {
  const severities: NonNullable<Config['severities']> = {};
  for (const sev of SEVERITIES) {
    const fromProject = project.severities?.[sev];
    const fromSetting = settings.cadenceMinutes?.[sev];
    const setting = typeof fromSetting === 'number' && fromSetting > 0 ? { cadence_minutes: fromSetting } : {};
    if (fromProject || setting.cadence_minutes) severities[sev] = { ...setting, ...(fromProject ?? {}) };
  }
  const out: Config = { ...project };
  if (Object.keys(severities).length) out.severities = severities;
  if (!project.documents?.length && settings.documentGlobs?.length) out.documents = [...settings.documentGlobs];
  return out;
}

export function documentGlobsOf(config: Config): string[] {
  return config.documents && config.documents.length ? config.documents : DEFAULT_DOCUMENT_GLOBS;
}

export { SEVERITIES };
