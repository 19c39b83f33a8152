/**
 * NetLog export of a NavScope trace: the JSON Chromium writes with `--log-net-log` and
 * chrome://net-export (net/log/file_net_log_observer.cc), so that a NavScope navigation
 * can be read in the tools engineers use for Chromium's (the NetLog viewer, and
 * NavScope's own import).
 *
 * Format: `{ constants, events, polledData }`. `constants` names every event type,
 * source type and phase used, with the numbers the events carry (logEventTypes,
 * logSourceType, logEventPhase), and `timeTickOffset` (ms) turns an event's `time`
 * (ms on the trace's monotonic clock, as a string) into Unix time. Each event is
 * `{ time, type, phase, source: { id, type, start_time }, params? }`; sources are linked
 * through `params.source_dependency`, as Chromium links them:
 *
 *   URL_REQUEST ──HTTP_STREAM_REQUEST_BOUND_TO_JOB──▶ HTTP_STREAM_JOB
 *   HTTP_STREAM_JOB ──SOCKET_POOL_BOUND_TO_CONNECT_JOB──▶ CONNECT_JOB ──CONNECT_JOB_SET_SOCKET──▶ SOCKET
 *   HTTP_STREAM_JOB ──SOCKET_POOL_BOUND_TO_SOCKET──▶ SOCKET (SOCKET_POOL_REUSED_AN_EXISTING_SOCKET when reused)
 *
 * What NavScope's model does differently from Chromium stays visible rather than being
 * reshaped: its DNS lookup runs per request before the socket pool, so it is logged on
 * the URL_REQUEST (HOST_RESOLVER_MANAGER_REQUEST) with the recursive walk's packets as a
 * DNS_TRANSACTION source. The certificate chain is NavScope's summary
 * (`certificate_chain` on SSL_CONNECT's end): the trace keeps no certificate bytes.
 */
import { NET_ERRORS } from '../net/netError.js';
import { cipherSuiteId } from '../net/tlsCipherSuites.js';
import type { JsonValue, TraceEvent, TraceEventOf } from './traceEvent.js';

const EVENT_TYPES = [
  'REQUEST_ALIVE',
  'URL_REQUEST_START_JOB',
  'URL_REQUEST_REDIRECT_JOB',
  'URL_REQUEST_REDIRECTED',
  'URL_REQUEST_JOB_BYTES_READ',
  'URL_REQUEST_JOB_FILTERED_BYTES_READ',
  'HTTP_CACHE_OPEN_OR_CREATE_ENTRY',
  'HTTP_CACHE_READ_INFO',
  'HTTP_CACHE_WRITE_INFO',
  'HOST_RESOLVER_MANAGER_REQUEST',
  'HOST_RESOLVER_MANAGER_CACHE_HIT',
  'DNS_TRANSACTION',
  'DNS_TRANSACTION_ATTEMPT',
  'DNS_TRANSACTION_RESPONSE',
  'HTTP_STREAM_REQUEST',
  'HTTP_STREAM_REQUEST_BOUND_TO_JOB',
  'HTTP_STREAM_JOB',
  'SOCKET_POOL_BOUND_TO_CONNECT_JOB',
  'SOCKET_POOL_BOUND_TO_SOCKET',
  'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET',
  'SOCKET_POOL_CONNECT_JOB_CREATED',
  'CONNECT_JOB',
  'TRANSPORT_CONNECT_JOB_CONNECT',
  'CONNECT_JOB_SET_SOCKET',
  'SOCKET_ALIVE',
  'TCP_CONNECT',
  'SSL_CONNECT',
  'SOCKET_IN_USE',
  'HTTP_TRANSACTION_SEND_REQUEST',
  'HTTP_TRANSACTION_SEND_REQUEST_HEADERS',
  'HTTP_TRANSACTION_READ_HEADERS',
  'HTTP_TRANSACTION_READ_RESPONSE_HEADERS',
  'HTTP_TRANSACTION_READ_BODY',
] as const;
type EventType = (typeof EVENT_TYPES)[number];

const SOURCE_TYPES = [
  'NONE',
  'URL_REQUEST',
  'HTTP_STREAM_JOB',
  'TRANSPORT_CONNECT_JOB',
  'SSL_CONNECT_JOB',
  'SOCKET',
  'DNS_TRANSACTION',
] as const;
type SourceType = (typeof SOURCE_TYPES)[number];

