import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTraceFile } from '../../../shared/import/traceImport.js';
import { toHar } from '../../../shared/trace/harExport.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { parseTraceFileText } from '../../../shared/trace/traceFile.js';

const ofType = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

async function read(har: unknown) {
  const imported = await importTraceFile(JSON.stringify(har), 'test.har');
  expect(imported.format).toBe('har');
  return imported.trace.events;
}

const headers = (...pairs: [string, string][]) => pairs.map(([name, value]) => ({ name, value }));

function entry(fields: Record<string, unknown>, response: Record<string, unknown> = {}) {
  return {
    pageref: 'page_1',
    startedDateTime: '2026-12-04T10:00:00.000Z',
    time: 50,
    request: {
      method: 'GET',
      url: 'https://www.naver.com/',
      httpVersion: 'HTTP/1.1',
      headers: headers(['Host', 'www.naver.com']),
      cookies: [],
      queryString: [],
      headersSize: -1,
      bodySize: 0,
    },
    response: {
      status: 200,
      statusText: 'OK',
      httpVersion: 'HTTP/1.1',
      headers: headers(['Content-Type', 'text/html']),
      cookies: [],
      content: { size: 1795, mimeType: 'text/html' },
      redirectURL: '',
      headersSize: 120,
      bodySize: 900,
      ...response,
    },
    cache: {},
    timings: { blocked: 2, dns: 5, connect: 10, ssl: 6, send: 1, wait: 20, receive: 12 },
    ...fields,
  };
}

const log = (entries: unknown[], extra: Record<string, unknown> = {}) => ({
  log: {
    version: '1.2',
    creator: { name: 'WebInspector', version: '537.36' },
    pages: [
      {
        startedDateTime: '2026-12-04T10:00:00.000Z',
        id: 'page_1',
        title: 'NAVER',
        pageTimings: { onContentLoad: 80, onLoad: 120 },
      },
    ],
    entries,
    ...extra,
  },
});

