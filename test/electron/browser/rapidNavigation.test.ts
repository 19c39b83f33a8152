/**
 * Navigations that overtake each other, as an impatient user makes them: every
 * navigate() call settles with its trace end, and renderer processes started or taken
 * for navigations that never committed end, as Chromium's do.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NavigationResult } from '../../../electron/browser/webContents.js';
import { BrowserSession } from '../../../electron/hosts/node/browserSession.js';
import { nextHeldRequest, ofType, waitForEvent } from '../support/browserHarness.js';

/** Rejects with `what` when `promise` has not settled within `ms`: a hang fails the test with its name. */
function settlesWithin<T>(promise: Promise<T>, ms: number, what: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stuck = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${what} did not settle within ${ms} ms`)), ms);
  });
  return Promise.race([promise, stuck]).finally(() => clearTimeout(timer));
}

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('navigations that overtake each other (the window runs spare and speculative processes)', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.start({ lab: true, spareRenderer: true, speculativeProcesses: true });
  }, 60_000);
  afterAll(async () => {
    session?.lab?.releaseHeld();
    await session?.stop();
  });

  it.each([
    ['another site', 'www.google.com'],
    ['the same site', 'http://www.naver.com/'],
  ])(
    'a committed page still loading is settled as load-cancelled when a page of %s replaces it',
    async (_what, next) => {
      const { browser } = session;
      const before = browser.recorder.events.length;
      // /slow holds one image until released: the page commits and keeps loading.
      const held = nextHeldRequest(session);
      const first = browser.webContents.navigateFromOmnibox('http://www.naver.com/slow');
      await held;
      const second = browser.webContents.navigateFromOmnibox(next);
      const [a, b] = await settlesWithin(Promise.all([first, second]), 20_000, 'the two navigations');
      expect(a.outcome).toBe('load-cancelled');
      expect(a.message).toMatch(/replaced it before it finished loading/);
      expect(b.outcome).toBe('loaded');
      // The abandoned load's span ends, cancelled, with why.
      const events = browser.recorder.events.slice(before);
      const load = ofType(events, 'span.begin').find((s) => s.phase === 'load' && s.navigationId === a.navigationId);
      const end = ofType(events, 'span.end').find((e) => e.spanId === load?.spanId);
      expect(end?.status).toBe('cancelled');
      expect(end?.error).toMatch(/another document committed/);
      session.lab?.releaseHeld();
    },
  );

  it('100 navigations 15 ms apart across ten sites: every call settles, and only processes with frames (and the spare) stay', async () => {
    const { browser } = session;
    const sites = [
      'www.naver.com',
      'www.google.com',
      ...Array.from({ length: 8 }, (_, i) => `http://www.site${i + 1}-lab.com/`),
    ];
    const calls: Promise<NavigationResult>[] = [];
    for (let i = 0; i < 100; i++) {
      calls.push(browser.webContents.navigateFromOmnibox(sites[(i * 7) % sites.length]!));
      await delay(15);
    }
    const results = await settlesWithin(Promise.all(calls), 60_000, 'the 100 navigations');
    expect(results.every((r) => r.outcome !== 'invalid-input')).toBe(true);
    expect(results.at(-1)!.outcome).toBe('loaded');
    // Each navigation's trace has its end.
    const begun = ofType(browser.recorder.events, 'navigation.begin').map((e) => e.navigationId);
    const ended = new Set(ofType(browser.recorder.events, 'navigation.end').map((e) => e.navigationId));
    expect(begun.filter((id) => !ended.has(id))).toEqual([]);
    // The tab's page lives in one process; the spare is the only other one.
    await expect
      .poll(() => browser.renderProcesses.filter((p) => p.isReusable).length, { timeout: 15_000 })
      .toBeLessThanOrEqual(2);
    await expect.poll(() => browser.renderProcesses.length, { timeout: 15_000 }).toBeLessThanOrEqual(2);
    const discarded = ofType(browser.recorder.events, 'process.discarded');
    expect(discarded.some((d) => /cancelled before it committed|did not commit here/.test(d.reason))).toBe(true);
    // The browser goes on.
    await waitForEvent(session, (e) => e.type === 'process.ready', 'a ready renderer');
    expect((await browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  }, 120_000);
});
