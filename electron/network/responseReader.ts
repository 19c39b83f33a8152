/**
 * Reads one response off a pooled connection for a URLLoader: the head (within its
 * deadline), then the body — decoded, held to the size and inflation limits, kept for
 * the HTTP cache and written on to the client — until the response ends, fails or
 * times out; then the connection goes back to the pool (or is closed). Chromium splits
 * this between HttpStreamParser (the head and the body off the connection, the
 * connection's reuse) and URLLoader's body reading (ReadMore / DidRead into the data
 * pipe). The body of a redirect or of a 304 is read and dropped.
 *
 * What concerns the whole load rather than this one response — the redirect count, the
 * client's messages, ORB, the HTTP cache, the socket's owner — is the loader's
 * (ResponseReaderLoader).
 */
import type { Transform } from 'node:stream';
import { createBrotliDecompress, createGunzip, createInflate } from 'node:zlib';
import type { ResponseHead } from '../../shared/ipc/messageCatalogue.js';
import type { LoadTiming } from '../../shared/net/loadTiming.js';
import { type Http1Event, Http1ResponseParser } from '../../shared/net/http1ResponseParser.js';
import { headerValue, parseContentType } from '../../shared/net/httpHeaders.js';
import { NetError } from '../../shared/net/netError.js';
import type { NetworkServiceConfig } from '../../shared/net/networkServiceConfig.js';
import { errorMessage } from '../../shared/base/errors.js';
import { NET_SPANS } from '../../shared/trace/phases.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import type { PooledSocket } from './clientSocketPool.js';
import type { HttpCacheEntry } from './httpCache.js';
import type { NetLog } from './netLog.js';

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
/** The data pipe carries the body in pieces of at most this many bytes. */
export const PIPE_CHUNK = 64 * 1024;
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

/** The bytes of a response: on the wire, of the body as sent (content-encoded), of the body decoded. */
export interface ResponseBytes {
  wire: number;
  encoded: number;
  decoded: number;
}

/** One hop of a load whose request has been written to the connection. */
export interface ResponseHop {
  url: URL;
  pooled: PooledSocket;
  timing: LoadTiming;
  /** The request's header fields (what the HTTP cache keys Vary on). */
  requestHeaders: [string, string][];
  /** The stale cache entry this request revalidates, or null. */
  revalidating: HttpCacheEntry | null;
}

/** What a ResponseReader needs from its URLLoader. Every call is synchronous, in the order of the response. */
export interface ResponseReaderLoader {
  readonly requestId: string;
  readonly requestMethod: string;
  readonly cancelled: boolean;
  /** The head arrived (before anything is decided on it): Strict-Transport-Security, cookies, the time. */
  onResponseHead(url: URL, headers: [string, string][]): void;
  /** A redirect to `target`: counted and sent to the client; throws a NetError past the limit. */
  onRedirect(status: number, target: URL, head: ResponseHead): void;
  /** The head of a response whose body follows goes to the client. */
  onResponseStarted(head: ResponseHead): void;
  /** Decoded body bytes at `offset` go to the client. */
  onBodyData(offset: number, piece: Uint8Array): void;
  /** The hop's connection is done with: back to the pool when `reusable`, else closed. */
  releaseSocket(hop: ResponseHop, reusable: boolean): void;
  /** A 304 to a revalidation: the cached response is served. */
  onNotModified(hop: ResponseHop, revalidating: HttpCacheEntry, head: ResponseHead): void;
  /** The whole response was read; `cacheBody` is its decoded body when the HTTP cache may keep it. */
  onResponseComplete(
    hop: ResponseHop,
    head: ResponseHead | null,
    cacheBody: Uint8Array[] | null,
    bytes: ResponseBytes,
  ): void;
}

