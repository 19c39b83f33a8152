import http from 'node:http';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { CONTENT_TYPES, labHeldPng, notFoundPage, redirectPage } from './labSites.js';
import type { LabHostRedirect, LabResource, LabSite } from './labSites.js';

export interface LabWebServerOptions {
  sites: readonly LabSite[];
  redirects: readonly LabHostRedirect[];
}

interface HeldRequest {
  path: string;
  request: IncomingMessage;
  response: ServerResponse;
}

const HOLD_PREFIX = '/hold/';

/**
 * The lab's HTTP server: one port on several loopback addresses, routing by the
 * Host header to the stand-in sites. Requests to `/hold/<name>` on any lab host
 * wait until `releaseHeld()` so tests (and step-by-step demos) can pause a load.
 */
export class LabWebServer {
  private readonly sitesByHost = new Map<string, LabSite>();
  private readonly redirectsByHost = new Map<string, LabHostRedirect>();
  private servers: http.Server[] = [];
  private boundPort = 0;
  private held: HeldRequest[] = [];
  private readonly heldListeners = new Set<(path: string) => void>();

  constructor(options: LabWebServerOptions) {
    for (const site of options.sites) {
      for (const host of site.hosts) this.sitesByHost.set(host.toLowerCase(), site);
    }
    for (const redirect of options.redirects) {
      for (const host of redirect.hosts) this.redirectsByHost.set(host.toLowerCase(), redirect);
    }
  }

  /** The TCP port it listens on (0 before `listen`). */
  get port(): number {
    return this.boundPort;
  }

  /**
   * Listens on `port` on every address, or on none: if one address fails (e.g.
   * EADDRINUSE) the others are closed again and the error is rethrown.
   */
  async listen(addresses: readonly string[], port: number): Promise<void> {
    if (this.servers.length > 0) throw new Error('LabWebServer is already listening');
    const opened: http.Server[] = [];
    try {
      for (const address of addresses) {
        const server = http.createServer({ keepAlive: true }, (request, response) => this.handle(request, response));
        await new Promise<void>((resolve, reject) => {
          server.once('error', reject);
          server.listen({ host: address, port, exclusive: true }, () => {
            server.off('error', reject);
            resolve();
          });
        });
        server.on('error', () => undefined);
        opened.push(server);
      }
    } catch (error) {
      await Promise.all(opened.map((server) => closeServer(server)));
      throw error;
    }
    this.servers = opened;
    const bound = opened[0]?.address();
    this.boundPort = bound && typeof bound === 'object' ? bound.port : port;
  }

  /** Closes every server and connection; held requests are dropped (socket destroyed). Idempotent. */
  async close(): Promise<void> {
    const held = this.held;
    this.held = [];
    for (const h of held) h.request.socket.destroy();
    const servers = this.servers;
    this.servers = [];
    await Promise.all(servers.map((server) => closeServer(server)));
  }

