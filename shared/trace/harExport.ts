/**
 * HAR 1.2 export of a trace (http://www.softwareishard.com/blog/har-12-spec/): one
 * entry per request hop (a redirect is an entry of its own, as in DevTools), one page
 * per navigation.
 *
 * Everything comes from the trace: the loader messages (CreateLoaderAndStart,
 * OnReceiveRedirect, OnReceiveResponse, OnComplete), the network service's own records
 * (http.request / http.response with the bytes on the wire, cookie.stored, the 'net'
 * spans) and the frame messages for the page timings. Message payloads in the trace are
 * abbreviated JSON, so they are read as unknown, field by field.
 *
 * Times: the trace runs on a monotonic µs clock; `trace.begin` pairs it with the wall
 * clock, so a timestamp becomes `wallClock + (ts - trace.begin.ts)`. Timings come from the
 * response head's LoadTiming (harTimings); a hop without a head has one rebuilt from its
 * 'net' spans, and if its request never went out (DNS, connect or TLS failed) the phases
 * that happened are laid end to end up to the failure, with send/wait/receive 0.
 *
 * Failures: a load that ended with a net error and no response has status 0, the error
 * name as statusText and in `_error`, its detail as `comment`. If the server's response
 * reached the network service but never the client (ERR_TOO_MANY_REDIRECTS), the entry
 * keeps that wire response (status line, headers) and adds `_error`.
 */
import { type LoadTiming, noLoadTiming } from '../net/loadTiming.js';
import { harTimings, harTotalTime, type HarTimings } from '../net/harTimings.js';
import { headerValue, headerValues } from '../net/httpHeaders.js';
import { isCommitAck } from '../ipc/messageCatalogue.js';
import type { TraceEvent, TraceEventOf } from './traceEvent.js';

export type { HarTimings } from '../net/harTimings.js';

export interface HarNameValue {
  name: string;
  value: string;
}

export interface HarCookie {
  name: string;
  value: string;
  path?: string;
  domain?: string;
  /** ISO 8601. */
  expires?: string;
  httpOnly?: boolean;
  secure?: boolean;
  comment?: string;
}

export interface HarRequest {
  method: string;
  url: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  queryString: HarNameValue[];
  /** Bytes of the request line and headers up to the blank line; -1 when it never went on the wire. */
  headersSize: number;
  /** -1 when unknown (a POST body is not in the trace). */
  bodySize: number;
}

export interface HarContent {
  /** Decoded body bytes. */
  size: number;
  /** Bytes saved by Content-Encoding (size - bodySize); only with a Content-Encoding. */
  compression?: number;
  mimeType: string;
}

export interface HarResponse {
  /** 0 when no response arrived. */
  status: number;
  statusText: string;
  httpVersion: string;
  cookies: HarCookie[];
  headers: HarNameValue[];
  content: HarContent;
  redirectURL: string;
  headersSize: number;
  bodySize: number;
  /** The net error's detail, when the load failed. */
  comment?: string;
  /** Custom field: the net error that ended the load (ERR_NAME_NOT_RESOLVED, …), as DevTools writes it. */
  _error?: string;
}

export interface HarEntry {
  pageref?: string;
  startedDateTime: string;
  /** harTotalTime(timings): the sum of the timings that apply. */
  time: number;
  request: HarRequest;
  response: HarResponse;
  cache: Record<string, never>;
  timings: HarTimings;
  serverIPAddress?: string;
  /** The connection's id in the socket pool. */
  connection?: string;
  /** Custom field: the trace's requestId (shared by every hop of a redirect chain). */
  _requestId: string;
  /** Custom field: the request destination (document, style, script, image, font, empty). */
  _resourceType: string;
  /** Custom field, as DevTools writes it: the response came from the HTTP cache. */
  _fromCache?: 'disk';
}

export interface HarPageTimings {
  /** ms since the page started (DOMContentLoaded), -1 when it did not fire. */
  onContentLoad: number;
  /** ms since the page started (load), -1 when it did not fire. */
  onLoad: number;
}

export interface HarPage {
  startedDateTime: string;
  id: string;
  title: string;
  pageTimings: HarPageTimings;
}

export interface HarCreator {
  name: string;
  version: string;
}

export interface HarLog {
  version: '1.2';
  creator: HarCreator;
  pages: HarPage[];
  entries: HarEntry[];
}

export interface Har {
  log: HarLog;
}

