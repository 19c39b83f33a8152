/**
 * The student's view in the window: the story follows the cursor and its links jump to
 * messages; practice mode runs through a navigation by keyboard to a final score; the
 * HTML explanation opens offline with its SVGs. Screenshots in both languages at two sizes.
 */
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { temporaryFolder } from '../support/temporaryFolder.js';
import { ARTIFACTS, type WindowSession, describeWindow, navigate } from './chromiumHarness.js';

describeWindow('the story view and practice mode (web host)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  const currentChapter = () =>
    w.page.evaluate(() =>
      document.querySelector('[data-testid=story] [aria-current=step]')?.getAttribute('data-phase'),
    );

  it('tells the navigation in seven chapters that follow the cursor, and each link jumps to its first message', async () => {
    const { page, host } = w;
    await navigate(page, 'www.google.com', host);
    await expect.poll(() => page.getByTestId('story-headline').textContent()).toContain('www.google.com');
    for (let n = 1; n <= 7; n++) await expect.poll(() => page.getByTestId(`chapter-text-${n}`).count()).toBe(1);
    expect(await page.getByTestId('chapter-text-3').textContent()).toMatch(
      /HSTS upgraded http:\/\/www\.google\.com\/ to https:\/\/www\.google\.com\/.*a\.root-servers\.net.*ns1\.google\.com/s,
    );
    // At the end of the trace the cursor is in the last chapter.
    await page.keyboard.press('End');
    await expect.poll(currentChapter).toBe('load');
    // Home, then step: the marked chapter follows the cursor forward.
    await page.keyboard.press('Home');
    const seen: string[] = [];
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press('ArrowRight');
      const phase = await currentChapter();
      if (phase && seen[seen.length - 1] !== phase) seen.push(phase);
    }
    expect(seen.indexOf('network')).toBeGreaterThanOrEqual(0);
    expect(seen.indexOf('commit')).toBeGreaterThan(seen.indexOf('network'));
    // The commit chapter's link selects NavigationClient.CommitNavigation's neighbourhood: its first message.
    await page.getByTestId('chapter-link-6').click();
    await expect.poll(currentChapter).toBe('commit');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('AgentSchedulingGroup.CreateView');
    await page.getByTestId('chapter-link-3').click();
    await expect.poll(currentChapter).toBe('network');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('URLLoaderFactory.CreateLoaderAndStart');
    expect(await page.locator('.sequence-row.selected').getAttribute('data-seq')).not.toBeNull();
  });

  it('practises the navigation by keyboard: hidden messages, three choices, feedback, a final score', async () => {
    const { page } = w;
    await page.getByTestId('practice-start').focus();
    await page.keyboard.press('Enter');
    await expect.poll(() => page.getByTestId('practice').count()).toBe(1);
    // The sequence (which would show what comes next) is replaced while practising.
    expect(await page.locator('.sequence-row').count()).toBe(0);
    const total = Number(/of (\d+)/.exec((await page.getByTestId('practice-step').textContent()) ?? '')![1]);
    expect(total).toBeGreaterThanOrEqual(8);
    let right = 0;
    for (let step = 0; step < total; step++) {
      expect(await page.locator('.practice-choice').count()).toBe(3);
      // Alternate: press the key of a choice (some right, some wrong), then go on with Enter.
      await page.keyboard.press(String((step % 3) + 1));
      await expect.poll(() => page.getByTestId('practice-feedback').count()).toBe(1);
      const feedback = (await page.getByTestId('practice-feedback').textContent()) ?? '';
      if (feedback.startsWith('Right')) right++;
      expect(feedback.length).toBeGreaterThan(40); // the explanation of the step is shown
      // The step keys are the practice's: ← does not go back, → goes on.
      await page.keyboard.press(step % 2 === 0 ? 'Enter' : 'ArrowRight');
    }
    await expect
      .poll(() => page.getByTestId('practice-final').textContent())
      .toBe(`You got ${right} of ${total} right.`);
    await page.screenshot({ path: path.join(ARTIFACTS, 'story-practice-done-en-1280.png') });
    await page.keyboard.press('Escape');
    await expect.poll(() => page.getByTestId('practice').count()).toBe(0);
    expect(w.problems).toEqual([]);
  });

  it('saves "Explain this navigation" as an HTML page that opens offline and shows its SVGs', async () => {
    const { page, browser } = w;
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByTestId('export').selectOption('explain-html'),
    ]);
    const file = path.join(temporaryFolder('navscope-explain-'), download.suggestedFilename());
    await download.saveAs(file);
    expect(readFileSync(file, 'utf8')).toContain('<h1>What happens when you type www.google.com and press Enter</h1>');
    const context = await browser.newContext({ offline: true, viewport: { width: 1000, height: 900 } });
    try {
      const reader = await context.newPage();
      const requests: string[] = [];
      reader.on('request', (r) => requests.push(r.url()));
      await reader.goto(`file://${file}`);
      const svgs = await reader.evaluate(() =>
        [...document.querySelectorAll('figure svg')].map((s) => {
          const r = s.getBoundingClientRect();
          return { width: r.width, height: r.height, shapes: s.querySelectorAll('rect').length };
        }),
      );
      expect(svgs).toHaveLength(2);
      for (const svg of svgs) {
        expect(svg.width).toBeGreaterThan(300);
        expect(svg.shapes).toBeGreaterThan(3);
      }
      expect(requests.filter((u) => !u.startsWith('file:') && !u.startsWith('data:'))).toEqual([]);
      await reader.screenshot({ path: path.join(ARTIFACTS, 'story-explain-en.png'), fullPage: true });
    } finally {
      await context.close();
    }
  });

  it('reads well in both languages at 1280×800 and 1920×1080 (screenshots)', async () => {
    const { page, host } = w;
    await navigate(page, 'www.no-such-site-lab.com', host);
    await navigate(page, 'www.naver.com', host);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const) {
      await page.setViewportSize({ width, height });
      for (const lang of ['en', 'ko'] as const) {
        await page.getByTestId('language').selectOption(lang);
        await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
        await page.keyboard.press('End');
        for (let i = 0; i < 12; i++) await page.keyboard.press('ArrowLeft');
        await page.screenshot({ path: path.join(ARTIFACTS, `story-${lang}-${width}.png`) });
      }
    }
    await page.getByTestId('practice-start').click();
    await page.keyboard.press('2');
    await page.screenshot({ path: path.join(ARTIFACTS, 'story-practice-ko-1920.png') });
    await page.keyboard.press('Escape');
    await page.getByTestId('language').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 800 });
    expect(w.problems).toEqual([]);
  });
});
