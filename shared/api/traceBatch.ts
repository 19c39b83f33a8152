/**
 * Placing the trace events a host streams: both bridges of the window (the web host's
 * WebSocket and the desktop preload) take from each batch only the events that come
 * next, in order and once each. An event already received is skipped; after a gap
 * nothing is taken (a trace with a hole would show a state that never was). What is
 * not even shaped like an event takes its place as an `error` event, so a bad batch
 * loses nothing around it; the window's check (traceEventCheck) looks at the rest.
 */
import type { TraceEvent } from '../trace/traceEvent.js';

function seqOf(item: unknown): number | null {
  if (typeof item !== 'object' || item === null || Array.isArray(item)) return null;
  const seq = (item as { seq?: unknown }).seq;
  return typeof seq === 'number' && Number.isSafeInteger(seq) && seq >= 0 ? seq : null;
}

/** The events of `batch` that follow the `received` events already placed. */
export function nextTraceEvents(received: number, batch: readonly unknown[]): TraceEvent[] {
  const fresh: TraceEvent[] = [];
  let expected = received;
  for (const item of batch) {
    const seq = seqOf(item);
    if (seq !== null && seq < expected) continue;
    if (seq !== null && seq > expected) break;
    fresh.push(
      seq === null
        ? {
            type: 'error',
            where: 'window',
            message: `event #${expected} from the host is not a trace event (no sequence number)`,
            ts: 0,
            endpoint: 'browser',
            seq: expected,
          }
        : (item as TraceEvent),
    );
    expected++;
  }
  return fresh;
}

/**
 * Whether a batch begins a new trace: a `trace.begin` of seq 0 (a new session on the
 * same host, BrowserModelApi.newSession). The bridge then forgets what it received.
 */
export function startsNewTrace(batch: readonly unknown[]): boolean {
  const first = batch[0];
  return seqOf(first) === 0 && (first as { type?: unknown }).type === 'trace.begin';
}