// ── reading abbreviated payloads ──────────────────────────────────────────────────

type Obj = { readonly [key: string]: unknown };

const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const field = (o: Obj | null, key: string): Obj | null => {
  const v = o?.[key];
  return isObj(v) ? v : null;
};
const str = (o: Obj | null, key: string): string | null => {
  const v = o?.[key];
  return typeof v === 'string' ? v : null;
};
const num = (o: Obj | null, key: string): number | null => {
  const v = o?.[key];
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};
const bool = (o: Obj | null, key: string): boolean | null => {
  const v = o?.[key];
  return typeof v === 'boolean' ? v : null;
};

/** [name, value] pairs; anything else (a truncation marker, a cut tuple) is skipped. */
function readHeaderPairs(value: unknown): HarNameValue[] {
  if (!Array.isArray(value)) return [];
  const out: HarNameValue[] = [];
  for (const item of value) {
    if (Array.isArray(item) && typeof item[0] === 'string' && typeof item[1] === 'string')
      out.push({ name: item[0], value: item[1] });
  }
  return out;
}

const TIMING_KEYS = [
  'requestStart',
  'dnsStart',
  'dnsEnd',
  'connectStart',
  'connectEnd',
  'sslStart',
  'sslEnd',
  'sendStart',
  'sendEnd',
  'receiveHeadersStart',
  'receiveHeadersEnd',
] as const;

function readTiming(value: unknown): LoadTiming | null {
  if (!isObj(value)) return null;
  const timing = noLoadTiming();
  for (const key of TIMING_KEYS) timing[key] = num(value, key) ?? -1;
  return timing;
}

interface Head {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: HarNameValue[];
  mimeType: string;
  charset: string;
  remoteAddress: string | null;
  connectionId: number | null;
  fromCache: boolean;
  timing: LoadTiming | null;
}

function readHead(value: unknown): Head | null {
  if (!isObj(value)) return null;
  const status = num(value, 'status');
  if (status === null) return null;
  return {
    status,
    statusText: str(value, 'statusText') ?? '',
    httpVersion: str(value, 'httpVersion') ?? '',
    headers: readHeaderPairs(value.headers),
    mimeType: str(value, 'mimeType') ?? '',
    charset: str(value, 'charset') ?? '',
    remoteAddress: str(field(value, 'remoteEndpoint'), 'address'),
    connectionId: num(value, 'connectionId'),
    fromCache: bool(value, 'fromCache') ?? false,
    timing: readTiming(value.timing),
  };
}

// ── HTTP text ─────────────────────────────────────────────────────────────────────

/** "HTTP/1.1" from "1.1"; kept as is when it already names the protocol. */
const protocolVersion = (version: string): string =>
  version === '' || /^[A-Za-z]/.test(version) ? version : `HTTP/${version}`;

/** The start line and header fields of a raw HTTP head (CRLF or LF). */
function parseRawHead(raw: string): { startLine: string; headers: HarNameValue[] } {
  const end = raw.search(/\r?\n\r?\n/);
  const lines = (end === -1 ? raw : raw.slice(0, end)).split(/\r?\n/);
  const headers: HarNameValue[] = [];
  for (const line of lines.slice(1)) {
    const colon = line.indexOf(':');
    if (colon > 0) headers.push({ name: line.slice(0, colon).trim(), value: line.slice(colon + 1).trim() });
  }
  return { startLine: lines[0] ?? '', headers };
}

function decodeComponent(text: string): string {
  try {
    return decodeURIComponent(text.replace(/\+/g, ' '));
  } catch {
    return text;
  }
}

const withoutFragment = (url: string): string => {
  const hash = url.indexOf('#');
  return hash === -1 ? url : url.slice(0, hash);
};

/** The URL's query parameters, decoded as a form would be ('+' is a space). */
export function parseQueryString(url: string): HarNameValue[] {
  const bare = withoutFragment(url);
  const question = bare.indexOf('?');
  if (question === -1) return [];
  return bare
    .slice(question + 1)
    .split('&')
    .filter((part) => part !== '')
    .map((part) => {
      const eq = part.indexOf('=');
      return eq === -1
        ? { name: decodeComponent(part), value: '' }
        : { name: decodeComponent(part.slice(0, eq)), value: decodeComponent(part.slice(eq + 1)) };
    });
}

