/**
 * `npm run bench`: figures, not tests. Each figure is measured in one run against its
 * reference (headless Chromium, raw Node IPC), as medians over repeated runs, printed
 * as a table with its target and written to bench/results.json. Needs Chromium
 * (NAVSCOPE_CHROMIUM, default /usr/bin/chromium) and the built window; runs offline.
 *
 *   NAVSCOPE_BENCH_RUNS   navigation runs per case (default 15)
 *   --only <section>      navigation, ipc, processes or window (repeatable); default all
 *   --keep-trace <file>   also save the 10,000-message trace the window figures open
 *   --keep-real-trace <file>  also save the real Chromium's trace they open
 */
import { fork } from 'node:child_process';
import { copyFileSync, mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { Lab } from '../../lab/lab.js';
import type { LabConfig } from '../../lab/labConfig.js';
import { navscopeVersion } from '../node/navscopeVersion.js';
import { type BenchFigure, formatFigures, isMet, median, percentile } from './benchFigures.js';
import { launchesSideBySide, roundTrips } from './ipcBench.js';
import { BrowserSession } from '../node/browserSession.js';
import { type LoadTimes, NavScopeUnderTest, chromiumLoad, launchToReady } from './navigationBench.js';
import { chromiumLabFlags } from '../../node/chromiumLabFlags.js';
import { findSystemChromium } from '../../node/systemChromium.js';
import { browserWithSites, type SitesMemory } from './sitesBench.js';
import { browserWithTabs, type TabsMemory } from './tabsBench.js';
import { measureWindow, recordLargeTrace, recordRealTrace } from './windowBench.js';
import { errorMessage } from '../../../shared/base/errors.js';

const RUNS = Number(process.env.NAVSCOPE_BENCH_RUNS ?? 15);
const SYSTEM_CHROMIUM = findSystemChromium();
const CHROMIUM = SYSTEM_CHROMIUM.found ? SYSTEM_CHROMIUM.path : '';
const IPC_ROUND_TRIPS = 2000;
const WINDOW_RUNS = 5;
const WINDOW_STEPS = 200;
const SITES = 10;
const TABS = 20;
const SECTIONS = ['navigation', 'ipc', 'processes', 'window'] as const;

function chosenSections(argv: readonly string[]): Set<(typeof SECTIONS)[number]> {
  const chosen = new Set<(typeof SECTIONS)[number]>();
  argv.forEach((arg, i) => {
    if (arg !== '--only') return;
    const name = argv[i + 1] as (typeof SECTIONS)[number];
    if (!SECTIONS.includes(name)) throw new Error(`--only takes one of ${SECTIONS.join(', ')} (got ${JSON.stringify(argv[i + 1] ?? '')})`);
    chosen.add(name);
  });
  return chosen.size ? chosen : new Set(SECTIONS);
}

function progress(text: string): void {
  process.stderr.write(`bench: ${text}\n`);
}

const ms = (values: number[]) => `${median(values).toFixed(1)} ms`;

/** The browser-memory figures run in a process of their own, so the lab and the bench's Chromium driver are not counted in them. */
function inOwnProcess<T>(config: LabConfig, flag: '--sites-memory' | '--tabs-memory'): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = fork(fileURLToPath(import.meta.url), [flag], { serialization: 'advanced', stdio: ['ignore', 'inherit', 'inherit', 'ipc'] });
    child.once('message', (message) => {
      const answer = message as { ok: true; memory: T } | { ok: false; error: string };
      if (answer.ok) resolve(answer.memory);
      else reject(new Error(answer.error));
    });
    child.once('error', reject);
    child.once('exit', (code) => {
      if (code !== 0) reject(new Error(`the ${flag.slice(2)} process exited with code ${code}`));
    });
    child.send(config);
  });
}

async function memoryChild(tabs: boolean): Promise<void> {
  const config = await new Promise<LabConfig>((resolve) => process.once('message', (message) => resolve(message as LabConfig)));
  try {
    const memory = tabs ? await browserWithTabs(config, TABS) : await browserWithSites(config, SITES);
    process.send!({ ok: true, memory }, () => process.exit(0));
  } catch (error) {
    process.send!({ ok: false, error: errorMessage(error) }, () => process.exit(1));
  }
}

