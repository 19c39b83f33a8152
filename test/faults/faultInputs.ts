/**
 * Seeded generators of bad input: omnibox text, malformed IPC frames, malformed HTTP
 * responses, malformed DNS answers and malformed trace events (what the window receives). Each is built from a valid example and broken
 * in one way (or many), so it reaches deep into the code that reads it.
 */
import dnsPacket from 'dns-packet';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import type { seededRandom } from './faultTally.js';

type Random = ReturnType<typeof seededRandom>;

const SCHEMES = [
  'http://',
  'https://',
  'javascript:',
  'data:text/html,',
  'file:///',
  'ftp://',
  'about:',
  'chrome://',
  'view-source:',
  'ws://',
  'blob:',
  '',
  '',
  '',
  '',
];
const HOSTS = [
  'www.naver.com',
  'naver',
  'localhost',
  '127.0.0.1',
  '127.80.0.1',
  '[::1]',
  '256.1.1.1',
  '0x7f.1',
  'xn--',
  'xn--3e0b707e.kr',
  '한국.kr',
  'a..b',
  '-a-.com',
  'www.site3-lab.com',
  'nxdomain.naver.com',
  'refused.naver.com',
  'user:pass@www.naver.com',
  '...',
  '%00',
  '.com',
  'www.google.com',
];
const PORTS = ['', '', '', ':80', ':0', ':65536', ':abc', ':443', ':1', ':99999999'];
const PATHS = [
  '',
  '/',
  '/a b',
  '/%zz',
  '?q=<script>alert(1)</script>',
  '#frag',
  '/../../etc/passwd',
  '/\\\\',
  '?' + 'a'.repeat(50),
  '/news',
  '/static/logo.png',
  '/escape',
];
const ODD = [
  '\u0000',
  '\u0007',
  '\t',
  '\n',
  '\r\n',
  ' ',
  '\u200b',
  '\u202e',
  '\ud800',
  '\udfff',
  '😀',
  '한',
  '\\',
  '"',
  "'",
  '<',
  '>',
  '%',
  '#',
  '?',
  '@',
  ':',
  '/',
  '\u3000',
];

/** Omnibox text: URL-like pieces, odd characters, random code points, long runs. */
export function omniboxInput(random: Random): string {
  const kind = random.int(6);
  if (kind === 0) {
    let text = '';
    const length = random.int(40);
    for (let i = 0; i < length; i++) text += String.fromCodePoint(random.int(0x2ffff));
    return text;
  }
  if (kind === 1) return random.pick(ODD).repeat(1 + random.int(2000));
  let text = `${random.pick(SCHEMES)}${random.pick(HOSTS)}${random.pick(PORTS)}${random.pick(PATHS)}`;
  const extras = random.int(4);
  for (let i = 0; i < extras; i++) {
    const at = random.int(text.length + 1);
    text = text.slice(0, at) + random.pick(ODD) + text.slice(at);
  }
  if (random.int(10) === 0) text = ' '.repeat(random.int(5)) + text + ' '.repeat(random.int(5));
  return text;
}

const VALID_ENVELOPES = [
  {
    v: 1,
    flowId: 'x#1',
    name: 'URLLoaderFactory.CreateLoaderAndStart',
    from: 'browser',
    to: 'network',
    route: 'fuzz/1',
    sentAt: 1,
    payload: { requestId: 'fuzz/1', request: { url: 'https://www.naver.com/', method: 'GET' } },
  },
  {
    v: 1,
    flowId: 'x#2',
    name: 'FrameHost.DidStopLoading',
    from: 'renderer:1',
    to: 'browser',
    route: null,
    sentAt: 1,
    payload: { frameToken: 'frame-1' },
  },
  {
    v: 1,
    flowId: 'x#3',
    name: 'DataPipe.Write',
    from: 'network',
    to: 'renderer:1',
    route: 'r1',
    sentAt: 1,
    payload: { pipeId: 'r1', offset: 0, chunk: new Uint8Array([60, 104]) },
  },
  {
    v: 1,
    flowId: 'x#4',
    name: 'ChildProcess.Ping',
    from: 'browser',
    to: 'renderer:1',
    route: null,
    sentAt: 1,
    payload: { sequence: 1 },
  },
];

function deep(depth: number): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = { nested: value };
  return value;
}

/**
 * A frame that must be refused by the receiver at `to` (the envelope names `from` as
 * its sender, as the real sender on that channel would): wrong shapes, unknown names,
 * wrong directions, bad payloads.
 */
