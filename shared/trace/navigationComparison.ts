/**
 * Two navigations side by side (for example a cold and a warm load of the same
 * page): what each one's phases took, how each request was served (HTTP cache,
 * a reused socket, DNS from the host cache) and how its renderer process was
 * found, with the differences between them marked.
 *
 * A navigation's events run from its "Handle input" phase to the next navigation's.
 * Time held in step mode (shared/trace/heldTime) is not counted: it is the user's, not
 * the browser's.
 */
import { PHASES, type PhaseId } from './phases.js';
import type { TraceEvent, TraceEventOf } from './traceEvent.js';
import { fieldOf } from '../base/fields.js';
import { heldIntervals, heldWithin } from './heldTime.js';

export interface RequestSummary {
  requestId: string;
  url: string;
  destination: string;
  status: number | null;
  /** 'fresh' (served from the cache), 'revalidated' (304), 'miss', 'stale' or null when the cache was not asked. */
  cache: string | null;
  connectionReused: boolean | null;
  errorName: string | null;
}

export interface NavigationSummary {
  navigationId: string;
  input: string;
  url: string;
  outcome: string;
  /** µs from the first phase's start to the page's DidStopLoading (or the navigation's end), without held time. */
  totalMicros: number;
  /** µs held in step mode within the navigation (not counted anywhere else). */
  heldMicros: number;
  phases: Partial<Record<PhaseId, number>>;
  requests: RequestSummary[];
  /** Each host's first lookup: 'cache', 'recursive', 'os' or 'literal'. */
  dns: { host: string; source: string }[];
  newConnections: number;
  process: { how: string; processId: string; reason: string } | null;
}

export type Difference = {
  kind: 'phase' | 'request' | 'dns' | 'process' | 'total';
  what: string;
  a: string;
  b: string;
};

/** Every navigation in the trace, in order. */
export function summarizeNavigations(events: readonly TraceEvent[]): NavigationSummary[] {
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
  return starts.map((start, i) =>
    summarize(events.slice(start.seq, starts[i + 1]?.seq ?? events.length), start.navigationId),
  );
}

function summarize(range: readonly TraceEvent[], navigationId: string): NavigationSummary {
  const begin = range.find(
    (e): e is TraceEventOf<'navigation.begin'> => e.type === 'navigation.begin' && e.navigationId === navigationId,
  );
  const end = range.find(
    (e): e is TraceEventOf<'navigation.end'> => e.type === 'navigation.end' && e.navigationId === navigationId,
  );
  const spans = new Map<string, { phase: PhaseId; start: number }>();
  const phases: Partial<Record<PhaseId, number>> = {};
  const requests = new Map<string, RequestSummary>();
  const dns: { host: string; source: string }[] = [];
  let newConnections = 0;
  let process: NavigationSummary['process'] = null;
  let stopped: number | null = null;
  const first = range[0]?.ts ?? 0;
  const held = heldIntervals(range);
  for (const e of range) {
    switch (e.type) {
      case 'span.begin':
        if (e.category === 'phase' && e.phase && e.navigationId === navigationId)
          spans.set(e.spanId, { phase: e.phase, start: e.ts });
        if (e.name === 'Initial connection') newConnections++;
        break;
      case 'span.end': {
        const span = spans.get(e.spanId);
        if (span)
          phases[span.phase] = (phases[span.phase] ?? 0) + (e.ts - span.start - heldWithin(held, span.start, e.ts));
        break;
      }
      case 'dns.result':
        // The first lookup of a host is the one that cost time; later ones hit the host cache.
        if (!dns.some((d) => d.host === e.host)) dns.push({ host: e.host, source: e.source });
        break;
      case 'process.assigned':
        process ??= { how: e.how, processId: e.processId, reason: e.reason };
        break;
      case 'cache.lookup': {
        const r = requests.get(e.requestId);
        if (r && (r.cache === null || e.outcome === 'fresh' || e.outcome === 'revalidated')) r.cache = e.outcome;
        break;
      }
      case 'message': {
        if (e.name === 'URLLoaderFactory.CreateLoaderAndStart') {
          const request = fieldOf(e.payload, 'request');
          const requestId = String(fieldOf(e.payload, 'requestId') ?? e.route ?? '');
          requests.set(requestId, {
            requestId,
            url: String(fieldOf(request, 'url') ?? ''),
            destination: String(fieldOf(request, 'destination') ?? ''),
            status: null,
            cache: null,
            connectionReused: null,
            errorName: null,
          });
        } else if (e.name === 'URLLoaderClient.OnReceiveResponse' && e.route && requests.has(e.route)) {
          const head = fieldOf(e.payload, 'head');
          const r = requests.get(e.route)!;
          r.status = Number(fieldOf(head, 'status') ?? 0);
          r.connectionReused = fieldOf(head, 'connectionReused') === true;
          if (fieldOf(head, 'fromCache') === true && r.cache === null) r.cache = 'fresh';
        } else if (e.name === 'URLLoaderClient.OnComplete' && e.route && requests.has(e.route)) {
          const code = Number(fieldOf(fieldOf(e.payload, 'status'), 'errorCode') ?? 0);
          if (code !== 0)
            requests.get(e.route)!.errorName = String(fieldOf(fieldOf(e.payload, 'status'), 'errorName') ?? code);
        } else if (e.name === 'FrameHost.DidStopLoading' && stopped === null) {
          stopped = e.ts;
        }
        break;
      }
      default:
        break;
    }
  }
  // The last phase may still be open when the page stops loading: it ends there.
  const last = stopped ?? end?.ts ?? range.at(-1)?.ts ?? first;
  for (const span of spans.values())
    if (!(span.phase in phases))
      phases[span.phase] = Math.max(0, last - span.start - heldWithin(held, span.start, last));
  const heldMicros = heldWithin(held, first, last);
  return {
    navigationId,
    input: begin?.input ?? '',
    url: end?.url ?? begin?.url ?? '',
    outcome: end?.outcome ?? 'unfinished',
    totalMicros: Math.max(0, last - first - heldMicros),
    heldMicros,
    phases,
    requests: [...requests.values()],
    dns,
    newConnections,
    process,
  };
}

