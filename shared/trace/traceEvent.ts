/**
 * The trace: one ordered list of events, the single source of truth for everything
 * NavScope shows. Each event has a sequence number (its place in the list), a
 * timestamp on the shared monotonic clock (µs) and the endpoint that recorded it.
 * Views are pure functions of a prefix of this list.
 *
 * Every event type is declared once, below, with the schema tools the message
 * catalogue uses (shared/base/schema.ts): the declaration gives the TypeScript types,
 * the window's check of every event it receives (traceEventCheck.ts) and the readers
 * of saved traces. A field added here is checked everywhere at once.
 */
import { type JsonValue, MAX_TRACE_STRING } from '../base/json.js';
import * as s from '../base/schema.js';
import { endpointInfo } from '../ipc/endpoints.js';
import { errorShape, ipcRejectedShape, messageShape } from '../ipc/transportRecord.js';
import { dnsRecordSummary, dnsServerRef } from '../net/dnsRecords.js';
import { netErrorInfo } from '../net/netError.js';
import { navigationState } from './navigationState.js';
import { PHASE_IDS } from './phases.js';
import { renderSnapshotShape, scriptTiming } from './renderSnapshot.js';

export type { JsonValue } from '../base/json.js';
export type { DnsRecordSummary, DnsServerRef } from '../net/dnsRecords.js';

// ── Building blocks ───────────────────────────────────────────────────────────────

const text = s.string({ maxLength: MAX_TRACE_STRING });
const id = s.string({ maxLength: 1024 });
const url = s.string({ maxLength: MAX_TRACE_STRING });
const count = s.number({ integer: true, min: 0 });
const micros = s.number({ finite: true });
const finite = s.number({ finite: true });
const pid = s.number({ integer: true });
const args = s.record(s.json(), { maxKeys: 1000 });
const strings = s.array(text, { maxLength: 100_000 });
/** A tab's id (Chromium's SessionID of its WebContents): 1, 2, 3… in the order tabs were opened. */
const tabId = s.number({ integer: true, min: 1 });
/** A FrameTreeNode's id (Chromium's FrameTreeNode::frame_tree_node_id()): unique in the browser, never reused. */
const frameTreeNodeId = s.number({ integer: true, min: 1 });

export const spanCategory = s.literal('phase', 'net', 'renderer', 'browser');
export type SpanCategory = s.Infer<typeof spanCategory>;

/** How step mode lets held messages go: only on a step, until the next phase begins, or one every interval. */
export const stepPace = s.literal('paused', 'next-phase', 'playing');
export type StepPace = s.Infer<typeof stepPace>;

/** How a renderer process was found for a navigation (Chromium's process-model decisions). */
export const processAssignment = s.literal('reused', 'spare', 'speculative', 'new');
export type ProcessAssignment = s.Infer<typeof processAssignment>;

/** What reading the response decided (Chromium's NavigationRequest outcomes at ReadyToCommit). */
export const navigationDecision = s.literal('render', 'download', 'no-commit', 'error-page', 'blocked');
export type NavigationDecision = s.Infer<typeof navigationDecision>;

/**
 * What a real Chromium's trace says about one received Mojo message, carried by the
 * `message` events mapped from a real trace (shared/real/realTraceMapping.ts). NavScope's
 * own messages have none.
 */
export const realMessageFacts = s.object({
  /** `network.mojom.URLLoaderClient.OnReceiveResponse`; null when the name table does not know the hash. */
  fullName: s.nullable(text),
  /** The trace's `mojo_interface_tag` (kept when the method is unknown). */
  interfaceTag: s.nullable(text),
  /** The trace's `ipc_hash`: the first 4 bytes of SHA-256 of the method's C++ name. */
  ipcHash: s.nullable(finite),
  /** A "Receive mojo reply": the answer to a call the receiving process made. */
  isReply: s.boolean(),
  payloadSize: s.nullable(finite),
  dataNumBytes: s.nullable(finite),
  /**
   * How the sender is known: 'exact' from the trace's own flow from the "Send mojo
   * message" event; 'inferred' from the interface's direction (which kind of process
   * calls it); 'unknown' when neither says.
   */
  sender: s.literal('exact', 'inferred', 'unknown'),
  /** For an inferred sender: the kinds of process that send on this interface. */
  senderKinds: s.array(text, { maxLength: 20 }),
  /** The receiving thread's id, and the sending thread's when exact. */
  toTid: finite,
  fromTid: s.nullable(finite),
  /** How long the receiving thread spent handling it (µs), when the trace says. */
  handledMicros: s.nullable(finite),
  /** On one of the navigation interfaces, outside Chromium's own pages (the message sequence's default filter). */
  navigation: s.boolean(),
  /** NavScope's own message (messageCatalogue name) that models this one, if any. */
  counterpart: s.nullable(text),
});
export type RealMessageFacts = s.Infer<typeof realMessageFacts>;

