/**
 * Time travel: everything the window shows is this state, folded from the first N
 * events of the trace. `applyTraceEvent` mutates a state in place (folding is the hot
 * path); `TraceTimeline` keeps copies every few hundred events so that any N is
 * reached by folding at most one stride from the nearest copy.
 */
import type { EndpointInfo } from '../ipc/endpoints.js';
import type { PhaseId } from './phases.js';
import type {
  DnsServerRef,
  JsonValue,
  RealProcessKindName,
  SpanCategory,
  TraceEvent,
  TraceEventOf,
} from './traceEvent.js';

export interface ProcessView {
  /** Endpoint id of the process's main thread ('browser', 'renderer:1'); a real trace's processes also 'gpu', 'utility:1'… */
  id: string;
  /** NavScope's model has a browser and renderers; a real Chromium's trace has its other processes too. */
  kind: RealProcessKindName;
  pid: number | null;
  site: string | null;
  state: 'launching' | 'running' | 'exited' | 'crashed';
  /** `crashed` until a new thread takes the endpoint over; `restarts` counts those takeovers. */
  threads: { id: string; name: string; state: 'running' | 'crashed'; restarts: number }[];
  detail: string | null;
  /** Started as the spare, or speculatively, and how it was assigned. */
  role: 'spare' | 'speculative' | null;
  unresponsive: boolean;
  /** The browser discarded it (a redirect changed the site, the navigation failed…). */
  discarded: boolean;
  /** A real Chromium's process (real.process): its name in the trace, its Mojo service and labels. */
  real?: { name: string; serviceName: string | null; labels: string[] };
}

/** Where the shown trace came from (trace.source); null for NavScope's own recording. */
export type TraceSourceView = Omit<TraceEventOf<'trace.source'>, 'type' | 'seq' | 'ts' | 'endpoint'>;

/** What a real trace held, counted (real.summary). */
export type RealSummaryView = Omit<TraceEventOf<'real.summary'>, 'type' | 'seq' | 'ts' | 'endpoint'>;

export interface DownloadView {
  id: string;
  url: string;
  filename: string;
  path: string;
  mimeType: string;
  received: number;
  total: number;
  state: 'in-progress' | 'complete' | 'interrupted';
  error: string | null;
}

export interface ServerView {
  /** address:port */
  id: string;
  kind: 'dns' | 'web';
  address: string;
  port: number;
  name: string;
  role: DnsServerRef['role'] | 'web';
  zone: string;
  /** Host names it served (web) or questions it answered (dns), most recent last. */
  hosts: string[];
}

export interface SpanView {
  seq: number;
  spanId: string;
  name: string;
  category: SpanCategory;
  phase: PhaseId | null;
  navigationId: string | null;
  requestId: string | null;
  endpoint: string;
  start: number;
  end: number | null;
  status: 'open' | 'ok' | 'error' | 'cancelled';
  error: string | null;
  args: Record<string, JsonValue>;
  /**
   * Background work, part of no navigation: begun by the spare renderer before a
   * navigation took it (its start-up, loading its parsers).
   */
  background: boolean;
}

export interface NavigationView {
  /** The tab it ran in (main-frame navigations only: a subframe's is on its FrameView). */
  tabId: number;
  navigationId: string;
  url: string;
  input: string;
  start: number;
  beginSeq: number;
  outcome: TraceEventOf<'navigation.end'>['outcome'] | null;
  netError: string | null;
}

/** A request read from an imported file (HAR, NetLog): what it was, and how it ended once it has. */
export interface RequestView {
  requestId: string;
  /** The URL it started with, and the one it ended at (after redirects). */
  url: string;
  finalUrl: string;
  method: string;
  navigationId: string | null;
  resourceType: string;
  initiator: string | null;
  priority: string | null;
  ownBehalf: boolean;
  source: string;
  start: number;
  end: number | null;
  redirects: { from: string; to: string; status: number | null; reason: string }[];
  status: number | null;
  statusText: string;
  netError: string | null;
  fromCache: string | null;
  protocol: string | null;
  tls: string | null;
  remote: string | null;
  connectionId: number | null;
  reused: boolean | null;
  encodedBodyBytes: number | null;
  decodedBodyBytes: number | null;
}

