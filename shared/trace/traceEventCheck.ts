/**
 * What the window checks before it shows an event: every event it receives (live
 * batches, saved trace files) has a known type and, for that type, every field with
 * the right kind of value, and one level further in where the views read inside a
 * field. The tables below are checked by the compiler against TraceEventBody: a field added to an event type and not listed here, or listed
 * with the wrong kind, does not compile.
 *
 * An event that fails the check is not dropped (its place in the trace is kept): it
 * becomes an `error` event saying what was wrong, so a bad input is visible and the
 * views never read a field that is not there.
 */
import { MAX_TRACE_STRING, jsonShapeProblem } from '../base/jsonLimits.js';
import type { JsonValue, TraceEvent, TraceEventOf, TraceEventType } from './traceEvent.js';

type Kind = 'json' | 'string' | 'string?' | 'number' | 'number?' | 'boolean' | 'array' | 'object' | 'object?';

/** The kind of value a field of type V holds (null-able kinds end in "?"). */
type KindOf<V> = [JsonValue] extends [V]
  ? 'json'
  : [V] extends [string]
    ? 'string'
    : [V] extends [string | null]
      ? 'string?'
      : [V] extends [number]
        ? 'number'
        : [V] extends [number | null]
          ? 'number?'
          : [V] extends [boolean]
            ? 'boolean'
            : [V] extends [readonly unknown[]]
              ? 'array'
              : [V] extends [object]
                ? 'object'
                : [V] extends [object | null]
                  ? 'object?'
                  : never;

type FieldsOf<T extends TraceEventType> = Exclude<keyof TraceEventOf<T>, 'type' | 'seq' | 'ts' | 'endpoint'>;
type Spec<T extends TraceEventType> = { [K in FieldsOf<T>]-?: KindOf<TraceEventOf<T>[K]> };

const SPANS = {
  spanId: 'string',
  name: 'string',
  category: 'string',
  phase: 'string?',
  parentId: 'string?',
  navigationId: 'string?',
  requestId: 'string?',
  args: 'object',
} as const;

