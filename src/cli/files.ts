/**
 * Which files `sitrep lint` reads: folders are walked (folders that cannot be read are reported,
 * not skipped in silence), globs are split into a folder to search and a pattern, and the
 * configuration is found from the working folder up to the repository root.
 */
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CONFIG_FILE_NAMES } from '../core/config';
import { describeError } from './read';

export const toPosix = (p: string) => p.split(path.sep).join('/');

const SKIP_DIRS = new Set(['node_modules', '.git', 'out', 'dist', '.vscode-test']);
const MARKDOWN = /\.(?:md|markdown)$/i;

/** Most files one walk collects; a larger tree is reported and cut. */
const MAX_WALK_FILES = 100_000;

interface Walk {
  files: string[];
  /** Folders that could not be listed, with the reason. */
  unreadable: Array<{ dir: string; reason: string }>;
  truncated: boolean;
}

/** Markdown files under `dir` (dot-folders and build folders skipped). */
export function walk(dir: string): Walk {
  const out: Walk = { files: [], unreadable: [], truncated: false };
  const stack = [dir];
  while (stack.length) {
    const d = stack.pop()!;
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(d, { withFileTypes: true });
    } catch (e) {
      out.unreadable.push({ dir: d, reason: describeError(e) });
      continue;
    }
    entries.sort((a, b) => (a.name < b.name ? 1 : -1));
    for (const e of entries) {
      if (e.isDirectory()) {
        if (!SKIP_DIRS.has(e.name) && !e.name.startsWith('.')) stack.push(path.join(d, e.name));
      } else if (!e.isDirectory() && MARKDOWN.test(e.name)) {
        // Regular files and links (read later with a stat first); FIFOs and devices named *.md too,
        // so that they are reported rather than skipped.
        if (out.files.length >= MAX_WALK_FILES) {
          out.truncated = true;
          return out;
        }
        out.files.push(path.join(d, e.name));
      }
    }
  }
  return out;
}

export function findConfig(start: string): string | undefined {
  let dir = path.resolve(start);
  for (;;) {
    for (const name of CONFIG_FILE_NAMES) {
      const p = path.join(dir, name);
      if (fs.existsSync(p)) return p;
    }
    if (fs.existsSync(path.join(dir, '.git'))) return undefined;
    const up = path.dirname(dir);
    if (up === dir) return undefined;
    dir = up;
  }
}

export const GLOB_CHARS = /[*?[{]/;

/**
 * Splits a glob into the folder to search (its leading segments without glob characters,
 * resolved against `cwd`) and the pattern for paths relative to that folder:
 * `/abs/templates/*.md` → (`/abs/templates`, `*.md`); `../x/**\/*.md` → (`<cwd>/../x`, `**\/*.md`);
 * `*.md` → (`cwd`, `*.md`). So absolute and `../` globs match the way relative ones do.
 */
export function splitGlob(glob: string, cwd: string): { root: string; pattern: string } {
  const segments = toPosix(glob).split('/');
  const firstGlob = segments.findIndex((s) => GLOB_CHARS.test(s));
  // A leading '/' gives an empty first segment; keep it so the root stays absolute.
  const fixed = segments.slice(0, firstGlob);
  const root = fixed.length === 0 ? cwd : path.resolve(cwd, fixed.join('/') || '/');
  return { root, pattern: segments.slice(firstGlob).join('/') };
}

/** A folder as shown in messages: forward slashes, no trailing slash. */
export function shownFolder(folder: string): string {
  let dir = toPosix(folder);
  while (dir.length > 1 && dir.endsWith('/')) dir = dir.slice(0, -1);
  return dir || '/';
}