/** What an imported file was (none for NavScope's own traces). */
export type ImportView = Omit<TraceEventOf<'import.source'>, 'type' | 'seq' | 'ts' | 'endpoint'>;

export interface InterstitialView {
  kind: string;
  url: string;
  error: string;
  detail: string;
}

/** The committed page's body failed after commit (DidFailLoadWithError): it shows what arrived. */
export interface LoadErrorView {
  url: string;
  error: string;
  detail: string;
}

export interface TabView {
  /** The tab's id (tab.created); 1 for the tab of a trace from before tabs. */
  tabId: number;
  /** Its main frame's FrameTreeNode id; null until tab.created says (traces from before tabs). */
  mainFrameTreeNodeId: number | null;
  /** The tab was closed (kept in the list so its frames and messages still have a tab). */
  closed: boolean;
  interstitial: InterstitialView | null;
  loadError: LoadErrorView | null;
  loading: boolean;
  url: string;
  title: string;
  security: string;
  crashed: boolean;
  history: { entries: { url: string; title: string }[]; index: number };
}

/** A FrameTreeNode: a tab's main frame or an iframe, and the process hosting its current document. */
export interface FrameView {
  frameTreeNodeId: number;
  parentId: number | null;
  tabId: number;
  /** Its current RenderFrame's token (messages' payloads name it); null before its first document. */
  frameToken: string | null;
  name: string;
  /** The URL it was asked to load, then the committed one. */
  url: string;
  site: string;
  /** The renderer process hosting its current document; null before one was chosen. */
  processId: string | null;
  depth: number;
  /** Its document fired load (frame.loaded). */
  loaded: boolean;
  removed: boolean;
  /** The frame's latest navigation (a subframe's own NavigationRequest, or the tab's). */
  navigationId: string | null;
}

/** A RenderFrameProxy: `processId` holds a placeholder for a frame hosted in another process. */
export interface ProxyView {
  frameTreeNodeId: number;
  tabId: number;
  processId: string;
  proxyToken: string;
}

export interface BrowserViewState {
  /** How many events are folded in. */
  cursor: number;
  downloads: DownloadView[];
  /** The shown (active) tab: the same object as its entry in `tabs`. */
  tab: TabView;
  /** Every tab in the order opened, closed ones included (closed: true). A trace from before tabs has tab 1 only. */
  tabs: TabView[];
  activeTabId: number;
  /** Every FrameTreeNode in creation order, removed ones included (removed: true). */
  frames: FrameView[];
  /** The RenderFrameProxies that exist now. */
  proxies: ProxyView[];
  processes: ProcessView[];
  servers: ServerView[];
  spans: SpanView[];
  navigations: NavigationView[];
  /** Where the trace came from, when it says (a real Chromium's trace does). */
  source: TraceSourceView | null;
  realSummary: RealSummaryView | null;
  /** Requests of an imported file (request.* events). */
  requests: RequestView[];
  imported: ImportView | null;
  messageCount: number;
  rejectedCount: number;
  errorCount: number;
  /** The last message folded in (the selected message when stepping). */
  lastMessageSeq: number | null;
  /** Time of the last event folded in (µs). */
  now: number;
  /** Time of the first event (µs). */
  origin: number | null;
}

function newTab(tabId: number): TabView {
  return {
    tabId,
    mainFrameTreeNodeId: null,
    closed: false,
    interstitial: null,
    loadError: null,
    loading: false,
    url: '',
    title: 'New Tab',
    security: 'none',
    crashed: false,
    history: { entries: [], index: -1 },
  };
}

