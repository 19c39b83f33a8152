import type { IncomingMessage, ServerResponse } from 'node:http';
import { brotliCompressSync, constants as zlibConstants, gzipSync } from 'node:zlib';
import { deliverHttpFault } from './labHttpFaults.js';
import { CONTENT_TYPES, notFoundPage, redirectPage } from './labPages.js';
import type { LabRequest, LabResource, LabRoute } from './labPages.js';
import { labHeldPng } from './labSites.js';
import type { LabHostRedirect, LabSite } from './labSites.js';

export type LabScheme = 'http' | 'https';

export interface LabRequestHandlerOptions {
  sites: readonly LabSite[];
  redirects: readonly LabHostRedirect[];
}

/** One request being answered: where it came in and for which site. */
interface Exchange {
  request: IncomingMessage;
  response: ServerResponse;
  scheme: LabScheme;
  site: LabSite | undefined;
}

interface HeldRequest {
  path: string;
  exchange: Exchange;
}

/** A response still being sent on a timer (slow, chunked); `stop` cancels its timers. */
interface SlowResponse {
  exchange: Exchange;
  stop: () => void;
}

const HOLD_PREFIX = '/hold/';
const STS_HEADER = 'strict-transport-security';

/**
 * What every lab web server (HTTP and HTTPS) does with a request: routes it by
 * the Host header to a stand-in site and answers it, including conditional
 * requests (304), content codings, chunked, paced and slow delivery. Requests to
 * `/hold/<name>` on any lab host wait until `releaseHeld()`.
 */
export class LabRequestHandler {
  private readonly sitesByHost = new Map<string, LabSite>();
  private readonly redirectsByHost = new Map<string, LabHostRedirect>();
  private held: HeldRequest[] = [];
  private readonly heldListeners = new Set<(path: string) => void>();
  private readonly slow = new Set<SlowResponse>();

  constructor(options: LabRequestHandlerOptions) {
    for (const site of options.sites) {
      for (const host of site.hosts) this.sitesByHost.set(host.toLowerCase(), site);
    }
    for (const redirect of options.redirects) {
      for (const host of redirect.hosts) this.redirectsByHost.set(host.toLowerCase(), redirect);
    }
  }

  /** Every host name served (sites, then redirect-only hosts). */
  hosts(): string[] {
    return [...this.sitesByHost.keys(), ...this.redirectsByHost.keys()];
  }

  /** Answers one request that arrived over `scheme`. Never throws. */
  handle(request: IncomingMessage, response: ServerResponse, scheme: LabScheme): void {
    const exchange: Exchange = { request, response, scheme, site: undefined };
    try {
      this.route(exchange);
    } catch {
      if (response.headersSent) {
        response.destroy();
        return;
      }
      for (const name of response.getHeaderNames()) response.removeHeader(name);
      this.send(exchange, {
        status: 500,
        contentType: CONTENT_TYPES.text,
        body: '500 Internal Server Error (NavScope lab)\n',
      });
    }
  }

  /** Drops every held and in-flight slow response (their connections are destroyed). */
  close(): void {
    const held = this.held;
    this.held = [];
    for (const h of held) h.exchange.request.socket.destroy();
    for (const s of [...this.slow]) {
      s.stop();
      s.exchange.request.socket.destroy();
    }
    this.slow.clear();
  }

