/**
 * A web host after a long day: 150,000 trace events. The window opens it (the history
 * arrives in bounded frames), steps through it, and exports it as a Chrome trace.
 */
import { readFileSync } from 'node:fs';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { expect, it } from 'vitest';
import { fillTrace } from '../electron/support/largeTrace.js';
import { describeWindow, setMessagesOnly } from './chromiumHarness.js';

const EVENTS = 150_000;

describeWindow(
  'a web host holding 150,000 trace events',
  (window) => {
    it('opens in the window, steps, and exports a Chrome trace', async () => {
      const { page, host, problems } = window();
      const messages = host.session.browser.recorder.events.filter((e) => e.type === 'message').length;
      // Every event arrived: the position counts every message of the trace.
      await setMessagesOnly(page, true);
      await expect
        .poll(() => page.getByTestId('position').textContent(), { timeout: 240_000 })
        .toMatch(new RegExp(`of\\s+${messages.toLocaleString('en').replace(/,/g, ',?')}\\b`));
      await page.keyboard.press('Home');
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('explain-title').textContent()).toMatch(/\S/);
      const first = await page.getByTestId('explain-title').textContent();
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('explain-title').textContent()).not.toBe(first);
      await page.keyboard.press('End');
      const [download] = await Promise.all([
        page.waitForEvent('download', { timeout: 120_000 }),
        // Under load (2 cores, CI) the window may still be folding after End.
        page.getByTestId('export').selectOption('chrome', { timeout: 120_000 }),
      ]);
      const dir = mkdtempSync(path.join(tmpdir(), 'navscope-large-'));
      try {
        const saved = path.join(dir, download.suggestedFilename());
        await download.saveAs(saved);
        const exported = JSON.parse(readFileSync(saved, 'utf8')) as { traceEvents: unknown[] };
        expect(exported.traceEvents.length).toBeGreaterThan(messages);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
      expect(await page.getByTestId('trace-file-problem').count()).toBe(0);
      expect(problems).toEqual([]);
    }, 480_000);
  },
  (host) => fillTrace(host.session, EVENTS),
);
