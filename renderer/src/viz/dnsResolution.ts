/**
 * The DNS panel's model: one host lookup as the layers it passed through — the
 * browser's host cache, the operating system's resolver, then the recursive
 * resolver's walk (root → TLD → authoritative), each server asked with its question
 * and its answer. Built from the trace events of one "DNS Lookup" span.
 */
import type { DnsRecordSummary, DnsServerRef, TraceEvent, TraceEventOf } from '../../../shared/trace/traceEvent';

export interface DnsStep {
  queryId: string;
  server: DnsServerRef;
  question: string;
  attempts: number;
  rcode: string | null;
  authoritative: boolean;
  answers: DnsRecordSummary[];
  referral: DnsRecordSummary[];
  glue: DnsRecordSummary[];
  timedOut: boolean;
  /** Datagrams received while waiting and not accepted as the answer, with why. */
  /** Datagrams received while waiting and not taken as the answer. */
  ignored: { size: number; from: string; reason: string }[];
  /** Another name resolved first to reach this server (a glueless referral). */
  nested: boolean;
}

export interface DnsResolution {
  host: string;
  spanId: string;
  cache: 'hit' | 'miss' | 'expired' | null;
  source: 'cache' | 'recursive' | 'os' | 'literal' | null;
  addresses: string[];
  ttl: number | null;
  steps: DnsStep[];
  error: string | null;
  done: boolean;
}

type SpanBegin = TraceEventOf<'span.begin'>;

/** The DNS Lookup span an event belongs to (the span itself, or the lookup it happened in). */
export function dnsLookupSpanFor(events: readonly TraceEvent[], seq: number): SpanBegin | null {
  const event = events[seq];
  if (!event) return null;
  if (event.type === 'span.begin' && event.name === 'DNS Lookup') return event;
  const host =
    event.type === 'dns.cache' || event.type === 'dns.result'
      ? event.host
      : event.type === 'dns.query'
        ? event.host
        : null;
  const queryId =
    event.type === 'dns.query' ||
    event.type === 'dns.response' ||
    event.type === 'dns.timeout' ||
    event.type === 'dns.ignored'
      ? event.queryId
      : null;
  if (event.type === 'span.end') {
    for (let i = seq - 1; i >= 0; i--) {
      const e = events[i]!;
      if (e.type === 'span.begin' && e.spanId === event.spanId) return e.name === 'DNS Lookup' ? e : null;
    }
    return null;
  }
  if (host === null && queryId === null) return null;
  for (let i = seq - 1; i >= 0; i--) {
    const e = events[i]!;
    if (e.type !== 'span.begin' || e.name !== 'DNS Lookup') continue;
    if (queryId !== null && e.requestId !== null && queryId.startsWith(`${e.requestId}.`)) return e;
    if (host !== null && e.args.host === host) return e;
  }
  return null;
}

function recordsOf(list: DnsRecordSummary[], type: string): DnsRecordSummary[] {
  return list.filter((r) => r.type === type);
}

/** Everything the lookup did up to `cursor` (events after the cursor have not happened yet). */
export function buildDnsResolution(events: readonly TraceEvent[], span: SpanBegin, cursor: number): DnsResolution {
  const host = typeof span.args.host === 'string' ? span.args.host : '';
  const prefix = span.requestId ? `${span.requestId}.` : null;
  const result: DnsResolution = {
    host,
    spanId: span.spanId,
    cache: null,
    source: null,
    addresses: [],
    ttl: null,
    steps: [],
    error: null,
    done: false,
  };
  const steps = new Map<string, DnsStep>();
  const end = Math.min(cursor, events.length);
  for (let i = span.seq + 1; i < end; i++) {
    const e = events[i]!;
    if (e.type === 'span.end' && e.spanId === span.spanId) {
      result.done = true;
      if (e.status !== 'ok') result.error = e.error;
      break;
    }
    if (e.type === 'dns.cache' && e.host === host && result.cache === null) result.cache = e.outcome;
    else if (e.type === 'dns.result' && e.host === host) {
      result.source = e.source;
      result.addresses = e.addresses;
      result.ttl = e.ttl;
    } else if (e.type === 'dns.query' && prefix && e.queryId.startsWith(prefix)) {
      const question = `${e.question.name} ${e.question.type}`;
      const existing = steps.get(e.queryId);
      if (existing) {
        existing.attempts = Math.max(existing.attempts, e.attempt);
        continue;
      }
      const step: DnsStep = {
        queryId: e.queryId,
        server: e.server,
        question,
        attempts: e.attempt,
        rcode: null,
        authoritative: false,
        answers: [],
        referral: [],
        glue: [],
        timedOut: false,
        ignored: [],
        nested: false,
      };
      steps.set(e.queryId, step);
      result.steps.push(step);
    } else if (e.type === 'dns.response') {
      const step = steps.get(e.queryId);
      if (!step) continue;
      step.rcode = e.rcode;
      step.authoritative = e.authoritative;
      step.answers = e.answers;
      step.referral = recordsOf(e.authorities, 'NS');
      step.glue = e.additionals.filter((r) => r.type === 'A' || r.type === 'AAAA');
      step.timedOut = false;
    } else if (e.type === 'dns.timeout') {
      const step = steps.get(e.queryId);
      if (step) step.timedOut = true;
    } else if (e.type === 'dns.ignored') {
      steps.get(e.queryId)?.ignored.push({ size: e.size, from: e.from, reason: e.reason });
    }
  }
  // A step resolving a name server's address (glueless referral) asks another question than the host.
  for (const step of result.steps)
    step.nested =
      !step.question.startsWith(`${host} `) &&
      !step.question.startsWith(`${host}. `) &&
      !isCnameTarget(result.steps, step);
  return result;
}

/** Steps that follow a CNAME the walk met are part of the main walk, not nested. */
function isCnameTarget(steps: DnsStep[], step: DnsStep): boolean {
  const name = step.question.split(' ')[0]!.replace(/\.$/, '');
  return steps.some(
    (s) => s !== step && s.answers.some((a) => a.type === 'CNAME' && a.data.replace(/\.$/, '') === name),
  );
}
