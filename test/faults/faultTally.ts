/**
 * What `npm run test:faults` counts and prints: inputs tried, faults injected,
 * crashes (must be 0) and navigations whose trace was lost (must be 0), each crash
 * and lost trace with a line saying which input caused it.
 */
import type { NavigationResult } from '../../electron/browser/webContents.js';
import type { BrowserSession } from '../../electron/hosts/node/browserSession.js';
import type { TraceEvent } from '../../shared/trace/traceEvent.js';

export class FaultTally {
  inputs = 0;
  faults = 0;
  navigations = 0;
  readonly crashes: string[] = [];
  readonly lost: string[] = [];

  /** Crashes since `from`: the network thread ending, a renderer crashing (not killed on purpose). */
  checkCrashes(session: BrowserSession, from: number, what: string): void {
    for (const event of session.browser.recorder.events.slice(from)) {
      if (event.type === 'error' && event.where === 'network thread') this.crashes.push(`${what}: ${event.message}`);
      if (event.type === 'process.crash' && event.reason === 'crashed')
        this.crashes.push(`${what}: renderer ${event.processId} crashed (code ${event.code}, signal ${event.signal})`);
    }
  }

  /** A navigation's trace is intact when it has its beginning and its end (or, refused before it began, a record of why). */
  checkTrace(events: readonly TraceEvent[], result: NavigationResult, what: string): void {
    this.navigations++;
    if (result.navigationId === null) {
      if (!events.some((e) => e.type === 'omnibox.classified' || e.type === 'error'))
        this.lost.push(`${what}: refused (${result.outcome}) with nothing recorded`);
      return;
    }
    const begun = events.some((e) => e.type === 'navigation.begin' && e.navigationId === result.navigationId);
    const ended = events.some((e) => e.type === 'navigation.end' && e.navigationId === result.navigationId);
    if (!begun || !ended)
      this.lost.push(
        `${what}: navigation ${result.navigationId} ${begun ? 'has no end' : 'has no beginning'} in the trace (${result.outcome})`,
      );
  }

  summary(): string {
    return [
      'NavScope fault run',
      `  inputs tried:               ${this.inputs}`,
      `  faults injected:            ${this.faults}`,
      `  navigations checked:        ${this.navigations}`,
      `  crashes:                    ${this.crashes.length}`,
      `  navigations with lost trace: ${this.lost.length}`,
      ...this.crashes.slice(0, 20).map((c) => `    crash: ${c}`),
      ...this.lost.slice(0, 20).map((l) => `    lost: ${l}`),
    ].join('\n');
  }
}

/** A small seeded generator (mulberry32): the same seed gives the same inputs on every machine. */
export function seededRandom(seed: number): {
  next(): number;
  int(max: number): number;
  pick<T>(list: readonly T[]): T;
} {
  let state = seed >>> 0;
  const next = (): number => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  return { next, int: (max) => Math.floor(next() * max), pick: (list) => list[Math.floor(next() * list.length)]! };
}
