import type { TraceFile } from '../trace/traceEvent.js';
import { type ChromeTraceLimits, modelChromeTrace } from './chromeTraceParser.js';
import { type RealTraceOrigin, mapRealTrace } from './realTraceMapping.js';
import type { TraceJson } from './traceInput.js';

/**
 * A Chrome trace opened from a file — Chrome's Trace Event JSON in its object form
 * (`{traceEvents, metadata}`: Tracing.start, Electron's contentTracing, DevTools'
 * Performance panel) or its array form (chrome://tracing, possibly unterminated) — as
 * a NavScope trace: read into the real-trace model (chromeTraceParser.ts), then mapped
 * (realTraceMapping.ts). Throws TraceInputError, naming the problem, for a file that is
 * not such a trace or is over a limit.
 *
 * The import dispatcher (shared/import, issue 21) calls this from its Chrome-trace slot
 * with the JSON it has already parsed.
 */

export interface ChromeTraceImportOptions {
  /** The file's name, shown as the trace's source. */
  name: string;
  gzipped?: boolean;
  repaired?: string | null;
  limits?: Partial<ChromeTraceLimits>;
  /** What a recorder knows beyond the file (NavScope's own recordings say how they were made). */
  origin?: Partial<RealTraceOrigin>;
}

function describe(value: unknown, gzipped: boolean): string {
  const metadata =
    typeof value === 'object' && value !== null && !Array.isArray(value) && Object.hasOwn(value, 'metadata')
      ? (value as { metadata?: unknown }).metadata
      : undefined;
  const source =
    typeof metadata === 'object' && metadata !== null && Object.hasOwn(metadata, 'source')
      ? (metadata as { source?: unknown }).source
      : undefined;
  const form = Array.isArray(value) ? 'the array form' : 'the object form ({traceEvents, metadata})';
  const by =
    source === 'DevTools'
      ? "DevTools' Performance panel"
      : 'a tool NavScope does not know (chrome://tracing, DevTools, the DevTools protocol’s Tracing.start or Electron’s contentTracing)';
  return `Opened from a file: Chrome Trace Event JSON in ${form}${gzipped ? ', gzipped' : ''}, recorded by ${by}.`;
}

/** The NavScope trace of a parsed Chrome trace (see the module comment). */
export function importChromeTraceJson(value: unknown, options: ChromeTraceImportOptions): TraceFile {
  const json: TraceJson = { value, gzipped: options.gzipped ?? false, repaired: options.repaired ?? null };
  const real = modelChromeTrace(json, { limits: options.limits });
  return mapRealTrace(real, {
    origin: 'chrome-trace',
    name: options.name,
    recorder: 'unknown',
    recordedWith: describe(value, json.gzipped),
    ...options.origin,
  });
}
