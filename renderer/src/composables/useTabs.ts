/**
 * The tabs at the cursor and the one the window shows (the active one), with the live
 * browser's view of that tab (its history, for Back and Forward now).
 */
import { computed } from 'vue';
import { usePlaybackStore } from '../stores/playbackStore';
import { useTraceStore } from '../stores/traceStore';
import { shownTab, tabsAndFramesOf } from '../viz/tabsAndFrames';

export function useTabs() {
  const trace = useTraceStore();
  const playback = usePlaybackStore();
  const data = computed(() => tabsAndFramesOf(playback.state));
  const tabs = computed(() => data.value.tabs.filter((t) => !t.closed));
  const shown = computed(() => shownTab(data.value));
  const live = computed(() => shownTab(tabsAndFramesOf(trace.liveState())));
  return { data, tabs, shown, live };
}
