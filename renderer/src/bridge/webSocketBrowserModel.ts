/**
 * BrowserModelApi over the web host's WebSocket (electron/hosts/web): the window's
 * client when it runs in an ordinary browser tab. Every frame from the host is
 * validated (shared/api/apiProtocol) before anything of it is used.
 */
import type {
  ApiMethod,
  BrowserModelApi,
  HostInfo,
  NavigationResult,
  RealRecordingView,
  StepCommand,
  StepGateView,
} from '../../../shared/api/browserModelApi.js';
import { apiResponse, apiResult } from '../../../shared/api/apiProtocol.js';
import { nextTraceEvents, startsNewTrace } from '../../../shared/api/traceBatch.js';
import type { Infer } from '../../../shared/base/schema.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';

export type ConnectionState = 'connecting' | 'open' | 'closed';

type ResultOf<M extends ApiMethod> = Infer<(typeof apiResult)[M]>;

interface PendingRequest {
  method: ApiMethod;
  resolve: (result: unknown) => void;
  reject: (error: Error) => void;
}

const CLOSED_MESSAGE = 'The NavScope host closed the connection';

function isTraceFrame(value: unknown): value is { kind: 'trace'; events: unknown[] } {
  return (
    typeof value === 'object' &&
    value !== null &&
    (value as { kind?: unknown }).kind === 'trace' &&
    Array.isArray((value as { events?: unknown }).events)
  );
}

export class WebSocketBrowserModel implements BrowserModelApi {
  private readonly socket: WebSocket;
  private state: ConnectionState = 'connecting';
  private nextId = 1;
  private readonly pending = new Map<number, PendingRequest>();
  /** Requests made while the socket was still connecting, sent once it opens. */
  private readonly queued: string[] = [];
  /** Every trace event received so far, in order. */
  private readonly received: TraceEvent[] = [];
  private readonly traceListeners = new Set<(events: TraceEvent[]) => void>();
  private readonly connectionListeners = new Set<(state: ConnectionState) => void>();
  private warnedInvalid = false;
  /** Why the host closed the connection, when it said. */
  closeReason: string | null = null;

  /** `url`: the host's API endpoint, ws://127.0.0.1:<port>/api?token=<token>. */
  constructor(url: string) {
    this.socket = new WebSocket(url);
    this.socket.addEventListener('open', () => this.onOpen());
    this.socket.addEventListener('message', (event: MessageEvent) => this.onMessage(event.data));
    this.socket.addEventListener('close', (event: CloseEvent) => this.onClose(event));
    // An error is always followed by close, which does the work.
    this.socket.addEventListener('error', () => undefined);
  }

  /** Connects to the host that served this page, with the token from the page's own URL. */
  static fromPageLocation(location: Location): WebSocketBrowserModel {
    const token = new URLSearchParams(location.search).get('token');
    if (!token) {
      throw new Error(
        'This page has no access token in its address (?token=…): open the exact address the NavScope host printed.',
      );
    }
    const scheme = location.protocol === 'https:' ? 'wss:' : 'ws:';
    return new WebSocketBrowserModel(`${scheme}//${location.host}/api?token=${encodeURIComponent(token)}`);
  }

  get connectionState(): ConnectionState {
    return this.state;
  }

  info(): Promise<HostInfo> {
    return this.call('info', []);
  }

  navigate(input: string): Promise<NavigationResult> {
    return this.call('navigate', [input]);
  }

  newTab(openerTabId?: number): Promise<NavigationResult> {
    return this.call('newTab', openerTabId === undefined ? [] : [String(openerTabId)]);
  }

  closeTab(tabId: number): Promise<NavigationResult> {
    return this.call('closeTab', [String(tabId)]);
  }

  switchTab(tabId: number): Promise<NavigationResult> {
    return this.call('switchTab', [String(tabId)]);
  }

  navigateInTab(tabId: number, input: string): Promise<NavigationResult> {
    return this.call('navigateInTab', [String(tabId), input]);
  }

  goBack(): Promise<NavigationResult> {
    return this.call('goBack', []);
  }

  goForward(): Promise<NavigationResult> {
    return this.call('goForward', []);
  }

  proceedInterstitial(): Promise<NavigationResult> {
    return this.call('proceedInterstitial', []);
  }

  killRenderer(processId: string): Promise<NavigationResult> {
    return this.call('killRenderer', [processId]);
  }

  killNetworkThread(): Promise<NavigationResult> {
    return this.call('killNetworkThread', []);
  }

  reload(): Promise<NavigationResult> {
    return this.call('reload', []);
  }

  stepMode(command: StepCommand): Promise<StepGateView> {
    return this.call('stepMode', [command]);
  }

  newSession(): Promise<NavigationResult> {
    return this.call('newSession', []);
  }

  recordReal(input: string): Promise<RealRecordingView> {
    return this.call('recordReal', [input]);
  }

