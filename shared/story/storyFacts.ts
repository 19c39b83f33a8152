/**
 * The facts of one navigation, read from its trace: what the student's story is told
 * from. Every number here is taken from a recorded event (times in µs on the trace's
 * clock, made relative to the moment the input was handled); nothing is estimated.
 *
 * A navigation's events run from its "Handle input" phase to the next navigation's.
 */
import { type MessageName, messageKey } from '../ipc/messageCatalogue.js';
import { PHASES, type PhaseId } from '../trace/phases.js';
import type { DnsServerRef, JsonValue, TraceEvent, TraceEventOf } from '../trace/traceEvent.js';

type Message = TraceEventOf<'message'>;

/** Where a chapter is in the trace: its phase's first and last event, and its first message. */
export interface PhaseExtent {
  phase: PhaseId;
  /** Sequence number of the phase's span.begin. */
  beginSeq: number;
  /** Sequence number of the phase's span.end (null while it is still open). */
  endSeq: number | null;
  /** The first message delivered inside the phase (what the window links to). */
  firstMessageSeq: number | null;
  startMicros: number;
  durationMicros: number | null;
  status: 'open' | 'ok' | 'error' | 'cancelled';
  error: string | null;
}

export interface DnsHop {
  server: DnsServerRef;
  rcode: string;
  /** What it answered: addresses, a referral ("com NS a.gtld-servers.net"), or nothing. */
  answer: string | null;
  referral: string | null;
}

export interface DnsFacts {
  host: string;
  cache: 'hit' | 'miss' | 'expired' | null;
  source: TraceEventOf<'dns.result'>['source'] | null;
  addresses: string[];
  hops: DnsHop[];
  micros: number | null;
  error: string | null;
}

export interface StoryFacts {
  navigationId: string;
  /** What was typed (or the URL asked for). */
  input: string;
  /** The moment the input was handled (µs): every time in the story is measured from here. */
  originMicros: number;
  /** The navigation's events: [firstSeq, lastSeq]. */
  firstSeq: number;
  lastSeq: number;
  mode: 'lab' | 'live' | null;
  wallClock: string | null;
  phases: Partial<Record<PhaseId, PhaseExtent>>;
  omnibox: TraceEventOf<'omnibox.classified'> | null;
  parsed: TraceEventOf<'url.parsed'> | null;
  start: {
    url: string;
    transition: string;
    beforeUnloadAsked: string | null;
    speculative: { processId: string; site: string } | null;
  } | null;
  hsts: TraceEventOf<'hsts.upgrade'> | null;
  httpsUpgrade: TraceEventOf<'https.upgrade'> | null;
  /** Redirects the server sent (internal 307s are the HSTS and HTTPS upgrades). */
  redirects: { status: number; from: string; to: string }[];
  /** The lookup for the host that answered (the last one of the main request). */
  dns: DnsFacts | null;
  dnsLookups: number;
  tcp: { remote: string; micros: number | null; reused: boolean; error: string | null } | null;
  tls: { protocol: string; cipher: string; alpn: string; micros: number | null; error: string | null } | null;
  http: {
    url: string;
    requestLine: string;
    statusLine: string;
    status: number;
    headerBytes: number;
    waitMicros: number | null;
    fromCache: string | null;
  } | null;
  response: {
    status: number | null;
    suppliedType: string | null;
    sniff: TraceEventOf<'mime.sniffed'> | null;
    safeBrowsing: TraceEventOf<'safebrowsing.check'> | null;
    decision: TraceEventOf<'navigation.decision'> | null;
    corbNote: string | null;
  };
  download: { filename: string; bytes: number; state: string; error: string | null } | null;
  interstitial: { kind: string; error: string; detail: string } | null;
  renderer: {
    processId: string;
    pid: number | null;
    site: string;
    how: TraceEventOf<'process.assigned'>['how'];
    reason: string;
    /** µs from the request to "ready" when a process was started for it. */
    launchMicros: number | null;
  } | null;
  commit: {
    message: MessageName;
    processId: string;
    url: string;
    /** When the renderer's acknowledgement (the reply to CommitNavigation) reached the browser. */
    ackMicros: number | null;
    security: string | null;
  } | null;
  load: {
    nodeCount: number | null;
    subresources: { url: string; destination: string }[];
    firstPaintMicros: number | null;
    domContentLoadedMicros: number | null;
    loadMicros: number | null;
    stopMicros: number | null;
    title: string | null;
    orbBlocked: number;
    failed: string | null;
  } | null;
  outcome: TraceEventOf<'navigation.end'>['outcome'] | null;
  netError: { name: string; detail: string } | null;
  finalUrl: string | null;
  /** The main request's network steps (DevTools' names), in order. */
  netSteps: { name: string; startMicros: number; durationMicros: number; error: boolean }[];
  /** Every process the navigation's messages went through, with its real pid. */
  processes: { id: string; pid: number | null; label: string }[];
  messageCount: number;
}