/** Where a trace came from: NavScope's model, a real Chromium NavScope recorded, or a Chrome trace opened from a file. */
export const traceOrigin = s.literal('navscope-model', 'real-chromium', 'chrome-trace');
export type TraceOrigin = s.Infer<typeof traceOrigin>;

/** The kinds of process a real Chromium trace shows. */
export const realProcessKind = s.literal('browser', 'renderer', 'gpu', 'network', 'storage', 'utility', 'unknown');
export type RealProcessKindName = s.Infer<typeof realProcessKind>;

/** The tab's session history as the window shows it. */
export const historySnapshot = s.object({
  entries: s.array(s.object({ url, title: text }), { maxLength: 10_000 }),
  index: s.number({ integer: true, min: -1 }),
});
export type HistorySnapshot = s.Infer<typeof historySnapshot>;

export const securityState = s.literal('secure', 'not-secure', 'neutral', 'dangerous');
export type SecurityState = s.Infer<typeof securityState>;

/**
 * The tab's visible state, one field at a time: what changed, to what, and why. Each
 * field has its own kind of value (a union keyed by `field`).
 */
const stateChange = <F extends string, V>(field: F, value: s.Schema<V>) =>
  s.object({
    type: s.literal('state'),
    ts: micros,
    endpoint: id,
    seq: s.optional(count),
    /** The tab (WebContents) whose state changed; absent in traces from before tabs: tab 1. */
    tabId: s.optional(tabId),
    field: s.literal(field),
    value,
    cause: text,
  });

const stateEvent = s.union('field', {
  loading: stateChange('loading', s.boolean()),
  url: stateChange('url', url),
  security: stateChange('security', securityState),
  title: stateChange('title', text),
  history: stateChange('history', historySnapshot),
  crashed: stateChange('crashed', s.boolean()),
  interstitial: stateChange(
    'interstitial',
    s.nullable(s.object({ kind: s.literal('certificate', 'safebrowsing'), url, error: text, detail: text })),
  ),
  loadError: stateChange('loadError', s.nullable(s.object({ url, error: text, detail: text }))),
});

/** One event type: its own fields, plus where and when it was recorded and its place in the trace. */
function event<const T extends string, const S extends Record<string, s.Schema<unknown>>>(type: T, shape: S) {
  return s.object({ type: s.literal(type), ts: micros, endpoint: id, seq: s.optional(count), ...shape });
}

// ── The event types ───────────────────────────────────────────────────────────────

