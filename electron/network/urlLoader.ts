/**
 * network::URLLoader: loads one URL for one client, in the order Chromium's network
 * stack does it, each step a span or an event in the trace:
 *   HSTS (an internal 307 before any DNS) → HTTPS-Upgrades for typed hosts (with a
 *   fallback to http) → the HTTP cache (fresh entries never touch the network; stale
 *   ones are revalidated) → DNS → a socket from the pool (TCP, TLS) → cookies → the raw
 *   HTTP/1.1 request → the response head (redirects reported to the client, which
 *   decides; Strict-Transport-Security and Set-Cookie taken in) → the body through a
 *   data pipe (decoded) → OnComplete with a net error code.
 */
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { LoadTiming, ResponseHead, URLRequest } from '../../shared/ipc/messageCatalogue.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { concatBytes } from '../../shared/base/bytes.js';
import { type Http1Event, Http1ResponseParser } from '../../shared/net/http1ResponseParser.js';
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
import type { TransportSecurityState } from './transportSecurityState.js';

/** net::URLRequest::kMaxRedirects */
export const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PIPE_CHUNK = 64 * 1024;
/** Decoded bodies larger than this are cut off (a decompression bomb must not take the thread down). */
const MAX_DECODED_BODY = 256 * 1024 * 1024;
/**
 * A decompression bomb: past BOMB_MIN_DECODED decoded bytes, a body inflating more
 * than MAX_INFLATION_RATIO times its encoded size is stopped (real pages compress
 * 3–20×; a body of zeros compresses about 1000×).
 */
const BOMB_MIN_DECODED = 4 * 1024 * 1024;
const MAX_INFLATION_RATIO = 100;
/** The HTTP cache keeps bodies up to this size. */
const MAX_CACHED_BODY = 8 * 1024 * 1024;
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

function emptyTiming(): LoadTiming {
  return {
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
  };
}

