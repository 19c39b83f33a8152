/**
 * One window's WebSocket to the web host: carries BrowserModelApi (shared/api) both
 * ways. On connect the window gets every trace event recorded so far, then each new
 * batch, in frames of at most CHUNK_EVENTS events (TraceFrames: full chunks are
 * serialized once and shared by every window). Every request is validated; a bad one
 * gets an error response and the connection stays open. Nothing a window sends can
 * throw out of here.
 *
 * A window cannot take the host down, by mistake or on purpose:
 * - back-pressure: nothing more is sent while `highWaterBytes` wait to go out, and the
 *   window's requests are not read meanwhile; a window that reads nothing for `stallMs`
 *   while output waits is cut off;
 * - a rate limit (token bucket) and a bound on calls running at once; calls beyond it
 *   wait in line, and a window that queues more than `maxQueuedCalls` is closed;
 * - a result is sent after every trace event recorded before it, so a window never
 *   learns that a navigation ended before it has the events that show it.
 */
import type { RawData, WebSocket } from 'ws';
import type { ApiResponse } from '../../../shared/api/apiProtocol.js';
import { errorMessage } from '../../../shared/base/errors.js';
import type { BrowserModelService } from '../node/browserModelService.js';
import type { TraceFrames } from '../node/traceFrames.js';

/** The longest error text the protocol carries (apiResponse: error maxLength). */
const MAX_ERROR_LENGTH = 8192;

export interface ConnectionLimits {
  /** Output waiting to be sent (bytes) above which nothing more is sent and requests are not read. */
  highWaterBytes: number;
  /** Calls running at once; later ones wait in line. */
  maxConcurrentCalls: number;
  /** Calls waiting in line before the window is closed as flooding the host. */
  maxQueuedCalls: number;
  /** Sustained calls per second, and how many may come at once (a token bucket). */
  callsPerSecond: number;
  burst: number;
  /** A window that reads nothing for this long while output waits is closed (ms). */
  stallMs: number;
}

export const DEFAULT_CONNECTION_LIMITS: ConnectionLimits = {
  highWaterBytes: 4 * 1024 * 1024,
  maxConcurrentCalls: 16,
  maxQueuedCalls: 256,
  callsPerSecond: 100,
  burst: 200,
  stallMs: 60_000,
};

/** WebSocket close code 1008: policy violation (RFC 6455 §7.4.1). */
const CLOSE_POLICY = 1008;
/** How long a window closed for flooding has to answer the closing handshake. */
const CLOSE_GRACE_MS = 2_000;

/** The request id to answer an invalid request with: its own when usable, else 0. */
function idOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

