/**
 * The browser process's UI thread, assembled: the trace recorder, the message router,
 * the UI thread's own endpoint, the network thread, the renderer processes (one per
 * site) and the tab. Hosts (CLI, web, desktop) create one and give it a way to
 * launch renderer processes and the path of the network thread's entry script.
 */
import { BROWSER_ENDPOINT, THREAD_NAMES, rendererEndpointId } from '../../shared/ipc/endpoints.js';
import { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { BrowserTracing } from './browserTracing.js';
import { MessageRouter } from './messageRouter.js';
import { NetworkServiceHost } from './networkServiceHost.js';
import { RenderProcessHost } from './renderProcessHost.js';
import type { RendererLauncher } from './rendererLauncher.js';
import { SiteInstance } from './siteInstance.js';
import { WebContents } from './webContents.js';

export interface BrowserProcessOptions {
  launcher: RendererLauncher;
  networkThreadEntry: string | URL;
  network: NetworkServiceConfig;
}

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

  constructor(private readonly options: BrowserProcessOptions) {
    this.endpoint = new MessageEndpoint(
      { id: BROWSER_ENDPOINT, role: 'browser', pid: process.pid, processName: 'Browser', threadName: THREAD_NAMES.browser },
      this.router.browserPort(),
      { record: (r) => this.recorder.record(r) },
      monotonicMicros,
    );
    this.router.setBrowserEndpoint(this.endpoint);
    this.network = new NetworkServiceHost(this.router, this.tracing, options.networkThreadEntry, options.network);
    this.webContents = new WebContents({
      browser: this.endpoint,
      router: this.router,
      tracing: this.tracing,
      siteInstanceFor: (site) => this.siteInstanceFor(site),
      processForSite: (site) => this.processForSite(site),
    });
    this.registerHandlers();
  }

  async start(): Promise<void> {
    this.tracing.record({ type: 'trace.begin', mode: this.options.network.mode, browserPid: process.pid, wallClock: new Date().toISOString(), platform: `${process.platform}-${process.arch}` });
    this.tracing.record({ type: 'thread.start', info: this.endpoint.info });
    await this.network.start();
  }

  async shutdown(): Promise<void> {
    this.webContents.shuttingDown = true;
    for (const host of this.processes) host.shutdown('the browser is shutting down');
    await Promise.all([...this.processes].map((host) => (host.isAlive ? new Promise<void>((resolve) => host.onGone(() => resolve())) : Promise.resolve())));
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

  /** One process per site: the site's live process if it has one, else a new one. */
  private processForSite(site: string): { host: RenderProcessHost; reused: boolean } {
    const instance = this.siteInstanceFor(site);
    const existing = instance.liveProcess();
    if (existing) return { host: existing, reused: true };
    const host = new RenderProcessHost(rendererEndpointId(++this.processCounter), site, this.options.launcher, this.router, this.endpoint, this.tracing);
    instance.process = host;
    this.processes.add(host);
    host.onGone((gone) => {
      this.processes.delete(gone);
      this.webContents.onProcessGone(gone);
    });
    host.launch();
    return { host, reused: false };
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
    endpoint.on('URLLoaderClient.OnReceiveRedirect', (p) => loaderOf(p.requestId, 'OnReceiveRedirect')?.onReceiveRedirect(p));
    endpoint.on('URLLoaderClient.OnReceiveResponse', (p) => loaderOf(p.requestId, 'OnReceiveResponse')?.onReceiveResponse(p));
    endpoint.on('URLLoaderClient.OnComplete', (p) => loaderOf(p.requestId, 'OnComplete')?.onComplete(p));
    endpoint.on('DataPipe.Write', () => undefined);

    const frameOf = (frameToken: string, sender: string, name: string) => {
      const frame = contents.frameFromSender(frameToken, sender);
      if (!frame) this.tracing.error('browser', `${name} from ${sender} names frame ${frameToken}, which is not its current frame: ignored`);
      return frame;
    };
    endpoint.on('FrameHost.DidCommitProvisionalLoad', (p) => contents.onDidCommitProvisionalLoad(p));
    endpoint.on('FrameHost.BeforeUnloadACK', (p) => contents.onBeforeUnloadAck(p));
    endpoint.on('FrameHost.UpdateTitle', (p, e) => {
      const frame = frameOf(p.frameToken, e.from, e.name);
      if (frame) contents.onUpdateTitle(frame, p.title);
    });
    endpoint.on('FrameHost.DidStopLoading', (p, e) => {
      const frame = frameOf(p.frameToken, e.from, e.name);
      if (frame) contents.onDidStopLoading(frame);
    });
    // Recorded by the transport; the browser has nothing more to do with these yet.
    endpoint.on('FrameHost.SubresourceResponseStarted', () => undefined);
    endpoint.on('FrameHost.ResourceLoadComplete', () => undefined);
    endpoint.on('FrameHost.DidDispatchDOMContentLoadedEvent', () => undefined);
    endpoint.on('FrameHost.DocumentOnLoadCompleted', () => undefined);
    endpoint.on('FrameHost.DidFinishLoad', () => undefined);
  }
}
