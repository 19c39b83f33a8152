/**
 * A request's timing as Chromium's net::LoadTimingInfo gives it: µs on the shared
 * monotonic clock, -1 where a step did not happen (a reused connection has no DNS,
 * connect or TLS). DevTools' and HAR's timings are computed from it (harTimings.ts).
 */
import * as s from '../base/schema.js';

const micros = s.number({ finite: true });

export const loadTiming = s.object({
  /** When the loader started. */
  requestStart: micros,
  dnsStart: micros,
  dnsEnd: micros,
  connectStart: micros,
  connectEnd: micros,
  sslStart: micros,
  sslEnd: micros,
  sendStart: micros,
  sendEnd: micros,
  receiveHeadersStart: micros,
  receiveHeadersEnd: micros,
});
export type LoadTiming = s.Infer<typeof loadTiming>;

/** A timing where nothing happened (every step -1): a response that never touched the network. */
export function noLoadTiming(): LoadTiming {
  return {
    requestStart: -1,
    dnsStart: -1,
    dnsEnd: -1,
    connectStart: -1,
    connectEnd: -1,
    sslStart: -1,
    sslEnd: -1,
    sendStart: -1,
    sendEnd: -1,
    receiveHeadersStart: -1,
    receiveHeadersEnd: -1,
  };
}
