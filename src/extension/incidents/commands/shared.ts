/**
 * What every incident command family shares: reading the argument object (so the integration
 * suite can call commands without UI), finding the incident or postmortem a command is about, and
 * writing front-matter changes plus appended items in one edit.
 */
import * as vscode from 'vscode';
import {
  incidentLabel,
  incidentPickOrder,
  mergeEdits,
  postmortemLabel,
  setFrontMatter,
  type FrontMatterChange,
  type IndexedIncident,
  type IndexedPostmortem,
  type TextEdit,
  type TreeNode,
} from '../../../core/incident';
import { parseDocument, type ParsedDocument } from '../../../core/parser';
import { COMMANDS } from '../../commandIds';
import type { IndexService } from '../indexing';
import { readSettings } from '../settings';
import { Cancelled, pick } from '../ui';
import { Drafts } from '../wizard';
import { readText, WriteError, type DocumentWriter } from '../writer';

export type Args = Record<string, unknown>;

/** A command family's handlers, by command id. */
export type Handlers = Partial<Record<string, (...a: unknown[]) => Promise<unknown>>>;

export interface CommandDeps {
  context: vscode.ExtensionContext;
  service: IndexService;
  writer: DocumentWriter;
}

/** The built-in git extension's API, as far as Sitrep uses it. */
interface GitApi {
  repositories: Array<{ getConfig(key: string): Promise<string> }>;
  getRepository(u: vscode.Uri): { state: { HEAD?: { commit?: string } }; getConfig(key: string): Promise<string> } | null;
}

/** The git extension's API when it is there (activated within 1.5 s), else undefined. */
export async function gitApi(): Promise<GitApi | undefined> {
  try {
    const ext = vscode.extensions.getExtension<{ getAPI(v: 1): GitApi }>('vscode.git');
    if (!ext) return undefined;
    const exports = ext.isActive ? ext.exports : await Promise.race([ext.activate(), new Promise<undefined>((r) => setTimeout(() => r(undefined), 1500))]);
    return exports?.getAPI(1);
  } catch {
    return undefined;
  }
}

const LAST_HANDLE = 'sitrep.lastHandle';

/** The argument object of a call from code; a URI or a tree node gives none. */
export function argsOf(a: unknown): Args {
  if (!a || typeof a !== 'object' || a instanceof vscode.Uri) return {};
  if ('contextValue' in a && 'kind' in a && 'id' in a) return {};
  return a as Args;
}

/** The document a command was invoked on: a tree node, a URI, or { incident | postmortem }. */
function targetOf(a: unknown, key: 'incident' | 'postmortem'): string | undefined {
  if (a instanceof vscode.Uri) return a.toString();
  if (a && typeof a === 'object') {
    if ('contextValue' in a && 'docKey' in a) return (a as TreeNode).docKey;
    const v = (a as Args)[key];
    if (typeof v === 'string' && v) return v;
  }
  return undefined;
}

export function has(args: Args, key: string): boolean {
  return Object.prototype.hasOwnProperty.call(args, key) && args[key] !== undefined;
}

export function str(args: Args, key: string): string | undefined {
  const v = args[key];
  return typeof v === 'string' ? v : undefined;
}

export const display = incidentLabel;
export const displayPostmortem = postmortemLabel;

const uriOf = (key: string) => vscode.Uri.parse(key);
const looksLikeUri = (s: string) => /^[a-z][\w+.-]*:/i.test(s);

/** The services a command family works with, and how it finds and edits its documents. */
export class CommandContext {
  /** Drafts of prompts dismissed half-way (see wizard.ts). */
  readonly drafts: Drafts;

  constructor(readonly deps: CommandDeps) {
    this.drafts = new Drafts(deps.context.workspaceState);
  }

  get service(): IndexService {
    return this.deps.service;
  }

  get writer(): DocumentWriter {
    return this.deps.writer;
  }

  uriOf(key: string): vscode.Uri {
    return uriOf(key);
  }

  /** Values remembered across sessions on this machine (last handle, last incident, kinds used). */
  get memory(): vscode.Memento {
    return this.deps.context.globalState;
  }

  /** The responder's handle: the last one used, else the sitrep.responderHandle setting, else the git user name. */
  async handle(): Promise<string> {
    const last = this.memory.get<string>(LAST_HANDLE);
    if (last) return last;
    const setting = readSettings().handle;
    if (setting) return setting;
    try {
      const repo = (await gitApi())?.repositories[0];
      const name = repo ? await Promise.race([repo.getConfig('user.name'), new Promise<string>((r) => setTimeout(() => r(''), 1500))]) : '';
      return name.trim();
    } catch {
      return '';
    }
  }

  async rememberHandle(handle: string): Promise<void> {
    if (handle.trim()) await this.memory.update(LAST_HANDLE, handle.trim());
  }

