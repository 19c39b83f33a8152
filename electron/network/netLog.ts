/**
 * The network thread's log (Chromium's NetLog): spans with DevTools' phase names and
 * the protocol events (DNS packets, raw HTTP heads), sent to the trace recorder.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import type { SpanArgs, TraceEventBody } from '../../shared/trace/traceEvent.js';
import { type SpanStatus, type TraceRecordSink, TraceWriter } from '../../shared/trace/traceWriter.js';
import { monotonicMicros } from '../node/monotonicClock.js';

export class NetLog {
  private readonly writer: TraceWriter;

  constructor(endpoint: EndpointId, sink: TraceRecordSink) {
    this.writer = new TraceWriter(endpoint, sink, monotonicMicros);
  }

  record(body: TraceEventBody): void {
    this.writer.record(body);
  }

  /** A network step of a request, named as DevTools names it. */
  beginSpan(name: string, requestId: string | null, args: SpanArgs = {}): string {
    return this.writer.beginSpan(name, 'net', { requestId, args });
  }

  endSpan(spanId: string, status: SpanStatus = 'ok', error: string | null = null, args: SpanArgs = {}): void {
    this.writer.endSpan(spanId, status, error, args);
  }
}