const PHASES = { PHASE_NONE: 0, PHASE_BEGIN: 1, PHASE_END: 2 } as const;
type PhaseName = 'NONE' | 'BEGIN' | 'END';

/** Chromium's load flag for a main-frame navigation (net/base/load_flags_list.h). */
const LOAD_MAIN_FRAME_DEPRECATED = 1 << 12;

export interface NetLogEventJson {
  time: string;
  type: number;
  phase: number;
  source: { id: number; type: number; start_time: string };
  params?: { [key: string]: JsonValue };
}

export interface NetLogJson {
  constants: {
    logEventTypes: Record<string, number>;
    logSourceType: Record<string, number>;
    logEventPhase: Record<string, number>;
    timeTickOffset: string;
    logFormatVersion: number;
    logCaptureMode: string;
    netError: Record<string, number>;
    loadFlag: Record<string, number>;
    clientInfo: { name: string; version: string; os_type: string };
  };
  events: NetLogEventJson[];
  polledData: Record<string, never>;
}

interface Source {
  id: number;
  type: SourceType;
  startMs: number;
}

interface Request {
  source: Source;
  url: string;
  method: string;
  jobOpen: boolean;
  streamJob: Source | null;
  streamRequestOpen: boolean;
  connectJob: Source | null;
  /** The socket this request's own connect opened (bound when its request is sent). */
  socket: Source | null;
  inUse: Source | null;
  dnsTransaction: Source | null;
  ended: boolean;
}

type Obj = { readonly [key: string]: unknown };
const isObj = (value: unknown): value is Obj => typeof value === 'object' && value !== null && !Array.isArray(value);
const str = (o: unknown, key: string): string | null => {
  const v = isObj(o) ? o[key] : undefined;
  return typeof v === 'string' ? v : null;
};
const num = (o: unknown, key: string): number | null => {
  const v = isObj(o) ? o[key] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
};

/** Head lines without the blank line that ends them. */
function headLines(raw: string): string[] {
  const end = raw.search(/\r?\n\r?\n/);
  return (end === -1 ? raw : raw.slice(0, end)).split(/\r?\n/).filter((line) => line !== '');
}

