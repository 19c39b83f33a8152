/**
 * Step mode as the window knows it, folded from the live trace: on or off, the pace,
 * and the messages waiting at the browser process's gate in the order they will go.
 */
import * as s from '../base/schema.js';
import { type TraceEvent, stepPace } from './traceEvent.js';

/** Step mode at the browser process's gate, as the window shows it (and the API returns it). */
export const stepGateView = s.object({
  enabled: s.boolean(),
  pace: stepPace,
  /** Between two released messages while playing (ms). */
  intervalMs: s.number({ integer: true, min: 0 }),
  /** Messages waiting for the user. */
  held: s.number({ integer: true, min: 0 }),
  /** The message the next step lets go. */
  next: s.nullable(
    s.object({
      flowId: s.string({ maxLength: 200 }),
      name: s.string({ maxLength: 200 }),
      from: s.string({ maxLength: 64 }),
      to: s.string({ maxLength: 64 }),
    }),
  ),
});
export type StepGateView = s.Infer<typeof stepGateView>;

export interface HeldMessage {
  flowId: string;
  name: string;
  from: string;
  to: string;
}

export interface StepGateState extends StepGateView {
  /** Everything waiting, oldest (the next to go) first. */
  queue: HeldMessage[];
}

export function initialStepGateState(): StepGateState {
  return { enabled: false, pace: 'paused', intervalMs: 500, held: 0, next: null, queue: [] };
}

/** The state after one more event (a new object when the event changes it, else the same one). */
export function foldStepGate(state: StepGateState, event: TraceEvent): StepGateState {
  switch (event.type) {
    case 'step.mode':
      return { ...state, enabled: event.enabled, pace: event.pace, intervalMs: event.intervalMs };
    case 'step.held': {
      const queue = [...state.queue, { flowId: event.flowId, name: event.name, from: event.from, to: event.to }];
      return { ...state, queue, held: queue.length, next: queue[0] ?? null };
    }
    case 'step.released': {
      const at = state.queue.findIndex((m) => m.flowId === event.flowId);
      if (at === -1) return state;
      const queue = [...state.queue.slice(0, at), ...state.queue.slice(at + 1)];
      return { ...state, queue, held: queue.length, next: queue[0] ?? null };
    }
    default:
      return state;
  }
}
