import { NET_SPANS } from '../trace/phases.js';
import type { RealNetLogEvent } from './realTrace.js';

/**
 * The requests in a real trace's `netlog` category, and their network steps under the
 * names DevTools (and NavScope's own network thread) gives them.
 *
 * In the JSON trace, NetLog events sit on async tracks that Chromium reuses: one track
 * carries one source at a time (a URL_REQUEST, an HTTP_STREAM_JOB, a SOCKET…), and the
 * source's own NetLog id is not in the trace. A source is therefore told apart by its
 * track, its source type and `params.source_start_time` (every event of a source
 * carries its start), and sources are linked by the ids their events name in
 * `params.source_dependency`:
 *
 *   URL_REQUEST   HTTP_STREAM_JOB_CONTROLLER_BOUND → controller id
 *                 HTTP_STREAM_REQUEST_BOUND_TO_JOB → the job that served it
 *   HTTP_STREAM_JOB (its first event) → controller id; SOCKET_POOL_BOUND_TO_SOCKET → socket id;
 *                 SOCKET_POOL_BOUND_TO_CONNECT_JOB (a new connection) or …REUSED_AN_EXISTING_SOCKET
 *   SOCKET        SOCKET_IN_USE → the job using it; TCP_CONNECT and SSL_CONNECT (its handshakes)
 *   *_CONNECT_JOB CONNECT_JOB_SET_SOCKET → socket id; host resolution
 *
 * What cannot be linked is simply not drawn as a step (the raw events stay in the trace).
 */

export interface RealNetSource {
  key: string;
  type: string;
  track: string;
  events: RealNetLogEvent[];
  start: number;
}

export interface RealRequestStep {
  /** DevTools' name: DNS Lookup, Initial connection, SSL, Request sent, Waiting for server response, Content Download. */
  name: string;
  start: number;
  end: number;
  /** The NetLog events it was read from. */
  from: string[];
}

export interface RealRequest {
  source: RealNetSource;
  url: string | null;
  method: string | null;
  start: number;
  end: number | null;
  /** `main frame`, `other`… (URL_REQUEST_START_JOB's request_type). */
  requestType: string | null;
  initiator: string | null;
  priority: string | null;
  statusLine: string | null;
  status: number | null;
  /** Chromium's net error code, when the request failed. */
  netError: number | null;
  remote: string | null;
  /** true: an idle connection was reused; false: a new one was made; null: not known. */
  reused: boolean | null;
  protocol: string | null;
  /** The request head as sent (HTTP_TRANSACTION_SEND_REQUEST_HEADERS), when the trace has it. */
  requestHead: string | null;
  responseHead: string | null;
  steps: RealRequestStep[];
}

type Params = Record<string, unknown>;

function param(event: RealNetLogEvent, key: string): unknown {
  const params: Params | null = event.params;
  return params && Object.hasOwn(params, key) ? params[key] : undefined;
}

function str(value: unknown): string | null {
  return typeof value === 'string' ? value : null;
}

function dependency(event: RealNetLogEvent): number | null {
  const dep = param(event, 'source_dependency');
  if (typeof dep !== 'object' || dep === null || Array.isArray(dep)) return null;
  const id = Object.hasOwn(dep, 'id') ? (dep as Params).id : undefined;
  return typeof id === 'number' && Number.isFinite(id) ? id : null;
}

function headLines(value: unknown): string | null {
  if (Array.isArray(value)) return value.filter((line) => typeof line === 'string').join('\r\n');
  if (typeof value === 'object' && value !== null) {
    const line = Object.hasOwn(value, 'line') ? str((value as Params).line) : null;
    const headers = headLines(Object.hasOwn(value, 'headers') ? (value as Params).headers : undefined);
    if (line !== null) return `${line.replace(/\r\n$/, '')}\r\n${headers ?? ''}`;
    return headers;
  }
  return null;
}

