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
import type { SecurityState, StateChange } from '../../shared/trace/traceEvent.js';
import { classifyOmniboxInput } from '../../shared/web/omniboxInput.js';
import { urlParts } from '../../shared/web/urlParts.js';
import { FrameTreeNode, type FrameTreeNodeDelegate } from './frameTreeNode.js';
import { RenderFrameHost } from './renderFrameHost.js';
import { NavigationController } from './navigationController.js';
import {
  type NavigationOutcome,
  NavigationRequest,
  type NavigationServices,
  type Transition,
} from './navigationRequest.js';
import type { RendererProcess } from './renderProcessHost.js';
import type { SiteInstance } from './siteInstance.js';

export type { NavigationResult } from '../../shared/api/navigationResult.js';

/** What the tab needs from the browser process besides the services its navigations use. */
export interface WebContentsDelegate {
  /** The SiteInstance of `site` in a browsing context group (BrowsingInstance). */
  siteInstanceFor(site: string, browsingInstanceId: number): SiteInstance;
  /** Session history changed (persisted by the browser). */
  historyChanged(contents: WebContents): void;
  /** Ids unique in the browser: frame tokens, FrameTreeNode ids, navigation ids. */
  nextFrameToken(): string;
  nextFrameTreeNodeId(): number;
  nextNavigationId(): string;
}

/**
 * How the load of a committed document ended: DidStopLoading, its renderer gone, or
 * another document committed in the tab before it finished (its load is abandoned).
 */
type LoadEnd = 'loaded' | 'renderer-crashed' | 'superseded';

export const SEARCH_URL = 'http://www.google.com/search?q=';

