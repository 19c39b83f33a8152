/**
 * Blink's ResourceFetcher in the renderer stand-in: every subresource load goes to
 * the network thread as URLLoaderFactory.CreateLoaderAndStart and comes back as
 * OnReceiveResponse, DataPipe.Write chunks and OnComplete. A URL is fetched once: the
 * preload scanner and the parser share the same load. The browser is told when each
 * response starts and completes (SubresourceResponseStarted, ResourceLoadComplete).
 */
import { concatBytes } from '../../shared/base/bytes.js';
import { BROWSER_ENDPOINT, NETWORK_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { PayloadOf, RequestDestination, ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';

export interface FetchedResource {
  url: string;
  destination: RequestDestination;
  status: number;
  mimeType: string;
  errorCode: number;
  errorName: string;
  /** The response head (null when the load failed before a response). */
  head: ResponseHead | null;
  body: Uint8Array;
}

interface Load {
  requestId: string;
  url: string;
  destination: RequestDestination;
  head: ResponseHead | null;
  chunks: Uint8Array[];
  keptBytes: number;
  done: Promise<FetchedResource>;
  resolve: (resource: FetchedResource) => void;
  finished: boolean;
}

/** Bodies of subresources are kept only up to this size (stylesheets are read; images are not). */
const MAX_KEPT_BODY = 2 * 1024 * 1024;

export class ResourceFetcher {
  private readonly byUrl = new Map<string, Load>();
  private readonly byRequest = new Map<string, Load>();

  constructor(
    private readonly endpoint: MessageEndpoint,
    private readonly frameToken: string,
    private readonly documentUrl: string,
    private readonly documentOrigin: string,
    private readonly nextRequestId: () => string,
  ) {}

  owns(requestId: string): boolean {
    return this.byRequest.has(requestId);
  }

  isFetching(url: string): boolean {
    return this.byUrl.has(url);
  }

  /** Starts a load (or joins the one already running for this URL). */
  fetch(url: string, destination: RequestDestination): Promise<FetchedResource> {
    const existing = this.byUrl.get(url);
    if (existing) return existing.done;
    const requestId = this.nextRequestId();
    let resolve!: (resource: FetchedResource) => void;
    const done = new Promise<FetchedResource>((r) => (resolve = r));
    const load: Load = {
      requestId,
      url,
      destination,
      head: null,
      chunks: [],
      keptBytes: 0,
      done,
      resolve,
      finished: false,
    };
    this.byUrl.set(url, load);
    this.byRequest.set(requestId, load);
    const sameOrigin = new URL(url).origin === this.documentOrigin;
    this.endpoint.send(
      NETWORK_ENDPOINT,
      'URLLoaderFactory.CreateLoaderAndStart',
      {
        requestId,
        request: {
          url,
          method: 'GET',
          headers: [['Referer', this.documentUrl]],
          destination,
          // Classic subresources (img, script, link) are no-cors requests: cross-origin
          // responses are therefore subject to CORB/ORB in the network service.
          mode: sameOrigin ? 'same-origin' : 'no-cors',
          initiatorOrigin: this.documentOrigin,
          upgradeToHttps: false,
        },
      },
      requestId,
    );
    return done;
  }

  onResponse(payload: PayloadOf<'URLLoaderClient.OnReceiveResponse'>): void {
    const load = this.byRequest.get(payload.requestId);
    if (!load) return;
    load.head = payload.head;
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.SubresourceResponseStarted', {
      frameToken: this.frameToken,
      url: load.url,
      destination: load.destination,
      status: payload.head.status,
      mimeType: payload.head.mimeType,
    });
  }

  onData(pipeId: string, chunk: Uint8Array): void {
    const load = this.byRequest.get(pipeId);
    if (!load || load.finished) return;
    if (load.keptBytes + chunk.byteLength > MAX_KEPT_BODY) return;
    load.chunks.push(chunk);
    load.keptBytes += chunk.byteLength;
  }

  onComplete(payload: PayloadOf<'URLLoaderClient.OnComplete'>): void {
    const load = this.byRequest.get(payload.requestId);
    if (!load || load.finished) return;
    load.finished = true;
    this.endpoint.send(BROWSER_ENDPOINT, 'FrameHost.ResourceLoadComplete', {
      frameToken: this.frameToken,
      url: load.url,
      destination: load.destination,
      errorCode: payload.status.errorCode,
      encodedBodyLength: payload.status.encodedBodyLength,
    });
    const body = concatBytes(load.chunks);
    load.chunks = [];
    load.resolve({
      url: load.url,
      destination: load.destination,
      status: load.head?.status ?? 0,
      mimeType: load.head?.mimeType ?? '',
      errorCode: payload.status.errorCode,
      errorName: payload.status.errorName,
      head: load.head,
      body,
    });
  }

  /** A redirect of a subresource is followed (the browser only decides for navigations). */
  onRedirect(payload: PayloadOf<'URLLoaderClient.OnReceiveRedirect'>): void {
    if (this.byRequest.has(payload.requestId))
      this.endpoint.send(
        NETWORK_ENDPOINT,
        'URLLoader.FollowRedirect',
        { requestId: payload.requestId },
        payload.requestId,
      );
  }

  /** The document is going away: its unfinished loads are cancelled. */
  cancelAll(reason: string): void {
    for (const load of this.byRequest.values()) {
      if (load.finished) continue;
      load.finished = true;
      this.endpoint.send(NETWORK_ENDPOINT, 'URLLoader.Cancel', { requestId: load.requestId, reason }, load.requestId);
      load.resolve({
        url: load.url,
        destination: load.destination,
        status: 0,
        mimeType: '',
        errorCode: -3,
        errorName: 'ERR_ABORTED',
        head: null,
        body: new Uint8Array(0),
      });
    }
  }

  /** Loads still waiting for their completion. */
  openRequestIds(): string[] {
    return [...this.byRequest.values()].filter((load) => !load.finished).map((load) => load.requestId);
  }

  /** Loads started for the document so far (the load progress's denominator). */
  get started(): number {
    return this.byRequest.size;
  }

  get pending(): number {
    let n = 0;
    for (const load of this.byRequest.values()) if (!load.finished) n++;
    return n;
  }
}
