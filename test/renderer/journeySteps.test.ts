/**
 * What the cursor steps through, on the demo traces the window ships (real recorded
 * navigations): every journey step is reachable with →, a step shows what it caused
 * (the address bar changes at the commit acknowledgement, not one step later), and
 * background work is never where a navigation ends.
 */
import { isCommitAck } from '../../shared/ipc/messageCatalogue.js';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import { layoutWaterfall } from '../../renderer/src/viz/waterfallLayout.js';
import { navigateAndCollect, waitForEvent } from '../electron/support/browserHarness.js';
import { foldTrace } from '../../shared/trace/browserViewState.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { parseTraceFileText } from '../../shared/trace/traceFile.js';
import { BackgroundWork, isJourneyStep, stepAt, stepEnd } from '../../renderer/src/viz/journeySteps.js';

function demo(name: string): TraceEvent[] {
  const file = path.resolve(__dirname, `../../renderer/src/demos/${name}.json`);
  return parseTraceFileText(readFileSync(file, 'utf8')).events;
}

/** The indexes the window's trace store keeps. */
function index(events: readonly TraceEvent[]) {
  const background = new BackgroundWork();
  const journey: number[] = [];
  const boundaries: number[] = [];
  const messages: number[] = [];
  const backgroundSeqs = new Set<number>();
  for (const event of events) {
    const isBackground = background.observe(event);
    if (isBackground) backgroundSeqs.add(event.seq);
    const isStep = !isBackground && isJourneyStep(event);
    if (isStep) journey.push(event.seq);
    if (isStep || event.type === 'message') boundaries.push(event.seq);
    if (event.type === 'message') messages.push(event.seq);
  }
  return { journey, boundaries, messages, backgroundSeqs };
}

