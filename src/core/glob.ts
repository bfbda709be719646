/**
 * Glob matching for document patterns, through picomatch (its POSIX build: no Node built-ins, so
 * the same code runs in the CLI, the extension host and VS Code for the Web). Paths use forward
 * slashes, relative to a folder; dot files match. Matching ignores case: a postmortems folder glob
 * also finds `Documentation/PostMortems/`.
 *
 * Globs come from `.sitrep.yaml` and the command line, that is from whoever wrote the repository,
 * and picomatch compiles each `*` to a lazy quantifier: a glob with many of them backtracks
 * polynomially (`*a*a*a*a*b` against 255 characters takes seconds). So a glob is checked before it
 * is compiled (`globProblem`: length, wildcards per segment, globstars, no extglobs, valid
 * classes), and a path longer than MAX_MATCH_PATH never matches. Within these bounds the worst
 * case is a few milliseconds per path.
 */
import picomatch from 'picomatch/posix';

export { DEFAULT_DOCUMENT_GLOBS } from './discovery';

/** Longest glob accepted. */
const MAX_GLOB_LENGTH = 256;
/** Most `*` wildcards in a row in one path segment (`**` not counted; of `{a,b}` alternatives, the most any has). */
const MAX_STARS_PER_SEGMENT = 2;
/** Most `**` segments in one glob. */
const MAX_GLOBSTARS = 2;
/** Paths longer than this (characters) match no glob. */
const MAX_MATCH_PATH = 1024;

export class GlobError extends Error {
  constructor(
    readonly glob: string,
    reason: string,
  ) {
    super(`The glob "${glob.length > 80 ? `${glob.slice(0, 80)}…` : glob}" ${reason}`);
  }
}

/** Why a glob cannot be used (one sentence), or undefined when it can. */
export function globProblem(glob: string): string | undefined {
  if (glob.length === 0) return 'is empty.';
  if (glob.length > MAX_GLOB_LENGTH) return `is longer than ${MAX_GLOB_LENGTH} characters.`;
  let globstars = 0;
  for (const segment of glob.split('/')) {
    if (segment === '**') {
      globstars++;
      continue;
    }
    if (/[+@!?*]\(/.test(segment.replace(/\\./g, ''))) return 'uses an extended pattern like +(…); use * ? [..] and {a,b} only.';
    const stars = starsInSequence(segment);
    if (stars > MAX_STARS_PER_SEGMENT) return `has ${stars} * wildcards in one path segment; at most ${MAX_STARS_PER_SEGMENT} are allowed (split it into several globs).`;
  }
  if (globstars > MAX_GLOBSTARS) return `has ${globstars} ** segments; at most ${MAX_GLOBSTARS} are allowed.`;
  // Character classes: a range must go upwards ([a-z], not [z-a]).
  for (let i = 0; i < glob.length; i++) {
    if (glob[i] === '\\') {
      i++;
      continue;
    }
    if (glob[i] !== '[') continue;
    const end = glob.indexOf(']', i + 2);
    if (end < 0) break;
    const body = glob.slice(i + 1, end).replace(/^[!^]/, '');
    for (let k = 0; k + 2 < body.length; k++) {
      if (body[k + 1] === '-' && body.charCodeAt(k) > body.charCodeAt(k + 2)) return `has the character range [${body.slice(k, k + 3)}], which runs backwards.`;
    }
    i = end;
  }
  return undefined;
}

/**
 * The most `*` wildcards a path segment can put in sequence: those outside braces, plus for each
 * `{a,b}` group the most of any alternative (picomatch makes the group one alternation, so the
 * alternatives are tried one after another, never combined).
 */
function starsInSequence(segment: string): number {
  let i = 0;
  // Reads until the end of the segment, or of the group being read (`inGroup`); returns its count.
  const read = (inGroup: boolean): number => {
    let best = 0;
    let total = 0;
    while (i < segment.length) {
      const c = segment[i++];
      if (c === '\\') i++;
      else if (c === '*') {
        total++;
        while (segment[i] === '*') i++;
      } else if (c === '{') total += read(true);
      else if (inGroup && c === ',') {
        best = Math.max(best, total);
        total = 0;
      } else if (inGroup && c === '}') break;
    }
    return Math.max(best, total);
  };
  return read(false);
}

type Matcher = (path: string) => boolean;
const cache = new Map<string, Matcher>();
const CACHE_SIZE = 256;

/** A matcher for one glob. Throws GlobError for a glob `globProblem` rejects. */
export function compileGlob(glob: string): Matcher {
  const hit = cache.get(glob);
  if (hit) return hit;
  const problem = globProblem(glob);
  if (problem) throw new GlobError(glob, problem);
  const g = glob.startsWith('./') ? glob.slice(2) : glob;
  let re: RegExp;
  try {
    re = picomatch.makeRe(g, { dot: true, noextglob: true, nocase: true });
  } catch (e) {
    throw new GlobError(glob, `cannot be read (${e instanceof Error ? e.message : String(e)}).`);
  }
  const m: Matcher = (p) => p.length <= MAX_MATCH_PATH && re.test(p);
  cache.set(glob, m);
  if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value as string);
  return m;
}

/** Kept for callers that want a RegExp-like test object. */
export function globToRegExp(glob: string): { test(path: string): boolean } {
  const m = compileGlob(glob);
  return { test: m };
}

function normalise(relPath: string): string {
  const p = relPath.replace(/\\/g, '/');
  return p.startsWith('./') ? p.slice(2) : p;
}

/** True when the relative path matches any of the globs. Globs that cannot be used match nothing. */
export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  const p = normalise(relPath);
  for (const g of globs) {
    let m: Matcher;
    try {
      m = compileGlob(g);
    } catch {
      continue;
    }
    if (m(p)) return true;
  }
  return false;
}
