import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readTraceFile } from '../../../shared/trace/traceFile.js';
import {
  assignLanes,
  toChromeTrace,
  type ChromeCompleteEvent,
  type ChromeFlowEndEvent,
  type ChromeFlowStartEvent,
  type ChromeMetadataEvent,
  type ChromeTraceEvent,
  type ChromeTraceFile,
  type LaneInterval,
} from '../../../shared/trace/chromeTraceExport.js';
import type { TraceEvent, TraceEventOf, TraceFile } from '../../../shared/trace/traceEvent.js';

const root = path.resolve(__dirname, '../../..');
const bin = path.join(root, 'electron/hosts/cli/bin.mjs');
const workDir = mkdtempSync(path.join(tmpdir(), 'navscope-chrome-trace-'));

let trace: TraceFile;
let chrome: ChromeTraceFile;

beforeAll(() => {
  if (!existsSync(path.join(root, 'out/node/cli.mjs'))) {
    execFileSync(process.execPath, [path.join(root, 'electron/build.mjs'), '--node-only'], {
      cwd: root,
      timeout: 60_000,
      stdio: 'pipe',
    });
  }
  const file = path.join(workDir, 'naver.json');
  execFileSync(process.execPath, [bin, 'trace', '--lab', '--json', '--out', file, 'www.naver.com'], {
    cwd: root,
    timeout: 60_000,
    stdio: 'pipe',
    env: {
      ...process.env,
      NAVSCOPE_DATA_DIR: path.join(workDir, 'profile'),
      NAVSCOPE_DOWNLOADS_DIR: path.join(workDir, 'downloads'),
    },
  });
  const saved = JSON.parse(readFileSync(file, 'utf8')) as TraceFile & { result: unknown };
  trace = { format: saved.format, version: saved.version, events: saved.events };
  chrome = toChromeTrace(trace.events);
}, 130_000);

afterAll(() => rmSync(workDir, { recursive: true, force: true }));

const threadKey = (e: { pid: number; tid: number }): string => `${e.pid}/${e.tid}`;
const isSlice = (e: ChromeTraceEvent): e is ChromeCompleteEvent => e.ph === 'X';
const isMeta = (e: ChromeTraceEvent): e is ChromeMetadataEvent => e.ph === 'M';
const ofType = <T extends TraceEvent['type']>(events: readonly TraceEvent[], type: T): TraceEventOf<T>[] =>
  events.filter((e): e is TraceEventOf<T> => e.type === type);

/** Every pair of slices on one (pid, tid) is nested or disjoint (touching counts as disjoint). Returns the offending pairs. */
function nestingViolations(events: readonly ChromeTraceEvent[]): string[] {
  const byThread = new Map<string, ChromeCompleteEvent[]>();
  for (const e of events.filter(isSlice)) byThread.set(threadKey(e), [...(byThread.get(threadKey(e)) ?? []), e]);
  const problems: string[] = [];
  for (const [key, slices] of byThread) {
    for (let i = 0; i < slices.length; i++) {
      for (let j = i + 1; j < slices.length; j++) {
        const a = slices[i]!;
        const b = slices[j]!;
        const [aStart, aEnd, bStart, bEnd] = [a.ts, a.ts + a.dur, b.ts, b.ts + b.dur];
        const disjoint = aEnd <= bStart || bEnd <= aStart;
        const nested = (aStart <= bStart && bEnd <= aEnd) || (bStart <= aStart && aEnd <= bEnd);
        if (!disjoint && !nested)
          problems.push(`${key}: "${a.name}" [${aStart}, ${aEnd}] partially overlaps "${b.name}" [${bStart}, ${bEnd}]`);
      }
    }
  }
  return problems;
}

/** Only JSON values: no undefined, functions, non-finite numbers or class instances. */
function nonJsonPaths(value: unknown, at = '$'): string[] {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return [];
  if (typeof value === 'number') return Number.isFinite(value) ? [] : [at];
  if (Array.isArray(value)) return value.flatMap((item, i) => nonJsonPaths(item, `${at}[${i}]`));
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    return Object.entries(value).flatMap(([k, v]) => nonJsonPaths(v, `${at}.${k}`));
  }
  return [at];
}