/** The cookies of `Cookie:` request headers. */
function requestCookies(headers: readonly HarNameValue[]): HarCookie[] {
  const out: HarCookie[] = [];
  for (const header of headerValues(headers, 'cookie')) {
    for (const pair of header.split(';')) {
      const trimmed = pair.trim();
      if (trimmed === '') continue;
      const eq = trimmed.indexOf('=');
      out.push(
        eq === -1
          ? { name: '', value: trimmed }
          : { name: trimmed.slice(0, eq).trim(), value: trimmed.slice(eq + 1).trim() },
      );
    }
  }
  return out;
}

/** One `Set-Cookie:` header as a HAR cookie (Max-Age has no HAR field and is left out). */
function parseSetCookie(header: string): HarCookie {
  const [first = '', ...attributes] = header.split(';');
  const eq = first.indexOf('=');
  const cookie: HarCookie =
    eq === -1
      ? { name: '', value: first.trim() }
      : { name: first.slice(0, eq).trim(), value: first.slice(eq + 1).trim() };
  cookie.httpOnly = false;
  cookie.secure = false;
  for (const attribute of attributes) {
    const aEq = attribute.indexOf('=');
    const key = (aEq === -1 ? attribute : attribute.slice(0, aEq)).trim().toLowerCase();
    const value = aEq === -1 ? '' : attribute.slice(aEq + 1).trim();
    if (key === 'path') cookie.path = value;
    else if (key === 'domain') cookie.domain = value;
    else if (key === 'httponly') cookie.httpOnly = true;
    else if (key === 'secure') cookie.secure = true;
    else if (key === 'expires') {
      const when = Date.parse(value);
      if (Number.isFinite(when)) cookie.expires = new Date(when).toISOString();
    }
  }
  return cookie;
}

// ── the trace, gathered by request ──────────────────────────────────────────────────

interface NetSpan {
  name: string;
  begin: number;
  end: number | null;
  endArgs: Obj | null;
}

interface Redirect {
  at: number;
  status: number;
  newUrl: string;
  newMethod: string;
  head: Head | null;
}

interface Completion {
  at: number;
  errorCode: number;
  errorName: string;
  errorDetail: string;
  encodedBodyLength: number | null;
  decodedBodyLength: number | null;
}

interface Load {
  requestId: string;
  url: string;
  method: string;
  headers: HarNameValue[];
  destination: string;
  mode: string;
  issuedAt: number;
  deliveredAt: number;
  redirects: Redirect[];
  follows: number[];
  response: { at: number; head: Head | null } | null;
  complete: Completion | null;
  cancel: { at: number; reason: string } | null;
  httpRequests: TraceEventOf<'http.request'>[];
  httpResponses: TraceEventOf<'http.response'>[];
  cookiesStored: TraceEventOf<'cookie.stored'>[];
  spans: NetSpan[];
  pageref: string | null;
}

interface Navigation {
  id: string;
  beginTs: number;
  url: string;
  finalUrl: string | null;
  title: string | null;
  contentLoadedAt: number | null;
  loadedAt: number | null;
}

const messageRequestId = (e: TraceEventOf<'message'>): string | null =>
  str(isObj(e.payload) ? e.payload : null, 'requestId') ?? e.route;

/** The latest item whose time is at or before `t`. */
function latestAtOrBefore<T>(items: readonly T[], time: (item: T) => number, t: number): T | null {
  let found: T | null = null;
  for (const item of items) if (time(item) <= t && (found === null || time(item) >= time(found))) found = item;
  return found;
}

/** µs → ms, rounded to the µs. */
const ms = (micros: number): number => Math.round(micros) / 1000;

// ── timings ───────────────────────────────────────────────────────────────────────────

/** A LoadTiming rebuilt from the hop's 'net' spans, for a hop that never got a response head. */
function timingFromSpans(spans: readonly NetSpan[], requestStart: number): LoadTiming {
  const t = noLoadTiming();
  t.requestStart = requestStart;
  for (const span of spans) {
    const end = span.end ?? -1;
    switch (span.name) {
      case 'DNS Lookup':
        [t.dnsStart, t.dnsEnd] = [span.begin, end];
        break;
      case 'Initial connection':
        [t.connectStart, t.connectEnd] = [span.begin, Math.max(t.connectEnd, end)];
        break;
      case 'SSL':
        // LoadTiming's connect includes the TLS handshake; the span does not.
        [t.sslStart, t.sslEnd] = [span.begin, end];
        if (end >= 0) t.connectEnd = Math.max(t.connectEnd, end);
        break;
      case 'Request sent':
        [t.sendStart, t.sendEnd] = [span.begin, end];
        break;
      case 'Waiting for server response':
        [t.receiveHeadersStart, t.receiveHeadersEnd] = [span.begin, end];
        break;
    }
  }
  return t;
}

