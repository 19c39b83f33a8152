/**
 * Blink's RenderFrame in the renderer stand-in: commits the document the browser
 * sends and hands its body, as it streams from the data pipe, to the document's
 * loader (streaming parse, preload scanner, scripts, style/layout/paint; see
 * documentLoader.ts). Network messages for the document's subresources go to the
 * loader's resource fetcher. The browser hears the loading milestones in the order
 * Chromium 156 sends them:
 *   FrameHost.UpdateState → CommitNavigation's reply (DidCommitProvisionalLoadParams) →
 *   DidChangeLoadProgress → MainDocumentElementAvailable → UpdateTitle →
 *   DidChangeLoadProgress → DidDispatchDOMContentLoadedEvent → DocumentOnLoadCompleted →
 *   DidFinishLoad → DidChangeLoadProgress (1.0) → DidStopLoading → UpdateFaviconURL,
 * with LocalMainFrameHost.DidFirstVisuallyNonEmptyPaint at the first paint.
 */
import { BROWSER_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { type PayloadOf, type ResponseHead, failedCompletionStatus } from '../../shared/ipc/messageCatalogue.js';
import { noLoadTiming } from '../../shared/net/loadTiming.js';
import { type ChildFrameHost, DocumentLoader, type FrameRecorder } from './documentLoader.js';

/** What a frame needs from its process to have child frames. */
export interface FrameRegistry {
  /** A frame token unique in the browser (`renderer:1/3`). */
  nextChildFrameToken(): string;
  add(frame: RenderFrame): void;
}

export class RenderFrame {
  private document: DocumentLoader | null = null;
  /** Settles the first time this frame stops loading (its parent's load waits for it). */
  private readonly stopped: Promise<void>;
  private markStopped!: () => void;
  /** This process holds only a proxy for the frame now: its document lives in another process. */
  proxyToken: string | null = null;

  constructor(
    readonly frameToken: string,
    private readonly endpoint: MessageEndpoint,
    private readonly recorder: FrameRecorder,
    /** Request ids are unique within the process (the network service keys loaders by them). */
    private readonly nextRequestId: () => string,
    private readonly registry: FrameRegistry | null = null,
  ) {
    this.stopped = new Promise<void>((resolve) => (this.markStopped = resolve));
  }

  /** What this frame's document uses to create its iframes. */
  private childFrameHost(): ChildFrameHost | null {
    const registry = this.registry;
    if (!registry) return null;
    return {
      createChildFrame: (name, url) => {
        const child = new RenderFrame(
          registry.nextChildFrameToken(),
          this.endpoint,
          this.recorder,
          this.nextRequestId,
          registry,
        );
        registry.add(child);
        this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.CreateChildFrame', {
          frameToken: this.frameToken,
          childFrameToken: child.frameToken,
          name: name.slice(0, 1024),
        });
        this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.BeginNavigation', {
          frameToken: child.frameToken,
          url,
          initiatorOrigin: this.document?.origin ?? 'null',
        });
        return child.stopped;
      },
      didStopLoading: () => this.markStopped(),
    };
  }

  /** The frame stopped loading elsewhere, or without a document (RemoteFrame.DidStopLoading). */
  didStopLoadingRemotely(): void {
    this.markStopped();
  }

  /** The frame's document moved to another process: this process keeps a RenderFrameProxy (Frame.Unload). */
  unload(proxyToken: string): void {
    this.abandonDocument('the frame’s document moved to another process');
    this.proxyToken = proxyToken;
  }

  /** The frame left the frame tree (Frame.Delete). */
  detach(reason: string): void {
    this.abandonDocument(reason);
    this.markStopped();
  }

  /** Which of this frame's loads a network message belongs to, if any. */
  ownsRequest(requestId: string): boolean {
    const doc = this.document;
    return doc !== null && ((doc.requestId !== '' && doc.requestId === requestId) || doc.fetcher.owns(requestId));
  }

  commitNavigation(
    params: PayloadOf<'NavigationClient.CommitNavigation'>,
    request: { flowId: string; from: string },
  ): void {
    this.abandonDocument('a new document committed');
    const doc = new DocumentLoader(
      this.endpoint,
      this.frameToken,
      params.commonParams.url,
      params.commitParams.origin,
      params.responseHead,
      params.requestId,
      this.recorder,
      this.nextRequestId,
      this.childFrameHost(),
    );
    this.document = doc;
    // The new history entry's state (Chromium's PageState) goes to the browser before the commit is acknowledged.
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.UpdateState', {
      frameToken: this.frameToken,
      pageState: { url: params.commonParams.url, title: '' },
    });
    // Committing means: the new document exists in this process. The reply to CommitNavigation says so.
    this.endpoint.reply(request, 'NavigationClient.CommitNavigation:reply', {
      navigationId: params.navigationId,
      frameToken: this.frameToken,
      url: params.commonParams.url,
      origin: params.commitParams.origin,
      httpStatusCode: params.responseHead.status,
      mimeType: params.responseHead.mimeType,
    });
    doc.didCommit();
    if (params.bodyPipe === null) doc.finishBody();
  }

  /** An error page: the browser made the document; there is no body pipe and no loader. */
  commitFailedNavigation(
    params: PayloadOf<'NavigationClient.CommitFailedNavigation'>,
    request: { flowId: string; from: string },
  ): void {
    this.abandonDocument('an error page committed');
    const html = new TextEncoder().encode(params.errorPageHtml);
    const head: ResponseHead = {
      status: 0,
      statusText: params.errorName,
      httpVersion: '',
      headers: [],
      mimeType: 'text/html',
      charset: 'utf-8',
      contentLength: html.byteLength,
      remoteEndpoint: null,
      connectionReused: false,
      connectionId: 0,
      fromCache: false,
      timing: noLoadTiming(),
    };
    const doc = new DocumentLoader(
      this.endpoint,
      this.frameToken,
      params.url,
      'null',
      head,
      '',
      this.recorder,
      this.nextRequestId,
      this.childFrameHost(),
    );
    this.document = doc;
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.UpdateState', {
      frameToken: this.frameToken,
      pageState: { url: params.url, title: '' },
    });
    this.endpoint.reply(request, 'NavigationClient.CommitFailedNavigation:reply', {
      navigationId: params.navigationId,
      frameToken: this.frameToken,
      url: params.url,
      origin: 'null',
      httpStatusCode: 0,
      mimeType: 'text/html',
    });
    doc.didCommit();
    doc.receive(html);
    doc.finishBody();
  }

  onBodyChunk(pipeId: string, chunk: Uint8Array): void {
    const doc = this.document;
    if (!doc) return;
    if (pipeId === doc.requestId) doc.receive(chunk);
    else doc.fetcher.onData(pipeId, chunk);
  }

  onResponse(payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'>): void {
    this.document?.fetcher.onResponse(payload);
  }

  onRedirect(payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'>): void {
    this.document?.fetcher.onRedirect(payload);
  }

  onComplete(payload: PayloadOf<'URLLoaderClient.OnComplete'>): void {
    const doc = this.document;
    if (!doc) return;
    if (payload.requestId === doc.requestId) {
      const failed = payload.status.errorCode !== 0;
      // As Chromium's DocumentLoader does, the document's own load is reported too (page-load metrics, DevTools).
      this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.ResourceLoadComplete', {
        frameToken: this.frameToken,
        url: doc.url,
        destination: 'document',
        errorCode: payload.status.errorCode,
        encodedBodyLength: payload.status.encodedBodyLength,
      });
      if (failed)
        this.recorder.event({
          type: 'error',
          where: 'document body',
          message: `${doc.url}: the body ended with net::${payload.status.errorName}`,
        });
      doc.finishBody(
        failed
          ? { code: payload.status.errorCode, name: payload.status.errorName, detail: payload.status.errorDetail }
          : null,
      );
      return;
    }
    doc.fetcher.onComplete(payload);
  }

  /**
   * The URLLoaderFactory this frame's loads went through is gone (the network service
   * crashed): each load still open on it completes with ERR_FAILED, as a disconnected
   * pipe does — the document's own body included.
   */
  disconnectLoaders(reason: string): void {
    const doc = this.document;
    if (!doc) return;
    const status = failedCompletionStatus(
      'ERR_FAILED',
      `the network service crashed and was restarted (${reason}); this loader was disconnected`,
    );
    const open = [...(doc.bodyOpen ? [doc.requestId] : []), ...doc.fetcher.openRequestIds()];
    for (const requestId of open) this.onComplete({ requestId, status });
  }

  beforeUnload(): boolean {
    // Page JavaScript is never executed, so no beforeunload handler can object.
    return true;
  }

  private abandonDocument(reason: string): void {
    this.document?.abandon(reason);
    this.document = null;
  }
}
