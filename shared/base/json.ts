/** A value that survives JSON.stringify and JSON.parse unchanged. */
export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };

/**
 * Bounds on data that comes from outside (saved traces, a host's frames): how deep a
 * value may nest and how long a string may be. Checked without recursion, so that a
 * value nested 100,000 deep is refused with a message instead of overflowing the stack
 * of whoever reads it next (JSON.stringify, an exporter, a view).
 */

/** Deepest nesting of objects and arrays accepted inside one trace event. */
export const MAX_JSON_DEPTH = 64;
/** Longest string accepted in a trace event (characters). Longer ones are refused; views cap what they show. */
export const MAX_TRACE_STRING = 1024 * 1024;

/** What is wrong with the nesting or the strings of `value`, or null. */
export function jsonShapeProblem(
  value: unknown,
  limits: { maxDepth?: number; maxString?: number } = {},
): string | null {
  const maxDepth = limits.maxDepth ?? MAX_JSON_DEPTH;
  const maxString = limits.maxString ?? MAX_TRACE_STRING;
  const stack: [unknown, number][] = [[value, 0]];
  while (stack.length > 0) {
    const [item, depth] = stack.pop()!;
    if (typeof item === 'string') {
      if (item.length > maxString)
        return `a string of ${item.length.toLocaleString('en')} characters (at most ${maxString.toLocaleString('en')})`;
      continue;
    }
    if (typeof item === 'number') {
      if (!Number.isFinite(item)) return `${item} is not a finite number`;
      continue;
    }
    // undefined is what JSON.stringify leaves out: absent, not wrong.
    if (item === null || item === undefined || typeof item === 'boolean') continue;
    if (typeof item !== 'object') return `a ${typeof item} is not JSON data`;
    if (depth >= maxDepth) return `nested deeper than ${maxDepth} levels`;
    if (Array.isArray(item)) {
      for (let i = item.length - 1; i >= 0; i--) stack.push([item[i], depth + 1]);
    } else {
      const proto: unknown = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null) return 'an object that is not plain data';
      for (const key of Object.keys(item)) stack.push([(item as Record<string, unknown>)[key], depth + 1]);
    }
  }
  return null;
}

/**
 * The fast test behind `jsonShapeProblem` (true when it would find no problem), with
 * no allocation. It recurses, but never deeper than `maxDepth` levels.
 */
export function isJsonShape(value: unknown, limits: { maxDepth?: number; maxString?: number } = {}): boolean {
  return isJsonAt(value, 0, limits.maxDepth ?? MAX_JSON_DEPTH, limits.maxString ?? MAX_TRACE_STRING);
}

function isJsonAt(item: unknown, depth: number, maxDepth: number, maxString: number): boolean {
  switch (typeof item) {
    case 'string':
      return item.length <= maxString;
    case 'number':
      return Number.isFinite(item);
    case 'boolean':
    case 'undefined':
      return true;
    case 'object': {
      if (item === null) return true;
      if (depth >= maxDepth) return false;
      if (Array.isArray(item)) {
        for (let i = 0; i < item.length; i++) if (!isJsonAt(item[i], depth + 1, maxDepth, maxString)) return false;
        return true;
      }
      const proto: unknown = Object.getPrototypeOf(item);
      if (proto !== Object.prototype && proto !== null) return false;
      const fields = item as Record<string, unknown>;
      for (const key in fields) {
        if (Object.hasOwn(fields, key) && !isJsonAt(fields[key], depth + 1, maxDepth, maxString)) return false;
      }
      return true;
    }
    default:
      return false;
  }
}
