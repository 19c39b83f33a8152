/**
 * The browser process's UI thread, assembled: the trace recorder, the message router,
 * the UI thread's own endpoint, the network thread, the renderer processes (one per
 * site) and the tab. Hosts (CLI, web, desktop) create one and give it a way to
 * launch renderer processes and the path of the network thread's entry script.
 */
import { errorMessage } from '../../shared/base/errors.js';
import os from 'node:os';
import path from 'node:path';
import { BROWSER_ENDPOINT, NETWORK_ENDPOINT, THREAD_NAMES, rendererEndpointId } from '../../shared/ipc/endpoints.js';
import { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { PayloadOf } from '../../shared/ipc/messageCatalogue.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { readProfileJson, writeProfileJson } from '../node/profileFile.js';
import { BrowserTracing } from './browserTracing.js';
import { MessageRouter } from './messageRouter.js';
import { NetworkServiceHost } from './networkServiceHost.js';
import { DownloadManager } from './downloadManager.js';
import { ERROR_PAGE_SITE } from './errorPage.js';
import { type ProcessChoice, RenderProcessHost, type RendererProcess, SPARE_SITE } from './renderProcessHost.js';
import type { NavigationServices, ProcessContext } from './navigationRequest.js';
import { SafeBrowsingDatabase } from './safeBrowsingDatabase.js';
import type { RendererLauncher } from './rendererLauncher.js';
import { SiteInstance } from './siteInstance.js';
import { WebContents } from './webContents.js';

export interface BrowserProcessOptions {
  launcher: RendererLauncher;
  networkThreadEntry: string | URL;
  network: NetworkServiceConfig;
  /** Keep one spare renderer process ready, as Chromium does (default off). */
  spareRenderer?: boolean;
  /** Start a renderer process for the target site when the navigation starts, in parallel with the request (default on, as in Chromium). */
  speculativeProcesses?: boolean;
  /** Commit error pages for network errors in an error-page process (default on). */
  errorPages?: boolean;
  /** Safe Browsing hash-prefix lists (navscope-safebrowsing-list files). */
  safeBrowsingLists?: readonly unknown[];
  /** Where downloads are saved. */
  downloadsDir: string;
  /** Where session history persists; null keeps it in memory. */
  dataDir: string | null;
  /**
   * The soft limit on renderer processes (Chromium's --renderer-process-limit); by
   * default Chromium's own: half the machine's memory at 85 MB a process, 3 to 82.
   */
  rendererProcessLimit?: number;
}

/** What opening a tab may say: the tab it was opened from (same BrowsingInstance), and whether it is shown. */
export interface NewTabOptions {
  openerTabId?: number | null;
  activate?: boolean;
}

/**
 * Chromium's soft limit on renderer processes on desktop
 * (content/browser/renderer_host/render_process_host_impl.cc,
 * RenderProcessHost::GetMaxRendererProcessCount): half the physical memory, at an
 * estimated 85 MB per process on 64-bit (kEstimatedWebContentsMemoryUsage), clamped to
 * at least 3 (kMinRendererProcessCount) and at most 82 (kMaxRendererProcessCount).
 */
export function defaultRendererProcessLimit(totalMemoryBytes = os.totalmem()): number {
  const perProcessMiB = process.arch.endsWith('64') ? 85 : 60;
  const count = Math.floor(totalMemoryBytes / (1024 * 1024) / 2 / perProcessMiB);
  return Math.min(82, Math.max(3, count));
}

const SESSION_FILE = 'session.json';

export class BrowserProcess {
  readonly recorder = new TraceRecorder();
  readonly tracing = new BrowserTracing(this.recorder);
  readonly router = new MessageRouter(this.recorder);
  readonly endpoint: MessageEndpoint;
  readonly network: NetworkServiceHost;
  /** The open tabs, in the order opened; one of them is shown (activeTabId). */
  private readonly tabList: WebContents[] = [];
  private activeTabId = 1;
  /** SiteInstances by BrowsingInstance and site (`1|https://naver.com`). */
  private readonly siteInstances = new Map<string, SiteInstance>();
  private readonly processes = new Set<RenderProcessHost>();
  private processCounter = 0;
  private pingCounter = 0;
  private frameTreeNodeCounter = 0;
  private tabCounter = 0;
  private browsingInstanceCounter = 0;
  private frameTokenCounter = 0;
  private navigationCounter = 0;
  private services!: NavigationServices;
  /** The soft process limit (see defaultRendererProcessLimit). */
  readonly rendererProcessLimit: number;
  private readonly pongs = new Map<number, () => void>();
  private spare: RenderProcessHost | null = null;
  private shuttingDown = false;
  readonly safeBrowsing: SafeBrowsingDatabase;
  readonly downloads: DownloadManager;

  constructor(private readonly options: BrowserProcessOptions) {
    this.endpoint = new MessageEndpoint(
      {
        id: BROWSER_ENDPOINT,
        role: 'browser',
        pid: process.pid,
        processName: 'Browser',
        threadName: THREAD_NAMES.browser,
      },
      this.router.browserPort(),
      {
        record: (r) => this.recorder.record(r),
        delivered: (envelope, deliveredAt, by) => this.recorder.recordMessage(envelope, deliveredAt, by),
      },
      monotonicMicros,
    );
    this.router.setBrowserEndpoint(this.endpoint);
    this.network = new NetworkServiceHost(this.router, this.tracing, options.networkThreadEntry, options.network);
    this.safeBrowsing = new SafeBrowsingDatabase(options.safeBrowsingLists ?? [], (message) =>
      this.tracing.error('Safe Browsing', message),
    );
    this.downloads = new DownloadManager(this.tracing, options.downloadsDir);
    // What every navigation of every frame uses, handed to it once.
    this.rendererProcessLimit = options.rendererProcessLimit ?? defaultRendererProcessLimit();
    const services: NavigationServices = {
      browser: this.endpoint,
      transport: this.router,
      clock: this.router.gate.clock,
      tracing: this.tracing,
      processes: {
        processForSite: (site, purpose, speculative, context) =>
          this.processForSite(
            site,
            purpose,
            speculative ?? null,
            context ?? { browsingInstanceId: 1, isMainFrame: true },
          ),
        hasProcessFor: (site, context) =>
          this.existingProcessFor(site, context ?? { browsingInstanceId: 1, isMainFrame: true }) !== null,
        releaseProcessIfUnused: (host, reason, lastFrameLeft) =>
          this.releaseProcessIfUnused(host, reason, lastFrameLeft),
      },
      safeBrowsing: this.safeBrowsing,
      downloads: this.downloads,
      speculativeProcesses: options.speculativeProcesses ?? true,
      errorPages: options.errorPages ?? true,
    };
    this.services = services;
    this.createTab(null);
    this.registerHandlers();
    // A crashed network thread: what was loading on it fails; once it is back, renderers drop their old loaders.
    this.network.onGone((reason) => {
      for (const tab of this.tabList) tab.onNetworkServiceGone(reason);
      this.downloads.networkServiceGone(reason);
    });
    this.network.onRestarted(() => {
      // Loads the renderers started on the old thread (or while it was down) will never complete.
      const reason = 'the network service was restarted after a crash';
      for (const host of this.processes) {
        if (host.state === 'ready')
          this.endpoint.send(host.endpointId, 'Frame.UpdateSubresourceLoaderFactories', { reason });
      }
    });
  }

  async start(): Promise<void> {
    this.recordTraceBegin();
    this.tracing.record({ type: 'thread.start', info: this.endpoint.info });
    await this.network.start();
    this.recordTab(this.tabList[0]!, null, 'the browser window opened with one tab');
    this.restoreSession();
    this.ensureSpare();
  }

  // ── Tabs ────────────────────────────────────────────────────────────────────────

  /** The tab shown now. */
  get webContents(): WebContents {
    return this.tab(this.activeTabId) ?? this.tabList[0]!;
  }

  /** The open tabs, in the order opened. */
  get tabs(): readonly WebContents[] {
    return this.tabList;
  }

  get activeTab(): number {
    return this.activeTabId;
  }

  tab(tabId: number): WebContents | undefined {
    return this.tabList.find((t) => t.tabId === tabId);
  }

  private createTab(opener: WebContents | null): WebContents {
    const browsingInstanceId = opener ? opener.browsingInstanceId : ++this.browsingInstanceCounter;
    const contents = new WebContents(
      this.services,
      {
        siteInstanceFor: (site, instance) => this.siteInstanceFor(site, instance),
        historyChanged: (tab) => {
          if (tab === this.tabList[0]) this.saveSession();
        },
        nextFrameToken: () => `frame-${++this.frameTokenCounter}`,
        nextFrameTreeNodeId: () => ++this.frameTreeNodeCounter,
        nextNavigationId: () => `nav${++this.navigationCounter}`,
      },
      ++this.tabCounter,
      ++this.frameTreeNodeCounter,
      browsingInstanceId,
    );
    this.tabList.push(contents);
    return contents;
  }

  private recordTab(contents: WebContents, openerTabId: number | null, reason: string): void {
    this.tracing.record({
      type: 'tab.created',
      tabId: contents.tabId,
      openerTabId,
      mainFrameTreeNodeId: contents.primaryMainFrame.frameTreeNodeId,
      reason,
    });
    contents.recordFrames(`the main frame of tab ${contents.tabId}`);
  }

  /**
   * Opens a tab (a new WebContents with its own main frame and history). A tab opened
   * from another shares its BrowsingInstance, so same-site pages share a process as
   * Chromium's do; a tab the user opens has its own.
   */
  newTab(options: NewTabOptions = {}): WebContents {
    if (this.shuttingDown) throw new Error('the browser is shutting down');
    const opener = options.openerTabId != null ? this.tab(options.openerTabId) : null;
    if (options.openerTabId != null && !opener) throw new Error(`there is no open tab ${options.openerTabId}`);
    const contents = this.createTab(opener ?? null);
    this.recordTab(
      contents,
      opener?.tabId ?? null,
      opener ? `opened from tab ${opener.tabId} (same BrowsingInstance)` : 'the user opened a new tab',
    );
    if (options.activate ?? true) this.activateTab(contents.tabId, 'a new tab is shown');
    return contents;
  }

  /** Shows another tab. */
  activateTab(tabId: number, reason = 'the user switched tabs'): void {
    const contents = this.tab(tabId);
    if (!contents) throw new Error(`there is no open tab ${tabId}`);
    if (tabId === this.activeTabId) return;
    const previous = this.activeTabId;
    this.activeTabId = tabId;
    this.tracing.record({
      type: 'tab.activated',
      tabId,
      previousTabId: this.tab(previous) ? previous : null,
      reason,
    });
  }

  /**
   * Closes a tab: its frames go, and each renderer process left hosting nothing ends
   * (ChildProcess.ProcessShutdown). The window keeps at least one tab.
   */
  closeTab(tabId: number): void {
    const contents = this.tab(tabId);
    if (!contents) throw new Error(`there is no open tab ${tabId}`);
    if (this.tabList.length === 1) throw new Error('the last tab cannot be closed: the window keeps at least one tab');
    const at = this.tabList.indexOf(contents);
    contents.close('the user closed the tab');
    this.tabList.splice(at, 1);
    this.tracing.record({ type: 'tab.closed', tabId, reason: 'the user closed the tab' });
    if (this.activeTabId === tabId) {
      const next = this.tabList[Math.min(at, this.tabList.length - 1)]!.tabId;
      this.activeTabId = next;
      this.tracing.record({
        type: 'tab.activated',
        tabId: next,
        previousTabId: tabId,
        reason: `tab ${tabId} was closed`,
      });
    }
  }

  private recordTraceBegin(): void {
    this.tracing.record({
      type: 'trace.begin',
      mode: this.options.network.mode,
      browserPid: process.pid,
      wallClock: new Date().toISOString(),
      platform: `${process.platform}-${process.arch}`,
    });
  }

  /**
   * A new session on the same browser (the window's "Clear"): the trace starts again,
   * empty but for what exists now — the threads, the renderer processes alive, the
   * tab's page, title, security state and history, step mode if it is on. The browser
   * keeps everything else (its caches, cookies, HSTS, connections). Refused, with the
   * reason, while a navigation is loading or step mode holds messages: their story
   * would be cut in two.
   */
  newSession(): { ok: true } | { ok: false; reason: string } {
    if (this.tabList.some((tab) => tab.loading))
      return { ok: false, reason: 'A page is still loading: clear when it has finished (or reload it later).' };
    const held = this.router.gate.view().held;
    if (held > 0)
      return {
        ok: false,
        reason: `Step mode holds ${held} message${held === 1 ? '' : 's'}: let ${held === 1 ? 'it' : 'them'} go (or turn step mode off) before clearing.`,
      };
    this.recorder.restart();
    this.recordTraceBegin();
    this.tracing.record({ type: 'thread.start', info: this.endpoint.info });
    const network = this.recorder.endpointInfo(NETWORK_ENDPOINT);
    if (network && this.router.isAttached(NETWORK_ENDPOINT))
      this.tracing.record({ type: 'thread.start', info: network });
    for (const host of this.processes) host.recordExisting(this.recorder.endpointInfo(host.endpointId));
    for (const tab of this.tabList) {
      this.tracing.record({
        type: 'tab.created',
        tabId: tab.tabId,
        openerTabId: null,
        mainFrameTreeNodeId: tab.primaryMainFrame.frameTreeNodeId,
        reason: 'a new session began',
      });
      tab.recordFrames('a new session began');
      this.tracing.restateTab(tab.tabId, 'a new session began');
    }
    if (this.activeTabId !== this.tabList[0]?.tabId)
      this.tracing.record({
        type: 'tab.activated',
        tabId: this.activeTabId,
        previousTabId: null,
        reason: 'a new session began',
      });
    if (this.router.gate.enabled) this.router.gate.recordMode();
    return { ok: true };
  }

  /**
   * One ChildProcess.Ping → ChildProcessHost.Pong round trip to a ready renderer
   * process, through the router, the validators and the recorder: resolves with its
   * time in µs; rejects when the process is not ready or goes away first.
   */
  pingRenderer(processId: string): Promise<number> {
    let host: RenderProcessHost | undefined;
    for (const p of this.processes) if (p.endpointId === processId && p.state === 'ready') host = p;
    if (!host) return Promise.reject(new Error(`${processId} is not a ready renderer process`));
    const sequence = ++this.pingCounter;
    return new Promise<number>((resolve, reject) => {
      const sentAt = monotonicMicros();
      const stopWatching = host.onGone(() => {
        this.pongs.delete(sequence);
        reject(new Error(`${processId} went away before answering ping #${sequence}`));
      });
      this.pongs.set(sequence, () => {
        stopWatching();
        resolve(monotonicMicros() - sentAt);
      });
      this.endpoint.send(processId, 'ChildProcess.Ping', { sequence });
    });
  }

  /**
   * Clears the network service's caches as "Clear browsing data" does for cached data:
   * DNS answers, stored responses, idle connections (cookies and learned HSTS stay).
   * Later requests are handled after it (one ordered channel).
   */
  clearCachedData(): void {
    this.endpoint.send(NETWORK_ENDPOINT, 'NetworkContext.ClearHostCache', {});
    this.endpoint.send(NETWORK_ENDPOINT, 'NetworkContext.ClearHttpCache', {});
    this.endpoint.send(NETWORK_ENDPOINT, 'NetworkContext.CloseAllConnections', {});
  }

  /**
   * Ends the network thread abruptly, as a crash would: in-flight navigations and
   * downloads fail, the thread is restarted, and renderers are told to use the new one.
   */
  killNetworkThread(): boolean {
    if (!this.router.isAttached(NETWORK_ENDPOINT)) return false;
    this.tracing.error('browser', 'the user killed the network thread');
    return this.network.kill();
  }

  /** Kills a renderer process for real (SIGKILL), as the diagram's "Kill process" does. */
  killRenderer(processId: string): boolean {
    const host = [...this.processes].find((p) => p.endpointId === processId && p.isAlive);
    if (!host) return false;
    this.tracing.error('browser', `the user killed ${processId} (pid ${host.pid ?? '?'})`);
    host.kill();
    return true;
  }

  async shutdown(): Promise<void> {
    this.shuttingDown = true;
    for (const tab of this.tabList) tab.shuttingDown = true;
    for (const host of this.processes) host.shutdown('the browser is shutting down');
    await Promise.all(
      [...this.processes].map((host) =>
        host.isAlive ? new Promise<void>((resolve) => host.onGone(() => resolve())) : Promise.resolve(),
      ),
    );
    await this.network.stop();
  }

  /** Live renderer processes, for hosts and tests. */
  get renderProcesses(): RenderProcessHost[] {
    return [...this.processes].filter((p) => p.isAlive);
  }

  /** The SiteInstance of `site` in a BrowsingInstance (error pages: one for the whole browser). */
  private siteInstanceFor(site: string, browsingInstanceId: number): SiteInstance {
    const key = site === ERROR_PAGE_SITE ? site : `${browsingInstanceId}|${site}`;
    let instance = this.siteInstances.get(key);
    if (!instance) {
      instance = new SiteInstance(site);
      this.siteInstances.set(key, instance);
    }
    return instance;
  }

  /** Renderer processes that count towards the soft limit (Chromium leaves the spare out). */
  private processCountForLimit(): number {
    let count = 0;
    for (const host of this.processes) if (host.isReusable && !host.isSpare) count++;
    return count;
  }

  /** A live process already locked to `site`, if any (for reuse across BrowsingInstances). */
  private anyProcessFor(site: string): RenderProcessHost | null {
    for (const host of this.processes) if (host.isReusable && !host.isSpare && host.site === site) return host;
    return null;
  }

  /**
   * The process an existing one would give a document of `site` in this frame, as
   * Chromium decides (RenderProcessHostImpl::GetProcessHostForSiteInstance):
   * - the SiteInstance of the site in the frame's BrowsingInstance has a process: that
   *   one (same tab, or tabs opened from one another);
   * - a subframe reuses any process of its site (ProcessReusePolicy
   *   REUSE_PENDING_OR_COMMITTED_SITE_SUBFRAME, for out-of-process iframes);
   * - at or over the soft process limit (ShouldTryToUseExistingProcessHost), any
   *   process locked to the same site is reused; under it, a main frame of a new
   *   BrowsingInstance (a tab the user opened) gets a process of its own.
   */
  private existingProcessFor(site: string, context: ProcessContext): { host: RenderProcessHost; why: string } | null {
    const own = this.siteInstanceFor(site, context.browsingInstanceId).liveProcess();
    if (own)
      return { host: own, why: `${site} already has a process in this browsing context group: its documents share it` };
    if (site === ERROR_PAGE_SITE) return null;
    const shared = this.anyProcessFor(site);
    if (!shared) return null;
    if (!context.isMainFrame)
      return {
        host: shared,
        why: `an iframe of ${site} reuses the process that already hosts ${site} (Chromium's subframe process reuse)`,
      };
    const count = this.processCountForLimit();
    if (count >= this.rendererProcessLimit)
      return {
        host: shared,
        why: `${count} renderer processes reach the soft limit of ${this.rendererProcessLimit}: a new tab of ${site} reuses that site's process (ShouldTryToUseExistingProcessHost)`,
      };
    return null;
  }

  /**
   * The process for a document of `site` in a frame: an existing one as Chromium would
   * reuse it (existingProcessFor); else the spare process, taken now; else a new one.
   * Every choice is recorded, with why.
   */
  private processForSite(
    site: string,
    purpose: 'commit' | 'speculative',
    speculative: RendererProcess | null,
    context: ProcessContext,
  ): ProcessChoice {
    const instance = this.siteInstanceFor(site, context.browsingInstanceId);
    const found = this.existingProcessFor(site, context);
    const existing = found?.host ?? null;
    if (existing && existing === speculative) {
      // The process this navigation started when it began: its launch overlapped the request.
      this.tracing.record({
        type: 'process.assigned',
        processId: existing.endpointId,
        pid: existing.pid,
        site,
        how: 'speculative',
        reason: `the process started for ${site} when the navigation began, in parallel with the request${existing.state === 'ready' ? ', is ready' : ', is still starting'}`,
      });
      return { host: existing, how: 'speculative' };
    }
    if (existing) {
      instance.process = existing;
      this.tracing.record({
        type: 'process.assigned',
        processId: existing.endpointId,
        pid: existing.pid,
        site,
        how: 'reused',
        reason: found!.why,
      });
      return { host: existing, how: 'reused' };
    }
    let host: RenderProcessHost;
    let how: 'spare' | 'speculative' | 'new';
    let reason: string;
    const spare = this.spare;
    if (spare && spare.isReusable) {
      this.spare = null;
      spare.assignSite(site);
      host = spare;
      how = 'spare';
      reason = `the spare process was ready, so no process had to start${purpose === 'speculative' ? ' (taken speculatively, in parallel with the request)' : ''}`;
      // Warm the next spare once this navigation is under way.
      setTimeout(() => this.ensureSpare(), 50).unref();
    } else {
      host = this.newProcess(site);
      how = purpose === 'speculative' ? 'speculative' : 'new';
      reason =
        purpose === 'speculative'
          ? 'a cross-site navigation: the process starts in parallel with the network request'
          : context.isMainFrame
            ? 'no process for this site and no spare: a new one starts'
            : `a cross-site iframe: ${site} gets its own renderer process (an out-of-process iframe)`;
    }
    instance.process = host;
    this.tracing.record({ type: 'process.assigned', processId: host.endpointId, pid: host.pid, site, how, reason });
    return { host, how };
  }

  private newProcess(site: string): RenderProcessHost {
    const host = new RenderProcessHost(
      rendererEndpointId(++this.processCounter),
      site,
      this.options.launcher,
      this.router,
      this.endpoint,
      this.tracing,
    );
    this.processes.add(host);
    host.onGone((gone) => {
      this.processes.delete(gone);
      if (this.spare === gone) this.spare = null;
      for (const tab of this.tabList) tab.onProcessGone(gone);
    });
    host.launch();
    return host;
  }

  /** Chromium keeps one renderer process warm so that the next new site does not wait for a launch. */
  private ensureSpare(): void {
    if (!this.options.spareRenderer || this.shuttingDown || (this.spare && this.spare.isAlive)) return;
    this.spare = this.newProcess(SPARE_SITE);
  }

  /**
   * Ends a process that no frame and no navigation needs any more: one whose last frame
   * left is shut down; one that never got a document is recorded as discarded, with why.
   */
  private releaseProcessIfUnused(process: RendererProcess, reason: string, lastFrameLeft: boolean): void {
    const host = [...this.processes].find((p) => p === process);
    if (!host?.isUnused) return;
    if (lastFrameLeft) host.shutdown(reason);
    else this.discardProcess(host, reason);
  }

  private discardProcess(host: RenderProcessHost, reason: string): void {
    for (const instance of this.siteInstances.values()) if (instance.process === host) instance.process = null;
    this.tracing.record({ type: 'process.discarded', processId: host.endpointId, site: host.site, reason });
    host.fastShutdown();
  }

  /** Session history survives a restart (Chromium's session restore, without reloading the page). */
  private restoreSession(): void {
    const dir = this.options.dataDir;
    if (!dir) return;
    const saved = readProfileJson(path.join(dir, SESSION_FILE), (message) =>
      this.tracing.error('session restore', `the saved session could not be read and was ignored: ${message}`),
    );
    if (saved === undefined) return;
    try {
      const parsed = saved as { entries?: unknown; index?: unknown };
      const entries = Array.isArray(parsed.entries)
        ? parsed.entries.filter(
            (e): e is { url: string; title: string } =>
              typeof e === 'object' &&
              e !== null &&
              typeof (e as { url?: unknown }).url === 'string' &&
              typeof (e as { title?: unknown }).title === 'string' &&
              URL.canParse((e as { url: string }).url),
          )
        : [];
      const index =
        typeof parsed.index === 'number' && Number.isInteger(parsed.index)
          ? Math.min(Math.max(parsed.index, -1), entries.length - 1)
          : entries.length - 1;
      if (entries.length === 0) return;
      this.tabList[0]!.controller.restore(entries.slice(0, 200), index);
      this.tracing.state(
        { field: 'history', value: this.tabList[0]!.controller.snapshot() },
        'restored from the saved session',
      );
    } catch (error) {
      this.tracing.error(
        'session restore',
        `the saved session could not be read and was ignored: ${errorMessage(error)}`,
      );
    }
  }

  private saveSession(): void {
    const dir = this.options.dataDir;
    if (!dir) return;
    writeProfileJson(
      path.join(dir, SESSION_FILE),
      () => this.tabList[0]!.controller.snapshot(),
      (message) => this.tracing.error('session save', message),
      { pretty: false },
    );
  }

  /** The tab and frame a FrameHost message names, if the frame really belongs to the sender. */
  private frameFromSender(frameToken: string, sender: string) {
    for (const contents of this.tabList) {
      const frame = contents.frameFromSender(frameToken, sender);
      if (frame) return { contents, frame };
    }
    return null;
  }

  private registerHandlers(): void {
    const endpoint = this.endpoint;
    const loaderOf = (requestId: string, from: string) => {
      // Navigation loaders are the browser's own; anything else addressed here is stale.
      for (const contents of this.tabList) {
        const nav = contents.activeLoader(requestId);
        if (nav) return nav;
      }
      this.tracing.error('browser', `${from}: no navigation is waiting for loader ${requestId}`);
      return null;
    };
    endpoint.on('URLLoaderClient.OnReceiveRedirect', (p) =>
      loaderOf(p.requestId, 'OnReceiveRedirect')?.onReceiveRedirect(p),
    );
    endpoint.on('URLLoaderClient.OnReceiveResponse', (p) =>
      loaderOf(p.requestId, 'OnReceiveResponse')?.onReceiveResponse(p),
    );
    endpoint.on('URLLoaderClient.OnComplete', (p) => {
      // A navigation turned download: its loader now reports to the download manager.
      if (this.downloads.owns(p.requestId)) this.downloads.onComplete(p.requestId, p.status);
      else loaderOf(p.requestId, 'OnComplete')?.onComplete(p);
    });
    endpoint.on('DataPipe.Write', (p) => this.downloads.onData(p.pipeId, p.chunk));

    const frameOf = (frameToken: string, sender: string, name: string) => {
      const found = this.frameFromSender(frameToken, sender);
      if (!found)
        this.tracing.error(
          'browser',
          `${name} from ${sender} names frame ${frameToken}, which is not one of its current frames: ignored`,
        );
      return found;
    };
    // The commit's acknowledgement is CommitNavigation's reply (it carries DidCommitProvisionalLoadParams).
    const commitReply = (p: PayloadOf<'NavigationClient.CommitNavigation:reply'>) =>
      (this.tabList.find((tab) => tab.hasNavigation(p.navigationId)) ?? this.webContents).onCommitNavigationReply(p);
    endpoint.on('NavigationClient.CommitNavigation:reply', commitReply);
    endpoint.on('NavigationClient.CommitFailedNavigation:reply', commitReply);
    endpoint.on('LocalFrame.BeforeUnload:reply', (p) => {
      for (const contents of this.tabList) contents.onBeforeUnloadReply(p);
    });
    endpoint.on('ChildProcessHost.Pong', (p) => {
      const answered = this.pongs.get(p.sequence);
      if (!answered) return this.tracing.error('browser', `a pong #${p.sequence} nobody waited for`);
      this.pongs.delete(p.sequence);
      answered();
    });
    endpoint.on('LocalFrameHost.UpdateTitle', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (found) found.contents.onUpdateTitle(found.frame, p.title);
    });
    endpoint.on('LocalFrameHost.DidFailLoadWithError', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (found) found.contents.onDidFailLoad(found.frame, p);
    });
    endpoint.on('FrameHost.DidStopLoading', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (found) found.contents.onDidStopLoading(found.frame);
    });
    endpoint.on('FrameHost.CreateChildFrame', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (!found) return;
      if (this.frameFromSender(p.childFrameToken, e.from) || !p.childFrameToken.startsWith(`${e.from}/`)) {
        this.tracing.error(
          'browser',
          `CreateChildFrame from ${e.from}: the child frame token ${p.childFrameToken} is taken or not the sender's own: ignored`,
        );
        return;
      }
      found.contents.onCreateChildFrame(found.frame, p.childFrameToken, p.name);
    });
    endpoint.on('FrameHost.BeginNavigation', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (found) void found.contents.onBeginNavigation(found.frame, p.url, p.initiatorOrigin);
    });
    // Recorded by the transport; the browser has nothing more to do with these yet.
    endpoint.on('FrameHost.SubresourceResponseStarted', () => undefined);
    endpoint.on('FrameHost.ResourceLoadComplete', () => undefined);
    endpoint.on('LocalFrameHost.DidDispatchDOMContentLoadedEvent', () => undefined);
    endpoint.on('LocalFrameHost.DocumentOnLoadCompleted', () => undefined);
    endpoint.on('LocalFrameHost.DidFinishLoad', () => undefined);
    endpoint.on('FrameHost.UpdateState', () => undefined);
    endpoint.on('LocalFrameHost.DidChangeLoadProgress', () => undefined);
    endpoint.on('LocalFrameHost.MainDocumentElementAvailable', () => undefined);
    endpoint.on('LocalFrameHost.UpdateFaviconURL', (p, e) => {
      const found = frameOf(p.frameToken, e.from, e.name);
      if (found) found.contents.onUpdateFaviconURL(found.frame);
    });
    endpoint.on('LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint', () => undefined);
  }
}
