/**
 * The UI thread's own trace records: phases as spans, state changes, lifecycle.
 * They go straight into the recorder (which lives on this thread).
 */
import { BROWSER_ENDPOINT } from '../../shared/ipc/endpoints.js';
import type { PhaseId } from '../../shared/trace/phases.js';
import { phaseName } from '../../shared/trace/phases.js';
import type { SpanArgs, StateChange } from '../../shared/trace/traceEvent.js';
import type { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import { TraceWriter } from '../../shared/trace/traceWriter.js';
import { monotonicMicros } from '../node/monotonicClock.js';

export class BrowserTracing extends TraceWriter {
  /** The tab's visible state as last recorded, field by field (for a new trace to start from). */
  private readonly states = new Map<StateChange['field'], StateChange>();

  constructor(readonly recorder: TraceRecorder) {
    super(BROWSER_ENDPOINT, recorder, monotonicMicros);
  }

  /** One phase of a navigation's journey, as a span. */
  beginPhase(phase: PhaseId, navigationId: string, args: SpanArgs = {}): string {
    return this.beginSpan(phaseName(phase), 'phase', { phase, navigationId, args });
  }

  /** Ends, as errors, the spans a crashed thread or process left open. */
  endOpenSpans(endpoint: string, reason: string): void {
    this.recorder.endOpenSpans(endpoint, reason, this.now());
  }

  override state(change: StateChange, cause: string): void {
    this.states.set(change.field, change);
    super.state(change, cause);
  }

  /** Records the tab's visible state again, as it is now (the start of a new trace). */
  restateTab(cause: string): void {
    for (const change of [...this.states.values()]) {
      if (change.value === null || change.value === false || change.value === '') continue;
      this.state(change, cause);
    }
  }
}
