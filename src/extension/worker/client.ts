/**
 * The extension host's side of the Sitrep worker: linting and indexing run off the extension-host
 * thread, so no document can freeze the editor.
 *
 * - Node hosts (desktop, code-server) start dist/worker.js as a worker thread; VS Code for the Web
 *   starts dist/web/worker.js as a Web Worker (from a blob URL, so the extension's origin does not
 *   matter). Where neither can start, the work runs in-thread.
 * - One request at a time, interactive ones (the open document) before background ones (the
 *   workspace scan).
 * - Each request has a time budget: past it the worker is stopped (which stops the work), the
 *   request answers `over-budget`, and a fresh worker takes the next request.
 */
import * as vscode from 'vscode';
import type { IndexedDocument, IndexOptions } from '../../core/incident';
import type { ReadOptions, ReportDoc } from '../../core/report';
import { nodePath, nodeWorkers } from '../host';
import type { HoverRequestOptions, LintRequestOptions, LintSummary, WorkerRequest, WorkerResponse } from './protocol';
import { handle } from './tasks';

/** Milliseconds one document may take to lint or index. */
const TIME_BUDGET_MS = 4000;

type Outcome<T> = { status: 'ok'; result: T } | { status: 'over-budget'; budgetMs: number } | { status: 'failed'; error: string };

interface Transport {
  post(req: WorkerRequest): void;
  terminate(): void;
}

type Priority = 'interactive' | 'background';

interface Pending {
  req: WorkerRequest;
  resolve: (r: Outcome<unknown>) => void;
}

export class SitrepWorker implements vscode.Disposable {
  private transport: Transport | undefined;
  private starting: Promise<Transport | undefined> | undefined;
  /** Set once a worker could not be started: the work runs in-thread from then on. */
  private inThread = false;
  private readonly queues: Record<Priority, Pending[]> = { interactive: [], background: [] };
  private current: { item: Pending; timer: ReturnType<typeof setTimeout> | undefined } | undefined;
  private nextId = 1;
  private disposed = false;
  /** Workers started so far (a stopped one is replaced): for tests and logs. */
  started = 0;

  constructor(
    private readonly extensionUri: vscode.Uri,
    readonly budgetMs = TIME_BUDGET_MS,
  ) {}

  lint(text: string, options: LintRequestOptions, priority: Priority = 'interactive'): Promise<Outcome<LintSummary>> {
    return this.request({ id: 0, type: 'lint', text, options }, priority) as Promise<Outcome<LintSummary>>;
  }

  summarize(key: string, text: string, options: IndexOptions, priority: Priority = 'interactive'): Promise<Outcome<IndexedDocument | undefined>> {
    return this.request({ id: 0, type: 'summarize', key, text, options }, priority) as Promise<Outcome<IndexedDocument | undefined>>;
  }

  /** What Sitrep read on a line and why its findings count (the hover), from the document's text. */
  hover(text: string, options: HoverRequestOptions): Promise<Outcome<string[] | undefined>> {
    return this.request({ id: 0, type: 'hover', text, options }, 'interactive') as Promise<Outcome<string[] | undefined>>;
  }

  /** A document as the learning report reads it. */
  reportDoc(text: string, options: ReadOptions, priority: Priority = 'background'): Promise<Outcome<ReportDoc | undefined>> {
    return this.request({ id: 0, type: 'report', text, options }, priority) as Promise<Outcome<ReportDoc | undefined>>;
  }

  private request(req: WorkerRequest, priority: Priority): Promise<Outcome<unknown>> {
    if (this.disposed) return Promise.resolve({ status: 'failed', error: 'Sitrep is shutting down' });
    req.id = this.nextId++;
    return new Promise((resolve) => {
      this.queues[priority].push({ req, resolve });
      void this.pump();
    });
  }

  private async pump(): Promise<void> {
    if (this.current || this.disposed) return;
    const item = this.queues.interactive.shift() ?? this.queues.background.shift();
    if (!item) return;
    // Reserve the slot before any await, so that requests go one at a time. The budget counts
    // from the moment the worker has the request (starting a worker is not the document's cost).
    this.current = { item, timer: undefined };
    const transport = await this.ensureTransport();
    if (this.current?.item !== item) return; // disposed meanwhile
    if (!transport) {
      this.current = undefined;
      item.resolve(toOutcome(handle(item.req)));
      void this.pump();
      return;
    }
    this.current.timer = setTimeout(() => this.overBudget(item), this.budgetMs);
    transport.post(item.req);
  }

