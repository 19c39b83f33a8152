/**
 * WebContents: one tab. Owns its frame tree (the main frame's FrameTreeNode), the
 * session history (NavigationController) and the tab's visible state — loading
 * spinner, address bar, security indicator, title, sad tab — each change recorded in
 * the trace at the moment it happens (the address bar changes only after the renderer
 * committed). Navigations get the browser's services directly (NavigationServices);
 * the tab is only the frame's owner.
 */
import type { NavigationResult } from '../../shared/api/navigationResult.js';
import { errorMessage } from '../../shared/base/errors.js';
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import { MAX_URL_LENGTH, type PayloadOf } from '../../shared/ipc/messageCatalogue.js';
import { type NetErrorInfo, isCertificateError } from '../../shared/net/netError.js';
import type { SecurityState } from '../../shared/trace/traceEvent.js';
import { classifyOmniboxInput } from '../../shared/web/omniboxInput.js';
import { urlParts } from '../../shared/web/urlParts.js';
import { FrameTreeNode } from './frameTreeNode.js';
import { NavigationController } from './navigationController.js';
import {
  type NavigationOutcome,
  NavigationRequest,
  type NavigationServices,
  type Transition,
} from './navigationRequest.js';
import type { RenderFrameHost } from './renderFrameHost.js';
import type { RendererProcess } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

export type { NavigationResult } from '../../shared/api/navigationResult.js';

/** What the tab needs from the browser process besides the services its navigations use. */
export interface WebContentsDelegate {
  siteInstanceFor(site: string): SiteInstance;
  /** Session history changed (persisted by the browser). */
  historyChanged(): void;
}

/**
 * How the load of a committed document ended: DidStopLoading, its renderer gone, or
 * another document committed in the tab before it finished (its load is abandoned).
 */
type LoadEnd = 'loaded' | 'renderer-crashed' | 'superseded';

export const SEARCH_URL = 'http://www.google.com/search?q=';

/**
 * HTTPS-Upgrades: a host typed without a scheme is tried over https first — except
 * IP literals, localhost, single-label (intranet) hosts and explicit ports, as in Chrome.
 */
export function shouldUpgradeTypedUrl(text: string, url: string): boolean {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(text.trim())) return false;
  const parsed = new URL(url);
  const host = parsed.hostname;
  if (parsed.protocol !== 'http:' || parsed.port !== '') return false;
  if (
    host === 'localhost' ||
    host.endsWith('.localhost') ||
    !host.includes('.') ||
    /^[\d.]+$/.test(host) ||
    host.startsWith('[')
  )
    return false;
  return true;
}

function securityStateFor(url: string): SecurityState {
  const scheme = new URL(url).protocol;
  if (scheme === 'https:') return 'secure';
  if (scheme === 'http:') return 'not-secure';
  return 'neutral';
}

