/**
 * Process faults: the network thread killed in the middle of navigations (it is
 * restarted, in-flight loads fail cleanly, the browser goes on), renderers killed
 * again and again while pages load, and twenty sites open at once.
 */
import { describe, expect, it } from 'vitest';
import { LAB_ORDINARY_SITES } from '../../../electron/lab/labZones.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import {
  messages,
  navigateAndCollect,
  nextHeldRequest,
  ofType,
  useLabSession,
  waitForEvent,
} from '../support/browserHarness.js';

/** Spans of `endpoint` begun in `events` and never ended there. */
const openSpans = (events: readonly TraceEvent[], endpoint: string): string[] => {
  const ended = new Set(ofType(events, 'span.end').map((e) => e.spanId));
  return ofType(events, 'span.begin')
    .filter((b) => b.endpoint === endpoint && !ended.has(b.spanId))
    .map((b) => b.name);
};

const threadStarts = (events: readonly TraceEvent[]) =>
  ofType(events, 'thread.start').filter((t) => t.info.role === 'network');

describe('the network thread killed mid-navigation', () => {
  const session = useLabSession();

  it('fails the navigation waiting for its response with ERR_FAILED, restarts the thread, and the next navigation loads', async () => {
    const browser = session().browser;
    const before = browser.recorder.events.length;
    // /slow-head sends nothing for a minute: the navigation is waiting for the response.
    const navigation = browser.webContents.navigateFromOmnibox('http://www.naver.com/slow-head');
    await waitForEvent(
      session(),
      (e) => e.seq >= before && e.type === 'http.request' && e.url.endsWith('/slow-head'),
      'the request on the wire',
    );
    expect(browser.killNetworkThread()).toBe(true);
    const result = await navigation;
    expect(result.outcome).toBe('failed');
    expect(result.netError?.name).toBe('ERR_FAILED');
    expect(result.netError?.detail).toMatch(/network service crashed/);
    await waitForEvent(
      session(),
      (e) => e.seq >= before && e.type === 'thread.start' && e.info.role === 'network',
      'the restarted network thread',
    );
    const events = browser.recorder.events.slice(before);
    // The crash is reported, not hidden; the failed navigation has its one end and an error page.
    expect(ofType(events, 'error').map((e) => e.message)).toEqual(
      expect.arrayContaining([expect.stringMatching(/the network thread exited/)]),
    );
    expect(ofType(events, 'navigation.end')).toHaveLength(1);
    expect(messages(events, 'NavigationClient.CommitFailedNavigation')).toHaveLength(1);
    expect(browser.network.restartCount).toBe(1);
    // What the dead thread was doing ends as an error in the trace, not as a span running forever.
    expect(ofType(events, 'thread.exit')).toHaveLength(1);
    expect(openSpans(events, 'network')).toEqual([]);
    expect(
      ofType(events, 'span.end').some(
        (e) => e.endpoint === 'network' && e.status === 'error' && /network thread exited/.test(e.error ?? ''),
      ),
    ).toBe(true);
    const next = await navigateAndCollect(session(), 'www.naver.com');
    expect(next.result.outcome).toBe('loaded');
  });

  it('fails the subresources still loading in a committed page, which then finishes; the renderer uses the new thread', async () => {
    const browser = session().browser;
    const before = browser.recorder.events.length;
    // /slow holds one image until released: the page is committed and loading when the thread dies.
    const held = nextHeldRequest(session());
    const navigation = browser.webContents.navigateFromOmnibox('http://www.naver.com/slow');
    await held;
    expect(browser.killNetworkThread()).toBe(true);
    const result = await navigation;
    expect(result.outcome).toBe('loaded');
    const events = browser.recorder.events.slice(before);
    const update = messages(events, 'Frame.UpdateSubresourceLoaderFactories');
    expect(update.length).toBeGreaterThan(0);
    const failedImage = messages(events, 'FrameHost.ResourceLoadComplete').find((m) =>
      JSON.stringify(m.payload).includes('/hold/'),
    );
    expect(failedImage?.payload).toMatchObject({ errorCode: -2 });
    expect(ofType(events, 'error').some((e) => /network thread exited/.test(e.message))).toBe(true);
    // The same renderer process loads the next page's subresources through the new network thread.
    const next = await navigateAndCollect(session(), 'http://www.naver.com/');
    expect(next.result.outcome).toBe('loaded');
    expect(
      messages(next.events, 'URLLoaderFactory.CreateLoaderAndStart').filter((m) => m.from !== 'browser').length,
    ).toBeGreaterThan(0);
  });

  it('survives being killed three times in a row, each time mid-navigation', async () => {
    const browser = session().browser;
    const restartsBefore = browser.network.restartCount;
    for (let i = 0; i < 3; i++) {
      const before = browser.recorder.events.length;
      const navigation = browser.webContents.navigateFromOmnibox('http://www.naver.com/slow-head');
      await waitForEvent(session(), (e) => e.seq >= before && e.type === 'http.request', `request ${i + 1}`);
      expect(browser.killNetworkThread()).toBe(true);
      expect((await navigation).netError?.name).toBe('ERR_FAILED');
      await waitForEvent(
        session(),
        (e) => e.seq >= before && e.type === 'thread.start' && e.info.role === 'network',
        `restart ${i + 1}`,
      );
    }
    expect(browser.network.restartCount).toBe(restartsBefore + 3);
    expect(threadStarts(browser.recorder.events).length).toBe(browser.network.restartCount + 1);
    const next = await navigateAndCollect(session(), 'www.google.com');
    expect(next.result.outcome).toBe('loaded');
  });

  it('recorded, through the crashes, only events the window shows as they are', () => {
    for (const event of session().browser.recorder.events)
      expect(traceEventProblem(event), `${event.seq} ${event.type}`).toBeNull();
  });
});

