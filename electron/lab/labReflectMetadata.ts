/**
 * The few `Reflect` metadata functions that `@peculiar/x509` needs (through
 * tsyringe, which refuses to load without them). The usual polyfill package
 * (`reflect-metadata`) is not a dependency, so the lab installs this minimal,
 * spec-shaped subset before it first loads the certificate library. It only
 * adds functions that are missing and never replaces an existing polyfill.
 */

type MetadataKey = unknown;
type MetadataTarget = object;

interface ReflectMetadataApi {
  defineMetadata(key: MetadataKey, value: unknown, target: MetadataTarget, property?: string | symbol): void;
  getOwnMetadata(key: MetadataKey, target: MetadataTarget, property?: string | symbol): unknown;
  getMetadata(key: MetadataKey, target: MetadataTarget, property?: string | symbol): unknown;
  hasOwnMetadata(key: MetadataKey, target: MetadataTarget, property?: string | symbol): boolean;
  hasMetadata(key: MetadataKey, target: MetadataTarget, property?: string | symbol): boolean;
  deleteMetadata(key: MetadataKey, target: MetadataTarget, property?: string | symbol): boolean;
  metadata(key: MetadataKey, value: unknown): (target: MetadataTarget, property?: string | symbol) => void;
}

/** Metadata by target object, then by property (`undefined` for the target itself), then by key. */
const store = new WeakMap<MetadataTarget, Map<string | symbol | undefined, Map<MetadataKey, unknown>>>();

function table(
  target: MetadataTarget,
  property: string | symbol | undefined,
  create: boolean,
): Map<MetadataKey, unknown> | undefined {
  let byProperty = store.get(target);
  if (!byProperty) {
    if (!create) return undefined;
    byProperty = new Map();
    store.set(target, byProperty);
  }
  let byKey = byProperty.get(property);
  if (!byKey && create) {
    byKey = new Map();
    byProperty.set(property, byKey);
  }
  return byKey;
}

/** The target's prototype chain, starting with the target. */
function* chain(target: MetadataTarget): Generator<MetadataTarget> {
  for (let o: MetadataTarget | null = target; o !== null; o = Reflect.getPrototypeOf(o)) yield o;
}

const api: ReflectMetadataApi = {
  defineMetadata(key, value, target, property) {
    table(target, property, true)?.set(key, value);
  },
  getOwnMetadata(key, target, property) {
    return table(target, property, false)?.get(key);
  },
  hasOwnMetadata(key, target, property) {
    return table(target, property, false)?.has(key) ?? false;
  },
  getMetadata(key, target, property) {
    for (const o of chain(target)) {
      const own = table(o, property, false);
      if (own?.has(key)) return own.get(key);
    }
    return undefined;
  },
  hasMetadata(key, target, property) {
    for (const o of chain(target)) {
      if (table(o, property, false)?.has(key)) return true;
    }
    return false;
  },
  deleteMetadata(key, target, property) {
    return table(target, property, false)?.delete(key) ?? false;
  },
  metadata(key, value) {
    return (target, property) => api.defineMetadata(key, value, target, property);
  },
};

/** Adds the missing `Reflect` metadata functions (idempotent; leaves an existing polyfill alone). */
export function installReflectMetadata(): void {
  const reflect = Reflect as unknown as Partial<ReflectMetadataApi>;
  if (typeof reflect.getMetadata === 'function') return;
  for (const [name, fn] of Object.entries(api)) {
    Object.defineProperty(Reflect, name, { value: fn, configurable: true, writable: true, enumerable: false });
  }
}