const COMMIT: MessageName = 'NavigationClient.CommitNavigation';
const COMMIT_FAILED: MessageName = 'NavigationClient.CommitFailedNavigation';
const COMMIT_ACK: MessageName = 'NavigationClient.CommitNavigation:reply';
const COMMIT_FAILED_ACK: MessageName = 'NavigationClient.CommitFailedNavigation:reply';
const DOM_CONTENT_LOADED: MessageName = 'LocalFrameHost.DidDispatchDOMContentLoadedEvent';
const LOAD: MessageName = 'LocalFrameHost.DocumentOnLoadCompleted';
const STOP: MessageName = 'FrameHost.DidStopLoading';
const BEFORE_UNLOAD: MessageName = 'LocalFrame.BeforeUnload';
const REDIRECT: MessageName = 'URLLoaderClient.OnReceiveRedirect';
const LOAD_FAILED: MessageName = 'LocalFrameHost.DidFailLoadWithError';

/** Where each navigation's events begin: its "Handle input" phase (or its navigation.begin). */
export function navigationStarts(events: readonly TraceEvent[]): { navigationId: string; seq: number }[] {
  const starts: { navigationId: string; seq: number }[] = [];
  for (const e of events) {
    if (e.type === 'span.begin' && e.phase === 'handle-input' && e.navigationId)
      starts.push({ navigationId: e.navigationId, seq: e.seq });
    else if (
      e.type === 'navigation.begin' &&
      e.isMainFrame !== false &&
      !starts.some((s) => s.navigationId === e.navigationId)
    )
      starts.push({ navigationId: e.navigationId, seq: e.seq });
  }
  return starts;
}

function text(value: JsonValue | undefined): string | null {
  return typeof value === 'string' ? value : null;
}

function num(value: JsonValue | undefined): number | null {
  return typeof value === 'number' && Number.isFinite(value) ? value : null;
}

function field(value: JsonValue, key: string): JsonValue | undefined {
  return value && typeof value === 'object' && !Array.isArray(value) ? value[key] : undefined;
}

function isMessage(e: TraceEvent, name: MessageName): e is Message {
  return e.type === 'message' && messageKey(e) === name;
}

/**
 * The facts of one navigation (by id; the last one in the trace when none is named), or
 * null when the trace holds no navigation.
 */
