/**
 * Opening a file: whatever a web engineer brings — NavScope's own trace (or the Chrome
 * trace NavScope exported, which carries it), a HAR, a NetLog, or a Chrome trace —
 * gzipped or not, becomes a NavScope trace for the window and the CLI.
 *
 * The format is told from the content, not the file name. Every limit (size, nesting,
 * record count) is checked before the work it guards, and anything that cannot be read
 * ends in an ImportError whose message names the problem. Nothing in the file can reach
 * Object.prototype: importers read only a value's own fields.
 */
import { type FirstEvents, readTraceFile, TraceFileError } from '../trace/traceFile.js';
import type { TraceFile } from '../trace/traceEvent.js';
import { importChromeTrace } from './chromeTraceImport.js';
import { fileText } from './fileText.js';
import { importHar } from './harImport.js';
import { ImportError } from './importError.js';
import { type ImportLimits, importLimits } from './importLimits.js';
import { importNetLog, looksLikeNetLog, repairNetLogText } from './netLogImport.js';
import { isRecord, kindOf, ownArray, ownField, parseUntrustedJson } from './untrustedJson.js';
import { errorMessage } from '../base/errors.js';

export type ImportFormat = 'navscope' | 'har' | 'netlog' | 'chrome-trace';

export const IMPORT_FORMAT_NAMES: Readonly<Record<ImportFormat, string>> = {
  navscope: 'NavScope trace',
  har: 'HAR',
  netlog: 'NetLog',
  'chrome-trace': 'Chrome trace',
};

export interface ImportedFile {
  format: ImportFormat;
  trace: TraceFile;
  gzipped: boolean;
  /** How a file cut off while being written was repaired, or null. */
  repaired: string | null;
}

/** What kind of file parsed JSON is, or null when it is none NavScope knows. */
export function detectFormat(json: unknown): ImportFormat | null {
  // The Chrome Trace Event array form: a list of event objects.
  if (Array.isArray(json)) return json.length > 0 && isRecord(json[0]) ? 'chrome-trace' : null;
  if (!isRecord(json)) return null;
  if (Object.hasOwn(json, 'format') || Object.hasOwn(json, 'navscope')) return 'navscope';
  if (Object.hasOwn(json, 'constants') && Object.hasOwn(json, 'events')) return 'netlog';
  if (Object.hasOwn(json, 'log')) return 'har';
  if (Object.hasOwn(json, 'traceEvents')) return 'chrome-trace';
  return null;
}

function describeStart(text: string): string {
  const start = text.trimStart().slice(0, 24);
  return start === '' ? 'the file is empty' : `it begins with ${JSON.stringify(start)}`;
}

function parse(text: string, limits: ImportLimits): { json: unknown; repaired: string | null } {
  const first = text.trimStart()[0];
  if (first !== '{' && first !== '[')
    throw new ImportError(
      `not a file NavScope can open: ${describeStart(text)}; NavScope opens JSON files (NavScope traces, HARs, NetLogs, Chrome traces)`,
    );
  if (looksLikeNetLog(text)) {
    try {
      return { json: parseUntrustedJson(text, limits.maxDepth, 'the NetLog'), repaired: null };
    } catch (error) {
      if (!(error instanceof ImportError) || !error.message.includes('not valid JSON')) throw error;
      const repair = repairNetLogText(text);
      if (!repair) throw error;
      try {
        return { json: parseUntrustedJson(repair.text, limits.maxDepth, 'the NetLog'), repaired: repair.repaired };
      } catch (second) {
        throw new ImportError(
          `a NetLog that is cut off or damaged and could not be repaired (closing it after its last complete event did not help): ${errorMessage(second)}`,
        );
      }
    }
  }
  if (first === '[') {
    // The Chrome trace array form may lack its closing bracket (the Trace Event Format allows it).
    try {
      return { json: parseUntrustedJson(text, limits.maxDepth, 'the file'), repaired: null };
    } catch (error) {
      const closed = `${text.trimEnd().replace(/,$/, '')}]`;
      let json: unknown;
      try {
        json = parseUntrustedJson(closed, limits.maxDepth, 'the file');
      } catch {
        throw error;
      }
      if (detectFormat(json) !== 'chrome-trace') throw error;
      return {
        json,
        repaired: 'the trace array had no closing bracket (allowed by the Trace Event Format); it was closed',
      };
    }
  }
  return { json: parseUntrustedJson(text, limits.maxDepth, 'the file'), repaired: null };
}

function importParsed(
  json: unknown,
  name: string,
  limits: ImportLimits,
  repaired: string | null,
  gzipped: boolean,
  first: FirstEvents | undefined,
): ImportedFile {
  const format = detectFormat(json);
  const done = (trace: TraceFile): ImportedFile => ({ format: format!, trace, gzipped: false, repaired });
  switch (format) {
    case 'navscope': {
      const events = ownArray(json, 'events') ?? ownArray(ownField(json, 'navscope'), 'events');
      if (events && events.length > limits.maxEvents)
        throw new ImportError(
          `the NavScope trace has ${events.length} events, more than NavScope opens (limit maxEvents = ${limits.maxEvents})`,
        );
      try {
        return done(readTraceFile(json, 'the file', first));
      } catch (error) {
        if (error instanceof TraceFileError) throw new ImportError(error.message);
        throw error;
      }
    }
    case 'netlog':
      return done(importNetLog(json, { name, limits, repaired }));
    case 'har':
      return done(importHar(json, { name, limits }));
    case 'chrome-trace':
      return done(importChromeTrace(json, { name, limits, repaired, gzipped }));
    default: {
      const keys = isRecord(json) ? Object.keys(json).slice(0, 6) : [];
      throw new ImportError(
        `not a file NavScope can open: ${isRecord(json) ? (keys.length ? `a JSON object with ${keys.map((k) => JSON.stringify(k.slice(0, 40))).join(', ')}` : 'an empty JSON object') : `JSON ${kindOf(json)}`}; expected a NavScope trace ("format": "navscope-trace"), a HAR ("log"), a NetLog ("constants" and "events") or a Chrome trace ("traceEvents")`,
      );
    }
  }
}

/**
 * Reads a file (its bytes, or its text) into a NavScope trace. Throws ImportError, with
 * a message naming the problem, for anything it cannot read; `internal` on the error
 * marks a fault of NavScope's rather than of the file. A long NavScope trace can be read
 * in steps: `first` gets its first events, checked, before the rest is read (an error in
 * the rest still ends the import with an ImportError).
 */
export async function importTraceFile(
  input: Uint8Array | string,
  name: string,
  overrides: Partial<ImportLimits> = {},
  first?: FirstEvents,
): Promise<ImportedFile> {
  const limits = importLimits(overrides);
  try {
    const { text, gzipped } = await fileText(input, limits, 'the file');
    const { json, repaired } = parse(text, limits);
    return { ...importParsed(json, name, limits, repaired, gzipped, first), gzipped };
  } catch (error) {
    if (error instanceof ImportError) throw error;
    const message = errorMessage(error);
    const failure = new ImportError(
      `NavScope failed while reading the file (a fault of NavScope's, please report it): ${message}`,
    );
    failure.internal = true;
    throw failure;
  }
}