const SPECS: { [T in TraceEventType]: Spec<T> } = {
  'trace.begin': { mode: 'string', browserPid: 'number', wallClock: 'string', platform: 'string' },
  'thread.start': { info: 'object' },
  'thread.exit': {
    endpointId: 'string',
    threadName: 'string',
    code: 'number',
    reason: 'string',
    restarting: 'boolean',
  },
  'process.launch': { processId: 'string', site: 'string', serviceName: 'string', spare: 'boolean' },
  'process.spawn': { processId: 'string', pid: 'number', site: 'string', serviceName: 'string' },
  'process.ready': { processId: 'string', pid: 'number' },
  'process.exit': { processId: 'string', pid: 'number', code: 'number?', signal: 'string?', reason: 'string' },
  'process.crash': { processId: 'string', pid: 'number', code: 'number?', signal: 'string?', reason: 'string' },
  'span.begin': SPANS,
  'span.end': { spanId: 'string', status: 'string', error: 'string?', args: 'object' },
  message: {
    flowId: 'string',
    name: 'string',
    from: 'string',
    to: 'string',
    fromPid: 'number?',
    fromThread: 'string?',
    toPid: 'number?',
    toThread: 'string?',
    route: 'string?',
    sentAt: 'number',
    deliveredAt: 'number',
    summary: 'string',
    payload: 'json',
  },
  'ipc.rejected': { receiver: 'string', from: 'string?', name: 'string?', reason: 'string' },
  'navigation.begin': { navigationId: 'string', url: 'string', transition: 'string', input: 'string' },
  'navigation.end': { navigationId: 'string', url: 'string', outcome: 'string', netError: 'object?' },
  'omnibox.classified': {
    text: 'string',
    inputType: 'string',
    url: 'string?',
    reason: 'string',
    didYouMean: 'string?',
  },
  'url.parsed': {
    url: 'string',
    scheme: 'string',
    host: 'string',
    hostUnicode: 'string',
    isIdn: 'boolean',
    port: 'number?',
    effectivePort: 'number?',
    path: 'string',
    query: 'string',
    fragment: 'string',
  },
  'dns.cache': { host: 'string', outcome: 'string', addresses: 'array' },
  'dns.query': {
    queryId: 'string',
    host: 'string',
    server: 'object',
    question: 'object',
    transactionId: 'number',
    size: 'number',
    attempt: 'number',
  },
  'dns.response': {
    queryId: 'string',
    server: 'object',
    rcode: 'string',
    authoritative: 'boolean',
    truncated: 'boolean',
    answers: 'array',
    authorities: 'array',
    additionals: 'array',
    size: 'number',
  },
  'dns.timeout': { queryId: 'string', server: 'object', attempt: 'number', waitedMs: 'number' },
  'dns.ignored': { queryId: 'string', server: 'object', from: 'string', size: 'number', reason: 'string' },
  'dns.result': { host: 'string', addresses: 'array', source: 'string', ttl: 'number' },
  'http.request': {
    requestId: 'string',
    url: 'string',
    raw: 'string',
    connectionId: 'number',
    reused: 'boolean',
    remote: 'string',
  },
  'http.response': { requestId: 'string', statusLine: 'string', rawHeaders: 'string', headerBytes: 'number' },
  state: { field: 'string', value: 'json', cause: 'string' },
  'hsts.upgrade': {
    requestId: 'string',
    from: 'string',
    to: 'string',
    matchedHost: 'string',
    source: 'string',
    includeSubdomains: 'boolean',
  },
  'hsts.learned': {
    host: 'string',
    header: 'string',
    maxAge: 'number',
    includeSubdomains: 'boolean',
    removed: 'boolean',
  },
  'https.upgrade': { requestId: 'string', from: 'string', to: 'string', outcome: 'string', reason: 'string' },
  'cookie.stored': { requestId: 'string', url: 'string', cookies: 'array' },
  'cookie.sent': { requestId: 'string', url: 'string', names: 'array' },
  'cache.lookup': { requestId: 'string', url: 'string', outcome: 'string', reason: 'string' },
  'mime.sniffed': {
    navigationId: 'string',
    url: 'string',
    supplied: 'string?',
    noSniff: 'boolean',
    computed: 'string',
    rule: 'string',
    matchedSignature: 'string?',
    firstBytesHex: 'string',
    firstBytesText: 'string',
    byteCount: 'number',
  },
  'safebrowsing.check': {
    navigationId: 'string',
    url: 'string',
    verdict: 'string',
    threatType: 'string?',
    expressions: 'array',
    bypassed: 'boolean',
  },
  'navigation.decision': { navigationId: 'string', url: 'string', decision: 'string', reason: 'string' },
  'download.begin': {
    downloadId: 'string',
    url: 'string',
    filename: 'string',
    path: 'string',
    mimeType: 'string',
    totalBytes: 'number',
  },
  'download.progress': { downloadId: 'string', receivedBytes: 'number', totalBytes: 'number' },
  'download.end': { downloadId: 'string', state: 'string', receivedBytes: 'number', path: 'string', error: 'string?' },
  'process.assigned': { processId: 'string', pid: 'number?', site: 'string', how: 'string', reason: 'string' },
  'process.discarded': { processId: 'string', site: 'string', reason: 'string' },
  'process.unresponsive': { processId: 'string', pid: 'number?', waitingFor: 'string', waitedMs: 'number' },
  'process.responsive': { processId: 'string', pid: 'number?' },
  'renderer.document': {
    url: 'string',
    title: 'string',
    nodeCount: 'number',
    elementCount: 'number',
    subresources: 'array',
    outline: 'array',
  },
  'renderer.preload': { url: 'string', destination: 'string', tag: 'string', parserBlockedOn: 'string?' },
  'renderer.script': {
    url: 'string?',
    timing: 'string',
    order: 'number',
    ran: 'boolean',
    blockedReason: 'string?',
    mimeType: 'string',
    discoveredTs: 'number',
    fetchEndTs: 'number',
    ranTs: 'number',
    parserBlockedMicros: 'number',
  },
  'renderer.render': {
    stage: 'string',
    url: 'string',
    renderBlocking: 'array',
    cssom: 'object',
    renderTree: 'object',
    layout: 'object',
    paint: 'object',
  },
  'corb.decision': {
    requestId: 'string',
    url: 'string',
    initiatorOrigin: 'string',
    destination: 'string',
    mimeType: 'string',
    noSniff: 'boolean',
    decision: 'string',
    reason: 'string',
    sniffed: 'string?',
  },
  'step.mode': { enabled: 'boolean', pace: 'string', intervalMs: 'number', held: 'number' },
  'step.held': { flowId: 'string', name: 'string', from: 'string', to: 'string', held: 'number' },
  'step.released': {
    flowId: 'string',
    name: 'string',
    from: 'string',
    to: 'string',
    waitedMicros: 'number',
    into: 'string',
    held: 'number',
  },
  error: { where: 'string', message: 'string' },
};

