/**
 * The dispatcher's slot for Chrome Trace Event files (chrome://tracing, DevTools'
 * Performance panel, Tracing.start, Electron's contentTracing): the JSON object form with
 * "traceEvents" and the array form, as a real Chromium recorded them. The trace is read
 * into the real-trace model and mapped into NavScope's trace (shared/real: its processes,
 * every Mojo message named Interface.Method, its navigations and network steps; a
 * trace.source event says what it is). Chrome traces that NavScope exported carry the
 * NavScope trace in "navscope" and are read by the dispatcher before they reach here.
 */
import { importChromeTraceJson } from '../real/chromeTraceImport.js';
import { TraceInputError } from '../real/traceInput.js';
import type { TraceFile } from '../trace/traceEvent.js';
import { ImportError } from './importError.js';
import type { ImportLimits } from './importLimits.js';

export interface ChromeTraceImportContext {
  name: string;
  limits: ImportLimits;
  /** How the dispatcher repaired the file (an unterminated event array), if it did. */
  repaired?: string | null;
  gzipped?: boolean;
}

export function importChromeTrace(json: unknown, context: ChromeTraceImportContext): TraceFile {
  try {
    return importChromeTraceJson(json, {
      name: context.name,
      gzipped: context.gzipped ?? false,
      repaired: context.repaired ?? null,
      limits: { maxEvents: context.limits.maxEvents, maxDepth: context.limits.maxDepth },
    });
  } catch (error) {
    if (error instanceof TraceInputError) throw new ImportError(error.message);
    throw error;
  }
}
