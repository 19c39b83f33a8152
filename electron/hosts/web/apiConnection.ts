/**
 * One window's WebSocket to the web host: carries BrowserModelApi (shared/api) both
 * ways. On connect the window gets every trace event recorded so far, then each new
 * batch (events recorded in the same turn of the event loop travel in one frame).
 * Every request is validated; a bad one gets an error response and the connection
 * stays open. Nothing a window sends can throw out of here.
 */
import type { RawData, WebSocket } from 'ws';
import type { ApiResponse } from '../../../shared/api/apiProtocol.js';
import type { BrowserModelService } from '../node/browserModelService.js';

/** The longest error text the protocol carries (apiResponse: error maxLength). */
const MAX_ERROR_LENGTH = 8192;

/** The request id to answer an invalid request with: its own when usable, else 0. */
function idOf(value: unknown): number {
  if (typeof value !== 'object' || value === null) return 0;
  const id = (value as { id?: unknown }).id;
  return typeof id === 'number' && Number.isSafeInteger(id) && id >= 0 ? id : 0;
}

function describeError(error: unknown): string {
  const text = error instanceof Error ? error.message : String(error);
  return text.length > MAX_ERROR_LENGTH ? `${text.slice(0, MAX_ERROR_LENGTH - 1)}…` : text;
}

export class ApiConnection {
  private closed = false;
  private readonly stopStreaming: () => void;

  constructor(
    private readonly socket: WebSocket,
    private readonly service: BrowserModelService,
  ) {
    this.stopStreaming = service.streamTrace((events) => this.send({ kind: 'trace', events }));
    socket.on('message', (data, isBinary) => this.onMessage(data, isBinary));
    socket.on('close', () => this.dispose());
    socket.on('error', () => this.dispose());
  }

  private dispose(): void {
    if (this.closed) return;
    this.closed = true;
    this.stopStreaming();
  }

  private send(response: ApiResponse): void {
    if (this.closed || this.socket.readyState !== this.socket.OPEN) return;
    try {
      this.socket.send(JSON.stringify(response));
    } catch {
      // The socket is going away; its close event cleans up.
    }
  }

  private sendError(id: number, error: string): void {
    this.send({ kind: 'error', id, error: describeError(error) });
  }

  private onMessage(data: RawData, isBinary: boolean): void {
    if (isBinary) {
      this.sendError(0, 'binary frames are not accepted: send JSON text');
      return;
    }
    const text = Array.isArray(data)
      ? Buffer.concat(data).toString('utf8')
      : Buffer.isBuffer(data)
        ? data.toString('utf8')
        : Buffer.from(new Uint8Array(data)).toString('utf8');
    let parsed: unknown;
    try {
      parsed = JSON.parse(text);
    } catch {
      this.sendError(0, 'the request is not valid JSON');
      return;
    }
    const id = idOf(parsed);
    const request =
      typeof parsed === 'object' && parsed !== null
        ? (parsed as { id?: unknown; method?: unknown; args?: unknown })
        : {};
    if (typeof request.id !== 'number' || !Number.isSafeInteger(request.id) || request.id < 0) {
      this.sendError(id, 'invalid request: request.id: expected a non-negative integer');
      return;
    }
    const extra = Object.keys(request).find((key) => !['id', 'method', 'args'].includes(key));
    if (extra) {
      this.sendError(id, `invalid request: request: unexpected field "${extra.slice(0, 60)}"`);
      return;
    }
    // Requests run concurrently: a pending navigation does not hold up `info`.
    this.service.call(request.method, request.args).then(
      (result) => this.send({ kind: 'result', id, result }),
      (error: unknown) => this.sendError(id, describeError(error)),
    );
  }
}