/**
 * One level further in, for the fields whose insides the views read: the fields of
 * an object (`fields`), or of each item of a list (`items`), or the kind of each item
 * of a list of plain values (`each`). Also checked by the compiler against the types.
 */
type InnerSpec<E> = { [K in keyof E]?: KindOf<E[K]> };
type Deep<V> =
  NonNullable<V> extends readonly (infer E)[]
    ? E extends object
      ? { items: InnerSpec<E> }
      : { each: KindOf<E> }
    : NonNullable<V> extends object
      ? { fields: InnerSpec<NonNullable<V>> }
      : never;
type DeepSpec<T extends TraceEventType> = { [K in FieldsOf<T>]?: Deep<TraceEventOf<T>[K]> };

const SERVER = {
  fields: { address: 'string', port: 'number', name: 'string', zone: 'string', role: 'string' },
} as const;
const RECORDS = { items: { name: 'string', type: 'string', ttl: 'number', data: 'string' } } as const;
const STRINGS = { each: 'string' } as const;

const DEEP: { [T in TraceEventType]?: DeepSpec<T> } = {
  'thread.start': {
    info: { fields: { id: 'string', role: 'string', pid: 'number', processName: 'string', threadName: 'string' } },
  },
  'navigation.end': { netError: { fields: { code: 'number', name: 'string', detail: 'string' } } },
  'dns.cache': { addresses: STRINGS },
  'dns.query': { server: SERVER, question: { fields: { name: 'string', type: 'string' } } },
  'dns.response': { server: SERVER, answers: RECORDS, authorities: RECORDS, additionals: RECORDS },
  'dns.timeout': { server: SERVER },
  'dns.ignored': { server: SERVER },
  'dns.result': { addresses: STRINGS },
  'cookie.stored': { cookies: { items: { header: 'string', stored: 'boolean', reason: 'string?', name: 'string?' } } },
  'cookie.sent': { names: STRINGS },
  'safebrowsing.check': {
    expressions: {
      items: {
        expression: 'string',
        hash: 'string',
        prefix: 'string',
        prefixMatch: 'boolean',
        fullHashMatch: 'boolean',
        list: 'string?',
      },
    },
  },
  'renderer.document': {
    subresources: { items: { url: 'string', destination: 'string', tag: 'string' } },
    outline: STRINGS,
  },
  'renderer.render': {
    renderBlocking: STRINGS,
    cssom: { fields: { sheets: 'array', ruleCount: 'number' } },
    renderTree: { fields: { nodes: 'array', excluded: 'array', count: 'number' } },
    layout: {
      fields: {
        viewportWidth: 'number',
        viewportHeight: 'number',
        documentHeight: 'number',
        boxes: 'array',
        truncated: 'boolean',
      },
    },
    paint: { fields: { items: 'array', count: 'number', truncated: 'boolean' } },
  },
};

function innerProblem(value: unknown, spec: Readonly<Record<string, Kind | undefined>>, where: string): string | null {
  if (typeof value !== 'object' || value === null || Array.isArray(value)) return `${where} is not an object`;
  for (const [field, kind] of Object.entries(spec)) {
    if (kind === undefined) continue;
    const problem = kindProblem((value as Record<string, unknown>)[field], kind);
    if (problem) return `${where}.${field} is ${problem}`;
  }
  return null;
}

