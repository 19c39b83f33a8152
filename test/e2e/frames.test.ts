/**
 * Tabs and frames in the window (issue 20), in Chromium: the tab strip, the frames
 * page, the frame tree in the details and the process diagram with each renderer's
 * frames and proxies inside it; screenshots at 1280×800 and 1920×1080, in English and
 * Korean, checked for text outside its box.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { foldTrace, framesOfTab } from '../../shared/trace/browserViewState.js';
import type { TraceEvent, TraceEventBody } from '../../shared/trace/traceEvent.js';
import { parseTraceFileText } from '../../shared/trace/traceFile.js';
import { temporaryFolder } from '../support/temporaryFolder.js';
import { ARTIFACTS, type WindowSession, clippedDiagramText, describeWindow, navigate } from './chromiumHarness.js';

/** Texts of the diagram's columns, frame rows and tab chips that spill out of their box, and rows outside their process. */
function clippedFrameText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const found: string[] = [];
    const within = (r: DOMRect, box: DOMRect) =>
      r.left >= box.left - 1 && r.right <= box.right + 1 && r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    const svg = document.querySelector('[data-testid=process-diagram]');
    if (!svg) return found;
    for (const group of svg.querySelectorAll('.frame-box, .tab-chip, .group')) {
      const box = group.querySelector('rect')!.getBoundingClientRect();
      for (const text of group.querySelectorAll('text'))
        if (!within(text.getBoundingClientRect(), box))
          found.push(`${group.getAttribute('class') ?? ''}: "${text.textContent}"`);
      const processId = group.getAttribute('data-process');
      if (processId) {
        const node = svg.querySelector(`.node[data-node="${processId}"] rect`);
        if (!node || !within(box, node.getBoundingClientRect()))
          found.push(`${group.getAttribute('data-frame')} outside ${processId}`);
      }
    }
    return found;
  });
}

/**
 * The naver demo trace, told as if www.naver.com had a google iframe: tab and frame
 * events, a proxy for the iframe in naver's process, and the messages of the main frame
 * tagged with it (a saved trace's frames are drawn as a live one's).
 */
function demoWithFrames(): TraceEvent[] {
  const demo = parseTraceFileText(
    readFileSync(path.resolve(__dirname, '../../renderer/src/demos/www.naver.com.json'), 'utf8'),
  ).events;
  // The tab and its frames are said before the first message about the main frame.
  const at = demo.findIndex(
    (e) => e.type === 'message' && JSON.stringify(e.payload).includes('"frameToken":"frame-1"'),
  );
  const ts = demo[at]!.ts;
  const body = (b: TraceEventBody): TraceEvent => ({ ...b, ts, endpoint: 'browser', seq: 0 }) as TraceEvent;
  const added: TraceEvent[] = [
    body({ type: 'tab.created', tabId: 1, openerTabId: null, mainFrameTreeNodeId: 1, reason: 'the window opened' }),
    body({
      type: 'frame.created',
      frameTreeNodeId: 1,
      parentId: null,
      tabId: 1,
      frameToken: 'frame-1',
      name: '',
      url: 'https://www.naver.com/',
      site: 'https://naver.com',
      processId: 'renderer:1',
      depth: 0,
      reason: 'main frame',
    }),
    body({
      type: 'process.assigned',
      processId: 'renderer:2',
      pid: null,
      site: 'https://google.com',
      how: 'spare',
      reason: 'cross-site iframe',
    } as TraceEventBody),
    body({
      type: 'frame.created',
      frameTreeNodeId: 2,
      parentId: 1,
      tabId: 1,
      frameToken: 'frame-2',
      name: 'google',
      url: 'https://www.google.com/',
      site: 'https://google.com',
      processId: 'renderer:2',
      depth: 1,
      reason: 'FrameHost.CreateChildFrame',
    }),
    body({
      type: 'proxy.created',
      frameTreeNodeId: 2,
      tabId: 1,
      processId: 'renderer:1',
      proxyToken: 'P2',
      reason: 'OOPIF',
    }),
    body({
      type: 'proxy.created',
      frameTreeNodeId: 1,
      tabId: 1,
      processId: 'renderer:2',
      proxyToken: 'P1',
      reason: 'OOPIF',
    }),
  ];
  // The demo's renderers end at the end (shut down unused); here they run the page and its iframe.
  const tagged = demo
    .filter((e) => e.type !== 'process.exit')
    .map((e) =>
      e.type === 'message' && JSON.stringify(e.payload).includes('"frameToken":"frame-1"')
        ? { ...e, frameTreeNodeId: 1, tabId: 1 }
        : e,
    );
  return [...tagged.slice(0, at), ...added, ...tagged.slice(at)].map((e, seq) => ({ ...e, seq }));
}

async function shoot(page: Page, name: string): Promise<void> {
  await page.waitForTimeout(150);
  await page.screenshot({ path: path.join(ARTIFACTS, `frames-${name}.png`) });
  expect(await clippedDiagramText(page), name).toEqual([]);
  expect(await clippedFrameText(page), name).toEqual([]);
  const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
  expect(width, `${name}: wider than the window`).toBeLessThanOrEqual(0);
}

