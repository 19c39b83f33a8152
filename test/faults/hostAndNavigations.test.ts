/**
 * `npm run test:faults`, part two: the web host against windows that misbehave (one that
 * never reads, one that floods it with calls, twenty that open a 100,000-event trace at
 * once) with the host's memory measured throughout; and 500 navigations 15 ms apart,
 * each of which must settle with its trace whole, leaving no renderer process without
 * a frame behind.
 */
import { fork } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NavigationResult } from '../../electron/browser/webContents.js';
import { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import { WebHost } from '../../electron/hosts/web/webHost.js';
import { fillTrace } from '../electron/support/largeTrace.js';
import { FaultTally, seededRandom } from './faultTally.js';

const SEED = Number(process.env.NAVSCOPE_FAULT_SEED ?? 20261121);
const tally = new FaultTally();
const MB = 1024 * 1024;
/** What the host may grow by while the windows misbehave (before: 1–5 GB). */
const HOST_GROWTH_LIMIT = 400 * MB;
/** A window that reads nothing for this long is cut off (shorter than the default minute, so the run is short). */
const STALL_MS = 15_000;

setFlagsFromString('--expose-gc');
const gc = runInNewContext('gc') as () => void;

/** What the host's process holds in JavaScript: heap, external memory and array buffers. */
function heldBytes(): number {
  const m = process.memoryUsage();
  return m.heapUsed + m.external;
}

/** Runs one kind of misbehaving window in a child process; resolves with what it saw. */
function windows<T>(host: WebHost, options: Record<string, unknown>): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(
      path.join(__dirname, 'webHostClients.mjs'),
      [
        JSON.stringify({
          url: `ws://127.0.0.1:${host.port}/api?token=${host.token}`,
          origin: host.origin,
          port: host.port,
          token: host.token,
          ...options,
        }),
      ],
      { stdio: 'inherit' },
    );
    child.once('message', (message: { ok: boolean; result?: T; error?: string }) =>
      message.ok ? resolve(message.result!) : reject(new Error(message.error)),
    );
    child.once('exit', (code) => code !== 0 && reject(new Error(`the window process exited with ${code}`)));
  });
}

describe('faults: the web host under misbehaving windows', () => {
  let host: WebHost;
  let staticDir: string;
  let baseline = 0;
  let peak = 0;
  let sampler: ReturnType<typeof setInterval> | undefined;

  beforeAll(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'navscope-web-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>NavScope</title>\n');
    host = await WebHost.start({ lab: true, staticDir, connectionLimits: { stallMs: STALL_MS } });
    await fillTrace(host.session, 100_000);
    gc();
    baseline = heldBytes();
    peak = baseline;
    sampler = setInterval(() => (peak = Math.max(peak, heldBytes())), 20);
  }, 300_000);
  afterAll(async () => {
    clearInterval(sampler);
    await host?.stop();
    rmSync(staticDir, { recursive: true, force: true });
    process.stdout.write(
      `\n${tally.summary()}\n  web host memory: baseline ${(baseline / MB).toFixed(0)} MB, peak +${((peak - baseline) / MB).toFixed(0)} MB (limit +${HOST_GROWTH_LIMIT / MB} MB)\n`,
    );
  });

  it('a window that never reads is held at the high-water mark and cut off when it stalls', async () => {
    const holding = windows<{ closedByHost: boolean }>(host, { mode: 'silent', holdMs: STALL_MS * 2 });
    tally.inputs++;
    tally.faults++;
    await expect.poll(() => host.connectionBacklog().length).toBe(1);
    // It reads nothing: the host cuts it off (the window itself cannot tell: it reads nothing).
    await expect.poll(() => host.connectionBacklog().length, { timeout: STALL_MS * 2 }).toBe(0);
    await holding;
    expect(peak - baseline).toBeLessThan(HOST_GROWTH_LIMIT);
  });

  it('a window flooding 20,000 calls at once and 10,000 a second is closed; another window is answered meanwhile', async () => {
    const flooding = windows<{ sent: number; closed: { code: number; reason: string } | null }>(host, {
      mode: 'flood',
      count: 20_000,
      seconds: 5,
    });
    const answered = await windows<{ answered: boolean }>(host, { mode: 'answer' });
    const flood = await flooding;
    tally.inputs += flood.sent;
    tally.faults += flood.sent;
    expect(answered.answered).toBe(true);
    // Closed for flooding (1008), or cut off (1006) when it did not finish the closing handshake in time.
    expect([1006, 1008]).toContain(flood.closed?.code);
    expect(peak - baseline).toBeLessThan(HOST_GROWTH_LIMIT);
    // The host goes on: its browser still loads a page.
    expect((await host.session.browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  });

  it('twenty windows open the 100,000-event trace at once: each gets all of it, in order, in bounded memory', async () => {
    const total = host.session.browser.recorder.events.length;
    const { totals } = await windows<{ totals: { events: number; inOrder: boolean }[] }>(host, {
      mode: 'readers',
      count: 20,
      total,
    });
    tally.inputs += totals.length;
    expect(totals.map((t) => t.events >= total && t.inOrder)).toEqual(totals.map(() => true));
    expect(peak - baseline).toBeLessThan(HOST_GROWTH_LIMIT);
  });
});

