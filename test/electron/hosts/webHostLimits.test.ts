/**
 * A window cannot take the web host down: one that stops reading is held at the
 * high-water mark and closed when it stalls; one that floods the host with calls is
 * closed, and another window is served meanwhile; many windows opening a long trace
 * share one serialized copy of it.
 */
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { WebSocket } from 'ws';
import { CHUNK_EVENTS } from '../../../electron/hosts/node/traceFrames.js';
import { WebHost } from '../../../electron/hosts/web/webHost.js';
import { fillTrace } from '../support/largeTrace.js';
import { type TestClient, connect } from '../support/webHostClient.js';

const HIGH_WATER = 1024 * 1024;
/** One frame may be in flight past the mark: a chunk of CHUNK_EVENTS events is about 1–2 MB. */
const FRAME_ALLOWANCE = 4 * 1024 * 1024;

/** A WebSocket handshake over a raw TCP socket that then never reads a byte. */
function silentWindow(host: WebHost): Promise<Socket> {
  return new Promise((resolve, reject) => {
    const socket = tcpConnect(host.port, '127.0.0.1', () => {
      socket.write(
        [
          `GET /api?token=${host.token} HTTP/1.1`,
          `Host: 127.0.0.1:${host.port}`,
          `Origin: ${host.origin}`,
          'Upgrade: websocket',
          'Connection: Upgrade',
          'Sec-WebSocket-Key: dGhlIHNhbXBsZSBub25jZQ==',
          'Sec-WebSocket-Version: 13',
          '',
          '',
        ].join('\r\n'),
      );
      socket.once('data', (head) => {
        if (!head.toString('latin1').startsWith('HTTP/1.1 101')) reject(new Error('handshake refused'));
        // From now on the window reads nothing.
        socket.pause();
        resolve(socket);
      });
    });
    socket.on('error', () => undefined);
  });
}

describe('the web host under a window that misbehaves', () => {
  let host: WebHost;
  let staticDir: string;
  const open: (Socket | WebSocket)[] = [];
  const apiUrl = () => `ws://127.0.0.1:${host.port}/api?token=${host.token}`;

  beforeAll(async () => {
    staticDir = mkdtempSync(path.join(tmpdir(), 'navscope-web-'));
    writeFileSync(path.join(staticDir, 'index.html'), '<!doctype html><title>NavScope</title>\n');
    host = await WebHost.start({
      lab: true,
      staticDir,
      connectionLimits: { highWaterBytes: HIGH_WATER, stallMs: 1_500, maxQueuedCalls: 64 },
    });
    // About 20 MB of trace: far more than a window that does not read may make the host hold.
    await fillTrace(host.session, 30_000);
  }, 120_000);
  afterEach(() => {
    for (const socket of open.splice(0)) {
      if (socket instanceof WebSocket) socket.terminate();
      else socket.destroy();
    }
  });
  afterAll(async () => {
    await host?.stop();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('holds a window that reads nothing at the high-water mark, then closes it when it stalls', async () => {
    const socket = await silentWindow(host);
    open.push(socket);
    await expect.poll(() => host.connectionBacklog().length).toBe(1);
    // The host sends until the mark and no further: the 20 MB trace is not buffered for it.
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(Math.max(...host.connectionBacklog())).toBeLessThanOrEqual(HIGH_WATER + FRAME_ALLOWANCE);
    // It never reads: the host closes it (1008) rather than hold the output forever.
    await expect.poll(() => host.connectionBacklog().length, { timeout: 10_000 }).toBe(0);
  });

  it('closes a window that floods it with calls, and serves another window meanwhile', async () => {
    const flooding = await connect(apiUrl(), host.origin);
    if (!('client' in flooding)) throw new Error('refused');
    const flood = flooding.client;
    open.push(flood.ws);
    const closed = new Promise<{ code: number; reason: string }>((resolve) =>
      flood.ws.once('close', (code, reason) => resolve({ code, reason: reason.toString() })),
    );
    // 20,000 calls in one burst, as separate frames.
    for (let i = 1; i <= 20_000; i++) flood.ws.send(JSON.stringify({ id: i, method: 'info', args: [] }));
    const other = await connect(apiUrl(), host.origin);
    if (!('client' in other)) throw new Error('refused');
    open.push(other.client.ws);
    const answer = await other.client.call('info');
    expect(answer).toMatchObject({ kind: 'result' });
    const { code, reason } = await closed;
    expect(code).toBe(1008);
    expect(reason).toMatch(/calls waiting: closed for flooding/);
  });

  it('sends many windows the whole trace in bounded frames, serializing each full chunk once', async () => {
    const clients: TestClient[] = [];
    for (let i = 0; i < 5; i++) {
      const opened = await connect(apiUrl(), host.origin);
      if (!('client' in opened)) throw new Error('refused');
      clients.push(opened.client);
      open.push(opened.client.ws);
    }
    const total = host.session.browser.recorder.events.length;
    await Promise.all(clients.map((c) => c.until(() => c.events.length >= total)));
    for (const client of clients) {
      expect(client.events.slice(0, total).map((e) => e.seq)).toEqual(Array.from({ length: total }, (_, i) => i));
      for (const frame of client.frames)
        if (frame.kind === 'trace') expect(frame.events.length).toBeLessThanOrEqual(CHUNK_EVENTS);
    }
    // One serialized copy of the full chunks, whatever the number of windows.
    const once = Buffer.byteLength(
      JSON.stringify(host.session.browser.recorder.events.slice(0, Math.floor(total / CHUNK_EVENTS) * CHUNK_EVENTS)),
    );
    expect(host.traceFrames.sealedBytes).toBeLessThan(once * 1.1);
  });
});
