/**
 * network::URLLoader: loads one URL for one client, in the order Chromium's network
 * stack does it, each step a span or an event in the trace:
 *   HSTS (an internal 307 before any DNS) → HTTPS-Upgrades for typed hosts (with a
 *   fallback to http) → the HTTP cache (fresh entries never touch the network; stale
 *   ones are revalidated) → DNS → a socket from the pool (TCP, TLS) → cookies → the raw
 *   HTTP/1.1 request → the response head (redirects reported to the client, which
 *   decides; Strict-Transport-Security and Set-Cookie taken in) → the body through a
 *   data pipe (decoded) → OnComplete with a net error code.
 * Reading one response off the connection (its head, the body decoded and within its
 * limits) is a ResponseReader's (responseReader.ts); the loader keeps what spans the
 * hops: redirects, HTTPS-Upgrades, the HTTP cache, ORB and the client's messages.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { ResponseHead, URLRequest } from '../../shared/ipc/messageCatalogue.js';
import { type LoadTiming, noLoadTiming } from '../../shared/net/loadTiming.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { concatBytes } from '../../shared/base/bytes.js';
import { errorMessage } from '../../shared/base/errors.js';
import { headerValue, headerValues, parseContentType } from '../../shared/net/httpHeaders.js';
import { NET_ERRORS, NetError, isCertificateError, netErrorName } from '../../shared/net/netError.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { NET_SPANS } from '../../shared/trace/phases.js';
import { siteForUrl } from '../../shared/web/siteInfo.js';
import { DEFAULT_PORTS } from '../../shared/web/urlParts.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { ClientSocketPool, PooledSocket } from './clientSocketPool.js';
import type { CookieStore } from './cookieStore.js';
import type { HostResolver } from './hostResolver.js';
import type { HttpCache, HttpCacheEntry } from './httpCache.js';
import type { NetLog } from './netLog.js';
import { OpaqueResponseBlocker } from './opaqueResponseBlocker.js';
import {
  PIPE_CHUNK,
  type ResponseBytes,
  type ResponseHop,
  ResponseReader,
  type ResponseReaderLoader,
} from './responseReader.js';
import type { TransportSecurityState } from './transportSecurityState.js';

/** net::URLRequest::kMaxRedirects */
export const MAX_REDIRECTS = 20;
/** Errors of an upgraded https attempt after which HTTPS-Upgrades falls back to http. */
const UPGRADE_FALLBACK_ERRORS = new Set<number>([
  NET_ERRORS.ERR_CONNECTION_REFUSED,
  NET_ERRORS.ERR_CONNECTION_RESET,
  NET_ERRORS.ERR_CONNECTION_CLOSED,
  NET_ERRORS.ERR_CONNECTION_FAILED,
  NET_ERRORS.ERR_CONNECTION_TIMED_OUT,
  NET_ERRORS.ERR_SSL_PROTOCOL_ERROR,
  NET_ERRORS.ERR_TIMED_OUT,
  NET_ERRORS.ERR_EMPTY_RESPONSE,
]);

export interface URLLoaderContext {
  endpoint: MessageEndpoint;
  netLog: NetLog;
  hostResolver: HostResolver;
  socketPool: ClientSocketPool;
  transportSecurity: TransportSecurityState;
  cookies: CookieStore;
  cache: HttpCache;
  config: NetworkServiceConfig;
}

function withScheme(url: URL, protocol: 'http:' | 'https:'): string {
  const next = new URL(url.href);
  next.protocol = protocol;
  return next.href;
}

/** The SameSite context of a request (simplified from net::cookie_util). */
function sameSiteContext(request: URLRequest, url: string): 'strict' | 'lax' | 'none' {
  if (request.initiatorOrigin === null) return 'strict'; // browser-initiated (typed): same-site
  const sameSite = siteForUrl(request.initiatorOrigin) === siteForUrl(url);
  if (sameSite) return 'strict';
  return request.destination === 'document' && request.method === 'GET' ? 'lax' : 'none';
}