/** Groups the NetLog events by source (see the module comment). Events must be in time order. */
export function netLogSources(events: readonly RealNetLogEvent[]): Map<RealNetLogEvent, RealNetSource> {
  const bySource = new Map<string, RealNetSource>();
  const ofEvent = new Map<RealNetLogEvent, RealNetSource>();
  const occupancy = new Map<string, number>();
  for (const event of events) {
    const type = event.sourceType ?? 'NONE';
    const lane = `${event.id}|${type}`;
    const started = param(event, 'source_start_time');
    let key: string;
    if (typeof started === 'string' || typeof started === 'number') key = `${lane}|${String(started)}`;
    else {
      // No start time (an older Chromium): one source per outermost span on the track.
      if (event.kind === 'span' && event.depth === 0) occupancy.set(lane, (occupancy.get(lane) ?? 0) + 1);
      key = `${lane}|#${occupancy.get(lane) ?? 0}`;
    }
    let source = bySource.get(key);
    if (!source) {
      source = { key, type, track: event.id, events: [], start: event.ts };
      bySource.set(key, source);
    }
    source.events.push(event);
    ofEvent.set(event, source);
  }
  return ofEvent;
}

const named = (source: RealNetSource, name: string) => source.events.filter((e) => e.name === name);
const spanOf = (event: RealNetLogEvent): { start: number; end: number } | null =>
  event.end === null ? null : { start: event.ts, end: event.end };