  /** Everything received so far (if anything), then each new batch. */
  subscribeTrace(listener: (events: TraceEvent[]) => void): () => void {
    this.traceListeners.add(listener);
    if (this.received.length > 0) this.deliver(listener, [...this.received]);
    return () => {
      this.traceListeners.delete(listener);
    };
  }

  /** Calls `listener` with the current state at once, then on every change. */
  onConnectionChange(listener: (state: ConnectionState) => void): () => void {
    this.connectionListeners.add(listener);
    try {
      listener(this.state);
    } catch (error) {
      console.error('NavScope: a connection listener failed', error);
    }
    return () => {
      this.connectionListeners.delete(listener);
    };
  }

  /** Closes the connection; pending and later calls reject. */
  close(): void {
    this.socket.close(1000, 'The window closed the connection');
  }

  private call<M extends ApiMethod>(method: M, args: string[]): Promise<ResultOf<M>> {
    if (this.state === 'closed')
      return Promise.reject(new Error(this.closeReason ? `${CLOSED_MESSAGE}: ${this.closeReason}` : CLOSED_MESSAGE));
    const id = this.nextId++;
    return new Promise<ResultOf<M>>((resolve, reject) => {
      this.pending.set(id, { method, resolve: (result) => resolve(result as ResultOf<M>), reject });
      const frame = JSON.stringify({ id, method, args });
      if (this.state === 'connecting') this.queued.push(frame);
      else this.sendFrame(id, frame);
    });
  }

  private sendFrame(id: number, frame: string): void {
    try {
      this.socket.send(frame);
    } catch (error) {
      const request = this.pending.get(id);
      this.pending.delete(id);
      request?.reject(error instanceof Error ? error : new Error(String(error)));
    }
  }

  private setState(state: ConnectionState): void {
    if (this.state === state) return;
    this.state = state;
    for (const listener of [...this.connectionListeners]) {
      try {
        listener(state);
      } catch (error) {
        console.error('NavScope: a connection listener failed', error);
      }
    }
  }

  private onOpen(): void {
    this.setState('open');
    const frames = this.queued.splice(0);
    for (const frame of frames) this.socket.send(frame);
  }

  private onClose(event: CloseEvent): void {
    this.queued.length = 0;
    // The host says why when it closes a window on purpose (e.g. one that stopped reading).
    if (event.reason) this.closeReason = event.reason;
    this.setState('closed');
    const pending = [...this.pending.values()];
    this.pending.clear();
    const message = this.closeReason ? `${CLOSED_MESSAGE}: ${this.closeReason}` : CLOSED_MESSAGE;
    for (const request of pending) request.reject(new Error(message));
  }

  private warnInvalid(problem: string): void {
    if (this.warnedInvalid) return;
    this.warnedInvalid = true;
    console.warn(`NavScope: dropped an invalid frame from the host (${problem}); later ones are dropped silently.`);
  }

  private onMessage(data: unknown): void {
    if (typeof data !== 'string') {
      this.warnInvalid('not a text frame');
      return;
    }
    let parsed: unknown;
    try {
      parsed = JSON.parse(data);
    } catch {
      this.warnInvalid('not JSON');
      return;
    }
    // A trace frame's events are placed one by one (a malformed one becomes an error in its
    // place, checked again by the store): one bad event never costs the frame around it.
    if (isTraceFrame(parsed)) {
      this.onTrace(parsed.events);
      return;
    }
    const problem = apiResponse.check(parsed, 'frame');
    if (problem) {
      this.warnInvalid(problem);
      return;
    }
    const frame = parsed as Infer<typeof apiResponse>;
    switch (frame.kind) {
      case 'trace':
        this.onTrace(frame.events);
        return;
      case 'error': {
        const request = this.pending.get(frame.id);
        if (!request) {
          console.warn(`NavScope: the host reported an error: ${frame.error}`);
          return;
        }
        this.pending.delete(frame.id);
        request.reject(new Error(frame.error));
        return;
      }
      case 'result': {
        const request = this.pending.get(frame.id);
        if (!request) {
          this.warnInvalid(`a result for unknown request ${frame.id}`);
          return;
        }
        this.pending.delete(frame.id);
        const resultProblem = apiResult[request.method].check(frame.result, 'result');
        if (resultProblem) {
          this.warnInvalid(resultProblem);
          request.reject(new Error(`The NavScope host sent an invalid result for ${request.method}: ${resultProblem}`));
          return;
        }
        request.resolve(frame.result);
        return;
      }
    }
  }

  private onTrace(raw: readonly unknown[]): void {
    // A new trace (newSession) starts again at seq 0.
    if (startsNewTrace(raw)) this.received.length = 0;
    const events = nextTraceEvents(this.received.length, raw);
    if (events.length === 0) return;
    // One at a time: spreading a long list into push() overflows the stack.
    for (const event of events) this.received.push(event);
    for (const listener of [...this.traceListeners]) this.deliver(listener, [...events]);
  }

  private deliver(listener: (events: TraceEvent[]) => void, events: TraceEvent[]): void {
    try {
      listener(events);
    } catch (error) {
      console.error('NavScope: a trace listener failed', error);
    }
  }
}
