/**
 * The trace as the window knows it: an append-only list of events streamed from the
 * browser model, with indexes of where the messages and phases are. The list is not
 * deeply reactive (10,000s of events): `version` changes when it grows.
 */
import { defineStore } from 'pinia';
import { markRaw, ref, shallowRef } from 'vue';
import type { BrowserModelApi, HostInfo, NavigationResultView } from '../../../shared/api/browserModelApi';
import { TraceTimeline } from '../../../shared/trace/browserViewState';
import type { TraceEvent } from '../../../shared/trace/traceEvent';

export const useTraceStore = defineStore('trace', () => {
  const events = markRaw([] as TraceEvent[]);
  const messageSeqs = markRaw([] as number[]);
  const phaseSeqs = markRaw([] as number[]);
  /** Where each navigation begins (its "Handle input" phase): times are shown relative to it. */
  const navigationStarts = markRaw([] as { seq: number; ts: number }[]);
  const timeline = markRaw(new TraceTimeline());
  const version = ref(0);
  const info = ref<HostInfo | null>(null);
  const connected = ref<boolean | null>(null);
  const lastResult = shallowRef<NavigationResultView | null>(null);
  const lastError = ref<string | null>(null);
  let api: BrowserModelApi | null = null;

  function append(batch: readonly TraceEvent[]): void {
    for (const event of batch) {
      if (event.seq !== events.length) continue; // duplicates or gaps are never folded
      events.push(event);
      if (event.type === 'message') messageSeqs.push(event.seq);
      if (event.type === 'span.begin' && event.category === 'phase') phaseSeqs.push(event.seq);
      if (event.type === 'span.begin' && event.phase === 'handle-input') navigationStarts.push({ seq: event.seq, ts: event.ts });
    }
    timeline.update(events);
    version.value++;
  }

  function connect(model: BrowserModelApi): void {
    api = model;
    model.subscribeTrace((batch) => append(batch));
    model.info().then(
      (value) => {
        info.value = value;
        connected.value = true;
      },
      (error: unknown) => {
        connected.value = false;
        lastError.value = error instanceof Error ? error.message : String(error);
      },
    );
  }

  /** The start of the navigation an event belongs to (µs), or the trace's first moment. */
  function timeOrigin(seq: number): number {
    let lo = 0;
    let hi = navigationStarts.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (navigationStarts[mid]!.seq <= seq) lo = mid + 1;
      else hi = mid;
    }
    return lo > 0 ? navigationStarts[lo - 1]!.ts : (events[0]?.ts ?? 0);
  }

  async function call(run: (model: BrowserModelApi) => Promise<NavigationResultView>): Promise<void> {
    if (!api) return;
    lastError.value = null;
    try {
      lastResult.value = await run(api);
    } catch (error) {
      lastError.value = error instanceof Error ? error.message : String(error);
    }
  }

  return {
    events,
    messageSeqs,
    phaseSeqs,
    timeline,
    version,
    info,
    connected,
    lastResult,
    lastError,
    append,
    connect,
    timeOrigin,
    navigate: (input: string) => call((m) => m.navigate(input)),
    goBack: () => call((m) => m.goBack()),
    goForward: () => call((m) => m.goForward()),
    reload: () => call((m) => m.reload()),
    proceedInterstitial: () => call((m) => m.proceedInterstitial()),
    killRenderer: (processId: string) => call((m) => m.killRenderer(processId)),
  };
});