describe('toChromeTrace on a real lab trace of www.naver.com', () => {
  it('has the JSON Object Format envelope and survives JSON.stringify/parse unchanged', () => {
    expect(trace.events.length).toBeGreaterThan(50);
    expect(chrome.displayTimeUnit).toBe('ms');
    expect(Array.isArray(chrome.traceEvents)).toBe(true);
    expect(chrome.otherData).toMatchObject({ producer: 'NavScope', mode: 'lab', eventCount: trace.events.length });
    expect(nonJsonPaths(chrome)).toEqual([]);
    expect(JSON.parse(JSON.stringify(chrome))).toEqual(chrome);
  });

  it('follows the Trace Event Format field rules: ph, name, pid, tid, µs ts ≥ 0, dur ≥ 0', () => {
    for (const e of chrome.traceEvents) {
      expect(['X', 'i', 's', 'f', 'M']).toContain(e.ph);
      expect(typeof e.name).toBe('string');
      expect(Number.isInteger(e.pid)).toBe(true);
      expect(Number.isInteger(e.tid)).toBe(true);
      expect(e.tid).toBeGreaterThan(0);
      expect(typeof e.ts).toBe('number');
      expect(Number.isFinite(e.ts)).toBe(true);
      expect(e.ts).toBeGreaterThanOrEqual(0);
      if (e.ph === 'X') {
        expect(Number.isFinite(e.dur)).toBe(true);
        expect(e.dur).toBeGreaterThanOrEqual(0);
        expect(typeof e.cat).toBe('string');
      }
      if (e.ph === 'i') expect(e.s).toBe('t');
    }
    // Relative to the earliest timestamp of the trace: something sits at 0.
    expect(Math.min(...chrome.traceEvents.filter((e) => !isMeta(e)).map((e) => e.ts))).toBe(0);
    const begin = ofType(trace.events, 'trace.begin')[0]!;
    const beginInstant = chrome.traceEvents.find((e) => e.ph === 'i' && e.name === 'trace.begin')!;
    expect(Number(chrome.otherData.timeOriginMicros) + beginInstant.ts).toBe(begin.ts);
  });

  it('keeps slices on every (pid, tid) nested or disjoint', () => {
    expect(chrome.traceEvents.filter(isSlice).length).toBeGreaterThan(0);
    expect(nestingViolations(chrome.traceEvents)).toEqual([]);
  });

  it('moves partially overlapping spans of one thread to extra lanes named after it', () => {
    // Do NavScope's own spans on one endpoint partially overlap? (Concurrent requests on the network thread do.)
    const spans = new Map<string, { endpoint: string; start: number; end: number }>();
    const last = Math.max(...trace.events.map((e) => e.ts));
    for (const e of trace.events)
      if (e.type === 'span.begin') spans.set(e.spanId, { endpoint: e.endpoint, start: e.ts, end: last });
    for (const e of trace.events) if (e.type === 'span.end') spans.get(e.spanId)!.end = e.ts;
    const list = [...spans.values()];
    const overlapping = new Set<string>();
    for (const a of list) {
      for (const b of list) {
        if (a.endpoint === b.endpoint && a.start < b.start && b.start < a.end && a.end < b.end)
          overlapping.add(a.endpoint);
      }
    }
    const threadNames = chrome.traceEvents
      .filter(isMeta)
      .filter((e) => e.name === 'thread_name')
      .map((e) => (e.args as { name: string }).name);
    const laneNames = threadNames.filter((name) => / \(\d+\)$/.test(name));
    if (overlapping.size > 0) expect(laneNames.length).toBeGreaterThan(0);
    for (const name of laneNames) expect(threadNames).toContain(name.replace(/ \(\d+\)$/, ''));
  });

  it('turns every span into one complete slice on the process of the endpoint that recorded it, with its status', () => {
    const begins = ofType(trace.events, 'span.begin');
    const ends = new Map(ofType(trace.events, 'span.end').map((e) => [e.spanId, e]));
    const spanSlices = chrome.traceEvents.filter(isSlice).filter((e) => e.cat !== 'ipc');
    expect(spanSlices).toHaveLength(begins.length);
    const pidOf = new Map(ofType(trace.events, 'thread.start').map((e) => [e.info.id, e.info.pid]));
    const latest = Math.max(
      ...trace.events.flatMap((e) => (e.type === 'message' ? [e.ts, e.sentAt, e.deliveredAt] : [e.ts])),
    );
    for (const begin of begins) {
      const slice = spanSlices.find((s) => s.args.spanId === begin.spanId)!;
      expect(slice).toBeDefined();
      expect(slice.name).toBe(begin.name);
      expect(slice.cat).toBe(begin.category);
      expect(slice.pid).toBe(pidOf.get(begin.endpoint));
      const end = ends.get(begin.spanId);
      expect(slice.args.status).toBe(end ? end.status : 'unfinished');
      expect(slice.args.error).toBe(end ? end.error : null);
      if (end) expect(slice.dur).toBe(end.ts - begin.ts);
      else expect(slice.ts + slice.dur).toBe(latest - Number(chrome.otherData.timeOriginMicros)); // an open span ends with the trace
    }
  });

  it('draws every message as a flow from a slice at the sender to a slice at the receiver', () => {
    const messages = ofType(trace.events, 'message');
    const starts = chrome.traceEvents.filter((e): e is ChromeFlowStartEvent => e.ph === 's');
    const finishes = chrome.traceEvents.filter((e): e is ChromeFlowEndEvent => e.ph === 'f');
    expect(messages.length).toBeGreaterThan(10);
    expect(starts).toHaveLength(messages.length);
    expect(new Set(starts.map((s) => s.id)).size).toBe(starts.length);
    const slices = chrome.traceEvents.filter(isSlice);
    const enclosingSlice = (e: ChromeTraceEvent) =>
      slices.find(
        (s) =>
          threadKey(s) === threadKey(e) && s.name === e.name && s.cat === 'ipc' && s.ts <= e.ts && e.ts <= s.ts + s.dur,
      );
    for (const s of starts) {
      const matching = finishes.filter((f) => f.id === s.id);
      expect(matching).toHaveLength(1);
      const f = matching[0]!;
      expect(f.bp).toBe('e');
      expect([f.cat, f.name]).toEqual([s.cat, s.name]);
      expect(s.cat).toBe('ipc');
      expect(f.ts).toBeGreaterThanOrEqual(s.ts);
      expect(enclosingSlice(s)?.dur).toBeGreaterThanOrEqual(1);
      expect(enclosingSlice(f)?.dur).toBeGreaterThanOrEqual(1);
    }
    expect(finishes).toHaveLength(starts.length);
    // In order, the flows are the messages, at their real pids.
    const origin = Number(chrome.otherData.timeOriginMicros);
    const byId = [...starts].sort((a, b) => a.id - b.id);
    messages.forEach((m, i) => {
      const s = byId[i]!;
      const f = finishes.find((x) => x.id === s.id)!;
      expect(s.name).toBe(m.name);
      expect(s.pid).toBe(m.fromPid);
      expect(f.pid).toBe(m.toPid);
      expect(s.ts).toBe(m.sentAt - origin);
      expect(f.ts).toBe(Math.max(m.sentAt, m.deliveredAt) - origin);
    });
  });

  it('names every process and thread it uses, with the names the trace recorded', () => {
    const meta = chrome.traceEvents.filter(isMeta);
    const used = chrome.traceEvents.filter((e) => !isMeta(e));
    const processNames = new Map(
      meta.filter((e) => e.name === 'process_name').map((e) => [e.pid, (e.args as { name: string }).name]),
    );
    const threadNames = new Map(
      meta.filter((e) => e.name === 'thread_name').map((e) => [threadKey(e), (e.args as { name: string }).name]),
    );
    for (const e of used) {
      expect(processNames.has(e.pid), `process_name for pid ${e.pid}`).toBe(true);
      expect(threadNames.has(threadKey(e)), `thread_name for ${threadKey(e)}`).toBe(true);
    }
    for (const e of meta) expect(threadNames.has(threadKey(e))).toBe(true);
    for (const { info } of ofType(trace.events, 'thread.start')) {
      expect(processNames.get(info.pid)).toBe(info.processName);
      expect([...threadNames].some(([key, name]) => key.startsWith(`${info.pid}/`) && name === info.threadName)).toBe(
        true,
      );
    }
    const browserPid = ofType(trace.events, 'trace.begin')[0]!.browserPid;
    const browserThreads = [...threadNames].filter(([key]) => key.startsWith(`${browserPid}/`)).map(([, name]) => name);
    expect(browserThreads).toEqual(expect.arrayContaining(['CrBrowserMain', 'NetworkService']));
    const renderer = ofType(trace.events, 'process.spawn')[0]!;
    expect(
      [...threadNames].some(([key, name]) => key.startsWith(`${renderer.pid}/`) && name === 'CrRendererMain'),
    ).toBe(true);
    // The browser process sorts first; tids are small integers, one per (pid, thread name).
    expect(meta.find((e) => e.name === 'process_sort_index' && e.pid === browserPid)?.args).toEqual({ sort_index: 0 });
    const tids = new Set(used.map((e) => e.tid));
    expect(Math.max(...tids)).toBeLessThanOrEqual(threadNames.size);
    expect(new Set([...threadNames].map(([key, name]) => `${key.split('/')[0]}/${name}`)).size).toBe(threadNames.size);
  });

  it('turns every other event into a thread-scoped instant named by its type, with its body as args', () => {
    const instants = chrome.traceEvents.filter((e) => e.ph === 'i');
    const others = trace.events.filter((e) => e.type !== 'span.begin' && e.type !== 'span.end' && e.type !== 'message');
    expect(instants).toHaveLength(others.length);
    const dns = instants.find((e) => e.name === 'dns.query');
    expect(dns?.ph === 'i' && dns.args).toMatchObject({ type: 'dns.query', host: expect.any(String) });
    for (const e of instants) {
      if (e.ph !== 'i') continue;
      expect(e.args).not.toHaveProperty('ts');
      expect(e.args).not.toHaveProperty('endpoint');
      expect(e.args).not.toHaveProperty('seq');
    }
  });

  it('carries the NavScope trace along: readTraceFile reads it back unchanged after JSON', () => {
    const back = readTraceFile(JSON.parse(JSON.stringify(toChromeTrace(trace.events))));
    expect(back).toEqual(trace);
    expect(back.events).toHaveLength(trace.events.length);
  });
});

