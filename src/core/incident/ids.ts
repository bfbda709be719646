/**
 * Incident ids: collision-free, readable, sortable. `<YYYY-MM-DD>-<slug>-<suffix>`, e.g.
 * 2026-11-27-checkout-5xx-k3f9. The date is the UTC declaration date, the slug comes from the
 * title, and the four-character base-36 suffix is random; an id already taken is never returned.
 */
import { formatDate } from '../time';

const MAX_SLUG = 40;

/** "Checkout 5xx: errors on /pay!" → "checkout-5xx-errors-on-pay". Never empty ("incident"). */
export function slugify(title: string, maxLength = MAX_SLUG): string {
  const s = title
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|(?<!-)-+$/g, '');
  if (!s) return 'incident';
  if (s.length <= maxLength) return s;
  // Cut at a word boundary when one is reasonably close.
  const cut = s.slice(0, maxLength + 1);
  const at = cut.lastIndexOf('-');
  return (at >= maxLength / 2 ? cut.slice(0, at) : s.slice(0, maxLength)).replace(/(?<!-)-+$/, '');
}

const ALPHABET = '0123456789abcdefghijklmnopqrstuvwxyz';

/** A random suffix of `length` base-36 characters; `random` returns values in [0, 1). */
export function randomSuffix(random: () => number = Math.random, length = 4): string {
  let out = '';
  for (let i = 0; i < length; i++) out += ALPHABET[Math.min(ALPHABET.length - 1, Math.floor(random() * ALPHABET.length))];
  return out;
}

interface IdOptions {
  /** Declaration time, epoch ms. */
  now: number;
  /** Ids already in use (case-insensitive); the result is never one of them. */
  taken?: Iterable<string> | ((id: string) => boolean);
  random?: () => number;
}

/** A new incident id that is not in `taken`. */
export function generateIncidentId(title: string, { now, taken, random = Math.random }: IdOptions): string {
  const isTaken = typeof taken === 'function' ? taken : setOf(taken);
  const base = `${formatDate(now)}-${slugify(title)}`;
  for (let attempt = 0; attempt < 1000; attempt++) {
    // After a few clashes (or a broken random source) widen the suffix.
    const id = `${base}-${randomSuffix(random, attempt < 20 ? 4 : 6)}`;
    if (!isTaken(id)) return id;
  }
  // A random source that keeps colliding: fall back to a counter, still collision-free.
  for (let n = 1; ; n++) {
    const id = `${base}-${n.toString(36)}`;
    if (!isTaken(id)) return id;
  }
}

function setOf(taken: Iterable<string> | undefined): (id: string) => boolean {
  const s = new Set<string>();
  if (taken) for (const t of taken) s.add(t.toLowerCase());
  return (id) => s.has(id.toLowerCase());
}

const ID_SHAPE = /^\d{4}-\d{2}-\d{2}-(.+)-[0-9a-z]{4,6}$/;

/** The slug part of an id for compact display: "2026-11-27-checkout-5xx-k3f9" → "checkout-5xx". */
export function shortName(id: string): string {
  const m = ID_SHAPE.exec(id);
  return m ? m[1] : id;
}