export class URLLoader implements ResponseReaderLoader {
  private url: URL;
  private redirectCount = 0;
  private cancelRequested = false;
  private pooled: PooledSocket | null = null;
  private resumeRedirect: (() => void) | null = null;
  private followRequested = false;
  private finished = false;
  private httpsUpgradeTried = false;
  /** While an HTTPS-Upgrades attempt is in flight: the http URL to fall back to. */
  private upgradeFallback: string | null = null;
  /** Wall-clock times (ms since the epoch) the HTTP cache computes ages from. */
  private requestWallTime = 0;
  private responseWallTime = 0;

  constructor(
    private readonly ctx: URLLoaderContext,
    readonly requestId: string,
    readonly client: EndpointId,
    private readonly request: URLRequest,
  ) {
    this.url = new URL(request.url);
    const send = ctx.endpoint;
    this.orb = new OpaqueResponseBlocker(request, {
      response: (head) =>
        send.send(
          this.client,
          'URLLoaderClient.OnReceiveResponse',
          { requestId: this.requestId, head, bodyPipe: this.requestId },
          this.requestId,
        ),
      data: (offset, chunk) =>
        send.send(this.client, 'DataPipe.Write', { pipeId: this.requestId, offset, chunk }, this.requestId),
      complete: (blocked) => this.sendComplete(blocked),
      recordDecision: (verdict, head) => {
        const noSniff = headerValues(head.headers, 'x-content-type-options').some(
          (v) => v.trim().toLowerCase() === 'nosniff',
        );
        ctx.netLog.record({
          type: 'corb.decision',
          requestId: this.requestId,
          url: this.url.href,
          initiatorOrigin: request.initiatorOrigin ?? 'null',
          destination: request.destination,
          mimeType: head.mimeType,
          noSniff,
          decision: verdict.decision,
          reason: verdict.reason,
          sniffed: verdict.sniffed,
        });
      },
    });
  }

  /** ORB/CORB sits between this loader and its client for cross-origin no-cors loads. */
  private readonly orb: OpaqueResponseBlocker;
  private completion: { code: number; detail: string; bytes: ResponseBytes } | null = null;

  get cancelled(): boolean {
    return this.cancelRequested;
  }

  get requestMethod(): string {
    return this.request.method;
  }

  /** Runs the load; `onDone` is called once it has completed, failed or been cancelled. */
  start(onDone: () => void): void {
    this.run()
      .catch((error: unknown) => this.complete(error))
      .finally(onDone);
  }

  /**
   * The client agreed to follow the redirect. It may answer before this loader has
   * finished reading the redirect response's body: the answer is then kept.
   */
  followRedirect(): void {
    const resume = this.resumeRedirect;
    this.resumeRedirect = null;
    if (resume) resume();
    else this.followRequested = true;
  }

  cancel(reason: string): void {
    if (this.finished) return;
    this.cancelRequested = true;
    this.finished = true;
    this.pooled?.socket.destroy();
    this.ctx.netLog.record({ type: 'error', where: `URLLoader ${this.requestId}`, message: `cancelled: ${reason}` });
    this.resumeRedirect?.();
  }

  private async run(): Promise<void> {
    for (;;) {
      const redirect = await this.fetchOnce();
      if (this.cancelled || !redirect) return;
      if (this.followRequested) this.followRequested = false;
      else await new Promise<void>((resume) => (this.resumeRedirect = resume));
      if (this.cancelled) return;
      this.url = new URL(redirect);
      this.orb.redirected(this.url.href);
    }
  }