describe.each(['www.naver.com', 'www.google.com'])('journey steps of the %s demo', (name) => {
  const events = demo(name);
  const { journey, boundaries, messages, backgroundSeqs } = index(events);
  const at = (seq: number) => events[seq]!;

  it('steps through the input, DNS queries and answers, connect, TLS, request, response, sniffing, Safe Browsing, process choice and the messages', () => {
    const kinds = journey.map((seq) => {
      const e = at(seq);
      return e.type === 'span.begin' ? `span:${e.name}` : e.type;
    });
    for (const kind of [
      'span:Handle input',
      'omnibox.classified',
      'dns.query',
      'dns.response',
      'span:Initial connection',
      'span:Request sent',
      'http.response',
      'mime.sniffed',
      'safebrowsing.check',
      'navigation.decision',
      'process.assigned',
      'message',
      'span:Load',
    ])
      expect(kinds, kind).toContain(kind);
    // Every message of the navigation is a step of its own.
    const foreground = messages.filter((seq) => !backgroundSeqs.has(seq));
    expect(foreground.every((seq) => journey.includes(seq))).toBe(true);
  });

  it('ends the navigation on "spinner stops", not on background work', () => {
    // The spinner stops; only the favicon's URL comes after, as in Chromium 156.
    const steps = journey
      .map(at)
      .filter((e) => !(e.type === 'message' && e.name === 'LocalFrameHost.UpdateFaviconURL'));
    const last = steps[steps.length - 1]!;
    expect(last.type === 'message' && last.name).toBe('FrameHost.DidStopLoading');
    // The spare renderer's start-up and the final shutdowns are background work.
    const spareLaunch = events.find((e) => e.type === 'process.launch' && e.spare)!;
    expect(backgroundSeqs.has(spareLaunch.seq)).toBe(true);
    for (const e of events)
      if (e.type === 'message' && e.name === 'ChildProcess.ProcessShutdown')
        expect(backgroundSeqs.has(e.seq)).toBe(true);
    // Showing the last step folds what it caused: the spinner has stopped.
    const state = foldTrace(events, stepEnd(boundaries, last.seq, events.length));
    expect(state.tab.loading).toBe(false);
  });

  it('changes the address bar, security state and history at the commit acknowledgement itself', () => {
    const ack = events.find((e) => isCommitAck(e))!;
    const before = foldTrace(events, ack.seq);
    expect(before.tab.url).toBe('');
    const atAck = foldTrace(events, stepEnd(boundaries, ack.seq, events.length));
    expect(atAck.tab.url).toMatch(/^https:\/\//);
    expect(atAck.tab.security).toBe('secure');
    expect(atAck.tab.history.index).toBe(0);
    // The next phase (Load) is a step of its own: not begun yet at the acknowledgement.
    expect(atAck.spans.some((s) => s.phase === 'load')).toBe(false);
  });

  it('shows the request bytes at the "Request sent" step', () => {
    const send = events.find((e) => e.type === 'span.begin' && e.name === 'Request sent')!;
    const end = stepEnd(boundaries, send.seq, events.length);
    expect(events.slice(send.seq, end).some((e) => e.type === 'http.request')).toBe(true);
  });
});

describe('step boundaries', () => {
  it('a step runs to the next boundary, the last one to the end of the trace', () => {
    expect(stepEnd([2, 5, 9], 2, 20)).toBe(5);
    expect(stepEnd([2, 5, 9], 9, 20)).toBe(20);
    expect(stepAt([2, 5, 9], 5)).toBe(2);
    expect(stepAt([2, 5, 9], 6)).toBe(5);
    expect(stepAt([2, 5, 9], 2)).toBeNull();
  });
});

describe('background work in a live browser with a spare renderer (as the window runs it)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.start({ lab: true, spareRenderer: true, speculativeProcesses: true });
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
  });

  it('keeps the next spare’s start-up out of the navigation: its spans are background, the waterfall ends with the load', async () => {
    await navigateAndCollect(session, 'www.naver.com');
    const second = await navigateAndCollect(session, 'www.google.com');
    expect(second.result.outcome).toBe('loaded');
    // The spare taken by the second navigation is replaced by a new one, which loads its parsers afterwards.
    const launch = await waitForEvent(
      session,
      (e) => e.type === 'process.launch' && e.spare && e.seq > second.events[0]!.seq,
      'a new spare renderer',
    );
    await waitForEvent(
      session,
      (e) => e.type === 'span.end' && e.endpoint === (launch.type === 'process.launch' ? launch.processId : ''),
      'the new spare to load its parsers',
    );
    const events = [...session.browser.recorder.events];
    const { journey, boundaries, backgroundSeqs } = index(events);
    expect(backgroundSeqs.has(launch.seq)).toBe(true);
    // The spinner stops; only the favicon's URL comes after, as in Chromium 156.
    const steps = journey
      .map((seq) => events[seq]!)
      .filter((e) => !(e.type === 'message' && e.name === 'LocalFrameHost.UpdateFaviconURL'));
    const last = steps[steps.length - 1]!;
    expect(last.type === 'message' && last.name).toBe('FrameHost.DidStopLoading');

    const state = foldTrace(events);
    const spareSpans = state.spans.filter(
      (s) => s.endpoint === (launch.type === 'process.launch' ? launch.processId : '') && s.category === 'renderer',
    );
    expect(spareSpans.length).toBeGreaterThan(0);
    for (const span of spareSpans) expect(span.background).toBe(true);
    // The waterfall of the second navigation ends where its load ended, not with the spare's work.
    const layout = layoutWaterfall(state, 900);
    const load = state.spans.filter((s) => s.phase === 'load').at(-1)!;
    const from = state.spans.find((s) => s.navigationId === load.navigationId)!.seq;
    const foreground = state.spans.filter((s) => s.seq >= from && !s.background);
    expect(layout.end).toBe(Math.max(...foreground.map((s) => s.end!)));
    expect(layout.rows.some((r) => r.kind === 'background' && r.label === 'Load HTML and CSS parsers')).toBe(
      spareSpans.some((s) => s.start < layout.end),
    );
    expect(stepEnd(boundaries, last.seq, events.length)).toBeGreaterThan(last.seq);
  }, 60_000);
});
