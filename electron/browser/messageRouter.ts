/**
 * The browser process's side of every channel. Each thread and process talks only to
 * the browser process; the router delivers what is addressed to the UI thread and
 * forwards the rest (renderer ↔ network traffic crosses here, as Mojo pipes cross
 * the browser process's broker in Chromium). It is the transport, so it also:
 *   - rejects a frame whose sender claims another endpoint's identity,
 *   - takes in children's trace records, and writes the record of each message a
 *     child received from the envelope it forwarded, when the child's delivery
 *     receipt arrives (the record does not travel back),
 *   - holds a loader's messages while the browser decides where they go, and
 *     re-addresses them when a navigation's loader moves to a renderer at commit,
 *   - in step mode, holds every message at delivery until the user lets it go (StepGate).
 */
import { concatBytes } from '../../shared/base/bytes.js';
import { BROWSER_ENDPOINT, type EndpointId, type EndpointInfo, type EndpointRole } from '../../shared/ipc/endpoints.js';
import type { MessageEndpoint } from '../../shared/ipc/messageEndpoint.js';
import {
  type AnyEnvelope,
  type PackedFrame,
  type WireFrame,
  checkFrame,
  envelopeObject,
  packMessage,
} from '../../shared/ipc/messageEnvelope.js';
import type { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { fieldOf } from '../../shared/base/fields.js';
import { StepGate } from './stepGate.js';

export interface ChildChannel {
  readonly endpointId: EndpointId;
  readonly role: Exclude<EndpointRole, 'browser'>;
  /** Posts a frame, packed (see packFrame). */
  post(frame: PackedFrame): void;
}

/** Messages forwarded to a child and not yet receipted: kept until the receipt comes (or the child goes). */
const MAX_IN_FLIGHT = 100_000;

type RouteState =
  | { mode: 'held'; queue: Record<string, unknown>[]; watchers: Set<() => void> }
  | { mode: 'moved'; to: EndpointId }
  | { mode: 'dropped' };

export class MessageRouter {
  private readonly channels = new Map<EndpointId, ChildChannel>();
  private readonly routes = new Map<string, RouteState>();
  /** Flow id → the envelope forwarded to a child (and to whom), until the child's delivery receipt. */
  private readonly inFlight = new Map<string, { envelope: Record<string, unknown>; to: EndpointId }>();
  private browser: MessageEndpoint | null = null;
  /** Step mode; its clock runs the model's timeouts (paused while a message waits for the user). */
  readonly gate: StepGate;

  constructor(private readonly recorder: TraceRecorder) {
    this.gate = new StepGate(recorder, (envelope) => this.route(envelope, true));
  }

  setBrowserEndpoint(endpoint: MessageEndpoint): void {
    this.browser = endpoint;
  }

  attach(channel: ChildChannel): void {
    this.channels.set(channel.endpointId, channel);
  }

  detach(endpointId: EndpointId): void {
    this.channels.delete(endpointId);
    // What it never receipted was never recorded as delivered: it was not.
    for (const [flowId, sent] of this.inFlight) if (sent.to === endpointId) this.inFlight.delete(flowId);
  }

  isAttached(endpointId: EndpointId): boolean {
    return this.channels.has(endpointId);
  }

  /** The port the browser endpoint sends through. */
  browserPort(): { post(frame: WireFrame): void } {
    return {
      post: (frame) => {
        if (frame.kind === 'message') this.route(frame.envelope as unknown as Record<string, unknown>);
      },
    };
  }

  /** A frame arrived on a child's channel. */
  receive(channel: ChildChannel, raw: unknown, onHello: (info: EndpointInfo) => void): void {
    const now = monotonicMicros();
    const check = checkFrame(raw);
    if (!check.ok) {
      this.rejected(channel.endpointId, null, `malformed frame from ${channel.endpointId}: ${check.reason}`, now);
      return;
    }
    const frame = check.frame;
    switch (frame.kind) {
      case 'hello':
        if (frame.endpoint.id !== channel.endpointId || frame.endpoint.role !== channel.role) {
          this.rejected(
            channel.endpointId,
            null,
            `${channel.endpointId} introduced itself as ${frame.endpoint.id} (${frame.endpoint.role})`,
            now,
          );
          return;
        }
        onHello(frame.endpoint);
        return;
      case 'trace':
        this.ingest(channel, frame.records, now);
        return;
      case 'message': {
        // Records that ride on the message happened before it was sent.
        if (frame.trace) this.ingest(channel, frame.trace, now);
        const envelope = envelopeObject(frame.envelope);
        const from = fieldOf(envelope, 'from');
        if (envelope === null || from !== channel.endpointId) {
          this.rejected(
            channel.endpointId,
            fieldOf(envelope, 'name'),
            `a message on ${channel.endpointId}'s channel claims to come from ${JSON.stringify(from)?.slice(0, 60)}`,
            now,
          );
          return;
        }
        this.route(envelope);
        return;
      }
    }
  }

  /** A child's batch: its own trace records, checked by the recorder, and its delivery receipts. */
  private ingest(channel: ChildChannel, records: unknown[], now: number): void {
    for (const raw of records) {
      if (Array.isArray(raw)) this.receipted(channel.endpointId, raw, now);
      else this.recorder.ingestOne(channel.endpointId, channel.role, raw, now);
    }
  }

  /**
   * A child says it delivered a message (`[flowId, deliveredAt]`): the message's record,
   * written from the envelope this router forwarded to that child. A receipt for
   * anything else is refused.
   */
  private receipted(sender: EndpointId, receipt: unknown[], now: number): void {
    const [flowId, deliveredAt] = receipt;
    const sent = typeof flowId === 'string' ? this.inFlight.get(flowId) : undefined;
    const problem =
      receipt.length !== 2 ||
      typeof flowId !== 'string' ||
      typeof deliveredAt !== 'number' ||
      !Number.isFinite(deliveredAt)
        ? 'a delivery receipt is [flow id, delivered at]'
        : !sent || sent.to !== sender
          ? `a delivery receipt for ${JSON.stringify(flowId.slice(0, 60))}, which was not sent to ${sender}`
          : null;
    if (problem !== null) {
      this.rejected(sender, 'delivery receipt', problem, now);
      return;
    }
    this.inFlight.delete(flowId as string);
    try {
      // The receiver checked this envelope before it receipted it.
      this.recorder.recordMessage(sent!.envelope as unknown as AnyEnvelope, deliveredAt as number, sender);
    } catch (error) {
      this.rejected(sender, 'delivery receipt', `the message it receipts cannot be recorded: ${String(error)}`, now);
    }
  }

  /**
   * Fault injection: posts an arbitrary (possibly malformed) frame straight onto a
   * child's channel, bypassing every check on this side. The child must reject it.
   */
  injectRaw(endpointId: EndpointId, frame: unknown): boolean {
    const channel = this.channels.get(endpointId);
    if (!channel) return false;
    channel.post(frame as PackedFrame);
    return true;
  }

  /** From now on, this loader's messages to the browser wait here until moved or released. */
  holdRoute(route: string): void {
    if (this.routes.has(route)) return;
    // In step mode, what the loader already sent the browser joins the held route, not the user's queue.
    this.routes.set(route, { mode: 'held', queue: this.gate.takeRoute(route), watchers: new Set() });
  }

  /** The loader's client end moves to another endpoint (or back to the browser): queued and future messages follow it. */
  moveRoute(route: string, to: EndpointId): void {
    const state = this.routes.get(route);
    this.routes.set(route, { mode: 'moved', to });
    if (state?.mode === 'held') {
      for (const wake of state.watchers) wake();
      for (const envelope of state.queue) this.route(envelope);
    }
  }

  /**
   * The first bytes of a held loader's body (what MIME sniffing reads before anything
   * commits), at most `max`, and whether the body is complete.
   */
  heldBody(route: string, max: number): { bytes: Uint8Array; complete: boolean } {
    const state = this.routes.get(route);
    if (state?.mode !== 'held') return { bytes: new Uint8Array(0), complete: true };
    const chunks: Uint8Array[] = [];
    let size = 0;
    let complete = false;
    for (const envelope of state.queue) {
      const name = fieldOf(envelope, 'name');
      if (name === 'URLLoaderClient.OnComplete') complete = true;
      if (name !== 'DataPipe.Write' || size >= max) continue;
      const chunk = fieldOf(fieldOf(envelope, 'payload'), 'chunk');
      if (chunk instanceof Uint8Array) {
        chunks.push(chunk.subarray(0, max - size));
        size += Math.min(chunk.byteLength, max - size);
      }
    }
    return { bytes: concatBytes(chunks), complete };
  }

  /** Resolves once a held loader has `bytes` body bytes queued, its body is complete, or `timeoutMs` passed. */
  whenHeldBody(route: string, bytes: number, timeoutMs: number): Promise<void> {
    const state = this.routes.get(route);
    if (state?.mode !== 'held') return Promise.resolve();
    const enough = () => {
      const held = this.heldBody(route, bytes);
      return held.complete || held.bytes.byteLength >= bytes;
    };
    if (enough()) return Promise.resolve();
    return new Promise((resolve) => {
      const done = (): void => {
        timer.cancel();
        state.watchers.delete(check);
        resolve();
      };
      const check = (): void => {
        if (this.routes.get(route) !== state || enough()) done();
      };
      const timer = this.gate.clock.setTimeout(done, timeoutMs);
      state.watchers.add(check);
    });
  }

  /** Nobody wants this loader's messages any more (cancelled navigation). */
  dropRoute(route: string): void {
    const state = this.routes.get(route);
    this.routes.set(route, { mode: 'dropped' });
    this.gate.takeRoute(route);
    if (state?.mode === 'held') for (const wake of state.watchers) wake();
  }

  /** `released`: the message comes from the step gate, which it has passed already. */
  private route(envelope: Record<string, unknown>, released = false): void {
    const route = fieldOf(envelope, 'route');
    const loaderState =
      typeof route === 'string' && fieldOf(envelope, 'to') === BROWSER_ENDPOINT ? this.routes.get(route) : undefined;
    if (loaderState?.mode === 'held') {
      loaderState.queue.push(envelope);
      for (const watcher of loaderState.watchers) watcher();
      return;
    }
    if (loaderState?.mode === 'dropped') return;
    if (loaderState?.mode === 'moved') envelope = { ...envelope, to: loaderState.to };
    if (!released && this.gate.hold(envelope)) return;
    const target = fieldOf(envelope, 'to');
    if (target === BROWSER_ENDPOINT) {
      this.browser?.deliver(envelope);
      return;
    }
    const channel = typeof target === 'string' ? this.channels.get(target) : undefined;
    if (!channel) {
      this.rejected(
        typeof target === 'string' ? target : '?',
        fieldOf(envelope, 'name'),
        `receiver ${JSON.stringify(target)?.slice(0, 60)} is gone or unknown`,
        monotonicMicros(),
      );
      return;
    }
    const flowId = envelope.flowId;
    if (typeof flowId === 'string') {
      if (this.inFlight.size >= MAX_IN_FLIGHT) this.inFlight.delete(this.inFlight.keys().next().value!);
      this.inFlight.set(flowId, { envelope, to: channel.endpointId });
    }
    channel.post(packMessage(envelope));
  }

  private rejected(from: string, name: unknown, reason: string, ts: number): void {
    this.recorder.record({
      type: 'ipc.rejected',
      ts,
      endpoint: BROWSER_ENDPOINT,
      receiver: BROWSER_ENDPOINT,
      from,
      name: typeof name === 'string' ? name.slice(0, 200) : null,
      reason,
    });
  }
}