  private onResponse(res: WorkerResponse | { ready: true }): void {
    if ('ready' in res) return;
    const cur = this.current;
    if (!cur || cur.item.req.id !== res.id) return; // a stopped request's late answer
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.item.resolve(toOutcome(res));
    void this.pump();
  }

  private onFailure(error: string): void {
    this.transport = undefined;
    const cur = this.current;
    if (!cur) return;
    clearTimeout(cur.timer);
    this.current = undefined;
    cur.item.resolve({ status: 'failed', error });
    void this.pump();
  }

  private overBudget(item: Pending): void {
    if (this.current?.item !== item) return;
    this.current = undefined;
    // Stopping the worker stops the work; the next request gets a new one.
    this.transport?.terminate();
    this.transport = undefined;
    item.resolve({ status: 'over-budget', budgetMs: this.budgetMs });
    void this.pump();
  }

  private ensureTransport(): Promise<Transport | undefined> {
    if (this.transport) return Promise.resolve(this.transport);
    if (this.inThread) return Promise.resolve(undefined);
    this.starting ??= this.start()
      .catch((e) => {
        console.warn('[sitrep] the worker did not start; linting in-thread', e);
        return undefined;
      })
      .then((t) => {
        this.starting = undefined;
        if (!t) this.inThread = true;
        else if (this.disposed) t.terminate();
        else this.transport = t;
        return this.transport;
      });
    return this.starting;
  }

  /** Starts a worker; resolves once it has loaded and said it is ready. */
  private async start(): Promise<Transport | undefined> {
    const workers = nodeWorkers();
    const path = nodePath();
    let ready!: () => void;
    let failed!: (e: Error) => void;
    const isReady = new Promise<void>((res, rej) => {
      ready = res;
      failed = rej;
    });
    const startTimer = setTimeout(() => failed(new Error('the worker did not start within 20 s')), 20_000);
    const onMessage = (m: WorkerResponse | { ready: true }) => {
      if ('ready' in m) ready();
      else this.onResponse(m);
    };
    let t: Transport;
    if (workers && path && this.extensionUri.scheme === 'file') {
      const w = new workers.Worker(path.join(this.extensionUri.fsPath, 'dist', 'worker.js'));
      w.on('message', onMessage);
      w.on('error', (e) => {
        failed(e instanceof Error ? e : new Error(String(e)));
        this.onFailure(e instanceof Error ? e.message : String(e));
      });
      w.on('exit', (code) => {
        failed(new Error(`the worker exited (${code})`));
        if (this.transport === t) this.onFailure(`the worker exited (${code})`);
      });
      t = { post: (r) => w.postMessage(r), terminate: () => void w.terminate() };
    } else {
      const WebWorker = (globalThis as { Worker?: new (url: string) => WebWorkerLike }).Worker;
      if (typeof WebWorker !== 'function') {
        clearTimeout(startTimer);
        return undefined;
      }
      const code = await vscode.workspace.fs.readFile(vscode.Uri.joinPath(this.extensionUri, 'dist', 'web', 'worker.js'));
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      const w = new WebWorker(url);
      w.onmessage = (e) => onMessage(e.data as WorkerResponse | { ready: true });
      w.onerror = (e) => {
        const message = String((e as { message?: string }).message ?? e);
        failed(new Error(message));
        this.onFailure(message);
      };
      t = { post: (r) => w.postMessage(r), terminate: () => w.terminate() };
    }
    try {
      await isReady;
    } catch (e) {
      t.terminate();
      throw e;
    } finally {
      clearTimeout(startTimer);
    }
    this.started++;
    return t;
  }

  dispose(): void {
    this.disposed = true;
    if (this.current) clearTimeout(this.current.timer);
    this.transport?.terminate();
    this.transport = undefined;
    for (const q of [this.queues.interactive, this.queues.background, this.current ? [this.current.item] : []]) {
      for (const p of q.splice(0)) p.resolve({ status: 'failed', error: 'Sitrep is shutting down' });
    }
    this.current = undefined;
  }
}

interface WebWorkerLike {
  onmessage: ((e: { data: unknown }) => void) | null;
  onerror: ((e: unknown) => void) | null;
  postMessage(m: unknown): void;
  terminate(): void;
}

function toOutcome(res: WorkerResponse): Outcome<unknown> {
  return res.ok ? { status: 'ok', result: res.result } : { status: 'failed', error: res.error };
}
