import path from 'node:path';
import { _electron as electron } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { findElectronBinary } from '../../electron/hosts/cli/desktopLauncher.js';
import { ARTIFACTS } from './chromiumHarness.js';

const binary = findElectronBinary();
const display = process.platform !== 'linux' || Boolean(process.env.DISPLAY || process.env.WAYLAND_DISPLAY);
const skipReason = !binary.found ? 'Electron binary not present' : !display ? 'no display (run under xvfb-run)' : null;
if (skipReason) console.warn(`skipped: ${skipReason}`);

describe.skipIf(skipReason !== null)('the desktop app (Electron, utility processes)', () => {
  it('navigates to www.naver.com and shows a renderer utility process with a pid; messages step', async () => {
    const app = await electron.launch({
      executablePath: binary.found ? binary.path : '',
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.resolve(__dirname, '../..')],
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
      await omnibox.fill('www.naver.com');
      await omnibox.press('Enter');
      await expect
        .poll(() => page.getByTestId('tab-title').textContent(), { timeout: 30_000 })
        .toBe('NAVER — NavScope lab');
      await expect
        .poll(
          async () =>
            (await page.locator('[data-testid=process-diagram] [data-node="renderer:1"]').textContent()) ?? '',
        )
        .toMatch(/pid \d+/);
      expect(await page.getByTestId('mode').textContent()).toBeTruthy();
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByTestId('explain-title').textContent())
        .toContain('URLLoaderFactory.CreateLoaderAndStart');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('position').textContent()).toMatch(/Message 2 of/);
      // The window is locked down: no Node in the page; the API is the preload's.
      expect(await page.evaluate(() => typeof (globalThis as { require?: unknown }).require)).toBe('undefined');
      expect(await page.evaluate(() => typeof (globalThis as { process?: unknown }).process)).toBe('undefined');
      expect(
        await page.evaluate(() =>
          Object.keys((window as unknown as { navscope: object }).navscope)
            .sort()
            .join(),
        ),
      ).toBe(
        'goBack,goForward,info,killNetworkThread,killRenderer,navigate,proceedInterstitial,recordReal,reload,stepMode,subscribeTrace',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-naver.png') });
    } finally {
      await app.close();
    }
  }, 120_000);

  it("records www.naver.com in Electron's own Chromium (Real Chromium) and shows its processes and messages", async () => {
    const app = await electron.launch({
      executablePath: binary.found ? binary.path : '',
      args: [...(process.getuid?.() === 0 ? ['--no-sandbox'] : []), path.resolve(__dirname, '../..')],
      timeout: 60_000,
    });
    try {
      const page = await app.firstWindow();
      await page.getByRole('textbox', { name: 'Address and search bar' }).fill('www.naver.com');
      await page.getByTestId('real-chromium').click();
      await page.getByTestId('real-banner').waitFor({ timeout: 90_000 });
      expect(await page.getByTestId('real-headline').textContent()).toMatch(
        /^Real Chromium \S+, recorded by NavScope$/,
      );
      await page.getByTestId('real-banner').locator('summary').click();
      expect(await page.getByTestId('real-banner').textContent()).toContain("Electron's own Chromium");
      const diagram = page.getByTestId('process-diagram');
      for (const node of ['browser', 'network', 'gpu'])
        await expect.poll(() => diagram.locator(`[data-node="${node}"]`).count()).toBe(1);
      await page.keyboard.press('Home');
      for (let i = 0; i < 400; i++) {
        await page.keyboard.press('ArrowRight');
        if (/NavigationClient\.CommitNavigation$/.test((await page.getByTestId('explain-title').textContent()) ?? ''))
          break;
      }
      expect(await page.getByTestId('real-method').textContent()).toBe(
        'content.mojom.NavigationClient.CommitNavigation',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-real-chromium.png') });
    } finally {
      await app.close();
    }
  }, 180_000);
});
