import { describe, expect, it } from 'vitest';
import { type LoadTiming, noLoadTiming } from '../../../shared/net/loadTiming.js';
import { devtoolsPhases, harTimings, harTotalTime } from '../../../shared/net/harTimings.js';

const NONE: LoadTiming = noLoadTiming();

/** µs on one clock, starting at 1,000,000. */
const BASE = 1_000_000;
const t = (parts: Partial<LoadTiming>): LoadTiming => {
  const out: LoadTiming = { ...NONE };
  for (const [key, value] of Object.entries(parts) as [keyof LoadTiming, number][]) out[key] = BASE + value;
  return out;
};

describe('harTimings', () => {
  it('splits a load on a fresh plain-HTTP connection', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 1_000,
      dnsEnd: 21_000,
      connectStart: 22_000,
      connectEnd: 42_000,
      sendStart: 43_000,
      sendEnd: 43_500,
      receiveHeadersStart: 43_500,
      receiveHeadersEnd: 93_500,
    });
    const har = harTimings(timing, BASE + 103_500);
    expect(har).toEqual({ blocked: 1, dns: 20, connect: 21, ssl: -1, send: 1.5, wait: 50, receive: 10 });
    expect(harTotalTime(har)).toBe(103.5);
  });

  it('counts ssl inside connect on a fresh TLS connection', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 0,
      dnsEnd: 10_000,
      connectStart: 10_000,
      connectEnd: 50_000,
      sslStart: 25_000,
      sslEnd: 50_000,
      sendStart: 50_000,
      sendEnd: 51_000,
      receiveHeadersEnd: 81_000,
    });
    const har = harTimings(timing, BASE + 91_000);
    expect(har).toEqual({ blocked: 0, dns: 10, connect: 40, ssl: 25, send: 1, wait: 30, receive: 10 });
    expect(harTotalTime(har)).toBe(91);
  });

  it('reports dns, connect and ssl as not applicable on a reused connection', () => {
    // The loader asked the resolver (host cache) but took a pooled socket: no connect times.
    const timing = t({
      requestStart: 0,
      dnsStart: 100,
      dnsEnd: 300,
      sendStart: 2_000,
      sendEnd: 2_500,
      receiveHeadersEnd: 12_500,
    });
    const har = harTimings(timing, BASE + 13_000);
    expect(har).toEqual({ blocked: 2, dns: -1, connect: -1, ssl: -1, send: 0.5, wait: 10, receive: 0.5 });
    expect(harTotalTime(har)).toBe(13);
  });

  it('keeps send, wait and receive non-negative and blocked -1 without a start', () => {
    const har = harTimings({ ...NONE, sendStart: BASE, sendEnd: BASE + 10, receiveHeadersEnd: BASE + 5 }, BASE);
    expect(har.blocked).toBe(-1);
    expect(har.send).toBeGreaterThanOrEqual(0);
    expect(har.wait).toBe(0);
    expect(har.receive).toBe(0);
    expect(harTimings(NONE, -1)).toEqual({ blocked: -1, dns: -1, connect: -1, ssl: -1, send: 0, wait: 0, receive: 0 });
  });

  it('folds a wait for a socket between DNS and connect into connect, so phases add up', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 0,
      dnsEnd: 5_000,
      connectStart: 9_000,
      connectEnd: 10_000,
      sendStart: 10_000,
      sendEnd: 10_000,
      receiveHeadersEnd: 20_000,
    });
    const har = harTimings(timing, BASE + 20_000);
    expect(har.connect).toBe(5);
    expect(harTotalTime(har)).toBe(20);
  });
});

describe('devtoolsPhases', () => {
  it('names the phases of a fresh TLS load in DevTools order', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 1_000,
      dnsEnd: 11_000,
      connectStart: 11_000,
      connectEnd: 51_000,
      sslStart: 26_000,
      sslEnd: 51_000,
      sendStart: 52_000,
      sendEnd: 53_000,
      receiveHeadersEnd: 83_000,
    });
    expect(devtoolsPhases(timing, BASE + 93_000)).toEqual([
      { name: 'Stalled', start: BASE, end: BASE + 1_000 },
      { name: 'DNS Lookup', start: BASE + 1_000, end: BASE + 11_000 },
      { name: 'Initial connection', start: BASE + 11_000, end: BASE + 51_000 },
      { name: 'SSL', start: BASE + 26_000, end: BASE + 51_000 },
      { name: 'Request sent', start: BASE + 52_000, end: BASE + 53_000 },
      { name: 'Waiting for server response', start: BASE + 53_000, end: BASE + 83_000 },
      { name: 'Content Download', start: BASE + 83_000, end: BASE + 93_000 },
    ]);
  });

  it('leaves out DNS, connection and SSL on a reused connection', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 100,
      dnsEnd: 300,
      sendStart: 2_000,
      sendEnd: 2_500,
      receiveHeadersEnd: 12_500,
    });
    expect(devtoolsPhases(timing, BASE + 13_000).map((p) => p.name)).toEqual([
      'Stalled',
      'Request sent',
      'Waiting for server response',
      'Content Download',
    ]);
  });

  it('has no SSL bar on a plain-HTTP connection', () => {
    const timing = t({
      requestStart: 0,
      dnsStart: 0,
      dnsEnd: 1,
      connectStart: 1,
      connectEnd: 2,
      sendStart: 2,
      sendEnd: 3,
      receiveHeadersEnd: 4,
    });
    expect(devtoolsPhases(timing, BASE + 5).map((p) => p.name)).toEqual([
      'Stalled',
      'DNS Lookup',
      'Initial connection',
      'Request sent',
      'Waiting for server response',
      'Content Download',
    ]);
  });
});