function describeError(error: unknown): string {
  const text = errorMessage(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

interface Reply {
  data: Buffer;
  /** Sent only once the trace up to here has been sent. */
  afterSeq: number;
}

export class ApiConnection {
  private closed = false;
  private readonly stopWatching: () => void;
  /** The next trace event to send, of trace `generation` (a new session starts again at 0). */
  private cursor = 0;
  private generation: number;
  private readonly replies: Reply[] = [];
  private readonly waiting: { id: number; method: unknown; args: unknown }[] = [];
  private running = 0;
  private tokens: number;
  private lastRefill = Date.now();
  private pumpScheduled = false;
  private paused = false;
  private drainTimer: NodeJS.Timeout | null = null;
  private stallTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly socket: WebSocket,
    private readonly service: BrowserModelService,
    private readonly frames: TraceFrames,
    private readonly limits: ConnectionLimits = DEFAULT_CONNECTION_LIMITS,
  ) {
    this.tokens = limits.burst;
    this.generation = service.traceGeneration;
    this.stopWatching = service.onTraceGrew(() => this.schedulePump());
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
    this.pump();
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopWatching();
    this.replies.length = 0;
    this.waiting.length = 0;
    if (this.drainTimer) clearTimeout(this.drainTimer);
    if (this.stallTimer) clearTimeout(this.stallTimer);
  }

  /**
   * Closes the connection saying why (1008), reading again so that the window's closing
   * handshake is heard; a window that does not finish it within a moment is cut off.
   */
  private closeFor(reason: string): void {
    if (this.closed) return;
    this.dispose();
    if (this.paused) this.socket.resume();
    try {
      this.socket.close(CLOSE_POLICY, reason.slice(0, 120));
    } catch {
      this.socket.terminate();
      return;
    }
    setTimeout(() => this.socket.terminate(), CLOSE_GRACE_MS).unref();
  }

  // ── Output ──────────────────────────────────────────────────────────────────────

  private get open(): boolean {
    return !this.closed && this.socket.readyState === this.socket.OPEN;
  }

  private schedulePump(): void {
    if (this.pumpScheduled || this.closed) return;
    this.pumpScheduled = true;
    // Events recorded in the same turn of the event loop travel together.
    setImmediate(() => {
      this.pumpScheduled = false;
      this.pump();
    });
  }

  /** Sends replies and trace frames until the output reaches the high-water mark. */
  private pump(): void {
    if (this.generation !== this.service.traceGeneration) {
      // A new session: its trace is sent from the start; replies waiting for the old one go now.
      this.generation = this.service.traceGeneration;
      this.cursor = 0;
      for (const reply of this.replies) reply.afterSeq = 0;
    }
    while (this.open && this.socket.bufferedAmount < this.limits.highWaterBytes) {
      const reply = this.replies[0];
      if (reply && this.cursor >= reply.afterSeq) {
        this.replies.shift();
        this.write(reply.data);
        continue;
      }
      const frame = this.frames.next(this.cursor);
      if (!frame) break;
      this.cursor = frame.next;
      this.write(frame.data);
    }
    this.watchBackPressure();
  }

  private write(data: Buffer): void {
    try {
      this.socket.send(data, { binary: false }, (error) => {
        if (error) return; // The socket is going away; its close event cleans up.
        this.progressed();
      });
    } catch {
      // As above.
    }
  }

  /** Something went out: the window is reading. */
  private progressed(): void {
    if (this.stallTimer) {
      clearTimeout(this.stallTimer);
      this.stallTimer = null;
    }
    this.pump();
    this.drainCalls();
  }

  private get backedUp(): boolean {
    return this.socket.bufferedAmount >= this.limits.highWaterBytes;
  }

  private watchBackPressure(): void {
    if (!this.open) return;
    if (this.backedUp && !this.stallTimer) {
      this.stallTimer = setTimeout(() => {
        this.stallTimer = null;
        // A window that reads nothing would not read a closing handshake either: cut it off.
        if (this.backedUp) {
          this.dispose();
          this.socket.terminate();
        }
      }, this.limits.stallMs);
      this.stallTimer.unref();
    }
    this.updateReading();
  }

  /** Reads the window's requests only while it keeps up with what it is sent and its calls are not piling up. */
  private updateReading(): void {
    const hold = this.backedUp || this.waiting.length >= this.limits.maxConcurrentCalls;
    if (hold && !this.paused) {
      this.paused = true;
      this.socket.pause();
    } else if (!hold && this.paused) {
      this.paused = false;
      this.socket.resume();
    }
  }

  private reply(response: ApiResponse): void {
    if (this.closed) return;
    this.replies.push({
      data: Buffer.from(JSON.stringify(response), 'utf8'),
      afterSeq: this.service.traceLength,
    });
    this.pump();
  }

  private sendError(id: number, error: string): void {
    this.reply({ kind: 'error', id, error: describeError(error) });
  }

  // ── Input ───────────────────────────────────────────────────────────────────────

  private onMessage(data: RawData, isBinary: boolean): void {
    if (this.closed) return;
    if (isBinary) {
      this.sendError(0, 'binary frames are not accepted: send JSON text');
      return;
    }
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(new Uint8Array(data)).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.sendError(0, 'the request is not valid JSON');
      return;
    }
    const id = idOf(parsed);
    const request =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as { id?: unknown; method?: unknown; args?: unknown })
        : {};
    if (typeof request.id !== 'number' || !Number.isSafeInteger(request.id) || request.id < 0) {
      this.sendError(id, 'invalid request: request.id: expected a non-negative integer');
      return;
    }
    const extra = Object.keys(request).find((key) => !['id', 'method', 'args'].includes(key));
    if (extra) {
      this.sendError(id, `invalid request: request: unexpected field "${extra.slice(0, 60)}"`);
      return;
    }
    if (this.waiting.length >= this.limits.maxQueuedCalls) {
      this.closeFor(`more than ${this.limits.maxQueuedCalls} calls waiting: closed for flooding the host`);
      return;
    }
    this.waiting.push({ id, method: request.method, args: request.args });
    this.drainCalls();
  }

  /** Starts waiting calls while the rate limit, the bound on running calls and the output allow. */
  private drainCalls(): void {
    if (this.closed) return;
    const now = Date.now();
    this.tokens = Math.min(
      this.limits.burst,
      this.tokens + ((now - this.lastRefill) / 1000) * this.limits.callsPerSecond,
    );
    this.lastRefill = now;
    while (this.waiting.length > 0 && this.running < this.limits.maxConcurrentCalls && this.tokens >= 1) {
      if (this.backedUp) break;
      this.tokens -= 1;
      this.start(this.waiting.shift()!);
    }
    if (this.waiting.length > 0 && this.tokens < 1 && !this.drainTimer) {
      const waitMs = Math.ceil(((1 - this.tokens) / this.limits.callsPerSecond) * 1000);
      this.drainTimer = setTimeout(() => {
        this.drainTimer = null;
        this.drainCalls();
      }, waitMs);
    }
    this.updateReading();
  }

  private start(call: { id: number; method: unknown; args: unknown }): void {
    this.running++;
    // Calls run concurrently: a pending navigation does not hold up `info`.
    this.service
      .call(call.method, call.args)
      .then(
        (result) => this.reply({ kind: 'result', id: call.id, result }),
        (error: unknown) => this.sendError(call.id, describeError(error)),
      )
      .finally(() => {
        this.running--;
        this.drainCalls();
      });
  }
}
