/**
 * NavigationRequest: one navigation of one frame (a FrameTreeNode of a tab), from the
 * moment it starts to its commit or its end, shaped as Chromium's
 * content/browser/renderer_host/navigation_request.cc:
 *
 * - an explicit state (shared/trace/navigationState.ts: Chromium's NavigationState),
 *   every transition checked and recorded in the trace;
 * - one method per stage: start (beforeunload), the request (with its redirects),
 *   processing the response (MIME sniffing, Safe Browsing, the decision), finding a
 *   renderer process, and the commit — each returns what the next stage needs or the
 *   navigation's outcome;
 * - `run()` alone records the end of the navigation and tidies up (processes it kept
 *   alive, watchers, the transport's route).
 *
 * It gets the browser's services once (NavigationServices) and a narrow interface to
 * its frame (NavigationFrame), so a test can drive it with fakes and no processes.
 * Commit means the renderer acknowledged.
 */
import { AsyncQueue } from '../../shared/base/asyncQueue.js';
import { errorMessage } from '../../shared/base/errors.js';
import { BROWSER_ENDPOINT, type EndpointId, NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import {
  type MessageName,
  type PayloadOf,
  type ResponseHead,
  failedCompletionStatus,
} from '../../shared/ipc/messageCatalogue.js';
import { previewBytes } from '../../shared/ipc/payloadSummary.js';
import { headerValue } from '../../shared/net/httpHeaders.js';
import { noLoadTiming } from '../../shared/net/loadTiming.js';
import { NET_ERRORS, type NetErrorInfo, isCertificateError, netErrorName } from '../../shared/net/netError.js';
import { type NavigationState, canTransition } from '../../shared/trace/navigationState.js';
import type { NavigationDecision, NavigationEndEvent, ProcessAssignment } from '../../shared/trace/traceEvent.js';
import { RESOURCE_HEADER_BYTES, sniffMimeTypeWithRule } from '../../shared/web/mimeSniffing.js';
import { originOf, siteForUrl } from '../../shared/web/siteInfo.js';
import type { BrowserTracing } from './browserTracing.js';
import { type DownloadEnd, type DownloadManager, isAttachment } from './downloadManager.js';
import { ERROR_PAGE_SITE, errorPageHtml } from './errorPage.js';
import type { RenderFrameHost } from './renderFrameHost.js';
import type { ProcessChoice, RendererProcess } from './renderProcessHost.js';
import type { RunningTimer } from './runningClock.js';
import type { SafeBrowsingDatabase, SafeBrowsingVerdict } from './safeBrowsingDatabase.js';

export type Transition = 'typed' | 'link' | 'reload' | 'back_forward';

/** The transport as a navigation uses it: the browser process's MessageRouter. */
export interface NavigationTransport {
  isAttached(endpointId: EndpointId): boolean;
  /** Keeps a loader's later messages (body, completion) in the transport until the browser decides where they go. */
  holdRoute(route: string): void;
  moveRoute(route: string, to: EndpointId): void;
  dropRoute(route: string): void;
  heldBody(route: string, max: number): { bytes: Uint8Array; complete: boolean };
  whenHeldBody(route: string, bytes: number, timeoutMs: number): Promise<void>;
}

/** Which frame asks for a process: its tab's browsing context group, and whether it is a main frame. */
export interface ProcessContext {
  browsingInstanceId: number;
  isMainFrame: boolean;
}

/** How the browser finds renderer processes (BrowserProcess: per site, the spare, speculative ones, the limit). */
export interface RendererProcessPolicy {
  /** `speculative`: the process this navigation started when it began, if any (taken, it is recorded as such). */
  processForSite(
    site: string,
    purpose: 'commit' | 'speculative',
    speculative?: RendererProcess | null,
    context?: ProcessContext,
  ): ProcessChoice;
  hasProcessFor(site: string, context?: ProcessContext): boolean;
  /** Ends a process that neither a frame nor a navigation needs any more. */
  releaseProcessIfUnused(host: RendererProcess, reason: string, lastFrameLeft: boolean): void;
}

/** The browser process's services a navigation uses, handed over once. */
export interface NavigationServices {
  readonly browser: {
    send<N extends MessageName>(to: EndpointId, name: N, payload: PayloadOf<N>, route?: string): void;
  };
  readonly transport: NavigationTransport;
  /** Running time (step mode stops it while a message waits for the user): the navigation's timeouts use it. */
  readonly clock: { setTimeout(fire: () => void, ms: number): RunningTimer };
  readonly tracing: BrowserTracing;
  readonly processes: RendererProcessPolicy;
  readonly safeBrowsing: Pick<SafeBrowsingDatabase, 'check'>;
  readonly downloads: Pick<DownloadManager, 'begin'>;
  /** Start a renderer process for the target site in parallel with the request (Chrome does). */
  readonly speculativeProcesses: boolean;
  /** Commit an error page for network errors (Chrome does). */
  readonly errorPages: boolean;
}

/** What a navigation needs from the frame it navigates (its FrameTreeNode in a tab). */
export interface NavigationFrame {
  readonly frameTreeNodeId: number;
  /** The tab (absent in unit tests' fakes: tab 1). */
  readonly tabId?: number;
  /** Absent in unit tests' fakes: a main frame. */
  readonly isMainFrame?: boolean;
  readonly browsingInstanceId?: number;
  readonly currentFrameHost: RenderFrameHost | null;
  /** The frame host to commit in `process`: the current one if it lives there, else a new one. */
  frameHostFor(process: RendererProcess, site: string): { frame: RenderFrameHost; created: boolean };
  /** The user chose to proceed past the Safe Browsing interstitial for this URL (this session, this tab). */
  safeBrowsingBypassed(url: string): boolean;
  /**
   * The renderer acknowledged the commit. Called synchronously while handling the
   * acknowledgement, so that everything the renderer sends after it (title,
   * DidStopLoading) finds the new document already committed.
   */
  didCommitNavigation(request: NavigationRequest, commit: { frame: RenderFrameHost; url: string }): void;
}

export interface NavigationParams {
  navigationId: string;
  url: string;
  transition: Transition;
  /** What was typed (or the history entry's URL). */
  input: string;
  /** The user typed a host without a scheme: HTTPS first (Chrome's HTTPS-Upgrades). */
  upgradeToHttps?: boolean;
  /** For back/forward: which history entry this navigation goes to. */
  historyOffset?: number;
  /** A renderer asked for it (an iframe's src: FrameHost.BeginNavigation), with the origin of the document that did. */
  initiatorOrigin?: string | null;
}

export type NavigationOutcome =
  | { outcome: 'committed'; url: string; frame: RenderFrameHost; head: ResponseHead }
  | { outcome: 'failed'; url: string; netError: NetErrorInfo; errorPageCommitted: boolean }
  | { outcome: 'download'; url: string; download: DownloadEnd }
  | { outcome: 'blocked'; url: string; threatType: string }
  | { outcome: 'no-commit'; url: string; reason: string }
  | { outcome: 'renderer-crashed'; url: string }
  | { outcome: 'cancelled'; url: string; reason: string };

type NavigationEvent =
  | { kind: 'redirect'; payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'> }
  | { kind: 'response'; payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'> }
  | { kind: 'complete'; payload: PayloadOf<'URLLoaderClient.OnComplete'> }
  | { kind: 'beforeunload-ack'; proceed: boolean }
  | { kind: 'commit-ack'; payload: PayloadOf<'NavigationClient.CommitNavigation:reply'> }
  | { kind: 'process-gone'; processId: string }
  | { kind: 'timeout'; what: string }
  | { kind: 'cancel'; reason: string };

const BEFOREUNLOAD_TIMEOUT_MS = 2_000;
/** How long reading the response waits for the first bytes to sniff before deciding on what it has. */
const SNIFF_WAIT_MS = 3_000;
const COMMIT_TIMEOUT_MS = 15_000;

/** Types NavScope's renderer stand-in shows (Chromium renders these; others download). */
export function rendererCanShow(mimeType: string): boolean {
  if (mimeType === '' || mimeType.startsWith('text/') || mimeType.endsWith('+xml')) return true;
  return [
    'application/xhtml+xml',
    'application/xml',
    'application/json',
    'image/png',
    'image/jpeg',
    'image/gif',
    'image/webp',
    'image/bmp',
    'image/svg+xml',
    'image/x-icon',
    'image/avif',
  ].includes(mimeType);
}

/** net::ERR_FAILED, with why. */
function failedWith(detail: string): NetErrorInfo {
  return { code: NET_ERRORS.ERR_FAILED, name: 'ERR_FAILED', detail };
}

function isOutcome(value: unknown): value is NavigationOutcome {
  return typeof value === 'object' && value !== null && 'outcome' in value;
}

/** How the trace's navigation.end names an outcome. */
function endOf(outcome: NavigationOutcome): Pick<NavigationEndEvent, 'outcome' | 'netError'> {
  switch (outcome.outcome) {
    case 'committed':
      return { outcome: 'committed', netError: null };
    case 'failed':
      return { outcome: 'failed', netError: outcome.netError };
    case 'renderer-crashed':
      return { outcome: 'renderer-crashed', netError: null };
    default:
      return { outcome: 'no-commit', netError: null };
  }
}

export class NavigationRequest {
  readonly navigationId: string;
  readonly requestId: string;
  readonly transition: Transition;
  readonly input: string;
  readonly historyOffset: number;
  url: string;
  readonly redirects: string[] = [];
  /** This navigation commits an error page (for the tab's security state). */
  errorPage = false;
  private navigationState: NavigationState = 'NOT_STARTED';
  private readonly upgradeToHttps: boolean;
  /** The document that asked for this navigation (renderer-initiated); null when the browser started it. */
  private readonly initiatorOrigin: string | null;
  private readonly events = new AsyncQueue<NavigationEvent>();
  private readonly navigationStart: number;
  private readonly unsubscribers: (() => void)[] = [];
  /** Processes this navigation may commit in, each kept alive until the navigation is done with it. */
  private readonly processHolds = new Map<RendererProcess, () => void>();
  private pendingCancel: { kind: 'cancel'; reason: string } | null = null;
  /** URLLoaderFactory.CreateLoaderAndStart went to the network thread. */
  private loaderCreated = false;
  /** The loader's client end went to a renderer or the download manager (moveRoute). */
  private loaderHandedOff = false;
  /** The MIME type of the response handed to the renderer with CommitNavigation (null before, or for an error page). */
  committedMimeType: string | null = null;
  /** The network service crashed while this navigation's loader still answered to the browser. */
  private networkFailure: NetErrorInfo | null = null;
  /** Set while CommitNavigation is out and its acknowledgement not yet in. */
  private awaitingCommit: { span: string; frame: RenderFrameHost } | null = null;
  /** A process started for the target site in parallel with the request. */
  private speculative: RendererProcess | null = null;

  constructor(
    private readonly services: NavigationServices,
    private readonly frame: NavigationFrame,
    params: NavigationParams,
  ) {
    this.navigationId = params.navigationId;
    this.url = params.url;
    this.transition = params.transition;
    this.input = params.input;
    this.upgradeToHttps = params.upgradeToHttps ?? false;
    this.initiatorOrigin = params.initiatorOrigin ?? null;
    this.historyOffset = params.historyOffset ?? 0;
    this.requestId = `browser/${params.navigationId}`;
    this.navigationStart = services.tracing.now();
  }

  get state(): NavigationState {
    return this.navigationState;
  }

  private get isMainFrame(): boolean {
    return this.frame.isMainFrame ?? true;
  }

  /** What the browser's process policy needs to know about the frame asking. */
  private get processContext(): ProcessContext {
    return { browsingInstanceId: this.frame.browsingInstanceId ?? 1, isMainFrame: this.isMainFrame };
  }

  // ── Inputs: the tab passes on what arrives for this navigation ───────────────────
  onReceiveRedirect(payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'>): void {
    this.events.push({ kind: 'redirect', payload });
  }

  onReceiveResponse(payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'>): void {
    // The rest of this loader's messages (body, completion) wait in the transport
    // until the browser has decided where the response goes.
    this.services.transport.holdRoute(this.requestId);
    this.events.push({ kind: 'response', payload });
  }

  onComplete(payload: PayloadOf<'URLLoaderClient.OnComplete'>): void {
    this.events.push({ kind: 'complete', payload });
  }

  onBeforeUnloadAck(proceed: boolean): void {
    this.events.push({ kind: 'beforeunload-ack', proceed });
  }

  onCommitAck(payload: PayloadOf<'NavigationClient.CommitNavigation:reply'>): void {
    const pending = this.awaitingCommit;
    if (pending && payload.navigationId === this.navigationId) {
      this.awaitingCommit = null;
      this.services.tracing.endSpan(pending.span, 'ok', null, { url: payload.url });
      this.setState(this.errorPage ? 'DID_COMMIT_ERROR_PAGE' : 'DID_COMMIT', 'the renderer acknowledged the commit');
      this.frame.didCommitNavigation(this, { frame: pending.frame, url: payload.url });
    }
    this.events.push({ kind: 'commit-ack', payload });
  }

  onProcessGone(processId: string): void {
    this.events.push({ kind: 'process-gone', processId });
  }

  /**
   * The network service crashed: a loader created on it whose client end is still the
   * browser's is disconnected, and the navigation fails with ERR_FAILED — at once while
   * it waits for the response, or before it would commit. A loader already handed to a
   * renderer fails there (UpdateSubresourceLoaderFactories).
   */
  networkServiceGone(reason: string): void {
    if (!this.loaderCreated || this.loaderHandedOff || this.networkFailure) return;
    const detail = `the network service crashed (${reason}): the navigation's URLLoader was disconnected`;
    this.networkFailure = failedWith(detail);
    this.events.push({
      kind: 'complete',
      payload: { requestId: this.requestId, status: failedCompletionStatus('ERR_FAILED', detail) },
    });
  }

  cancel(reason: string): void {
    this.pendingCancel = { kind: 'cancel', reason };
    this.events.push({ kind: 'cancel', reason });
  }

  // ── The navigation ──────────────────────────────────────────────────────────────

  /** Runs the navigation to its outcome. The one place its end is recorded. */
  async run(): Promise<NavigationOutcome> {
    const { tracing } = this.services;
    tracing.record({
      type: 'navigation.begin',
      navigationId: this.navigationId,
      url: this.url,
      transition: this.transition,
      input: this.input,
      tabId: this.frame.tabId ?? 1,
      frameTreeNodeId: this.frame.frameTreeNodeId,
      isMainFrame: this.isMainFrame,
    });
    tracing.tagRoute(this.requestId, this.frame.frameTreeNodeId, this.frame.tabId ?? 1);
    let outcome: NavigationOutcome;
    try {
      outcome = await this.navigate();
    } catch (error) {
      // A fault inside NavScope ends this navigation, not the browser: recorded, and the trace keeps its end.
      const detail = `NavScope failed inside the navigation: ${errorMessage(error)}`;
      tracing.error(this.navigationId, detail);
      this.setState('WILL_FAIL_REQUEST', detail);
      outcome = { outcome: 'failed', url: this.url, netError: failedWith(detail), errorPageCommitted: false };
    }
    tracing.record({ type: 'navigation.end', navigationId: this.navigationId, url: this.url, ...endOf(outcome) });
    this.tidyUp(outcome);
    return outcome;
  }

  private async navigate(): Promise<NavigationOutcome> {
    const started = await this.startNavigation();
    if (isOutcome(started)) return started;
    this.startSpeculativeProcess();
    const head = await this.startRequest();
    if (isOutcome(head)) return head;
    const processed = await this.processResponse(head);
    if (isOutcome(processed)) return processed;
    const host = await this.findRenderer();
    if (isOutcome(host)) return host;
    return this.commit(host, head);
  }

  /** Start navigation: the current document may object (beforeunload). */
  private async startNavigation(): Promise<'started' | NavigationOutcome> {
    const { tracing, browser } = this.services;
    const span = tracing.beginPhase('start-navigation', this.navigationId, {
      url: this.url,
      transition: this.transition,
      browserInitiated: this.initiatorOrigin === null,
    });
    const current = this.frame.currentFrameHost;
    // An iframe's initial empty document has no beforeunload to run.
    const initialEmptyDocument = !this.isMainFrame && current?.url === null;
    if (current && !initialEmptyDocument && current.process.state === 'ready') {
      this.setState('WAITING_FOR_RENDERER_RESPONSE', 'the current document runs its beforeunload handlers');
      this.watchProcess(current.process);
      browser.send(current.process.endpointId, 'LocalFrame.BeforeUnload', {
        frameToken: current.frameToken,
        isReload: this.transition === 'reload',
      });
      // A renderer that does not answer in time (or is gone) does not block the navigation.
      // Only the current document's process going away ends the wait, not another's.
      const wait = () =>
        this.waitFor(['beforeunload-ack', 'process-gone', 'cancel'], BEFOREUNLOAD_TIMEOUT_MS, 'the beforeunload reply');
      let ack = await wait();
      while (ack.kind === 'process-gone' && ack.processId !== current.process.endpointId) ack = await wait();
      if (ack.kind === 'cancel') return this.cancelled(span, ack.reason);
      if (ack.kind === 'timeout') current.process.markUnresponsive(ack.what, BEFOREUNLOAD_TIMEOUT_MS);
      if (ack.kind === 'beforeunload-ack' && !ack.proceed)
        return this.cancelled(span, 'the page asked to stay (beforeunload)');
    }
    this.setState('WILL_START_NAVIGATION', current ? 'beforeunload let it go' : 'there is no document to ask');
    tracing.endSpan(span);
    return 'started';
  }

  /** The request: the network thread loads the URL; the browser follows redirects. */
  private async startRequest(): Promise<ResponseHead | NavigationOutcome> {
    const { tracing, browser, transport } = this.services;
    const span = tracing.beginPhase('network', this.navigationId, { url: this.url, requestId: this.requestId });
    if (!transport.isAttached(NETWORK_ENDPOINT)) {
      // Between a crash of the network thread and its restart there is nobody to load from.
      const netError = failedWith('the network service is not running: it crashed and is being restarted');
      tracing.endSpan(span, 'error', `${netError.name}: ${netError.detail}`);
      return this.fail(netError);
    }
    this.loaderCreated = true;
    this.setState('WILL_START_REQUEST', 'the request goes to the network service');
    browser.send(
      NETWORK_ENDPOINT,
      'URLLoaderFactory.CreateLoaderAndStart',
      {
        requestId: this.requestId,
        request: {
          url: this.url,
          method: 'GET',
          headers: [],
          destination: 'document',
          mode: 'navigate',
          initiatorOrigin: this.initiatorOrigin,
          upgradeToHttps: this.upgradeToHttps,
        },
      },
      this.requestId,
    );
    /** A followed redirect lasts until the network answers for the new URL. */
    let redirectSpan: string | null = null;
    for (;;) {
      const event = await this.waitFor(['redirect', 'response', 'complete', 'cancel'], 0, 'the network response');
      if (redirectSpan !== null) {
        tracing.endSpan(redirectSpan, event.kind === 'cancel' ? 'cancelled' : 'ok');
        redirectSpan = null;
      }
      switch (event.kind) {
        case 'cancel':
          browser.send(
            NETWORK_ENDPOINT,
            'URLLoader.Cancel',
            { requestId: this.requestId, reason: event.reason },
            this.requestId,
          );
          return this.cancelled(span, event.reason);
        case 'complete': {
          const status = event.payload.status;
          const empty = status.errorCode === 0;
          const netError: NetErrorInfo = {
            code: empty ? NET_ERRORS.ERR_EMPTY_RESPONSE : status.errorCode,
            name: empty ? netErrorName(NET_ERRORS.ERR_EMPTY_RESPONSE) : status.errorName,
            detail: status.errorDetail || 'the load completed without a response',
          };
          tracing.endSpan(span, 'error', `${netError.name}: ${netError.detail}`);
          return this.fail(netError);
        }
        case 'redirect': {
          const from = this.url;
          this.url = event.payload.redirect.newUrl;
          this.redirects.push(from);
          this.setState('WILL_REDIRECT_REQUEST', `${event.payload.redirect.status} to ${this.url}`);
          redirectSpan = tracing.beginSpan(`Redirect ${event.payload.redirect.status}`, 'browser', {
            navigationId: this.navigationId,
            args: { from, to: this.url, crossSite: siteForUrl(from) !== siteForUrl(this.url) },
          });
          browser.send(NETWORK_ENDPOINT, 'URLLoader.FollowRedirect', { requestId: this.requestId }, this.requestId);
          continue;
        }
        case 'response': {
          const head = event.payload.head;
          this.setState('WILL_PROCESS_RESPONSE', `${head.status} ${head.statusText}`);
          tracing.endSpan(span, 'ok', null, { status: head.status, redirects: this.redirects.length });
          return head;
        }
      }
    }
  }

  /**
   * Reading the response: what is it (MIME sniffing on its first bytes), is it safe
   * (Safe Browsing), and does it commit at all (a download, 204/205)?
   */
  private async processResponse(head: ResponseHead): Promise<'render' | NavigationOutcome> {
    const { tracing, browser, downloads, transport } = this.services;
    const span = tracing.beginPhase('read-response', this.navigationId, {
      status: head.status,
      mimeType: head.mimeType || '(none)',
    });
    const sniffed = await this.sniff(head);
    const safety = this.checkSafeBrowsing();
    const cancelLoader = (reason: string) =>
      browser.send(NETWORK_ENDPOINT, 'URLLoader.Cancel', { requestId: this.requestId, reason }, this.requestId);
    if (safety) {
      const threat = safety.threatType ?? 'unsafe';
      cancelLoader(`Safe Browsing: ${threat}`);
      this.decide('blocked', `Safe Browsing lists ${safety.url} as ${threat}: an interstitial is shown instead`);
      tracing.endSpan(span, 'ok', null, { decision: 'blocked', threatType: safety.threatType ?? '' });
      this.setState('CANCELING', `Safe Browsing: ${threat}`);
      return { outcome: 'blocked', url: safety.url, threatType: safety.threatType ?? 'UNKNOWN' };
    }
    if (head.status === 204 || head.status === 205) {
      const reason = `the server answered ${head.status} ${head.statusText}: there is no document to commit, the current page stays`;
      cancelLoader(`${head.status}: nothing to commit`);
      this.decide('no-commit', `${head.status} ${head.statusText}: there is no document; the current page stays`);
      tracing.endSpan(span, 'ok', null, { decision: 'no commit' });
      this.setState('CANCELING', `${head.status}: nothing to commit`);
      return { outcome: 'no-commit', url: this.url, reason };
    }
    const downloadBecause = isAttachment(head)
      ? 'Content-Disposition: attachment'
      : !rendererCanShow(sniffed)
        ? `the renderer cannot show ${sniffed}`
        : null;
    if (downloadBecause) {
      this.decide('download', `${downloadBecause}: the download manager saves it, nothing commits`);
      tracing.endSpan(span, 'ok', null, { decision: 'download' });
      this.setState('CANCELING', 'the response is a download: the download manager takes it');
      this.discardSpeculative('the response is a download');
      const { accepted, finished } = downloads.begin(this.requestId, this.url, head, sniffed);
      if (accepted) {
        // The loader's client end goes to the browser's download manager instead of a renderer.
        this.loaderHandedOff = true;
        transport.moveRoute(this.requestId, BROWSER_ENDPOINT);
      } else {
        // The file could not be created: no byte of the body is accepted.
        cancelLoader('the download could not be saved');
      }
      return { outcome: 'download', url: this.url, download: await finished };
    }
    this.decide(
      'render',
      `${sniffed} is shown by the renderer${head.status >= 400 ? ` (the server's ${head.status} page commits)` : ''}`,
    );
    tracing.endSpan(span, 'ok', null, {
      decision: 'render',
      computedMimeType: sniffed,
      note: 'CORB/ORB does not apply here: it protects cross-origin no-cors subresources, not navigations',
    });
    return 'render';
  }

  /** Finding a renderer process for the response's site. */
  private async findRenderer(): Promise<RendererProcess | NavigationOutcome> {
    const { tracing, transport } = this.services;
    const site = siteForUrl(this.url);
    const span = tracing.beginPhase('find-renderer', this.navigationId, { site });
    if (this.speculative && this.speculative.site !== site) {
      this.discardSpeculative(`a redirect changed the site from ${this.speculative.site} to ${site}`);
    }
    const choice = this.services.processes.processForSite(site, 'commit', this.speculative, this.processContext);
    const host = choice.host;
    this.useProcess(host);
    if (host.state === 'launching') {
      const ready = await host.ready.then(
        () => 'ready' as const,
        () => 'gone' as const,
      );
      if (this.pendingCancel) return this.cancelled(span, this.pendingCancel.reason);
      if (ready === 'gone') {
        tracing.endSpan(span, 'error', 'the renderer process died while starting');
        return this.rendererGone('the renderer process died while starting');
      }
    }
    tracing.endSpan(span, 'ok', null, {
      site,
      decision: this.describeChoice(host, choice.how, false),
      processId: host.endpointId,
      pid: host.pid ?? -1,
    });
    // The network service crashed after the response came: nothing is left to commit.
    if (this.networkFailure) {
      transport.dropRoute(this.requestId);
      return this.fail(this.networkFailure);
    }
    return host;
  }

  /** Commit: hand response and loader to the renderer, and wait for its acknowledgement. */
  private commit(host: RendererProcess, head: ResponseHead): Promise<NavigationOutcome> {
    const { browser, transport } = this.services;
    this.loaderHandedOff = true;
    this.committedMimeType = head.mimeType;
    return this.commitIn(host, siteForUrl(this.url), head, (frameToken) => {
      browser.send(host.endpointId, 'NavigationClient.CommitNavigation', {
        navigationId: this.navigationId,
        frameToken,
        commonParams: { url: this.url, method: 'GET', transition: this.transition },
        commitParams: { origin: originOf(this.url), navigationStart: this.navigationStart, redirects: this.redirects },
        responseHead: head,
        requestId: this.requestId,
        bodyPipe: this.requestId,
      });
      // The commit carries the loader's client end and the body pipe: only now may the
      // body and the completion the network thread already sent flow to the renderer.
      transport.moveRoute(this.requestId, host.endpointId);
    });
  }

  /** Sends a commit to a frame in `host` and waits for the renderer's acknowledgement. */
  private async commitIn(
    host: RendererProcess,
    site: string,
    head: ResponseHead,
    sendCommit: (frameToken: string) => void,
  ): Promise<NavigationOutcome> {
    const { browser, tracing } = this.services;
    const span = tracing.beginPhase('commit', this.navigationId, { processId: host.endpointId });
    const { frame, created } = this.frame.frameHostFor(host, site);
    // A main frame comes with its view (CreateView); an iframe's document in another process gets a frame (CreateFrame).
    if (created)
      browser.send(
        host.endpointId,
        this.isMainFrame ? 'AgentSchedulingGroup.CreateView' : 'AgentSchedulingGroup.CreateFrame',
        { frameToken: frame.frameToken, site, isMainFrame: this.isMainFrame },
      );
    this.setState('READY_TO_COMMIT', `${host.endpointId} is asked to commit`);
    // Waiting for the acknowledgement starts before the commit leaves: it may come back at once.
    this.awaitingCommit = { span, frame };
    sendCommit(frame.frameToken);
    for (;;) {
      const event = await this.waitFor(
        ['commit-ack', 'process-gone', 'cancel'],
        COMMIT_TIMEOUT_MS,
        'reply to CommitNavigation',
      );
      if (event.kind === 'commit-ack') {
        if (event.payload.navigationId !== this.navigationId) continue;
        // The commit span ended and the frame committed already, in onCommitAck.
        return { outcome: 'committed', url: event.payload.url, frame, head };
      }
      if (event.kind === 'process-gone' && event.processId !== host.endpointId) continue;
      this.awaitingCommit = null;
      // The frame made for this commit holds no document: it no longer keeps the process.
      if (created) host.frames.delete(frame.frameToken);
      if (event.kind === 'cancel') return this.cancelled(span, event.reason);
      if (event.kind === 'timeout') host.markUnresponsive(event.what, COMMIT_TIMEOUT_MS);
      const why =
        event.kind === 'timeout'
          ? `no ${event.what} within ${COMMIT_TIMEOUT_MS} ms`
          : 'the renderer process died before committing';
      tracing.endSpan(span, 'error', why);
      return this.rendererGone(why);
    }
  }

  /**
   * The request failed with a net error. It still commits: Chromium's error page, in the
   * error-page process — except certificate errors (an interstitial) and ERR_ABORTED.
   */
  private async fail(netError: NetErrorInfo): Promise<NavigationOutcome> {
    this.setState('WILL_FAIL_REQUEST', `${netError.name}: ${netError.detail}`);
    this.discardSpeculative('the navigation failed');
    const failed = (errorPageCommitted: boolean): NavigationOutcome => ({
      outcome: 'failed',
      url: this.url,
      netError,
      errorPageCommitted,
    });
    // NavScope commits error pages for main frames only: a failed iframe keeps its initial empty document.
    if (
      !this.services.errorPages ||
      !this.isMainFrame ||
      isCertificateError(netError.code) ||
      netError.code === NET_ERRORS.ERR_ABORTED
    )
      return failed(false);
    const { tracing, browser } = this.services;
    this.decide('error-page', `${netError.name}: an error page commits in the error-page process (${ERROR_PAGE_SITE})`);
    const span = tracing.beginPhase('find-renderer', this.navigationId, { site: ERROR_PAGE_SITE });
    const choice = this.services.processes.processForSite(ERROR_PAGE_SITE, 'commit', null, this.processContext);
    const host = choice.host;
    this.useProcess(host);
    if (
      host.state === 'launching' &&
      (await host.ready.then(
        () => 'ready' as const,
        () => 'gone' as const,
      )) === 'gone'
    ) {
      tracing.endSpan(span, 'error', 'the error-page process died while starting');
      this.setState('CANCELING', 'the error-page process died while starting');
      return failed(false);
    }
    tracing.endSpan(span, 'ok', null, {
      site: ERROR_PAGE_SITE,
      decision: this.describeChoice(host, choice.how, true),
      processId: host.endpointId,
      pid: host.pid ?? -1,
    });
    const head: ResponseHead = {
      status: 0,
      statusText: netError.name,
      httpVersion: '',
      headers: [],
      mimeType: 'text/html',
      charset: 'utf-8',
      contentLength: -1,
      remoteEndpoint: null,
      connectionReused: false,
      connectionId: 0,
      fromCache: false,
      timing: noLoadTiming(),
    };
    this.errorPage = true;
    const committed = await this.commitIn(host, ERROR_PAGE_SITE, head, (frameToken) =>
      browser.send(host.endpointId, 'NavigationClient.CommitFailedNavigation', {
        navigationId: this.navigationId,
        frameToken,
        url: this.url,
        errorCode: netError.code,
        errorName: netError.name,
        errorPageHtml: errorPageHtml(this.url, netError),
      }),
    );
    return failed(committed.outcome === 'committed');
  }

  /** Why this process: for the trace's find-renderer span. */
  private describeChoice(host: RendererProcess, how: ProcessAssignment, errorPage: boolean): string {
    if (host === this.speculative) return 'the speculative process started with the request';
    if (how === 'spare') return errorPage ? 'the spare process, taken for error pages' : 'the spare process, taken now';
    if (how === 'reused') return errorPage ? 'the error-page process' : "the site's existing process";
    return errorPage ? 'a new error-page process' : 'a new process';
  }

  /** Cross-site: start the target site's process now, in parallel with the network request. */
  private startSpeculativeProcess(): void {
    if (!this.services.speculativeProcesses) return;
    let site: string;
    try {
      // A typed host is about to be tried over https (HTTPS-Upgrades): predict that site.
      site = siteForUrl(this.upgradeToHttps ? this.url.replace(/^http:/, 'https:') : this.url);
    } catch {
      return;
    }
    const current = this.frame.currentFrameHost;
    if (current && current.siteInstance.site === site && current.process.isReusable) return;
    if (this.services.processes.hasProcessFor(site, this.processContext)) return;
    this.speculative = this.services.processes.processForSite(site, 'speculative', null, this.processContext).host;
    this.useProcess(this.speculative);
  }

  private discardSpeculative(reason: string): void {
    const speculative = this.speculative;
    this.speculative = null;
    if (speculative) this.releaseProcess(speculative, reason);
  }

  /** This navigation may commit in `host`: keep it alive, and hear if it goes away. */
  private useProcess(host: RendererProcess): void {
    if (this.processHolds.has(host)) return;
    this.processHolds.set(host, host.holdForNavigation());
    this.watchProcess(host);
  }

  /** Done with `host`: it ends if no frame and no other navigation needs it. */
  private releaseProcess(host: RendererProcess, reason: string): void {
    const release = this.processHolds.get(host);
    if (!release) return;
    this.processHolds.delete(host);
    release();
    this.services.processes.releaseProcessIfUnused(host, reason, false);
  }

  private watchProcess(host: RendererProcess): void {
    this.unsubscribers.push(host.onGone((gone) => this.onProcessGone(gone.endpointId)));
  }

  /** After the end: the route of a loader that did not commit, watchers, the processes kept alive for it. */
  private tidyUp(outcome: NavigationOutcome): void {
    if (outcome.outcome !== 'committed') this.services.transport.dropRoute(this.requestId);
    for (const unsubscribe of this.unsubscribers.splice(0)) unsubscribe();
    // A process started or taken for this navigation and left without a frame ends (no leaks
    // when navigations are cancelled before they commit).
    const reason =
      outcome.outcome === 'cancelled'
        ? `navigation ${this.navigationId} was cancelled before it committed`
        : `navigation ${this.navigationId} did not commit here (${outcome.outcome})`;
    for (const host of [...this.processHolds.keys()]) this.releaseProcess(host, reason);
  }

  /** Moves to `to`, recording the transition; a transition Chromium does not make is reported as a bug. */
  private setState(to: NavigationState, reason: string): void {
    const from = this.navigationState;
    if (!canTransition(from, to))
      this.services.tracing.error(
        this.navigationId,
        `NavigationRequest moved from ${from} to ${to}, which it never should`,
      );
    this.navigationState = to;
    this.services.tracing.record({ type: 'navigation.state', navigationId: this.navigationId, from, to, reason });
  }

  private decide(decision: NavigationDecision, reason: string): void {
    this.services.tracing.record({
      type: 'navigation.decision',
      navigationId: this.navigationId,
      url: this.url,
      decision,
      reason,
    });
  }

  /** MIME sniffing (WHATWG) on the first bytes of the body, which the transport is holding. */
  private async sniff(head: ResponseHead): Promise<string> {
    const transport = this.services.transport;
    await transport.whenHeldBody(this.requestId, RESOURCE_HEADER_BYTES, SNIFF_WAIT_MS);
    const { bytes } = transport.heldBody(this.requestId, RESOURCE_HEADER_BYTES);
    const contentType = headerValue(head.headers, 'content-type');
    const noSniff = /^\s*nosniff\s*(,|$)/i.test(headerValue(head.headers, 'x-content-type-options') ?? '');
    const result = sniffMimeTypeWithRule({ contentType, noSniff, bytes });
    const shown = bytes.subarray(0, 96);
    this.services.tracing.record({
      type: 'mime.sniffed',
      navigationId: this.navigationId,
      url: this.url,
      supplied: contentType,
      noSniff,
      computed: result.essence,
      rule: result.rule,
      matchedSignature: result.matchedSignature,
      firstBytesHex: [...shown].map((b) => b.toString(16).padStart(2, '0')).join(' '),
      firstBytesText: previewBytes(shown, 96),
      byteCount: bytes.byteLength,
    });
    return result.essence;
  }

  /** Safe Browsing on every URL of the redirect chain; returns the first unsafe verdict, unless the user chose to proceed. */
  private checkSafeBrowsing(): SafeBrowsingVerdict | null {
    for (const url of [...this.redirects, this.url]) {
      const verdict = this.services.safeBrowsing.check(url);
      const bypassed = verdict.verdict === 'unsafe' && this.frame.safeBrowsingBypassed(url);
      if (verdict.verdict === 'unsafe' || url === this.url) {
        this.services.tracing.record({
          type: 'safebrowsing.check',
          navigationId: this.navigationId,
          url,
          verdict: verdict.verdict,
          threatType: verdict.threatType,
          expressions: verdict.expressions,
          bypassed,
        });
      }
      if (verdict.verdict === 'unsafe' && !bypassed) return verdict;
    }
    return null;
  }

  /**
   * Waits for the next event of the given kinds (others are dropped), or a timeout
   * when `timeoutMs` > 0. A cancel that arrives while waiting for something else is
   * kept for the next wait that accepts it.
   */
  private async waitFor<K extends NavigationEvent['kind']>(
    kinds: K[],
    timeoutMs: number,
    what: string,
  ): Promise<Extract<NavigationEvent, { kind: K }> | { kind: 'timeout'; what: string }> {
    // Running time only: step mode pauses this clock while a message waits for the user.
    const timer =
      timeoutMs > 0
        ? this.services.clock.setTimeout(() => this.events.push({ kind: 'timeout', what }), timeoutMs)
        : null;
    try {
      for (;;) {
        const event = await this.events.next();
        if (event.kind === 'timeout') {
          if (event.what !== what) continue;
          this.services.tracing.error(this.navigationId, `gave up waiting for ${what} after ${timeoutMs} ms`);
          return { kind: 'timeout', what };
        }
        if ((kinds as string[]).includes(event.kind)) return event as Extract<NavigationEvent, { kind: K }>;
        if (event.kind === 'cancel') this.pendingCancel = event;
      }
    } finally {
      timer?.cancel();
    }
  }

  private cancelled(span: string, reason: string): NavigationOutcome {
    this.services.tracing.endSpan(span, 'cancelled', reason);
    this.setState('CANCELING', reason);
    return { outcome: 'cancelled', url: this.url, reason };
  }

  private rendererGone(reason: string): NavigationOutcome {
    this.setState('CANCELING', reason);
    return { outcome: 'renderer-crashed', url: this.url };
  }
}
