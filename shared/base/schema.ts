/**
 * A small runtime schema language for messages that cross a thread or process
 * boundary. Every schema both validates an unknown value and gives its static
 * type (`Infer<typeof schema>`), so the message catalogue has one source of truth.
 *
 * Each schema is built once into two functions: `is`, the fast test every message
 * and trace event goes through (no allocation, no path strings: it runs on the IPC
 * hot path), and `check`, which says what is wrong. `check` runs `is` first and only
 * explains a value that failed, naming the path (`payload.head.status: expected an
 * integer`). Neither ever throws.
 */

import { type JsonValue, jsonShapeProblem, isJsonShape } from './json.js';

export interface Schema<T> {
  /** Short description used in error messages ("string", "object", …). */
  readonly description: string;
  /** True when `value` conforms: the fast test (no allocation). */
  is(value: unknown): boolean;
  /** Returns null when `value` conforms, otherwise a message naming the offending path. */
  check(value: unknown, path: string): string | null;
  /** Phantom field carrying the static type; never set at runtime. */
  readonly __type?: T;
  /** Marks an object property as optional (see `optional`). */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

/** A schema from its fast test and its explanation of a value that failed the test. */
function schema<T>(
  description: string,
  is: (value: unknown) => boolean,
  explain: (value: unknown, path: string) => string,
): Schema<T> {
  return { description, is, check: (value, path) => (is(value) ? null : explain(value, path)) };
}

function describeValue(value: unknown): string {
  if (value === null) return 'null';
  if (Array.isArray(value)) return 'array';
  if (value instanceof Uint8Array) return 'bytes';
  return typeof value;
}

function fail(path: string, expected: string, value: unknown): string {
  if (value === undefined) return `${path}: missing (expected ${expected})`;
  return `${path}: expected ${expected}, got ${describeValue(value)}`;
}

export function string(options: { maxLength?: number; pattern?: RegExp } = {}): Schema<string> {
  const maxLength = options.maxLength ?? 1_000_000;
  const pattern = options.pattern;
  return schema(
    'string',
    pattern
      ? (value) => typeof value === 'string' && value.length <= maxLength && pattern.test(value)
      : (value) => typeof value === 'string' && value.length <= maxLength,
    (value, path) => {
      if (typeof value !== 'string') return fail(path, 'a string', value);
      if (value.length > maxLength) return `${path}: string longer than ${maxLength} characters`;
      return `${path}: "${value.slice(0, 80)}" does not match ${String(pattern)}`;
    },
  );
}

export function number(
  options: { integer?: boolean; min?: number; max?: number; finite?: boolean } = {},
): Schema<number> {
  const { integer = false, finite = false } = options;
  const min = options.min ?? -Infinity;
  const max = options.max ?? Infinity;
  return schema(
    integer ? 'integer' : 'number',
    (value) =>
      typeof value === 'number' &&
      value >= min &&
      value <= max &&
      (integer ? Number.isInteger(value) : finite ? Number.isFinite(value) : value === value),
    (value, path) => {
      if (typeof value !== 'number') return fail(path, 'a number', value);
      if (Number.isNaN(value)) return `${path}: NaN is not a number`;
      if (finite && !Number.isFinite(value)) return `${path}: ${value} is not a finite number`;
      if (integer && !Number.isInteger(value)) return `${path}: expected an integer, got ${value}`;
      if (value < min) return `${path}: ${value} is below ${min}`;
      return `${path}: ${value} is above ${max}`;
    },
  );
}

export function boolean(): Schema<boolean> {
  return schema(
    'boolean',
    (value) => typeof value === 'boolean',
    (value, path) => fail(path, 'a boolean', value),
  );
}

export function literal<const L extends readonly (string | number | boolean | null)[]>(
  ...values: L
): Schema<L[number]> {
  const set = new Set<unknown>(values);
  const listed = values.map((v) => JSON.stringify(v)).join(', ');
  return schema(
    values.map((v) => JSON.stringify(v)).join(' | '),
    values.length === 1 ? (value) => value === values[0] : (value) => set.has(value),
    (value, path) =>
      `${path}: expected one of ${listed}, got ${JSON.stringify(value)?.slice(0, 80) ?? describeValue(value)}`,
  );
}

export function bytes(options: { maxLength?: number } = {}): Schema<Uint8Array> {
  const maxLength = options.maxLength ?? 64 * 1024 * 1024;
  return schema(
    'bytes',
    (value) => value instanceof Uint8Array && value.byteLength <= maxLength,
    (value, path) => {
      if (!(value instanceof Uint8Array)) return fail(path, 'bytes (Uint8Array)', value);
      return `${path}: ${value.byteLength} bytes exceed the limit of ${maxLength}`;
    },
  );
}

export function array<T>(item: Schema<T>, options: { maxLength?: number } = {}): Schema<T[]> {
  const maxLength = options.maxLength ?? 100_000;
  const itemIs = item.is;
  return schema(
    `${item.description}[]`,
    (value) => {
      if (!Array.isArray(value) || value.length > maxLength) return false;
      for (let i = 0; i < value.length; i++) if (!itemIs(value[i])) return false;
      return true;
    },
    (value, path) => {
      if (!Array.isArray(value)) return fail(path, 'an array', value);
      if (value.length > maxLength) return `${path}: array longer than ${maxLength}`;
      for (let i = 0; i < value.length; i++) {
        const problem = item.check(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return `${path}: invalid`;
    },
  );
}

export function tuple<const T extends readonly Schema<unknown>[]>(
  ...items: T
): Schema<{ -readonly [K in keyof T]: Infer<T[K]> }> {
  return schema(
    `[${items.map((i) => i.description).join(', ')}]`,
    (value) => {
      if (!Array.isArray(value) || value.length !== items.length) return false;
      for (let i = 0; i < items.length; i++) if (!items[i]!.is(value[i])) return false;
      return true;
    },
    (value, path) => {
      if (!Array.isArray(value)) return fail(path, 'a tuple', value);
      if (value.length !== items.length) return `${path}: expected ${items.length} items, got ${value.length}`;
      for (let i = 0; i < items.length; i++) {
        const problem = items[i]!.check(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return `${path}: invalid`;
    },
  );
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  const innerIs = inner.is;
  return {
    ...schema<T | undefined>(
      `${inner.description}?`,
      (value) => value === undefined || innerIs(value),
      (value, path) => inner.check(value, path) ?? `${path}: invalid`,
    ),
    optional: true,
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  const innerIs = inner.is;
  return schema(
    `${inner.description} | null`,
    (value) => value === null || innerIs(value),
    (value, path) => inner.check(value, path) ?? `${path}: invalid`,
  );
}

type Shape = Record<string, Schema<unknown>>;
type OptionalKeys<S extends Shape> = { [K in keyof S]: S[K] extends { readonly optional: true } ? K : never }[keyof S];
type RequiredKeys<S extends Shape> = Exclude<keyof S, OptionalKeys<S>>;
type Simplify<T> = { [K in keyof T]: T[K] } & {};
export type ObjectOf<S extends Shape> = Simplify<
  { [K in RequiredKeys<S>]: Infer<S[K]> } & { [K in OptionalKeys<S>]?: Infer<S[K]> }
>;

function isPlainObject(value: unknown): value is Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value) || value instanceof Uint8Array) return false;
  const proto: unknown = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}

/** A plain object with exactly these keys: unknown keys are rejected too. */
export function object<S extends Shape>(shape: S): Schema<ObjectOf<S>> & { readonly shape: S } {
  const keys = Object.keys(shape);
  const checks = keys.map((key) => shape[key]!.is);
  const has = (key: string) => Object.hasOwn(shape, key);
  return {
    ...schema<ObjectOf<S>>(
      'object',
      (value) => {
        if (!isPlainObject(value)) return false;
        for (const key in value) if (!has(key)) return false;
        for (let i = 0; i < keys.length; i++) if (!checks[i]!(value[keys[i]!])) return false;
        return true;
      },
      (value, path) => {
        if (!isPlainObject(value)) return fail(path, 'an object', value);
        for (const key of Object.keys(value)) {
          if (!has(key)) return `${path}: unexpected field "${key.slice(0, 60)}"`;
        }
        for (const key of keys) {
          const problem = shape[key]!.check(value[key], `${path}.${key}`);
          if (problem) return problem;
        }
        return `${path}: invalid`;
      },
    ),
    shape,
  };
}

/** A plain object used as a dictionary: any string keys, values of one schema. */
export function record<T>(values: Schema<T>, options: { maxKeys?: number } = {}): Schema<Record<string, T>> {
  const maxKeys = options.maxKeys ?? 10_000;
  const valueIs = values.is;
  return schema(
    `record<${values.description}>`,
    (value) => {
      if (!isPlainObject(value)) return false;
      let count = 0;
      for (const key in value) {
        if (++count > maxKeys || !valueIs(value[key])) return false;
      }
      return true;
    },
    (value, path) => {
      if (!isPlainObject(value)) return fail(path, 'an object', value);
      const keys = Object.keys(value);
      if (keys.length > maxKeys) return `${path}: more than ${maxKeys} keys`;
      for (const key of keys) {
        const problem = values.check(value[key], `${path}.${key}`);
        if (problem) return problem;
      }
      return `${path}: invalid`;
    },
  );
}

/** A discriminated union: the value's `field` selects which object schema applies. */
export function union<const F extends string, const M extends Record<string, Schema<unknown>>>(
  field: F,
  members: M,
): Schema<{ [K in keyof M]: Infer<M[K]> }[keyof M]> {
  const byTag = new Map<unknown, Schema<unknown>>(Object.entries(members));
  return schema(
    `union by ${field}`,
    (value) => {
      if (!isPlainObject(value)) return false;
      const member = byTag.get(value[field]);
      return member !== undefined && member.is(value);
    },
    (value, path) => {
      if (!isPlainObject(value)) return fail(path, 'an object', value);
      const tag = value[field];
      const member = byTag.get(tag);
      if (typeof tag !== 'string' || !member)
        return `${path}.${field}: unknown variant ${JSON.stringify(tag)?.slice(0, 60) ?? describeValue(tag)}`;
      return member.check(value, path) ?? `${path}: invalid`;
    },
  );
}

/**
 * JSON data of any shape, nested at most `maxDepth` deep with strings of at most
 * `maxString` characters (see json.ts).
 */
export function json(options: { maxDepth?: number; maxString?: number } = {}): Schema<JsonValue> {
  return schema(
    'JSON data',
    (value) => value !== undefined && isJsonShape(value, options),
    (value, path) => {
      if (value === undefined) return `${path}: missing`;
      return `${path}: ${jsonShapeProblem(value, options) ?? 'invalid'}`;
    },
  );
}

/** Any value at all: a field whose checking is left to a schema chosen later (an envelope's payload). */
export function anything(): Schema<unknown> {
  return schema(
    'anything',
    () => true,
    (_value, path) => `${path}: invalid`,
  );
}

/** Any value that survives structured cloning as plain data (used for opaque summaries). */
export function unknownData(options: { maxDepth?: number } = {}): Schema<unknown> {
  const maxDepth = options.maxDepth ?? 16;
  const isData = (value: unknown, depth: number): boolean => {
    if (depth > maxDepth) return false;
    if (value === null || typeof value !== 'object') {
      const type = typeof value;
      return type === 'string' || type === 'number' || type === 'boolean' || type === 'undefined' || value === null;
    }
    if (value instanceof Uint8Array) return true;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) if (!isData(value[i], depth + 1)) return false;
      return true;
    }
    if (!isPlainObject(value)) return false;
    for (const key in value) if (!isData(value[key], depth + 1)) return false;
    return true;
  };
  const walk = (value: unknown, path: string, depth: number): string | null => {
    if (depth > maxDepth) return `${path}: nested deeper than ${maxDepth}`;
    if (value === null || ['string', 'number', 'boolean', 'undefined'].includes(typeof value)) return null;
    if (value instanceof Uint8Array) return null;
    if (Array.isArray(value)) {
      for (let i = 0; i < value.length; i++) {
        const p = walk(value[i], `${path}[${i}]`, depth + 1);
        if (p) return p;
      }
      return null;
    }
    if (isPlainObject(value)) {
      for (const [k, v] of Object.entries(value)) {
        const p = walk(v, `${path}.${k}`, depth + 1);
        if (p) return p;
      }
      return null;
    }
    return fail(path, 'plain data', value);
  };
  return schema(
    'data',
    (value) => isData(value, 0),
    (value, path) => walk(value, path, 0) ?? `${path}: invalid`,
  );
}
