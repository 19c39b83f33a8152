/**
 * An incremental HTTP/1.1 response parser (RFC 9112) for a network stack that writes
 * raw requests to raw sockets: feed it bytes as they arrive, in any split, and it
 * returns the response head (with its exact raw text), the de-chunked body bytes
 * (still content-encoded) and the end of the message.
 *
 * Choices worth knowing:
 * - Lines may end in CRLF or a bare LF (RFC 9112 §2.2 allows accepting LF); a bare
 *   CR inside a line is an error. The head is decoded as latin1, one char per byte.
 * - Header names must be tokens (no whitespace before the colon); a line starting
 *   with SP/HTAB (obs-fold) or without a colon is ERR_INVALID_HTTP_RESPONSE.
 * - Only HTTP/1.x status lines with a status from 100 to 599 are accepted. 1xx
 *   interim responses other than 101 are parsed and discarded; 101 (we never ask
 *   to upgrade) is ERR_INVALID_HTTP_RESPONSE.
 * - Transfer-Encoding wins over Content-Length (and then the connection is not
 *   reused); Transfer-Encoding on an HTTP/1.0 response, or one not ending in
 *   chunked, means read-until-close. Repeated identical Content-Length values
 *   are accepted, differing ones are ERR_INVALID_HTTP_RESPONSE.
 * - Chunk extensions and trailer fields are read and ignored.
 * - Bytes after the end of the response (e.g. a body on a 204) are discarded and
 *   make the connection not reusable (keepAlive becomes false).
 * - Closed in the middle of a head (or after a 1xx without a final response) →
 *   ERR_INVALID_HTTP_RESPONSE; closed before any byte → ERR_EMPTY_RESPONSE.
 * - After an error the parser is dead: push() and finish() throw the same error.
 * - Body chunks are copies, never views into the caller's buffers.
 */
import { NetError } from './netError.js';

export type Http1Event =
  | {
      type: 'head';
      httpVersion: string;
      status: number;
      statusText: string;
      statusLine: string;
      headers: [string, string][];
      rawHead: string;
      headBytes: number;
    }
  | { type: 'body'; chunk: Uint8Array }
  | { type: 'end' };

export interface Http1ResponseParserOptions {
  requestMethod: string;
  /** The largest response head (status line + fields + blank line) accepted, default 256 KiB. */
  maxHeaderBytes?: number;
}

type State = 'head' | 'length' | 'chunk-size' | 'chunk-data' | 'chunk-data-end' | 'trailers' | 'close' | 'done';

const LF = 0x0a;
const CR = 0x0d;
const HTTP_PREFIX = [0x48, 0x54, 0x54, 0x50, 0x2f]; // "HTTP/"
const TOKEN = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** A chunk-size line (size and extensions) longer than this is not a chunk-size line. */
const MAX_CHUNK_LINE = 4096;

function latin1(bytes: Uint8Array, start = 0, end = bytes.length): string {
  let out = '';
  for (let i = start; i < end; i += 8192) {
    out += String.fromCharCode(...bytes.subarray(i, Math.min(end, i + 8192)));
  }
  return out;
}