/**
 * A hop that failed before its request was sent (DNS, connect or TLS failed): the phases
 * that happened, laid end to end up to the failure; send, wait and receive are 0.
 */
function unsentTimings(t: LoadTiming, end: number): HarTimings {
  const dns = t.dnsStart >= 0;
  const connect = t.connectStart >= 0;
  const firstPhase = dns ? t.dnsStart : connect ? t.connectStart : end;
  const start = t.requestStart >= 0 ? Math.min(t.requestStart, firstPhase) : firstPhase;
  const connectTime = connect ? ms(Math.max(0, end - t.connectStart)) : -1;
  return {
    blocked: ms(Math.max(0, firstPhase - start)),
    dns: dns ? ms(Math.max(0, (connect ? t.connectStart : end) - t.dnsStart)) : -1,
    connect: connectTime,
    ssl:
      connect && t.sslStart >= 0
        ? Math.min(connectTime, ms(Math.max(0, (t.sslEnd >= 0 ? t.sslEnd : end) - t.sslStart)))
        : -1,
    send: 0,
    wait: 0,
    receive: 0,
  };
}

// ── the trace, gathered by request (two passes) ─────────────────────────────────────────

/** Turns a trace timestamp (monotonic µs) into an ISO wall-clock time, from trace.begin's pairing of the two. */
type WallClock = (ts: number) => string;

function wallClockOf(events: readonly TraceEvent[]): WallClock {
  const begin = events.find((e): e is TraceEventOf<'trace.begin'> => e.type === 'trace.begin');
  const baseTs = begin?.ts ?? events[0]?.ts ?? 0;
  const parsedWall = begin ? Date.parse(begin.wallClock) : NaN;
  const baseWall = Number.isFinite(parsedWall) ? parsedWall : 0;
  return (ts) => {
    const when = baseWall + (ts - baseTs) / 1000;
    return new Date(Number.isFinite(when) && Math.abs(when) < 8.64e15 ? when : baseWall).toISOString();
  };
}

/** What the first pass finds: navigations, commits, loads and the ends of spans. */
interface TraceLoads {
  navigations: Map<string, Navigation>;
  commits: { navigationId: string; at: number }[];
  loads: Load[];
  loadsById: Map<string, Load[]>;
  spanEnds: Map<string, { ts: number; args: Obj }>;
  /** The navigation a request's spans name. */
  navigationOfRequest: Map<string, string>;
}

function newLoad(e: TraceEventOf<'message'>, requestId: string, request: Obj | null, url: string): Load {
  return {
    requestId,
    url,
    method: str(request, 'method') ?? 'GET',
    headers: readHeaderPairs(request?.headers),
    destination: str(request, 'destination') ?? '',
    mode: str(request, 'mode') ?? '',
    issuedAt: e.sentAt,
    deliveredAt: e.deliveredAt,
    redirects: [],
    follows: [],
    response: null,
    complete: null,
    cancel: null,
    httpRequests: [],
    httpResponses: [],
    cookiesStored: [],
    spans: [],
    pageref: null,
  };
}

