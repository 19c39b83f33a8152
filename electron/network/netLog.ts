/**
 * The network thread's log (Chromium's NetLog): spans with DevTools' phase names and
 * the protocol events (DNS packets, raw HTTP heads), sent to the trace recorder.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { TraceSink } from '../../shared/ipc/messageEndpoint.js';
import type { JsonValue, TraceEventBody } from '../../shared/trace/traceEvent.js';
import { monotonicMicros } from '../node/monotonicClock.js';

export class NetLog {
  private spanCounter = 0;

  constructor(
    private readonly endpoint: EndpointId,
    private readonly sink: TraceSink,
  ) {}

  record(body: TraceEventBody): void {
    this.sink.record({ ...body, ts: monotonicMicros(), endpoint: this.endpoint } as Parameters<TraceSink['record']>[0]);
  }

  beginSpan(name: string, requestId: string | null, args: Record<string, JsonValue> = {}): string {
    const spanId = `${this.endpoint}/s${++this.spanCounter}`;
    this.record({
      type: 'span.begin',
      spanId,
      name,
      category: 'net',
      phase: null,
      parentId: null,
      navigationId: null,
      requestId,
      args,
    });
    return spanId;
  }

  endSpan(
    spanId: string,
    status: 'ok' | 'error' | 'cancelled' = 'ok',
    error: string | null = null,
    args: Record<string, JsonValue> = {},
  ): void {
    this.record({ type: 'span.end', spanId, status, error, args });
  }
}
