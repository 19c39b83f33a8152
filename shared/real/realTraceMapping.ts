import { netErrorName } from '../net/netError.js';
import { TRUNCATION_MARKER } from '../ipc/payloadSummary.js';
import type { JsonValue, RealMessageFacts, TraceEvent, TraceEventBody, TraceFile } from '../trace/traceEvent.js';
import { TRACE_FORMAT } from '../trace/traceEvent.js';
import { modelCounterpart } from './modelCounterparts.js';
import { mojoInterfaceShortName } from './mojoMethodNames.js';
import { NAVIGATION_INTERFACES, type RealProcessKind } from './mojoInterfaceDirections.js';
import { MOJO_NAME_TABLE } from './mojoNameTable.js';
import { isRealNavigationPhase } from './realNavigationPhases.js';
import { realRequests } from './realNetLogRequests.js';
import type { RealMojoMessage, RealProcess, RealSpan, RealTrace } from './realTrace.js';

/**
 * A real Chromium's trace (realTrace.ts, read by chromeTraceParser.ts) as a NavScope
 * trace, so that the window's views and the CLI show it as they show the model's:
 *
 * - `trace.source` first: real Chromium recorded by NavScope, or a Chrome trace from a
 *   file; which Chromium; how it was recorded; what is exact and what is inferred;
 * - `real.summary`: every event of the file is in the trace or counted there;
 * - `real.process` per process, with its kind, real pid and threads; its endpoint id
 *   ('browser', 'network', 'gpu', 'storage', 'renderer:1', 'utility:1'…) is what the
 *   messages name;
 * - every received Mojo message as a `message` event named `Interface.Method` (or,
 *   unresolved, `Interface.#<ipc_hash>`), with `real` facts: full mojom name, reply,
 *   payload size, receiving thread, and the sender with 'exact' / 'inferred' / 'unknown';
 * - the navigations (`navigation.begin` / `navigation.end`) and every span of the
 *   navigation category; the timing spans of REAL_NAVIGATION_PHASES as 'phase' spans;
 * - every netlog-category event as a 'net' span, plus each request's steps under
 *   DevTools' names (DNS Lookup, Initial connection, SSL, Request sent, Waiting for
 *   server response, Content Download) with its request id, as NavScope's own network
 *   thread records them; raw request and response heads where the trace has them;
 * - the tab's URL, loading state and title as `state` events of the http(s) navigations.
 *
 * Times are the trace's microseconds, moved so that the trace starts at 0
 * (`trace.source.tsOrigin` keeps the offset). Pure: no Node, no DOM.
 */

export interface RealTraceOrigin {
  origin: 'real-chromium' | 'chrome-trace';
  /** The input and URL recorded, or the file's name. */
  name: string;
  recorder: 'navscope-system-chromium' | 'navscope-electron' | 'unknown';
  /** How it was recorded, in one sentence. */
  recordedWith: string;
  /** The host-resolver rules of a lab-mode recording. */
  lab?: string | null;
  /** How TLS to the lab was handled. */
  tls?: string | null;
  /** What the recorder knows of Chromium (a trace does not always say). */
  chromium?: { product: string | null; version: string | null; revision: string | null };
  /** The pages the recorder loaded, for their titles. */
  pages?: readonly { url: string; finalUrl: string | null; title: string | null }[];
  notes?: readonly string[];
}

/** Where strings and structures from the file are cut (the views cap further). */
const ARGS_LIMITS = { maxString: 16 * 1024, maxArray: 500, maxKeys: 500, maxDepth: 12 };

/** A name from the file, cut to `max` characters (event, thread and process names are unbounded in the format). */
function clip(text: string, max = 1024): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** A pid the window takes for a message's end: a non-negative integer, else unknown. */
function messagePid(pid: number | null): number | null {
  return pid !== null && Number.isSafeInteger(pid) && pid >= 0 ? pid : null;
}

/** The `limit` largest entries of a count record (keys cut), the rest summed under "…". */
function topCounts(counts: Record<string, number>, limit = 200): Record<string, number> {
  const entries = Object.entries(counts).sort((a, b) => b[1] - a[1]);
  const out = Object.create(null) as Record<string, number>;
  for (const [key, value] of entries.slice(0, limit)) out[clip(key, 200)] = value;
  const rest = entries.slice(limit).reduce((n, [, value]) => n + value, 0);
  if (rest > 0) out['…'] = (out['…'] ?? 0) + rest;
  return out;
}