export function toNetLog(events: readonly TraceEvent[], version = '0.1.0'): NetLogJson {
  const begin = events.find((e): e is TraceEventOf<'trace.begin'> => e.type === 'trace.begin');
  const baseTs = begin?.ts ?? events[0]?.ts ?? 0;
  const wall = begin ? Date.parse(begin.wallClock) : NaN;
  // Ticks (ms) are the trace's own clock; timeTickOffset turns them into Unix time.
  const tickOffset = Number.isFinite(wall) ? wall - baseTs / 1000 : 0;

  const out: { ms: number; order: number; event: NetLogEventJson }[] = [];
  let nextSource = 1;
  const newSource = (type: SourceType, ms: number): Source => ({ id: nextSource++, type, startMs: ms });
  const typeNumber = (type: EventType): number => EVENT_TYPES.indexOf(type) + 1;
  const log = (
    source: Source,
    ms: number,
    type: EventType,
    phase: PhaseName,
    params?: { [key: string]: JsonValue },
  ): void => {
    const event: NetLogEventJson = {
      time: String(Math.round(ms)),
      type: typeNumber(type),
      phase: PHASES[`PHASE_${phase}`],
      source: {
        id: source.id,
        type: SOURCE_TYPES.indexOf(source.type),
        start_time: String(Math.round(source.startMs)),
      },
    };
    if (params && Object.keys(params).length > 0) event.params = params;
    out.push({ ms, order: out.length, event });
  };
  const dependency = (source: Source): { [key: string]: JsonValue } => ({
    source_dependency: { id: source.id, type: SOURCE_TYPES.indexOf(source.type) },
  });
  const netErrorParams = (error: string | null): { [key: string]: JsonValue } => {
    if (!error) return {};
    const name = /ERR_[A-Z0-9_]+/.exec(error)?.[0];
    const code = name && Object.hasOwn(NET_ERRORS, name) ? NET_ERRORS[name as keyof typeof NET_ERRORS] : -2;
    return { net_error: code };
  };

  const requests = new Map<string, Request>();
  const socketsByConnection = new Map<number, Source>();
  const spans = new Map<string, { name: string; requestId: string | null; args: Obj }>();
  const requestOf = (id: string | null): Request | undefined => (id ? requests.get(id) : undefined);

  const streamJobFor = (request: Request, ms: number): Source => {
    if (!request.streamJob) {
      request.streamJob = newSource('HTTP_STREAM_JOB', ms);
      log(request.streamJob, ms, 'HTTP_STREAM_JOB', 'BEGIN', { url: request.url, ...dependency(request.source) });
      log(request.source, ms, 'HTTP_STREAM_REQUEST', 'BEGIN');
      request.streamRequestOpen = true;
    }
    return request.streamJob;
  };
  const endJob = (request: Request, ms: number, error: string | null): void => {
    if (!request.jobOpen) return;
    log(request.source, ms, 'URL_REQUEST_START_JOB', 'END', netErrorParams(error));
    request.jobOpen = false;
  };
  const releaseSocket = (request: Request, ms: number): void => {
    if (request.inUse) log(request.inUse, ms, 'SOCKET_IN_USE', 'END');
    request.inUse = null;
  };
  const finish = (request: Request, ms: number, error: string | null): void => {
    if (request.ended) return;
    releaseSocket(request, ms);
    if (request.streamRequestOpen) log(request.source, ms, 'HTTP_STREAM_REQUEST', 'END', netErrorParams(error));
    request.streamRequestOpen = false;
    endJob(request, ms, error);
    log(request.source, ms, 'REQUEST_ALIVE', 'END', netErrorParams(error));
    request.ended = true;
  };
  const nextHop = (request: Request, ms: number, url: string, method: string): void => {
    request.url = url;
    request.method = method;
    request.streamJob = null;
    request.connectJob = null;
    request.socket = null;
    log(request.source, ms, 'URL_REQUEST_START_JOB', 'BEGIN', { url, method, load_flags: 0 });
    request.jobOpen = true;
  };

  for (const e of events) {
    const ms = e.ts / 1000;
    switch (e.type) {
      case 'message': {
        const payload = isObj(e.payload) ? e.payload : null;
        const requestId = str(payload, 'requestId') ?? e.route;
        if (e.name === 'URLLoaderFactory.CreateLoaderAndStart') {
          const request = isObj(payload?.request) ? payload.request : null;
          const url = str(request, 'url');
          if (!requestId || !url || requests.has(requestId)) break;
          const at = e.deliveredAt / 1000;
          const navigation = str(request, 'mode') === 'navigate';
          const state: Request = {
            source: newSource('URL_REQUEST', at),
            url,
            method: str(request, 'method') ?? 'GET',
            jobOpen: true,
            streamJob: null,
            streamRequestOpen: false,
            connectJob: null,
            socket: null,
            inUse: null,
            dnsTransaction: null,
            ended: false,
          };
          requests.set(requestId, state);
          log(state.source, at, 'REQUEST_ALIVE', 'BEGIN', { url, navscope_request_id: requestId });
          log(state.source, at, 'URL_REQUEST_START_JOB', 'BEGIN', {
            url,
            method: state.method,
            initiator: str(request, 'initiatorOrigin') ?? 'not an origin',
            load_flags: navigation ? LOAD_MAIN_FRAME_DEPRECATED : 0,
            request_type: navigation ? 'main frame' : 'other',
            destination: str(request, 'destination') ?? '',
          });
        } else if (e.name === 'URLLoaderClient.OnReceiveRedirect') {
          const request = requestOf(requestId);
          const redirect = isObj(payload?.redirect) ? payload.redirect : null;
          const location = str(redirect, 'newUrl');
          if (!request || !location) break;
          releaseSocket(request, ms);
          log(request.source, e.sentAt / 1000, 'URL_REQUEST_REDIRECTED', 'NONE', { location });
          endJob(request, e.sentAt / 1000, null);
          request.url = location;
          request.method = str(redirect, 'newMethod') ?? request.method;
        } else if (e.name === 'URLLoader.FollowRedirect') {
          const request = requestOf(requestId);
          if (request && !request.jobOpen && !request.ended)
            nextHop(request, e.deliveredAt / 1000, request.url, request.method);
        } else if (e.name === 'URLLoaderClient.OnComplete') {
          const request = requestOf(requestId);
          const status = isObj(payload?.status) ? payload.status : null;
          const code = num(status, 'errorCode') ?? 0;
          if (request) finish(request, e.sentAt / 1000, code === 0 ? null : (str(status, 'errorName') ?? 'ERR_FAILED'));
        } else if (e.name === 'URLLoader.Cancel') {
          const request = requestOf(requestId);
          if (request) finish(request, e.deliveredAt / 1000, 'ERR_ABORTED');
        }
        break;
      }
      case 'hsts.upgrade':
      case 'https.upgrade': {
        const request = requestOf(e.requestId);
        if (!request || (e.type === 'https.upgrade' && e.outcome !== 'upgraded')) break;
        // The loader reports it to its client as a 307 (OnReceiveRedirect), logged there.
        log(request.source, ms, 'URL_REQUEST_REDIRECT_JOB', 'NONE', {
          reason: e.type === 'hsts.upgrade' ? 'HSTS' : 'HttpsUpgrades',
        });
        break;
      }
      case 'cache.lookup': {
        const request = requestOf(e.requestId);
        if (!request) break;
        if (e.outcome === 'miss' || e.outcome === 'fresh' || e.outcome === 'stale') {
          log(request.source, ms, 'HTTP_CACHE_OPEN_OR_CREATE_ENTRY', 'BEGIN');
          log(request.source, ms, 'HTTP_CACHE_OPEN_OR_CREATE_ENTRY', 'END', {
            result: e.outcome === 'miss' ? 'created' : 'opened',
          });
        }
        if (e.outcome === 'fresh') {
          log(request.source, ms, 'HTTP_CACHE_READ_INFO', 'BEGIN');
          log(request.source, ms, 'HTTP_CACHE_READ_INFO', 'END');
        }
        if (e.outcome === 'stored') {
          log(request.source, ms, 'HTTP_CACHE_WRITE_INFO', 'BEGIN');
          log(request.source, ms, 'HTTP_CACHE_WRITE_INFO', 'END');
        }
        break;
      }
      case 'dns.cache': {
        if (e.outcome !== 'hit') break;
        const open = [...spans.values()].find((s) => s.name === 'DNS Lookup' && str(s.args, 'host') === e.host);
        const request = requestOf(open?.requestId ?? null);
        if (request) log(request.source, ms, 'HOST_RESOLVER_MANAGER_CACHE_HIT', 'NONE');
        break;
      }
      case 'dns.query': {
        const requestId = [...requests.keys()].find((id) => e.queryId.startsWith(`${id}.`));
        const request = requestOf(requestId ?? null);
        if (!request) break;
        if (!request.dnsTransaction) {
          request.dnsTransaction = newSource('DNS_TRANSACTION', ms);
          log(request.dnsTransaction, ms, 'DNS_TRANSACTION', 'BEGIN', {
            hostname: e.host,
            query_type: e.question.type,
            ...dependency(request.source),
          });
        }
        log(request.dnsTransaction, ms, 'DNS_TRANSACTION_ATTEMPT', 'BEGIN', {
          server: `${e.server.address}:${e.server.port}`,
          server_name: e.server.name,
          server_role: e.server.role,
          zone: e.server.zone,
          question: `${e.question.name} ${e.question.type}`,
          transaction_id: e.transactionId,
          attempt: e.attempt,
          query_id: e.queryId,
        });
        break;
      }
      case 'dns.response':
      case 'dns.timeout': {
        const requestId = [...requests.keys()].find((id) => e.queryId.startsWith(`${id}.`));
        const transaction = requestOf(requestId ?? null)?.dnsTransaction;
        if (!transaction) break;
        if (e.type === 'dns.response') {
          const records = (list: { name: string; type: string; ttl: number; data: string }[]) =>
            list.map((r) => `${r.name} ${r.ttl} ${r.type} ${r.data}`);
          log(transaction, ms, 'DNS_TRANSACTION_RESPONSE', 'NONE', {
            rcode: e.rcode,
            authoritative: e.authoritative,
            answers: records(e.answers),
            authorities: records(e.authorities),
            additionals: records(e.additionals),
            size: e.size,
          });
          log(transaction, ms, 'DNS_TRANSACTION_ATTEMPT', 'END', {});
        } else log(transaction, ms, 'DNS_TRANSACTION_ATTEMPT', 'END', { net_error: NET_ERRORS.ERR_DNS_TIMED_OUT });
        break;
      }
      case 'span.begin': {
        if (e.category !== 'net') break;
        spans.set(e.spanId, { name: e.name, requestId: e.requestId, args: e.args });
        const request = requestOf(e.requestId);
        if (!request) break;
        if (e.name === 'DNS Lookup') {
          log(request.source, ms, 'HOST_RESOLVER_MANAGER_REQUEST', 'BEGIN', {
            host: str(e.args, 'host') ?? '',
            dns_query_type: 'UNSPECIFIED',
          });
        } else if (e.name === 'Initial connection') {
          const job = streamJobFor(request, ms);
          if (!request.connectJob) {
            request.connectJob = newSource(
              request.url.startsWith('https:') ? 'SSL_CONNECT_JOB' : 'TRANSPORT_CONNECT_JOB',
              ms,
            );
            log(request.connectJob, ms, 'CONNECT_JOB', 'BEGIN');
            log(request.connectJob, ms, 'SOCKET_POOL_CONNECT_JOB_CREATED', 'NONE', {
              group_id: str(e.args, 'group') ?? '',
              backup_job: false,
            });
            log(job, ms, 'SOCKET_POOL_BOUND_TO_CONNECT_JOB', 'NONE', dependency(request.connectJob));
          }
          log(request.connectJob, ms, 'TRANSPORT_CONNECT_JOB_CONNECT', 'BEGIN');
          request.socket = newSource('SOCKET', ms);
          log(request.socket, ms, 'SOCKET_ALIVE', 'BEGIN', dependency(request.connectJob));
          log(request.socket, ms, 'TCP_CONNECT', 'BEGIN', { address_list: [str(e.args, 'remote') ?? ''] });
        } else if (e.name === 'SSL') {
          if (request.socket) log(request.socket, ms, 'SSL_CONNECT', 'BEGIN');
        } else if (e.name === 'Request sent') {
          const job = streamJobFor(request, ms);
          const connectionId = num(e.args, 'connectionId');
          const reused = e.args.reused === true;
          let socket: Source | undefined;
          if (reused && connectionId !== null) {
            socket = socketsByConnection.get(connectionId);
            if (!socket) {
              socket = newSource('SOCKET', ms);
              socketsByConnection.set(connectionId, socket);
            }
            log(job, ms, 'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET', 'NONE', { idle_ms: 0 });
          } else if (request.socket) {
            socket = request.socket;
            if (connectionId !== null) socketsByConnection.set(connectionId, socket);
            if (request.connectJob) log(request.connectJob, ms, 'CONNECT_JOB', 'END');
          }
          if (socket) {
            log(job, ms, 'SOCKET_POOL_BOUND_TO_SOCKET', 'NONE', dependency(socket));
            log(socket, ms, 'SOCKET_IN_USE', 'BEGIN', dependency(job));
            request.inUse = socket;
          }
          log(job, ms, 'HTTP_STREAM_JOB', 'END');
          log(request.source, ms, 'HTTP_STREAM_REQUEST_BOUND_TO_JOB', 'NONE', dependency(job));
          if (request.streamRequestOpen) log(request.source, ms, 'HTTP_STREAM_REQUEST', 'END');
          request.streamRequestOpen = false;
          log(request.source, ms, 'HTTP_TRANSACTION_SEND_REQUEST', 'BEGIN');
        } else if (e.name === 'Waiting for server response') {
          log(request.source, ms, 'HTTP_TRANSACTION_READ_HEADERS', 'BEGIN');
        } else if (e.name === 'Content Download') {
          log(request.source, ms, 'HTTP_TRANSACTION_READ_BODY', 'BEGIN');
        }
        break;
      }
      case 'span.end': {
        const span = spans.get(e.spanId);
        if (!span) break;
        spans.delete(e.spanId);
        const request = requestOf(span.requestId);
        if (!request) break;
        const error = e.status === 'ok' ? null : (e.error ?? 'ERR_FAILED');
        if (span.name === 'DNS Lookup') {
          const addresses = Array.isArray(e.args.addresses)
            ? e.args.addresses.filter((a): a is string => typeof a === 'string')
            : [];
          if (request.dnsTransaction) {
            log(request.dnsTransaction, ms, 'DNS_TRANSACTION', 'END', netErrorParams(error));
            request.dnsTransaction = null;
          }
          log(request.source, ms, 'HOST_RESOLVER_MANAGER_REQUEST', 'END', {
            ...netErrorParams(error),
            ...(addresses.length ? { results: { ip_endpoints: addresses.map((address) => ({ address })) } } : {}),
          });
        } else if (span.name === 'Initial connection') {
          if (request.socket)
            log(
              request.socket,
              ms,
              'TCP_CONNECT',
              'END',
              error
                ? netErrorParams(error)
                : {
                    local_address: str(e.args, 'local') ?? '',
                    remote_address: str(span.args, 'remote') ?? '',
                  },
            );
          if (request.connectJob) {
            log(request.connectJob, ms, 'TRANSPORT_CONNECT_JOB_CONNECT', 'END', netErrorParams(error));
            if (request.socket && !error)
              log(request.connectJob, ms, 'CONNECT_JOB_SET_SOCKET', 'NONE', dependency(request.socket));
            if (error) log(request.connectJob, ms, 'CONNECT_JOB', 'END', netErrorParams(error));
          }
        } else if (span.name === 'SSL') {
          if (request.socket) {
            const cipher = str(e.args, 'cipher');
            const id = cipher ? cipherSuiteId(cipher) : null;
            log(request.socket, ms, 'SSL_CONNECT', 'END', {
              ...netErrorParams(error),
              ...(str(e.args, 'protocol') ? { version: str(e.args, 'protocol')!.replace(/^TLSv/, 'TLS ') } : {}),
              ...(id !== null ? { cipher_suite: id } : cipher ? { cipher_name: cipher } : {}),
              ...(str(e.args, 'alpn') ? { next_proto: str(e.args, 'alpn')! } : {}),
              ...(Array.isArray(e.args.chain) ? { certificate_chain: e.args.chain } : {}),
            });
          }
          if (error && request.connectJob) log(request.connectJob, ms, 'CONNECT_JOB', 'END', netErrorParams(error));
        } else if (span.name === 'Request sent') {
          log(request.source, ms, 'HTTP_TRANSACTION_SEND_REQUEST', 'END', netErrorParams(error));
        } else if (span.name === 'Waiting for server response') {
          log(request.source, ms, 'HTTP_TRANSACTION_READ_HEADERS', 'END', netErrorParams(error));
        } else if (span.name === 'Content Download') {
          const encoded = num(e.args, 'encodedBodyBytes');
          const decoded = num(e.args, 'decodedBodyBytes');
          if (encoded !== null) log(request.source, ms, 'URL_REQUEST_JOB_BYTES_READ', 'NONE', { byte_count: encoded });
          if (decoded !== null)
            log(request.source, ms, 'URL_REQUEST_JOB_FILTERED_BYTES_READ', 'NONE', { byte_count: decoded });
          log(request.source, ms, 'HTTP_TRANSACTION_READ_BODY', 'END', netErrorParams(error));
          releaseSocket(request, ms);
        }
        break;
      }
      case 'http.request': {
        const request = requestOf(e.requestId);
        if (!request) break;
        const [line = '', ...headers] = headLines(e.raw);
        log(request.source, ms, 'HTTP_TRANSACTION_SEND_REQUEST_HEADERS', 'NONE', { line: `${line}\r\n`, headers });
        break;
      }
      case 'http.response': {
        const request = requestOf(e.requestId);
        if (!request) break;
        log(request.source, ms, 'HTTP_TRANSACTION_READ_RESPONSE_HEADERS', 'NONE', { headers: headLines(e.rawHeaders) });
        break;
      }
      default:
        break;
    }
  }

  out.sort((a, b) => a.ms - b.ms || a.order - b.order);
  const table = <T extends string>(names: readonly T[], first: number): Record<string, number> =>
    Object.fromEntries(names.map((name, i) => [name, i + first]));
  return {
    constants: {
      logEventTypes: table(EVENT_TYPES, 1),
      logSourceType: table(SOURCE_TYPES, 0),
      logEventPhase: { ...PHASES },
      timeTickOffset: String(Math.round(tickOffset)),
      logFormatVersion: 1,
      logCaptureMode: 'Default',
      netError: Object.fromEntries(Object.entries(NET_ERRORS).filter(([name]) => name !== 'OK')),
      loadFlag: { NORMAL: 0, MAIN_FRAME_DEPRECATED: LOAD_MAIN_FRAME_DEPRECATED },
      clientInfo: { name: 'NavScope', version, os_type: begin?.platform ?? '' },
    },
    events: out.map((e) => e.event),
    polledData: {},
  };
}
