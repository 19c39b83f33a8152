/**
 * The real browser beside the model, in the window: "Real Chromium" has the system's
 * Chromium load www.naver.com from the lab and shows its processes, its navigation's
 * Mojo messages (with explanations) and its phases; "Open trace…" does the same with a
 * Chrome trace a real Chromium recorded. Hostile files leave the window usable.
 */
import { truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { recordRealChromium } from '../../electron/real-chromium/realChromiumRecorder.js';
import { temporaryFolder } from '../support/temporaryFolder.js';
import { ARTIFACTS, type WindowSession, clippedDiagramText, describeWindow, navigate } from './chromiumHarness.js';

const REAL_TIMEOUT = 120_000;

/** Steps forward (→) until the explanation's title names `name`; returns how many steps it took. */
async function stepTo(page: Page, name: RegExp, limit = 400): Promise<number> {
  for (let i = 1; i <= limit; i++) {
    await page.keyboard.press('ArrowRight');
    const title = (await page.getByTestId('explain-title').textContent()) ?? '';
    if (name.test(title)) return i;
  }
  throw new Error(`no message matching ${name} within ${limit} steps`);
}

async function screenshots(page: Page, name: string): Promise<void> {
  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    await page.setViewportSize({ width, height });
    for (const language of ['en', 'ko'] as const) {
      await page.getByTestId('language').selectOption(language);
      await page.screenshot({ path: path.join(ARTIFACTS, `${name}-${width}x${height}-${language}.png`) });
    }
  }
  await page.getByTestId('language').selectOption('en');
  await page.setViewportSize({ width: 1280, height: 800 });
}

/** What a real trace shows in every view: its processes, its navigation messages stepped with explanations. */
async function expectRealViews(page: Page): Promise<void> {
  const diagram = page.getByTestId('process-diagram');
  for (const node of ['browser', 'network', 'gpu', 'renderer:1'])
    await expect.poll(() => diagram.locator(`[data-node="${node}"]`).count(), { timeout: 5_000 }).toBe(1);
  expect(await diagram.textContent()).toMatch(/Browser process[\s\S]*Network service[\s\S]*GPU process/);
  expect(await diagram.locator('[data-node="browser"]').textContent()).toMatch(/pid \d+\s*CrBrowserMain/);
  expect(await clippedDiagramText(page)).toEqual([]);
  // The story is the model's; for a real trace it says where to look instead.
  expect(await page.getByTestId('story-empty').textContent()).toContain('real Chromium');
  // The waterfall shows the real phases and requests.
  const waterfall = page.getByTestId('waterfall');
  await page.keyboard.press('End');
  await expect.poll(() => waterfall.textContent()).toMatch(/BeginNavigationToLoaderStart[\s\S]*CommitToDidCommit/);
  expect(await waterfall.textContent()).toContain('naver.css');
  // The navigation messages by default, stepped one at a time.
  expect(await page.getByTestId('message-filter').inputValue()).toBe('navigation');
  await page.keyboard.press('Home');
  await stepTo(page, /NavigationClient\.CommitNavigation$/);
  await expect
    .poll(() => page.getByTestId('real-method').textContent())
    .toBe('content.mojom.NavigationClient.CommitNavigation');
  expect(await page.getByTestId('real-sender').textContent()).toMatch(/^browser \(pid \d+, CrBrowserMain\) — exact/);
  expect(await page.getByTestId('real-modelled').textContent()).toContain('NavigationClient.CommitNavigation');
  expect(await page.getByTestId('explain-topic').textContent()).toBeTruthy();
  await expect.poll(() => page.getByTestId('message-arrow').count()).toBe(1);
  expect(await page.getByTestId('arrow-caption').textContent()).toBe('NavigationClient.CommitNavigation');
  // The selected row is that message.
  expect(await page.locator('.sequence-row.selected .col-name').textContent()).toBe(
    'NavigationClient.CommitNavigation',
  );
}

