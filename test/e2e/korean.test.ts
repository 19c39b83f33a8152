/**
 * The window in Korean (issue 15, item 12): every string a person reads has a Korean
 * form. The check walks a cold navigation step by step, the renderer's panels, the
 * interstitials, an error page, a download, Compare, step mode, the session history
 * and the process diagram's hidden processes, and fails on any English words in
 * them. Data stays as written and is not checked: URLs, host names, identifiers
 * (renderer:1, Interface.Method, ERR_…), quoted page text, code, raw bytes, payloads.
 * Korean breaks between words, never inside one (word-break: keep-all).
 */
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { ARTIFACTS, type WindowSession, describeWindow } from './chromiumHarness.js';

/** Lower-case technical words that are the same in Korean text (protocol and format names). */
const SAME_IN_KOREAN = new Set([
  'pid',
  'ms',
  'kb',
  'gzip',
  'br',
  'deflate',
  'nosniff',
  'https',
  'http',
  'www',
  'async',
  'defer',
  'module',
  'inline',
  'block',
  'text',
  'replaced',
  'keep-alive',
  'no-cors',
  'px',
  // HTML and DOM names Korean technical writing keeps: the load event, the head and title elements.
  'load',
  'beforeunload',
  'head',
  'title',
  'iframe',
  'net',
]);

