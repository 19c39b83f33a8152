import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { importTraceFile } from '../../../shared/import/traceImport.js';
import { toNetLog } from '../../../shared/trace/netLogExport.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { parseTraceFileText } from '../../../shared/trace/traceFile.js';

const demo = parseTraceFileText(
  readFileSync(path.resolve(__dirname, '../../../renderer/src/demos/www.naver.com.json'), 'utf8'),
);
const ofType = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

describe('NetLog export', () => {
  const netLog = toNetLog(demo.events);
  const eventName = new Map(Object.entries(netLog.constants.logEventTypes).map(([name, n]) => [n, name]));
  const sourceName = new Map(Object.entries(netLog.constants.logSourceType).map(([name, n]) => [n, name]));

  it('has the documented structure: constants that name every number the events use', () => {
    expect(Object.keys(netLog)).toEqual(['constants', 'events', 'polledData']);
    expect(netLog.constants.logEventPhase).toEqual({ PHASE_NONE: 0, PHASE_BEGIN: 1, PHASE_END: 2 });
    const begin = ofType(demo.events, 'trace.begin')[0]!;
    // timeTickOffset + time = Unix ms of the event.
    expect(Number(netLog.constants.timeTickOffset) + begin.ts / 1000).toBeCloseTo(Date.parse(begin.wallClock), -1);
    let last = -Infinity;
    for (const event of netLog.events) {
      expect(event.time).toMatch(/^\d+$/);
      expect(Number(event.time)).toBeGreaterThanOrEqual(last);
      last = Number(event.time);
      expect(eventName.has(event.type)).toBe(true);
      expect(sourceName.has(event.source.type)).toBe(true);
      expect([0, 1, 2]).toContain(event.phase);
      expect(event.source.start_time).toMatch(/^\d+$/);
    }
  });

  it('links sources as Chromium does: request → stream job → connect job → socket', () => {
    const deps = (type: string) =>
      netLog.events
        .filter((e) => eventName.get(e.type) === type)
        .map((e) => [
          sourceName.get(e.source.type),
          sourceName.get((e.params!.source_dependency as { type: number }).type),
        ]);
    expect(deps('HTTP_STREAM_REQUEST_BOUND_TO_JOB')[0]).toEqual(['URL_REQUEST', 'HTTP_STREAM_JOB']);
    expect(deps('SOCKET_POOL_BOUND_TO_CONNECT_JOB')[0]).toEqual(['HTTP_STREAM_JOB', 'SSL_CONNECT_JOB']);
    expect(deps('CONNECT_JOB_SET_SOCKET')[0]).toEqual(['SSL_CONNECT_JOB', 'SOCKET']);
    expect(deps('SOCKET_POOL_BOUND_TO_SOCKET').every(([, to]) => to === 'SOCKET')).toBe(true);
    const ssl = netLog.events.find((e) => eventName.get(e.type) === 'SSL_CONNECT' && e.phase === 2)!;
    expect(ssl.params).toMatchObject({ version: 'TLS 1.3', next_proto: 'http/1.1' });
  });

  it('imports back with the same requests, statuses, DNS, connections and TLS', async () => {
    const events = (await importTraceFile(JSON.stringify(netLog), 'demo.netlog.json')).trace.events;
    const loads = ofType(demo.events, 'message')
      .filter((m) => m.name === 'URLLoaderFactory.CreateLoaderAndStart')
      .map((m) => (m.payload as { request: { url: string } }).request.url);
    expect(ofType(events, 'request.begin').map((r) => r.url)).toEqual(loads);
    expect(ofType(events, 'http.response').map((r) => r.rawHeaders)).toEqual(
      ofType(demo.events, 'http.response').map((r) => r.rawHeaders),
    );
    expect(ofType(events, 'http.request').map((r) => r.raw)).toEqual(
      ofType(demo.events, 'http.request').map((r) => r.raw),
    );
    expect(ofType(events, 'dns.result').map((r) => r.addresses)).toEqual(
      ofType(demo.events, 'dns.result').map((r) => r.addresses),
    );
    const names = (list: readonly TraceEvent[]) =>
      ofType(list, 'span.begin')
        .filter((s) => s.category === 'net')
        .map((s) => s.name)
        .sort();
    expect(names(events)).toEqual(names(demo.events));
    expect(ofType(events, 'navigation.begin').map((n) => n.url)).toEqual(
      ofType(demo.events, 'navigation.begin').map((n) => n.url),
    );
    const tls = ofType(events, 'span.end').find((e) => e.args.protocol === 'TLS 1.3')!;
    expect(JSON.stringify(tls.args.chain)).toContain('CN=www.naver.com');
  });
});
