/**
 * NetLog import: the JSON Chromium writes from chrome://net-export, `--log-net-log`
 * and Electron's `netLog` (net/log/file_net_log_observer.cc), read into NavScope's
 * trace so that the waterfall and the request panels show it.
 *
 * - Event types, source types and phases are decoded through the file's own
 *   `constants` (their numbers change between Chromium versions), never fixed numbers.
 * - Sources are linked through `params.source_dependency`: a URL_REQUEST is bound to an
 *   HTTP stream job, the job to a connect job and a socket (or an HTTP/2 session on
 *   one), which carry DNS, TCP and TLS.
 * - Each URL_REQUEST becomes a request (request.begin / .redirect / .end) with spans named
 *   as DevTools names the steps (DNS Lookup, Initial connection, SSL, Request sent,
 *   Waiting for server response, Content Download, and Read from cache), the raw request
 *   and response heads rebuilt from the logged header lines, cache lookups, and
 *   net errors by name. A main-frame request is a navigation.
 * - Requests Chromium makes on its own behalf (no initiating page, not a navigation:
 *   update checks, account lookups) are kept and marked as such.
 * - A file cut off while being written is repaired as catapult's netlog_viewer does
 *   (cut at the last complete event, close the brackets) and the trace says so.
 *
 * What the log does not say is not invented: a DNS lookup inside a connect job that
 * logged no resolver request is shown from the connect job's start to the first connect
 * attempt and marked as inferred; a navigation that got a response is shown as committed
 * (a NetLog does not see the renderer).
 */
import { certificateSummaryOfPem } from '../net/certificateSummary.js';
import { netErrorName } from '../net/netError.js';
import { cipherSuiteName } from '../net/tlsCipherSuites.js';
import { IMPORTED_NET_SPANS, NET_SPANS } from '../trace/phases.js';
import type { JsonValue, TraceFile } from '../trace/traceEvent.js';
import { ImportError } from './importError.js';
import type { ImportLimits } from './importLimits.js';
import { ImportedTrace } from './importedTrace.js';
import {
  type UntrustedRecord,
  isRecord,
  kindOf,
  ownArray,
  ownField,
  ownNumber,
  ownRecord,
  ownString,
} from './untrustedJson.js';

export interface NetLogImportContext {
  name: string;
  limits: ImportLimits;
  /** How the text was repaired before parsing (a file cut off while written), or null. */
  repaired: string | null;
}

type Phase = 'BEGIN' | 'END' | 'NONE';

interface NetLogEvent {
  /** Place in the file's events list. */
  index: number;
  /** µs since the file's first event. */
  ts: number;
  type: string;
  phase: Phase;
  source: number;
  params: UntrustedRecord | null;
}

interface NetLogSource {
  id: number;
  type: string;
  events: NetLogEvent[];
}

/** Milliseconds of TimeTicks beyond which an event's time is out of range (about 31 years of uptime). */
const MAX_TICKS_MS = 1e12;

// ── the file's text ──────────────────────────────────────────────────────────────────