function headerValue(headers: readonly (readonly [string, string])[], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

function headerValues(headers: readonly (readonly [string, string])[], name: string): string[] {
  const lower = name.toLowerCase();
  return headers.filter(([n]) => n.toLowerCase() === lower).map(([, v]) => v);
}

export function parseContentType(value: string | null): { mimeType: string; charset: string } {
  if (!value) return { mimeType: '', charset: '' };
  const [essence = '', ...params] = value.split(';');
  const mimeType = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(essence.trim())
    ? essence.trim().toLowerCase()
    : '';
  let charset = '';
  for (const param of params) {
    const [k, v] = param.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { mimeType, charset };
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

export class URLLoader {
  private url: URL;
  private redirectCount = 0;
  private cancelled = false;
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
        const noSniff = head.headers.some(
          ([n, v]) => n.toLowerCase() === 'x-content-type-options' && v.trim().toLowerCase() === 'nosniff',
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
  private completion: {
    code: number;
    detail: string;
    bytes: { wire: number; encoded: number; decoded: number };
  } | null = null;

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
    this.cancelled = true;
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
    const timing = emptyTiming();
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
      netLog.endSpan(dnsSpan, 'error', error instanceof Error ? error.message : String(error));
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

    return this.readResponse(pooled, timing, url, revalidating, requestHeaders);
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

  private readResponse(
    pooled: PooledSocket,
    timing: LoadTiming,
    url: URL,
    revalidating: HttpCacheEntry | null,
    requestHeaders: [string, string][],
  ): Promise<string | null> {
    const { netLog, endpoint, config } = this.ctx;
    const socket = pooled.socket;
    const parser = new Http1ResponseParser({ requestMethod: this.request.method });
    const waitSpan = netLog.beginSpan(NET_SPANS.wait, this.requestId, {});
    timing.receiveHeadersStart = timing.sendEnd;
    let downloadSpan: string | null = null;
    let head: ResponseHead | null = null;
    let redirectTo: string | null = null;
    let notModified = false;
    let wireBytes = 0;
    let encodedBody = 0;
    let decodedBody = 0;
    /** The whole response is off the wire (only the decoder is still running). */
    let wireComplete = false;
    let pipeOffset = 0;
    let decoder: (Transform & { bytesWritten?: number }) | null = null;
    let cacheBody: Uint8Array[] | null = null;
    let cacheBytes = 0;

    return new Promise<string | null>((resolve, reject) => {
      let settled = false;
      const cleanup = (): void => {
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.removeListener('error', onError);
        socket.removeListener('timeout', onTimeout);
        socket.removeListener('close', onClose);
        socket.setTimeout(0);
        clearTimeout(headDeadline);
      };
      const fail = (error: unknown): void => {
        if (settled) return;
        settled = true;
        cleanup();
        decoder?.destroy();
        this.ctx.socketPool.release(pooled, false);
        this.pooled = null;
        const message = error instanceof Error ? error.message : String(error);
        if (downloadSpan) netLog.endSpan(downloadSpan, 'error', message);
        else netLog.endSpan(waitSpan, 'error', message);
        reject(error);
      };
      const succeed = (): void => {
        if (settled) return;
        settled = true;
        cleanup();
        this.ctx.socketPool.release(pooled, parser.keepAlive);
        this.pooled = null;
        if (downloadSpan)
          netLog.endSpan(downloadSpan, 'ok', null, { encodedBodyBytes: encodedBody, decodedBodyBytes: decodedBody });
        if (redirectTo) {
          resolve(redirectTo);
          return;
        }
        if (notModified && revalidating && head) {
          const updated = this.ctx.cache.updateFromNotModified(
            url.href,
            head.headers.map(([n, v]): [string, string] => [n, v]),
            { requestTime: this.requestWallTime, responseTime: this.responseWallTime },
          );
          netLog.record({
            type: 'cache.lookup',
            requestId: this.requestId,
            url: url.href,
            outcome: 'revalidated',
            reason: '304 Not Modified: the cached body is still good',
          });
          this.serveFromCache(updated ?? revalidating, timing, head);
          resolve(null);
          return;
        }
        if (cacheBody && head) this.storeInCache(url, requestHeaders, head, cacheBody);
        this.complete(null, { wire: wireBytes, encoded: encodedBody, decoded: decodedBody });
        resolve(null);
      };
      const writeToPipe = (chunk: Uint8Array): void => {
        for (let start = 0; start < chunk.byteLength; start += PIPE_CHUNK) {
          const piece = chunk.subarray(start, start + PIPE_CHUNK);
          decodedBody += piece.byteLength;
          if (decodedBody > MAX_DECODED_BODY) {
            fail(new NetError('ERR_FILE_TOO_BIG', `the decoded body exceeds ${MAX_DECODED_BODY} bytes`));
            return;
          }
          // zlib's bytesWritten: the encoded bytes the decoder has consumed so far (the wire may be far ahead).
          const consumed = decoder?.bytesWritten ?? encodedBody;
          if (decoder && decodedBody > BOMB_MIN_DECODED && decodedBody > MAX_INFLATION_RATIO * consumed) {
            fail(
              new NetError(
                'ERR_CONTENT_DECODING_FAILED',
                `decompression bomb: ${consumed} encoded bytes inflated to more than ${decodedBody} bytes (over ${MAX_INFLATION_RATIO}:1); the rest is not decoded`,
              ),
            );
            return;
          }
          if (cacheBody) {
            cacheBytes += piece.byteLength;
            if (cacheBytes > MAX_CACHED_BODY) cacheBody = null;
            else cacheBody.push(new Uint8Array(piece));
          }
          if (!this.cancelled) this.orb.data(pipeOffset, new Uint8Array(piece));
          pipeOffset += piece.byteLength;
        }
      };
      const handle = (events: Http1Event[]): void => {
        for (const event of events) {
          if (settled) return;
          if (event.type === 'head') {
            timing.receiveHeadersEnd = monotonicMicros();
            clearTimeout(headDeadline);
            this.responseWallTime = Date.now();
            netLog.endSpan(waitSpan, 'ok', null, { status: event.status });
            netLog.record({
              type: 'http.response',
              requestId: this.requestId,
              statusLine: event.statusLine,
              rawHeaders: event.rawHead,
              headerBytes: event.headBytes,
            });
            // A response arrived: an HTTPS-Upgrades attempt no longer falls back.
            this.upgradeFallback = null;
            this.takeInHeaders(url, event.headers);
            const { mimeType, charset } = parseContentType(headerValue(event.headers, 'content-type'));
            const contentLength = Number(headerValue(event.headers, 'content-length') ?? -1);
            head = {
              status: event.status,
              statusText: event.statusText,
              httpVersion: event.httpVersion,
              headers: event.headers,
              mimeType,
              charset,
              contentLength: Number.isInteger(contentLength) && contentLength >= 0 ? contentLength : -1,
              remoteEndpoint: { address: pooled.remoteAddress, port: pooled.remotePort },
              connectionReused: pooled.reused,
              connectionId: pooled.id,
              fromCache: false,
              timing,
            };
            const location = headerValue(event.headers, 'location');
            if (event.status === 304 && revalidating) {
              notModified = true;
            } else if (REDIRECT_STATUSES.has(event.status) && location !== null) {
              let target: URL;
              try {
                target = new URL(location, url);
              } catch {
                fail(new NetError('ERR_INVALID_REDIRECT', `redirect to an invalid URL "${location.slice(0, 200)}"`));
                return;
              }
              if (++this.redirectCount > MAX_REDIRECTS) {
                fail(
                  new NetError(
                    'ERR_TOO_MANY_REDIRECTS',
                    `more than ${MAX_REDIRECTS} redirects, the last to ${target.href}`,
                  ),
                );
                return;
              }
              redirectTo = target.href;
              const newMethod =
                event.status === 303 ||
                ((event.status === 301 || event.status === 302) && this.request.method === 'POST')
                  ? 'GET'
                  : this.request.method;
              endpoint.send(
                this.client,
                'URLLoaderClient.OnReceiveRedirect',
                { requestId: this.requestId, redirect: { status: event.status, newUrl: target.href, newMethod }, head },
                this.requestId,
              );
            } else {
              if (this.request.method === 'GET') cacheBody = [];
              this.orb.response(head);
              downloadSpan = netLog.beginSpan(NET_SPANS.download, this.requestId, {
                mimeType,
                contentLength: head.contentLength,
              });
              socket.setTimeout(config.timeouts.bodyIdleMs);
              decoder = this.decoderFor(headerValue(event.headers, 'content-encoding'));
              if (decoder) {
                decoder.on('data', (chunk: Uint8Array) => writeToPipe(chunk));
                decoder.on('error', (error: Error) => fail(new NetError('ERR_CONTENT_DECODING_FAILED', error.message)));
              }
            }
          } else if (event.type === 'body') {
            encodedBody += event.chunk.byteLength;
            if (redirectTo || notModified) continue; // a redirect's body is read and dropped
            if (decoder) decoder.write(event.chunk);
            else writeToPipe(event.chunk);
          } else if (decoder) {
            // Every wire byte is in; the decoder may still be working when the server closes.
            wireComplete = true;
            decoder.once('end', succeed);
            decoder.end();
          } else {
            succeed();
          }
        }
      };
      const onData = (data: Uint8Array): void => {
        wireBytes += data.byteLength;
        try {
          handle(parser.push(data));
        } catch (error) {
          fail(error);
        }
      };
      const onEnd = (): void => {
        try {
          handle(parser.finish());
          if (!settled && !parser.done && !wireComplete)
            fail(new NetError('ERR_CONNECTION_CLOSED', 'the server closed the connection'));
        } catch (error) {
          fail(error);
        }
      };
      const onError = (error: NodeJS.ErrnoException): void => {
        fail(
          new NetError(
            error.code === 'ECONNRESET' ? 'ERR_CONNECTION_RESET' : 'ERR_CONNECTION_FAILED',
            `${pooled.remoteAddress}:${pooled.remotePort}: ${error.code ?? error.message}`,
          ),
        );
      };
      // Destroyed from our side (a cancel) or closed without 'end': never leave the slot held.
      const onClose = (): void => {
        if (!settled && (this.cancelled || !wireComplete))
          fail(
            new NetError(
              this.cancelled ? 'ERR_ABORTED' : 'ERR_CONNECTION_CLOSED',
              this.cancelled ? 'the load was cancelled' : 'the connection closed',
            ),
          );
      };
      // The body: an idle timeout (any byte restarts it). The head: a deadline from
      // the request, so a server sending one byte a second cannot hold the load forever.
      const onTimeout = (): void => {
        fail(
          new NetError(
            'ERR_TIMED_OUT',
            head
              ? `no body bytes for ${config.timeouts.bodyIdleMs} ms`
              : `no complete response head within ${config.timeouts.responseHeadMs} ms`,
          ),
        );
      };
      // Cleared when the head arrives (and in cleanup).
      const headDeadline = setTimeout(onTimeout, config.timeouts.responseHeadMs);
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.on('error', onError);
      socket.on('timeout', onTimeout);
      socket.on('close', onClose);
    });
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

  private decoderFor(encoding: string | null): Transform | null {
    switch ((encoding ?? '').trim().toLowerCase()) {
      case 'gzip':
      case 'x-gzip':
        return createGunzip();
      case 'deflate':
        return createInflate();
      case 'br':
        return createBrotliDecompress();
      default:
        return null;
    }
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
        detail = error instanceof Error ? error.message : String(error);
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
