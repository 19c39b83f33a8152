import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { buildNavigationStory, chapterAt } from '../../../shared/story/navigationStory';
import { navigationStarts } from '../../../shared/story/storyFacts';
import { usePlaybackStore } from '../stores/playbackStore';
import { useTraceStore } from '../stores/traceStore';

/**
 * The story of the navigation the cursor is in (the shown tab's, when there are several
 * tabs; or the first one, before any), in the
 * window's language, and the chapter the cursor is in. The story is told again only
 * when the trace, the language or the navigation changes, not on every step.
 */
export function useNavigationStory() {
  const trace = useTraceStore();
  const playback = usePlaybackStore();
  const { locale } = useI18n();

  const starts = computed(() => {
    void trace.version;
    return navigationStarts(trace.events);
  });
  /** The shown tab's latest navigation before the cursor (with several tabs), else the latest of any tab. */
  const navigationId = computed<string | null>(() => {
    if (starts.value.length === 0) return null;
    const state = playback.state;
    const tabOf = new Map(state.navigations.map((n) => [n.navigationId, n.tabId]));
    let current = starts.value[0]!;
    let ofShownTab: typeof current | null = null;
    for (const start of starts.value) {
      if (start.seq >= playback.cursor) break;
      current = start;
      if (tabOf.get(start.navigationId) === state.activeTabId) ofShownTab = start;
    }
    return (ofShownTab ?? current).navigationId;
  });

  /** The story tells NavScope's model's navigation; a real Chromium's trace is shown by the other views. */
  const real = computed(() => trace.source !== null && trace.source.origin !== 'navscope-model');

  const story = computed(() => {
    void trace.version;
    const id = navigationId.value;
    if (!id || real.value) return null;
    return buildNavigationStory(trace.events, locale.value === 'ko' ? 'ko' : 'en', id);
  });

  const currentChapter = computed(() => (story.value ? chapterAt(story.value, playback.cursor) : null));

  return { story, currentChapter, navigationId, real };
}
