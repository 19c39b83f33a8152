/**
 * One window's WebSocket to the web host: carries BrowserModelApi (shared/api) both
 * ways. On connect the window gets every trace event recorded so far, then each new
 * batch (events recorded in the same turn of the event loop travel in one frame).
 * Every request is validated; a bad one gets an error response and the connection
 * stays open. Nothing a window sends can throw out of here.
 */
import type { RawData, WebSocket } from 'ws';
import type { ApiMethod, HostInfo, NavigationResultView } from '../../../shared/api/browserModelApi.js';
import { type ApiRequest, type ApiResponse, apiRequest, apiResult } from '../../../shared/api/apiProtocol.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import type { NavigationResult } from '../../browser/webContents.js';
import type { BrowserSession } from '../node/browserSession.js';

/** The longest error text the protocol carries (apiResponse: error maxLength). */
const MAX_ERROR_LENGTH = 8192;

const NOTHING_TO_DO: Record<'goBack' | 'goForward' | 'reload', string> = {
  goBack: 'There is no page to go back to.',
  goForward: 'There is no page to go forward to.',
  reload: 'There is no page to reload.',
};

export function navigationResultView(result: NavigationResult): NavigationResultView {
  return {
    navigationId: result.navigationId,
    outcome: result.outcome,
    url: result.url,
    message: result.message,
    netError: result.netError ? { code: result.netError.code, name: result.netError.name, detail: result.netError.detail } : null,
  };
}

function nothingToDo(method: 'goBack' | 'goForward' | 'reload'): NavigationResultView {
  return { navigationId: null, outcome: 'nothing-to-do', url: null, message: NOTHING_TO_DO[method], netError: null };
}

/** The request id to answer an invalid request with: its own when usable, else 0. */
function idOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export class ApiConnection {
  private pending: TraceEvent[] = [];
  private flushScheduled = false;
  private closed = false;
  private readonly unsubscribe: () => void;

  constructor(
    private readonly socket: WebSocket,
    private readonly session: BrowserSession,
    private readonly hostInfo: HostInfo,
  ) {
    const recorder = session.browser.recorder;
    // Snapshot and subscribe in the same synchronous step: no event is missed or sent twice.
    this.send({ kind: 'trace', events: [...recorder.events] });
    this.unsubscribe = recorder.subscribe((event) => this.queueEvent(event));
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  private queueEvent(event: TraceEvent): void {
    if (this.closed) return;
    this.pending.push(event);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    setImmediate(() => this.flush());
  }

  private flush(): void {
    this.flushScheduled = false;
    if (this.closed || this.pending.length === 0) return;
    const events = this.pending;
    this.pending = [];
    this.send({ kind: 'trace', events });
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending = [];
    this.unsubscribe();
  }

  private send(response: ApiResponse): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    try {
      this.socket.send(JSON.stringify(response));
    } catch {
      // The socket is going away; its close event cleans up.
    }
  }

  private sendError(id: number, error: string): void {
    this.send({ kind: 'error', id, error: error.length > MAX_ERROR_LENGTH ? `${error.slice(0, MAX_ERROR_LENGTH - 1)}…` : error });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(0, 'binary frames are not accepted: send JSON text');
      return;
    }
    const text = Array.isArray(data) ? Buffer.concat(data).toString('utf8') : Buffer.isBuffer(data) ? data.toString('utf8') : Buffer.from(new Uint8Array(data)).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.sendError(0, 'the request is not valid JSON');
      return;
    }
    const problem = apiRequest.check(parsed, 'request');
    if (problem) {
      this.sendError(idOf(parsed), `invalid request: ${problem}`);
      return;
    }
    const request = parsed as ApiRequest;
    // Requests run concurrently: a pending navigation does not hold up `info`.
    this.handle(request).then(
      (result) => this.answer(request, result),
      (error: unknown) => this.sendError(request.id, describeError(error)),
    );
  }

  private answer(request: ApiRequest, result: HostInfo | NavigationResultView): void {
    // The window validates results; check here too so a too-long URL becomes a clear error.
    const problem = apiResult[request.method].check(result, 'result');
    if (problem) this.sendError(request.id, `the host could not send the result: ${problem}`);
    else this.send({ kind: 'result', id: request.id, result });
  }

  private async handle(request: ApiRequest): Promise<HostInfo | NavigationResultView> {
    const contents = this.session.browser.webContents;
    const method: ApiMethod = request.method;
    switch (method) {
      case 'info':
        return this.hostInfo;
      case 'navigate': {
        const input = request.args[0];
        if (input === undefined) throw new Error('navigate needs the text typed into the address bar (args[0])');
        return navigationResultView(await contents.navigateFromOmnibox(input));
      }
      case 'goBack': {
        const result = await contents.goBack();
        return result ? navigationResultView(result) : nothingToDo(method);
      }
      case 'goForward': {
        const result = await contents.goForward();
        return result ? navigationResultView(result) : nothingToDo(method);
      }
      case 'reload': {
        const result = await contents.reload();
        return result ? navigationResultView(result) : nothingToDo(method);
      }
    }
  }
}
