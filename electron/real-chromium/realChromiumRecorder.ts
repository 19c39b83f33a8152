/**
 * Records what a real Chromium does when it loads lab pages: the system's Chromium
 * (NAVSCOPE_CHROMIUM, /usr/bin/chromium, …) started headless in lab mode
 * (chromiumLabFlags: every lab host at its loopback address and real port, every other
 * name unresolved, background networking off, the lab's valid certificates trusted by
 * their key hashes for this browser only), driven over the DevTools protocol with
 * playwright-core. It records, for the same loads:
 *
 * - a Chrome trace (Tracing.start with the categories below, JSON, transferMode
 *   ReturnAsStream, read with IO.read): processes and threads, every Mojo message
 *   received, the "Send mojo message" flows, the navigation and netlog categories;
 * - a NetLog (`--log-net-log`, capture mode Everything or Default);
 * - the metadata: Chromium's version (Browser.getVersion), the flags, the URLs and how
 *   each load ended, how TLS was handled, the process list (SystemInfo.getProcessInfo)
 *   and timings.
 *
 * The browser, its profile (Playwright's own fresh --user-data-dir) and the NetLog's
 * folder are removed whatever happens.
 */
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { type Browser, type CDPSession, chromium } from 'playwright-core';
import type { RealRecordingMetadata, RealRecordingPage } from '../../shared/real/realRecordingMetadata.js';
import { errorMessage } from '../../shared/base/errors.js';
import { REAL_TRACE_CATEGORIES } from '../../shared/real/realTraceCategories.js';
import { type ChromiumLabTargets, chromiumLabFlags } from '../node/chromiumLabFlags.js';
import { systemChromiumPath } from '../node/systemChromium.js';

/** The categories measured to cover a navigation (shared/research/real-chromium.md). */
export { REAL_TRACE_CATEGORIES };

export interface RealChromiumRecordingOptions {
  /** Loaded one after the other in one tab (each a browser-initiated navigation, like typing it). */
  urls: readonly string[];
  /** The running lab (its LabConfig). */
  lab: ChromiumLabTargets;
  /** The Chromium executable; default the system's (systemChromium.ts). */
  executablePath?: string;
  categories?: readonly string[];
  /** NetLog detail: Everything (with bytes and cookies) or Default. */
  netLogCaptureMode?: 'Everything' | 'Default';
  /** Per page load (ms). */
  navigationTimeoutMs?: number;
  /** Largest trace accepted from Chromium (bytes). */
  maxTraceBytes?: number;
  /** Stops the recording: Chromium is closed at once and the promise rejects (a host shutting down). */
  signal?: AbortSignal;
}

export interface RealChromiumRecording {
  /** The Chrome trace, JSON object form ({traceEvents, metadata}), as Chromium wrote it. */
  trace: Uint8Array;
  /** The NetLog JSON ({constants, events, polledData}). */
  netLog: Uint8Array;
  metadata: RealRecordingMetadata;
}

const DEFAULT_MAX_TRACE_BYTES = 512 * 1024 * 1024;
const IO_CHUNK = 4 * 1024 * 1024;

async function readStream(cdp: CDPSession, handle: string, maxBytes: number): Promise<Uint8Array> {
  const chunks: Buffer[] = [];
  let total = 0;
  try {
    for (;;) {
      const read = await cdp.send('IO.read', { handle, size: IO_CHUNK });
      const chunk = Buffer.from(read.data, read.base64Encoded ? 'base64' : 'utf8');
      total += chunk.length;
      if (total > maxBytes)
        throw new Error(`real chromium: the trace is larger than ${maxBytes} bytes (maxTraceBytes)`);
      chunks.push(chunk);
      if (read.eof) break;
    }
  } finally {
    await cdp.send('IO.close', { handle }).catch(() => undefined);
  }
  return new Uint8Array(Buffer.concat(chunks));
}

