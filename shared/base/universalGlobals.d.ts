/**
 * shared/ compiles without DOM and without Node types. These few globals exist with
 * the same behaviour in Node, Electron and every browser (WHATWG URL and Encoding
 * and Compression Streams standards), so shared/ may use them; they are declared here, minimally.
 */
declare global {
  interface URLSearchParams {
    get(name: string): string | null;
    toString(): string;
  }
  class URL {
    constructor(input: string, base?: string | URL);
    static canParse(input: string, base?: string): boolean;
    hash: string;
    host: string;
    hostname: string;
    href: string;
    readonly origin: string;
    password: string;
    pathname: string;
    port: string;
    protocol: string;
    search: string;
    readonly searchParams: URLSearchParams;
    username: string;
    toString(): string;
  }
  class TextEncoder {
    encode(input?: string): Uint8Array;
  }
  class TextDecoder {
    constructor(label?: string, options?: { fatal?: boolean; ignoreBOM?: boolean });
    decode(input?: Uint8Array, options?: { stream?: boolean }): string;
  }
  interface ReadableStreamReadResult<T> {
    done: boolean;
    value?: T;
  }
  interface ReadableStreamDefaultReader<T> {
    read(): Promise<ReadableStreamReadResult<T>>;
    cancel(reason?: unknown): Promise<void>;
  }
  interface ReadableStream<T> {
    getReader(): ReadableStreamDefaultReader<T>;
  }
  interface WritableStreamDefaultWriter<T> {
    write(chunk: T): Promise<void>;
    close(): Promise<void>;
    abort(reason?: unknown): Promise<void>;
  }
  interface WritableStream<T> {
    getWriter(): WritableStreamDefaultWriter<T>;
  }
  class DecompressionStream {
    constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
    readonly readable: ReadableStream<Uint8Array>;
    readonly writable: WritableStream<Uint8Array>;
  }
}
export {};
