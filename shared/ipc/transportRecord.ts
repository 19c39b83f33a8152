/**
 * What the transport itself writes into the trace: each message once, at the
 * receiving end, with its sent and delivered moments; each message refused at a
 * boundary; and the failures of handlers. The trace's event declarations take these
 * shapes as they are (shared/trace/traceEvent.ts), so the transport needs to know
 * nothing of the rest of the trace.
 */
import { MAX_TRACE_STRING } from '../base/json.js';
import * as s from '../base/schema.js';
import type { EndpointId } from './endpoints.js';

const id = s.string({ maxLength: 1024 });
const text = s.string({ maxLength: MAX_TRACE_STRING });
const micros = s.number({ finite: true });
const pid = s.nullable(s.number({ integer: true, min: 0 }));

/** A message, recorded once at the receiving end of its transport. */
export const messageShape = {
  /** Links the send and the delivery (a flow in Perfetto). */
  flowId: id,
  /** `Interface.Method`, as the message catalogue (or a real Chromium's name table) names it. */
  name: s.string({ maxLength: 1024 }),
  from: id,
  to: id,
  /** Real pid and thread name of both ends (filled in by the recorder from its endpoint table). */
  fromPid: pid,
  fromThread: s.nullable(id),
  toPid: pid,
  toThread: s.nullable(id),
  /** The loader (request id) it belongs to, for messages routed by the browser. */
  route: s.nullable(id),
  /**
   * The frame it belongs to (its FrameTreeNode id) and that frame's tab, filled in by
   * the browser's recorder from the frame token in the payload (or the frame's loader
   * route); absent for messages of no frame (process start-up, network context).
   */
  frameTreeNodeId: s.optional(s.number({ integer: true, min: 1 })),
  tabId: s.optional(s.number({ integer: true, min: 1 })),
  sentAt: micros,
  deliveredAt: micros,
  /** One line for the sequence view. */
  summary: text,
  /** The payload with bytes and long strings abbreviated (bounded). */
  payload: s.json(),
  /**
   * A reply: the flow id of the request it answers (the message keeps the request's name, as a
   * Chromium trace records a "Receive mojo reply"). Absent on requests and on traces from before replies.
   */
  replyTo: s.optional(id),
} as const;

/** A message refused on arrival (malformed, unknown, misdirected, from an impostor). */
export const ipcRejectedShape = {
  receiver: id,
  from: s.nullable(id),
  name: s.nullable(s.string({ maxLength: 1024 })),
  reason: text,
} as const;

/** Something failed: where, and what happened. */
export const errorShape = { where: s.string({ maxLength: 1024 }), message: text } as const;

interface Stamp {
  ts: number;
  endpoint: EndpointId;
}

export type MessageRecord = { type: 'message' } & s.ObjectOf<typeof messageShape> & Stamp;
export type TransportRecord =
  | MessageRecord
  | ({ type: 'ipc.rejected' } & s.ObjectOf<typeof ipcRejectedShape> & Stamp)
  | ({ type: 'error' } & s.ObjectOf<typeof errorShape> & Stamp);

/** Where an endpoint writes what it records (the trace recorder, or a channel to it). */
export interface TransportSink {
  record(record: TransportRecord): void;
}