export function malformedFrame(random: Random, from: string, to: string): unknown {
  const base = { ...random.pick(VALID_ENVELOPES), from, to } as Record<string, unknown>;
  const corrupt = (field: string, value: unknown) => ({ kind: 'message', envelope: { ...base, [field]: value } });
  switch (random.int(14)) {
    case 0:
      return random.pick([null, 42, 'frame', [], true, { kind: 'message' }]);
    case 1:
      return { kind: random.pick(['messages', '', 'MESSAGE', 'trace2']), envelope: base };
    case 2:
      return corrupt('v', random.pick([2, '1', null]));
    case 3:
      return corrupt('name', random.pick(['Nope.Nope', '', 'URLLoaderFactory', 'x'.repeat(300), 17]));
    case 4:
      return corrupt('flowId', random.pick([17, null, 'f'.repeat(500)]));
    case 5:
      return corrupt('route', random.pick([17, { a: 1 }, 'r'.repeat(500)]));
    case 6:
      return corrupt('sentAt', random.pick(['now', null, {}]));
    case 7:
      return corrupt('payload', random.pick([null, 'payload', 42, [], deep(60)]));
    case 8:
      return corrupt('payload', { ...(base.payload as object), requestId: random.pick([42, null, 'q'.repeat(1000)]) });
    case 9:
      // A message the receiver's role may not receive.
      return { kind: 'message', envelope: { ...VALID_ENVELOPES[1], from, to, payload: { frameToken: 'frame-1' } } };
    case 10:
      return corrupt('to', random.pick(['renderer:x', 'gpu', '', 'renderer:99999999999']));
    case 11:
      return { kind: 'message', envelope: { ...base, extra: 'field' } };
    case 12:
      return corrupt('payload', { ...(base.payload as object), unexpected: 1 });
    default:
      return {
        kind: 'message',
        envelope: { ...base, payload: { sequence: -random.int(100) - 1 }, name: 'ChildProcess.Ping' },
      };
  }
}

const STATUS_LINES = [
  'HTTP/1.1 200 OK',
  'HTTP/1.1 404 Not Found',
  'HTTP/1.1 302 Found',
  'HTTP/1.0 200 OK',
  'HTTP/1.1 204 No Content',
];

