/**
 * The system Chromium in lab mode (electron/node/chromiumLabFlags.ts: every lab host at
 * its loopback address, every other name unresolved, background networking off, the
 * lab's valid certificates trusted by their key hashes), for tests that record what a
 * real Chromium writes: a NetLog (--log-net-log) and a HAR (playwright-core's recordHar)
 * of the same page loads. Chromium's own background requests still show in its NetLog,
 * failing locally.
 */
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Lab } from '../../../electron/lab/lab.js';
import { chromiumLabFlags } from '../../../electron/node/chromiumLabFlags.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';
import { CHROMIUM } from './chromiumSuite.js';
import { errorMessage } from '../../../shared/base/errors.js';

export interface LabRecording {
  dir: string;
  netLog: string;
  har: string;
  /** Page loads that failed (a failure is recorded in both files too), by URL. */
  failed: Map<string, string>;
  /** Every request the pages made, as Playwright saw it: the HTTP status, or Chromium's error text. */
  requests: { url: string; status: number | null; failure: string | null }[];
}

/**
 * Loads each URL (lab hosts) in one Chromium, recording the browser's NetLog and the
 * page's HAR; both files are complete when this resolves. A load that fails is noted and
 * the next one goes on. The files live in a temporary folder removed when the test file ends.
 */
export async function recordLabPages(lab: Lab, urls: readonly string[]): Promise<LabRecording> {
  const dir = temporaryFolder('navscope-chromium-');
  const netLog = path.join(dir, 'chromium.netlog.json');
  const har = path.join(dir, 'chromium.har');
  const failed = new Map<string, string>();
  const requests: LabRecording['requests'] = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...chromiumLabFlags(lab.config).args, `--log-net-log=${netLog}`],
  });
  try {
    const context = await browser.newContext({ recordHar: { path: har } });
    const page = await context.newPage();
    page.on('requestfinished', (request) => {
      void request
        .response()
        .then((response) => requests.push({ url: request.url(), status: response?.status() ?? null, failure: null }));
    });
    page.on('requestfailed', (request) =>
      requests.push({ url: request.url(), status: null, failure: request.failure()?.errorText ?? 'failed' }),
    );
    for (const url of urls)
      await page.goto(url, { waitUntil: 'load' }).catch((error: unknown) => {
        failed.set(url, errorMessage(error).split('\n')[0]!);
      });
    // The HAR is written when the context closes.
    await context.close();
  } finally {
    // The NetLog is completed (its closing brackets written) when the browser closes.
    await browser.close();
  }
  return { dir, netLog, har, failed, requests };
}
