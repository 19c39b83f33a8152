/**
 * The main views after twelve navigations, at 1280×800 and 1920×1080, in English and
 * Korean (issue 15): screenshots in test-results/ (newcomer-<lang>-<width>-<view>.png)
 * to look at, and checks of what can be measured — nothing wider than the window,
 * no text outside its box in the process diagram, no label running into the bars.
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, type WindowSession, clippedDiagramText, describeWindow, navigate } from './chromiumHarness.js';

const NAVIGATIONS = [
  'www.naver.com',
  'what is dns',
  'www.google.com',
  'naver.com/없는페이지',
  'http://www.naver.com/render/scripts',
  'https://expired.badssl-lab.com/',
  'www.no-such-site-lab.com',
  'cname.naver.com',
  'http://www.naver.com/render/corb',
  'http://www.naver.com/escape',
  'www.google.com',
  'www.naver.com',
];

/** What can be measured of a clean layout. */
async function layoutProblems(page: Page, width: number): Promise<string[]> {
  const problems: string[] = [];
  const scrollWidth = await page.evaluate(() => document.documentElement.scrollWidth);
  if (scrollWidth > width) problems.push(`the page is ${scrollWidth} px wide`);
  problems.push(...(await clippedDiagramText(page)).map((t) => `diagram text outside its box: ${t}`));
  const labels = await page.locator('.wf-label').evaluateAll((all) =>
    all
      .filter((l) => {
        // The label column ends where the axis begins.
        const svg = l.closest('svg')!;
        const column = Number(svg.querySelector('.axis line')!.getAttribute('x1'));
        return l.getBoundingClientRect().right - svg.getBoundingClientRect().left > column;
      })
      .map((l) => `waterfall label into the bars: ${l.textContent}`),
  );
  problems.push(...labels);
  // Buttons drawn in the diagram hold their word.
  const buttons = await page.locator('[data-testid=process-diagram] .kill').evaluateAll((all) =>
    all
      .filter((g) => {
        const r = g.querySelector('rect')!.getBoundingClientRect();
        const t = g.querySelector('text')!.getBoundingClientRect();
        return t.left < r.left - 0.5 || t.right > r.right + 0.5;
      })
      .map((g) => `kill button text outside its button: ${g.querySelector('text')!.textContent}`),
  );
  problems.push(...buttons);
  // A box's title stops before its kill button.
  const covered = await page.locator('[data-testid=process-diagram] .node').evaluateAll((nodes) =>
    nodes
      .filter((node) => {
        const right = node.querySelector('.kill rect') ?? node.querySelector(':scope > .node-state');
        const title = node.querySelector(':scope > .node-title');
        return right && title && title.getBoundingClientRect().right > right.getBoundingClientRect().left + 0.5;
      })
      .map(
        (node) => `title under the kill button or state: ${node.querySelector(':scope > .node-title')!.textContent}`,
      ),
  );
  problems.push(...covered);
  // A renderer's name (renderer:13) is never cut: the kill button leaves it room.
  const names = await page
    .locator('[data-testid=process-diagram] .node.renderer:not(.more) > .node-title')
    .allTextContents();
  problems.push(...names.filter((n) => n.includes('…')).map((n) => `renderer name cut: ${n}`));
  // The waterfall's step names fit their column (requests' URLs may be cut; their tooltip has them).
  const steps = await page
    .locator('.wf-row:not(.request) .wf-label')
    .evaluateAll((all) => all.map((l) => l.firstChild?.textContent?.trim() ?? ''));
  problems.push(...steps.filter((n) => n.includes('…')).map((n) => `waterfall step name cut: ${n}`));
  // Story text breaks between words (or at a name's dot), never inside a word.
  const midWord = await page.locator('.chapter-text').evaluateAll((paragraphs) => {
    const found: string[] = [];
    for (const p of paragraphs) {
      const walker = document.createTreeWalker(p, NodeFilter.SHOW_TEXT);
      const chars: { c: string; top: number }[] = [];
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const text = node.textContent ?? '';
        for (let i = 0; i < text.length; i++) {
          const range = document.createRange();
          range.setStart(node, i);
          range.setEnd(node, i + 1);
          const rect = range.getClientRects()[0];
          if (rect) chars.push({ c: text[i]!, top: Math.round(rect.top) });
        }
      }
      for (let i = 1; i < chars.length; i++) {
        const before = chars[i - 1]!;
        const after = chars[i]!;
        if (after.top > before.top && /[A-Za-z0-9]/.test(before.c) && /[a-z0-9]/.test(after.c)) {
          const at = chars
            .slice(Math.max(0, i - 12), i + 8)
            .map((x) => x.c)
            .join('');
          found.push(`story text broken inside a word: ${at}`);
        }
      }
    }
    return found;
  });
  problems.push(...midWord);
  // The message list's column headings stay inside their columns.
  const headings = await page
    .locator('.sequence-header > span')
    .evaluateAll((all) =>
      all
        .filter((el) => el.getClientRects().length > 0 && el.scrollWidth > el.clientWidth + 1)
        .map((el) => `message list heading wider than its column: ${el.textContent}`),
    );
  problems.push(...headings);
  // Controls keep to one line.
  const controls = await page.locator('.controls').evaluate((el) => el.getBoundingClientRect().height);
  if (controls > 48) problems.push(`the step controls wrap (${controls} px high)`);
  return problems;
}

