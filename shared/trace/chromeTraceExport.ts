/**
 * Export a NavScope trace in Chrome's Trace Event Format (the JSON Object Format that
 * Perfetto and chrome://tracing open), and read NavScope's own trace back out of it.
 *
 *   - Every process and thread is named with metadata events (`ph: 'M'`), using the real
 *     pids the trace recorded (thread.start, process.spawn, the pids on each message).
 *     Threads get small, stable tids: one per (pid, thread name), numbered in order of
 *     first appearance.
 *   - Every span becomes a complete slice (`ph: 'X'`) on the thread of the endpoint that
 *     recorded it. A span that never ended ends at the trace's last timestamp.
 *   - Every IPC message becomes a 1 µs slice at the sender (at sentAt) and one at the
 *     receiver (at deliveredAt), joined by a flow (`ph: 's'` / `ph: 'f'`, `bp: 'e'`).
 *   - Every other event becomes a thread-scoped instant (`ph: 'i'`, `s: 't'`) named by
 *     its type, with the event body as args.
 *
 * The format requires slices on one thread to be nested or disjoint. NavScope's spans
 * on one thread can partially overlap (concurrent requests on the network thread, a
 * redirect phase left open inside the navigation), so overlapping slices are moved to
 * extra tids of the same process, named after the thread with a lane number
 * ("NetworkService (2)"): see {@link assignLanes}.
 *
 * Timestamps are microseconds relative to the earliest timestamp in the trace (normally
 * the first event's ts; the list is in recording order, not strictly in time order), so
 * none is negative. The absolute origin on the monotonic clock is kept in
 * `otherData.timeOriginMicros`.
 *
 * The original trace rides along unchanged in `navscope`, so NavScope can open its own
 * export losslessly with readTraceFile (traceFile.ts).
 */
import { MAX_JSON_DEPTH } from '../base/json.js';
import { roleOf, THREAD_NAMES, type EndpointId } from '../ipc/endpoints.js';
import { TRACE_FORMAT, type JsonValue, type TraceEvent, type TraceEventOf, type TraceFile } from './traceEvent.js';

export type ChromeTraceArgs = Record<string, JsonValue>;

interface ChromeTraceEventBase {
  name: string;
  pid: number;
  tid: number;
  /** µs, relative to the trace's origin. */
  ts: number;
}

/** A complete slice: a span, or one end of an IPC message. */
export interface ChromeCompleteEvent extends ChromeTraceEventBase {
  ph: 'X';
  cat: string;
  /** µs. */
  dur: number;
  args: ChromeTraceArgs;
}

/** A thread-scoped instant event. */
export interface ChromeInstantEvent extends ChromeTraceEventBase {
  ph: 'i';
  s: 't';
  cat: string;
  args: ChromeTraceArgs;
}

/** Start of a flow arrow; binds to the enclosing slice (the sender's message slice). */
export interface ChromeFlowStartEvent extends ChromeTraceEventBase {
  ph: 's';
  cat: 'ipc';
  id: number;
}

/** End of a flow arrow; `bp: 'e'` binds it to the enclosing slice (the receiver's message slice). */
export interface ChromeFlowEndEvent extends ChromeTraceEventBase {
  ph: 'f';
  bp: 'e';
  cat: 'ipc';
  id: number;
}

/** Names and orders processes and threads. */
export interface ChromeMetadataEvent extends ChromeTraceEventBase {
  ph: 'M';
  cat: '__metadata';
  name: 'process_name' | 'thread_name' | 'process_sort_index' | 'thread_sort_index';
  args: { name: string } | { sort_index: number };
}

export type ChromeTraceEvent =
  ChromeCompleteEvent | ChromeInstantEvent | ChromeFlowStartEvent | ChromeFlowEndEvent | ChromeMetadataEvent;

export interface ChromeTraceFile {
  traceEvents: ChromeTraceEvent[];
  displayTimeUnit: 'ms';
  otherData: Record<string, string | number>;
  /** The original NavScope trace, for a lossless round trip. */
  navscope: TraceFile;
}

/** A time interval [start, end] (end ≥ start) to place on a lane. */
export interface LaneInterval {
  start: number;
  end: number;
}

/**
 * Puts intervals on lanes so that, on every lane, any two intervals are either nested or
 * disjoint (touching ends count as disjoint). Greedy: intervals are taken by start time
 * (longer first on a tie) and each goes to the lowest lane it fits on. Returns the lane
 * (0, 1, …) of each interval, in the order given.
 */