export function collectStoryFacts(events: readonly TraceEvent[], navigationId?: string): StoryFacts | null {
  const starts = navigationStarts(events);
  const index = navigationId ? starts.findIndex((s) => s.navigationId === navigationId) : starts.length - 1;
  const start = starts[index];
  if (!start) return null;
  const id = start.navigationId;
  const from = events.findIndex((e) => e.seq === start.seq);
  const nextSeq = starts[index + 1]?.seq ?? Number.POSITIVE_INFINITY;
  const range = events.slice(from).filter((e) => e.seq < nextSeq);
  const origin = range[0]?.ts ?? 0;
  const rel = (ts: number): number => ts - origin;
  const traceBegin = events.find((e): e is TraceEventOf<'trace.begin'> => e.type === 'trace.begin') ?? null;
  const requestId = `browser/${id}`;

  const facts: StoryFacts = {
    navigationId: id,
    input: '',
    originMicros: origin,
    firstSeq: range[0]?.seq ?? start.seq,
    lastSeq: range[range.length - 1]?.seq ?? start.seq,
    mode: traceBegin?.mode ?? null,
    wallClock: traceBegin?.wallClock ?? null,
    phases: {},
    omnibox: null,
    parsed: null,
    start: null,
    hsts: null,
    httpsUpgrade: null,
    redirects: [],
    dns: null,
    dnsLookups: 0,
    tcp: null,
    tls: null,
    http: null,
    response: { status: null, suppliedType: null, sniff: null, safeBrowsing: null, decision: null, corbNote: null },
    download: null,
    interstitial: null,
    renderer: null,
    commit: null,
    load: null,
    outcome: null,
    netError: null,
    finalUrl: null,
    netSteps: [],
    processes: [],
    messageCount: 0,
  };

  const phaseSpans = new Map<string, PhaseExtent>();
  const netSpans = new Map<string, { name: string; start: number; remote: string | null }>();
  const dnsQueries = new Map<string, DnsServerRef>();
  let dns: DnsFacts | null = null;
  /** The main request's DNS lookup is open: the cache and result events in it are its own. */
  let dnsOpen = false;
  let launchStart: number | null = null;
  const processes = new Map<string, { id: string; pid: number | null; label: string }>();
  const note = (endpoint: string, pid: number | null) => {
    const known = processes.get(endpoint);
    if (known) {
      known.pid ??= pid;
      return;
    }
    processes.set(endpoint, { id: endpoint, pid, label: endpoint });
  };

  for (const e of range) {
    switch (e.type) {
      case 'span.begin':
        if (e.category === 'phase' && e.phase && e.navigationId === id && !facts.phases[e.phase]) {
          const extent: PhaseExtent = {
            phase: e.phase,
            beginSeq: e.seq,
            endSeq: null,
            firstMessageSeq: null,
            startMicros: rel(e.ts),
            durationMicros: null,
            status: 'open',
            error: null,
          };
          facts.phases[e.phase] = extent;
          phaseSpans.set(e.spanId, extent);
          if (e.phase === 'start-navigation')
            facts.start = {
              url: text(e.args.url) ?? '',
              transition: text(e.args.transition) ?? '',
              beforeUnloadAsked: null,
              speculative: null,
            };
        } else if (e.category === 'net' && e.requestId === requestId) {
          netSpans.set(e.spanId, { name: e.name, start: e.ts, remote: text(e.args.remote) });
          if (e.name === 'DNS Lookup') {
            facts.dnsLookups++;
            dns = {
              host: text(e.args.host) ?? '',
              cache: null,
              source: null,
              addresses: [],
              hops: [],
              micros: null,
              error: null,
            };
            facts.dns = dns;
            dnsOpen = true;
          }
        }
        break;
      case 'span.end': {
        const phase = phaseSpans.get(e.spanId);
        if (phase) {
          phase.endSeq = e.seq;
          phase.durationMicros = rel(e.ts) - phase.startMicros;
          phase.status = e.status;
          phase.error = e.error;
          if (phase.phase === 'read-response') facts.response.corbNote = text(e.args.note);
          break;
        }
        const net = netSpans.get(e.spanId);
        if (!net) break;
        const micros = e.ts - net.start;
        const error = e.status === 'error' ? e.error : null;
        facts.netSteps.push({
          name: net.name,
          startMicros: rel(net.start),
          durationMicros: micros,
          error: error !== null,
        });
        if (net.name === 'DNS Lookup' && dns) {
          dnsOpen = false;
          dns.micros = micros;
          dns.error = error;
        } else if (net.name === 'Initial connection') {
          facts.tcp = {
            remote: net.remote ?? '',
            micros: num(e.args.connectMicros) ?? micros,
            reused: false,
            error,
          };
        } else if (net.name === 'SSL') {
          facts.tls = {
            protocol: text(e.args.protocol) ?? '',
            cipher: text(e.args.cipher) ?? '',
            alpn: text(e.args.alpn) ?? '',
            micros,
            error,
          };
        } else if (net.name === 'Waiting for server response' && facts.http) {
          facts.http.waitMicros = micros;
        }
        break;
      }
      case 'omnibox.classified':
        facts.omnibox ??= e;
        facts.input ||= e.text;
        break;
      case 'url.parsed':
        facts.parsed ??= e;
        break;
      case 'navigation.begin':
        if (e.navigationId === id) facts.input = e.input || facts.input || e.url;
        break;
      case 'hsts.upgrade':
        if (e.requestId === requestId) facts.hsts ??= e;
        break;
      case 'https.upgrade':
        if (e.requestId === requestId) facts.httpsUpgrade ??= e;
        break;
      case 'dns.cache':
        if (dns && dnsOpen && e.host === dns.host) dns.cache = e.outcome;
        break;
      case 'dns.query':
        if (dns && e.queryId.startsWith(`${requestId}.`)) dnsQueries.set(e.queryId, e.server);
        break;
      case 'dns.response': {
        if (!dns || !dnsQueries.has(e.queryId)) break;
        const answers = e.answers.filter((r) => r.type === 'A' || r.type === 'AAAA' || r.type === 'CNAME');
        const referral = e.authorities.find((r) => r.type === 'NS');
        dns.hops.push({
          server: e.server,
          rcode: e.rcode,
          answer: answers.length > 0 ? answers.map((r) => r.data).join(', ') : null,
          referral: referral && answers.length === 0 ? `${referral.name} NS ${referral.data}` : null,
        });
        break;
      }
      case 'dns.result':
        if (dns && dnsOpen && e.host === dns.host) {
          dns.source = e.source;
          dns.addresses = e.addresses;
        }
        break;
      case 'http.request':
        if (e.requestId !== requestId) break;
        facts.tcp = {
          remote: e.remote,
          micros: e.reused ? null : (facts.tcp?.micros ?? null),
          reused: e.reused,
          error: null,
        };
        if (e.reused) facts.tls = null;
        facts.http = {
          url: e.url,
          requestLine: e.raw.split('\r\n')[0] ?? '',
          statusLine: '',
          status: 0,
          headerBytes: 0,
          waitMicros: null,
          fromCache: null,
        };
        break;
      case 'http.response':
        if (e.requestId !== requestId || !facts.http) break;
        facts.http.statusLine = e.statusLine;
        facts.http.status = Number(/^\S+\s+(\d{3})/.exec(e.statusLine)?.[1] ?? 0);
        facts.http.headerBytes = e.headerBytes;
        break;
      case 'cache.lookup':
        if (e.requestId === requestId && facts.http && (e.outcome === 'fresh' || e.outcome === 'revalidated'))
          facts.http.fromCache = e.outcome;
        break;
      case 'mime.sniffed':
        if (e.navigationId === id) {
          facts.response.sniff = e;
          facts.response.suppliedType = e.supplied;
        }
        break;
      case 'safebrowsing.check':
        if (e.navigationId === id) facts.response.safeBrowsing = e;
        break;
      case 'navigation.decision':
        if (e.navigationId === id) facts.response.decision = e;
        break;
      case 'download.begin':
        facts.download = { filename: e.filename, bytes: e.totalBytes, state: 'in-progress', error: null };
        break;
      case 'download.end':
        if (facts.download) {
          facts.download.state = e.state;
          facts.download.bytes = e.receivedBytes;
          facts.download.error = e.error;
        }
        break;
      case 'process.launch':
        if (!e.spare && facts.phases['find-renderer'] && !facts.renderer) launchStart = e.ts;
        if (!e.spare && facts.phases['start-navigation'] && !facts.phases['find-renderer'] && facts.start)
          facts.start.speculative = { processId: e.processId, site: e.site };
        break;
      case 'process.assigned':
        if (facts.phases['find-renderer'] && !facts.phases.commit)
          facts.renderer = {
            processId: e.processId,
            pid: e.pid,
            site: e.site,
            how: e.how,
            reason: e.reason,
            launchMicros: null,
          };
        break;
      case 'process.spawn':
      case 'process.ready':
        if (facts.renderer?.processId === e.processId) {
          facts.renderer.pid = e.pid;
          if (e.type === 'process.ready' && launchStart !== null) facts.renderer.launchMicros = e.ts - launchStart;
        }
        break;
      case 'state':
        if (e.field === 'interstitial' && e.value && typeof e.value === 'object' && !Array.isArray(e.value))
          facts.interstitial = {
            kind: text(e.value.kind) ?? '',
            error: text(e.value.error) ?? '',
            detail: text(e.value.detail) ?? '',
          };
        if (e.field === 'security' && facts.commit && facts.commit.security === null)
          facts.commit.security = text(e.value);
        if (
          e.field === 'title' &&
          facts.load &&
          e.cause !== 'CommitNavigation reply' &&
          e.cause !== 'DidCommitProvisionalLoad'
        )
          facts.load.title = text(e.value);
        break;
      case 'navigation.end':
        if (e.navigationId !== id) break;
        facts.outcome = e.outcome;
        facts.finalUrl = e.url;
        facts.netError = e.netError ? { name: e.netError.name, detail: e.netError.detail } : null;
        break;
      case 'renderer.document':
        if (facts.load) {
          facts.load.nodeCount = e.nodeCount;
          facts.load.subresources = e.subresources.map((s) => ({ url: s.url, destination: s.destination }));
        }
        break;
      case 'renderer.render':
        if (facts.load && e.stage === 'first-paint') facts.load.firstPaintMicros ??= rel(e.ts);
        break;
      case 'corb.decision':
        if (facts.load && e.decision === 'block') facts.load.orbBlocked++;
        break;
      case 'message':
        noteMessage(e);
        break;
      default:
        break;
    }
  }

  function noteMessage(e: Message): void {
    facts.messageCount++;
    note(e.from, e.fromPid);
    note(e.to, e.toPid);
    for (const extent of Object.values(facts.phases)) {
      if (
        extent.firstMessageSeq === null &&
        e.seq > extent.beginSeq &&
        (extent.endSeq === null || e.seq < extent.endSeq)
      )
        extent.firstMessageSeq = e.seq;
    }
    const at = rel(e.deliveredAt);
    if (isMessage(e, BEFORE_UNLOAD) && facts.start) facts.start.beforeUnloadAsked = e.to;
    if (isMessage(e, REDIRECT)) {
      const status = num(field(field(e.payload, 'redirect') ?? null, 'status'));
      const to = text(field(field(e.payload, 'redirect') ?? null, 'newUrl'));
      const internal = text(field(field(e.payload, 'head') ?? null, 'statusText')) === 'Internal Redirect';
      if (status !== null && to && !internal) facts.redirects.push({ status, from: facts.http?.url ?? '', to });
    }
    if (isMessage(e, COMMIT) || isMessage(e, COMMIT_FAILED)) {
      facts.commit = {
        message: e.name as MessageName,
        processId: e.to,
        url: text(field(field(e.payload, 'commonParams') ?? null, 'url')) ?? text(field(e.payload, 'url')) ?? '',
        ackMicros: null,
        security: null,
      };
    }
    if ((isMessage(e, COMMIT_ACK) || isMessage(e, COMMIT_FAILED_ACK)) && facts.commit) {
      facts.commit.ackMicros = at;
      facts.load = {
        nodeCount: null,
        subresources: [],
        firstPaintMicros: null,
        domContentLoadedMicros: null,
        loadMicros: null,
        stopMicros: null,
        title: null,
        orbBlocked: 0,
        failed: null,
      };
    }
    if (facts.load) {
      if (isMessage(e, DOM_CONTENT_LOADED)) facts.load.domContentLoadedMicros ??= at;
      if (isMessage(e, LOAD)) facts.load.loadMicros ??= at;
      if (isMessage(e, STOP)) facts.load.stopMicros ??= at;
      if (isMessage(e, LOAD_FAILED)) facts.load.failed = text(field(e.payload, 'errorName')) ?? 'failed';
    }
  }

  const network = facts.phases.network;
  if (network && facts.http) facts.response.status = facts.http.status;
  if (facts.response.status === null) {
    const read = range.find(
      (e): e is TraceEventOf<'span.begin'> => e.type === 'span.begin' && e.phase === 'read-response',
    );
    facts.response.status = read ? num(read.args.status) : null;
  }
  facts.processes = [...processes.values()].sort((a, b) => order(a.id) - order(b.id));
  facts.input ||= facts.start?.url ?? '';
  return facts;
}

function order(id: string): number {
  if (id === 'browser') return 0;
  if (id === 'network') return 1;
  const n = /^renderer:(\d+)$/.exec(id);
  return n ? 10 + Number(n[1]) : 1000;
}

/** The phases in journey order, with what the trace recorded for each (null: it did not happen). */
export function phaseExtents(facts: StoryFacts): { phase: PhaseId; extent: PhaseExtent | null }[] {
  return PHASES.map((p) => ({ phase: p.id, extent: facts.phases[p.id] ?? null }));
}