/** Pass 1: navigations, commits, loads and the ends of spans. */
function gatherLoads(events: readonly TraceEvent[]): TraceLoads {
  const found: TraceLoads = {
    navigations: new Map(),
    commits: [],
    loads: [],
    loadsById: new Map(),
    spanEnds: new Map(),
    navigationOfRequest: new Map(),
  };
  const { navigations, commits, loadsById, navigationOfRequest } = found;
  for (const e of events) {
    // An iframe's own navigation is no page: its requests belong to the page it loads in.
    if (e.type === 'navigation.begin' && e.isMainFrame !== false) {
      navigations.set(e.navigationId, {
        id: e.navigationId,
        beginTs: e.ts,
        url: e.url,
        finalUrl: null,
        title: null,
        contentLoadedAt: null,
        loadedAt: null,
      });
    } else if (e.type === 'navigation.end') {
      const nav = navigations.get(e.navigationId);
      if (nav) nav.finalUrl = e.url;
      if (nav && e.outcome === 'committed' && !commits.some((c) => c.navigationId === e.navigationId))
        commits.push({ navigationId: e.navigationId, at: e.ts });
    } else if (e.type === 'span.end') {
      found.spanEnds.set(e.spanId, { ts: e.ts, args: e.args });
    } else if (e.type === 'span.begin') {
      const requestId = e.requestId ?? (typeof e.args.requestId === 'string' ? e.args.requestId : null);
      if (e.navigationId && requestId && !navigationOfRequest.has(requestId))
        navigationOfRequest.set(requestId, e.navigationId);
    } else if (e.type === 'message') {
      const payload = isObj(e.payload) ? e.payload : null;
      if (isCommitAck(e)) {
        const navigationId = str(payload, 'navigationId');
        if (navigationId) {
          const known = commits.findIndex((c) => c.navigationId === navigationId);
          if (known !== -1) commits.splice(known, 1);
          commits.push({ navigationId, at: e.sentAt });
        }
      } else if (e.name === 'URLLoaderFactory.CreateLoaderAndStart') {
        const requestId = messageRequestId(e);
        const request = field(payload, 'request');
        const url = str(request, 'url');
        // Without a URL there is no HAR entry to write (a payload cut short).
        if (!requestId || !url) continue;
        const load = newLoad(e, requestId, request, url);
        found.loads.push(load);
        loadsById.set(requestId, [...(loadsById.get(requestId) ?? []), load]);
      }
    }
  }
  return found;
}

/** The page whose document was current at `t`: the last commit, else the last navigation begun. */
function pageAt(found: TraceLoads, t: number): string | null {
  return (
    latestAtOrBefore(found.commits, (c) => c.at, t)?.navigationId ??
    latestAtOrBefore([...found.navigations.values()], (n) => n.beginTs, t)?.id ??
    null
  );
}

/** The latest load of that requestId started by `t` (else its first). */
function loadFor(found: TraceLoads, requestId: string | null, t: number): Load | null {
  const candidates = requestId ? found.loadsById.get(requestId) : undefined;
  if (!candidates) return null;
  return latestAtOrBefore(candidates, (l) => l.issuedAt, t) ?? candidates[0] ?? null;
}

/** Pass 2, a loader message: a redirect, the response, the completion, a follow or a cancel of its load. */
function attachLoaderMessage(found: TraceLoads, e: TraceEventOf<'message'>, payload: Obj | null): void {
  const load = loadFor(found, messageRequestId(e), e.sentAt);
  if (!load) return;
  switch (e.name) {
    case 'URLLoaderClient.OnReceiveRedirect': {
      const redirect = field(payload, 'redirect');
      const head = readHead(payload?.head);
      load.redirects.push({
        at: e.sentAt,
        status: num(redirect, 'status') ?? head?.status ?? 0,
        newUrl: str(redirect, 'newUrl') ?? '',
        newMethod: str(redirect, 'newMethod') ?? load.method,
        head,
      });
      break;
    }
    case 'URLLoaderClient.OnReceiveResponse':
      load.response = { at: e.sentAt, head: readHead(payload?.head) };
      break;
    case 'URLLoaderClient.OnComplete': {
      const status = field(payload, 'status');
      load.complete = {
        at: e.sentAt,
        errorCode: num(status, 'errorCode') ?? 0,
        errorName: str(status, 'errorName') ?? '',
        errorDetail: str(status, 'errorDetail') ?? '',
        encodedBodyLength: num(status, 'encodedBodyLength'),
        decodedBodyLength: num(status, 'decodedBodyLength'),
      };
      break;
    }
    case 'URLLoader.FollowRedirect':
      load.follows.push(e.deliveredAt);
      break;
    case 'URLLoader.Cancel':
      load.cancel ??= { at: e.sentAt, reason: str(payload, 'reason') ?? '' };
      break;
  }
}

/** Pass 2, a frame message: DOMContentLoaded, load and the title of the page current then. */
function attachPageMessage(found: TraceLoads, e: TraceEventOf<'message'>, payload: Obj | null): void {
  const page = pageAt(found, e.sentAt);
  const nav = page === null ? undefined : found.navigations.get(page);
  if (!nav) return;
  if (e.name === 'LocalFrameHost.UpdateTitle') nav.title = str(payload, 'title') ?? nav.title;
  else if (e.name === 'LocalFrameHost.DocumentOnLoadCompleted') nav.loadedAt ??= e.sentAt;
  else nav.contentLoadedAt ??= e.sentAt;
}

