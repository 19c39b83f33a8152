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
  /** Each tab's visible state as last recorded, field by field (for a new trace to start from). */
  private readonly states = new Map<number, Map<StateChange['field'], StateChange>>();

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

  /** A change of tab 1's visible state (the first tab). */
  override state(change: StateChange, cause: string): void {
    this.tabState(1, change, cause);
  }

  /** A change of one tab's visible state. */
  tabState(tabId: number, change: StateChange, cause: string): void {
    let fields = this.states.get(tabId);
    if (!fields) this.states.set(tabId, (fields = new Map()));
    fields.set(change.field, change);
    this.record({ type: 'state', tabId, ...change, cause });
  }

  /** The tab closed: its state is no longer restated. */
  forgetTab(tabId: number): void {
    this.states.delete(tabId);
  }

  /** Records a tab's visible state again, as it is now (the start of a new trace). */
  restateTab(tabId: number, cause: string): void {
    for (const change of [...(this.states.get(tabId)?.values() ?? [])]) {
      if (change.value === null || change.value === false || change.value === '') continue;
      this.tabState(tabId, change, cause);
    }
  }

  /** Messages on a frame's loader route belong to that frame. */
  tagRoute(route: string, frameTreeNodeId: number, tabId: number): void {
    this.recorder.tagRoute(route, frameTreeNodeId, tabId);
  }
}