  /** One hop. Returns the URL to redirect to (after the client agrees), or null when done. */
  private async fetchOnce(): Promise<string | null> {
    const url = this.url;
    if (url.protocol !== 'http:' && url.protocol !== 'https:') {
      throw new NetError('ERR_UNKNOWN_URL_SCHEME', `${url.protocol} cannot be loaded over the network`);
    }
    const timing = noLoadTiming();
    timing.requestStart = monotonicMicros();

    if (url.protocol === 'http:') {
      // 1. HSTS: before any DNS, the network service upgrades hosts it knows to be https-only.
      const hsts = this.ctx.transportSecurity.shouldUpgrade(url.hostname);
      if (hsts) {
        const to = withScheme(url, 'https:');
        this.ctx.netLog.record({
          type: 'hsts.upgrade',
          requestId: this.requestId,
          from: url.href,
          to,
          matchedHost: hsts.entry.host,
          source: hsts.entry.source,
          includeSubdomains: hsts.entry.includeSubdomains,
        });
        return this.internalRedirect(to, 'HSTS', timing);
      }
      // 2. HTTPS-Upgrades: a host typed without a scheme is tried over https first.
      if (this.request.upgradeToHttps && !this.httpsUpgradeTried) {
        this.httpsUpgradeTried = true;
        const to = withScheme(url, 'https:');
        this.upgradeFallback = url.href;
        this.ctx.netLog.record({
          type: 'https.upgrade',
          requestId: this.requestId,
          from: url.href,
          to,
          outcome: 'upgraded',
          reason: 'typed without a scheme: https first',
        });
        return this.internalRedirect(to, 'HttpsUpgrades', timing);
      }
    }

    // 3. The HTTP cache.
    let revalidating: HttpCacheEntry | null = null;
    let conditional: [string, string][] = [];
    if (this.request.method === 'GET') {
      const lookup = this.ctx.cache.lookup(
        url.href,
        this.request.headers.map(([n, v]): [string, string] => [n, v]),
      );
      if (lookup.kind === 'fresh') {
        this.ctx.netLog.record({
          type: 'cache.lookup',
          requestId: this.requestId,
          url: url.href,
          outcome: 'fresh',
          reason: 'within its freshness lifetime: no network request',
        });
        this.serveFromCache(lookup.entry, timing);
        return null;
      }
      if (lookup.kind === 'stale') {
        revalidating = lookup.entry;
        conditional = lookup.conditionalHeaders;
        this.ctx.netLog.record({
          type: 'cache.lookup',
          requestId: this.requestId,
          url: url.href,
          outcome: 'stale',
          reason: `revalidating with ${conditional.map(([n]) => n).join(' and ') || 'a plain request'}`,
        });
      } else {
        this.ctx.netLog.record({
          type: 'cache.lookup',
          requestId: this.requestId,
          url: url.href,
          outcome: 'miss',
          reason: lookup.reason,
        });
      }
    }

    try {
      return await this.exchange(url, timing, revalidating, conditional);
    } catch (error) {
      // HTTPS-Upgrades: the https attempt failed before any response: fall back to http.
      const fallback = this.upgradeFallback;
      if (
        fallback &&
        url.protocol === 'https:' &&
        error instanceof NetError &&
        (UPGRADE_FALLBACK_ERRORS.has(error.code) || isCertificateError(error.code))
      ) {
        this.upgradeFallback = null;
        this.ctx.netLog.record({
          type: 'https.upgrade',
          requestId: this.requestId,
          from: url.href,
          to: fallback,
          outcome: 'fallback',
          reason: `${error.netErrorName}: ${error.message}`,
        });
        return this.internalRedirect(fallback, 'HttpsUpgrades fallback', timing);
      }
      throw error;
    }
  }

  /** A redirect made by the network service itself (DevTools: "307 Internal Redirect"). */
  private internalRedirect(to: string, reason: string, timing: LoadTiming): string {
    const head: ResponseHead = {
      status: 307,
      statusText: 'Internal Redirect',
      httpVersion: '1.1',
      headers: [
        ['Location', to],
        ['Non-Authoritative-Reason', reason],
      ],
      mimeType: '',
      charset: '',
      contentLength: -1,
      remoteEndpoint: null,
      connectionReused: false,
      connectionId: 0,
      fromCache: false,
      timing,
    };
    this.ctx.endpoint.send(
      this.client,
      'URLLoaderClient.OnReceiveRedirect',
      { requestId: this.requestId, redirect: { status: 307, newUrl: to, newMethod: this.request.method }, head },
      this.requestId,
    );
    return to;
  }

