/**
 * The trace: one ordered list of events, the single source of truth for everything
 * NavScope shows. Each event has a sequence number (its place in the list), a
 * timestamp on the shared monotonic clock (µs) and the endpoint that recorded it.
 *
 * Views are pure functions of a prefix of this list.
 */
import type { EndpointId, EndpointInfo } from '../ipc/endpoints.js';
import type { PhaseId } from './phases.js';
import type { RenderSnapshot, ScriptTiming } from './renderSnapshot.js';

export type SpanCategory = 'phase' | 'net' | 'renderer' | 'browser';
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

export interface DnsServerRef {
  address: string;
  port: number;
  /** The name server's host name (a.root-servers.net, …) when known. */
  name: string;
  /** The zone this server answers for ("." for the root). */
  zone: string;
  role: 'root' | 'tld' | 'authoritative' | 'resolver';
}

export interface DnsRecordSummary {
  name: string;
  type: string;
  ttl: number;
  data: string;
}

/** How step mode lets held messages go: only on a step, until the next phase begins, or one every interval. */
export type StepPace = 'paused' | 'next-phase' | 'playing';

export type StateField =
  'loading' | 'url' | 'security' | 'title' | 'history' | 'crashed' | 'interstitial' | 'loadError';

export type TraceEventBody =
  | { type: 'trace.begin'; mode: 'lab' | 'live'; browserPid: number; wallClock: string; platform: string }
  | { type: 'thread.start'; info: EndpointInfo }
  /** A thread ended without being asked to (the network thread crashed); `restarting`: a new one is being started. */
  | { type: 'thread.exit'; endpointId: string; threadName: string; code: number; reason: string; restarting: boolean }
  | { type: 'process.launch'; processId: EndpointId; site: string; serviceName: string; spare: boolean }
  | { type: 'process.spawn'; processId: EndpointId; pid: number; site: string; serviceName: string }
  | { type: 'process.ready'; processId: EndpointId; pid: number }
  | {
      type: 'process.exit';
      processId: EndpointId;
      pid: number;
      code: number | null;
      signal: string | null;
      reason: string;
    }
  | {
      type: 'process.crash';
      processId: EndpointId;
      pid: number;
      code: number | null;
      signal: string | null;
      reason: 'killed' | 'crashed' | 'launch-failed';
    }
  | {
      type: 'span.begin';
      spanId: string;
      name: string;
      category: SpanCategory;
      phase: PhaseId | null;
      parentId: string | null;
      navigationId: string | null;
      requestId: string | null;
      args: Record<string, JsonValue>;
    }
  | {
      type: 'span.end';
      spanId: string;
      status: 'ok' | 'error' | 'cancelled';
      error: string | null;
      args: Record<string, JsonValue>;
    }
  | {
      type: 'message';
      flowId: string;
      name: string;
      from: EndpointId;
      to: EndpointId;
      /** Real pid and thread name of both ends (filled in by the recorder from its endpoint table). */
      fromPid: number | null;
      fromThread: string | null;
      toPid: number | null;
      toThread: string | null;
      route: string | null;
      sentAt: number;
      deliveredAt: number;
      /** One line for the sequence view. */
      summary: string;
      /** The payload with bytes and long strings abbreviated (bounded). */
      payload: JsonValue;
    }
  | { type: 'ipc.rejected'; receiver: EndpointId; from: string | null; name: string | null; reason: string }
  | { type: 'navigation.begin'; navigationId: string; url: string; transition: string; input: string }
  | {
      type: 'navigation.end';
      navigationId: string;
      url: string;
      outcome: 'committed' | 'failed' | 'renderer-crashed' | 'no-commit';
      netError: { code: number; name: string; detail: string } | null;
    }
  | {
      type: 'omnibox.classified';
      text: string;
      inputType: 'EMPTY' | 'UNKNOWN' | 'URL' | 'QUERY';
      url: string | null;
      reason: string;
      didYouMean: string | null;
    }
  | {
      type: 'url.parsed';
      url: string;
      scheme: string;
      host: string;
      /** The host as typed, for IDN (punycode in `host`). */
      hostUnicode: string;
      isIdn: boolean;
      port: number | null;
      effectivePort: number | null;
      path: string;
      query: string;
      fragment: string;
    }
  | { type: 'dns.cache'; host: string; outcome: 'hit' | 'miss' | 'expired'; addresses: string[] }
  | {
      type: 'dns.query';
      queryId: string;
      host: string;
      server: DnsServerRef;
      question: { name: string; type: string };
      transactionId: number;
      size: number;
      attempt: number;
    }
  | {
      type: 'dns.response';
      queryId: string;
      server: DnsServerRef;
      rcode: string;
      authoritative: boolean;
      truncated: boolean;
      answers: DnsRecordSummary[];
      authorities: DnsRecordSummary[];
      additionals: DnsRecordSummary[];
      size: number;
    }
  | { type: 'dns.timeout'; queryId: string; server: DnsServerRef; attempt: number; waitedMs: number }
  /** A datagram the resolver received while waiting and did not accept as the answer (undecodable, unknown transaction id, another question, another sender). */
  | { type: 'dns.ignored'; queryId: string; server: DnsServerRef; from: string; size: number; reason: string }
  | {
      type: 'dns.result';
      host: string;
      addresses: string[];
      source: 'cache' | 'recursive' | 'os' | 'literal';
      /** Seconds; -1 when unknown (an imported file that does not say). */
      ttl: number;
    }
  | {
      type: 'http.request';
      requestId: string;
      url: string;
      raw: string;
      /** The socket pool's id of the connection; -1 when unknown (an imported file that does not say). */
      connectionId: number;
      reused: boolean;
      remote: string;
    }
  | { type: 'http.response'; requestId: string; statusLine: string; rawHeaders: string; headerBytes: number }
  | { type: 'state'; field: StateField; value: JsonValue; cause: string }
  | {
      type: 'hsts.upgrade';
      requestId: string;
      from: string;
      to: string;
      matchedHost: string;
      source: 'preload' | 'learned';
      includeSubdomains: boolean;
    }
  | { type: 'hsts.learned'; host: string; header: string; maxAge: number; includeSubdomains: boolean; removed: boolean }
  | {
      type: 'https.upgrade';
      requestId: string;
      from: string;
      to: string;
      outcome: 'upgraded' | 'fallback';
      reason: string;
    }
  | {
      type: 'cookie.stored';
      requestId: string;
      url: string;
      cookies: { header: string; stored: boolean; reason: string | null; name: string | null }[];
    }
  | { type: 'cookie.sent'; requestId: string; url: string; names: string[] }
  | {
      type: 'cache.lookup';
      requestId: string;
      url: string;
      outcome: 'miss' | 'fresh' | 'stale' | 'revalidated' | 'stored' | 'not-stored';
      reason: string;
    }
  | {
      type: 'mime.sniffed';
      navigationId: string;
      url: string;
      supplied: string | null;
      noSniff: boolean;
      computed: string;
      rule: string;
      matchedSignature: string | null;
      /** The first bytes the decision looked at (at most 1445), as hex and as printable text. */
      firstBytesHex: string;
      firstBytesText: string;
      byteCount: number;
    }
  | {
      type: 'safebrowsing.check';
      navigationId: string;
      url: string;
      verdict: 'safe' | 'unsafe';
      threatType: string | null;
      expressions: {
        expression: string;
        hash: string;
        prefix: string;
        prefixMatch: boolean;
        fullHashMatch: boolean;
        list: string | null;
      }[];
      bypassed: boolean;
    }
  | {
      type: 'navigation.decision';
      navigationId: string;
      url: string;
      decision: 'render' | 'download' | 'no-commit' | 'error-page' | 'blocked';
      reason: string;
    }
  | {
      type: 'download.begin';
      downloadId: string;
      url: string;
      filename: string;
      path: string;
      mimeType: string;
      totalBytes: number;
    }
  | { type: 'download.progress'; downloadId: string; receivedBytes: number; totalBytes: number }
  | {
      type: 'download.end';
      downloadId: string;
      state: 'complete' | 'interrupted';
      receivedBytes: number;
      path: string;
      error: string | null;
    }
  | {
      type: 'process.assigned';
      processId: string;
      pid: number | null;
      site: string;
      how: 'spare' | 'speculative' | 'new' | 'reused';
      reason: string;
    }
  | { type: 'process.discarded'; processId: string; site: string; reason: string }
  | { type: 'process.unresponsive'; processId: string; pid: number | null; waitingFor: string; waitedMs: number }
  | { type: 'process.responsive'; processId: string; pid: number | null }
  | {
      type: 'renderer.document';
      url: string;
      title: string;
      nodeCount: number;
      elementCount: number;
      subresources: { url: string; destination: string; tag: string }[];
      outline: string[];
    }
  | {
      /** The preload scanner found a resource ahead of the parser and started its fetch. */
      type: 'renderer.preload';
      url: string;
      destination: string;
      tag: string;
      /** The script the parser was waiting for when the scanner looked ahead, if any. */
      parserBlockedOn: string | null;
    }
  | {
      /** One script's life: found, fetched, run (page JavaScript is never actually executed). */
      type: 'renderer.script';
      url: string | null;
      timing: ScriptTiming;
      /** Position in execution order (1 = first); 0 when it did not run. */
      order: number;
      ran: boolean;
      /** Why it did not run: a failed fetch, CORB/ORB, a nosniff MIME mismatch. */
      blockedReason: string | null;
      mimeType: string;
      discoveredTs: number;
      fetchEndTs: number;
      ranTs: number;
      /** How long the HTML parser stood still because of this script (µs). */
      parserBlockedMicros: number;
    }
  | ({
      /** Style, layout and paint of the document: at first paint and once the page has loaded. */
      type: 'renderer.render';
      stage: 'first-paint' | 'final';
      url: string;
      /** Stylesheets that had to arrive before this paint. */
      renderBlocking: string[];
    } & RenderSnapshot)
  | {
      /** CORB/ORB in the network service: a cross-origin no-cors response kept from the renderer or let through. */
      type: 'corb.decision';
      requestId: string;
      url: string;
      initiatorOrigin: string;
      destination: string;
      mimeType: string;
      noSniff: boolean;
      decision: 'allow' | 'block';
      reason: string;
      sniffed: string | null;
    }
  | {
      /** Step mode switched on or off, or its pace changed (the user's controls at the browser process's gate). */
      type: 'step.mode';
      enabled: boolean;
      pace: StepPace;
      /** Between two released messages while playing (ms). */
      intervalMs: number;
      /** Messages waiting at the gate now. */
      held: number;
    }
  | {
      /** Step mode: a message reached the browser process and waits there for the user. */
      type: 'step.held';
      flowId: string;
      name: string;
      from: EndpointId;
      to: EndpointId;
      held: number;
    }
  | {
      /** Step mode: a held message was let go (a step, a run to the next phase, play, or step mode switched off). */
      type: 'step.released';
      flowId: string;
      name: string;
      from: EndpointId;
      to: EndpointId;
      /** How long it waited at the gate (µs). */
      waitedMicros: number;
      /**
       * 'receiver': delivered. 'loader': it is a navigation's response body, which the
       * browser keeps in the transport for MIME sniffing; it is held again when it goes
       * on to the renderer at commit.
       */
      into: 'receiver' | 'loader';
      held: number;
    }
  /**
   * A file NavScope did not record was opened (HAR, NetLog, Chrome trace): which format,
   * who wrote it, its wall-clock start, whether it had to be repaired, and what the
   * import could not use (each said once). Its requests follow as request.* events.
   */
  | {
      type: 'import.source';
      format: 'har' | 'netlog' | 'chrome-trace';
      name: string;
      creator: string;
      wallClock: string;
      repaired: string | null;
      notes: string[];
    }
  /** A request read from an imported file (NavScope's own requests are its loader messages instead). */
  | {
      type: 'request.begin';
      requestId: string;
      url: string;
      method: string;
      navigationId: string | null;
      /** document, stylesheet, script, image, … as the file names it; '' when it does not say. */
      resourceType: string;
      /** The origin (or document URL) that asked for it; null for the browser itself. */
      initiator: string | null;
      priority: string | null;
      /** Made by the browser on its own behalf (no page or frame asked: update checks, account lookups, …). */
      ownBehalf: boolean;
      /** Where in the file it came from (NetLog source id, HAR entry index). */
      source: string;
    }
  | { type: 'request.redirect'; requestId: string; from: string; to: string; status: number | null; reason: string }
  | {
      type: 'request.end';
      requestId: string;
      url: string;
      /** HTTP status of the final response; null when none arrived. */
      status: number | null;
      statusText: string;
      netError: { code: number; name: string; detail: string } | null;
      /** 'disk' / 'memory' when the HTTP cache answered, else null. */
      fromCache: string | null;
      /** http/1.1, h2, h3, … */
      protocol: string | null;
      /** The TLS version (and cipher suite, when known) of the connection it used; null for plain HTTP or when unknown. */
      tls: string | null;
      remote: string | null;
      connectionId: number | null;
      reused: boolean | null;
      encodedBodyBytes: number | null;
      decodedBodyBytes: number | null;
    }
  | { type: 'error'; where: string; message: string };

export type TraceEventType = TraceEventBody['type'];

/** What a thread records: the body plus when and where. */
export type TraceRecord = TraceEventBody & { ts: number; endpoint: EndpointId };

/** What the recorder stores: a record with its place in the trace. */
export type TraceEvent = TraceRecord & { seq: number };

export type TraceEventOf<T extends TraceEventType> = Extract<TraceEvent, { type: T }>;

export interface TraceFile {
  format: 'navscope-trace';
  version: 1;
  events: TraceEvent[];
}

export const TRACE_FORMAT = 'navscope-trace';
