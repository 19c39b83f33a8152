/**
 * Time that is not the browser's: in step mode a message waits at the browser
 * process's gate until the user lets it go, and while nothing else happens the
 * navigation stands still. Those stretches are "held" time. Views show them as such
 * (a break in the time axis) and never count them as time a phase took.
 *
 * A stretch is held when a message was waiting at the gate for all of it and no other
 * event was recorded in it for at least MIN_HELD_MICROS: real work (a DNS walk, a
 * TLS handshake, parsing) keeps recording events, so it is never cut out.
 */
import type { TraceEvent } from './traceEvent.js';

/** Shorter quiet stretches are left as they are (they are the model's own pace). */
export const MIN_HELD_MICROS = 50_000;

export interface HeldInterval {
  start: number;
  end: number;
}

/** The moment an event happened (a message: when it was delivered). */
function momentOf(event: TraceEvent): number {
  return event.type === 'message' ? event.deliveredAt : event.ts;
}

/** Held stretches among `events` (trace order), sorted and disjoint. */
export function heldIntervals(events: readonly TraceEvent[], minMicros = MIN_HELD_MICROS): HeldInterval[] {
  // When messages waited at the gate: [released − waited, released] for every release.
  const waits: HeldInterval[] = [];
  const moments: number[] = [];
  for (const event of events) {
    if (event.type === 'step.released') waits.push({ start: event.ts - event.waitedMicros, end: event.ts });
    else if (event.type !== 'step.held' && event.type !== 'step.mode') moments.push(momentOf(event));
  }
  if (waits.length === 0) return [];
  const merged = mergeIntervals(waits);
  moments.sort((a, b) => a - b);
  const held: HeldInterval[] = [];
  // Quiet stretches (between two consecutive recorded moments) inside a wait.
  for (const wait of merged) {
    let from = wait.start;
    let i = lowerBound(moments, wait.start);
    for (; ; i++) {
      const moment = i < moments.length ? Math.min(moments[i]!, wait.end) : wait.end;
      if (moment - from >= minMicros) held.push({ start: from, end: moment });
      from = moment;
      if (moment >= wait.end) break;
    }
  }
  return held;
}

/** How much of [start, end] is held. */
export function heldWithin(held: readonly HeldInterval[], start: number, end: number): number {
  let total = 0;
  for (const h of held) total += Math.max(0, Math.min(h.end, end) - Math.max(h.start, start));
  return total;
}

function mergeIntervals(list: HeldInterval[]): HeldInterval[] {
  const sorted = [...list].sort((a, b) => a.start - b.start);
  const out: HeldInterval[] = [];
  for (const item of sorted) {
    const last = out[out.length - 1];
    if (last && item.start <= last.end) last.end = Math.max(last.end, item.end);
    else out.push({ ...item });
  }
  return out;
}

function lowerBound(list: readonly number[], target: number): number {
  let lo = 0;
  let hi = list.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid]! < target) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
