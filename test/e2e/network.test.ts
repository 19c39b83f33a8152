import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import {
  ARTIFACTS,
  describeWindow,
  type WindowSession,
  clippedDiagramText,
  navigate,
  setMessagesOnly,
} from './chromiumHarness.js';

describeWindow('network steps in the window (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('shows the DNS walk root → com → naver.com on a cold cache, and a cache hit on the second visit', async () => {
    const { page } = w;
    await navigate(page, 'www.naver.com', w.host);
    await page.locator('.wf-seg.seg-dns-lookup').first().click();
    const panel = page.getByTestId('dns-panel');
    await expect.poll(() => panel.count()).toBe(1);
    expect(
      await panel.locator('.dns-step').evaluateAll((steps) => steps.map((s) => s.getAttribute('data-role'))),
    ).toEqual(['root', 'tld', 'authoritative']);
    expect(await panel.textContent()).toMatch(/a\.root-servers\.net[\s\S]*a\.gtld-servers\.net[\s\S]*ns1\.naver\.com/);
    expect(await page.getByTestId('dns-layer-cache').getAttribute('class')).toContain('miss');
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-dns-cold.png') });

    await navigate(page, 'www.naver.com', w.host);
    await page.locator('.wf-seg.seg-dns-lookup').first().click();
    await expect
      .poll(async () => (await page.getByTestId('dns-layer-cache').getAttribute('class')) ?? '')
      .toContain('hit');
    expect(await page.getByTestId('dns-panel').locator('.dns-step').count()).toBe(0);
  });

  it('takes www.google.com to https through the HSTS internal redirect, visible as a step', async () => {
    const { page } = w;
    await navigate(page, 'www.google.com', w.host);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Address and search bar' }).inputValue())
      .toBe('https://www.google.com/');
    // Step to the internal redirect with the keyboard (the list is virtualized: rows off screen are not in the DOM).
    const events = w.host.session.browser.recorder.events;
    const allMessages = events.filter((e) => e.type === 'message');
    const target = allMessages.findIndex(
      (m) => m.type === 'message' && m.summary === '307 Internal Redirect → https://www.google.com/',
    );
    expect(target).toBeGreaterThanOrEqual(0);
    await setMessagesOnly(page, true);
    await page.keyboard.press('Home');
    for (let i = 0; i <= target; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('URLLoaderClient.OnReceiveRedirect');
    const selected = page.locator('.sequence-row.selected');
    await expect.poll(() => selected.textContent()).toContain('307 Internal Redirect → https://www.google.com/');
    expect(await page.getByTestId('explanation').textContent()).toContain('Non-Authoritative-Reason');
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-hsts-step.png') });
    await setMessagesOnly(page, false);
    await page.keyboard.press('End');
  });

  it('sends a search query to the lab search engine', async () => {
    const { page } = w;
    await navigate(page, 'what is dns', w.host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toMatch(/what is dns/);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Address and search bar' }).inputValue())
      .toMatch(/^https:\/\/www\.google\.com\/search\?q=what(%20|\+)is(%20|\+)dns$/);
  });

  it('lists the lab scenarios and runs one when picked; a certificate error shows the interstitial', async () => {
    const { page } = w;
    const picker = page.getByTestId('scenarios');
    expect(await picker.locator('option').count()).toBeGreaterThan(20);
    await picker.selectOption({
      label: (await picker.locator('option', { hasText: 'expired.badssl-lab.com' }).first().textContent())!,
    });
    await expect.poll(() => page.getByTestId('interstitial').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('interstitial').textContent()).toContain('NET::ERR_CERT_DATE_INVALID');
    expect(await page.getByTestId('security').textContent()).toContain('Not secure');
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('Privacy error');
    // Many servers by now: the diagram still keeps every text inside its box.
    expect(await clippedDiagramText(page)).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-interstitial.png') });
  });
});
