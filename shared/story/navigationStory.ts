/**
 * The story of one navigation for a student: seven chapters in journey order, each
 * with a few sentences built from this navigation's own facts, the trace event and the
 * first message it starts at (for links), and the span of events it covers (so a view
 * can mark the chapter the cursor is in). Failures tell their own story.
 */
import { PHASES, type PhaseId } from '../trace/phases.js';
import type { TraceEvent } from '../trace/traceEvent.js';
import { type StoryFacts, collectStoryFacts } from './storyFacts.js';
import { type StoryOutcome, storyOutcome } from './storyFormat.js';
import type { StoryLang, StoryTeller } from './storyTeller.js';
import { storyTextEn } from './storyTextEn.js';
import { storyTextKo } from './storyTextKo.js';

export const STORY_TELLERS: Record<StoryLang, StoryTeller> = { en: storyTextEn, ko: storyTextKo };

export interface StoryChapter {
  number: number;
  phase: PhaseId;
  title: string;
  sentences: string[];
  /** 'done': it happened; 'failed': the navigation failed here; 'skipped': it did not happen. */
  status: 'done' | 'failed' | 'skipped';
  /** The chapter's first trace event (its phase's span.begin), or null when it did not happen. */
  firstSeq: number | null;
  /** Its first message, or null when the chapter sends none. */
  firstMessageSeq: number | null;
  /** The events it covers: from its first event up to the next chapter's (inclusive). */
  fromSeq: number | null;
  toSeq: number | null;
  startMicros: number | null;
  durationMicros: number | null;
}

export interface NavigationStory {
  lang: StoryLang;
  navigationId: string;
  input: string;
  finalUrl: string | null;
  outcome: StoryOutcome;
  headline: string;
  answer: string;
  chapters: StoryChapter[];
  facts: StoryFacts;
}

export function tellStory(facts: StoryFacts, lang: StoryLang): NavigationStory {
  const teller = STORY_TELLERS[lang];
  const outcome = storyOutcome(facts);
  const happened = PHASES.map((p) => facts.phases[p.id] ?? null);
  const chapters = PHASES.map((p, i): StoryChapter => {
    const extent = happened[i];
    const next = happened.slice(i + 1).find((x) => x !== null);
    return {
      number: i + 1,
      phase: p.id,
      title: teller.chapterTitle(p.id),
      sentences: teller.chapter(p.id, facts),
      status: !extent ? 'skipped' : extent.status === 'error' ? 'failed' : 'done',
      firstSeq: extent?.beginSeq ?? null,
      firstMessageSeq: extent?.firstMessageSeq ?? null,
      fromSeq: extent ? (i === 0 ? facts.firstSeq : extent.beginSeq) : null,
      toSeq: extent ? (next ? next.beginSeq - 1 : facts.lastSeq) : null,
      startMicros: extent?.startMicros ?? null,
      durationMicros: extent?.durationMicros ?? null,
    };
  });
  return {
    lang,
    navigationId: facts.navigationId,
    input: facts.input,
    finalUrl: facts.finalUrl,
    outcome,
    headline: teller.headline(facts),
    answer: teller.answer(facts),
    chapters,
    facts,
  };
}

/** The story of a navigation in the trace (the last one when none is named), or null when there is none. */
export function buildNavigationStory(
  events: readonly TraceEvent[],
  lang: StoryLang,
  navigationId?: string,
): NavigationStory | null {
  const facts = collectStoryFacts(events, navigationId);
  return facts ? tellStory(facts, lang) : null;
}

/** The chapter the cursor is in (the cursor shows the first `cursor` events), or null before the story. */
export function chapterAt(story: NavigationStory, cursor: number): StoryChapter | null {
  const seq = cursor - 1;
  let found: StoryChapter | null = null;
  for (const chapter of story.chapters) {
    if (chapter.fromSeq !== null && chapter.fromSeq <= seq) found = chapter;
  }
  return found;
}
