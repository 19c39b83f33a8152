import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeWindow, type WindowSession, navigate } from './chromiumHarness.js';

describeWindow('faults and hostile pages in the window (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  async function pick(input: string): Promise<void> {
    const picker = w.page.getByTestId('scenarios');
    await picker.selectOption({ label: (await picker.locator('option', { hasText: input }).first().textContent())! });
  }

  it('a connection reset mid-body: the committed page stays and the tab says net::ERR_CONNECTION_RESET', async () => {
    const { page } = w;
    await pick('/fault/reset-mid-body');
    await expect.poll(() => page.getByTestId('load-error').count(), { timeout: 15_000 }).toBe(1);
    expect(await page.getByTestId('load-error').textContent()).toContain('net::ERR_CONNECTION_RESET');
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Address and search bar' }).inputValue())
      .toMatch(/\/fault\/reset-mid-body$/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-fault-reset.png') });
  });

  it('a DNS answer with a forged transaction id: ignored, shown as such, and the lookup fails', async () => {
    const { page } = w;
    await pick('wrong-id.naver.com');
    await expect
      .poll(() => page.getByTestId('navigation-error').textContent(), { timeout: 20_000 })
      .toContain('ERR_DNS_TIMED_OUT');
    await page.locator('.wf-seg.seg-dns-lookup').last().click();
    await expect.poll(() => page.getByTestId('dns-ignored').count()).toBeGreaterThan(0);
    expect(await page.getByTestId('dns-ignored').first().textContent()).toMatch(/was never sent/);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-fault-dns-wrong-id.png') });
    // The browser goes on.
    await navigate(page, 'www.naver.com', w.host);
    await expect.poll(() => page.getByTestId('navigation-error').count()).toBe(0);
  });

  it('killing the network thread from the diagram fails the navigation on it, and the thread comes back', async () => {
    const { page } = w;
    const recorder = w.host.session.browser.recorder;
    const before = recorder.events.length;
    const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
    await omnibox.fill('http://www.naver.com/slow-head');
    await omnibox.press('Enter');
    await expect
      .poll(
        () => recorder.events.slice(before).some((e) => e.type === 'http.request' && e.url.endsWith('/slow-head')),
        { timeout: 15_000 },
      )
      .toBe(true);
    await page.getByRole('button', { name: 'Kill the network thread (it is restarted)' }).click();
    await expect
      .poll(() => page.getByTestId('navigation-error').textContent(), { timeout: 15_000 })
      .toContain('ERR_FAILED');
    await expect.poll(() => page.locator('[data-node="network"]').textContent()).toContain('restarted ×1');
    expect(recorder.events.slice(before).some((e) => e.type === 'thread.exit')).toBe(true);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-network-thread-killed.png') });
    await navigate(page, 'www.naver.com', w.host);
    await expect.poll(() => page.getByTestId('navigation-error').count()).toBe(0);
  });

  it('a page trying to escape changes nothing in the window: no dialog, no injected element, its title is text', async () => {
    const { page } = w;
    const dialogs: string[] = [];
    page.on('dialog', (dialog) => {
      dialogs.push(dialog.message());
      void dialog.dismiss();
    });
    await navigate(page, 'http://www.naver.com/escape', w.host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('img[src="x"]').count()).toBe(0);
    expect(await page.locator('a[href^="javascript:"]').count()).toBe(0);
    expect(await page.evaluate('document.querySelectorAll("script").length')).toBeLessThanOrEqual(1);
    expect(dialogs).toEqual([]);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-escape.png') });
  });
});