/** A broken HTTP/1.1 response (bytes on the wire). */
export function malformedHttpResponse(random: Random): Buffer {
  const body = Buffer.from(`<!DOCTYPE html><title>fuzz</title><p>${'x'.repeat(random.int(2000))}</p>`);
  let head = `${random.pick(STATUS_LINES)}\r\nContent-Type: text/html\r\nContent-Length: ${body.length}\r\n\r\n`;
  let payload = Buffer.concat([Buffer.from(head), body]);
  switch (random.int(12)) {
    case 0: // garbage status line
      head = `${random.pick(['HTP/1.1 200', 'HTTP/9 OK', '200 OK', '\u0000\u0001', 'HTTP/1.1 abc OK', 'HTTP/1.1 99999 X', ''])}\r\nContent-Length: ${body.length}\r\n\r\n`;
      return Buffer.concat([Buffer.from(head), body]);
    case 1: // Content-Length lies
      head = `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Length: ${random.pick([body.length * 2, -1, 'abc', '1e9', `${body.length}, ${body.length + 1}`])}\r\n\r\n`;
      return Buffer.concat([Buffer.from(head), body]);
    case 2: // broken chunked encoding
      return Buffer.from(
        `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nTransfer-Encoding: chunked\r\n\r\n${random.pick(['zz\r\nabc\r\n0\r\n\r\n', '5\r\nabc', 'ffffffffffff\r\nabc\r\n', '3\r\nabcdef\r\n0\r\n\r\n', '-1\r\n\r\n'])}`,
      );
    case 3: // truncated anywhere
      return payload.subarray(0, random.int(payload.length));
    case 4: // huge header
      return Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\nX-Big: ${'b'.repeat(300 * 1024)}\r\nContent-Length: ${body.length}\r\n\r\n`),
        body,
      ]);
    case 5: // many headers
      return Buffer.concat([
        Buffer.from(`HTTP/1.1 200 OK\r\n${'X-A: 1\r\n'.repeat(5000)}Content-Length: ${body.length}\r\n\r\n`),
        body,
      ]);
    case 6: // claims gzip, sends garbage
      return Buffer.concat([
        Buffer.from(
          `HTTP/1.1 200 OK\r\nContent-Type: text/html\r\nContent-Encoding: ${random.pick(['gzip', 'br', 'deflate', 'zstd', 'gzip, gzip'])}\r\nContent-Length: ${body.length}\r\n\r\n`,
        ),
        body,
      ]);
    case 7: // header without colon, bare LF, NUL
      return Buffer.concat([
        Buffer.from(
          `HTTP/1.1 200 OK\n${random.pick(['Broken header', 'X: \u0000', ': empty-name', 'Content-Type text/html'])}\nContent-Length: ${body.length}\n\n`,
        ),
        body,
      ]);
    case 8: // random bytes
      return Buffer.from(Array.from({ length: random.int(3000) }, () => random.int(256)));
    case 9: // redirect to nowhere good
      return Buffer.from(
        `HTTP/1.1 302 Found\r\nLocation: ${random.pick(['', 'javascript:alert(1)', 'http://', 'ht!tp://x', '//[::1', 'data:text/html,<b>x'])}\r\nContent-Length: 0\r\n\r\n`,
      );
    case 10: {
      // flipped bytes in a valid response
      payload = Buffer.from(payload);
      const flips = 1 + random.int(20);
      for (let i = 0; i < flips; i++) payload[random.int(payload.length)] = random.int(256);
      return payload;
    }
    default: // body that says it is an image
      return Buffer.concat([
        Buffer.from(
          `HTTP/1.1 200 OK\r\nContent-Type: image/png\r\nX-Content-Type-Options: nosniff\r\nContent-Length: ${body.length}\r\n\r\n`,
        ),
        body,
      ]);
  }
}

/** A broken answer to a DNS question (a valid answer, then broken). */
export function malformedDnsAnswer(random: Random, query: { id: number; name: string; type: string }): Buffer {
  const answer: dnsPacket.Packet = {
    type: 'response',
    id: query.id,
    flags: dnsPacket.AUTHORITATIVE_ANSWER,
    questions: [{ type: query.type as 'A', name: query.name }],
    answers: [{ type: 'A', name: query.name, ttl: 60, data: '127.80.0.1' }],
  };
  const valid = dnsPacket.encode(answer);
  switch (random.int(9)) {
    case 0:
      return valid.subarray(0, random.int(valid.length));
    case 1: {
      const flipped = Buffer.from(valid);
      for (let i = 0; i < 1 + random.int(8); i++) flipped[random.int(flipped.length)] = random.int(256);
      return flipped;
    }
    case 2:
      return Buffer.from(Array.from({ length: random.int(600) }, () => random.int(256)));
    case 3: // truncated flag set
      return dnsPacket.encode({ ...answer, flags: dnsPacket.TRUNCATED_RESPONSE, answers: [] });
    case 4: // an answer for another name
      return dnsPacket.encode({
        ...answer,
        answers: [{ type: 'A', name: 'elsewhere.example', ttl: 60, data: '127.80.0.1' }],
      });
    case 5: // a referral to itself, forever
      return dnsPacket.encode({
        ...answer,
        flags: 0,
        answers: [],
        authorities: [{ type: 'NS', name: query.name.split('.').slice(-2).join('.'), ttl: 60, data: 'fuzz-root.lab' }],
        additionals: [{ type: 'A', name: 'fuzz-root.lab', ttl: 60, data: '127.53.9.9' }],
      });
    case 6: // SERVFAIL / REFUSED / NOTIMP
      return dnsPacket.encode({
        ...answer,
        rcode: random.pick(['SERVFAIL', 'REFUSED', 'NOTIMP', 'FORMERR']),
        answers: [],
      } as dnsPacket.Packet);
    case 7: // compression pointer loop
      return Buffer.concat([valid.subarray(0, 12), Buffer.from([0xc0, 0x0c, 0xc0, 0x0c])]);
    default: // CNAME loop
      return dnsPacket.encode({ ...answer, answers: [{ type: 'CNAME', name: query.name, ttl: 60, data: query.name }] });
  }
}

const ODD_VALUES: unknown[] = [
  null,
  undefined,
  0,
  -1,
  Number.NaN,
  Infinity,
  '',
  'x'.repeat(10_000),
  '<img src=x onerror=alert(1)>',
  true,
  [],
  [1, 'a', null],
  {},
  { nested: { deeper: [] } },
  '\u0000',
  '\ud800',
];

/**
 * A trace event as the window might receive it from a broken or hostile host: a real
 * event with one field replaced by an odd value, removed, or its type changed to
 * another (or an unknown) one — or no event at all.
 */
export function malformedTraceEvent(random: Random, valid: TraceEvent, types: readonly string[]): unknown {
  const copy: Record<string, unknown> = { ...valid };
  const keys = Object.keys(copy);
  switch (random.int(4)) {
    case 0:
      copy[random.pick(keys)] = random.pick(ODD_VALUES);
      return copy;
    case 1:
      delete copy[random.pick(keys)];
      return copy;
    case 2:
      copy.type = random.pick([...types, 'no.such.type', '', 42]);
      return copy;
    default:
      return random.pick(ODD_VALUES);
  }
}