export function assignLanes(intervals: readonly LaneInterval[]): number[] {
  const order = intervals.map((_, i) => i);
  order.sort((a, b) => {
    const x = intervals[a]!;
    const y = intervals[b]!;
    return x.start - y.start || y.end - x.end || a - b;
  });
  // Each lane keeps the chain of intervals still open at the current start time,
  // innermost last; every interval on the chain encloses the next.
  const lanes: number[][] = [];
  const result = new Array<number>(intervals.length).fill(0);
  for (const index of order) {
    const { start, end } = intervals[index]!;
    let placed = -1;
    for (let lane = 0; lane < lanes.length && placed < 0; lane++) {
      const open = lanes[lane]!;
      // Later intervals start no earlier, so whatever ends by now is disjoint from them all.
      while (open.length > 0 && intervals[open.at(-1)!]!.end <= start) open.pop();
      const top = open.at(-1);
      if (top === undefined || intervals[top]!.end >= end) {
        open.push(index);
        placed = lane;
      }
    }
    if (placed < 0) {
      lanes.push([index]);
      placed = lanes.length - 1;
    }
    result[index] = placed;
  }
  return result;
}

/**
 * A JSON-safe copy: drops undefined and functions, turns non-finite numbers into null
 * (as JSON.stringify does), and stops at MAX_JSON_DEPTH with a marker (the window's
 * check refuses deeper events; this keeps an export of unchecked data from overflowing).
 */
function toJsonValue(value: unknown, seen = new Set<object>(), depth = 0): JsonValue {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value !== 'object') return null;
  if (seen.has(value)) return '[circular]';
  if (depth >= MAX_JSON_DEPTH) return `[nested deeper than ${MAX_JSON_DEPTH} levels]`;
  seen.add(value);
  try {
    if (Array.isArray(value)) return value.map((item: unknown) => toJsonValue(item, seen, depth + 1));
    const out: { [key: string]: JsonValue } = {};
    for (const [key, item] of Object.entries(value)) {
      if (item === undefined || typeof item === 'function' || typeof item === 'symbol') continue;
      out[key] = toJsonValue(item, seen, depth + 1);
    }
    return out;
  } finally {
    seen.delete(value);
  }
}

function toJsonObject(value: unknown): ChromeTraceArgs {
  const json = toJsonValue(value);
  return typeof json === 'object' && json !== null && !Array.isArray(json) ? json : { value: json };
}

interface ThreadIdentity {
  pid: number;
  thread: string;
}

/** One thread of the trace (before lanes): its slices and instants. */
interface BaseThread {
  pid: number;
  name: string;
  /** tids per lane; lane 0 is the thread itself. */
  tids: number[];
}

type WithoutTid<T> = T extends unknown ? Omit<T, 'tid'> : never;

interface PendingSlice extends LaneInterval {
  thread: BaseThread;
  event: WithoutTid<ChromeCompleteEvent>;
  /** Flow events that must sit on the same tid as this slice. */
  flows: WithoutTid<ChromeFlowStartEvent | ChromeFlowEndEvent>[];
}

function defaultThreadName(endpoint: EndpointId): string {
  const role = roleOf(endpoint);
  return role ? THREAD_NAMES[role] : endpoint;
}

function isFiniteNumber(value: unknown): value is number {
  return typeof value === 'number' && Number.isFinite(value);
}

/**
 * Where each endpoint lives (pid and thread name), learnt from the trace itself. An event
 * is placed with what was known when it was recorded, or, for events recorded before
 * their endpoint was announced, with the first thing the trace says about it.
 */
class EndpointDirectory {
  private readonly first = new Map<
    EndpointId,
    { pid: number | null; pidRank: number; thread: string | null; threadRank: number }
  >();
  private readonly current = new Map<EndpointId, ThreadIdentity>();
  private readonly synthetic = new Map<EndpointId, number>();
  /** Process names by pid, with the rank of their source (thread.start beats guesses). */
  readonly processNames = new Map<number, { name: string; rank: number }>();
  readonly browserPid: number | null;
  private nextSyntheticPid: number;

