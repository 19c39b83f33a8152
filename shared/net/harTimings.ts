/**
 * A load's timing as HAR 1.2 `timings` (what DevTools exports) and as the phases of
 * DevTools' Timing tab. LoadTiming values are µs on the shared monotonic clock, -1 when a
 * step did not happen (net::LoadTimingInfo's convention).
 *
 * A load on a reused connection has no DNS, connect or SSL phase (-1), as in Chromium,
 * where the host was resolved when the connection was made. Phases are laid end to end
 * as DevTools does when it exports HAR: dns runs from the end of `blocked`, connect from
 * the end of dns (a wait for a socket between them counts as connecting), send from the
 * end of connect; so blocked + dns + connect + send + wait + receive is the whole load.
 */
import type { LoadTiming } from './loadTiming.js';

/** HAR 1.2 entry timings, ms. -1 = not applicable (blocked, dns, connect, ssl only). `connect` includes `ssl`. */
export interface HarTimings {
  blocked: number;
  dns: number;
  connect: number;
  ssl: number;
  send: number;
  wait: number;
  receive: number;
}

export type DevtoolsPhaseName =
  | 'Stalled'
  | 'DNS Lookup'
  | 'Initial connection'
  | 'SSL'
  | 'Request sent'
  | 'Waiting for server response'
  | 'Content Download';

/** One bar of DevTools' Timing tab; start and end are µs on the LoadTiming clock. */
export interface DevtoolsPhase {
  name: DevtoolsPhaseName;
  start: number;
  end: number;
}

const applies = (value: number): boolean => value >= 0;

/** µs → ms, rounded to the µs. */
const ms = (micros: number): number => Math.round(micros) / 1000;

interface Applicability {
  newConnection: boolean;
  dns: boolean;
  ssl: boolean;
  /** The first of dnsStart / connectStart / sendStart that applies, or null. */
  firstStart: number | null;
}

function applicability(t: LoadTiming): Applicability {
  const newConnection = applies(t.connectStart) && applies(t.connectEnd);
  const dns = newConnection && applies(t.dnsStart) && applies(t.dnsEnd);
  const ssl = newConnection && applies(t.sslStart) && applies(t.sslEnd);
  const starts = [dns ? t.dnsStart : -1, newConnection ? t.connectStart : -1, t.sendStart].filter(applies);
  return { newConnection, dns, ssl, firstStart: starts.length === 0 ? null : Math.min(...starts) };
}

/** HAR 1.2 timings of one load; `responseEnd` is when the last body byte arrived (µs, same clock). */
export function harTimings(timing: LoadTiming, responseEnd: number): HarTimings {
  const a = applicability(timing);
  const blocked =
    applies(timing.requestStart) && a.firstStart !== null ? ms(Math.max(0, a.firstStart - timing.requestStart)) : -1;
  let cursor = a.firstStart ?? (applies(timing.requestStart) ? timing.requestStart : null);
  const phase = (end: number): number => {
    if (cursor === null || !applies(end)) return 0;
    const duration = Math.max(0, end - cursor);
    cursor = Math.max(cursor, end);
    return ms(duration);
  };
  const dns = a.dns ? phase(timing.dnsEnd) : -1;
  const connect = a.newConnection ? phase(timing.connectEnd) : -1;
  const ssl = a.ssl ? ms(Math.max(0, timing.sslEnd - timing.sslStart)) : -1;
  const send = phase(timing.sendEnd);
  const wait = phase(timing.receiveHeadersEnd);
  const receive = phase(responseEnd);
  return { blocked, dns, connect, ssl, send, wait, receive };
}

/** HAR `entry.time`: the sum of the applicable timings, ssl excluded (it is part of connect). */
export function harTotalTime(t: HarTimings): number {
  const parts = [t.blocked, t.dns, t.connect, t.send, t.wait, t.receive].filter((v) => v >= 0);
  return Math.round(parts.reduce((sum, v) => sum + v, 0) * 1000) / 1000;
}

/**
 * DevTools' Timing tab bars, in its order, for the phases that happened. Bars use the
 * raw timestamps (SSL lies inside Initial connection, and gaps stay gaps).
 */
export function devtoolsPhases(timing: LoadTiming, responseEnd: number): DevtoolsPhase[] {
  const a = applicability(timing);
  const out: DevtoolsPhase[] = [];
  const add = (name: DevtoolsPhaseName, start: number, end: number): void => {
    if (applies(start) && applies(end) && end >= start) out.push({ name, start, end });
  };
  if (applies(timing.requestStart) && a.firstStart !== null) add('Stalled', timing.requestStart, a.firstStart);
  if (a.dns) add('DNS Lookup', timing.dnsStart, timing.dnsEnd);
  if (a.newConnection) add('Initial connection', timing.connectStart, timing.connectEnd);
  if (a.ssl) add('SSL', timing.sslStart, timing.sslEnd);
  add('Request sent', timing.sendStart, timing.sendEnd);
  add('Waiting for server response', timing.sendEnd, timing.receiveHeadersEnd);
  add('Content Download', timing.receiveHeadersEnd, responseEnd);
  return out;
}
