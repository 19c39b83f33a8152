/**
 * A file's bytes as text: gunzipped when it starts with gzip's magic bytes (with the
 * standard DecompressionStream, which the window, Node and Electron all have; the same
 * approach as shared/real/traceInput.ts, with this dispatcher's limits and messages), decoded
 * as UTF-8 (or UTF-16 with a byte-order mark), with the size limit enforced while
 * decompressing, so a small gzip bomb never grows past it.
 */
import { concatBytes } from '../base/bytes.js';
import { ImportError } from './importError.js';
import { formatBytes, type ImportLimits } from './importLimits.js';
import { errorMessage } from '../base/errors.js';

export interface FileText {
  text: string;
  gzipped: boolean;
}

const GZIP_MAGIC = [0x1f, 0x8b] as const;
const CHUNK = 64 * 1024;

export function isGzip(bytes: Uint8Array): boolean {
  return bytes.byteLength >= 2 && bytes[0] === GZIP_MAGIC[0] && bytes[1] === GZIP_MAGIC[1];
}

function tooBig(what: string, bytes: number | null, limits: ImportLimits): ImportError {
  return new ImportError(
    `${what} ${bytes === null ? 'is larger than' : `is ${formatBytes(bytes)}, more than`} NavScope opens (${formatBytes(limits.maxBytes)}; limit maxBytes = ${limits.maxBytes})`,
  );
}

function decoderFor(bytes: Uint8Array): { decoder: TextDecoder; skip: number } {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { decoder: new TextDecoder('utf-16le', { fatal: true }), skip: 2 };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { decoder: new TextDecoder('utf-16be', { fatal: true }), skip: 2 };
  return {
    decoder: new TextDecoder('utf-8', { fatal: true }),
    skip: bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0,
  };
}

function decodeAll(bytes: Uint8Array, what: string): string {
  const { decoder, skip } = decoderFor(bytes);
  try {
    return decoder.decode(bytes.subarray(skip));
  } catch {
    throw new ImportError(
      `${what} is not text: it has bytes that are not UTF-8 (a binary file, such as a Perfetto protobuf trace, cannot be opened; save the trace as JSON)`,
    );
  }
}

async function gunzip(bytes: Uint8Array, limits: ImportLimits, what: string): Promise<Uint8Array[]> {
  const stream = new DecompressionStream('gzip');
  const writer = stream.writable.getWriter();
  const reader = stream.readable.getReader();
  let writeFailure: unknown = null;
  const writing = (async () => {
    try {
      // A copy of each chunk: its own ArrayBuffer, as the stream's types require.
      for (let at = 0; at < bytes.byteLength; at += CHUNK) await writer.write(bytes.slice(at, at + CHUNK));
      await writer.close();
    } catch (error) {
      writeFailure = error;
    }
  })();
  const chunks: Uint8Array[] = [];
  let total = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      if (!value) continue;
      total += value.byteLength;
      if (total > limits.maxBytes) {
        await reader.cancel('limit').catch(() => undefined);
        throw tooBig(`${what}, gunzipped,`, null, limits);
      }
      chunks.push(value);
    }
  } catch (error) {
    if (error instanceof ImportError) throw error;
    throw new ImportError(`${what} starts like a gzip file but does not decompress: ${errorMessage(error)}`);
  }
  await writing;
  if (writeFailure !== null)
    throw new ImportError(`${what} starts like a gzip file but does not decompress: ${errorMessage(writeFailure)}`);
  return chunks;
}

/** The text of a file (its bytes, or text already read), within the limits. */
export async function fileText(input: Uint8Array | string, limits: ImportLimits, what: string): Promise<FileText> {
  if (typeof input === 'string') {
    // A string's length counts UTF-16 units; as a size check that is close enough.
    if (input.length > limits.maxBytes) throw tooBig(what, input.length, limits);
    return { text: input.charCodeAt(0) === 0xfeff ? input.slice(1) : input, gzipped: false };
  }
  if (input.byteLength > limits.maxBytes) throw tooBig(what, input.byteLength, limits);
  if (!isGzip(input)) return { text: decodeAll(input, what), gzipped: false };
  const chunks = await gunzip(input, limits, what);
  const joined = concatBytes(chunks);
  if (isGzip(joined)) throw new ImportError(`${what} is gzipped twice; NavScope unpacks one layer`);
  return { text: decodeAll(joined, `${what} (gunzipped)`), gzipped: true };
}