  constructor(events: readonly TraceEvent[]) {
    let browserPid: number | null = null;
    let maxPid = 0;
    const notePid = (pid: unknown): void => {
      if (isFiniteNumber(pid)) maxPid = Math.max(maxPid, pid);
    };
    for (const event of events) {
      switch (event.type) {
        case 'trace.begin':
          notePid(event.browserPid);
          if (browserPid === null && isFiniteNumber(event.browserPid)) browserPid = event.browserPid;
          this.learnFirst('browser', event.browserPid, null, 0);
          this.learnFirst('network', event.browserPid, null, 0);
          this.nameProcess(event.browserPid, 'Browser', 0);
          break;
        case 'thread.start':
          notePid(event.info.pid);
          this.learnFirst(event.info.id, event.info.pid, event.info.threadName, 3);
          this.nameProcess(event.info.pid, event.info.processName, 3);
          break;
        case 'process.spawn':
          notePid(event.pid);
          this.learnFirst(event.processId, event.pid, null, 1);
          this.nameProcess(
            event.pid,
            roleOf(event.processId) === 'renderer' ? `Renderer (${event.site})` : event.serviceName || event.processId,
            1,
          );
          break;
        case 'message':
          notePid(event.fromPid);
          notePid(event.toPid);
          this.learnFirst(event.from, event.fromPid, event.fromThread, 2);
          this.learnFirst(event.to, event.toPid, event.toThread, 2);
          break;
        default:
          if ('pid' in event) notePid(event.pid);
      }
    }
    this.browserPid = browserPid;
    this.nextSyntheticPid = maxPid + 1;
  }

  private learnFirst(endpoint: EndpointId, pid: unknown, thread: string | null, rank: number): void {
    const known = this.first.get(endpoint) ?? { pid: null, pidRank: -1, thread: null, threadRank: -1 };
    if (isFiniteNumber(pid) && rank > known.pidRank) {
      known.pid = pid;
      known.pidRank = rank;
    }
    if (typeof thread === 'string' && thread !== '' && rank > known.threadRank) {
      known.thread = thread;
      known.threadRank = rank;
    }
    this.first.set(endpoint, known);
  }

  private nameProcess(pid: unknown, name: string, rank: number): void {
    if (!isFiniteNumber(pid) || typeof name !== 'string' || name === '') return;
    const known = this.processNames.get(pid);
    if (!known || rank > known.rank) this.processNames.set(pid, { name, rank });
  }

  /** Follows the trace as it is replayed, so a relaunched process's new pid applies from then on. */
  observe(event: TraceEvent): void {
    if (event.type === 'thread.start' && isFiniteNumber(event.info.pid)) {
      this.current.set(event.info.id, {
        pid: event.info.pid,
        thread: event.info.threadName || defaultThreadName(event.info.id),
      });
    } else if (event.type === 'process.spawn' && isFiniteNumber(event.pid)) {
      const thread =
        this.current.get(event.processId)?.thread ??
        this.first.get(event.processId)?.thread ??
        defaultThreadName(event.processId);
      this.current.set(event.processId, { pid: event.pid, thread });
    }
  }

  resolve(endpoint: EndpointId): ThreadIdentity {
    const now = this.current.get(endpoint);
    if (now) return now;
    const first = this.first.get(endpoint);
    const thread = first?.thread ?? defaultThreadName(endpoint);
    if (first?.pid !== null && first?.pid !== undefined) return { pid: first.pid, thread };
    let pid = this.synthetic.get(endpoint);
    if (pid === undefined) {
      pid = this.nextSyntheticPid++;
      this.synthetic.set(endpoint, pid);
      this.nameProcess(pid, `${endpoint} (pid unknown)`, -1);
    }
    return { pid, thread };
  }

  /** A message's end: the pid and thread the recorder stamped on it, else the directory's. */
  messageEnd(endpoint: EndpointId, pid: number | null, thread: string | null): ThreadIdentity {
    const resolved = isFiniteNumber(pid) && typeof thread === 'string' && thread !== '' ? null : this.resolve(endpoint);
    return {
      pid: isFiniteNumber(pid) ? pid : resolved!.pid,
      thread: typeof thread === 'string' && thread !== '' ? thread : resolved!.thread,
    };
  }
}

