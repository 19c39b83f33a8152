/**
 * Blink's RenderFrame in the renderer stand-in: commits the document the browser
 * sends, reads its body from the data pipe, parses it, fetches its subresources
 * through the network thread and reports the loading milestones back to the
 * browser, in Chromium's order:
 *   DidCommitProvisionalLoad → UpdateTitle → DidDispatchDOMContentLoadedEvent →
 *   DocumentOnLoadCompleted → DidFinishLoad → DidStopLoading.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import { BROWSER_ENDPOINT, NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import type { PayloadOf, ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import { netErrorName } from '../../shared/net/netError.js';
import { charsetOf, decodeHtml, parseHtmlDocument, type SubresourceRef } from './htmlDocumentParser.js';

interface SubresourceLoad {
  ref: SubresourceRef;
  requestId: string;
  done: boolean;
}

interface DocumentState {
  navigationId: string;
  url: string;
  origin: string;
  head: ResponseHead;
  requestId: string;
  chunks: Uint8Array[];
  bodyComplete: boolean;
  parsed: boolean;
  domContentLoaded: boolean;
  loadFired: boolean;
  subresources: Map<string, SubresourceLoad>;
}

export class RenderFrame {
  private document: DocumentState | null = null;

  constructor(
    readonly frameToken: string,
    private readonly endpoint: MessageEndpoint,
    private readonly record: {
      span<T>(name: string, args: Record<string, string | number>, run: () => T): T;
      documentParsed(summary: ReturnType<typeof parseHtmlDocument>, url: string): void;
    },
    /** Request ids are unique within the process (the network service keys loaders by them). */
    private readonly nextRequestId: () => string,
  ) {}

  private get id(): EndpointId {
    return this.endpoint.id;
  }

  /** Which of this frame's loads a network message belongs to, if any. */
  ownsRequest(requestId: string): boolean {
    const doc = this.document;
    return doc !== null && (doc.requestId === requestId || doc.subresources.has(requestId));
  }

  commitNavigation(params: PayloadOf<'NavigationClient.CommitNavigation'>): void {
    this.abandonDocument('a new document committed');
    this.document = {
      navigationId: params.navigationId,
      url: params.commonParams.url,
      origin: params.commitParams.origin,
      head: params.responseHead,
      requestId: params.requestId,
      chunks: [],
      bodyComplete: params.bodyPipe === null,
      parsed: false,
      domContentLoaded: false,
      loadFired: false,
      subresources: new Map(),
    };
    // Committing means: the new document exists in this process. Tell the browser.
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidCommitProvisionalLoad', {
      navigationId: params.navigationId,
      frameToken: this.frameToken,
      url: params.commonParams.url,
      origin: params.commitParams.origin,
      httpStatusCode: params.responseHead.status,
      mimeType: params.responseHead.mimeType,
    });
    if (this.document.bodyComplete) this.parseDocument();
  }

  /** An error page: the browser made the document; there is no body pipe and no loader. */
  commitFailedNavigation(params: PayloadOf<'NavigationClient.CommitFailedNavigation'>): void {
    this.abandonDocument('an error page committed');
    const html = new TextEncoder().encode(params.errorPageHtml);
    this.document = {
      navigationId: params.navigationId,
      url: params.url,
      origin: 'null',
      head: { status: 0, statusText: params.errorName, httpVersion: '', headers: [], mimeType: 'text/html', charset: 'utf-8', contentLength: html.byteLength, remoteEndpoint: null, connectionReused: false, connectionId: 0, fromCache: false, timing: { requestStart: -1, dnsStart: -1, dnsEnd: -1, connectStart: -1, connectEnd: -1, sslStart: -1, sslEnd: -1, sendStart: -1, sendEnd: -1, receiveHeadersStart: -1, receiveHeadersEnd: -1 } },
      requestId: '',
      chunks: [html],
      bodyComplete: true,
      parsed: false,
      domContentLoaded: false,
      loadFired: false,
      subresources: new Map(),
    };
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidCommitProvisionalLoad', {
      navigationId: params.navigationId,
      frameToken: this.frameToken,
      url: params.url,
      origin: 'null',
      httpStatusCode: 0,
      mimeType: 'text/html',
    });
    this.parseDocument();
  }

  onBodyChunk(pipeId: string, chunk: Uint8Array): void {
    const doc = this.document;
    if (!doc) return;
    if (pipeId === doc.requestId) doc.chunks.push(chunk);
    // Subresource bodies are only counted (their bytes matter to the network view, not the DOM).
  }

  onResponse(payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'>): void {
    const load = this.document?.subresources.get(payload.requestId);
    if (!load) return;
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.SubresourceResponseStarted', {
      frameToken: this.frameToken,
      url: load.ref.url,
      destination: load.ref.destination,
      status: payload.head.status,
      mimeType: payload.head.mimeType,
    });
  }

  onComplete(payload: PayloadOf<'URLLoaderClient.OnComplete'>): void {
    const doc = this.document;
    if (!doc) return;
    if (payload.requestId === doc.requestId) {
      doc.bodyComplete = true;
      this.parseDocument();
      return;
    }
    const load = doc.subresources.get(payload.requestId);
    if (!load || load.done) return;
    load.done = true;
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.ResourceLoadComplete', {
      frameToken: this.frameToken,
      url: load.ref.url,
      destination: load.ref.destination,
      errorCode: payload.status.errorCode,
      encodedBodyLength: payload.status.encodedBodyLength,
    });
    if (payload.status.errorCode !== 0) {
      this.record.span(`Subresource failed: ${netErrorName(payload.status.errorCode)}`, { url: load.ref.url }, () => undefined);
    }
    this.advanceLifecycle();
  }

  beforeUnload(): boolean {
    // Page JavaScript is never executed, so no beforeunload handler can object.
    return true;
  }

  private parseDocument(): void {
    const doc = this.document;
    if (!doc || doc.parsed) return;
    doc.parsed = true;
    const bytes = concat(doc.chunks);
    doc.chunks = [];
    const isHtml = doc.head.mimeType === 'text/html' || doc.head.mimeType === '';
    const summary = this.record.span('Parse HTML', { bytes: bytes.byteLength, url: doc.url }, () => {
      if (!isHtml) return { title: '', nodeCount: 1, elementCount: 0, subresources: [], outline: [`(${doc.head.mimeType} document)`] };
      return parseHtmlDocument(decodeHtml(bytes, charsetOf(doc.head.charset, bytes)), doc.url);
    });
    this.record.documentParsed(summary, doc.url);
    if (summary.title) this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.UpdateTitle', { frameToken: this.frameToken, title: summary.title });
    for (const ref of summary.subresources) this.fetchSubresource(doc, ref);
    this.advanceLifecycle();
  }

  private fetchSubresource(doc: DocumentState, ref: SubresourceRef): void {
    const requestId = this.nextRequestId();
    doc.subresources.set(requestId, { ref, requestId, done: false });
    const sameOrigin = new URL(ref.url).origin === doc.origin;
    this.endpoint.send(
      NETWORK_ENDPOINT,
      'URLLoaderFactory.CreateLoaderAndStart',
      {
        requestId,
        request: {
          url: ref.url,
          method: 'GET',
          headers: [['Referer', doc.url]],
          destination: ref.destination,
          mode: sameOrigin ? 'same-origin' : 'no-cors',
          initiatorOrigin: doc.origin,
          upgradeToHttps: false,
        },
      },
      requestId,
    );
  }

  /**
   * DOMContentLoaded waits for parsing and for parser-blocking and deferred scripts;
   * load waits for every subresource. Then the frame stops loading.
   */
  private advanceLifecycle(): void {
    const doc = this.document;
    if (!doc || !doc.parsed) return;
    const loads = [...doc.subresources.values()];
    if (!doc.domContentLoaded && loads.every((l) => l.done || l.ref.scriptTiming === 'async' || l.ref.scriptTiming === null)) {
      doc.domContentLoaded = true;
      this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidDispatchDOMContentLoadedEvent', { frameToken: this.frameToken });
    }
    if (doc.domContentLoaded && !doc.loadFired && loads.every((l) => l.done)) {
      doc.loadFired = true;
      this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DocumentOnLoadCompleted', { frameToken: this.frameToken });
      this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidFinishLoad', { frameToken: this.frameToken, url: doc.url });
      this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.DidStopLoading', { frameToken: this.frameToken });
    }
  }

  private abandonDocument(reason: string): void {
    const doc = this.document;
    if (!doc) return;
    for (const load of doc.subresources.values()) {
      if (!load.done) this.endpoint.send(NETWORK_ENDPOINT, 'URLLoader.Cancel', { requestId: load.requestId, reason }, load.requestId);
    }
    this.document = null;
  }
}

function concat(chunks: Uint8Array[]): Uint8Array {
  const total = chunks.reduce((n, c) => n + c.byteLength, 0);
  const out = new Uint8Array(total);
  let offset = 0;
  for (const c of chunks) {
    out.set(c, offset);
    offset += c.byteLength;
  }
  return out;
}