/** Every URL request in the trace, with its network steps. */
export function realRequests(events: readonly RealNetLogEvent[]): RealRequest[] {
  const ofEvent = netLogSources(events);
  const sources = [...new Set(ofEvent.values())];
  const jobsByController = new Map<number, RealNetSource[]>();
  const socketsByJob = new Map<number, { socket: RealNetSource; inUse: RealNetLogEvent }>();
  const connectBySocket = new Map<number, RealNetSource[]>();
  const push = <K, V>(map: Map<K, V[]>, key: K, value: V) => (map.get(key) ?? map.set(key, []).get(key)!).push(value);
  for (const source of sources) {
    if (source.type === 'HTTP_STREAM_JOB') {
      const first = source.events.find((e) => e.name === 'HTTP_STREAM_JOB');
      const controller = first ? dependency(first) : null;
      if (controller !== null) push(jobsByController, controller, source);
    } else if (source.type === 'SOCKET') {
      for (const inUse of named(source, 'SOCKET_IN_USE')) {
        const job = dependency(inUse);
        if (job !== null && !socketsByJob.has(job)) socketsByJob.set(job, { socket: source, inUse });
      }
    } else if (source.type.endsWith('CONNECT_JOB')) {
      for (const set of named(source, 'CONNECT_JOB_SET_SOCKET')) {
        const socket = dependency(set);
        if (socket !== null) push(connectBySocket, socket, source);
      }
    }
  }

  const requests: RealRequest[] = [];
  for (const source of sources) {
    if (source.type !== 'URL_REQUEST') continue;
    const own = source.events;
    const startJob = own.find((e) => e.name === 'URL_REQUEST_START_JOB');
    const alive = own.find((e) => e.name === 'REQUEST_ALIVE');
    const url = str(param(startJob ?? alive ?? own[0]!, 'url')) ?? own.find((e) => e.url !== null)?.url ?? null;
    const outer = own.filter((e) => e.kind === 'span' && e.depth === 0);
    const end = outer.length && outer.every((e) => e.end !== null) ? Math.max(...outer.map((e) => e.end!)) : null;
    const responseHeaders = own.filter((e) => e.name === 'HTTP_TRANSACTION_READ_RESPONSE_HEADERS').at(-1);
    const responseHead = responseHeaders ? headLines(param(responseHeaders, 'headers')) : null;
    const statusLine = responseHead?.split('\r\n')[0] ?? null;
    const status = statusLine ? Number(/^HTTP\/[\d.]+ (\d{3})/.exec(statusLine)?.[1] ?? NaN) : NaN;
    const sentHeaders = own.find((e) => e.name === 'HTTP_TRANSACTION_SEND_REQUEST_HEADERS');
    let netError: number | null = null;
    for (const e of own) {
      const code = param(e, 'net_error');
      if (typeof code === 'number' && code < 0) netError = code;
    }

    // The job that served it, the socket it ran on, and the connect job that made that socket.
    const controllers = named(source, 'HTTP_STREAM_JOB_CONTROLLER_BOUND')
      .map(dependency)
      .filter((id) => id !== null);
    const jobIds = named(source, 'HTTP_STREAM_REQUEST_BOUND_TO_JOB')
      .map(dependency)
      .filter((id) => id !== null);
    const jobs = controllers
      .flatMap((c) => jobsByController.get(c) ?? [])
      .filter((job) => job.events.some((e) => e.name === 'SOCKET_POOL_BOUND_TO_SOCKET'));
    const socketIds = jobs.flatMap((job) =>
      named(job, 'SOCKET_POOL_BOUND_TO_SOCKET')
        .map(dependency)
        .filter((id) => id !== null),
    );
    const usage = jobIds.map((id) => socketsByJob.get(id)).find((u) => u !== undefined) ?? null;
    const freshJob = jobs.some((job) => job.events.some((e) => e.name === 'SOCKET_POOL_BOUND_TO_CONNECT_JOB'));
    const reusedJob = jobs.some((job) => job.events.some((e) => e.name === 'SOCKET_POOL_REUSED_AN_EXISTING_SOCKET'));
    // The socket's first use is this request's: its handshakes were made for it.
    const firstUse = usage ? named(usage.socket, 'SOCKET_IN_USE')[0] === usage.inUse : false;
    const reused = usage ? !(firstUse && !reusedJob) : freshJob ? false : reusedJob ? true : null;
    const connects = socketIds.flatMap((id) => connectBySocket.get(id) ?? []);

    const steps: RealRequestStep[] = [];
    const step = (name: string, at: { start: number; end: number } | null, from: string[]) => {
      if (at && at.end >= at.start) steps.push({ name, start: at.start, end: at.end, from });
    };
    const within = (e: RealNetLogEvent) => e.ts >= source.start && (end === null || e.ts <= end);
    for (const dns of [...own, ...jobs.flatMap((j) => j.events), ...connects.flatMap((c) => c.events)])
      if (dns.name === 'HOST_RESOLVER_MANAGER_REQUEST' && within(dns))
        step(NET_SPANS.dns, spanOf(dns), ['HOST_RESOLVER_MANAGER_REQUEST']);
    let remote: string | null = null;
    let protocol: string | null = null;
    if (usage) {
      const tcp = named(usage.socket, 'TCP_CONNECT')[0];
      const ssl = named(usage.socket, 'SSL_CONNECT')[0];
      if (tcp) remote = str(param(tcp, 'remote_address'));
      if (ssl) protocol = str(param(ssl, 'next_proto'));
      if (reused === false) {
        step(NET_SPANS.connect, tcp ? spanOf(tcp) : null, ['TCP_CONNECT']);
        step(NET_SPANS.ssl, ssl ? spanOf(ssl) : null, ['SSL_CONNECT']);
      }
    } else if (reused === false) {
      const connect = connects.flatMap((c) => named(c, 'TCP_CONNECT_JOB_CONNECT'))[0];
      step(NET_SPANS.connect, connect ? spanOf(connect) : null, ['TCP_CONNECT_JOB_CONNECT']);
    }
    if (remote === null)
      remote =
        connects
          .flatMap((c) => named(c, 'TCP_CONNECT_JOB_CONNECTOR_CONNECT_START'))
          .map((e) => str(param(e, 'address')))[0] ?? null;
    for (const send of named(source, 'HTTP_TRANSACTION_SEND_REQUEST'))
      step(NET_SPANS.send, spanOf(send), ['HTTP_TRANSACTION_SEND_REQUEST']);
    const waits = named(source, 'HTTP_TRANSACTION_READ_HEADERS');
    for (const wait of waits) step(NET_SPANS.wait, spanOf(wait), ['HTTP_TRANSACTION_READ_HEADERS']);
    const lastHeaders = waits.at(-1);
    const bodies = named(source, 'HTTP_TRANSACTION_READ_BODY').filter((e) => e.end !== null);
    if (lastHeaders?.end != null && bodies.length > 0)
      step(NET_SPANS.download, { start: lastHeaders.end, end: Math.max(...bodies.map((e) => e.end!)) }, [
        'HTTP_TRANSACTION_READ_HEADERS',
        'HTTP_TRANSACTION_READ_BODY',
      ]);
    if (protocol === null && statusLine?.startsWith('HTTP/1.1')) protocol = 'http/1.1';

    requests.push({
      source,
      url,
      method: startJob ? str(param(startJob, 'method')) : null,
      start: source.start,
      end,
      requestType: startJob ? str(param(startJob, 'request_type')) : null,
      initiator: startJob ? str(param(startJob, 'initiator')) : null,
      priority: alive ? str(param(alive, 'priority')) : null,
      statusLine,
      status: Number.isFinite(status) ? status : null,
      netError,
      remote,
      reused,
      protocol,
      requestHead: sentHeaders ? headLines(sentHeaders.params) : null,
      responseHead,
      steps: steps.sort((a, b) => a.start - b.start),
    });
  }
  return requests.sort((a, b) => a.start - b.start);
}
