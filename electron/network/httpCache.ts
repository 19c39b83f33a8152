/**
 * net::HttpCache, in memory: a private browser cache (RFC 9111) keyed by URL (without
 * the fragment), one entry per URL, with Vary checked on lookup, an optional byte cap
 * with least-recently-used eviction, and 304 Not Modified handling.
 *
 * Entries hold the decoded body bytes (what the page sees) and the response head as it
 * was received, so a Content-Encoding header in the head describes the wire, not the
 * stored body. Only GET is cached; the caller invalidates a URL after an unsafe method
 * (RFC 9111 §4.4). Unlike Chromium's cache since M86, entries are not partitioned by
 * top-frame site.
 */
import {
  type FreshnessReport,
  type StoredResponseTiming,
  cacheControlOf,
  conditionalHeaders as conditionalHeadersFor,
  describeFreshness,
  freshnessLifetimeWithSource,
  storageProblem,
} from '../../shared/web/cacheFreshness.js';
import { headerValue, headerValues } from '../../shared/net/httpHeaders.js';

export interface CachedResponseHead {
  status: number;
  statusText: string;
  httpVersion: string;
  headers: [string, string][];
}

export interface HttpCacheEntry {
  /** The cache key: the URL without its fragment. */
  key: string;
  head: CachedResponseHead;
  /** The decoded body. */
  body: Uint8Array;
  /** When the request was sent, ms since the epoch. */
  requestTime: number;
  /** When the response head arrived, ms since the epoch. */
  responseTime: number;
  /** The request header values named by Vary when the response was stored (lower-case name; null = absent). */
  varyRequestHeaders: [string, string | null][];
  /** Bytes counted against the cap: body plus header text. */
  size: number;
}

export type HttpCacheLookup =
  | { kind: 'fresh'; entry: HttpCacheEntry; freshness: FreshnessReport }
  | { kind: 'stale'; entry: HttpCacheEntry; conditionalHeaders: [string, string][]; freshness: FreshnessReport }
  | { kind: 'miss'; reason: string };

/** `reason` says why (not) stored, for the trace; `evicted` lists the keys pushed out to make room. */
export type HttpCacheStoreResult =
  { stored: true; entry: HttpCacheEntry; evicted: string[]; reason: string } | { stored: false; reason: string };

export interface HttpCacheOptions {
  /** Largest total size in bytes; older entries are evicted first. Unlimited when absent. */
  maxBytes?: number;
  /** Wall clock, ms since the epoch (injectable for tests). */
  now?: () => number;
}

/**
 * Header fields a 304 does not update (RFC 9111 §3.2): hop-by-hop fields, Content-Length,
 * and the fields the stored body depends upon.
 */
const NOT_UPDATED_BY_304 = new Set([
  'connection',
  'keep-alive',
  'proxy-connection',
  'proxy-authenticate',
  'proxy-authorization',
  'te',
  'trailer',
  'transfer-encoding',
  'upgrade',
  'content-length',
  'content-encoding',
  'content-range',
  'content-type',
]);

function cacheKey(url: string): string {
  try {
    const parsed = new URL(url);
    parsed.hash = '';
    return parsed.href;
  } catch {
    return url;
  }
}

/** The value a request header contributes to Vary matching: all lines, whitespace-normalized. */
function varyValue(headers: readonly (readonly [string, string])[], name: string): string | null {
  const values = headerValues(headers, name);
  if (values.length === 0) return null;
  return values
    .map((v) => v.trim().replace(/[ \t]+/g, ' '))
    .join(', ')
    .replace(/\s*,\s*/g, ', ');
}

function varyNames(headers: readonly (readonly [string, string])[]): string[] {
  const names = headerValues(headers, 'vary')
    .flatMap((v) => v.split(','))
    .map((n) => n.trim().toLowerCase())
    .filter((n) => n !== '');
  return [...new Set(names)];
}