describe('faults: 500 navigations 15 ms apart', () => {
  let session: BrowserSession;
  beforeAll(async () => {
    session = await BrowserSession.start({ lab: true, spareRenderer: true, speculativeProcesses: true });
  }, 60_000);
  afterAll(async () => {
    await session?.stop();
  });

  it('every navigate() settles with its trace whole, and only processes with frames (and the spare) stay', async () => {
    const random = seededRandom(SEED + 7);
    const inputs = [
      'www.naver.com',
      'www.google.com',
      'http://www.naver.com/render/scripts',
      'http://www.naver.com/render/slow-css',
      'http://www.naver.com/slow',
      'what is dns',
      'https://expired.badssl-lab.com/',
      'www.no-such-site-lab.com',
      ...Array.from({ length: 12 }, (_, i) => `http://www.site${i + 1}-lab.com/`),
    ];
    const { browser } = session;
    const from = browser.recorder.events.length;
    const calls: { input: string; result: Promise<NavigationResult> }[] = [];
    for (let i = 0; i < 500; i++) {
      const input = random.pick(inputs);
      calls.push({ input, result: browser.webContents.navigateFromOmnibox(input) });
      tally.inputs++;
      await new Promise((resolve) => setTimeout(resolve, 15));
    }
    session.lab?.releaseHeld();
    const pending = new Set(calls.map((_, i) => i));
    const results = await Promise.race([
      Promise.all(
        calls.map(({ result }, i) =>
          result.then((r) => {
            pending.delete(i);
            return r;
          }),
        ),
      ),
      new Promise<null>((resolve) => setTimeout(() => resolve(null), 120_000)),
    ]);
    for (const i of pending) tally.lost.push(`navigate(${JSON.stringify(calls[i]!.input)}) #${i} never settled`);
    expect(results).not.toBeNull();
    const events = browser.recorder.events.slice(from);
    calls.forEach(({ input }, i) => tally.checkTrace(events, results![i]!, `rapid navigation #${i} ${input}`));
    tally.checkCrashes(session, from, 'rapid navigations');
    // Processes: the tab's page has one; the spare is the only other.
    await expect
      .poll(() => browser.renderProcesses.filter((p) => p.isReusable).length, { timeout: 20_000 })
      .toBeLessThanOrEqual(2);
    expect(tally.lost).toEqual([]);
    expect(tally.crashes).toEqual([]);
    session.lab?.releaseHeld();
    expect((await browser.webContents.navigateFromOmnibox('www.naver.com')).outcome).toBe('loaded');
  }, 240_000);
});
