/**
 * What actually travels between threads and processes: wire frames. A `message`
 * frame carries one catalogue message in an envelope; `trace` frames carry a child's
 * own trace records to the recorder; `hello` announces an endpoint once it is ready.
 *
 * On the wire a frame is packed into an array (`packFrame`): the message named by its
 * place in the catalogue, the flow id by its number, no field names. V8's serializer
 * (process IPC, worker postMessage, Electron's structured clone) writes and reads an
 * array of a few numbers and strings about as fast as the bare payload, where an
 * object frame costs three times as much. The readable object form is accepted too
 * (tests and tools write it); both are checked the same way.
 */
import * as s from '../base/schema.js';
import { type EndpointId, type EndpointInfo, type EndpointRole, endpointInfo, roleOf } from './endpoints.js';
import { MESSAGE_NAMES, type MessageName, type PayloadOf, messageCatalogue } from './messageCatalogue.js';

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
  /** For a reply (a `<Interface.Method>:reply` name): the flow id of the request it answers. */
  replyTo?: string;
}

export type AnyEnvelope = { [N in MessageName]: MessageEnvelope<N> }[MessageName];

/**
 * A receiver's word that it delivered a message (its flow id, and when, µs): how a
 * thread or process other than the browser's UI thread records a message. The
 * browser, whose router passed the message on, writes the trace event from the
 * envelope it forwarded, so the record need not travel back.
 */
export type DeliveryReceipt = [flowId: string, deliveredAt: number];

export type WireFrame =
  /** `trace`: the sender's trace records (and delivery receipts) that precede this message: one post instead of two. */
  | { kind: 'message'; envelope: AnyEnvelope; trace?: unknown[] }
  | { kind: 'trace'; records: unknown[] }
  | { kind: 'hello'; endpoint: EndpointInfo };

const MESSAGE = 0;
const TRACE = 1;
const HELLO = 2;

/**
 * A message on the wire: [0, catalogue index, flow number (or the flow id), sentAt, from, to, route, payload,
 * trace?, replyTo?] (a reply without a trace batch has null in its place).
 */
type PackedMessage =
  | [typeof MESSAGE, number, number | string, number, EndpointId, EndpointId, string | null, unknown]
  | [typeof MESSAGE, number, number | string, number, EndpointId, EndpointId, string | null, unknown, unknown[]]
  | [
      typeof MESSAGE,
      number,
      number | string,
      number,
      EndpointId,
      EndpointId,
      string | null,
      unknown,
      unknown[] | null,
      string,
    ];
export type PackedFrame = PackedMessage | [typeof TRACE, unknown[]] | [typeof HELLO, EndpointInfo];

const NAME_INDEX = new Map<string, number>(MESSAGE_NAMES.map((name, i) => [name, i]));

/** The flow number of `<from>#<n>`, or the flow id itself when it is not of that form. */
function packedFlow(flowId: unknown, from: unknown): unknown {
  if (typeof flowId !== 'string' || typeof from !== 'string') return flowId;
  const start = from.length + 1;
  const end = flowId.length;
  // Digits after "<from>#", without a leading zero, short enough to be a safe integer.
  if (end <= start || end - start > 15 || flowId.charCodeAt(start - 1) !== 0x23 /* # */) return flowId;
  if (flowId.charCodeAt(start) === 0x30 /* 0 */ && end - start > 1) return flowId;
  let n = 0;
  for (let i = start; i < end; i++) {
    const digit = flowId.charCodeAt(i) - 0x30;
    if (digit < 0 || digit > 9) return flowId;
    n = n * 10 + digit;
  }
  return flowId.startsWith(from) ? n : flowId;
}

/**
 * A message frame as it goes on the wire, from an envelope in object form, checked or
 * not (the router forwards what a child sent: the receiver checks it). Never throws.
 */