export const traceEventSchemas = {
  'trace.begin': event('trace.begin', {
    mode: s.literal('lab', 'live'),
    browserPid: pid,
    wallClock: text,
    platform: text,
  }),
  'thread.start': event('thread.start', { info: endpointInfo }),
  /** A thread ended without being asked to (the network thread crashed); `restarting`: a new one is being started. */
  'thread.exit': event('thread.exit', {
    endpointId: id,
    threadName: text,
    code: finite,
    reason: text,
    restarting: s.boolean(),
  }),
  'process.launch': event('process.launch', { processId: id, site: text, serviceName: text, spare: s.boolean() }),
  'process.spawn': event('process.spawn', { processId: id, pid, site: text, serviceName: text }),
  'process.ready': event('process.ready', { processId: id, pid }),
  'process.exit': event('process.exit', {
    processId: id,
    pid,
    code: s.nullable(finite),
    signal: s.nullable(text),
    reason: text,
  }),
  'process.crash': event('process.crash', {
    processId: id,
    pid,
    code: s.nullable(finite),
    signal: s.nullable(text),
    reason: s.literal('killed', 'crashed', 'launch-failed'),
  }),
  'span.begin': event('span.begin', {
    spanId: id,
    name: text,
    category: spanCategory,
    phase: s.nullable(s.literal(...PHASE_IDS)),
    parentId: s.nullable(id),
    navigationId: s.nullable(id),
    requestId: s.nullable(id),
    args,
  }),
  'span.end': event('span.end', {
    spanId: id,
    status: s.literal('ok', 'error', 'cancelled'),
    error: s.nullable(text),
    args,
  }),
  message: event('message', {
    ...messageShape,
    /** Only on messages of a real Chromium's trace: what its trace says (name, reply, sender certainty…). */
    real: s.optional(realMessageFacts),
  }),
  'ipc.rejected': event('ipc.rejected', ipcRejectedShape),
  'navigation.begin': event('navigation.begin', {
    navigationId: id,
    url,
    transition: text,
    input: text,
    /** The tab it runs in; absent in traces from before tabs: tab 1. */
    tabId: s.optional(tabId),
    /** The frame it navigates; absent: the tab's main frame. */
    frameTreeNodeId: s.optional(frameTreeNodeId),
    /** false for a subframe's NavigationRequest (an iframe's own load); absent: a main-frame navigation. */
    isMainFrame: s.optional(s.boolean()),
  }),
  /** The navigation moved from one of Chromium's NavigationRequest states to the next, and why. */
  'navigation.state': event('navigation.state', {
    navigationId: id,
    from: navigationState,
    to: navigationState,
    reason: text,
  }),
  'navigation.end': event('navigation.end', {
    navigationId: id,
    url,
    outcome: s.literal('committed', 'failed', 'renderer-crashed', 'no-commit'),
    netError: s.nullable(netErrorInfo),
  }),
  'omnibox.classified': event('omnibox.classified', {
    text,
    inputType: s.literal('EMPTY', 'UNKNOWN', 'URL', 'QUERY'),
    url: s.nullable(url),
    reason: text,
    didYouMean: s.nullable(text),
  }),
  'url.parsed': event('url.parsed', {
    url,
    scheme: text,
    host: text,
    /** The host as typed, for IDN (punycode in `host`). */
    hostUnicode: text,
    isIdn: s.boolean(),
    port: s.nullable(finite),
    effectivePort: s.nullable(finite),
    path: text,
    query: text,
    fragment: text,
  }),
  'dns.cache': event('dns.cache', {
    host: text,
    outcome: s.literal('hit', 'miss', 'expired'),
    addresses: strings,
  }),
  'dns.query': event('dns.query', {
    queryId: id,
    host: text,
    server: dnsServerRef,
    question: s.object({ name: text, type: text }),
    transactionId: finite,
    size: count,
    attempt: count,
  }),
  'dns.response': event('dns.response', {
    queryId: id,
    server: dnsServerRef,
    rcode: text,
    authoritative: s.boolean(),
    truncated: s.boolean(),
    answers: s.array(dnsRecordSummary, { maxLength: 10_000 }),
    authorities: s.array(dnsRecordSummary, { maxLength: 10_000 }),
    additionals: s.array(dnsRecordSummary, { maxLength: 10_000 }),
    size: count,
  }),
  'dns.timeout': event('dns.timeout', { queryId: id, server: dnsServerRef, attempt: count, waitedMs: finite }),
  /** A datagram the resolver received while waiting and did not accept as the answer (undecodable, unknown transaction id, another question, another sender). */
  'dns.ignored': event('dns.ignored', { queryId: id, server: dnsServerRef, from: text, size: count, reason: text }),
  'dns.result': event('dns.result', {
    host: text,
    addresses: strings,
    source: s.literal('cache', 'recursive', 'os', 'literal'),
    ttl: finite,
  }),
  'http.request': event('http.request', {
    requestId: id,
    url,
    raw: text,
    connectionId: finite,
    reused: s.boolean(),
    remote: text,
  }),
  'http.response': event('http.response', { requestId: id, statusLine: text, rawHeaders: text, headerBytes: count }),
  state: stateEvent,
  'hsts.upgrade': event('hsts.upgrade', {
    requestId: id,
    from: url,
    to: url,
    matchedHost: text,
    source: s.literal('preload', 'learned'),
    includeSubdomains: s.boolean(),
  }),
  'hsts.learned': event('hsts.learned', {
    host: text,
    header: text,
    maxAge: finite,
    includeSubdomains: s.boolean(),
    removed: s.boolean(),
  }),
  'https.upgrade': event('https.upgrade', {
    requestId: id,
    from: url,
    to: url,
    outcome: s.literal('upgraded', 'fallback'),
    reason: text,
  }),
  'cookie.stored': event('cookie.stored', {
    requestId: id,
    url,
    cookies: s.array(
      s.object({ header: text, stored: s.boolean(), reason: s.nullable(text), name: s.nullable(text) }),
      {
        maxLength: 10_000,
      },
    ),
  }),
  'cookie.sent': event('cookie.sent', { requestId: id, url, names: strings }),
  'cache.lookup': event('cache.lookup', {
    requestId: id,
    url,
    outcome: s.literal('miss', 'fresh', 'stale', 'revalidated', 'stored', 'not-stored'),
    reason: text,
  }),
  'mime.sniffed': event('mime.sniffed', {
    navigationId: id,
    url,
    supplied: s.nullable(text),
    noSniff: s.boolean(),
    computed: text,
    rule: text,
    matchedSignature: s.nullable(text),
    /** The first bytes the decision looked at (at most 1445), as hex and as printable text. */
    firstBytesHex: text,
    firstBytesText: text,
    byteCount: count,
  }),
  'safebrowsing.check': event('safebrowsing.check', {
    navigationId: id,
    url,
    verdict: s.literal('safe', 'unsafe'),
    threatType: s.nullable(text),
    expressions: s.array(
      s.object({
        expression: text,
        hash: text,
        prefix: text,
        prefixMatch: s.boolean(),
        fullHashMatch: s.boolean(),
        list: s.nullable(text),
      }),
      { maxLength: 1000 },
    ),
    bypassed: s.boolean(),
  }),
  'navigation.decision': event('navigation.decision', {
    navigationId: id,
    url,
    decision: navigationDecision,
    reason: text,
  }),
  'download.begin': event('download.begin', {
    downloadId: id,
    url,
    filename: text,
    path: text,
    mimeType: text,
    totalBytes: finite,
  }),
  'download.progress': event('download.progress', { downloadId: id, receivedBytes: count, totalBytes: finite }),
  'download.end': event('download.end', {
    downloadId: id,
    state: s.literal('complete', 'interrupted'),
    receivedBytes: count,
    path: text,
    error: s.nullable(text),
  }),
  'process.assigned': event('process.assigned', {
    processId: id,
    pid: s.nullable(pid),
    site: text,
    how: processAssignment,
    reason: text,
  }),
  'process.discarded': event('process.discarded', { processId: id, site: text, reason: text }),
  'process.unresponsive': event('process.unresponsive', {
    processId: id,
    pid: s.nullable(pid),
    waitingFor: text,
    waitedMs: finite,
  }),
  'process.responsive': event('process.responsive', { processId: id, pid: s.nullable(pid) }),
  'renderer.document': event('renderer.document', {
    url,
    title: text,
    nodeCount: count,
    elementCount: count,
    subresources: s.array(s.object({ url, destination: text, tag: text }), { maxLength: 100_000 }),
    outline: strings,
  }),
  /** The preload scanner found a resource ahead of the parser and started its fetch. */
  'renderer.preload': event('renderer.preload', {
    url,
    destination: text,
    tag: text,
    /** The script the parser was waiting for when the scanner looked ahead, if any. */
    parserBlockedOn: s.nullable(url),
  }),
  /** One script's life: found, fetched, run (page JavaScript is never actually executed). */
  'renderer.script': event('renderer.script', {
    url: s.nullable(url),
    timing: scriptTiming,
    /** Position in execution order (1 = first); 0 when it did not run. */
    order: count,
    ran: s.boolean(),
    /** Why it did not run: a failed fetch, CORB/ORB, a nosniff MIME mismatch. */
    blockedReason: s.nullable(text),
    mimeType: text,
    discoveredTs: micros,
    fetchEndTs: micros,
    ranTs: micros,
    /** How long the HTML parser stood still because of this script (µs). */
    parserBlockedMicros: finite,
  }),
  /** Style, layout and paint of the document: at first paint and once the page has loaded. */
  'renderer.render': event('renderer.render', {
    stage: s.literal('first-paint', 'final'),
    url,
    /** Stylesheets that had to arrive before this paint. */
    renderBlocking: strings,
    ...renderSnapshotShape,
  }),
  /** CORB/ORB in the network service: a cross-origin no-cors response kept from the renderer or let through. */
  'corb.decision': event('corb.decision', {
    requestId: id,
    url,
    initiatorOrigin: text,
    destination: text,
    mimeType: text,
    noSniff: s.boolean(),
    decision: s.literal('allow', 'block'),
    reason: text,
    sniffed: s.nullable(text),
  }),
  /** Step mode switched on or off, or its pace changed (the user's controls at the browser process's gate). */
  'step.mode': event('step.mode', {
    enabled: s.boolean(),
    pace: stepPace,
    /** Between two released messages while playing (ms). */
    intervalMs: finite,
    /** Messages waiting at the gate now. */
    held: count,
  }),
  /** Step mode: a message reached the browser process and waits there for the user. */
  'step.held': event('step.held', { flowId: id, name: text, from: id, to: id, held: count }),
  /** Step mode: a held message was let go (a step, a run to the next phase, play, or step mode switched off). */
  'step.released': event('step.released', {
    flowId: id,
    name: text,
    from: id,
    to: id,
    /** How long it waited at the gate (µs). */
    waitedMicros: finite,
    /**
     * 'receiver': delivered. 'loader': it is a navigation's response body, which the
     * browser keeps in the transport for MIME sniffing; it is held again when it goes
     * on to the renderer at commit.
     */
    into: s.literal('receiver', 'loader'),
    held: count,
  }),
  /** A tab opened: a new WebContents with its own main frame, navigation controller and history. */
  'tab.created': event('tab.created', {
    tabId,
    /** The tab it was opened from (a link, window.open); null when the user opened it. */
    openerTabId: s.nullable(tabId),
    /** The tab's main FrameTreeNode (created with it, see frame.created). */
    mainFrameTreeNodeId: frameTreeNodeId,
    reason: text,
  }),
  /** The tab became the one shown (the user switched to it, or another was closed). */
  'tab.activated': event('tab.activated', { tabId, previousTabId: s.nullable(tabId), reason: text }),
  /** A tab closed: its frames are removed first (frame.removed), then processes left hosting nothing end. */
  'tab.closed': event('tab.closed', { tabId, reason: text }),
  /**
   * A FrameTreeNode was created: a tab's main frame (parentId null), or an iframe its
   * parent's document asked for (FrameHost.CreateChildFrame). `processId` hosts its
   * current document (null until one is chosen: a new tab before its first navigation).
   */
  'frame.created': event('frame.created', {
    frameTreeNodeId,
    parentId: s.nullable(frameTreeNodeId),
    tabId,
    /** The token of its current RenderFrame (messages name frames by it); null before it has one. */
    frameToken: s.nullable(id),
    /** The iframe's name attribute ('' when none, or for a main frame). */
    name: text,
    /** The URL it is to load (an iframe's src, resolved); '' when none yet. */
    url,
    /** The site of its current document (scheme://eTLD+1), '' before it has one. */
    site: text,
    processId: s.nullable(id),
    /** 0 for a main frame, 1 for its iframes, … */
    depth: count,
    reason: text,
  }),
  /**
   * A navigation committed in the frame: its current document, site and hosting process
   * (a cross-site navigation swaps in a RenderFrameHost in another process).
   */
  'frame.committed': event('frame.committed', {
    frameTreeNodeId,
    tabId,
    frameToken: id,
    url,
    site: text,
    processId: id,
    /** The navigation that committed. */
    navigationId: id,
    reason: text,
  }),
  /** The frame's document fired load (its own subresources and all its child frames done) and the browser heard it. */
  'frame.loaded': event('frame.loaded', { frameTreeNodeId, tabId, url, processId: id }),
  /** A FrameTreeNode was removed (its parent navigated away, its iframe was detached, its tab closed). */
  'frame.removed': event('frame.removed', { frameTreeNodeId, tabId, reason: text }),
  /**
   * A process got a RenderFrameProxy for a frame hosted in another process (site
   * isolation: the parent's process holds a placeholder for an out-of-process iframe,
   * AgentSchedulingGroup.CreateRemoteChildFrame / CreateFrameProxy).
   */
  'proxy.created': event('proxy.created', {
    frameTreeNodeId,
    tabId,
    /** The process holding the proxy. */
    processId: id,
    /** The proxy's token (a RemoteFrameToken). */
    proxyToken: id,
    reason: text,
  }),
  /** A RenderFrameProxy went away (its frame was removed, or its frame's document moved into this process). */
  'proxy.removed': event('proxy.removed', { frameTreeNodeId, tabId, processId: id, reason: text }),
  error: event('error', errorShape),
  /**
   * A file NavScope did not record was opened (HAR, NetLog, Chrome trace): which format,
   * who wrote it, its wall-clock start, whether it had to be repaired, and what the
   * import could not use (each said once). Its requests follow as request.* events.
   */
  'import.source': event('import.source', {
    format: s.literal('har', 'netlog', 'chrome-trace'),
    name: text,
    creator: text,
    wallClock: text,
    repaired: s.nullable(text),
    notes: strings,
  }),
  /** A request read from an imported file (NavScope's own requests are its loader messages instead). */
  'request.begin': event('request.begin', {
    requestId: id,
    url,
    method: text,
    navigationId: s.nullable(id),
    /** document, stylesheet, script, image, … as the file names it; '' when it does not say. */
    resourceType: text,
    /** The origin (or document URL) that asked for it; null for the browser itself. */
    initiator: s.nullable(text),
    priority: s.nullable(text),
    /** Made by the browser on its own behalf (no page or frame asked: update checks, account lookups, …). */
    ownBehalf: s.boolean(),
    /** Where in the file it came from (NetLog source id, HAR entry index). */
    source: text,
  }),
  'request.redirect': event('request.redirect', {
    requestId: id,
    from: url,
    to: url,
    status: s.nullable(finite),
    reason: text,
  }),
  'request.end': event('request.end', {
    requestId: id,
    url,
    /** HTTP status of the final response; null when none arrived. */
    status: s.nullable(finite),
    statusText: text,
    netError: s.nullable(netErrorInfo),
    /** 'disk' / 'memory' when the HTTP cache answered, else null. */
    fromCache: s.nullable(text),
    /** http/1.1, h2, h3, … */
    protocol: s.nullable(text),
    /** The TLS version (and cipher suite, when known) of the connection it used; null for plain HTTP or when unknown. */
    tls: s.nullable(text),
    remote: s.nullable(text),
    /** The socket pool's id of the connection; -1 or null when unknown. */
    connectionId: s.nullable(finite),
    reused: s.nullable(s.boolean()),
    encodedBodyBytes: s.nullable(finite),
    decodedBodyBytes: s.nullable(finite),
  }),
  /**
   * Where the trace came from, first in a trace that is not NavScope's own recording (a
   * trace without it is NavScope's model): the origin, which Chromium, how it was
   * recorded, and what is exact and what is inferred, in words.
   */
  'trace.source': event('trace.source', {
    origin: traceOrigin,
    /** What was recorded (the input and its URL), or the file's name. */
    name: text,
    /** `Chrome/156.0.8078.114` (or what a trace without it says), `156.0.8078.114` and the source revision, when known. */
    chromiumProduct: s.nullable(text),
    chromiumVersion: s.nullable(text),
    chromiumRevision: s.nullable(text),
    /** 'navscope-system-chromium' (DevTools protocol), 'navscope-electron' (contentTracing), 'unknown' (a file). */
    recorder: s.literal('navscope-system-chromium', 'navscope-electron', 'unknown'),
    /** How it was recorded, in one sentence. */
    recordedWith: text,
    /** Lab mode: the host-resolver rules the browser had; null when not recorded in lab mode or not known. */
    lab: s.nullable(text),
    /** How TLS to the lab was handled, in words; null when not known. */
    tls: s.nullable(text),
    /** The Chromium version the Mojo method-name table was generated for. */
    nameTable: text,
    /** The source trace's own `ts` (µs) at this trace's time 0, to find an event in the file again. */
    tsOrigin: finite,
    /** What to know while reading it: repairs, what is exact and what is inferred. */
    notes: strings,
  }),
  /** A process of a real Chromium's trace, with its kind, real pid and threads. */
  'real.process': event('real.process', {
    /** The endpoint id its events and messages use: 'browser', 'network', 'gpu', 'renderer:1', 'utility:2'… */
    processId: id,
    pid,
    kind: realProcessKind,
    /** The trace's process name: Browser, Renderer, GPU Process, Service: network.mojom.NetworkService… */
    name: text,
    /** The Mojo service a utility process runs, when its name says. */
    serviceName: s.nullable(text),
    /** Chrome's process labels (tab titles), if any. */
    labels: s.array(text, { maxLength: 1000 }),
    /** The site a renderer is locked to (its process_lock in the navigation spans: https://naver.com, chrome://top-chrome/), when the trace says. */
    site: s.nullable(text),
    threads: s.array(s.object({ tid: finite, name: text }), { maxLength: 100_000 }),
  }),
  /**
   * What a real trace held, counted: every event is either in NavScope's trace or
   * counted here (nothing is dropped without a count).
   */
  'real.summary': event('real.summary', {
    /** events, modelled, other, mojoMessages, named, unnamed, navigations, netLogEvents, unpairedMojoFlows… */
    counts: s.record(finite, { maxKeys: 1000 }),
    /** How the senders of the Mojo messages are known. */
    senders: s.object({ exact: count, inferred: count, unknown: count }),
    /** Trace events by phase (`X`, `B`, `b`…), and those whose phase the format does not define. */
    byPhase: s.record(count, { maxKeys: 1000 }),
    unknownPhases: s.record(count, { maxKeys: 1000 }),
    /** The most frequent names of the events only counted. */
    otherTopNames: s.record(count, { maxKeys: 1000 }),
  }),
} as const;