/** Pass 2: everything that belongs to a load (the latest load of that requestId started by then) or a page. */
function attachToLoads(found: TraceLoads, events: readonly TraceEvent[]): void {
  for (const e of events) {
    if (e.type === 'message') {
      const payload = isObj(e.payload) ? e.payload : null;
      switch (e.name) {
        case 'URLLoaderClient.OnReceiveRedirect':
        case 'URLLoaderClient.OnReceiveResponse':
        case 'URLLoaderClient.OnComplete':
        case 'URLLoader.FollowRedirect':
        case 'URLLoader.Cancel':
          attachLoaderMessage(found, e, payload);
          break;
        case 'LocalFrameHost.DidDispatchDOMContentLoadedEvent':
        case 'LocalFrameHost.DocumentOnLoadCompleted':
        case 'LocalFrameHost.UpdateTitle':
          attachPageMessage(found, e, payload);
          break;
      }
    } else if (e.type === 'http.request') loadFor(found, e.requestId, e.ts)?.httpRequests.push(e);
    else if (e.type === 'http.response') loadFor(found, e.requestId, e.ts)?.httpResponses.push(e);
    else if (e.type === 'cookie.stored') loadFor(found, e.requestId, e.ts)?.cookiesStored.push(e);
    else if (e.type === 'span.begin' && e.category === 'net' && e.requestId) {
      const end = found.spanEnds.get(e.spanId);
      loadFor(found, e.requestId, e.ts)?.spans.push({
        name: e.name,
        begin: e.ts,
        end: end?.ts ?? null,
        endArgs: end?.args ?? null,
      });
    }
  }
}

/** The page of each load: the navigation its spans name, a navigation's own, else the page current when it began. */
function assignPages(found: TraceLoads): void {
  const navigationBegins = [...found.navigations.values()];
  for (const load of found.loads) {
    const linked = found.navigationOfRequest.get(load.requestId);
    if (linked && found.navigations.has(linked)) load.pageref = linked;
    else if (load.mode === 'navigate')
      load.pageref = latestAtOrBefore(navigationBegins, (n) => n.beginTs, load.issuedAt)?.id ?? null;
    else load.pageref = pageAt(found, load.issuedAt);
  }
}

// ── pages ─────────────────────────────────────────────────────────────────────────────

/** One page per navigation, in the order they began. */
function harPages(navigations: Iterable<Navigation>, wall: WallClock): HarPage[] {
  return [...navigations]
    .sort((a, b) => a.beginTs - b.beginTs)
    .map((nav) => ({
      startedDateTime: wall(nav.beginTs),
      id: nav.id,
      title: nav.title ?? nav.finalUrl ?? nav.url,
      pageTimings: {
        onContentLoad: nav.contentLoadedAt === null ? -1 : ms(Math.max(0, nav.contentLoadedAt - nav.beginTs)),
        onLoad: nav.loadedAt === null ? -1 : ms(Math.max(0, nav.loadedAt - nav.beginTs)),
      },
    }));
}

// ── entries: one per hop ────────────────────────────────────────────────────────────────

/** What the trace holds of one hop of a load: from the previous redirect (or the start) to the next (or the end). */
interface Hop {
  load: Load;
  /** The redirect that started this hop, or null for the first. */
  previous: Redirect | null;
  /** The redirect that ended this hop, or null for the final one. */
  redirect: Redirect | null;
  /** The response head the client received for this hop. */
  head: Head | null;
  /** The load's completion (final hop only). */
  complete: Completion | null;
  httpRequest: TraceEventOf<'http.request'> | null;
  httpResponse: TraceEventOf<'http.response'> | null;
  spans: NetSpan[];
  cookiesStored: TraceEventOf<'cookie.stored'>['cookies'];
  download: NetSpan | null;
  url: string;
  method: string;
}

function hopOf(load: Load, redirects: readonly Redirect[], index: number): Hop {
  const after = index === 0 ? -Infinity : redirects[index - 1]!.at;
  const until = index < redirects.length ? redirects[index]!.at : Infinity;
  const inHop = (ts: number): boolean => ts > after && ts <= until;
  const previous = index === 0 ? null : redirects[index - 1]!;
  const redirect = redirects[index] ?? null;
  const spans = load.spans.filter((s) => inHop(s.begin));
  return {
    load,
    previous,
    redirect,
    head: redirect ? redirect.head : load.response && load.response.at > after ? load.response.head : null,
    complete: redirect === null ? load.complete : null,
    httpRequest: load.httpRequests.find((r) => inHop(r.ts)) ?? null,
    httpResponse: load.httpResponses.filter((r) => inHop(r.ts)).at(-1) ?? null,
    spans,
    cookiesStored: load.cookiesStored.filter((c) => inHop(c.ts)).flatMap((c) => c.cookies),
    download: spans.filter((s) => s.name === 'Content Download').at(-1) ?? null,
    url: withoutFragment(previous ? previous.newUrl : load.url),
    method: previous ? previous.newMethod : load.method,
  };
}

