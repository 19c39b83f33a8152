import { onBeforeUnmount, onMounted } from 'vue';
import { usePlaybackStore } from '../stores/playbackStore';

/** ← → step one message, Space plays or pauses, Home and End jump (not while typing). */
export function useStepKeys(): void {
  const playback = usePlaybackStore();
  const onKey = (event: KeyboardEvent): void => {
    const target = event.target as HTMLElement | null;
    if (target && (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))) return;
    if (event.altKey || event.ctrlKey || event.metaKey) return;
    const actions: Record<string, () => void> = {
      ArrowRight: () => void playback.nextMessage(),
      ArrowLeft: () => playback.previousMessage(),
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