/** Every trace event, checked: the type selects its declaration. */
export const traceEventSchema = s.union('type', traceEventSchemas);

// ── The types ─────────────────────────────────────────────────────────────────────

type Declared = s.Infer<typeof traceEventSchema>;
/** `Omit` applied to each member of a union on its own. */
type DistributiveOmit<T, K extends PropertyKey> = T extends unknown ? Omit<T, K> : never;

/** What the recorder stores: a record with its place in the trace. */
export type TraceEvent = DistributiveOmit<Declared, 'seq'> & { seq: number };
/** What a thread records: the body plus when and where. */
export type TraceRecord = DistributiveOmit<Declared, 'seq'>;
/** What a thread says happened (the writer adds when and where). */
export type TraceEventBody = DistributiveOmit<Declared, 'seq' | 'ts' | 'endpoint'>;

export type TraceEventType = TraceEventBody['type'];
export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

export type StateEvent = TraceEventOf<'state'>;
export type NavigationEndEvent = TraceEventOf<'navigation.end'>;
export type StateField = StateEvent['field'];
/** The value a state change of `F` carries. */
export type StateValue<F extends StateField> = Extract<StateEvent, { field: F }>['value'];
/** A change of one state field with its value, as a writer records it: `{ field: 'url', value }`. */
export type StateChange = StateEvent extends infer E
  ? E extends { field: infer F; value: infer V }
    ? { field: F; value: V }
    : never
  : never;

export interface TraceFile {
  format: 'navscope-trace';
  version: 1;
  events: TraceEvent[];
}

export const TRACE_FORMAT = 'navscope-trace';

/** The body of an event `type` written by hand, checked by the compiler against its declaration. */
export type BodyOf<T extends TraceEventType> = Extract<TraceEventBody, { type: T }>;

/** A JSON-safe record of arguments (span args). */
export type SpanArgs = Record<string, JsonValue>;
