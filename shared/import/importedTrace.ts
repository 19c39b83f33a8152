/**
 * Builds the NavScope trace of an imported file: the importers add events with their
 * own times (µs since the file's first moment), in any order; `trace()` puts them in
 * time order (events at the same moment keep the order they were added in) and numbers
 * them. Imported events are recorded as the network service's ('network'), the part of
 * the browser a HAR or a NetLog describes.
 */
import { NETWORK_ENDPOINT } from '../ipc/endpoints.js';
import type {
  JsonValue,
  SpanCategory,
  TraceEvent,
  TraceEventBody,
  TraceEventOf,
  TraceFile,
} from '../trace/traceEvent.js';
import { TRACE_FORMAT } from '../trace/traceEvent.js';

/** Largest timestamp an imported event may have (µs): 100 years after the file's first moment. */
export const MAX_IMPORTED_MICROS = 100 * 365.25 * 24 * 3600 * 1e6;

export interface ImportedSpan {
  name: string;
  requestId: string | null;
  navigationId: string | null;
  begin: number;
  /** null: still open when the file ends. */
  end: number | null;
  status?: 'ok' | 'error' | 'cancelled';
  error?: string | null;
  args?: Record<string, JsonValue>;
  endArgs?: Record<string, JsonValue>;
  category?: SpanCategory;
  /** Ordering keys of the begin and the end among events at the same moment (see add). */
  beginKey?: number;
  endKey?: number;
}

/** A problem with part of a file: counted, and reported once per kind (with its first place). */
interface Problem {
  count: number;
  first: string;
}

export class ImportedTrace {
  private readonly added: { ts: number; key: number; order: number; body: TraceEventBody }[] = [];
  private spans = 0;
  private readonly requestsWithSpans = new Set<string>();
  private readonly problems = new Map<string, Problem>();

  constructor(private readonly idPrefix: string) {}

  /**
   * Adds an event at `ts`. Events at the same moment are ordered by `key` (an importer
   * passes the place in the file the event comes from: files often log many things in
   * the same millisecond), then by the order they were added in.
   */
  add(ts: number, body: TraceEventBody, key = this.added.length): void {
    const at = Number.isFinite(ts) ? Math.min(MAX_IMPORTED_MICROS, Math.max(0, Math.round(ts))) : 0;
    this.added.push({ ts: at, key, order: this.added.length, body });
  }

  span(span: ImportedSpan): string {
    const spanId = `${this.idPrefix}/s${++this.spans}`;
    if (span.requestId !== null) this.requestsWithSpans.add(span.requestId);
    this.add(
      span.begin,
      {
        type: 'span.begin',
        spanId,
        name: span.name,
        category: span.category ?? 'net',
        phase: null,
        parentId: null,
        navigationId: span.navigationId,
        requestId: span.requestId,
        args: span.args ?? {},
      },
      span.beginKey,
    );
    if (span.end !== null)
      this.add(
        Math.max(span.begin, span.end),
        {
          type: 'span.end',
          spanId,
          status: span.status ?? 'ok',
          error: span.error ?? null,
          args: span.endArgs ?? {},
        },
        span.endKey,
      );
    return spanId;
  }

  /** Whether a request has a span yet (a waterfall row needs one). */
  hasSpans(requestId: string): boolean {
    return this.requestsWithSpans.has(requestId);
  }

  /** Something in the file that could not be used: said once per kind, with how often and where first. */
  problem(kind: string, where: string): void {
    const known = this.problems.get(kind);
    if (known) known.count++;
    else this.problems.set(kind, { count: 1, first: where });
  }

  /** The problems as sentences (for import.source's notes and error events). */
  problemNotes(): string[] {
    return [...this.problems].map(
      ([kind, p]) => `${p.count} ${p.count === 1 ? 'time' : 'times'}: ${kind} (first at ${p.first})`,
    );
  }

  get problemCount(): number {
    return this.problems.size;
  }

  /**
   * The trace: first what the file was (import.source, its notes followed by the
   * problems found), then an error event per kind of problem, then every event in time order.
   */
  trace(source: Omit<TraceEventOf<'import.source'>, 'type' | 'seq' | 'ts' | 'endpoint'>): TraceFile {
    const problems = this.problemNotes();
    const head: TraceEventBody[] = [
      { type: 'import.source', ...source, notes: [...source.notes, ...problems] },
      ...problems.map((message): TraceEventBody => ({ type: 'error', where: source.name, message })),
    ];
    const sorted = [...this.added].sort((a, b) => a.ts - b.ts || a.key - b.key || a.order - b.order);
    const events = [...head.map((body) => ({ ts: 0, key: 0, order: 0, body })), ...sorted].map(
      ({ ts, body }, seq) => ({ ...body, ts, endpoint: NETWORK_ENDPOINT, seq }) as TraceEvent,
    );
    return { format: TRACE_FORMAT, version: 1, events };
  }
}
