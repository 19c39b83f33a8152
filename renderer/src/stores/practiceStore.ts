/**
 * Practice mode: the student steps through one navigation by choosing, at each step,
 * the next message and its receiver. The cursor is held just before the message being
 * asked about, so every view shows only what has happened; an answer (right or wrong)
 * moves the cursor onto that message, and the explanation shows it.
 */
import { defineStore } from 'pinia';
import { computed, ref, shallowRef } from 'vue';
import { type PracticeStep, practiceSteps } from '../../../shared/story/practiceSteps';
import type { StoryFacts } from '../../../shared/story/storyFacts';
import { usePlaybackStore } from './playbackStore';
import { useTraceStore } from './traceStore';

export const usePracticeStore = defineStore('practice', () => {
  const trace = useTraceStore();
  const playback = usePlaybackStore();
  const active = ref(false);
  const steps = shallowRef<PracticeStep[]>([]);
  const index = ref(0);
  /** The choice picked at each step answered so far (index into its choices). */
  const picks = ref<number[]>([]);
  const navigationId = ref<string | null>(null);

  const step = computed<PracticeStep | null>(() => steps.value[index.value] ?? null);
  const picked = computed<number | null>(() => picks.value[index.value] ?? null);
  const done = computed(() => active.value && index.value >= steps.value.length);
  const right = computed(
    () => picks.value.filter((p, i) => steps.value[i]?.choices[p] === steps.value[i]?.answer).length,
  );

  function holdBefore(position: number): void {
    const next = steps.value[position];
    if (next) playback.moveTo(next.seq);
  }

  function start(facts: StoryFacts): void {
    playback.pause();
    steps.value = practiceSteps(trace.events, facts);
    navigationId.value = facts.navigationId;
    index.value = 0;
    picks.value = [];
    active.value = steps.value.length > 0;
    holdBefore(0);
  }

  function pick(choice: number): void {
    const current = step.value;
    if (!current || picked.value !== null || !current.choices[choice]) return;
    picks.value = [...picks.value, choice];
    playback.selectEvent(current.seq);
  }

  function next(): void {
    if (picked.value === null || done.value) return;
    index.value++;
    holdBefore(index.value);
  }

  function leave(): void {
    active.value = false;
    steps.value = [];
    picks.value = [];
    index.value = 0;
  }

  return { active, steps, index, picks, step, picked, done, right, navigationId, start, pick, next, leave };
});
