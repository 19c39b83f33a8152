/**
 * The trace recorder: lives on the browser's UI thread and puts every record, its
 * own or a child's, into one ordered list with a sequence number. Records from other
 * threads and processes are checked first: a child may only record events of kinds
 * its role can produce, stamped with its own endpoint id. A child records the
 * messages it receives with delivery receipts, which the browser's router turns into
 * records (it forwarded those messages): a child never writes a message record itself.
 */
import type { EndpointId, EndpointInfo, EndpointRole } from '../ipc/endpoints.js';
import type { AnyEnvelope } from '../ipc/messageEnvelope.js';
import { messageRecord } from '../ipc/messageEndpoint.js';
import type { TraceEvent, TraceEventOf, TraceEventType, TraceRecord } from './traceEvent.js';
import { traceEventProblem } from './traceEventCheck.js';

const CHILD_RECORD_TYPES: Record<Exclude<EndpointRole, 'browser'>, ReadonlySet<TraceEventType>> = {
  network: new Set<TraceEventType>([
    'ipc.rejected',
    'span.begin',
    'span.end',
    'dns.cache',
    'dns.query',
    'dns.response',
    'dns.timeout',
    'dns.ignored',
    'dns.result',
    'http.request',
    'http.response',
    'error',
    'hsts.upgrade',
    'hsts.learned',
    'https.upgrade',
    'cookie.stored',
    'cookie.sent',
    'cache.lookup',
    'corb.decision',
  ]),
  renderer: new Set<TraceEventType>([
    'ipc.rejected',
    'span.begin',
    'span.end',
    'renderer.document',
    'renderer.preload',
    'renderer.script',
    'renderer.render',
    'error',
  ]),
};

export type TraceListener = (event: TraceEvent) => void;

interface FrameTag {
  frameTreeNodeId: number;
  tabId: number;
}

/** The frame token a message's payload names, if it names one. */
function payloadFrameToken(payload: unknown): string | null {
  if (typeof payload !== 'object' || payload === null) return null;
  const token = (payload as { frameToken?: unknown }).frameToken;
  return typeof token === 'string' ? token : null;
}

export class TraceRecorder {
  private readonly list: TraceEvent[] = [];
  private readonly listeners = new Set<TraceListener>();
  private droppedCount = 0;
  private generationCount = 0;
  private readonly endpoints = new Map<EndpointId, EndpointInfo>();
  /** Spans begun and not yet ended, with the endpoint that began each. */
  private readonly openSpans = new Map<string, EndpointId>();
  /**
   * Which frame (and tab) each frame token, proxy token and frame loader route names,
   * learned from the frame events the browser records: message records are tagged
   * with the frame they belong to.
   */
  private readonly frameOfKey = new Map<string, FrameTag>();

  constructor(private readonly maxEvents = 500_000) {}

  get events(): readonly TraceEvent[] {
    return this.list;
  }

  get dropped(): number {
    return this.droppedCount;
  }

  /** Which trace this is: 0 for the first, one more after each restart (a new session). */
  get generation(): number {
    return this.generationCount;
  }

  /** What a thread or process said about itself when it started (its thread.start), if it did. */
  endpointInfo(id: EndpointId): EndpointInfo | undefined {
    return this.endpoints.get(id);
  }

  /**
   * Starts a new trace (a new session on the same browser, the window's "Clear"):
   * every event so far is dropped and numbering starts again at 0, so listeners see
   * the new trace begin with an event whose seq is 0. What the recorder knows about
   * running threads stays (their pids still name message ends).
   */
  restart(): void {
    this.list.length = 0;
    this.frameOfKey.clear();
    this.openSpans.clear();
    this.droppedCount = 0;
    this.generationCount++;
  }

  /** Messages on the loader `route` (a frame's navigation or subresource load) belong to that frame. */
  tagRoute(route: string, frameTreeNodeId: number, tabId: number): void {
    this.frameOfKey.set(`route:${route}`, { frameTreeNodeId, tabId });
  }

  /** The frame a message belongs to: the frame token its payload names, else its loader route's frame. */
  private frameOfMessage(payload: unknown, route: string | null): FrameTag | undefined {
    if (this.frameOfKey.size === 0) return undefined;
    const token = payloadFrameToken(payload);
    return (
      (token !== null ? this.frameOfKey.get(token) : undefined) ??
      (route !== null ? this.frameOfKey.get(`route:${route}`) : undefined)
    );
  }

  private learnFrame(record: TraceRecord): void {
    switch (record.type) {
      case 'frame.created':
      case 'frame.committed':
        if (record.frameToken !== null)
          this.frameOfKey.set(record.frameToken, { frameTreeNodeId: record.frameTreeNodeId, tabId: record.tabId });
        return;
      case 'proxy.created':
        this.frameOfKey.set(record.proxyToken, { frameTreeNodeId: record.frameTreeNodeId, tabId: record.tabId });
        return;
      default:
        return;
    }
  }

  record(record: TraceRecord): TraceEvent | null {
    if (this.list.length >= this.maxEvents) return this.overLimit(record);
    return this.push(record);
  }

