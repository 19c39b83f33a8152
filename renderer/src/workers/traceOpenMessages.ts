/**
 * What the window and its trace-opening worker (traceOpenWorker.ts) say to each other:
 * a file to open; its first part with what kind of file it was; the rest in parts; the
 * end, or why it could not be opened.
 */
import type { ImportFormat } from '../../../shared/import/traceImport';
import type { TraceEvent } from '../../../shared/trace/traceEvent';

/** Events in the first part: enough for the first screen of any trace. */
export const FIRST_PART = 2_000;
/** Events in each later part. */
export const LATER_PART = 10_000;

export interface TraceOpenRequest {
  id: number;
  /** The file's bytes or text, or the file itself (a Blob: the worker reads it). */
  input: Uint8Array | string | Blob;
  name: string;
}

export interface TraceOpenBegin {
  format: ImportFormat;
  repaired: string | null;
  /** Events in the whole trace. */
  total: number;
  /** It has no processes and no messages (a HAR or a NetLog records the network only). */
  networkOnly: boolean;
  events: TraceEvent[];
}

export type TraceOpenReply =
  | ({ kind: 'begin'; id: number } & TraceOpenBegin)
  | { kind: 'events'; id: number; events: TraceEvent[] }
  | { kind: 'end'; id: number }
  | { kind: 'error'; id: number; message: string; internal: boolean };

/** A trace with no processes and no messages: what a HAR or a NetLog records. */
export function isNetworkOnly(events: readonly TraceEvent[]): boolean {
  return !events.some(
    (e) =>
      e.type === 'message' ||
      e.type === 'trace.begin' ||
      e.type === 'thread.start' ||
      e.type === 'process.launch' ||
      e.type === 'process.spawn',
  );
}