/** Starts Chromium in lab mode, loads the URLs with tracing and a NetLog on, and returns all three records. */
export async function recordRealChromium(options: RealChromiumRecordingOptions): Promise<RealChromiumRecording> {
  if (options.urls.length === 0) throw new Error('real chromium: no URL to load');
  for (const url of options.urls)
    if (!/^https?:\/\//.test(url)) throw new Error(`real chromium: "${url}" is not an http(s) URL`);
  const executable = options.executablePath ?? systemChromiumPath();
  const categories = [...(options.categories ?? REAL_TRACE_CATEGORIES)];
  const captureMode = options.netLogCaptureMode ?? 'Everything';
  const timeout = options.navigationTimeoutMs ?? 30_000;
  const startedAt = new Date().toISOString();
  const t0 = performance.now();
  const workDir = await mkdtemp(path.join(tmpdir(), 'navscope-real-'));
  const netLogFile = path.join(workDir, 'netlog.json');
  const flags = chromiumLabFlags(options.lab);
  const args = [...flags.args, `--log-net-log=${netLogFile}`, `--net-log-capture-mode=${captureMode}`];
  let browser: Browser | undefined;
  const abort = () => void browser?.close().catch(() => undefined);
  options.signal?.addEventListener('abort', abort, { once: true });
  try {
    if (options.signal?.aborted) throw new Error('real chromium: the recording was stopped');
    browser = await chromium.launch({ executablePath: executable, args, headless: true, timeout: 60_000 });
    if (options.signal?.aborted) throw new Error('real chromium: the recording was stopped');
    const cdp = await browser.newBrowserCDPSession();
    const version = await cdp.send('Browser.getVersion');
    const launchMs = performance.now() - t0;

    const complete = new Promise<string>((resolve, reject) => {
      cdp.once('Tracing.tracingComplete', (event) =>
        event.stream ? resolve(event.stream) : reject(new Error('real chromium: the trace came without a stream')),
      );
    });
    await cdp.send('Tracing.start', {
      transferMode: 'ReturnAsStream',
      streamFormat: 'json',
      traceConfig: { recordMode: 'recordAsMuchAsPossible', includedCategories: categories },
    });
    const context = await browser.newContext();
    const page = await context.newPage();
    const pages: RealRecordingPage[] = [];
    for (const url of options.urls) {
      const started = performance.now();
      try {
        const response = await page.goto(url, { waitUntil: 'load', timeout });
        pages.push({
          url,
          finalUrl: page.url(),
          status: response?.status() ?? null,
          title: await page.title(),
          error: null,
          durationMs: performance.now() - started,
        });
      } catch (error) {
        pages.push({
          url,
          finalUrl: null,
          status: null,
          title: null,
          // Playwright's messages go on with a call log: the first line says what failed.
          error: errorMessage(error).split('\n')[0] ?? '',
          durationMs: performance.now() - started,
        });
      }
    }
    const processInfo = await cdp.send('SystemInfo.getProcessInfo');
    const traceStart = performance.now();
    await cdp.send('Tracing.end');
    const stream = await Promise.race([
      complete,
      new Promise<never>((_, reject) =>
        setTimeout(() => reject(new Error('real chromium: the trace did not complete within 60 s')), 60_000).unref(),
      ),
    ]);
    const trace = await readStream(cdp, stream, options.maxTraceBytes ?? DEFAULT_MAX_TRACE_BYTES);
    const traceReadMs = performance.now() - traceStart;
    await context.close();
    // The NetLog is complete once the browser has exited.
    await browser.close();
    browser = undefined;
    const netLog = new Uint8Array(await readFile(netLogFile));
    const rules = flags.args
      .find((a) => a.startsWith('--host-resolver-rules='))!
      .slice('--host-resolver-rules='.length);
    return {
      trace,
      netLog,
      metadata: {
        recorder: 'navscope-real-chromium',
        chromium: {
          executable,
          product: version.product,
          version: version.product.match(/\/(\d+\.\d+\.\d+\.\d+)/)?.[1] ?? null,
          revision: version.revision,
          userAgent: version.userAgent,
          protocolVersion: version.protocolVersion,
          jsVersion: version.jsVersion,
        },
        flags: args,
        lab: { hosts: options.lab.webServers.reduce((n, s) => n + s.hosts.length, 0), hostResolverRules: rules },
        urls: [...options.urls],
        pages,
        tls: { ...flags.tls },
        processes: processInfo.processInfo.map((p) => ({ pid: p.id, type: p.type, cpuTimeSeconds: p.cpuTime })),
        tracing: { categories, format: 'json', bytes: trace.byteLength },
        netLog: { captureMode, bytes: netLog.byteLength },
        timing: { startedAt, launchMs, traceReadMs, totalMs: performance.now() - t0 },
      },
    };
  } finally {
    options.signal?.removeEventListener('abort', abort);
    await browser?.close().catch(() => undefined);
    await rm(workDir, { recursive: true, force: true });
  }
}