function timingOf(entry: HttpCacheEntry): StoredResponseTiming {
  return {
    status: entry.head.status,
    headers: entry.head.headers,
    requestTime: entry.requestTime,
    responseTime: entry.responseTime,
  };
}

function sizeOf(head: CachedResponseHead, body: Uint8Array): number {
  return body.byteLength + head.headers.reduce((sum, [n, v]) => sum + n.length + v.length + 4, 0);
}

/** Opaque part of an entity tag (weak prefix dropped), for matching a 304 to the stored response. */
function opaqueTag(etag: string): string {
  return etag.trim().replace(/^W\//, '');
}

export class HttpCache {
  private readonly entriesByKey = new Map<string, HttpCacheEntry>();
  private readonly maxBytes: number;
  private readonly now: () => number;
  private bytes = 0;

  constructor(options: HttpCacheOptions = {}) {
    this.maxBytes = options.maxBytes ?? Infinity;
    this.now = options.now ?? Date.now;
  }

  /**
   * Looks up a GET for `url`. A stored response whose Vary'd request headers differ from
   * `requestHeaders` is a miss. A fresh response can be used without the network; a stale
   * one (or one marked no-cache, or a reload) needs a conditional request with the
   * returned headers (empty when the response has no validator: then the request goes out
   * unconditionally and its response replaces the entry).
   */
  lookup(url: string, requestHeaders: [string, string][]): HttpCacheLookup {
    const key = cacheKey(url);
    const entry = this.entriesByKey.get(key);
    if (!entry) return { kind: 'miss', reason: 'not in the cache' };
    for (const [name, stored] of entry.varyRequestHeaders) {
      const current = varyValue(requestHeaders, name);
      if (current !== stored)
        return {
          kind: 'miss',
          reason: `Vary: ${name} differs (stored ${stored === null ? 'absent' : JSON.stringify(stored)}, request ${current === null ? 'absent' : JSON.stringify(current)})`,
        };
    }
    this.touch(key, entry);
    const freshness = describeFreshness(timingOf(entry), this.now(), requestHeaders);
    if (!freshness.revalidate) return { kind: 'fresh', entry, freshness };
    return { kind: 'stale', entry, conditionalHeaders: conditionalHeadersFor(entry.head), freshness };
  }

  /**
   * Stores the response to a GET of `url` when RFC 9111 §3 allows it, replacing any
   * previous entry. A response that may not be stored removes the previous entry (it is
   * superseded). `times` are ms since the epoch.
   */
  store(
    url: string,
    requestHeaders: [string, string][],
    responseHead: CachedResponseHead,
    body: Uint8Array,
    times: { requestTime: number; responseTime: number },
  ): HttpCacheStoreResult {
    const key = cacheKey(url);
    const problem = storageProblem({ method: 'GET', headers: requestHeaders }, responseHead);
    if (problem !== null) {
      this.invalidate(key);
      return { stored: false, reason: problem };
    }
    const head: CachedResponseHead = {
      status: responseHead.status,
      statusText: responseHead.statusText,
      httpVersion: responseHead.httpVersion,
      headers: responseHead.headers.map(([n, v]): [string, string] => [n, v]),
    };
    const entry: HttpCacheEntry = {
      key,
      head,
      body: new Uint8Array(body),
      requestTime: times.requestTime,
      responseTime: times.responseTime,
      varyRequestHeaders: varyNames(head.headers).map((name): [string, string | null] => [
        name,
        varyValue(requestHeaders, name),
      ]),
      size: sizeOf(head, body),
    };
    if (entry.size > this.maxBytes) {
      this.invalidate(key);
      return {
        stored: false,
        reason: `the response (${entry.size} bytes) is larger than the whole cache (${this.maxBytes} bytes)`,
      };
    }
    this.invalidate(key);
    this.entriesByKey.set(key, entry);
    this.bytes += entry.size;
    const lifetime = freshnessLifetimeWithSource(entry.head, 'GET', entry.responseTime);
    const reason =
      'no-cache' in cacheControlOf(entry.head.headers)
        ? 'stored; Cache-Control: no-cache, so it is revalidated before every use'
        : lifetime === null || lifetime.seconds === 0
          ? 'stored; it has no freshness lifetime, so it is revalidated before every use'
          : `stored; fresh for ${lifetime.seconds} s (${lifetime.source})`;
    return { stored: true, entry, evicted: this.evict(key), reason };
  }

  /**
   * Applies a 304 Not Modified to the stored response for `url` (RFC 9111 §4.3.4): its
   * header fields replace the stored ones (except hop-by-hop fields, Content-Length and
   * the fields the stored body depends on) and the entry's request/response times become
   * those of the revalidation. Returns the updated entry, or null when nothing is stored
   * or the 304's ETag names a different representation.
   */
  updateFromNotModified(
    url: string,
    headersOf304: [string, string][],
    times: { requestTime: number; responseTime: number },
  ): HttpCacheEntry | null {
    const key = cacheKey(url);
    const entry = this.entriesByKey.get(key);
    if (!entry) return null;
    const newTag = headerValue(headersOf304, 'etag');
    const storedTag = headerValue(entry.head.headers, 'etag');
    if (newTag !== null && storedTag !== null && opaqueTag(newTag) !== opaqueTag(storedTag)) return null;

    const replacements = new Map<string, [string, string][]>();
    for (const [name, value] of headersOf304) {
      const lower = name.toLowerCase();
      if (NOT_UPDATED_BY_304.has(lower)) continue;
      const list = replacements.get(lower) ?? [];
      list.push([name, value]);
      replacements.set(lower, list);
    }
    const merged: [string, string][] = [];
    const placed = new Set<string>();
    for (const [name, value] of entry.head.headers) {
      const lower = name.toLowerCase();
      const replacement = replacements.get(lower);
      if (!replacement) {
        merged.push([name, value]);
      } else if (!placed.has(lower)) {
        merged.push(...replacement);
        placed.add(lower);
      }
    }
    for (const [lower, replacement] of replacements) if (!placed.has(lower)) merged.push(...replacement);

    const head: CachedResponseHead = { ...entry.head, headers: merged };
    const updated: HttpCacheEntry = {
      ...entry,
      head,
      requestTime: times.requestTime,
      responseTime: times.responseTime,
      size: sizeOf(head, entry.body),
    };
    this.entriesByKey.delete(key);
    this.bytes -= entry.size;
    this.entriesByKey.set(key, updated);
    this.bytes += updated.size;
    this.evict(key);
    return this.entriesByKey.get(key) ?? null;
  }

  /** Removes the entry for `url`; true when there was one. */
  invalidate(url: string): boolean {
    const key = cacheKey(url);
    const entry = this.entriesByKey.get(key);
    if (!entry) return false;
    this.entriesByKey.delete(key);
    this.bytes -= entry.size;
    return true;
  }

  /** Every entry, least recently used first, for display. */
  entries(): HttpCacheEntry[] {
    return [...this.entriesByKey.values()];
  }

  /** Total bytes held. */
  get totalBytes(): number {
    return this.bytes;
  }

  clear(): void {
    this.entriesByKey.clear();
    this.bytes = 0;
  }

  private touch(key: string, entry: HttpCacheEntry): void {
    this.entriesByKey.delete(key);
    this.entriesByKey.set(key, entry);
  }

  /** Evicts least recently used entries until the cache fits; `keep` is evicted last. Returns the evicted keys. */
  private evict(keep?: string): string[] {
    const evicted: string[] = [];
    for (const [key, entry] of this.entriesByKey) {
      if (this.bytes <= this.maxBytes) break;
      if (key === keep) continue;
      this.entriesByKey.delete(key);
      this.bytes -= entry.size;
      evicted.push(key);
    }
    if (this.bytes > this.maxBytes && keep !== undefined) {
      const entry = this.entriesByKey.get(keep);
      if (entry) {
        this.entriesByKey.delete(keep);
        this.bytes -= entry.size;
        evicted.push(keep);
      }
    }
    return evicted;
  }
}