  /** DNS, a connection, the request and its response. */
  private async exchange(
    url: URL,
    timing: LoadTiming,
    revalidating: HttpCacheEntry | null,
    conditional: [string, string][],
  ): Promise<string | null> {
    const { netLog, config } = this.ctx;
    const port = url.port === '' ? (DEFAULT_PORTS[url.protocol] ?? 80) : Number(url.port);
    const host = url.hostname;

    timing.dnsStart = monotonicMicros();
    const dnsSpan = netLog.beginSpan(NET_SPANS.dns, this.requestId, { host, url: url.href });
    let addresses: string[];
    try {
      addresses = await this.ctx.hostResolver.resolve(host, this.requestId);
      netLog.endSpan(dnsSpan, 'ok', null, { addresses });
    } catch (error) {
      netLog.endSpan(dnsSpan, 'error', errorMessage(error));
      throw error;
    }
    timing.dnsEnd = monotonicMicros();
    if (this.cancelled) return null;

    const group = `${url.protocol}//${host}:${port}`;
    const pooled = await this.ctx.socketPool.acquire(
      group,
      addresses,
      port,
      this.requestId,
      url.protocol === 'https:' ? host : null,
    );
    this.pooled = pooled;
    if (this.cancelled) {
      this.ctx.socketPool.release(pooled, false);
      return null;
    }
    if (!pooled.reused) {
      timing.connectStart = pooled.connectStart;
      timing.connectEnd = pooled.connectEnd;
      timing.sslStart = pooled.sslStart;
      timing.sslEnd = pooled.sslEnd;
    }

    const cookie = this.ctx.cookies.cookieHeaderFor(url.href, {
      sameSiteContext: sameSiteContext(this.request, url.href),
    });
    if (cookie.header)
      netLog.record({
        type: 'cookie.sent',
        requestId: this.requestId,
        url: url.href,
        names: cookie.cookies.map((c) => c.name),
      });

    const path = `${url.pathname}${url.search}`;
    const hostHeader = url.port === '' ? host : `${host}:${url.port}`;
    const requestHeaders: [string, string][] = [
      ['Host', hostHeader],
      ['Connection', 'keep-alive'],
      ['User-Agent', config.userAgent],
      ['Accept', this.acceptFor(this.request.destination)],
      ['Accept-Encoding', 'gzip, deflate, br'],
      ['Accept-Language', config.acceptLanguage],
      ...this.request.headers
        .filter(([name]) => !/^(host|connection|content-length|transfer-encoding|cookie)$/i.test(name))
        .map(([n, v]): [string, string] => [n, v]),
      ...conditional,
    ];
    if (cookie.header) requestHeaders.push(['Cookie', cookie.header]);
    if (this.request.destination === 'document') requestHeaders.push(['Upgrade-Insecure-Requests', '1']);
    const raw = `${this.request.method} ${path} HTTP/1.1\r\n${requestHeaders.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n`;

    const sendSpan = netLog.beginSpan(NET_SPANS.send, this.requestId, {
      url: url.href,
      bytes: raw.length,
      connectionId: pooled.id,
      reused: pooled.reused,
    });
    timing.sendStart = monotonicMicros();
    this.requestWallTime = Date.now();
    netLog.record({
      type: 'http.request',
      requestId: this.requestId,
      url: url.href,
      raw,
      connectionId: pooled.id,
      reused: pooled.reused,
      remote: `${pooled.remoteAddress}:${pooled.remotePort}`,
    });
    await new Promise<void>((resolve, reject) =>
      pooled.socket.write(raw, 'latin1', (error) =>
        error ? reject(new NetError('ERR_CONNECTION_RESET', `writing the request: ${error.message}`)) : resolve(),
      ),
    );
    timing.sendEnd = monotonicMicros();
    netLog.endSpan(sendSpan);

    const hop: ResponseHop = { url, pooled, timing, requestHeaders, revalidating };
    return new ResponseReader(this, hop, netLog, config.timeouts).read();
  }

