/**
 * Debian's Chromium (or NAVSCOPE_CHROMIUM) pointed at the lab, for tests that record what
 * a real Chromium does: a NetLog (--log-net-log) and a HAR (playwright-core's recordHar).
 *
 * Lab mode flags, in one place (the house rule for every real Chromium started in lab
 * mode; replace with the shared module when it lands on main): every lab host is mapped
 * to its lab address and HTTPS port and every other name goes nowhere (MAP * ~NOTFOUND),
 * background networking is off, and, running as root, no sandbox, no GPU, no first run.
 * Chromium's own background requests still show in its NetLog, failing locally.
 *
 * The lab CA is not in Chromium's trust store: the recording context ignores certificate
 * errors, so the NetLog shows each first handshake failing with ERR_CERT_AUTHORITY_INVALID
 * and the retry that Chromium then allows.
 */
import { existsSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';
import type { Lab } from '../../../electron/lab/lab.js';

export const CHROMIUM = process.env.NAVSCOPE_CHROMIUM ?? '/usr/bin/chromium';

export function chromiumMissing(): string | null {
  return existsSync(CHROMIUM)
    ? null
    : `Chromium not found at ${CHROMIUM} (install Debian's chromium package, or set NAVSCOPE_CHROMIUM)`;
}

/** The flags every Chromium started in lab mode gets. */
export function labChromiumFlags(lab: Lab): string[] {
  const rules: string[] = [];
  for (const server of lab.config.webServers)
    for (const host of server.hosts) rules.push(`MAP ${host} ${server.address}:${server.httpsPort}`);
  rules.push('MAP * ~NOTFOUND');
  return [
    `--host-resolver-rules=${rules.join(', ')}`,
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--no-pings',
    '--disable-domain-reliability',
    '--no-sandbox',
    '--disable-gpu',
    '--no-first-run',
  ];
}

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
 * Loads each URL (https, lab hosts) in one Chromium, recording the browser's NetLog and
 * the page's HAR; both files are complete when this resolves. A load that fails is noted
 * and the next one goes on. The caller removes `dir`.
 */
export async function recordLabPages(lab: Lab, urls: readonly string[]): Promise<LabRecording> {
  const dir = mkdtempSync(path.join(tmpdir(), 'navscope-chromium-'));
  const netLog = path.join(dir, 'chromium.netlog.json');
  const har = path.join(dir, 'chromium.har');
  const failed = new Map<string, string>();
  const requests: LabRecording['requests'] = [];
  const browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: [...labChromiumFlags(lab), `--log-net-log=${netLog}`],
  });
  try {
    const context = await browser.newContext({ ignoreHTTPSErrors: true, recordHar: { path: har } });
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
        failed.set(url, error instanceof Error ? error.message.split('\n')[0]! : String(error));
      });
    // The HAR is written when the context closes.
    await context.close();
  } finally {
    // The NetLog is completed (its closing brackets written) when the browser closes.
    await browser.close();
  }
  return { dir, netLog, har, failed, requests };
}