describeWindow('tabs and frames in the window (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('draws a saved trace’s frames inside their processes, with the proxy, and its frame tree', async () => {
    const { page } = w;
    const file = path.join(temporaryFolder('navscope-frames-'), 'naver-with-frames.json');
    writeFileSync(file, JSON.stringify({ format: 'navscope-trace', version: 1, events: demoWithFrames() }));
    await page.getByTestId('trace-file-input').setInputFiles(file);
    await page.getByTestId('replay-banner').waitFor();
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    const diagram = page.getByTestId('process-diagram');
    await expect.poll(() => diagram.locator('[data-frame="frame:2"]').textContent()).toContain('www.google.com');
    expect(await diagram.locator('[data-frame="proxy:2@renderer:1"]').textContent()).toContain(
      'proxy → www.google.com',
    );
    expect(await diagram.getByTestId('diagram-tab').count()).toBe(1);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const)
      for (const lang of ['en', 'ko'] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(lang);
        await shoot(page, `saved-${lang}-${width}`);
      }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('language').selectOption('en');
    // The messages of the main frame say so; the frame tree is a tab of the renderer's details.
    expect(await page.getByTestId('message-frame').first().textContent()).toContain('main frame');
    // At the end: the main frame's DidStopLoading, a renderer step.
    await page.keyboard.press('End');
    await page.getByTestId('renderer-tab-frames').click();
    const tree = page.getByTestId('frame-tree');
    await expect.poll(() => tree.getByTestId('frame-row').count()).toBe(2);
    expect(await tree.getByTestId('site-isolation').textContent()).toContain(
      'renderer:2 (https://google.com) runs the iframe www.google.com',
    );
    await tree.scrollIntoViewIfNeeded();
    await shoot(page, 'saved-frame-tree-en-1280');
    await page
      .getByTestId('explanation')
      .screenshot({ path: path.join(ARTIFACTS, 'frames-saved-frame-tree-panel.png') });
    await page.getByTestId('back-to-live').click();
  }, 120_000);

  it('loads www.naver.com/frames: the google iframe in its own process, a proxy for it in naver’s', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com/frames', host);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    const diagram = page.getByTestId('process-diagram');
    const frames = async (processId: string) =>
      (await diagram.locator(`.frame-box[data-process="${processId}"]`).allTextContents()).map((t) => t.trim());
    const state = host.session.browser.recorder.events;
    const naver = [...state].reverse().find((e) => e.type === 'frame.committed' && e.url.endsWith('/frames'));
    const google = [...state].reverse().find((e) => e.type === 'frame.committed' && e.url.includes('www.google.com'));
    expect(naver?.type === 'frame.committed' && google?.type === 'frame.committed').toBe(true);
    if (naver?.type !== 'frame.committed' || google?.type !== 'frame.committed') return;
    expect(naver.processId).not.toBe(google.processId);
    await expect.poll(() => frames(google.processId)).toContainEqual(expect.stringContaining('www.google.com'));
    const inNaver = await frames(naver.processId);
    expect(inNaver.some((t) => t.includes('www.google.com'))).toBe(true);
    expect(await diagram.locator(`.frame-box.proxy[data-process="${naver.processId}"]`).textContent()).toContain(
      'www.google.com',
    );
    // The story is the page's: its commit put the page's address in the bar, not the iframe's.
    expect(await page.getByTestId('chapter-text-6').textContent()).toContain('https://www.naver.com/frames');
    expect(await page.getByTestId('chapter-text-6').textContent()).not.toContain('embed');
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const)
      for (const lang of ['en', 'ko'] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(lang);
        await shoot(page, `live-${lang}-${width}`);
      }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('language').selectOption('en');
    // The frame tree: the page, its same-site child and the google iframe, out of process.
    await page.getByTestId('renderer-tab-frames').click();
    const tree = page.getByTestId('frame-tree');
    await expect.poll(() => tree.getByTestId('frame-row').count()).toBe(3);
    expect(await tree.locator('tr.oopif').count()).toBe(1);
    expect(await tree.locator('tr.oopif').textContent()).toContain('www.google.com');
    await tree.scrollIntoViewIfNeeded();
    await shoot(page, 'live-frame-tree-en-1280');
    await page.setViewportSize({ width: 1920, height: 1080 });
    await page.getByTestId('language').selectOption('ko');
    await tree.scrollIntoViewIfNeeded();
    await shoot(page, 'live-frame-tree-ko-1920');
    await page.getByTestId('language').selectOption('en');
    await page.setViewportSize({ width: 1280, height: 800 });
  }, 120_000);

  it('opens a second tab, draws its page in its process, switches back, and closes it', async () => {
    const { page, host } = w;
    const events = host.session.browser.recorder.events;
    await page.getByTestId('new-tab').click();
    await expect.poll(() => page.getByTestId('tabstrip').getByRole('tab').count()).toBe(2);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('New Tab');
    expect(await page.getByRole('textbox', { name: 'Address and search bar' }).inputValue()).toBe('');
    await navigate(page, 'www.naver.com', host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
    // A tab the user opens is its own BrowsingInstance: under the soft process limit, its naver page gets a
    // process of its own, as in Chromium (tab 1's naver process is not reused). The diagram draws it there.
    const tab2 = [...events].reverse().find((e) => e.type === 'frame.committed' && e.tabId === 2);
    if (tab2?.type !== 'frame.committed') throw new Error('tab 2 committed nothing');
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    const diagram = page.getByTestId('process-diagram');
    await expect.poll(() => diagram.getByTestId('diagram-tab').count()).toBe(2);
    await expect
      .poll(() => diagram.locator(`[data-frame="frame:${tab2.frameTreeNodeId}"]`).getAttribute('data-process'))
      .toBe(tab2.processId);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const)
      for (const lang of ['en', 'ko'] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(lang);
        await shoot(page, `tabs-${lang}-${width}`);
      }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('language').selectOption('en');
    // Back to tab 1: its own title, address and history. What was typed in tab 2 and not sent waits there.
    const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
    await omnibox.fill('typed in tab 2');
    await page.getByTestId('background-tab').click();
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toMatch(/^Frames/);
    await expect
      .poll(() => page.getByRole('textbox', { name: 'Address and search bar' }).inputValue())
      .toBe('https://www.naver.com/frames');
    // The story follows the shown tab.
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('story-headline').textContent()).toContain('www.naver.com/frames');
    await page.getByTestId('background-tab').click();
    await expect.poll(() => omnibox.inputValue()).toBe('typed in tab 2');
    await page.getByTestId('background-tab').click();
    await expect.poll(() => omnibox.inputValue()).toBe('https://www.naver.com/frames');
    // Close tab 2: one tab left, and it is the one shown.
    await page.getByTestId('background-tab').hover();
    await page.getByTestId('background-tab').getByTestId('close-tab').click();
    await expect.poll(() => page.getByTestId('tabstrip').getByRole('tab').count()).toBe(1);
    expect(await page.getByTestId('tab-title').textContent()).toMatch(/^Frames/);
    expect(await page.getByTestId('close-tab').count()).toBe(0);
  }, 120_000);

  it('draws A inside B inside A with the inner A in the outer page’s process', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com/frames/nested', host);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    // The fold of the host's trace: the tab's main frame (naver) and the naver frame inside google's.
    const state = foldTrace(host.session.browser.recorder.events);
    const frames = framesOfTab(state, state.activeTabId);
    const outer = frames.find((f) => f.parentId === null);
    const inner = frames.find((f) => f.depth === 2);
    const middle = frames.find((f) => f.depth === 1);
    if (!outer?.processId || !inner || !middle) throw new Error(`not three frames: ${JSON.stringify(frames)}`);
    expect(middle.processId).not.toBe(outer.processId);
    const diagram = page.getByTestId('process-diagram');
    await expect
      .poll(() => diagram.locator(`[data-frame="frame:${inner.frameTreeNodeId}"]`).getAttribute('data-process'))
      .toBe(outer.processId);
    await page.getByTestId('renderer-tab-frames').click();
    await expect.poll(() => page.getByTestId('frame-tree').getByTestId('frame-row').count()).toBe(3);
    await shoot(page, 'nested-en-1280');
  }, 120_000);

  it('draws five cross-site iframes in six processes without losing a frame', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com/frames/five', host);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    const diagram = page.getByTestId('process-diagram');
    await expect.poll(() => diagram.getByTestId('diagram-frame').count()).toBeGreaterThanOrEqual(6);
    for (const [width, height] of [
      [1280, 800],
      [1920, 1080],
    ] as const)
      for (const lang of ['en', 'ko'] as const) {
        await page.setViewportSize({ width, height });
        await page.getByTestId('language').selectOption(lang);
        await shoot(page, `five-${lang}-${width}`);
      }
    await page.setViewportSize({ width: 1280, height: 800 });
    await page.getByTestId('language').selectOption('en');
  }, 120_000);

  it('keeps many tabs in the strip, each with its number', async () => {
    const { page } = w;
    const before = await page.getByTestId('tabstrip').getByRole('tab').count();
    for (let i = before; i < 12; i++) await page.getByTestId('new-tab').click();
    await expect.poll(() => page.getByTestId('tabstrip').getByRole('tab').count()).toBe(12);
    await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
    await page.keyboard.press('End');
    await expect.poll(() => page.getByTestId('diagram-tab').count()).toBeGreaterThan(0);
    await shoot(page, 'many-tabs-en-1280');
    // Every tab is in the window, none past its edge.
    const right = await page
      .getByRole('tab')
      .evaluateAll((tabs) => Math.max(...tabs.map((t) => t.getBoundingClientRect().right)));
    expect(right).toBeLessThanOrEqual(1280);
    const chips = await page.getByTestId('diagram-tab').count();
    const more = await page
      .locator('.tab-more')
      .textContent()
      .catch(() => null);
    expect(chips + Number(more?.replace('+', '') ?? 0)).toBe(12);
  }, 120_000);
});
