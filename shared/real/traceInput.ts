/**
 * Reading a trace file's bytes into JSON with bounded work, for every importer of
 * Chrome's formats: gzip is detected by its magic bytes and inflated with the
 * standard DecompressionStream (Node 20, Electron and browsers have it, so shared/
 * needs no Node built-in); sizes, nesting depth and per-value size are limited, and
 * each limit is named in the error that enforces it. An unterminated JSON array (how
 * chrome://tracing and a killed browser leave one) is closed; any other truncation is
 * an error.
 */
import { errorMessage } from '../base/errors.js';

export interface TraceInputLimits {
  /** Bytes of input accepted (compressed or not). */
  maxInputBytes: number;
  /** Bytes of JSON text after gzip inflation. */
  maxTextBytes: number;
  /** Deepest JSON nesting accepted. */
  maxDepth: number;
}

export const DEFAULT_TRACE_INPUT_LIMITS: TraceInputLimits = {
  maxInputBytes: 256 * 1024 * 1024,
  maxTextBytes: 512 * 1024 * 1024,
  maxDepth: 64,
};

/** A trace file NavScope cannot read, with the reason in words. */
export class TraceInputError extends Error {
  override readonly name = 'TraceInputError';
}

export interface TraceJson {
  value: unknown;
  gzipped: boolean;
  /** What was repaired, if anything. */
  repaired: string | null;
}

const MiB = 1024 * 1024;

function size(bytes: number): string {
  return bytes >= MiB ? `${(bytes / MiB).toFixed(bytes % MiB === 0 ? 0 : 1)} MiB` : `${bytes} bytes`;
}

function isGzip(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x1f && bytes[1] === 0x8b;
}

/** Inflates gzip, stopping (and failing) as soon as the output passes `maxBytes`. */
export async function gunzipBounded(bytes: Uint8Array, maxBytes: number): Promise<Uint8Array> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  // The write settles only as the output is read: do not wait for it before reading.
  const written = writer
    .write(new Uint8Array(bytes)) // a copy on a plain ArrayBuffer, as the DOM typing of write() wants
    .then(() => writer.close())
    .catch(() => undefined);
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.length;
      if (total > maxBytes) {
        await reader.cancel('limit').catch(() => undefined);
        throw new TraceInputError(
          `the gzip data inflates to more than the ${size(maxBytes)} limit for trace text (maxTextBytes)`,
        );
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof TraceInputError) throw error;
    throw new TraceInputError(`the file starts like gzip but does not inflate: ${errorMessage(error)}`);
  }
  await written;
  const out = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    out.set(chunk, offset);
    offset += chunk.length;
  }
  return out;
}

interface Scan {
  /** Deepest nesting seen. */
  maxDepth: number;
  /** Nesting still open at the end. */
  openAtEnd: string;
  /** Index just after the last complete element of the top-level array (when it is one). */
  lastTopLevelEnd: number;
  /** Whether the text ends inside a string. */
  inString: boolean;
}

/** One pass over the text: nesting depth (bounded), and where a top-level array's elements end. */
function scan(text: string, maxDepth: number): Scan {
  const open: number[] = [];
  let deepest = 0;
  let inString = false;
  let lastTopLevelEnd = -1;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c)
        i++; // backslash: skip the escaped character
      else if (c === 0x22) {
        inString = false;
        if (open.length === 1) lastTopLevelEnd = i + 1;
      }
      continue;
    }
    if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      open.push(c);
      if (open.length > deepest) {
        deepest = open.length;
        if (deepest > maxDepth)
          throw new TraceInputError(
            `JSON nested deeper than the limit of ${maxDepth} levels (maxDepth), at character ${i}`,
          );
      }
    } else if (c === 0x7d || c === 0x5d) {
      open.pop();
      if (open.length === 1) lastTopLevelEnd = i + 1;
    } else if (open.length === 1 && open[0] === 0x5b && /[-0-9tfn]/.test(text[i]!)) {
      // A number, true, false or null element of the top-level array: it ends at the next separator.
      let j = i;
      while (j < text.length && !',[]{}" \t\r\n'.includes(text[j]!)) j++;
      lastTopLevelEnd = j;
      i = j - 1;
    }
  }
  return {
    maxDepth: deepest,
    openAtEnd: open.map((c) => (c === 0x7b ? '{' : '[')).join(''),
    lastTopLevelEnd,
    inString,
  };
}

/** Decodes the bytes (gunzipping first when they are gzip) and parses them as JSON, within the limits. */
export async function readTraceJson(
  input: Uint8Array | string,
  limits: TraceInputLimits = DEFAULT_TRACE_INPUT_LIMITS,
): Promise<TraceJson> {
  const inputBytes = typeof input === 'string' ? input.length : input.byteLength;
  if (inputBytes > limits.maxInputBytes)
    throw new TraceInputError(
      `the file is ${size(inputBytes)}, more than the ${size(limits.maxInputBytes)} limit for trace files (maxInputBytes)`,
    );
  let text: string;
  let gzipped = false;
  if (typeof input === 'string') text = input;
  else {
    let bytes = input;
    if (isGzip(bytes)) {
      gzipped = true;
      bytes = await gunzipBounded(bytes, limits.maxTextBytes);
    }
    if (bytes.byteLength > limits.maxTextBytes)
      throw new TraceInputError(
        `the trace text is ${size(bytes.byteLength)}, more than the ${size(limits.maxTextBytes)} limit (maxTextBytes)`,
      );
    if (bytes.length > 0 && bytes[0] === 0x0a && bytes.length > 1 && bytes[1]! < 0x80 && !looksLikeText(bytes))
      throw new TraceInputError(
        'this looks like a Perfetto protobuf trace; NavScope reads the JSON forms of Chrome traces (Tracing.start with streamFormat "json", chrome://tracing, contentTracing)',
      );
    text = new TextDecoder('utf-8').decode(bytes);
  }
  if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
  const trimmed = text.trimEnd();
  if (trimmed.trim() === '') throw new TraceInputError('the file is empty');
  const first = trimmed.trimStart()[0];
  if (first !== '{' && first !== '[')
    throw new TraceInputError(
      `not JSON: a Chrome trace starts with { or [, this file starts with ${JSON.stringify(trimmed.trimStart().slice(0, 20))}`,
    );
  const shape = scan(trimmed, limits.maxDepth);
  let repaired: string | null = null;
  let source = trimmed;
  if (shape.openAtEnd !== '') {
    if (first === '[' && shape.openAtEnd === '[' && !shape.inString) {
      // chrome://tracing's array form may stop after any complete event, with or without a trailing comma.
      source = `${trimmed.slice(0, shape.lastTopLevelEnd === -1 ? trimmed.indexOf('[') + 1 : shape.lastTopLevelEnd)}]`;
      repaired = 'closed an unterminated event array';
    } else {
      const where = shape.inString ? 'inside a string' : `with ${shape.openAtEnd.length} bracket(s) still open`;
      throw new TraceInputError(`truncated JSON: the file ends ${where} (it was probably cut off while being written)`);
    }
  }
  try {
    return { value: JSON.parse(source) as unknown, gzipped, repaired };
  } catch (error) {
    throw new TraceInputError(`not valid JSON: ${errorMessage(error)}`);
  }
}

/** Whether the first bytes are printable text (a JSON file that happens to start with a newline). */
function looksLikeText(bytes: Uint8Array): boolean {
  const n = Math.min(bytes.length, 64);
  for (let i = 0; i < n; i++) {
    const b = bytes[i]!;
    if (b < 0x09 || (b > 0x0d && b < 0x20)) return false;
  }
  return true;
}
