/**
 * How much of a file NavScope reads before it refuses it, so that a huge or hostile
 * file ends in a clear message instead of an exhausted window. Each limit is named in
 * the message that reports it; tests and the fault run pass smaller ones.
 */
export interface ImportLimits {
  /** Largest file, after gunzip, in bytes. */
  maxBytes: number;
  /** Deepest nesting of JSON lists and objects. */
  maxDepth: number;
  /** Most records read from one file: NetLog events, HAR entries, trace events. */
  maxEvents: number;
}

export const DEFAULT_IMPORT_LIMITS: Readonly<ImportLimits> = {
  // V8 strings stop at about 512 MiB; half of that leaves room for the parsed values.
  maxBytes: 256 * 1024 * 1024,
  // NavScope's own traces nest about 10 deep, NetLogs and HARs about 8.
  maxDepth: 64,
  maxEvents: 2_000_000,
};

export function importLimits(overrides: Partial<ImportLimits> = {}): ImportLimits {
  const limits = { ...DEFAULT_IMPORT_LIMITS };
  for (const key of ['maxBytes', 'maxDepth', 'maxEvents'] as const) {
    const value = overrides[key];
    if (value !== undefined && Number.isInteger(value) && value > 0) limits[key] = value;
  }
  return limits;
}

/** 1536 → "1.5 KiB". */
export function formatBytes(bytes: number): string {
  const units = ['bytes', 'KiB', 'MiB', 'GiB', 'TiB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1024 && unit < units.length - 1) {
    value /= 1024;
    unit++;
  }
  return unit === 0 ? `${bytes} bytes` : `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
