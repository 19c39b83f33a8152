import { isCommitAck } from '../../shared/ipc/messageCatalogue.js';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, describeWindow, type WindowSession, navigate, setMessagesOnly } from './chromiumHarness.js';

describeWindow('reading the response in the window (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('changes the security indicator at the step where the renderer’s commit acknowledgement arrives', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com', host);
    const messages = host.session.browser.recorder.events.filter((e) => e.type === 'message');
    const ack = messages.findIndex((m) => isCommitAck(m));
    await setMessagesOnly(page, true);
    await page.keyboard.press('Home');
    for (let i = 0; i < ack; i++) await page.keyboard.press('ArrowRight');
    // The step before: CommitNavigation is on its way, nothing in the omnibox has changed.
    expect(await page.getByTestId('security').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('NavigationClient.CommitNavigation ↩ reply');
    await expect.poll(() => page.getByTestId('security').getAttribute('data-state')).toBe('secure');
    // Chrome shows the lock alone for https: the word is for screen readers and the tooltip.
    expect(await page.getByTestId('security').locator('.security-text').count()).toBe(0);
    await setMessagesOnly(page, false);
    await page.keyboard.press('End');
  });

  it('downloads the zip lab URL: a finished download, no commit, the page stays', async () => {
    const { page, host } = w;
    const before = await page.getByRole('textbox', { name: 'Address and search bar' }).inputValue();
    await navigate(page, 'https://www.naver.com/download/report.zip', host);
    const download = page.getByTestId('downloads').locator('li', { hasText: 'report.zip' });
    await expect.poll(() => download.getAttribute('data-state')).toBe('complete');
    expect(await page.getByRole('textbox', { name: 'Address and search bar' }).inputValue()).toBe(before);
    expect(await page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-download.png') });
  });

  it('shows the Safe Browsing interstitial for the lab’s malware site, with a way back and a way on', async () => {
    const { page, host } = w;
    await navigate(page, 'http://malware.testsafebrowsing-lab.com/', host);
    const interstitial = page.getByTestId('interstitial');
    await expect.poll(() => interstitial.count()).toBe(1);
    expect(await interstitial.textContent()).toContain('The site ahead contains malware');
    expect(await interstitial.textContent()).toContain('install dangerous programs');
    expect(await interstitial.textContent()).not.toContain('trick you into');
    expect(await interstitial.textContent()).toContain('MALWARE');
    expect(await page.getByTestId('security').textContent()).toContain('Dangerous');
    expect(await page.getByTestId('proceed').count()).toBe(1);
    expect(await page.getByTestId('back-to-safety').count()).toBe(1);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-safebrowsing.png') });
    await page.getByTestId('proceed').click();
    await expect.poll(() => interstitial.count(), { timeout: 15_000 }).toBe(0);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Address and search bar' }).inputValue())
      .toMatch(/malware\.testsafebrowsing-lab\.com/);
  });
});