  /**
   * The record of a delivered message, written from its envelope (checked by its
   * receiver) in one go: the most frequent event, built without intermediate copies.
   */
  recordMessage(envelope: AnyEnvelope, deliveredAt: number, recordedBy: EndpointId): TraceEvent | null {
    if (this.list.length >= this.maxEvents) return this.overLimit({ ts: envelope.sentAt, endpoint: recordedBy });
    const from = this.endpoints.get(envelope.from);
    const to = this.endpoints.get(envelope.to);
    const frame = this.frameOfMessage(envelope.payload, envelope.route);
    // One builder for the record (a reply under its request's name, with replyTo); the
    // recorder adds what only it knows: the endpoints' pids and threads, seq, the frame.
    // seq is set below, before the event is appended.
    const event = messageRecord(envelope, deliveredAt, recordedBy) as TraceEventOf<'message'>;
    event.fromPid = from?.pid ?? null;
    event.fromThread = from?.threadName ?? null;
    event.toPid = to?.pid ?? null;
    event.toThread = to?.threadName ?? null;
    event.seq = this.list.length;
    if (frame) {
      event.frameTreeNodeId = frame.frameTreeNodeId;
      event.tabId = frame.tabId;
    }
    return this.append(event);
  }

  private overLimit(record: { ts: number; endpoint: EndpointId }): null {
    this.droppedCount++;
    if (this.droppedCount === 1) {
      this.push({
        type: 'error',
        ts: record.ts,
        endpoint: record.endpoint,
        where: 'trace recorder',
        message: `trace limit of ${this.maxEvents} events reached: later events are dropped`,
      });
    }
    return null;
  }

  /**
   * A thread or process ended without ending its spans (it crashed, or was killed):
   * each span it left open is ended here, as an error with `reason`, on its own lane.
   */
  endOpenSpans(endpoint: EndpointId, reason: string, ts: number): void {
    for (const [spanId, owner] of [...this.openSpans]) {
      if (owner === endpoint)
        this.record({ type: 'span.end', ts, endpoint, spanId, status: 'error', error: reason, args: {} });
    }
  }

  private push(record: TraceRecord): TraceEvent {
    if (record.type === 'thread.start') this.endpoints.set(record.info.id, record.info);
    if (record.type === 'span.begin') this.openSpans.set(record.spanId, record.endpoint);
    else if (record.type === 'span.end') this.openSpans.delete(record.spanId);
    else this.learnFrame(record);
    let event: TraceEvent;
    if (record.type === 'message') {
      // Built once, field by field (the most frequent event: no copies of copies).
      const from = this.endpoints.get(record.from);
      const to = this.endpoints.get(record.to);
      event = {
        type: 'message',
        ts: record.ts,
        endpoint: record.endpoint,
        flowId: record.flowId,
        name: record.name,
        from: record.from,
        to: record.to,
        fromPid: from?.pid ?? null,
        fromThread: from?.threadName ?? null,
        toPid: to?.pid ?? null,
        toThread: to?.threadName ?? null,
        route: record.route,
        sentAt: record.sentAt,
        deliveredAt: record.deliveredAt,
        summary: record.summary,
        payload: record.payload,
        seq: this.list.length,
      };
      const frame =
        record.frameTreeNodeId !== undefined && record.tabId !== undefined
          ? { frameTreeNodeId: record.frameTreeNodeId, tabId: record.tabId }
          : this.frameOfMessage(record.payload, record.route);
      if (frame) {
        event.frameTreeNodeId = frame.frameTreeNodeId;
        event.tabId = frame.tabId;
      }
    } else event = { ...record, seq: this.list.length };
    return this.append(event);
  }

  private append(event: TraceEvent): TraceEvent {
    this.list.push(event);
    for (const listener of this.listeners) listener(event);
    return event;
  }

  /** Records a batch sent by another thread or process, rejecting what it may not record. */
  ingest(sender: EndpointId, role: Exclude<EndpointRole, 'browser'>, records: unknown[], now: number): void {
    for (const raw of records) this.ingestOne(sender, role, raw, now);
  }

  /** Records one record sent by another thread or process, or its rejection. */
  ingestOne(sender: EndpointId, role: Exclude<EndpointRole, 'browser'>, raw: unknown, now: number): void {
    const problem = this.checkChildRecord(raw, sender, CHILD_RECORD_TYPES[role]);
    if (problem !== null) {
      this.record({
        type: 'ipc.rejected',
        ts: now,
        endpoint: 'browser',
        receiver: 'browser',
        from: sender,
        name: 'trace record',
        reason: problem,
      });
      return;
    }
    this.record(raw as TraceRecord);
  }

  /** Why a child may not record `raw`: a type its role does not produce, another's name, or a malformed record (its declaration in traceEvent.ts). */
  private checkChildRecord(raw: unknown, sender: EndpointId, allowed: ReadonlySet<TraceEventType>): string | null {
    if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'a trace record must be an object';
    const r = raw as Record<string, unknown>;
    if (typeof r.type !== 'string' || !allowed.has(r.type as TraceEventType))
      return `${sender} may not record events of type ${JSON.stringify(r.type)?.slice(0, 60)}`;
    if (r.endpoint !== sender) return `${sender} tried to record on behalf of ${String(r.endpoint).slice(0, 60)}`;
    if ('seq' in r) return 'a trace record gets its sequence number from the recorder';
    return traceEventProblem(raw);
  }

  subscribe(listener: TraceListener): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}