describe('reading an export back (readTraceFile)', () => {
  it('rejects what is not a NavScope export, naming the problem', () => {
    expect(() => readTraceFile({ traceEvents: [], displayTimeUnit: 'ms' })).toThrow(
      /Chrome trace without NavScope data/,
    );
    expect(() => readTraceFile(null)).toThrow(/the file is not a JSON object/);
    expect(() => readTraceFile({ navscope: 'x' })).toThrow(/"navscope" is not a JSON object/);
    expect(() => readTraceFile({ navscope: { format: 'chrome', version: 1, events: [] } })).toThrow(
      /"format" is "chrome", expected "navscope-trace"/,
    );
    expect(() => readTraceFile({ navscope: { format: 'navscope-trace', version: 3, events: [] } })).toThrow(
      /version 3/,
    );
    expect(() =>
      readTraceFile({ navscope: { format: 'navscope-trace', version: 1, events: [{ type: 'error' }] } }),
    ).toThrow(/event 0 \(error\) has no numeric timestamp/);
  });

  it('accepts an empty export', () => {
    const empty = toChromeTrace([]);
    expect(empty.traceEvents).toEqual([]);
    expect(readTraceFile(JSON.parse(JSON.stringify(empty)))).toEqual({
      format: 'navscope-trace',
      version: 1,
      events: [],
    });
  });
});

