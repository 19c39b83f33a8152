/**
 * A window's side of the web host's API for tests: a WebSocket client that records
 * every frame (checked against the protocol) and answers calls by id.
 */
import { expect } from 'vitest';
import { WebSocket } from 'ws';
import { apiResponse, type ApiResponse } from '../../../shared/api/apiProtocol.js';
import type { TraceEvent } from '../../../shared/trace/traceEvent.js';

/** Opens a WebSocket; resolves with the socket, or with the HTTP status it was refused with. */
export function connect(url: string, origin: string): Promise<{ client: TestClient } | { refused: number }> {
  return new Promise((resolve, reject) => {
    const ws = new WebSocket(url, { origin });
    // Listen before 'open': the first frame can arrive in the same chunk as the handshake.
    const client = new TestClient(ws);
    ws.once('open', () => resolve({ client }));
    ws.once('unexpected-response', (_req, res) => {
      resolve({ refused: res.statusCode ?? 0 });
      ws.terminate();
    });
    ws.once('error', reject);
  });
}

/** A client that records every frame and answers requests by id. */
export class TestClient {
  readonly frames: ApiResponse[] = [];
  readonly events: TraceEvent[] = [];
  private readonly waiters: { test: () => boolean; resolve: () => void }[] = [];
  private nextId = 1;

  constructor(readonly ws: WebSocket) {
    ws.on('message', (data) => {
      const frame: unknown = JSON.parse(String(data));
      expect(apiResponse.check(frame, 'frame')).toBeNull();
      const response = frame as ApiResponse;
      this.frames.push(response);
      if (response.kind === 'trace') for (const event of response.events as TraceEvent[]) this.events.push(event);
      for (const waiter of [...this.waiters]) {
        if (waiter.test()) {
          this.waiters.splice(this.waiters.indexOf(waiter), 1);
          waiter.resolve();
        }
      }
    });
  }

  until(test: () => boolean): Promise<void> {
    if (test()) return Promise.resolve();
    return new Promise((resolve) => this.waiters.push({ test, resolve }));
  }

  sendRaw(text: string): void {
    this.ws.send(text);
  }

  async response(id: number): Promise<ApiResponse> {
    const find = () => this.frames.find((f) => f.kind !== 'trace' && f.id === id);
    await this.until(() => find() !== undefined);
    return find()!;
  }

  async call(method: string, ...args: string[]): Promise<ApiResponse> {
    const id = this.nextId++;
    this.ws.send(JSON.stringify({ id, method, args }));
    return this.response(id);
  }
}
