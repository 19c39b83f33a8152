/**
 * The UI thread's own trace records: phases as spans, state changes, lifecycle.
 * They go straight into the recorder (which lives on this thread).
 */
import { BROWSER_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { PhaseId } from '../../shared/trace/phases.js';
import { phaseName } from '../../shared/trace/phases.js';
import type { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import type {
  JsonValue,
  SpanCategory,
  StateField,
  TraceEventBody,
  TraceRecord,
} from '../../shared/trace/traceEvent.js';
import { monotonicMicros } from '../node/monotonicClock.js';

export class BrowserTracing {
  private spanCounter = 0;
  /** The tab's visible state as last recorded, field by field (for a new trace to start from). */
  private readonly states = new Map<StateField, JsonValue>();

  constructor(readonly recorder: TraceRecorder) {}

  record(body: TraceEventBody): void {
    this.recorder.record({ ...body, ts: monotonicMicros(), endpoint: BROWSER_ENDPOINT } as TraceRecord);
  }

  beginSpan(
    name: string,
    category: SpanCategory,
    options: {
      phase?: PhaseId;
      navigationId?: string;
      requestId?: string;
      parentId?: string;
      args?: Record<string, JsonValue>;
    } = {},
  ): string {
    const spanId = `browser/s${++this.spanCounter}`;
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

  beginPhase(phase: PhaseId, navigationId: string, args: Record<string, JsonValue> = {}): string {
    return this.beginSpan(phaseName(phase), 'phase', { phase, navigationId, args });
  }

  endSpan(
    spanId: string,
    status: 'ok' | 'error' | 'cancelled' = 'ok',
    error: string | null = null,
    args: Record<string, JsonValue> = {},
  ): void {
    this.record({ type: 'span.end', spanId, status, error, args });
  }

  /** Ends, as errors, the spans a crashed thread or process left open. */
  endOpenSpans(endpoint: string, reason: string): void {
    this.recorder.endOpenSpans(endpoint, reason, monotonicMicros());
  }

  state(field: StateField, value: JsonValue, cause: string): void {
    this.states.set(field, value);
    this.record({ type: 'state', field, value, cause });
  }

  /** Records the tab's visible state again, as it is now (the start of a new trace). */
  restateTab(cause: string): void {
    for (const [field, value] of [...this.states]) {
      if (value === null || value === false || value === '') continue;
      this.state(field, value, cause);
    }
  }

  error(where: string, message: string): void {
    this.record({ type: 'error', where, message });
  }
}
