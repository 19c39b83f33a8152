/**
 * Navigation to the lab's www.naver.com, measured side by side in one run: NavScope
 * (Enter → the reply to CommitNavigation, Enter → DidStopLoading, as the browser process
 * records them) with the spare renderer ready and with a process started for the
 * load, against
 * headless Chromium loading the same page from the same lab servers
 * (started with chromiumLabFlags: --host-resolver-rules points it at the lab, and the
 * lab's valid certificates are trusted by their key hashes). Chromium's times come from its
 * own clock through the DevTools protocol: the document request (navigation start)
 * → the new document's `init` lifecycle event (commit) → its `load` event.
 */
import type { Browser } from 'playwright-core';
import type { Lab } from '../../lab/lab.js';
import { isCommitAck } from '../../../shared/ipc/messageCatalogue.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { BrowserSession } from '../node/browserSession.js';
import { LAB_ORDINARY_SITES } from '../../lab/labZones.js';
import { waitUntil } from './benchProcesses.js';
import { residentMegabytes } from './processMemory.js';

export interface LoadTimes {
  commitMs: number;
  loadMs: number;
}

export interface NavScopeLoad extends LoadTimes {
  /** Resident memory of the renderer process that shows the page, after load. */
  rendererRssMb: number | null;
}

export const BENCH_URL = 'https://www.naver.com/';
export const BENCH_INPUT = 'www.naver.com';

/** Every renderer's launch → ready in a trace (ms). */
export function launchToReady(events: readonly TraceEvent[]): number[] {
  const launched = new Map<string, number>();
  const times: number[] = [];
  for (const event of events) {
    if (event.type === 'process.launch') launched.set(event.processId, event.ts);
    if (event.type === 'process.ready' && launched.has(event.processId)) times.push((event.ts - launched.get(event.processId)!) / 1000);
  }
  return times;
}

/** Enter → commit and Enter → DidStopLoading of the navigation recorded from `from` on (ms). */
export function navigationTimes(events: readonly TraceEvent[], from: number): LoadTimes {
  const slice = events.slice(from);
  const enter = slice.find((e) => e.type === 'span.begin' && e.phase === 'handle-input');
  const commit = slice.find((e) => isCommitAck(e));
  const stop = slice.find((e) => e.type === 'message' && e.name === 'FrameHost.DidStopLoading');
  if (!enter || commit?.type !== 'message' || stop?.type !== 'message') throw new Error('bench: the navigation did not commit and stop loading');
  return { commitMs: (commit.deliveredAt - enter.ts) / 1000, loadMs: (stop.deliveredAt - enter.ts) / 1000 };
}

/**
 * NavScope as a running browser, like the Chromium it is measured against: one
 * browser process and network thread for all runs. Before each measured load the tab
 * visits another site (so www.naver.com needs a renderer process again) and the
 * network service's cached data is cleared (DNS answers, stored responses, idle
 * connections), so every measured load is a first visit for the network.
 */
export class NavScopeUnderTest {
  private readonly initialized = new Set<string>();
  private visits = 0;

  private constructor(
    readonly session: BrowserSession,
    readonly spare: boolean,
  ) {
    session.browser.recorder.subscribe((event) => {
      if (event.type === 'span.end' && event.spanId.endsWith('/init')) this.initialized.add(event.spanId.slice(0, -'/init'.length));
    });
  }

  static async start(lab: Lab, spare: boolean): Promise<NavScopeUnderTest> {
    return new NavScopeUnderTest(await BrowserSession.start({ lab, spareRenderer: spare }), spare);
  }

  private async visit(input: string): Promise<void> {
    const result = await this.session.browser.webContents.navigateFromOmnibox(input);
    if (result.outcome !== 'loaded') throw new Error(`bench: NavScope's navigation to ${input} ended ${result.outcome}: ${result.message}`);
  }

  /** Until a spare renderer process is ready and has loaded its parsers (Chromium's spare is fully started too). */
  private async spareReady(): Promise<void> {
    await waitUntil(() => this.session.browser.renderProcesses.some((p) => p.isSpare && p.state === 'ready' && this.initialized.has(p.endpointId)), 'a spare renderer process becoming ready');
  }

  async load(): Promise<NavScopeLoad> {
    const browser = this.session.browser;
    await this.visit(LAB_ORDINARY_SITES[this.visits++ % LAB_ORDINARY_SITES.length]!.host);
    if (this.spare) await this.spareReady();
    browser.clearCachedData();
    const from = browser.recorder.events.length;
    await this.visit(BENCH_INPUT);
    const times = navigationTimes(browser.recorder.events, from);
    const shown = browser.webContents.currentFrame?.process.pid ?? null;
    return { ...times, rendererRssMb: shown === null ? null : residentMegabytes(shown) };
  }

  stop(): Promise<void> {
    return this.session.stop();
  }
}

/** One Chromium load of the same page in a fresh browser context (its own cache and sockets). */
export async function chromiumLoad(browser: Browser): Promise<LoadTimes> {
  const context = await browser.newContext();
  try {
    const page = await context.newPage();
    const cdp = await context.newCDPSession(page);
    let loaderId: string | null = null;
    let start: number | null = null;
    let commit: number | null = null;
    let load: number | null = null;
    cdp.on('Network.requestWillBeSent', (e) => {
      if (e.type === 'Document' && loaderId === null && e.request.url === BENCH_URL) {
        loaderId = e.loaderId;
        start = e.timestamp;
      }
    });
    cdp.on('Page.lifecycleEvent', (e) => {
      if (e.loaderId !== loaderId) return;
      if (e.name === 'init') commit = e.timestamp;
      if (e.name === 'load') load = e.timestamp;
    });
    await Promise.all([cdp.send('Network.enable'), cdp.send('Page.enable')]);
    await cdp.send('Page.setLifecycleEventsEnabled', { enabled: true });
    await page.goto(BENCH_URL, { waitUntil: 'load' });
    for (let i = 0; i < 200 && load === null; i++) await new Promise((resolve) => setTimeout(resolve, 5));
    if (start === null || commit === null || load === null) throw new Error('bench: Chromium reported no navigation start, commit or load for the lab page');
    if ((await page.title()) !== 'NAVER — NavScope lab') throw new Error(`bench: Chromium loaded "${await page.title()}", not the lab's www.naver.com`);
    return { commitMs: (commit - start) * 1000, loadMs: (load - start) * 1000 };
  } finally {
    await context.close();
  }
}
