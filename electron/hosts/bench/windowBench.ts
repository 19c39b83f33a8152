/**
 * The window, measured inside Chromium with performance.now: the time to show a trace
 * file — from the moment the file is chosen to its first usable screen (the replay shown
 * at its first step, laid out) and to the moment every event has arrived — and the
 * latency of one step (→) at that size (the step's script, style and layout; the
 * following paint is not included). Beside it, as the floor, the same page's
 * `JSON.parse` of the same file's text.
 *
 * The traces are real: NavScope loads lab pages (www.naver.com and its news page, in
 * turn) in one browser until 10,000 messages have been recorded, saved in the compact
 * format and in the old one; and a real Chromium (electron/real-chromium, lab mode)
 * loads two lab pages, its Chrome trace saved as Chromium wrote it.
 */
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { compactTraceFileOf } from '../../../shared/trace/compactTraceFile.js';
import { traceFileOf } from '../../../shared/trace/traceFile.js';
import { recordRealChromium } from '../../real-chromium/realChromiumRecorder.js';
import type { Lab } from '../../lab/lab.js';
import { builtWindowDir } from '../../node/builtEntries.js';
import { BrowserSession } from '../node/browserSession.js';
import { WebHost } from '../web/webHost.js';
import { errorMessage } from '../../../shared/base/errors.js';

export interface LargeTrace {
  file: string;
  /** The same trace in the old format (version 1), for NavScope's own traces. */
  oldFormatFile: string | null;
  messages: number;
  /** Events in the file (a Chrome trace's own events for a real trace). */
  events: number;
  /** Events the window shows (NavScope's trace events; for a real trace, what it is mapped into). */
  shownEvents: number | null;
  megabytes: number;
  oldFormatMegabytes: number | null;
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
    const old = JSON.stringify(traceFileOf(recorder.events));
    const oldFormatFile = path.join(dir, `navscope-${messages}-messages.v1.json`);
    writeFileSync(oldFormatFile, old);
    const text = JSON.stringify(compactTraceFileOf(recorder.events));
    const file = path.join(dir, `navscope-${messages}-messages.json`);
    writeFileSync(file, text);
    const events = recorder.events.length;
    return {
      file,
      oldFormatFile,
      messages,
      events,
      shownEvents: events,
      megabytes: Buffer.byteLength(text) / 1024 / 1024,
      oldFormatMegabytes: Buffer.byteLength(old) / 1024 / 1024,
    };
  } finally {
    await session.stop();
  }
}

/**
 * A real Chromium (the system's, in lab mode: lab hosts only, background networking
 * off) loads www.naver.com and then www.google.com (cross-site: a second renderer
 * process), recorded with the real-trace categories — at least `minEvents` trace events
 * when three recordings allow it; the Chrome trace is saved as Chromium wrote it.
 */
export async function recordRealTrace(lab: Lab, dir: string, minEvents = 100_000): Promise<LargeTrace> {
  // The same two loads give 90,000 to 150,000 trace events from one recording to the next (Chromium's own
  // background work): recorded again, up to three times, until the trace is at least this large.
  let best: { trace: Uint8Array; events: number } | null = null;
  for (let attempt = 0; attempt < 3 && (best === null || best.events < minEvents); attempt++) {
    const recording = await recordRealChromium({
      urls: ['https://www.naver.com/', 'https://www.google.com/'],
      lab: lab.config,
    });
    const failed = recording.metadata.pages.filter((p) => p.error !== null);
    if (failed.length > 0)
      throw new Error(`bench: the real Chromium could not load ${failed.map((p) => `${p.url} (${p.error})`).join(', ')}`);
    const json = JSON.parse(Buffer.from(recording.trace).toString('utf8')) as { traceEvents?: unknown[] } | unknown[];
    const events = Array.isArray(json) ? json.length : (json.traceEvents?.length ?? 0);
    if (best === null || events > best.events) best = { trace: recording.trace, events };
  }
  const file = path.join(dir, 'real-chromium-two-loads.trace.json');
  writeFileSync(file, best!.trace);
  return {
    file,
    oldFormatFile: null,
    messages: 0,
    events: best!.events,
    shownEvents: null,
    megabytes: best!.trace.byteLength / 1024 / 1024,
    oldFormatMegabytes: null,
  };
}