export function packMessage(envelope: Record<string, unknown>, trace?: unknown[]): PackedFrame {
  const { name, flowId, from, to, route, sentAt, payload, replyTo } = envelope;
  // The name travels as its place in the catalogue; a name the catalogue lacks travels as it is (and is refused).
  const index = (typeof name === 'string' ? NAME_INDEX.get(name) : undefined) ?? name;
  const packed = [MESSAGE, index, packedFlow(flowId, from), sentAt, from, to, route, payload] as unknown[];
  if (trace || replyTo !== undefined) packed.push(trace ?? null);
  if (replyTo !== undefined) packed.push(replyTo);
  return packed as PackedFrame;
}

/** The frame as it goes on the wire. */
export function packFrame(frame: WireFrame): PackedFrame {
  switch (frame.kind) {
    case 'message':
      return packMessage(frame.envelope as unknown as Record<string, unknown>, frame.trace);
    case 'trace':
      return [TRACE, frame.records];
    case 'hello':
      return [HELLO, frame.endpoint];
  }
}

/**
 * An envelope not yet checked, in object form whichever form it came in (the router
 * reads its fields to route it). Nothing is checked: a packed name or flow that cannot
 * be read is kept as it is, and the receiver refuses the message.
 */
export function envelopeObject(raw: unknown): Record<string, unknown> | null {
  if (!Array.isArray(raw)) return typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : null;
  const [, index, flow, sentAt, from, to, route, payload, , replyTo] = raw;
  const name = (typeof index === 'number' ? MESSAGE_NAMES[index] : undefined) ?? index;
  const flowId = typeof flow === 'number' && typeof from === 'string' ? `${from}#${flow}` : flow;
  const object: Record<string, unknown> = { v: 1, flowId, name, from, to, route, sentAt, payload };
  if (raw.length >= 10) object.replyTo = replyTo;
  return object;
}

/** The readable form of a packed frame (tests, tools); a frame that is not packed comes back as it is. */
export function unpackFrame(raw: unknown): unknown {
  const check = checkFrame(raw);
  if (!check.ok) return raw;
  const frame = check.frame;
  if (frame.kind !== 'message' || !Array.isArray(frame.envelope)) return frame;
  const envelope = checkEnvelope(frame.envelope);
  return envelope.ok ? { ...frame, envelope: envelope.envelope } : frame;
}

export type EnvelopeCheck =
  | { ok: true; envelope: AnyEnvelope }
  | { ok: false; reason: string; name: string | null; from: string | null; to: string | null };

/** Each message's rules, compiled once: who may send it, who may receive it, its payload's test. */
interface CompiledEntry {
  name: MessageName;
  from: ReadonlySet<EndpointRole>;
  to: ReadonlySet<EndpointRole>;
  payload: s.Schema<unknown>;
  /** A reply: it must name the request it answers. */
  isReply: boolean;
}

const COMPILED = new Map<string, CompiledEntry>(
  MESSAGE_NAMES.map((name) => {
    const entry = messageCatalogue[name];
    return [
      name,
      {
        name,
        from: new Set(entry.from),
        to: new Set(entry.to),
        payload: entry.payload,
        isReply: entry.replyOf !== null,
      },
    ];
  }),
);
const COMPILED_BY_INDEX: readonly CompiledEntry[] = MESSAGE_NAMES.map((name) => COMPILED.get(name)!);

/** The compiled rules of a message name (sender and receiver roles, payload test), or undefined. */
export function compiledEntry(name: string): CompiledEntry | undefined {
  return COMPILED.get(name);
}

const flowIdString = s.string({ maxLength: 200 });
const endpointString = s.string({ maxLength: 64 });
const routeString = s.nullable(s.string({ maxLength: 200 }));
const sentAtNumber = s.number();

const envelopeShape = s.object({
  v: s.literal(1),
  flowId: flowIdString,
  name: s.string({ maxLength: 200 }),
  from: endpointString,
  to: endpointString,
  route: routeString,
  sentAt: sentAtNumber,
  // Checked against the message's own schema once the name is known.
  payload: s.anything(),
  replyTo: s.optional(flowIdString),
});

function peek(raw: unknown, key: string): string | null {
  if (typeof raw !== 'object' || raw === null) return null;
  const value = (raw as Record<string, unknown>)[key];
  return typeof value === 'string' ? value.slice(0, 200) : null;
}