/** The most iframes a document may have (the renderer asks for no more) and frames a tab may hold: a renderer cannot grow the tree without bound. */
const MAX_CHILD_FRAMES = 64;
const MAX_FRAMES_PER_TAB = 1000;

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
  /** The tab was closed: nothing more happens in it. */
  closed = false;
  private interstitial: { kind: 'certificate' | 'safebrowsing'; url: string } | null = null;
  private readonly safeBrowsingAllowlist = new Set<string>();
  private readonly frameDelegate: FrameTreeNodeDelegate;
  private loadSpan: string | null = null;
  /** The current document's body failed after commit (DidFailLoadWithError); cleared at the next commit. */
  private loadError: NetErrorInfo | null = null;
  private loadFinished: ((outcome: LoadEnd) => void) | null = null;
  /**
   * The committed main document is HTML: after DidStopLoading its renderer reports the
   * favicon URL (LocalFrameHost.UpdateFaviconURL, as Chromium 156 does). The load settles
   * when that has arrived, so a navigation's trace ends with it (it is already in the pipe).
   */
  private faviconExpected = false;
  private stoppedAwaitingFavicon = false;
  /** The load of the committed document, settled by DidStopLoading or a crash. */
  private readonly loads = new WeakMap<NavigationRequest, Promise<LoadEnd>>();
  /** Set when the browser closes: its renderers exiting then is no crash. */
  shuttingDown = false;

  constructor(
    private readonly services: NavigationServices,
    private readonly delegate: WebContentsDelegate,
    /** The tab's id (Chromium's SessionID): 1, 2, 3… */
    readonly tabId: number,
    frameTreeNodeId: number,
    /** The browsing context group it belongs to: its own, or its opener's. */
    readonly browsingInstanceId: number,
  ) {
    this.frameDelegate = {
      siteInstanceFor: (site) => this.delegate.siteInstanceFor(site, this.browsingInstanceId),
      nextFrameToken: () => this.delegate.nextFrameToken(),
      safeBrowsingBypassed: (url) => this.safeBrowsingAllowlist.has(url),
      didCommitNavigation: (node, request, commit) =>
        node.isMainFrame ? this.didCommitNavigation(request, commit) : this.didCommitSubframe(node, request, commit),
    };
    this.primaryMainFrame = new FrameTreeNode(frameTreeNodeId, null, this.frameDelegate, tabId, browsingInstanceId);
  }

  private get tracing() {
    return this.services.tracing;
  }

  private tabState(change: StateChange, cause: string): void {
    this.tracing.tabState(this.tabId, change, cause);
  }

  /** Every frame of the tab, parents first. */
  get frames(): FrameTreeNode[] {
    return [...this.primaryMainFrame.subtree()];
  }

  /** Records the tab's frames and proxies as they are now (at tab.created, or the start of a new trace). */
  recordFrames(reason: string): void {
    for (const node of this.frames) {
      const host = node.currentFrameHost;
      this.tracing.record({
        type: 'frame.created',
        frameTreeNodeId: node.frameTreeNodeId,
        parentId: node.parent?.frameTreeNodeId ?? null,
        tabId: this.tabId,
        frameToken: host?.frameToken ?? null,
        name: node.name,
        url: host?.url ?? '',
        site: host?.siteInstance.site ?? '',
        processId: host?.process.endpointId ?? null,
        depth: node.depth,
        reason,
      });
      for (const [process, proxyToken] of node.proxies)
        this.tracing.record({
          type: 'proxy.created',
          frameTreeNodeId: node.frameTreeNodeId,
          tabId: this.tabId,
          processId: process.endpointId,
          proxyToken,
          reason,
        });
    }
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
    return this.navigate(this.delegate.nextNavigationId(), shown.url, 'link', shown.url);
  }

  /** Typing into the omnibox and pressing Enter. */
  async navigateFromOmnibox(text: string): Promise<NavigationResult> {
    const navigationId = this.delegate.nextNavigationId();
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
    return this.navigate(this.delegate.nextNavigationId(), entry.url, 'reload', entry.url);
  }

  private async goToOffset(offset: number): Promise<NavigationResult | null> {
    const entry = this.controller.entryAt(offset);
    if (!entry) return null;
    return this.navigate(this.delegate.nextNavigationId(), entry.url, 'back_forward', entry.url, offset);
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
      this.tabState({ field: 'interstitial', value: null }, 'a new navigation started');
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
          this.tabState(
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
          this.tabState({ field: 'title', value: 'Privacy error' }, outcome.netError.name);
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
        this.tabState(
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
        this.tabState({ field: 'security', value: 'dangerous' }, 'Safe Browsing');
        this.tabState({ field: 'title', value: 'Security error' }, 'Safe Browsing');
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
      this.settleLoad('superseded');
    }
    const previous = this.currentFrame;
    const frame = commit.frame;
    frame.url = commit.url;
    // The old document's iframes go with it.
    for (const child of [...this.primaryMainFrame.children])
      this.removeFrame(child, 'its parent document was replaced by a new one');
    this.primaryMainFrame.currentFrameHost = frame;
    this.primaryMainFrame.loaded = false;
    const mimeType = request.committedMimeType;
    this.faviconExpected = mimeType === 'text/html' || mimeType === '';
    this.stoppedAwaitingFavicon = false;
    this.recordCommit(this.primaryMainFrame, request, frame, 'the main frame committed a new document');
    if (previous && previous !== frame) this.releaseFrame(previous, 'its frame navigated to another site');
    // Only now, after the renderer acknowledged, does the browser's UI change.
    this.tabState({ field: 'crashed', value: false }, 'CommitNavigation reply');
    if (this.loadError) {
      this.loadError = null;
      this.tabState({ field: 'loadError', value: null }, 'CommitNavigation reply');
    }
    this.tabState({ field: 'url', value: commit.url }, 'CommitNavigation reply');
    this.tabState(
      { field: 'security', value: request.errorPage ? 'neutral' : securityStateFor(commit.url) },
      'CommitNavigation reply',
    );
    this.tabState({ field: 'title', value: new URL(commit.url).host }, 'CommitNavigation reply');
    this.controller.didCommit(commit.url, request.transition, request.historyOffset);
    this.tabState({ field: 'history', value: this.controller.snapshot() }, 'CommitNavigation reply');
    this.delegate.historyChanged(this);
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

  private recordCommit(node: FrameTreeNode, request: NavigationRequest, frame: RenderFrameHost, reason: string): void {
    this.tracing.record({
      type: 'frame.committed',
      frameTreeNodeId: node.frameTreeNodeId,
      tabId: this.tabId,
      frameToken: frame.frameToken,
      url: frame.url ?? request.url,
      site: frame.siteInstance.site,
      processId: frame.process.endpointId,
      navigationId: request.navigationId,
      reason,
    });
  }

  // ── Frames: iframes, out-of-process iframes, proxies ───────────────────────────

  /** The FrameTreeNode whose current document is `frame`, if any. */
  private nodeOf(frame: RenderFrameHost): FrameTreeNode | null {
    for (const node of this.primaryMainFrame.subtree()) if (node.currentFrameHost === frame) return node;
    return null;
  }

  /**
   * The parser of `parent`'s document inserted an <iframe>: the renderer made a local
   * frame for it (`childFrameToken`, an initial empty document in the parent's process);
   * the browser adds its FrameTreeNode (FrameHost.CreateChildFrame).
   */
  onCreateChildFrame(parent: RenderFrameHost, childFrameToken: string, name: string): void {
    const parentNode = this.nodeOf(parent);
    if (!parentNode) return;
    if (parentNode.children.length >= MAX_CHILD_FRAMES || this.frames.length >= MAX_FRAMES_PER_TAB) {
      this.tracing.error(
        'browser',
        `CreateChildFrame from ${parent.process.endpointId}: frame ${parentNode.frameTreeNodeId} may have at most ${MAX_CHILD_FRAMES} children and tab ${this.tabId} at most ${MAX_FRAMES_PER_TAB} frames: ignored`,
      );
      return;
    }
    const node = new FrameTreeNode(
      this.delegate.nextFrameTreeNodeId(),
      parentNode,
      this.frameDelegate,
      this.tabId,
      this.browsingInstanceId,
      name,
    );
    const host = new RenderFrameHost(childFrameToken, parent.process, parent.siteInstance);
    parent.process.frames.add(childFrameToken);
    node.currentFrameHost = host;
    parentNode.children.push(node);
    this.tracing.record({
      type: 'frame.created',
      frameTreeNodeId: node.frameTreeNodeId,
      parentId: parentNode.frameTreeNodeId,
      tabId: this.tabId,
      frameToken: childFrameToken,
      name,
      url: '',
      site: parent.siteInstance.site,
      processId: parent.process.endpointId,
      depth: node.depth,
      reason: `the parser of ${parent.url ?? 'its parent'} inserted an iframe element (FrameHost.CreateChildFrame)`,
    });
  }

  /**
   * A renderer asked to navigate one of its frames (FrameHost.BeginNavigation): here an
   * iframe loading its src. The browser runs the frame's own NavigationRequest; when it
   * ends without a document, the parent's process hears the child stopped loading.
   */
  async onBeginNavigation(frame: RenderFrameHost, url: string, initiatorOrigin: string): Promise<void> {
    const node = this.nodeOf(frame);
    if (!node || node.isMainFrame) {
      this.tracing.error('browser', `BeginNavigation for ${frame.frameToken}: NavScope only loads iframes this way`);
      return;
    }
    node.navigationRequest?.cancel('a new navigation started in the frame');
    const request = new NavigationRequest(this.services, node, {
      navigationId: this.delegate.nextNavigationId(),
      url,
      transition: 'link',
      input: url,
      initiatorOrigin,
    });
    node.navigationRequest = request;
    let outcome: NavigationOutcome;
    try {
      outcome = await request.run();
    } finally {
      if (node.navigationRequest === request) node.navigationRequest = null;
    }
    if (outcome.outcome !== 'committed') this.childStoppedLoading(node);
  }

  /** A subframe's navigation committed: a cross-process one leaves a proxy in the frame's old process. */
  private didCommitSubframe(
    node: FrameTreeNode,
    request: NavigationRequest,
    commit: { frame: RenderFrameHost; url: string },
  ): void {
    const previous = node.currentFrameHost;
    const frame = commit.frame;
    frame.url = commit.url;
    for (const child of [...node.children]) this.removeFrame(child, 'its parent document was replaced by a new one');
    node.currentFrameHost = frame;
    node.loaded = false;
    const crossProcess = previous !== null && previous.process !== frame.process;
    this.recordCommit(
      node,
      request,
      frame,
      crossProcess
        ? `a cross-site iframe: its document lives in ${frame.process.endpointId} (an out-of-process iframe), not in its parent's ${previous.process.endpointId}`
        : `a same-site iframe: its document stays in ${frame.process.endpointId}, its parent's process`,
    );
    // Its new process no longer needs a proxy for it.
    if (node.proxies.has(frame.process)) {
      node.proxies.delete(frame.process);
      this.tracing.record({
        type: 'proxy.removed',
        frameTreeNodeId: node.frameTreeNodeId,
        tabId: this.tabId,
        processId: frame.process.endpointId,
        reason: 'the frame’s document moved into this process',
      });
    }
    if (!previous || !crossProcess) return;
    // The old process keeps a RenderFrameProxy in the frame's place (Frame.Unload).
    const old = previous.process;
    old.frames.delete(previous.frameToken);
    if (old.isReusable) {
      const proxyToken = this.delegate.nextFrameToken().replace('frame-', 'proxy-');
      node.proxies.set(old, proxyToken);
      this.services.browser.send(old.endpointId, 'Frame.Unload', { frameToken: previous.frameToken, proxyToken });
      this.tracing.record({
        type: 'proxy.created',
        frameTreeNodeId: node.frameTreeNodeId,
        tabId: this.tabId,
        processId: old.endpointId,
        proxyToken,
        reason: `the iframe committed in ${frame.process.endpointId}: ${old.endpointId} replaces its local frame with a RenderFrameProxy (Frame.Unload)`,
      });
    }
    this.services.processes.releaseProcessIfUnused(old, 'no frames left: its iframe moved to another process', true);
  }

  /**
   * The frame stopped loading, or its navigation ended without a document: a parent in
   * another process hears it (RemoteFrame.DidStopLoading), so that its load event,
   * which waits for its iframes, can fire. A parent in the same process hears it there.
   */
  private childStoppedLoading(node: FrameTreeNode): void {
    const parentHost = node.parent?.currentFrameHost;
    if (!parentHost) return;
    const child = node.currentFrameHost;
    if (child && child.process === parentHost.process && child.url !== null) return;
    const token = node.tokenIn(parentHost.process);
    if (token && parentHost.process.isReusable)
      this.services.browser.send(parentHost.process.endpointId, 'RemoteFrame.DidStopLoading', { frameToken: token });
  }

  /**
   * Removes a frame and its descendants from the tree: their documents' processes drop
   * them (Frame.Delete, or ChildProcess.ProcessShutdown for a process left with
   * nothing), their proxies go, and each removal is recorded.
   */
  private removeFrame(node: FrameTreeNode, reason: string, tellRenderer = true): void {
    for (const child of [...node.children]) this.removeFrame(child, reason, tellRenderer);
    node.navigationRequest?.cancel(`the frame was removed: ${reason}`);
    for (const [process] of node.proxies)
      this.tracing.record({
        type: 'proxy.removed',
        frameTreeNodeId: node.frameTreeNodeId,
        tabId: this.tabId,
        processId: process.endpointId,
        reason,
      });
    node.proxies.clear();
    this.tracing.record({ type: 'frame.removed', frameTreeNodeId: node.frameTreeNodeId, tabId: this.tabId, reason });
    const host = node.currentFrameHost;
    node.currentFrameHost = null;
    if (node.parent) node.parent.children.splice(node.parent.children.indexOf(node), 1);
    if (!host) return;
    const process = host.process;
    process.frames.delete(host.frameToken);
    if (tellRenderer && process.frames.size > 0 && process.state === 'ready')
      this.services.browser.send(process.endpointId, 'Frame.Delete', { frameToken: host.frameToken, reason });
    this.services.processes.releaseProcessIfUnused(process, `no frames left: ${reason}`, true);
  }

  /**
   * Closes the tab: navigations stop, every frame is removed (the main frame last), and
   * each process left hosting nothing of any tab is shut down.
   */
  close(reason: string): void {
    if (this.closed) return;
    this.closed = true;
    if (this.loadSpan) this.tracing.endSpan(this.loadSpan, 'cancelled', `the tab closed: ${reason}`);
    this.loadSpan = null;
    this.settleLoad('superseded');
    this.removeFrame(this.primaryMainFrame, `tab ${this.tabId} closed`);
    this.tracing.forgetTab(this.tabId);
  }

  private setLoading(loading: boolean, cause: string): void {
    this.loading = loading;
    this.tabState({ field: 'loading', value: loading }, cause);
  }

  private stopLoadingIfIdle(cause: string): void {
    if (this.loading && !this.primaryMainFrame.navigationRequest) this.setLoading(false, cause);
  }

  // ── Messages from the frame's renderer ─────────────────────────────────────────
  /** The frame a FrameHost message names, if it really belongs to the sender. */
  frameFromSender(frameToken: string, sender: EndpointId): RenderFrameHost | null {
    for (const node of this.primaryMainFrame.subtree()) {
      const frame = node.currentFrameHost;
      if (frame && frame.frameToken === frameToken && frame.process.endpointId === sender) return frame;
    }
    return null;
  }

  /** The frame whose navigation is waiting for this commit acknowledgement, if any. */
  private nodeAwaitingCommit(navigationId: string): FrameTreeNode | null {
    for (const node of this.primaryMainFrame.subtree())
      if (node.navigationRequest?.navigationId === navigationId) return node;
    return null;
  }

  /** Whether a navigation of this tab has this id. */
  hasNavigation(navigationId: string): boolean {
    return this.nodeAwaitingCommit(navigationId) !== null;
  }

  /** The reply to CommitNavigation (or CommitFailedNavigation): the renderer committed, in whichever frame. */
  onCommitNavigationReply(payload: PayloadOf<'NavigationClient.CommitNavigation:reply'>): void {
    (this.nodeAwaitingCommit(payload.navigationId) ?? this.primaryMainFrame).navigationRequest?.onCommitAck(payload);
  }

  onBeforeUnloadReply(payload: PayloadOf<'LocalFrame.BeforeUnload:reply'>): void {
    for (const node of this.primaryMainFrame.subtree())
      if (node.currentFrameHost?.frameToken === payload.frameToken)
        node.navigationRequest?.onBeforeUnloadAck(payload.proceed);
  }

  onUpdateTitle(frame: RenderFrameHost, title: string): void {
    if (frame !== this.currentFrame) return;
    this.controller.setTitle(title);
    this.tabState({ field: 'title', value: title }, 'UpdateTitle');
    this.delegate.historyChanged(this);
  }

  /** The committed document's body failed after commit: the page keeps what arrived, and the tab says why it stopped. */
  onDidFailLoad(frame: RenderFrameHost, payload: PayloadOf<'LocalFrameHost.DidFailLoadWithError'>): void {
    if (frame !== this.currentFrame) return;
    this.loadError = { code: payload.errorCode, name: payload.errorName, detail: payload.errorDetail };
    this.tabState(
      { field: 'loadError', value: { url: payload.url, error: payload.errorName, detail: payload.errorDetail } },
      'DidFailLoadWithError',
    );
  }

  /** The network service crashed: a navigation whose loader was on it fails. */
  onNetworkServiceGone(reason: string): void {
    for (const node of this.primaryMainFrame.subtree()) node.navigationRequest?.networkServiceGone(reason);
  }

  onDidStopLoading(frame: RenderFrameHost): void {
    const node = this.nodeOf(frame);
    if (!node || node.loaded) return;
    node.loaded = true;
    this.tracing.record({
      type: 'frame.loaded',
      frameTreeNodeId: node.frameTreeNodeId,
      tabId: this.tabId,
      url: frame.url ?? '',
      processId: frame.process.endpointId,
    });
    if (!node.isMainFrame) {
      this.childStoppedLoading(node);
      return;
    }
    if (this.loadSpan) this.tracing.endSpan(this.loadSpan);
    this.loadSpan = null;
    if (!this.primaryMainFrame.navigationRequest) this.setLoading(false, 'DidStopLoading');
    if (this.faviconExpected) this.stoppedAwaitingFavicon = true;
    else this.settleLoad('loaded');
  }

  /** The main document's icon URLs, the last thing its renderer reports after it stopped loading. */
  onUpdateFaviconURL(frame: RenderFrameHost): void {
    if (frame !== this.primaryMainFrame.currentFrameHost || !this.stoppedAwaitingFavicon) return;
    this.settleLoad('loaded');
  }

  /** Ends the pending load; a document that already stopped loading (only its icon was awaited) loaded. */
  private settleLoad(outcome: LoadEnd): void {
    const end = this.stoppedAwaitingFavicon ? 'loaded' : outcome;
    this.faviconExpected = false;
    this.stoppedAwaitingFavicon = false;
    this.loadFinished?.(end);
    this.loadFinished = null;
  }

  /** A renderer process ended without being asked: a sad tab if it held this tab's page. */
  onProcessGone(host: RendererProcess): void {
    for (const node of this.primaryMainFrame.subtree()) {
      if (!node.isMainFrame) node.navigationRequest?.onProcessGone(host.endpointId);
      const proxy = node.proxies.get(host);
      if (proxy !== undefined) {
        node.proxies.delete(host);
        this.tracing.record({
          type: 'proxy.removed',
          frameTreeNodeId: node.frameTreeNodeId,
          tabId: this.tabId,
          processId: host.endpointId,
          reason: `${host.endpointId} ended`,
        });
      }
      // An iframe whose process died: its parent must not wait for it any more.
      if (!node.isMainFrame && node.currentFrameHost?.process === host) {
        node.currentFrameHost = null;
        const parentHost = node.parent?.currentFrameHost;
        const token = parentHost ? node.proxies.get(parentHost.process) : undefined;
        if (parentHost && token && parentHost.process.isReusable)
          this.services.browser.send(parentHost.process.endpointId, 'RemoteFrame.DidStopLoading', {
            frameToken: token,
          });
      }
    }
    this.primaryMainFrame.navigationRequest?.onProcessGone(host.endpointId);
    const frame = this.currentFrame;
    if (!frame || frame.process !== host) return;
    this.primaryMainFrame.currentFrameHost = null;
    if (!this.shuttingDown)
      this.tabState(
        { field: 'crashed', value: true },
        `renderer process ${host.endpointId} (pid ${host.pid ?? '?'}) gone`,
      );
    if (this.loadSpan) this.tracing.endSpan(this.loadSpan, 'error', 'the renderer process crashed');
    this.loadSpan = null;
    this.stopLoadingIfIdle('renderer process gone');
    this.settleLoad('renderer-crashed');
  }

  /** The navigation in flight whose loader has this id, if any. */
  activeLoader(requestId: string): NavigationRequest | null {
    return this.primaryMainFrame.navigationWithLoader(requestId);
  }
}