/** A bounded JSON copy of data from the file; objects have no prototype, so no key is special. */
function boundedJson(value: unknown, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string')
    return value.length > ARGS_LIMITS.maxString ? value.slice(0, ARGS_LIMITS.maxString) + TRUNCATION_MARKER : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (depth >= ARGS_LIMITS.maxDepth) return TRUNCATION_MARKER;
  if (Array.isArray(value)) {
    const items = value.slice(0, ARGS_LIMITS.maxArray).map((v) => boundedJson(v, depth + 1));
    if (value.length > ARGS_LIMITS.maxArray)
      items.push(`${TRUNCATION_MARKER} ${value.length - ARGS_LIMITS.maxArray} more`);
    return items;
  }
  if (typeof value === 'object') {
    const out = Object.create(null) as Record<string, JsonValue>;
    const keys = Object.keys(value);
    for (const key of keys.slice(0, ARGS_LIMITS.maxKeys))
      out[clip(key, 1024)] = boundedJson((value as Record<string, unknown>)[key], depth + 1);
    if (keys.length > ARGS_LIMITS.maxKeys) out[TRUNCATION_MARKER] = `${keys.length - ARGS_LIMITS.maxKeys} more keys`;
    return out;
  }
  return String(value);
}

function record(entries: Record<string, JsonValue>): Record<string, JsonValue> {
  const out = Object.create(null) as Record<string, JsonValue>;
  for (const [key, value] of Object.entries(entries)) out[key] = value;
  return out;
}

interface Endpoint {
  id: string;
  process: RealProcess;
}

/** Endpoint ids: 'browser', 'network', 'gpu', 'storage' (a second one gets ':2'), 'renderer:N', 'utility:N'. */
function assignEndpoints(processes: readonly RealProcess[]): Map<number, Endpoint> {
  const counts = new Map<RealProcessKind, number>();
  const out = new Map<number, Endpoint>();
  for (const process of processes) {
    const n = (counts.get(process.kind) ?? 0) + 1;
    counts.set(process.kind, n);
    const id =
      process.kind === 'unknown'
        ? `process:${process.pid}`
        : process.kind === 'renderer' || process.kind === 'utility'
          ? `${process.kind}:${n}`
          : n === 1
            ? process.kind
            : `${process.kind}:${n}`;
    out.set(process.pid, { id, process });
  }
  return out;
}

const UNKNOWN_ENDPOINT = 'unknown';

function hex(hash: number): string {
  return hash.toString(16).padStart(8, '0');
}

/** `URLLoaderClient.OnReceiveResponse`, or for a method the table does not know `ExtensionWebRequestReporter.#9f2c01ab`. */
export function realMessageName(message: Pick<RealMojoMessage, 'name' | 'interfaceTag' | 'ipcHash'>): string {
  if (message.name !== null) return message.name;
  const iface = message.interfaceTag === null ? 'Mojo' : clip(mojoInterfaceShortName(message.interfaceTag), 200);
  return message.ipcHash === null ? `${iface} message` : `${iface}.#${hex(message.ipcHash)}`;
}

/**
 * What a trace without `product-version` metadata (Chromium 156's Tracing.start) still
 * says of its Chromium: the major version of its (reduced) user agent and the source
 * branch of its revision, e.g. `HeadlessChrome/156 (source branch 8078_108)`.
 */
function reducedProduct(trace: RealTrace): string | null {
  const agent = trace.chromium.userAgent?.match(/(HeadlessChrome|Chrome|Chromium|Electron)\/(\d+)/);
  if (!agent) return null;
  const branch = trace.chromium.revision?.match(/branch-heads\/([\w.]+)/)?.[1];
  return `${agent[1]}/${agent[2]}${branch ? ` (source branch ${branch})` : ''}`;
}

/**
 * The site each renderer process is locked to, from the navigation spans' args: Chromium
 * describes a RenderFrameHost's process as `{ child_process_id: <pid>, process_lock:
 * "{ https://naver.com }" }`. Chromium's own pages (chrome://, WebUI such as the omnibox
 * popup headless Chrome preloads) run in renderers locked to a chrome:// site.
 */