function rejected(reason: string, name: string | null, from: unknown, to: unknown): EnvelopeCheck {
  return {
    ok: false,
    reason,
    name,
    from: typeof from === 'string' ? from.slice(0, 200) : null,
    to: typeof to === 'string' ? to.slice(0, 200) : null,
  };
}

/** The checks every envelope gets once its fields are read: roles, direction, payload. */
function checkRules(
  entry: CompiledEntry,
  flowId: string,
  from: string,
  to: string,
  route: string | null,
  sentAt: number,
  payload: unknown,
  replyTo: string | undefined,
  checked?: AnyEnvelope,
): EnvelopeCheck {
  const fromRole = roleOf(from);
  const toRole = roleOf(to);
  const name = entry.name;
  if (!fromRole) return rejected(`unknown sender endpoint "${from}"`, name, from, to);
  if (!toRole) return rejected(`unknown receiver endpoint "${to}"`, name, from, to);
  if (!entry.from.has(fromRole)) return rejected(`${name} may not be sent by a ${fromRole} endpoint`, name, from, to);
  if (!entry.to.has(toRole)) return rejected(`${name} may not be received by a ${toRole} endpoint`, name, from, to);
  if (entry.isReply && replyTo === undefined)
    return rejected(`${name} is a reply but names no request (replyTo)`, name, from, to);
  if (!entry.isReply && replyTo !== undefined)
    return rejected(`${name} is not a reply but names a request (replyTo)`, name, from, to);
  if (!entry.payload.is(payload))
    return rejected(`${name}: ${entry.payload.check(payload, 'payload') ?? 'payload: invalid'}`, name, from, to);
  if (checked) return { ok: true, envelope: checked };
  const envelope = { v: 1, flowId, name, from, to, route, sentAt, payload } as AnyEnvelope;
  if (replyTo !== undefined) envelope.replyTo = replyTo;
  return { ok: true, envelope };
}

function checkPacked(raw: unknown[]): EnvelopeCheck {
  const [, index, flow, sentAt, from, to, route, payload, , replyTo] = raw;
  const entry =
    typeof index === 'number' ? COMPILED_BY_INDEX[index] : typeof index === 'string' ? COMPILED.get(index) : undefined;
  if (!entry)
    return rejected(
      typeof index === 'string'
        ? `unknown message ${JSON.stringify(index.slice(0, 200))}: not in the message catalogue`
        : `unknown message #${String(index).slice(0, 20)}: not in the message catalogue`,
      typeof index === 'string' ? index.slice(0, 200) : null,
      from,
      to,
    );
  if (!endpointString.is(from)) return rejected(endpointString.check(from, 'envelope.from')!, entry.name, from, to);
  if (!endpointString.is(to)) return rejected(endpointString.check(to, 'envelope.to')!, entry.name, from, to);
  const flowId =
    typeof flow === 'number' && Number.isSafeInteger(flow) && flow >= 0
      ? `${from}#${flow}`
      : flowIdString.is(flow)
        ? (flow as string)
        : null;
  if (flowId === null) return rejected('envelope.flowId: expected a flow number or id', entry.name, from, to);
  if (!sentAtNumber.is(sentAt)) return rejected(sentAtNumber.check(sentAt, 'envelope.sentAt')!, entry.name, from, to);
  if (!routeString.is(route)) return rejected(routeString.check(route, 'envelope.route')!, entry.name, from, to);
  if (raw.length >= 10 && !flowIdString.is(replyTo))
    return rejected(flowIdString.check(replyTo, 'envelope.replyTo')!, entry.name, from, to);
  return checkRules(
    entry,
    flowId,
    from as string,
    to as string,
    route as string | null,
    sentAt as number,
    payload,
    raw.length >= 10 ? (replyTo as string) : undefined,
  );
}

/**
 * Validates an envelope that arrived from another thread or process (packed, or in
 * its object form): its shape, that the name is in the catalogue, that the sender
 * and receiver roles are allowed for it, and the payload against the message's
 * schema. Never throws.
 */