export function emptyViewState(): BrowserViewState {
  const tab = newTab(1);
  return {
    cursor: 0,
    downloads: [],
    tab,
    tabs: [tab],
    activeTabId: 1,
    frames: [],
    proxies: [],
    processes: [],
    servers: [],
    spans: [],
    navigations: [],
    source: null,
    realSummary: null,
    requests: [],
    imported: null,
    messageCount: 0,
    rejectedCount: 0,
    errorCount: 0,
    lastMessageSeq: null,
    now: 0,
    origin: null,
  };
}

function tabFor(state: BrowserViewState, tabId: number): TabView {
  let tab = state.tabs.find((t) => t.tabId === tabId);
  if (!tab) {
    tab = newTab(tabId);
    state.tabs.push(tab);
  }
  return tab;
}

function findFrame(state: BrowserViewState, frameTreeNodeId: number): FrameView | undefined {
  for (let i = state.frames.length - 1; i >= 0; i--)
    if (state.frames[i]!.frameTreeNodeId === frameTreeNodeId) return state.frames[i];
  return undefined;
}

/** The frames whose current document `processId` hosts (removed ones left out). */
export function framesInProcess(state: BrowserViewState, processId: string): FrameView[] {
  return state.frames.filter((f) => !f.removed && f.processId === processId);
}

/** The RenderFrameProxies `processId` holds: placeholders for frames other processes host. */
export function proxiesInProcess(state: BrowserViewState, processId: string): ProxyView[] {
  return state.proxies.filter((p) => p.processId === processId);
}

/** A tab's frames (removed ones left out), parents before their children. */
export function framesOfTab(state: BrowserViewState, tabId: number): FrameView[] {
  const live = state.frames.filter((f) => f.tabId === tabId && !f.removed);
  const ordered: FrameView[] = [];
  const visit = (parentId: number | null): void => {
    for (const frame of live)
      if (frame.parentId === parentId) {
        ordered.push(frame);
        visit(frame.frameTreeNodeId);
      }
  };
  visit(null);
  return ordered;
}

/** The frame a message belongs to, when the recorder said (its frameTreeNodeId). */
export function frameOfMessage(state: BrowserViewState, event: TraceEventOf<'message'>): FrameView | undefined {
  return event.frameTreeNodeId === undefined ? undefined : findFrame(state, event.frameTreeNodeId);
}

function processFor(state: BrowserViewState, id: string, kind: ProcessView['kind']): ProcessView {
  let view = state.processes.find((p) => p.id === id);
  if (!view) {
    view = {
      id,
      kind,
      pid: null,
      site: null,
      state: 'launching',
      threads: [],
      detail: null,
      role: null,
      unresponsive: false,
      discarded: false,
    };
    state.processes.push(view);
  }
  return view;
}

function addThread(state: BrowserViewState, info: EndpointInfo): void {
  if (info.role === 'network') {
    const browser = processFor(state, 'browser', 'browser');
    const thread = browser.threads.find((t) => t.id === info.id);
    if (!thread) browser.threads.push({ id: info.id, name: info.threadName, state: 'running', restarts: 0 });
    else if (thread.state === 'crashed') {
      thread.state = 'running';
      thread.restarts += 1;
    }
    return;
  }
  const view = processFor(state, info.id, info.role === 'browser' ? 'browser' : 'renderer');
  view.pid = info.pid;
  if (view.state === 'launching') view.state = 'running';
  if (!view.threads.some((t) => t.id === info.id))
    view.threads.unshift({ id: info.id, name: info.threadName, state: 'running', restarts: 0 });
}

function serverFor(
  state: BrowserViewState,
  kind: ServerView['kind'],
  address: string,
  port: number,
  init: Omit<ServerView, 'id' | 'kind' | 'address' | 'port' | 'hosts'>,
): ServerView {
  const id = `${address}:${port}`;
  let view = state.servers.find((s) => s.id === id);
  if (!view) {
    view = { id, kind, address, port, hosts: [], ...init };
    state.servers.push(view);
  }
  return view;
}

