/**
 * One end of NavScope's message pipes: a thread that sends and receives catalogue
 * messages. Sending stamps the envelope; receiving validates it, records it once in
 * the trace with its sent and delivered moments, and only then runs the handler.
 * (Away from the browser's UI thread, the record is a delivery receipt: see
 * `TraceSink.delivered`.)
 * A malformed or unknown message is recorded as rejected and dropped; a handler that
 * throws is recorded as an error. Neither ever takes the receiver down.
 */
import { errorMessage } from '../base/errors.js';
import { summarizePayload } from './payloadSummary.js';
import type { MessageRecord, TransportSink } from './transportRecord.js';
import type { EndpointId, EndpointInfo } from './endpoints.js';
import { roleOf } from './endpoints.js';
import {
  type MessageName,
  type PayloadOf,
  type ReplyName,
  messageCatalogue,
  recordedName,
} from './messageCatalogue.js';
import {
  type AnyEnvelope,
  type MessageEnvelope,
  type WireFrame,
  checkEnvelope,
  compiledEntry,
} from './messageEnvelope.js';
import { describeMessage } from './messageSummary.js';

export interface FramePort {
  post(frame: WireFrame): void;
}

/**
 * Where an endpoint writes what it records: the transport's records (TransportSink).
 * `delivered`, where present, takes a delivered message instead of its full record:
 * a child's channel sends a receipt, and the browser, which forwarded the message,
 * writes the record (see DeliveryReceipt).
 */
export interface TraceSink extends TransportSink {
  delivered?(envelope: AnyEnvelope, deliveredAt: number, recordedBy: EndpointId): void;
}

export type Clock = () => number;

type Handler<N extends MessageName> = (payload: PayloadOf<N>, envelope: MessageEnvelope<N>) => void | Promise<void>;

/**
 * The trace record of a delivered message. A reply is recorded under its request's name with the
 * request's flow id (`replyTo`), as Chromium's own trace records a "Receive mojo reply".
 */
export function messageRecord(envelope: AnyEnvelope, deliveredAt: number, recordedBy: EndpointId): MessageRecord {
  const record: MessageRecord = {
    type: 'message',
    ts: envelope.sentAt,
    endpoint: recordedBy,
    flowId: envelope.flowId,
    name: recordedName(envelope.name),
    from: envelope.from,
    to: envelope.to,
    fromPid: null,
    fromThread: null,
    toPid: null,
    toThread: null,
    route: envelope.route,
    sentAt: envelope.sentAt,
    deliveredAt,
    summary: describeMessage(envelope.name, envelope.payload as never),
    payload: summarizePayload(envelope.payload),
  };
  if (envelope.replyTo !== undefined) record.replyTo = envelope.replyTo;
  return record;
}

export class MessageEndpoint {
  private readonly handlers = new Map<MessageName, Handler<MessageName>>();
  private sentCount = 0;

  constructor(
    readonly info: EndpointInfo,
    private readonly port: FramePort,
    private readonly sink: TraceSink,
    private readonly clock: Clock,
  ) {}

  get id(): EndpointId {
    return this.info.id;
  }

  on<N extends MessageName>(name: N, handler: Handler<N>): void {
    if (!(messageCatalogue[name].to as readonly string[]).includes(this.info.role)) {
      throw new Error(
        `${this.info.id} cannot receive ${name}: the catalogue does not allow a ${this.info.role} receiver`,
      );
    }
    this.handlers.set(name, handler as unknown as Handler<MessageName>);
  }

  /**
   * Sends a message. Sending something the catalogue forbids is a bug in NavScope
   * itself, so it throws at the sender instead of reaching the wire.
   */
  /** Answers a request: sends its `<Interface.Method>:reply` back to the request's sender, naming the request. */
  reply<N extends ReplyName>(
    request: { flowId: string; from: EndpointId },
    name: N,
    payload: PayloadOf<N>,
  ): MessageEnvelope<N> {
    return this.send(request.from, name, payload, null, request.flowId);
  }

  send<N extends MessageName>(
    to: EndpointId,
    name: N,
    payload: PayloadOf<N>,
    route: string | null = null,
    replyTo?: string,
  ): MessageEnvelope<N> {
    const spec = compiledEntry(name);
    if (!spec) throw new Error(`${this.info.id} tried to send ${name}, which is not in the message catalogue`);
    const toRole = roleOf(to);
    if (!spec.from.has(this.info.role)) throw new Error(`${this.info.id} may not send ${name}`);
    if (!toRole || !spec.to.has(toRole)) throw new Error(`${name} may not be sent to ${to}`);
    if (!spec.payload.is(payload))
      throw new Error(`${this.info.id} tried to send an invalid ${name}: ${spec.payload.check(payload, 'payload')}`);
    if (spec.isReply !== (replyTo !== undefined))
      throw new Error(
        spec.isReply ? `${name} is a reply: send it with reply()` : `${name} is not a reply: it cannot name a request`,
      );
    const envelope: MessageEnvelope<N> = {
      v: 1,
      flowId: `${this.info.id}#${++this.sentCount}`,
      name,
      from: this.info.id,
      to,
      route,
      sentAt: this.clock(),
      payload,
    };
    if (replyTo !== undefined) envelope.replyTo = replyTo;
    this.port.post({ kind: 'message', envelope: envelope as AnyEnvelope });
    return envelope;
  }

  /** Called by the transport for every envelope addressed to this endpoint. */
  deliver(raw: unknown): void {
    const deliveredAt = this.clock();
    const check = checkEnvelope(raw);
    if (!check.ok) {
      this.reject(deliveredAt, check.from, check.name, check.reason);
      return;
    }
    const envelope = check.envelope;
    if (envelope.to !== this.info.id) {
      this.reject(
        deliveredAt,
        envelope.from,
        envelope.name,
        `addressed to ${envelope.to} but delivered to ${this.info.id}`,
      );
      return;
    }
    if (this.sink.delivered) this.sink.delivered(envelope, deliveredAt, this.info.id);
    else this.sink.record(messageRecord(envelope, deliveredAt, this.info.id));
    const handler = this.handlers.get(envelope.name);
    if (!handler) {
      this.sink.record({
        type: 'error',
        ts: this.clock(),
        endpoint: this.info.id,
        where: this.info.id,
        message: `no handler for ${envelope.name}`,
      });
      return;
    }
    try {
      const result = handler(envelope.payload, envelope);
      if (result instanceof Promise) result.catch((error: unknown) => this.handlerFailed(envelope.name, error));
    } catch (error) {
      this.handlerFailed(envelope.name, error);
    }
  }

  reject(at: number, from: string | null, name: string | null, reason: string): void {
    this.sink.record({
      type: 'ipc.rejected',
      ts: at,
      endpoint: this.info.id,
      receiver: this.info.id,
      from,
      name,
      reason,
    });
  }

  private handlerFailed(name: MessageName, error: unknown): void {
    this.sink.record({
      type: 'error',
      ts: this.clock(),
      endpoint: this.info.id,
      where: `${this.info.id} handling ${name}`,
      message: errorMessage(error),
    });
  }
}
