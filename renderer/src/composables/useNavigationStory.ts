import { computed } from 'vue';
import { useI18n } from 'vue-i18n';
import { buildNavigationStory, chapterAt } from '../../../shared/story/navigationStory';
import { navigationStarts } from '../../../shared/story/storyFacts';
import { usePlaybackStore } from '../stores/playbackStore';
import { useTraceStore } from '../stores/traceStore';

/**
 * The story of the navigation the cursor is in (or the first one, before any), in the
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
  const navigationId = computed<string | null>(() => {
    if (starts.value.length === 0) return null;
    let current = starts.value[0]!;
    for (const start of starts.value) if (start.seq < playback.cursor) current = start;
    return current.navigationId;
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