export function checkEnvelope(raw: unknown): EnvelopeCheck {
  if (Array.isArray(raw) && raw[0] === MESSAGE && raw.length >= 8 && raw.length <= 10) return checkPacked(raw);
  if (!envelopeShape.is(raw)) {
    const name = peek(raw, 'name');
    return rejected(
      envelopeShape.check(raw, 'envelope') ?? 'envelope: invalid',
      name,
      peek(raw, 'from'),
      peek(raw, 'to'),
    );
  }
  const env = raw as s.Infer<typeof envelopeShape>;
  const entry = COMPILED.get(env.name);
  if (!entry)
    return rejected(`unknown message "${env.name}": not in the message catalogue`, env.name, env.from, env.to);
  return checkRules(
    entry,
    env.flowId,
    env.from,
    env.to,
    env.route,
    env.sentAt,
    env.payload,
    env.replyTo,
    raw as AnyEnvelope,
  );
}

const MAX_TRACE_BATCH = 10_000;
const traceBatch = s.array(s.unknownData(), { maxLength: MAX_TRACE_BATCH });

const frameShape = s.union('kind', {
  message: s.object({
    kind: s.literal('message'),
    envelope: s.unknownData(),
    trace: s.optional(traceBatch),
  }),
  trace: s.object({ kind: s.literal('trace'), records: traceBatch }),
  hello: s.object({ kind: s.literal('hello'), endpoint: endpointInfo }),
});

export type CheckedFrame =
  /** `envelope`: still to be checked by `checkEnvelope` at the receiver. */
  | { kind: 'message'; envelope: unknown; trace?: unknown[] }
  | { kind: 'trace'; records: unknown[] }
  | { kind: 'hello'; endpoint: EndpointInfo };

export type FrameCheck = { ok: true; frame: CheckedFrame } | { ok: false; reason: string };

const isBatch = (value: unknown): value is unknown[] => Array.isArray(value) && value.length <= MAX_TRACE_BATCH;

function checkPackedFrame(raw: unknown[]): FrameCheck {
  switch (raw[0]) {
    case MESSAGE:
      if (raw.length === 8) return { ok: true, frame: { kind: 'message', envelope: raw } };
      if (raw.length === 9 && isBatch(raw[8]))
        return { ok: true, frame: { kind: 'message', envelope: raw, trace: raw[8] } };
      if (raw.length === 10 && raw[8] === null) return { ok: true, frame: { kind: 'message', envelope: raw } };
      if (raw.length === 10 && isBatch(raw[8]))
        return { ok: true, frame: { kind: 'message', envelope: raw, trace: raw[8] } };
      return {
        ok: false,
        reason: 'frame: a message frame has 8 fields, an optional trace batch and, for a reply, the request’s flow id',
      };
    case TRACE:
      return raw.length === 2 && isBatch(raw[1])
        ? { ok: true, frame: { kind: 'trace', records: raw[1] } }
        : { ok: false, reason: `frame: a trace frame carries one batch of at most ${MAX_TRACE_BATCH} records` };
    case HELLO:
      return raw.length === 2 && endpointInfo.is(raw[1])
        ? { ok: true, frame: { kind: 'hello', endpoint: raw[1] as EndpointInfo } }
        : { ok: false, reason: endpointInfo.check(raw[1], 'frame.endpoint') ?? 'frame: a hello frame has 2 fields' };
    default:
      return { ok: false, reason: `frame: unknown kind ${JSON.stringify(raw[0])?.slice(0, 40) ?? typeof raw[0]}` };
  }
}

/**
 * Checks the outer frame only: message envelopes are checked by `checkEnvelope` at
 * the receiver, trace records one by one by the recorder (each against its declaration).
 */
export function checkFrame(raw: unknown): FrameCheck {
  if (Array.isArray(raw)) return checkPackedFrame(raw);
  const problem = frameShape.check(raw, 'frame');
  if (problem) return { ok: false, reason: problem };
  return { ok: true, frame: raw as CheckedFrame };
}
