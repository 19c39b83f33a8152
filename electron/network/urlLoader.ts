/**
 * network::URLLoader: loads one URL for one client. Resolves the host, takes a socket
 * from the pool, writes the raw HTTP/1.1 request, parses the response, reports
 * redirects and the response head to the client, streams the body through a data
 * pipe and completes with a net error code. Every step is a span with DevTools' name.
 */
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { LoadTiming, ResponseHead, URLRequest } from '../../shared/ipc/messageCatalogue.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import { type Http1Event, Http1ResponseParser } from '../../shared/net/http1ResponseParser.js';
import { NET_ERRORS, NetError, netErrorName } from '../../shared/net/netError.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { NET_SPANS } from '../../shared/trace/phases.js';
import { DEFAULT_PORTS } from '../../shared/web/urlParts.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { ClientSocketPool, PooledSocket } from './clientSocketPool.js';
import type { HostResolver } from './hostResolver.js';
import type { NetLog } from './netLog.js';

/** net::URLRequest::kMaxRedirects */
export const MAX_REDIRECTS = 20;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const PIPE_CHUNK = 64 * 1024;
/** Decoded bodies larger than this are cut off (a decompression bomb must not take the thread down). */
const MAX_DECODED_BODY = 256 * 1024 * 1024;

export interface URLLoaderContext {
  endpoint: MessageEndpoint;
  netLog: NetLog;
  hostResolver: HostResolver;
  socketPool: ClientSocketPool;
  config: NetworkServiceConfig;
}

function emptyTiming(): LoadTiming {
  return { requestStart: -1, dnsStart: -1, dnsEnd: -1, connectStart: -1, connectEnd: -1, sslStart: -1, sslEnd: -1, sendStart: -1, sendEnd: -1, receiveHeadersStart: -1, receiveHeadersEnd: -1 };
}

function headerValue(headers: [string, string][], name: string): string | null {
  const lower = name.toLowerCase();
  return headers.find(([n]) => n.toLowerCase() === lower)?.[1] ?? null;
}

