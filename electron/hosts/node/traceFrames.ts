/**
 * The trace as the web host sends it: the recorder's events cut into frames of at most
 * CHUNK_EVENTS events. A full chunk is serialized once and the same bytes go to every
 * window that reads it, so twenty windows opening a 100,000-event trace cost one copy,
 * not twenty. A reader keeps only a cursor (the next sequence number to send), so a
 * window that reads slowly holds no copy of what it has not read yet.
 */
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';

/** Events per frame: about 1 MB of JSON for a typical trace. */
export const CHUNK_EVENTS = 1500;

export interface TraceFrame {
  /** The frame's JSON text as UTF-8: `{"kind":"trace","events":[…]}`. */
  data: Buffer;
  /** The sequence number after the frame's last event. */
  next: number;
}

function frameOf(events: readonly TraceEvent[]): Buffer {
  return Buffer.from(JSON.stringify({ kind: 'trace', events }), 'utf8');
}

export class TraceFrames {
  /** Full chunks serialized so far, by chunk index (filled when a reader first needs one). */
  private readonly sealed: Buffer[] = [];
  private sealedGeneration: number;

  constructor(
    private readonly events: readonly TraceEvent[],
    private readonly chunkEvents = CHUNK_EVENTS,
    /** Which trace `events` holds (a new session starts it again): sealed chunks of an older one are dropped. */
    private readonly generation: () => number = () => 0,
  ) {
    this.sealedGeneration = generation();
  }

  /**
   * The frame that carries the events from `from` on, or null when there is nothing
   * new. A full chunk starting at `from` is the shared serialized one; otherwise the
   * events up to the next chunk boundary are serialized for this reader alone.
   */
  next(from: number): TraceFrame | null {
    if (this.generation() !== this.sealedGeneration) {
      this.sealed.length = 0;
      this.sealedGeneration = this.generation();
    }
    const end = this.events.length;
    if (from >= end) return null;
    const chunk = Math.floor(from / this.chunkEvents);
    const boundary = (chunk + 1) * this.chunkEvents;
    if (from === chunk * this.chunkEvents && boundary <= end) {
      let data = this.sealed[chunk];
      if (!data) {
        data = frameOf(this.events.slice(from, boundary));
        this.sealed[chunk] = data;
      }
      return { data, next: boundary };
    }
    const stop = Math.min(end, boundary);
    return { data: frameOf(this.events.slice(from, stop)), next: stop };
  }

  /** Bytes held by the shared chunks (they live as long as the host). */
  get sealedBytes(): number {
    let bytes = 0;
    for (const data of this.sealed) bytes += data?.byteLength ?? 0;
    return bytes;
  }
}
