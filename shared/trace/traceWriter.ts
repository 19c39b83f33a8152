/**
 * How a thread writes into the trace: each record stamped with the shared clock and
 * the thread's endpoint, spans numbered per endpoint. The browser's UI thread, the
 * network thread and every renderer write through one of these; only where the
 * records go differs (the recorder itself, or a channel to it).
 */
import { errorMessage } from '../base/errors.js';
import type { EndpointId } from '../ipc/endpoints.js';
import type { PhaseId } from './phases.js';
import type { SpanArgs, SpanCategory, StateChange, TraceEventBody, TraceRecord } from './traceEvent.js';

export interface TraceRecordSink {
  record(record: TraceRecord): void;
}

export type SpanStatus = 'ok' | 'error' | 'cancelled';

export interface SpanOptions {
  phase?: PhaseId | null;
  navigationId?: string | null;
  requestId?: string | null;
  parentId?: string | null;
  args?: SpanArgs;
}

export class TraceWriter {
  private spanCounter = 0;

  constructor(
    readonly endpoint: EndpointId,
    private readonly sink: TraceRecordSink,
    private readonly clock: () => number,
  ) {}

  now(): number {
    return this.clock();
  }

  record(body: TraceEventBody): void {
    this.sink.record(stamped(body, this.clock(), this.endpoint));
  }

  beginSpan(name: string, category: SpanCategory, options: SpanOptions = {}): string {
    const spanId = `${this.endpoint}/s${++this.spanCounter}`;
    this.record({
      type: 'span.begin',
      spanId,
      name,
      category,
      phase: options.phase ?? null,
      parentId: options.parentId ?? null,
      navigationId: options.navigationId ?? null,
      requestId: options.requestId ?? null,
      args: options.args ?? {},
    });
    return spanId;
  }

  endSpan(spanId: string, status: SpanStatus = 'ok', error: string | null = null, args: SpanArgs = {}): void {
    this.record({ type: 'span.end', spanId, status, error, args });
  }

  /** Runs `work` inside a span: ended ok, or as an error with what was thrown (and rethrown). */
  span<T>(name: string, category: SpanCategory, options: SpanOptions, work: () => T): T {
    const spanId = this.beginSpan(name, category, options);
    try {
      const result = work();
      this.endSpan(spanId);
      return result;
    } catch (error) {
      this.endSpan(spanId, 'error', errorMessage(error));
      throw error;
    }
  }

  /** A change of the tab's visible state: each field with its own kind of value. */
  state(change: StateChange, cause: string): void {
    this.record({ type: 'state', ...change, cause });
  }

  error(where: string, message: string): void {
    this.record({ type: 'error', where, message });
  }
}

/** A body with when and where: the compiler keeps each event type's fields as declared. */
export function stamped(body: TraceEventBody, ts: number, endpoint: EndpointId): TraceRecord {
  return { ...body, ts, endpoint };
}
