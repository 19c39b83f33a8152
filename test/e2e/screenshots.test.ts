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
        const kill = node.querySelector('.kill rect');
        const title = node.querySelector(':scope > .node-title');
        return kill && title && title.getBoundingClientRect().right > kill.getBoundingClientRect().left + 0.5;
      })
      .map((node) => `title under the kill button: ${node.querySelector(':scope > .node-title')!.textContent}`),
  );
  problems.push(...covered);
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
          expect(problems, view).toEqual([]);
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
        await page.keyboard.press('Escape');
      }, 120_000);
    }
  }
});
