import http from 'node:http';
import https from 'node:https';
import type { Socket } from 'node:net';
import { LabRequestHandler } from './labRequestHandler.js';
import type { LabServerCertificates } from './labServerCertificates.js';
import type { LabHostRedirect, LabSite } from './labSites.js';

export interface LabWebServerOptions {
  sites: readonly LabSite[];
  redirects: readonly LabHostRedirect[];
}

/** One HTTPS listening address and the host whose certificate it presents to clients that send no (known) SNI name. */
export interface LabHttpsEndpoint {
  address: string;
  defaultHost: string;
}

type LabServer = http.Server | https.Server;

/**
 * The lab's web servers: HTTP on one port and HTTPS on another, each on every
 * web loopback address, all answering through one LabRequestHandler (routing by
 * the Host header). HTTPS picks the certificate by SNI and offers ALPN
 * `http/1.1` only. Requests to `/hold/<name>` on any lab host wait until
 * `releaseHeld()` so tests (and step-by-step demos) can pause a load.
 */
export class LabWebServer {
  private readonly handler: LabRequestHandler;
  private httpServers: http.Server[] = [];
  private httpsServers: https.Server[] = [];
  private readonly sockets = new Set<Socket>();
  private httpPort = 0;
  private tlsPort = 0;

  /** Hosts whose TLS handshake the server aborts on purpose (LabSite.tlsFault). */
  private readonly handshakeAbortHosts: ReadonlySet<string>;

  constructor(options: LabWebServerOptions) {
    this.handler = new LabRequestHandler(options);
    this.handshakeAbortHosts = new Set(
      options.sites
        .filter((site) => site.tlsFault === 'handshake-abort')
        .flatMap((site) => site.hosts.map((h) => h.toLowerCase())),
    );
  }

  /** The HTTP port (0 before `listen`). */
  get port(): number {
    return this.httpPort;
  }

  /** The HTTPS port (0 before `listenHttps`). */
  get httpsPort(): number {
    return this.tlsPort;
  }

  /** Every host name served (sites, then redirect-only hosts). */
  hosts(): string[] {
    return this.handler.hosts();
  }

  /**
   * Listens for HTTP on `port` on every address, or on none: if one address
   * fails (e.g. EADDRINUSE) the others are closed again and the error is rethrown.
   */
  async listen(addresses: readonly string[], port: number): Promise<void> {
    if (this.httpServers.length > 0) throw new Error('LabWebServer is already listening for HTTP');
    this.httpServers = await this.listenAll(addresses, port, () =>
      http.createServer({ keepAlive: true }, (request, response) => this.handler.handle(request, response, 'http')),
    );
    this.httpPort = boundPort(this.httpServers[0], port);
  }

  /** Listens for HTTPS on `port` on every endpoint's address, or on none (as `listen`). */
  async listenHttps(
    endpoints: readonly LabHttpsEndpoint[],
    port: number,
    certificates: LabServerCertificates,
  ): Promise<void> {
    if (this.httpsServers.length > 0) throw new Error('LabWebServer is already listening for HTTPS');
    const defaults = new Map(
      endpoints.map((e) => {
        const certificate = certificates.certificateFor(e.defaultHost);
        if (!certificate) throw new Error(`The lab has no certificate for ${e.defaultHost}`);
        return [e.address, certificate] as const;
      }),
    );
    this.httpsServers = await this.listenAll(
      endpoints.map((e) => e.address),
      port,
      (address) => {
        const fallback = defaults.get(address);
        return https.createServer(
          {
            keepAlive: true,
            ALPNProtocols: ['http/1.1'],
            minVersion: 'TLSv1.2',
            ...(fallback ? { cert: fallback.chainPem, key: fallback.keyPem } : {}),
            // An unknown or missing server name gets the address's default certificate, as real servers do.
            // A handshake-abort host: the ClientHello was read, and the connection is dropped without a ServerHello.
            SNICallback: (serverName, callback) => {
              if (this.handshakeAbortHosts.has(serverName.toLowerCase()))
                callback(new Error(`the lab aborts the TLS handshake for ${serverName}`));
              else callback(null, certificates.contextFor(serverName));
            },
          },
          (request, response) => this.handler.handle(request, response, 'https'),
        );
      },
    );
    this.tlsPort = boundPort(this.httpsServers[0], port);
  }

  /** Closes every server and connection; held and slow responses are dropped (socket destroyed). Idempotent. */
  async close(): Promise<void> {
    this.handler.close();
    const servers: LabServer[] = [...this.httpServers, ...this.httpsServers];
    this.httpServers = [];
    this.httpsServers = [];
    const closing = servers.map((server) => closeServer(server));
    for (const socket of this.sockets) socket.destroy();
    this.sockets.clear();
    await Promise.all(closing);
  }

  /** Answers every request currently held. Later /hold/ requests are held again. */
  releaseHeld(): void {
    this.handler.releaseHeld();
  }

  /** Number of /hold/ requests currently waiting. */
  heldCount(): number {
    return this.handler.heldCount();
  }

  /** Calls `listener` with the path of each /hold/ request as it arrives; returns the unsubscribe function. */
  onHeld(listener: (path: string) => void): () => void {
    return this.handler.onHeld(listener);
  }

  /** Number of responses still being sent on a timer (/slow-head, /slow-body, /chunked, /download/data.bin). */
  slowResponseCount(): number {
    return this.handler.slowResponseCount();
  }

  private async listenAll<S extends LabServer>(
    addresses: readonly string[],
    port: number,
    create: (address: string) => S,
  ): Promise<S[]> {
    const opened: S[] = [];
    try {
      for (const address of addresses) {
        const server = create(address);
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: address, port, exclusive: true }, () => {
            server.off('error', reject);
            resolve();
          });
        });
        server.on('error', () => undefined);
        // Raw TCP sockets, so that close() also ends connections still in the TLS handshake.
        server.on('connection', (socket: Socket) => {
          this.sockets.add(socket);
          socket.once('close', () => this.sockets.delete(socket));
        });
        opened.push(server);
      }
    } catch (error) {
      await Promise.all(opened.map((server) => closeServer(server)));
      throw error;
    }
    return opened;
  }
}

function boundPort(server: LabServer | undefined, requested: number): number {
  const bound = server?.address();
  return bound && typeof bound === 'object' ? bound.port : requested;
}

function closeServer(server: LabServer): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
