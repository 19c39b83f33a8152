/**
 * The compact trace file (NavScope trace, version 2): the same events as version 1, with
 * every string (field names, payload summaries, URLs, process names) written once in a
 * table and every object or list written as a row of values under a shape that names its
 * fields once. Numbers stay JSON numbers. A 10,000-message trace is about a third of its
 * version-1 size, so reading it is quicker; the window's "Save trace" writes it.
 *
 *   { "format": "navscope-trace", "version": 2,
 *     "strings": ["type", "message", …],
 *     "shapes":  [["nso", 4, 0, 7], ["[ss"], …],
 *     "events":  [[0, 12.5, 1, [1, 2, 3]], …] }
 *
 * A shape is its kinds (one letter a value) and, for an object, the string index of
 * each field name; a list's kinds begin with "[". A value is written by its kind:
 * n a number, s a string's index, o an object or list `[shape, …values]`; T, F and Z
 * (true, false, null) take no place in the row. Reading checks every index, kind and
 * depth, and names what is wrong.
 */
import { MAX_JSON_DEPTH } from '../base/json.js';

export const COMPACT_TRACE_VERSION = 2;

export interface CompactTraceFile {
  format: 'navscope-trace';
  version: 2;
  strings: string[];
  shapes: (string | number)[][];
  events: unknown[];
}

const SLOT_KINDS = 'nso';
const KINDS = 'nsoTFZ';

class CompactWriter {
  readonly strings: string[] = [];
  readonly shapes: (string | number)[][] = [];
  private readonly stringIndex = new Map<string, number>();
  private readonly shapeIndex = new Map<string, number>();

  string(value: string): number {
    let index = this.stringIndex.get(value);
    if (index === undefined) {
      index = this.strings.length;
      this.strings.push(value);
      this.stringIndex.set(value, index);
    }
    return index;
  }

  private shape(kinds: string, keys: number[] | null): number {
    const id = keys ? `${kinds}\u0000${keys.join(',')}` : kinds;
    let index = this.shapeIndex.get(id);
    if (index === undefined) {
      index = this.shapes.length;
      this.shapes.push(keys ? [kinds, ...keys] : [kinds]);
      this.shapeIndex.set(id, index);
    }
    return index;
  }

  /** One value into `kinds` and `slots`; undefined (what JSON leaves out) is left out of objects, null in lists. */
  private value(value: unknown, out: { kinds: string; slots: unknown[] }, inList: boolean): boolean {
    switch (typeof value) {
      case 'number':
        // As JSON.stringify writes it: a number that is not finite becomes null.
        if (Number.isFinite(value)) {
          out.kinds += 'n';
          out.slots.push(value);
        } else out.kinds += 'Z';
        return true;
      case 'string':
        out.kinds += 's';
        out.slots.push(this.string(value));
        return true;
      case 'boolean':
        out.kinds += value ? 'T' : 'F';
        return true;
      case 'object':
        if (value === null) out.kinds += 'Z';
        else {
          out.kinds += 'o';
          out.slots.push(this.composite(value));
        }
        return true;
      default:
        if (inList) out.kinds += 'Z';
        return inList;
    }
  }

  composite(value: object): unknown[] {
    const out = { kinds: '', slots: [] as unknown[] };
    if (Array.isArray(value)) {
      for (const item of value) this.value(item, out, true);
      return [this.shape(`[${out.kinds}`, null), ...out.slots];
    }
    const keys: number[] = [];
    for (const [key, item] of Object.entries(value)) if (this.value(item, out, false)) keys.push(this.string(key));
    return [this.shape(out.kinds, keys), ...out.slots];
  }
}

/** The compact file of a trace (events as they are; readTraceFile renumbers them on reading). */
export function compactTraceFileOf(events: readonly object[]): CompactTraceFile {
  const writer = new CompactWriter();
  const encoded = events.map((event) => writer.composite(event));
  return { format: 'navscope-trace', version: 2, strings: writer.strings, shapes: writer.shapes, events: encoded };
}

interface Shape {
  kinds: string;
  keys: string[] | null;
  slots: number;
  /** An object with the shape's fields in order: each object is a copy of it, filled in (no field is added one by one). */
  template: Record<string, unknown> | null;
}

/** Thrown for a compact file that cannot be read; the message names the problem. */
export class CompactTraceError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CompactTraceError';
  }
}

