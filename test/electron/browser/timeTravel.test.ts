import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { TraceTimeline, foldTrace } from '../../../shared/trace/browserViewState.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { messages, ofType, startLabSession } from '../support/browserHarness.js';
import type { BrowserSession } from '../../../electron/hosts/node/browserSession.js';

describe('time travel over a recorded trace', () => {
  let session: BrowserSession;
  let events: TraceEvent[];

  beforeAll(async () => {
    session = await startLabSession();
    await session.browser.webContents.navigateFromOmnibox('www.naver.com');
    await session.browser.webContents.navigateFromOmnibox('www.google.com');
    await session.browser.webContents.goBack();
    events = [...session.browser.recorder.events];
  });
  afterAll(async () => {
    await session?.stop();
  });

  it('reaches exactly the state after the first N events, for every N, through checkpoints', () => {
    const timeline = new TraceTimeline(16);
    timeline.update(events);
    for (let n = 0; n <= events.length; n++) {
      expect(timeline.stateAt(n)).toEqual(foldTrace(events, n));
    }
    // Random access in any order gives the same answers.
    for (const n of [events.length, 0, 37, 5, events.length - 1, 17])
      expect(timeline.stateAt(n)).toEqual(foldTrace(events, n));
  });

  it('shows each view as it was at the cursor: address bar only after commit, processes as they come and go', () => {
    const didCommit = messages(events, 'NavigationClient.CommitNavigation:reply')[0]!;
    const atAck = foldTrace(events, didCommit.seq + 1);
    expect(atAck.tab.url).toBe('');
    expect(atAck.tab.loading).toBe(true);
    const urlSet = ofType(events, 'state').find((s) => s.field === 'url')!;
    expect(foldTrace(events, urlSet.seq + 1).tab.url).toBe('https://www.naver.com/');

    const launch = ofType(events, 'process.launch')[0]!;
    expect(foldTrace(events, launch.seq).processes.filter((p) => p.kind === 'renderer')).toEqual([]);
    expect(foldTrace(events, launch.seq + 1).processes.find((p) => p.id === launch.processId)).toMatchObject({
      state: 'launching',
      pid: null,
    });
    const spawn = ofType(events, 'process.spawn')[0]!;
    expect(foldTrace(events, spawn.seq + 1).processes.find((p) => p.id === spawn.processId)).toMatchObject({
      pid: spawn.pid,
      site: 'https://naver.com',
    });

    const exit = ofType(events, 'process.exit')[0]!;
    expect(foldTrace(events, exit.seq + 1).processes.find((p) => p.id === exit.processId)!.state).toBe('exited');

    const stop = messages(events, 'FrameHost.DidStopLoading')[0]!;
    const loadingEnd = ofType(events, 'state').find((s) => s.field === 'loading' && s.value === false)!;
    expect(loadingEnd.seq).toBeGreaterThan(stop.seq);
    expect(foldTrace(events, loadingEnd.seq).tab.loading).toBe(true);
    expect(foldTrace(events, loadingEnd.seq + 1).tab.loading).toBe(false);

    const end = foldTrace(events);
    expect(end.tab.history.entries.map((e) => e.url)).toEqual(['https://www.naver.com/', 'https://www.google.com/']);
    expect(end.tab.history.index).toBe(0);
    expect(end.tab.url).toBe('https://www.naver.com/');
    expect(end.servers.filter((s) => s.kind === 'dns').map((s) => s.role)).toEqual([
      'root',
      'tld',
      'authoritative',
      'authoritative',
    ]);
    expect(end.messageCount).toBe(ofType(events, 'message').length);
    // Spans opened up to a cursor but not yet closed are shown open.
    const dnsBegin = ofType(events, 'span.begin').find((s) => s.name === 'DNS Lookup')!;
    expect(foldTrace(events, dnsBegin.seq + 1).spans.find((s) => s.spanId === dnsBegin.spanId)!.status).toBe('open');
  });
});
