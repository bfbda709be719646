/**
 * The taxonomy of recurring classes: contributing-factor layers, trigger classes (literal phrases
 * matched in factor lines), services and tags, each feeding one standards track. Defaults here;
 * `.sitrep.yaml` `report:` adds, replaces or drops trigger classes and re-maps tracks.
 */
import { FACTOR_LAYERS, type FactorLayer, type ReportSettings, type StandardsTrack } from '../model/schemas';

export const TRACK_LABELS: Record<StandardsTrack, string> = {
  slo: 'SLO',
  observability: 'Observability',
  'safe-change': 'Safe change',
  ha: 'High availability',
  'dependency-resilience': 'Dependency resilience',
  'platform-improvement': 'Platform improvement',
};

export const LAYER_LABELS: Record<FactorLayer, string> = {
  'technical-trigger': 'Technical trigger',
  detection: 'Detection gap',
  'rollout-control': 'Rollout/control gap',
  'responsibility-runbook': 'Responsibility/runbook gap',
  organizational: 'Organizational tradeoff',
};

const DEFAULT_LAYER_TRACKS: Record<FactorLayer, StandardsTrack> = {
  'technical-trigger': 'platform-improvement',
  detection: 'observability',
  'rollout-control': 'safe-change',
  'responsibility-runbook': 'platform-improvement',
  organizational: 'platform-improvement',
};

interface TriggerClass {
  id: string;
  label: string;
  track: StandardsTrack;
  phrases: string[];
}

/** The built-in trigger classes. A phrase matches where a word starts and may run on into a longer word. */
export const DEFAULT_TRIGGER_CLASSES: readonly TriggerClass[] = [
  { id: 'config-change', label: 'Config change', track: 'safe-change', phrases: ['config change', 'configuration change', 'config push', 'configuration push', 'config update', 'settings change', 'misconfigur'] },
  { id: 'deploy', label: 'Deploy', track: 'safe-change', phrases: ['deploy', 'release', 'new version', 'new build', 'rolled out'] },
  { id: 'certificate-expiry', label: 'Certificate/expiry', track: 'platform-improvement', phrases: ['certificate', 'tls cert', 'ssl cert', 'expir', 'renewal'] },
  { id: 'capacity-quota', label: 'Capacity/quota', track: 'ha', phrases: ['capacity', 'quota', 'rate limit', 'out of memory', 'oom', 'disk full', 'exhaust', 'saturat', 'throttl', 'connection pool', 'headroom'] },
  { id: 'dependency-provider', label: 'Dependency/provider', track: 'dependency-resilience', phrases: ['dependenc', 'provider', 'vendor', 'third-party', 'third party', 'upstream'] },
  { id: 'data-migration', label: 'Data migration', track: 'safe-change', phrases: ['migrat', 'schema change', 'backfill'] },
  { id: 'dns', label: 'DNS', track: 'dependency-resilience', phrases: ['dns', 'name resolution', 'resolver'] },
  { id: 'feature-flag', label: 'Feature flag', track: 'safe-change', phrases: ['feature flag', 'feature toggle', 'flag change', 'flag flip', 'kill switch'] },
];

const DEFAULT_WINDOW_DAYS = 180;
const DEFAULT_MIN_POSTMORTEMS = 3;

export interface Taxonomy {
  windowDays: number;
  minPostmortems: number;
  triggers: TriggerClass[];
  layerTracks: Record<FactorLayer, StandardsTrack>;
  serviceTrack: StandardsTrack;
  tagTrack: StandardsTrack;
}

const resolved = new WeakMap<object, Taxonomy>();
const NO_SETTINGS = {};

/** The taxonomy in force under a config's `report:` settings (the same object for the same settings). */
export function resolveTaxonomy(settings: ReportSettings | undefined): Taxonomy {
  const key = settings ?? NO_SETTINGS;
  let t = resolved.get(key);
  if (!t) {
    t = resolveUncached(settings ?? {});
    resolved.set(key, t);
  }
  return t;
}

function resolveUncached(s: ReportSettings): Taxonomy {
  const own = s.classes ?? {};
  const triggers: TriggerClass[] = [];
  if (s.default_classes !== false) {
    for (const d of DEFAULT_TRIGGER_CLASSES) {
      const o = own[d.id];
      if (o === false) continue;
      triggers.push(o ? { id: d.id, label: o.label ?? d.label, track: o.track, phrases: [...o.phrases] } : { ...d, phrases: [...d.phrases] });
    }
  }
  for (const [id, o] of Object.entries(own)) {
    if (o === false || triggers.some((t) => t.id === id)) continue;
    triggers.push({ id, label: o.label ?? labelFromId(id), track: o.track, phrases: [...o.phrases] });
  }
  const layerTracks = { ...DEFAULT_LAYER_TRACKS };
  for (const l of FACTOR_LAYERS) {
    const t = s.layer_tracks?.[l];
    if (t) layerTracks[l] = t;
  }
  return {
    windowDays: s.window_days ?? DEFAULT_WINDOW_DAYS,
    minPostmortems: s.min_postmortems ?? DEFAULT_MIN_POSTMORTEMS,
    triggers,
    layerTracks,
    serviceTrack: s.service_track ?? 'slo',
    tagTrack: s.tag_track ?? 'platform-improvement',
  };
}

function labelFromId(id: string): string {
  const t = id.replace(/-/g, ' ');
  return t.charAt(0).toUpperCase() + t.slice(1);
}

function isWordChar(code: number): boolean {
  return (code >= 48 && code <= 57) || (code >= 65 && code <= 90) || (code >= 97 && code <= 122) || code === 95 || code > 127;
}

/**
 * Whether a literal phrase occurs in a text where a word starts, ignoring case. Linear in the text
 * for each phrase (indexOf, no regular expression built from configuration).
 */
export function containsPhrase(lowerText: string, phrase: string): boolean {
  const p = phrase.trim().toLowerCase();
  if (!p) return false;
  const needsStart = isWordChar(p.charCodeAt(0));
  let from = 0;
  for (;;) {
    const i = lowerText.indexOf(p, from);
    if (i < 0) return false;
    if (!needsStart || i === 0 || !isWordChar(lowerText.charCodeAt(i - 1))) return true;
    from = i + 1;
  }
}

/** The trigger classes whose phrases occur in a factor's text. */
export function triggerClassesOf(text: string, triggers: readonly TriggerClass[]): TriggerClass[] {
  const lower = text.toLowerCase();
  return triggers.filter((t) => t.phrases.some((p) => containsPhrase(lower, p)));
}

const matched = new WeakMap<object, { triggers: readonly TriggerClass[]; classes: TriggerClass[] }>();

/**
 * triggerClassesOf for an object that holds the text (a factor), remembered for as long as the
 * object lives and the taxonomy is the same: a report rebuilt after one document changed matches
 * only that document's factors again.
 */
export function triggerClassesOfCached(holder: { text: string }, triggers: readonly TriggerClass[]): TriggerClass[] {
  const hit = matched.get(holder);
  if (hit && hit.triggers === triggers) return hit.classes;
  const classes = triggerClassesOf(holder.text, triggers);
  matched.set(holder, { triggers, classes });
  return classes;
}