describe('renderers killed again and again during load', () => {
  const session = useLabSession();

  it('each kill ends that load as a crash with its trace; a new process takes the next one', async () => {
    const browser = session().browser;
    const killed: string[] = [];
    for (let i = 0; i < 5; i++) {
      const before = browser.recorder.events.length;
      const held = nextHeldRequest(session());
      const navigation = browser.webContents.navigateFromOmnibox('http://www.naver.com/slow');
      await held;
      const victim = browser.webContents.currentFrame!.process;
      expect(killed).not.toContain(victim.endpointId);
      killed.push(victim.endpointId);
      expect(browser.killRenderer(victim.endpointId)).toBe(true);
      const result = await navigation;
      expect(result.outcome).toBe('renderer-crashed');
      await waitForEvent(
        session(),
        (e) => e.seq >= before && e.type === 'process.crash' && e.processId === victim.endpointId,
        `crash ${i + 1}`,
      );
      const events = browser.recorder.events.slice(before);
      // Up to the crash, the load is all there: the commit, and the document the renderer built.
      expect(messages(events, 'NavigationClient.CommitNavigation:reply')).toHaveLength(1);
      expect(
        ofType(events, 'state')
          .filter((s) => s.field === 'crashed')
          .at(-1)?.value,
      ).toBe(true);
      expect(openSpans(events, victim.endpointId)).toEqual([]);
      session().lab?.releaseHeld();
    }
    const next = await navigateAndCollect(session(), 'www.naver.com');
    expect(next.result.outcome).toBe('loaded');
    expect(killed).not.toContain(browser.webContents.currentFrame!.process.endpointId);
  });
});

describe('twenty sites', () => {
  const session = useLabSession();

  it('opens twenty sites one after another, each in its own process, and the browser stays whole', async () => {
    const browser = session().browser;
    const processes = new Set<string>();
    for (const site of LAB_ORDINARY_SITES) {
      const { result } = await navigateAndCollect(session(), site.host);
      expect(result.outcome, site.host).toBe('loaded');
      processes.add(browser.webContents.currentFrame!.process.endpointId);
    }
    expect(processes.size).toBe(LAB_ORDINARY_SITES.length);
    expect(ofType(browser.recorder.events, 'process.crash')).toEqual([]);
  });

  it('loads one page that pulls from all twenty sites at once', async () => {
    const { result, events } = await navigateAndCollect(session(), 'http://www.naver.com/twenty-sites', 60_000);
    expect(result.outcome).toBe('loaded');
    const images = messages(events, 'FrameHost.ResourceLoadComplete').filter((m) =>
      JSON.stringify(m.payload).includes('/static/mark.png'),
    );
    expect(images).toHaveLength(LAB_ORDINARY_SITES.length);
    for (const image of images) expect(image.payload).toMatchObject({ errorCode: 0 });
    // Twenty hosts resolved from the root, twenty connections; ORB let each image through.
    const resolved = new Set(ofType(events, 'dns.result').map((r) => r.host));
    for (const site of LAB_ORDINARY_SITES) expect(resolved.has(site.host), site.host).toBe(true);
    expect(ofType(events, 'corb.decision').filter((d) => d.url.includes('-lab.com/static/mark.png'))).toHaveLength(
      LAB_ORDINARY_SITES.length,
    );
  }, 90_000);
});