function processLocks(trace: RealTrace): Map<number, string> {
  const locks = new Map<number, string>();
  let budget = 200_000;
  for (const span of trace.navigationSpans) {
    if (!span.args) continue;
    const stack: [unknown, number][] = [[span.args, 0]];
    while (stack.length > 0 && budget-- > 0) {
      const [value, depth] = stack.pop()!;
      if (typeof value !== 'object' || value === null || depth > 12) continue;
      if (Array.isArray(value)) {
        for (const item of value) stack.push([item, depth + 1]);
        continue;
      }
      const record = value as Record<string, unknown>;
      const pid = record.child_process_id;
      const lock = record.process_lock;
      if (typeof pid === 'number' && typeof lock === 'string') {
        const site = lock.replace(/^\{\s*|\s*\}$/g, '').trim();
        if (site !== '' && !locks.has(pid)) locks.set(pid, site);
      }
      for (const key of Object.keys(record)) stack.push([record[key], depth + 1]);
    }
  }
  return locks;
}

/** A site of Chromium's own pages (chrome://…, WebUI), not of the web. */
function isChromiumOwnSite(site: string | undefined): boolean {
  return site !== undefined && /^(chrome|chrome-untrusted|devtools|chrome-extension):/i.test(site);
}

interface Pending {
  ts: number;
  order: number;
  endpoint: string;
  body: TraceEventBody;
}

