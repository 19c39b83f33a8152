/**
 * What the cursor steps through. A navigation's story is its journey steps: the
 * input classified, HSTS, every DNS query and answer, connect, TLS, the request and
 * the response, sniffing, Safe Browsing, the decision, the process choice, every
 * message, first paint and the load events. Engineers can step through the messages
 * only. Either way a step shows its own event and what it caused: the events up to
 * the next step boundary (the commit acknowledgement and the address bar it changes
 * are one step).
 *
 * Background work — the spare renderer starting up ahead of time, processes shut
 * down because nothing uses them any more — belongs to no navigation's story: it is
 * never a journey step (it stays in the message list, marked, and in messages-only
 * mode), so a navigation ends on "spinner stops".
 */
import { partitionPoint } from '../../../shared/base/partitionPoint';
import { NET_SPANS } from '../../../shared/trace/phases';
import type { TraceEvent } from '../../../shared/trace/traceEvent';

/** Network spans that are steps of their own (DevTools' request phases). */
const STEP_SPANS = new Set<string>(Object.values(NET_SPANS));

/** Messages that are background work whoever sends them. */
const BACKGROUND_MESSAGES = new Set<string>([
  'ChildProcess.ProcessShutdown',
  'ChildProcess.Ping',
  'ChildProcessHost.Pong',
]);

/** Whether an event is a journey step (background work never is). */
export function isJourneyStep(event: TraceEvent): boolean {
  switch (event.type) {
    case 'message':
    case 'omnibox.classified':
    case 'hsts.upgrade':
    case 'https.upgrade':
    case 'dns.query':
    case 'dns.response':
    case 'dns.timeout':
    case 'http.response':
    case 'mime.sniffed':
    case 'safebrowsing.check':
    case 'navigation.decision':
    case 'process.assigned':
    case 'process.discarded':
    case 'process.crash':
    case 'process.unresponsive':
    case 'thread.exit':
    case 'download.begin':
    case 'download.end':
    case 'corb.decision':
    case 'renderer.render':
    case 'request.begin': // an imported file's requests (HAR, NetLog, Chrome trace)
    case 'request.redirect':
      return true;
    case 'span.begin':
      return event.category === 'phase' || (event.category === 'net' && STEP_SPANS.has(event.name));
    case 'state':
      // The spinner starting is the navigation's first visible change; every other
      // change is caused by a message (the commit acknowledgement, a title) and is part of its step.
      return event.field === 'loading' && event.value === true;
    case 'cache.lookup':
      // Served from the HTTP cache (or revalidated): a step the network does instead of a request.
      return event.outcome === 'fresh' || event.outcome === 'revalidated' || event.outcome === 'stale';
    default:
      return false;
  }
}

/**
 * Tells background work apart, one event at a time in trace order: the spare
 * renderer until a navigation takes it (its launch, start-up and parser loading),
 * shutdowns of processes nothing uses any more, and their exits.
 */
export class BackgroundWork {
  /** Renderer processes launched as the spare and not yet given a site. */
  private readonly spares = new Set<string>();
  /** Spans begun as background work (their ends are background too). */
  private readonly spans = new Set<string>();

  /** Forgets everything (the trace was replaced). */
  reset(): void {
    this.spares.clear();
    this.spans.clear();
  }

  /** Whether this event (the next in the trace) is background work. */
  observe(event: TraceEvent): boolean {
    switch (event.type) {
      case 'process.launch':
        if (event.spare) this.spares.add(event.processId);
        return event.spare;
      case 'process.assigned':
        this.spares.delete(event.processId);
        return false;
      case 'process.spawn':
      case 'process.ready':
        return this.spares.has(event.processId);
      case 'process.exit':
        this.spares.delete(event.processId);
        return true;
      case 'thread.start':
        return this.spares.has(event.info.id);
      case 'span.begin':
        if (this.spares.has(event.endpoint)) {
          this.spans.add(event.spanId);
          return true;
        }
        return false;
      case 'span.end':
        return this.spans.delete(event.spanId);
      case 'message':
        return BACKGROUND_MESSAGES.has(event.name) || this.spares.has(event.from) || this.spares.has(event.to);
      default:
        return false;
    }
  }
}

/** Index of the first value ≥ target in a sorted list. */
export function lowerBound(list: readonly number[], target: number): number {
  return partitionPoint(list.length, (i) => list[i]! < target);
}

/**
 * Where the cursor goes to show step `seq`: just before the next step boundary (the
 * step's own event and everything it caused), or the end of the trace.
 */
export function stepEnd(boundaries: readonly number[], seq: number, total: number): number {
  const next = boundaries[lowerBound(boundaries, seq + 1)];
  return next === undefined ? total : next;
}

/** The last step at or before the cursor (the step it shows), or null. */
export function stepAt(steps: readonly number[], cursor: number): number | null {
  const index = lowerBound(steps, cursor) - 1;
  return index >= 0 ? steps[index]! : null;
}
