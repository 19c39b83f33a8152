import { describe, expect, it } from 'vitest';
import { Http1ResponseParser } from '../../../shared/net/http1ResponseParser.js';
import type { Http1Event } from '../../../shared/net/http1ResponseParser.js';
import { NetError } from '../../../shared/net/netError.js';

const encoder = new TextEncoder();

function bytes(text: string): Uint8Array {
  // latin1: one byte per char, so tests can also write raw non-ASCII header bytes.
  return Uint8Array.from(text, (c) => c.charCodeAt(0));
}

function text(chunk: Uint8Array): string {
  return new TextDecoder().decode(chunk);
}

interface Parsed {
  head: Extract<Http1Event, { type: 'head' }> | null;
  body: string;
  ended: boolean;
  heads: number;
  done: boolean;
  keepAlive: boolean;
}

/** Feeds `input` split at `splits` (offsets), then optionally closes. */
function parse(
  input: Uint8Array | string,
  opts: { method?: string; close?: boolean; splits?: number[]; maxHeaderBytes?: number } = {},
): Parsed {
  const data = typeof input === 'string' ? bytes(input) : input;
  const parser = new Http1ResponseParser({
    requestMethod: opts.method ?? 'GET',
    ...(opts.maxHeaderBytes === undefined ? {} : { maxHeaderBytes: opts.maxHeaderBytes }),
  });
  const events: Http1Event[] = [];
  const cuts = [0, ...(opts.splits ?? []), data.length];
  for (let i = 0; i + 1 < cuts.length; i++) events.push(...parser.push(data.slice(cuts[i], cuts[i + 1])));
  if (opts.close) events.push(...parser.finish());
  const bodyParts = events
    .filter((e): e is Extract<Http1Event, { type: 'body' }> => e.type === 'body')
    .map((e) => e.chunk);
  const total = new Uint8Array(bodyParts.reduce((n, c) => n + c.length, 0));
  let offset = 0;
  for (const part of bodyParts) {
    total.set(part, offset);
    offset += part.length;
  }
  const heads = events.filter((e): e is Extract<Http1Event, { type: 'head' }> => e.type === 'head');
  const ends = events.filter((e) => e.type === 'end').length;
  expect(ends).toBeLessThanOrEqual(1);
  if (ends === 1) expect(events[events.length - 1]?.type).toBe('end');
  return {
    head: heads[0] ?? null,
    heads: heads.length,
    body: text(total),
    ended: ends === 1,
    done: parser.done,
    keepAlive: parser.keepAlive,
  };
}

function parseError(input: string, opts: { method?: string; close?: boolean; maxHeaderBytes?: number } = {}): NetError {
  try {
    parse(input, opts);
  } catch (error) {
    expect(error).toBeInstanceOf(NetError);
    return error as NetError;
  }
  throw new Error('expected a NetError');
}

