/**
 * Turns a message payload into bounded, JSON-safe data for the trace: bytes become
 * `{ bytes, preview }`, long strings are cut with a marker, deep or wide structures
 * are capped. The trace never holds a whole response body.
 */
import type { JsonValue } from '../base/json.js';

export interface SummaryLimits {
  maxString: number;
  maxArray: number;
  maxDepth: number;
  bytesPreview: number;
}

export const DEFAULT_SUMMARY_LIMITS: SummaryLimits = { maxString: 4096, maxArray: 200, maxDepth: 8, bytesPreview: 96 };

export const TRUNCATION_MARKER = '…[truncated]';

/** Printable preview of bytes: ASCII as is, everything else as \xNN. */
export function previewBytes(bytes: Uint8Array, max: number): string {
  let out = '';
  const end = Math.min(bytes.byteLength, max);
  for (let i = 0; i < end; i++) {
    const b = bytes[i]!;
    if (b === 0x0a) out += '\\n';
    else if (b === 0x0d) out += '\\r';
    else if (b >= 0x20 && b < 0x7f) out += String.fromCharCode(b);
    else out += `\\x${b.toString(16).padStart(2, '0')}`;
  }
  return bytes.byteLength > max ? out + TRUNCATION_MARKER : out;
}

export function summarizePayload(value: unknown, limits: SummaryLimits = DEFAULT_SUMMARY_LIMITS, depth = 0): JsonValue {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string')
    return value.length > limits.maxString ? value.slice(0, limits.maxString) + TRUNCATION_MARKER : value;
  if (typeof value === 'number') return Number.isFinite(value) ? value : String(value);
  if (typeof value === 'boolean') return value;
  if (value instanceof Uint8Array)
    return { bytes: value.byteLength, preview: previewBytes(value, limits.bytesPreview) };
  if (depth >= limits.maxDepth) return TRUNCATION_MARKER;
  if (Array.isArray(value)) {
    const items = value.slice(0, limits.maxArray).map((v) => summarizePayload(v, limits, depth + 1));
    if (value.length > limits.maxArray) items.push(`${TRUNCATION_MARKER} ${value.length - limits.maxArray} more`);
    return items;
  }
  if (typeof value === 'object') {
    const out: Record<string, JsonValue> = {};
    for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
      if (v !== undefined) out[k] = summarizePayload(v, limits, depth + 1);
    }
    return out;
  }
  return String(value);
}