  /** The incident a command is about: the argument, the active editor's, the only one, or the one picked. */
  async resolveIncident(a: unknown, opts: { includeResolved?: boolean; resolvedIfNoneActive?: boolean; purpose: string }): Promise<IndexedIncident> {
    const { service } = this;
    await service.ready;
    const index = service.index;
    const target = targetOf(a, 'incident');
    if (target) {
      if (!index.get(target) && looksLikeUri(target) && !index.byId(target)) await service.ensureIndexed(uriOf(target));
      const byKey = index.get(target);
      if (byKey?.kind === 'incident') return byKey;
      if (byKey?.kind === 'postmortem' && byKey.incidentId) {
        const inc = index.byId(byKey.incidentId);
        if (inc) return inc;
      }
      const byId = index.byId(target);
      if (byId) return byId;
      throw new WriteError(`No incident ${target} in the index.`);
    }
    const ed = vscode.window.activeTextEditor;
    if (ed) {
      const d = index.get(ed.document.uri.toString());
      if (d?.kind === 'incident' && (opts.includeResolved || opts.resolvedIfNoneActive || d.status !== 'resolved')) return d;
      if (d?.kind === 'postmortem' && d.incidentId) {
        const inc = index.byId(d.incidentId);
        if (inc) return inc;
      }
    }
    let candidates = (opts.includeResolved ? index.incidents() : index.active()).filter((i) => i.valid || i.id);
    // No active incident: a resolved one (its final update, after the fact).
    if (candidates.length === 0 && opts.resolvedIfNoneActive) candidates = index.incidents().filter((i) => i.valid || i.id);
    if (candidates.length === 1) return candidates[0];
    if (candidates.length === 0) {
      const pickDeclare = await vscode.window.showInformationMessage(
        opts.includeResolved ? 'There is no incident in this workspace yet.' : 'There is no active incident.',
        'Declare Incident',
      );
      if (pickDeclare) await vscode.commands.executeCommand(COMMANDS.declareIncident);
      throw new Cancelled();
    }
    const chosen = await pick(
      opts.purpose,
      candidates.sort(incidentPickOrder).map((i) => ({ label: display(i), description: `${i.severity ?? 'SEV?'} · ${i.status ?? 'unknown'}`, detail: i.path, incident: i })),
      'Which incident?',
    );
    return chosen.incident;
  }

  /** The postmortem a command is about: the argument's (or its incident's), the active editor's, the only one, or the one picked. */
  async resolvePostmortem(a: unknown): Promise<IndexedPostmortem> {
    const { service } = this;
    await service.ready;
    const index = service.index;
    const target = targetOf(a, 'postmortem') ?? targetOf(a, 'incident');
    const fromDoc = (key: string | undefined): IndexedPostmortem | undefined => {
      if (!key) return undefined;
      const d = index.get(key);
      if (d?.kind === 'postmortem') return d;
      const inc = d?.kind === 'incident' ? d : index.byId(key);
      return inc ? index.postmortemOf(inc) : undefined;
    };
    if (target) {
      if (!index.get(target) && looksLikeUri(target)) await service.ensureIndexed(uriOf(target));
      const p = fromDoc(target);
      if (p) return p;
      throw new WriteError(`No postmortem found for ${target}. Run "Sitrep: Start Postmortem" first.`);
    }
    const active = fromDoc(vscode.window.activeTextEditor?.document.uri.toString());
    if (active) return active;
    const all = index.postmortems();
    if (all.length === 1) return all[0];
    if (all.length === 0) {
      void vscode.window.showInformationMessage('There is no postmortem yet. Start one from a resolved incident with "Sitrep: Start Postmortem".');
      throw new Cancelled();
    }
    const chosen = await pick('Add action item', all.map((p) => ({ label: displayPostmortem(p, p.incidentId ? index.byId(p.incidentId) : undefined), description: p.incidentId, detail: p.path, pm: p })), 'Which postmortem?');
    return chosen.pm;
  }

  async parsedOf(i: { key: string; path: string }): Promise<ParsedDocument> {
    return parseDocument(await readText(uriOf(i.key)), { relativePath: i.path });
  }

  /** Writes front-matter changes plus appended items in one edit of the document. */
  write(i: { key: string }, build: (doc: ParsedDocument) => { fm?: FrontMatterChange[]; edits?: TextEdit[] }): Promise<string> {
    return this.writer.edit(uriOf(i.key), (text) => {
      const doc = parseDocument(text);
      const { fm, edits = [] } = build(doc);
      let all = [...edits];
      if (fm && fm.length) {
        const r = setFrontMatter(doc, fm);
        if (!r.ok) return r;
        all = [...r.edits, ...all];
      }
      return { ok: true, edits: mergeEdits(all) };
    });
  }
}
