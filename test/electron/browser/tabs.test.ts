/**
 * Tabs (issue 20): one WebContents per tab, renderer processes chosen per site across
 * tabs as Chromium does on desktop, and a process ending when its last tab closes —
 * real renderer processes, the real lab.
 */
import { describe, expect, it } from 'vitest';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { LAB_ORDINARY_SITES } from '../../../electron/lab/labZones.js';
import { foldTrace, framesOfTab } from '../../../shared/trace/browserViewState.js';
import { messages, ofType, useLabSession, waitForEvent } from '../support/browserHarness.js';

const siteProcesses = (session: BrowserSession, site: string) =>
  session.browser.renderProcesses.filter((p) => p.site === site);

describe('tabs', () => {
  const session = useLabSession();

  it('shares the naver process with a second naver tab opened from the first, and ends it when both close', async () => {
    const browser = session().browser;
    const first = browser.newTab();
    expect((await first.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
    const second = browser.newTab({ openerTabId: first.tabId });
    expect((await second.navigateFromOmnibox('www.naver.com/news')).outcome).toBe('loaded');
    const naver = siteProcesses(session(), 'https://naver.com').filter((p) =>
      p.frames.has(first.currentFrame!.frameToken),
    );
    expect(naver).toHaveLength(1);
    expect(second.currentFrame!.process).toBe(naver[0]);
    const assigned = ofType(browser.recorder.events, 'process.assigned').at(-1)!;
    expect(assigned).toMatchObject({ how: 'reused', processId: naver[0]!.endpointId });

    const before = browser.recorder.events.length;
    browser.closeTab(first.tabId);
    // One tab of the site is still open: the process stays.
    expect(naver[0]!.isAlive).toBe(true);
    browser.closeTab(second.tabId);
    await waitForEvent(
      session(),
      (e) => e.type === 'process.exit' && e.processId === naver[0]!.endpointId,
      'the naver process to exit',
    );
    const events = browser.recorder.events.slice(before);
    expect(messages(events, 'ChildProcess.ProcessShutdown').map((m) => m.to)).toEqual([naver[0]!.endpointId]);
    expect(ofType(events, 'tab.closed').map((e) => e.tabId)).toEqual([first.tabId, second.tabId]);
    const state = foldTrace(browser.recorder.events);
    expect(state.tabs.filter((t) => !t.closed).map((t) => t.tabId)).toEqual([1]);
    expect(state.activeTabId).toBe(1);
  });

  it('gives a tab the user opens on the same site its own process under the soft limit, as Chromium does', async () => {
    const browser = session().browser;
    const a = browser.newTab();
    await a.navigateFromOmnibox('www.google.com');
    const b = browser.newTab();
    await b.navigateFromOmnibox('www.google.com');
    expect(b.currentFrame!.process).not.toBe(a.currentFrame!.process);
    browser.closeTab(a.tabId);
    browser.closeTab(b.tabId);
  });

  it('starts a new session with every tab, frame and proxy that exists now', async () => {
    const browser = session().browser;
    const tab = browser.newTab();
    expect((await tab.navigateFromOmnibox('www.naver.com/frames')).outcome).toBe('loaded');
    const before = foldTrace(browser.recorder.events);
    expect(browser.newSession()).toEqual({ ok: true });
    const after = foldTrace(browser.recorder.events);
    expect(after.tabs.map((t) => t.tabId)).toEqual(before.tabs.filter((t) => !t.closed).map((t) => t.tabId));
    expect(after.activeTabId).toBe(tab.tabId);
    expect(after.tab.url).toBe('https://www.naver.com/frames');
    const shape = (state: typeof after) =>
      framesOfTab(state, tab.tabId).map((f) => [f.frameTreeNodeId, f.parentId, f.site, f.processId]);
    expect(shape(after)).toEqual(shape(before));
    expect(after.proxies).toEqual(before.proxies.filter((p) => p.tabId === tab.tabId));
    browser.closeTab(tab.tabId);
  });

  it('refuses to close the last tab, and an unknown one, with the reason', () => {
    const browser = session().browser;
    expect(() => browser.closeTab(99)).toThrow(/no open tab 99/);
    expect(browser.tabs).toHaveLength(1);
    expect(() => browser.closeTab(browser.tabs[0]!.tabId)).toThrow(/last tab/);
  });

  it('loads A inside B inside A with the inner A in the outer page’s process', async () => {
    const browser = session().browser;
    const tab = browser.newTab();
    expect((await tab.navigateFromOmnibox('www.naver.com/frames/nested')).outcome).toBe('loaded');
    const frames = framesOfTab(foldTrace(browser.recorder.events), tab.tabId);
    expect(frames.map((f) => [f.depth, f.site])).toEqual([
      [0, 'https://naver.com'],
      [1, 'https://google.com'],
      [2, 'https://naver.com'],
    ]);
    expect(frames[2]!.processId).toBe(frames[0]!.processId);
    expect(frames[1]!.processId).not.toBe(frames[0]!.processId);
    browser.closeTab(tab.tabId);
  });

  it('gives each of five cross-site iframes its own process: six for one tab', async () => {
    const browser = session().browser;
    const tab = browser.newTab();
    expect((await tab.navigateFromOmnibox('www.naver.com/frames/five')).outcome).toBe('loaded');
    const frames = framesOfTab(foldTrace(browser.recorder.events), tab.tabId);
    expect(frames).toHaveLength(6);
    expect(new Set(frames.map((f) => f.processId)).size).toBe(6);
    browser.closeTab(tab.tabId);
  });
});

describe('at the soft process limit', () => {
  it('reuses the site’s process for a tab the user opens (ShouldTryToUseExistingProcessHost)', async () => {
    const session = await BrowserSession.start({ lab: true, rendererProcessLimit: 1 });
    try {
      const browser = session.browser;
      await browser.webContents.navigateFromOmnibox('www.naver.com');
      const second = browser.newTab();
      expect((await second.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
      expect(second.currentFrame!.process).toBe(browser.tabs[0]!.currentFrame!.process);
      const reused = ofType(browser.recorder.events, 'process.assigned').filter((a) => a.how === 'reused');
      expect(reused.at(-1)!.reason).toMatch(/soft limit of 1/);
    } finally {
      await session.stop();
    }
  }, 60_000);
});

describe('twenty tabs on twenty sites', () => {
  it('stay up at once, and the browser still answers', async () => {
    const session = await BrowserSession.start({ lab: true });
    try {
      const browser = session.browser;
      const results = [];
      for (const site of LAB_ORDINARY_SITES) {
        const tab =
          browser.tabs.length === 1 && !browser.webContents.currentFrame ? browser.webContents : browser.newTab();
        results.push((await tab.navigateFromOmnibox(site.host)).outcome);
      }
      expect(results).toEqual(LAB_ORDINARY_SITES.map(() => 'loaded'));
      expect(browser.tabs).toHaveLength(20);
      expect(browser.renderProcesses).toHaveLength(20);
      // Every renderer still answers through the browser's router.
      for (const host of browser.renderProcesses)
        expect(await browser.pingRenderer(host.endpointId)).toBeGreaterThan(0);
      // And the first tab still navigates.
      expect((await browser.tabs[0]!.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
    } finally {
      await session.stop();
    }
  }, 180_000);
});
