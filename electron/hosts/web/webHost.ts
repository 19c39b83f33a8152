/**
 * The web host: a Node HTTP server on loopback that runs the browser model
 * (BrowserSession), serves the built window (out/renderer) and carries
 * BrowserModelApi over a WebSocket at /api.
 *
 * The page loads without a secret, but the WebSocket needs the per-run token from
 * the page's own URL (?token=…) and an Origin of this very host; anything else is
 * answered 403. Every HTTP response carries a strict CSP.
 */
import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { type IncomingMessage, type Server, type ServerResponse, createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import type { Duplex } from 'node:stream';
import { type WebSocket, WebSocketServer } from 'ws';
import type { HostInfo } from '../../../shared/api/browserModelApi.js';
import { BrowserModelService } from '../node/browserModelService.js';
import { BrowserSession } from '../node/browserSession.js';
import { RealChromiumService } from '../node/realChromiumService.js';
import { SECURITY_HEADERS, contentTypeFor, relativeFileFor, resolveWindowFile } from '../node/windowFiles.js';
import { ApiConnection, type ConnectionLimits, DEFAULT_CONNECTION_LIMITS } from './apiConnection.js';
import { TraceFrames } from '../node/traceFrames.js';

export interface WebHostOptions {
  /** TCP port on 127.0.0.1; 0 or absent: any free port. */
  port?: number;
  /** true: the embedded lab on loopback; false: the live internet. */
  lab: boolean;
  /** The built window (out/renderer). */
  staticDir: string;
  /** The browser profile (lab CA, HSTS, cookies, session history); null or absent keeps it in memory. */
  dataDir?: string | null;
  /** Where downloads go (default: a temporary folder, or the data folder's). */
  downloadsDir?: string;
  /** Per-window bounds (back-pressure, rate limit); tests shorten them. */
  connectionLimits?: Partial<ConnectionLimits>;
}

export { CONTENT_SECURITY_POLICY } from '../node/windowFiles.js';

const API_PATH = '/api';
const MAX_PAYLOAD = 64 * 1024;
const CLOSE_GRACE_MS = 1_000;
/** Windows connected at once; more are refused (503) so that a runaway script cannot exhaust the host. */
export const MAX_CONNECTIONS = 32;

/** SHA-256 both sides so timingSafeEqual compares equal lengths whatever was sent. */
function tokensMatch(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export class WebHost {
  private readonly sockets = new Set<WebSocket>();
  private stopping: Promise<void> | null = null;
  /** The trace in frames, shared by every window (each full chunk is serialized once). */
  readonly traceFrames: TraceFrames;
  /** The system's Chromium beside the model ("Real Chromium"), shared by every window: one recording at a time. */
  readonly realChromium: RealChromiumService;

  private constructor(
    readonly url: string,
    readonly token: string,
    readonly session: BrowserSession,
    /** http://127.0.0.1:<port>: the only Origin (and Host) the host answers. */
    readonly origin: string,
    private readonly server: Server,
    private readonly wss: WebSocketServer,
    private readonly staticDir: string,
    private readonly hostInfo: HostInfo,
    private readonly limits: ConnectionLimits,
  ) {
    this.traceFrames = new TraceFrames(session.browser.recorder.events);
    this.realChromium = new RealChromiumService(session.labConfig);
  }

  static async start(options: WebHostOptions): Promise<WebHost> {
    const staticDir = path.resolve(options.staticDir);
    // The window runs the browser as Chrome does: a spare renderer ready, speculative processes.
    const session = await BrowserSession.start({
      lab: options.lab,
      dataDir: options.dataDir ?? null,
      downloadsDir: options.downloadsDir,
      spareRenderer: true,
      speculativeProcesses: true,
    });
    const server = createServer();
    let port: number;
    try {
      port = await new Promise<number>((resolve, reject) => {
        server.once('error', reject);
        server.listen({ port: options.port ?? 0, host: '127.0.0.1', exclusive: true }, () => {
          server.off('error', reject);
          resolve((server.address() as AddressInfo).port);
        });
      });
    } catch (error) {
      await session.stop();
      throw error;
    }
    const token = randomBytes(24).toString('base64url');
    const origin = `http://127.0.0.1:${port}`;
    const wss = new WebSocketServer({ noServer: true, maxPayload: MAX_PAYLOAD, perMessageDeflate: false });
    const info: HostInfo = session.hostInfo('web');
    const limits = { ...DEFAULT_CONNECTION_LIMITS, ...options.connectionLimits };
    const host = new WebHost(`${origin}/?token=${token}`, token, session, origin, server, wss, staticDir, info, limits);
    server.on('request', (req, res) => host.onRequest(req, res));
    server.on('upgrade', (req, socket, head) => host.onUpgrade(req, socket, head));
    server.on('clientError', (_error, socket) => socket.destroy());
    server.on('error', () => {
      // Listening succeeded; later server errors concern single connections.
    });
    return host;
  }

  /** Bytes waiting to go out to each open window (back-pressure keeps each one bounded). */
  connectionBacklog(): number[] {
    return [...this.sockets].map((ws) => ws.bufferedAmount);
  }

  get port(): number {
    return Number(new URL(this.origin).port);
  }

  /** Closes every WebSocket, the HTTP server and the browser session (lab, processes, network thread). */
  stop(): Promise<void> {
    this.stopping ??= this.shutdown();
    return this.stopping;
  }

  private async shutdown(): Promise<void> {
    const open = [...this.sockets];
    await Promise.race([
      Promise.all(
        open.map(
          (ws) =>
            new Promise<void>((resolve) => {
              if (ws.readyState === ws.CLOSED) return resolve();
              ws.once('close', () => resolve());
              ws.close(1001, 'The NavScope host is stopping');
            }),
        ),
      ),
      new Promise<void>((resolve) => setTimeout(resolve, CLOSE_GRACE_MS).unref()),
    ]);
    for (const ws of this.sockets) ws.terminate();
    await this.realChromium.stop();
    await new Promise<void>((resolve) => this.wss.close(() => resolve()));
    await new Promise<void>((resolve) => {
      this.server.close(() => resolve());
      this.server.closeAllConnections();
    });
    await this.session.stop();
  }

  // ── HTTP: the built window ───────────────────────────────────────────────────────

  private onRequest(req: IncomingMessage, res: ServerResponse): void {
    this.serve(req, res).catch(() => {
      if (!res.headersSent) this.plain(res, 500, 'Internal error while serving this file.', req.method === 'HEAD');
      else res.destroy();
    });
  }

  private async serve(req: IncomingMessage, res: ServerResponse): Promise<void> {
    const head = req.method === 'HEAD';
    if (req.method !== 'GET' && !head) {
      res.setHeader('Allow', 'GET, HEAD');
      this.plain(res, 405, 'Method not allowed: NavScope serves only GET and HEAD.', head);
      return;
    }
    if (!this.hostHeaderOk(req)) {
      this.plain(res, 403, `NavScope answers only at ${this.origin}.`, head);
      return;
    }
    const relative = relativeFileFor(req.url ?? '');
    if (relative === null) {
      this.plain(res, 404, 'Not found.', head);
      return;
    }
    const file = await resolveWindowFile(this.staticDir, relative);
    if (file === null) {
      if (relative === 'index.html' && (req.url ?? '').split(/[?#]/, 1)[0] === '/') {
        this.plain(res, 503, 'The NavScope window is not built: run `npm run build`, then reload this page.', head);
      } else {
        this.plain(res, 404, 'Not found.', head);
      }
      return;
    }
    const body = await readFile(file);
    res.writeHead(200, {
      ...SECURITY_HEADERS,
      'Content-Type': contentTypeFor(file),
      'Content-Length': body.byteLength,
    });
    res.end(head ? undefined : body);
  }

  private plain(res: ServerResponse, status: number, text: string, head: boolean): void {
    const body = Buffer.from(`${text}\n`, 'utf8');
    res.writeHead(status, {
      ...SECURITY_HEADERS,
      'Content-Type': 'text/plain; charset=utf-8',
      'Content-Length': body.byteLength,
    });
    res.end(head ? undefined : body);
  }

  /** Against DNS rebinding: only requests addressed to 127.0.0.1:<port> are answered. */
  private hostHeaderOk(req: IncomingMessage): boolean {
    return req.headers.host === this.origin.slice('http://'.length);
  }

  // ── WebSocket: the API ──────────────────────────────────────────────────────────

  private onUpgrade(req: IncomingMessage, socket: Duplex, head: Buffer): void {
    socket.on('error', () => socket.destroy());
    const refuse = (status: string): void => {
      socket.once('finish', () => socket.destroy());
      socket.end(`HTTP/1.1 ${status}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    };
    if (this.stopping || !this.upgradeAllowed(req)) return refuse('403 Forbidden');
    if (this.sockets.size >= MAX_CONNECTIONS) return refuse('503 Service Unavailable');
    this.wss.handleUpgrade(req, socket, head, (ws) => {
      this.sockets.add(ws);
      ws.on('close', () => this.sockets.delete(ws));
      new ApiConnection(
        ws,
        new BrowserModelService(this.session, this.hostInfo, this.realChromium),
        this.traceFrames,
        this.limits,
      );
    });
  }

  private upgradeAllowed(req: IncomingMessage): boolean {
    if (req.method !== 'GET' || !this.hostHeaderOk(req)) return false;
    if (req.headers.origin !== this.origin) return false;
    let url: URL;
    try {
      url = new URL(req.url ?? '', this.origin);
    } catch {
      return false;
    }
    if (url.pathname !== API_PATH) return false;
    const tokens = url.searchParams.getAll('token');
    return tokens.length === 1 && tokensMatch(tokens[0]!, this.token);
  }
}