/** When the hop started and when its response ended (µs). */
function hopTimes(hop: Hop): { start: number; end: number } {
  const { load, previous, redirect, head, complete, spans, download } = hop;
  const followed = previous ? load.follows.find((f) => f > previous.at) : undefined;
  const start =
    head?.timing && head.timing.requestStart >= 0
      ? head.timing.requestStart
      : previous
        ? (followed ?? previous.at)
        : load.deliveredAt;
  const lastSpanEnd = Math.max(-1, ...spans.map((s) => s.end ?? -1));
  const end = redirect
    ? redirect.at
    : (download?.end ??
      complete?.at ??
      load.cancel?.at ??
      (head?.timing && head.timing.receiveHeadersEnd >= 0
        ? head.timing.receiveHeadersEnd
        : lastSpanEnd >= 0
          ? lastSpanEnd
          : start));
  return { start, end };
}

/** The hop's HAR timings: from its head's LoadTiming, else rebuilt from its 'net' spans. */
function hopTimings(hop: Hop, start: number, end: number): HarTimings {
  if (hop.head?.timing) return harTimings(hop.head.timing, end);
  const rebuilt = timingFromSpans(hop.spans, start);
  return rebuilt.sendStart >= 0 ? harTimings(rebuilt, end) : unsentTimings(rebuilt, Math.max(end, start));
}

/** The response: the head the client received, else the one on the wire, else none (status 0, the error). */
function harResponse(hop: Hop): HarResponse {
  const { load, redirect, head, complete, httpResponse, download } = hop;
  const final = redirect === null;
  const wireResponse = httpResponse ? parseRawHead(httpResponse.rawHeaders) : null;
  const statusLine = httpResponse ? /^(\S+)\s+(\d{3})\s*(.*)$/.exec(httpResponse.statusLine) : null;
  const responseHeaders = head ? head.headers : (wireResponse?.headers ?? []);
  const status = head ? head.status : statusLine ? Number(statusLine[2]) : 0;
  const failed = complete !== null && complete.errorCode !== 0;
  const aborted = final && complete === null && load.cancel !== null;
  const statusText = head
    ? head.statusText
    : statusLine
      ? (statusLine[3] ?? '')
      : failed
        ? complete.errorName
        : aborted
          ? 'ERR_ABORTED'
          : '';
  const responseVersion = head ? protocolVersion(head.httpVersion) : statusLine ? (statusLine[1] ?? '') : '';

  const downloaded = download?.endArgs ?? null;
  const bodySize = final ? (num(downloaded, 'encodedBodyBytes') ?? complete?.encodedBodyLength ?? -1) : -1;
  const response: HarResponse = {
    status,
    statusText,
    httpVersion: responseVersion,
    cookies: responseCookies(responseHeaders, hop.cookiesStored),
    headers: responseHeaders,
    content: harContent(hop, responseHeaders, bodySize),
    redirectURL: redirect ? redirect.newUrl : (headerValue(responseHeaders, 'location') ?? ''),
    headersSize: httpResponse ? httpResponse.headerBytes : -1,
    bodySize,
  };
  if (failed) {
    response._error = complete.errorName;
    if (complete.errorDetail !== '') response.comment = complete.errorDetail;
  } else if (aborted) {
    response._error = 'ERR_ABORTED';
    if (load.cancel?.reason) response.comment = load.cancel.reason;
  }
  return response;
}

/** The body: its decoded size, the bytes Content-Encoding saved, its type. */
function harContent(hop: Hop, responseHeaders: readonly HarNameValue[], bodySize: number): HarContent {
  const { head, complete } = hop;
  const final = hop.redirect === null;
  const contentType = headerValue(responseHeaders, 'content-type');
  const mimeType =
    contentType ??
    (head && head.mimeType !== ''
      ? head.charset !== ''
        ? `${head.mimeType}; charset=${head.charset}`
        : head.mimeType
      : '');
  const downloaded = hop.download?.endArgs ?? null;
  const size = final ? (num(downloaded, 'decodedBodyBytes') ?? complete?.decodedBodyLength ?? 0) : 0;
  const encoding = headerValue(responseHeaders, 'content-encoding')?.trim().toLowerCase() ?? '';
  const content: HarContent = { size, mimeType };
  if (encoding !== '' && encoding !== 'identity' && bodySize >= 0) content.compression = size - bodySize;
  return content;
}

