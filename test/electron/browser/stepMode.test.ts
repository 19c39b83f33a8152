/**
 * Step mode against the real browser model: real network thread, forked renderers and
 * the lab. A held navigation makes no progress until stepped, finishes when stepped,
 * sends the same messages as a normal run, and the model's timeouts count running
 * time only.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { compareMessageSequences } from '../../../shared/trace/messageSequence.js';
import type { TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { navigateAndCollect, ofType, startLabSession, waitForEvent } from '../support/browserHarness.js';

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** Steps one message at a time until `done` settles; returns the number of steps. */
async function stepUntil(session: BrowserSession, done: Promise<unknown>): Promise<number> {
  const gate = session.browser.router.gate;
  let finished = false;
  void done.finally(() => {
    finished = true;
  });
  let steps = 0;
  while (!finished) {
    if (gate.view().held > 0) {
      expect(gate.step()).toBe(true);
      steps++;
      await new Promise((resolve) => setImmediate(resolve));
    } else {
      // Nothing held: the model is working (DNS, sockets, parsing) until its next message.
      await Promise.race([
        done,
        waitForEvent(
          session,
          (e) => e.type === 'step.held' && e.seq >= session.browser.recorder.events.length - 1,
          'the next held message',
          20_000,
        ),
      ]);
    }
  }
  return steps;
}

/** Step mode on, then a navigation; resolves once its first message waits at the gate. */
async function steppedNavigation(session: BrowserSession, input: string) {
  session.browser.router.gate.enable();
  const before = session.browser.recorder.events.length;
  const navigation = session.browser.webContents.navigateFromOmnibox(input);
  const first = await waitForEvent(session, (e) => e.type === 'step.held' && e.seq >= before, 'the first held message');
  return { navigation, before, first: first as TraceEventOf<'step.held'> };
}

describe('step mode', () => {
  let normal: BrowserSession;
  let stepped: BrowserSession;
  beforeAll(async () => {
    [normal, stepped] = await Promise.all([startLabSession(), startLabSession()]);
  }, 60_000);
  afterAll(async () => {
    await Promise.all([normal?.stop(), stepped?.stop()]);
  });

  it('holds a navigation until stepped, finishes it step by step, with the same messages as a normal run', async () => {
    const reference = await navigateAndCollect(normal, 'www.naver.com');
    expect(reference.result.outcome).toBe('loaded');

    const gate = stepped.browser.router.gate;
    const recorder = stepped.browser.recorder;
    expect(gate.enable()).toMatchObject({ enabled: true, pace: 'paused', held: 0 });
    const before = recorder.events.length;
    let settled = false;
    const navigation = stepped.browser.webContents.navigateFromOmnibox('www.naver.com');
    void navigation.finally(() => {
      settled = true;
    });

    // The first message (the navigation's request to the network thread) waits at the gate, and nothing moves on.
    await waitForEvent(stepped, (e) => e.type === 'step.held' && e.seq >= before, 'the first held message');
    const seenAtHold = recorder.events.length;
    await pause(400);
    expect(settled).toBe(false);
    expect(gate.view()).toMatchObject({
      held: 1,
      next: { name: 'URLLoaderFactory.CreateLoaderAndStart', from: 'browser', to: 'network' },
    });
    expect(
      recorder.events
        .slice(seenAtHold)
        .filter((e) => e.type === 'message' || e.type === 'dns.query' || e.type === 'http.request'),
    ).toEqual([]);

    // Until the page's last message: the favicon URL Chromium sends right after "spinner stops".
    const steps = await stepUntil(
      stepped,
      navigation.then(() =>
        waitForEvent(
          stepped,
          (e) => e.type === 'message' && e.name === 'LocalFrameHost.UpdateFaviconURL' && e.seq >= before,
          'the favicon URL',
        ),
      ),
    );
    const result = await navigation;
    expect(result.outcome).toBe('loaded');
    const events = recorder.events.slice(before);
    const messages = ofType(events, 'message');
    // Every message crossed on a step: one release per delivered message.
    expect(ofType(events, 'step.released').filter((r) => r.into === 'receiver')).toHaveLength(steps);
    expect(steps).toBe(messages.length);
    expect(compareMessageSequences(reference.events, events)).toEqual([]);
    // Each delivery came after its own release (renderers and the network thread report theirs a little later).
    const releasedAt = new Map(
      ofType(events, 'step.released')
        .filter((r) => r.into === 'receiver')
        .map((r) => [r.flowId, r.seq]),
    );
    for (const message of messages)
      expect(releasedAt.get(message.flowId), `${message.name} ${message.flowId}`).toBeLessThan(message.seq);
    expect(gate.disable()).toMatchObject({ enabled: false, held: 0 });
  }, 60_000);

  it('"run to the next phase" lets messages go until a journey phase begins, then holds again', async () => {
    const gate = stepped.browser.router.gate;
    const recorder = stepped.browser.recorder;
    const { navigation, before } = await steppedNavigation(stepped, 'www.naver.com/second.html');
    const phasesBefore = ofType(recorder.events.slice(before), 'span.begin').filter(
      (s) => s.category === 'phase',
    ).length;
    gate.runToNextPhase();
    await waitForEvent(
      stepped,
      (e) => e.seq > before && e.type === 'step.mode' && e.enabled && e.pace === 'paused',
      'step mode to pause at the next phase',
    );
    const phasesAfter = ofType(recorder.events.slice(before), 'span.begin').filter(
      (s) => s.category === 'phase',
    ).length;
    expect(phasesAfter).toBe(phasesBefore + 1);
    // Switching step mode off lets everything go: the navigation finishes on its own.
    gate.disable();
    expect((await navigation).outcome).toBe('loaded');
  }, 60_000);

  it('playing releases one message per interval until the navigation is done', async () => {
    const gate = stepped.browser.router.gate;
    gate.enable();
    gate.play(10);
    const { result, events } = await navigateAndCollect(stepped, 'www.naver.com');
    expect(result.outcome).toBe('loaded');
    expect(ofType(events, 'step.released').filter((r) => r.into === 'receiver').length).toBe(
      ofType(events, 'message').length,
    );
    gate.disable();
  }, 60_000);

  it('counts only running time: a renderer held past the beforeunload timeout is not reported unresponsive', async () => {
    const gate = stepped.browser.router.gate;
    const recorder = stepped.browser.recorder;
    const { navigation, before, first } = await steppedNavigation(stepped, 'www.naver.com/second.html');
    expect(first.name).toBe('LocalFrame.BeforeUnload');
    // Longer than the model's 2 s beforeunload timeout, all of it waiting for the user.
    await pause(2_600);
    await stepUntil(stepped, navigation);
    expect((await navigation).outcome).toBe('loaded');
    const events = recorder.events.slice(before);
    expect(ofType(events, 'process.unresponsive')).toEqual([]);
    expect(
      ofType(events, 'error')
        .map((e) => e.message)
        .join('\n'),
    ).not.toMatch(/gave up waiting/);
    gate.disable();
  }, 60_000);
});
