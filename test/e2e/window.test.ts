import { isCommitAck } from '../../shared/ipc/messageCatalogue.js';
import path from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { foldTrace } from '../../shared/trace/browserViewState.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import {
  ARTIFACTS,
  describeWindow,
  type WindowSession,
  clippedDiagramText,
  navigate,
  setMessagesOnly,
} from './chromiumHarness.js';

describeWindow('the window in Chromium (web host, lab)', (window) => {
  let w: WindowSession;
  beforeAll(() => {
    w = window();
  });

  it('navigates to www.naver.com from the omnibox and shows the processes that did it', async () => {
    const { page } = w;
    await navigate(page, 'www.naver.com', w.host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('NAVER — NavScope lab');
    await expect.poll(() => page.getByTestId('spinner').count()).toBe(0);
    const renderer = page.locator('[data-testid=process-diagram] [data-node="renderer:1"]');
    await expect.poll(async () => (await renderer.textContent()) ?? '').toMatch(/pid \d+ · running/);
    expect(await page.locator('[data-testid=process-diagram] [data-node=browser]').textContent()).toMatch(/pid \d+/);
    expect(await page.locator('[data-testid=process-diagram] .node.dns').count()).toBe(3);
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-naver-loaded.png') });
  });

  it('lays out chrome, diagram, sequence, waterfall and explanation at 1280×800 without overlap or clipping', async () => {
    const { page } = w;
    expect(await clippedDiagramText(page)).toEqual([]);
    const geometry = await page.evaluate(() => {
      const box = (el: Element) => el.getBoundingClientRect();
      const panels = [...document.querySelectorAll('.chrome, .controls, .panel')].map((el) => ({
        name: el.className,
        r: box(el),
      }));
      return {
        panels: panels.map((p) => ({
          name: p.name,
          left: p.r.left,
          top: p.r.top,
          right: p.r.right,
          bottom: p.r.bottom,
        })),
        scrollWidth: document.documentElement.scrollWidth,
        scrollHeight: document.documentElement.scrollHeight,
      };
    });
    expect(geometry.scrollWidth).toBeLessThanOrEqual(1280);
    expect(geometry.scrollHeight).toBeLessThanOrEqual(800);
    const { panels } = geometry;
    expect(panels.map((p) => p.name.split(' ').pop())).toEqual([
      'chrome',
      'controls',
      'story',
      'diagram',
      'explain',
      'sequence',
      'waterfall',
    ]);
    for (const p of panels) {
      expect(p.right).toBeLessThanOrEqual(1280);
      expect(p.bottom).toBeLessThanOrEqual(800);
    }
    for (let i = 0; i < panels.length; i++) {
      for (let j = i + 1; j < panels.length; j++) {
        const a = panels[i]!;
        const b = panels[j]!;
        const overlap =
          a.left < b.right - 0.5 && b.left < a.right - 0.5 && a.top < b.bottom - 0.5 && b.top < a.bottom - 0.5;
        expect(overlap, `${a.name} overlaps ${b.name}`).toBe(false);
      }
    }
  });

  it('steps through every message with the keyboard, naming each one in the explanation panel', async () => {
    const { page, host } = w;
    const events = host.session.browser.recorder.events;
    const messages = events.filter((e): e is Extract<TraceEvent, { type: 'message' }> => e.type === 'message');
    expect(messages.length).toBeGreaterThan(20);
    await setMessagesOnly(page, true);
    await page.keyboard.press('Home');
    await expect.poll(() => page.getByTestId('position').textContent()).toMatch(/Message 0 of/);
    for (let i = 0; i < messages.length; i++) {
      await page.keyboard.press('ArrowRight');
      await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain(messages[i]!.name);
    }
    await expect
      .poll(() => page.getByTestId('position').textContent())
      .toMatch(new RegExp(`Message ${messages.length} of ${messages.length}`));
    await page.getByRole('button', { name: 'Previous message' }).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain(messages.at(-2)!.name);
    await page.getByRole('button', { name: 'Next message' }).click();
    await expect.poll(() => page.getByTestId('explain-title').textContent()).toContain(messages.at(-1)!.name);
    await setMessagesOnly(page, false);
  });

  it('shows exactly the state after the step at the cursor: the address bar changes at the commit acknowledgement', async () => {
    const { page, host } = w;
    const events = [...host.session.browser.recorder.events];
    const commitAck = events.find((e) => isCommitAck(e))!;
    await setMessagesOnly(page, true);
    const messageIndex = events.filter((e) => e.type === 'message' && e.seq <= commitAck.seq).length;
    await page.keyboard.press('Home');
    for (let i = 0; i < messageIndex - 1; i++) await page.keyboard.press('ArrowRight');
    // One message before the acknowledgement: no page yet.
    expect(await page.getByRole('textbox', { name: 'Address and search bar' }).inputValue()).toBe('');
    expect(await page.getByTestId('security').count()).toBe(0);
    await page.keyboard.press('ArrowRight');
    await expect
      .poll(() => page.getByTestId('explain-title').textContent())
      .toContain('NavigationClient.CommitNavigation ↩ reply');
    const cursor = Number(/event (\d+)/.exec((await page.getByTestId('position').textContent()) ?? '')![1]);
    const expected = foldTrace(events, cursor);
    // The step that changes the address bar shows it changed: URL, lock, history.
    expect(expected.tab.url).toBe('https://www.naver.com/');
    expect(await page.getByRole('textbox', { name: 'Address and search bar' }).inputValue()).toBe(expected.tab.url);
    expect(await page.getByTestId('security').getAttribute('data-state')).toBe('secure');
    expect(await page.getByTestId('spinner').count()).toBe(expected.tab.loading ? 1 : 0);
    const renderers = expected.processes.filter((p) => p.kind === 'renderer' && p.state !== 'exited');
    expect(await page.locator('[data-testid=process-diagram] .node.renderer').count()).toBe(renderers.length);
    await setMessagesOnly(page, false);
    await page.keyboard.press('End');
  });

  it('switches to Korean', async () => {
    const { page } = w;
    await page.getByTestId('language').selectOption('ko');
    await expect.poll(() => page.getByRole('textbox', { name: '주소 및 검색창' }).count()).toBe(1);
    await page.keyboard.press('Home');
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => page.getByTestId('explanation').textContent()).toMatch(/무슨 일이 일어나나/);
    expect(await page.getByRole('button', { name: '다음 스텝' }).count()).toBe(1);
    await page.keyboard.press('ArrowRight');
    await page.screenshot({ path: path.join(ARTIFACTS, 'window-naver-korean.png') });
    await page.getByTestId('language').selectOption('en');
    await page.keyboard.press('End');
  });

  it('renders page-controlled text as text: a title made of markup is shown literally', async () => {
    const { page } = w;
    await navigate(page, 'http://www.naver.com/escape', w.host);
    await expect.poll(() => page.getByTestId('tab-title').textContent()).toBe('<img src=x onerror=alert(1)>');
    expect(await page.locator('.tab img').count()).toBe(0);
    expect(await page.locator('img').count()).toBe(0);
  });

  it('runs under a strict Content-Security-Policy and loads only its own files', async () => {
    const { page, host, problems, requests } = w;
    const response = await page.request.get(host.url);
    expect(response.headers()['content-security-policy']).toMatch(/script-src 'self'/);
    expect(response.headers()['content-security-policy']).not.toMatch(/unsafe-inline|unsafe-eval/);
    const origin = new URL(host.url).origin;
    expect(requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:') && !u.startsWith('ws://'))).toEqual(
      [],
    );
    expect(problems).toEqual([]);
    // No inline script or style in the served document.
    const html = await response.text();
    expect(html).not.toMatch(/<script(?![^>]*\bsrc=)[^>]*>/);
    expect(html).not.toMatch(/<style|\sstyle=/);
  });
});