/** A deterministic pseudo-random generator (mulberry32) for the random splits. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

describe('Http1ResponseParser', () => {
  it('parses a Content-Length response and keeps the raw head', () => {
    const head =
      'HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\nContent-Length: 11\r\nX-Empty:\r\nX-Spaces:   padded value \t\r\n\r\n';
    const r = parse(`${head}hello world`);
    expect(r.head).toEqual({
      type: 'head',
      httpVersion: '1.1',
      status: 200,
      statusText: 'OK',
      statusLine: 'HTTP/1.1 200 OK',
      headers: [
        ['Content-Type', 'text/html; charset=utf-8'],
        ['Content-Length', '11'],
        ['X-Empty', ''],
        ['X-Spaces', 'padded value'],
      ],
      rawHead: head,
      headBytes: head.length,
    });
    expect(r.body).toBe('hello world');
    expect(r.ended).toBe(true);
    expect(r.done).toBe(true);
    expect(r.keepAlive).toBe(true);
  });

  it('decodes header bytes as latin1 and counts bytes, not UTF-16 units', () => {
    const head = 'HTTP/1.1 200 \xc3\xa9t\xe9\r\nX-Latin: caf\xe9 \x80\xff\r\nContent-Length: 0\r\n\r\n';
    const r = parse(head);
    expect(r.head?.statusText).toBe('\xc3\xa9t\xe9');
    expect(r.head?.headers).toEqual([
      ['X-Latin', 'caf\xe9 \x80\xff'],
      ['Content-Length', '0'],
    ]);
    expect(r.head?.rawHead).toBe(head);
    expect(r.head?.headBytes).toBe(head.length);
    expect(r.ended).toBe(true);
  });

  it('accepts bare LF line endings and an empty reason phrase', () => {
    const r = parse('HTTP/1.1 404\nContent-Length: 2\n\nno');
    expect(r.head?.status).toBe(404);
    expect(r.head?.statusText).toBe('');
    expect(r.head?.statusLine).toBe('HTTP/1.1 404');
    expect(r.head?.rawHead).toBe('HTTP/1.1 404\nContent-Length: 2\n\n');
    expect(r.body).toBe('no');
  });

  it('de-chunks with chunk extensions and trailers', () => {
    const input =
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n' +
      '5;name=value;quoted="a;b"\r\nhello\r\n' +
      '1 ; ext\r\n \r\n' +
      '0005\r\nworld\r\n' +
      'A\r\n0123456789\r\n' +
      '0;last\r\nExpires: never\r\nX-Trailer: 1\r\n\r\n';
    const r = parse(input);
    expect(r.body).toBe('hello world0123456789');
    expect(r.ended).toBe(true);
    expect(r.keepAlive).toBe(true);
  });

  it('handles a chunked body with no trailers and lower/upper-case hex', () => {
    const r = parse(
      'HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip, Chunked\r\n\r\nf\r\n0123456789abcde\r\nF\r\n0123456789ABCDE\r\n0\r\n\r\n',
    );
    expect(r.body).toBe('0123456789abcde0123456789ABCDE');
    expect(r.ended).toBe(true);
  });

  it('reads a close-delimited body until finish()', () => {
    const parser = new Http1ResponseParser({ requestMethod: 'GET' });
    const events = parser.push(bytes('HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nabc'));
    expect(events.map((e) => e.type)).toEqual(['head', 'body']);
    expect(parser.push(bytes('def')).map((e) => e.type)).toEqual(['body']);
    expect(parser.done).toBe(false);
    expect(parser.finish()).toEqual([{ type: 'end' }]);
    expect(parser.done).toBe(true);
    expect(parser.keepAlive).toBe(false);
    expect(parser.finish()).toEqual([]);
  });

  it('treats Transfer-Encoding not ending in chunked, and on HTTP/1.0, as close-delimited', () => {
    const r = parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: gzip\r\n\r\nraw', { close: true });
    expect(r.body).toBe('raw');
    expect(r.keepAlive).toBe(false);
    const r10 = parse('HTTP/1.0 200 OK\r\nTransfer-Encoding: chunked\r\nConnection: keep-alive\r\n\r\n3\r\nabc', {
      close: true,
    });
    expect(r10.body).toBe('3\r\nabc');
    expect(r10.keepAlive).toBe(false);
  });

  it('lets Transfer-Encoding override Content-Length, without reuse', () => {
    const r = parse('HTTP/1.1 200 OK\r\nContent-Length: 100\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nok\r\n0\r\n\r\n');
    expect(r.body).toBe('ok');
    expect(r.ended).toBe(true);
    expect(r.keepAlive).toBe(false);
  });

  it('has no body for HEAD, 204 and 304', () => {
    const head = parse('HTTP/1.1 200 OK\r\nContent-Length: 1234\r\n\r\n', { method: 'head' });
    expect(head.ended).toBe(true);
    expect(head.body).toBe('');
    expect(head.keepAlive).toBe(true);
    const chunkedHead = parse('HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n', { method: 'HEAD' });
    expect(chunkedHead.ended).toBe(true);
    const noContent = parse('HTTP/1.1 204 No Content\r\nContent-Length: 5\r\n\r\n');
    expect(noContent.head?.status).toBe(204);
    expect(noContent.ended).toBe(true);
    expect(noContent.keepAlive).toBe(true);
    const notModified = parse('HTTP/1.1 304 Not Modified\r\nTransfer-Encoding: chunked\r\nETag: "x"\r\n\r\n');
    expect(notModified.ended).toBe(true);
    expect(notModified.body).toBe('');
  });

  it('discards bytes after a complete response and refuses reuse', () => {
    const r = parse('HTTP/1.1 204 No Content\r\n\r\nstray body');
    expect(r.ended).toBe(true);
    expect(r.body).toBe('');
    expect(r.keepAlive).toBe(false);
  });

  it('skips 100 Continue and 103 Early Hints before the final response', () => {
    const final = 'HTTP/1.1 200 OK\r\nContent-Length: 2\r\n\r\n';
    const r = parse(
      `HTTP/1.1 100 Continue\r\n\r\nHTTP/1.1 103 Early Hints\r\nLink: </style.css>; rel=preload\r\n\r\n${final}hi`,
    );
    expect(r.heads).toBe(1);
    expect(r.head?.status).toBe(200);
    expect(r.head?.rawHead).toBe(final);
    expect(r.head?.headBytes).toBe(final.length);
    expect(r.body).toBe('hi');
  });

  it('computes keepAlive from version, Connection and framing', () => {
    expect(parse('HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
    expect(parse('HTTP/1.1 200 OK\r\nConnection: Close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parse('HTTP/1.1 200 OK\r\nConnection: upgrade, close\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(false);
    expect(parse('HTTP/1.0 200 OK\r\nConnection: Keep-Alive\r\nContent-Length: 0\r\n\r\n').keepAlive).toBe(true);
    expect(parse('HTTP/1.1 200 OK\r\n\r\nbody', { close: true }).keepAlive).toBe(false);
    // Before the head nothing is known.
    expect(new Http1ResponseParser({ requestMethod: 'GET' }).keepAlive).toBe(false);
  });

  it('accepts repeated identical Content-Length values', () => {
    const r = parse('HTTP/1.1 200 OK\r\nContent-Length: 3, 3\r\nContent-Length: 3\r\n\r\nabc');
    expect(r.body).toBe('abc');
    expect(r.ended).toBe(true);
  });

  describe('errors', () => {
    it.each([
      ['garbage status line', '<html>hello</html>\r\n\r\n'],
      ['HTTP/2 status line', 'HTTP/2 200 OK\r\n\r\n'],
      ['non-numeric status', 'HTTP/1.1 2OO OK\r\n\r\n'],
      ['status out of range', 'HTTP/1.1 999 Odd\r\n\r\n'],
      ['obs-fold', 'HTTP/1.1 200 OK\r\nX-A: one\r\n  two\r\nContent-Length: 0\r\n\r\n'],
      ['header without colon', 'HTTP/1.1 200 OK\r\nNoColonHere\r\n\r\n'],
      ['space before colon', 'HTTP/1.1 200 OK\r\nContent-Length : 0\r\n\r\n'],
      ['conflicting Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: 3\r\nContent-Length: 4\r\n\r\nabcd'],
      ['invalid Content-Length', 'HTTP/1.1 200 OK\r\nContent-Length: -1\r\n\r\n'],
      ['101 without upgrade', 'HTTP/1.1 101 Switching Protocols\r\nUpgrade: websocket\r\n\r\n'],
    ])('%s → ERR_INVALID_HTTP_RESPONSE', (_name, input) => {
      expect(parseError(input).netErrorName).toBe('ERR_INVALID_HTTP_RESPONSE');
    });

    it('rejects a non-HTTP response at the first wrong byte, without waiting for a blank line', () => {
      const parser = new Http1ResponseParser({ requestMethod: 'GET' });
      expect(parser.push(bytes('HTT'))).toEqual([]);
      expect(() => parser.push(bytes('X'))).toThrow(/ERR_INVALID_HTTP_RESPONSE/);
      // The parser stays failed.
      expect(() => parser.push(bytes('more'))).toThrow(/ERR_INVALID_HTTP_RESPONSE/);
      expect(() => parser.finish()).toThrow(/ERR_INVALID_HTTP_RESPONSE/);
    });

    it('rejects a head over maxHeaderBytes', () => {
      const big = `HTTP/1.1 200 OK\r\nX-Big: ${'a'.repeat(300)}\r\n\r\n`;
      expect(parseError(big, { maxHeaderBytes: 100 }).netErrorName).toBe('ERR_RESPONSE_HEADERS_TOO_BIG');
      // Exactly at the limit is fine.
      const exact = 'HTTP/1.1 200 OK\r\nContent-Length: 0\r\n\r\n';
      expect(parse(exact, { maxHeaderBytes: exact.length }).ended).toBe(true);
      expect(parseError(exact, { maxHeaderBytes: exact.length - 1 }).netErrorName).toBe('ERR_RESPONSE_HEADERS_TOO_BIG');
      // The default limit is 256 KiB, and it applies before the blank line arrives.
      const parser = new Http1ResponseParser({ requestMethod: 'GET' });
      parser.push(bytes(`HTTP/1.1 200 OK\r\nX: ${'b'.repeat(200 * 1024)}`));
      expect(() => parser.push(bytes('c'.repeat(100 * 1024)))).toThrow(/ERR_RESPONSE_HEADERS_TOO_BIG/);
    });

    it.each([
      ['non-hex chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n'],
      ['empty chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n\r\n'],
      ['negative chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n-5\r\n'],
      ['chunk data longer than its size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n2\r\nabc\r\n0\r\n\r\n'],
      ['absurd chunk size', 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\nffffffffffffffffff\r\n'],
    ])('%s → ERR_INVALID_CHUNKED_ENCODING', (_name, input) => {
      expect(parseError(input).netErrorName).toBe('ERR_INVALID_CHUNKED_ENCODING');
    });

    it('connection closed mid-chunked → ERR_INCOMPLETE_CHUNKED_ENCODING', () => {
      const head = 'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n';
      for (const tail of ['', '5\r\nhel', '5\r\nhello', '5\r\nhello\r\n', '0\r\n', '0\r\nX-Trailer: 1\r\n']) {
        expect(parseError(head + tail, { close: true }).netErrorName).toBe('ERR_INCOMPLETE_CHUNKED_ENCODING');
      }
    });

    it('connection closed before Content-Length is satisfied → ERR_CONTENT_LENGTH_MISMATCH', () => {
      expect(parseError('HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\nshort', { close: true }).netErrorName).toBe(
        'ERR_CONTENT_LENGTH_MISMATCH',
      );
    });

    it('connection closed before any byte → ERR_EMPTY_RESPONSE', () => {
      const parser = new Http1ResponseParser({ requestMethod: 'GET' });
      expect(parser.push(new Uint8Array(0))).toEqual([]);
      expect(() => parser.finish()).toThrow(/ERR_EMPTY_RESPONSE/);
    });

    it('connection closed mid-head, or after only a 1xx → ERR_INVALID_HTTP_RESPONSE', () => {
      expect(parseError('HTTP/1.1 200 OK\r\nContent-Le', { close: true }).netErrorName).toBe(
        'ERR_INVALID_HTTP_RESPONSE',
      );
      expect(parseError('HT', { close: true }).netErrorName).toBe('ERR_INVALID_HTTP_RESPONSE');
      expect(parseError('HTTP/1.1 100 Continue\r\n\r\n', { close: true }).netErrorName).toBe(
        'ERR_INVALID_HTTP_RESPONSE',
      );
    });
  });

  describe('arbitrary chunk boundaries', () => {
    const cases: { name: string; input: Uint8Array; method?: string; close?: boolean }[] = [
      {
        name: 'content-length',
        input: bytes('HTTP/1.1 200 OK\r\nContent-Length: 26\r\nX-A: b\r\n\r\nabcdefghijklmnopqrstuvwxyz'),
      },
      {
        name: 'chunked with extensions and trailers',
        input: bytes(
          'HTTP/1.1 200 OK\r\nTransfer-Encoding: chunked\r\n\r\n3;a=b\r\nabc\r\n10\r\n0123456789abcdef\r\n1\r\n\n\r\n0;x\r\nT: 1\r\n\r\n',
        ),
      },
      {
        name: 'interim then close-delimited',
        input: bytes('HTTP/1.1 100 Continue\r\n\r\nHTTP/1.0 200 OK\r\nServer: x\r\n\r\n<p>body</p>'),
        close: true,
      },
      { name: 'LF-only chunked', input: bytes('HTTP/1.1 200 OK\nTransfer-Encoding: chunked\n\n2\nhi\n0\n\n') },
      { name: 'HEAD', input: bytes('HTTP/1.1 200 OK\r\nContent-Length: 99\r\n\r\n'), method: 'HEAD' },
      { name: 'utf-8 body', input: encoder.encode('HTTP/1.1 200 OK\r\nContent-Length: 13\r\n\r\nnaïve — ok') },
    ];

    for (const c of cases) {
      it(`${c.name}: whole, byte-by-byte and random splits agree`, () => {
        const opts = {
          ...(c.method === undefined ? {} : { method: c.method }),
          ...(c.close === undefined ? {} : { close: c.close }),
        };
        const whole = parse(c.input, opts);
        expect(whole.done).toBe(true);
        const byteByByte = parse(c.input, {
          ...opts,
          splits: Array.from({ length: c.input.length - 1 }, (_, i) => i + 1),
        });
        expect(byteByByte).toEqual(whole);
        const rand = random(c.input.length);
        for (let round = 0; round < 50; round++) {
          const splits = [
            ...new Set(Array.from({ length: 1 + Math.floor(rand() * 8) }, () => Math.floor(rand() * c.input.length))),
          ].sort((a, b) => a - b);
          expect(parse(c.input, { ...opts, splits })).toEqual(whole);
        }
      });
    }
  });
});
