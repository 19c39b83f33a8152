/**
 * What a language supplies to tell a navigation's story: chapter titles, the sentences of
 * each chapter from the facts, the short answer, and the document's labels.
 */
import type { PhaseId } from '../trace/phases.js';
import type { StoryFacts } from './storyFacts.js';

export type StoryLang = 'en' | 'ko';

export interface StoryLabels {
  recorded(mode: 'lab' | 'live' | null, when: string | null): string;
  chapter: string;
  firstMessage: string;
  events: string;
  processes: string;
  waterfall: string;
  answer: string;
  phase: string;
  startMs: string;
  durationMs: string;
  process: string;
  pid: string;
  none: string;
  skipped: string;
  failed: string;
}

export interface StoryTeller {
  lang: StoryLang;
  chapterTitle(phase: PhaseId): string;
  headline(facts: StoryFacts): string;
  /** The interview answer in a few sentences: the whole journey, with this navigation's facts. */
  answer(facts: StoryFacts): string;
  /** Two to four sentences about what this chapter did in this navigation (or why it did not happen). */
  chapter(phase: PhaseId, facts: StoryFacts): string[];
  labels: StoryLabels;
}