describe('HAR import', () => {
  it("reads DevTools' HAR: timings laid end to end, heads, sizes, server, connection and its extensions", async () => {
    const events = await read(
      log([
        entry({
          serverIPAddress: '[2001:db8::1]',
          connection: '4711',
          _initiator: { type: 'other' },
          _priority: 'VeryHigh',
          _resourceType: 'document',
        }),
        entry(
          {
            startedDateTime: '2026-12-04T10:00:00.100Z',
            request: {
              method: 'GET',
              url: 'https://www.naver.com/static/naver.css',
              headers: [],
              cookies: [{ name: 'NID', value: 'x' }],
            },
            _initiator: { type: 'parser', url: 'https://www.naver.com/', lineNumber: 7 },
            _resourceType: 'stylesheet',
            _priority: 'VeryHigh',
            _fromCache: 'memory',
            timings: { blocked: 0, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 1 },
          },
          { _transferSize: 0 },
        ),
      ]),
    );
    const steps = ofType(events, 'span.begin')
      .filter((s) => s.requestId === 'har/0')
      .map((s) => [s.name, s.ts]);
    // blocked 2, dns 5, connect 10 of which ssl 6, send 1, wait 20, receive 12 (ms → µs).
    expect(steps).toEqual([
      ['Stalled', 0],
      ['DNS Lookup', 2000],
      ['Initial connection', 7000],
      ['SSL', 11000],
      ['Request sent', 17000],
      ['Waiting for server response', 18000],
      ['Content Download', 38000],
    ]);
    const begin = ofType(events, 'request.begin');
    expect(begin[0]).toMatchObject({
      url: 'https://www.naver.com/',
      resourceType: 'document',
      priority: 'VeryHigh',
      initiator: 'other',
    });
    expect(begin[1]).toMatchObject({ initiator: 'https://www.naver.com/', resourceType: 'stylesheet' });
    expect(ofType(events, 'http.request')[0]!.raw).toBe('GET / HTTP/1.1\r\nHost: www.naver.com\r\n\r\n');
    expect(ofType(events, 'http.response')[0]).toMatchObject({
      statusLine: 'HTTP/1.1 200 OK',
      rawHeaders: 'HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n',
      headerBytes: 120,
    });
    const ends = ofType(events, 'request.end');
    expect(ends[0]).toMatchObject({
      status: 200,
      remote: '[2001:db8::1]:443',
      connectionId: 4711,
      reused: false,
      encodedBodyBytes: 900,
      decodedBodyBytes: 1795,
      protocol: 'http/1.1',
      fromCache: null,
    });
    expect(ends[1]).toMatchObject({ fromCache: 'memory' });
    expect(ofType(events, 'cache.lookup')[0]).toMatchObject({ outcome: 'fresh' });
    // The memory cache answered: no request went out, so no head is shown as sent.
    expect(ofType(events, 'http.request').map((r) => r.url)).toEqual(['https://www.naver.com/']);
    expect(ofType(events, 'navigation.begin')[0]).toMatchObject({
      navigationId: 'har/page:page_1',
      url: 'https://www.naver.com/',
    });
    expect(ofType(events, 'navigation.end')[0]).toMatchObject({ outcome: 'committed', ts: 120_000 });
    expect(ofType(events, 'import.source')[0]).toMatchObject({
      format: 'har',
      creator: 'WebInspector 537.36',
      wallClock: '2026-12-04T10:00:00.000Z',
    });
  });

  it('ends failed entries with their error text: DevTools (status 0, _error), Playwright (-1, _failureText, _wasAborted), Firefox', async () => {
    const failed = (url: string, fields: Record<string, unknown>, response: Record<string, unknown>) =>
      entry(
        {
          request: { method: 'GET', url, headers: [] },
          timings: { blocked: 3, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 },
          ...fields,
        },
        { headers: [], headersSize: -1, bodySize: -1, content: { size: 0, mimeType: '' }, ...response },
      );
    const events = await read(
      log([
        failed('https://a.example/', {}, { status: 0, statusText: '', _error: 'net::ERR_NAME_NOT_RESOLVED' }),
        failed('https://b.example/', {}, { status: -1, statusText: '', _failureText: 'net::ERR_CONNECTION_REFUSED' }),
        failed('https://c.example/', { _wasAborted: true }, { status: -1, statusText: '' }),
        failed('https://d.example/', {}, { status: 0, statusText: '' }),
      ]),
    );
    expect(ofType(events, 'request.end').map((e) => [e.url, e.status, e.netError?.name, e.netError?.code])).toEqual([
      ['https://a.example/', null, 'ERR_NAME_NOT_RESOLVED', -105],
      ['https://b.example/', null, 'ERR_CONNECTION_REFUSED', -102],
      ['https://c.example/', null, 'ERR_ABORTED', -3],
      ['https://d.example/', null, 'ERR_FAILED', -2],
    ]);
    expect(ofType(events, 'request.end')[3]!.netError!.detail).toBe('no response (status 0)');
    // A failure that never went out: the wait before it, ending in the error; no send, wait or download drawn.
    const spans = ofType(events, 'span.begin').filter((s) => s.requestId === 'har/0');
    expect(spans.map((s) => s.name)).toEqual(['Stalled']);
    expect(ofType(events, 'span.end').find((e) => e.spanId === spans[0]!.spanId)!.error).toBe('ERR_NAME_NOT_RESOLVED');
    expect(ofType(events, 'http.request')).toEqual([]);
  });

  it("joins redirect chains into one request, and reads Playwright's TLS details", async () => {
    const events = await read(
      log([
        entry(
          { request: { method: 'GET', url: 'https://naver.com/', headers: [] } },
          { status: 301, statusText: 'Moved Permanently', headers: headers(['Location', '/www']), redirectURL: '' },
        ),
        entry({
          startedDateTime: '2026-12-04T10:00:00.060Z',
          request: { method: 'GET', url: 'https://naver.com/www', headers: [] },
          _securityDetails: {
            protocol: 'TLS 1.3',
            subjectName: 'naver.com',
            issuer: 'NavScope Lab Root CA',
            validFrom: 1796307991,
            validTo: 1804170391,
          },
          _serverPort: 31954,
          serverIPAddress: '127.80.0.1',
        }),
      ]),
    );
    expect(ofType(events, 'request.begin')).toHaveLength(1);
    expect(ofType(events, 'request.redirect')[0]).toMatchObject({
      from: 'https://naver.com/',
      to: 'https://naver.com/www',
      status: 301,
    });
    expect(ofType(events, 'request.end')[0]).toMatchObject({
      url: 'https://naver.com/www',
      status: 200,
      remote: '127.80.0.1:31954',
      tls: 'TLS 1.3',
    });
    const tls = ofType(events, 'span.end').filter((e) => e.args.protocol === 'TLS 1.3');
    expect(tls).toHaveLength(1);
    expect(tls[0]!.args.chain).toEqual([
      {
        subject: 'CN=naver.com',
        issuer: 'CN=NavScope Lab Root CA',
        validFrom: 'Dec  3 14:26:31 2026 GMT',
        validTo: 'Mar  4 14:26:31 2027 GMT',
        subjectAltNames: [],
      },
    ]);
  });

  it("reads NavScope's own HAR export back: the same requests, hops joined by _requestId", async () => {
    const demo = parseTraceFileText(
      readFileSync(path.resolve(__dirname, '../../../renderer/src/demos/www.naver.com.json'), 'utf8'),
    );
    const har = toHar(demo.events);
    const events = await read(har);
    const hops = ofType(events, 'request.begin').length + ofType(events, 'request.redirect').length;
    expect(hops).toBe(har.log.entries.length);
    expect(ofType(events, 'request.begin').length).toBe(new Set(har.log.entries.map((e) => e._requestId)).size);
    expect(
      ofType(events, 'http.response')
        .map((r) => r.statusLine.split(' ')[1])
        .sort(),
    ).toEqual(
      har.log.entries
        .filter((e) => e.response.status > 0 && e.response.statusText !== 'Internal Redirect')
        .map((e) => String(e.response.status))
        .sort(),
    );
  });

  it('reports entries it cannot use (not objects, no URL, dates out of range, timings out of range) and reads the rest', async () => {
    const text = JSON.stringify(
      log([
        5,
        { request: {} },
        entry({ startedDateTime: '+275760-09-13T00:00:00.001Z' }),
        entry({ startedDateTime: 'yesterday' }),
        entry({ timings: { blocked: 1e300, dns: -1, connect: -1, ssl: -1, send: 0, wait: 1, receive: 1 } }),
        entry({ request: { method: 'GET', url: 'https://ok.example/', headers: [], marker: 1 } }),
      ]),
    ).replace('"marker":1', '"__proto__":{"polluted":true},"constructor":{"prototype":{"polluted":true}}');
    const events = (await importTraceFile(text, 'x.har')).trace.events;
    expect(ofType(events, 'error').map((e) => e.message)).toEqual([
      '1 time: an entry is not an object (not shown) (first at entry 0)',
      '1 time: an entry has no "request.url" (not shown) (first at entry 1)',
      '2 times: an entry\'s "startedDateTime" is not a date between 1970 and 9999 (not shown) (first at entry 2)',
      "1 time: an entry's timings.blocked is out of range (over a day; read as unknown) (first at entry 4)",
    ]);
    expect(ofType(events, 'request.begin').map((r) => r.url)).toEqual([
      'https://www.naver.com/',
      'https://ok.example/',
    ]);
    expect(Object.prototype).not.toHaveProperty('polluted');
  });

  it('refuses what is not a HAR, naming the field', async () => {
    await expect(importTraceFile('{"log": 3}', 'x.har')).rejects.toThrow(
      'not a HAR: "log" is a number, expected an object',
    );
    await expect(importTraceFile('{"log": {"entries": {}}}', 'x.har')).rejects.toThrow(
      'not a HAR: "log.entries" is an object, expected a list',
    );
  });
});