/** NetLogs start with their constants (Chromium writes them first). */
export function looksLikeNetLog(text: string): boolean {
  return /^\s*\{\s*"constants"\s*:/.test(text.slice(0, 200));
}

/**
 * A NetLog cut off while being written lacks its closing brackets. As catapult's
 * netlog_viewer does (log_util.js): cut at the last complete event (its ",\n") and close
 * the list and the object. Returns null when the text does not look like a cut NetLog.
 */
export function repairNetLogText(text: string): { text: string; repaired: string } | null {
  if (!looksLikeNetLog(text)) return null;
  const events = text.search(/"events"\s*:\s*\[/);
  if (events === -1) return null;
  const afterList = text.indexOf('[', events) + 1;
  const lastComplete = text.lastIndexOf(',\n');
  if (lastComplete > afterList) {
    return {
      text: `${text.slice(0, lastComplete)}]}`,
      repaired: `the file ends in the middle of its events (cut off while being written); read up to the last complete event, at character ${lastComplete} of ${text.length}`,
    };
  }
  return {
    text: `${text.slice(0, afterList)}]}`,
    repaired: `the file ends before its first complete event (cut off while being written); its constants are read, it has no events`,
  };
}

// ── constants ────────────────────────────────────────────────────────────────────────

/** A constants table of names to numbers, inverted (number → name). */
function numberTable(constants: UntrustedRecord, key: string, trace: ImportedTrace): Map<number, string> {
  const table = ownField(constants, key);
  if (!isRecord(table))
    throw new ImportError(
      `not a NetLog NavScope can read: "constants.${key}" is ${kindOf(table)}, expected an object of names and numbers`,
    );
  const out = new Map<number, string>();
  for (const name of Object.keys(table)) {
    const value = table[name];
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      trace.problem(`a name in constants.${key} has no whole number`, `"${name.slice(0, 60)}"`);
      continue;
    }
    if (!out.has(value)) out.set(value, name);
  }
  return out;
}

function phaseTable(constants: UntrustedRecord): Map<number, Phase> {
  const table = ownRecord(constants, 'logEventPhase');
  if (!table)
    throw new ImportError(
      `not a NetLog NavScope can read: "constants.logEventPhase" is ${kindOf(ownField(constants, 'logEventPhase'))}, expected an object such as {"PHASE_BEGIN": 1}`,
    );
  const out = new Map<number, Phase>();
  for (const name of Object.keys(table)) {
    const value = table[name];
    const phase = name.replace(/^PHASE_/, '');
    if (typeof value === 'number' && (phase === 'BEGIN' || phase === 'END' || phase === 'NONE')) out.set(value, phase);
  }
  if (![...out.values()].includes('BEGIN') || ![...out.values()].includes('END'))
    throw new ImportError('not a NetLog NavScope can read: "constants.logEventPhase" does not name BEGIN and END');
  return out;
}

function creatorOf(constants: UntrustedRecord): string {
  const client = ownRecord(constants, 'clientInfo');
  const name = ownString(client, 'name') ?? 'Chromium';
  const version = ownString(client, 'version');
  const os = ownString(client, 'os_type');
  return `${name}${version ? ` ${version}` : ''}${os ? ` (${os})` : ''}`;
}

// ── reading ──────────────────────────────────────────────────────────────────────────

function integer(value: unknown): number | null {
  return typeof value === 'number' && Number.isSafeInteger(value) ? value : null;
}

function dependency(event: NetLogEvent): number | null {
  return integer(ownField(ownField(event.params, 'source_dependency'), 'id'));
}

function netError(event: NetLogEvent | undefined): number | null {
  const code = integer(ownField(event?.params ?? null, 'net_error'));
  return code !== null && code < 0 ? code : null;
}

function hostOf(url: string): string {
  try {
    return new URL(url).hostname.replace(/^\[(.*)\]$/, '$1');
  } catch {
    return '';
  }
}

/** "GET / HTTP/1.1\r\n" + header lines, as on the wire. */
function rawRequestHead(params: UntrustedRecord | null, method: string, url: string): string | null {
  const headers = ownArray(params, 'headers');
  if (!headers) return null;
  const lines = headers.filter((h): h is string => typeof h === 'string');
  let startLine = (ownString(params, 'line') ?? '').replace(/\r?\n$/, '');
  if (startLine === '') {
    // HTTP/2 and HTTP/3 log pseudo-headers instead of a request line.
    const pseudo = (name: string) =>
      lines.find((l) => l.toLowerCase().startsWith(`:${name}: `))?.slice(name.length + 3);
    let path = '/';
    try {
      const u = new URL(url);
      path = `${u.pathname}${u.search}`;
    } catch {
      // keep "/"
    }
    startLine = `${pseudo('method') ?? method} ${pseudo('path') ?? path} HTTP/2`;
  }
  return `${startLine}\r\n${lines.map((l) => `${l}\r\n`).join('')}\r\n`;
}

function rawResponseHead(
  params: UntrustedRecord | null,
): { statusLine: string; raw: string; status: number | null } | null {
  const headers = ownArray(params, 'headers');
  if (!headers) return null;
  const lines = headers.filter((h): h is string => typeof h === 'string');
  const first = lines[0] ?? '';
  const statusLine = /^\S+\s+\d{3}/.test(first)
    ? first
    : `HTTP/2 ${/^:status:\s*(\d{3})/.exec(lines.find((l) => l.startsWith(':status:')) ?? '')?.[1] ?? '000'}`;
  const statusMatch = /^\S+\s+(\d{3})/.exec(statusLine);
  const rest = statusLine === first ? lines.slice(1) : lines;
  return {
    statusLine,
    raw: `${statusLine}\r\n${rest.map((l) => `${l}\r\n`).join('')}\r\n`,
    status: statusMatch ? Number(statusMatch[1]) : null,
  };
}

function headerValue(raw: string | null, name: string): string | null {
  if (!raw) return null;
  const m = new RegExp(`\\r\\n${name}:[ \\t]*([^\\r\\n]*)`, 'i').exec(raw);
  return m ? m[1]!.trim() : null;
}

/** IP addresses (without ports) in a list such as TCP_CONNECT's address_list ("127.0.0.1:443", "[::1]:443"). */
function addressesOf(value: unknown): string[] {
  if (!Array.isArray(value)) return [];
  const out: string[] = [];
  for (const item of value) {
    const text = typeof item === 'string' ? item : ownString(item, 'address');
    if (!text) continue;
    const bare = text.startsWith('[') ? text.slice(1, text.indexOf(']')) : text.replace(/:\d+$/, '');
    if (!out.includes(bare)) out.push(bare);
  }
  return out;
}

// ── the import ──────────────────────────────────────────────────────────────────────────

interface Connection {
  socket: number | null;
  remote: string | null;
  reused: boolean;
  protocol: string | null;
  tls: string | null;
}

class NetLogReader {
  readonly trace = new ImportedTrace('netlog');
  private readonly sources = new Map<number, NetLogSource>();
  private readonly netErrorNames = new Map<number, string>();
  private readonly usedSources = new Set<number>();
  /** Sockets whose connect (TCP, TLS) is already shown on a request. */
  private readonly connectedSockets = new Set<number>();
  private eventTypes = new Map<number, string>();
  private sourceTypes = new Map<number, string>();
  private phases = new Map<number, Phase>();
  private mainFrameFlag: number | null = null;
  private creator = 'Chromium';
  private wallClock = '';
  private stillRunning = 0;

  constructor(private readonly context: NetLogImportContext) {}

  read(json: unknown): TraceFile {
    if (!isRecord(json)) throw new ImportError(`not a NetLog: the file is ${kindOf(json)}, not a JSON object`);
    const constants = ownRecord(json, 'constants');
    if (!constants)
      throw new ImportError(`not a NetLog: "constants" is ${kindOf(ownField(json, 'constants'))}, expected an object`);
    const events = ownArray(json, 'events');
    if (!events)
      throw new ImportError(`not a NetLog: "events" is ${kindOf(ownField(json, 'events'))}, expected a list`);
    if (events.length > this.context.limits.maxEvents)
      throw new ImportError(
        `the NetLog has ${events.length} events, more than NavScope reads (limit maxEvents = ${this.context.limits.maxEvents})`,
      );
    this.readConstants(constants);
    const decoded = this.decodeEvents(events, constants);
    for (const event of decoded) {
      let source = this.sources.get(event.source);
      if (!source) {
        source = { id: event.source, type: this.sourceTypeOf(events[event.index]), events: [] };
        this.sources.set(event.source, source);
      }
      source.events.push(event);
    }
    this.importRequests();
    return this.finish(decoded.length);
  }

  private readConstants(constants: UntrustedRecord): void {
    this.eventTypes = numberTable(constants, 'logEventTypes', this.trace);
    this.sourceTypes = numberTable(constants, 'logSourceType', this.trace);
    this.phases = phaseTable(constants);
    this.creator = creatorOf(constants);
    const errors = ownRecord(constants, 'netError');
    if (errors)
      for (const name of Object.keys(errors)) {
        const code = errors[name];
        if (typeof code === 'number' && Number.isInteger(code) && !this.netErrorNames.has(code))
          this.netErrorNames.set(code, name.startsWith('ERR_') ? name : `ERR_${name}`);
      }
    const flag = ownNumber(ownRecord(constants, 'loadFlag'), 'MAIN_FRAME_DEPRECATED');
    this.mainFrameFlag = flag !== null && Number.isInteger(flag) && flag > 0 ? flag : null;
  }

  private sourceTypeOf(raw: unknown): string {
    const type = integer(ownField(ownField(raw, 'source'), 'type'));
    return (type !== null ? this.sourceTypes.get(type) : undefined) ?? `source type ${String(type)}`;
  }

  private errorName(code: number): string {
    return this.netErrorNames.get(code) ?? netErrorName(code);
  }

  private decodeEvents(events: readonly unknown[], constants: UntrustedRecord): NetLogEvent[] {
    const raw: {
      index: number;
      time: number;
      type: string;
      phase: Phase;
      source: number;
      params: UntrustedRecord | null;
    }[] = [];
    for (let index = 0; index < events.length; index++) {
      const event = events[index];
      const where = `event ${index}`;
      if (!isRecord(event)) {
        this.trace.problem('an event is not an object', where);
        continue;
      }
      const timeField = ownField(event, 'time');
      const time = typeof timeField === 'string' ? Number(timeField) : typeof timeField === 'number' ? timeField : NaN;
      if (!Number.isFinite(time)) {
        this.trace.problem('an event\'s "time" is not a number of milliseconds', where);
        continue;
      }
      if (time < 0 || time > MAX_TICKS_MS) {
        this.trace.problem(`an event's "time" is out of range (0 … ${MAX_TICKS_MS} ms)`, where);
        continue;
      }
      const typeNumber = integer(ownField(event, 'type'));
      const type = typeNumber === null ? undefined : this.eventTypes.get(typeNumber);
      if (type === undefined) {
        this.trace.problem('an event\'s "type" is not in constants.logEventTypes', where);
        continue;
      }
      const phaseNumber = integer(ownField(event, 'phase'));
      const phase = phaseNumber === null ? undefined : this.phases.get(phaseNumber);
      if (phase === undefined) {
        this.trace.problem('an event\'s "phase" is not in constants.logEventPhase', where);
        continue;
      }
      const source = ownRecord(event, 'source');
      const sourceId = integer(ownField(source, 'id'));
      if (sourceId === null) {
        this.trace.problem('an event has no "source" with a whole-number id', where);
        continue;
      }
      const sourceType = integer(ownField(source, 'type'));
      if (sourceType === null || !this.sourceTypes.has(sourceType))
        this.trace.problem("an event's source type is not in constants.logSourceType", where);
      const params = ownField(event, 'params');
      if (params !== undefined && params !== null && !isRecord(params))
        this.trace.problem('an event\'s "params" is not an object (ignored)', where);
      raw.push({ index, time, type, phase, source: sourceId, params: isRecord(params) ? params : null });
    }
    const first = raw.reduce((min, e) => Math.min(min, e.time), Number.POSITIVE_INFINITY);
    const offset = ownField(constants, 'timeTickOffset');
    const tickOffset = typeof offset === 'string' ? Number(offset) : typeof offset === 'number' ? offset : NaN;
    const wall = Number.isFinite(tickOffset) && Number.isFinite(first) ? tickOffset + first : NaN;
    if (Number.isFinite(wall) && Math.abs(wall) < 8.64e15) this.wallClock = new Date(wall).toISOString();
    else {
      this.wallClock = '';
      if (raw.length > 0)
        this.trace.problem(
          '"constants.timeTickOffset" is missing or out of range: times are relative to the first event',
          'constants',
        );
    }
    return raw.map((e) => ({ ...e, ts: (e.time - first) * 1000 }));
  }

  /** Each URL_REQUEST in order of its first event; the navigation in force when it started. */
  private importRequests(): void {
    const requests = [...this.sources.values()]
      .filter((s) => s.type === 'URL_REQUEST' && s.events.length > 0)
      .sort((a, b) => a.events[0]!.ts - b.events[0]!.ts);
    let navigationId: string | null = null;
    for (const source of requests) {
      this.usedSources.add(source.id);
      navigationId = this.importRequest(source, navigationId);
    }
  }

  private isMainFrame(params: UntrustedRecord | null): boolean {
    const type = ownString(params, 'request_type');
    if (type !== null) return type === 'main frame';
    const flags = ownNumber(params, 'load_flags');
    return this.mainFrameFlag !== null && flags !== null && (flags & this.mainFrameFlag) !== 0;
  }

  /** Imports one URL_REQUEST; returns the navigation in force after it. */
  private importRequest(source: NetLogSource, currentNavigation: string | null): string | null {
    const trace = this.trace;
    const requestId = `netlog/${source.id}`;
    const events = source.events;
    const alive = events.find((e) => e.type === 'REQUEST_ALIVE' && e.phase === 'BEGIN');
    const firstJob = events.find((e) => e.type === 'URL_REQUEST_START_JOB' && e.phase === 'BEGIN');
    const url = ownString(alive?.params ?? null, 'url') ?? ownString(firstJob?.params ?? null, 'url');
    if (url === null) {
      trace.problem('a URL_REQUEST logged no URL (not shown)', `source ${source.id}`);
      return currentNavigation;
    }
    const jobParams = firstJob?.params ?? null;
    const initiatorField = ownString(jobParams, 'initiator');
    const initiator = initiatorField === null || initiatorField === 'not an origin' ? null : initiatorField;
    const requestType = ownString(jobParams, 'request_type');
    const mainFrame = this.isMainFrame(jobParams);
    const subFrame = requestType === 'sub frame';
    const ownBehalf = initiator === null && !mainFrame && !subFrame;
    const navigationId = mainFrame ? `netlog/nav${source.id}` : currentNavigation;
    const first = events[0]!;
    const start = first.ts;
    const method = ownString(jobParams, 'method') ?? 'GET';

    if (mainFrame)
      trace.add(
        start,
        {
          type: 'navigation.begin',
          navigationId: navigationId!,
          url,
          transition: 'imported from a NetLog',
          input: url,
        },
        first.index,
      );
    // What the request is for: the Sec-Fetch-Dest header it sent says it best.
    const firstHeaders = events.find(
      (e) => e.type.startsWith('HTTP_TRANSACTION_') && e.type.endsWith('SEND_REQUEST_HEADERS'),
    );
    const destination =
      headerValue(rawRequestHead(firstHeaders?.params ?? null, method, url), 'sec-fetch-dest') ??
      ownString(jobParams, 'destination');
    trace.add(
      start,
      {
        type: 'request.begin',
        requestId,
        url,
        method,
        navigationId,
        resourceType: mainFrame ? 'document' : subFrame ? 'iframe' : (destination ?? ''),
        initiator,
        priority: ownString(alive?.params ?? null, 'priority'),
        ownBehalf,
        source: `NetLog source ${source.id} (URL_REQUEST)`,
      },
      first.index,
    );

    const span = (
      name: string,
      from: NetLogEvent,
      to: NetLogEvent | null,
      args: Record<string, JsonValue> = {},
      error: string | null = null,
      endArgs: Record<string, JsonValue> = {},
    ) => this.span(name, requestId, navigationId, from, to, args, error, endArgs);

    let hopUrl = url;
    let hopMethod = method;
    let hopStarted = false;
    let connection: Connection = { socket: null, remote: null, reused: false, protocol: null, tls: null };
    let status: number | null = null;
    let statusText = '';
    let lastResponseRaw: string | null = null;
    let internalRedirect: string | null = null;
    let sendBegin: NetLogEvent | null = null;
    let waitBegin: NetLogEvent | null = null;
    let headersAt: NetLogEvent | null = null;
    let bodyEnd: NetLogEvent | null = null;
    let cacheReadFrom: NetLogEvent | null = null;
    let cacheReadTo: NetLogEvent | null = null;
    let readFromCache = false;
    let sentAfterCacheRead = false;
    let decoded: number | null = null;
    let encoded: number | null = null;
    let aliveEnd: NetLogEvent | undefined;
    let dnsBegin: NetLogEvent | null = null;
    let dnsCacheHit = false;
    let jobError: number | null = null;

    const closeDownload = () => {
      if (headersAt !== null && bodyEnd !== null && bodyEnd.ts >= headersAt.ts)
        span(NET_SPANS.download, headersAt, bodyEnd, {}, null, {
          ...(encoded !== null ? { encodedBodyBytes: encoded } : {}),
          ...(decoded !== null ? { decodedBodyBytes: decoded } : {}),
        });
      headersAt = null;
      bodyEnd = null;
    };

    for (const event of events) {
      const p = event.params;
      switch (event.type) {
        case 'URL_REQUEST_START_JOB':
          if (event.phase === 'BEGIN') {
            if (hopStarted) {
              closeDownload();
              hopUrl = ownString(p, 'url') ?? hopUrl;
              hopMethod = ownString(p, 'method') ?? hopMethod;
              connection = { socket: null, remote: null, reused: false, protocol: null, tls: null };
              readFromCache = false;
              sentAfterCacheRead = false;
            }
            hopStarted = true;
          } else if (event.phase === 'END') jobError = netError(event) ?? jobError;
          break;
        case 'URL_REQUEST_REDIRECT_JOB':
          internalRedirect = ownString(p, 'reason') ?? 'internal redirect';
          break;
        case 'URL_REQUEST_REDIRECTED': {
          const location = ownString(p, 'location');
          if (location === null) break;
          closeDownload();
          trace.add(
            event.ts,
            {
              type: 'request.redirect',
              requestId,
              from: hopUrl,
              to: location,
              status: internalRedirect !== null ? 307 : status,
              reason:
                internalRedirect !== null
                  ? `internal redirect (${internalRedirect}), no request sent`
                  : `${status ?? 'a'} redirect: the response's Location header`,
            },
            event.index,
          );
          internalRedirect = null;
          hopUrl = location;
          status = null;
          statusText = '';
          lastResponseRaw = null;
          break;
        }
        case 'HTTP_CACHE_OPEN_OR_CREATE_ENTRY':
        case 'HTTP_CACHE_OPEN_ENTRY':
        case 'HTTP_CACHE_CREATE_ENTRY':
          if (event.phase === 'END') {
            const result = ownString(p, 'result');
            const failed = netError(event) !== null;
            if (event.type === 'HTTP_CACHE_CREATE_ENTRY' || result === 'created' || failed)
              trace.add(
                event.ts,
                {
                  type: 'cache.lookup',
                  requestId,
                  url: hopUrl,
                  outcome: 'miss',
                  reason: `not in the HTTP cache (${event.type}: ${result ?? (failed ? 'not found' : 'created')})`,
                },
                event.index,
              );
          }
          break;
        case 'HTTP_CACHE_READ_INFO':
        case 'HTTP_CACHE_READ_DATA':
          if (event.phase === 'BEGIN') {
            if (event.type === 'HTTP_CACHE_READ_INFO' && !readFromCache) {
              readFromCache = true;
              trace.add(
                event.ts,
                {
                  type: 'cache.lookup',
                  requestId,
                  url: hopUrl,
                  outcome: 'fresh',
                  reason: 'found in the HTTP cache (HTTP_CACHE_READ_INFO); whether it was used as it is follows',
                },
                event.index,
              );
            }
            cacheReadFrom ??= event;
          } else if (event.phase === 'END') cacheReadTo = event;
          break;
        case 'HTTP_CACHE_WRITE_INFO':
          if (event.phase === 'BEGIN' && status !== null)
            trace.add(
              event.ts,
              {
                type: 'cache.lookup',
                requestId,
                url: hopUrl,
                outcome: 'stored',
                reason: 'the response was written to the HTTP cache (HTTP_CACHE_WRITE_INFO)',
              },
              event.index,
            );
          break;
        case 'HTTP_STREAM_REQUEST_BOUND_TO_JOB':
        case 'HTTP_STREAM_POOL_JOB_CONTROLLER_JOB_BOUND': {
          const job = dependency(event);
          if (job !== null) connection = this.importConnection(job, requestId, navigationId, hopUrl, event.ts);
          break;
        }
        case 'HTTP_TRANSACTION_SEND_REQUEST':
          if (event.phase === 'BEGIN') {
            sendBegin = event;
            if (readFromCache) sentAfterCacheRead = true;
          } else if (event.phase === 'END' && sendBegin !== null) {
            const error = netError(event);
            span(NET_SPANS.send, sendBegin, event, { url: hopUrl }, error === null ? null : this.errorName(error));
            sendBegin = null;
          }
          break;
        case 'HTTP_TRANSACTION_SEND_REQUEST_HEADERS':
        case 'HTTP_TRANSACTION_HTTP2_SEND_REQUEST_HEADERS':
        case 'HTTP_TRANSACTION_QUIC_SEND_REQUEST_HEADERS': {
          const raw = rawRequestHead(p, hopMethod, hopUrl);
          if (raw === null) break;
          trace.add(
            event.ts,
            {
              type: 'http.request',
              requestId,
              url: hopUrl,
              raw,
              connectionId: connection.socket ?? -1,
              reused: connection.reused,
              remote: connection.remote ?? '',
            },
            event.index,
          );
          break;
        }
        case 'HTTP_TRANSACTION_READ_HEADERS':
          if (event.phase === 'BEGIN') waitBegin = event;
          else if (event.phase === 'END' && waitBegin !== null) {
            const error = netError(event);
            span(
              NET_SPANS.wait,
              waitBegin,
              event,
              {},
              error === null ? null : this.errorName(error),
              status !== null ? { status } : {},
            );
            waitBegin = null;
            if (error === null) headersAt = event;
          }
          break;
        case 'HTTP_TRANSACTION_READ_RESPONSE_HEADERS': {
          const head = rawResponseHead(p);
          if (!head) break;
          status = head.status;
          statusText = head.statusLine.replace(/^\S+\s+\d{3}\s*/, '');
          lastResponseRaw = head.raw;
          trace.add(
            event.ts,
            {
              type: 'http.response',
              requestId,
              statusLine: head.statusLine,
              rawHeaders: head.raw,
              headerBytes: head.raw.length,
            },
            event.index,
          );
          if (status === 304 && readFromCache)
            trace.add(
              event.ts,
              {
                type: 'cache.lookup',
                requestId,
                url: hopUrl,
                outcome: 'revalidated',
                reason: '304 Not Modified: the cached response is still good',
              },
              event.index,
            );
          else if (readFromCache && sentAfterCacheRead)
            trace.add(
              event.ts,
              {
                type: 'cache.lookup',
                requestId,
                url: hopUrl,
                outcome: 'stale',
                reason: 'the cached response had to be fetched again',
              },
              event.index,
            );
          break;
        }
        case 'HTTP_TRANSACTION_READ_BODY':
          if (event.phase === 'END') bodyEnd = event;
          break;
        case 'URL_REQUEST_JOB_FILTERED_BYTES_READ':
          decoded = (decoded ?? 0) + (ownNumber(p, 'byte_count') ?? 0);
          break;
        case 'URL_REQUEST_JOB_BYTES_READ':
          encoded = (encoded ?? 0) + (ownNumber(p, 'byte_count') ?? 0);
          break;
        case 'REQUEST_ALIVE':
          if (event.phase === 'END') aliveEnd = event;
          break;
        // A resolver request logged on the request itself (NavScope's NetLog export does: its
        // model resolves per request, before the socket pool).
        case 'HOST_RESOLVER_MANAGER_CACHE_HIT':
        case 'HOST_RESOLVER_IMPL_CACHE_HIT':
          dnsCacheHit = true;
          break;
        case 'HOST_RESOLVER_MANAGER_REQUEST':
        case 'HOST_RESOLVER_IMPL_REQUEST':
          if (event.phase === 'BEGIN') {
            dnsBegin = event;
            dnsCacheHit = false;
          } else if (event.phase === 'END' && dnsBegin) {
            const host =
              hostOf(`http://${(ownString(dnsBegin.params, 'host') ?? '').replace(/^[a-z]+:\/\//, '')}`) ||
              hostOf(hopUrl);
            const code = netError(event);
            trace.add(
              dnsBegin.ts,
              { type: 'dns.cache', host, outcome: dnsCacheHit ? 'hit' : 'miss', addresses: [] },
              dnsBegin.index,
            );
            span(NET_SPANS.dns, dnsBegin, event, { host, url: hopUrl }, code === null ? null : this.errorName(code));
            const addresses = addressesOf(ownField(ownField(p, 'results'), 'ip_endpoints'));
            if (code === null && addresses.length)
              trace.add(
                event.ts,
                {
                  type: 'dns.result',
                  host,
                  addresses,
                  source: dnsCacheHit ? 'cache' : addresses[0] === host ? 'literal' : 'recursive',
                  ttl: -1,
                },
                event.index,
              );
            dnsBegin = null;
          }
          break;
      }
    }
    closeDownload();
    if (cacheReadFrom !== null)
      span(IMPORTED_NET_SPANS.cacheRead, cacheReadFrom, cacheReadTo ?? cacheReadFrom, { url: hopUrl, cache: 'disk' });

    if (!aliveEnd) {
      this.stillRunning++;
      if (mainFrame) return navigationId;
      return currentNavigation;
    }
    const code = netError(aliveEnd) ?? jobError;
    const errorName = code === null ? null : this.errorName(code);
    // A request that logged no network step still gets a row: the time it waited, and how it ended.
    if (!trace.hasSpans(requestId))
      span(IMPORTED_NET_SPANS.stalled, first, aliveEnd, { url, source: `NetLog source ${source.id}` }, errorName);
    const fromCache = readFromCache && !sentAfterCacheRead ? 'disk' : readFromCache && status === 304 ? 'disk' : null;
    // Without byte counts (the default capture mode logs none), the final response's Content-Length.
    const contentLength = code === null ? Number(headerValue(lastResponseRaw, 'content-length') ?? NaN) : NaN;
    const ended = aliveEnd;
    trace.add(
      ended.ts,
      {
        type: 'request.end',
        requestId,
        url: hopUrl,
        status: errorName === null || status !== null ? status : null,
        statusText,
        netError:
          code === null
            ? null
            : {
                code,
                name: errorName!,
                detail: `REQUEST_ALIVE ended with net_error ${code}${ownBehalf ? ' (a request Chromium made on its own behalf)' : ''}`,
              },
        fromCache,
        protocol: connection.protocol,
        tls: connection.tls,
        remote: connection.remote,
        connectionId: connection.socket,
        reused: connection.socket === null ? null : connection.reused,
        encodedBodyBytes: encoded,
        decodedBodyBytes: decoded ?? (Number.isSafeInteger(contentLength) && contentLength >= 0 ? contentLength : null),
      },
      ended.index,
    );
    if (mainFrame) {
      trace.add(
        ended.ts,
        {
          type: 'navigation.end',
          navigationId: navigationId!,
          url: hopUrl,
          outcome: code !== null ? 'failed' : status === 204 || status === 205 ? 'no-commit' : 'committed',
          netError: code === null ? null : { code, name: errorName!, detail: 'the main-frame request failed' },
        },
        ended.index,
      );
    }
    return mainFrame ? navigationId : currentNavigation;
  }

  /**
   * The connection an HTTP stream job got: DNS, TCP and TLS when it made a new one (as
   * spans of this request), or the reused socket or session.
   */
  private importConnection(
    jobId: number,
    requestId: string,
    navigationId: string | null,
    url: string,
    boundAt: number,
  ): Connection {
    const found: Connection = { socket: null, remote: null, reused: false, protocol: null, tls: null };
    const connectJobs: NetLogSource[] = [];
    const seen = new Set<number>();
    const queue: { id: number; depth: number }[] = [{ id: jobId, depth: 0 }];
    while (queue.length > 0) {
      const { id, depth } = queue.shift()!;
      if (seen.has(id) || depth > 4) continue;
      seen.add(id);
      const source = this.sources.get(id);
      if (!source) continue;
      this.usedSources.add(id);
      if (source.type === 'SOCKET') {
        found.socket ??= id;
        continue;
      }
      if (/CONNECT_JOB$|STREAM_ATTEMPT$/.test(source.type)) connectJobs.push(source);
      for (const event of source.events) {
        if (event.ts > boundAt) break;
        if (event.type === 'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET') found.reused = true;
        if (
          event.type === 'HTTP2_SESSION_POOL_FOUND_EXISTING_SESSION' ||
          event.type === 'HTTP2_SESSION_POOL_FOUND_EXISTING_SESSION_FROM_IP_POOL' ||
          event.type === 'HTTP_STREAM_POOL_JOB_CONTROLLER_FOUND_EXISTING_SPDY_SESSION'
        ) {
          found.reused = true;
          found.protocol ??= 'h2';
        }
        if (event.type === 'HTTP_STREAM_REQUEST_PROTO')
          found.protocol = ownString(event.params, 'proto') ?? found.protocol;
        if (event.type === 'BOUND_TO_QUIC_SESSION_POOL_JOB') continue; // a QUIC attempt that lost the race
        const dep = dependency(event);
        if (dep === null || dep === id) continue;
        const target = this.sources.get(dep);
        if (!target || target.type === 'URL_REQUEST' || /CONTROLLER/.test(target.type)) continue;
        if (source.type === 'SOCKET') continue;
        queue.push({ id: dep, depth: depth + 1 });
      }
    }
    if (found.socket === null) {
      // an HTTP/2 session names its socket
      for (const id of seen) {
        const source = this.sources.get(id);
        if (source?.type !== 'HTTP2_SESSION') continue;
        const init = source.events.find((e) => e.type === 'HTTP2_SESSION_INITIALIZED');
        const dep = init ? dependency(init) : null;
        if (dep !== null) found.socket = dep;
      }
    }
    const socket = found.socket === null ? undefined : this.sources.get(found.socket);
    if (socket) this.usedSources.add(socket.id);
    const tcpEnd = socket?.events.find((e) => e.type === 'TCP_CONNECT' && e.phase === 'END');
    const tcpBegin = socket?.events.find((e) => e.type === 'TCP_CONNECT' && e.phase === 'BEGIN');
    found.remote =
      ownString(tcpEnd?.params ?? null, 'remote_address') ??
      addressesOf(ownField(tcpBegin?.params ?? null, 'address_list'))[0] ??
      null;
    const sslEnd = socket?.events.find((e) => e.type === 'SSL_CONNECT' && e.phase === 'END');
    found.protocol ??= ownString(sslEnd?.params ?? null, 'next_proto') ?? null;
    const version = ownString(sslEnd?.params ?? null, 'version');
    const cipher = ownNumber(sslEnd?.params ?? null, 'cipher_suite');
    const cipherName = cipher !== null ? cipherSuiteName(cipher) : ownString(sslEnd?.params ?? null, 'cipher_name');
    if (version) found.tls = cipherName ? `${version}, ${cipherName}` : version;
    if (found.protocol === 'unknown' || found.protocol === '') found.protocol = null;
    if (!found.reused)
      for (const job of connectJobs) this.importConnectJob(job, socket, requestId, navigationId, url, null);
    if (socket && !this.connectedSockets.has(socket.id) && this.firstUserOf(socket) === jobId) {
      // A socket made ahead of any request (a preconnect) and first used by this one: its
      // connect is shown on this request, said to be a preconnect; no earlier request used it.
      const alive = socket.events.find((e) => e.type === 'SOCKET_ALIVE' && e.phase === 'BEGIN');
      const dep = alive ? dependency(alive) : null;
      const connectJob = dep === null ? undefined : this.sources.get(dep);
      if (connectJob && /CONNECT_JOB$|STREAM_ATTEMPT$/.test(connectJob.type)) {
        this.usedSources.add(connectJob.id);
        this.importConnectJob(
          connectJob,
          socket,
          requestId,
          navigationId,
          url,
          'a preconnect: Chromium opened this connection before the request asked for it, and this request was its first user',
        );
        found.reused = false;
      }
    }
    return found;
  }

  /** DNS, TCP and TLS of one connect job (and the socket it made). */
  /** The stream job that first used a socket (its first SOCKET_IN_USE), or null. */
  private firstUserOf(socket: NetLogSource): number | null {
    const inUse = socket.events.find((e) => e.type === 'SOCKET_IN_USE' && e.phase === 'BEGIN');
    return inUse ? dependency(inUse) : null;
  }

  private importConnectJob(
    job: NetLogSource,
    socket: NetLogSource | undefined,
    requestId: string,
    navigationId: string | null,
    url: string,
    preconnect: string | null,
  ): void {
    const trace = this.trace;
    const span = (
      name: string,
      from: NetLogEvent,
      to: NetLogEvent | null,
      args: Record<string, JsonValue>,
      error: string | null,
      endArgs: Record<string, JsonValue> = {},
    ) => this.span(name, requestId, navigationId, from, to, { ...args, ...note }, error, endArgs);
    const events = job.events;
    const groupId = ownString(
      events.find((e) => e.type === 'SOCKET_POOL_CONNECT_JOB_CREATED')?.params ?? null,
      'group_id',
    );
    const groupHost = groupId ? hostOf(groupId.split(' ')[0]!.replace(/^pm\//, '')) : '';
    const host = groupHost || hostOf(url);
    // The socket this job made (it may differ from the one the request finally used).
    const jobSocketId = events
      .map((e) =>
        e.type === 'CONNECT_JOB_SET_SOCKET' || e.type === 'TCP_CONNECT_JOB_CONNECTOR_CONNECT_START'
          ? dependency(e)
          : null,
      )
      .find((d) => d !== null);
    const jobSocket =
      jobSocketId !== undefined && jobSocketId !== null ? (this.sources.get(jobSocketId) ?? socket) : socket;
    if (jobSocket) {
      this.usedSources.add(jobSocket.id);
      this.connectedSockets.add(jobSocket.id);
    }
    const note: Record<string, JsonValue> = preconnect ? { preconnect } : {};

    // DNS: a resolver request logged on the job, else inferred from the transport step.
    const resolver = events.find(
      (e) =>
        (e.type === 'HOST_RESOLVER_MANAGER_REQUEST' || e.type === 'HOST_RESOLVER_IMPL_REQUEST') && e.phase === 'BEGIN',
    );
    const resolverEnd = resolver
      ? events.find((e) => e.type === resolver.type && e.phase === 'END' && e.ts >= resolver.ts)
      : undefined;
    const cacheHit = events.some(
      (e) => e.type === 'HOST_RESOLVER_MANAGER_CACHE_HIT' || e.type === 'HOST_RESOLVER_IMPL_CACHE_HIT',
    );
    const transport = events.find(
      (e) =>
        (e.type === 'TCP_CONNECT_JOB_CONNECT' || e.type === 'TRANSPORT_CONNECT_JOB_CONNECT') && e.phase === 'BEGIN',
    );
    const transportEnd = transport
      ? events.find((e) => e.type === transport.type && e.phase === 'END' && e.ts >= transport.ts)
      : undefined;
    const tcpBegin = jobSocket?.events.find((e) => e.type === 'TCP_CONNECT' && e.phase === 'BEGIN');
    const tcpEnd = jobSocket?.events.find((e) => e.type === 'TCP_CONNECT' && e.phase === 'END');
    const connectStart = events.find((e) => e.type === 'TCP_CONNECT_JOB_CONNECTOR_CONNECT_START');
    const addresses = addressesOf(ownField(tcpBegin?.params ?? null, 'address_list'));
    const dnsSource = cacheHit ? 'cache' : addresses[0] === host ? 'literal' : 'os';
    const dnsResult = (at: NetLogEvent) => {
      if (addresses.length)
        trace.add(at.ts, { type: 'dns.result', host, addresses, source: dnsSource, ttl: -1 }, at.index);
    };
    if (resolver) {
      const code = netError(resolverEnd);
      const resultAddresses = addressesOf(ownField(ownField(resolverEnd?.params ?? null, 'results'), 'ip_endpoints'));
      trace.add(
        resolver.ts,
        { type: 'dns.cache', host, outcome: cacheHit ? 'hit' : 'miss', addresses: [] },
        resolver.index,
      );
      span(NET_SPANS.dns, resolver, resolverEnd ?? null, { host, url }, code === null ? null : this.errorName(code));
      if (resolverEnd && code === null) {
        const list = resultAddresses.length ? resultAddresses : addresses;
        if (list.length)
          trace.add(
            resolverEnd.ts,
            { type: 'dns.result', host, addresses: list, source: dnsSource, ttl: -1 },
            resolverEnd.index,
          );
      }
    } else if (transport) {
      const resolved = connectStart ?? tcpBegin ?? null;
      const code = netError(transportEnd);
      const resolving = events.some((e) => e.ts >= transport.ts && e.type.startsWith('HOST_RESOLVER'));
      if (resolved !== null && resolving) {
        span(
          NET_SPANS.dns,
          transport,
          resolved,
          {
            host,
            url,
            inferred: `the NetLog logged no resolver request for this connect job (${job.type} ${job.id}): this is the time from the start of its connect step to its first connection attempt`,
          },
          null,
        );
        dnsResult(resolved);
      } else if (resolved === null && code !== null && tcpBegin === undefined) {
        // The transport step failed before any connection attempt: the name did not resolve.
        span(
          NET_SPANS.dns,
          transport,
          transportEnd!,
          {
            host,
            url,
            inferred: `the connect job (${job.type} ${job.id}) failed with ${this.errorName(code)} before any connection attempt`,
          },
          this.errorName(code),
        );
      }
    }

    // TCP on the job's socket.
    if (tcpBegin) {
      const code = netError(tcpEnd);
      span(
        NET_SPANS.connect,
        tcpBegin,
        tcpEnd ?? null,
        {
          remote:
            ownString(tcpEnd?.params ?? null, 'remote_address') ??
            ownArray(tcpBegin.params, 'address_list')?.find((a): a is string => typeof a === 'string') ??
            '',
          connectionId: jobSocket!.id,
          source: `NetLog source ${jobSocket!.id} (SOCKET)`,
        },
        code === null ? null : this.errorName(code),
        {
          ...(ownString(tcpEnd?.params ?? null, 'local_address')
            ? { local: ownString(tcpEnd!.params, 'local_address')! }
            : {}),
          ...(ownString(tcpEnd?.params ?? null, 'remote_address')
            ? { remote: ownString(tcpEnd!.params, 'remote_address')! }
            : {}),
        },
      );
    }

    // TLS on the job's socket.
    const sslBegin = jobSocket?.events.find((e) => e.type === 'SSL_CONNECT' && e.phase === 'BEGIN');
    if (sslBegin) {
      const sslEnd = jobSocket!.events.find(
        (e) => e.type === 'SSL_CONNECT' && e.phase === 'END' && e.ts >= sslBegin.ts,
      );
      const certificates = jobSocket!.events
        .filter((e) => e.type === 'SSL_CERTIFICATES_RECEIVED')
        .flatMap((e) => ownArray(e.params, 'certificates') ?? [])
        .filter((c): c is string => typeof c === 'string')
        .slice(0, 10);
      const chain: JsonValue[] = [];
      for (const pem of certificates) {
        const summary = certificateSummaryOfPem(pem);
        if (summary) chain.push({ ...summary });
        else trace.problem('a received certificate could not be read', `NetLog source ${jobSocket!.id}`);
      }
      const end = sslEnd?.params ?? null;
      const handshakeError = netError(sslEnd);
      const jobError = netError(events.find((e) => e.type === 'SSL_CONNECT_JOB_CONNECT' && e.phase === 'END'));
      const error = handshakeError ?? (jobError !== null && jobError <= -200 && jobError > -300 ? jobError : null);
      const cipher = ownNumber(end, 'cipher_suite');
      const args: Record<string, JsonValue> = {
        host,
        remote: ownString(tcpEnd?.params ?? null, 'remote_address') ?? '',
        source: `NetLog source ${jobSocket!.id} (SOCKET)`,
      };
      const endArgs: Record<string, JsonValue> = {
        protocol: ownString(end, 'version') ?? '',
        cipher: cipher === null ? (ownString(end, 'cipher_name') ?? '') : cipherSuiteName(cipher),
        alpn: ownString(end, 'next_proto') ?? '',
        chain,
        verification: error !== null ? this.errorName(error) : sslEnd ? 'accepted by Chromium' : '…',
        ...(ownField(end, 'is_resumed') === true ? { resumed: true } : {}),
      };
      // NavScope's own export carries its certificate summaries (it keeps no certificate bytes).
      const summaries = ownArray(end, 'certificate_chain');
      if (certificates.length === 0 && summaries)
        endArgs.chain = summaries
          .filter(isRecord)
          .slice(0, 10)
          .map((c) => ({
            subject: ownString(c, 'subject') ?? '',
            issuer: ownString(c, 'issuer') ?? '',
            validFrom: ownString(c, 'validFrom') ?? '',
            validTo: ownString(c, 'validTo') ?? '',
            subjectAltNames: (ownArray(c, 'subjectAltNames') ?? []).filter((n): n is string => typeof n === 'string'),
          }));
      span(NET_SPANS.ssl, sslBegin, sslEnd ?? null, args, error === null ? null : this.errorName(error), endArgs);
    }
  }

  private span(
    name: string,
    requestId: string,
    navigationId: string | null,
    from: NetLogEvent,
    to: NetLogEvent | null,
    args: Record<string, JsonValue>,
    error: string | null,
    endArgs: Record<string, JsonValue>,
  ): void {
    this.trace.span({
      name,
      requestId,
      navigationId,
      begin: from.ts,
      end: to?.ts ?? null,
      beginKey: from.index,
      ...(to ? { endKey: to.index } : {}),
      status: error ? 'error' : 'ok',
      error,
      args,
      endArgs,
    });
  }

  private finish(eventCount: number): TraceFile {
    const trace = this.trace;
    const notes: string[] = [];
    const requests = [...this.sources.values()].filter((s) => s.type === 'URL_REQUEST').length;
    notes.push(`${eventCount} events, ${requests} URL requests`);
    if (this.stillRunning > 0)
      notes.push(
        `${this.stillRunning} request${this.stillRunning === 1 ? ' was' : 's were'} still running when the file ends`,
      );
    const unused = new Map<string, number>();
    for (const source of this.sources.values())
      if (!this.usedSources.has(source.id)) unused.set(source.type, (unused.get(source.type) ?? 0) + 1);
    if (unused.size > 0)
      notes.push(
        `not shown (no request used them): ${[...unused]
          .sort((a, b) => b[1] - a[1])
          .map(([type, n]) => `${n} ${type}`)
          .join(', ')}`,
      );
    return trace.trace({
      format: 'netlog',
      name: this.context.name,
      creator: this.creator,
      wallClock: this.wallClock,
      repaired: this.context.repaired,
      notes,
    });
  }
}

/** Reads parsed NetLog JSON into a NavScope trace. */
export function importNetLog(json: unknown, context: NetLogImportContext): TraceFile {
  return new NetLogReader(context).read(json);
}