function readShapes(strings: readonly string[], shapes: unknown): Shape[] {
  if (!Array.isArray(shapes)) throw new CompactTraceError('"shapes" is not a list');
  return shapes.map((entry: unknown, index): Shape => {
    const where = `shape ${index}`;
    if (!Array.isArray(entry) || typeof entry[0] !== 'string')
      throw new CompactTraceError(`${where} is not a list beginning with its kinds`);
    const isList = entry[0].startsWith('[');
    const kinds = isList ? entry[0].slice(1) : entry[0];
    let slots = 0;
    for (const kind of kinds) {
      if (!KINDS.includes(kind)) throw new CompactTraceError(`${where} has an unknown kind ${JSON.stringify(kind)}`);
      if (SLOT_KINDS.includes(kind)) slots++;
    }
    if (isList) {
      if (entry.length !== 1) throw new CompactTraceError(`${where} is a list's and names fields`);
      return { kinds, keys: null, slots, template: null };
    }
    if (entry.length !== kinds.length + 1)
      throw new CompactTraceError(`${where} has ${kinds.length} kinds but ${entry.length - 1} field names`);
    const keys = entry.slice(1).map((key: unknown) => {
      if (typeof key !== 'number' || !Number.isInteger(key) || key < 0 || key >= strings.length)
        throw new CompactTraceError(`${where} names a field by ${JSON.stringify(key)}, not a string's index`);
      return strings[key]!;
    });
    const template: Record<string, unknown> = {};
    for (const key of keys)
      // As JSON.parse makes it: an own field named __proto__, never the object's prototype.
      Object.defineProperty(template, key, { value: null, enumerable: true, writable: true, configurable: true });
    return { kinds, keys, slots, template };
  });
}

class CompactReader {
  constructor(
    private readonly strings: readonly string[],
    private readonly shapes: readonly Shape[],
  ) {}

  composite(row: unknown, depth: number, where: string): unknown {
    if (depth > MAX_JSON_DEPTH) throw new CompactTraceError(`${where} is nested deeper than ${MAX_JSON_DEPTH} levels`);
    if (!Array.isArray(row)) throw new CompactTraceError(`${where} is not a row (a list beginning with its shape)`);
    const shapeIndex = row[0];
    const shape = typeof shapeIndex === 'number' && Number.isInteger(shapeIndex) ? this.shapes[shapeIndex] : undefined;
    if (!shape) throw new CompactTraceError(`${where} has no shape at ${JSON.stringify(shapeIndex ?? null)}`);
    if (row.length !== shape.slots + 1)
      throw new CompactTraceError(`${where} has ${row.length - 1} values where its shape has ${shape.slots}`);
    const { kinds, keys, template } = shape;
    const out: unknown[] | Record<string, unknown> = template ? { ...template } : new Array<unknown>(kinds.length);
    let slot = 1;
    for (let i = 0; i < kinds.length; i++) {
      let value: unknown;
      switch (kinds.charCodeAt(i)) {
        case 110: {
          // n
          value = row[slot++];
          if (typeof value !== 'number' || !Number.isFinite(value))
            throw new CompactTraceError(`${where}: value ${slot - 1} should be a number`);
          break;
        }
        case 115: {
          // s
          const index = row[slot++];
          value = typeof index === 'number' ? this.strings[index] : undefined;
          if (value === undefined)
            throw new CompactTraceError(
              `${where}: value ${slot - 1} is ${JSON.stringify(index)}, not a string's index`,
            );
          break;
        }
        case 111:
          // o
          value = this.composite(row[slot++], depth + 1, where);
          break;
        case 84:
          value = true;
          break;
        case 70:
          value = false;
          break;
        default:
          value = null;
      }
      if (!keys) (out as unknown[])[i] = value;
      // The field exists already (copied from the template): this sets it, even one named __proto__.
      else (out as Record<string, unknown>)[keys[i]!] = value;
    }
    return out;
  }
}

/** Reads a parsed compact file's events one at a time (plain objects, not yet checked as trace events). */
export function compactEventReader(json: Record<string, unknown>): { count: number; event(index: number): unknown } {
  const { strings, shapes, events } = json;
  if (!Array.isArray(strings) || !strings.every((s) => typeof s === 'string'))
    throw new CompactTraceError('"strings" is not a list of strings');
  if (!Array.isArray(events)) throw new CompactTraceError('"events" is not a list');
  const reader = new CompactReader(strings as string[], readShapes(strings as string[], shapes));
  return { count: events.length, event: (index) => reader.composite(events[index], 1, `event ${index}`) };
}

/** Every event of a parsed compact file, as plain objects. */
export function expandCompactEvents(json: Record<string, unknown>): unknown[] {
  const reader = compactEventReader(json);
  const out = new Array<unknown>(reader.count);
  for (let i = 0; i < reader.count; i++) out[i] = reader.event(i);
  return out;
}