function deepProblem(
  value: unknown,
  deep: { fields?: object; items?: object; each?: Kind },
  field: string,
): string | null {
  if (value === null || value === undefined) return null;
  if (deep.fields) return innerProblem(value, deep.fields as Record<string, Kind>, `"${field}"`);
  if (!Array.isArray(value)) return null;
  for (let i = 0; i < value.length; i++) {
    const problem = deep.items
      ? innerProblem(value[i], deep.items as Record<string, Kind>, `"${field}"[${i}]`)
      : deep.each
        ? kindProblem(value[i], deep.each)
        : null;
    if (problem) return deep.items ? problem : `"${field}"[${i}] is ${problem}`;
  }
  return null;
}

function kindProblem(value: unknown, kind: Kind): string | null {
  const nullable = kind.endsWith('?');
  if (value === null) return nullable || kind === 'json' ? null : 'null';
  if (value === undefined) return 'missing';
  switch (kind.replace('?', '')) {
    case 'json':
      return jsonShapeProblem(value);
    case 'string':
      if (typeof value !== 'string') return `a ${typeof value}, not a string`;
      return value.length > MAX_TRACE_STRING
        ? `a string of ${value.length.toLocaleString('en')} characters (at most ${MAX_TRACE_STRING.toLocaleString('en')})`
        : null;
    case 'number':
      return typeof value === 'number' && Number.isFinite(value)
        ? null
        : `${typeof value === 'number' ? String(value) : `a ${typeof value}`}, not a finite number`;
    case 'boolean':
      return typeof value === 'boolean' ? null : `a ${typeof value}, not a boolean`;
    case 'array':
      return Array.isArray(value) ? jsonShapeProblem(value) : 'not a list';
    default:
      return typeof value === 'object' && !Array.isArray(value)
        ? jsonShapeProblem(value)
        : `a ${Array.isArray(value) ? 'list' : typeof value}, not an object`;
  }
}

/** What is wrong with `raw` as a trace event, or null when the window can show it. */
export function traceEventProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not an object';
  const event = raw as Record<string, unknown>;
  if (typeof event.type !== 'string') return 'no type';
  if (!Object.hasOwn(SPECS, event.type)) return `unknown type ${JSON.stringify(event.type.slice(0, 60))}`;
  if (typeof event.ts !== 'number' || !Number.isFinite(event.ts)) return 'no numeric timestamp "ts"';
  if (typeof event.endpoint !== 'string') return 'no "endpoint"';
  const spec = SPECS[event.type as TraceEventType] as Record<string, Kind>;
  for (const [field, kind] of Object.entries(spec)) {
    const problem = kindProblem(event[field], kind);
    if (problem) return `"${field}" is ${problem}`;
  }
  for (const [field, deep] of Object.entries(DEEP[event.type as TraceEventType] ?? {}) as [
    string,
    { fields?: object; items?: object; each?: Kind },
  ][]) {
    const problem = deepProblem(event[field], deep, field);
    if (problem) return problem;
  }
  return null;
}

/**
 * The event to show at `seq`: `raw` itself when it checks out (renumbered if needed),
 * else an `error` event in its place naming what was wrong.
 */
export function checkedTraceEvent(raw: unknown, seq: number): TraceEvent {
  const problem = traceEventProblem(raw);
  if (problem === null) {
    const event = raw as TraceEvent;
    return event.seq === seq ? event : { ...event, seq };
  }
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const type = typeof fields.type === 'string' ? fields.type.slice(0, 60) : '?';
  const ts = typeof fields.ts === 'number' && Number.isFinite(fields.ts) ? fields.ts : 0;
  const endpoint = typeof fields.endpoint === 'string' ? fields.endpoint.slice(0, 60) : 'browser';
  return {
    type: 'error',
    where: 'window',
    message: `event #${seq} (${type}) could not be shown: ${problem}`,
    ts,
    endpoint,
    seq,
  };
}