/** The text with any unpaired UTF-16 surrogate replaced by U+FFFD, as a URL's query needs (encodeURIComponent throws on them). */
function wellFormed(text: string): string {
  return text.replace(/[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g, '\uFFFD');
}

export class WebContents {
  readonly controller = new NavigationController();
  /** The tab's main frame: its FrameTreeNode outlives every document shown in it. */
  readonly primaryMainFrame: FrameTreeNode;
  loading = false;
  private interstitial: { kind: 'certificate' | 'safebrowsing'; url: string } | null = null;
  private readonly safeBrowsingAllowlist = new Set<string>();
  private navigationCounter = 0;
  private frameCounter = 0;
  private loadSpan: string | null = null;
  /** The current document's body failed after commit (DidFailLoadWithError); cleared at the next commit. */
  private loadError: NetErrorInfo | null = null;
  private loadFinished: ((outcome: LoadEnd) => void) | null = null;
  /** The load of the committed document, settled by DidStopLoading or a crash. */
  private readonly loads = new WeakMap<NavigationRequest, Promise<LoadEnd>>();
  /** Set when the browser closes: its renderers exiting then is no crash. */
  shuttingDown = false;

  constructor(
    private readonly services: NavigationServices,
    private readonly delegate: WebContentsDelegate,
    frameTreeNodeId: number,
  ) {
    this.primaryMainFrame = new FrameTreeNode(frameTreeNodeId, null, {
      siteInstanceFor: (site) => this.delegate.siteInstanceFor(site),
      nextFrameToken: () => `frame-${++this.frameCounter}`,
      safeBrowsingBypassed: (url) => this.safeBrowsingAllowlist.has(url),
      didCommitNavigation: (_node, request, commit) => this.didCommitNavigation(request, commit),
    });
  }

  private get tracing() {
    return this.services.tracing;
  }

  /** The main frame's current document's frame host. */
  get currentFrame(): RenderFrameHost | null {
    return this.primaryMainFrame.currentFrameHost;
  }

  /**
   * "Proceed anyway" on the Safe Browsing interstitial: the user takes the risk for
   * this URL (for this session), and it loads.
   */
  async proceedPastInterstitial(): Promise<NavigationResult | null> {
    const shown = this.interstitial;
    if (!shown || shown.kind !== 'safebrowsing') return null;
    this.safeBrowsingAllowlist.add(shown.url);
    return this.navigate(`nav${++this.navigationCounter}`, shown.url, 'link', shown.url);
  }

  /** Typing into the omnibox and pressing Enter. */
  async navigateFromOmnibox(text: string): Promise<NavigationResult> {
    const navigationId = `nav${++this.navigationCounter}`;
    const span = this.tracing.beginPhase('handle-input', navigationId, { text });
    let classification: ReturnType<typeof classifyOmniboxInput>;
    let url: string | null;
    try {
      classification = classifyOmniboxInput(text);
      url =
        classification.type === 'URL'
          ? classification.url!
          : classification.type === 'EMPTY'
            ? null
            : `${SEARCH_URL}${encodeURIComponent(wellFormed(text.trim()))}`;
    } catch (error) {
      // Whatever the input, the step ends and says why; the browser goes on.
      const reason = `NavScope could not read this input: ${errorMessage(error)}`;
      this.tracing.error('omnibox', reason);
      this.tracing.endSpan(span, 'error', reason);
      return { navigationId: null, outcome: 'invalid-input', url: null, netError: null, message: reason };
    }
    this.tracing.record({
      type: 'omnibox.classified',
      text,
      inputType: classification.type,
      url,
      reason: classification.reason,
      didYouMean: classification.didYouMean ?? null,
    });
    if (url === null) {
      this.tracing.endSpan(span, 'error', 'empty input: nothing to navigate to');
      return {
        navigationId: null,
        outcome: 'invalid-input',
        url: null,
        netError: null,
        message: 'Nothing was typed: there is nothing to navigate to.',
      };
    }
    if (url.length > MAX_URL_LENGTH) {
      const reason = `the address is ${url.length.toLocaleString('en')} characters long: NavScope's limit is ${MAX_URL_LENGTH.toLocaleString('en')} (Chromium's is 2 MiB)`;
      this.tracing.endSpan(span, 'error', reason);
      return {
        navigationId: null,
        outcome: 'invalid-input',
        url: url.slice(0, 200),
        netError: null,
        message: `Cannot navigate: ${reason}.`,
      };
    }
    if (url.toLowerCase().startsWith('javascript:')) {
      // Chrome runs a typed javascript: URL in the current page. NavScope never runs page script.
      this.tracing.endSpan(
        span,
        'error',
        'javascript: URLs run script in the current page; NavScope never executes page JavaScript',
      );
      return {
        navigationId: null,
        outcome: 'invalid-input',
        url,
        netError: null,
        message: 'javascript: URLs run script in the current page, and NavScope never executes page JavaScript.',
      };
    }
    try {
      this.tracing.record({ type: 'url.parsed', ...urlParts(url) });
    } catch (error) {
      const reason = `NavScope could not take ${url.slice(0, 200)} apart: ${errorMessage(error)}`;
      this.tracing.error('omnibox', reason);
      this.tracing.endSpan(span, 'error', reason);
      return { navigationId: null, outcome: 'invalid-input', url, netError: null, message: reason };
    }
    this.tracing.endSpan(span, 'ok', null, { inputType: classification.type, url });
    // A host typed without a scheme is tried over https first (HTTPS-Upgrades), after HSTS.
    return this.navigate(
      navigationId,
      url,
      'typed',
      text,
      0,
      classification.type === 'URL' && shouldUpgradeTypedUrl(text, url),
    );
  }

  async goBack(): Promise<NavigationResult | null> {
    return this.goToOffset(-1);
  }

  async goForward(): Promise<NavigationResult | null> {
    return this.goToOffset(1);
  }

  async reload(): Promise<NavigationResult | null> {
    const entry = this.controller.current;
    if (!entry) return null;
    return this.navigate(`nav${++this.navigationCounter}`, entry.url, 'reload', entry.url);
  }

  private async goToOffset(offset: number): Promise<NavigationResult | null> {
    const entry = this.controller.entryAt(offset);
    if (!entry) return null;
    return this.navigate(`nav${++this.navigationCounter}`, entry.url, 'back_forward', entry.url, offset);
  }

  private async navigate(
    navigationId: string,
    url: string,
    transition: Transition,
    input: string,
    historyOffset = 0,
    upgradeToHttps = false,
  ): Promise<NavigationResult> {
    const frame = this.primaryMainFrame;
    frame.navigationRequest?.cancel('a new navigation started');
    const request = new NavigationRequest(this.services, frame, {
      navigationId,
      url,
      transition,
      input,
      upgradeToHttps,
      historyOffset,
    });
    frame.navigationRequest = request;
    if (!this.loading) this.setLoading(true, 'DidStartLoading');
    if (this.interstitial) {
      this.interstitial = null;
      this.tracing.state({ field: 'interstitial', value: null }, 'a new navigation started');
    }
    let outcome: NavigationOutcome;
    try {
      outcome = await request.run();
    } finally {
      if (frame.navigationRequest === request) frame.navigationRequest = null;
    }
    switch (outcome.outcome) {
      case 'committed':
        return this.didCommit(request, outcome);
      case 'failed':
        if (isCertificateError(outcome.netError.code)) {
          // Chrome shows a certificate-error interstitial instead of the page.
          this.interstitial = { kind: 'certificate', url: outcome.url };
          this.tracing.state(
            {
              field: 'interstitial',
              value: {
                kind: 'certificate',
                url: outcome.url,
                error: outcome.netError.name,
                detail: outcome.netError.detail,
              },
            },
            outcome.netError.name,
          );
          this.tracing.state({ field: 'title', value: 'Privacy error' }, outcome.netError.name);
        }
        if (outcome.errorPageCommitted) await this.loads.get(request);
        this.stopLoadingIfIdle('navigation failed');
        return {
          navigationId,
          outcome: 'failed',
          url: outcome.url,
          netError: outcome.netError,
          message: `${outcome.netError.name}: ${outcome.netError.detail}`,
        };
      case 'download':
        this.stopLoadingIfIdle('the response is a download');
        return outcome.download.state === 'complete'
          ? {
              navigationId,
              outcome: 'download',
              url: outcome.url,
              netError: null,
              message: `Downloaded ${outcome.url} → ${outcome.download.path}; the current page stays`,
            }
          : {
              navigationId,
              outcome: 'download-interrupted',
              url: outcome.url,
              netError: null,
              message: `The download of ${outcome.url} was interrupted: ${outcome.download.error ?? 'unknown reason'}; the current page stays`,
            };
      case 'blocked':
        this.interstitial = { kind: 'safebrowsing', url: outcome.url };
        this.tracing.state(
          {
            field: 'interstitial',
            value: {
              kind: 'safebrowsing',
              url: outcome.url,
              error: outcome.threatType,
              detail: `Safe Browsing lists this site as ${outcome.threatType}`,
            },
          },
          'Safe Browsing',
        );
        this.tracing.state({ field: 'security', value: 'dangerous' }, 'Safe Browsing');
        this.tracing.state({ field: 'title', value: 'Security error' }, 'Safe Browsing');
        this.stopLoadingIfIdle('blocked by Safe Browsing');
        return {
          navigationId,
          outcome: 'blocked',
          url: outcome.url,
          netError: null,
          message: `Safe Browsing: ${outcome.url} is listed as ${outcome.threatType}`,
        };
      case 'no-commit':
        this.stopLoadingIfIdle('no commit');
        return { navigationId, outcome: 'no-commit', url: outcome.url, netError: null, message: outcome.reason };
      case 'renderer-crashed':
        this.stopLoadingIfIdle('renderer process gone');
        return {
          navigationId,
          outcome: 'renderer-crashed',
          url: outcome.url,
          netError: null,
          message: 'The renderer process ended before the page committed.',
        };
      case 'cancelled':
        if (!this.primaryMainFrame.navigationRequest) this.stopLoadingIfIdle('navigation cancelled');
        return { navigationId, outcome: 'cancelled', url: outcome.url, netError: null, message: outcome.reason };
    }
  }

  /**
   * The tab's side of a commit: runs synchronously when the renderer's acknowledgement
   * arrives (the frame no longer has the navigation in flight: it is loading the new document).
   */
  private didCommitNavigation(request: NavigationRequest, commit: { frame: RenderFrameHost; url: string }): void {
    // A document still loading is abandoned when another one commits: its load ends here.
    if (this.loadFinished) {
      if (this.loadSpan)
        this.tracing.endSpan(this.loadSpan, 'cancelled', 'another document committed before this one finished loading');
      this.loadSpan = null;
      this.loadFinished('superseded');
      this.loadFinished = null;
    }
    const previous = this.currentFrame;
    const frame = commit.frame;
    frame.url = commit.url;
    this.primaryMainFrame.currentFrameHost = frame;
    if (previous && previous !== frame) this.releaseFrame(previous, 'its frame navigated to another site');
    // Only now, after the renderer acknowledged, does the browser's UI change.
    this.tracing.state({ field: 'crashed', value: false }, 'CommitNavigation reply');
    if (this.loadError) {
      this.loadError = null;
      this.tracing.state({ field: 'loadError', value: null }, 'CommitNavigation reply');
    }
    this.tracing.state({ field: 'url', value: commit.url }, 'CommitNavigation reply');
    this.tracing.state(
      { field: 'security', value: request.errorPage ? 'neutral' : securityStateFor(commit.url) },
      'CommitNavigation reply',
    );
    this.tracing.state({ field: 'title', value: new URL(commit.url).host }, 'CommitNavigation reply');
    this.controller.didCommit(commit.url, request.transition, request.historyOffset);
    this.tracing.state({ field: 'history', value: this.controller.snapshot() }, 'CommitNavigation reply');
    this.delegate.historyChanged();
    this.loadSpan = this.tracing.beginPhase('load', request.navigationId, {
      url: commit.url,
      processId: frame.process.endpointId,
    });
    this.loads.set(request, new Promise<LoadEnd>((resolve) => (this.loadFinished = resolve)));
  }

  private async didCommit(
    request: NavigationRequest,
    outcome: Extract<NavigationOutcome, { outcome: 'committed' }>,
  ): Promise<NavigationResult> {
    const loaded = (await this.loads.get(request)) ?? 'renderer-crashed';
    if (loaded === 'superseded') {
      return {
        navigationId: request.navigationId,
        outcome: 'load-cancelled',
        url: outcome.url,
        netError: null,
        message: `${outcome.url} committed, then another page replaced it before it finished loading`,
      };
    }
    if (loaded === 'loaded' && this.loadError) {
      const error = this.loadError;
      return {
        navigationId: request.navigationId,
        outcome: 'load-failed',
        url: outcome.url,
        netError: error,
        message: `${outcome.url} committed, then its body failed with ${error.name}: ${error.detail}; the page shows what arrived`,
      };
    }
    if (loaded === 'loaded') {
      return {
        navigationId: request.navigationId,
        outcome: 'loaded',
        url: outcome.url,
        netError: null,
        message: `Loaded ${outcome.url}`,
      };
    }
    return {
      navigationId: request.navigationId,
      outcome: 'renderer-crashed',
      url: outcome.url,
      netError: null,
      message: 'The renderer process crashed while the page was loading.',
    };
  }

  private releaseFrame(frame: RenderFrameHost, reason: string): void {
    frame.process.frames.delete(frame.frameToken);
    this.services.processes.releaseProcessIfUnused(frame.process, `no frames left: ${reason}`, true);
  }

  private setLoading(loading: boolean, cause: string): void {
    this.loading = loading;
    this.tracing.state({ field: 'loading', value: loading }, cause);
  }

  private stopLoadingIfIdle(cause: string): void {
    if (this.loading && !this.primaryMainFrame.navigationRequest) this.setLoading(false, cause);
  }

  // ── Messages from the frame's renderer ─────────────────────────────────────────
  /** The frame a FrameHost message names, if it really belongs to the sender. */
  frameFromSender(frameToken: string, sender: EndpointId): RenderFrameHost | null {
    const frame = this.currentFrame;
    if (frame && frame.frameToken === frameToken && frame.process.endpointId === sender) return frame;
    return null;
  }

  /** The reply to CommitNavigation (or CommitFailedNavigation): the renderer committed. */
  onCommitNavigationReply(payload: PayloadOf<'NavigationClient.CommitNavigation:reply'>): void {
    this.primaryMainFrame.navigationRequest?.onCommitAck(payload);
  }

  onBeforeUnloadReply(payload: PayloadOf<'LocalFrame.BeforeUnload:reply'>): void {
    this.primaryMainFrame.navigationRequest?.onBeforeUnloadAck(payload.proceed);
  }

  onUpdateTitle(frame: RenderFrameHost, title: string): void {
    if (frame !== this.currentFrame) return;
    this.controller.setTitle(title);
    this.tracing.state({ field: 'title', value: title }, 'UpdateTitle');
    this.delegate.historyChanged();
  }

  /** The committed document's body failed after commit: the page keeps what arrived, and the tab says why it stopped. */
  onDidFailLoad(frame: RenderFrameHost, payload: PayloadOf<'LocalFrameHost.DidFailLoadWithError'>): void {
    if (frame !== this.currentFrame) return;
    this.loadError = { code: payload.errorCode, name: payload.errorName, detail: payload.errorDetail };
    this.tracing.state(
      { field: 'loadError', value: { url: payload.url, error: payload.errorName, detail: payload.errorDetail } },
      'DidFailLoadWithError',
    );
  }

  /** The network service crashed: a navigation whose loader was on it fails. */
  onNetworkServiceGone(reason: string): void {
    this.primaryMainFrame.navigationRequest?.networkServiceGone(reason);
  }

  onDidStopLoading(frame: RenderFrameHost): void {
    if (frame !== this.currentFrame) return;
    if (this.loadSpan) this.tracing.endSpan(this.loadSpan);
    this.loadSpan = null;
    if (!this.primaryMainFrame.navigationRequest) this.setLoading(false, 'DidStopLoading');
    this.loadFinished?.('loaded');
    this.loadFinished = null;
  }

  /** A renderer process ended without being asked: a sad tab if it held this tab's page. */
  onProcessGone(host: RendererProcess): void {
    this.primaryMainFrame.navigationRequest?.onProcessGone(host.endpointId);
    const frame = this.currentFrame;
    if (!frame || frame.process !== host) return;
    this.primaryMainFrame.currentFrameHost = null;
    if (!this.shuttingDown)
      this.tracing.state(
        { field: 'crashed', value: true },
        `renderer process ${host.endpointId} (pid ${host.pid ?? '?'}) gone`,
      );
    if (this.loadSpan) this.tracing.endSpan(this.loadSpan, 'error', 'the renderer process crashed');
    this.loadSpan = null;
    this.stopLoadingIfIdle('renderer process gone');
    this.loadFinished?.('renderer-crashed');
    this.loadFinished = null;
  }

  /** The navigation in flight whose loader has this id, if any. */
  activeLoader(requestId: string): NavigationRequest | null {
    return this.primaryMainFrame.navigationWithLoader(requestId);
  }
}
