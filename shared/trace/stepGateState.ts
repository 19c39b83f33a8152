/**
 * Step mode as the window knows it, folded from the live trace: on or off, the pace,
 * and the messages waiting at the browser process's gate in the order they will go.
 */
import type { StepGateView } from '../api/browserModelApi.js';
import type { TraceEvent } from './traceEvent.js';

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
