/**
 * Step mode: the browser process's transport holds every message at delivery until
 * the user lets it go — one message per step, everything up to the next phase, or
 * one message every interval while playing. The navigation really waits: nothing
 * crosses a thread or process boundary without a step.
 *
 * One first-in, first-out queue for all channels keeps every ordering a normal run
 * has (two messages between the same two endpoints arrive in the order they were
 * sent; an effect never overtakes its cause). While something waits for the user,
 * the model's running clock is paused, so its timeouts count running time only.
 * Each change is recorded (`step.mode`, `step.held`, `step.released`), so a stepped
 * trace shows where it waited and for how long.
 */
import type { EndpointId } from '../../shared/ipc/endpoints.js';
import { BROWSER_ENDPOINT } from '../../shared/ipc/endpoints.js';
import { fieldOf } from '../../shared/base/fields.js';
import type { StepPace, TraceEvent, TraceEventBody } from '../../shared/trace/traceEvent.js';
import type { TraceRecorder } from '../../shared/trace/traceRecorder.js';
import type { StepGateView } from '../../shared/api/browserModelApi.js';
import { monotonicMicros } from '../node/monotonicClock.js';
import { RunningClock } from './runningClock.js';

export const DEFAULT_PLAY_INTERVAL_MS = 500;
export const MIN_PLAY_INTERVAL_MS = 10;
export const MAX_PLAY_INTERVAL_MS = 60_000;

type Envelope = Record<string, unknown>;

interface HeldMessage {
  readonly envelope: Envelope;
  readonly flowId: string;
  readonly name: string;
  readonly from: EndpointId;
  readonly to: EndpointId;
  readonly since: number;
}

function text(value: unknown): string {
  return typeof value === 'string' ? value : '?';
}

export class StepGate {
  /** The model's timeouts run on this clock: paused while a message waits for the user. */
  readonly clock = new RunningClock();
  private on = false;
  /** Switching off: what is held still goes out first, in order, before anything new passes. */
  private draining = false;
  private pace: StepPace = 'paused';
  private intervalMs = DEFAULT_PLAY_INTERVAL_MS;
  private readonly queue: HeldMessage[] = [];
  private playTimer: ReturnType<typeof setTimeout> | null = null;
  private drainScheduled = false;

  /** `deliver` takes a released message on to its receiver (the router, past the gate). */
  constructor(
    private readonly recorder: TraceRecorder,
    private readonly deliver: (envelope: Envelope) => void,
  ) {
    recorder.subscribe((event) => this.onTraceEvent(event));
  }

  get enabled(): boolean {
    return this.on;
  }

  view(): StepGateView {
    const next = this.queue[0];
    return {
      enabled: this.on,
      pace: this.pace,
      intervalMs: this.intervalMs,
      held: this.queue.length,
      next: next ? { flowId: next.flowId, name: next.name, from: next.from, to: next.to } : null,
    };
  }

  /** Takes a message arriving for delivery; false when step mode is off and it may pass. */
  hold(envelope: Envelope): boolean {
    if (!this.on && !this.draining) return false;
    const held: HeldMessage = {
      envelope,
      flowId: text(envelope.flowId),
      name: text(envelope.name),
      from: text(envelope.from),
      to: text(envelope.to),
      since: monotonicMicros(),
    };
    this.queue.push(held);
    this.record({
      type: 'step.held',
      flowId: held.flowId,
      name: held.name,
      from: held.from,
      to: held.to,
      held: this.queue.length,
    });
    this.updateClock();
    this.schedule();
    return true;
  }

  /**
   * Removes the held messages a loader's route now keeps for itself (the browser
   * holds a navigation's response body for MIME sniffing before it decides where the
   * body goes): they leave the gate in order, unreleased.
   */
  takeRoute(route: string): Envelope[] {
    const taken: Envelope[] = [];
    for (let i = 0; i < this.queue.length;) {
      const held = this.queue[i]!;
      if (fieldOf(held.envelope, 'route') === route && fieldOf(held.envelope, 'to') === BROWSER_ENDPOINT) {
        taken.push(held.envelope);
        this.queue.splice(i, 1);
        this.recordRelease(held, 'loader');
      } else i++;
    }
    if (taken.length) this.updateClock();
    return taken;
  }

