import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { parseTraceFileText } from '../../shared/trace/traceFile.js';
import { ARTIFACTS, type WindowSession, describeWindow, navigate, setMessagesOnly } from './chromiumHarness.js';
import { temporaryFolder } from '../support/temporaryFolder.js';

const demo = parseTraceFileText(
  readFileSync(path.resolve(__dirname, '../../renderer/src/demos/www.naver.com.json'), 'utf8'),
);
const demoMessages = demo.events.filter((e) => e.type === 'message');

describeWindow('saved traces in the window: demos, open, save (web host)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('refuses a file that is not a trace with a clear message, and keeps working', async () => {
    const { page, host } = w;
    const dir = temporaryFolder('navscope-replay-');
    const bad = path.join(dir, 'notes.json');
    writeFileSync(bad, '{"hello": "world"}');
    await page.getByTestId('trace-file-input').setInputFiles(bad);
    await expect
      .poll(() => page.getByTestId('trace-file-problem').textContent())
      .toMatch(/Cannot open notes\.json: not a file NavScope can open: a JSON object with "hello"/);
    expect(await page.getByTestId('replay-banner').count()).toBe(0);
    await navigate(page, 'www.naver.com', host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
  });

  it('saves the live trace and opens the saved file again', async () => {
    const { page } = w;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export').selectOption('navscope'),
    ]);
    const saved = path.join(temporaryFolder('navscope-saved-'), download.suggestedFilename());
    await download.saveAs(saved);
    const trace = parseTraceFileText(readFileSync(saved, 'utf8'));
    expect(trace.events.length).toBeGreaterThan(100);
    await page.getByTestId('trace-file-input').setInputFiles(saved);
    await expect.poll(() => page.getByTestId('replay-banner').textContent()).toContain(path.basename(saved));
    await page.getByTestId('back-to-live').click();
  });

  it('compares a cold and a warm load side by side, with what the warm one reused marked', async () => {
    const { page, host } = w;
    // This window's first navigation (in the test above) was a cold load of www.naver.com.
    await navigate(page, 'www.naver.com', host);
    await page.getByTestId('open-compare').click();
    await page.getByTestId('compare-a').selectOption({ index: 0 });
    const panel = page.getByTestId('compare');
    await expect.poll(() => panel.textContent()).toMatch(/DNS\s*www\.naver\.com\s*recursive\s*cache/);
    expect(await page.getByTestId('compare-differences').textContent()).toContain('reused');
    expect(await page.getByTestId('compare-b').inputValue()).not.toBe(await page.getByTestId('compare-a').inputValue());
    await page.getByTestId('compare').screenshot({ path: path.join(ARTIFACTS, 'window-compare.png') });
    await page.getByTestId('compare-close').click();
    expect(await page.getByTestId('compare').count()).toBe(0);
  });

  // Last: the page goes offline, so the live connection may not come back for later tests.
  it('opens the www.naver.com demo with the network unreachable and steps through every message of it', async () => {
    const { page } = w;
    await page.context().setOffline(true);
    try {
      await page.getByTestId('demos').selectOption('www.naver.com');
      await setMessagesOnly(page, true);
      await expect.poll(() => page.getByTestId('replay-banner').textContent()).toContain('www.naver.com');
      await expect
        .poll(() => page.getByTestId('position').textContent())
        .toMatch(new RegExp(`Message\\s+0\\s+of\\s+${demoMessages.length}\\b`));
      for (const [i, message] of demoMessages.entries()) {
        await page.keyboard.press('ArrowRight');
        if (i % 5 === 0 || i === demoMessages.length - 1) {
          await expect
            .poll(() => page.getByTestId('explain-title').textContent())
            .toContain(message.type === 'message' ? message.name : '');
        }
      }
      expect(await page.getByTestId('position').textContent()).toMatch(
        new RegExp(`Message\\s+${demoMessages.length}\\s+of\\s+${demoMessages.length}\\b`),
      );
      expect(await page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
      await page.screenshot({ path: path.join(ARTIFACTS, 'window-replay-demo.png') });
    } finally {
      await page.context().setOffline(false);
    }
    await page.getByTestId('back-to-live').click();
    await expect.poll(() => page.getByTestId('replay-banner').count()).toBe(0);
  });
});