/** English words in the window's visible text (data left out), with where they were found. */
function englishIn(page: Page): Promise<string[]> {
  return page.evaluate(
    (same) => {
      const data =
        'code, pre, kbd, samp, input, select, textarea, title, .payload, .raw, .col-name, .col-route, .col-time, .lanes, .tab-title, .nav-url, .history-url, .history-title, .arrow-caption, .held-caption, [data-verbatim], .wf-row.request .wf-label, .axis, .dom-tree, .tree, .rr, .legend';
      const found: string[] = [];
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement;
        if (!parent || parent.closest(data)) continue;
        if (parent.closest('.visually-hidden')) continue;
        const box = parent.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const style = getComputedStyle(parent);
        if (style.visibility === 'hidden' || style.display === 'none') continue;
        const text = (node.textContent ?? '')
          .replace(/"[^"]*"|“[^”]*”|'[^']*'|‘[^’]*’/g, ' ') // quoted page text, typed input
          .replace(/([가-힣])\(([^()가-힣]*)\)/g, '$1 ') // an English gloss after a Korean word: 핸드셰이크(handshake)
          .replace(/[a-z][\w-]*\((?=[^)]*[가-힣])/g, ' (') // an English term explained in Korean: reused(그 사이트를…)
          .replace(/\S*[/.:_=@#<>{}[\]…]\S*/g, ' ') // URLs, hosts, paths, identifiers, MIME types, cut-off data
          .replace(/\S*\d\S*/g, ' ') // numbers, hashes, ids with numbers (frame-1, 2xx)
          .replace(/\w+\(\)/g, ' ') // function names: connect()
          .replace(/\b[A-Z][A-Za-z0-9-]*\b/g, ' '); // names and acronyms (NavScope, DNS, Chromium, ORB)
        // Authored explanations keep technical terms in English inside Korean sentences: they must be Korean prose.
        if (parent.closest('[data-prose]')) {
          const latin = text.replace(/[^A-Za-z]/g, '').length;
          const hangul = text.replace(/[^가-힣]/g, '').length;
          if (latin > hangul) found.push(`not Korean prose  ←  "${(node.textContent ?? '').trim().slice(0, 90)}"`);
          continue;
        }
        for (const word of text.match(/[a-z][a-z-]+/g) ?? []) {
          if (!same.includes(word))
            found.push(
              `${word}  ←  "${(node.textContent ?? '').trim().slice(0, 90)}" in <${parent.tagName.toLowerCase()} class="${parent.className && typeof parent.className === 'string' ? parent.className : ''}">`,
            );
        }
      }
      return [...new Set(found)];
    },
    [...SAME_IN_KOREAN],
  );
}

const omnibox = (page: Page) => page.locator('.omnibox input');

async function go(page: Page, input: string): Promise<void> {
  await omnibox(page).fill(input);
  await omnibox(page).press('Enter');
  await page.waitForFunction(
    () => document.querySelector('[data-testid=tab]')?.getAttribute('aria-busy') === 'false',
    undefined,
    { timeout: 20_000 },
  );
  await page.waitForTimeout(150);
}

describeWindow('the window in Korean', (window) => {
  let w: WindowSession;
  beforeAll(async () => {
    w = window();
    await w.page.getByTestId('language').selectOption('ko');
    await w.page.waitForFunction(() => document.documentElement.lang === 'ko');
  });

  it('breaks Korean between words only', async () => {
    expect(await w.page.evaluate(() => getComputedStyle(document.body).wordBreak)).toBe('keep-all');
  });

  it('has no English words in any step of a cold navigation (DNS walk, TCP, TLS, request, response, sniffing, commit, load)', async () => {
    const { page } = w;
    await go(page, 'www.naver.com');
    await page.keyboard.press('Home');
    const english = new Set<string>();
    for (let i = 0; i < 400; i++) {
      await page.keyboard.press('ArrowRight');
      for (const found of await englishIn(page)) english.add(found);
      const heading = (await page.getByTestId('explain-title').textContent()) ?? '';
      if (heading.includes('FrameHost.DidStopLoading')) break;
    }
    // The renderer's panels, at the end of the load.
    for (const tab of ['dom', 'cssom', 'render-tree', 'layout', 'paint', 'scripts', 'orb', 'subresources', 'frames']) {
      const button = page.getByTestId(`renderer-tab-${tab}`);
      if ((await button.count()) === 0) continue;
      await button.click();
      for (const found of await englishIn(page)) english.add(found);
    }
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-korean-steps.png') });
    expect([...english]).toEqual([]);
  }, 180_000);

  it('has no English words in interstitials, error pages, downloads, 404 pages, scenarios and Compare', async () => {
    const { page } = w;
    const english = new Set<string>();
    const check = async () => {
      for (const found of await englishIn(page)) english.add(found);
    };
    for (const input of [
      'https://expired.badssl-lab.com/',
      'https://wrong-host.badssl-lab.com/',
      'http://malware.testsafebrowsing-lab.com/',
      'http://phishing.testsafebrowsing-lab.com/',
      'www.no-such-site-lab.com',
      'refused.naver.com',
      'http://www.naver.com/download/report.zip',
      'naver.com/없는페이지',
      'http://www.naver.com/mime/binary-as-text',
      'http://www.naver.com/render/corb',
      'naver',
      'what is dns',
      'http://www.naver.com/fault/truncated-body',
    ]) {
      await go(page, input);
      await page.keyboard.press('End');
      await check();
      // The steps that explain what the browser decided.
      for (const phase of [1, 2, 3]) {
        void phase;
        await page.getByRole('button', { name: '이전 단계' }).click();
        await check();
      }
      await page.keyboard.press('End');
    }
    await page.getByTestId('open-compare').click();
    await check();
    await page.keyboard.press('Escape');
    await page.getByTestId('history-toggle').click();
    await check();
    await page.getByTestId('history-toggle').click();
    await page.getByTestId('show-exited').locator('input').check();
    await check();
    await page.getByTestId('show-exited').locator('input').uncheck();
    await page.getByTestId('step-toggle').click();
    await page.getByTestId('step-gate').waitFor();
    await check();
    await page.getByTestId('step-toggle').click();
    await page.getByTestId('messages-only').check();
    await check();
    await page.getByTestId('messages-only').uncheck();
    expect([...english]).toEqual([]);
    // The check itself sees English when there is some.
    await page.getByTestId('language').selectOption('en');
    expect((await englishIn(page)).length).toBeGreaterThan(10);
    await page.getByTestId('language').selectOption('ko');
  }, 240_000);
});
