/**
 * BrowserModelApi on the host side, for any transport (the web host's WebSocket, the
 * desktop shell's IPC): validates a call, runs it against the browser session, and
 * streams the trace — everything recorded so far, then each new batch (events
 * recorded in the same turn of the event loop travel together).
 */
import type {
  ApiMethod,
  HostInfo,
  NavigationResult,
  RealRecordingView,
  StepGateView,
} from '../../../shared/api/browserModelApi.js';
import { apiCallProblem, apiResult } from '../../../shared/api/apiProtocol.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import type { BrowserSession } from './browserSession.js';
import { CHUNK_EVENTS } from './traceFrames.js';

const NOTHING_TO_DO: Record<
  'goBack' | 'goForward' | 'reload' | 'proceedInterstitial' | 'killRenderer' | 'killNetworkThread',
  string
> = {
  goBack: 'There is no page to go back to.',
  goForward: 'There is no page to go forward to.',
  reload: 'There is no page to reload.',
  proceedInterstitial: 'There is no Safe Browsing interstitial to proceed past.',
  killRenderer: 'There is no such renderer process.',
  killNetworkThread: 'The network thread is not running (it is being restarted).',
};

function nothingToDo(method: keyof typeof NOTHING_TO_DO): NavigationResult {
  return { navigationId: null, outcome: 'nothing-to-do', url: null, message: NOTHING_TO_DO[method], netError: null };
}

/** Records an input in a real Chromium for the window (the web host's system Chromium, the desktop's Electron). */
export interface RealRecorder {
  record(input: string): Promise<RealRecordingView>;
}

type CallResult = HostInfo | NavigationResult | StepGateView | RealRecordingView;

export class BrowserModelService {
  constructor(
    private readonly session: BrowserSession,
    readonly hostInfo: HostInfo,
    /** The real Chromium beside the model; without one, recordReal says it is not available here. */
    private readonly realRecorder: RealRecorder | null = null,
  ) {}

  /**
   * Runs one API call. `method` and `args` come from the window: they are checked
   * against the protocol first; a bad call rejects with a message saying why.
   */
  async call(method: unknown, args: unknown): Promise<CallResult> {
    const problem = apiCallProblem({ id: 0, method, args });
    if (problem) throw new Error(`invalid call: ${problem}`);
    const result = await this.run(method as ApiMethod, args as string[]);
    const resultProblem = apiResult[method as ApiMethod].check(result, 'result');
    if (resultProblem) throw new Error(`the host could not send the result: ${resultProblem}`);
    return result;
  }

  /** A tab id the window sent (a decimal string), checked: a tab that is open. */
  private tabArg(method: string, value: string | undefined): number {
    const tabId = Number(value);
    if (value === undefined || !/^\d{1,9}$/.test(value) || !Number.isSafeInteger(tabId))
      throw new Error(`${method} needs a tab id (a whole number) as args[0], got ${JSON.stringify(value ?? null)}`);
    if (!this.session.browser.tab(tabId)) throw new Error(`${method}: there is no open tab ${tabId}`);
    return tabId;
  }

  private tabDone(message: string): NavigationResult {
    return { navigationId: null, outcome: 'nothing-to-do', url: null, message, netError: null };
  }

