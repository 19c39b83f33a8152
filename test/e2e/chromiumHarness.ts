/**
 * End-to-end harness: the real web host (browser model, lab, built window) and
 * Debian's Chromium driven by playwright-core.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { type Browser, type Page, chromium } from 'playwright-core';
import { afterAll, beforeAll } from 'vitest';
import { WebHost } from '../../electron/hosts/web/webHost.js';
import { builtWindowDir } from '../../electron/node/builtEntries.js';
import { chromiumLabFlags } from '../../electron/node/chromiumLabFlags.js';
import { CHROMIUM, chromiumMissing, describeWithChromium } from '../electron/support/chromiumSuite.js';
import { formatTimeline } from '../../shared/trace/timelineText.js';
import { errorMessage } from '../../shared/base/errors.js';

export { CHROMIUM, chromiumMissing };
export const ARTIFACTS = path.resolve(__dirname, '../../test-results');

export interface WindowSession {
  host: WebHost;
  browser: Browser;
  page: Page;
  problems: string[];
  requests: string[];
  close(): Promise<void>;
}

/** How Chromium is started: `env` adds to its environment (e.g. FONTCONFIG_FILE for a machine without CJK fonts). */
export interface WindowLaunch {
  env?: Record<string, string>;
}

/** `beforeOpen`: runs against the host before the window first loads (e.g. to give it a long trace). */
export async function openWindow(
  beforeOpen?: (host: WebHost) => Promise<void>,
  launch: WindowLaunch = {},
): Promise<WindowSession> {
  mkdirSync(ARTIFACTS, { recursive: true });
  const host = await WebHost.start({ port: 0, lab: true, staticDir: builtWindowDir() });
  await beforeOpen?.(host);
  const lab = host.session.lab;
  if (!lab) throw new Error('the web host started without its lab');
  // Lab mode: the window's own host stays reachable, every other name goes nowhere.
  const flags = chromiumLabFlags(lab.config, { allowHosts: ['127.0.0.1'] });
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...flags.args, '--disable-dev-shm-usage'],
    ...(launch.env ? { env: { ...process.env, ...launch.env } } : {}),
  });
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 }, locale: 'en-US' });
  // An action that cannot happen (an element that never appears) fails with its own message, within the test's time.
  page.setDefaultTimeout(15_000);
  const problems: string[] = [];
  const requests: string[] = [];
  page.on('console', (m) => {
    if (m.type() === 'error' || m.type() === 'warning') problems.push(`console ${m.type()}: ${m.text()}`);
  });
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('dialog', (d) => {
    problems.push(`dialog opened: ${d.message()}`);
    void d.dismiss();
  });
  page.on('request', (r) => requests.push(r.url()));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (e) =>
      console.error(`CSP violation: ${e.violatedDirective} ${e.blockedURI}`),
    );
  });
  await page.goto(host.url);
  return {
    host,
    browser,
    page,
    problems,
    requests,
    async close() {
      await browser.close();
      await host.stop();
    },
  };
}

/**
 * Types into the omnibox and presses Enter, then waits until the navigation has ended
 * in the browser model and the window shows the spinner stopped. A navigation that
 * does not end fails with the tail of the host's trace, to show where it stopped.
 */
export async function navigate(page: Page, input: string, host?: WebHost): Promise<void> {
  const recorder = host?.session.browser.recorder;
  const before = recorder?.events.length ?? 0;
  const omnibox = page.getByRole('textbox', { name: 'Address and search bar' });
  await omnibox.fill(input);
  await omnibox.press('Enter');
  try {
    if (recorder) {
      await new Promise<void>((resolve, reject) => {
        const done = () =>
          recorder.events
            .slice(before)
            .some(
              (e) =>
                (e.type === 'state' && e.field === 'loading' && e.value === false) ||
                (e.type === 'span.end' && e.status === 'error' && e.spanId.startsWith('browser/')),
            );
        if (done()) return resolve();
        const timer = setTimeout(() => {
          unsubscribe();
          reject(new Error('the navigation did not end'));
        }, 20_000);
        const unsubscribe = recorder.subscribe(() => {
          if (!done()) return;
          clearTimeout(timer);
          unsubscribe();
          resolve();
        });
      });
    }
    await page.waitForFunction(
      () => document.querySelector('[data-testid=tab]')?.getAttribute('aria-busy') === 'false',
      undefined,
      { timeout: 20_000 },
    );
  } catch (error) {
    const tail = recorder ? formatTimeline(recorder.events).slice(before).slice(-60).join('\n') : '(no host trace)';
    throw new Error(`navigating to ${input}: ${errorMessage(error)}\n${tail}`);
  }
}

/** Texts in the process diagram that spill out of their box (should be none). */
export function clippedDiagramText(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const clipped: string[] = [];
    for (const node of document.querySelectorAll('[data-testid=process-diagram] .node')) {
      const rect = node.querySelector('rect')!.getBoundingClientRect();
      for (const text of node.querySelectorAll(':scope > text')) {
        const r = text.getBoundingClientRect();
        if (r.left < rect.left - 1 || r.right > rect.right + 1 || r.top < rect.top - 1 || r.bottom > rect.bottom + 1)
          clipped.push(`${node.getAttribute('data-node')}: "${text.textContent}"`);
      }
    }
    return clipped;
  });
}

/**
 * A suite that drives one window: skipped (with a note) when Chromium is missing, a
 * failure instead where CI requires Chromium. `window()` is the open session.
 */
export function describeWindow(
  title: string,
  body: (window: () => WindowSession) => void,
  beforeOpen?: (host: WebHost) => Promise<void>,
  launch?: WindowLaunch | (() => WindowLaunch),
): void {
  describeWithChromium(title, () => {
    let session: WindowSession | undefined;
    beforeAll(async () => {
      session = await openWindow(beforeOpen, typeof launch === 'function' ? launch() : launch);
    }, 180_000);
    afterAll(async () => {
      await session?.close();
    });
    body(() => {
      if (!session) throw new Error('the window did not open');
      return session;
    });
  });
}
