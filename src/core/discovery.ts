/**
 * Where teams keep incident and postmortem documents: the default document globs (shared by the
 * editor setting and the CLI) and, for `sitrep init`, the folders that hold the documents found.
 * Which files under these globs are documents is decided by the parser (front-matter type,
 * sections, then name); this module only says where to look.
 */

/** Folder names that hold documents, at any depth; globs match them case-insensitively. */
const DOCUMENT_FOLDER_NAMES = [
  'postmortems',
  'post-mortems',
  'postmortem',
  'post-mortem',
  'incidents',
  'incident-reports',
  'incident-reviews',
  'retrospectives',
  'rca',
] as const;

/**
 * The default document globs: the folders above at any depth; file names containing postmortem,
 * post-mortem or incident-report; and "rca" as a word of the file name (`rca.md`, `2024-03-rca.md`,
 * `rca-db-failover.md`, not `arcade.md`).
 */
export const DEFAULT_DOCUMENT_GLOBS: string[] = [
  `**/{${DOCUMENT_FOLDER_NAMES.join(',')}}/**`,
  '**/*{postmortem,post-mortem,incident-report}*.{md,markdown}',
  '**/{rca,rca[-_.]*,*[-_.]rca,*[-_.]rca[-_.]*}.{md,markdown}',
];

const FOLDER_NAMES = new Set<string>(DOCUMENT_FOLDER_NAMES);

/**
 * The folder a document belongs to, for counting: the deepest ancestor named like a document
 * folder (`handbook/incidents/2024/a.md` → `handbook/incidents`), else its own folder (`''` for
 * the root). Paths are relative, with forward slashes.
 */
function documentFolder(relPath: string): string {
  const parts = relPath.replace(/\\/g, '/').replace(/^\.\//, '').split('/');
  parts.pop();
  for (let i = parts.length - 1; i >= 0; i--) {
    if (FOLDER_NAMES.has(parts[i].toLowerCase())) return parts.slice(0, i + 1).join('/');
  }
  return parts.join('/');
}

export interface FolderCount {
  /** Folder relative to the searched root, forward slashes; `''` is the root itself. */
  folder: string;
  /** Documents recognised in it (and below, for a named document folder). */
  documents: number;
  /** Markdown files in it that are not documents (READMEs, indexes, notes, other pages). */
  others: number;
  /** Whether its name is one of the document folder names. */
  named: boolean;
}

export interface DiscoveredFile {
  /** Relative path, forward slashes. */
  path: string;
  /** Whether the parser recognised it as an incident or postmortem. */
  document: boolean;
}

/**
 * Groups the markdown files found under a root by document folder, counting documents and other
 * markdown files in each; only folders holding at least one document are returned, most documents
 * first, then by name.
 */
export function countByFolder(files: readonly DiscoveredFile[]): FolderCount[] {
  const byFolder = new Map<string, FolderCount>();
  for (const f of files) {
    const folder = documentFolder(f.path);
    let c = byFolder.get(folder);
    if (!c) {
      const last = folder.split('/').pop() ?? '';
      c = { folder, documents: 0, others: 0, named: FOLDER_NAMES.has(last.toLowerCase()) };
      byFolder.set(folder, c);
    }
    if (f.document) c.documents++;
    else c.others++;
  }
  return [...byFolder.values()]
    .filter((c) => c.documents > 0)
    .sort((a, b) => b.documents - a.documents || (a.folder < b.folder ? -1 : a.folder > b.folder ? 1 : 0));
}

/**
 * Whether a folder should be listed as a document folder in `.sitrep.yaml`: it is named like one,
 * or documents make up at least half of its markdown files. Mixed folders (a blog's `_posts/` with
 * a few postmortems) are left to content detection, so their other pages are not read as documents.
 */
export function isDocumentFolder(c: FolderCount): boolean {
  return c.named || c.documents >= c.others;
}

/** The glob that covers a document folder (`docs/post-mortems/**`; `*.md` files for the root). */
export function folderGlob(folder: string): string {
  return folder === '' ? '*.{md,markdown}' : `${folder}/**`;
}