  /** Answers every request currently held. Later /hold/ requests are held again. */
  releaseHeld(): void {
    const held = this.held;
    this.held = [];
    for (const h of held) {
      const { response } = h.exchange;
      if (response.writableEnded || response.destroyed) continue;
      const resource: LabResource = h.path.toLowerCase().endsWith('.png')
        ? { contentType: CONTENT_TYPES.png, body: labHeldPng }
        : { contentType: CONTENT_TYPES.text, body: `Released by the NavScope lab: ${h.path}\n` };
      this.send(h.exchange, resource);
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

  /** Number of responses still being sent on a timer (/slow-head, /slow-body, /chunked, /download/data.bin). */
  slowResponseCount(): number {
    return this.slow.size;
  }

  private route(exchange: Exchange): void {
    const { request, scheme } = exchange;
    const target = request.url ?? '/';
    const { host, pathAndQuery } = splitTarget(target, request.headers.host);
    const queryAt = pathAndQuery.indexOf('?');
    const path = queryAt === -1 ? pathAndQuery : pathAndQuery.slice(0, queryAt);
    const search = queryAt === -1 ? '' : pathAndQuery.slice(queryAt);

    const site = this.sitesByHost.get(host);
    const redirect = this.redirectsByHost.get(host);
    exchange.site = site;
    if (!site && !redirect) {
      this.send(exchange, {
        status: 421,
        contentType: CONTENT_TYPES.text,
        body: `421 Misdirected Request: the NavScope lab does not serve the host "${host}".\n`,
      });
      return;
    }
    const method = request.method ?? 'GET';
    if (method !== 'GET' && method !== 'HEAD') {
      this.send(exchange, {
        status: 405,
        contentType: CONTENT_TYPES.text,
        body: `405 Method Not Allowed: the NavScope lab accepts GET and HEAD only.\n`,
        headers: { Allow: 'GET, HEAD' },
      });
      return;
    }
    if (path.startsWith(HOLD_PREFIX) && path.length > HOLD_PREFIX.length) {
      this.hold(path, exchange);
      return;
    }
    if (redirect) {
      const location = `${scheme}://${redirect.targetHost}${pathAndQuery.startsWith('/') ? pathAndQuery : '/'}`;
      this.send(exchange, {
        status: redirect.status,
        contentType: CONTENT_TYPES.html,
        body: redirectPage(location),
        headers: { Location: location },
      });
      return;
    }
    const route = site ? routeFor(site, path) : undefined;
    if (!route) {
      this.send(exchange, notFoundPage(host, path));
      return;
    }
    let resource: LabResource;
    try {
      if (typeof route === 'function') {
        const url = new URL(`${scheme}://${host}/`);
        url.pathname = path;
        url.search = search;
        const labRequest: LabRequest = { url, scheme, method, headers: headersOf(request) };
        resource = route(labRequest);
      } else {
        resource = route;
      }
    } catch {
      resource = { status: 500, contentType: CONTENT_TYPES.text, body: '500 Internal Server Error (NavScope lab)\n' };
    }
    this.send(exchange, resource);
  }

  private hold(path: string, exchange: Exchange): void {
    const entry: HeldRequest = { path, exchange };
    this.held.push(entry);
    // A client that gives up is no longer held.
    exchange.response.once('close', () => {
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

  private send(exchange: Exchange, resource: LabResource): void {
    const { request, response, scheme, site } = exchange;
    const head = request.method === 'HEAD';
    let status = resource.status ?? 200;
    response.statusCode = status;
    response.setHeader('Server', 'navscope-lab');
    response.setHeader('Date', new Date().toUTCString());
    // No Content-Type at all when the resource has none: the browser must sniff it.
    if (resource.contentType !== null) response.setHeader('Content-Type', resource.contentType);
    response.setHeader('Cache-Control', 'no-cache');
    if (scheme === 'https') {
      for (const [name, value] of Object.entries(site?.httpsHeaders ?? {})) response.setHeader(name, value);
    }
    for (const [name, value] of Object.entries(resource.headers ?? {})) response.setHeader(name, value);
    // Browsers ignore HSTS over plain HTTP (RFC 6797 8.1): the lab never sends it there.
    if (scheme === 'http') response.removeHeader(STS_HEADER);

    let body = typeof resource.body === 'string' ? Buffer.from(resource.body, 'utf8') : resource.body;
    if (resource.contentEncoding) {
      response.setHeader('Vary', 'Accept-Encoding');
      if (acceptsCoding(request.headers['accept-encoding'], resource.contentEncoding)) {
        body = encode(body, resource.contentEncoding);
        response.setHeader('Content-Encoding', resource.contentEncoding);
      }
    }

    if (status === 200 && isNotModified(request, response)) {
      status = 304;
      response.statusCode = 304;
    }
    if (status === 204 || status === 304 || status === 205 || (status >= 100 && status < 200)) {
      // No content (RFC 9110 15.3.5, 15.3.6, 15.4.5); 205 says so with Content-Length: 0.
      response.removeHeader('Content-Type');
      response.removeHeader('Content-Encoding');
      if (status === 205) response.setHeader('Content-Length', 0);
      response.end();
      return;
    }

    const delivery = resource.delivery;
    if (delivery?.kind === 'fault') {
      // Raw bytes on the connection: the ServerResponse never writes anything.
      const socket = request.socket;
      this.onTimers(exchange, (schedule) => deliverHttpFault(socket, delivery.fault, schedule));
      return;
    }
    if (!delivery) {
      response.setHeader('Content-Length', body.length);
      if (head) response.end();
      else response.end(body);
      return;
    }
    switch (delivery.kind) {
      case 'delayed': {
        response.setHeader('Content-Length', body.length);
        this.onTimers(exchange, (schedule) => {
          schedule(delivery.delayMs, () => {
            if (head) response.end();
            else response.end(body);
          });
        });
        return;
      }
      case 'chunked': {
        // No Content-Length: Node frames the body as chunked (HTTP/1.1).
        response.setHeader('Transfer-Encoding', 'chunked');
        if (head) {
          response.end();
          return;
        }
        const pieces = split(body, delivery.chunks);
        response.write(pieces.shift() ?? Buffer.alloc(0));
        this.onTimers(exchange, (schedule) => {
          const next = (): void => {
            const piece = pieces.shift();
            if (piece === undefined) {
              response.end();
              return;
            }
            response.write(piece);
            schedule(delivery.intervalMs, next);
          };
          schedule(delivery.intervalMs, next);
        });
        return;
      }
      case 'paced': {
        // Content-Length up front, so the client knows the total and can show progress.
        response.setHeader('Content-Length', body.length);
        if (head || body.length === 0) {
          response.end();
          return;
        }
        const pieces = split(body, delivery.chunks);
        response.write(pieces.shift() ?? Buffer.alloc(0));
        if (pieces.length === 0) {
          response.end();
          return;
        }
        this.onTimers(exchange, (schedule) => {
          const next = (): void => {
            const piece = pieces.shift();
            if (piece === undefined) return;
            if (pieces.length === 0) response.end(piece);
            else {
              response.write(piece);
              schedule(delivery.intervalMs, next);
            }
          };
          schedule(delivery.intervalMs, next);
        });
        return;
      }
      case 'trickle': {
        response.setHeader('Content-Length', body.length);
        if (head || body.length === 0) {
          response.end();
          return;
        }
        response.flushHeaders();
        let offset = 0;
        this.onTimers(exchange, (schedule) => {
          const next = (): void => {
            response.write(body.subarray(offset, offset + 1));
            offset++;
            if (offset >= body.length) response.end();
            else schedule(delivery.intervalMs, next);
          };
          schedule(delivery.intervalMs, next);
        });
        return;
      }
    }
  }

  /**
   * Runs a response on timers, tracked so that a client that gives up or
   * `close()` cancels them: no timer outlives its connection or the lab.
   */
  private onTimers(exchange: Exchange, start: (schedule: (ms: number, run: () => void) => void) => void): void {
    let timer: NodeJS.Timeout | undefined;
    const entry: SlowResponse = {
      exchange,
      stop: () => {
        if (timer !== undefined) clearTimeout(timer);
        timer = undefined;
      },
    };
    this.slow.add(entry);
    const finish = (): void => {
      entry.stop();
      this.slow.delete(entry);
    };
    exchange.response.once('close', finish);
    exchange.response.once('finish', finish);
    start((ms, run) => {
      if (!this.slow.has(entry)) return;
      timer = setTimeout(() => {
        timer = undefined;
        if (!this.slow.has(entry) || exchange.response.destroyed) return;
        run();
      }, ms);
    });
  }
}

/** The exact route for `path`, else the longest matching prefix route. */
function routeFor(site: LabSite, path: string): LabRoute | undefined {
  const exact = Object.hasOwn(site.routes, path) ? site.routes[path] : undefined;
  if (exact) return exact;
  let best: string | undefined;
  for (const prefix of Object.keys(site.prefixRoutes ?? {})) {
    if (path.startsWith(prefix) && (best === undefined || prefix.length > best.length)) best = prefix;
  }
  return best === undefined ? undefined : site.prefixRoutes?.[best];
}

function headersOf(request: IncomingMessage): Record<string, string | undefined> {
  const headers: Record<string, string | undefined> = {};
  for (const [name, value] of Object.entries(request.headers)) {
    headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  return headers;
}

/**
 * RFC 9110 13.1.2 / 13.1.3: If-None-Match (weak comparison) decides when
 * present; otherwise If-Modified-Since against Last-Modified.
 */
function isNotModified(request: IncomingMessage, response: ServerResponse): boolean {
  const etag = response.getHeader('ETag');
  const ifNoneMatch = request.headers['if-none-match'];
  if (ifNoneMatch !== undefined) {
    if (typeof etag !== 'string') return false;
    return ifNoneMatch.split(',').some((tag) => {
      const t = tag.trim();
      return t === '*' || opaqueTag(t) === opaqueTag(etag);
    });
  }
  const lastModified = response.getHeader('Last-Modified');
  const ifModifiedSince = request.headers['if-modified-since'];
  if (typeof lastModified !== 'string' || ifModifiedSince === undefined) return false;
  const since = Date.parse(ifModifiedSince);
  const modified = Date.parse(lastModified);
  return !Number.isNaN(since) && !Number.isNaN(modified) && modified <= since;
}

function opaqueTag(tag: string): string {
  return tag.startsWith('W/') ? tag.slice(2) : tag;
}

/** True when Accept-Encoding gives `coding` (or `*`) a non-zero q-value. No header: identity only. */
export function acceptsCoding(header: string | undefined, coding: string): boolean {
  if (header === undefined) return false;
  let exact: number | undefined;
  let any: number | undefined;
  for (const part of header.split(',')) {
    const [token = '', ...params] = part.split(';');
    const name = token.trim().toLowerCase();
    let q = 1;
    for (const param of params) {
      const m = /^\s*q\s*=\s*([0-9.]+)\s*$/i.exec(param);
      if (m) q = Number(m[1]);
    }
    if (name === coding) exact = q;
    else if (name === '*') any = q;
  }
  const q = exact ?? any ?? 0;
  return Number.isFinite(q) && q > 0;
}

function encode(body: Buffer, coding: 'gzip' | 'br'): Buffer {
  if (coding === 'gzip') return gzipSync(body);
  return brotliCompressSync(body, {
    params: {
      [zlibConstants.BROTLI_PARAM_MODE]: zlibConstants.BROTLI_MODE_TEXT,
      [zlibConstants.BROTLI_PARAM_SIZE_HINT]: body.length,
    },
  });
}

/** `body` cut into `count` pieces of (nearly) equal size, none empty. */
function split(body: Buffer, count: number): Buffer[] {
  const n = Math.max(1, Math.min(Math.floor(count), body.length));
  const size = Math.ceil(body.length / n);
  const pieces: Buffer[] = [];
  for (let offset = 0; offset < body.length; offset += size) pieces.push(body.subarray(offset, offset + size));
  return pieces;
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