function remember(list: string[], value: string): void {
  if (list[list.length - 1] === value) return;
  const at = list.indexOf(value);
  if (at >= 0) list.splice(at, 1);
  list.push(value);
  if (list.length > 8) list.shift();
}

/** The request to change, copied into its place first: checkpoints share the requests they had. */
function findRequest(state: BrowserViewState, requestId: string): RequestView | undefined {
  for (let i = state.requests.length - 1; i >= 0; i--) {
    const request = state.requests[i]!;
    if (request.requestId !== requestId) continue;
    const copy = { ...request, redirects: [...request.redirects] };
    state.requests[i] = copy;
    return copy;
  }
  return undefined;
}

/** Folds one event into the state (mutating it). Pure with respect to everything else. */
export function applyTraceEvent(state: BrowserViewState, event: TraceEvent): void {
  state.cursor = event.seq + 1;
  state.now = Math.max(state.now, event.type === 'message' ? event.deliveredAt : event.ts);
  state.origin = state.origin === null ? event.ts : Math.min(state.origin, event.ts);
  switch (event.type) {
    case 'trace.begin':
      processFor(state, 'browser', 'browser').pid = event.browserPid;
      return;
    case 'thread.start':
      addThread(state, event.info);
      return;
    case 'trace.source': {
      const { type: _type, seq: _seq, ts: _ts, endpoint: _endpoint, ...source } = event;
      state.source = source;
      return;
    }
    case 'real.summary': {
      const { type: _type, seq: _seq, ts: _ts, endpoint: _endpoint, ...summary } = event;
      state.realSummary = summary;
      return;
    }
    case 'real.process': {
      const view = processFor(state, event.processId, event.kind);
      view.kind = event.kind;
      view.pid = event.pid;
      view.state = 'running';
      view.threads = event.threads.map((t) => ({
        id: `${event.processId}#${t.tid}`,
        name: t.name,
        state: 'running',
        restarts: 0,
      }));
      view.site = event.site;
      view.real = { name: event.name, serviceName: event.serviceName, labels: event.labels };
      return;
    }
    case 'thread.exit': {
      const thread = processFor(state, 'browser', 'browser').threads.find((t) => t.id === event.endpointId);
      if (thread) thread.state = 'crashed';
      return;
    }
    case 'process.launch': {
      const view = processFor(state, event.processId, 'renderer');
      view.site = event.spare ? null : event.site;
      view.role = event.spare ? 'spare' : null;
      view.state = 'launching';
      return;
    }
    case 'process.assigned': {
      const view = processFor(state, event.processId, 'renderer');
      view.site = event.site;
      if (event.how === 'speculative') view.role = 'speculative';
      else if (event.how === 'spare' || event.how === 'new') view.role = null;
      return;
    }
    case 'process.discarded': {
      const view = processFor(state, event.processId, 'renderer');
      view.detail = `discarded: ${event.reason}`;
      view.discarded = true;
      return;
    }
    case 'process.unresponsive':
      processFor(state, event.processId, 'renderer').unresponsive = true;
      return;
    case 'process.responsive':
      processFor(state, event.processId, 'renderer').unresponsive = false;
      return;
    case 'download.begin':
      state.downloads.push({
        id: event.downloadId,
        url: event.url,
        filename: event.filename,
        path: event.path,
        mimeType: event.mimeType,
        received: 0,
        total: event.totalBytes,
        state: 'in-progress',
        error: null,
      });
      return;
    case 'download.progress': {
      const download = state.downloads.find((d) => d.id === event.downloadId);
      if (download) download.received = event.receivedBytes;
      return;
    }
    case 'download.end': {
      const download = state.downloads.find((d) => d.id === event.downloadId);
      if (download) {
        download.received = event.receivedBytes;
        download.state = event.state;
        download.error = event.error;
      }
      return;
    }
    case 'process.spawn': {
      const view = processFor(state, event.processId, 'renderer');
      view.pid = event.pid;
      return;
    }
    case 'process.ready': {
      const view = processFor(state, event.processId, 'renderer');
      view.pid = event.pid;
      view.state = 'running';
      return;
    }
    case 'process.exit': {
      const view = processFor(state, event.processId, 'renderer');
      view.state = 'exited';
      view.detail = event.reason;
      return;
    }
    case 'process.crash': {
      const view = processFor(state, event.processId, 'renderer');
      // A process the browser discarded before it was ready is killed on purpose: it ended as asked.
      if (view.discarded && event.reason === 'killed') {
        view.state = 'exited';
        view.detail = `${view.detail ?? 'discarded'} (killed before it was ready)`;
        return;
      }
      view.state = 'crashed';
      view.detail = `${event.reason}${event.signal ? ` (${event.signal})` : ''}`;
      return;
    }
    case 'span.begin': {
      const owner = state.processes.find((p) => p.id === event.endpoint);
      state.spans.push({
        seq: event.seq,
        spanId: event.spanId,
        name: event.name,
        category: event.category,
        phase: event.phase,
        navigationId: event.navigationId,
        requestId: event.requestId,
        endpoint: event.endpoint,
        start: event.ts,
        end: null,
        status: 'open',
        error: null,
        args: event.args,
        background: owner !== undefined && owner.role === 'spare' && owner.site === null,
      });
      return;
    }
    case 'span.end': {
      for (let i = state.spans.length - 1; i >= 0; i--) {
        const span = state.spans[i]!;
        if (span.spanId !== event.spanId) continue;
        // Copied, not changed in place: checkpoints share the spans they had (see copyState).
        state.spans[i] = {
          ...span,
          end: event.ts,
          status: event.status,
          error: event.error,
          args: Object.keys(event.args).length > 0 ? { ...span.args, ...event.args } : span.args,
        };
        break;
      }
      return;
    }
    case 'message':
      state.messageCount++;
      state.lastMessageSeq = event.seq;
      return;
    case 'ipc.rejected':
      state.rejectedCount++;
      return;
    case 'error':
      state.errorCount++;
      return;
    case 'navigation.begin':
      if (event.frameTreeNodeId !== undefined) {
        const frame = findFrame(state, event.frameTreeNodeId);
        if (frame) frame.navigationId = event.navigationId;
      }
      // A subframe's own NavigationRequest is its frame's (FrameView.navigationId), not the tab's.
      if (event.isMainFrame === false) return;
      state.navigations.push({
        tabId: event.tabId ?? 1,
        navigationId: event.navigationId,
        url: event.url,
        input: event.input,
        start: event.ts,
        beginSeq: event.seq,
        outcome: null,
        netError: null,
      });
      return;
    case 'navigation.end': {
      const at = state.navigations.findIndex((n) => n.navigationId === event.navigationId);
      if (at !== -1)
        // Copied, not changed in place: checkpoints share the navigations they had.
        state.navigations[at] = {
          ...state.navigations[at]!,
          outcome: event.outcome,
          url: event.url,
          netError: event.netError ? `${event.netError.name}: ${event.netError.detail}` : null,
        };
      return;
    }
    case 'import.source':
      state.imported = {
        format: event.format,
        name: event.name,
        creator: event.creator,
        wallClock: event.wallClock,
        repaired: event.repaired,
        notes: event.notes,
      };
      return;
    case 'request.begin':
      state.requests.push({
        requestId: event.requestId,
        url: event.url,
        finalUrl: event.url,
        method: event.method,
        navigationId: event.navigationId,
        resourceType: event.resourceType,
        initiator: event.initiator,
        priority: event.priority,
        ownBehalf: event.ownBehalf,
        source: event.source,
        start: event.ts,
        end: null,
        redirects: [],
        status: null,
        statusText: '',
        netError: null,
        fromCache: null,
        protocol: null,
        tls: null,
        remote: null,
        connectionId: null,
        reused: null,
        encodedBodyBytes: null,
        decodedBodyBytes: null,
      });
      return;
    case 'request.redirect': {
      const request = findRequest(state, event.requestId);
      if (request) {
        request.redirects.push({ from: event.from, to: event.to, status: event.status, reason: event.reason });
        request.finalUrl = event.to;
      }
      return;
    }
    case 'request.end': {
      const request = findRequest(state, event.requestId);
      if (request) {
        request.end = event.ts;
        request.finalUrl = event.url;
        request.status = event.status;
        request.statusText = event.statusText;
        request.netError = event.netError
          ? `${event.netError.name}${event.netError.detail ? `: ${event.netError.detail}` : ''}`
          : null;
        request.fromCache = event.fromCache;
        request.protocol = event.protocol;
        request.tls = event.tls;
        request.remote = event.remote;
        request.connectionId = event.connectionId;
        request.reused = event.reused;
        request.encodedBodyBytes = event.encodedBodyBytes;
        request.decodedBodyBytes = event.decodedBodyBytes;
      }
      return;
    }
    case 'dns.query': {
      const s = event.server;
      remember(
        serverFor(state, 'dns', s.address, s.port, { name: s.name, role: s.role, zone: s.zone }).hosts,
        `${event.question.name} ${event.question.type}`,
      );
      return;
    }
    case 'http.request': {
      // A URL that does not parse (a damaged trace) names the server by its address.
      const host = URL.canParse(event.url) ? new URL(event.url).hostname : event.remote;
      const colon = event.remote.lastIndexOf(':');
      const server = serverFor(state, 'web', event.remote.slice(0, colon), Number(event.remote.slice(colon + 1)), {
        name: host,
        role: 'web',
        zone: '',
      });
      remember(server.hosts, host);
      server.name = host;
      return;
    }
    case 'tab.created': {
      const tab = tabFor(state, event.tabId);
      tab.mainFrameTreeNodeId = event.mainFrameTreeNodeId;
      tab.closed = false;
      return;
    }
    case 'tab.activated':
      state.activeTabId = event.tabId;
      state.tab = tabFor(state, event.tabId);
      return;
    case 'tab.closed':
      tabFor(state, event.tabId).closed = true;
      return;
    case 'frame.created':
      state.frames.push({
        frameTreeNodeId: event.frameTreeNodeId,
        parentId: event.parentId,
        tabId: event.tabId,
        frameToken: event.frameToken,
        name: event.name,
        url: event.url,
        site: event.site,
        processId: event.processId,
        depth: event.depth,
        loaded: false,
        removed: false,
        navigationId: null,
      });
      return;
    case 'frame.committed': {
      const frame = findFrame(state, event.frameTreeNodeId);
      if (!frame) return;
      frame.frameToken = event.frameToken;
      frame.url = event.url;
      frame.site = event.site;
      frame.processId = event.processId;
      frame.navigationId = event.navigationId;
      frame.loaded = false;
      return;
    }
    case 'frame.loaded': {
      const frame = findFrame(state, event.frameTreeNodeId);
      if (frame) frame.loaded = true;
      return;
    }
    case 'frame.removed': {
      const frame = findFrame(state, event.frameTreeNodeId);
      if (frame) frame.removed = true;
      state.proxies = state.proxies.filter((p) => p.frameTreeNodeId !== event.frameTreeNodeId);
      return;
    }
    case 'proxy.created':
      state.proxies.push({
        frameTreeNodeId: event.frameTreeNodeId,
        tabId: event.tabId,
        processId: event.processId,
        proxyToken: event.proxyToken,
      });
      return;
    case 'proxy.removed':
      state.proxies = state.proxies.filter(
        (p) => !(p.frameTreeNodeId === event.frameTreeNodeId && p.processId === event.processId),
      );
      return;
    case 'state': {
      // Each field carries its own kind of value (checked on arrival: traceEventCheck).
      const tab = event.tabId === undefined ? state.tab : tabFor(state, event.tabId);
      switch (event.field) {
        case 'loading':
          tab.loading = event.value;
          return;
        case 'url':
          tab.url = event.value;
          return;
        case 'title':
          tab.title = event.value;
          return;
        case 'security':
          tab.security = event.value;
          return;
        case 'crashed':
          tab.crashed = event.value;
          return;
        case 'interstitial':
          tab.interstitial = event.value && { ...event.value };
          return;
        case 'loadError':
          tab.loadError = event.value && { ...event.value };
          return;
        case 'history':
          tab.history = { entries: event.value.entries.map((e) => ({ ...e })), index: event.value.index };
          return;
      }
      return;
    }
    default:
      return;
  }
}

