import { describe, expect, it } from 'vitest';
import { importTraceFile } from '../../../shared/import/traceImport.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';

/**
 * Small NetLogs written as Chromium writes them, built by name: `numbering` picks the
 * numbers the constants give each event and source type (they change between Chromium
 * versions), so the same log can be written with two different tables.
 */
type Row = [
  time: number,
  source: number,
  sourceType: string,
  type: string,
  phase: 'BEGIN' | 'END' | 'NONE',
  params?: object,
];

function netLog(rows: Row[], numbering: (index: number) => number = (i) => i + 1): string {
  const eventNames = [...new Set(rows.map((r) => r[3]))];
  const sourceNames = [...new Set(rows.map((r) => r[2]))];
  const logEventTypes = Object.fromEntries(eventNames.map((n, i) => [n, numbering(i)]));
  const logSourceType = Object.fromEntries(sourceNames.map((n, i) => [n, numbering(i) + 1000]));
  const phase = { NONE: 0, BEGIN: 1, END: 2 };
  const constants = {
    logEventTypes,
    logSourceType,
    logEventPhase: { PHASE_NONE: 0, PHASE_BEGIN: 1, PHASE_END: 2 },
    timeTickOffset: '1796000000000',
    netError: { ERR_NAME_NOT_RESOLVED: -105, ERR_CERT_AUTHORITY_INVALID: -202, ERR_ABORTED: -3 },
    loadFlag: { NORMAL: 0, MAIN_FRAME_DEPRECATED: 4096 },
    clientInfo: { name: 'Chromium', version: '156.0.0.0', os_type: 'Linux' },
  };
  const events = rows.map(([time, id, sourceType, type, p, params]) => ({
    time: String(time),
    type: logEventTypes[type],
    phase: phase[p],
    source: { id, type: logSourceType[sourceType], start_time: String(time) },
    ...(params ? { params } : {}),
  }));
  // As Chromium writes it: constants on one line, then one event per line, separated by ",\n".
  return `{"constants":${JSON.stringify(constants)},\n"events": [\n${events.map((e) => JSON.stringify(e)).join(',\n')}],\n"polledData": {}}\n`;
}

const dep = (id: number, type = 0) => ({ source_dependency: { id, type } });

