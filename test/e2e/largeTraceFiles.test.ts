/**
 * Trace files at real scale, opened in the window (the Web Worker reads them; the first
 * part is shown while the rest arrives): a real Chromium's trace of three lab page loads
 * (more than 100,000 Chrome trace events), and NavScope's own trace of more than 10,000
 * messages in the compact format the window saves and in the old one. Each is stepped
 * through and checked in every view; nothing here is timed.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, expect, it } from 'vitest';
import { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import { recordRealChromium } from '../../electron/real-chromium/realChromiumRecorder.js';
import { compactTraceFileOf } from '../../shared/trace/compactTraceFile.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';
import { traceFileOf } from '../../shared/trace/traceFile.js';
import { fillTrace } from '../electron/support/largeTrace.js';
import { temporaryFolder } from '../support/temporaryFolder.js';
import { type WindowSession, describeWindow, setMessagesOnly } from './chromiumHarness.js';

/** Generous: the machine is shared, and a file of this size takes a while under load. */
const OPEN_TIMEOUT = 240_000;
const MESSAGES = 10_000;

/** A count as the window may write it (with or without thousands separators). */
const num = (n: number) => n.toLocaleString('en').replace(/,/g, ',?');

/** The window's position line, spaces collapsed. */
async function position(page: Page): Promise<string> {
  return ((await page.getByTestId('position').textContent()) ?? '').replace(/\s+/g, ' ').trim();
}

/** Opens a file and waits until every event has arrived (the window no longer says it is opening it). */
async function openFile(page: Page, file: string): Promise<void> {
  await page.getByTestId('trace-file-input').setInputFiles(file);
  await page.getByTestId('replay-banner').waitFor({ timeout: OPEN_TIMEOUT });
  await expect.poll(() => page.getByTestId('trace-opening').count(), { timeout: OPEN_TIMEOUT, interval: 250 }).toBe(0);
  expect(await page.getByTestId('trace-file-problem').count()).toBe(0);
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
}

/** Steps forward `count` times; each step changes what the explanation is about. */
async function stepForward(page: Page, count: number): Promise<string[]> {
  const titles: string[] = [];
  for (let i = 0; i < count; i++) {
    const before = await position(page);
    await page.keyboard.press('ArrowRight');
    await expect.poll(() => position(page)).not.toBe(before);
    titles.push(((await page.getByTestId('explain-title').textContent()) ?? '').trim());
  }
  return titles;
}

