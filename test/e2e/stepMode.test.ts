/**
 * Step mode end to end: the window in Debian's Chromium drives the real web host. A
 * navigation in step mode makes no progress without steps, completes with them, and
 * sends the same messages as a normal run of the same browser.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import { compareMessageSequences } from '../../shared/trace/messageSequence.js';
import { navigateAndCollect } from '../electron/support/browserHarness.js';
import { type WindowSession, describeWindow, navigate, setMessagesOnly } from './chromiumHarness.js';

describeWindow('step mode (web host)', (window) => {
  let w: WindowSession;
  let reference: BrowserSession;
  beforeAll(async () => {
    w = window();
    // A normal run of the same browser (spare renderer, speculative processes), as the web host runs it.
    reference = await BrowserSession.start({ lab: true, spareRenderer: true, speculativeProcesses: true });
  }, 60_000);
  afterAll(async () => {
    await reference?.stop();
  });

  it('holds the navigation until stepped, finishes it with steps, with the same messages as a normal run', async () => {
    const { page, host } = w;
    const recorder = host.session.browser.recorder;
    await setMessagesOnly(page, true);
    await page.getByTestId('step-toggle').click();
    await expect.poll(() => page.getByTestId('step-toggle').getAttribute('aria-pressed')).toBe('true');
    await expect.poll(() => page.getByTestId('step-held').textContent()).toMatch(/Nothing held/);

    const before = recorder.events.length;
    const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
    await omnibox.fill('www.naver.com');
    await omnibox.press('Enter');
    await expect.poll(() => page.getByTestId('step-next').textContent()).toBe('URLLoaderFactory.CreateLoaderAndStart');
    await expect
      .poll(() => page.getByTestId('step-held').innerText())
      .toMatch(/1 held\. Next: URLLoaderFactory\.CreateLoaderAndStart browser UI → network/);

    // Without a step nothing moves: no message is delivered, no DNS query sent, the tab keeps loading.
    const atHold = recorder.events.length;
    await page.waitForTimeout(500);
    expect(
      recorder.events
        .slice(atHold)
        .filter((e) => e.type === 'message' || e.type === 'dns.query' || e.type === 'http.request'),
    ).toEqual([]);
    expect(await page.getByTestId('tab').getAttribute('aria-busy')).toBe('true');
    expect(await page.getByTestId('position').textContent()).toMatch(/Message 0 of 0/);

    // Step by step (the button, and → at the live end) until loading stops and the page's last
    // message, the favicon URL Chromium sends right after "spinner stops", has crossed too.
    const stopped = () =>
      recorder.events.slice(before).some((e) => e.type === 'state' && e.field === 'loading' && e.value === false) &&
      recorder.events.slice(before).some((e) => e.type === 'message' && e.name === 'LocalFrameHost.UpdateFaviconURL');
    let steps = 0;
    for (let guard = 0; !stopped() && guard < 400; guard++) {
      const deliver = page.getByTestId('step-deliver');
      if (await deliver.isEnabled()) {
        if (steps % 2 === 0) await deliver.click();
        else await page.keyboard.press('ArrowRight');
        steps++;
      } else {
        await page.waitForTimeout(20);
      }
    }
    expect(stopped(), 'the navigation finished with steps').toBe(true);
    await page.waitForFunction(
      () => document.querySelector('[data-testid=tab]')?.getAttribute('aria-busy') === 'false',
    );
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');

    const stepped = recorder.events.slice(before);
    const delivered = stepped.filter((e) => e.type === 'message');
    const releasedByStep = stepped.filter((e) => e.type === 'step.released' && e.into === 'receiver');
    expect(releasedByStep.length).toBe(delivered.length);
    expect(delivered.length).toBeGreaterThan(20);
    await expect
      .poll(() => page.getByTestId('position').textContent())
      .toMatch(new RegExp(`Message ${delivered.length} of ${delivered.length}`));

    const normal = await navigateAndCollect(reference, 'www.naver.com');
    expect(normal.result.outcome).toBe('loaded');
    expect(compareMessageSequences(normal.events, stepped)).toEqual([]);
  }, 90_000);

  it('runs to the next phase, plays, and turning step mode off lets the rest go', async () => {
    const { page, host } = w;
    const recorder = host.session.browser.recorder;
    const before = recorder.events.length;
    const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
    await omnibox.fill('www.naver.com/second.html');
    await omnibox.press('Enter');
    await page.getByTestId('step-next').waitFor();
    await page.getByTestId('step-next-phase').click();
    await expect
      .poll(() =>
        recorder.events
          .slice(before)
          .some(
            (e) =>
              e.type === 'step.mode' &&
              e.pace === 'paused' &&
              e.enabled &&
              recorder.events.slice(before).some((p) => p.type === 'step.mode' && p.pace === 'next-phase'),
          ),
      )
      .toBe(true);
    await page.getByTestId('step-interval').selectOption('100');
    await page.getByTestId('step-play').click();
    await expect.poll(() => page.getByTestId('step-play').getAttribute('aria-pressed')).toBe('true');
    await expect
      .poll(() => recorder.events.slice(before).filter((e) => e.type === 'step.released').length)
      .toBeGreaterThan(3);
    await page.getByTestId('step-off').click();
    await page.getByTestId('step-gate').waitFor({ state: 'detached' });
    await expect.poll(() => page.getByTestId('tab').getAttribute('aria-busy')).toBe('false');
    // Step mode off: the next navigation runs on its own.
    await navigate(page, 'www.naver.com', host);
    expect(w.problems).toEqual([]);
  }, 90_000);
});
