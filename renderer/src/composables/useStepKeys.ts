import { onBeforeUnmount, onMounted } from 'vue';
import { usePlaybackStore } from '../stores/playbackStore';
import { useTraceStore } from '../stores/traceStore';

/**
 * ← → step one journey step (or message), Space plays or pauses, Home and End jump (not while typing).
 * In step mode, → at the live end delivers the next held message.
 */
export function useStepKeys(): void {
  const playback = usePlaybackStore();
  const trace = useTraceStore();
  const next = (): void => {
    if (trace.gate.enabled && trace.gate.next && playback.following && !trace.replay) void trace.stepMode('step');
    else playback.nextStep();
  };
  const onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    // Fields that use these keys themselves keep them (a checkbox or a button does not).
    const typing =
      target &&
      (target.isContentEditable ||
        ['TEXTAREA', 'SELECT'].includes(target.tagName) ||
        (target.tagName === 'INPUT' && !['checkbox', 'radio', 'button'].includes((target as HTMLInputElement).type)));
    if (typing) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Record<string, () => void> = {
      ArrowRight: next,
      ArrowLeft: () => playback.previousStep(),
      ' ': () => playback.toggle(),
      Home: () => playback.start(),
      End: () => playback.end(),
    };
    const action = actions[event.key];
    if (!action) return;
    event.preventDefault();
    action();
  };
  onMounted(() => window.addEventListener('keydown', onKey));
  onBeforeUnmount(() => window.removeEventListener('keydown', onKey));
}
