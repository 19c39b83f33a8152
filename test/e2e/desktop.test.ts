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
        'goBack,goForward,info,killNetworkThread,killRenderer,navigate,proceedInterstitial,reload,stepMode,subscribeTrace',
      );
      await page.screenshot({ path: path.join(ARTIFACTS, 'desktop-naver.png') });
    } finally {
      await app.close();
    }
  }, 120_000);
});