describeWindow('trace files at real scale', (window) => {
  let w: WindowSession;
  let dir: string;
  let navscope: { events: TraceEvent[]; messages: number; compact: string; old: string };
  let real: { file: string; chromeEvents: number };

  beforeAll(async () => {
    w = window();
    dir = temporaryFolder('navscope-large-files-');
    const lab = w.host.session.lab!;
    // NavScope's own trace: one lab navigation's events recorded again until there are 10,000 messages.
    const session = await BrowserSession.start({ lab, spareRenderer: true });
    try {
      await session.browser.webContents.navigateFromOmnibox('www.naver.com');
      const sample = session.browser.recorder.events;
      const perEvent = sample.filter((e) => e.type === 'message').length / sample.length;
      await fillTrace(session, Math.ceil(MESSAGES / perEvent) + sample.length);
      const events = session.browser.recorder.events.slice();
      const compact = path.join(dir, 'navscope.compact.json');
      const old = path.join(dir, 'navscope.v1.json');
      writeFileSync(compact, JSON.stringify(compactTraceFileOf(events)));
      writeFileSync(old, JSON.stringify(traceFileOf(events)));
      navscope = { events, messages: events.filter((e) => e.type === 'message').length, compact, old };
    } finally {
      await session.stop();
    }
    // A real Chromium's trace: three lab page loads (two sites), recorded in lab mode.
    const recording = await recordRealChromium({
      urls: ['https://www.naver.com/', 'https://www.google.com/', 'https://www.naver.com/news'],
      lab: lab.config,
    });
    const file = path.join(dir, 'real.trace.json');
    writeFileSync(file, recording.trace);
    const json = JSON.parse(Buffer.from(recording.trace).toString('utf8')) as { traceEvents: unknown[] };
    real = { file, chromeEvents: json.traceEvents.length };
  }, OPEN_TIMEOUT);

  it(
    'opens a real Chromium trace of more than 100,000 events, lists all its messages and steps through it',
    async () => {
      const { page, problems } = w;
      expect(real.chromeEvents).toBeGreaterThanOrEqual(100_000);
      await openFile(page, real.file);
      await page.getByTestId('real-banner').waitFor();
      expect(await page.getByTestId('real-headline').textContent()).toMatch(/from a Chrome trace file$/);
      // Every process of the three loads is in the diagram.
      const diagram = page.getByTestId('process-diagram');
      for (const node of ['browser', 'network', 'gpu', 'renderer:1', 'renderer:2'])
        expect(await diagram.locator(`[data-node="${node}"]`).count()).toBe(1);
      // Stepping the navigation messages (the default) moves through them, explained.
      const titles = await stepForward(page, 12);
      expect(new Set(titles).size).toBeGreaterThan(3);
      // All messages: the list holds thousands, and only the rows in view are drawn.
      await page.getByTestId('message-filter').selectOption('all');
      await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
      const total = Number(
        ((await page.getByTestId('message-filter').locator('option[value=all]').textContent()) ?? '').replace(
          /\D/g,
          '',
        ),
      );
      expect(total).toBeGreaterThan(1_000);
      await expect.poll(() => page.locator('.sequence-body .panel-title .count').textContent()).toBe(String(total));
      expect(await page.locator('.sequence-row').count()).toBeLessThan(200);
      // Scrolled to the bottom, the list draws the last messages.
      const lastSeq = await page.locator('.sequence-scroller').evaluate((el) => {
        el.scrollTop = el.scrollHeight;
        return el.scrollHeight;
      });
      expect(lastSeq).toBeGreaterThan(total * 20);
      await expect
        .poll(() =>
          page
            .locator('.sequence-row')
            .last()
            .evaluate((row) => row.getBoundingClientRect().height > 0),
        )
        .toBe(true);
      // Every message is a step: End shows the last one, Home and → go back to the first ones.
      await setMessagesOnly(page, true);
      await page.keyboard.press('End');
      await expect.poll(() => position(page)).toMatch(new RegExp(`^Message ${num(total)} of ${num(total)} `));
      await page.keyboard.press('Home');
      await stepForward(page, 5);
      expect(await position(page)).toMatch(new RegExp(`^Message 5 of ${num(total)} `));
      await setMessagesOnly(page, false);
      await page.getByTestId('message-filter').selectOption('navigation');
      expect(problems).toEqual([]);
    },
    OPEN_TIMEOUT,
  );

  it('draws only the rows in view of a HAR with 1,000 requests, and every one when scrolled to', async () => {
    const { page, problems } = w;
    const REQUESTS = 1_000;
    const entry = (i: number) => ({
      pageref: 'page_1',
      startedDateTime: new Date(Date.UTC(2026, 11, 4, 10, 0, 0, i * 5)).toISOString(),
      time: 30,
      request: {
        method: 'GET',
        url: i === 0 ? 'https://www.naver.com/' : `https://www.naver.com/static/item-${i}.png`,
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Host', value: 'www.naver.com' }],
        cookies: [],
        queryString: [],
        headersSize: -1,
        bodySize: 0,
      },
      response: {
        status: 200,
        statusText: 'OK',
        httpVersion: 'HTTP/1.1',
        headers: [{ name: 'Content-Type', value: i === 0 ? 'text/html' : 'image/png' }],
        cookies: [],
        content: { size: 100, mimeType: i === 0 ? 'text/html' : 'image/png' },
        redirectURL: '',
        headersSize: 80,
        bodySize: 100,
      },
      cache: {},
      timings: { blocked: 1, dns: -1, connect: -1, ssl: -1, send: 1, wait: 20, receive: 8 },
    });
    const har = {
      log: {
        version: '1.2',
        creator: { name: 'WebInspector', version: '537.36' },
        pages: [
          { startedDateTime: '2026-12-04T10:00:00.000Z', id: 'page_1', title: 'NAVER', pageTimings: { onLoad: 9000 } },
        ],
        entries: Array.from({ length: REQUESTS }, (_, i) => entry(i)),
      },
    };
    const file = path.join(dir, 'many.har');
    writeFileSync(file, JSON.stringify(har));
    await page.getByTestId('back-to-live').click();
    await openFile(page, file);
    const waterfall = page.getByTestId('waterfall');
    await expect.poll(() => waterfall.locator('.wf-row.request').count()).toBeGreaterThan(10);
    expect(await waterfall.locator('.wf-row.request').count()).toBeLessThan(300);
    // Scrolled to the end, the last request's row is drawn.
    await page.locator('.waterfall-host').evaluate((el) => (el.scrollTop = el.scrollHeight));
    await expect
      .poll(() => waterfall.locator('.wf-row.request title').allTextContents(), { timeout: 10_000 })
      .toContainEqual(expect.stringContaining(`item-${REQUESTS - 1}.png`));
    expect(await waterfall.locator('.wf-row.request').count()).toBeLessThan(300);
    expect(problems).toEqual([]);
  });

  for (const format of ['compact', 'old'] as const) {
    it(
      `opens the ${MESSAGES.toLocaleString('en')}-message NavScope trace (${format} format) and steps through it`,
      async () => {
        const { page, problems } = w;
        await page.getByTestId('back-to-live').click();
        await openFile(page, format === 'compact' ? navscope.compact : navscope.old);
        // Every event and every message arrived.
        await setMessagesOnly(page, true);
        const messages = num(navscope.messages);
        const events = num(navscope.events.length);
        await expect.poll(() => position(page)).toMatch(new RegExp(`of ${messages} .*/ ${events}$`));
        // The first message of the trace, then the next ones, each explained and selected in the sequence.
        const titles = await stepForward(page, 6);
        const first = navscope.events.find((e) => e.type === 'message');
        expect(titles[0]).toContain(first && first.type === 'message' ? first.name : '?');
        expect(await page.locator('.sequence-row.selected').count()).toBe(1);
        // Deep in the trace: a later navigation's renderer panel and waterfall are there.
        await page.keyboard.press('End');
        await expect.poll(() => position(page)).toMatch(new RegExp(`^Message ${messages} of ${messages}`));
        await page.keyboard.press('ArrowLeft');
        await expect.poll(() => page.getByTestId('explain-title').textContent()).toMatch(/\S/);
        expect(await page.getByTestId('waterfall').count()).toBe(1);
        expect(await page.getByTestId('waterfall-url').textContent()).toContain('naver.com');
        await setMessagesOnly(page, false);
        expect(problems).toEqual([]);
      },
      OPEN_TIMEOUT,
    );
  }
});