/** Maps a real trace into NavScope's trace (see the module comment). */
export function mapRealTrace(trace: RealTrace, origin: RealTraceOrigin): TraceFile {
  const endpoints = assignEndpoints(trace.processes);
  const endpointOf = (pid: number | null): string =>
    pid === null ? UNKNOWN_ENDPOINT : (endpoints.get(pid)?.id ?? `process:${pid}`);
  const threadName = (pid: number | null, tid: number | null): string | null => {
    if (pid === null || tid === null) return null;
    const thread = endpoints.get(pid)?.process.threads.find((t) => t.tid === tid);
    return clip(thread?.name ?? `tid ${tid}`, 256);
  };
  const browserEndpoint = [...endpoints.values()].find((e) => e.process.kind === 'browser')?.id ?? 'browser';

  // Time 0: the first moment of anything the trace keeps.
  let t0 = Number.POSITIVE_INFINITY;
  for (const m of trace.mojoMessages) {
    t0 = Math.min(t0, m.ts);
    if (m.sender.certainty === 'exact') t0 = Math.min(t0, m.sender.ts);
  }
  for (const s of trace.navigationSpans) t0 = Math.min(t0, s.ts);
  for (const e of trace.netLog) t0 = Math.min(t0, e.ts);
  if (!Number.isFinite(t0)) t0 = 0;
  const rel = (ts: number) => Math.round((ts - t0) * 1000) / 1000;

  const pending: Pending[] = [];
  const add = (ts: number, endpoint: string, body: TraceEventBody) =>
    pending.push({ ts: Math.max(0, rel(ts)), order: pending.length, endpoint, body });

  // ── Mojo messages ────────────────────────────────────────────────────────────────
  const locks = processLocks(trace);
  const ownUi = (pid: number | null) => pid !== null && isChromiumOwnSite(locks.get(pid));
  let ownUiMessages = 0;
  const senders = { exact: 0, inferred: 0, unknown: 0 };
  let navigationMessages = 0;
  let navigationNamed = 0;
  const didStopLoading: number[] = [];
  for (const m of trace.mojoMessages) {
    senders[m.sender.certainty]++;
    const navigationInterface = m.interfaceTag !== null && NAVIGATION_INTERFACES.includes(m.interfaceTag);
    if (navigationInterface) {
      navigationMessages++;
      if (m.name !== null) navigationNamed++;
    }
    // The sequence's "navigation messages": the navigation interfaces, without Chromium's own pages' traffic.
    const chromiumUi = ownUi(m.pid) || (m.sender.certainty !== 'unknown' && ownUi(m.sender.pid));
    if (navigationInterface && chromiumUi) ownUiMessages++;
    const navigation = navigationInterface && !chromiumUi;
    const to = endpointOf(m.pid);
    let from = UNKNOWN_ENDPOINT;
    let fromPid: number | null = null;
    let fromTid: number | null = null;
    let sentAt = m.ts;
    let senderKinds: string[] = [];
    if (m.sender.certainty === 'exact') {
      from = endpointOf(m.sender.pid);
      fromPid = m.sender.pid;
      fromTid = m.sender.tid;
      sentAt = Math.min(m.sender.ts, m.ts);
    } else if (m.sender.certainty === 'inferred') {
      senderKinds = [...m.sender.processKinds];
      if (m.sender.pid !== null) {
        from = endpointOf(m.sender.pid);
        fromPid = m.sender.pid;
      }
    }
    if (m.name === 'FrameHost.DidStopLoading' && to === browserEndpoint) didStopLoading.push(m.ts);
    const real: RealMessageFacts = {
      fullName: m.fullName,
      interfaceTag: m.interfaceTag === null ? null : clip(m.interfaceTag),
      ipcHash: m.ipcHash,
      isReply: m.isReply,
      payloadSize: m.payloadSize,
      dataNumBytes: m.dataNumBytes,
      sender: m.sender.certainty,
      senderKinds,
      toTid: m.tid,
      fromTid,
      handledMicros: m.dur,
      navigation,
      counterpart: modelCounterpart(m.fullName, m.isReply),
    };
    const summary = [
      m.isReply ? 'reply' : null,
      m.payloadSize !== null ? `${m.payloadSize} B` : null,
      m.sender.certainty === 'exact'
        ? 'sender exact'
        : m.sender.certainty === 'inferred'
          ? `sender inferred (${senderKinds.join(' or ')})`
          : 'sender unknown',
      m.name === null && m.ipcHash !== null ? `${clip(m.interfaceTag ?? '?', 200)} ipc_hash ${m.ipcHash}` : null,
    ]
      .filter((part) => part !== null)
      .join(' · ');
    add(m.ts, to, {
      type: 'message',
      flowId: `real:${m.index}`,
      name: realMessageName(m),
      from,
      to,
      fromPid: messagePid(fromPid),
      fromThread: threadName(fromPid, fromTid),
      toPid: messagePid(m.pid),
      toThread: threadName(m.pid, m.tid),
      route: null,
      sentAt: rel(sentAt),
      deliveredAt: rel(m.ts),
      summary,
      payload: record({
        mojo_interface_tag: m.interfaceTag === null ? null : clip(m.interfaceTag),
        ipc_hash: m.ipcHash,
        payload_size: m.payloadSize,
        data_num_bytes: m.dataNumBytes,
      }),
      real,
    });
  }

  // ── Navigations and the navigation category's spans ─────────────────────────────
  const navigationOf = new Map<RealSpan, string>();
  const navigationIds: string[] = [];
  trace.navigations.forEach((navigation, k) => {
    const id = clip(`real:${navigation.navigationId ?? `n${k}`}`, 200);
    navigationIds.push(id);
    for (const phase of navigation.phases) if (!navigationOf.has(phase)) navigationOf.set(phase, id);
    const request = trace.navigationSpans.find(
      (s) => s.name === 'NavigationRequest' && s.id !== '' && s.ts === navigation.ts && s.url === navigation.url,
    );
    if (request) navigationOf.set(request, id);
  });
  trace.navigationSpans.forEach((span, i) => {
    const spanId = `real/nav${i}`;
    const async = span.id !== '';
    const args = record({
      ...(span.args ? (boundedJson(span.args) as Record<string, JsonValue>) : {}),
      url: span.url,
      traceCategory: span.category,
      tracePid: span.pid,
      traceTid: span.tid,
      ...(async ? { track: clip(span.id) } : {}),
    });
    // The navigation category's async spans are the browser's NavigationRequest, whatever pid the export gives them.
    const endpoint = async ? browserEndpoint : endpointOf(span.pid);
    add(span.ts, endpoint, {
      type: 'span.begin',
      spanId,
      name: clip(span.name),
      category: async && isRealNavigationPhase(span.name) ? 'phase' : 'browser',
      phase: null,
      parentId: null,
      navigationId: navigationOf.get(span) ?? null,
      requestId: null,
      args,
    });
    if (span.end !== null)
      add(span.end, endpoint, { type: 'span.end', spanId, status: 'ok', error: null, args: record({}) });
  });
  trace.navigations.forEach((navigation, k) => {
    const id = navigationIds[k]!;
    const url = clip(navigation.url ?? '', 16 * 1024);
    const begin = Math.min(navigation.ts, ...navigation.phases.map((p) => p.ts));
    add(begin, browserEndpoint, {
      type: 'navigation.begin',
      navigationId: id,
      url,
      transition:
        navigation.browserInitiated === null
          ? 'unknown'
          : navigation.browserInitiated
            ? 'browser-initiated'
            : 'renderer-initiated',
      input: url,
    });
    const web = /^https?:/i.test(url);
    if (web) add(begin, browserEndpoint, { type: 'state', field: 'loading', value: true, cause: `${id} began` });
    const committed = navigation.phases
      .filter((p) => (p.name === 'CommitToDidCommit' || p.name === 'DidCommitNavigation') && p.end !== null)
      .map((p) => p.end!);
    const commitAt = committed.length ? Math.min(...committed) : null;
    if (web && commitAt !== null)
      add(commitAt, browserEndpoint, { type: 'state', field: 'url', value: url, cause: `${id} committed` });
    if (navigation.end !== null) {
      const failed =
        navigation.netError !== null && navigation.netError !== 0 && Number.isSafeInteger(navigation.netError);
      add(Math.max(navigation.end, begin), browserEndpoint, {
        type: 'navigation.end',
        navigationId: id,
        url,
        outcome: failed ? 'failed' : commitAt !== null ? 'committed' : 'no-commit',
        netError: failed
          ? {
              code: navigation.netError!,
              name: netErrorName(navigation.netError!),
              detail: 'from the NavigationRequest span',
            }
          : null,
      });
    }
    if (web && commitAt !== null) {
      const stop =
        didStopLoading.find((ts) => ts >= commitAt) ??
        navigation.phases.find((p) => p.name === 'DidCommitToFinish' && p.end !== null)?.end ??
        null;
      if (stop !== null) {
        const page = origin.pages?.find((p) => p.url === url || p.finalUrl === url);
        if (page?.title)
          add(stop, browserEndpoint, { type: 'state', field: 'title', value: page.title, cause: `${id} loaded` });
        add(stop, browserEndpoint, { type: 'state', field: 'loading', value: false, cause: `${id} stopped loading` });
      }
    }
  });

  // ── The netlog category: every event, then each request's steps ─────────────────
  trace.netLog.forEach((event, j) => {
    const spanId = `real/net${j}`;
    const endpoint = endpointOf(event.pid);
    add(event.ts, endpoint, {
      type: 'span.begin',
      spanId,
      name: clip(event.name),
      category: 'net',
      phase: null,
      parentId: null,
      navigationId: null,
      requestId: null,
      args: record({
        sourceType: event.sourceType === null ? null : clip(event.sourceType),
        track: clip(event.id),
        kind: event.kind,
        url: event.url,
        params: boundedJson(event.params),
      }),
    });
    if (event.end !== null)
      add(event.end, endpoint, { type: 'span.end', spanId, status: 'ok', error: null, args: record({}) });
  });
  const requests = realRequests(trace.netLog);
  requests.forEach((request, q) => {
    const requestId = `real/r${q}`;
    const endpoint = endpointOf(request.source.events[0]?.pid ?? null);
    const common = record({
      url: request.url,
      method: request.method,
      status: request.status,
      requestType: request.requestType,
      remote: request.remote,
      reused: request.reused,
      protocol: request.protocol,
      netError: request.netError === null ? null : netErrorName(request.netError),
    });
    request.steps.forEach((step, n) => {
      const spanId = `${requestId}/s${n}`;
      add(step.start, endpoint, {
        type: 'span.begin',
        spanId,
        name: step.name,
        category: 'net',
        phase: null,
        parentId: null,
        navigationId: null,
        requestId,
        args: record({ ...common, netlog: step.from.join(', ') }),
      });
      add(step.end, endpoint, { type: 'span.end', spanId, status: 'ok', error: null, args: record({}) });
    });
    const send = request.steps.find((s) => s.name === 'Request sent');
    if (send && request.requestHead !== null && request.url !== null && request.remote !== null)
      add(send.start, endpoint, {
        type: 'http.request',
        requestId,
        url: request.url,
        raw: boundedJson(request.requestHead) as string,
        connectionId: -1,
        reused: request.reused === true,
        remote: request.remote,
      });
    const wait = request.steps.filter((s) => s.name === 'Waiting for server response').at(-1);
    if (wait && request.responseHead !== null && request.statusLine !== null)
      add(wait.end, endpoint, {
        type: 'http.response',
        requestId,
        statusLine: request.statusLine,
        rawHeaders: boundedJson(request.responseHead) as string,
        headerBytes: request.responseHead.length + 4,
      });
  });

  // ── The head: source, summary, processes ─────────────────────────────────────────
  const chromium = {
    product: trace.chromium.product ?? origin.chromium?.product ?? reducedProduct(trace),
    version: trace.chromium.version ?? origin.chromium?.version ?? null,
    revision: trace.chromium.revision ?? origin.chromium?.revision ?? null,
  };
  const named = trace.names.resolved;
  const total = trace.mojoMessages.length;
  const notes = [
    `Senders: ${senders.exact} exact (the trace's own flow from each "Send mojo message" to its receive), ` +
      `${senders.inferred} inferred from the interface's direction (which kind of process calls it), ${senders.unknown} unknown.`,
    `Method names: ${named} of ${total} messages named from their ipc_hash with the table made for Chromium ${trace.names.tableChromiumVersion}; ` +
      `the others keep their interface tag and hash.`,
    'Navigation spans (the navigation category) are shown on the browser process: Chrome files them under a renderer’s pid when it exports JSON, although the browser records them.',
    ...(ownUiMessages > 0
      ? [
          `${ownUiMessages} messages on the navigation interfaces belong to renderers of Chromium’s own pages (chrome://, such as the omnibox popup headless Chrome preloads): they are under “all”, not under “navigation messages”.`,
        ]
      : []),
    ...(chromium.version !== null && chromium.version !== MOJO_NAME_TABLE.chromiumVersion
      ? [
          `This trace is from Chromium ${chromium.version}, the name table from ${MOJO_NAME_TABLE.chromiumVersion}: names of methods added or changed since may be missing.`,
        ]
      : []),
    ...(trace.repaired ? [`The file was repaired: ${trace.repaired}.`] : []),
    ...(origin.notes ?? []),
  ];
  const head: Pending[] = [];
  const first = (endpoint: string, body: TraceEventBody) => head.push({ ts: 0, order: head.length, endpoint, body });
  first(browserEndpoint, {
    type: 'trace.source',
    origin: origin.origin,
    name: origin.name,
    chromiumProduct: chromium.product,
    chromiumVersion: chromium.version,
    chromiumRevision: chromium.revision,
    recorder: origin.recorder,
    recordedWith: origin.recordedWith,
    lab: origin.lab ?? null,
    tls: origin.tls ?? null,
    nameTable: trace.names.tableChromiumVersion,
    tsOrigin: t0,
    notes,
  });
  const counts = trace.counts;
  const summary: TraceEventBody = {
    type: 'real.summary',
    counts: record({
      events: counts.events,
      modelled: counts.modelled,
      other: counts.other,
      processes: trace.processes.length,
      threads: trace.processes.reduce((n, p) => n + p.threads.length, 0),
      mojoMessages: total,
      named,
      unnamed: trace.names.unresolved,
      withoutMojoInfo: trace.mojoMessages.filter((m) => m.ipcHash === null).length,
      navigationInterfaceMessages: navigationMessages,
      navigationInterfaceNamed: navigationNamed,
      chromiumUiNavigationMessages: ownUiMessages,
      mojoSends: trace.mojoSends.length,
      sendsWithoutReceive: trace.mojoSends.filter((s) => s.receiveIndex === null).length,
      navigations: trace.navigations.length,
      navigationSpans: trace.navigationSpans.length,
      netLogEvents: trace.netLog.length,
      requests: requests.length,
      mojoClosed: counts.mojoClosed,
      mojoWatcherNotifications: counts.mojoWatcherNotifications,
      unpairedMojoFlows: counts.unpairedMojoFlows,
      unmatchedEnds: counts.unmatchedEnds,
    }) as Record<string, number>,
    senders,
    byPhase: topCounts(counts.byPhase),
    unknownPhases: topCounts(counts.unknownPhases),
    otherTopNames: topCounts(counts.otherTopNames),
  };
  first(browserEndpoint, summary);
  for (const { id, process } of endpoints.values())
    first(id, {
      type: 'real.process',
      processId: id,
      pid: process.pid,
      kind: process.kind,
      name: clip(process.name ?? `${process.kind} (pid ${process.pid})`),
      serviceName: process.serviceName === null ? null : clip(process.serviceName),
      labels: process.labels.slice(0, 20).map((l) => (l.length > 200 ? `${l.slice(0, 200)}…` : l)),
      site: locks.has(process.pid) ? clip(locks.get(process.pid)!) : null,
      threads: process.threads.slice(0, 10_000).map((t) => ({ tid: t.tid, name: clip(t.name ?? `tid ${t.tid}`, 256) })),
    });

  pending.sort((a, b) => a.ts - b.ts || a.order - b.order);
  const events: TraceEvent[] = [...head, ...pending].map(
    (p, seq) => ({ ...p.body, ts: p.ts, endpoint: p.endpoint, seq }) as TraceEvent,
  );
  return { format: TRACE_FORMAT, version: 1, events };
}
