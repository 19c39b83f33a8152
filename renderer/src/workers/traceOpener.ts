/**
 * Opens trace files for the window in a Web Worker (traceOpenWorker.ts), so reading,
 * parsing and checking a file of 100,000s of events never blocks the window: the first
 * part arrives first and is shown, the rest follows in parts. Where no worker can run
 * (none can be started, or it fails to load), the file is read on the main thread
 * through the same import dispatcher, in one part.
 */
import { errorMessage } from '../../../shared/base/errors';
import { importTraceFile } from '../../../shared/import/traceImport';
import type { TraceEvent } from '../../../shared/trace/traceEvent';
import { isNetworkOnly, type TraceOpenBegin, type TraceOpenReply, type TraceOpenRequest } from './traceOpenMessages';

export interface TraceOpenHandlers {
  begin(part: TraceOpenBegin): void;
  events(events: TraceEvent[]): void;
  end(): void;
  fail(reason: string): void;
}

export class TraceOpener {
  private worker: Worker | null = null;
  /** No worker could be started or loaded here: files are read on the main thread. */
  private workerless = typeof Worker === 'undefined';
  private current = 0;
  private handlers: TraceOpenHandlers | null = null;
  private request: TraceOpenRequest | null = null;
  private replied = false;

  /**
   * The worker is started when the window is idle after it opens, as Chromium keeps a
   * spare renderer: the first file opened does not wait for the worker's script to load.
   */
  warmUp(): void {
    if (this.workerless || this.worker) return;
    const start = () => void this.start();
    if (typeof requestIdleCallback === 'function') requestIdleCallback(start, { timeout: 2_000 });
    else setTimeout(start, 500);
  }

  /** Opens a file; a file still being opened is forgotten (its parts are dropped). */
  open(input: Uint8Array | string | Blob, name: string, handlers: TraceOpenHandlers): void {
    const id = ++this.current;
    this.handlers = handlers;
    this.request = { id, input, name };
    this.replied = false;
    const worker = this.workerless ? null : this.start();
    if (worker) worker.postMessage(this.request);
    else void this.openHere(this.request, handlers);
  }

  /** Forgets the file being opened, if any. */
  cancel(): void {
    this.current++;
    this.handlers = null;
    this.request = null;
  }

  private start(): Worker | null {
    if (this.worker) return this.worker;
    try {
      this.worker = new Worker(new URL('./traceOpenWorker.ts', import.meta.url), {
        type: 'module',
        name: 'trace-open',
      });
    } catch {
      this.workerless = true;
      return null;
    }
    this.worker.onmessage = (event: MessageEvent<TraceOpenReply>) => this.received(event.data);
    // A worker that cannot load (a shell that does not serve workers): read files here from now on.
    this.worker.onerror = (event) => {
      event.preventDefault();
      this.worker?.terminate();
      this.worker = null;
      this.workerless = true;
      const { request, handlers } = this;
      if (request && handlers && request.id === this.current && !this.replied) void this.openHere(request, handlers);
      else if (handlers && request?.id === this.current)
        handlers.fail(`the worker reading the file stopped: ${event.message}`);
    };
    return this.worker;
  }

  private received(reply: TraceOpenReply): void {
    if (reply.id !== this.current || !this.handlers) return;
    this.replied = true;
    const handlers = this.handlers;
    switch (reply.kind) {
      case 'begin': {
        const { kind: _kind, id: _id, ...part } = reply;
        handlers.begin(part);
        return;
      }
      case 'events':
        handlers.events(reply.events);
        return;
      case 'end':
        this.handlers = null;
        this.request = null;
        handlers.end();
        return;
      case 'error':
        this.handlers = null;
        this.request = null;
        handlers.fail(reply.message);
        return;
    }
  }

  private async openHere(request: TraceOpenRequest, handlers: TraceOpenHandlers): Promise<void> {
    try {
      const input = request.input instanceof Blob ? new Uint8Array(await request.input.arrayBuffer()) : request.input;
      if (request.id !== this.current) return;
      const imported = await importTraceFile(input, request.name);
      if (request.id !== this.current) return;
      const events = imported.trace.events;
      handlers.begin({
        format: imported.format,
        repaired: imported.repaired,
        total: events.length,
        networkOnly: isNetworkOnly(events),
        events,
      });
      handlers.end();
    } catch (error) {
      if (request.id === this.current) handlers.fail(errorMessage(error));
    }
  }
}
