/**
 * The window as a newcomer meets it after the first navigation (issue 15): one test
 * per thing that was wrong or in the way, in Debian's Chromium at 1280×800, driving
 * the real web host and lab.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { waitForEvent } from '../electron/support/browserHarness.js';
import { ARTIFACTS, type WindowSession, describeWindow, navigate, setMessagesOnly } from './chromiumHarness.js';

/** Presses → (from Home) until the explanation's heading contains `text`; fails after `limit` steps. */
async function stepTo(page: Page, text: string | RegExp, limit = 600, fromStart = true): Promise<void> {
  if (fromStart) await page.keyboard.press('Home');
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('ArrowRight');
    const heading = (await page.getByTestId('explain-title').textContent()) ?? '';
    if (typeof text === 'string' ? heading.includes(text) : text.test(heading)) return;
  }
  throw new Error(`no step whose heading matches ${String(text)} within ${limit} steps`);
}

const omnibox = (page: Page) => page.getByRole('textbox', { name: 'Address and search bar' });

describeWindow('the window after the first navigation (issue 15)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('1. explains the input of the step shown: the second navigation’s own input, classified QUERY; the typed text from the first step', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com', host);
    await navigate(page, 'what is dns', host);
    // The second navigation's Handle input phase: the box shows what was typed at its first step…
    await page.keyboard.press('Home');
    let phases = 0;
    while (phases < 2) {
      await page.getByRole('button', { name: 'Next phase' }).click();
      if (((await page.getByTestId('explain-title').textContent()) ?? '').includes('Handle input')) phases++;
    }
    await expect.poll(() => page.getByTestId('url-classified').textContent()).toContain('"what is dns"');
    expect(await page.getByTestId('url-classified').textContent()).not.toContain('www.naver.com');
    // …and at the next step what the omnibox decided, and why.
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('url-classified').textContent()).toMatch(/"what is dns" → QUERY/);
    expect(await page.getByTestId('url-classified').textContent()).toContain('it contains spaces and no scheme');
    await page.keyboard.press('End');
  });

  it('2. explains an HSTS upgrade as the browser’s own internal redirect, and says which entry decided', async () => {
    const { page, host } = w;
    // The first visit learns www.google.com from its Strict-Transport-Security header; the second is upgraded.
    await navigate(page, 'www.google.com', host);
    await navigate(page, 'http://www.google.com/', host);
    await page.keyboard.press('End');
    await setMessagesOnly(page, false);
    const navs = host.session.browser.recorder.events.filter((e) => e.type === 'hsts.upgrade');
    expect(navs.at(-1)).toMatchObject({ source: 'learned', matchedHost: 'www.google.com' });
    await stepTo(page, 'HSTS (learned', 2000);
    const panel = page.getByTestId('hsts-panel');
    await expect.poll(() => panel.textContent()).toContain('No server was contacted');
    expect(await page.getByTestId('hsts-preload').textContent()).toContain('google.com');
    expect(await page.getByTestId('hsts-decided').textContent()).toMatch(
      /the learned entry.*preload list covers this host too/s,
    );
    // The 307 it answers with is not a server's.
    await stepTo(page, 'URLLoaderClient.OnReceiveRedirect', 20, false);
    expect(await page.getByTestId('hsts-panel').count()).toBe(1);
    expect(await page.getByTestId('explanation').textContent()).not.toMatch(/the server answered with a redirect/);
    await page.keyboard.press('End');
  });

  it('3. shows the raw request head at "Request sent"', async () => {
    const { page } = w;
    await stepTo(page, 'Request sent', 2000);
    await expect
      .poll(() => page.getByTestId('http-raw-request').textContent())
      .toMatch(/^GET \/ HTTP\/1\.1\r?\nHost: /);
    expect(await page.getByTestId('explanation').textContent()).not.toContain('{"bytes"');
    await page.keyboard.press('End');
  });

  it('4. changes the address bar at the commit acknowledgement, stepping the journey', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com/second.html', host);
    await page.keyboard.press('End');
    await page.getByRole('button', { name: 'Previous phase' }).click(); // Load
    await page.getByRole('button', { name: 'Previous phase' }).click(); // Commit
    await stepTo(page, 'NavigationClient.CommitNavigation ↩ reply', 40, false);
    await expect.poll(() => omnibox(page).inputValue()).toBe('https://www.naver.com/second.html');
    expect(await page.getByTestId('security').getAttribute('data-state')).toBe('secure');
    await page.keyboard.press('End');
  });

  it('5. enables Back after navigations in a fresh session, and Forward after Back', async () => {
    const { page, host } = w;
    const back = page.getByRole('button', { name: 'Back', exact: true });
    const forward = page.getByRole('button', { name: 'Forward', exact: true });
    await expect.poll(() => back.isEnabled()).toBe(true);
    await back.click();
    await expect.poll(() => page.getByTestId('tab').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => forward.isEnabled()).toBe(true);
    await forward.click();
    await expect.poll(() => forward.isEnabled()).toBe(false);
    await page.getByRole('button', { name: 'Reload', exact: true }).click();
    await expect.poll(() => page.getByTestId('tab').getAttribute('aria-busy')).toBe('false');
    await expect.poll(() => back.isEnabled()).toBe(true);
    // The session history is there to see.
    await page.getByTestId('history-toggle').click();
    await expect.poll(() => page.getByTestId('history-list').locator('li.current').count()).toBe(1);
    expect(await page.getByTestId('history-list').locator('li').count()).toBeGreaterThan(3);
    await page.getByTestId('history-toggle').click();
    void host;
  });

  it('6. ends a navigation on "spinner stops": the spare renderer’s start-up is background work, shown apart', async () => {
    const { page, host } = w;
    const before = host.session.browser.recorder.events.length;
    await navigate(page, 'www.google.com', host); // another site: the spare is taken
    // The spare renderer taken by that navigation is replaced: the new one starts and loads its parsers afterwards.
    const spare = await waitForEvent(
      host.session,
      (e) => e.seq > before && e.type === 'process.launch' && e.spare,
      'a new spare renderer',
    );
    await waitForEvent(
      host.session,
      (e) =>
        e.seq > spare.seq && e.type === 'span.end' && spare.type === 'process.launch' && e.endpoint === spare.processId,
      'the spare to load its parsers',
    );
    await expect
      .poll(() => page.getByTestId('position').textContent())
      .toContain(`/ ${host.session.browser.recorder.events.length}`);
    // The end is the navigation's last message: the favicon URL Chromium sends right after "spinner stops".
    await page.keyboard.press('End');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('LocalFrameHost.UpdateFaviconURL');
    await page.keyboard.press('ArrowLeft');
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('FrameHost.DidStopLoading');
    expect(await page.locator('.sequence-row.selected').textContent()).toContain('FrameHost.DidStopLoading');
    // The waterfall's navigation rows hold no background work.
    const foreground = await page.locator('.wf-row:not(.background) .wf-label').allTextContents();
    expect(foreground).not.toContain('Load HTML and CSS parsers');
    // ▶▶ from the Load phase goes to the end, the navigation's own last message, not background work.
    await page.getByRole('button', { name: 'Previous phase' }).click();
    expect(await page.getByTestId('explain-title').textContent()).toContain('Load');
    await page.getByRole('button', { name: 'Next phase' }).click();
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('LocalFrameHost.UpdateFaviconURL');
    // Background messages are marked in the list.
    expect(await page.locator('.sequence-row.background').count()).toBeGreaterThanOrEqual(0);
  });

  it('7. shows each interstitial and error with Chrome’s wording and indicator', async () => {
    const { page, host } = w;
    await navigate(page, 'https://expired.badssl-lab.com/', host);
    await expect.poll(() => page.getByTestId('interstitial').count()).toBe(1);
    expect(await page.getByTestId('interstitial').textContent()).toContain('its security certificate has expired');
    expect(await page.getByTestId('navigation-error').count()).toBe(0);
    expect(await page.getByTestId('security').textContent()).toContain('Not secure');

    await navigate(page, 'http://phishing.testsafebrowsing-lab.com/', host);
    await expect.poll(() => page.getByTestId('interstitial').textContent()).toContain('Deceptive site ahead');
    expect(await page.getByTestId('security').textContent()).toContain('Dangerous');

    await navigate(page, 'www.no-such-site-lab.com', host);
    await expect
      .poll(() => page.getByTestId('navigation-error').textContent())
      .toMatch(/This site can’t be reached.*server IP address could not be found.*ERR_NAME_NOT_RESOLVED/s);
    // An error page: Chrome's ⓘ alone, no "Info" text.
    expect(await page.getByTestId('security').getAttribute('data-state')).toBe('neutral');
    expect(await page.getByTestId('security').locator('.security-text').count()).toBe(0);
    expect(await page.getByTestId('security').evaluate((el) => el.textContent?.trim().startsWith('ⓘ'))).toBe(true);
  });

  it('8. shows time held in step mode as held: a break in the axis, not a slow phase', async () => {
    const { page, host } = w;
    await page.getByTestId('step-toggle').click();
    await omnibox(page).fill('www.naver.com/second.html');
    await omnibox(page).press('Enter');
    await page.getByTestId('step-next').waitFor();
    await page.waitForTimeout(1500); // a long look at the first held message
    await page.getByTestId('step-off').click();
    await expect.poll(() => page.getByTestId('tab').getAttribute('aria-busy')).toBe('false');
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('waterfall-break').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('waterfall-held-note').textContent()).toMatch(/held the navigation for 1\.\d s/);
    // The axis is browser time: it ends well under the second spent waiting.
    const labels = await page.getByTestId('waterfall-axis').locator('text').allTextContents();
    expect(Math.max(...labels.map(Number))).toBeLessThan(1000);
    expect(new Set(labels).size).toBe(labels.length);
    void host;
  });

  it('9. keeps ten navigations readable: exited processes hidden (shown on request), lanes that fit, and Clear', async () => {
    const { page, host } = w;
    for (const input of ['www.naver.com', 'www.google.com', 'www.naver.com', 'www.google.com'])
      await navigate(page, input, host);
    const diagram = page.locator('[data-testid=process-diagram]');
    expect(await diagram.locator('.node.renderer.exited').count()).toBe(0);
    await expect.poll(() => page.getByTestId('show-exited').count()).toBe(1);
    await page.getByTestId('show-exited').locator('input').check();
    await expect.poll(() => diagram.locator('.node.renderer.exited, .node.more').count()).toBeGreaterThan(0);
    await page.getByTestId('show-exited').locator('input').uncheck();
    // The message list keeps its columns.
    const widths = await page
      .locator('.sequence-row')
      .first()
      .evaluate((row) => ({
        lanes: row.querySelector('svg')!.getBoundingClientRect().width,
        name: row.querySelector('.col-name')!.getBoundingClientRect().width,
        summary: row.querySelector('.col-summary')!.getBoundingClientRect().width,
        row: row.getBoundingClientRect().width,
      }));
    expect(widths.lanes).toBeLessThanOrEqual(widths.row * 0.3);
    expect(widths.name).toBeGreaterThan(150);
    expect(widths.summary).toBeGreaterThan(40);
    // Clear: a new session on the same host.
    await page.getByTestId('clear').click();
    await expect.poll(() => page.getByTestId('position').textContent()).toMatch(/Step 0 of 0/);
    expect(host.session.browser.recorder.events[0]?.type).toBe('trace.begin');
    expect(await page.locator('.sequence-row').count()).toBe(0);
    expect(await diagram.locator('.node.renderer').count()).toBe(host.session.browser.renderProcesses.length);
    // The page shows the same when reloaded.
    await page.reload();
    await expect.poll(() => page.getByTestId('position').textContent()).toMatch(/Step 0 of 0/);
    await expect.poll(() => omnibox(page).inputValue()).toBe('https://www.google.com/');
    await navigate(page, 'www.naver.com', host);
  });

  it('10. steps through DNS, TCP, TLS and the rest with → (or only the messages), and every bar can be clicked', async () => {
    const { page, host } = w;
    await navigate(page, 'cname.naver.com', host);
    // From this navigation's first step (its Handle input phase) to its end.
    await page.keyboard.press('End');
    for (let i = 0; i < 10; i++) {
      if (((await page.getByTestId('explain-title').textContent()) ?? '').includes('Handle input')) break;
      await page.getByRole('button', { name: 'Previous phase' }).click();
    }
    const headings: string[] = [(await page.getByTestId('explain-title').textContent()) ?? ''];
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('ArrowRight');
      headings.push((await page.getByTestId('explain-title').textContent()) ?? '');
      if (headings.at(-1)!.includes('FrameHost.DidStopLoading')) break;
    }
    for (const step of [
      'Handle input',
      'omnibox',
      'DNS query',
      'DNS response',
      'Initial connection',
      'SSL',
      'Request sent',
      'HTTP response',
      'MIME',
      'Safe Browsing',
      'decision',
      'URLLoaderFactory.CreateLoaderAndStart',
      'FrameHost.DidStopLoading',
    ])
      expect(
        headings.some((h) => h.includes(step)),
        `${step} in\n${headings.join('\n')}`,
      ).toBe(true);
    await setMessagesOnly(page, true);
    await page.keyboard.press('Home');
    for (let i = 0; i < 5; i++) {
      await page.keyboard.press('ArrowRight');
      // A message, or a message's reply.
      expect(await page.getByTestId('explain-title').locator('.kind').textContent()).toMatch(/^message( ↩ reply)?$/);
    }
    await setMessagesOnly(page, false);
    await page.keyboard.press('End');
    const bars = await page
      .locator('.wf-seg')
      .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(Math.min(...bars)).toBeGreaterThanOrEqual(3.9);
    const targets = await page
      .locator('.wf-hit')
      .evaluateAll((rects) => rects.map((r) => r.getBoundingClientRect().width));
    expect(Math.min(...targets)).toBeGreaterThanOrEqual(11.9);
    // The Handle input bar, once 2 px, is clicked and explained.
    // Its wider target, beside the 4 px bar, is enough.
    await page
      .locator('.wf-row.phase')
      .first()
      .locator('.wf-hit')
      .first()
      .click({ position: { x: 1, y: 10 } });
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain('Handle input');
  });

  it('11. keeps step mode’s bar inside the window, in English and Korean', async () => {
    const { page } = w;
    await page.getByTestId('step-toggle').click();
    for (const lang of ['en', 'ko']) {
      await page.getByTestId('language').selectOption(lang);
      await page.getByTestId('step-gate').waitFor();
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(1280);
      const right = await page.getByTestId('language').evaluate((el) => el.getBoundingClientRect().right);
      expect(right).toBeLessThanOrEqual(1280);
    }
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('step-toggle').click();
    await page.getByTestId('step-gate').waitFor({ state: 'detached' });
  });

  it('13. shows a Unicode path as Unicode in the address bar and the waterfall', async () => {
    const { page, host } = w;
    await navigate(page, 'naver.com/없는페이지', host);
    await expect.poll(() => omnibox(page).inputValue()).toBe('https://www.naver.com/없는페이지');
    expect(await page.getByTestId('waterfall-url').textContent()).toContain('/없는페이지');
    // Labels stay in their column.
    const overflow = await page.locator('.wf-label').evaluateAll((labels) =>
      labels
        .filter((l) => {
          // The label column ends where the axis begins.
          const svg = l.closest('svg')!;
          const column = Number(svg.querySelector('.axis line')!.getAttribute('x1'));
          return l.getBoundingClientRect().right - svg.getBoundingClientRect().left > column;
        })
        .map((l) => l.textContent),
    );
    expect(overflow).toEqual([]);
    // The request still went out encoded.
    const requests = host.session.browser.recorder.events.filter((e) => e.type === 'http.request');
    expect(requests.some((r) => r.type === 'http.request' && r.raw.startsWith('GET /%EC%97%86'))).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-unicode-path.png') });
  });

  it('14. polish: timing notes, hex and tables that do not break inside words, Escape, Home, distinct buttons, labelled layout', async () => {
    const { page, host } = w;
    // An internal redirect's timing says why it has no phases and what −1 means.
    await navigate(page, 'www.naver.com', host);
    await setMessagesOnly(page, true);
    await stepTo(page, 'URLLoaderClient.OnReceiveRedirect', 40);
    await expect.poll(() => page.getByTestId('timing-no-phases').count()).toBe(1);
    expect(await page.getByTestId('timing-har-note').textContent()).toContain('does not apply');
    await setMessagesOnly(page, false);
    // MIME sniffing's hex bytes wrap between bytes.
    await stepTo(page, 'MIME', 200);
    expect(await page.locator('.raw.hex').evaluate((el) => getComputedStyle(el).wordBreak)).toBe('normal');
    // Table headers never wrap.
    await stepTo(page, 'FrameHost.DidStopLoading', 600, false);
    await page.getByTestId('renderer-tab-paint').click();
    expect(
      await page
        .locator('[data-testid=paint-list] th')
        .first()
        .evaluate((el) => getComputedStyle(el).whiteSpace),
    ).toBe('nowrap');
    await page.getByTestId('renderer-tab-layout').click();
    await expect.poll(() => page.getByTestId('layout-label').count()).toBeGreaterThan(2);
    // Home scrolls the message list back to the top.
    await page.keyboard.press('End');
    await page.keyboard.press('Home');
    await expect.poll(() => page.locator('.sequence-scroller').evaluate((el) => el.scrollTop)).toBe(0);
    // Play and "next step" look different.
    const play = await page.getByTestId('play').textContent();
    const next = await page.getByTestId('next-step').textContent();
    expect(play?.trim()).not.toBe(next?.trim());
    // Escape closes Compare.
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare').waitFor();
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('compare').count()).toBe(0);
    expect(w.problems).toEqual([]);
  });
});
