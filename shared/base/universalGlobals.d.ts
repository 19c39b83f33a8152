/**
 * shared/ compiles without DOM and without Node types. These few globals exist with
 * the same behaviour in Node, Electron and every browser (WHATWG URL and Encoding
 * standards), so shared/ may use them; they are declared here, minimally.
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
  /** HTML's microtask queue (Node 11+, every browser): runs `callback` at the end of the current turn. */
  function queueMicrotask(callback: () => void): void;
  /** WHATWG Compression Streams (Node 18+, every browser): only what shared/real/traceInput.ts uses. */
  interface UniversalStreamReader {
    read(): Promise<{ done: boolean; value?: Uint8Array }>;
    cancel(reason?: unknown): Promise<void>;
  }
  interface UniversalStreamWriter {
    write(chunk: Uint8Array): Promise<void>;
    close(): Promise<void>;
  }
  class DecompressionStream {
    constructor(format: 'gzip' | 'deflate' | 'deflate-raw');
    readonly readable: { getReader(): UniversalStreamReader };
    readonly writable: { getWriter(): UniversalStreamWriter };
  }
}
export {};