  /** Answers every request currently held. Later /hold/ requests are held again. */
  releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const h of held) {
      if (h.response.writableEnded || h.response.destroyed) continue;
      const resource: LabResource = h.path.toLowerCase().endsWith('.png')
        ? { contentType: CONTENT_TYPES.png, body: labHeldPng }
        : { contentType: CONTENT_TYPES.text, body: `Released by the NavScope lab: ${h.path}\n` };
      this.send(h.request, h.response, resource);
    }
  }

  /** Number of /hold/ requests currently waiting. */
  heldCount(): number {
    return this.held.length;
  }

  /** Calls `listener` with the path of each /hold/ request as it arrives; returns the unsubscribe function. */
  onHeld(listener: (path: string) => void): () => void {
    this.heldListeners.add(listener);
    return () => {
      this.heldListeners.delete(listener);
    };
  }

  private handle(request: IncomingMessage, response: ServerResponse): void {
    try {
      this.route(request, response);
    } catch {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      response.removeHeader('Location');
      this.send(request, response, { status: 500, contentType: CONTENT_TYPES.text, body: '500 Internal Server Error (NavScope lab)\n' });
    }
  }

  private route(request: IncomingMessage, response: ServerResponse): void {
    const target = request.url ?? '/';
    const { host, pathAndQuery } = splitTarget(target, request.headers.host);
    const queryAt = pathAndQuery.indexOf('?');
    const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
    const search = queryAt === -1 ? '' : pathAndQuery.slice(queryAt);

    const site = this.sitesByHost.get(host);
    const redirect = this.redirectsByHost.get(host);
    if (!site && !redirect) {
      this.send(request, response, {
        status: 421,
        contentType: CONTENT_TYPES.text,
        body: `421 Misdirected Request: the NavScope lab does not serve the host "${host}".\n`,
      });
      return;
    }
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      this.send(request, response, {
        status: 405,
        contentType: CONTENT_TYPES.text,
        body: `405 Method Not Allowed: the NavScope lab accepts GET and HEAD only.\n`,
        headers: { Allow: 'GET, HEAD' },
      });
      return;
    }
    if (path.startsWith(HOLD_PREFIX) && path.length > HOLD_PREFIX.length) {
      this.hold(path, request, response);
      return;
    }
    if (redirect) {
      const location = `${redirect.targetOrigin}${pathAndQuery.startsWith('/') ? pathAndQuery : '/'}`;
      this.send(request, response, {
        status: redirect.status,
        contentType: CONTENT_TYPES.html,
        body: redirectPage(location),
        headers: { Location: location },
      });
      return;
    }
    const route = site?.routes[path];
    if (!route) {
      this.send(request, response, notFoundPage(host, path));
      return;
    }
    let resource: LabResource;
    try {
      if (typeof route === 'function') {
        const url = new URL(`http://${host}/`);
        url.pathname = path;
        url.search = search;
        resource = route(url);
      } else {
        resource = route;
      }
    } catch {
      resource = { status: 500, contentType: CONTENT_TYPES.text, body: '500 Internal Server Error (NavScope lab)\n' };
    }
    this.send(request, response, resource);
  }

  private hold(path: string, request: IncomingMessage, response: ServerResponse): void {
    const entry: HeldRequest = { path, request, response };
    this.held.push(entry);
    // A client that gives up is no longer held.
    response.once('close', () => {
      this.held = this.held.filter((h) => h !== entry);
    });
    for (const listener of [...this.heldListeners]) {
      try {
        listener(path);
      } catch {
        // A listener's failure is not the lab's.
      }
    }
  }

  private send(request: IncomingMessage, response: ServerResponse, resource: LabResource): void {
    const body = typeof resource.body === 'string' ? Buffer.from(resource.body, 'utf8') : resource.body;
    response.statusCode = resource.status ?? 200;
    response.setHeader('Server', 'navscope-lab');
    response.setHeader('Date', new Date().toUTCString());
    response.setHeader('Content-Type', resource.contentType);
    response.setHeader('Content-Length', body.length);
    response.setHeader('Cache-Control', 'no-cache');
    for (const [name, value] of Object.entries(resource.headers ?? {})) response.setHeader(name, value);
    if (request.method === 'HEAD') response.end();
    else response.end(body);
  }
}

/** Host (lower case, no port, no trailing dot) and origin-form target of a request. */
function splitTarget(target: string, hostHeader: string | undefined): { host: string; pathAndQuery: string } {
  // Absolute-form (RFC 9112 3.2.2): the target's authority wins over the Host header.
  const absolute = /^https?:\/\/([^/?#]*)(.*)$/i.exec(target);
  if (absolute) {
    const rest = absolute[2] ?? '';
    return { host: hostOnly(absolute[1] ?? ''), pathAndQuery: rest.startsWith('/') ? rest : `/${rest}` };
  }
  return { host: hostOnly(hostHeader ?? ''), pathAndQuery: target.startsWith('/') ? target : `/${target}` };
}

function hostOnly(authority: string): string {
  let host = authority.trim().toLowerCase();
  const at = host.lastIndexOf('@');
  if (at !== -1) host = host.slice(at + 1);
  if (host.startsWith('[')) {
    const end = host.indexOf(']');
    host = end === -1 ? host : host.slice(0, end + 1);
  } else {
    const colon = host.indexOf(':');
    if (colon !== -1) host = host.slice(0, colon);
  }
  return host.endsWith('.') ? host.slice(0, -1) : host;
}

function closeServer(server: http.Server): Promise<void> {
  return new Promise<void>((resolve) => {
    server.close(() => resolve());
    server.closeAllConnections();
  });
}
