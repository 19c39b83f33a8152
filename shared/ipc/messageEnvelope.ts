/**
 * What actually travels between threads and processes: wire frames. A `message`
 * frame carries one catalogue message in an envelope; `trace` frames carry a child's
 * own trace records to the recorder; `hello` announces an endpoint once it is ready.
 */
import * as s from '../base/schema.js';
import { type EndpointId, type EndpointInfo, roleOf } from './endpoints.js';
import { type MessageName, type PayloadOf, isMessageName, messageCatalogue } from './messageCatalogue.js';

export interface MessageEnvelope<N extends MessageName = MessageName> {
  v: 1;
  /** Unique per message; links its send and its delivery in the trace (a flow). */
  flowId: string;
  name: N;
  from: EndpointId;
  to: EndpointId;
  /** The loader or pipe this message belongs to, so the transport can hold or re-route it. */
  route: string | null;
  /** Monotonic clock, µs, taken by the sender just before posting. */
  sentAt: number;
  payload: PayloadOf<N>;
}

export type AnyEnvelope = { [N in MessageName]: MessageEnvelope<N> }[MessageName];

export type WireFrame =
  /** `trace`: the sender's trace records that precede this message (one post instead of two). */
  | { kind: 'message'; envelope: AnyEnvelope; trace?: unknown[] }
  | { kind: 'trace'; records: unknown[] }
  | { kind: 'hello'; endpoint: EndpointInfo };

const envelopeShape = s.object({
  v: s.literal(1),
  flowId: s.string({ maxLength: 200 }),
  name: s.string({ maxLength: 200 }),
  from: s.string({ maxLength: 64 }),
  to: s.string({ maxLength: 64 }),
  route: s.nullable(s.string({ maxLength: 200 })),
  sentAt: s.number(),
  payload: s.unknownData(),
});

export type EnvelopeCheck =
  | { ok: true; envelope: AnyEnvelope }
  | { ok: false; reason: string; name: string | null; from: string | null; to: string | null };

function peek(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value.slice(0, 200) : null;
}

/**
 * Validates an envelope that arrived from another thread or process: its shape, that
 * the name is in the catalogue, that the sender and receiver roles are allowed for
 * it, and the payload against the message's schema. Never throws.
 */
export function checkEnvelope(raw: unknown): EnvelopeCheck {
  const rejected = (reason: string): EnvelopeCheck => ({
    ok: false,
    reason,
    name: peek(raw, 'name'),
    from: peek(raw, 'from'),
    to: peek(raw, 'to'),
  });
  const shapeProblem = envelopeShape.check(raw, 'envelope');
  if (shapeProblem) return rejected(shapeProblem);
  const env = raw as s.Infer<typeof envelopeShape>;
  if (!isMessageName(env.name)) return rejected(`unknown message "${env.name}": not in the message catalogue`);
  const spec = messageCatalogue[env.name];
  const fromRole = roleOf(env.from);
  const toRole = roleOf(env.to);
  if (!fromRole) return rejected(`unknown sender endpoint "${env.from}"`);
  if (!toRole) return rejected(`unknown receiver endpoint "${env.to}"`);
  if (!(spec.from as readonly string[]).includes(fromRole))
    return rejected(`${env.name} may not be sent by a ${fromRole} endpoint`);
  if (!(spec.to as readonly string[]).includes(toRole))
    return rejected(`${env.name} may not be received by a ${toRole} endpoint`);
  const payloadProblem = spec.payload.check(env.payload, 'payload');
  if (payloadProblem) return rejected(`${env.name}: ${payloadProblem}`);
  return { ok: true, envelope: env as AnyEnvelope };
}

const endpointInfoShape = s.object({
  id: s.string({ maxLength: 64 }),
  role: s.literal('browser', 'network', 'renderer'),
  pid: s.number({ integer: true, min: 0 }),
  processName: s.string({ maxLength: 200 }),
  threadName: s.string({ maxLength: 200 }),
});

const frameShape = s.union('kind', {
  message: s.object({
    kind: s.literal('message'),
    envelope: s.unknownData(),
    trace: s.optional(s.array(s.unknownData(), { maxLength: 10_000 })),
  }),
  trace: s.object({ kind: s.literal('trace'), records: s.array(s.unknownData(), { maxLength: 10_000 }) }),
  hello: s.object({ kind: s.literal('hello'), endpoint: endpointInfoShape }),
});

export type CheckedFrame =
  | { kind: 'message'; envelope: unknown; trace?: unknown[] }
  | { kind: 'trace'; records: unknown[] }
  | { kind: 'hello'; endpoint: EndpointInfo };

export type FrameCheck = { ok: true; frame: CheckedFrame } | { ok: false; reason: string };

/** Checks the outer frame only; message envelopes are checked by `checkEnvelope` at the receiver. */
export function checkFrame(raw: unknown): FrameCheck {
  const problem = frameShape.check(raw, 'frame');
  if (problem) return { ok: false, reason: problem };
  return { ok: true, frame: raw as CheckedFrame };
}
