import { partitionPoint } from '../base/partitionPoint.js';
import { MojoMethodNames } from './mojoMethodNames.js';
import { MOJO_INTERFACE_DIRECTIONS, type RealProcessKind } from './mojoInterfaceDirections.js';
import type {
  RealChromiumInfo,
  RealMojoMessage,
  RealMojoSend,
  RealNavigation,
  RealNetLogEvent,
  RealProcess,
  RealSpan,
  RealThread,
  RealTrace,
  RealTraceCounts,
} from './realTrace.js';
import {
  DEFAULT_TRACE_INPUT_LIMITS,
  TraceInputError,
  readTraceJson,
  type TraceInputLimits,
  type TraceJson,
} from './traceInput.js';

/**
 * Reads a real Chromium trace in Chrome's Trace Event JSON (the object form
 * `{traceEvents, metadata}` of Tracing.start and contentTracing, or the array form of
 * chrome://tracing, unterminated or not, gzipped or not) into the intermediate model
 * of realTrace.ts. Pure: no Node, no DOM. Work is bounded by the limits below; each
 * error names the problem (and the limit, when one was passed).
 */

export interface ChromeTraceLimits extends TraceInputLimits {
  /** Trace events accepted. */
  maxEvents: number;
  /** Size of one event's args (string characters, keys and 8 per other value). */
  maxArgsBytes: number;
}

export const DEFAULT_CHROME_TRACE_LIMITS: ChromeTraceLimits = {
  ...DEFAULT_TRACE_INPUT_LIMITS,
  maxEvents: 3_000_000,
  maxArgsBytes: 1024 * 1024,
};

export interface ChromeTraceOptions {
  limits?: Partial<ChromeTraceLimits>;
  /** The method name table (default: the generated one). */
  names?: MojoMethodNames;
}

/** The phases the Trace Event Format defines; any other is counted as unknown. */
const KNOWN_PHASES = new Set([
  'B',
  'E',
  'X',
  'I',
  'i',
  'C',
  'b',
  'n',
  'e',
  'S',
  'T',
  'p',
  'F',
  's',
  't',
  'f',
  'P',
  'N',
  'O',
  'D',
  'M',
  'V',
  'v',
  'R',
  'c',
  '(',
  ')',
  '=',
]);
const RECEIVE_MESSAGE = 'Receive mojo message';
const RECEIVE_REPLY = 'Receive mojo reply';
const SEND_MESSAGE = 'Send mojo message';
const TOP_OTHER_NAMES = 50;

type Json = Record<string, unknown>;

