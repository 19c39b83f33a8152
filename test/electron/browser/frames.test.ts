/**
 * Out-of-process iframes (issue 20): the lab's frame pages loaded by the real browser
 * model, with real renderer processes. A cross-site iframe lives in its own renderer
 * process and the page's process keeps a proxy for it; a same-site one stays; the
 * page's load waits for its iframes' loads.
 */
import { describe, expect, it } from 'vitest';
import type { ChildChannel } from '../../../electron/browser/messageRouter.js';
import { navigationStarts } from '../../../shared/story/storyFacts.js';
import { foldTrace, framesInProcess, framesOfTab, proxiesInProcess } from '../../../shared/trace/browserViewState.js';
import { toHar } from '../../../shared/trace/harExport.js';
import { summarizeNavigations } from '../../../shared/trace/navigationComparison.js';
import { messages, navigateAndCollect, ofType, useLabSession } from '../support/browserHarness.js';

describe('iframes and site isolation', () => {
  const session = useLabSession();

  it('loads www.naver.com/frames: naver and google processes, a proxy for the google frame, load after both frames', async () => {
    const { result, events } = await navigateAndCollect(session(), 'www.naver.com/frames');
    expect(result.outcome).toBe('loaded');
    const state = foldTrace(session().browser.recorder.events);
    const frames = framesOfTab(state, 1);
    expect(frames.map((f) => [f.depth, f.site])).toEqual([
      [0, 'https://naver.com'],
      [1, 'https://naver.com'],
      [1, 'https://google.com'],
    ]);
    const [main, same, cross] = frames;
    // The same-site frame shares the page's process; the google frame has its own.
    expect(same!.processId).toBe(main!.processId);
    expect(cross!.processId).not.toBe(main!.processId);
    const live = state.processes.filter((p) => p.kind === 'renderer' && p.state === 'running');
    expect(live.map((p) => p.site).sort()).toEqual(['https://google.com', 'https://naver.com']);
    expect(framesInProcess(state, cross!.processId!).map((f) => f.frameTreeNodeId)).toEqual([cross!.frameTreeNodeId]);
    // The page's process holds a proxy for the out-of-process iframe.
    expect(proxiesInProcess(state, main!.processId!).map((p) => p.frameTreeNodeId)).toEqual([cross!.frameTreeNodeId]);
    // The page's load event comes after both frames' loads.
    const loaded = ofType(events, 'frame.loaded');
    const seqOf = (id: number) => loaded.find((l) => l.frameTreeNodeId === id)!.seq;
    expect(seqOf(main!.frameTreeNodeId)).toBeGreaterThan(seqOf(same!.frameTreeNodeId));
    expect(seqOf(main!.frameTreeNodeId)).toBeGreaterThan(seqOf(cross!.frameTreeNodeId));
    const mainLoad = messages(events, 'LocalFrameHost.DocumentOnLoadCompleted').find(
      (m) => m.frameTreeNodeId === main!.frameTreeNodeId,
    )!;
    const crossStop = messages(events, 'FrameHost.DidStopLoading').find(
      (m) => m.frameTreeNodeId === cross!.frameTreeNodeId,
    )!;
    expect(mainLoad.seq).toBeGreaterThan(crossStop.seq);
    // The parent's process heard the out-of-process child stop, through the browser.
    expect(messages(events, 'RemoteFrame.DidStopLoading').map((m) => m.to)).toEqual([main!.processId]);
    expect(messages(events, 'FrameHost.CreateChildFrame')).toHaveLength(2);
    expect(messages(events, 'Frame.Unload')).toHaveLength(1);
    // The iframes' own navigations belong to the page: one page in the HAR, one navigation in the story.
    expect(state.navigations).toHaveLength(1);
    expect(summarizeNavigations(events)).toHaveLength(1);
    expect(navigationStarts(events)).toHaveLength(1);
    const har = toHar(events);
    expect(har.log.pages).toHaveLength(1);
    expect(har.log.entries.map((e) => e.request.url)).toEqual(
      expect.arrayContaining(['https://www.naver.com/frames/child', 'https://www.google.com/frames/embed']),
    );
    expect(new Set(har.log.entries.map((e) => e.pageref))).toEqual(new Set([har.log.pages[0]!.id]));
  });

  it('ignores a renderer asking for frames it may not have, and says why', async () => {
    const browser = session().browser;
    const tab = browser.webContents;
    const main = tab.currentFrame!;
    const google = browser.renderProcesses.find((p) => p.site === 'https://google.com')!;
    const as = (endpointId: string): ChildChannel => ({ endpointId, role: 'renderer', post: () => undefined });
    const send = (from: string, name: string, payload: Record<string, string>) =>
      browser.router.receive(
        as(from),
        {
          kind: 'message',
          envelope: {
            v: 1,
            flowId: `${from}#9${name.length}`,
            name,
            from,
            to: 'browser',
            route: null,
            sentAt: 1,
            payload,
          },
        },
        () => undefined,
      );
    const before = browser.recorder.events.length;
    const framesBefore = tab.frames.length;
    // google's process naming naver's main frame; naver's process minting a token in google's name;
    // a renderer navigating a main frame by BeginNavigation.
    send(google.endpointId, 'FrameHost.CreateChildFrame', {
      frameToken: main.frameToken,
      childFrameToken: `${google.endpointId}/f99`,
      name: '',
    });
    send(main.process.endpointId, 'FrameHost.CreateChildFrame', {
      frameToken: main.frameToken,
      childFrameToken: `${google.endpointId}/f98`,
      name: '',
    });
    send(main.process.endpointId, 'FrameHost.BeginNavigation', {
      frameToken: main.frameToken,
      url: 'https://www.google.com/',
      initiatorOrigin: 'https://www.naver.com',
    });
    const errors = () =>
      ofType(browser.recorder.events.slice(before), 'error')
        .map((e) => e.message)
        .join('\n');
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(errors()).toMatch(
      /CreateChildFrame from renderer:\d+ names frame frame-\d+, which is not one of its current frames/,
    );
    expect(errors()).toMatch(/child frame token renderer:\d+\/f98 is taken or not the sender's own/);
    expect(errors()).toMatch(/BeginNavigation for frame-\d+: NavScope only loads iframes this way/);
    expect(tab.frames).toHaveLength(framesBefore);
  });
});