/** The state after the first `count` events. */
export function foldTrace(events: readonly TraceEvent[], count = events.length): BrowserViewState {
  const state = emptyViewState();
  const end = Math.min(count, events.length);
  for (let i = 0; i < end; i++) applyTraceEvent(state, events[i]!);
  return state;
}

function copyTab(tab: TabView): TabView {
  return {
    ...tab,
    interstitial: tab.interstitial ? { ...tab.interstitial } : null,
    loadError: tab.loadError ? { ...tab.loadError } : null,
    history: { entries: tab.history.entries.map((e) => ({ ...e })), index: tab.history.index },
  };
}

function copyState(state: BrowserViewState): BrowserViewState {
  const tabs = state.tabs.map(copyTab);
  return {
    ...state,
    tabs,
    tab: tabs[state.tabs.indexOf(state.tab)] ?? copyTab(state.tab),
    frames: state.frames.map((f) => ({ ...f })),
    proxies: state.proxies.map((p) => ({ ...p })),
    processes: state.processes.map((p) => ({ ...p, threads: p.threads.map((t) => ({ ...t })) })),
    downloads: state.downloads.map((d) => ({ ...d })),
    servers: state.servers.map((s) => ({ ...s, hosts: [...s.hosts] })),
    // The long lists are shared item by item: a fold copies an item before it changes it (span.end,
    // navigation.end, request.*), so copying a state (a checkpoint, a step) costs a list of pointers.
    spans: state.spans.slice(),
    navigations: state.navigations.slice(),
    requests: state.requests.slice(),
  };
}