function isObject(value: unknown): value is Json {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function own(object: Json, key: string): unknown {
  return Object.prototype.hasOwnProperty.call(object, key) ? object[key] : undefined;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: unknown): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

/** Approximate size of a JSON value, stopping once past `limit`. */
function jsonSize(value: unknown, limit: number): number {
  let total = 0;
  const stack: unknown[] = [value];
  while (stack.length > 0 && total <= limit) {
    const v = stack.pop();
    if (typeof v === 'string') total += v.length + 2;
    else if (Array.isArray(v)) {
      total += 2;
      for (const item of v) stack.push(item);
    } else if (isObject(v)) {
      total += 2;
      for (const key of Object.keys(v)) {
        total += key.length + 3;
        stack.push(v[key]);
      }
    } else total += 8;
  }
  return total;
}

/** A copy made of null-prototype objects: keys such as `__proto__` stay plain data. */
function safeCopy(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(safeCopy);
  if (isObject(value)) {
    const copy = Object.create(null) as Json;
    for (const key of Object.keys(value)) copy[key] = safeCopy(value[key]);
    return copy;
  }
  return value;
}

function safeObject(value: unknown): Record<string, unknown> | null {
  return isObject(value) ? (safeCopy(value) as Record<string, unknown>) : null;
}

function categories(event: Json): string[] {
  return (str(own(event, 'cat')) ?? '').split(',');
}

/** The async track id of a b/e/n event. */
function asyncId(event: Json): string {
  const id2 = own(event, 'id2');
  if (isObject(id2)) {
    const local = own(id2, 'local');
    const global = own(id2, 'global');
    if (local !== undefined) return `local:${String(local)}`;
    if (global !== undefined) return `global:${String(global)}`;
  }
  const id = own(event, 'id');
  return id === undefined ? '' : String(id);
}

function processKindFromName(name: string | null): RealProcessKind | null {
  if (name === null) return null;
  const lower = name.toLowerCase();
  if (lower === 'browser' || lower.startsWith('browser ')) return 'browser';
  if (lower.includes('renderer')) return 'renderer';
  if (lower.startsWith('gpu')) return 'gpu';
  if (lower.includes('network.mojom.networkservice') || lower === 'network service') return 'network';
  if (lower.includes('storage.mojom.storageservice')) return 'storage';
  if (lower.startsWith('service:') || lower.includes('utility')) return 'utility';
  return null;
}

function processKindFromThread(name: string | null): RealProcessKind | null {
  switch (name) {
    case 'CrBrowserMain':
      return 'browser';
    case 'CrRendererMain':
      return 'renderer';
    case 'CrGpuMain':
      return 'gpu';
    case 'network.CrUtilityMain':
      return 'network';
    case 'storage.CrUtilityMain':
      return 'storage';
    default:
      return name?.endsWith('CrUtilityMain') ? 'utility' : null;
  }
}

const VERSION = /(?:HeadlessChrome|Chrome|Chromium|Electron)\/(\d+\.\d+\.\d+\.\d+)/;

function chromiumInfo(metadata: Json | null): RealChromiumInfo {
  const get = (key: string): string | null => (metadata ? str(own(metadata, key)) : null);
  const product = get('product-version');
  const userAgent = get('user-agent');
  const fromProduct = product?.match(VERSION)?.[1] ?? null;
  const fromAgent = userAgent?.match(VERSION)?.[1] ?? null;
  // A reduced user agent says 156.0.0.0, which is no version at all.
  const version = fromProduct ?? (fromAgent && !/\.0\.0\.0$/.test(fromAgent) ? fromAgent : null);
  return {
    product,
    version,
    revision: get('revision'),
    userAgent,
    commandLine: get('command_line'),
    captureDateTime: get('trace-capture-datetime'),
  };
}

interface OpenSpan {
  span: RealSpan;
  key: string;
}

interface PendingReceive {
  message: RealMojoMessage;
}

interface FlowEnd {
  id: string;
  pid: number;
  tid: number;
  ts: number;
}

/** The model of one parsed trace (see realTrace.ts). */
export function modelChromeTrace(json: TraceJson, options: ChromeTraceOptions = {}): RealTrace {
  const limits = { ...DEFAULT_CHROME_TRACE_LIMITS, ...options.limits };
  const names = options.names ?? new MojoMethodNames();
  const root = json.value;
  let events: unknown[];
  let metadata: Json | null = null;
  let format: RealTrace['format'];
  if (Array.isArray(root)) {
    events = root;
    format = 'json-array';
  } else if (isObject(root)) {
    const list = own(root, 'traceEvents');
    if (!Array.isArray(list)) {
      const keys = Object.keys(root).slice(0, 8).join(', ');
      throw new TraceInputError(
        `not a Chrome trace: the JSON object has no traceEvents array (its keys: ${keys || 'none'})`,
      );
    }
    events = list;
    const meta = own(root, 'metadata');
    metadata = isObject(meta) ? meta : null;
    format = 'json-object';
  } else {
    throw new TraceInputError(
      `not a Chrome trace: the JSON is a ${root === null ? 'null' : typeof root}, not an object or array`,
    );
  }
  if (events.length > limits.maxEvents)
    throw new TraceInputError(
      `the trace has ${events.length} events, more than the limit of ${limits.maxEvents} (maxEvents)`,
    );

  const counts: RealTraceCounts = {
    events: events.length,
    byPhase: Object.create(null) as Record<string, number>,
    unknownPhases: Object.create(null) as Record<string, number>,
    modelled: 0,
    otherTopNames: Object.create(null) as Record<string, number>,
    other: 0,
    mojoClosed: 0,
    mojoWatcherNotifications: 0,
    unpairedMojoFlows: 0,
    unmatchedEnds: 0,
  };
  const otherNames = new Map<string, number>();
  const processNames = new Map<number, string>();
  const processLabels = new Map<number, string[]>();
  const processSort = new Map<number, number>();
  const threadNames = new Map<string, { pid: number; tid: number; name: string | null; sort: number | null }>();
  const seenThreads = new Map<string, { pid: number; tid: number }>();
  const receives: RealMojoMessage[] = [];
  const sends: RealMojoSend[] = [];
  const flowStarts: FlowEnd[] = [];
  const flowEnds: FlowEnd[] = [];
  const navigationSpans: RealSpan[] = [];
  const netLog: RealNetLogEvent[] = [];
  const openAsync = new Map<string, OpenSpan[]>(); // by track+name
  const trackDepth = new Map<string, number>(); // open spans per track
  const trackRoot = new Map<string, RealSpan>();
  const rootOf = new Map<RealSpan, RealSpan>();
  const openB = new Map<string, (PendingReceive | null)[]>(); // B slices per thread

  const thread = (pid: number, tid: number): string => {
    const key = `${pid}:${tid}`;
    if (!seenThreads.has(key)) seenThreads.set(key, { pid, tid });
    return key;
  };
  const other = (name: string) => {
    counts.other++;
    otherNames.set(name, (otherNames.get(name) ?? 0) + 1);
  };

  for (let index = 0; index < events.length; index++) {
    const event = events[index];
    if (!isObject(event))
      throw new TraceInputError(
        `trace event #${index} is ${Array.isArray(event) ? 'an array' : event === null ? 'null' : `a ${typeof event}`}, not an object`,
      );
    const ph = own(event, 'ph');
    if (typeof ph !== 'string' || ph.length === 0 || ph.length > 2)
      throw new TraceInputError(`trace event #${index} has no phase ("ph" is ${JSON.stringify(ph) ?? 'missing'})`);
    counts.byPhase[ph] = (counts.byPhase[ph] ?? 0) + 1;
    const name = str(own(event, 'name')) ?? '';
    const args = own(event, 'args');
    if (args !== undefined && jsonSize(args, limits.maxArgsBytes) > limits.maxArgsBytes)
      throw new TraceInputError(
        `trace event #${index} (${JSON.stringify(name.slice(0, 80))}) has args larger than the limit of ${limits.maxArgsBytes} bytes (maxArgsBytes)`,
      );
    if (!KNOWN_PHASES.has(ph)) {
      counts.unknownPhases[ph] = (counts.unknownPhases[ph] ?? 0) + 1;
      other(name);
      continue;
    }
    const pid = num(own(event, 'pid'));
    const tid = num(own(event, 'tid'));
    const ts = num(own(event, 'ts'));
    if (pid === null)
      throw new TraceInputError(`trace event #${index} (${JSON.stringify(name.slice(0, 80))}) has no numeric pid`);
    if (!Number.isSafeInteger(pid))
      throw new TraceInputError(
        `trace event #${index} (${JSON.stringify(name.slice(0, 80))}) has a pid that is not an integer (${pid})`,
      );
    if (ph === 'M') {
      const value = isObject(args) ? own(args, 'name') : undefined;
      const sortIndex = isObject(args) ? num(own(args, 'sort_index')) : null;
      if (name === 'process_name' && typeof value === 'string') processNames.set(pid, value);
      else if (name === 'process_labels' && isObject(args)) {
        const labels = str(own(args, 'labels'));
        if (labels) processLabels.set(pid, labels.split(','));
      } else if (name === 'process_sort_index' && sortIndex !== null) processSort.set(pid, sortIndex);
      else if ((name === 'thread_name' || name === 'thread_sort_index') && tid !== null) {
        const key = thread(pid, tid);
        const entry = threadNames.get(key) ?? { pid, tid, name: null, sort: null };
        if (name === 'thread_name' && typeof value === 'string') entry.name = value;
        if (name === 'thread_sort_index') entry.sort = sortIndex;
        threadNames.set(key, entry);
      } else {
        other(name);
        continue;
      }
      counts.modelled++;
      continue;
    }
    if (tid === null || ts === null)
      throw new TraceInputError(
        `trace event #${index} (${JSON.stringify(name.slice(0, 80))}) has no numeric ${tid === null ? 'tid' : 'ts'}`,
      );
    if (!Number.isSafeInteger(tid))
      throw new TraceInputError(
        `trace event #${index} (${JSON.stringify(name.slice(0, 80))}) has a tid that is not an integer (${tid})`,
      );
    const threadKey = thread(pid, tid);
    const cats = categories(event);

    // Mojo receives: X, I or B slices on the receiving thread.
    if (
      (name === RECEIVE_MESSAGE || name === RECEIVE_REPLY) &&
      (ph === 'X' || ph === 'B' || ph === 'I' || ph === 'i')
    ) {
      const info = isObject(args) ? own(args, 'chrome_mojo_event_info') : undefined;
      const mojo = isObject(info) ? info : null;
      const message: RealMojoMessage = {
        index: -1,
        ts,
        dur: ph === 'X' ? num(own(event, 'dur')) : null,
        pid,
        tid,
        interfaceTag: mojo ? str(own(mojo, 'mojo_interface_tag')) : null,
        ipcHash: mojo ? num(own(mojo, 'ipc_hash')) : null,
        name: null,
        fullName: null,
        isReply: name === RECEIVE_REPLY || (mojo ? own(mojo, 'is_reply') === true : false),
        payloadSize: mojo ? num(own(mojo, 'payload_size')) : null,
        dataNumBytes: mojo ? num(own(mojo, 'data_num_bytes')) : null,
        sender: { certainty: 'unknown' },
      };
      receives.push(message);
      if (ph === 'B') (openB.get(threadKey) ?? openB.set(threadKey, []).get(threadKey)!).push({ message });
      counts.modelled++;
      continue;
    }
    if (ph === 'B') (openB.get(threadKey) ?? openB.set(threadKey, []).get(threadKey)!).push(null);
    if (ph === 'E') {
      const open = openB.get(threadKey)?.pop();
      if (open === undefined) counts.unmatchedEnds++;
      else if (open !== null) {
        open.message.dur = ts - open.message.ts;
        counts.modelled++;
        continue;
      }
    }
    if (name === SEND_MESSAGE && (ph === 'I' || ph === 'i')) {
      sends.push({ pid, tid, ts, receiveIndex: null });
      counts.modelled++;
      continue;
    }
    if (name === SEND_MESSAGE && (ph === 's' || ph === 'f')) {
      const id = own(event, 'id') ?? (isObject(own(event, 'id2')) ? asyncId(event) : undefined);
      if (id !== undefined) {
        (ph === 's' ? flowStarts : flowEnds).push({ id: String(id), pid, tid, ts });
        counts.modelled++;
        continue;
      }
    }
    if (name === 'Closed mojo endpoint') {
      counts.mojoClosed++;
      other(name);
      continue;
    }
    if (name === 'SimpleWatcher::OnHandleReady') {
      counts.mojoWatcherNotifications++;
      other(name);
      continue;
    }

    // Spans of the navigation and netlog categories.
    const isNetLog = cats.includes('netlog') || cats.includes('disabled-by-default-netlog');
    const isNavigation = !isNetLog && cats.includes('navigation');
    if ((isNetLog || isNavigation) && (ph === 'b' || ph === 'e' || ph === 'n' || ph === 'X')) {
      const track = ph === 'X' ? '' : asyncId(event);
      const trackKey = `${cats.join(',')}|${pid}|${track}`;
      if (ph === 'e') {
        const stack = openAsync.get(`${trackKey}|${name}`);
        const open = stack?.pop();
        if (!open) counts.unmatchedEnds++;
        else {
          open.span.end = ts;
          trackDepth.set(trackKey, (trackDepth.get(trackKey) ?? 1) - 1);
        }
        counts.modelled++;
        continue;
      }
      const argsObject = isObject(args) ? args : null;
      const depth = ph === 'b' ? (trackDepth.get(trackKey) ?? 0) : 0;
      const base: RealSpan = {
        name,
        category: str(own(event, 'cat')) ?? '',
        id: track,
        pid,
        tid,
        ts,
        end: ph === 'X' ? ts + (num(own(event, 'dur')) ?? 0) : ph === 'n' ? ts : null,
        depth,
        url: spanUrl(name, argsObject),
        args: isNetLog ? null : safeObject(args),
      };
      // One object from begin to end: the end is written into what the model keeps.
      const netLogEvent: RealNetLogEvent | null = isNetLog
        ? {
            ...base,
            sourceType: argsObject ? str(own(argsObject, 'source_type')) : null,
            params: argsObject ? safeObject(own(argsObject, 'params')) : null,
            kind: ph === 'n' ? 'instant' : 'span',
          }
        : null;
      const span: RealSpan = netLogEvent ?? base;
      if (ph === 'b') {
        const key = `${trackKey}|${name}`;
        (openAsync.get(key) ?? openAsync.set(key, []).get(key)!).push({ span, key });
        trackDepth.set(trackKey, depth + 1);
        if (depth === 0) trackRoot.set(trackKey, span);
        const rootSpan = trackRoot.get(trackKey) ?? span;
        rootOf.set(span, rootSpan);
        // A root without a URL of its own takes one from a child named "URL: …" or "Navigation: …".
        if (rootSpan.url === null && span.url !== null && /^(URL|Navigation): /.test(span.name))
          rootSpan.url = span.url;
      }
      if (netLogEvent) netLog.push(netLogEvent);
      else navigationSpans.push(span);
      counts.modelled++;
      continue;
    }
    other(name);
  }

  for (const span of navigationSpans) if (span.url === null) span.url = rootOf.get(span)?.url ?? null;
  for (const event of netLog)
    if (event.url === null && isObject(event.params)) event.url = str(own(event.params, 'url'));

  const processes = buildProcesses(processNames, processLabels, processSort, threadNames, seenThreads);
  receives.sort((a, b) => a.ts - b.ts || a.pid - b.pid || a.tid - b.tid);
  receives.forEach((message, i) => (message.index = i));
  let resolved = 0;
  for (const message of receives) {
    if (message.ipcHash === null) continue;
    const found = names.resolve(message.interfaceTag, message.ipcHash);
    if (!found) continue;
    message.name = found.name;
    message.fullName = found.fullName;
    resolved++;
  }
  linkFlows(receives, sends, flowStarts, flowEnds, counts);
  inferSenders(receives, processes);

  const sorted = [...otherNames.entries()].sort((a, b) => b[1] - a[1]).slice(0, TOP_OTHER_NAMES);
  for (const [name, count] of sorted) counts.otherTopNames[name] = count;
  navigationSpans.sort((a, b) => a.ts - b.ts);
  netLog.sort((a, b) => a.ts - b.ts);
  return {
    format,
    gzipped: json.gzipped,
    repaired: json.repaired,
    chromium: chromiumInfo(metadata),
    processes,
    mojoMessages: receives,
    mojoSends: sends.sort((a, b) => a.ts - b.ts),
    navigations: buildNavigations(navigationSpans),
    navigationSpans,
    netLog,
    names: {
      tableChromiumVersion: names.chromiumVersion,
      resolved,
      unresolved: receives.filter((m) => m.ipcHash !== null).length - resolved,
    },
    counts,
  };
}

/** The URL a navigation span names: NavigationRequest's args, NavigationTotal's page_load, or its own name. */
function spanUrl(name: string, args: Json | null): string | null {
  const prefixed = name.match(/^(?:URL|Navigation): (.+)$/);
  if (prefixed) return prefixed[1]!;
  if (!args) return null;
  for (const key of ['navigation', 'page_load', 'data']) {
    const inner = own(args, key);
    if (isObject(inner)) {
      const url = str(own(inner, 'url'));
      if (url) return url;
    }
  }
  return str(own(args, 'url'));
}

function buildProcesses(
  names: Map<number, string>,
  labels: Map<number, string[]>,
  sort: Map<number, number>,
  threadNames: Map<string, { pid: number; tid: number; name: string | null; sort: number | null }>,
  seen: Map<string, { pid: number; tid: number }>,
): RealProcess[] {
  const pids = new Set<number>([...names.keys(), ...[...seen.values()].map((t) => t.pid)]);
  pids.delete(0); // the kernel's swapper thread in Linux traces
  const processes: RealProcess[] = [];
  for (const pid of [...pids].sort((a, b) => a - b)) {
    const threads: RealThread[] = [...seen.values()]
      .filter((t) => t.pid === pid)
      .map((t) => {
        const named = threadNames.get(`${t.pid}:${t.tid}`);
        return { pid, tid: t.tid, name: named?.name ?? null, sortIndex: named?.sort ?? null };
      })
      .sort((a, b) => a.tid - b.tid);
    const name = names.get(pid) ?? null;
    const kind =
      processKindFromName(name) ??
      threads.map((t) => processKindFromThread(t.name)).find((k) => k !== null) ??
      'unknown';
    const service = name?.match(/^Service: (.+)$/)?.[1] ?? null;
    processes.push({
      pid,
      name,
      labels: labels.get(pid) ?? [],
      sortIndex: sort.get(pid) ?? null,
      kind,
      serviceName: service,
      threads,
    });
  }
  return processes;
}

/**
 * The JSON form keeps each send → receive flow as an 's' event at the "Send mojo
 * message" instant and an 'f' event (binding to the enclosing slice) at the receive:
 * pair them by id, then find the receive slice that encloses the 'f' on its thread.
 */
function linkFlows(
  receives: RealMojoMessage[],
  sends: RealMojoSend[],
  starts: FlowEnd[],
  ends: FlowEnd[],
  counts: RealTraceCounts,
): void {
  const byThread = new Map<string, RealMojoMessage[]>();
  for (const message of receives) {
    const key = `${message.pid}:${message.tid}`;
    (byThread.get(key) ?? byThread.set(key, []).get(key)!).push(message);
  }
  const sendAt = new Map<string, RealMojoSend>();
  for (const send of sends) sendAt.set(`${send.pid}:${send.tid}:${send.ts}`, send);
  const startsById = new Map<string, FlowEnd[]>();
  for (const start of starts) (startsById.get(start.id) ?? startsById.set(start.id, []).get(start.id)!).push(start);
  for (const list of startsById.values()) list.sort((a, b) => b.ts - a.ts); // pop() takes the earliest
  ends.sort((a, b) => a.ts - b.ts);
  for (const end of ends) {
    const start = startsById.get(end.id)?.pop();
    if (!start) {
      counts.unpairedMojoFlows++;
      continue;
    }
    const onThread = byThread.get(`${end.pid}:${end.tid}`) ?? [];
    const receive = enclosing(onThread, end.ts);
    if (!receive) {
      counts.unpairedMojoFlows++;
      continue;
    }
    receive.sender = { certainty: 'exact', pid: start.pid, tid: start.tid, ts: start.ts };
    const send = sendAt.get(`${start.pid}:${start.tid}:${start.ts}`);
    if (send) send.receiveIndex = receive.index;
  }
  for (const list of startsById.values()) counts.unpairedMojoFlows += list.length;
}

/** The receive on one thread (sorted by ts) whose slice contains `ts`, the innermost if nested. */
function enclosing(list: RealMojoMessage[], ts: number): RealMojoMessage | null {
  // The last receive that starts at or before ts.
  const found = partitionPoint(list.length, (i) => list[i]!.ts <= ts) - 1;
  for (let i = found; i >= 0 && i > found - 8; i--) {
    const candidate = list[i]!;
    if (candidate.ts <= ts && ts <= candidate.ts + (candidate.dur ?? 0)) return candidate;
  }
  return null;
}

/** Senders without a flow: from the interface's direction (replies come from its implementer). */
function inferSenders(receives: RealMojoMessage[], processes: RealProcess[]): void {
  for (const message of receives) {
    if (message.sender.certainty === 'exact' || message.interfaceTag === null) continue;
    const direction = MOJO_INTERFACE_DIRECTIONS[message.interfaceTag];
    if (!direction) continue;
    const kinds = [...(message.isReply ? direction.implementers : direction.callers)];
    const candidates = processes.filter((p) => kinds.includes(p.kind) && p.pid !== message.pid);
    message.sender = {
      certainty: 'inferred',
      processKinds: kinds,
      pid: candidates.length === 1 ? candidates[0]!.pid : null,
    };
  }
}

/** One navigation per NavigationRequest span, with the navigation spans of its URL that overlap it. */
function buildNavigations(spans: RealSpan[]): RealNavigation[] {
  const navigations: RealNavigation[] = [];
  for (const span of spans) {
    if (span.name !== 'NavigationRequest' || span.id === '') continue;
    const info = span.args ? own(span.args, 'navigation') : undefined;
    const navigation = isObject(info) ? info : null;
    const end = span.end ?? Number.POSITIVE_INFINITY;
    navigations.push({
      navigationId: navigation ? num(own(navigation, 'navigation_id')) : null,
      url: span.url,
      ts: span.ts,
      end: span.end,
      browserInitiated:
        navigation && typeof own(navigation, 'browser_initiated') === 'boolean'
          ? (own(navigation, 'browser_initiated') as boolean)
          : null,
      netError: navigation ? num(own(navigation, 'net_error')) : null,
      phases: spans.filter(
        (s) =>
          s !== span &&
          s.url === span.url &&
          s.url !== null &&
          s.ts <= end &&
          (s.end ?? Number.POSITIVE_INFINITY) >= span.ts &&
          !(s.name === 'NavigationRequest' && s.id !== ''),
      ),
    });
  }
  return navigations;
}

/** Reads a trace file (bytes or text, gzipped or not) into the model. */
export async function parseChromeTrace(
  input: Uint8Array | string,
  options: ChromeTraceOptions = {},
): Promise<RealTrace> {
  const limits = { ...DEFAULT_CHROME_TRACE_LIMITS, ...options.limits };
  return modelChromeTrace(await readTraceJson(input, limits), { ...options, limits });
}
