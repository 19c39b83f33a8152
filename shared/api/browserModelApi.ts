/**
 * The window's one API to the browser model. The web host carries it over a
 * WebSocket; the Electron preload exposes the same object through contextBridge.
 * Everything the window shows comes from the trace it streams.
 */
import type { StepGateView } from '../trace/stepGateState.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import type { NavigationResult } from './navigationResult.js';

export type { NavigationResult } from './navigationResult.js';

/** A lab scenario the window offers: what to type, and what it demonstrates. */
export interface ScenarioView {
  id: string;
  input: string;
  title: { en: string; ko: string };
  description: { en: string; ko: string };
}

export interface HostInfo {
  /** 'lab': the embedded lab on loopback; 'live': the real internet. */
  mode: 'lab' | 'live';
  /** Which shell runs the model: the web host (Node) or the desktop app (Electron). */
  shell: 'web' | 'desktop';
  version: string;
  /** How renderer processes are started (child_process.fork, utilityProcess.fork). */
  rendererLauncher: string;
  /** The lab's scenarios (empty in live mode). */
  scenarios: ScenarioView[];
}

export type { StepGateView } from '../trace/stepGateState.js';

/**
 * A real Chromium's recording of what the user typed (the "Real Chromium" button):
 * the trace it recorded, mapped into NavScope's trace (shared/real/realTraceMapping.ts;
 * its first event, trace.source, says which Chromium and how it was recorded). The
 * window shows it like an opened trace.
 */
export interface RealRecordingView {
  input: string;
  /** What the input led to (NavScope's omnibox classification). */
  url: string;
  /** How the page load ended, in one line. */
  message: string;
  /** Whether the page loaded. */
  loaded: boolean;
  /** The mapped trace's events; the window checks each one (traceEventCheck) before a view reads it. */
  events: unknown[];
}

/**
 * What the step controls send: 'on' / 'off' (off lets everything held go, in order),
 * 'step' (one message), 'next-phase' (run until the next phase begins), 'play:<ms>'
 * (one message every <ms>), 'pause', 'state' (just report).
 */
export type StepCommand = 'on' | 'off' | 'step' | 'next-phase' | 'pause' | 'state' | `play:${number}`;

export interface BrowserModelApi {
  info(): Promise<HostInfo>;
  /** What the user typed into the shown tab's omnibox, then Enter. Resolves when loading stops. */
  navigate(input: string): Promise<NavigationResult>;
  /**
   * Opens a new tab and shows it (tab.created, tab.activated in the trace). With
   * `openerTabId`, the tab is opened from that one (the same BrowsingInstance: same-site
   * pages then share a process); without, as the user opens one (its own).
   */
  newTab(openerTabId?: number): Promise<NavigationResult>;
  /** Closes a tab; a renderer process left hosting nothing ends. The last tab is not closed (rejects, saying so). */
  closeTab(tabId: number): Promise<NavigationResult>;
  /** Shows another tab; goBack, reload… and navigate act on the shown tab. */
  switchTab(tabId: number): Promise<NavigationResult>;
  /** Types `input` into tab `tabId`'s omnibox (shown or not). Resolves when loading stops. */
  navigateInTab(tabId: number, input: string): Promise<NavigationResult>;
  goBack(): Promise<NavigationResult>;
  goForward(): Promise<NavigationResult>;
  reload(): Promise<NavigationResult>;
  /** "Proceed anyway" on a Safe Browsing interstitial. */
  proceedInterstitial(): Promise<NavigationResult>;
  /** Kills a renderer process for real (SIGKILL): the tab shows a sad tab; reload starts a new one. */
  killRenderer(processId: string): Promise<NavigationResult>;
  /** Ends the network thread abruptly, as a crash would: loads on it fail, and a new one is started. */
  killNetworkThread(): Promise<NavigationResult>;
  /** Step mode: the browser process holds every message until the user lets it go. */
  stepMode(command: StepCommand): Promise<StepGateView>;
  /**
   * Records what `input` leads to in a real Chromium (the system's, or Electron's own in
   * the desktop app), in lab mode, and returns its trace mapped into NavScope's. Rejects
   * with a message saying why when there is no Chromium, the host is not in lab mode, or
   * the input is not an http(s) page.
   */
  recordReal(input: string): Promise<RealRecordingView>;
  /**
   * A new session on the same browser ("Clear"): the trace starts again from seq 0 with
   * what exists now (threads, live processes, the tab's page and history). Rejects, saying
   * why, while a page loads or step mode holds messages.
   */
  newSession(): Promise<NavigationResult>;
  /**
   * Every trace event so far, then each new batch as it is recorded. Returns an unsubscribe
   * function. A batch that begins with a `trace.begin` of seq 0 starts a new trace (newSession).
   */
  subscribeTrace(listener: (events: TraceEvent[]) => void): () => void;
}

export const API_METHODS = [
  'info',
  'navigate',
  'newTab',
  'closeTab',
  'switchTab',
  'navigateInTab',
  'goBack',
  'goForward',
  'reload',
  'proceedInterstitial',
  'killRenderer',
  'killNetworkThread',
  'stepMode',
  'newSession',
  'recordReal',
] as const;
export type ApiMethod = (typeof API_METHODS)[number];
