/**
 * What the window checks before it shows an event: every event it receives (live
 * batches, saved trace files) must match its declaration in traceEvent.ts — a known
 * type, every field of the right kind, inside and out, strings and nesting bounded.
 *
 * An event that fails the check is not dropped (its place in the trace is kept): it
 * becomes an `error` event saying what was wrong, so a bad input is visible and the
 * views never read a field that is not there.
 */
import { type TraceEvent, type TraceEventType, traceEventSchemas } from './traceEvent.js';

/** What is wrong with `raw` as a trace event, or null when the window can show it. */
export function traceEventProblem(raw: unknown): string | null {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return 'not an object';
  const type = (raw as { type?: unknown }).type;
  if (typeof type !== 'string') return 'no type';
  if (!Object.hasOwn(traceEventSchemas, type)) return `unknown type ${JSON.stringify(type.slice(0, 60))}`;
  const schema = traceEventSchemas[type as TraceEventType];
  if (schema.is(raw)) return null;
  const problem = schema.check(raw, 'event');
  return problem === null ? null : problem.replace(/^event\./, '');
}

/**
 * The event to show at `seq`: `raw` itself when it checks out (renumbered if needed),
 * else an `error` event in its place naming what was wrong.
 */
export function checkedTraceEvent(raw: unknown, seq: number): TraceEvent {
  const problem = traceEventProblem(raw);
  if (problem === null) {
    const event = raw as TraceEvent;
    return event.seq === seq ? event : { ...event, seq };
  }
  const fields = typeof raw === 'object' && raw !== null ? (raw as Record<string, unknown>) : {};
  const type = typeof fields.type === 'string' ? fields.type.slice(0, 60) : '?';
  const ts = typeof fields.ts === 'number' && Number.isFinite(fields.ts) ? fields.ts : 0;
  const endpoint = typeof fields.endpoint === 'string' ? fields.endpoint.slice(0, 60) : 'browser';
  return {
    type: 'error',
    where: 'window',
    message: `event #${seq} (${type}) could not be shown: ${problem}`,
    ts,
    endpoint,
    seq,
  };
}