const ms = (micros: number | undefined): string => (micros === undefined ? '—' : `${(micros / 1000).toFixed(1)} ms`);

function servedBy(r: RequestSummary | undefined): string {
  if (!r) return 'not requested';
  if (r.errorName) return `failed (${r.errorName})`;
  if (r.cache === 'fresh') return 'HTTP cache';
  if (r.cache === 'revalidated') return 'HTTP cache after 304';
  return r.connectionReused ? 'network, reused socket' : 'network, new connection';
}

/** What differs between two navigations, phase by phase and request by request. */
export function compareNavigations(a: NavigationSummary, b: NavigationSummary): Difference[] {
  const differences: Difference[] = [];
  differences.push({
    kind: 'total',
    what: 'until the page stopped loading',
    a: ms(a.totalMicros),
    b: ms(b.totalMicros),
  });
  for (const phase of PHASES) {
    const x = a.phases[phase.id];
    const y = b.phases[phase.id];
    if (x === undefined && y === undefined) continue;
    differences.push({ kind: 'phase', what: phase.name, a: ms(x), b: ms(y) });
  }
  const how = (s: NavigationSummary) => (s.process ? `${s.process.how} (${s.process.processId})` : 'none');
  if (how(a) !== how(b)) differences.push({ kind: 'process', what: 'renderer process', a: how(a), b: how(b) });
  const dnsOf = (s: NavigationSummary) => new Map(s.dns.map((d) => [d.host, d.source]));
  const dnsA = dnsOf(a);
  const dnsB = dnsOf(b);
  for (const host of new Set([...dnsA.keys(), ...dnsB.keys()])) {
    if (dnsA.get(host) !== dnsB.get(host))
      differences.push({
        kind: 'dns',
        what: host,
        a: dnsA.get(host) ?? 'not looked up',
        b: dnsB.get(host) ?? 'not looked up',
      });
  }
  const byUrl = (s: NavigationSummary) => new Map(s.requests.map((r) => [r.url, r]));
  const reqA = byUrl(a);
  const reqB = byUrl(b);
  for (const url of new Set([...reqA.keys(), ...reqB.keys()])) {
    const x = servedBy(reqA.get(url));
    const y = servedBy(reqB.get(url));
    if (x !== y) differences.push({ kind: 'request', what: url, a: x, b: y });
  }
  return differences;
}
