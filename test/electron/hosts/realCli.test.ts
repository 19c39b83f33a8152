/**
 * `navscope real` and `navscope import`: the system's real Chromium records the lab's
 * www.naver.com, and the Chrome trace it wrote is opened again, gzipped and not; hostile
 * files end in a clear one-line error.
 */
import { spawn } from 'node:child_process';
import { readFileSync, truncateSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { beforeAll, describe, expect, it } from 'vitest';
import { NAVIGATION_INTERFACES } from '../../../shared/real/mojoInterfaceDirections.js';
import type { TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent.js';
import { traceEventProblem } from '../../../shared/trace/traceEventCheck.js';
import { temporaryFolder } from '../../support/temporaryFolder.js';
import { describeWithChromium } from '../support/chromiumSuite.js';

const bin = path.resolve(__dirname, '../../../electron/hosts/cli/bin.mjs');
const outDir = temporaryFolder('navscope-real-cli-');

/** Runs navscope asynchronously (a real Chromium takes a while; the test runner stays responsive). */
function navscope(
  args: string[],
  env: Record<string, string> = {},
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [bin, ...args], {
      cwd: outDir,
      env: {
        ...process.env,
        NAVSCOPE_DATA_DIR: temporaryFolder('navscope-profile-'),
        NAVSCOPE_DOWNLOADS_DIR: temporaryFolder('navscope-downloads-'),
        ...env,
      },
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d: Buffer) => (stdout += d.toString('utf8')));
    child.stderr.on('data', (d: Buffer) => (stderr += d.toString('utf8')));
    const timer = setTimeout(() => child.kill('SIGKILL'), 120_000);
    child.on('error', reject);
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

interface RealOutput {
  events: TraceEvent[];
  result: {
    url: string;
    loaded: boolean;
    recording: { processes: { pid: number; type: string }[]; chromium: { version: string | null } };
  };
}

const ofType = <T extends TraceEvent['type']>(events: TraceEvent[], type: T) =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

/** The Mojo receives of a raw Chrome trace on the navigation interfaces. */
function navigationReceives(chromeTrace: { traceEvents: Record<string, unknown>[] }): number {
  return chromeTrace.traceEvents.filter((e) => {
    if (e.name !== 'Receive mojo message' && e.name !== 'Receive mojo reply') return false;
    if (e.ph === 'E') return false;
    const info = (e.args as { chrome_mojo_event_info?: { mojo_interface_tag?: string } } | undefined)
      ?.chrome_mojo_event_info;
    return info?.mojo_interface_tag !== undefined && NAVIGATION_INTERFACES.includes(info.mojo_interface_tag);
  }).length;
}

function navigationMessages(events: TraceEvent[]) {
  return ofType(events, 'message').filter(
    (m) => m.real?.interfaceTag != null && NAVIGATION_INTERFACES.includes(m.real.interfaceTag),
  );
}

describeWithChromium('navscope real and navscope import of a real Chromium trace', () => {
  const out = path.join(outDir, 'r.json');
  const chromeFile = path.join(outDir, 'naver.trace.json');
  const netLogFile = path.join(outDir, 'naver.netlog.json');
  let run: Awaited<ReturnType<typeof navscope>>;
  let recorded: RealOutput;

  beforeAll(async () => {
    run = await navscope([
      'real',
      'www.naver.com',
      '--lab',
      '--json',
      '--out',
      out,
      '--chrome-trace',
      chromeFile,
      '--netlog',
      netLogFile,
    ]);
    recorded = JSON.parse(readFileSync(out, 'utf8')) as RealOutput;
  }, 150_000);

  it('records www.naver.com in the real Chromium and exits 0, saying what it recorded', () => {
    expect(run.code, run.stderr).toBe(0);
    expect(run.stderr).toMatch(
      /^navscope: Real Chromium \d+\.\d+\.\d+\.\d+ loaded https:\/\/www\.naver\.com\/ \(200\) — \d+ Mojo messages/,
    );
    expect(run.stderr).toMatch(/Chrome trace to .*naver\.trace\.json; NetLog to .*naver\.netlog\.json/);
    expect(recorded.result).toMatchObject({ url: 'https://www.naver.com/', loaded: true });
    const [source] = recorded.events;
    expect(source).toMatchObject({
      type: 'trace.source',
      origin: 'real-chromium',
      recorder: 'navscope-system-chromium',
    });
    expect((source as TraceEventOf<'trace.source'>).chromiumVersion).toBe(recorded.result.recording.chromium.version);
    expect((source as TraceEventOf<'trace.source'>).lab).toMatch(/MAP \* ~NOTFOUND$/);
    for (const event of recorded.events.slice(0, 2000)) expect(traceEventProblem(event)).toBeNull();
  });

  it('has the real browser, renderer, GPU and network-service pids, as Chromium itself reports them', () => {
    const processes = ofType(recorded.events, 'real.process');
    const reported = new Map(recorded.result.recording.processes.map((p) => [p.pid, p.type]));
    const pidOf = (kind: string) => processes.filter((p) => p.kind === kind).map((p) => p.pid);
    expect(pidOf('browser')).toHaveLength(1);
    expect(reported.get(pidOf('browser')[0]!)).toBe('browser');
    expect(reported.get(pidOf('gpu')[0]!)).toBe('GPU');
    expect(reported.get(pidOf('network')[0]!)).toBe('network.mojom.NetworkService');
    expect(pidOf('renderer').some((pid) => reported.get(pid) === 'renderer')).toBe(true);
  });

  it('names the navigation messages and says which process received them', () => {
    const processes = new Map(ofType(recorded.events, 'real.process').map((p) => [p.processId, p]));
    const kind = (endpoint: string) => processes.get(endpoint)?.kind;
    const messages = ofType(recorded.events, 'message');
    const received = (name: string, by: string) =>
      messages.filter((m) => m.name === name && !m.real?.isReply && kind(m.to) === by);
    const commit = received('NavigationClient.CommitNavigation', 'renderer');
    expect(commit.length).toBeGreaterThanOrEqual(1);
    expect(commit.some((m) => kind(m.from) === 'browser' && m.real?.sender === 'exact')).toBe(true);
    expect(commit[0]!.toPid).toBe(processes.get(commit[0]!.to)!.pid);
    expect(commit[0]!.real?.fullName).toBe('content.mojom.NavigationClient.CommitNavigation');
    expect(received('URLLoaderFactory.CreateLoaderAndStart', 'network').length).toBeGreaterThanOrEqual(1);
    const responses = messages.filter((m) => m.name === 'URLLoaderClient.OnReceiveResponse');
    expect(responses.some((m) => kind(m.to) === 'renderer' || kind(m.to) === 'browser')).toBe(true);
    // The commit acknowledgement is the reply to CommitNavigation, received by the browser.
    expect(
      messages.some(
        (m) => m.name === 'NavigationClient.CommitNavigation' && m.real?.isReply && kind(m.to) === 'browser',
      ),
    ).toBe(true);
  });

  it('has the navigation with its phases and its request’s network steps', () => {
    const navigation = ofType(recorded.events, 'navigation.begin').find((n) => n.url === 'https://www.naver.com/');
    expect(navigation).toBeDefined();
    const phases = ofType(recorded.events, 'span.begin').filter(
      (s) => s.category === 'phase' && s.navigationId === navigation!.navigationId,
    );
    expect(phases.map((p) => p.name)).toEqual(
      expect.arrayContaining(['BeginNavigationToLoaderStart', 'CommitToDidCommit']),
    );
    const steps = ofType(recorded.events, 'span.begin').filter(
      (s) => s.category === 'net' && s.requestId !== null && s.args.url === 'https://www.naver.com/',
    );
    expect(steps.map((s) => s.name)).toEqual(
      expect.arrayContaining(['Request sent', 'Waiting for server response', 'Content Download']),
    );
  });

  it('imports the Chrome trace it wrote, gzipped or not: the navigation messages all there, and named', async () => {
    const raw = JSON.parse(readFileSync(chromeFile, 'utf8')) as { traceEvents: Record<string, unknown>[] };
    const expected = navigationReceives(raw);
    expect(expected).toBeGreaterThan(100);
    const gzipped = path.join(outDir, 'naver.trace.json.gz');
    writeFileSync(gzipped, gzipSync(readFileSync(chromeFile)));
    for (const [file, kind] of [
      [chromeFile, 'Chrome trace;'],
      [gzipped, 'Chrome trace, gzipped;'],
    ] as const) {
      const imported = path.join(outDir, `${path.basename(file)}.navscope.json`);
      const result = await navscope(['import', file, '--json', '--out', imported]);
      expect(result.code, result.stderr).toBe(0);
      expect(result.stderr).toContain(kind);
      const { events } = JSON.parse(readFileSync(imported, 'utf8')) as { events: TraceEvent[] };
      expect(events[0]).toMatchObject({ type: 'trace.source', origin: 'chrome-trace' });
      const messages = navigationMessages(events);
      expect(messages.length / expected).toBeGreaterThanOrEqual(0.99);
      expect(messages.filter((m) => m.real?.fullName !== null).length / messages.length).toBeGreaterThanOrEqual(0.95);
    }
  });

  it('imports the array form too, as chrome://tracing and DevTools write it, even unterminated', async () => {
    const raw = JSON.parse(readFileSync(chromeFile, 'utf8')) as { traceEvents: unknown[] };
    const array = JSON.stringify(raw.traceEvents);
    const file = path.join(outDir, 'array.json');
    writeFileSync(file, `${array.slice(0, -1)},\n`);
    const result = await navscope(['import', file, '--json']);
    expect(result.code, result.stderr).toBe(0);
    expect(result.stderr).toMatch(/repaired: the trace array had no closing bracket .*it was closed/);
    const { events } = JSON.parse(result.stdout) as { events: TraceEvent[] };
    expect(
      navigationMessages(events).length /
        navigationReceives({ traceEvents: raw.traceEvents as Record<string, unknown>[] }),
    ).toBeGreaterThanOrEqual(0.99);
  });
});

describe('navscope import of hostile files, and navscope real without a Chromium', () => {
  const file = (name: string, content: string | Uint8Array) => {
    const at = path.join(outDir, name);
    writeFileSync(at, content);
    return at;
  };
  const event = (extra: Record<string, unknown>) => ({ ph: 'X', pid: 1, tid: 1, ts: 1, dur: 1, name: 'e', ...extra });

  it('refuses truncated JSON, saying it is not valid JSON', async () => {
    const text = JSON.stringify({ traceEvents: [event({}), event({ ts: 2 })] });
    const run = await navscope(['import', file('truncated.json', text.slice(0, text.length - 20))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^navscope: .*truncated\.json: the file is not valid JSON: .+\n$/);
  });

  it('refuses a 1 GB file without reading it, naming the limit', async () => {
    const huge = path.join(outDir, 'huge.json');
    writeFileSync(huge, '[');
    truncateSync(huge, 1024 * 1024 * 1024); // sparse: no disk is used
    const run = await navscope(['import', huge]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /huge\.json: the file is 1\.0 GiB, more than NavScope opens \(256 MiB; limit maxBytes = \d+\)\n$/,
    );
  });

  it('counts events with unknown phases instead of failing', async () => {
    const run = await navscope([
      'import',
      file(
        'phases.json',
        JSON.stringify([event({}), event({ ph: 'Q', name: 'odd' }), event({ ph: '?', name: 'odder' })]),
      ),
      '--json',
    ]);
    expect(run.code, run.stderr).toBe(0);
    const { events } = JSON.parse(run.stdout) as { events: TraceEvent[] };
    expect(ofType(events, 'real.summary')[0]).toMatchObject({ unknownPhases: { Q: 1, '?': 1 }, counts: { events: 3 } });
  });

  it('refuses huge args, naming the limit', async () => {
    const run = await navscope([
      'import',
      file('args.json', JSON.stringify([event({ args: { blob: 'x'.repeat(1_200_000) } })])),
    ]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(
      /args\.json: trace event #0 \("e"\) has args larger than the limit of 1048576 bytes \(maxArgsBytes\)\n$/,
    );
  });

  it('says what a file is when it is not one NavScope opens', async () => {
    const run = await navscope(['import', file('notes.json', JSON.stringify({ hello: 'world' }))]);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/notes\.json: not a file NavScope can open: a JSON object with "hello"/);
  });

  it('compare-real: the model and real Chromium on www.naver.com, side by side, as JSON', async () => {
    const run = await navscope(['compare-real', 'www.naver.com', '--lab', '--json']);
    expect(run.code, run.stderr).toBe(0);
    const out = JSON.parse(run.stdout) as {
      format: string;
      model: { names: string[] };
      real: { names: string[] };
      pairs: { name: string; status: string }[];
      shares: { modelInReal: number; realInModel: number };
      processes: { model: { pid: number | null }; real: { pid: number | null } };
      differences: { en: string; ko: string }[];
    };
    expect(out.format).toBe('navscope-compare-real');
    expect(out.model.names).toContain('NavigationClient.CommitNavigation (reply)');
    expect(out.real.names).toContain('NavigationClient.CommitNavigation (reply)');
    expect(out.pairs.filter((p) => p.status === 'both').length).toBeGreaterThan(10);
    expect(out.shares.realInModel).toBeGreaterThanOrEqual(0.9);
    expect(out.shares.modelInReal).toBeGreaterThan(0.5);
    expect(out.processes.model.pid).toBeGreaterThan(0);
    expect(out.processes.real.pid).toBeGreaterThan(0);
    for (const d of out.differences) expect(d.ko).toMatch(/[가-힣]/);
    expect(run.stderr).toMatch(/of Chromium's navigation message names are in the model/);
  }, 120_000);

  it('compare-real says how to get a Chromium when there is none, with the exit code of real', async () => {
    const run = await navscope(['compare-real', 'www.naver.com', '--lab'], {
      NAVSCOPE_CHROMIUM: path.join(outDir, 'no-chromium'),
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(/^navscope: no real Chromium to compare with: NAVSCOPE_CHROMIUM is .*no-chromium/);
  });

  it('says how to get a Chromium when there is none, with its own exit code', async () => {
    const run = await navscope(['real', 'www.naver.com', '--lab'], {
      NAVSCOPE_CHROMIUM: path.join(outDir, 'no-chromium'),
    });
    expect(run.code).toBe(5);
    expect(run.stderr).toMatch(
      /^navscope: no real Chromium to record with: NAVSCOPE_CHROMIUM is .*no-chromium, which does not exist\. Install Chromium or Chrome/,
    );
  });
});