/**
 * Random access to the folded state of a growing trace: keeps a copy of the state
 * every `stride` events, so reaching any cursor folds at most `stride` events.
 */
export class TraceTimeline {
  private readonly checkpoints: BrowserViewState[] = [emptyViewState()];
  private events: readonly TraceEvent[] = [];

  constructor(private readonly stride = 256) {}

  /** Forgets every checkpoint: the list was replaced (a trace opened, or back to live). */
  reset(): void {
    this.checkpoints.length = 1;
    this.events = [];
  }

  /**
   * Points the timeline at the (grown) event list; existing events must not change.
   * Checkpoints are made when a cursor past them is first asked for, so opening a
   * long trace costs nothing until it is stepped through.
   */
  update(events: readonly TraceEvent[]): void {
    if (
      events.length < this.events.length ||
      (events.length > 0 && this.events.length > 0 && events[0] !== this.events[0])
    ) {
      this.checkpoints.length = 1;
    }
    this.events = events;
  }

  private checkpointsUpTo(target: number): void {
    let last = this.checkpoints[this.checkpoints.length - 1]!;
    while (last.cursor + this.stride <= target) {
      const next = copyState(last);
      for (let i = last.cursor; i < last.cursor + this.stride; i++) applyTraceEvent(next, this.events[i]!);
      this.checkpoints.push(next);
      last = next;
    }
  }

  stateAt(cursor: number): BrowserViewState {
    const target = Math.max(0, Math.min(cursor, this.events.length));
    this.checkpointsUpTo(target);
    const index = Math.min(Math.floor(target / this.stride), this.checkpoints.length - 1);
    const state = copyState(this.checkpoints[index]!);
    for (let i = state.cursor; i < target; i++) applyTraceEvent(state, this.events[i]!);
    return state;
  }
}