// From the file input's change event: the first usable screen (the replay shown, laid out) and the
// moment the whole trace has arrived (the window no longer says it is opening the file).
const OPEN_PROBE = `globalThis.navscopeBenchOpened = new Promise((resolve, reject) => {
  document.addEventListener('change', (event) => {
    const start = performance.now();
    // Kept for the floor (the window clears its file input once the file is read).
    globalThis.navscopeBenchFile = event.target.files[0];
    let first = null;
    const check = () => {
      const position = document.querySelector('[data-testid=position]')?.textContent ?? '';
      const problem = document.querySelector('[data-testid=trace-file-problem]')?.textContent;
      const shown = document.querySelector('[data-testid=replay-banner]') && /\\d/.test(position);
      if (shown && first === null) {
        void document.documentElement.offsetHeight;
        first = performance.now() - start;
      }
      if (shown && !document.querySelector('[data-testid=trace-opening]')) {
        void document.documentElement.offsetHeight;
        resolve({ firstMs: first, wholeMs: performance.now() - start, position: position.replace(/\\s+/g, ' ').trim() });
      } else if (problem) reject(new Error('the window refused the trace: ' + problem));
      else if (performance.now() - start > 120000) reject(new Error('the trace was not shown within 120 s; the window shows: ' + position.replace(/\\s+/g, ' ')));
      else requestAnimationFrame(check);
    };
    check();
  }, { capture: true, once: true });
});
undefined`;

// The floor: the same page reads the same file's text and JSON.parse's it.
const PARSE_PROBE = `(async () => {
  const file = globalThis.navscopeBenchFile;
  const start = performance.now();
  JSON.parse(await file.text());
  return performance.now() - start;
})()`;

const STEP_PROBE = `(async () => {
  const afterMicrotasks = () => new Promise((resolve) => {
    const channel = new MessageChannel();
    channel.port1.onmessage = () => resolve();
    channel.port2.postMessage(0);
  });
  const position = () => (document.querySelector('[data-testid=position]')?.textContent ?? '').replace(/\\s+/g, ' ');
  const times = [];
  for (let i = 0; i < COUNT; i++) {
    const before = position();
    const start = performance.now();
    window.dispatchEvent(new KeyboardEvent('keydown', { key: 'ArrowRight', bubbles: true }));
    await afterMicrotasks();
    void document.documentElement.offsetHeight;
    times.push(performance.now() - start);
    if (position() === before) throw new Error('step ' + (i + 1) + ' did not move the cursor (the window still shows ' + before + ')');
  }
  return times;
})()`;

export interface WindowFigures {
  /** Chosen → first usable screen. */
  firstMs: number[];
  /** Chosen → every event arrived. */
  wholeMs: number[];
  /** The page's File.text() + JSON.parse of the same file. */
  parseMs: number[];
  stepMs: number[];
  /** What the window's position said once the trace had arrived. */
  position: string;
}

/** Opens the trace in a fresh window `runs` times, stepping `steps` times each time. */
export async function measureWindow(browser: Browser, file: string, runs: number, steps: number): Promise<WindowFigures> {
  const host = await WebHost.start({ port: 0, lab: true, staticDir: builtWindowDir() });
  const figures: WindowFigures = { firstMs: [], wholeMs: [], parseMs: [], stepMs: [], position: '' };
  try {
    for (let run = 0; run < runs; run++) {
      const measured = await measureOnce(browser, host, file, steps);
      figures.firstMs.push(measured.firstMs);
      figures.wholeMs.push(measured.wholeMs);
      figures.parseMs.push(measured.parseMs);
      figures.stepMs.push(...measured.stepMs);
      figures.position = measured.position;
    }
    return figures;
  } finally {
    await host.stop();
  }
}

async function measureOnce(
  browser: Browser,
  host: WebHost,
  file: string,
  steps: number,
): Promise<{ firstMs: number; wholeMs: number; parseMs: number; stepMs: number[]; position: string }> {
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
    // In the page (plain JavaScript run by Chromium): from the file input's change event.
    await page.evaluate(OPEN_PROBE);
    await page.getByTestId('trace-file-input').setInputFiles(file);
    const opened = (await page.evaluate('globalThis.navscopeBenchOpened')) as { firstMs: number; wholeMs: number; position: string };
    // One step: the key press, Vue's update of every view, style and layout.
    const stepMs = (await page.evaluate(STEP_PROBE.replace('COUNT', String(steps)))) as number[];
    const parseMs = Number(await page.evaluate(PARSE_PROBE));
    return { ...opened, parseMs, stepMs };
  } catch (error) {
    throw new Error(`bench: measuring the window failed: ${errorMessage(error)}${problems.length ? `\n  ${problems.join('\n  ')}` : ''}`);
  } finally {
    await page.close();
  }
}
