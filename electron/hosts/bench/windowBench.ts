/**
 * The window, measured inside Chromium with performance.now: the time to show a saved
 * trace of 10,000 messages (from the moment the file is chosen to the moment the
 * window shows it, its layout done), and the latency of one step (→) at that size
 * (the step's script, style and layout; the following paint is not included).
 *
 * The trace is real: NavScope loads lab pages (www.naver.com and its news page, in
 * turn) in one browser until 10,000 messages have been recorded.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import type { Lab } from '../../lab/lab.js';
import { builtWindowDir } from '../../node/builtEntries.js';
import { BrowserSession } from '../node/browserSession.js';
import { WebHost } from '../web/webHost.js';
import { errorMessage } from '../../../shared/base/errors.js';

export interface LargeTrace {
  file: string;
  messages: number;
  events: number;
  megabytes: number;
}

export async function recordLargeTrace(lab: Lab, minMessages: number, dir: string): Promise<LargeTrace> {
  const session = await BrowserSession.start({ lab, spareRenderer: true });
  try {
    const recorder = session.browser.recorder;
    const messageCount = () => recorder.events.reduce((n, e) => n + (e.type === 'message' ? 1 : 0), 0);
    let messages = 0;
    for (let i = 0; messages < minMessages; i++) {
      const result = await session.browser.webContents.navigateFromOmnibox(i % 2 ? 'www.naver.com/news' : 'www.naver.com');
      if (result.outcome !== 'loaded') throw new Error(`bench: recording the large trace, navigation ${i + 1} ended ${result.outcome}`);
      if (i % 20 === 19 || i < 2) messages = messageCount();
    }
    messages = messageCount();
    const text = JSON.stringify(traceFileOf(recorder.events));
    const file = path.join(dir, `navscope-${messages}-messages.json`);
    writeFileSync(file, text);
    return { file, messages, events: recorder.events.length, megabytes: Buffer.byteLength(text) / 1024 / 1024 };
  } finally {
    await session.stop();
  }
}

const OPEN_PROBE = `globalThis.navscopeBenchOpened = new Promise((resolve, reject) => {
  document.addEventListener('change', () => {
    const start = performance.now();
    const check = () => {
      const position = document.querySelector('[data-testid=position]')?.textContent ?? '';
      const problem = document.querySelector('[data-testid=trace-file-problem]')?.textContent;
      if (document.querySelector('[data-testid=replay-banner]') && position.includes('of TOTAL')) {
        void document.documentElement.offsetHeight;
        resolve(performance.now() - start);
      } else if (problem) reject(new Error('the window refused the trace: ' + problem));
      else if (performance.now() - start > 60000) reject(new Error('the trace was not shown within 60 s; the window shows: ' + position.replace(/\\s+/g, ' ')));
      else requestAnimationFrame(check);
    };
    check();
  }, { capture: true, once: true });
});
undefined`;

const STEP_PROBE = `(async () => {
  const afterMicrotasks = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const position = () => document.querySelector('[data-testid=position] strong')?.textContent ?? '';
  const times = [];
  for (let i = 0; i < COUNT; i++) {
    const before = position();
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await afterMicrotasks();
    void document.documentElement.offsetHeight;
    times.push(performance.now() - start);
    if (position() === before) throw new Error('step ' + (i + 1) + ' did not move the cursor (still at message ' + before + ')');
  }
  return times;
})()`;

/** Opens the trace in a fresh window `runs` times, stepping `steps` messages each time. */
export async function measureWindow(browser: Browser, trace: LargeTrace, runs: number, steps: number): Promise<{ openMs: number[]; stepMs: number[] }> {
  const host = await WebHost.start({ port: 0, lab: true, staticDir: builtWindowDir() });
  const openMs: number[] = [];
  const stepMs: number[] = [];
  try {
    for (let run = 0; run < runs; run++) {
      const measured = await measureOnce(browser, host, trace, steps);
      openMs.push(measured.openMs);
      stepMs.push(...measured.stepMs);
    }
    return { openMs, stepMs };
  } finally {
    await host.stop();
  }
}

async function measureOnce(browser: Browser, host: WebHost, trace: LargeTrace, steps: number): Promise<{ openMs: number; stepMs: number[] }> {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  const problems: string[] = [];
  page.on('crash', () => problems.push('the window\'s page crashed'));
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') problems.push(`console error: ${message.text()}`);
  });
  try {
    await page.goto(host.url);
    await page.getByTestId('trace-file-input').waitFor({ state: 'attached' });
    // In the page (plain JavaScript run by Chromium): from the file input's change
    // event until the window shows the whole trace, laid out.
    await page.evaluate(OPEN_PROBE.replace('TOTAL', String(trace.messages)));
    await page.getByTestId('trace-file-input').setInputFiles(trace.file);
    const openMs = Number(await page.evaluate('globalThis.navscopeBenchOpened'));
    // One step: the key press, Vue's update of every view, style and layout.
    const stepMs = (await page.evaluate(STEP_PROBE.replace('COUNT', String(steps)))) as number[];
    return { openMs, stepMs };
  } catch (error) {
    throw new Error(`bench: measuring the window failed: ${errorMessage(error)}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  } finally {
    await page.close();
  }
}
