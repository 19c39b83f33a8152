/**
 * "Compare with real Chromium" in the Compare dialog: after NavScope loads
 * www.naver.com from the lab, the system's real Chromium loads the same input and the
 * dialog shows both side by side — phases with durations, the navigation messages
 * matched in order, the process decisions with pids, the requests with their timings,
 * and what differs, in English and Korean. Screenshots at 1280×800 in test-results/.
 */
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, type WindowSession, describeWindow, navigate } from './chromiumHarness.js';

describeWindow('comparing NavScope’s run with real Chromium in the window', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('shows the real run beside the model’s, with every difference explained, in English and Korean', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com', host);
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare').waitFor();
    await page.getByTestId('compare-real').click();
    const differences = page.getByTestId('compare-real-differences');
    await differences.waitFor({ timeout: 120_000 });
    expect(await page.getByTestId('compare-real-title').textContent()).toMatch(/real Chromium 1\d\d\.[\d.]+/);
    // The commit acknowledgement is CommitNavigation's reply on both sides.
    const messages = page.getByTestId('compare-real-messages');
    expect(
      await messages
        .locator('li[data-status="both"]', { hasText: 'NavigationClient.CommitNavigation (reply)' })
        .count(),
    ).toBe(1);
    expect(await messages.locator('li[data-status="real-only"]').count()).toBeGreaterThan(0);
    // Phases side by side, with durations; the commit phase is timed on both sides.
    const commitRow = page.getByTestId('compare-real-phases').locator('tr', { hasText: 'Commit' });
    expect(await commitRow.locator('td.num').allTextContents()).toEqual([
      expect.stringMatching(/ms$/),
      expect.stringMatching(/ms$/),
    ]);
    // Process decisions: Chromium's pid beside NavScope's.
    expect(await page.getByTestId('compare-real-processes').textContent()).toMatch(/pid \d+[\s\S]*pid \d+/);
    // Requests with their timings, the stylesheet timed on both sides.
    const css = page.getByTestId('compare-real-requests').locator('tr', { hasText: 'naver.css' });
    expect(await css.locator('td.num').allTextContents()).toEqual([
      expect.stringMatching(/^200 · /),
      expect.stringMatching(/^200 · /),
    ]);
    // At least 90 % of Chromium's navigation message names are in the model.
    const share = /^([\d.]+) %/.exec((await page.getByTestId('compare-real-shares').textContent()) ?? '');
    expect(Number(share?.[1])).toBeGreaterThanOrEqual(90);
    expect(await differences.textContent()).toContain('Chromium also sends URLLoaderFactory.Clone');
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-real-1280x800-en.png') });
    await differences.scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-real-1280x800-en-differences.png') });
    // In Korean, each difference is explained in Korean.
    await page.getByTestId('language').selectOption('ko');
    await expect.poll(() => differences.textContent()).toMatch(/Chromium은 URLLoaderFactory\.Clone도 보냅니다/);
    expect(await page.getByTestId('compare-real').textContent()).toContain('실제 Chromium과 비교');
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-real-1280x800-ko-differences.png') });
    await page.getByTestId('compare-real-title').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(ARTIFACTS, 'compare-real-1280x800-ko.png') });
    await page.getByTestId('language').selectOption('en');
    await page.getByTestId('compare-close').click();
  }, 180_000);
});
