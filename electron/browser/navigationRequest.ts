/**
 * NavigationRequest: one navigation attempt of the tab's main frame, from Enter to
 * commit. Written as the journey reads: start navigation (beforeunload in the
 * current document), the network request through the network thread (redirects
 * followed by the browser), reading the response, finding a renderer process for
 * the response's site, and committing there. Commit means the renderer acknowledged.
 */
import { AsyncQueue } from '../../shared/base/asyncQueue.js';
import { BROWSER_ENDPOINT, NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import { type PayloadOf, type ResponseHead, failedCompletionStatus } from '../../shared/ipc/messageCatalogue.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { NET_ERRORS, isCertificateError, netErrorName } from '../../shared/net/netError.js';
import { previewBytes } from '../../shared/trace/payloadSummary.js';
import { RESOURCE_HEADER_BYTES, sniffMimeTypeWithRule } from '../../shared/web/mimeSniffing.js';
import { originOf, siteForUrl } from '../../shared/web/siteInfo.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { BrowserTracing } from './browserTracing.js';
import { type DownloadEnd, type DownloadManager, isAttachment } from './downloadManager.js';
import { ERROR_PAGE_SITE, errorPageHtml } from './errorPage.js';
import type { SafeBrowsingDatabase, SafeBrowsingVerdict } from './safeBrowsingDatabase.js';
import type { MessageRouter } from './messageRouter.js';
import type { RenderFrameHost } from './renderFrameHost.js';
import type { RenderProcessHost } from './renderProcessHost.js';

export type Transition = 'typed' | 'link' | 'reload' | 'back_forward';

type NavigationEvent =
  | { kind: 'redirect'; payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'> }
  | { kind: 'response'; payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'> }
  | { kind: 'complete'; payload: PayloadOf<'URLLoaderClient.OnComplete'> }
  | { kind: 'beforeunload-ack'; proceed: boolean }
  | { kind: 'commit-ack'; payload: PayloadOf<'FrameHost.DidCommitProvisionalLoad'> }
  | { kind: 'process-gone'; processId: string }
  | { kind: 'timeout'; what: string }
  | { kind: 'cancel'; reason: string };

export interface NetErrorInfo {
  code: number;
  name: string;
  detail: string;
}

/** net::ERR_FAILED, with why. */
function failedWith(detail: string): NetErrorInfo {
  return { code: NET_ERRORS.ERR_FAILED, name: 'ERR_FAILED', detail };
}

export type NavigationOutcome =
  | { outcome: 'committed'; url: string; frame: RenderFrameHost; head: ResponseHead }
  | { outcome: 'failed'; url: string; netError: NetErrorInfo; errorPageCommitted: boolean }
  | { outcome: 'download'; url: string; download: DownloadEnd }
  | { outcome: 'blocked'; url: string; threatType: string }
  | { outcome: 'no-commit'; url: string; reason: string }
  | { outcome: 'renderer-crashed'; url: string }
  | { outcome: 'cancelled'; url: string; reason: string };

/** What the navigation needs from its tab. */
export interface NavigationDelegate {
  readonly browser: MessageEndpoint;
  readonly router: MessageRouter;
  readonly tracing: BrowserTracing;
  readonly currentFrame: RenderFrameHost | null;
  /** The process for a site: reused, the spare taken, or spawned. */
  processForSite(
    site: string,
    purpose: 'commit' | 'speculative',
  ): { host: RenderProcessHost; reused: boolean; how: 'reused' | 'spare' | 'speculative' | 'new' };
  /** Whether the site already has a live process. */
  hasProcessFor(site: string): boolean;
  /** Ends a process that neither a frame nor a navigation needs any more. */
  releaseProcessIfUnused(host: RenderProcessHost, reason: string): void;
  readonly speculativeProcesses: boolean;
  readonly errorPages: boolean;
  readonly safeBrowsing: SafeBrowsingDatabase;
  /** The user chose to proceed past the Safe Browsing interstitial for this URL. */
  safeBrowsingBypassed(url: string): boolean;
  readonly downloads: DownloadManager;
  /** The frame for a navigation in that process: the current one if same process, else a new one. */
  frameInProcess(host: RenderProcessHost, site: string): { frame: RenderFrameHost; created: boolean };
  /**
   * The renderer acknowledged the commit. Called synchronously while handling
   * DidCommitProvisionalLoad, so that everything the renderer sends after it (title,
   * DidStopLoading) finds the new document already committed.
   */
  didCommitNavigation(
    request: NavigationRequest,
    commit: { frame: RenderFrameHost; url: string; head: ResponseHead },
  ): void;
}

const BEFOREUNLOAD_TIMEOUT_MS = 2_000;
/** How long reading the response waits for the first bytes to sniff before deciding on what it has. */
const SNIFF_WAIT_MS = 3_000;

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
const COMMIT_TIMEOUT_MS = 15_000;

export class NavigationRequest {
  readonly requestId: string;
  url: string;
  readonly redirects: string[] = [];
  private readonly events = new AsyncQueue<NavigationEvent>();
  private readonly navigationStart = monotonicMicros();
  private readonly unsubscribers: (() => void)[] = [];
  /** Processes this navigation may commit in, each kept alive until the navigation is done with it. */
  private readonly processHolds = new Map<RenderProcessHost, () => void>();
  private pendingCancel: { kind: 'cancel'; reason: string } | null = null;
  /** URLLoaderFactory.CreateLoaderAndStart went to the network thread. */
  private loaderCreated = false;
  /** The loader's client end went to a renderer or the download manager (moveRoute). */
  private loaderHandedOff = false;
  /** The network service crashed while this navigation's loader still answered to the browser. */
  private networkFailure: NetErrorInfo | null = null;
  /** Set while CommitNavigation is out and its acknowledgement not yet in. */
  private awaitingCommit: { span: string; frame: RenderFrameHost; head: ResponseHead } | null = null;
  /** A process started for the target site in parallel with the request. */
  private speculative: RenderProcessHost | null = null;
  /** This navigation commits an error page (for the tab's security state). */
  errorPage = false;

  constructor(
    private readonly delegate: NavigationDelegate,
    readonly navigationId: string,
    url: string,
    readonly transition: Transition,
    readonly input: string,
    /** The user typed a host without a scheme: HTTPS first (Chrome's HTTPS-Upgrades). */
    private readonly upgradeToHttps = false,
    /** For back/forward: which history entry this navigation goes to. */
    readonly historyOffset = 0,
  ) {
    this.url = url;
    this.requestId = `browser/${navigationId}`;
  }

  // ── Inputs, called by the tab when messages arrive ────────────────────────────
  onReceiveRedirect(payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'>): void {
    this.events.push({ kind: 'redirect', payload });
  }

  onReceiveResponse(payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'>): void {
    // The rest of this loader's messages (body, completion) wait in the transport
    // until the browser has decided where the response goes.
    this.delegate.router.holdRoute(this.requestId);
    this.events.push({ kind: 'response', payload });
  }

  onComplete(payload: PayloadOf<'URLLoaderClient.OnComplete'>): void {
    this.events.push({ kind: 'complete', payload });
  }

  onBeforeUnloadAck(proceed: boolean): void {
    this.events.push({ kind: 'beforeunload-ack', proceed });
  }

  onCommitAck(payload: PayloadOf<'FrameHost.DidCommitProvisionalLoad'>): void {
    const pending = this.awaitingCommit;
    if (pending && payload.navigationId === this.navigationId) {
      this.awaitingCommit = null;
      this.delegate.tracing.endSpan(pending.span, 'ok', null, { url: payload.url });
      this.delegate.didCommitNavigation(this, { frame: pending.frame, url: payload.url, head: pending.head });
    }
    this.events.push({ kind: 'commit-ack', payload });
  }

  onProcessGone(processId: string): void {
    this.events.push({ kind: 'process-gone', processId });
  }

  /**
   * The network service crashed: a loader created on it whose
   * client end is still the browser's is disconnected, and the navigation fails with
   * ERR_FAILED — at once while it waits for the response, or before it would commit.
   * A loader already handed to a renderer fails there (UpdateSubresourceLoaderFactories).
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

  // ── The journey ────────────────────────────────────────────────────────────────
  async run(): Promise<NavigationOutcome> {
    const { tracing } = this.delegate;
    tracing.record({
      type: 'navigation.begin',
      navigationId: this.navigationId,
      url: this.url,
      transition: this.transition,
      input: this.input,
    });
    let ended: NavigationOutcome['outcome'] = 'failed';
    try {
      const outcome = await this.journey();
      ended = outcome.outcome;
      if (outcome.outcome !== 'committed') this.delegate.router.dropRoute(this.requestId);
      return outcome;
    } catch (error) {
      // A fault inside NavScope ends this navigation, not the browser: recorded, and the trace keeps its end.
      const detail = `NavScope failed inside the navigation: ${error instanceof Error ? error.message : String(error)}`;
      tracing.error(this.navigationId, detail);
      this.delegate.router.dropRoute(this.requestId);
      const netError = failedWith(detail);
      tracing.record({
        type: 'navigation.end',
        navigationId: this.navigationId,
        url: this.url,
        outcome: 'failed',
        netError,
      });
      return { outcome: 'failed', url: this.url, netError, errorPageCommitted: false };
    } finally {
      for (const unsubscribe of this.unsubscribers) unsubscribe();
      // A process started or taken for this navigation and left without a frame ends (no leaks
      // when navigations are cancelled before they commit).
      const reason =
        ended === 'cancelled'
          ? `navigation ${this.navigationId} was cancelled before it committed`
          : `navigation ${this.navigationId} did not commit here (${ended})`;
      for (const host of [...this.processHolds.keys()]) this.releaseProcess(host, reason);
    }
  }

  private async journey(): Promise<NavigationOutcome> {
    const { tracing, browser } = this.delegate;

    // 2. Start navigation: the old document may object (beforeunload).
    let span = tracing.beginPhase('start-navigation', this.navigationId, {
      url: this.url,
      transition: this.transition,
      browserInitiated: true,
    });
    const current = this.delegate.currentFrame;
    if (current && current.process.state === 'ready') {
      this.watchProcess(current.process);
      browser.send(current.process.endpointId, 'LocalFrame.BeforeUnload', {
        frameToken: current.frameToken,
        isReload: this.transition === 'reload',
      });
      // A renderer that does not answer in time (or is gone) does not block the navigation.
      // Only the current document's process going away ends the wait, not another's.
      let ack = await this.waitFor(
        ['beforeunload-ack', 'process-gone', 'cancel'],
        BEFOREUNLOAD_TIMEOUT_MS,
        'the beforeunload reply',
      );
      while (ack.kind === 'process-gone' && ack.processId !== current.process.endpointId) {
        ack = await this.waitFor(
          ['beforeunload-ack', 'process-gone', 'cancel'],
          BEFOREUNLOAD_TIMEOUT_MS,
          'the beforeunload reply',
        );
      }
      if (ack.kind === 'cancel') return this.cancelled(span, ack.reason);
      if (ack.kind === 'timeout') current.process.markUnresponsive(ack.what, BEFOREUNLOAD_TIMEOUT_MS);
      if (ack.kind === 'beforeunload-ack' && !ack.proceed)
        return this.cancelled(span, 'the page asked to stay (beforeunload)');
    }
    tracing.endSpan(span);

    // A cross-site navigation starts a renderer process for the target site in parallel
    // with the network request (Chromium's speculative RenderFrameHost).
    this.startSpeculativeProcess();

    // 3. Network: the network thread loads the URL; the browser follows redirects.
    span = tracing.beginPhase('network', this.navigationId, { url: this.url, requestId: this.requestId });
    if (!this.delegate.router.isAttached(NETWORK_ENDPOINT)) {
      // Between a crash of the network thread and its restart there is nobody to load from.
      const netError = failedWith('the network service is not running: it crashed and is being restarted');
      tracing.endSpan(span, 'error', `${netError.name}: ${netError.detail}`);
      return this.failed(netError);
    }
    this.loaderCreated = true;
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
          initiatorOrigin: null,
          upgradeToHttps: this.upgradeToHttps,
        },
      },
      this.requestId,
    );
    let head: ResponseHead;
    /** A followed redirect lasts until the network answers for the new URL. */
    let redirectSpan: string | null = null;
    for (;;) {
      const event = await this.waitFor(['redirect', 'response', 'complete', 'cancel'], 0, 'the network response');
      if (redirectSpan !== null) {
        tracing.endSpan(redirectSpan, event.kind === 'cancel' ? 'cancelled' : 'ok');
        redirectSpan = null;
      }
      if (event.kind === 'cancel') {
        browser.send(
          NETWORK_ENDPOINT,
          'URLLoader.Cancel',
          { requestId: this.requestId, reason: event.reason },
          this.requestId,
        );
        return this.cancelled(span, event.reason);
      }
      if (event.kind === 'complete') {
        const status = event.payload.status;
        const netError = {
          code: status.errorCode === 0 ? NET_ERRORS.ERR_EMPTY_RESPONSE : status.errorCode,
          name: status.errorCode === 0 ? netErrorName(NET_ERRORS.ERR_EMPTY_RESPONSE) : status.errorName,
          detail: status.errorDetail || 'the load completed without a response',
        };
        tracing.endSpan(span, 'error', `${netError.name}: ${netError.detail}`);
        return this.failed(netError);
      }
      if (event.kind === 'redirect') {
        const from = this.url;
        this.url = event.payload.redirect.newUrl;
        this.redirects.push(from);
        redirectSpan = tracing.beginSpan(`Redirect ${event.payload.redirect.status}`, 'browser', {
          navigationId: this.navigationId,
          args: { from, to: this.url, crossSite: siteForUrl(from) !== siteForUrl(this.url) },
        });
        browser.send(NETWORK_ENDPOINT, 'URLLoader.FollowRedirect', { requestId: this.requestId }, this.requestId);
        continue;
      }
      if (event.kind === 'response') {
        head = event.payload.head;
        break;
      }
    }
    tracing.endSpan(span, 'ok', null, { status: head.status, redirects: this.redirects.length });

    // 4. Read the response: what is it (MIME sniffing on its first bytes), is it safe
    // (Safe Browsing), and does it commit at all?
    span = tracing.beginPhase('read-response', this.navigationId, {
      status: head.status,
      mimeType: head.mimeType || '(none)',
    });
    const sniffed = await this.sniff(head);
    const safety = this.checkSafeBrowsing();
    const cancelLoader = (reason: string) =>
      browser.send(NETWORK_ENDPOINT, 'URLLoader.Cancel', { requestId: this.requestId, reason }, this.requestId);
    if (safety) {
      cancelLoader(`Safe Browsing: ${safety.threatType ?? 'unsafe'}`);
      this.decide(
        'blocked',
        `Safe Browsing lists ${safety.url} as ${safety.threatType ?? 'unsafe'}: an interstitial is shown instead`,
      );
      tracing.endSpan(span, 'ok', null, { decision: 'blocked', threatType: safety.threatType ?? '' });
      this.discardSpeculative('the navigation was blocked');
      tracing.record({
        type: 'navigation.end',
        navigationId: this.navigationId,
        url: this.url,
        outcome: 'no-commit',
        netError: null,
      });
      return { outcome: 'blocked', url: safety.url, threatType: safety.threatType ?? 'UNKNOWN' };
    }
    if (head.status === 204 || head.status === 205) {
      cancelLoader(`${head.status}: nothing to commit`);
      this.decide('no-commit', `${head.status} ${head.statusText}: there is no document; the current page stays`);
      tracing.endSpan(span, 'ok', null, { decision: 'no commit' });
      this.discardSpeculative('the navigation did not commit');
      return this.noCommit(
        `the server answered ${head.status} ${head.statusText}: there is no document to commit, the current page stays`,
      );
    }
    const downloadBecause = isAttachment(head)
      ? 'Content-Disposition: attachment'
      : !rendererCanShow(sniffed)
        ? `the renderer cannot show ${sniffed}`
        : null;
    if (downloadBecause) {
      this.decide('download', `${downloadBecause}: the download manager saves it, nothing commits`);
      tracing.endSpan(span, 'ok', null, { decision: 'download' });
      this.discardSpeculative('the response is a download');
      const { accepted, finished } = this.delegate.downloads.begin(this.requestId, this.url, head, sniffed);
      if (accepted) {
        // The loader's client end goes to the browser's download manager instead of a renderer.
        this.loaderHandedOff = true;
        this.delegate.router.moveRoute(this.requestId, BROWSER_ENDPOINT);
      } else {
        // The file could not be created: no byte of the body is accepted.
        cancelLoader('the download could not be saved');
      }
      const download = await finished;
      tracing.record({
        type: 'navigation.end',
        navigationId: this.navigationId,
        url: this.url,
        outcome: 'no-commit',
        netError: null,
      });
      return { outcome: 'download', url: this.url, download };
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

    // 5. Find a renderer process for the response's site.
    const site = siteForUrl(this.url);
    span = tracing.beginPhase('find-renderer', this.navigationId, { site });
    if (this.speculative && this.speculative.site !== site) {
      this.discardSpeculative(`a redirect changed the site from ${this.speculative.site} to ${site}`);
    }
    const { host, reused, how } = this.delegate.processForSite(site, 'commit');
    this.useProcess(host);
    if (host.state === 'launching') {
      const ready = await host.ready.then(
        () => 'ready' as const,
        () => 'gone' as const,
      );
      if (this.pendingCancel) return this.cancelled(span, this.pendingCancel.reason);
      if (ready === 'gone') {
        tracing.endSpan(span, 'error', 'the renderer process died while starting');
        return this.rendererGone();
      }
    }
    const decision =
      host === this.speculative
        ? 'the speculative process started with the request'
        : how === 'spare'
          ? 'the spare process, taken now'
          : reused
            ? "the site's existing process"
            : 'a new process';
    tracing.endSpan(span, 'ok', null, { site, decision, processId: host.endpointId, pid: host.pid ?? -1 });

    // The network service crashed after the response came: nothing is left to commit.
    if (this.networkFailure) {
      this.delegate.router.dropRoute(this.requestId);
      return this.failed(this.networkFailure);
    }

    // 6. Commit: hand response and loader to the renderer, wait for its acknowledgement.
    this.loaderHandedOff = true;
    return this.commitIn(host, site, head, (frameToken) => {
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
      this.delegate.router.moveRoute(this.requestId, host.endpointId);
    });
  }

  /** Sends a commit to a frame in `host` and waits for the renderer's acknowledgement. */
  private async commitIn(
    host: RenderProcessHost,
    site: string,
    head: ResponseHead,
    sendCommit: (frameToken: string) => void,
  ): Promise<NavigationOutcome> {
    const { browser, tracing } = this.delegate;
    const span = tracing.beginPhase('commit', this.navigationId, { processId: host.endpointId });
    const { frame, created } = this.delegate.frameInProcess(host, site);
    if (created)
      browser.send(host.endpointId, 'AgentSchedulingGroup.CreateFrame', {
        frameToken: frame.frameToken,
        site,
        isMainFrame: true,
      });
    // Waiting for the acknowledgement starts before the commit leaves: it may come back at once.
    this.awaitingCommit = { span, frame, head };
    sendCommit(frame.frameToken);
    for (;;) {
      const event = await this.waitFor(
        ['commit-ack', 'process-gone', 'cancel'],
        COMMIT_TIMEOUT_MS,
        'DidCommitProvisionalLoad',
      );
      if (event.kind === 'commit-ack') {
        if (event.payload.navigationId !== this.navigationId) continue;
        // The commit span ended and the tab committed already, in onCommitAck.
        return { outcome: 'committed', url: event.payload.url, frame, head };
      }
      if (event.kind === 'process-gone' && event.processId !== host.endpointId) continue;
      this.awaitingCommit = null;
      // The frame made for this commit holds no document: it no longer keeps the process.
      if (created) host.frames.delete(frame.frameToken);
      if (event.kind === 'cancel') return this.cancelled(span, event.reason);
      if (event.kind === 'timeout') host.markUnresponsive(event.what, COMMIT_TIMEOUT_MS);
      tracing.endSpan(
        span,
        'error',
        event.kind === 'timeout'
          ? `no ${event.what} within ${COMMIT_TIMEOUT_MS} ms`
          : 'the renderer process died before committing',
      );
      return this.rendererGone();
    }
  }

  /** A network error still commits: Chromium's error page, in the error-page process. */
  private async commitErrorPage(netError: NetErrorInfo): Promise<NavigationOutcome> {
    const { tracing, browser } = this.delegate;
    this.decide('error-page', `${netError.name}: an error page commits in the error-page process (${ERROR_PAGE_SITE})`);
    const span = tracing.beginPhase('find-renderer', this.navigationId, { site: ERROR_PAGE_SITE });
    const { host, reused, how } = this.delegate.processForSite(ERROR_PAGE_SITE, 'commit');
    this.useProcess(host);
    if (
      host.state === 'launching' &&
      (await host.ready.then(
        () => 'ready' as const,
        () => 'gone' as const,
      )) === 'gone'
    ) {
      tracing.endSpan(span, 'error', 'the error-page process died while starting');
      return { outcome: 'failed', url: this.url, netError, errorPageCommitted: false };
    }
    tracing.endSpan(span, 'ok', null, {
      site: ERROR_PAGE_SITE,
      decision:
        how === 'spare'
          ? 'the spare process, taken for error pages'
          : reused
            ? 'the error-page process'
            : 'a new error-page process',
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
      timing: {
        requestStart: -1,
        dnsStart: -1,
        dnsEnd: -1,
        connectStart: -1,
        connectEnd: -1,
        sslStart: -1,
        sslEnd: -1,
        sendStart: -1,
        sendEnd: -1,
        receiveHeadersStart: -1,
        receiveHeadersEnd: -1,
      },
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
    return { outcome: 'failed', url: this.url, netError, errorPageCommitted: committed.outcome === 'committed' };
  }

  /** Cross-site: start the target site's process now, in parallel with the network request. */
  private startSpeculativeProcess(): void {
    if (!this.delegate.speculativeProcesses) return;
    let site: string;
    try {
      // A typed host is about to be tried over https (HTTPS-Upgrades): predict that site.
      site = siteForUrl(this.upgradeToHttps ? this.url.replace(/^http:/, 'https:') : this.url);
    } catch {
      return;
    }
    const current = this.delegate.currentFrame;
    if (current && current.siteInstance.site === site && current.process.isReusable) return;
    if (this.delegate.hasProcessFor(site)) return;
    this.speculative = this.delegate.processForSite(site, 'speculative').host;
    this.useProcess(this.speculative);
  }

  private discardSpeculative(reason: string): void {
    const speculative = this.speculative;
    this.speculative = null;
    if (speculative) this.releaseProcess(speculative, reason);
  }

  /** This navigation may commit in `host`: keep it alive, and hear if it goes away. */
  private useProcess(host: RenderProcessHost): void {
    if (this.processHolds.has(host)) return;
    this.processHolds.set(host, host.holdForNavigation());
    this.watchProcess(host);
  }

  /** Done with `host`: it ends if no frame and no other navigation needs it. */
  private releaseProcess(host: RenderProcessHost, reason: string): void {
    const release = this.processHolds.get(host);
    if (!release) return;
    this.processHolds.delete(host);
    release();
    this.delegate.releaseProcessIfUnused(host, reason);
  }

  private decide(decision: 'render' | 'download' | 'no-commit' | 'error-page' | 'blocked', reason: string): void {
    this.delegate.tracing.record({
      type: 'navigation.decision',
      navigationId: this.navigationId,
      url: this.url,
      decision,
      reason,
    });
  }

  /** MIME sniffing (WHATWG) on the first bytes of the body, which the transport is holding. */
  private async sniff(head: ResponseHead): Promise<string> {
    const router = this.delegate.router;
    await router.whenHeldBody(this.requestId, RESOURCE_HEADER_BYTES, SNIFF_WAIT_MS);
    const { bytes } = router.heldBody(this.requestId, RESOURCE_HEADER_BYTES);
    const contentType = head.headers.find(([n]) => n.toLowerCase() === 'content-type')?.[1] ?? null;
    const noSniff = /^\s*nosniff\s*(,|$)/i.test(
      head.headers.find(([n]) => n.toLowerCase() === 'x-content-type-options')?.[1] ?? '',
    );
    const result = sniffMimeTypeWithRule({ contentType, noSniff, bytes });
    const shown = bytes.subarray(0, 96);
    this.delegate.tracing.record({
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
      const verdict = this.delegate.safeBrowsing.check(url);
      const bypassed = verdict.verdict === 'unsafe' && this.delegate.safeBrowsingBypassed(url);
      if (verdict.verdict === 'unsafe' || url === this.url) {
        this.delegate.tracing.record({
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

  private watchProcess(host: RenderProcessHost): void {
    this.unsubscribers.push(host.onGone((gone) => this.onProcessGone(gone.endpointId)));
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
        ? this.delegate.router.gate.clock.setTimeout(() => this.events.push({ kind: 'timeout', what }), timeoutMs)
        : null;
    try {
      for (;;) {
        const event = await this.events.next();
        if (event.kind === 'timeout') {
          if (event.what !== what) continue;
          this.delegate.tracing.error(this.navigationId, `gave up waiting for ${what} after ${timeoutMs} ms`);
          return { kind: 'timeout', what };
        }
        if ((kinds as string[]).includes(event.kind)) return event as Extract<NavigationEvent, { kind: K }>;
        if (event.kind === 'cancel') {
          this.pendingCancel = event;
        }
      }
    } finally {
      timer?.cancel();
    }
  }

  private cancelled(span: string, reason: string): NavigationOutcome {
    this.delegate.tracing.endSpan(span, 'cancelled', reason);
    this.delegate.tracing.record({
      type: 'navigation.end',
      navigationId: this.navigationId,
      url: this.url,
      outcome: 'no-commit',
      netError: null,
    });
    return { outcome: 'cancelled', url: this.url, reason };
  }

  private failed(netError: NetErrorInfo): Promise<NavigationOutcome> | NavigationOutcome {
    this.delegate.tracing.record({
      type: 'navigation.end',
      navigationId: this.navigationId,
      url: this.url,
      outcome: 'failed',
      netError,
    });
    this.discardSpeculative('the navigation failed');
    // Certificate errors show an interstitial; an aborted navigation shows nothing.
    if (this.delegate.errorPages && !isCertificateError(netError.code) && netError.code !== NET_ERRORS.ERR_ABORTED)
      return this.commitErrorPage(netError);
    return { outcome: 'failed', url: this.url, netError, errorPageCommitted: false };
  }

  private noCommit(reason: string): NavigationOutcome {
    this.delegate.tracing.record({
      type: 'navigation.end',
      navigationId: this.navigationId,
      url: this.url,
      outcome: 'no-commit',
      netError: null,
    });
    return { outcome: 'no-commit', url: this.url, reason };
  }

  private rendererGone(): NavigationOutcome {
    this.delegate.tracing.record({
      type: 'navigation.end',
      navigationId: this.navigationId,
      url: this.url,
      outcome: 'renderer-crashed',
      netError: null,
    });
    return { outcome: 'renderer-crashed', url: this.url };
  }
}
