/**
 * Reading a saved trace back: NavScope's own file — version 1 (`navscope trace --json`,
 * one object a event) or the compact version 2 (the window's "Save trace";
 * compactTraceFile.ts) — or a Chrome Trace Event file NavScope exported (it carries
 * the NavScope trace inside). Anything else is refused with a message that names
 * the problem; events are checked for shape and renumbered in order. A trace saved
 * before the messages got Chromium 156's names opens with them mapped
 * (legacyMessageNames.ts).
 */
import { CompactTraceError, compactEventReader } from './compactTraceFile.js';
import { upgradeLegacyMessages } from './legacyMessageNames.js';
import { checkedTraceEvent } from './traceEventCheck.js';
import { TRACE_FORMAT, type TraceEvent, type TraceFile } from './traceEvent.js';
import { errorMessage } from '../base/errors.js';

export class TraceFileError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'TraceFileError';
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function traceFileOf(events: readonly TraceEvent[]): TraceFile {
  return { format: TRACE_FORMAT, version: 1, events: [...events] };
}

/** Parses JSON text, then reads it as a trace file. */
export function parseTraceFileText(text: string): TraceFile {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new TraceFileError(`not JSON: ${errorMessage(error)}`);
  }
  return readTraceFile(json);
}

/**
 * Reading in steps: the first `count` events, checked, are handed to `read` before the
 * rest is read (the window shows its first screen from them while the rest follows).
 */
export interface FirstEvents {
  count: number;
  read(events: TraceEvent[], total: number): void;
}

function compactError(error: unknown): unknown {
  return error instanceof CompactTraceError
    ? new TraceFileError(`a damaged compact NavScope trace: ${error.message}`)
    : error;
}

export function readTraceFile(json: unknown, where = 'the file', first?: FirstEvents): TraceFile {
  if (!isObject(json)) throw new TraceFileError(`not a NavScope trace: ${where} is not a JSON object`);
  // A Chrome Trace Event file exported by NavScope carries the original trace in "navscope".
  if (!('format' in json)) {
    if ('navscope' in json) return readTraceFile(json.navscope, '"navscope"', first);
    if (Array.isArray(json.traceEvents))
      throw new TraceFileError(
        'a Chrome trace without NavScope data: only traces exported by NavScope can be opened (they carry the NavScope trace in "navscope")',
      );
  }
  if (json.format !== TRACE_FORMAT)
    throw new TraceFileError(
      `not a NavScope trace: "format" is ${JSON.stringify(json.format ?? null)}, expected "${TRACE_FORMAT}"`,
    );
  if (json.version !== 1 && json.version !== 2)
    throw new TraceFileError(
      `unsupported NavScope trace version ${JSON.stringify(json.version ?? null)} (this NavScope reads versions 1 and 2)`,
    );
  if (!Array.isArray(json.events)) throw new TraceFileError('not a NavScope trace: "events" is not a list');
  // Version 1 files from before Chromium 156's names open with them mapped (legacyMessageNames.ts).
  const list = json.version === 2 ? json.events : upgradeLegacyMessages(json.events).events;
  let compact: ReturnType<typeof compactEventReader> | null = null;
  try {
    if (json.version === 2) compact = compactEventReader(json);
  } catch (error) {
    throw compactError(error);
  }
  const readEvent = (index: number): unknown => {
    if (!compact) return list[index];
    try {
      return compact.event(index);
    } catch (error) {
      throw compactError(error);
    }
  };
  const events = new Array<TraceEvent>(list.length);
  for (let index = 0; index < list.length; index++) {
    events[index] = checkedEvent(readEvent(index), index);
    if (first && index + 1 === first.count && list.length > first.count)
      first.read(events.slice(0, index + 1), list.length);
  }
  return { format: TRACE_FORMAT, version: 1, events };
}

/** One event's required fields; then its full check (traceEventCheck) in its place. */
function checkedEvent(event: unknown, index: number): TraceEvent {
  if (!isObject(event)) throw new TraceFileError(`event ${index} is not an object`);
  if (typeof event.type !== 'string' || event.type === '') throw new TraceFileError(`event ${index} has no type`);
  if (typeof event.ts !== 'number' || !Number.isFinite(event.ts))
    throw new TraceFileError(`event ${index} (${event.type}) has no numeric timestamp "ts"`);
  if (typeof event.endpoint !== 'string') throw new TraceFileError(`event ${index} (${event.type}) has no "endpoint"`);
  if (
    event.type === 'message' &&
    (typeof event.name !== 'string' || typeof event.from !== 'string' || typeof event.to !== 'string')
  ) {
    throw new TraceFileError(`event ${index} is a message without name, from and to`);
  }
  if ((event.type === 'span.begin' || event.type === 'span.end') && typeof event.spanId !== 'string')
    throw new TraceFileError(`event ${index} (${event.type}) has no spanId`);
  // Renumbered in order; an event already in its place is kept as it is (no copy of a long trace).
  // An event of an unknown type, or with a field of the wrong kind, is shown as an error in its place.
  return checkedTraceEvent(event, index);
}
