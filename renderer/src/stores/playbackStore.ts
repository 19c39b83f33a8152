/**
 * The playback cursor: how many trace events the views show, and the step they are
 * about. Stepping moves from journey step to journey step (or message to message, in
 * messages-only mode, or phase to phase); a step shows its own event and what it
 * caused (viz/journeySteps). Following keeps the cursor at the live end.
 * The state every view draws is folded from the trace prefix at the cursor — it is
 * never stored separately.
 */
import { defineStore } from 'pinia';
import { computed, markRaw, ref, watch } from 'vue';
import type { BrowserViewState } from '../../../shared/trace/browserViewState';
import type { TraceEvent } from '../../../shared/trace/traceEvent';
import { type HeldInterval, heldIntervals } from '../../../shared/trace/heldTime';
import { lowerBound, stepAt, stepEnd } from '../viz/journeySteps';
import { waterfallStartSeq } from '../viz/waterfallLayout';
import { useTraceStore } from './traceStore';

export const SPEEDS = [0.5, 1, 2, 4, 8, 16] as const;

export const usePlaybackStore = defineStore('playback', () => {
  const trace = useTraceStore();
  const cursor = ref(0);
  const following = ref(true);
  const playing = ref(false);
  const speed = ref<(typeof SPEEDS)[number]>(2);
  /** Step through the messages only (for engineers), instead of every journey step. */
  const messagesOnly = ref(false);
  /** A span the user picked in the waterfall (explained instead of the step). */
  const focusedSpanId = ref<string | null>(null);
  /** The step the user moved to; null: the last step at or before the cursor. */
  const pickedSeq = ref<number | null>(null);
  let timer: ReturnType<typeof setInterval> | null = null;

  watch(
    () => trace.version,
    () => {
      if (following.value || cursor.value > trace.events.length) cursor.value = trace.events.length;
      if (pickedSeq.value !== null && pickedSeq.value >= trace.events.length) pickedSeq.value = null;
    },
    // The trace may have arrived before this store was first used (a window opened on a quiet host).
    { immediate: true },
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

  /** What ← → move through. */
  const steps = (): readonly number[] => (messagesOnly.value ? trace.messageSeqs : trace.journeySeqs);

  const state = computed<BrowserViewState>(() => {
    void trace.version;
    return markRaw(trace.timeline.stateAt(cursor.value));
  });

  /** Step-mode holds within the navigation at the cursor (not the browser's time): the waterfall cuts them out. */
  const held = computed<HeldInterval[]>(() => {
    void trace.version;
    const from = waterfallStartSeq(state.value);
    return from === null ? [] : heldIntervals(trace.events.slice(from, cursor.value));
  });

  const total = computed(() => {
    void trace.version;
    return trace.events.length;
  });
  const stepTotal = computed(() => {
    void trace.version;
    return steps().length;
  });

  /** The event of the step the views are about (its explanation, its arrow, its row). */
  const subjectSeq = computed<number | null>(() => {
    void trace.version;
    if (pickedSeq.value !== null && pickedSeq.value < cursor.value) return pickedSeq.value;
    return stepAt(steps(), cursor.value);
  });
  const subjectEvent = computed<TraceEvent | null>(() => {
    void trace.version;
    return subjectSeq.value === null ? null : (trace.events[subjectSeq.value] ?? null);
  });

  /** 1-based position of the step shown among all steps (0 = before the first). */
  const stepPosition = computed(() => {
    void trace.version;
    const seq = subjectSeq.value;
    if (seq === null) return 0;
    const list = steps();
    const at = lowerBound(list, seq);
    return list[at] === seq ? at + 1 : at;
  });

  /** The message of the step shown, if it is one. */
  const selectedMessage = computed<Extract<TraceEvent, { type: 'message' }> | null>(() => {
    const event = subjectEvent.value;
    return event && event.type === 'message' ? event : null;
  });

  function moveTo(next: number): void {
    const clamped = Math.max(0, Math.min(next, trace.events.length));
    cursor.value = clamped;
    following.value = clamped === trace.events.length;
    focusedSpanId.value = null;
    pickedSeq.value = null;
  }

  /** Shows step `seq`: its event and what it caused. */
  function showStep(seq: number): void {
    moveTo(stepEnd(trace.boundarySeqs, seq, trace.events.length));
    pickedSeq.value = seq;
  }

  function nextStep(): boolean {
    const list = steps();
    const from = subjectSeq.value;
    const seq = list[from === null ? lowerBound(list, cursor.value) : lowerBound(list, from + 1)];
    if (seq === undefined) {
      moveTo(trace.events.length);
      return false;
    }
    showStep(seq);
    return true;
  }

  function previousStep(): void {
    const list = steps();
    const from = subjectSeq.value;
    const index = (from === null ? lowerBound(list, cursor.value) : lowerBound(list, from)) - 1;
    if (index >= 0) showStep(list[index]!);
    else moveTo(0);
  }

  function nextPhase(): void {
    const from = subjectSeq.value ?? cursor.value - 1;
    const seq = trace.phaseSeqs[lowerBound(trace.phaseSeqs, from + 1)];
    if (seq === undefined) moveTo(trace.events.length);
    else showStep(seq);
  }

  function previousPhase(): void {
    const from = subjectSeq.value ?? cursor.value;
    const index = lowerBound(trace.phaseSeqs, from) - 1;
    if (index >= 0) showStep(trace.phaseSeqs[index]!);
    else moveTo(0);
  }

  /** Shows the step of an event picked in a view (a message row). */
  function selectEvent(seq: number): void {
    showStep(seq);
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
      if (!nextStep()) pause();
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
    messagesOnly,
    focusedSpanId,
    state,
    held,
    total,
    stepTotal,
    stepPosition,
    subjectSeq,
    subjectEvent,
    selectedMessage,
    moveTo,
    nextStep,
    previousStep,
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