/** Builds the Chrome trace. `events` is NavScope's trace in recording order. */
export function toChromeTrace(events: readonly TraceEvent[]): ChromeTraceFile {
  const directory = new EndpointDirectory(events);

  // The clock: relative to the earliest timestamp; open spans end at the latest.
  let origin = Infinity;
  let latest = -Infinity;
  const noteTime = (t: unknown): void => {
    if (!isFiniteNumber(t)) return;
    origin = Math.min(origin, t);
    latest = Math.max(latest, t);
  };
  for (const event of events) {
    noteTime(event.ts);
    if (event.type === 'message') {
      noteTime(event.sentAt);
      noteTime(event.deliveredAt);
    }
  }
  if (!Number.isFinite(origin)) origin = latest = 0;
  const rel = (t: unknown): number => (isFiniteNumber(t) ? Math.max(0, t - origin) : 0);

  // Threads (before lanes), in order of first appearance.
  const threads = new Map<string, BaseThread>();
  const processOrder: number[] = [];
  let nextTid = 1;
  const threadOf = (identity: ThreadIdentity): BaseThread => {
    const key = `${identity.pid}\u0000${identity.thread}`;
    let thread = threads.get(key);
    if (!thread) {
      thread = { pid: identity.pid, name: identity.thread, tids: [nextTid++] };
      threads.set(key, thread);
      if (!processOrder.includes(identity.pid)) processOrder.push(identity.pid);
    }
    return thread;
  };
  if (directory.browserPid !== null) processOrder.push(directory.browserPid);

  const slices: PendingSlice[] = [];
  const instants: ChromeInstantEvent[] = [];
  const openSpans = new Map<string, { begin: TraceEventOf<'span.begin'>; thread: BaseThread }[]>();
  let messageCount = 0;
  let spanCount = 0;

  const instant = (event: TraceEvent, thread: BaseThread): void => {
    const { ts: _ts, endpoint: _endpoint, seq: _seq, ...body } = event;
    instants.push({
      ph: 'i',
      s: 't',
      name: String(event.type),
      cat: String(event.type).split('.')[0] || 'navscope',
      ts: rel(event.ts),
      pid: thread.pid,
      tid: thread.tids[0]!,
      args: toJsonObject(body),
    });
  };

  const spanSlice = (
    begin: TraceEventOf<'span.begin'>,
    thread: BaseThread,
    end: TraceEventOf<'span.end'> | null,
  ): void => {
    const ts = rel(begin.ts);
    const dur = Math.max(0, (end ? rel(end.ts) : rel(latest)) - ts);
    const args: ChromeTraceArgs = {
      ...toJsonObject(begin.args ?? {}),
      ...toJsonObject(end?.args ?? {}),
      status: end ? end.status : 'unfinished',
      error: end ? (end.error ?? null) : null,
      spanId: begin.spanId,
      phase: begin.phase ?? null,
      parentId: begin.parentId ?? null,
      navigationId: begin.navigationId ?? null,
      requestId: begin.requestId ?? null,
    };
    slices.push({
      start: ts,
      end: ts + dur,
      thread,
      flows: [],
      event: { ph: 'X', name: String(begin.name), cat: String(begin.category), ts, dur, pid: thread.pid, args },
    });
    spanCount++;
  };

  for (const event of events) {
    directory.observe(event);
    const here = threadOf(directory.resolve(event.endpoint));
    switch (event.type) {
      case 'span.begin': {
        const stack = openSpans.get(event.spanId) ?? [];
        stack.push({ begin: event, thread: here });
        openSpans.set(event.spanId, stack);
        break;
      }
      case 'span.end': {
        const open = openSpans.get(event.spanId)?.pop();
        if (open) spanSlice(open.begin, open.thread, event);
        else instant(event, here); // an end without a begin: keep it visible
        break;
      }
      case 'message': {
        const id = ++messageCount;
        const name = String(event.name);
        const sender = threadOf(directory.messageEnd(event.from, event.fromPid, event.fromThread));
        const receiver = threadOf(directory.messageEnd(event.to, event.toPid, event.toThread));
        const sentTs = rel(event.sentAt);
        // The arrow never points back in time, even if the two clocks disagree.
        const deliveredTs = Math.max(sentTs, rel(event.deliveredAt));
        const common: ChromeTraceArgs = {
          flowId: String(event.flowId),
          from: String(event.from),
          to: String(event.to),
          route: event.route ?? null,
          summary: String(event.summary ?? ''),
          latencyMicros:
            isFiniteNumber(event.deliveredAt) && isFiniteNumber(event.sentAt) ? event.deliveredAt - event.sentAt : null,
        };
        slices.push({
          start: sentTs,
          end: sentTs + 1,
          thread: sender,
          event: { ph: 'X', name, cat: 'ipc', ts: sentTs, dur: 1, pid: sender.pid, args: { ...common, end: 'send' } },
          flows: [{ ph: 's', name, cat: 'ipc', id, ts: sentTs, pid: sender.pid }],
        });
        slices.push({
          start: deliveredTs,
          end: deliveredTs + 1,
          thread: receiver,
          event: {
            ph: 'X',
            name,
            cat: 'ipc',
            ts: deliveredTs,
            dur: 1,
            pid: receiver.pid,
            args: { ...common, end: 'receive', payload: toJsonValue(event.payload) },
          },
          flows: [{ ph: 'f', bp: 'e', name, cat: 'ipc', id, ts: deliveredTs, pid: receiver.pid }],
        });
        break;
      }
      default:
        instant(event, here);
    }
  }
  for (const stack of openSpans.values()) for (const open of stack) spanSlice(open.begin, open.thread, null);

  // Lanes: per thread, overlapping slices move to extra tids of the same process.
  const out: ChromeTraceEvent[] = [];
  const byThread = new Map<BaseThread, PendingSlice[]>();
  for (const slice of slices) {
    const list = byThread.get(slice.thread) ?? [];
    list.push(slice);
    byThread.set(slice.thread, list);
  }
  for (const thread of threads.values()) {
    const list = byThread.get(thread) ?? [];
    const lanes = assignLanes(list);
    list.forEach((slice, i) => {
      const lane = lanes[i]!;
      while (thread.tids.length <= lane) thread.tids.push(nextTid++);
      const tid = thread.tids[lane]!;
      out.push({ ...slice.event, tid });
      for (const flow of slice.flows) out.push({ ...flow, tid });
    });
  }
  // One at a time: spreading a long list into push() overflows the stack (150,000 events).
  for (const instant of instants) out.push(instant);

  // Time order; at one instant, slices before the flows and instants they hold, outer slices first.
  const rank = (e: ChromeTraceEvent): number => (e.ph === 'X' ? 0 : 1);
  const indexed = out.map((event, index) => ({ event, index }));
  indexed.sort(
    (a, b) =>
      a.event.ts - b.event.ts ||
      rank(a.event) - rank(b.event) ||
      (b.event.ph === 'X' ? b.event.dur : 0) - (a.event.ph === 'X' ? a.event.dur : 0) ||
      a.index - b.index,
  );

  // Names and order of processes and threads.
  const metadata: ChromeMetadataEvent[] = [];
  const meta = (
    name: ChromeMetadataEvent['name'],
    pid: number,
    tid: number,
    args: ChromeMetadataEvent['args'],
  ): void => {
    metadata.push({ ph: 'M', cat: '__metadata', name, ts: 0, pid, tid, args });
  };
  processOrder.forEach((pid, processIndex) => {
    const processThreads = [...threads.values()].filter((t) => t.pid === pid);
    const firstTid = processThreads[0]?.tids[0];
    if (firstTid === undefined) return;
    meta('process_name', pid, firstTid, { name: directory.processNames.get(pid)?.name ?? `Process ${pid}` });
    meta('process_sort_index', pid, firstTid, { sort_index: processIndex });
    let threadIndex = 0;
    for (const thread of processThreads) {
      thread.tids.forEach((tid, lane) => {
        meta('thread_name', pid, tid, { name: lane === 0 ? thread.name : `${thread.name} (${lane + 1})` });
        meta('thread_sort_index', pid, tid, { sort_index: threadIndex++ });
      });
    }
  });

  const begin = events.find((e): e is TraceEventOf<'trace.begin'> => e.type === 'trace.begin');
  const otherData: Record<string, string | number> = {
    producer: 'NavScope',
    navscopeFormat: TRACE_FORMAT,
    navscopeVersion: 1,
    timeOriginMicros: origin,
    eventCount: events.length,
    spanCount,
    messageCount,
  };
  if (begin) {
    otherData.mode = String(begin.mode);
    otherData.platform = String(begin.platform);
    otherData.wallClock = String(begin.wallClock);
    if (isFiniteNumber(begin.browserPid)) otherData.browserPid = begin.browserPid;
  }

  return {
    traceEvents: [...metadata, ...indexed.map((x) => x.event)],
    displayTimeUnit: 'ms',
    otherData,
    navscope: { format: TRACE_FORMAT, version: 1, events: [...events] },
  };
}
