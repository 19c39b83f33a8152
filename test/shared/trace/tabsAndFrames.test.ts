/**
 * Tabs, frames and proxies in the trace (issue 20): the events check out, the view
 * fold shows each tab's state, the frames each process hosts and the proxies it
 * holds, and the recorder tags a frame's messages with its frame and tab.
 */
import { describe, expect, it } from 'vitest';
import {
  foldTrace,
  framesInProcess,
  framesOfTab,
  proxiesInProcess,
  TraceTimeline,
} from '../../../shared/trace/browserViewState.js';
import type { TraceEvent, TraceEventBody } from '../../../shared/trace/traceEvent.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { TraceRecorder } from '../../../shared/trace/traceRecorder.js';

function trace(bodies: TraceEventBody[]): TraceEvent[] {
  return bodies.map((body, seq) => ({ ...body, seq, ts: 1000 + seq, endpoint: 'browser' }) as TraceEvent);
}

const framesPage: TraceEventBody[] = [
  { type: 'tab.created', tabId: 1, openerTabId: null, mainFrameTreeNodeId: 1, reason: 'the window opened' },
  {
    type: 'frame.created',
    frameTreeNodeId: 1,
    parentId: null,
    tabId: 1,
    frameToken: null,
    name: '',
    url: '',
    site: '',
    processId: null,
    depth: 0,
    reason: 'main frame of tab 1',
  },
  {
    type: 'frame.committed',
    frameTreeNodeId: 1,
    tabId: 1,
    frameToken: 'F1',
    url: 'https://www.naver.com/frames',
    site: 'https://naver.com',
    processId: 'renderer:1',
    navigationId: 'nav-1',
    reason: 'committed',
  },
  {
    type: 'frame.created',
    frameTreeNodeId: 2,
    parentId: 1,
    tabId: 1,
    frameToken: 'F2',
    name: 'same',
    url: 'https://www.naver.com/frames/child',
    site: 'https://naver.com',
    processId: 'renderer:1',
    depth: 1,
    reason: 'CreateChildFrame',
  },
  {
    type: 'frame.created',
    frameTreeNodeId: 3,
    parentId: 1,
    tabId: 1,
    frameToken: null,
    name: 'cross',
    url: 'https://www.google.com/',
    site: '',
    processId: null,
    depth: 1,
    reason: 'CreateChildFrame',
  },
  {
    type: 'frame.committed',
    frameTreeNodeId: 3,
    tabId: 1,
    frameToken: 'F3',
    url: 'https://www.google.com/',
    site: 'https://google.com',
    processId: 'renderer:2',
    navigationId: 'nav-2',
    reason: 'cross-site: its own process',
  },
  { type: 'proxy.created', frameTreeNodeId: 3, tabId: 1, processId: 'renderer:1', proxyToken: 'P3', reason: 'OOPIF' },
  { type: 'frame.loaded', frameTreeNodeId: 3, tabId: 1, url: 'https://www.google.com/', processId: 'renderer:2' },
  { type: 'state', tabId: 1, field: 'title', value: 'Frames', cause: 'UpdateTitle' },
  { type: 'tab.created', tabId: 2, openerTabId: null, mainFrameTreeNodeId: 4, reason: 'new tab' },
  { type: 'tab.activated', tabId: 2, previousTabId: 1, reason: 'new tab' },
  { type: 'state', tabId: 2, field: 'url', value: 'https://www.naver.com/', cause: 'commit' },
];

describe('tabs and frames in the trace', () => {
  it('declares events the window accepts, and refuses a frame without a tab', () => {
    for (const event of trace(framesPage)) expect(traceEventProblem(event)).toBeNull();
    const bad = { ...trace(framesPage)[3]!, tabId: undefined };
    expect(traceEventProblem(bad)).toMatch(/tabId/);
  });

  it('folds tabs, the frames each process hosts and the proxies it holds', () => {
    const state = foldTrace(trace(framesPage));
    expect(state.tabs.map((t) => t.tabId)).toEqual([1, 2]);
    expect(state.activeTabId).toBe(2);
    expect(state.tab.url).toBe('https://www.naver.com/');
    expect(state.tabs[0]!.title).toBe('Frames');
    expect(framesInProcess(state, 'renderer:1').map((f) => f.frameTreeNodeId)).toEqual([1, 2]);
    expect(framesInProcess(state, 'renderer:2').map((f) => f.frameTreeNodeId)).toEqual([3]);
    expect(proxiesInProcess(state, 'renderer:1').map((p) => p.frameTreeNodeId)).toEqual([3]);
    expect(framesOfTab(state, 1).map((f) => [f.frameTreeNodeId, f.parentId])).toEqual([
      [1, null],
      [2, 1],
      [3, 1],
    ]);
    expect(state.frames.find((f) => f.frameTreeNodeId === 3)).toMatchObject({
      loaded: true,
      site: 'https://google.com',
    });

    const removed = foldTrace(
      trace([...framesPage, { type: 'frame.removed', frameTreeNodeId: 3, tabId: 1, reason: 'tab closed' }]),
    );
    expect(proxiesInProcess(removed, 'renderer:1')).toEqual([]);
    expect(framesInProcess(removed, 'renderer:2')).toEqual([]);
  });

  it('gives the same state stepping through checkpoints as folding at once', () => {
    const events = trace(framesPage);
    const timeline = new TraceTimeline(3);
    timeline.update(events);
    for (let n = 0; n <= events.length; n++) {
      const stepped = timeline.stateAt(n);
      expect(stepped).toEqual(foldTrace(events, n));
      expect(stepped.tab).toBe(stepped.tabs.find((t) => t.tabId === stepped.activeTabId));
    }
  });

  it('tags a message with the frame its payload names, and leaves others untagged', () => {
    const recorder = new TraceRecorder();
    for (const event of trace(framesPage)) {
      const { seq: _seq, ...record } = event;
      recorder.record(record);
    }
    const message = (payload: Record<string, string>) =>
      recorder.recordMessage(
        {
          v: 1,
          flowId: `renderer:2#${recorder.events.length}`,
          name: 'FrameHost.DidStopLoading',
          from: 'renderer:2',
          to: 'browser',
          route: null,
          sentAt: 5000,
          payload,
        } as never,
        5001,
        'browser',
      );
    expect(message({ frameToken: 'F3' })).toMatchObject({ frameTreeNodeId: 3, tabId: 1 });
    expect(message({ frameToken: 'P3' })).toMatchObject({ frameTreeNodeId: 3, tabId: 1 });
    const other = message({ frameToken: 'unknown' })!;
    expect('frameTreeNodeId' in other).toBe(false);
  });
});
