/**
 * The slot for Chrome Trace Event files (chrome://tracing, DevTools' Performance
 * panel, Tracing.start, Electron's contentTracing): the JSON object form with
 * "traceEvents" and the array form. The real importer arrives with issue 17 (the real
 * Chromium beside the model) and replaces this function's body; until then such a file
 * is refused with a message that says so. Chrome traces that NavScope exported carry the
 * NavScope trace in "navscope" and are read by the dispatcher before they reach here.
 */
import type { TraceFile } from '../trace/traceEvent.js';
import { ImportError } from './importError.js';
import type { ImportLimits } from './importLimits.js';

export interface ChromeTraceImportContext {
  name: string;
  limits: ImportLimits;
}

export function importChromeTrace(_json: unknown, _context: ChromeTraceImportContext): TraceFile {
  throw new ImportError(
    'a Chrome trace recorded by Chromium: Chrome trace import arrives with issue 17 (the real-Chromium importer). NavScope opens the Chrome traces it exported itself (they carry "navscope"), HARs and NetLogs',
  );
}