/** The response's Set-Cookie headers, each saying why the network service did not store it. */
function responseCookies(
  responseHeaders: readonly HarNameValue[],
  cookiesStored: TraceEventOf<'cookie.stored'>['cookies'],
): HarCookie[] {
  const stored = new Map(cookiesStored.filter((c) => c.name !== null).map((c) => [c.name, c]));
  return headerValues(responseHeaders, 'set-cookie').map((header) => {
    const cookie = parseSetCookie(header);
    const outcome = stored.get(cookie.name);
    if (outcome && !outcome.stored) cookie.comment = `not stored${outcome.reason ? `: ${outcome.reason}` : ''}`;
    return cookie;
  });
}

/** The request: the bytes on the wire when it was sent, else what the client asked for. */
function harRequest(hop: Hop, responseVersion: string): HarRequest {
  const { httpRequest, url, method } = hop;
  const wire = httpRequest ? parseRawHead(httpRequest.raw) : null;
  const requestHeaders = wire ? wire.headers : hop.load.headers;
  const requestVersion = wire ? (wire.startLine.split(' ').at(-1) ?? '') : '';
  return {
    method,
    url,
    httpVersion: requestVersion || responseVersion,
    cookies: requestCookies(requestHeaders),
    headers: requestHeaders,
    queryString: parseQueryString(url),
    headersSize: httpRequest ? httpRequest.raw.length : -1,
    bodySize: method === 'GET' || method === 'HEAD' ? 0 : -1,
  };
}

/** The HAR entry of one hop, with its start (µs) to sort by. */
function hopEntry(hop: Hop, wall: WallClock): { start: number; entry: HarEntry } {
  const { load, head, httpRequest } = hop;
  const times = hopTimes(hop);
  const timings = hopTimings(hop, times.start, times.end);
  const response = harResponse(hop);
  const remote = httpRequest ? httpRequest.remote.replace(/:\d+$/, '').replace(/^\[(.*)\]$/, '$1') : null;
  const serverIPAddress = head?.remoteAddress ?? (remote || null);
  const connectionId = httpRequest?.connectionId ?? (head?.connectionId ? head.connectionId : null);
  const start = head?.timing && head.timing.requestStart >= 0 ? head.timing.requestStart : times.start;

  const entry: HarEntry = {
    ...(load.pageref !== null ? { pageref: load.pageref } : {}),
    startedDateTime: wall(start),
    time: harTotalTime(timings),
    request: harRequest(hop, response.httpVersion),
    response,
    cache: {},
    timings,
    _requestId: load.requestId,
    _resourceType: load.destination,
  };
  if (serverIPAddress) entry.serverIPAddress = serverIPAddress;
  if (connectionId !== null) entry.connection = String(connectionId);
  if (head?.fromCache) entry._fromCache = 'disk';
  return { start, entry };
}

/** One entry per hop of a load: each redirect, then the final response (or the failure). */
function loadEntries(load: Load, wall: WallClock): { start: number; entry: HarEntry }[] {
  const redirects = [...load.redirects].sort((a, b) => a.at - b.at);
  const out: { start: number; entry: HarEntry }[] = [];
  for (let index = 0; index <= redirects.length; index++) out.push(hopEntry(hopOf(load, redirects, index), wall));
  return out;
}

// ── the export ────────────────────────────────────────────────────────────────────────

export function toHar(
  events: readonly TraceEvent[],
  creator: HarCreator = { name: 'NavScope', version: '0.1.0' },
): Har {
  const wall = wallClockOf(events);
  const found = gatherLoads(events);
  attachToLoads(found, events);
  assignPages(found);
  const entries = found.loads.flatMap((load) => loadEntries(load, wall)).sort((a, b) => a.start - b.start);
  return {
    log: {
      version: '1.2',
      creator: { name: creator.name, version: creator.version },
      pages: harPages(found.navigations.values(), wall),
      entries: entries.map((e) => e.entry),
    },
  };
}