async function main(): Promise<void> {
  const sections = chosenSections(process.argv.slice(2));
  if (!SYSTEM_CHROMIUM.found) throw new Error(`bench: ${SYSTEM_CHROMIUM.message}`);
  const started = Date.now();
  const lab = await Lab.start({ dataDir: null });
  // Lab mode (every lab host at its lab address, nothing else; the lab's valid certificates trusted); the window bench's web host stays reachable.
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: [...chromiumLabFlags(lab.config, { allowHosts: ['127.0.0.1'] }).args, '--disable-dev-shm-usage'] });
  const scratch = mkdtempSync(path.join(tmpdir(), 'navscope-bench-'));
  const figures: BenchFigure[] = [];
  try {
    // 1. Navigation: the three cases take turns, so they share the machine's conditions.
    const spare: LoadTimes[] = [];
    const cold: LoadTimes[] = [];
    const reference: LoadTimes[] = [];
    const launches: number[] = [];
    const rss: number[] = [];
    const navigationRuns = sections.has('navigation') || sections.has('processes') ? RUNS : 0;
    const withSpare = navigationRuns ? await NavScopeUnderTest.start(lab, true) : null;
    const withoutSpare = navigationRuns ? await NavScopeUnderTest.start(lab, false) : null;
    if (navigationRuns) {
      // Every browser's first load pays for starting up (Chromium's network service, NavScope's JIT): not measured.
      await chromiumLoad(browser);
      await withSpare!.load();
      await withoutSpare!.load();
    }
    for (let run = 1; run <= navigationRuns; run++) {
      progress(`navigation ${run}/${RUNS}`);
      const warm = await withSpare!.load();
      spare.push(warm);
      const fresh = await withoutSpare!.load();
      cold.push(fresh);
      for (const load of [warm, fresh]) if (load.rendererRssMb !== null) rss.push(load.rendererRssMb);
      reference.push(await chromiumLoad(browser));
    }
    // Every renderer the browser without a spare started after its warm-up load: one for each
    // site the tab visited and one for each load of www.naver.com, each when a navigation needed it.
    if (withoutSpare) launches.push(...launchToReady(withoutSpare.session.browser.recorder.events).slice(2));
    await withSpare?.stop();
    await withoutSpare?.stop();
    const chromiumLoadMs = reference.map((r) => r.loadMs);
    const chromiumCommitMs = reference.map((r) => r.commitMs);
    const nav = (id: string, label: string, values: number[], against: number[], what: string, target: BenchFigure['target']): BenchFigure => ({
      id,
      section: 'navigation',
      label,
      value: median(values) / median(against),
      unit: '×',
      reference: `NavScope ${ms(values)}, Chromium ${ms(against)} (${what})`,
      target,
      samples: values.length,
    });
    if (sections.has('navigation')) figures.push(
      nav('navigation.load.spare', 'load (Enter → DidStopLoading), spare renderer ready', spare.map((s) => s.loadMs), chromiumLoadMs, 'navigation start → load', { max: 1, text: '≤ 1.0×' }),
      nav('navigation.commit.spare', 'commit, spare renderer ready', spare.map((s) => s.commitMs), chromiumCommitMs, 'navigation start → commit', null),
      nav('navigation.load.cold', 'load, no spare renderer (one starts with the navigation)', cold.map((s) => s.loadMs), chromiumLoadMs, 'navigation start → load', { max: 1.2, text: '≤ 1.2×' }),
      nav('navigation.commit.cold', 'commit, no spare renderer', cold.map((s) => s.commitMs), chromiumCommitMs, 'navigation start → commit', null),
    );

    // 2. IPC round trips.
    if (sections.has('ipc')) {
    progress('IPC round trips');
    const trips = await roundTrips(lab, IPC_ROUND_TRIPS);
    const ours = trips.navscope;
    const bytesUs = median(trips.rawFramed) - median(trips.raw);
    const restUs = median(ours) - median(trips.rawFramed) - trips.validationUs - trips.recordingUs;
    figures.push(
      {
        id: 'ipc.roundTrip',
        section: 'IPC',
        label: 'browser ⇄ renderer round trip',
        value: median(ours) / median(trips.raw),
        unit: '×',
        reference: `NavScope ${median(ours).toFixed(0)} µs (p95 ${percentile(ours, 95).toFixed(0)}), raw Node IPC ${median(trips.raw).toFixed(0)} µs (p95 ${percentile(trips.raw, 95).toFixed(0)})`,
        target: { max: 1.3, text: '≤ 1.3×' },
        samples: ours.length,
      },
      {
        id: 'ipc.split.bytes',
        section: 'IPC',
        label: '  of which: bytes (frames)',
        value: bytesUs,
        unit: 'µs',
        reference: `${trips.frameBytes} bytes a round trip against ${trips.rawBytes}: raw Node IPC carrying NavScope's frames ${median(trips.rawFramed).toFixed(0)} µs`,
        target: null,
        samples: trips.rawFramed.length,
      },
      {
        id: 'ipc.split.validation',
        section: 'IPC',
        label: '  of which: validation',
        value: trips.validationUs,
        unit: 'µs',
        reference: 'frame and envelope of the ping (renderer) and the pong (browser), payloads against the catalogue; timed in-process',
        target: null,
        samples: 1,
      },
      {
        id: 'ipc.split.recording',
        section: 'IPC',
        label: '  of which: recording',
        value: trips.recordingUs,
        unit: 'µs',
        reference: `both messages' trace events (the ping's from its receipt); timed in-process. Routing, promises, scheduling: ${restUs.toFixed(0)} µs`,
        target: null,
        samples: 1,
      },
    );
    }

    // 3. Renderer processes and the browser process.
    if (sections.has('processes')) {
    progress(`browser process with ${SITES} sites`);
    const idle = await BrowserSession.start({ lab, spareRenderer: false });
    const side = await launchesSideBySide(idle, RUNS * 2).finally(() => idle.stop());
    const sites = await inOwnProcess<SitesMemory>(lab.config, '--sites-memory');
    progress(`${TABS} tabs on ${TABS} sites at once`);
    const tabs = await inOwnProcess<TabsMemory>(lab.config, '--tabs-memory');
    const renderersMb = tabs.renderers.reduce((sum, mb) => sum + mb, 0);
    figures.push(
      {
        id: 'renderer.launchToReady',
        section: 'processes',
        label: 'renderer launch → ready, against bare fork',
        value: median(side.renderer) / median(side.bare),
        unit: '×',
        reference: `NavScope ${median(side.renderer).toFixed(0)} ms, bare Node (fork → first message) ${median(side.bare).toFixed(0)} ms: ${side.renderer.length} of each, taking turns, no navigation running`,
        target: { max: 1.1, text: '≤ 1.1×' },
        samples: side.renderer.length,
      },
      {
        id: 'renderer.launchToReady.navigating',
        section: 'processes',
        label: 'renderer launch → ready during a navigation',
        value: median(launches),
        unit: 'ms',
        reference: `median of ${launches.length} launches, each started with a navigation (speculatively) or when one needed a process, sharing the machine with its network work`,
        target: null,
        samples: launches.length,
      },
      { id: 'renderer.rss', section: 'processes', label: 'renderer resident memory (page loaded)', value: median(rss), unit: 'MB', reference: `max ${Math.max(...rss).toFixed(1)} MB`, target: { max: 60, text: '≤ 60 MB' }, samples: rss.length },
      {
        id: 'browser.rss.sites',
        section: 'processes',
        label: `browser process after ${SITES} sites`,
        value: sites.browserRssMb,
        unit: 'MB',
        reference: `heap ${sites.browserHeapMb.toFixed(1)} MB; renderers alive ${sites.renderers.length} (${sites.renderers.map((r) => r.toFixed(0)).join(' + ')} MB); ${sites.events} trace events`,
        target: null,
        samples: 1,
      },
      {
        id: 'tabs.rss.twenty',
        section: 'processes',
        label: `${tabs.tabs} tabs on ${TABS} sites, all processes`,
        value: tabs.browserRssMb + renderersMb,
        unit: 'MB',
        reference: `browser ${tabs.browserRssMb.toFixed(0)} MB + ${tabs.renderers.length} renderers ${renderersMb.toFixed(0)} MB (median ${median(tabs.renderers).toFixed(0)} MB); ping to each renderer then: median ${(median(tabs.pingMicros) / 1000).toFixed(2)} ms, max ${(Math.max(...tabs.pingMicros) / 1000).toFixed(2)} ms`,
        target: null,
        samples: 1,
      },
    );
    }

    // 4. The window: a real Chromium's trace of two page loads, and NavScope's own 10,000-message trace.
    if (sections.has('window')) {
      progress('recording a real Chromium trace of two page loads');
      const real = await recordRealTrace(lab, scratch);
      progress('recording a 10,000-message trace');
      const trace = await recordLargeTrace(lab, 10_000, scratch);
      const keep = (flag: string, file: string) => {
        const at = process.argv.indexOf(flag);
        if (at !== -1 && process.argv[at + 1]) copyFileSync(file, process.argv[at + 1]!);
      };
      keep('--keep-trace', trace.file);
      keep('--keep-real-trace', real.file);
      progress(`the window: opening each ${WINDOW_RUNS} times and stepping`);
      const realWindow = await measureWindow(browser, real.file, WINDOW_RUNS, WINDOW_STEPS);
      const compact = await measureWindow(browser, trace.file, WINDOW_RUNS, WINDOW_STEPS);
      const old = await measureWindow(browser, trace.oldFormatFile!, WINDOW_RUNS, 0);
      const mb = (n: number) => `${n.toFixed(1)} MB`;
      const events = (n: number) => n.toLocaleString('en');
      figures.push(
        {
          id: 'window.real.open',
          section: 'window',
          label: `open a real Chromium trace (two loads), first screen`,
          value: median(realWindow.firstMs),
          unit: 'ms',
          reference: `${events(real.events)} Chrome trace events${real.events < 100_000 ? ' (under the 100,000 asked for, after three recordings)' : ''}, ${mb(real.megabytes)}; JSON.parse of the file in the same page (the floor) ${ms(realWindow.parseMs)} (${(median(realWindow.firstMs) / median(realWindow.parseMs)).toFixed(2)}×); every event in ${ms(realWindow.wholeMs)}`,
          target: { max: 1500, text: '≤ 1500 ms' },
          samples: realWindow.firstMs.length,
        },
        {
          id: 'window.real.step.p95',
          section: 'window',
          label: 'one step (→) in it, p95',
          value: percentile(realWindow.stepMs, 95),
          unit: 'ms',
          reference: `median ${median(realWindow.stepMs).toFixed(1)} ms over ${realWindow.stepMs.length} steps; the window showed: ${realWindow.position}`,
          target: { max: 16, text: '≤ 16 ms' },
          samples: realWindow.stepMs.length,
        },
        {
          id: 'window.open',
          section: 'window',
          label: `open a ${trace.messages.toLocaleString('en')}-message trace, first screen`,
          value: median(compact.firstMs),
          unit: 'ms',
          reference: `${events(trace.events)} events, compact file ${mb(trace.megabytes)}; JSON.parse of it ${ms(compact.parseMs)}; every event in ${ms(compact.wholeMs)}`,
          target: { max: 500, text: '≤ 500 ms' },
          samples: compact.firstMs.length,
        },
        {
          id: 'window.open.oldFormat',
          section: 'window',
          label: '  the same trace in the old format, first screen',
          value: median(old.firstMs),
          unit: 'ms',
          reference: `${mb(trace.oldFormatMegabytes!)} file; JSON.parse of it ${ms(old.parseMs)}; every event in ${ms(old.wholeMs)}`,
          target: null,
          samples: old.firstMs.length,
        },
        {
          id: 'window.step.p95',
          section: 'window',
          label: 'one step (→) at that size, p95',
          value: percentile(compact.stepMs, 95),
          unit: 'ms',
          reference: `median ${median(compact.stepMs).toFixed(1)} ms over ${compact.stepMs.length} steps`,
          target: { max: 16, text: '≤ 16 ms' },
          samples: compact.stepMs.length,
        },
      );
    }
  } finally {
    await browser.close();
    await lab.stop();
    rmSync(scratch, { recursive: true, force: true });
  }

  const seconds = (Date.now() - started) / 1000;
  process.stdout.write(`NavScope ${navscopeVersion()} bench — ${new Date().toISOString()}, ${process.platform}-${process.arch}, Node ${process.version}, Chromium at ${CHROMIUM}; ${RUNS} navigation runs per case; ${seconds.toFixed(0)} s\n\n`);
  process.stdout.write(`${formatFigures(figures)}\n`);
  const dir = path.resolve('bench');
  mkdirSync(dir, { recursive: true });
  const results = {
    date: new Date().toISOString(),
    platform: `${process.platform}-${process.arch}`,
    node: process.version,
    runs: RUNS,
    seconds,
    figures: figures.map((f) => ({ ...f, met: isMet(f) })),
  };
  writeFileSync(path.join(dir, 'results.json'), `${JSON.stringify(results, null, 2)}\n`);
}

if (process.argv.includes('--sites-memory') || process.argv.includes('--tabs-memory'))
  await memoryChild(process.argv.includes('--tabs-memory'));
else await main();
