/**
 * Practice steps over a real lab navigation: the navigation's own messages in order
 * (without subresource loads), each with three distinct, plausible choices.
 */
import { describe, expect, it } from 'vitest';
import { isMessageName, messageKey } from '../../../shared/ipc/messageCatalogue.js';
import { practiceSteps } from '../../../shared/story/practiceSteps.js';
import { collectStoryFacts } from '../../../shared/story/storyFacts.js';
import { navigateAndCollect, ofType, useLabSession } from '../../electron/support/browserHarness.js';

describe('practice steps', () => {
  const session = useLabSession();

  it('asks for each message of the navigation in order, with three choices of which one is right', async () => {
    const { events } = await navigateAndCollect(session(), 'www.naver.com');
    const facts = collectStoryFacts(events)!;
    const steps = practiceSteps(events, facts);
    const names = steps.map((s) => s.answer.name);
    expect(names[0]).toBe('URLLoaderFactory.CreateLoaderAndStart');
    expect(names).toContain('NavigationClient.CommitNavigation');
    expect(names).toContain('NavigationClient.CommitNavigation:reply');
    // Loading stops; the favicon's URL comes after, as in Chromium 156.
    expect(names.slice(-2)).toEqual(['FrameHost.DidStopLoading', 'LocalFrameHost.UpdateFaviconURL']);
    // Subresource loads are left out: every request asked about is the navigation's own.
    expect(names).not.toContain('FrameHost.SubresourceResponseStarted');
    const seqs = steps.map((s) => s.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    const messages = ofType(events, 'message');
    for (const step of steps) {
      const message = messages.find((m) => m.seq === step.seq)!;
      expect(step.answer).toEqual({ name: messageKey(message), to: message.to });
      expect(step.choices).toHaveLength(3);
      expect(new Set(step.choices.map((c) => `${c.name}→${c.to}`)).size).toBe(3);
      expect(step.choices.filter((c) => c === step.answer)).toHaveLength(1);
      for (const choice of step.choices) {
        expect(isMessageName(choice.name)).toBe(true);
        expect(choice.to).toMatch(/^(browser|network|renderer:\d+)$/);
      }
    }
    // The same trace gives the same quiz.
    expect(practiceSteps(events, facts)).toEqual(steps);
  }, 60_000);
});