function parseContentType(value: string | null): { mimeType: string; charset: string } {
  if (!value) return { mimeType: '', charset: '' };
  const [essence = '', ...params] = value.split(';');
  const mimeType = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+\/[!#$%&'*+.^_`|~0-9A-Za-z-]+$/.test(essence.trim()) ? essence.trim().toLowerCase() : '';
  let charset = '';
  for (const param of params) {
    const [k, v] = param.split('=');
    if (k?.trim().toLowerCase() === 'charset' && v) charset = v.trim().replace(/^"|"$/g, '').toLowerCase();
  }
  return { mimeType, charset };
}

export class URLLoader {
  private url: URL;
  private redirectCount = 0;
  private cancelled = false;
  private pooled: PooledSocket | null = null;
  private resumeRedirect: (() => void) | null = null;
  private finished = false;

  constructor(
    private readonly ctx: URLLoaderContext,
    readonly requestId: string,
    readonly client: EndpointId,
    private readonly request: URLRequest,
  ) {
    this.url = new URL(request.url);
  }

  /** Runs the load; `onDone` is called once it has completed, failed or been cancelled. */
  start(onDone: () => void): void {
    this.run()
      .catch((error: unknown) => this.complete(error))
      .finally(onDone);
  }

  followRedirect(): void {
    const resume = this.resumeRedirect;
    this.resumeRedirect = null;
    resume?.();
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
      await new Promise<void>((resume) => (this.resumeRedirect = resume));
      if (this.cancelled) return;
      this.url = new URL(redirect);
    }
  }

  /** One request/response exchange. Returns the redirect target, or null when done. */
  private async fetchOnce(): Promise<string | null> {
    const { netLog, config } = this.ctx;
    const url = this.url;
    const timing = emptyTiming();
    timing.requestStart = monotonicMicros();
    if (url.protocol !== 'http:') {
      throw new NetError(url.protocol === 'https:' ? 'ERR_FAILED' : 'ERR_UNKNOWN_URL_SCHEME', url.protocol === 'https:' ? `${url.href}: HTTPS is not available in this build of NavScope yet` : `${url.protocol} cannot be loaded over the network`);
    }
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
    const pooled = await this.ctx.socketPool.acquire(group, addresses, port, this.requestId);
    this.pooled = pooled;
    if (this.cancelled) {
      this.ctx.socketPool.release(pooled, false);
      return null;
    }
    if (!pooled.reused) {
      timing.connectStart = pooled.connectStart;
      timing.connectEnd = pooled.connectEnd;
    }

    const path = `${url.pathname}${url.search}`;
    const hostHeader = url.port === '' ? host : `${host}:${url.port}`;
    const requestHeaders: [string, string][] = [
      ['Host', hostHeader],
      ['Connection', 'keep-alive'],
      ['User-Agent', config.userAgent],
      ['Accept', this.request.destination === 'document' ? 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' : this.acceptFor(this.request.destination)],
      ['Accept-Encoding', 'gzip, deflate, br'],
      ['Accept-Language', config.acceptLanguage],
      ...this.request.headers.filter(([name]) => !/^(host|connection|content-length|transfer-encoding)$/i.test(name)).map(([n, v]): [string, string] => [n, v]),
    ];
    if (this.request.destination === 'document') requestHeaders.push(['Upgrade-Insecure-Requests', '1']);
    const raw = `${this.request.method} ${path} HTTP/1.1\r\n${requestHeaders.map(([n, v]) => `${n}: ${v}`).join('\r\n')}\r\n\r\n`;

    const sendSpan = netLog.beginSpan(NET_SPANS.send, this.requestId, { url: url.href, bytes: raw.length, connectionId: pooled.id, reused: pooled.reused });
    timing.sendStart = monotonicMicros();
    netLog.record({ type: 'http.request', requestId: this.requestId, url: url.href, raw, connectionId: pooled.id, reused: pooled.reused, remote: `${pooled.remoteAddress}:${pooled.remotePort}` });
    await new Promise<void>((resolve, reject) => pooled.socket.write(raw, 'latin1', (error) => (error ? reject(new NetError('ERR_CONNECTION_RESET', `writing the request: ${error.message}`)) : resolve())));
    timing.sendEnd = monotonicMicros();
    netLog.endSpan(sendSpan);

    return this.readResponse(pooled, timing, url);
  }

  private acceptFor(destination: URLRequest['destination']): string {
    switch (destination) {
      case 'style':
        return 'text/css,*/*;q=0.1';
      case 'image':
        return 'image/avif,image/webp,image/apng,image/svg+xml,image/*,*/*;q=0.8';
      default:
        return '*/*';
    }
  }

  private readResponse(pooled: PooledSocket, timing: LoadTiming, url: URL): Promise<string | null> {
    const { netLog, endpoint, config } = this.ctx;
    const socket = pooled.socket;
    const parser = new Http1ResponseParser({ requestMethod: this.request.method });
    const waitSpan = netLog.beginSpan(NET_SPANS.wait, this.requestId, {});
    timing.receiveHeadersStart = timing.sendEnd;
    let downloadSpan: string | null = null;
    let head: ResponseHead | null = null;
    let redirectTo: string | null = null;
    let wireBytes = 0;
    let encodedBody = 0;
    let decodedBody = 0;
    let pipeOffset = 0;
    let decoder: Transform | null = null;

    return new Promise<string | null>((resolve, reject) => {
      let settled = false;
      const cleanup = (): void => {
        socket.removeListener('data', onData);
        socket.removeListener('end', onEnd);
        socket.removeListener('error', onError);
        socket.removeListener('timeout', onTimeout);
        socket.setTimeout(0);
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
        if (downloadSpan) netLog.endSpan(downloadSpan, 'ok', null, { encodedBodyBytes: encodedBody, decodedBodyBytes: decodedBody });
        if (redirectTo) {
          resolve(redirectTo);
          return;
        }
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
          if (!this.cancelled) endpoint.send(this.client, 'DataPipe.Write', { pipeId: this.requestId, offset: pipeOffset, chunk: new Uint8Array(piece) }, this.requestId);
          pipeOffset += piece.byteLength;
        }
      };
      const handle = (events: Http1Event[]): void => {
        for (const event of events) {
          if (settled) return;
          if (event.type === 'head') {
            timing.receiveHeadersEnd = monotonicMicros();
            netLog.endSpan(waitSpan, 'ok', null, { status: event.status });
            netLog.record({ type: 'http.response', requestId: this.requestId, statusLine: event.statusLine, rawHeaders: event.rawHead, headerBytes: event.headBytes });
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
              timing,
            };
            const location = headerValue(event.headers, 'location');
            if (REDIRECT_STATUSES.has(event.status) && location !== null) {
              let target: URL;
              try {
                target = new URL(location, url);
              } catch {
                fail(new NetError('ERR_INVALID_REDIRECT', `redirect to an invalid URL "${location.slice(0, 200)}"`));
                return;
              }
              if (++this.redirectCount > MAX_REDIRECTS) {
                fail(new NetError('ERR_TOO_MANY_REDIRECTS', `more than ${MAX_REDIRECTS} redirects, the last to ${target.href}`));
                return;
              }
              redirectTo = target.href;
              const newMethod = event.status === 303 || ((event.status === 301 || event.status === 302) && this.request.method === 'POST') ? 'GET' : this.request.method;
              endpoint.send(this.client, 'URLLoaderClient.OnReceiveRedirect', { requestId: this.requestId, redirect: { status: event.status, newUrl: target.href, newMethod }, head }, this.requestId);
            } else {
              endpoint.send(this.client, 'URLLoaderClient.OnReceiveResponse', { requestId: this.requestId, head, bodyPipe: this.requestId }, this.requestId);
              downloadSpan = netLog.beginSpan(NET_SPANS.download, this.requestId, { mimeType, contentLength: head.contentLength });
              decoder = this.decoderFor(headerValue(event.headers, 'content-encoding'));
              if (decoder) {
                decoder.on('data', (chunk: Uint8Array) => writeToPipe(chunk));
                decoder.on('error', (error: Error) => fail(new NetError('ERR_CONTENT_DECODING_FAILED', error.message)));
              }
            }
          } else if (event.type === 'body') {
            encodedBody += event.chunk.byteLength;
            if (redirectTo) continue; // a redirect's body is read and dropped
            if (decoder) decoder.write(event.chunk);
            else writeToPipe(event.chunk);
          } else {
            if (decoder) {
              const d = decoder;
              d.once('end', succeed);
              d.end();
            } else {
              succeed();
            }
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
          if (!settled && !parser.done) fail(new NetError('ERR_CONNECTION_CLOSED', 'the server closed the connection'));
        } catch (error) {
          fail(error);
        }
      };
      const onError = (error: NodeJS.ErrnoException): void => {
        fail(new NetError(error.code === 'ECONNRESET' ? 'ERR_CONNECTION_RESET' : 'ERR_CONNECTION_FAILED', `${pooled.remoteAddress}:${pooled.remotePort}: ${error.code ?? error.message}`));
      };
      const onTimeout = (): void => {
        fail(new NetError('ERR_TIMED_OUT', head ? `no body bytes for ${config.timeouts.bodyIdleMs} ms` : `no response head within ${config.timeouts.responseHeadMs} ms`));
      };
      socket.on('data', onData);
      socket.on('end', onEnd);
      socket.on('error', onError);
      socket.on('timeout', onTimeout);
      socket.setTimeout(config.timeouts.responseHeadMs);
    });
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
        detail = error.message;
      } else {
        code = NET_ERRORS.ERR_FAILED;
        detail = error instanceof Error ? error.message : String(error);
        this.ctx.netLog.record({ type: 'error', where: `URLLoader ${this.requestId}`, message: detail });
      }
    }
    this.ctx.endpoint.send(
      this.client,
      'URLLoaderClient.OnComplete',
      {
        requestId: this.requestId,
        status: { errorCode: code, errorName: code === 0 ? 'OK' : netErrorName(code), errorDetail: detail.slice(0, 2000), encodedDataLength: bytes.wire, encodedBodyLength: bytes.encoded, decodedBodyLength: bytes.decoded },
      },
      this.requestId,
    );
  }
}
