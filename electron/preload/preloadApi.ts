/**
 * The API the preload exposes to the window (contextBridge), built on the slice of
 * ipcRenderer it uses: one frozen object with exactly BrowserModelApi's methods.
 * Only the catalogue's channels are ever invoked, arguments are checked before they
 * leave, and results and trace batches are checked when they arrive. Nothing of
 * Electron (ipcRenderer, events) crosses to the page.
 */
import type {
  BrowserModelApi,
  HostInfo,
  NavigationResult,
  RealRecordingView,
  StepCommand,
  StepGateView,
} from '../../shared/api/browserModelApi.js';
import { API_METHODS, type ApiMethod } from '../../shared/api/browserModelApi.js';
import { IPC_CHANNELS, apiCallProblem, apiResult } from '../../shared/api/apiProtocol.js';
import { nextTraceEvents, startsNewTrace } from '../../shared/api/traceBatch.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';

export interface IpcRendererLike {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

/** Every channel the preload may use. */
export const PRELOAD_CHANNELS: ReadonlySet<string> = new Set([
  ...API_METHODS.map((m) => IPC_CHANNELS.invoke(m)),
  IPC_CHANNELS.subscribe,
  IPC_CHANNELS.trace,
]);

export function checkedChannel(channel: string): string {
  if (!PRELOAD_CHANNELS.has(channel)) throw new Error(`channel "${channel}" is not in NavScope's catalogue`);
  return channel;
}

export function createPreloadApi(ipc: IpcRendererLike): BrowserModelApi {
  const call = async (method: ApiMethod, args: string[]): Promise<unknown> => {
    const problem = apiCallProblem({ id: 0, method, args });
    if (problem) throw new Error(`NavScope: invalid call: ${problem}`);
    const result = await ipc.invoke(checkedChannel(IPC_CHANNELS.invoke(method)), ...args);
    const resultProblem = apiResult[method].check(result, 'result');
    if (resultProblem) throw new Error(`NavScope: the host sent an invalid ${method} result: ${resultProblem}`);
    return result;
  };

  const received: TraceEvent[] = [];
  const listeners = new Set<(events: TraceEvent[]) => void>();
  let subscribed = false;
  const onTrace = (_event: unknown, batch: unknown): void => {
    if (!Array.isArray(batch)) return;
    // A new trace (newSession) starts again at seq 0.
    if (startsNewTrace(batch)) received.length = 0;
    const fresh = nextTraceEvents(received.length, batch);
    for (const event of fresh) received.push(event);
    if (fresh.length) for (const listener of listeners) listener(fresh);
  };

  const api: BrowserModelApi = {
    info: () => call('info', []) as Promise<HostInfo>,
    navigate: (input: string) => call('navigate', [String(input)]) as Promise<NavigationResult>,
    newTab: (openerTabId?: number) =>
      call('newTab', openerTabId === undefined ? [] : [String(openerTabId)]) as Promise<NavigationResult>,
    closeTab: (tabId: number) => call('closeTab', [String(tabId)]) as Promise<NavigationResult>,
    switchTab: (tabId: number) => call('switchTab', [String(tabId)]) as Promise<NavigationResult>,
    navigateInTab: (tabId: number, input: string) =>
      call('navigateInTab', [String(tabId), String(input)]) as Promise<NavigationResult>,
    goBack: () => call('goBack', []) as Promise<NavigationResult>,
    goForward: () => call('goForward', []) as Promise<NavigationResult>,
    reload: () => call('reload', []) as Promise<NavigationResult>,
    proceedInterstitial: () => call('proceedInterstitial', []) as Promise<NavigationResult>,
    killRenderer: (processId: string) => call('killRenderer', [String(processId)]) as Promise<NavigationResult>,
    killNetworkThread: () => call('killNetworkThread', []) as Promise<NavigationResult>,
    stepMode: (command: StepCommand) => call('stepMode', [String(command)]) as Promise<StepGateView>,
    newSession: () => call('newSession', []) as Promise<NavigationResult>,
    recordReal: (input: string) => call('recordReal', [String(input)]) as Promise<RealRecordingView>,
    subscribeTrace(listener: (events: TraceEvent[]) => void): () => void {
      if (typeof listener !== 'function') throw new Error('subscribeTrace needs a function');
      listeners.add(listener);
      if (received.length) listener([...received]);
      if (!subscribed) {
        subscribed = true;
        ipc.on(checkedChannel(IPC_CHANNELS.trace), onTrace);
        void ipc.invoke(checkedChannel(IPC_CHANNELS.subscribe));
      }
      return () => void listeners.delete(listener);
    },
  };
  return Object.freeze(api);
}