describeWindow('a real Chromium beside the model, in the window (web host)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it(
    '"Real Chromium" on www.naver.com shows the real processes and steps through the real navigation messages',
    async () => {
      const { page } = w;
      const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
      await omnibox.fill('www.naver.com');
      await page.getByTestId('real-chromium').click();
      await expect.poll(() => page.getByTestId('real-recording').count()).toBe(1);
      await page.getByTestId('real-banner').waitFor({ timeout: REAL_TIMEOUT });
      expect(await page.getByTestId('real-headline').textContent()).toMatch(
        /^Real Chromium \d+\.\d+\.\d+\.\d+, recorded by NavScope$/,
      );
      expect(await page.getByTestId('real-senders').textContent()).toMatch(/\d+ exact · \d+ inferred · \d+ unknown/);
      await expectRealViews(page);
      await screenshots(page, 'window-real-chromium');
      // A message NavScope does not model says so, with its interface's purpose.
      await page.getByTestId('message-filter').selectOption('all');
      await page.keyboard.press('Home');
      for (let i = 0; i < 60 && (await page.getByTestId('real-not-modelled').count()) === 0; i++)
        await page.keyboard.press('ArrowRight');
      expect(await page.getByTestId('real-not-modelled').textContent()).toContain('Not modelled by NavScope');
      await page.screenshot({ path: path.join(ARTIFACTS, 'window-real-not-modelled.png') });
      await page.getByTestId('message-filter').selectOption('navigation');
      expect(w.problems).toEqual([]);
    },
    REAL_TIMEOUT + 60_000,
  );

  it(
    '"Open trace…" with a Chrome trace a real Chromium recorded does the same',
    async () => {
      const { page, host } = w;
      await page.getByTestId('back-to-live').click();
      const recording = await recordRealChromium({ urls: ['https://www.naver.com/'], lab: host.session.lab!.config });
      const dir = temporaryFolder('navscope-real-window-');
      const file = path.join(dir, 'naver.trace.json.gz');
      writeFileSync(file, gzipSync(recording.trace));
      await page.getByTestId('trace-file-input').setInputFiles(file);
      await page.getByTestId('real-banner').waitFor({ timeout: 60_000 });
      expect(await page.getByTestId('real-headline').textContent()).toMatch(
        /^Real Chromium (?:\d+\.\d+\.\d+\.\d+|\w+\/\d+ \(source branch \w+\)), from a Chrome trace file$/,
      );
      await expectRealViews(page);
      await page.screenshot({ path: path.join(ARTIFACTS, 'window-real-opened-trace.png') });
      expect(w.problems).toEqual([]);
    },
    REAL_TIMEOUT,
  );

  it('refuses hostile trace files with a clear message and stays usable', async () => {
    const { page, host } = w;
    const dir = temporaryFolder('navscope-hostile-');
    const open = async (name: string, content: string | null, expected: RegExp) => {
      const file = path.join(dir, name);
      if (content !== null) writeFileSync(file, content);
      await page.getByTestId('trace-file-input').setInputFiles(file);
      await expect.poll(() => page.getByTestId('trace-file-problem').textContent()).toMatch(expected);
    };
    const event = (extra: Record<string, unknown>) => ({ ph: 'X', pid: 1, tid: 1, ts: 1, dur: 1, name: 'e', ...extra });
    await open(
      'truncated.json',
      JSON.stringify({ traceEvents: [event({}), event({})] }).slice(0, 50),
      /not valid JSON/,
    );
    await open('args.json', JSON.stringify([event({ args: { blob: 'x'.repeat(1_100_000) } })]), /maxArgsBytes/);
    const huge = path.join(dir, 'huge.json');
    writeFileSync(huge, '[');
    truncateSync(huge, 1024 * 1024 * 1024);
    await open('huge.json', null, /the file is 1\.0 GiB, more than NavScope opens \(256 MiB/);
    // Unknown phases are counted, not fatal.
    await page.getByTestId('trace-file-input').setInputFiles({
      name: 'phases.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify([event({}), event({ ph: 'Q', name: 'odd' })])),
    });
    await page.getByTestId('real-banner').waitFor();
    await page.getByTestId('back-to-live').click();
    await navigate(page, 'www.naver.com', host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
    expect(w.problems).toEqual([]);
  });

  it('says why when a real Chromium cannot record the input', async () => {
    const { page } = w;
    await page.getByRole('textbox', { name: 'Address and search bar' }).fill('mailto:someone@example.com');
    await page.getByTestId('real-chromium').click();
    await expect
      .poll(() => page.getByTestId('real-problem').textContent())
      .toMatch(/only http and https pages are recorded in a real Chromium/);
  });
});