describe('assignLanes', () => {
  const nestsOnEveryLane = (intervals: LaneInterval[], lanes: number[]): boolean =>
    intervals.every((a, i) =>
      intervals.every(
        (b, j) =>
          i === j ||
          lanes[i] !== lanes[j] ||
          a.end <= b.start ||
          b.end <= a.start ||
          (a.start <= b.start && b.end <= a.end) ||
          (b.start <= a.start && a.end <= b.end),
      ),
    );

  it('keeps nested and disjoint intervals on one lane and moves partial overlaps to the next', () => {
    expect(
      assignLanes([
        { start: 0, end: 10 },
        { start: 2, end: 5 },
        { start: 5, end: 10 },
        { start: 10, end: 12 },
      ]),
    ).toEqual([0, 0, 0, 0]);
    expect(
      assignLanes([
        { start: 0, end: 10 },
        { start: 5, end: 15 },
        { start: 6, end: 7 },
        { start: 12, end: 20 },
      ]),
    ).toEqual([0, 1, 0, 0]);
    expect(
      assignLanes([
        { start: 0, end: 10 },
        { start: 2, end: 12 },
        { start: 4, end: 14 },
      ]),
    ).toEqual([0, 1, 2]);
    expect(
      assignLanes([
        { start: 3, end: 3 },
        { start: 0, end: 5 },
      ]),
    ).toEqual([0, 0]);
    expect(assignLanes([])).toEqual([]);
  });

  it('always yields lanes on which every pair nests or is disjoint', () => {
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 50; round++) {
      const intervals = Array.from({ length: 40 }, () => {
        const start = Math.floor(random() * 100);
        return { start, end: start + Math.floor(random() * 30) };
      });
      expect(nestsOnEveryLane(intervals, assignLanes(intervals))).toBe(true);
    }
  });

  it('splits overlapping spans of one thread onto "Thread (2)" in toChromeTrace', () => {
    const events: TraceEvent[] = [
      {
        seq: 0,
        ts: 100,
        endpoint: 'network',
        type: 'thread.start',
        info: { id: 'network', role: 'network', pid: 42, processName: 'Browser', threadName: 'NetworkService' },
      },
      {
        seq: 1,
        ts: 110,
        endpoint: 'network',
        type: 'span.begin',
        spanId: 'a',
        name: 'A',
        category: 'net',
        phase: null,
        parentId: null,
        navigationId: null,
        requestId: 'r1',
        args: {},
      },
      {
        seq: 2,
        ts: 120,
        endpoint: 'network',
        type: 'span.begin',
        spanId: 'b',
        name: 'B',
        category: 'net',
        phase: null,
        parentId: null,
        navigationId: null,
        requestId: 'r2',
        args: {},
      },
      { seq: 3, ts: 130, endpoint: 'network', type: 'span.end', spanId: 'a', status: 'ok', error: null, args: {} },
      {
        seq: 4,
        ts: 140,
        endpoint: 'network',
        type: 'span.end',
        spanId: 'b',
        status: 'error',
        error: 'ERR_FAILED',
        args: { bytes: 3 },
      },
    ];
    const out = toChromeTrace(events);
    const names = out.traceEvents
      .filter(isMeta)
      .filter((e) => e.name === 'thread_name')
      .map((e) => [e.tid, (e.args as { name: string }).name]);
    expect(names).toEqual([
      [1, 'NetworkService'],
      [2, 'NetworkService (2)'],
    ]);
    const slices = out.traceEvents.filter(isSlice);
    expect(slices.map((s) => [s.name, s.tid, s.ts, s.dur])).toEqual([
      ['A', 1, 10, 20],
      ['B', 2, 20, 20],
    ]);
    expect(slices[1]!.args).toMatchObject({ status: 'error', error: 'ERR_FAILED', bytes: 3, requestId: 'r2' });
    expect(nestingViolations(out.traceEvents)).toEqual([]);
  });
});
