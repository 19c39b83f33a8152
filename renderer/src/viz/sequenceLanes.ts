/**
 * The message sequence's lanes: one per thread or process that sent or received a
 * message, in a stable order (UI thread, network thread, then renderers by number).
 */
import type { TraceEvent } from '../../../shared/trace/traceEvent';

export interface Lane {
  id: string;
  label: string;
  x: number;
}

/** A real Chromium's trace also has 'gpu', 'storage', 'utility:N', 'process:<pid>' and 'unknown' (an unknown sender). */
const REAL_LANES: Record<string, { order: number; label: string }> = {
  gpu: { order: 2, label: 'GPU' },
  storage: { order: 3, label: 'Sto' },
  utility: { order: 500, label: 'U' },
  process: { order: 900, label: 'P' },
  unknown: { order: 1000, label: '?' },
};

function laneOrder(id: string): number {
  if (id === 'browser') return 0;
  if (id === 'network') return 1;
  const n = /^renderer:(\d+)$/.exec(id);
  if (n) return 10 + Number(n[1]);
  const [base, number] = id.split(':');
  const real = Object.hasOwn(REAL_LANES, base!) ? REAL_LANES[base!] : undefined;
  return real ? real.order + (Number(number) || 0) / 1000 : 1000;
}

export function laneLabel(id: string): string {
  if (id === 'browser') return 'UI';
  if (id === 'network') return 'Net';
  const n = /^renderer:(\d+)$/.exec(id);
  if (n) return `R${n[1]}`;
  const [base, number] = id.split(':');
  const real = Object.hasOwn(REAL_LANES, base!) ? REAL_LANES[base!] : undefined;
  if (!real) return id;
  return base === 'process' ? real.label : `${real.label}${number ?? ''}`;
}

export function computeLanes(events: readonly TraceEvent[], laneWidth: number): Lane[] {
  const ids = new Set<string>(['browser', 'network']);
  for (const event of events) {
    if (event.type === 'message') {
      ids.add(event.from);
      ids.add(event.to);
    }
  }
  return [...ids]
    .sort((a, b) => laneOrder(a) - laneOrder(b))
    .map((id, i) => ({ id, label: laneLabel(id), x: laneWidth * i + laneWidth / 2 }));
}

/** Which rows of a fixed-height list are visible (plus an overscan margin). */
export function visibleRange(
  scrollTop: number,
  viewportHeight: number,
  rowHeight: number,
  count: number,
  overscan = 8,
): { first: number; last: number } {
  const first = Math.max(0, Math.floor(scrollTop / rowHeight) - overscan);
  const last = Math.min(count, Math.ceil((scrollTop + viewportHeight) / rowHeight) + overscan);
  return { first, last };
}