function trimOws(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** Comma-separated list elements of every field named `name`, lower-cased and trimmed. */
function listValues(headers: [string, string][], name: string): string[] {
  const out: string[] = [];
  for (const [n, v] of headers) {
    if (n.toLowerCase() !== name) continue;
    for (const part of v.split(',')) {
      const t = trimOws(part).toLowerCase();
      if (t !== '') out.push(t);
    }
  }
  return out;
}

export class Http1ResponseParser {
  private readonly requestMethod: string;
  private readonly maxHeaderBytes: number;
  private state: State = 'head';
  /** The head being received (grows by doubling) and how much of it is used. */
  private headBuffer = new Uint8Array(1024);
  private headLength = 0;
  /** Index in `head` where the current line starts. */
  private lineStart = 0;
  /** Bytes received in all. */
  private received = 0;
  /** Interim (1xx) responses skipped so far. */
  private interim = 0;
  /** Body bytes still expected (Content-Length) or in the current chunk. */
  private remaining = 0;
  /** The current chunk-size, chunk-end or trailer line (latin1). */
  private line = '';
  private trailerBytes = 0;
  private reusable = false;
  private failure: NetError | null = null;

  constructor(options: Http1ResponseParserOptions) {
    this.requestMethod = options.requestMethod.toUpperCase();
    this.maxHeaderBytes = options.maxHeaderBytes ?? 256 * 1024;
  }

  /** The response is complete. */
  get done(): boolean {
    return this.state === 'done';
  }

  /** The connection may carry another request once the response is done. */
  get keepAlive(): boolean {
    return this.reusable && this.failure === null;
  }

  push(chunk: Uint8Array): Http1Event[] {
    if (this.failure !== null) throw this.failure;
    const events: Http1Event[] = [];
    try {
      this.received += chunk.length;
      let offset = 0;
      while (offset < chunk.length) {
        switch (this.state) {
          case 'head':
            offset = this.consumeHead(chunk, offset, events);
            break;
          case 'length': {
            const take = Math.min(this.remaining, chunk.length - offset);
            events.push({ type: 'body', chunk: chunk.slice(offset, offset + take) });
            offset += take;
            this.remaining -= take;
            if (this.remaining === 0) this.complete(events);
            break;
          }
          case 'chunk-data': {
            const take = Math.min(this.remaining, chunk.length - offset);
            events.push({ type: 'body', chunk: chunk.slice(offset, offset + take) });
            offset += take;
            this.remaining -= take;
            if (this.remaining === 0) this.state = 'chunk-data-end';
            break;
          }
          case 'chunk-size':
          case 'chunk-data-end':
          case 'trailers':
            offset = this.consumeChunkLine(chunk, offset, events);
            break;
          case 'close':
            events.push({ type: 'body', chunk: chunk.slice(offset) });
            offset = chunk.length;
            break;
          case 'done':
            // Bytes after the response: not ours to interpret, and the connection cannot be reused.
            this.reusable = false;
            offset = chunk.length;
            break;
        }
      }
    } catch (error) {
      this.failure = error instanceof NetError ? error : new NetError('ERR_INVALID_HTTP_RESPONSE', String(error));
      throw this.failure;
    }
    return events;
  }

  finish(): Http1Event[] {
    if (this.failure !== null) throw this.failure;
    const events: Http1Event[] = [];
    switch (this.state) {
      case 'done':
        break;
      case 'close':
        this.complete(events);
        break;
      case 'head':
        if (this.received === 0)
          this.failure = new NetError('ERR_EMPTY_RESPONSE', 'the connection closed before any response byte');
        else if (this.headLength === 0)
          this.failure = new NetError(
            'ERR_INVALID_HTTP_RESPONSE',
            `the connection closed after ${this.interim} interim (1xx) response(s) without a final response`,
          );
        else
          this.failure = new NetError(
            'ERR_INVALID_HTTP_RESPONSE',
            `the connection closed in the middle of the response head (after ${this.headLength} bytes)`,
          );
        break;
      case 'length':
        this.failure = new NetError(
          'ERR_CONTENT_LENGTH_MISMATCH',
          `the connection closed with ${this.remaining} body bytes still expected`,
        );
        break;
      default:
        this.failure = new NetError('ERR_INCOMPLETE_CHUNKED_ENCODING', 'the connection closed before the last chunk');
        break;
    }
    if (this.failure !== null) throw this.failure;
    this.reusable = false;
    return events;
  }

  private complete(events: Http1Event[]): void {
    this.state = 'done';
    events.push({ type: 'end' });
  }

  private invalid(detail: string): NetError {
    return new NetError('ERR_INVALID_HTTP_RESPONSE', detail);
  }

  private consumeHead(chunk: Uint8Array, start: number, events: Http1Event[]): number {
    for (let i = start; i < chunk.length; i++) {
      const byte = chunk[i] as number;
      const position = this.headLength;
      if (position < HTTP_PREFIX.length && byte !== HTTP_PREFIX[position]) {
        throw this.invalid(
          `the response does not start with "HTTP/" (got ${JSON.stringify(latin1(this.headBuffer, 0, position) + String.fromCharCode(byte))})`,
        );
      }
      if (this.headLength === this.headBuffer.length) {
        const bigger = new Uint8Array(this.headBuffer.length * 2);
        bigger.set(this.headBuffer);
        this.headBuffer = bigger;
      }
      this.headBuffer[this.headLength++] = byte;
      if (this.headLength > this.maxHeaderBytes) {
        throw new NetError('ERR_RESPONSE_HEADERS_TOO_BIG', `the response head exceeds ${this.maxHeaderBytes} bytes`);
      }
      if (byte !== LF) continue;
      const lineLength = position - this.lineStart;
      const blank = lineLength === 0 || (lineLength === 1 && this.headBuffer[this.lineStart] === CR);
      this.lineStart = this.headLength;
      if (blank) {
        this.endOfHead(events);
        return i + 1;
      }
    }
    return chunk.length;
  }

  private endOfHead(events: Http1Event[]): void {
    const headBytes = this.headLength;
    const rawHead = latin1(this.headBuffer, 0, headBytes);
    this.headLength = 0;
    if (this.headBuffer.length > 64 * 1024) this.headBuffer = new Uint8Array(1024);
    this.lineStart = 0;

    const lines = rawHead.split('\n');
    lines.length -= 2; // the blank line and the empty string after its LF
    const clean = lines.map((l) => (l.endsWith('\r') ? l.slice(0, -1) : l));
    const statusLine = clean[0] ?? '';
    const status = /^HTTP\/(1\.[0-9]) ([0-9]{3})(?: (.*))?$/.exec(statusLine);
    if (status === null) throw this.invalid(`malformed status line ${JSON.stringify(statusLine)}`);
    const httpVersion = status[1] as string;
    const code = Number(status[2]);
    const statusText = status[3] ?? '';
    if (code < 100 || code > 599) throw this.invalid(`status code ${code} is out of range`);
    if (/[\r\0]/.test(statusText)) throw this.invalid('control character in the reason phrase');

    const headers: [string, string][] = [];
    for (const line of clean.slice(1)) {
      if (line.startsWith(' ') || line.startsWith('\t'))
        throw this.invalid('obsolete line folding (obs-fold) in the response head');
      const colon = line.indexOf(':');
      if (colon <= 0) throw this.invalid(`malformed header line ${JSON.stringify(line.slice(0, 80))}`);
      const name = line.slice(0, colon);
      const value = trimOws(line.slice(colon + 1));
      if (!TOKEN.test(name)) throw this.invalid(`invalid header name ${JSON.stringify(name.slice(0, 80))}`);
      if (/[\r\0]/.test(value)) throw this.invalid(`control character in header ${name}`);
      headers.push([name, value]);
    }

    if (code >= 100 && code < 200) {
      if (code === 101) throw this.invalid('unexpected 101 Switching Protocols (no upgrade was requested)');
      this.interim += 1;
      return; // interim response: discard, the final one follows
    }

    events.push({ type: 'head', httpVersion, status: code, statusText, statusLine, headers, rawHead, headBytes });
    this.frameBody(httpVersion, code, headers, events);
  }

  /** RFC 9112 §6.3: how the body ends. */
  private frameBody(httpVersion: string, status: number, headers: [string, string][], events: Http1Event[]): void {
    const connection = listValues(headers, 'connection');
    const persistent =
      httpVersion === '1.0'
        ? connection.includes('keep-alive') && !connection.includes('close')
        : !connection.includes('close');

    if (
      this.requestMethod === 'HEAD' ||
      status === 204 ||
      status === 304 ||
      (this.requestMethod === 'CONNECT' && status >= 200 && status < 300)
    ) {
      this.reusable = persistent;
      this.complete(events);
      return;
    }

    const hasTransferEncoding = headers.some(([n]) => n.toLowerCase() === 'transfer-encoding');
    const lengths = listValues(headers, 'content-length');
    if (hasTransferEncoding) {
      const codings = listValues(headers, 'transfer-encoding');
      const chunked = codings.filter((c) => c === 'chunked').length;
      if (httpVersion !== '1.0' && codings[codings.length - 1] === 'chunked') {
        if (chunked > 1) throw this.invalid('Transfer-Encoding applies chunked more than once');
        this.reusable = persistent && lengths.length === 0;
        this.state = 'chunk-size';
        this.line = '';
        return;
      }
      this.reusable = false;
      this.state = 'close';
      return;
    }

    if (lengths.length > 0) {
      const first = lengths[0] as string;
      if (lengths.some((l) => l !== first))
        throw this.invalid(`conflicting Content-Length values (${lengths.join(', ')})`);
      if (!/^[0-9]{1,15}$/.test(first)) throw this.invalid(`invalid Content-Length ${JSON.stringify(first)}`);
      this.remaining = Number(first);
      this.reusable = persistent;
      if (this.remaining === 0) this.complete(events);
      else this.state = 'length';
      return;
    }

    this.reusable = false;
    this.state = 'close';
  }

  /** Reads one line of chunked framing (size line, CRLF after data, trailer line). */
  private consumeChunkLine(chunk: Uint8Array, start: number, events: Http1Event[]): number {
    let i = start;
    while (i < chunk.length) {
      const byte = chunk[i++] as number;
      if (byte !== LF) {
        this.line += String.fromCharCode(byte);
        if (this.state === 'trailers') {
          this.trailerBytes += 1;
          if (this.trailerBytes > this.maxHeaderBytes)
            throw new NetError(
              'ERR_RESPONSE_HEADERS_TOO_BIG',
              `the chunked trailer section exceeds ${this.maxHeaderBytes} bytes`,
            );
        } else if (this.line.length > MAX_CHUNK_LINE) {
          throw new NetError('ERR_INVALID_CHUNKED_ENCODING', 'chunk-size line too long');
        }
        continue;
      }
      const line = this.line.endsWith('\r') ? this.line.slice(0, -1) : this.line;
      this.line = '';
      if (line.includes('\r')) throw new NetError('ERR_INVALID_CHUNKED_ENCODING', 'bare CR in chunked framing');
      this.onChunkLine(line, events);
      return i;
    }
    return i;
  }

  private onChunkLine(line: string, events: Http1Event[]): void {
    switch (this.state) {
      case 'chunk-size': {
        const match = /^([0-9A-Fa-f]+)[ \t]*(;.*)?$/.exec(line);
        if (match === null)
          throw new NetError(
            'ERR_INVALID_CHUNKED_ENCODING',
            `invalid chunk size line ${JSON.stringify(line.slice(0, 80))}`,
          );
        const digits = (match[1] as string).replace(/^0+(?=.)/, '');
        if (digits.length > 13)
          throw new NetError('ERR_INVALID_CHUNKED_ENCODING', `chunk size ${match[1]} is too large`);
        const size = parseInt(digits, 16);
        if (size === 0) {
          this.state = 'trailers';
          this.trailerBytes = 0;
        } else {
          this.remaining = size;
          this.state = 'chunk-data';
        }
        return;
      }
      case 'chunk-data-end':
        if (line !== '') throw new NetError('ERR_INVALID_CHUNKED_ENCODING', 'chunk data not followed by CRLF');
        this.state = 'chunk-size';
        return;
      case 'trailers':
        if (line === '') {
          this.complete(events);
          return;
        }
        if (line.startsWith(' ') || line.startsWith('\t') || line.indexOf(':') <= 0)
          throw this.invalid(`malformed trailer line ${JSON.stringify(line.slice(0, 80))}`);
        return;
      default:
        return;
    }
  }
}
