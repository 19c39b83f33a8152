/**
 * Reading JSON that came from a file NavScope did not write. Only a value's own
 * fields are read (never one inherited from Object.prototype, so a key such as
 * "constructor" or "__proto__" is just a missing field), and every value is checked
 * for its kind before it is used.
 */
import { ImportError } from './importError.js';
import { errorMessage } from '../base/errors.js';

export type UntrustedRecord = { readonly [key: string]: unknown };

export function isRecord(value: unknown): value is UntrustedRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

export function ownField(value: unknown, key: string): unknown {
  return isRecord(value) && Object.hasOwn(value, key) ? value[key] : undefined;
}

export function ownString(value: unknown, key: string): string | null {
  const field = ownField(value, key);
  return typeof field === 'string' ? field : null;
}

export function ownNumber(value: unknown, key: string): number | null {
  const field = ownField(value, key);
  return typeof field === 'number' && Number.isFinite(field) ? field : null;
}

export function ownBoolean(value: unknown, key: string): boolean | null {
  const field = ownField(value, key);
  return typeof field === 'boolean' ? field : null;
}

export function ownArray(value: unknown, key: string): readonly unknown[] | null {
  const field = ownField(value, key);
  return Array.isArray(field) ? field : null;
}

export function ownRecord(value: unknown, key: string): UntrustedRecord | null {
  const field = ownField(value, key);
  return isRecord(field) ? field : null;
}

/** What a value is, for a message: "a string", "a list", "null", … */
export function kindOf(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'a list';
  if (value === undefined) return 'missing';
  return typeof value === 'object' ? 'an object' : `a ${typeof value}`;
}

/**
 * The deepest nesting of lists and objects in JSON text, found without parsing it (a
 * scan outside strings), so that a file nested a million deep is refused before
 * anything walks it. Returns the offset where `maxDepth` is first exceeded, or -1.
 */
export function depthExceededAt(text: string, maxDepth: number): number {
  let depth = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 0x22) {
      // A string: jump to its closing quote (indexOf is far quicker than a loop over every
      // character, and most of a trace's text is strings). A quote after an odd number of
      // backslashes is escaped and does not close it.
      let end = i;
      for (;;) {
        end = text.indexOf('"', end + 1);
        if (end === -1) return -1; // never closed: JSON.parse says so
        let backslashes = 0;
        while (end - backslashes - 1 > i && text.charCodeAt(end - backslashes - 1) === 0x5c) backslashes++;
        if (backslashes % 2 === 0) break;
      }
      i = end;
    } else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return i;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return -1;
}

/** JSON.parse with the depth limit checked first; a failure says what and where. */
export function parseUntrustedJson(text: string, maxDepth: number, what: string): unknown {
  const deep = depthExceededAt(text, maxDepth);
  if (deep !== -1)
    throw new ImportError(
      `${what} nests lists and objects more than ${maxDepth} deep (at character ${deep}; limit maxDepth = ${maxDepth})`,
    );
  try {
    return JSON.parse(text) as unknown;
  } catch (error) {
    throw new ImportError(`${what} is not valid JSON: ${errorMessage(error)}`);
  }
}
