/**
 * Minimal glob matching for document patterns: `**` (any folders), `*` (within a segment), `?`,
 * `{a,b}` alternatives and `[abc]` classes. Paths use forward slashes, relative to a folder.
 * A pattern ending in `/**` (or a bare folder name with `/**`) matches everything beneath.
 * Matching ignores case: a postmortems folder glob also finds `Documentation/PostMortems/`.
 */
const cache = new Map<string, RegExp>();

export function globToRegExp(glob: string): RegExp {
  const hit = cache.get(glob);
  if (hit) return hit;
  let re = '';
  let i = 0;
  let inGroup = 0;
  const g = glob.replace(/^\.\//, '');
  while (i < g.length) {
    const c = g[i];
    if (c === '*') {
      if (g[i + 1] === '*') {
        // `**/` matches zero or more folders; a trailing `**` matches anything.
        if (g[i + 2] === '/') {
          re += '(?:[^/]*/)*';
          i += 3;
        } else {
          re += '.*';
          i += 2;
        }
      } else {
        re += '[^/]*';
        i++;
      }
    } else if (c === '?') {
      re += '[^/]';
      i++;
    } else if (c === '{') {
      inGroup++;
      re += '(?:';
      i++;
    } else if (c === '}' && inGroup > 0) {
      inGroup--;
      re += ')';
      i++;
    } else if (c === ',' && inGroup > 0) {
      re += '|';
      i++;
    } else if (c === '[') {
      const end = g.indexOf(']', i + 1);
      if (end < 0) {
        re += '\\[';
        i++;
      } else {
        re += '[' + g.slice(i + 1, end).replace(/^!/, '^').replace(/\\/g, '\\\\') + ']';
        i = end + 1;
      }
    } else {
      re += c.replace(/[.+^$()|\\\]]/g, '\\$&');
      i++;
    }
  }
  while (inGroup-- > 0) re += ')';
  const out = new RegExp(`^${re}$`, 'i');
  cache.set(glob, out);
  return out;
}

/** True when the relative path matches any of the globs. */
export function matchesAny(relPath: string, globs: readonly string[]): boolean {
  const p = relPath.replace(/\\/g, '/').replace(/^\.\//, '');
  return globs.some((g) => globToRegExp(g).test(p));
}

export { DEFAULT_DOCUMENT_GLOBS } from './discovery';