  enable(): StepGateView {
    if (!this.on) {
      this.on = true;
      this.draining = false;
      this.setPace('paused');
    }
    return this.view();
  }

  /** Step mode off: every held message goes on, in order; from then on messages pass straight through. */
  disable(): StepGateView {
    if (!this.on) return this.view();
    this.on = false;
    this.stopPlaying();
    this.draining = true;
    this.recordMode();
    while (this.releaseOne()) {
      // Messages caused by a release join the queue behind the ones already held.
    }
    this.draining = false;
    this.updateClock();
    return this.view();
  }

  /** Lets the oldest held message go; false when nothing is held. */
  step(): boolean {
    if (!this.on) return false;
    return this.releaseOne();
  }

  /** Lets messages go, as they come, until the next phase of the journey begins. */
  runToNextPhase(): StepGateView {
    if (this.on) this.setPace('next-phase');
    return this.view();
  }

  play(intervalMs: number): StepGateView {
    if (!Number.isFinite(intervalMs) || intervalMs < MIN_PLAY_INTERVAL_MS || intervalMs > MAX_PLAY_INTERVAL_MS) {
      throw new Error(
        `the play interval must be between ${MIN_PLAY_INTERVAL_MS} and ${MAX_PLAY_INTERVAL_MS} ms (got ${intervalMs})`,
      );
    }
    if (!this.on) return this.view();
    this.intervalMs = Math.round(intervalMs);
    this.stopPlaying();
    this.setPace('playing');
    return this.view();
  }

  pause(): StepGateView {
    if (this.on) this.setPace('paused');
    return this.view();
  }

  private releaseOne(): boolean {
    const held = this.queue.shift();
    if (!held) return false;
    this.recordRelease(held, 'receiver');
    this.updateClock();
    this.deliver(held.envelope);
    return true;
  }

  private setPace(pace: StepPace): void {
    if (pace !== 'playing') this.stopPlaying();
    this.pace = pace;
    this.recordMode();
    this.updateClock();
    this.schedule();
  }

  /** Arranges the next automatic release for the current pace (never re-entrantly). */
  private schedule(): void {
    if (!this.on || this.queue.length === 0) return;
    if (this.pace === 'next-phase' && !this.drainScheduled) {
      this.drainScheduled = true;
      setImmediate(() => {
        this.drainScheduled = false;
        while (this.on && this.pace === 'next-phase' && this.releaseOne()) {
          // Runs until the next phase begins (onTraceEvent pauses) or nothing is left.
        }
      });
    }
    if (this.pace === 'playing' && !this.playTimer) {
      this.playTimer = setTimeout(() => {
        this.playTimer = null;
        if (this.on && this.pace === 'playing') this.releaseOne();
        this.schedule();
      }, this.intervalMs);
    }
  }

  private stopPlaying(): void {
    if (this.playTimer) clearTimeout(this.playTimer);
    this.playTimer = null;
  }

  private onTraceEvent(event: TraceEvent): void {
    // A journey phase began: "run to the next phase" has arrived. The mode change is
    // recorded after this event has reached every listener (never inside a record).
    if (this.on && this.pace === 'next-phase' && event.type === 'span.begin' && event.category === 'phase') {
      this.pace = 'paused';
      this.updateClock();
      queueMicrotask(() => this.recordMode());
    }
  }

  /** Time counts unless a message waits for the user. */
  private updateClock(): void {
    const waiting = this.on && this.queue.length > 0 && this.pace !== 'next-phase';
    if (waiting) this.clock.pause();
    else this.clock.resume();
  }

  private recordRelease(held: HeldMessage, into: 'receiver' | 'loader'): void {
    this.record({
      type: 'step.released',
      flowId: held.flowId,
      name: held.name,
      from: held.from,
      to: held.to,
      waitedMicros: Math.max(0, monotonicMicros() - held.since),
      into,
      held: this.queue.length,
    });
  }

  /** Records the mode as it is now (also at the start of a new trace). */
  recordMode(): void {
    this.record({
      type: 'step.mode',
      enabled: this.on,
      pace: this.pace,
      intervalMs: this.intervalMs,
      held: this.queue.length,
    });
  }

  private record(body: Extract<TraceEventBody, { type: 'step.mode' | 'step.held' | 'step.released' }>): void {
    this.recorder.record({ ...body, ts: monotonicMicros(), endpoint: BROWSER_ENDPOINT });
  }
}
