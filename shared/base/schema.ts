/**
 * A small runtime schema language for messages that cross a thread or process
 * boundary. Every schema both validates an unknown value and gives its static
 * type (`Infer<typeof schema>`), so the message catalogue has one source of truth.
 *
 * Validation never throws: `check` returns the first problem as a readable string
 * naming the path (`payload.head.status: expected an integer`), or null.
 */

import { type JsonValue, jsonShapeProblem } from './json.js';

export interface Schema<T> {
  /** Short description used in error messages ("string", "object", …). */
  readonly description: string;
  /** Returns null when `value` conforms, otherwise a message naming the offending path. */
  check(value: unknown, path: string): string | null;
  /** Phantom field carrying the static type; never set at runtime. */
  readonly __type?: T;
  /** Marks an object property as optional (see `optional`). */
  readonly optional?: boolean;
}

export type Infer<S> = S extends Schema<infer T> ? T : never;

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
  return {
    description: 'string',
    check(value, path) {
      if (typeof value !== 'string') return fail(path, 'a string', value);
      if (value.length > maxLength) return `${path}: string longer than ${maxLength} characters`;
      if (options.pattern && !options.pattern.test(value))
        return `${path}: "${value.slice(0, 80)}" does not match ${String(options.pattern)}`;
      return null;
    },
  };
}

export function number(
  options: { integer?: boolean; min?: number; max?: number; finite?: boolean } = {},
): Schema<number> {
  return {
    description: options.integer ? 'integer' : 'number',
    check(value, path) {
      if (typeof value !== 'number') return fail(path, 'a number', value);
      if (Number.isNaN(value)) return `${path}: NaN is not a number`;
      if (options.finite && !Number.isFinite(value)) return `${path}: ${value} is not a finite number`;
      if (options.integer && !Number.isInteger(value)) return `${path}: expected an integer, got ${value}`;
      if (options.min !== undefined && value < options.min) return `${path}: ${value} is below ${options.min}`;
      if (options.max !== undefined && value > options.max) return `${path}: ${value} is above ${options.max}`;
      return null;
    },
  };
}

export function boolean(): Schema<boolean> {
  return {
    description: 'boolean',
    check: (value, path) => (typeof value === 'boolean' ? null : fail(path, 'a boolean', value)),
  };
}

export function literal<const L extends readonly (string | number | boolean | null)[]>(
  ...values: L
): Schema<L[number]> {
  return {
    description: values.map((v) => JSON.stringify(v)).join(' | '),
    check(value, path) {
      return values.includes(value as L[number])
        ? null
        : `${path}: expected one of ${values.map((v) => JSON.stringify(v)).join(', ')}, got ${JSON.stringify(value)?.slice(0, 80) ?? describeValue(value)}`;
    },
  };
}

export function bytes(options: { maxLength?: number } = {}): Schema<Uint8Array> {
  const maxLength = options.maxLength ?? 64 * 1024 * 1024;
  return {
    description: 'bytes',
    check(value, path) {
      if (!(value instanceof Uint8Array)) return fail(path, 'bytes (Uint8Array)', value);
      if (value.byteLength > maxLength) return `${path}: ${value.byteLength} bytes exceed the limit of ${maxLength}`;
      return null;
    },
  };
}

export function array<T>(item: Schema<T>, options: { maxLength?: number } = {}): Schema<T[]> {
  const maxLength = options.maxLength ?? 100_000;
  return {
    description: `${item.description}[]`,
    check(value, path) {
      if (!Array.isArray(value)) return fail(path, 'an array', value);
      if (value.length > maxLength) return `${path}: array longer than ${maxLength}`;
      for (let i = 0; i < value.length; i++) {
        const problem = item.check(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

export function tuple<const T extends readonly Schema<unknown>[]>(
  ...items: T
): Schema<{ -readonly [K in keyof T]: Infer<T[K]> }> {
  return {
    description: `[${items.map((i) => i.description).join(', ')}]`,
    check(value, path) {
      if (!Array.isArray(value)) return fail(path, 'a tuple', value);
      if (value.length !== items.length) return `${path}: expected ${items.length} items, got ${value.length}`;
      for (let i = 0; i < items.length; i++) {
        const problem = items[i]!.check(value[i], `${path}[${i}]`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

export function optional<T>(inner: Schema<T>): Schema<T | undefined> & { readonly optional: true } {
  return {
    description: `${inner.description}?`,
    optional: true,
    check: (value, path) => (value === undefined ? null : inner.check(value, path)),
  };
}

export function nullable<T>(inner: Schema<T>): Schema<T | null> {
  return {
    description: `${inner.description} | null`,
    check: (value, path) => (value === null ? null : inner.check(value, path)),
  };
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
  return {
    description: 'object',
    shape,
    check(value, path) {
      if (!isPlainObject(value)) return fail(path, 'an object', value);
      for (const key of Object.keys(value)) {
        if (!(key in shape)) return `${path}: unexpected field "${key.slice(0, 60)}"`;
      }
      for (const key of keys) {
        const problem = shape[key]!.check(value[key], `${path}.${key}`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

/** A plain object used as a dictionary: any string keys, values of one schema. */
export function record<T>(values: Schema<T>, options: { maxKeys?: number } = {}): Schema<Record<string, T>> {
  const maxKeys = options.maxKeys ?? 10_000;
  return {
    description: `record<${values.description}>`,
    check(value, path) {
      if (!isPlainObject(value)) return fail(path, 'an object', value);
      const keys = Object.keys(value);
      if (keys.length > maxKeys) return `${path}: more than ${maxKeys} keys`;
      for (const key of keys) {
        const problem = values.check(value[key], `${path}.${key}`);
        if (problem) return problem;
      }
      return null;
    },
  };
}

/** A discriminated union: the value's `field` selects which object schema applies. */
export function union<const F extends string, const M extends Record<string, Schema<unknown>>>(
  field: F,
  members: M,
): Schema<{ [K in keyof M]: Infer<M[K]> }[keyof M]> {
  return {
    description: `union by ${field}`,
    check(value, path) {
      if (!isPlainObject(value)) return fail(path, 'an object', value);
      const tag = value[field];
      if (typeof tag !== 'string' || !Object.prototype.hasOwnProperty.call(members, tag)) {
        return `${path}.${field}: unknown variant ${JSON.stringify(tag)?.slice(0, 60) ?? describeValue(tag)}`;
      }
      return members[tag]!.check(value, path);
    },
  };
}

/**
 * JSON data of any shape, nested at most `maxDepth` deep with strings of at most
 * `maxString` characters (checked without recursion: see json.ts).
 */
export function json(options: { maxDepth?: number; maxString?: number } = {}): Schema<JsonValue> {
  return {
    description: 'JSON data',
    check(value, path) {
      if (value === undefined) return `${path}: missing`;
      const problem = jsonShapeProblem(value, options);
      return problem ? `${path}: ${problem}` : null;
    },
  };
}

/** Any value that survives structured cloning as plain data (used for opaque summaries). */
export function unknownData(options: { maxDepth?: number } = {}): Schema<unknown> {
  const maxDepth = options.maxDepth ?? 16;
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
  return { description: 'data', check: (value, path) => walk(value, path, 0) };
}
