/**
 * The playback cursor: how many trace events the views show. Stepping moves it from
 * message to message (or phase to phase); following keeps it at the live end.
 * The state every view draws is folded from the trace prefix at the cursor — it is
 * never stored separately.
 */
import { defineStore } from 'pinia';
import { partitionPoint } from '../../../shared/base/partitionPoint';
import { computed, markRaw, ref, watch } from 'vue';
import type { BrowserViewState } from '../../../shared/trace/browserViewState';
import type { TraceEvent } from '../../../shared/trace/traceEvent';
import { useTraceStore } from './traceStore';

/** Index of the first value ≥ target in a sorted list. */
function lowerBound(list: readonly number[], target: number): number {
  return partitionPoint(list.length, (i) => list[i]! < target);
}

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export const usePlaybackStore = defineStore('playback', () => {
  const trace = useTraceStore();
  const cursor = ref(0);
  const following = ref(true);
  const playing = ref(false);
  const speed = ref<(typeof SPEEDS)[number]>(2);
  /** A span the user picked in the waterfall (explained instead of the message). */
  const focusedSpanId = ref<string | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;

  watch(
    () => trace.version,
    () => {
      if (following.value || cursor.value > trace.events.length) cursor.value = trace.events.length;
    },
  );
  // A saved trace opens at its beginning (a real trace after its source, summary and processes), ready to
  // be stepped; one without messages (a HAR, a NetLog) opens at its end, with every request shown. Going
  // back to live follows again.
  watch(
    () => trace.replay,
    (replay) => {
      pause();
      if (replay) moveTo(replay.networkOnly ? trace.events.length : trace.startCursor);
      else moveTo(trace.events.length);
    },
  );

  const state = computed<BrowserViewState>(() => {
    void trace.version;
    return markRaw(trace.timeline.stateAt(cursor.value));
  });

  const total = computed(() => {
    void trace.version;
    return trace.events.length;
  });
  const messageTotal = computed(() => {
    void trace.version;
    return trace.messageSeqs.length;
  });
  /** 1-based position of the selected message among all messages (0 = before the first). */
  const messagePosition = computed(() => {
    void trace.version;
    return lowerBound(trace.messageSeqs, cursor.value);
  });

  const selectedMessage = computed<Extract<TraceEvent, { type: 'message' }> | null>(() => {
    void trace.version;
    // The last message the sequence shows (a real trace's filter may hide some) before the cursor.
    const shown = trace.messageSeqs[lowerBound(trace.messageSeqs, cursor.value) - 1];
    const seq = shown ?? null;
    const event = seq === null ? undefined : trace.events[seq];
    return event && event.type === 'message' ? event : null;
  });

  /** The last event folded in: what just happened. */
  const currentEvent = computed<TraceEvent | null>(() => {
    void trace.version;
    return cursor.value > 0 ? (trace.events[cursor.value - 1] ?? null) : null;
  });

  function moveTo(next: number): void {
    const clamped = Math.max(0, Math.min(next, trace.events.length));
    cursor.value = clamped;
    following.value = clamped === trace.events.length;
    focusedSpanId.value = null;
  }

  function nextMessage(): boolean {
    const index = lowerBound(trace.messageSeqs, cursor.value);
    const seq = trace.messageSeqs[index];
    if (seq === undefined) {
      moveTo(trace.events.length);
      return false;
    }
    moveTo(seq + 1);
    return true;
  }

  function previousMessage(): void {
    const index = lowerBound(trace.messageSeqs, cursor.value - 1) - 1;
    moveTo(index >= 0 ? trace.messageSeqs[index]! + 1 : 0);
  }

  function nextPhase(): void {
    const seq = trace.phaseSeqs[lowerBound(trace.phaseSeqs, cursor.value)];
    moveTo(seq === undefined ? trace.events.length : seq + 1);
  }

  function previousPhase(): void {
    const index = lowerBound(trace.phaseSeqs, cursor.value - 1) - 1;
    moveTo(index >= 0 ? trace.phaseSeqs[index]! + 1 : 0);
  }

  function selectEvent(seq: number): void {
    moveTo(seq + 1);
  }

  function stopTimer(): void {
    if (timer) clearInterval(timer);
    timer = null;
  }

  function pause(): void {
    playing.value = false;
    stopTimer();
  }

  function play(): void {
    if (cursor.value >= trace.events.length) moveTo(0);
    playing.value = true;
    stopTimer();
    timer = setInterval(() => {
      if (!nextMessage()) pause();
    }, 1000 / speed.value);
  }

  watch(speed, () => {
    if (playing.value) play();
  });

  return {
    cursor,
    following,
    playing,
    speed,
    focusedSpanId,
    state,
    total,
    messageTotal,
    messagePosition,
    selectedMessage,
    currentEvent,
    moveTo,
    nextMessage,
    previousMessage,
    nextPhase,
    previousPhase,
    selectEvent,
    play,
    pause,
    toggle: () => (playing.value ? pause() : play()),
    start: () => moveTo(0),
    end: () => moveTo(Number.MAX_SAFE_INTEGER),
    follow: () => moveTo(Number.MAX_SAFE_INTEGER),
  };
});