describeWindow('screenshots of the main views after twelve navigations', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('navigates twelve times', async () => {
    for (const input of NAVIGATIONS) await navigate(w.page, input, w.host);
  }, 120_000);

  for (const [width, height] of [
    [1280, 800],
    [1920, 1080],
  ] as const) {
    for (const lang of ['en', 'ko'] as const) {
      it(`is clean at ${width}×${height} in ${lang === 'en' ? 'English' : 'Korean'}`, async () => {
        const { page } = w;
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(lang);
        const shot = async (view: string) => {
          await page.waitForTimeout(150);
          await page.screenshot({ path: path.join(ARTIFACTS, `newcomer-${lang}-${width}-${view}.png`) });
          const problems = await layoutProblems(page, width);
          expect(problems.join('\n'), view).toBe('');
        };
        // The live end: the last navigation, ended on "spinner stops".
        await page.keyboard.press('End');
        await shot('live');
        // Every process, exited ones too.
        await page.getByTestId('show-exited').locator('input').check();
        await shot('processes');
        await page.getByTestId('show-exited').locator('input').uncheck();
        // The DNS walk of the first navigation.
        await page.keyboard.press('Home');
        for (let i = 0; i < 200; i++) {
          await page.keyboard.press('ArrowRight');
          if ((await page.getByTestId('dns-panel').count()) > 0 && (await page.locator('.dns-step').count()) >= 2)
            break;
        }
        await shot('dns');
        // The renderer's layout at the end of the first load.
        for (let i = 0; i < 300; i++) {
          await page.keyboard.press('ArrowRight');
          if (((await page.getByTestId('explain-title').textContent()) ?? '').includes('FrameHost.DidStopLoading'))
            break;
        }
        await page.getByTestId('renderer-tab-layout').click();
        await shot('renderer');
        // Its subresources: how each was found is said under its URL, not cut off at the panel's edge.
        await page.getByTestId('renderer-tab-subresources').click();
        await shot('subresources');
        const table = await page
          .getByTestId('subresource-table')
          .locator('table')
          .evaluate((t) => ({ scroll: t.scrollWidth, client: t.clientWidth }));
        expect(table.scroll).toBeLessThanOrEqual(table.client + 1);
        await page.getByTestId('renderer-tab-layout').click();
        // Step mode's bar.
        await page.keyboard.press('End');
        await page.getByTestId('step-toggle').click();
        await page.getByTestId('step-gate').waitFor();
        await shot('step-mode');
        await page.getByTestId('step-toggle').click();
        await page.getByTestId('step-gate').waitFor({ state: 'detached' });
        // Compare.
        await page.getByTestId('open-compare').click();
        await page.getByTestId('compare').waitFor();
        await shot('compare');
        // The differences name what they compare in the window's language.
        const what = await page
          .locator('[data-testid=compare-differences] tr.diff.process td:nth-child(2)')
          .allTextContents();
        for (const text of what) expect(text.trim()).toBe(lang === 'ko' ? '렌더러 프로세스' : 'Renderer process');
        await page.keyboard.press('Escape');
      }, 120_000);
    }
  }
});
