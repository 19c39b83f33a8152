/**
 * `npm run bench`: figures, not tests. Measures the lab navigation to www.naver.com
 * (Enter → commit, Enter → DidStopLoading) with a cold renderer process and with the
 * site's process already running, and renderer spawn-to-ready, as medians over
 * repeated runs. Prints a table and writes bench/results.json.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';
import { BrowserSession } from '../node/browserSession.js';

const RUNS = Number(process.env.NAVSCOPE_BENCH_RUNS ?? 15);

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

function timings(events: readonly TraceEvent[], from: number): { commit: number; stop: number; spawnToReady: number | null } {
  const slice = events.slice(from);
  const start = slice.find((e) => e.type === 'span.begin' && e.phase === 'handle-input')!.ts;
  const commit = slice.find((e) => e.type === 'message' && e.name === 'FrameHost.DidCommitProvisionalLoad') as Extract<TraceEvent, { type: 'message' }>;
  const stop = slice.find((e) => e.type === 'message' && e.name === 'FrameHost.DidStopLoading') as Extract<TraceEvent, { type: 'message' }>;
  const launch = slice.find((e) => e.type === 'process.launch');
  const ready = slice.find((e) => e.type === 'process.ready');
  return { commit: (commit.deliveredAt - start) / 1000, stop: (stop.deliveredAt - start) / 1000, spawnToReady: launch && ready ? (ready.ts - launch.ts) / 1000 : null };
}

async function main(): Promise<void> {
  const cold = { commit: [] as number[], stop: [] as number[], spawn: [] as number[] };
  const warm = { commit: [] as number[], stop: [] as number[] };
  for (let i = 0; i < RUNS; i++) {
    const session = await BrowserSession.start({ lab: true });
    try {
      const contents = session.browser.webContents;
      let from = session.browser.recorder.events.length;
      if ((await contents.navigateFromOmnibox('www.naver.com')).outcome !== 'loaded') throw new Error('cold navigation failed');
      const c = timings(session.browser.recorder.events, from);
      cold.commit.push(c.commit);
      cold.stop.push(c.stop);
      if (c.spawnToReady !== null) cold.spawn.push(c.spawnToReady);
      from = session.browser.recorder.events.length;
      if ((await contents.navigateFromOmnibox('http://www.naver.com/news')).outcome !== 'loaded') throw new Error('warm navigation failed');
      const w = timings(session.browser.recorder.events, from);
      warm.commit.push(w.commit);
      warm.stop.push(w.stop);
    } finally {
      await session.stop();
    }
  }
  const rows = [
    ['Enter → commit, new renderer process (ms)', median(cold.commit)],
    ['Enter → DidStopLoading, new renderer process (ms)', median(cold.stop)],
    ['Enter → commit, site process running (ms)', median(warm.commit)],
    ['Enter → DidStopLoading, site process running (ms)', median(warm.stop)],
    ['renderer process launch → ready (ms)', median(cold.spawn)],
  ] as const;
  process.stdout.write(`NavScope bench — lab www.naver.com, median of ${RUNS} runs\n`);
  for (const [label, value] of rows) process.stdout.write(`  ${label.padEnd(52)} ${value.toFixed(2).padStart(9)}\n`);
  process.stdout.write('  (comparisons against headless Chromium and raw IPC are not measured yet)\n');
  const dir = path.resolve('bench');
  mkdirSync(dir, { recursive: true });
  writeFileSync(path.join(dir, 'results.json'), JSON.stringify({ runs: RUNS, date: new Date().toISOString(), figures: Object.fromEntries(rows) }, null, 2) + '\n');
}

await main();
