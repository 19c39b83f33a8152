/**
 * The trace sink of a thread or process other than the browser's UI thread: records
 * are batched and posted to the recorder over the endpoint's own channel. The batch
 * rides on the next message frame (or goes on its own at the end of the turn), so on
 * that ordered channel the recorder always learns about a delivery before it sees
 * anything the delivery caused — and a reply costs one post, not two.
 *
 * A message delivered here is recorded as a receipt (its flow id and when it was
 * delivered): the browser's router forwarded that very envelope and writes its trace
 * event from it, so the payload and its summary do not travel back.
 */
import type { EndpointId } from './endpoints.js';
import type { AnyEnvelope, DeliveryReceipt, WireFrame } from './messageEnvelope.js';
import type { FramePort } from './messageEndpoint.js';

export interface RawPort {
  post(frame: WireFrame): void;
}

/** `R`: the records this thread writes (the trace's records; the transport's are among them). */
export class ChannelTraceSink<R> {
  private pending: (R | DeliveryReceipt)[] = [];
  private scheduled = false;
  private readonly flushSoon = (): void => {
    this.scheduled = false;
    this.flush();
  };

  constructor(
    private readonly raw: RawPort,
    private readonly maxBatch = 256,
  ) {}

  record(record: R): void {
    this.add(record);
  }

  delivered(envelope: AnyEnvelope, deliveredAt: number, _recordedBy: EndpointId): void {
    this.add([envelope.flowId, deliveredAt]);
  }

  private add(item: R | DeliveryReceipt): void {
    this.pending.push(item);
    if (this.pending.length >= this.maxBatch) {
      this.flush();
      return;
    }
    if (!this.scheduled) {
      this.scheduled = true;
      queueMicrotask(this.flushSoon);
    }
  }

  flush(): void {
    if (this.pending.length === 0) return;
    const records = this.pending;
    this.pending = [];
    this.raw.post({ kind: 'trace', records });
  }

  /** The port the endpoint sends through: pending records travel in front of each message. */
  orderedPort(): FramePort {
    return {
      post: (frame) => {
        if (this.pending.length === 0 || frame.kind !== 'message') {
          this.flush();
          this.raw.post(frame);
          return;
        }
        const trace = this.pending;
        this.pending = [];
        this.raw.post({ kind: 'message', envelope: frame.envelope, trace });
      },
    };
  }
}