/** The decoder for a Content-Encoding (Chromium's SourceStream types), or null for none or an unknown one. */
function decoderFor(encoding: string | null): Transform | null {
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

export class ResponseReader {
  private readonly socket: PooledSocket['socket'];
  private readonly parser: Http1ResponseParser;
  private readonly waitSpan: string;
  private downloadSpan: string | null = null;
  private head: ResponseHead | null = null;
  /** Set when the response is a redirect the client was told of: its body is read and dropped. */
  private redirectTo: string | null = null;
  /** A 304 to a revalidation: its body (if any) is read and dropped. */
  private notModified = false;
  private wireBytes = 0;
  private encodedBody = 0;
  private decodedBody = 0;
  /** The whole response is off the wire (only the decoder is still running). */
  private wireComplete = false;
  private pipeOffset = 0;
  private decoder: (Transform & { bytesWritten?: number }) | null = null;
  /** The decoded body as the HTTP cache would keep it; null when it may not (not a GET, too large). */
  private cacheBody: Uint8Array[] | null = null;
  private cacheBytes = 0;
  private settled = false;
  private headDeadline: ReturnType<typeof setTimeout> | null = null;
  private resolve: (redirectTo: string | null) => void = () => {};
  private reject: (error: unknown) => void = () => {};

  constructor(
    private readonly loader: ResponseReaderLoader,
    private readonly hop: ResponseHop,
    private readonly netLog: NetLog,
    private readonly timeouts: NetworkServiceConfig['timeouts'],
  ) {
    this.socket = hop.pooled.socket;
    this.parser = new Http1ResponseParser({ requestMethod: loader.requestMethod });
    this.waitSpan = netLog.beginSpan(NET_SPANS.wait, loader.requestId, {});
    hop.timing.receiveHeadersStart = hop.timing.sendEnd;
  }

  /** Reads the response. Resolves with the URL to redirect to (after the client agrees), or null when done. */
  read(): Promise<string | null> {
    return new Promise<string | null>((resolve, reject) => {
      this.resolve = resolve;
      this.reject = reject;
      // Cleared when the head arrives (and in cleanup).
      this.headDeadline = setTimeout(this.onTimeout, this.timeouts.responseHeadMs);
      this.socket.on('data', this.onData);
      this.socket.on('end', this.onEnd);
      this.socket.on('error', this.onError);
      this.socket.on('timeout', this.onTimeout);
      this.socket.on('close', this.onClose);
    });
  }

  private readonly onData = (data: Uint8Array): void => {
    this.wireBytes += data.byteLength;
    try {
      this.handle(this.parser.push(data));
    } catch (error) {
      this.fail(error);
    }
  };

  private readonly onEnd = (): void => {
    try {
      this.handle(this.parser.finish());
      if (!this.settled && !this.parser.done && !this.wireComplete)
        this.fail(new NetError('ERR_CONNECTION_CLOSED', 'the server closed the connection'));
    } catch (error) {
      this.fail(error);
    }
  };

  private readonly onError = (error: NodeJS.ErrnoException): void => {
    const { pooled } = this.hop;
    this.fail(
      new NetError(
        error.code === 'ECONNRESET' ? 'ERR_CONNECTION_RESET' : 'ERR_CONNECTION_FAILED',
        `${pooled.remoteAddress}:${pooled.remotePort}: ${error.code ?? error.message}`,
      ),
    );
  };

  /** Destroyed from our side (a cancel) or closed without 'end': never leave the slot held. */
  private readonly onClose = (): void => {
    const cancelled = this.loader.cancelled;
    if (!this.settled && (cancelled || !this.wireComplete))
      this.fail(
        new NetError(
          cancelled ? 'ERR_ABORTED' : 'ERR_CONNECTION_CLOSED',
          cancelled ? 'the load was cancelled' : 'the connection closed',
        ),
      );
  };

  /**
   * The body: an idle timeout (any byte restarts it). The head: a deadline from the
   * request, so a server sending one byte a second cannot hold the load forever.
   */
  private readonly onTimeout = (): void => {
    this.fail(
      new NetError(
        'ERR_TIMED_OUT',
        this.head
          ? `no body bytes for ${this.timeouts.bodyIdleMs} ms`
          : `no complete response head within ${this.timeouts.responseHeadMs} ms`,
      ),
    );
  };

  private handle(events: Http1Event[]): void {
    for (const event of events) {
      if (this.settled) return;
      if (event.type === 'head') {
        this.takeHead(event);
      } else if (event.type === 'body') {
        this.encodedBody += event.chunk.byteLength;
        if (this.redirectTo || this.notModified) continue; // a redirect's body is read and dropped
        if (this.decoder) this.decoder.write(event.chunk);
        else this.writeBody(event.chunk);
      } else if (this.decoder) {
        // Every wire byte is in; the decoder may still be working when the server closes.
        this.wireComplete = true;
        this.decoder.once('end', this.succeed);
        this.decoder.end();
      } else {
        this.succeed();
      }
    }
  }

  /** The head: recorded, then a 304 to a revalidation, a redirect, or a response whose body follows. */
  private takeHead(event: Extract<Http1Event, { type: 'head' }>): void {
    const { netLog, loader, hop } = this;
    const { url, pooled, timing } = hop;
    timing.receiveHeadersEnd = monotonicMicros();
    this.clearHeadDeadline();
    netLog.endSpan(this.waitSpan, 'ok', null, { status: event.status });
    netLog.record({
      type: 'http.response',
      requestId: loader.requestId,
      statusLine: event.statusLine,
      rawHeaders: event.rawHead,
      headerBytes: event.headBytes,
    });
    loader.onResponseHead(url, event.headers);
    const { mimeType, charset } = parseContentType(headerValue(event.headers, 'content-type'));
    const contentLength = Number(headerValue(event.headers, 'content-length') ?? -1);
    const head: ResponseHead = {
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
    this.head = head;
    const location = headerValue(event.headers, 'location');
    if (event.status === 304 && hop.revalidating) {
      this.notModified = true;
    } else if (REDIRECT_STATUSES.has(event.status) && location !== null) {
      let target: URL;
      try {
        target = new URL(location, url);
      } catch {
        this.fail(new NetError('ERR_INVALID_REDIRECT', `redirect to an invalid URL "${location.slice(0, 200)}"`));
        return;
      }
      try {
        loader.onRedirect(event.status, target, head);
      } catch (error) {
        this.fail(error);
        return;
      }
      this.redirectTo = target.href;
    } else {
      if (loader.requestMethod === 'GET') this.cacheBody = [];
      loader.onResponseStarted(head);
      this.downloadSpan = netLog.beginSpan(NET_SPANS.download, loader.requestId, {
        mimeType,
        contentLength: head.contentLength,
      });
      this.socket.setTimeout(this.timeouts.bodyIdleMs);
      const decoder = decoderFor(headerValue(event.headers, 'content-encoding'));
      this.decoder = decoder;
      if (decoder) {
        decoder.on('data', (chunk: Uint8Array) => this.writeBody(chunk));
        decoder.on('error', (error: Error) => this.fail(new NetError('ERR_CONTENT_DECODING_FAILED', error.message)));
      }
    }
  }

  /** Decoded body bytes: checked against the limits, kept for the cache, written to the data pipe. */
  private writeBody(chunk: Uint8Array): void {
    for (let start = 0; start < chunk.byteLength; start += PIPE_CHUNK) {
      const piece = chunk.subarray(start, start + PIPE_CHUNK);
      this.decodedBody += piece.byteLength;
      const decodedBody = this.decodedBody;
      if (decodedBody > MAX_DECODED_BODY) {
        this.fail(new NetError('ERR_FILE_TOO_BIG', `the decoded body exceeds ${MAX_DECODED_BODY} bytes`));
        return;
      }
      // zlib's bytesWritten: the encoded bytes the decoder has consumed so far (the wire may be far ahead).
      const consumed = this.decoder?.bytesWritten ?? this.encodedBody;
      if (this.decoder && decodedBody > BOMB_MIN_DECODED && decodedBody > MAX_INFLATION_RATIO * consumed) {
        this.fail(
          new NetError(
            'ERR_CONTENT_DECODING_FAILED',
            `decompression bomb: ${consumed} encoded bytes inflated to more than ${decodedBody} bytes (over ${MAX_INFLATION_RATIO}:1); the rest is not decoded`,
          ),
        );
        return;
      }
      if (this.cacheBody) {
        this.cacheBytes += piece.byteLength;
        if (this.cacheBytes > MAX_CACHED_BODY) this.cacheBody = null;
        else this.cacheBody.push(new Uint8Array(piece));
      }
      this.loader.onBodyData(this.pipeOffset, piece);
      this.pipeOffset += piece.byteLength;
    }
  }

  private clearHeadDeadline(): void {
    if (this.headDeadline !== null) clearTimeout(this.headDeadline);
    this.headDeadline = null;
  }

  private cleanup(): void {
    const socket = this.socket;
    socket.removeListener('data', this.onData);
    socket.removeListener('end', this.onEnd);
    socket.removeListener('error', this.onError);
    socket.removeListener('timeout', this.onTimeout);
    socket.removeListener('close', this.onClose);
    socket.setTimeout(0);
    this.clearHeadDeadline();
  }

  private fail(error: unknown): void {
    if (this.settled) return;
    this.settled = true;
    this.cleanup();
    this.decoder?.destroy();
    this.loader.releaseSocket(this.hop, false);
    const message = errorMessage(error);
    if (this.downloadSpan) this.netLog.endSpan(this.downloadSpan, 'error', message);
    else this.netLog.endSpan(this.waitSpan, 'error', message);
    this.reject(error);
  }

  private readonly succeed = (): void => {
    if (this.settled) return;
    this.settled = true;
    this.cleanup();
    this.loader.releaseSocket(this.hop, this.parser.keepAlive);
    const bytes: ResponseBytes = { wire: this.wireBytes, encoded: this.encodedBody, decoded: this.decodedBody };
    if (this.downloadSpan)
      this.netLog.endSpan(this.downloadSpan, 'ok', null, {
        encodedBodyBytes: bytes.encoded,
        decodedBodyBytes: bytes.decoded,
      });
    if (this.redirectTo) {
      this.resolve(this.redirectTo);
      return;
    }
    const revalidating = this.hop.revalidating;
    if (this.notModified && revalidating && this.head) {
      this.loader.onNotModified(this.hop, revalidating, this.head);
      this.resolve(null);
      return;
    }
    this.loader.onResponseComplete(this.hop, this.head, this.cacheBody, bytes);
    this.resolve(null);
  };
}
