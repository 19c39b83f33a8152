/**
 * The browser process's UI thread, assembled: the trace recorder, the message router,
 * the UI thread's own endpoint, the network thread, the renderer processes (one per
 * site) and the tab. Hosts (CLI, web, desktop) create one and give it a way to
 * launch renderer processes and the path of the network thread's entry script.
 */
import { errorMessage } from '../../shared/base/errors.js';
import path from 'node:path';
import { BROWSER_ENDPOINT, NETWORK_ENDPOINT, THREAD_NAMES, rendererEndpointId } from '../../shared/ipc/endpoints.js';
import { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { readProfileJson, writeProfileJson } from '../node/profileFile.js';
import { BrowserTracing } from './browserTracing.js';
import { MessageRouter } from './messageRouter.js';
import { NetworkServiceHost } from './networkServiceHost.js';
import { DownloadManager } from './downloadManager.js';
import { type ProcessChoice, RenderProcessHost, type RendererProcess, SPARE_SITE } from './renderProcessHost.js';
import type { NavigationServices } from './navigationRequest.js';
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
}

const SESSION_FILE = 'session.json';

export class BrowserProcess {
  readonly recorder = new TraceRecorder();
  readonly tracing = new BrowserTracing(this.recorder);
  readonly router = new MessageRouter(this.recorder);
  readonly endpoint: MessageEndpoint;
  readonly network: NetworkServiceHost;
  readonly webContents: WebContents;
  private readonly siteInstances = new Map<string, SiteInstance>();
  private readonly processes = new Set<RenderProcessHost>();
  private processCounter = 0;
  private pingCounter = 0;
  private frameTreeNodeCounter = 0;
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
    const services: NavigationServices = {
      browser: this.endpoint,
      transport: this.router,
      clock: this.router.gate.clock,
      tracing: this.tracing,
      processes: {
        processForSite: (site, purpose, speculative) => this.processForSite(site, purpose, speculative ?? null),
        hasProcessFor: (site) => this.siteInstanceFor(site).liveProcess() !== null,
        releaseProcessIfUnused: (host, reason, lastFrameLeft) =>
          this.releaseProcessIfUnused(host, reason, lastFrameLeft),
      },
      safeBrowsing: this.safeBrowsing,
      downloads: this.downloads,
      speculativeProcesses: options.speculativeProcesses ?? true,
      errorPages: options.errorPages ?? true,
    };
    this.webContents = new WebContents(
      services,
      { siteInstanceFor: (site) => this.siteInstanceFor(site), historyChanged: () => this.saveSession() },
      ++this.frameTreeNodeCounter,
    );
    this.registerHandlers();
    // A crashed network thread: what was loading on it fails; once it is back, renderers drop their old loaders.
    this.network.onGone((reason) => {
      this.webContents.onNetworkServiceGone(reason);
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
    this.restoreSession();
    this.ensureSpare();
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
    if (this.webContents.loading)
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
    this.tracing.restateTab('a new session began');
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
    this.webContents.shuttingDown = true;
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

  private siteInstanceFor(site: string): SiteInstance {
    let instance = this.siteInstances.get(site);
    if (!instance) {
      instance = new SiteInstance(site);
      this.siteInstances.set(site, instance);
    }
    return instance;
  }

  /**
   * One process per site: the site's live process if it has one; else the spare
   * process, taken now; else a new one. Every choice is recorded.
   */
  private processForSite(
    site: string,
    purpose: 'commit' | 'speculative',
    speculative: RendererProcess | null = null,
  ): ProcessChoice {
    const instance = this.siteInstanceFor(site);
    const existing = instance.liveProcess();
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
      this.tracing.record({
        type: 'process.assigned',
        processId: existing.endpointId,
        pid: existing.pid,
        site,
        how: 'reused',
        reason: `${site} already has a process: its documents share it`,
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
          : 'no process for this site and no spare: a new one starts';
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
      this.webContents.onProcessGone(gone);
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
    const instance = this.siteInstanceFor(host.site);
    if (instance.process === host) instance.process = null;
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
      this.webContents.controller.restore(entries.slice(0, 200), index);
      this.tracing.state(
        { field: 'history', value: this.webContents.controller.snapshot() },
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
      () => this.webContents.controller.snapshot(),
      (message) => this.tracing.error('session save', message),
      { pretty: false },
    );
  }

  private registerHandlers(): void {
    const contents = this.webContents;
    const endpoint = this.endpoint;
    const loaderOf = (requestId: string, from: string) => {
      // Navigation loaders are the browser's own; anything else addressed here is stale.
      const nav = contents.activeLoader(requestId);
      if (!nav) this.tracing.error('browser', `${from}: no navigation is waiting for loader ${requestId}`);
      return nav;
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
      const frame = contents.frameFromSender(frameToken, sender);
      if (!frame)
        this.tracing.error(
          'browser',
          `${name} from ${sender} names frame ${frameToken}, which is not its current frame: ignored`,
        );
      return frame;
    };
    // The commit's acknowledgement is CommitNavigation's reply (it carries DidCommitProvisionalLoadParams).
    endpoint.on('NavigationClient.CommitNavigation:reply', (p) => contents.onCommitNavigationReply(p));
    endpoint.on('NavigationClient.CommitFailedNavigation:reply', (p) => contents.onCommitNavigationReply(p));
    endpoint.on('LocalFrame.BeforeUnload:reply', (p) => contents.onBeforeUnloadReply(p));
    endpoint.on('ChildProcessHost.Pong', (p) => {
      const answered = this.pongs.get(p.sequence);
      if (!answered) return this.tracing.error('browser', `a pong #${p.sequence} nobody waited for`);
      this.pongs.delete(p.sequence);
      answered();
    });
    endpoint.on('LocalFrameHost.UpdateTitle', (p, e) => {
      const frame = frameOf(p.frameToken, e.from, e.name);
      if (frame) contents.onUpdateTitle(frame, p.title);
    });
    endpoint.on('LocalFrameHost.DidFailLoadWithError', (p, e) => {
      const frame = frameOf(p.frameToken, e.from, e.name);
      if (frame) contents.onDidFailLoad(frame, p);
    });
    endpoint.on('FrameHost.DidStopLoading', (p, e) => {
      const frame = frameOf(p.frameToken, e.from, e.name);
      if (frame) contents.onDidStopLoading(frame);
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
    endpoint.on('LocalFrameHost.UpdateFaviconURL', () => undefined);
    endpoint.on('LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint', () => undefined);
  }
}