  private async run(method: ApiMethod, args: string[]): Promise<CallResult> {
    const browser = this.session.browser;
    const contents = browser.webContents;
    switch (method) {
      case 'info':
        return this.hostInfo;
      case 'navigate': {
        const input = args[0];
        if (input === undefined) throw new Error('navigate needs the text typed into the address bar (args[0])');
        return await contents.navigateFromOmnibox(input);
      }
      case 'newTab': {
        const opener = args[0] === undefined ? undefined : this.tabArg(method, args[0]);
        const tab = browser.newTab({ openerTabId: opener ?? null });
        return this.tabDone(`Tab ${tab.tabId} opened${opener !== undefined ? ` from tab ${opener}` : ''}.`);
      }
      case 'closeTab': {
        const tabId = this.tabArg(method, args[0]);
        browser.closeTab(tabId);
        return this.tabDone(`Tab ${tabId} closed.`);
      }
      case 'switchTab': {
        const tabId = this.tabArg(method, args[0]);
        browser.activateTab(tabId);
        return this.tabDone(`Tab ${tabId} is shown.`);
      }
      case 'navigateInTab': {
        const tabId = this.tabArg(method, args[0]);
        const input = args[1];
        if (input === undefined) throw new Error('navigateInTab needs the text typed into the address bar (args[1])');
        return await browser.tab(tabId)!.navigateFromOmnibox(input);
      }
      case 'goBack':
      case 'goForward':
      case 'reload':
      case 'proceedInterstitial': {
        const result = await (method === 'goBack'
          ? contents.goBack()
          : method === 'goForward'
            ? contents.goForward()
            : method === 'reload'
              ? contents.reload()
              : contents.proceedPastInterstitial());
        return result ?? nothingToDo(method);
      }
      case 'killRenderer': {
        const processId = args[0] ?? '';
        if (!this.session.browser.killRenderer(processId)) return nothingToDo(method);
        return {
          navigationId: null,
          outcome: 'nothing-to-do',
          url: null,
          message: `${processId} was killed (SIGKILL).`,
          netError: null,
        };
      }
      case 'killNetworkThread':
        if (!this.session.browser.killNetworkThread()) return nothingToDo(method);
        return {
          navigationId: null,
          outcome: 'nothing-to-do',
          url: null,
          message: 'The network thread was killed; a new one is starting.',
          netError: null,
        };
      case 'stepMode':
        return this.stepMode(args[0] ?? '');
      case 'newSession': {
        const started = this.session.browser.newSession();
        if (!started.ok) throw new Error(started.reason);
        return {
          navigationId: null,
          outcome: 'nothing-to-do',
          url: null,
          message: 'A new session began: the trace starts again with what runs now.',
          netError: null,
        };
      }
      case 'recordReal': {
        const input = args[0];
        if (input === undefined) throw new Error('recordReal needs the text typed into the address bar (args[0])');
        if (!this.realRecorder) throw new Error('Recording a real Chromium is not available in this host.');
        return this.realRecorder.record(input);
      }
    }
  }

  /** The step controls: see StepCommand. An unknown command is an error that says which ones exist. */
  private stepMode(command: string): StepGateView {
    const gate = this.session.browser.router.gate;
    const play = /^play:(\d{1,6})$/.exec(command);
    if (play) return gate.play(Number(play[1]));
    switch (command) {
      case 'on':
        return gate.enable();
      case 'off':
        return gate.disable();
      case 'step':
        gate.step();
        return gate.view();
      case 'next-phase':
        return gate.runToNextPhase();
      case 'pause':
        return gate.pause();
      case 'state':
        return gate.view();
      default:
        throw new Error(
          `unknown step command ${JSON.stringify(command.slice(0, 40))}: use on, off, step, next-phase, play:<ms> or pause`,
        );
    }
  }

  /** Which trace is being recorded: it changes when a new session starts the trace again at seq 0. */
  get traceGeneration(): number {
    return this.session.browser.recorder.generation;
  }

  /** How many trace events have been recorded. */
  get traceLength(): number {
    return this.session.browser.recorder.events.length;
  }

  /** Calls `listener` after each event is recorded; returns the unsubscribe function. */
  onTraceGrew(listener: () => void): () => void {
    return this.session.browser.recorder.subscribe(() => listener());
  }

  /**
   * Sends every event recorded so far, in batches of at most `chunkEvents`, then each
   * later batch. Snapshot and subscription happen in one synchronous step: nothing is
   * missed or sent twice.
   */
  streamTrace(send: (events: TraceEvent[]) => void, chunkEvents = CHUNK_EVENTS): () => void {
    const recorder = this.session.browser.recorder;
    let pending: TraceEvent[] = [];
    let scheduled = false;
    let closed = false;
    const history = recorder.events;
    for (let from = 0; from < history.length; from += chunkEvents) send(history.slice(from, from + chunkEvents));
    const unsubscribe = recorder.subscribe((event) => {
      if (closed) return;
      // A new trace (newSession): what was still pending of the old one is of no use.
      if (event.seq === 0) pending = [];
      pending.push(event);
      if (scheduled) return;
      scheduled = true;
      setImmediate(() => {
        scheduled = false;
        if (closed || pending.length === 0) return;
        const batch = pending;
        pending = [];
        send(batch);
      });
    });
    return () => {
      closed = true;
      pending = [];
      unsubscribe();
    };
  }
}
