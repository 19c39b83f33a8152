import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { ARTIFACTS, type WindowSession, describeWindow, navigate, setMessagesOnly } from './chromiumHarness.js';

type Message = Extract<TraceEvent, { type: 'message' }>;

describeWindow('the renderer panels in the window (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('on www.naver.com: stepping shows each subresource message; the DOM and layout panels show the page', async () => {
    const { page, host } = w;
    await navigate(page, 'www.naver.com', host);
    const events = host.session.browser.recorder.events;
    const messages = events.filter((e): e is Message => e.type === 'message');
    const subresourceStarts = messages
      .map((m, index) => ({ m, index }))
      .filter(({ m }) => m.name === 'URLLoaderFactory.CreateLoaderAndStart' && m.from.startsWith('renderer:'));
    expect(subresourceStarts.length).toBeGreaterThan(2);

    await setMessagesOnly(page, true);
    await page.keyboard.press('Home');
    let at = -1;
    for (const { m, index } of subresourceStarts) {
      for (; at < index; at++) await page.keyboard.press('ArrowRight');
      await expect
        .poll(() => page.getByTestId('explain-title').textContent())
        .toContain('URLLoaderFactory.CreateLoaderAndStart');
      const url = new URL(String((m.payload as { request: { url: string } }).request.url));
      await expect.poll(() => page.getByTestId('subresource-table').textContent()).toContain(url.pathname);
    }

    // Step on to the end of loading: the DOM tree and the layout boxes are there.
    const loaded = messages.findIndex((m) => m.name === 'LocalFrameHost.DocumentOnLoadCompleted');
    for (; at < loaded; at++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('LocalFrameHost.DocumentOnLoadCompleted');
    await page.getByTestId('renderer-tab-dom').click();
    const dom = await page.getByTestId('dom-tree').textContent();
    expect(dom).toContain('<html>');
    expect(dom).toContain('<body>');
    await page.getByTestId('renderer-tab-layout').click();
    await expect.poll(() => page.getByTestId('layout-box').count()).toBeGreaterThan(5);
    await page.getByTestId('renderer-panel').screenshot({ path: path.join(ARTIFACTS, 'window-renderer-layout.png') });
    await page.getByTestId('renderer-tab-cssom').click();
    expect(await page.getByTestId('cssom').textContent()).toContain('naver.css');
    await page.keyboard.press('End');
  });

  it('on the ORB lab page: the ORB table lists the blocked JSON image; the script timeline shows the refused script', async () => {
    const { page, host } = w;
    await navigate(page, 'http://www.naver.com/render/corb', host);
    const messages = host.session.browser.recorder.events.filter((e): e is Message => e.type === 'message');
    const loaded = messages.map((m) => m.name).lastIndexOf('LocalFrameHost.DocumentOnLoadCompleted');
    await page.keyboard.press('Home');
    for (let i = 0; i <= loaded; i++) await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('LocalFrameHost.DocumentOnLoadCompleted');
    await page.getByTestId('renderer-tab-orb').click();
    const orb = page.getByTestId('orb-table');
    await expect.poll(() => orb.textContent()).toContain('data.json');
    expect(await orb.locator('tr.block', { hasText: 'data.json' }).count()).toBe(1);
    await page.getByTestId('renderer-tab-scripts').click();
    await expect.poll(() => page.getByTestId('script-timeline').textContent()).toContain('wrong-type.js');
    await page.getByTestId('renderer-panel').screenshot({ path: path.join(ARTIFACTS, 'window-renderer-orb.png') });
    await page.keyboard.press('End');
  });
});
