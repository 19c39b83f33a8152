import type { Socket } from 'node:net';
import { gzipSync } from 'node:zlib';

/**
 * HTTP responses that break the protocol on purpose, for the fault scenarios. A
 * faulty response is written as raw bytes straight onto the connection (no HTTP
 * library in between could send a garbage status line), so each one shows exactly
 * what a hostile or broken server can do to a browser:
 *
 * - `garbage-status`: a status line that is not HTTP (ERR_INVALID_HTTP_RESPONSE).
 * - `huge-header`: one header of 300 KB, over the 256 KB a browser accepts
 *   (ERR_RESPONSE_HEADERS_TOO_BIG).
 * - `broken-chunked`: a chunk size that is not hexadecimal (ERR_INVALID_CHUNKED_ENCODING).
 * - `truncated-body`: Content-Length promises more than is sent before the server
 *   closes the connection (ERR_CONTENT_LENGTH_MISMATCH).
 * - `reset-mid-body`: part of the body, then a TCP reset (ERR_CONNECTION_RESET).
 * - `one-byte-a-second`: the response head, one byte at a time, `intervalMs` apart
 *   (a slowloris server: the browser's deadline for the head ends it with ERR_TIMED_OUT).
 * - `decompression-bomb`: a small gzip body that inflates to more than a browser
 *   should ever hold (ERR_CONTENT_DECODING_FAILED when the inflation ratio gives it away).
 */
export type LabHttpFault =
  | 'garbage-status'
  | 'huge-header'
  | 'broken-chunked'
  | 'truncated-body'
  | 'reset-mid-body'
  | 'one-byte-a-second'
  | 'decompression-bomb';

export const LAB_HTTP_FAULTS: readonly LabHttpFault[] = [
  'garbage-status',
  'huge-header',
  'broken-chunked',
  'truncated-body',
  'reset-mid-body',
  'one-byte-a-second',
  'decompression-bomb',
];

/** `one-byte-a-second` sends one byte of the head this often. */
export const FAULT_TRICKLE_INTERVAL_MS = 1_000;
/** The `huge-header` header's value length: over Chromium's 256 KB limit for a response head. */
export const FAULT_HUGE_HEADER_BYTES = 300 * 1024;
/** `decompression-bomb`: one gzip member inflates to this many zero bytes … */
const BOMB_MEMBER_BYTES = 16 * 1024 * 1024;
/** … and the body is this many members in a row (a valid multi-member gzip stream). */
const BOMB_MEMBERS = 64;
/** Bytes `truncated-body` promises in Content-Length, and bytes it sends before closing. */
const TRUNCATED_PROMISED = 20_000;
/** How long after the partial body `reset-mid-body` resets the connection. */
const RESET_DELAY_MS = 50;
/** Bytes of body `reset-mid-body` promises; it sends 600 of them before the reset. */
const RESET_PROMISED = 200_000;

/** What the bomb inflates to, for the scenario text (1 GiB). */
export const FAULT_BOMB_INFLATED_BYTES = BOMB_MEMBER_BYTES * BOMB_MEMBERS;

let bombMember: Buffer | null = null;

/** One gzip member of BOMB_MEMBER_BYTES zeros (about 16 KB), made once on first use. */
function bombGzipMember(): Buffer {
  bombMember ??= gzipSync(Buffer.alloc(BOMB_MEMBER_BYTES), { level: 9 });
  return bombMember;
}

const filler = (bytes: number): string => {
  const line = '<p>NavScope lab: this body is cut short on purpose.</p>\n';
  return line.repeat(Math.ceil(bytes / line.length)).slice(0, bytes);
};

function head(status: string, headers: [string, string | number][]): string {
  return `${status}\r\n${headers.map(([name, value]) => `${name}: ${value}`).join('\r\n')}\r\nServer: navscope-lab\r\nConnection: close\r\n\r\n`;
}

/**
 * Writes the faulty response for `fault` onto `socket`, then ends or resets the
 * connection. `schedule` runs a step later, cancelled when the connection goes away
 * (`one-byte-a-second` and `reset-mid-body` need it).
 */
export function deliverHttpFault(
  socket: Socket,
  fault: LabHttpFault,
  schedule: (ms: number, run: () => void) => void,
  intervalMs: number = FAULT_TRICKLE_INTERVAL_MS,
): void {
  switch (fault) {
    case 'garbage-status':
      socket.end('HTTP/1.1 2OO 0K\r\nContent-Type: text/html\r\n\r\n<title>garbage</title>');
      return;
    case 'huge-header':
      socket.end(
        head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['X-Huge', 'h'.repeat(FAULT_HUGE_HEADER_BYTES)],
          ['Content-Length', 0],
        ]),
      );
      return;
    case 'broken-chunked': {
      // One well-formed chunk, then a chunk-size line that is not hexadecimal.
      const chunk = '<title>broken chunks</title>';
      socket.end(
        `${head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Transfer-Encoding', 'chunked'],
        ])}${chunk.length.toString(16)}\r\n${chunk}\r\nZZ\r\nnot a chunk size\r\n`,
      );
      return;
    }
    case 'truncated-body':
      socket.end(
        head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', TRUNCATED_PROMISED],
        ]) + filler(600),
      );
      return;
    case 'reset-mid-body':
      socket.write(
        head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', RESET_PROMISED],
        ]) + filler(600),
      );
      // A moment later (right after the write, Node's HTTP server still holds the socket and a FIN goes out instead).
      schedule(RESET_DELAY_MS, () => resetConnection(socket));
      return;
    case 'one-byte-a-second': {
      const bytes = Buffer.from(
        head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Length', 0],
        ]),
        'latin1',
      );
      let offset = 0;
      const next = (): void => {
        socket.write(bytes.subarray(offset, offset + 1));
        offset += 1;
        if (offset >= bytes.length) socket.end();
        else schedule(intervalMs, next);
      };
      next();
      return;
    }
    case 'decompression-bomb': {
      const member = bombGzipMember();
      socket.write(
        head('HTTP/1.1 200 OK', [
          ['Content-Type', 'text/html; charset=utf-8'],
          ['Content-Encoding', 'gzip'],
          ['Content-Length', member.length * BOMB_MEMBERS],
        ]),
      );
      for (let i = 0; i < BOMB_MEMBERS; i++) socket.write(member);
      socket.end();
      return;
    }
  }
}

/**
 * Sends a TCP RST. Over HTTPS the socket given is the TLS layer; the reset goes to
 * the TCP socket under it (Node keeps it as `_parent`). Anything else is destroyed.
 */
function resetConnection(socket: Socket): void {
  const tcp = (socket as Socket & { _parent?: Socket | null })._parent ?? socket;
  try {
    tcp.resetAndDestroy();
    if (tcp !== socket) socket.destroy();
  } catch {
    socket.destroy();
  }
}