  // ── ResponseReaderLoader: what the response reader asks of the load ──────────────────

  onResponseHead(url: URL, headers: [string, string][]): void {
    this.responseWallTime = Date.now();
    // A response arrived: an HTTPS-Upgrades attempt no longer falls back.
    this.upgradeFallback = null;
    this.takeInHeaders(url, headers);
  }

  onRedirect(status: number, target: URL, head: ResponseHead): void {
    if (++this.redirectCount > MAX_REDIRECTS)
      throw new NetError('ERR_TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects, the last to ${target.href}`);
    const method = this.request.method;
    const newMethod = status === 303 || ((status === 301 || status === 302) && method === 'POST') ? 'GET' : method;
    this.ctx.endpoint.send(
      this.client,
      'URLLoaderClient.OnReceiveRedirect',
      { requestId: this.requestId, redirect: { status, newUrl: target.href, newMethod }, head },
      this.requestId,
    );
  }

  onResponseStarted(head: ResponseHead): void {
    this.orb.response(head);
  }

  onBodyData(offset: number, piece: Uint8Array): void {
    if (!this.cancelled) this.orb.data(offset, new Uint8Array(piece));
  }

  releaseSocket(hop: ResponseHop, reusable: boolean): void {
    this.ctx.socketPool.release(hop.pooled, reusable);
    this.pooled = null;
  }

  onNotModified(hop: ResponseHop, revalidating: HttpCacheEntry, head: ResponseHead): void {
    const updated = this.ctx.cache.updateFromNotModified(
      hop.url.href,
      head.headers.map(([n, v]): [string, string] => [n, v]),
      { requestTime: this.requestWallTime, responseTime: this.responseWallTime },
    );
    this.ctx.netLog.record({
      type: 'cache.lookup',
      requestId: this.requestId,
      url: hop.url.href,
      outcome: 'revalidated',
      reason: '304 Not Modified: the cached body is still good',
    });
    this.serveFromCache(updated ?? revalidating, hop.timing, head);
  }

  onResponseComplete(
    hop: ResponseHop,
    head: ResponseHead | null,
    cacheBody: Uint8Array[] | null,
    bytes: ResponseBytes,
  ): void {
    if (cacheBody && head) this.storeInCache(hop.url, hop.requestHeaders, head, cacheBody);
    this.complete(null, bytes);
  }

  private acceptFor(destination: URLRequest['destination']): string {
    switch (destination) {
      case 'document':
        return 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8';
      case 'style':
        return 'text/css,*/*;q=0.1';
      case 'image':
        return 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
      default:
        return '*/*';
    }
  }

  /** After the head: Strict-Transport-Security (https only) and Set-Cookie. */
  private takeInHeaders(url: URL, headers: [string, string][]): void {
    const { netLog } = this.ctx;
    const sts = headerValue(headers, 'strict-transport-security');
    if (sts !== null) {
      const learned = this.ctx.transportSecurity.learn(url.hostname, sts, { secure: url.protocol === 'https:' });
      if (learned.action === 'added' || learned.action === 'updated') {
        netLog.record({
          type: 'hsts.learned',
          host: learned.entry.host,
          header: sts,
          maxAge: Math.round(((learned.entry.expiry ?? Date.now()) - Date.now()) / 1000),
          includeSubdomains: learned.entry.includeSubdomains,
          removed: false,
        });
      } else if (learned.action === 'deleted') {
        netLog.record({
          type: 'hsts.learned',
          host: url.hostname,
          header: sts,
          maxAge: 0,
          includeSubdomains: false,
          removed: true,
        });
      }
    }
    const setCookies = headerValues(headers, 'set-cookie');
    if (setCookies.length > 0) {
      const results = this.ctx.cookies.setFromResponse(url.href, setCookies, {
        sameSiteContext: sameSiteContext(this.request, url.href),
      });
      netLog.record({
        type: 'cookie.stored',
        requestId: this.requestId,
        url: url.href,
        cookies: results.map((r) => ({
          header: r.header.slice(0, 300),
          stored: r.stored,
          reason: r.reason,
          name: r.cookie?.name ?? null,
        })),
      });
    }
  }

  private storeInCache(url: URL, requestHeaders: [string, string][], head: ResponseHead, chunks: Uint8Array[]): void {
    const body = concatBytes(chunks);
    const stored = this.ctx.cache.store(
      url.href,
      requestHeaders,
      {
        status: head.status,
        statusText: head.statusText,
        httpVersion: head.httpVersion,
        headers: head.headers.map(([n, v]): [string, string] => [n, v]),
      },
      body,
      { requestTime: this.requestWallTime, responseTime: this.responseWallTime },
    );
    this.ctx.netLog.record({
      type: 'cache.lookup',
      requestId: this.requestId,
      url: url.href,
      outcome: stored.stored ? 'stored' : 'not-stored',
      reason: stored.reason,
    });
  }

  /** Answers from the cache: the stored head and body, no socket. */
  private serveFromCache(entry: HttpCacheEntry, timing: LoadTiming, validation: ResponseHead | null = null): void {
    const { mimeType, charset } = parseContentType(headerValue(entry.head.headers, 'content-type'));
    const head: ResponseHead = {
      status: entry.head.status,
      statusText: entry.head.statusText,
      httpVersion: entry.head.httpVersion,
      headers: entry.head.headers,
      mimeType,
      charset,
      contentLength: entry.body.byteLength,
      remoteEndpoint: validation?.remoteEndpoint ?? null,
      connectionReused: validation?.connectionReused ?? false,
      connectionId: validation?.connectionId ?? 0,
      fromCache: true,
      timing,
    };
    this.orb.response(head);
    for (let start = 0; start < entry.body.byteLength; start += PIPE_CHUNK) {
      this.orb.data(start, new Uint8Array(entry.body.subarray(start, start + PIPE_CHUNK)));
    }
    this.complete(null, { wire: 0, encoded: 0, decoded: entry.body.byteLength });
  }

  /** Sends OnComplete: success with byte counts, or the net error that ended the load. */
  private complete(error: unknown, bytes = { wire: 0, encoded: 0, decoded: 0 }): void {
    if (this.finished && error !== null) return;
    this.finished = true;
    if (this.cancelled) return;
    let code: number = NET_ERRORS.OK;
    let detail = '';
    if (error !== null) {
      if (error instanceof NetError) {
        code = error.code;
        detail = error.detail;
      } else {
        code = NET_ERRORS.ERR_FAILED;
        detail = errorMessage(error);
        this.ctx.netLog.record({ type: 'error', where: `URLLoader ${this.requestId}`, message: detail });
      }
    }
    this.completion = { code, detail, bytes };
    this.orb.complete(code === NET_ERRORS.OK);
  }

  private sendComplete(blockedByOrb: boolean): void {
    const { code: ownCode, detail: ownDetail, bytes } = this.completion!;
    const code = blockedByOrb ? NET_ERRORS.ERR_BLOCKED_BY_ORB : ownCode;
    const detail = blockedByOrb
      ? 'Opaque Response Blocking kept this cross-origin response from the renderer'
      : ownDetail;
    this.ctx.endpoint.send(
      this.client,
      'URLLoaderClient.OnComplete',
      {
        requestId: this.requestId,
        status: {
          errorCode: code,
          errorName: code === 0 ? 'OK' : netErrorName(code),
          errorDetail: detail.slice(0, 2000),
          encodedDataLength: bytes.wire,
          encodedBodyLength: blockedByOrb ? 0 : bytes.encoded,
          decodedBodyLength: blockedByOrb ? 0 : bytes.decoded,
        },
      },
      this.requestId,
    );
  }
}