/** A page over TLS (a new connection, its DNS inferred from the connect job), then a subresource on the same socket. */
const PAGE: Row[] = [
  [1000, 1, 'URL_REQUEST', 'REQUEST_ALIVE', 'BEGIN', { url: 'https://www.naver.com/', priority: 'HIGHEST' }],
  [
    1000,
    1,
    'URL_REQUEST',
    'URL_REQUEST_START_JOB',
    'BEGIN',
    {
      url: 'https://www.naver.com/',
      method: 'GET',
      initiator: 'not an origin',
      load_flags: 4096,
      request_type: 'main frame',
    },
  ],
  [1001, 1, 'URL_REQUEST', 'HTTP_CACHE_OPEN_OR_CREATE_ENTRY', 'END', { result: 'created' }],
  [1001, 2, 'HTTP_STREAM_JOB', 'HTTP_STREAM_JOB', 'BEGIN', {}],
  [1002, 3, 'SSL_CONNECT_JOB', 'CONNECT_JOB', 'BEGIN'],
  [
    1002,
    3,
    'SSL_CONNECT_JOB',
    'SOCKET_POOL_CONNECT_JOB_CREATED',
    'NONE',
    { group_id: 'https://www.naver.com <https://naver.com same_site>' },
  ],
  [1002, 3, 'SSL_CONNECT_JOB', 'TCP_CONNECT_JOB_CONNECT', 'BEGIN'],
  [1002, 3, 'SSL_CONNECT_JOB', 'HOST_RESOLVER_MANAGER_TASK_SEQUENCE_CREATED', 'NONE', { tasks: [4] }],
  [
    1005,
    3,
    'SSL_CONNECT_JOB',
    'TCP_CONNECT_JOB_CONNECTOR_CONNECT_START',
    'NONE',
    { address: '127.80.0.1:443', ...dep(4) },
  ],
  [1005, 4, 'SOCKET', 'SOCKET_ALIVE', 'BEGIN', dep(3)],
  [1005, 4, 'SOCKET', 'TCP_CONNECT', 'BEGIN', { address_list: ['127.80.0.1:443'] }],
  [1007, 4, 'SOCKET', 'TCP_CONNECT', 'END', { local_address: '127.0.0.1:50000', remote_address: '127.80.0.1:443' }],
  [1007, 3, 'SSL_CONNECT_JOB', 'CONNECT_JOB_SET_SOCKET', 'NONE', dep(4)],
  [1007, 3, 'SSL_CONNECT_JOB', 'TCP_CONNECT_JOB_CONNECT', 'END'],
  [1007, 4, 'SOCKET', 'SSL_CONNECT', 'BEGIN'],
  [1012, 4, 'SOCKET', 'SSL_CONNECT', 'END', { version: 'TLS 1.3', cipher_suite: 4866, next_proto: 'http/1.1' }],
  [1012, 3, 'SSL_CONNECT_JOB', 'CONNECT_JOB', 'END'],
  [1012, 2, 'HTTP_STREAM_JOB', 'SOCKET_POOL_BOUND_TO_CONNECT_JOB', 'NONE', dep(3)],
  [1012, 2, 'HTTP_STREAM_JOB', 'SOCKET_POOL_BOUND_TO_SOCKET', 'NONE', dep(4)],
  [1012, 2, 'HTTP_STREAM_JOB', 'HTTP_STREAM_JOB', 'END'],
  [1012, 1, 'URL_REQUEST', 'HTTP_STREAM_REQUEST_BOUND_TO_JOB', 'NONE', dep(2)],
  [1013, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_SEND_REQUEST', 'BEGIN'],
  [
    1013,
    1,
    'URL_REQUEST',
    'HTTP_TRANSACTION_SEND_REQUEST_HEADERS',
    'NONE',
    { line: 'GET / HTTP/1.1\r\n', headers: ['Host: www.naver.com', 'Sec-Fetch-Dest: document'] },
  ],
  [1014, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_SEND_REQUEST', 'END'],
  [1014, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_HEADERS', 'BEGIN'],
  [
    1020,
    1,
    'URL_REQUEST',
    'HTTP_TRANSACTION_READ_RESPONSE_HEADERS',
    'NONE',
    { headers: ['HTTP/1.1 200 OK', 'Content-Type: text/html', 'Content-Length: 1795'] },
  ],
  [1020, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_HEADERS', 'END'],
  [1021, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_BODY', 'BEGIN'],
  [1022, 1, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_BODY', 'END'],
  [1022, 1, 'URL_REQUEST', 'URL_REQUEST_START_JOB', 'END'],
  [1022, 1, 'URL_REQUEST', 'REQUEST_ALIVE', 'END'],
  [
    1030,
    5,
    'URL_REQUEST',
    'REQUEST_ALIVE',
    'BEGIN',
    { url: 'https://www.naver.com/static/naver.css', priority: 'HIGHEST' },
  ],
  [
    1030,
    5,
    'URL_REQUEST',
    'URL_REQUEST_START_JOB',
    'BEGIN',
    {
      url: 'https://www.naver.com/static/naver.css',
      method: 'GET',
      initiator: 'https://www.naver.com',
      load_flags: 0,
      request_type: 'other',
    },
  ],
  [1031, 6, 'HTTP_STREAM_JOB', 'HTTP_STREAM_JOB', 'BEGIN', {}],
  [1031, 6, 'HTTP_STREAM_JOB', 'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET', 'NONE', { idle: 9 }],
  [1031, 6, 'HTTP_STREAM_JOB', 'SOCKET_POOL_BOUND_TO_SOCKET', 'NONE', dep(4)],
  [1031, 5, 'URL_REQUEST', 'HTTP_STREAM_REQUEST_BOUND_TO_JOB', 'NONE', dep(6)],
  [1032, 5, 'URL_REQUEST', 'HTTP_TRANSACTION_SEND_REQUEST', 'BEGIN'],
  [
    1032,
    5,
    'URL_REQUEST',
    'HTTP_TRANSACTION_SEND_REQUEST_HEADERS',
    'NONE',
    { line: 'GET /static/naver.css HTTP/1.1\r\n', headers: ['Host: www.naver.com', 'Sec-Fetch-Dest: style'] },
  ],
  [1032, 5, 'URL_REQUEST', 'HTTP_TRANSACTION_SEND_REQUEST', 'END'],
  [1032, 5, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_HEADERS', 'BEGIN'],
  [1035, 5, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_RESPONSE_HEADERS', 'NONE', { headers: ['HTTP/1.1 200 OK'] }],
  [1035, 5, 'URL_REQUEST', 'HTTP_TRANSACTION_READ_HEADERS', 'END'],
  [1036, 5, 'URL_REQUEST', 'REQUEST_ALIVE', 'END'],
  // Chromium's own: an update check that fails to resolve (no initiator, not a navigation).
  [
    1040,
    7,
    'URL_REQUEST',
    'REQUEST_ALIVE',
    'BEGIN',
    { url: 'https://update.googleapis.com/service/update2/json', priority: 'IDLE' },
  ],
  [
    1040,
    7,
    'URL_REQUEST',
    'URL_REQUEST_START_JOB',
    'BEGIN',
    {
      url: 'https://update.googleapis.com/service/update2/json',
      method: 'POST',
      initiator: 'not an origin',
      load_flags: 0,
      request_type: 'other',
    },
  ],
  [1041, 7, 'URL_REQUEST', 'REQUEST_ALIVE', 'END', { net_error: -105 }],
];

async function read(text: string) {
  const imported = await importTraceFile(text, 'test.netlog.json');
  expect(imported.format).toBe('netlog');
  return imported;
}
const ofType = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);
const spansOf = (events: readonly TraceEvent[], requestId: string) =>
  ofType(events, 'span.begin')
    .filter((s) => s.requestId === requestId)
    .map((s) => s.name);

describe('NetLog import', () => {
  it('decodes event and source types through the file’s own constants, whatever their numbers', async () => {
    const a = await read(netLog(PAGE));
    const b = await read(netLog(PAGE, (i) => 500 - i * 7));
    const strip = (events: TraceEvent[]) => events.map(({ seq: _seq, ...rest }) => rest);
    expect(strip(b.trace.events)).toEqual(strip(a.trace.events));
    const events = a.trace.events;
    expect(ofType(events, 'import.source')[0]).toMatchObject({
      format: 'netlog',
      creator: 'Chromium 156.0.0.0 (Linux)',
    });
    expect(ofType(events, 'import.source')[0]!.wallClock).toBe(new Date(1796000001000).toISOString());
    expect(ofType(events, 'error')).toEqual([]);
  });

  it('links the request to its stream job, connect job and socket: DNS, TCP and TLS on a new connection', async () => {
    const events = (await read(netLog(PAGE))).trace.events;
    expect(spansOf(events, 'netlog/1')).toEqual([
      'DNS Lookup',
      'Initial connection',
      'SSL',
      'Request sent',
      'Waiting for server response',
      'Content Download',
    ]);
    const dns = ofType(events, 'span.begin').find((s) => s.name === 'DNS Lookup')!;
    expect(dns.args.host).toBe('www.naver.com');
    expect(String(dns.args.inferred)).toContain('logged no resolver request');
    expect(ofType(events, 'dns.result')[0]).toMatchObject({ host: 'www.naver.com', addresses: ['127.80.0.1'] });
    const tls = ofType(events, 'span.end').find((e) => e.args.protocol === 'TLS 1.3')!;
    expect(tls.args).toMatchObject({ cipher: 'TLS_AES_256_GCM_SHA384', alpn: 'http/1.1' });
    const request = ofType(events, 'http.request').find((r) => r.requestId === 'netlog/1')!;
    expect(request.raw).toBe('GET / HTTP/1.1\r\nHost: www.naver.com\r\nSec-Fetch-Dest: document\r\n\r\n');
    expect(request).toMatchObject({ connectionId: 4, reused: false, remote: '127.80.0.1:443' });
    expect(ofType(events, 'http.response')[0]!.statusLine).toBe('HTTP/1.1 200 OK');
    expect(ofType(events, 'navigation.begin')[0]).toMatchObject({ url: 'https://www.naver.com/' });
    expect(ofType(events, 'navigation.end')[0]).toMatchObject({ outcome: 'committed', netError: null });
    expect(ofType(events, 'cache.lookup')[0]).toMatchObject({ outcome: 'miss' });
    expect(ofType(events, 'request.end')[0]).toMatchObject({
      status: 200,
      protocol: 'http/1.1',
      tls: 'TLS 1.3, TLS_AES_256_GCM_SHA384',
      connectionId: 4,
      reused: false,
      decodedBodyBytes: 1795,
    });
  });

  it('shows socket reuse: no DNS, connect or TLS for a request on a kept-alive socket', async () => {
    const events = (await read(netLog(PAGE))).trace.events;
    expect(spansOf(events, 'netlog/5')).toEqual(['Request sent', 'Waiting for server response']);
    expect(ofType(events, 'request.begin').find((r) => r.requestId === 'netlog/5')).toMatchObject({
      resourceType: 'style',
      initiator: 'https://www.naver.com',
      ownBehalf: false,
      navigationId: 'netlog/nav1',
    });
    expect(ofType(events, 'request.end').find((r) => r.requestId === 'netlog/5')).toMatchObject({
      connectionId: 4,
      reused: true,
      tls: 'TLS 1.3, TLS_AES_256_GCM_SHA384',
    });
  });

  it("keeps Chromium's own requests, marked, with their net errors by name", async () => {
    const events = (await read(netLog(PAGE))).trace.events;
    expect(ofType(events, 'request.begin').find((r) => r.requestId === 'netlog/7')).toMatchObject({ ownBehalf: true });
    expect(ofType(events, 'request.end').find((r) => r.requestId === 'netlog/7')!.netError).toMatchObject({
      code: -105,
      name: 'ERR_NAME_NOT_RESOLVED',
    });
    // No network step logged: still a row in the waterfall, ending in the error.
    const stalled = ofType(events, 'span.begin').find((s) => s.requestId === 'netlog/7')!;
    expect(stalled.name).toBe('Stalled');
    expect(ofType(events, 'span.end').find((e) => e.spanId === stalled.spanId)!.error).toBe('ERR_NAME_NOT_RESOLVED');
  });

  it('follows redirects, internal (HSTS) and from the server, and reads a cache hit', async () => {
    const rows: Row[] = [
      [0, 1, 'URL_REQUEST', 'REQUEST_ALIVE', 'BEGIN', { url: 'http://www.naver.com/' }],
      [
        0,
        1,
        'URL_REQUEST',
        'URL_REQUEST_START_JOB',
        'BEGIN',
        { url: 'http://www.naver.com/', method: 'GET', request_type: 'main frame' },
      ],
      [1, 1, 'URL_REQUEST', 'URL_REQUEST_REDIRECT_JOB', 'NONE', { reason: 'HSTS' }],
      [1, 1, 'URL_REQUEST', 'URL_REQUEST_REDIRECTED', 'NONE', { location: 'https://www.naver.com/' }],
      [1, 1, 'URL_REQUEST', 'URL_REQUEST_START_JOB', 'END'],
      [2, 1, 'URL_REQUEST', 'URL_REQUEST_START_JOB', 'BEGIN', { url: 'https://www.naver.com/', method: 'GET' }],
      [
        3,
        1,
        'URL_REQUEST',
        'HTTP_TRANSACTION_READ_RESPONSE_HEADERS',
        'NONE',
        { headers: ['HTTP/1.1 302 Found', 'Location: /home'] },
      ],
      [4, 1, 'URL_REQUEST', 'URL_REQUEST_REDIRECTED', 'NONE', { location: 'https://www.naver.com/home' }],
      [5, 1, 'URL_REQUEST', 'URL_REQUEST_START_JOB', 'BEGIN', { url: 'https://www.naver.com/home', method: 'GET' }],
      [5, 1, 'URL_REQUEST', 'HTTP_CACHE_OPEN_OR_CREATE_ENTRY', 'END', { result: 'opened' }],
      [6, 1, 'URL_REQUEST', 'HTTP_CACHE_READ_INFO', 'BEGIN'],
      [7, 1, 'URL_REQUEST', 'HTTP_CACHE_READ_INFO', 'END'],
      [7, 1, 'URL_REQUEST', 'HTTP_CACHE_READ_DATA', 'BEGIN'],
      [8, 1, 'URL_REQUEST', 'HTTP_CACHE_READ_DATA', 'END'],
      [9, 1, 'URL_REQUEST', 'REQUEST_ALIVE', 'END'],
    ];
    const events = (await read(netLog(rows))).trace.events;
    expect(ofType(events, 'request.redirect').map((r) => [r.status, r.from, r.to])).toEqual([
      [307, 'http://www.naver.com/', 'https://www.naver.com/'],
      [302, 'https://www.naver.com/', 'https://www.naver.com/home'],
    ]);
    expect(ofType(events, 'request.redirect')[0]!.reason).toContain('HSTS');
    expect(ofType(events, 'request.end')[0]).toMatchObject({ url: 'https://www.naver.com/home', fromCache: 'disk' });
    expect(spansOf(events, 'netlog/1')).toEqual(['Read from cache']);
    expect(ofType(events, 'cache.lookup').map((c) => c.outcome)).toEqual(['fresh']);
  });

  it('repairs a file cut off while being written, as netlog_viewer does, and says so', async () => {
    const text = netLog(PAGE);
    const cut = text.slice(0, text.indexOf('"HTTP/1.1 200 OK"')); // in the middle of an event
    const imported = await read(cut);
    expect(imported.repaired).toMatch(/^the file ends in the middle of its events/);
    const source = ofType(imported.trace.events, 'import.source')[0]!;
    expect(source.repaired).toBe(imported.repaired);
    expect(source.notes.join(' ')).toContain('1 request was still running when the file ends');
    expect(ofType(imported.trace.events, 'request.begin').map((r) => r.url)).toEqual(['https://www.naver.com/']);
    // Cut before its first event: the constants are read, there are no events.
    const early = await read(text.slice(0, text.indexOf('"events": [') + 14));
    expect(early.repaired).toMatch(/before its first complete event/);
    expect(ofType(early.trace.events, 'request.begin')).toEqual([]);
  });

  it('reports events it cannot use (unknown type, time out of range, no source) and reads the rest', async () => {
    const json = JSON.parse(netLog(PAGE)) as { events: Record<string, unknown>[] };
    json.events[3] = { ...json.events[3], type: 99999 };
    json.events[4] = { ...json.events[4], time: '1e300' };
    json.events[5] = { ...json.events[5], source: 'socket' };
    json.events[6] = { ...json.events[6], time: '-5' };
    const events = (await read(JSON.stringify(json))).trace.events;
    expect(ofType(events, 'error').map((e) => e.message)).toEqual([
      '1 time: an event\'s "type" is not in constants.logEventTypes (first at event 3)',
      '2 times: an event\'s "time" is out of range (0 … 1000000000000 ms) (first at event 4)',
      '1 time: an event has no "source" with a whole-number id (first at event 5)',
    ]);
    expect(ofType(events, 'request.end').map((r) => r.url)).toContain('https://www.naver.com/static/naver.css');
  });

  it('reads "__proto__" and "constructor" keys as plain data: nothing reaches Object.prototype', async () => {
    const text = netLog(PAGE)
      .replace('"logEventTypes":{', '"logEventTypes":{"__proto__":{"polluted":1},"constructor":7,')
      .replace(
        '"priority":"IDLE"',
        '"priority":"IDLE","__proto__":{"polluted":2},"constructor":{"prototype":{"polluted":3}}',
      );
    const events = (await read(text)).trace.events;
    expect(({} as { polluted?: unknown }).polluted).toBeUndefined();
    expect(Object.prototype).not.toHaveProperty('polluted');
    expect(ofType(events, 'request.begin')).toHaveLength(3);
    expect(ofType(events, 'error').map((e) => e.message)).toEqual([
      '1 time: a name in constants.logEventTypes has no whole number (first at "__proto__")',
    ]);
  });

  it('refuses a NetLog whose constants it cannot decode, naming what is missing', async () => {
    const text = netLog(PAGE);
    await expect(importTraceFile(text.replace('"logEventTypes"', '"eventTypes"'), 'x')).rejects.toThrow(
      'not a NetLog NavScope can read: "constants.logEventTypes" is missing, expected an object of names and numbers',
    );
    await expect(
      importTraceFile(
        text.replace('"logEventPhase":{"PHASE_NONE":0,"PHASE_BEGIN":1', '"logEventPhase":{"NONE":0,"START":1'),
        'x',
      ),
    ).rejects.toThrow('"constants.logEventPhase" does not name BEGIN and END');
    await expect(importTraceFile('{"constants": {}, "events": 5}', 'x')).rejects.toThrow(
      'not a NetLog: "events" is a number, expected a list',
    );
  });
});
