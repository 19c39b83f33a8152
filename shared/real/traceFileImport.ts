import { readTraceFile, TraceFileError } from '../trace/traceFile.js';
import type { TraceFile } from '../trace/traceEvent.js';
import { importChromeTraceJson } from './chromeTraceImport.js';
import { type ChromeTraceLimits, DEFAULT_CHROME_TRACE_LIMITS } from './chromeTraceParser.js';
import { TraceInputError, readTraceJson } from './traceInput.js';

/**
 * Opening a trace file, whatever made it: NavScope's own trace (or the Chrome trace
 * NavScope exported, which carries it in "navscope"), or a Chrome trace a real
 * Chromium recorded — JSON, gzipped or not. One dispatch point, one small function per
 * format; the import dispatcher of issue 21 (shared/import: HAR, NetLog) takes its
 * place when it lands, with importChromeTraceJson in its Chrome-trace slot.
 *
 * Throws TraceInputError with a message that names the problem.
 */

export type OpenedTraceFormat = 'navscope' | 'chrome-trace';

export interface OpenedTraceFile {
  format: OpenedTraceFormat;
  trace: TraceFile;
  gzipped: boolean;
  /** How a file cut off while being written was repaired, or null. */
  repaired: string | null;
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** Which format parsed JSON is, or null. */
export function traceFormatOf(value: unknown): OpenedTraceFormat | null {
  if (Array.isArray(value)) return 'chrome-trace';
  if (!isObject(value)) return null;
  if (Object.hasOwn(value, 'format') || Object.hasOwn(value, 'navscope')) return 'navscope';
  if (Object.hasOwn(value, 'traceEvents')) return 'chrome-trace';
  return null;
}

/** Reads a file's bytes (or text) into a NavScope trace. */
export async function openTraceFile(
  input: Uint8Array | string,
  name: string,
  limits: Partial<ChromeTraceLimits> = {},
): Promise<OpenedTraceFile> {
  const json = await readTraceJson(input, { ...DEFAULT_CHROME_TRACE_LIMITS, ...limits });
  const format = traceFormatOf(json.value);
  switch (format) {
    case 'navscope':
      try {
        return { format, trace: readTraceFile(json.value), gzipped: json.gzipped, repaired: json.repaired };
      } catch (error) {
        if (error instanceof TraceFileError) throw new TraceInputError(error.message);
        throw error;
      }
    case 'chrome-trace':
      return {
        format,
        trace: importChromeTraceJson(json.value, { name, gzipped: json.gzipped, repaired: json.repaired, limits }),
        gzipped: json.gzipped,
        repaired: json.repaired,
      };
    default: {
      const keys = isObject(json.value) ? Object.keys(json.value).slice(0, 6) : [];
      throw new TraceInputError(
        `not a trace NavScope can open: ${keys.length ? `a JSON object with ${keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}` : `JSON ${json.value === null ? 'null' : typeof json.value}`}; expected a NavScope trace ("format": "navscope-trace") or a Chrome trace ("traceEvents", or a list of trace events)`,
      );
    }
  }
}
